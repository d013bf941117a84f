"""A disk that fills up, for the storage tests: ``open`` for writing with ``room`` bytes
left. The bytes that fit are really written to the real file, then ENOSPC is raised, as
the operating system does when a write meets a full disk."""

from __future__ import annotations

import errno
import os


class FillingDisk:
    def __init__(self, room: int) -> None:
        self.room = room
        self.failures = 0

    def open(self, path, mode="r", *args, **kwargs):
        handle = open(path, mode, *args, **kwargs)  # noqa: SIM115 - returned to the caller
        if "w" not in mode and "a" not in mode:
            return handle
        return _FillingFile(handle, self)


class _FillingFile:
    def __init__(self, handle, disk: FillingDisk) -> None:
        self._handle = handle
        self._disk = disk

    def write(self, data):
        disk = self._disk
        if len(data) > disk.room:
            self._handle.write(data[:disk.room])
            self._handle.flush()
            disk.room = 0
            disk.failures += 1
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        disk.room -= len(data)
        return self._handle.write(data)

    def __getattr__(self, name):
        return getattr(self._handle, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._handle.close()


def sqlite_full_error():
    """The exception SQLite itself raises when its disk is full (SQLITE_FULL), made by
    really filling a scratch database: the same type, code and words as the real thing."""
    import sqlite3

    scratch = sqlite3.connect(":memory:")
    try:
        scratch.execute("CREATE TABLE t (x)")
        scratch.execute("PRAGMA max_page_count = 2")
        while True:
            scratch.execute("INSERT INTO t VALUES (randomblob(1000))")
    except sqlite3.OperationalError as exc:
        return exc
    finally:
        scratch.close()


class FullDatabaseDisk:
    """The database's disk is full: every statement that writes fails as SQLite fails it.
    ``free_space()`` ends that."""

    WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")

    def __init__(self, database) -> None:
        from sqlalchemy import event

        self._engine = database.engine
        self._event = event
        self.refused = 0
        event.listen(self._engine, "before_cursor_execute", self._refuse)

    def _refuse(self, _connection, _cursor, statement, _parameters, _context, _many):
        if statement.lstrip().upper().startswith(self.WRITES):
            self.refused += 1
            raise sqlite_full_error()

    def free_space(self) -> None:
        self._event.remove(self._engine, "before_cursor_execute", self._refuse)
