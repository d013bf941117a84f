"""Bring a database to this application's schema without ever risking the user's file.

For a SQLite file the rules are:

(Opening the database and the file helpers shared with the encryption and restore
commands live in ``app.db.opening``.)

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

import os
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect

from app import paths
from app.db import encryption
from app.db import opening_sentences as said
from app.db.database_file import fsync_dir, fsync_file, remove_sqlite_files
from app.db.engine import (
    BUSY_TIMEOUT_MS,
    make_engine,
    make_migration_engine,
    resolve_database_url,
    sqlite_file_path,
)
from app.db.opening import (
    DatabaseInUseError,
    DatabaseOpenError,
    DatabaseTooNewError,
    DatabaseUpgradeError,
    NotADatabaseError,
    NotEncryptedError,
    PassphraseRequiredError,
    UnversionedDatabaseError,
    UpgradeReport,
    WrongDatabasePassphraseError,
    has_pending_wal,
    install_copy,
    read_file_state,
    working_copy_path,
    write_locked,
)
from app.db.types import utcnow
from app.domain.phrases import Phrase, phrase, said_by, sentence

# The errors of opening a database, importable from here as well as from app.db.opening.
__all__ = [
    "DatabaseInUseError",
    "DatabaseOpenError",
    "DatabaseTooNewError",
    "DatabaseUpgradeError",
    "NotADatabaseError",
    "NotEncryptedError",
    "PassphraseRequiredError",
    "UnversionedDatabaseError",
    "UpgradeReport",
    "WrongDatabasePassphraseError",
    "alembic_config",
    "backup_sqlite_file",
    "check_openable",
    "current_revision",
    "head_revision",
    "known_revisions",
    "upgrade_database",
    "upgrade_in_place",
    "upgrade_to_head",
]


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
        raise DatabaseUpgradeError(sentence(said.NO_MIGRATIONS, str(paths.migrations_dir())))
    return head


def _schema(revision: str | None) -> str | Phrase:
    """A schema revision as a message names it ("empty" before the first)."""
    return revision or phrase(said.EMPTY_SCHEMA)


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
        revision, _has_tables = read_file_state(path, passphrase)
        return revision
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()


def check_openable(path_or_url: object, revision: str | None, has_tables: bool) -> None:
    if revision is None and has_tables:
        raise UnversionedDatabaseError(sentence(said.UNVERSIONED, str(path_or_url)))
    if revision is not None and revision not in known_revisions():
        raise DatabaseTooNewError(sentence(said.TOO_NEW, str(path_or_url), revision,
                                           head_revision()))


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
                raise DatabaseUpgradeError(sentence(said.COPY_CHECK_FAILED, str(result)))
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
            return upgrade_in_place(url, engine)
        finally:
            engine.dispose()
    head = head_revision()
    if not path.exists() or (path.stat().st_size == 0 and not has_pending_wal(path)):
        _create_new_file(path, passphrase)
        return UpgradeReport(previous_revision=None, new_revision=head, backup_path=None)
    revision, has_tables = read_file_state(path, passphrase)
    check_openable(path, revision, has_tables)
    if revision == head:
        return UpgradeReport(previous_revision=revision, new_revision=head, backup_path=None)
    backup = _upgrade_file(path, revision, passphrase)
    return UpgradeReport(previous_revision=revision, new_revision=head, backup_path=backup)


def upgrade_database(
    db_path: str | Path | None = None, passphrase: str | None = None
) -> UpgradeReport:
    """`jdm-ctp db upgrade`: resolve the database like the app does and upgrade it."""
    return upgrade_to_head(resolve_database_url(db_path), passphrase)


def upgrade_in_place(url: str, engine: Engine) -> UpgradeReport:
    head = head_revision()
    with engine.connect() as connection:
        revision = MigrationContext.configure(connection).get_current_revision()
        tables = set(inspect(connection).get_table_names()) - {"alembic_version"}
        connection.rollback()
    check_openable(engine.url.render_as_string(hide_password=True), revision, bool(tables))
    if revision == head:
        return UpgradeReport(previous_revision=revision, new_revision=head, backup_path=None)
    try:
        with engine.begin() as connection:
            _run_alembic_upgrade(connection)
    except Exception as exc:
        raise DatabaseUpgradeError(sentence(said.UPGRADE_ROLLED_BACK, _schema(revision), head,
                                            said_by(exc))) from exc
    return UpgradeReport(previous_revision=revision, new_revision=head, backup_path=None)


def _upgrade_file(path: Path, revision: str | None, passphrase: str | None = None) -> Path:
    work = working_copy_path(path)
    with write_locked(path, passphrase):
        try:
            backup = backup_sqlite_file(path, revision, passphrase)
        except (OSError, DatabaseUpgradeError, *encryption.database_errors()) as exc:
            raise DatabaseUpgradeError(
                sentence(said.NO_BACKUP_FIRST, str(path), said_by(exc))) from exc
        try:
            _sqlite_copy(path, work, passphrase)
            _migrate_file(work, passphrase)
        except Exception as exc:
            remove_sqlite_files(work)
            raise DatabaseUpgradeError(sentence(
                said.UPGRADE_FAILED, str(path), _schema(revision), head_revision(),
                said_by(exc), str(backup))) from exc
    # The lock is released before the swap because Windows cannot replace a file that
    # is open; install_copy then refuses if any other connection appeared meanwhile.
    try:
        install_copy(work, path)
    except (OSError, DatabaseOpenError) as exc:
        remove_sqlite_files(work)
        raise DatabaseUpgradeError(sentence(said.NOT_REPLACED, str(path), said_by(exc),
                                            str(backup))) from exc
    return backup


def _create_new_file(path: Path, passphrase: str | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    work = working_copy_path(path)
    try:
        _migrate_file(work, passphrase)
        install_copy(work, path)
    except Exception as exc:
        remove_sqlite_files(work)
        raise DatabaseUpgradeError(
            sentence(said.NOT_CREATED, str(path), said_by(exc))) from exc


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
                raise DatabaseUpgradeError(
                    sentence(said.FOREIGN_KEYS_FAILED, str(orphans[:5])))
        with engine.connect() as connection:
            check = connection.exec_driver_sql("PRAGMA quick_check").scalar()
            connection.rollback()
        if check != "ok":
            raise DatabaseUpgradeError(sentence(said.INTEGRITY_FAILED, str(check)))
    finally:
        # NullPool: this closes the last connection, so SQLite checkpoints and removes -wal.
        engine.dispose()
