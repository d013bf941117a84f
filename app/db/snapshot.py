"""One consistent, read-only view of the whole database, for readers that must see every
table as it was at one moment (exports, the import's conflict check).

All queries run in one transaction on one connection: SQLite, a deferred ``BEGIN`` with
``PRAGMA query_only`` (WAL gives the reader a stable snapshot from its first read while
the clinic keeps saving); PostgreSQL, ``REPEATABLE READ, READ ONLY``. Nothing is written.
"""

from __future__ import annotations

from sqlalchemy import Connection

from app.db.engine import READ_ONLY_OPTION, Database


class Snapshot:
    """A consistent, read-only transaction on one connection (context manager).

    SQLite: deferred BEGIN (the WAL snapshot is fixed by the first read) and
    ``PRAGMA query_only``; PostgreSQL: REPEATABLE READ, READ ONLY.
    """

    def __init__(self, database: Database) -> None:
        self.database = database
        self.connection: Connection | None = None

    def __enter__(self) -> Connection:
        engine = self.database.engine
        # Read-only: a deferred BEGIN, which never holds up the clinic's saves.
        connection = engine.connect().execution_options(**{READ_ONLY_OPTION: True})
        self._sqlite = engine.dialect.name == "sqlite"
        if not self._sqlite:
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
        self._transaction = connection.begin()
        if self._sqlite:
            # The engine's "begin" hook has issued a deferred BEGIN; query_only makes any
            # write on this connection fail instead of happening.
            connection.exec_driver_sql("PRAGMA query_only=ON")
        else:
            connection.exec_driver_sql("SET TRANSACTION READ ONLY")
        self.connection = connection
        return connection

    def __exit__(self, *exc: object) -> None:
        assert self.connection is not None
        try:
            if self._sqlite:
                self.connection.exec_driver_sql("PRAGMA query_only=OFF")
            self._transaction.rollback()  # read only: nothing to commit
        finally:
            self.connection.close()


