"""Where the database is, how to connect to it, and the one-transaction-per-action session.

SQLite is the clinic's default (one file, no server); PostgreSQL works for shared installs.
For SQLite every connection gets the same pragmas, because pragmas such as
``foreign_keys`` and ``synchronous`` are per connection, not stored in the file.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool, StaticPool

from app import paths
from app.db import database_file, encryption

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.db.migrate import UpgradeReport

BUSY_TIMEOUT_MS = 5000
BEGIN_ATTEMPTS = 3  # a save waits at most 3 busy timeouts for another writer
# Execution option marking a connection's transactions as read-only (see _on_begin).
READ_ONLY_OPTION = "jdm_ctp_read_only"
ENCRYPTED_CACHE_KIB = 64 * 1024


def resolve_database_url(db_path: str | Path | None = None) -> str:
    """The database to use: explicit argument > $JDM_CTP_DATABASE_URL > the per-user default.

    A plain file path (argument or environment) becomes a ``sqlite:///`` URL; a string
    containing ``://`` is taken as a SQLAlchemy URL as it stands.
    """
    if db_path is not None and str(db_path) != "":
        return _as_url(db_path)
    from_env = os.environ.get(paths.DATABASE_URL_ENV, "").strip()
    if from_env:
        return _as_url(from_env)
    return _as_url(paths.default_database_path())


def _as_url(value: str | Path) -> str:
    if isinstance(value, str) and "://" in value:
        return value
    path = Path(value).expanduser().resolve()
    return URL.create("sqlite", database=str(path)).render_as_string(hide_password=False)


def sqlite_file_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for in-memory SQLite and server databases."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    database = parsed.database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        return None
    return Path(database)


def database_label(url: str) -> str:
    """Where the data lives, for people and as a key: the file path, or the URL sans password."""
    path = sqlite_file_path(url)
    if path is not None:
        return str(path)
    return make_url(url).render_as_string(hide_password=True)


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def make_engine(
    url: str, *, foreign_keys: bool = True, passphrase: str | None = None, **engine_kwargs: Any
) -> Engine:
    """An engine for ``url``; for SQLite with WAL, FK enforcement, FULL sync and a busy timeout.

    ``passphrase``: the SQLite file is SQLCipher-encrypted (see app.db.encryption); the
    SQLCipher driver is used and every new connection is keyed before anything else.

    ``foreign_keys=False`` exists only for migrations: SQLite batch migrations rebuild a
    table by copy-drop-rename, and with enforcement on, dropping a parent table would
    cascade-delete its children. The migration runner checks FK integrity afterwards.
    """
    # SQL parameters are patient data: they must never reach an exception message, which
    # may be shown, logged or reported.
    engine_kwargs.setdefault("hide_parameters", True)
    if is_sqlite(url):
        if sqlite_file_path(url) is None:
            # In-memory: every session must share the one connection or they see
            # different, empty databases.
            engine_kwargs.setdefault("poolclass", StaticPool)
            engine_kwargs.setdefault("connect_args", {"check_same_thread": False})
        else:
            # Every connection to the file is on record, so nothing else in this process
            # opens it in a way that would drop SQLite's locks (app.db.database_file).
            connect_args = dict(engine_kwargs.get("connect_args", {}))
            connect_args["factory"] = database_file.connection_factory(
                encryption.driver(passphrase), keyed=passphrase is not None
            )
            engine_kwargs["connect_args"] = connect_args
        if passphrase is not None:
            engine_kwargs["module"] = encryption.driver(passphrase)
        engine = create_engine(url, **engine_kwargs)
        _configure_sqlite(engine, foreign_keys=foreign_keys, passphrase=passphrase)
        return engine
    engine = create_engine(url, **engine_kwargs)
    if engine.dialect.name == "postgresql":
        from app.db.models import declare_postgresql_forms

        declare_postgresql_forms()
    return engine


def make_migration_engine(url: str, passphrase: str | None = None) -> Engine:
    """Engine for running alembic: FK enforcement off on SQLite, no pooled connections left."""
    return make_engine(url, foreign_keys=False, passphrase=passphrase, poolclass=NullPool)


def _configure_sqlite(engine: Engine, *, foreign_keys: bool, passphrase: str | None) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        if passphrase is not None:
            encryption.apply_key(dbapi_connection, passphrase)
        # Take transaction control away from the sqlite3 module: by default it does not
        # BEGIN before DDL and commits behind our back, which would make migrations
        # non-atomic and SAVEPOINTs unreliable. We emit BEGIN ourselves below.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            if passphrase is not None:
                # Decrypted pages live only in SQLite's own page cache (the operating
                # system caches the encrypted bytes), and every page read from the file
                # is decrypted and authenticated again: a 64 MiB cache instead of the
                # default 2 MiB keeps the patient list from paying that on every refresh.
                cursor.execute(f"PRAGMA cache_size=-{ENCRYPTED_CACHE_KIB}")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # A unit of work reads before it writes (is the study id taken? where does the
        # audit chain end?). In a deferred transaction that read holds a shared lock, and
        # SQLite must then fail the write at once with "database is locked" instead of
        # waiting (waiting could deadlock two writers): the busy timeout never applies.
        # BEGIN IMMEDIATE takes the write lock first, waiting up to the busy timeout.
        # Read-only work (Database.reading, export snapshots) keeps the deferred BEGIN:
        # in WAL mode it never waits for writers and never makes them wait.
        if connection.get_execution_options().get(READ_ONLY_OPTION):
            connection.exec_driver_sql("BEGIN")
            return
        # SQLite's busy handler is not fair: a writer that commits and begins again at
        # once can keep a waiting one out past the timeout. Nothing has been done yet, so
        # BEGIN IMMEDIATE is simply tried again (at most BEGIN_ATTEMPTS busy timeouts).
        for attempt in range(1, BEGIN_ATTEMPTS + 1):
            try:
                connection.exec_driver_sql("BEGIN IMMEDIATE")
                return
            except OperationalError as error:
                if attempt == BEGIN_ATTEMPTS or "locked" not in str(error.orig):
                    raise


class ReadOnlySessionError(RuntimeError):
    """Code tried to change data inside Database.reading() (a programming error)."""


def __getattr__(name: str) -> Any:  # PEP 562: the ORM's session class, on first use
    if name == "ReadingSession":
        from app.db.sessions import ReadingSession

        return ReadingSession
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class Database:
    """An opened database: its URL, engine, and a session per user action.

    Build it with ``app.db.opening.open_database`` so the schema is upgraded first.
    """

    def __init__(
        self, url: str, engine: Engine | None = None, passphrase: str | None = None
    ) -> None:
        self.url = url
        # Kept for the life of the process because backups of an encrypted database are
        # keyed with it too (the engine's connect hook holds it anyway).
        self.passphrase = passphrase
        self.engine = engine if engine is not None else make_engine(url, passphrase=passphrase)
        self._make_sessionmakers()
        # What open_database did on the way in (e.g. to tell the user where the backup went).
        self.upgrade_report: UpgradeReport | None = None
        # Who is signed in (an app.domain.permissions.Actor), in the desktop application
        # and on the command line; a SystemTask only where there is no person (demo data
        # on a new file). Every session carries it so services check permissions where
        # the change is made, not only by hiding buttons. None: nobody, who may do nothing
        # that needs a permission.
        self.actor: Any = None

    @property
    def file_path(self) -> Path | None:
        return sqlite_file_path(self.url)

    @property
    def encrypted(self) -> bool:
        return self.passphrase is not None and self.file_path is not None

    @property
    def display_name(self) -> str:
        """Where the data lives, for people: the file path, or the URL without password."""
        return database_label(self.url)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commits once if the block succeeds, rolls back if it raises.

        On SQLite it takes the write lock when it begins (waiting for another writer up to
        the busy timeout), so a user's save never fails because another process saved.
        """
        with self._session_makers()[0]() as session, session.begin():
            session.info["actor"] = self.actor
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only unit: lists, views, reports. It never waits for writers (SQLite WAL
        snapshot) and cannot write: flushing a change raises ReadOnlySessionError."""
        with self._session_makers()[1]() as session:
            session.info["actor"] = self.actor
            try:
                yield session
            finally:
                session.rollback()  # nothing to keep: ends the read transaction

    @contextmanager
    def reading_connection(self) -> Iterator[Connection]:
        """``reading`` for Core statements without the ORM (the patient list at start):
        the same read-only snapshot, on a plain connection; nothing done in it is kept."""
        with self.engine.execution_options(**{READ_ONLY_OPTION: True}).connect() as connection:
            connection.begin()
            try:
                yield connection
            finally:
                connection.rollback()  # ends the read transaction

    def reopen(self, passphrase: str | None) -> None:
        """Connect afresh, with another database passphrase (after the encryption changed).

        Everything holding this Database (windows, the idle lock, backups) then uses the
        new engine; the caller disposed the old one before the file was replaced.
        """
        self.engine.dispose()
        self.passphrase = passphrase
        self.engine = make_engine(self.url, passphrase=passphrase)
        self._make_sessionmakers()

    def _make_sessionmakers(self) -> None:
        self._makers: tuple[Any, Any] | None = None  # made at the first session

    def _session_makers(self) -> tuple[Any, Any]:
        """The writing and reading session makers, made (with the ORM imported) at the
        first session: the start reads its list on a plain connection before that."""
        if self._makers is None:
            from app.db.sessions import session_makers

            self._makers = session_makers(self.engine)
        return self._makers

    def dispose(self) -> None:
        """Close pooled connections (SQLite then checkpoints and removes its -wal file)."""
        self.engine.dispose()

    def __repr__(self) -> str:
        # Never the passphrase: reprs end up in logs and tracebacks.
        return f"Database({self.display_name!r})"
