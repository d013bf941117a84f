"""A SQLite database file as this process sees it: who has it open, and how to look at it.

SQLite guards a database file with POSIX advisory (fcntl) locks, and POSIX ties those
locks to the *process*, not to the descriptor: closing any descriptor of the file in this
process releases every lock SQLite holds on it. Another program that opens and closes the
file afterwards then believes it is the last user, checkpoints the -wal file and deletes
it, and this process's next commits go into a deleted file: "saved", then lost.

SQLite avoids that among its own connections (it delays closing a descriptor while other
connections of the same library hold locks), but only within one copy of the library,
and Python's ``open()`` is not SQLite at all. So, in this process:

* every SQLite connection to a file is made through :func:`connection_factory` (the
  engine, and ``app.db.encryption.connect`` for raw connections), which records the file
  (by device and inode) and the library that has it open;
* the first bytes of a database file are read with :func:`read_head`, which answers from
  that record while a connection is open instead of opening the file again;
* a file open through one SQLite library (the standard ``sqlite3``, or SQLCipher's
  ``sqlcipher3``) is never opened through the other: :class:`OtherLibraryOpenError` is a
  programming error, raised before the file is touched;
* code that must copy or replace the file's bytes calls :func:`refuse_if_open_here`.

The same module keeps the small file-safety helpers every writer of database files uses
(fsync of a file and of its folder, removing a database with its side files).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import unquote, urlsplit

SQLITE_HEADER = b"SQLite format 3\x00"
HEAD_BYTES = 64  # enough for every header this application looks at
SIDE_FILE_SUFFIXES = ("-wal", "-shm", "-journal")

# Guards the record below and every open()/close() of a database file made through this
# module, so a header read can never interleave with a connection taking its first locks.
_lock = threading.RLock()


class OtherLibraryOpenError(RuntimeError):
    """The file is open in this process through the other SQLite library (a bug)."""


class FileOpenHereError(RuntimeError):
    """The file's bytes cannot be touched: this process has it open through SQLite."""


@dataclass
class _OpenFile:
    library: str
    connections: int
    head: bytes  # the first bytes when the first connection opened it (b"" for a new file)
    keyed: bool  # opened with a SQLCipher key (an encrypted file)


_open: dict[tuple[int, int], _OpenFile] = {}


def _key(path: Path) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    return status.st_dev, status.st_ino


def path_of(database: str | os.PathLike[str], uri: bool = False) -> Path | None:
    """The file a DB-API ``connect`` argument names (None for in-memory databases)."""
    text = os.fspath(database)
    if uri or text.startswith("file:"):
        parts = urlsplit(text)
        text = unquote(parts.path)
        if sys.platform == "win32" and text.startswith("/") and text[2:3] == ":":
            text = text[1:]
        query = parts.query
        if "mode=memory" in query:
            return None
    if text in ("", ":memory:"):
        return None
    return Path(text)


def _read_file_head(path: Path) -> bytes:
    # Only ever called while no connection of this process has the file open (see the
    # module docstring), so closing this descriptor cannot release anybody's lock.
    try:
        with path.open("rb") as handle:
            return handle.read(HEAD_BYTES)
    except (FileNotFoundError, IsADirectoryError, PermissionError):
        return b""


def _register(path: Path, library: str, keyed: bool) -> tuple[int, int] | None:
    key = _key(path)
    if key is None:
        return None
    entry = _open.get(key)
    if entry is None:
        # The connection was just made and has not run a statement: SQLite holds no lock
        # on the file yet, so this is the one safe moment to read its first bytes.
        _open[key] = _OpenFile(library, 1, _read_file_head(path), keyed)
    else:
        entry.connections += 1
    return key


def _unregister(key: tuple[int, int] | None) -> None:
    if key is None:
        return
    with _lock:
        entry = _open.get(key)
        if entry is None:
            return
        entry.connections -= 1
        if entry.connections <= 0:
            del _open[key]


def _refuse_other_library(path: Path | None, library: str) -> None:
    if path is None:
        return
    key = _key(path)
    entry = _open.get(key) if key is not None else None
    if entry is not None and entry.library != library:
        raise OtherLibraryOpenError(
            f"{path.name} is open in this process through {entry.library}; opening it "
            f"through {library} too would release the first library's locks on it"
        )


_factories: dict[tuple[str, bool], type] = {}


def connection_factory(module: ModuleType, *, keyed: bool) -> type:
    """A DB-API ``Connection`` subclass of ``module`` that records the file it opens.

    Pass it as ``factory=`` to ``module.connect`` (SQLAlchemy: ``connect_args``).
    ``keyed``: the connection will be keyed with a SQLCipher passphrase.
    """
    library = "sqlite3" if module is sqlite3 else module.__name__.split(".")[0]
    cached = _factories.get((library, keyed))
    if cached is not None:
        return cached
    base = module.Connection

    class RecordedConnection(base):  # type: ignore[misc, valid-type]
        _jdm_file: tuple[int, int] | None = None

        def __init__(self, database: Any, *args: Any, **kwargs: Any) -> None:
            path = path_of(database, bool(kwargs.get("uri", False)))
            with _lock:
                _refuse_other_library(path, library)
                super().__init__(database, *args, **kwargs)
                self._jdm_file = _register(path, library, keyed) if path is not None else None

        def close(self) -> None:
            try:
                super().close()
            finally:
                key, self._jdm_file = self._jdm_file, None
                _unregister(key)

        def __del__(self) -> None:
            # A connection dropped without close() (an exception path) must not stay on
            # record forever; SQLite closes it when the object is freed.
            key, self._jdm_file = self._jdm_file, None
            _unregister(key)

    RecordedConnection.__name__ = f"Recorded{library.capitalize()}Connection"
    _factories[(library, keyed)] = RecordedConnection
    return RecordedConnection


def open_here(path: Path) -> bool:
    """True while a connection of this process has the file open."""
    with _lock:
        key = _key(path)
        return key is not None and key in _open


def read_head(path: Path, size: int = len(SQLITE_HEADER)) -> bytes:
    """The first ``size`` bytes of a (database) file, without endangering SQLite's locks.

    While this process has the file open through SQLite the bytes come from what was read
    when it was opened (for a file created by that connection: a plain header, or the
    encrypted file's unreadable first bytes, as the connection's key says).
    """
    if size > HEAD_BYTES:
        raise ValueError(f"read_head reads at most {HEAD_BYTES} bytes")
    with _lock:
        key = _key(path)
        entry = _open.get(key) if key is not None else None
        if entry is None:
            return _read_file_head(path)[:size]
        if entry.head:
            return entry.head[:size]
        # Created empty by our own connection: SQLite has written its header since.
        return b"" if entry.keyed else SQLITE_HEADER[:size]


def has_plain_header(path: Path) -> bool:
    """True for an unencrypted SQLite database file."""
    return read_head(path) == SQLITE_HEADER


def refuse_if_open_here(path: Path, doing: str) -> None:
    """Raise FileOpenHereError when copying or replacing ``path``'s bytes is unsafe."""
    if open_here(path):
        raise FileOpenHereError(
            f"Cannot {doing} {path}: it is open in this program. Close it first."
        )


# ------------------------------------------------------------- file-safety helpers


def remove_sqlite_files(path: Path) -> None:
    """Delete a database file and its -wal/-shm/-journal side files, if present."""
    for candidate in (path, *(Path(f"{path}{suffix}") for suffix in SIDE_FILE_SUFFIXES)):
        with contextlib.suppress(FileNotFoundError):
            candidate.unlink()


def fsync_file(path: Path) -> None:
    """Force a file's bytes to disk. Never call it on a database this process has open."""
    refuse_if_open_here(path, "flush")
    with _lock, path.open("rb+") as handle:
        os.fsync(handle.fileno())


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable; directories cannot be opened so on Windows."""
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def working_path(path: Path, purpose: str) -> Path:
    """A sibling name for a copy being prepared (same folder, so os.replace is atomic)."""
    return path.with_name(f".{path.name}.{purpose}-{os.getpid()}")
