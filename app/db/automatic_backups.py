"""The automatic backups: daily and on exit, their file names and how many are kept.

Automatic backups (on exit, daily) go to ``paths.backup_dir()`` as
``<db>-auto-<UTC time>.sqlite3`` (``.jdmbak`` when encrypted); only those are rotated
(keep the last N, default 10). Manual and pre-upgrade backups are never deleted. Each is
made as any backup is (app.db.backup), as ``AUTOMATIC_BACKUP_TASK``; a daily one is an
entry in the database's audit trail. What one did is a ``BackupOutcome``, never an
exception into the window.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from app import paths
from app.db import backup_sentences as said
from app.db import encryption
from app.db.backup import (
    ENCRYPTED_SUFFIX,
    PLAIN_SUFFIX,
    BackupError,
    backup_database,
    database_key,
)
from app.db.engine import resolve_database_url
from app.db.opening import DatabaseOpenError
from app.db.types import utcnow
from app.domain.permissions import AUTOMATIC_BACKUP_TASK, Actor
from app.domain.phrases import said_by, sentence

DEFAULT_KEEP = 10
DAILY_INTERVAL = timedelta(hours=24)
_STAMP_FORMAT = "%Y%m%dT%H%M%S%fZ"
_AUTO_PATTERN = re.compile(r"^(?P<stem>.+)-auto-(?P<stamp>\d{8}T\d{12}Z)(?:\.sqlite3|\.jdmbak)$")

# What an automatic backup did (BackupOutcome.kind).
SAVED = "saved"
ON_SERVER = "on server"  # a server database: backed up on the server, nothing to do here
FAILED = "failed"  # ``problem`` says why (the error's own words)
NOT_AUDITED = "not audited"  # saved, but its entry in the audit trail could not be written
UNEXPECTED = "unexpected"  # an error nobody foresaw: ``problem`` names its type only


@dataclass(frozen=True)
class BackupOutcome:
    """What an automatic backup did, for a status bar and the log: never raises into the
    GUI. It carries what happened, not a sentence: the window writes its own words in the
    interface's language (app.forms.backup_status); ``message`` is the English of the log
    and the terminal."""

    kind: str
    reason: str  # "daily" or "exit"
    path: Path | None = None
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.kind in (SAVED, ON_SERVER)

    @property
    def message(self) -> str:
        if self.kind == ON_SERVER:
            return "Server databases are backed up on the server."
        if self.kind == SAVED:
            return f"The {self.reason} backup was saved to {self.path}."
        if self.kind == NOT_AUDITED:
            return (f"The {self.reason} backup was saved to {self.path}. It could not be "
                    f"recorded in the audit trail: {self.problem}")
        if self.kind == UNEXPECTED:
            return (f"The {self.reason} backup failed ({self.problem}); the database itself "
                    "is unchanged. Use Tools → Back up now, or see the log.")
        return f"The {self.reason} backup failed: {self.problem}"


def automatic_backup_path(db_path: Path, *, encrypted: bool, folder: Path | None = None,
                          now: datetime | None = None) -> Path:
    folder = folder or paths.backup_dir()
    stamp = (now or utcnow()).strftime(_STAMP_FORMAT)
    suffix = ENCRYPTED_SUFFIX if encrypted else PLAIN_SUFFIX
    return folder / f"{db_path.stem}-auto-{stamp}{suffix}"


def automatic_backups(db_path: Path, folder: Path | None = None) -> list[tuple[datetime, Path]]:
    """This database's automatic backups in ``folder``, oldest first."""
    folder = folder or paths.backup_dir()
    found: list[tuple[datetime, Path]] = []
    if not folder.is_dir():
        return found
    for candidate in folder.iterdir():
        match = _AUTO_PATTERN.match(candidate.name)
        if match and match["stem"] == db_path.stem:
            when = datetime.strptime(match["stamp"], _STAMP_FORMAT).replace(
                tzinfo=utcnow().tzinfo
            )
            found.append((when, candidate))
    found.sort()
    return found


def rotate_backups(
    db_path: Path, keep: int = DEFAULT_KEEP, folder: Path | None = None
) -> list[Path]:
    """Delete all but the newest ``keep`` automatic backups of this database; returns deleted."""
    if keep < 1:
        raise BackupError(sentence(said.KEEP_ONE))
    backups = automatic_backups(db_path, folder)
    doomed = [p for _when, p in backups[:-keep]] if len(backups) > keep else []
    for old in doomed:
        with contextlib.suppress(FileNotFoundError):
            old.unlink()
    return doomed


def automatic_backup(
    db_path: str | Path,
    *,
    keep: int = DEFAULT_KEEP,
    passphrase: str | None = None,
    db_passphrase: str | None = None,
    folder: Path | None = None,
    now: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    source = Path(db_path)
    target = automatic_backup_path(
        source, encrypted=passphrase is not None, folder=folder, now=now
    )
    backup_database(source, target, passphrase, db_passphrase=db_passphrase,
                    actor=AUTOMATIC_BACKUP_TASK, progress=progress)
    rotate_backups(source, keep, folder)
    return target


def daily_backup_due(
    db_path: str | Path | None, *, now: datetime | None = None, folder: Path | None = None
) -> bool:
    """True when the newest automatic backup of this database is 24 hours old or more."""
    if db_path is None:  # server database
        return False
    backups = automatic_backups(Path(db_path), folder)
    if not backups:
        return True
    return (now or utcnow()) - backups[-1][0] >= DAILY_INTERVAL


def _outcome(db_path: str | Path | None, reason: str, **kwargs: object) -> BackupOutcome:
    if db_path is None:
        return BackupOutcome(ON_SERVER, reason)
    try:
        target = automatic_backup(db_path, **kwargs)  # type: ignore[arg-type]
    except (BackupError, DatabaseOpenError, OSError, *encryption.database_errors()) as exc:
        return BackupOutcome(FAILED, reason, problem=said_by(exc))
    return BackupOutcome(SAVED, reason, target)


def backup_on_exit(
    db_path: str | Path | None,
    *,
    keep: int = DEFAULT_KEEP,
    passphrase: str | None = None,
    db_passphrase: str | None = None,
    folder: Path | None = None,
) -> BackupOutcome:
    """Call after the last session closed, as the app exits (``Database.file_path``)."""
    return _outcome(db_path, "exit", keep=keep, passphrase=passphrase,
                    db_passphrase=db_passphrase, folder=folder)


def daily_backup_if_due(
    db_path: str | Path | None,
    *,
    keep: int = DEFAULT_KEEP,
    passphrase: str | None = None,
    db_passphrase: str | None = None,
    folder: Path | None = None,
    now: datetime | None = None,
    by: Actor | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> BackupOutcome | None:
    """Call at start and from a timer (e.g. hourly); None when no backup was due.
    ``progress(pages done, pages in all)`` as the copy goes on (a status bar).

    A backup made is one entry in the database's audit trail, credited to ``by`` (the
    person signed in) or to "automatic daily backup", naming the file, not its folder."""
    if not daily_backup_due(db_path, now=now, folder=folder):
        return None
    outcome = _outcome(db_path, "daily", keep=keep, passphrase=passphrase,
                       db_passphrase=db_passphrase, folder=folder, now=now,
                       progress=progress)
    if outcome.path is None or db_path is None:
        return outcome
    try:
        _audit_backup(Path(db_path), db_passphrase, outcome.path, by,
                      encrypted=passphrase is not None)
    except (OSError, *encryption.database_errors(), SQLAlchemyError) as exc:
        return BackupOutcome(NOT_AUDITED, outcome.reason, outcome.path, str(exc))
    return outcome


AUTOMATIC_DAILY_BACKUP = "automatic daily backup"  # who made it, when no one signed in did


def _audit_backup(db_path: Path, db_passphrase: str | None, target: Path,
                  by: Actor | None, *, encrypted: bool) -> None:
    """One entry: who, and the backup's file name (a folder can name a person or a
    computer, and says where a copy of the patients lies)."""
    from sqlalchemy.orm import Session
    from sqlalchemy.pool import NullPool

    from app.db import audit
    from app.db.engine import make_engine

    engine = make_engine(resolve_database_url(db_path),
                         passphrase=database_key(db_path, db_passphrase), poolclass=NullPool)
    try:
        with Session(engine) as session, session.begin():
            session.info["actor"] = by if by is not None else AUTOMATIC_BACKUP_TASK
            audit.record(session, user=by.user_name if by is not None else
                         AUTOMATIC_DAILY_BACKUP, action="backup", entity="database",
                         entity_id=target.name[:64], field="backup_file",
                         new={"file": target.name, "encrypted": encrypted},
                         reason="automatic daily backup")
    finally:
        engine.dispose()
