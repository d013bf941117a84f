"""Verifying a backup: decrypted into a private temporary copy, then checked completely
(integrity, references, a schema revision this version knows and not newer, the audit
trail's chain) without touching any database. A restore verifies the same way first
(app.db.restore).
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from app.db import backup_sentences as said
from app.db import encryption
from app.db.backup import (
    BackupError,
    BackupVerificationError,
    current_revision,
    database_key,
    decrypt_stream,
    head_revision,
    is_encrypted_backup,
    known_revisions,
)
from app.db.engine import resolve_database_url
from app.db.opening import (
    DatabaseOpenError,
    PassphraseRequiredError,
    WrongDatabasePassphraseError,
)
from app.domain.phrases import said_by, sentence


@dataclass(frozen=True)
class BackupCheck:
    """What verifying a backup found (all fine, or BackupVerificationError was raised)."""

    path: Path
    encrypted: bool  # the backup file itself (passphrase wrapper, .jdmbak)
    revision: str
    audit_entries: int
    audit_ok: bool


@contextlib.contextmanager
def plain_copy(
    backup_path: Path, passphrase: str | None, near: Path | None = None
) -> Iterator[tuple[Path, bool]]:
    """A plain SQLite copy of the backup in a private temporary folder, removed afterwards.

    ``near``: make the folder there (next to the database being restored, which has
    room for it) instead of the system's temporary folder.
    """
    if not backup_path.is_file():
        raise BackupError(sentence(said.NO_BACKUP_FILE, str(backup_path)))
    encrypted = is_encrypted_backup(backup_path)
    if near is not None:
        near.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".jdm-ctp-restore-", dir=near) as folder:
        plain = Path(folder) / "backup.sqlite3"
        if encrypted:
            if passphrase is None:
                raise BackupError(sentence(said.GIVE_PASSPHRASE, str(backup_path)))
            with backup_path.open("rb") as sealed, plain.open("wb") as out:
                decrypt_stream(sealed, out, passphrase)
        else:
            shutil.copyfile(backup_path, plain)
        yield plain, encrypted


def verify_plain(
    plain: Path, shown: Path, encrypted: bool, allow_broken_audit: bool,
    db_passphrase: str | None = None,
) -> BackupCheck:
    from sqlalchemy import func, select
    from sqlalchemy.orm import Session
    from sqlalchemy.pool import NullPool

    from app.db.audit import verify_chain
    from app.db.engine import make_engine
    from app.db.models import AuditEntry

    key = database_key(plain, db_passphrase)
    try:
        revision = current_revision(resolve_database_url(plain), key)
    except PassphraseRequiredError:
        raise BackupVerificationError(sentence(said.OF_ENCRYPTED_DATABASE, str(shown))) from None
    except WrongDatabasePassphraseError:
        raise BackupVerificationError(
            sentence(said.PASSPHRASE_DOES_NOT_OPEN, str(shown))) from None
    except DatabaseOpenError as exc:
        raise BackupVerificationError(sentence(said.NOT_USABLE, str(shown), said_by(exc))) from exc
    if revision is None:
        raise BackupVerificationError(sentence(said.NOT_JDM_CTP, str(shown)))
    if revision not in known_revisions():
        raise BackupVerificationError(
            sentence(said.NEWER_VERSION, str(shown), revision, head_revision()))
    connection = encryption.connect(plain, key)
    try:
        result = connection.execute("PRAGMA integrity_check").fetchall()
        fk = connection.execute("PRAGMA foreign_key_check").fetchall()
    except encryption.database_errors() as exc:
        raise BackupVerificationError(sentence(said.DAMAGED, str(shown), str(exc))) from exc
    finally:
        connection.close()
    if result != [("ok",)]:
        raise BackupVerificationError(sentence(said.FAILED_CHECK, str(shown), str(result[0][0])))
    if fk:
        raise BackupVerificationError(sentence(said.BROKEN_REFERENCES, str(shown)))
    engine = make_engine(resolve_database_url(plain), passphrase=key, poolclass=NullPool)
    try:
        with Session(engine) as session:
            count = session.execute(select(func.count(AuditEntry.id))).scalar_one()
            ok, first_bad = verify_chain(session)
    finally:
        engine.dispose()
    if not ok and not allow_broken_audit:
        raise BackupVerificationError(sentence(said.AUDIT_ALTERED, str(shown), str(first_bad)))
    return BackupCheck(shown, encrypted, revision, count, ok)


def verify_backup(
    backup_path: str | Path,
    passphrase: str | None = None,
    *,
    allow_broken_audit: bool = False,
    db_passphrase: str | None = None,
) -> BackupCheck:
    """Check a backup fully without restoring it (raises BackupError subclasses)."""
    path = Path(backup_path)
    with plain_copy(path, passphrase) as (plain, encrypted):
        return verify_plain(plain, path, encrypted, allow_broken_audit, db_passphrase)
