"""Opening the database the application uses, without ever risking the user's file.

``open_database`` resolves, upgrades (``app.db.migrate``: backup first, upgrade a copy)
and opens it. The file helpers here are what every whole-file operation (upgrade,
encryption change, restore) shares: reading a file's schema state without changing it,
holding SQLite's write lock while a copy is made, and swapping a finished copy in with
one atomic rename. The errors are written for the person at the screen.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from app.db import encryption
from app.db import opening_sentences as said
from app.db.database_file import OtherLibraryOpenError, fsync_dir, fsync_file, working_path
from app.db.engine import BUSY_TIMEOUT_MS, Database, resolve_database_url, sqlite_file_path
from app.domain.phrases import sentence


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


# --------------------------------------------------------------- opening


def open_database(db_path: str | Path | None = None, passphrase: str | None = None) -> Database:
    """Resolve, upgrade (with backup) and open the database the app should use.

    ``passphrase`` opens a SQLCipher-encrypted file; a new file is then created encrypted.
    An encrypted file without it raises PassphraseRequiredError, a wrong one
    WrongDatabasePassphraseError; neither changes the file.
    """
    url = resolve_database_url(db_path)
    path = sqlite_file_path(url)
    if path is not None and path.is_file() and path.stat().st_size > 0:
        # The usual start: the file is at this application's schema, read with one SELECT,
        # and alembic (a second of imports on a slow machine) is not needed at all.
        revision, has_tables = read_file_state(path, passphrase)
        if has_tables and revision is not None and revision == schema_head():
            database = Database(url, passphrase=passphrase)
            database.upgrade_report = UpgradeReport(revision, revision, None)
            return database
    # Upgrading needs the migration scripts, which need the helpers below: imported here.
    from app.db.migrate import upgrade_in_place, upgrade_to_head

    if path is None:
        database = Database(url)
        try:
            # In-memory SQLite lives in the engine itself, so upgrade through that engine.
            database.upgrade_report = upgrade_in_place(url, database.engine)
        except BaseException:
            database.dispose()
            raise
        return database
    report = upgrade_to_head(url, passphrase)
    database = Database(url, passphrase=passphrase)
    database.upgrade_report = report
    return database


_REVISION = re.compile(r"^revision\b[^=\n]*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN_REVISION = re.compile(r"^down_revision\b[^=\n]*=\s*(?:['\"]([^'\"]+)['\"]|None)",
                            re.MULTILINE)


def schema_head() -> str | None:
    """The newest schema revision of the migration scripts, read from their text without
    importing alembic; None when that text is not plain (then alembic decides)."""
    from app import paths

    revisions: set[str] = set()
    parents: set[str] = set()
    try:
        scripts = list((paths.migrations_dir() / "versions").glob("*.py"))
    except OSError:
        return None
    for script in scripts:
        try:
            text = script.read_text(encoding="utf-8")
        except OSError:
            return None
        revision = _REVISION.findall(text)
        down = _DOWN_REVISION.findall(text)
        if len(revision) != 1 or len(down) != 1:
            return None
        revisions.add(revision[0])
        if down[0]:
            parents.add(down[0])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


# --------------------------------------------------- reading a file's state


def read_file_state(path: Path, passphrase: str | None = None) -> tuple[str | None, bool]:
    """(revision, whether any tables exist) of a SQLite file, without changing it in any way."""
    if path.stat().st_size == 0 and not has_pending_wal(path):
        return None, False
    # Through app.db.database_file: this process may have the file open (a backup taken
    # by the running application), and a plain open()/close() would drop SQLite's locks.
    plain = encryption.has_plain_header(path)
    # (An empty main file with a pending WAL is a database never checkpointed.)
    if not plain and path.stat().st_size > 0 and passphrase is None:
        if encryption.looks_encrypted(path):
            raise PassphraseRequiredError(sentence(said.PASSPHRASE_REQUIRED, str(path)))
        raise NotADatabaseError(sentence(said.NOT_SQLITE, str(path)))
    if plain and passphrase is not None:
        raise NotEncryptedError(sentence(said.NOT_ENCRYPTED, str(path)))
    # Normally ``immutable=1``: no locks, no -wal/-shm side files, so even a refused file
    # is left exactly as it was. If a previous session crashed, recent changes (perhaps
    # the schema version itself) may still sit in the -wal file, which immutable mode
    # ignores; then read through a read-only connection, which sees the WAL but can
    # never write to the database file.
    mode = "mode=ro" if has_pending_wal(path) else "immutable=1"
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
                sentence(said.PASSPHRASE_DOES_NOT_OPEN, str(path))) from exc
        raise NotADatabaseError(sentence(said.UNREADABLE, str(path), str(exc))) from exc
    if len(versions) > 1:
        raise DatabaseTooNewError(
            sentence(said.SEVERAL_VERSIONS, str(path), ", ".join(versions)))
    tables.discard("alembic_version")
    return (versions[0] if versions else None), bool(tables)


def has_pending_wal(path: Path) -> bool:
    wal = Path(f"{path}-wal")
    return wal.exists() and wal.stat().st_size > 0


# ------------------------------------------------ replacing a file by a copy


@contextlib.contextmanager
def write_locked(path: Path, passphrase: str | None = None) -> Iterator[None]:
    """Hold SQLite's write lock on the original so nobody writes to it while we copy it.

    If an earlier session crashed and left a -wal file, closing this connection lets
    SQLite checkpoint it into the database file: the bytes change, the content does not.
    """
    try:
        connection = encryption.connect(
            path, passphrase, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None
        )
    except OtherLibraryOpenError as exc:
        raise DatabaseInUseError(sentence(said.OPEN_HERE_CLOSE_FIRST, str(path))) from exc
    try:
        try:
            connection.execute("BEGIN IMMEDIATE")
        except encryption.database_errors() as exc:
            raise DatabaseInUseError(sentence(said.BEING_CHANGED, str(path))) from exc
        yield
        connection.execute("ROLLBACK")
    finally:
        connection.close()


def install_copy(work: Path, path: Path) -> None:
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


def working_copy_path(path: Path) -> Path:
    return working_path(path, "upgrading")
