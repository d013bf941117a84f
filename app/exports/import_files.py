"""Reading an import folder as an attacker might have prepared it.

Nothing from the folder is trusted before it is checked, and every check fails as one
``ImportProblem`` (file, row, column, reason) instead of a traceback:

* ``read_manifest``: ``manifest.json`` is a bounded, UTF-8 JSON *object*; its ``files``
  is a list of entries, each a plain file name (no folder, no path) with a SHA-256.
* ``check_listed_files``: the manifest lists every file in the folder and every listed
  file is there, a regular file whose SHA-256 matches; ``"files": []`` therefore refuses
  the folder instead of skipping the check. The data and dictionary must be listed.
  Hidden files and the operating systems' own litter (``.DS_Store``, ``Thumbs.db``) are
  passed over: they are never read, and a copied folder often has them.
* ``read_csv_file``: the CSV is streamed line by line with bounded lines and cells, and
  reading stops at the first violation of size or shape (a 100 MiB file of junk is
  refused at its first bad line, in milliseconds, without being loaded).
* ``value_problem``: every value is checked against its field: numbers are finite and
  within range, codes are from their lists, dates are dates, text fits the column it is
  stored in, hashes are SHA-256 hex, JSON is JSON, and the study id is a study id. A
  spreadsheet formula therefore never lands in a field an export writes as it stands.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import json
import math
import re
import stat
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from app.db.models import (
    AdverseEvent,
    ArmAssignment,
    Enrollment,
    InstrumentValue,
    Patient,
    PatientIdentity,
    Prescription,
    PriorTherapy,
    Screening,
    Visit,
)
from app.domain.instruments.medications import UNCODED_JSON, uncoded_items_problem
from app.domain.patient import STUDY_ID_PATTERN
from app.domain.phrases import Grouped, Number, Phrase, Sentence, phrase, sentence
from app.exports import import_sentences as said
from app.reports.csv_safety import BOM
from app.reports.fields import Field

MANIFEST = "manifest.json"
DATA = "redcap_data.csv"
DICTIONARY = "redcap_data_dictionary.csv"
REQUIRED_FILES = (DATA, DICTIONARY)

MAX_MANIFEST_BYTES = 1024 * 1024
MAX_MANIFEST_FILES = 64
MAX_FILE_NAME = 255
# An export of 10,000 children is about 90 MiB; four times that is still a legitimate
# clinic, and anything larger is refused before it is read.
MAX_CSV_BYTES = 400 * 1024 * 1024
# The longest line the application writes is one wide data row (a few kB, more with
# long notes); no line of a real export comes near this.
MAX_LINE_BYTES = 4 * 1024 * 1024
# The longest text a person types into one field (notes, a derivation); more is junk.
MAX_CELL_CHARS = 20_000
MAX_INSTANCE_DIGITS = 6  # repeat instances 1 … 999,999
MAX_PROBLEMS = 50  # a folder with more problems than this is not worth reading further

SHA256_HEX = re.compile(r"^[0-9a-f]{64}$")
INSTANCE = re.compile(rf"[0-9]{{1,{MAX_INSTANCE_DIGITS}}}")


@dataclass(frozen=True)
class ImportProblem:
    file: str
    row: int | None  # 1 = header line
    column: str | None
    reason: str  # a Sentence where import_sentences has it (the interface translates it)

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", column {self.column}"
        return f"{where}: {self.reason}"


class ImportRejected(Exception):
    """Nothing was imported; ``problems`` says where and why (the first on the first line)."""

    def __init__(self, problems: list[ImportProblem]) -> None:
        self.problems = problems
        self.first_line = f"The import was rejected; nothing was changed: {problems[0]}"
        if len(problems) > 1:
            self.first_line += f" (and {len(problems) - 1} more problems)"
        shown = "".join(f"\n  {p}" for p in problems[1:50])
        more = f"\n  … and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"{self.first_line}{shown}{more}")


class _Stop(Exception):
    """Reading a file stops here (its problem is already recorded)."""


# ------------------------------------------------------------------------ manifest


@dataclass(frozen=True)
class ManifestFile:
    name: str
    sha256: str


@dataclass(frozen=True)
class Manifest:
    data: dict[str, Any]
    files: tuple[ManifestFile, ...]
    sha256: str  # of manifest.json itself: what the import's audit entry names


def _regular_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.lstat().st_mode)
    except OSError:
        return False


def _file_name_problem(name: object) -> Sentence | None:
    if not isinstance(name, str) or not name:
        return sentence(said.NO_FILE_NAME)
    if (len(name) > MAX_FILE_NAME or name in (".", "..") or "/" in name or "\\" in name
            or "\x00" in name or ":" in name):
        return sentence(said.NOT_PLAIN_NAME, repr(name[:80]))
    return None


def read_manifest(directory: Path, problems: list[ImportProblem], *,
                  profile: str = "identified") -> Manifest | None:
    """The manifest, checked for shape; None (with the problem recorded) otherwise.
    ``profile``: the export's profile this reader takes (a pooled database takes only
    de-identified exports, app.exports.pooling)."""
    path = directory / MANIFEST
    if not path.exists() and not path.is_symlink():
        problems.append(ImportProblem(MANIFEST, None, None, sentence(said.MANIFEST_MISSING)))
        return None
    if not _regular_file(path):
        problems.append(ImportProblem(MANIFEST, None, None,
                                      sentence(said.MANIFEST_NOT_A_FILE)))
        return None
    if path.lstat().st_size > MAX_MANIFEST_BYTES:
        problems.append(ImportProblem(MANIFEST, None, None, sentence(
            said.MANIFEST_TOO_LARGE, Grouped(f"{MAX_MANIFEST_BYTES:,}"))))
        return None
    raw = path.read_bytes()
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        reason = error.__class__.__name__ if isinstance(error, RecursionError) else str(error)
        problems.append(ImportProblem(MANIFEST, None, None, sentence(said.NOT_JSON, reason)))
        return None
    if not isinstance(data, dict):
        problems.append(ImportProblem(MANIFEST, None, None,
                                      sentence(said.MUST_BE_OBJECT, _json_kind(data))))
        return None
    before = len(problems)
    if data.get("format") != "redcap":
        problems.append(ImportProblem(MANIFEST, None, "format", sentence(said.ONLY_REDCAP)))
    if profile == "deidentified" and data.get("profile") != profile:
        problems.append(ImportProblem(MANIFEST, None, "profile", sentence(
            said.POOLED_TAKES_DEIDENTIFIED, str(data.get("profile"))[:20])))
    elif profile == "identified" and data.get("profile") != "identified":
        problems.append(ImportProblem(MANIFEST, None, "profile",
                                      sentence(said.ONLY_IDENTIFIED)))
    entries = data.get("files")
    if not isinstance(entries, list):
        problems.append(ImportProblem(MANIFEST, None, "files",
                                      sentence(said.FILES_NOT_A_LIST, _json_kind(entries))))
        return None
    if len(entries) > MAX_MANIFEST_FILES:
        problems.append(ImportProblem(MANIFEST, None, "files", sentence(
            said.TOO_MANY_FILES, Number(str(len(entries))))))
        return None
    files: list[ManifestFile] = []
    seen: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        where = f"files[{number}]"
        if not isinstance(entry, dict):
            problems.append(ImportProblem(MANIFEST, None, where,
                                          sentence(said.ENTRY_NOT_OBJECT, _json_kind(entry))))
            continue
        name, digest = entry.get("name"), entry.get("sha256")
        problem = _file_name_problem(name)
        if problem is None and name.casefold() in seen:
            problem = sentence(said.LISTED_TWICE, repr(name))
        if problem is None and (not isinstance(digest, str) or not SHA256_HEX.match(digest)):
            problem = sentence(said.NO_SHA256, repr(name))
        if problem is not None:
            problems.append(ImportProblem(MANIFEST, None, where, problem))
            continue
        seen.add(name.casefold())
        files.append(ManifestFile(name, digest))
    unlisted = [name for name in REQUIRED_FILES if name.casefold() not in seen]
    if unlisted:
        missing = phrase(said.REQUIRED_EITHER, *unlisted) if len(unlisted) == 2 else unlisted[0]
        problems.append(ImportProblem(MANIFEST, None, "files",
                                      sentence(said.NOT_LISTED_REQUIRED, missing)))
    if len(problems) > before:
        return None
    return Manifest(data, tuple(files), hashlib.sha256(raw).hexdigest())


def _json_kind(value: object) -> Phrase:
    """What a JSON value is, with its article ("a list")."""
    return phrase({dict: said.A_JSON_OBJECT, list: said.A_LIST, str: said.A_STRING,
                   bool: said.A_TRUE_FALSE, type(None): said.A_NULL, int: said.A_NUMBER,
                   float: said.A_NUMBER}.get(type(value), said.A_VALUE))


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


OS_LITTER = ("thumbs.db", "desktop.ini")


def _is_litter(name: str) -> bool:
    return name.startswith(".") or name.casefold() in OS_LITTER


def check_listed_files(directory: Path, manifest: Manifest,
                       problems: list[ImportProblem]) -> None:
    """Every file in the folder is listed, every listed file is there and unchanged."""
    listed = {entry.name.casefold(): entry for entry in manifest.files}
    for child in sorted(directory.iterdir()):
        if child.name == MANIFEST or (child.name.casefold() not in listed
                                      and _is_litter(child.name)):
            continue
        if child.name.casefold() not in listed:
            problems.append(ImportProblem(child.name, None, None, sentence(
                said.FOLDER_NOT_LISTED if child.is_dir() else said.FILE_NOT_LISTED)))
    for entry in manifest.files:
        path = directory / entry.name
        if not path.exists() and not path.is_symlink():
            problems.append(ImportProblem(entry.name, None, None,
                                          sentence(said.LISTED_MISSING)))
        elif not _regular_file(path):
            problems.append(ImportProblem(entry.name, None, None,
                                          sentence(said.LISTED_NOT_REGULAR)))
        elif path.lstat().st_size > MAX_CSV_BYTES:
            problems.append(ImportProblem(entry.name, None, None, _too_large()))
        elif _sha256_of(path) != entry.sha256:
            problems.append(ImportProblem(entry.name, None, None, sentence(said.CHANGED)))


def _too_large() -> Sentence:
    return sentence(said.TOO_LARGE, Number(str(MAX_CSV_BYTES // (1024 * 1024))))


# ----------------------------------------------------------------------- CSV files


def _lines(path: Path, name: str, header_columns: list[str]) -> Iterator[str]:
    """Decoded physical lines, bounded; a bad byte or an endless line stops reading."""
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    with path.open("rb") as handle:
        number = 0
        while True:
            raw = handle.readline(MAX_LINE_BYTES + 1)
            if not raw:
                return
            number += 1
            if len(raw) > MAX_LINE_BYTES:
                raise _LineProblem(ImportProblem(name, number, None, sentence(
                    said.LINE_TOO_LONG, Number(str(MAX_LINE_BYTES // (1024 * 1024))))))
            try:
                text = decoder.decode(raw)
            except UnicodeDecodeError as error:
                before = raw[:error.start].decode("utf-8", errors="replace")
                column_index = before.count(",")  # good enough for the rows this app writes
                column = header_columns[column_index] if column_index < len(
                    header_columns) else None
                raise _LineProblem(ImportProblem(name, number, column, sentence(
                    said.BAD_ENCODING, f"{raw[error.start]:02x}"))) from None
            if number == 1 and text.startswith(BOM):
                text = text[1:]
            yield text


class _LineProblem(Exception):
    def __init__(self, problem: ImportProblem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def read_csv_file(directory: Path, name: str, problems: list[ImportProblem]
                  ) -> list[list[str]] | None:
    """All rows of a CSV of the export, or None at the first problem of size or shape.

    Every row must have as many cells as the header, and no cell may be longer than
    MAX_CELL_CHARS; the first row that breaks either stops the reading."""
    path = directory / name
    if not path.exists() and not path.is_symlink():
        problems.append(ImportProblem(name, None, None, sentence(said.FILE_MISSING)))
        return None
    if not _regular_file(path):
        problems.append(ImportProblem(name, None, None, sentence(said.NOT_REGULAR)))
        return None
    if path.lstat().st_size > MAX_CSV_BYTES:
        problems.append(ImportProblem(name, None, None, _too_large()))
        return None
    header: list[str] = []
    rows: list[list[str]] = []
    reader = csv.reader(_lines(path, name, header), strict=True)
    try:
        for row in reader:
            number = reader.line_num
            long = next((i for i, cell in enumerate(row) if len(cell) > MAX_CELL_CHARS), None)
            if long is not None:
                column = header[long] if long < len(header) else None
                problems.append(ImportProblem(name, number, column, sentence(
                    said.CELL_TOO_LONG, Grouped(f"{len(row[long]):,}"),
                    Grouped(f"{MAX_CELL_CHARS:,}"))))
                return None
            if not rows and not header:
                header.extend(row)
            elif len(row) != len(header):
                problems.append(ImportProblem(name, number, None, sentence(
                    said.CELLS_DIFFER, Number(str(len(row))), Number(str(len(header))))))
                return None
            rows.append(row)
    except _LineProblem as stopped:
        problems.append(stopped.problem)
        return None
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            reason = sentence(said.CELL_OVER_LIMIT, Grouped(f"{csv.field_size_limit():,}"),
                              Grouped(f"{MAX_CELL_CHARS:,}"))
        else:
            reason = sentence(said.NOT_CSV, str(error))
        problems.append(ImportProblem(name, reader.line_num, None, reason))
        return None
    return rows


# -------------------------------------------------------------------------- values

# The stored column each free-text field of the import lands in: its width is the
# longest value the field may hold (Text columns: MAX_CELL_CHARS).
STORED_IN: dict[str, Any] = {
    "pt_given_name": PatientIdentity.given_name, "pt_family_name": PatientIdentity.family_name,
    "pt_mrn": PatientIdentity.mrn, "pt_site": Patient.site, "pt_site_other": Patient.site,
    "pt_clinic": Patient.site,
    "scr_protocol_id": Screening.protocol_id, "scr_protocol_version": Screening.protocol_version,
    "scr_by": Screening.screened_by,
    "prior_drug": PriorTherapy.drug, "prior_drug_other": PriorTherapy.drug,
    "prior_notes": PriorTherapy.notes,
    "enr_protocol_id": Enrollment.protocol_id,
    "enr_protocol_version": Enrollment.protocol_version, "enr_by": Enrollment.enrolled_by,
    "enr_end_reason": Enrollment.end_reason,
    "arm_id": ArmAssignment.arm_id, "arm_reason": ArmAssignment.reason,
    "arm_notes": ArmAssignment.notes, "arm_created_by": ArmAssignment.created_by,
    "rx_drug": Prescription.drug, "rx_unit": Prescription.unit, "rx_per": Prescription.per,
    "rx_frequency": Prescription.frequency, "rx_route": Prescription.route,
    "rx_status": Prescription.status, "rx_source": Prescription.source,
    "rx_derivation": Prescription.derivation, "rx_override_reason": Prescription.override_reason,
    "rx_prescribed_by": Prescription.prescribed_by,
    "vis_label": Visit.label, "vis_signature_meaning": Visit.signature_meaning,
    "vis_completed_by": Visit.completed_by, "vis_signed_by": Visit.signed_by,
    "ae_visit": Visit.visit_code, "ae_description": AdverseEvent.description,
    "ae_action": AdverseEvent.action_taken, "ae_reported_by": AdverseEvent.reported_by,
}
HASH_FIELDS = ("scr_protocol_hash", "enr_protocol_hash")
JSON_FIELDS = {"scr_details_json": dict, "rx_inputs_json": dict, "rx_schedule_json": list,
               UNCODED_JSON: dict}
ITEM_TEXT_WIDTH = InstrumentValue.value_text
UNIT_WIDTH = InstrumentValue.unit


def _width(column: Any) -> int:
    length = getattr(column.type, "length", None)
    return min(length, MAX_CELL_CHARS) if length else MAX_CELL_CHARS


def _text_problem(value: str, width: int, *, lines: bool) -> str | None:
    if len(value) > width:
        return sentence(said.TOO_MANY_CHARACTERS, Grouped(f"{len(value):,}"),
                        Grouped(f"{width:,}"))
    allowed = "\t\n\r" if lines else "\t"
    bad = next((ch for ch in value if unicodedata.category(ch) == "Cc" and ch not in allowed),
               None)
    if bad is not None:
        return sentence(said.CONTROL_CHARACTER, f"{ord(bad):04X}")
    return None


def study_id_problem(value: str) -> str | None:
    """Why ``value`` cannot be a study id (the rule the patient form applies)."""
    if not STUDY_ID_PATTERN.match(value):
        shown = value if len(value) <= 40 else value[:40] + "…"
        return sentence(said.NOT_A_STUDY_ID, repr(shown))
    return None


def _shown_for(f: Field) -> Callable[..., object]:
    """How a refusal quotes a value of ``f``: as the file has it, or, for a field the
    de-identified export leaves out (names, MRN, dates, free text), not at all."""
    if f.identifier:
        return lambda _value, quote=True: phrase(said.THIS_CELL)
    return lambda value, quote=True: repr(value) if quote else value


def value_problem(f: Field, column: str, value: str, *, unit_column: bool = False,
                  item_text: bool = False) -> str | None:
    """Why ``value`` is not acceptable for the field (None when fine)."""
    if value == "":
        return None
    shown = _shown_for(f)
    if f.type in ("checkbox", "yesno"):
        return None if value in ("0", "1") else sentence(said.MUST_BE_0_OR_1, shown(value))
    if f.type == "dropdown":
        codes = [c for c, _ in f.choices]
        return None if value in codes else sentence(said.NOT_ONE_OF, shown(value[:40]),
                                                    ", ".join(codes))
    if f.validation == "date_ymd":
        try:
            date.fromisoformat(value)
        except ValueError:
            return sentence(said.NOT_A_DATE, shown(value[:40]))
        return None
    if f.validation == "datetime_seconds_ymd":
        try:
            datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
        except ValueError:
            return sentence(said.NOT_A_DATE_TIME, shown(value[:40]))
        return None
    if f.validation in ("integer", "number", "number_1dp"):
        return _number_problem(f, value, shown)
    if column == "record_id":
        return study_id_problem(value)
    if column in HASH_FIELDS:
        return None if SHA256_HEX.match(value) else sentence(said.NOT_A_SHA256,
                                                            shown(value[:40]))
    text = value  # as entered (an escaped file was unescaped when read)
    if column in JSON_FIELDS:
        try:
            parsed = json.loads(text)
        except (json.JSONDecodeError, RecursionError):
            return sentence(said.NOT_VALID_JSON)
        wanted = JSON_FIELDS[column]
        if not isinstance(parsed, wanted):
            return sentence(said.MUST_BE_JSON_OBJECT if wanted is dict
                            else said.MUST_BE_JSON_LIST)
        if column == UNCODED_JSON:
            return uncoded_items_problem(parsed)
        return None
    if unit_column:
        return _text_problem(text, _width(UNIT_WIDTH), lines=False)
    stored = STORED_IN.get(column)
    if stored is None:
        width = _width(ITEM_TEXT_WIDTH) if item_text else MAX_CELL_CHARS
        return _text_problem(text, width, lines=f.type == "notes")
    return _text_problem(text, _width(stored), lines=f.type == "notes")


def _number_problem(f: Field, value: str, shown: Callable[..., object]) -> str | None:
    if len(value) > 40:
        return sentence(said.NOT_A_NUMBER_CUT, shown(value[:40]))
    try:
        number = Decimal(value)
    except InvalidOperation:
        return sentence(said.NOT_A_NUMBER, shown(value))
    if not number.is_finite() or math.isinf(float(number)):
        return sentence(said.NOT_A_NUMBER, shown(value))
    if f.validation == "integer" and number != number.to_integral_value():
        return sentence(said.NOT_WHOLE, shown(value))
    if f.validation == "number_1dp" and number.as_tuple().exponent < -1:  # type: ignore
        return sentence(said.ONE_DECIMAL, shown(value))
    if f.minimum and number < Decimal(f.minimum):
        return sentence(said.BELOW_MINIMUM, shown(value, quote=False), str(f.minimum))
    if f.maximum and number > Decimal(f.maximum):
        return sentence(said.ABOVE_MAXIMUM, shown(value, quote=False), str(f.maximum))
    return None


def instance_problem(value: str) -> str | None:
    if not INSTANCE.fullmatch(value) or int(value) < 1:
        return sentence(said.INSTANCE_FROM_1, repr(value[:20]))
    return None
