"""Optional encryption at rest of the SQLite database file with SQLCipher.

A clinic that chooses it gives a *database passphrase*; every page of the file (and of
its -wal journal) is then AES-256 encrypted by SQLCipher, whose own key derivation
(PBKDF2-HMAC-SHA512 with a per-file salt) turns the passphrase into the key. Without
the passphrase the file is unreadable noise, also on a stolen laptop or a lost backup
disk. The unencrypted default (the standard library's ``sqlite3``) is unchanged: this
module is only used once a passphrase is in play.

Every place that opens the file itself (the engine, the migration runner's copies and
checks, backups, restore) goes through :func:`connect`, which picks the driver: plain
``sqlite3`` without a passphrase, ``sqlcipher3`` with one. Backups of an encrypted
database are made with SQLite's online backup API into a file keyed with the same
passphrase, so they are encrypted too.

Converting an existing database (``encrypt_file`` / ``decrypt_file``) uses SQLCipher's
``sqlcipher_export`` into a new file that is checked and then swapped in atomically;
``change_passphrase`` re-keys the same way, never in place, so a failure half-way never
leaves a file encrypted with neither passphrase.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from types import ModuleType
from typing import Any

from app.db import database_file
from app.db.database_file import SQLITE_HEADER, has_plain_header
from app.domain.phrases import Number, sentence

__all__ = ["SQLITE_HEADER", "has_plain_header"]
MIN_PASSPHRASE_LENGTH = 10
MAX_PASSPHRASE_LENGTH = 1024


# check_new_passphrase's sentences (app/forms/terms.py lists them: the GUI says them in
# its language, the command line in these words)
TOO_SHORT = ("The database passphrase must be at least %1 characters long. A short sentence "
             "is easy to remember and hard to guess.")
TOO_LONG = "The database passphrase must be at most %1 characters."
EDGE_SPACE = ("The database passphrase cannot begin or end with a space: it would be too "
              "easy to lose when typed again.")
NOT_THE_SAME = "The two passphrases are not the same; type them again."
SAME_AS_CURRENT = "The new passphrase is the same as the current one."  # (a change's)
CHECK_SENTENCES = (TOO_SHORT, TOO_LONG, EDGE_SPACE, NOT_THE_SAME, SAME_AS_CURRENT)
NEW, REPEATED = "new", "repeated"  # the passphrase a check is about


class PassphraseError(ValueError):
    """A new passphrase is not acceptable; the message is for the person at the screen.

    ``field``: which passphrase it is about (NEW, or REPEATED for a mistyped repetition),
    so a form shows it at that field; ``message``: the message, a Sentence when written by
    ``check_new_passphrase`` (its English is ``str(error)``)."""

    def __init__(self, message: str, field: str = NEW) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def _sqlcipher() -> ModuleType:
    # Imported on demand: the unencrypted default never loads it.
    import sqlcipher3.dbapi2 as sqlcipher

    return sqlcipher


def driver(passphrase: str | None) -> ModuleType:
    """The DB-API module to open the file with: ``sqlite3``, or SQLCipher's when keyed."""
    return sqlite3 if passphrase is None else _sqlcipher()


def database_errors() -> tuple[type[BaseException], ...]:
    """Exceptions either driver raises for database problems (they share no base class)."""
    try:
        return (sqlite3.Error, _sqlcipher().Error)
    except ImportError:  # pragma: no cover - sqlcipher3 is a declared dependency
        return (sqlite3.Error,)


def quote_passphrase(passphrase: str) -> str:
    """The passphrase as an SQL string literal: PRAGMA cannot take bound parameters."""
    return "'" + passphrase.replace("'", "''") + "'"


def apply_key(dbapi_connection: Any, passphrase: str) -> None:
    """Key a fresh SQLCipher connection; must run before anything else touches the file."""
    cursor = dbapi_connection.cursor()
    try:
        # A wrong key is an expected user error we report in plain words; SQLCipher would
        # otherwise also print its own "hmac check failed" lines on stderr.
        cursor.execute("PRAGMA cipher_log_level = NONE")
        cursor.execute(f"PRAGMA key = {quote_passphrase(passphrase)}")
    finally:
        cursor.close()


def connect(database: str | Path, passphrase: str | None = None, **kwargs: Any) -> Any:
    """A DB-API connection to ``database`` (a path, or a ``file:`` URI with ``uri=True``).

    ``passphrase`` None: the standard library's SQLite; a passphrase: SQLCipher keyed
    with it; ``""``: a plain file opened through SQLCipher's SQLite (see
    app.db.encryption_setup for why that matters).
    """
    module = driver(passphrase)
    factory = database_file.connection_factory(module, keyed=bool(passphrase))
    connection = module.connect(str(database), factory=factory, **kwargs)
    if passphrase:
        try:
            apply_key(connection, passphrase)
        except BaseException:
            connection.close()
            raise
    return connection


def looks_encrypted(path: Path) -> bool:
    """True when the file may be a SQLCipher database: not plain SQLite, whole pages.

    SQLCipher files carry no readable marker (the first 16 bytes are the random salt),
    so this cannot tell an encrypted database from other binary data of a page-multiple
    size; opening it with the passphrase is the only proof. Text files, documents and
    truncated files are almost never a multiple of 512 bytes, and get "not a database".
    """
    size = path.stat().st_size
    return size > 0 and size % 512 == 0 and not has_plain_header(path)


def read_passphrase_file(path: str | Path) -> str:
    """A passphrase kept in a file: its first line (the newline is not part of it).

    Command-line tools read passphrases from files, never from arguments, where they
    would sit in the shell history and the process list.
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise PassphraseError(
            f"The passphrase file {path} cannot be read: {exc.strerror}."
        ) from exc
    except UnicodeDecodeError as exc:
        raise PassphraseError(f"The passphrase file {path} is not a text file.") from exc
    first = text.splitlines()[0] if text else ""
    if not first:
        raise PassphraseError(f"The passphrase file {path} is empty.")
    return first


def check_new_passphrase(passphrase: str, repeated: str | None = None) -> None:
    """Refuse a passphrase too short to resist guessing, or mistyped when repeated."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise PassphraseError(sentence(TOO_SHORT, Number(str(MIN_PASSPHRASE_LENGTH))))
    if len(passphrase) > MAX_PASSPHRASE_LENGTH:
        raise PassphraseError(sentence(TOO_LONG, Number(str(MAX_PASSPHRASE_LENGTH))))
    if passphrase != passphrase.strip():
        raise PassphraseError(sentence(EDGE_SPACE))
    if repeated is not None and repeated != passphrase:
        raise PassphraseError(sentence(NOT_THE_SAME), REPEATED)


def export_to(
    source: Path, source_passphrase: str | None, target: Path, target_passphrase: str | None
) -> None:
    """Write a copy of ``source`` to the new file ``target`` with another key (or none).

    ``sqlcipher_export`` copies schema, data and ``user_version`` into an attached
    database keyed differently; an empty key attaches a plain SQLite file. The online
    backup API cannot do this (it refuses to copy between encrypted and plain files).
    """
    with contextlib.suppress(FileNotFoundError):
        target.unlink()
    connection = connect(source, source_passphrase or "", isolation_level=None)
    try:
        connection.execute(
            f"ATTACH DATABASE {quote_passphrase(str(target))} AS converted "
            f"KEY {quote_passphrase(target_passphrase or '')}"
        )
        try:
            connection.execute("SELECT sqlcipher_export('converted')")
        finally:
            connection.execute("DETACH DATABASE converted")
    finally:
        connection.close()


def table_counts(path: Path, passphrase: str | None) -> dict[str, int]:
    """Rows per table: the proof that a converted copy holds everything the original did."""
    connection = connect(path, passphrase)
    try:
        names = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
            for name in names
        }
    finally:
        connection.close()


def integrity_ok(path: Path, passphrase: str | None) -> bool:
    connection = connect(path, passphrase)
    try:
        return connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        connection.close()


working_path = database_file.working_path
