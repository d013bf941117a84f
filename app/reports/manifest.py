"""``manifest.json`` beside every export: what is in it and how to check it.

Files with SHA-256 and data-row counts, profile, format, application version, protocol
versions, data dictionary version, the time of export (exports.md) and the head of the
audit trail after the export was recorded. The time and the audit head (and the creation
time inside the REDCap project XML) are all that differs between two exports of the same
data.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from app.reports.dataset import ExportInfo
from app.reports.fields import DICTIONARY_VERSION
from app.reports.wide import ARMS_FILE, INFUSIONS_FILE

MANIFEST_NAME = "manifest.json"
# How the data file of each format writes text that begins with a formula character.
NOT_ESCAPED = "none: text exactly as entered (a REDCap import file)"
ESCAPED = ("apostrophe before text beginning with =, +, - or @, so that a spreadsheet "
           "shows it instead of running it (numbers are never escaped)")
FORMULA_ESCAPING = {"redcap": ("redcap_data.csv", NOT_ESCAPED),
                    "wide": ("wide_data.csv", ESCAPED),
                    "odm": ("odm_clinical_data.xml", "none: text exactly as entered (XML "
                            "character escaping only)")}

# The wide format's treatment-course files, escaped as its data file.
WIDE_COURSE_FILES = (ARMS_FILE, INFUSIONS_FILE)

@dataclass(frozen=True)
class FileEntry:
    name: str
    sha256: str
    rows: int
    bytes: int


def manifest_data(info: ExportInfo, files: list[FileEntry], records: int,
                  audit_head: tuple[int, str] | None = None) -> dict:
    """``audit_head``: (id, hash) of the newest audit entry, the export's own:
    a copy of the chain's head held outside the database, by whoever receives the export.
    """
    return {
        "application": "jdm-ctp",
        "application_version": info.application_version,
        "format": info.format,
        "profile": info.profile,
        "data_dictionary_version": DICTIONARY_VERSION,
        # The dictionary this export's data follows: its version and the SHA-256 of its
        # canonical file (UTF-8 without BOM), the same for every database with the same
        # plans (``jdm-ctp dictionary`` writes it alone).
        "data_dictionary": {"version": DICTIONARY_VERSION, "profile": info.profile,
                            "sha256": info.dictionary_sha256},
        "exported_at": info.exported_at.isoformat(timespec="seconds"),
        # The site the records come from; a coordinator pooling sites reads it
        # (app.exports.pooling).
        "site": info.site,
        "encoding": "utf-8-sig" if info.bom else "utf-8",
        "records": records,
        "protocol_versions": [
            {"id": p.id, "version": p.version, "content_hash": p.content_hash,
             "origin": p.origin}
            for p in info.protocols
        ],
        "unmapped_values": info.unmapped_values,
        "formula_escaping": dict([FORMULA_ESCAPING[info.format], *(
            (name, ESCAPED) for name in WIDE_COURSE_FILES if info.format == "wide")]),
        "audit_trail_head": None if audit_head is None else {
            "entry_id": audit_head[0], "entry_hash": audit_head[1]},
        "files": [
            {"name": f.name, "sha256": f.sha256, "rows": f.rows, "bytes": f.bytes}
            for f in files
        ],
    }


def write_manifest(directory: Path, data: dict) -> Path:
    path = directory / MANIFEST_NAME
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def verify_manifest(directory: Path) -> list[str]:
    """Problems found checking the files against the manifest (empty list = all good)."""
    data = json.loads((directory / MANIFEST_NAME).read_text(encoding="utf-8"))
    problems = []
    for entry in data["files"]:
        path = directory / entry["name"]
        if not path.exists():
            problems.append(f"{entry['name']}: missing")
            continue
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != entry["sha256"]:
            problems.append(f"{entry['name']}: SHA-256 does not match the manifest")
    return problems
