"""Making a backup: a checked copy of the clinic's SQLite database, plain or sealed with a
passphrase (Tools → Back up now, ``jdm-ctp backup``, and each automatic backup).

* A backup is taken with SQLite's online backup API (consistent even while the app is
  writing in WAL mode), checked with ``PRAGMA integrity_check``, written under a
  temporary name and renamed when complete: a half-written backup never looks real.
* Encrypted backups: scrypt (n=2^15, r=8, p=1) derives a 256-bit key from the
  passphrase; AES-256-GCM encrypts the whole file, the header being authenticated data
  (both from pycryptodomex, so the desktop bundle needs no OpenSSL for Python). Files
  written when the `cryptography` package did the same are byte-compatible
  (tests/db/test_backup_format.py holds some).
  Layout: ``MAGIC(8) | version(1) | log2 n(1) | r(1) | p(1) | salt(16) | nonce prefix(8)
  | chunk size(4)`` then 1 MiB chunks, each sealed separately (``encrypt_stream``), so
  memory use stays constant for large databases. A wrong passphrase, any changed byte,
  reordered chunks or a cut-off file fail authentication.
* A SQLCipher-encrypted database (app.db.encryption) is backed up into a file keyed with
  the same database passphrase (``db_passphrase``), so even a plain ``.sqlite3`` backup
  of it is unreadable without that passphrase; restoring needs it too.
* Who may: a backup needs the backup permission (coordinators, administrators; the
  application's own automatic backups run as ``AUTOMATIC_BACKUP_TASK``).

The errors here are those of every backup step (app.db.automatic_backups,
app.db.backup_check, app.db.restore). Server (PostgreSQL) databases are backed up with the
server's tools (pg_dump).
"""

from __future__ import annotations

import contextlib
import io
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from app.db import backup_sentences as said
from app.db import encryption
from app.db.access import Principal, authorise_file
from app.db.database_file import (
    fsync_dir,
    fsync_file,
    read_head,
    remove_sqlite_files,
)
from app.db.engine import BUSY_TIMEOUT_MS, resolve_database_url
from app.domain.permissions import Permission
from app.domain.phrases import sentence

MAGIC = b"JDMCTPBK"
FORMAT_VERSION = 1
SCRYPT_LOG2_N = 15
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
NONCE_PREFIX_BYTES = 8  # + 4-byte chunk counter = the 12-byte GCM nonce
TAG_BYTES = 16
CHUNK_BYTES = 1024 * 1024
# scrypt needs about 128 * r * n bytes (32 MiB for the parameters above). A header asking
# for more than this is refused before deriving: a crafted file could otherwise make a
# restore allocate gigabytes and run for minutes.
SCRYPT_MAX_MEMORY = 256 * 1024 * 1024
_HEADER_LEN = len(MAGIC) + 4 + SALT_BYTES + NONCE_PREFIX_BYTES + 4

PLAIN_SUFFIX = ".sqlite3"
ENCRYPTED_SUFFIX = ".jdmbak"


class BackupError(Exception):
    """A backup or restore could not be done; the message is for the person at the screen
    (a Sentence of app.db.backup_sentences: ``str()`` is its English)."""


class WrongPassphraseError(BackupError):
    pass


class BackupVerificationError(BackupError):
    pass


# The schema revisions, from alembic: imported on first use, not at each start of the app
# (the start imports this module with the automatic backups, app.db.automatic_backups).


def current_revision(url: str, passphrase: str | None = None) -> str | None:
    from app.db import migrate

    return migrate.current_revision(url, passphrase)


def known_revisions() -> set[str]:
    from app.db import migrate

    return migrate.known_revisions()


def head_revision() -> str:
    from app.db import migrate

    return migrate.head_revision()


# ------------------------------------------------------------------ encryption


def _derive_key(passphrase: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    if not passphrase:
        raise BackupError(sentence(said.EMPTY_PASSPHRASE))
    needed = 128 * r * (2**log2_n + p + 2)
    if needed > SCRYPT_MAX_MEMORY:
        raise BackupVerificationError(sentence(said.HEADER_ASKS_MEMORY))
    # Imported here, as the AES below: only an encrypted backup needs them, and every
    # start imports this module (the daily backup) before the patient list is shown.
    from Cryptodome.Protocol.KDF import scrypt

    key = scrypt(passphrase.encode("utf-8"), salt, 32, N=2**log2_n, r=r, p=p)
    assert isinstance(key, bytes)  # one key asked for: bytes, not a tuple
    return key


def _seal(key: bytes, nonce: bytes, plain: bytes, aad: bytes) -> bytes:
    """AES-256-GCM: ciphertext followed by the 16-byte tag."""
    from Cryptodome.Cipher import AES

    cipher = AES.new(key, AES.MODE_GCM, nonce=nonce, mac_len=TAG_BYTES)
    cipher.update(aad)
    encrypted, tag = cipher.encrypt_and_digest(plain)
    return encrypted + tag


def _open(key: bytes, nonce: bytes, sealed: bytes, aad: bytes) -> bytes | None:
    """The plaintext of ``_seal``'s output, or None if it does not authenticate."""
    if len(sealed) < TAG_BYTES:
        return None
    from Cryptodome.Cipher import AES

    cipher = AES.new(key, AES.MODE_GCM, nonce=nonce, mac_len=TAG_BYTES)
    cipher.update(aad)
    try:
        return cipher.decrypt_and_verify(sealed[:-TAG_BYTES], sealed[-TAG_BYTES:])
    except ValueError:  # "MAC check failed"
        return None


def _header(salt: bytes, nonce_prefix: bytes, chunk_size: int) -> bytes:
    return (
        MAGIC
        + bytes([FORMAT_VERSION, SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P])
        + salt
        + nonce_prefix
        + chunk_size.to_bytes(4, "big")
    )


def _chunk_nonce(prefix: bytes, index: int) -> bytes:
    return prefix + index.to_bytes(4, "big")


def encrypt_stream(source: BinaryIO, target: BinaryIO, passphrase: str,
                   chunk_size: int = CHUNK_BYTES) -> None:
    """Encrypt ``source`` into ``target`` chunk by chunk (constant memory).

    STREAM construction (Hoang et al. 2015): chunk i is AES-256-GCM with nonce
    prefix || i and the header plus a last-chunk flag as associated data, so chunks
    cannot be reordered, dropped or the file truncated without detection.
    """
    salt = secrets.token_bytes(SALT_BYTES)
    prefix = secrets.token_bytes(NONCE_PREFIX_BYTES)
    header = _header(salt, prefix, chunk_size)
    key = _derive_key(passphrase, salt, SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P)
    target.write(header)
    index = 0
    chunk = source.read(chunk_size)
    while True:
        following = source.read(chunk_size)
        last = not following
        aad = header + (b"\x01" if last else b"\x00")
        target.write(_seal(key, _chunk_nonce(prefix, index), chunk, aad))
        if last:
            return
        chunk = following
        index += 1


def decrypt_stream(source: BinaryIO, target: BinaryIO, passphrase: str) -> None:
    header = source.read(_HEADER_LEN)
    if not header.startswith(MAGIC):
        raise BackupError(sentence(said.NOT_ENCRYPTED_BACKUP))
    if len(header) < _HEADER_LEN:
        raise BackupVerificationError(sentence(said.TRUNCATED))
    version, log2_n, r, p = header[len(MAGIC) : len(MAGIC) + 4]
    if version != FORMAT_VERSION:
        raise BackupVerificationError(sentence(said.UNKNOWN_FORMAT, str(version)))
    offset = len(MAGIC) + 4
    salt = header[offset : offset + SALT_BYTES]
    prefix = header[offset + SALT_BYTES : offset + SALT_BYTES + NONCE_PREFIX_BYTES]
    chunk_size = int.from_bytes(header[-4:], "big")
    if not (10 <= log2_n <= 22 and 1 <= r <= 32 and 1 <= p <= 16) or not (
        1 <= chunk_size <= 64 * 1024 * 1024
    ):
        raise BackupVerificationError(sentence(said.HEADER_DAMAGED))
    key = _derive_key(passphrase, salt, log2_n, r, p)
    sealed_size = chunk_size + TAG_BYTES
    index = 0
    sealed = source.read(sealed_size)
    if len(sealed) < TAG_BYTES:
        raise BackupVerificationError(sentence(said.TRUNCATED))
    while True:
        following = source.read(sealed_size)
        last = not following
        aad = header + (b"\x01" if last else b"\x00")
        plain = _open(key, _chunk_nonce(prefix, index), sealed, aad)
        if plain is None:
            raise WrongPassphraseError(sentence(said.WRONG_PASSPHRASE))
        target.write(plain)
        if last:
            return
        sealed = following
        index += 1


def encrypt_bytes(plain: bytes, passphrase: str) -> bytes:
    target = io.BytesIO()
    encrypt_stream(io.BytesIO(plain), target, passphrase)
    return target.getvalue()


def decrypt_bytes(data: bytes, passphrase: str) -> bytes:
    target = io.BytesIO()
    decrypt_stream(io.BytesIO(data), target, passphrase)
    return target.getvalue()


def is_encrypted_backup(path: Path) -> bool:
    return read_head(path, len(MAGIC)) == MAGIC


def read_passphrase_file(path: str | Path) -> str:
    """The passphrase is the file's first line (a trailing newline is not part of it)."""
    try:
        return encryption.read_passphrase_file(path)
    except encryption.PassphraseError as exc:
        raise BackupError(str(exc)) from None


# ---------------------------------------------------------------------- backup


# Pages copied per step when progress is reported (4 MiB at SQLite's 4 KiB pages): small
# enough for a moving progress bar and a prompt Cancel, large enough to cost nothing.
PROGRESS_STEP_PAGES = 1024


def online_copy(source: Path, destination: Path, db_passphrase: str | None = None,
                progress: Callable[[int, int], None] | None = None) -> None:
    """SQLite online backup of ``source`` into a new file, then a full integrity check.

    An encrypted source gives a copy keyed with the same passphrase (SQLCipher's backup
    API needs both ends keyed alike), so the copy is exactly as protected.
    """
    remove_sqlite_files(destination)
    # Reading only; closing the connection may checkpoint a left-over WAL into the file
    # (the bytes change, the content does not), as any SQLite reader would.
    src = encryption.connect(source, db_passphrase, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        dst = encryption.connect(destination, db_passphrase)
        try:
            if progress is None:
                src.backup(dst)
            else:
                # progress(done, total) pages; it stops the copy by raising (Cancel).
                src.backup(dst, pages=PROGRESS_STEP_PAGES,
                           progress=lambda _status, remaining, total:
                           progress(total - remaining, total))
            # The copy is a plain single file, not WAL, so it can be moved or mailed alone.
            dst.execute("PRAGMA journal_mode=DELETE")
            result = dst.execute("PRAGMA integrity_check").fetchall()
            if result != [("ok",)]:
                raise BackupError(sentence(said.COPY_FAILED_CHECK, str(result[:5])))
        finally:
            dst.close()
    finally:
        src.close()

def backup_database(
    db_path: str | Path,
    out_path: str | Path,
    passphrase: str | None = None,
    *,
    db_passphrase: str | None = None,
    actor: Principal | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Copy the database at ``db_path`` into ``out_path`` (encrypted if a passphrase is given).

    ``db_passphrase`` opens a SQLCipher-encrypted database; the copy keeps its encryption.
    ``actor`` must hold the backup permission in that database as it is now.
    ``progress(pages done, pages in all)`` is called as the copy goes on; an exception it
    raises stops the copy, and nothing is left behind (the partial file is removed).
    """
    source = Path(db_path)
    target = Path(out_path)
    if not source.is_file():
        raise BackupError(sentence(said.NO_DATABASE_FILE, str(source)))
    # Refuses non-databases, a missing or wrong database passphrase.
    revision = current_revision(resolve_database_url(source), db_passphrase)
    if revision is None:
        raise BackupError(sentence(said.NOTHING_TO_BACK_UP, str(source)))
    authorise_file(source, db_passphrase, actor, Permission.BACKUP)
    if target.resolve() == source.resolve():
        raise BackupError(sentence(said.OVER_ITSELF))
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial-{os.getpid()}")
    try:
        try:
            online_copy(source, partial, db_passphrase, progress)
        except encryption.database_errors() as exc:
            raise BackupError(sentence(said.COULD_NOT_BACK_UP, str(source), str(exc))) from exc
        if passphrase is not None:
            sealed = partial.with_name(partial.name + ".sealed")
            try:
                with partial.open("rb") as plain, sealed.open("wb") as out:
                    encrypt_stream(plain, out, passphrase)
                os.replace(sealed, partial)
            finally:
                with contextlib.suppress(FileNotFoundError):
                    sealed.unlink()
        fsync_file(partial)
        os.replace(partial, target)
        fsync_dir(target.parent)
    finally:
        remove_sqlite_files(partial)
    return target


def database_key(path: Path, db_passphrase: str | None) -> str | None:
    """The key for a database file: none for plain SQLite, else the database passphrase."""
    if encryption.has_plain_header(path):
        return None
    return db_passphrase
