"""A draft kept outside the database, when the database's disk is full.

Drafts normally live in the database (app.db.drafts), so on a full disk they cannot be
saved either. The form then stays open with everything typed and, where it helps, a
plain JSON copy of the draft is written to the user's data folder. Only where it helps:

* the data folder must be on another device than the database: on the same full disk
  the copy could not be written either, and the form says so instead of pretending;
* the database must not be encrypted: a plain copy would put patient data on the disk
  unencrypted, which is what the clinic chose encryption to prevent.

The form that reopens the record takes the copy back if it is newer than the draft in
the database, and deletes it once the draft or the record itself has been saved.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from app import paths
from app.db.engine import Database
from app.db.file_health import same_device
from app.db.types import utcnow
from app.domain.phrases import sentence
from app.reports.output_files import OutputWriteError, atomic_file

FOLDER_NAME = "unsaved-drafts"
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


@dataclass(frozen=True)
class KeptDraft:
    payload: dict[str, Any]
    saved_at: datetime
    path: Path


# What the form is told about the copy (app/forms/terms.py lists them under "File health":
# the visit form says them in the interface's language after the storage's sentence).
ENCRYPTED_NO_COPY = ("No copy was written elsewhere: the database is encrypted and a copy "
                     "outside it would not be.")
SAME_FULL_DISK = ("No copy could be kept elsewhere: your data folder (%1) is on the same full "
                  "disk. Keep this window open.")
NO_COPY = "No copy could be kept elsewhere (%1). Keep this window open."
NO_COPY_EITHER = "No copy could be kept elsewhere either (%1). Keep this window open."
COPY_KEPT = ("A copy of what you entered is kept in %1; it comes back when this form is opened "
             "again.")
FALLBACK_SENTENCES = (ENCRYPTED_NO_COPY, SAME_FULL_DISK, NO_COPY, NO_COPY_EITHER, COPY_KEPT)


@dataclass(frozen=True)
class KeepOutcome:
    """Where the copy went (None: nowhere) and one sentence saying so, for the form."""

    path: Path | None
    message: str


def _folder() -> Path:
    return paths.data_dir() / FOLDER_NAME


def draft_path(database: Database, kind: str, key: str) -> Path:
    """One file per database, kind and key: two databases never mix their drafts."""
    owner = hashlib.sha256(database.display_name.encode("utf-8")).hexdigest()[:12]
    return _folder() / f"{owner}-{_UNSAFE.sub('_', kind)}-{_UNSAFE.sub('_', key)}.json"


def _why_not(database: Database) -> str | None:
    """Why no copy may be written outside the database, or None if it may."""
    if database.encrypted:
        return sentence(ENCRYPTED_NO_COPY)
    db_file = database.file_path
    if db_file is None:  # a server database: this computer's disk is another device
        return None
    try:
        if same_device(db_file.parent, paths.data_dir()):
            return sentence(SAME_FULL_DISK, str(paths.data_dir()))
    except OSError as exc:
        return sentence(NO_COPY, str(exc.strerror))
    return None


def keep(database: Database, kind: str, key: str, payload: dict[str, Any]) -> KeepOutcome:
    """Write the draft as JSON to the data folder if that helps (see module docstring)."""
    reason = _why_not(database)
    if reason is not None:
        return KeepOutcome(None, reason)
    target = draft_path(database, kind, key)
    document = {"database": database.display_name, "kind": kind, "key": key,
                "saved_at": utcnow().isoformat(), "payload": payload}
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with atomic_file(target) as partial:
            partial.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    except (OSError, OutputWriteError) as exc:
        return KeepOutcome(None, sentence(NO_COPY_EITHER, str(exc)))
    return KeepOutcome(target, sentence(COPY_KEPT, str(target)))


def load(database: Database, kind: str, key: str) -> KeptDraft | None:
    """The copy kept for this record, or None (also for an unreadable copy)."""
    path = draft_path(database, kind, key)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        payload = document["payload"]
        saved_at = datetime.fromisoformat(document["saved_at"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not isinstance(payload, dict) or saved_at.tzinfo is None:
        return None
    return KeptDraft(payload, saved_at, path)


def discard(database: Database, kind: str, key: str) -> None:
    """The draft or the record reached the database: the copy is no longer needed."""
    discard_at(draft_path(database, kind, key))


def discard_at(path: Path) -> None:
    """``discard`` for a ``draft_path`` already known (a form asks it once, not at each
    save: finding the data folder checks the disk)."""
    with contextlib.suppress(OSError):
        path.unlink()
