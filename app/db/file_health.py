"""Is there a sound, writable database at this path? Asked before anything is written.

The command line and the desktop application give the same answers, from here:

* **Presence** (``check_database_path``): a command that reads (export, pdf, audit verify,
  backup, import) needs a database file that exists. A folder, a named pipe or a mistyped
  path is refused ("no database at PATH"), never turned into a new empty database that
  "exports 0 patients". Only ``db upgrade``, ``demo-data``, the application's first start
  and ``db encrypt`` create one, and even they refuse a path that is not a regular file.
* **Damage** (``check_file``, ``check_open_database``): ``PRAGMA quick_check`` reads
  every page and checks the b-tree structure (not index contents: that is
  ``integrity_check``, about three times slower). A damaged database is never written to;
  the refusal names the newest automatic backup to restore.
* **Writability** (``require_writable``): a read-only file, folder or file system, or a
  database opened read-only, is refused before an export writes its first file (the
  export's audit entry would fail after all the files were written).
* **Storage errors** (``storage_problem``): "database or disk is full", "attempt to write
  a readonly database", "database disk image is malformed" and their OSError cousins in
  words for the person at the screen, saying what is true: what was saved and what not.

Cost of the damage check, measured on the 10,000-patient demo database (400 MB, 98,208
pages, a shared 2-core machine): 0.8-1.8 s when the file is in the operating system's
cache and 8-17 s when it is read from disk. That is too slow for start-up, so the desktop
application runs it in the background once the window is up, and the command line runs
it before export, backup, import, demo-data and audit verify (not before pdf, which
reads one patient and writes nothing into the database).

Inside the desktop application's process nothing here may open the database file with
``open()`` or through a second SQLite library: closing such a descriptor drops every
POSIX lock SQLite holds on the file. So presence and writability use ``os.stat`` /
``os.access`` only, and the application's damage check runs on a connection of its own
engine. ``check_file`` opens the file itself and is for commands, before their database
is opened.
"""

from __future__ import annotations

import errno
import os
import stat
import threading
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import event
from sqlalchemy.exc import DBAPIError

from app.db import encryption
from app.db.engine import READ_ONLY_OPTION, resolve_database_url, sqlite_file_path
from app.db.file_health_sentences import (
    AND_MORE,
    DAMAGED,
    DAMAGED_FILE,
    DISK_FAILED,
    DISK_FULL,
    EMPTY_FILE,
    FILE_READ_ONLY,
    FOLDER_READ_ONLY,
    IS_A_DEVICE,
    IS_A_FOLDER,
    IS_A_PIPE,
    IS_A_SOCKET,
    NO_BACKUP,
    NO_SCHEMA,
    NO_SUCH_FILE,
    NOT_A_FILE,
    NOT_CHECKED,
    NOT_OPENED,
    NOT_REGULAR,
    NOT_WRITABLE_NOW,
    OPENED_READ_ONLY,
    PART_IS_A_FILE,
    READ_ONLY_SAVE,
    RESTORE_ANY,
    RESTORE_NEWEST,
    SAVE_AGAIN,
    SERVER_READ_ONLY,
)
from app.domain.phrases import Number, Phrase, Sentence, phrase, sentence

if TYPE_CHECKING:
    from app.db.engine import Database

# SQLite's primary result codes (sqlite.org/rescode.html).
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_AUTH = 23
SQLITE_NOTADB = 26
# PostgreSQL SQLSTATEs: disk_full, read_only_sql_transaction.
PG_DISK_FULL = "53100"
PG_READ_ONLY = "25006"

_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT})
_PROBLEM_LINES_SHOWN = 2



class DatabaseFileProblem(Exception):
    """The database at a path cannot be used for this; the message is for people (a
    Sentence: ``str()`` is its English, ``message`` keeps its phrase for the interface)."""

    @property
    def message(self) -> str:
        said = self.args[0] if len(self.args) == 1 else None
        return said if isinstance(said, str) else str(self)


class NoDatabaseError(DatabaseFileProblem):
    """Nothing usable at the path: missing, a folder, a named pipe, an empty file."""


class DamagedDatabaseError(DatabaseFileProblem):
    """SQLite's check found the file damaged; nothing may be written to it."""


class ReadOnlyDatabaseError(DatabaseFileProblem):
    """The database cannot be written (file, folder, file system or connection)."""


@dataclass(frozen=True)
class HealthReport:
    """What ``PRAGMA quick_check`` said: ``problems`` is empty when the file is sound."""

    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        """The first problems on one line (page numbers and structure, never row values)."""
        lines = [line.strip() for problem in self.problems for line in problem.splitlines()]
        lines = [line for line in lines if line and not line.startswith("***")]
        shown = "; ".join(lines[:_PROBLEM_LINES_SHOWN])
        more = len(lines) - _PROBLEM_LINES_SHOWN
        return sentence(AND_MORE, shown, Number(str(more))) if more > 0 else shown


# ------------------------------------------------------------------------ presence


def _kind_of(mode: int) -> Phrase | None:
    """None for a regular file, else what the path is, in plain words."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return phrase(IS_A_FOLDER)
    if stat.S_ISFIFO(mode):
        return phrase(IS_A_PIPE)
    if stat.S_ISSOCK(mode):
        return phrase(IS_A_SOCKET)
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return phrase(IS_A_DEVICE)
    return phrase(NOT_REGULAR)


def database_file(db_path: str | Path | None) -> Path | None:
    """The SQLite file the application would use for ``db_path`` (None: a server database)."""
    return sqlite_file_path(resolve_database_url(db_path))


def check_database_path(db_path: str | Path | None, *, must_exist: bool = True) -> Path | None:
    """The database file for ``db_path`` (as ``--db`` takes it), or NoDatabaseError.

    ``must_exist``: the command reads a database that must already be there; a missing or
    empty file is refused. Without it (commands that may create one) only a path that
    exists and is not a regular file is refused: SQLite would otherwise replace a named
    pipe with a new database, or fail with a traceback on a folder. Returns None for a
    server database, which has no file. Uses ``os.stat`` only (see the module docstring).
    """
    path = database_file(db_path)
    if path is None:
        return None
    try:
        info = path.stat()
    except FileNotFoundError:
        if must_exist:
            raise NoDatabaseError(sentence(NO_SUCH_FILE, str(path))) from None
        return path
    except NotADirectoryError:
        raise NoDatabaseError(sentence(PART_IS_A_FILE, str(path))) from None
    except OSError as exc:
        raise NoDatabaseError(sentence(NOT_OPENED, str(path), str(exc.strerror))) from None
    kind = _kind_of(info.st_mode)
    if kind is not None:
        raise NoDatabaseError(sentence(NOT_A_FILE, str(path), kind))
    if must_exist and info.st_size == 0 and not _has_side_file(path, "-wal"):
        raise NoDatabaseError(sentence(EMPTY_FILE, str(path)))
    return path


def _has_side_file(path: Path, suffix: str) -> bool:
    return Path(f"{path}{suffix}").exists()


# -------------------------------------------------------------------------- damage


def _quick_check_rows(connection: Any) -> HealthReport:
    rows = [row[0] for row in connection.execute("PRAGMA quick_check").fetchall()]
    return HealthReport(() if rows == ["ok"] else tuple(str(row) for row in rows))


def _damage_from_error(exc: BaseException) -> HealthReport | None:
    """A check that could not even read the file: damage, or None if it is something else."""
    if _sqlite_code(exc) in (SQLITE_CORRUPT, SQLITE_NOTADB) or _says(
            exc, "malformed", "not a database"):
        return HealthReport((str(exc),))
    return None


def check_file(path: Path, passphrase: str | None = None) -> HealthReport:
    """``PRAGMA quick_check`` on a SQLite file that nobody in this process has open.

    The file is not changed. With no -wal/-journal file beside it nobody has it open, and
    it is read ``immutable`` (no locks, no side files left behind); if a -wal appears
    meanwhile (someone opened it), the answer is not trusted and the check is repeated
    on a read-only connection that takes SQLite's locks and sees the WAL.
    """
    def run(mode: str) -> HealthReport:
        uri = f"{path.resolve().as_uri()}?{mode}"
        try:
            connection = encryption.connect(uri, passphrase, uri=True)
            try:
                return _quick_check_rows(connection)
            finally:
                connection.close()
        except encryption.database_errors() as exc:
            damage = _damage_from_error(exc)
            if damage is None:
                raise DatabaseFileProblem(sentence(NOT_CHECKED, str(path), str(exc))) from exc
            return damage

    if _has_side_file(path, "-wal") or _has_side_file(path, "-journal"):
        return run("mode=ro")
    report = run("immutable=1")
    if _has_side_file(path, "-wal"):
        return run("mode=ro")
    return report


def check_open_database(database: Database) -> HealthReport:
    """``PRAGMA quick_check`` through a connection of the application's own engine.

    The desktop application calls this from a background thread: the same SQLite library
    and the same locks as its other connections, so the check never disturbs them. A
    server database has no file to check: always sound here.
    """
    if database.file_path is None or database.engine.dialect.name != "sqlite":
        return HealthReport(())
    try:
        # A read transaction (deferred BEGIN): the check reads for seconds and must never
        # hold the write lock meanwhile, or every save would wait for it.
        with database.engine.connect().execution_options(
                **{READ_ONLY_OPTION: True}) as connection:
            rows = connection.exec_driver_sql("PRAGMA quick_check").scalars().all()
            connection.rollback()
    except DBAPIError as exc:
        damage = _damage_from_error(exc)
        if damage is None:
            raise
        return damage
    return HealthReport(() if rows == ["ok"] else tuple(str(row) for row in rows))


def newest_backup(db_path: Path, folder: Path | None = None) -> Path | None:
    """The newest automatic backup of this database in ``folder`` (default: backups folder)."""
    from app.db.automatic_backups import automatic_backups

    try:
        backups = automatic_backups(db_path, folder)
    except OSError:
        return None
    return backups[-1][1] if backups else None


def restore_advice(db_path: Path, folder: Path | None = None) -> Sentence:
    backup = newest_backup(db_path, folder)
    if backup is None:
        return sentence(NO_BACKUP)
    return sentence(RESTORE_NEWEST, str(db_path), str(backup))


def damaged_message(db_path: Path, report: HealthReport,
                    folder: Path | None = None) -> Sentence:
    # SQLite's findings are its own words (page numbers and structure), shown as they came
    return sentence(DAMAGED, str(db_path), report.summary(), restore_advice(db_path, folder))


def require_sound_file(path: Path | None, passphrase: str | None = None,
                       backup_folder: Path | None = None) -> None:
    """Refuse (DamagedDatabaseError) a damaged database file, naming the backup to restore.

    For commands, before they open the database (see ``check_file``). None: a server
    database, nothing to check.
    """
    if path is None:
        return
    report = check_file(path, passphrase)
    if not report.ok:
        raise DamagedDatabaseError(damaged_message(path, report, backup_folder))


# --------------------------------------------------------------------- writability


# Databases the application found damaged while open: their connections refuse writes.
_refused: weakref.WeakKeyDictionary[Any, str] = weakref.WeakKeyDictionary()
_refused_lock = threading.Lock()


# SQLite authorizer action codes that change the file (sqlite.org/c3ref/c_alter_table.html):
# CREATE_* 1-8, DELETE 9, DROP_* 10-17, INSERT 18, UPDATE 23, ALTER_TABLE 26, REINDEX 27.
_WRITING_ACTIONS = frozenset({*range(1, 19), 23, 26, 27})
_SQLITE_DENY = 1
_SQLITE_OK = 0


def _deny_writes(action: int, *_details: object) -> int:
    return _SQLITE_DENY if action in _WRITING_ACTIONS else _SQLITE_OK


def refuse_writes(database: Database, message: str) -> None:
    """From now on nothing is written to this open database; ``message`` says why.

    Every new connection gets an SQLite authorizer that denies statements that would
    change the file, so any write fails inside SQLite itself (whatever code path tries
    it: "not authorized") and ``storage_problem`` explains it with ``message``. Reading,
    viewing and printing go on, also in write sessions (``PRAGMA query_only`` would make
    their BEGIN IMMEDIATE fail as well). A save already running when the damage was found
    finishes on its own connection.
    """
    with _refused_lock:
        first = database not in _refused
        _refused[database] = message
    if not first:
        return
    engine = database.engine

    @event.listens_for(engine, "connect")
    def _read_only(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.set_authorizer(_deny_writes)

    # Connections already in the pool were made before: replace them.
    engine.dispose()


def write_refusal(database: Database) -> str | None:
    """Why this database refuses writes (``refuse_writes``), or None."""
    with _refused_lock:
        return _refused.get(database)


def _only_refusal() -> str | None:
    """The refusal of the one open database that has one (the desktop application has one
    database; callers without it, such as the last-resort error hook, ask this)."""
    with _refused_lock:
        refusals = list(_refused.values())
    return refusals[0] if len(refusals) == 1 else None


def _probe_sqlite_write(database: Database) -> None:
    """Write one header field (``user_version``, to the value it has) in a transaction
    that is rolled back: SQLite refuses it with SQLITE_READONLY on a file it could only
    open read-only (permissions, read-only media, ``mode=ro``), and nothing reaches the
    file when it is writable. (``BEGIN IMMEDIATE`` alone does not tell: on a read-only
    file SQLite quietly makes it a read transaction.)"""
    with database.engine.connect() as connection:
        raw = connection.connection.driver_connection
        try:
            raw.execute("BEGIN IMMEDIATE")
            try:
                version = int(raw.execute("PRAGMA user_version").fetchone()[0])
                raw.execute(f"PRAGMA user_version = {version}")
            finally:
                raw.execute("ROLLBACK")
        except encryption.database_errors() as exc:
            if _sqlite_code(exc) == SQLITE_READONLY or _says(exc, "readonly", "read-only"):
                raise ReadOnlyDatabaseError(
                    sentence(OPENED_READ_ONLY, database.display_name)) from exc
            raise DatabaseFileProblem(
                sentence(NOT_WRITABLE_NOW, database.display_name, str(exc))) from exc


def require_writable(database: Database) -> None:
    """Refuse before starting if nothing could be written to ``database``.

    Order of the checks: a database found damaged (``refuse_writes``); the file and its
    folder as the operating system sees them (``os.access``: a read-only file system
    refuses even the administrator); then SQLite itself (``BEGIN IMMEDIATE``). A server
    database is asked whether its session is read-only.
    """
    refusal = write_refusal(database)
    if refusal is not None:
        raise DamagedDatabaseError(refusal)
    path = database.file_path
    if path is None:
        if database.engine.dialect.name == "postgresql":
            with database.engine.connect() as connection:
                read_only = connection.exec_driver_sql("SHOW transaction_read_only").scalar()
                connection.rollback()
            if read_only == "on":
                raise ReadOnlyDatabaseError(sentence(SERVER_READ_ONLY, database.display_name))
        elif database.engine.dialect.name == "sqlite":
            _probe_sqlite_write(database)
        return
    for target, refusal in ((path, FILE_READ_ONLY), (path.parent, FOLDER_READ_ONLY)):
        if not os.access(target, os.W_OK):
            raise ReadOnlyDatabaseError(sentence(refusal, str(path), str(target)))
    _probe_sqlite_write(database)


# ------------------------------------------------------------------ storage errors


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        seen.append(current)
        orig = getattr(current, "orig", None)
        current = orig if isinstance(orig, BaseException) else (
            current.__cause__ or current.__context__)
    return seen


def _sqlite_code(exc: BaseException) -> int | None:
    for item in _chain(exc):
        code = getattr(item, "sqlite_errorcode", None)
        if isinstance(code, int):
            return code & 0xFF  # extended codes carry the primary code in the low byte
    return None


def _says(exc: BaseException, *phrases: str) -> bool:
    for item in _chain(exc):
        text = str(item).lower()
        if any(phrase in text for phrase in phrases):
            return True
    return False


def _pg_state(exc: BaseException) -> str | None:
    for item in _chain(exc):
        state = getattr(item, "sqlstate", None) or getattr(item, "pgcode", None)
        if isinstance(state, str):
            return state
    return None


def is_disk_full(exc: BaseException) -> bool:
    """The write failed because the disk (or the user's quota) is full."""
    if _sqlite_code(exc) == SQLITE_FULL or _pg_state(exc) == PG_DISK_FULL:
        return True
    if any(isinstance(item, OSError) and item.errno in _FULL_ERRNOS for item in _chain(exc)):
        return True
    return _says(exc, "database or disk is full", "no space left on device")


def is_read_only(exc: BaseException) -> bool:
    if _sqlite_code(exc) == SQLITE_READONLY or _pg_state(exc) == PG_READ_ONLY:
        return True
    if any(isinstance(item, OSError) and item.errno == errno.EROFS for item in _chain(exc)):
        return True
    return _says(exc, "attempt to write a readonly database", "read-only file system")


def is_io_error(exc: BaseException) -> bool:
    """SQLite could not read or write its files (SQLITE_IOERR: a full disk where it must
    grow its shared-memory or journal file, a failing disk, a removed USB stick)."""
    return _sqlite_code(exc) == SQLITE_IOERR or _says(exc, "disk i/o error")


def is_damaged(exc: BaseException) -> bool:
    if isinstance(exc, DamagedDatabaseError):
        return True
    return _sqlite_code(exc) in (SQLITE_CORRUPT, SQLITE_NOTADB) or _says(
        exc, "database disk image is malformed", "file is not a database")


def _retry_words(retry: str) -> str | Phrase:
    # the window's "press Save again" is one of the sentences; a command's words are its own
    return phrase(retry) if retry == SAVE_AGAIN else retry


def disk_full_message(retry: str = SAVE_AGAIN) -> Sentence:
    return sentence(DISK_FULL, _retry_words(retry))


def storage_problem(exc: BaseException, database: Database | None = None, *,
                    retry: str = SAVE_AGAIN) -> str | None:
    """What to tell the person at the screen when a save failed for a storage reason.

    None when ``exc`` is not a storage problem (then it is a bug or a refusal with its
    own message). ``database``: the open database, whose write refusal (a damaged file)
    explains a read-only error best. ``retry``: what to do once there is space again.
    """
    from app.reports.output_files import OutputWriteError

    if isinstance(exc, DatabaseFileProblem):
        return exc.message
    if isinstance(exc, OutputWriteError):
        return str(exc)
    refusal = write_refusal(database) if database is not None else _only_refusal()
    if refusal is not None and _sqlite_code(exc) in (SQLITE_AUTH, SQLITE_READONLY):
        return refusal  # refuse_writes denied it: say why
    if is_disk_full(exc):
        return disk_full_message(retry)
    if is_read_only(exc):
        return sentence(READ_ONLY_SAVE, _retry_words(retry))
    if is_io_error(exc):
        return sentence(DISK_FAILED, _retry_words(retry))
    if is_damaged(exc):
        where = database.file_path if database is not None else None
        advice = restore_advice(where) if where is not None else sentence(RESTORE_ANY)
        return sentence(DAMAGED_FILE, advice)
    return None


# ------------------------------------------------------------------ for commands


def open_existing(db_path: str | Path | None, passphrase: str | None = None, *,
                  check_damage: bool = True, backup_folder: Path | None = None) -> Database:
    """Open the database a command reads or changes; it must already exist.

    Refuses (before anything could write to the file, including an upgrade) a path with
    no database (NoDatabaseError), a file that is not a jdm-ctp database or needs another
    passphrase (migrate's DatabaseOpenError) and, with ``check_damage``, a damaged file
    (DamagedDatabaseError naming the newest automatic backup).
    """
    from app.db.opening import open_database

    path = check_database_path(db_path, must_exist=True)
    if path is not None:
        if read_revision(path, passphrase, backup_folder) is None:
            raise NoDatabaseError(sentence(NO_SCHEMA, str(path)))
        if check_damage:
            require_sound_file(path, passphrase, backup_folder)
    return open_database(db_path, passphrase)


def read_revision(path: Path, passphrase: str | None = None,
                  backup_folder: Path | None = None) -> str | None:
    """The file's schema revision, read without changing it (migrate.current_revision).

    A SQLite file whose schema cannot even be read is damaged, and is refused as such,
    naming the backup to restore; a file that is no SQLite database at all keeps
    migrate's own refusal. For commands only: it reads the file's header with ``open()``.
    """
    from app.db.migrate import NotADatabaseError, current_revision

    try:
        return current_revision(resolve_database_url(path), passphrase)
    except NotADatabaseError as exc:
        if passphrase is not None or not encryption.has_plain_header(path):
            raise
        report = check_file(path, passphrase)
        if report.ok:
            raise
        raise DamagedDatabaseError(damaged_message(path, report, backup_folder)) from exc


def same_device(first: Path, second: Path) -> bool:
    """Do two existing paths live on the same device (file system)? (``os.stat`` only.)"""
    return first.stat().st_dev == second.stat().st_dev
