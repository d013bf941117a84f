"""Bring a database to this application's schema without ever risking the user's file.

For a SQLite file the rules are:

1. Look before touching: a file that is not SQLite, has tables but no version stamp, or
   carries a revision this app does not know (made by a newer version) is refused with
   a plain message, and the file is not opened for writing at all.
2. Before upgrading, take a backup with SQLite's online backup API into
   ``paths.backup_dir()``, named with the time and the old revision.
3. Upgrade a *copy*, check it (foreign keys, quick_check), and only then swap it in
   with ``os.replace`` (atomic on one file system). If anything fails the copy is
   discarded and the original file is byte-for-byte what it was.

Server databases (PostgreSQL) upgrade in place inside one transaction, which
PostgreSQL's transactional DDL rolls back as a whole on failure; their backups belong
to the server's own tooling (pg_dump), so no file backup is taken.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect

from app import paths
from app.db import encryption
from app.db.database_file import (
    OtherLibraryOpenError,
    fsync_dir,
    fsync_file,
    remove_sqlite_files,
    working_path,
)
from app.db.engine import (
    BUSY_TIMEOUT_MS,
    Database,
    make_engine,
    make_migration_engine,
    resolve_database_url,
    sqlite_file_path,
)
from app.db.types import utcnow


class DatabaseOpenError(Exception):
    """The database cannot be opened; the message is written for the person at the screen."""


class NotADatabaseError(DatabaseOpenError):
    pass


class UnversionedDatabaseError(DatabaseOpenError):
    pass


class DatabaseTooNewError(DatabaseOpenError):
    pass


class DatabaseInUseError(DatabaseOpenError):
    pass


class DatabaseUpgradeError(DatabaseOpenError):
    pass


class PassphraseRequiredError(DatabaseOpenError):
    """The file looks encrypted and no database passphrase was given."""


class WrongDatabasePassphraseError(DatabaseOpenError):
    """The passphrase does not open the file (or the file is not a database at all)."""


class NotEncryptedError(DatabaseOpenError):
    """A passphrase was given for a plain, unencrypted file."""


@dataclass(frozen=True)
class UpgradeReport:
    previous_revision: str | None
    new_revision: str
    backup_path: Path | None

    @property
    def upgraded(self) -> bool:
        return self.previous_revision != self.new_revision

    def describe(self) -> str:
        """One plain sentence for the command line or a status bar."""
        if self.previous_revision is None:
            return f"Created a new database (schema {self.new_revision})."
        if not self.upgraded:
            return f"The database is up to date (schema {self.new_revision})."
        text = f"Upgraded the database from schema {self.previous_revision} to {self.new_revision}."
        if self.backup_path is not None:
            text += f" A copy of the database as it was is saved at {self.backup_path}."
        return text


# ----------------------------------------------------------------- alembic plumbing


def alembic_config(url: str | None = None) -> Config:
    """Alembic configured in code (no alembic.ini needed), so it also works when frozen."""
    config = Config()
    # ConfigParser interpolation treats % specially; a path may contain one.
    config.set_main_option("script_location", str(paths.migrations_dir()).replace("%", "%%"))
    config.attributes["configure_logger"] = False
    if url is not None:
        config.attributes["url"] = url
    return config


def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = _script().get_current_head()
    if head is None:  # pragma: no cover - only if migrations/versions is missing
        raise DatabaseUpgradeError(
            f"No database migrations were found in {paths.migrations_dir()}."
        )
    return head


def known_revisions() -> set[str]:
    return {script.revision for script in _script().walk_revisions()}


def _run_alembic_upgrade(connection: Connection, target: str = "head") -> None:
    """Run the migration scripts on an open connection inside the caller's transaction.

    A separate function so tests can inject a failure at exactly this step.
    """
    config = alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, target)


# --------------------------------------------------------------- reading the state


def current_revision(url: str, passphrase: str | None = None) -> str | None:
    """The schema revision stored in the database (None for a new or empty one).

    A SQLite file is read without being opened for writing; a missing file is None and
    is not created. ``passphrase``: the file is SQLCipher-encrypted.
    """
    path = sqlite_file_path(url)
    if path is not None:
        if not path.exists():
            return None
        revision, _has_tables = _read_file_state(path, passphrase)
        return revision
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()


def _read_file_state(path: Path, passphrase: str | None = None) -> tuple[str | None, bool]:
    """(revision, whether any tables exist) of a SQLite file, without changing it in any way."""
    if path.stat().st_size == 0 and not _has_pending_wal(path):
        return None, False
    # Through app.db.database_file: this process may have the file open (a backup taken
    # by the running application), and a plain open()/close() would drop SQLite's locks.
    plain = encryption.has_plain_header(path)
    # (An empty main file with a pending WAL is a database never checkpointed.)
    if not plain and path.stat().st_size > 0 and passphrase is None:
        if encryption.looks_encrypted(path):
            raise PassphraseRequiredError(
                f"The database {path} is encrypted. Give its database passphrase to open "
                "it. It has not been changed."
            )
        raise NotADatabaseError(
            f"The file {path} is not a jdm-ctp database (it is not a SQLite file). "
            "It has not been changed. Choose a different file."
        )
    if plain and passphrase is not None:
        raise NotEncryptedError(
            f"The database {path} is not encrypted, but a database passphrase was given. "
            "Open it without a passphrase (or encrypt it first with 'jdm-ctp db encrypt'). "
            "It has not been changed."
        )
    # Normally ``immutable=1``: no locks, no -wal/-shm side files, so even a refused file
    # is left exactly as it was. If a previous session crashed, recent changes (perhaps
    # the schema version itself) may still sit in the -wal file, which immutable mode
    # ignores; then read through a read-only connection, which sees the WAL but can
    # never write to the database file.
    mode = "mode=ro" if _has_pending_wal(path) else "immutable=1"
    uri = f"{path.resolve().as_uri()}?{mode}"
    try:
        connection = encryption.connect(uri, passphrase, uri=True)
        try:
            tables = {
                row[0]
                for row in connection.execute(
                    "SELECT name FROM sqlite_master "
                    "WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                )
            }
            versions = []
            if "alembic_version" in tables:
                versions = [
                    row[0] for row in connection.execute("SELECT version_num FROM alembic_version")
                ]
        finally:
            connection.close()
    except encryption.database_errors() as exc:
        if passphrase is not None:
            raise WrongDatabasePassphraseError(
                f"The passphrase does not open the database {path}: either the passphrase "
                "is wrong or the file is not a jdm-ctp database. It has not been changed."
            ) from exc
        raise NotADatabaseError(
            f"The file {path} looks like a SQLite database but cannot be read ({exc}). "
            "It may be damaged. It has not been changed; restore it from a backup."
        ) from exc
    if len(versions) > 1:
        raise DatabaseTooNewError(
            f"The database {path} has several schema versions ({', '.join(versions)}), "
            "which this version of jdm-ctp does not understand. It has not been changed."
        )
    tables.discard("alembic_version")
    return (versions[0] if versions else None), bool(tables)


def _has_pending_wal(path: Path) -> bool:
    wal = Path(f"{path}-wal")
    return wal.exists() and wal.stat().st_size > 0


def _check_openable(path_or_url: object, revision: str | None, has_tables: bool) -> None:
    if revision is None and has_tables:
        raise UnversionedDatabaseError(
            f"The database {path_or_url} contains tables but was not created by jdm-ctp "
            "(it has no schema version). It has not been changed."
        )
    if revision is not None and revision not in known_revisions():
        raise DatabaseTooNewError(
            f"The database {path_or_url} was created or upgraded by a newer version of "
            f"jdm-ctp (schema {revision}; this version knows up to {head_revision()}). "
            "It has not been changed. Install the newer version of jdm-ctp to open it."
        )


# ---------------------------------------------------------------------- backups


def backup_sqlite_file(path: Path, revision: str | None, passphrase: str | None = None) -> Path:
    """Copy a SQLite database (including un-checkpointed WAL data) into the backup folder.

    Uses SQLite's online backup API, which produces a consistent copy even while the
    database is in WAL mode, unlike copying the file's bytes. The copy is written under a
    temporary name and renamed when complete and checked, so a half-written backup never
    looks like a real one.
    """
    stamp = utcnow().strftime("%Y%m%dT%H%M%SZ")
    folder = paths.backup_dir()
    base = f"{path.stem}-{stamp}-rev-{revision or 'base'}"
    target = folder / f"{base}.sqlite3"
    counter = 2
    while target.exists():
        target = folder / f"{base}-{counter}.sqlite3"
        counter += 1
    partial = target.with_name(target.name + ".partial")
    try:
        _sqlite_copy(path, partial, passphrase)
        fsync_file(partial)
        os.replace(partial, target)
        fsync_dir(folder)
    except BaseException:
        remove_sqlite_files(partial)
        raise
    return target


def _sqlite_copy(source: Path, destination: Path, passphrase: str | None = None) -> None:
    # An encrypted source is copied into a file keyed with the same passphrase: SQLCipher's
    # backup API needs both ends keyed, and a backup must not be less protected.
    remove_sqlite_files(destination)
    src = encryption.connect(source, passphrase, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        dst = encryption.connect(destination, passphrase)
        try:
            src.backup(dst)
            result = dst.execute("PRAGMA quick_check").fetchone()
            if result is None or result[0] != "ok":
                raise DatabaseUpgradeError(f"the copy failed its integrity check: {result}")
        finally:
            dst.close()
    finally:
        src.close()


# ---------------------------------------------------------------------- upgrading


def upgrade_to_head(url: str, passphrase: str | None = None) -> UpgradeReport:
    """Bring the database at ``url`` to this application's schema (see module docstring).

    ``passphrase``: the SQLite file is (or, when new, will be) SQLCipher-encrypted.
    """
    path = sqlite_file_path(url)
    if path is None:
        engine = make_engine(url)
        try:
            return _upgrade_in_place(url, engine)
        finally:
            engine.dispose()
    head = head_revision()
    if not path.exists() or (path.stat().st_size == 0 and not _has_pending_wal(path)):
        _create_new_file(path, passphrase)
        return UpgradeReport(previous_revision=None, new_revision=head, backup_path=None)
    revision, has_tables = _read_file_state(path, passphrase)
    _check_openable(path, revision, has_tables)
    if revision == head:
        return UpgradeReport(previous_revision=revision, new_revision=head, backup_path=None)
    backup = _upgrade_file(path, revision, passphrase)
    return UpgradeReport(previous_revision=revision, new_revision=head, backup_path=backup)


def upgrade_database(
    db_path: str | Path | None = None, passphrase: str | None = None
) -> UpgradeReport:
    """`jdm-ctp db upgrade`: resolve the database like the app does and upgrade it."""
    return upgrade_to_head(resolve_database_url(db_path), passphrase)


def open_database(db_path: str | Path | None = None, passphrase: str | None = None) -> Database:
    """Resolve, upgrade (with backup) and open the database the app should use.

    ``passphrase`` opens a SQLCipher-encrypted file; a new file is then created encrypted.
    An encrypted file without it raises PassphraseRequiredError, a wrong one
    WrongDatabasePassphraseError; neither changes the file.
    """
    url = resolve_database_url(db_path)
    if sqlite_file_path(url) is None:
        database = Database(url)
        try:
            # In-memory SQLite lives in the engine itself, so upgrade through that engine.
            database.upgrade_report = _upgrade_in_place(url, database.engine)
        except BaseException:
            database.dispose()
            raise
        return database
    report = upgrade_to_head(url, passphrase)
    database = Database(url, passphrase=passphrase)
    database.upgrade_report = report
    return database


def _upgrade_in_place(url: str, engine: Engine) -> UpgradeReport:
    head = head_revision()
    with engine.connect() as connection:
        revision = MigrationContext.configure(connection).get_current_revision()
        tables = set(inspect(connection).get_table_names()) - {"alembic_version"}
        connection.rollback()
    _check_openable(engine.url.render_as_string(hide_password=True), revision, bool(tables))
    if revision == head:
        return UpgradeReport(previous_revision=revision, new_revision=head, backup_path=None)
    try:
        with engine.begin() as connection:
            _run_alembic_upgrade(connection)
    except Exception as exc:
        raise DatabaseUpgradeError(
            f"Upgrading the database from schema {revision or 'empty'} to {head} failed: "
            f"{exc}. The upgrade ran in one transaction and was rolled back, so the "
            "database is as it was."
        ) from exc
    return UpgradeReport(previous_revision=revision, new_revision=head, backup_path=None)


def _upgrade_file(path: Path, revision: str | None, passphrase: str | None = None) -> Path:
    work = _working_copy_path(path)
    with _write_lock(path, passphrase):
        try:
            backup = backup_sqlite_file(path, revision, passphrase)
        except (OSError, DatabaseUpgradeError, *encryption.database_errors()) as exc:
            raise DatabaseUpgradeError(
                f"Could not make a backup of {path} before upgrading it ({exc}), so the "
                "upgrade was not started. The database has not been changed."
            ) from exc
        try:
            _sqlite_copy(path, work, passphrase)
            _migrate_file(work, passphrase)
        except Exception as exc:
            remove_sqlite_files(work)
            raise DatabaseUpgradeError(
                f"Upgrading the database {path} from schema {revision or 'empty'} to "
                f"{head_revision()} failed: {exc}. The database has not been changed. "
                f"A backup taken before the attempt is at {backup}."
            ) from exc
    # The lock is released before the swap because Windows cannot replace a file that
    # is open; _install then refuses if any other connection appeared meanwhile.
    try:
        _install(work, path)
    except (OSError, DatabaseOpenError) as exc:
        remove_sqlite_files(work)
        raise DatabaseUpgradeError(
            f"The upgraded database could not replace {path} ({exc}). The database has "
            f"not been changed. A backup taken before the attempt is at {backup}."
        ) from exc
    return backup


def _create_new_file(path: Path, passphrase: str | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    work = _working_copy_path(path)
    try:
        _migrate_file(work, passphrase)
        _install(work, path)
    except Exception as exc:
        remove_sqlite_files(work)
        raise DatabaseUpgradeError(f"Could not create a new database at {path}: {exc}") from exc


def _migrate_file(path: Path, passphrase: str | None = None) -> None:
    """Run all pending migrations on ``path`` in one transaction, then check the result."""
    url = resolve_database_url(path)
    engine = make_migration_engine(url, passphrase)
    try:
        with engine.begin() as connection:
            _run_alembic_upgrade(connection)
            # Migrations run with FK enforcement off (see make_engine); prove nothing broke.
            orphans = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if orphans:
                raise DatabaseUpgradeError(f"foreign key check failed after upgrade: {orphans[:5]}")
        with engine.connect() as connection:
            check = connection.exec_driver_sql("PRAGMA quick_check").scalar()
            connection.rollback()
        if check != "ok":
            raise DatabaseUpgradeError(f"integrity check failed after upgrade: {check}")
    finally:
        # NullPool: this closes the last connection, so SQLite checkpoints and removes -wal.
        engine.dispose()


@contextlib.contextmanager
def _write_lock(path: Path, passphrase: str | None = None) -> Iterator[None]:
    """Hold SQLite's write lock on the original so nobody writes to it while we copy it.

    If an earlier session crashed and left a -wal file, closing this connection lets
    SQLite checkpoint it into the database file: the bytes change, the content does not.
    """
    try:
        connection = encryption.connect(
            path, passphrase, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None
        )
    except OtherLibraryOpenError as exc:
        raise DatabaseInUseError(
            f"The database {path} is open in this program. Close it first. Nothing has "
            "been changed."
        ) from exc
    try:
        try:
            connection.execute("BEGIN IMMEDIATE")
        except encryption.database_errors() as exc:
            raise DatabaseInUseError(
                f"The database {path} is being changed by another program or another copy "
                "of jdm-ctp. Close it there and try again. Nothing has been changed."
            ) from exc
        yield
        connection.execute("ROLLBACK")
    finally:
        connection.close()


def _install(work: Path, path: Path) -> None:
    """Atomically put the upgraded copy in place of the original."""
    for suffix in ("-wal", "-shm"):
        if Path(f"{work}{suffix}").exists():
            raise DatabaseUpgradeError(f"the upgraded copy was not closed cleanly ({work}{suffix})")
    if Path(f"{path}-wal").exists():
        # We closed our connections, and SQLite removes -wal when the last one closes:
        # a -wal still here means another program has the database open. Replacing the
        # file under it would lose whatever it writes next.
        raise DatabaseInUseError(
            f"{path} is open in another program or another copy of jdm-ctp; close it and try again"
        )
    fsync_file(work)
    os.replace(work, path)
    fsync_dir(path.parent)
    # A stale shared-memory index of the old file must not be applied to the new one.
    with contextlib.suppress(FileNotFoundError):
        Path(f"{path}-shm").unlink()


def _working_copy_path(path: Path) -> Path:
    return working_path(path, "upgrading")
