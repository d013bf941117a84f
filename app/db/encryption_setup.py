"""Turn encryption at rest on or off, or change the database passphrase, of a SQLite file.

Each change writes a complete new file with ``sqlcipher_export`` while holding the
database's write lock, proves the new file holds the same rows in every table and passes
``PRAGMA integrity_check``, appends one audit entry to it (credited to the
administrator whose account, as stored in that database now, allows it), and only then swaps it in
with an atomic rename. Until that rename the original file is untouched, so a failure
(wrong passphrase, full disk, power cut) leaves the database exactly as it was.

No copy of the old file is kept: keeping an unencrypted copy would defeat encrypting,
and keeping one under the old passphrase would defeat changing a passphrase that
someone who left the clinic knew. Backups taken *before* encrypting are still plain;
the report lists them so the administrator can deal with them.

Open files: a SQLite file is locked with fcntl locks, which POSIX ties to the process,
so the lock and the export use the *same* SQLite library (SQLCipher's, an empty key
meaning a plain file): two copies of SQLite in one process would release each other's
locks.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path

from app import paths
from app.db import audit, encryption
from app.db.access import Principal, authorise_file
from app.db.backup_sentences import NO_DATABASE_FILE
from app.db.database_file import remove_sqlite_files
from app.db.engine import make_engine, resolve_database_url
from app.db.migrate import check_openable, upgrade_to_head
from app.db.opening import (
    DatabaseInUseError,
    DatabaseOpenError,
    DatabaseUpgradeError,
    install_copy,
    read_file_state,
    write_locked,
)
from app.domain.display_words import counted
from app.domain.permissions import Permission
from app.domain.phrases import said_by, sentence

AUDIT_ENTITY = "database"
# A conversion that failed (app/forms/terms.py lists it); %2: what failed, as it was said
CONVERT_FAILED = "Changing the encryption of %1 failed: %2. The database has not been changed."


@dataclass(frozen=True)
class EncryptionReport:
    database: Path
    # Completes "The database … is now …": "encrypted", "stored unencrypted",
    # "encrypted with the new passphrase", "created encrypted".
    state: str
    rows: int
    plain_backups: list[Path] = field(default_factory=list)

    def describe(self) -> str:
        text = (f"The database {self.database} is now {self.state} "
                f"({counted(self.rows, 'row')} checked).")
        if self.state == "created encrypted":
            text = f"A new encrypted database was created at {self.database}."
        if self.plain_backups:
            shown = ", ".join(str(p) for p in self.plain_backups[:5])
            more = f" and {len(self.plain_backups) - 5} more" if len(self.plain_backups) > 5 else ""
            text += (
                f" {len(self.plain_backups)} earlier backup(s) of it are NOT encrypted: "
                f"{shown}{more}. Delete them or keep them somewhere as safe as the database."
            )
        return text


NEW_DATABASE_USER = "jdm-ctp (new database)"


def encrypt_database(path: Path, new_passphrase: str, *, actor: Principal | None
                     ) -> EncryptionReport:
    """Encrypt a plain database (or create a new, encrypted one if there is no file yet).

    An existing database needs ``actor`` with the manage_encryption permission in it; a
    new one has no accounts and no data yet, so nobody's permission is asked."""
    encryption.check_new_passphrase(new_passphrase)
    if not path.exists() or path.stat().st_size == 0:
        upgrade_to_head(resolve_database_url(path), new_passphrase)
        _append_audit(path, new_passphrase, NEW_DATABASE_USER, "database_encrypted",
                      "new database")
        return EncryptionReport(path, "created encrypted", 0)
    rows = _convert(path, None, new_passphrase, actor=actor, action="database_encrypted")
    return EncryptionReport(path, "encrypted", rows, plain_backups_of(path))


def decrypt_database(path: Path, passphrase: str, *, actor: Principal | None
                     ) -> EncryptionReport:
    """Store the database unencrypted again (the application's default); administrators."""
    rows = _convert(path, passphrase, None, actor=actor, action="database_decrypted")
    return EncryptionReport(path, "stored unencrypted", rows)


def change_database_passphrase(
    path: Path, passphrase: str, new_passphrase: str, *, actor: Principal | None
) -> EncryptionReport:
    encryption.check_new_passphrase(new_passphrase)
    if new_passphrase == passphrase:
        raise encryption.PassphraseError(sentence(encryption.SAME_AS_CURRENT))
    rows = _convert(path, passphrase, new_passphrase, actor=actor,
                    action="database_passphrase_changed")
    return EncryptionReport(path, "encrypted with the new passphrase", rows)





def plain_backups_of(path: Path, folder: Path | None = None) -> list[Path]:
    """Unencrypted copies of this database: backups in the backup folder (named
    ``<stem>-…``) and the files a restore kept beside it (``<stem>.replaced-…``)."""
    folder = folder or paths.backup_dir()
    candidates: list[Path] = []
    if folder.is_dir():
        candidates += [c for c in folder.iterdir() if c.name.startswith(f"{path.stem}-")]
    if path.parent.is_dir():
        candidates += [c for c in path.parent.iterdir()
                       if c.name.startswith(f"{path.stem}.replaced-")]
    found = []
    for candidate in sorted(candidates):
        if candidate.is_file():
            with contextlib.suppress(OSError):
                if encryption.has_plain_header(candidate):
                    found.append(candidate)
    return found


def _convert(
    path: Path, old_key: str | None, new_key: str | None, *, actor: Principal | None,
    action: str,
) -> int:
    if not path.is_file():
        raise DatabaseOpenError(sentence(NO_DATABASE_FILE, str(path)))
    # Refuses a non-database, a missing, wrong or superfluous passphrase, a newer schema.
    revision, has_tables = read_file_state(path, old_key)
    check_openable(path, revision, has_tables)
    # The account as stored in this database now must be allowed to change its encryption.
    user = authorise_file(path, old_key, actor, Permission.MANAGE_ENCRYPTION).user_name
    work = encryption.working_path(path, "converting")
    try:
        # An empty key opens a plain file through SQLCipher's SQLite (see module docstring).
        with write_locked(path, old_key or ""):
            before = encryption.table_counts(path, old_key or "")
            encryption.export_to(path, old_key, work, new_key)
        after = encryption.table_counts(work, new_key)
        if after != before:
            raise DatabaseUpgradeError(
                "the new file does not hold the same rows as the database "
                f"({_differences(before, after)})"
            )
        _append_audit(work, new_key, user, action, None)
        if not encryption.integrity_ok(work, new_key):
            raise DatabaseUpgradeError("the new file failed its integrity check")
        install_copy(work, path)
    except DatabaseInUseError:
        remove_sqlite_files(work)
        raise
    except (OSError, DatabaseOpenError, *encryption.database_errors()) as exc:
        remove_sqlite_files(work)
        raise DatabaseUpgradeError(sentence(CONVERT_FAILED, str(path), said_by(exc))) from exc
    return sum(before.values())


def _differences(before: dict[str, int], after: dict[str, int]) -> str:
    names = sorted(set(before) | set(after))
    return ", ".join(
        f"{n}: {before.get(n)} → {after.get(n)}" for n in names if before.get(n) != after.get(n)
    )


def _append_audit(path: Path, key: str | None, user: str, action: str, reason: str | None) -> None:
    from sqlalchemy.orm import Session
    from sqlalchemy.pool import NullPool

    engine = make_engine(resolve_database_url(path), passphrase=key, poolclass=NullPool)
    try:
        with Session(engine) as session, session.begin():
            audit.record(
                session,
                user=user,
                action=action,
                entity=AUDIT_ENTITY,
                entity_id=path.name,
                field="encryption",
                old=None,
                new="SQLCipher" if key else "none",
                reason=reason,
            )
    finally:
        engine.dispose()
