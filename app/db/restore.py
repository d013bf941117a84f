"""Restoring a backup over the clinic's database.

* Restore verifies the backup completely (app.db.backup_check: decrypts, integrity check,
  schema revision known and not newer than this app, audit chain) *before* touching the
  current database, keeps the replaced database as ``<name>.replaced-<time>.sqlite3`` next
  to it, and swaps the new file in with an atomic rename.
* Who may: a restore needs an administrator, checked in the database being replaced (or,
  when there is none or it cannot be opened, in the backup). The restore is audited in the
  restored database itself (which backup, its SHA-256, who, where the replaced database
  was kept and where its audit trail ended), and this computer's audit anchor for the
  database moves to the restored trail with the replaced one kept in its history.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.db import backup_sentences as said
from app.db import encryption
from app.db.access import Principal, authorise_file
from app.db.backup import (
    CHUNK_BYTES,
    PLAIN_SUFFIX,
    BackupError,
    BackupVerificationError,
    current_revision,
    database_key,
    known_revisions,
    online_copy,
)
from app.db.backup_check import BackupCheck, plain_copy, verify_plain
from app.db.database_file import (
    fsync_dir,
    fsync_file,
    has_plain_header,
    open_here,
    remove_sqlite_files,
)
from app.db.engine import resolve_database_url
from app.db.opening import DatabaseInUseError, DatabaseOpenError
from app.db.types import utcnow
from app.domain.permissions import Permission
from app.domain.phrases import said_by, sentence


@dataclass(frozen=True)
class RestoreReport:
    restored_from: Path
    database: Path
    replaced_copy: Path | None
    check: BackupCheck

    def describe(self) -> str:
        text = f"Restored {self.database} from {self.restored_from} (schema {self.check.revision})."
        if self.replaced_copy is not None:
            text += f" The database it replaced is kept at {self.replaced_copy}."
        return text


def _replaced_name(db_path: Path, now: datetime) -> Path:
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    candidate = db_path.with_name(f"{db_path.stem}.replaced-{stamp}{PLAIN_SUFFIX}")
    counter = 2
    while candidate.exists():
        candidate = db_path.with_name(f"{db_path.stem}.replaced-{stamp}-{counter}{PLAIN_SUFFIX}")
        counter += 1
    return candidate


def restore_database(
    backup_path: str | Path,
    db_path: str | Path,
    passphrase: str | None = None,
    *,
    allow_broken_audit: bool = False,
    now: datetime | None = None,
    db_passphrase: str | None = None,
    allow_unencrypted: bool = False,
    actor: Principal | None = None,
) -> RestoreReport:
    """Replace the database at ``db_path`` with a verified backup (see module docstring).

    Close the database in the app first: a database still open elsewhere is refused.
    ``db_passphrase``: the database passphrase the backup was taken under, when the
    database was encrypted; the restored database keeps that passphrase.
    ``allow_unencrypted``: an encrypted database may be replaced by a plain backup (which
    leaves it unencrypted) only when this is given, i.e. explicitly confirmed.
    ``actor``: an administrator of the database being replaced (of the backup when there
    is no database, or it cannot be opened); the restore is audited in the restored trail.
    """
    source = Path(backup_path)
    target = Path(db_path)
    now = now or utcnow()
    if open_here(target):
        # Replacing the file under this process's own connections would lose their writes.
        raise DatabaseInUseError(sentence(said.OPEN_HERE, str(target)))
    with plain_copy(source, passphrase, near=target.parent) as (plain, encrypted):
        check = verify_plain(plain, source, encrypted, allow_broken_audit, db_passphrase)
        target_encrypted = (
            target.is_file() and target.stat().st_size > 0 and not has_plain_header(target)
        )
        if target_encrypted and has_plain_header(plain) and not allow_unencrypted:
            raise BackupError(sentence(said.WOULD_BE_UNENCRYPTED, str(target), str(source)))
        replaced_head = _trail_head(target, db_passphrase)
        who = _restore_authorised(target, replaced_head is not None, plain, db_passphrase, actor)
        work = target.with_name(f".{target.name}.restoring-{os.getpid()}")
        try:
            online_copy(plain, work, database_key(plain, db_passphrase))
            replaced: Path | None = _replaced_name(target, now) if target.exists() else None
            _audit_restore(work, database_key(plain, db_passphrase), who, source, replaced,
                           replaced_head, check)
            fsync_file(work)
            if replaced is not None:
                # A consistent copy (WAL content included) of what is being replaced.
                try:
                    online_copy(target, replaced, database_key(target, db_passphrase))
                except (BackupError, OSError, *encryption.database_errors()):
                    # Not a readable database: keep its exact bytes instead.
                    shutil.copyfile(target, replaced)
                fsync_file(replaced)
                if Path(f"{target}-wal").exists():
                    # Our connections are closed and SQLite deletes -wal when the last one
                    # closes, so a -wal here means another program has the database open.
                    replaced.unlink()
                    raise DatabaseInUseError(sentence(said.OPEN_ELSEWHERE, str(target)))
            os.replace(work, target)
            fsync_dir(target.parent)
            with contextlib.suppress(FileNotFoundError):
                Path(f"{target}-shm").unlink()
            # The restored trail ends earlier than the one this computer last saw, by
            # design: the anchor moves to it, and the old one stays in its history.
            _move_anchor(target, db_passphrase, source, who)
        finally:
            remove_sqlite_files(work)
    return RestoreReport(source, target, replaced, check)


def _trail_head(path: Path, db_passphrase: str | None) -> tuple[int, str] | None:
    """Where the audit trail of the database at ``path`` ends; None when there is no
    database there or it cannot be read (missing, damaged, another passphrase)."""
    from sqlalchemy.orm import Session
    from sqlalchemy.pool import NullPool

    from app.db.audit import head
    from app.db.engine import make_engine

    if not path.is_file() or path.stat().st_size == 0:
        return None
    try:
        key = database_key(path, db_passphrase)
        revision = current_revision(resolve_database_url(path), key)
        if revision is None or revision not in known_revisions():
            return None
        engine = make_engine(resolve_database_url(path), passphrase=key, poolclass=NullPool)
        try:
            with Session(engine) as session:
                return head(session) or (0, "")
        finally:
            engine.dispose()
    except (DatabaseOpenError, OSError, *encryption.database_errors()):
        return None
    except Exception:  # noqa: BLE001 - a damaged file: the backup decides who may restore
        return None


def _restore_authorised(target: Path, target_readable: bool, plain: Path,
                        db_passphrase: str | None, actor: Principal | None) -> Principal:
    """An administrator, as the database being replaced knows them now; when it cannot
    be read (missing, damaged: what restores are for), as the backup knows them."""
    where = target if target_readable else plain
    return authorise_file(where, database_key(where, db_passphrase), actor,
                          Permission.RESTORE)


def _audit_restore(work: Path, key: str | None, who: Principal, source: Path,
                   replaced: Path | None, replaced_head: tuple[int, str] | None,
                   check: BackupCheck) -> None:
    """One entry in the restored database's own trail: the restore is part of its history."""
    import hashlib

    from sqlalchemy.orm import Session
    from sqlalchemy.pool import NullPool

    from app.db import audit
    from app.db.engine import make_engine

    digest = hashlib.sha256()
    with source.open("rb") as handle:
        for block in iter(lambda: handle.read(CHUNK_BYTES), b""):
            digest.update(block)
    engine = make_engine(resolve_database_url(work), passphrase=key, poolclass=NullPool)
    try:
        with Session(engine) as session, session.begin():
            session.info["actor"] = who
            audit.record(
                session, user=who.user_name, action="restore", entity="database",
                entity_id=source.name[:64], field="restored_from",
                new={"backup": str(source), "backup_sha256": digest.hexdigest(),
                     "backup_schema": check.revision,
                     "backup_audit_ok": check.audit_ok,
                     "replaced_copy": str(replaced) if replaced else None,
                     "replaced_trail_ended_at": (
                         {"entry_id": replaced_head[0], "entry_hash": replaced_head[1]}
                         if replaced_head else None)},
                reason="database restored from a backup")
    finally:
        engine.dispose()


def _move_anchor(target: Path, db_passphrase: str | None, source: Path,
                 who: Principal) -> None:
    from sqlalchemy.orm import Session
    from sqlalchemy.pool import NullPool

    from app.db.audit_anchor import restore_moved_anchor
    from app.db.engine import database_label, make_engine

    url = resolve_database_url(target)
    engine = make_engine(url, passphrase=database_key(target, db_passphrase),
                         poolclass=NullPool)
    try:
        with Session(engine) as session:
            restore_moved_anchor(session, database_label(url),
                                 f"restored from {source.name} by {who.user_name}")
    except Exception:  # noqa: BLE001 - the restore is done; the anchor is re-taken at start
        pass
    finally:
        engine.dispose()


def backup_credentials(backup_path: str | Path, passphrase: str | None,
                       db_passphrase: str | None, user_name: str, password: str) -> Principal:
    """Check a user name and password against the accounts in a backup, writing nothing.

    For a restore where there is no database to sign in to (lost, damaged): the person
    restoring must be an administrator of the database the backup was taken from."""
    from sqlalchemy.orm import Session
    from sqlalchemy.pool import NullPool

    from app.db.engine import make_engine
    from app.db.users import verify_credentials

    source = Path(backup_path)
    with plain_copy(source, passphrase) as (plain, _encrypted):
        key = database_key(plain, db_passphrase)
        try:
            revision = current_revision(resolve_database_url(plain), key)
        except DatabaseOpenError as exc:
            raise BackupVerificationError(
                sentence(said.NOT_USABLE, str(source), said_by(exc))) from exc
        if revision is None or revision not in known_revisions():
            raise BackupVerificationError(sentence(said.NOT_READABLE_HERE, str(source)))
        engine = make_engine(resolve_database_url(plain), passphrase=key, poolclass=NullPool)
        try:
            with Session(engine) as session:
                return verify_credentials(session, user_name, password)
        finally:
            engine.dispose()
