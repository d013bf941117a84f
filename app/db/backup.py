"""Backups and restore of the clinic's SQLite database, optionally encrypted.

One module although long: backup, automatic rotation and restore share the file-safety
steps (online copy, check, rename into place) and the checks of who may do them.

* A backup is taken with SQLite's online backup API (consistent even while the app is
  writing in WAL mode), checked with ``PRAGMA integrity_check``, written under a
  temporary name and renamed when complete: a half-written backup never looks real.
* Automatic backups (on exit, daily) go to ``paths.backup_dir()`` as
  ``<db>-auto-<UTC time>.sqlite3`` (``.jdmbak`` when encrypted); only those are rotated
  (keep the last N, default 10). Manual and pre-upgrade backups are never deleted.
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
* Restore verifies the backup completely (decrypts, integrity check, schema revision
  known and not newer than this app, audit chain) *before* touching the current
  database, keeps the replaced database as ``<name>.replaced-<time>.sqlite3`` next to
  it, and swaps the new file in with an atomic rename.
* Who may: a backup needs the backup permission (coordinators, administrators; the
  application's own automatic backups run as ``AUTOMATIC_BACKUP_TASK``); a restore
  needs an administrator, checked in the database being replaced (or, when there is none
  or it cannot be opened, in the backup). The restore is audited in the restored
  database itself (which backup, its SHA-256, who, where the replaced database was kept
  and where its audit trail ended), and this computer's audit anchor for the database
  moves to the restored trail with the replaced one kept in its history.

Server (PostgreSQL) databases are backed up with the server's tools (pg_dump).
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import secrets
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import BinaryIO

from sqlalchemy.exc import SQLAlchemyError

from app import paths
from app.db import backup_sentences as said
from app.db import encryption
from app.db.access import Principal, authorise_file
from app.db.database_file import (
    fsync_dir,
    fsync_file,
    has_plain_header,
    open_here,
    read_head,
    remove_sqlite_files,
)
from app.db.engine import BUSY_TIMEOUT_MS, resolve_database_url
from app.db.opening import (
    DatabaseInUseError,
    DatabaseOpenError,
    PassphraseRequiredError,
    WrongDatabasePassphraseError,
)
from app.db.types import utcnow
from app.domain.permissions import AUTOMATIC_BACKUP_TASK, Actor, Permission
from app.domain.phrases import said_by, sentence

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

DEFAULT_KEEP = 10
DAILY_INTERVAL = timedelta(hours=24)
PLAIN_SUFFIX = ".sqlite3"
ENCRYPTED_SUFFIX = ".jdmbak"
_STAMP_FORMAT = "%Y%m%dT%H%M%S%fZ"
_AUTO_PATTERN = re.compile(r"^(?P<stem>.+)-auto-(?P<stamp>\d{8}T\d{12}Z)(?:\.sqlite3|\.jdmbak)$")


# What a backup, a verification or a restore says when it refuses: app.db.backup_sentences
# (the interface says it in its language, the command line in these words).
BACKUP_SENTENCES = said.BACKUP_SENTENCES


class BackupError(Exception):
    """A backup or restore could not be done; the message is for the person at the screen
    (a Sentence of app.db.backup_sentences: ``str()`` is its English)."""


class WrongPassphraseError(BackupError):
    pass


class BackupVerificationError(BackupError):
    pass


@dataclass(frozen=True)
class BackupCheck:
    """What verifying a backup found (all fine, or BackupVerificationError was raised)."""

    path: Path
    encrypted: bool  # the backup file itself (passphrase wrapper, .jdmbak)
    revision: str
    audit_entries: int
    audit_ok: bool


@dataclass(frozen=True)
class RestoreReport:
    restored_from: Path
    database: Path
    replaced_copy: Path | None
    check: BackupCheck

    def describe(self) -> str:
        text = f"Restored {self.database} from {self.restored_from} (schema {self.check.revision})."
        if self.replaced_copy is not None:
            text += f" The database it replaced is kept at {self.replaced_copy}."
        return text


# What an automatic backup did (BackupOutcome.kind).
SAVED = "saved"
ON_SERVER = "on server"  # a server database: backed up on the server, nothing to do here
FAILED = "failed"  # ``problem`` says why (the error's own words)
NOT_AUDITED = "not audited"  # saved, but its entry in the audit trail could not be written
UNEXPECTED = "unexpected"  # an error nobody foresaw: ``problem`` names its type only


@dataclass(frozen=True)
class BackupOutcome:
    """What an automatic backup did, for a status bar and the log: never raises into the
    GUI. It carries what happened, not a sentence: the window writes its own words in the
    interface's language (app.forms.backup_status); ``message`` is the English of the log
    and the terminal."""

    kind: str
    reason: str  # "daily" or "exit"
    path: Path | None = None
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.kind in (SAVED, ON_SERVER)

    @property
    def message(self) -> str:
        if self.kind == ON_SERVER:
            return "Server databases are backed up on the server."
        if self.kind == SAVED:
            return f"The {self.reason} backup was saved to {self.path}."
        if self.kind == NOT_AUDITED:
            return (f"The {self.reason} backup was saved to {self.path}. It could not be "
                    f"recorded in the audit trail: {self.problem}")
        if self.kind == UNEXPECTED:
            return (f"The {self.reason} backup failed ({self.problem}); the database itself "
                    "is unchanged. Use Tools → Back up now, or see the log.")
        return f"The {self.reason} backup failed: {self.problem}"


# The schema revisions, from alembic: imported on first use, not at each start of the app
# (the window's settings read this module's defaults).


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


def _online_copy(source: Path, destination: Path, db_passphrase: str | None = None,
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
            _online_copy(source, partial, db_passphrase, progress)
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


def automatic_backup_path(db_path: Path, *, encrypted: bool, folder: Path | None = None,
                          now: datetime | None = None) -> Path:
    folder = folder or paths.backup_dir()
    stamp = (now or utcnow()).strftime(_STAMP_FORMAT)
    suffix = ENCRYPTED_SUFFIX if encrypted else PLAIN_SUFFIX
    return folder / f"{db_path.stem}-auto-{stamp}{suffix}"


def automatic_backups(db_path: Path, folder: Path | None = None) -> list[tuple[datetime, Path]]:
    """This database's automatic backups in ``folder``, oldest first."""
    folder = folder or paths.backup_dir()
    found: list[tuple[datetime, Path]] = []
    if not folder.is_dir():
        return found
    for candidate in folder.iterdir():
        match = _AUTO_PATTERN.match(candidate.name)
        if match and match["stem"] == db_path.stem:
            when = datetime.strptime(match["stamp"], _STAMP_FORMAT).replace(
                tzinfo=utcnow().tzinfo
            )
            found.append((when, candidate))
    found.sort()
    return found


def rotate_backups(
    db_path: Path, keep: int = DEFAULT_KEEP, folder: Path | None = None
) -> list[Path]:
    """Delete all but the newest ``keep`` automatic backups of this database; returns deleted."""
    if keep < 1:
        raise BackupError(sentence(said.KEEP_ONE))
    backups = automatic_backups(db_path, folder)
    doomed = [p for _when, p in backups[:-keep]] if len(backups) > keep else []
    for old in doomed:
        with contextlib.suppress(FileNotFoundError):
            old.unlink()
    return doomed


def automatic_backup(
    db_path: str | Path,
    *,
    keep: int = DEFAULT_KEEP,
    passphrase: str | None = None,
    db_passphrase: str | None = None,
    folder: Path | None = None,
    now: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    source = Path(db_path)
    target = automatic_backup_path(
        source, encrypted=passphrase is not None, folder=folder, now=now
    )
    backup_database(source, target, passphrase, db_passphrase=db_passphrase,
                    actor=AUTOMATIC_BACKUP_TASK, progress=progress)
    rotate_backups(source, keep, folder)
    return target


def daily_backup_due(
    db_path: str | Path | None, *, now: datetime | None = None, folder: Path | None = None
) -> bool:
    """True when the newest automatic backup of this database is 24 hours old or more."""
    if db_path is None:  # server database
        return False
    backups = automatic_backups(Path(db_path), folder)
    if not backups:
        return True
    return (now or utcnow()) - backups[-1][0] >= DAILY_INTERVAL


def _outcome(db_path: str | Path | None, reason: str, **kwargs: object) -> BackupOutcome:
    if db_path is None:
        return BackupOutcome(ON_SERVER, reason)
    try:
        target = automatic_backup(db_path, **kwargs)  # type: ignore[arg-type]
    except (BackupError, DatabaseOpenError, OSError, *encryption.database_errors()) as exc:
        return BackupOutcome(FAILED, reason, problem=said_by(exc))
    return BackupOutcome(SAVED, reason, target)


def backup_on_exit(
    db_path: str | Path | None,
    *,
    keep: int = DEFAULT_KEEP,
    passphrase: str | None = None,
    db_passphrase: str | None = None,
    folder: Path | None = None,
) -> BackupOutcome:
    """Call after the last session closed, as the app exits (``Database.file_path``)."""
    return _outcome(db_path, "exit", keep=keep, passphrase=passphrase,
                    db_passphrase=db_passphrase, folder=folder)


def daily_backup_if_due(
    db_path: str | Path | None,
    *,
    keep: int = DEFAULT_KEEP,
    passphrase: str | None = None,
    db_passphrase: str | None = None,
    folder: Path | None = None,
    now: datetime | None = None,
    by: Actor | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> BackupOutcome | None:
    """Call at start and from a timer (e.g. hourly); None when no backup was due.
    ``progress(pages done, pages in all)`` as the copy goes on (a status bar).

    A backup made is one entry in the database's audit trail, credited to ``by`` (the
    person signed in) or to "automatic daily backup", naming the file, not its folder."""
    if not daily_backup_due(db_path, now=now, folder=folder):
        return None
    outcome = _outcome(db_path, "daily", keep=keep, passphrase=passphrase,
                       db_passphrase=db_passphrase, folder=folder, now=now,
                       progress=progress)
    if outcome.path is None or db_path is None:
        return outcome
    try:
        _audit_backup(Path(db_path), db_passphrase, outcome.path, by,
                      encrypted=passphrase is not None)
    except (OSError, *encryption.database_errors(), SQLAlchemyError) as exc:
        return BackupOutcome(NOT_AUDITED, outcome.reason, outcome.path, str(exc))
    return outcome


AUTOMATIC_DAILY_BACKUP = "automatic daily backup"  # who made it, when no one signed in did


def _audit_backup(db_path: Path, db_passphrase: str | None, target: Path,
                  by: Actor | None, *, encrypted: bool) -> None:
    """One entry: who, and the backup's file name (a folder can name a person or a
    computer, and says where a copy of the patients lies)."""
    from sqlalchemy.orm import Session
    from sqlalchemy.pool import NullPool

    from app.db import audit
    from app.db.engine import make_engine

    engine = make_engine(resolve_database_url(db_path),
                         passphrase=_database_key(db_path, db_passphrase), poolclass=NullPool)
    try:
        with Session(engine) as session, session.begin():
            session.info["actor"] = by if by is not None else AUTOMATIC_BACKUP_TASK
            audit.record(session, user=by.user_name if by is not None else
                         AUTOMATIC_DAILY_BACKUP, action="backup", entity="database",
                         entity_id=target.name[:64], field="backup_file",
                         new={"file": target.name, "encrypted": encrypted},
                         reason="automatic daily backup")
    finally:
        engine.dispose()


# ------------------------------------------------------------------ verification


@contextlib.contextmanager
def _plain_copy(
    backup_path: Path, passphrase: str | None, near: Path | None = None
) -> Iterator[tuple[Path, bool]]:
    """A plain SQLite copy of the backup in a private temporary folder, removed afterwards.

    ``near``: make the folder there (next to the database being restored, which has
    room for it) instead of the system's temporary folder.
    """
    if not backup_path.is_file():
        raise BackupError(sentence(said.NO_BACKUP_FILE, str(backup_path)))
    encrypted = is_encrypted_backup(backup_path)
    if near is not None:
        near.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".jdm-ctp-restore-", dir=near) as folder:
        plain = Path(folder) / "backup.sqlite3"
        if encrypted:
            if passphrase is None:
                raise BackupError(sentence(said.GIVE_PASSPHRASE, str(backup_path)))
            with backup_path.open("rb") as sealed, plain.open("wb") as out:
                decrypt_stream(sealed, out, passphrase)
        else:
            shutil.copyfile(backup_path, plain)
        yield plain, encrypted


def _database_key(path: Path, db_passphrase: str | None) -> str | None:
    """The key for a database file: none for plain SQLite, else the database passphrase."""
    if encryption.has_plain_header(path):
        return None
    return db_passphrase


def _verify_plain(
    plain: Path, shown: Path, encrypted: bool, allow_broken_audit: bool,
    db_passphrase: str | None = None,
) -> BackupCheck:
    from sqlalchemy import func, select
    from sqlalchemy.orm import Session
    from sqlalchemy.pool import NullPool

    from app.db.audit import verify_chain
    from app.db.engine import make_engine
    from app.db.models import AuditEntry

    key = _database_key(plain, db_passphrase)
    try:
        revision = current_revision(resolve_database_url(plain), key)
    except PassphraseRequiredError:
        raise BackupVerificationError(sentence(said.OF_ENCRYPTED_DATABASE, str(shown))) from None
    except WrongDatabasePassphraseError:
        raise BackupVerificationError(
            sentence(said.PASSPHRASE_DOES_NOT_OPEN, str(shown))) from None
    except DatabaseOpenError as exc:
        raise BackupVerificationError(sentence(said.NOT_USABLE, str(shown), said_by(exc))) from exc
    if revision is None:
        raise BackupVerificationError(sentence(said.NOT_JDM_CTP, str(shown)))
    if revision not in known_revisions():
        raise BackupVerificationError(
            sentence(said.NEWER_VERSION, str(shown), revision, head_revision()))
    connection = encryption.connect(plain, key)
    try:
        result = connection.execute("PRAGMA integrity_check").fetchall()
        fk = connection.execute("PRAGMA foreign_key_check").fetchall()
    except encryption.database_errors() as exc:
        raise BackupVerificationError(sentence(said.DAMAGED, str(shown), str(exc))) from exc
    finally:
        connection.close()
    if result != [("ok",)]:
        raise BackupVerificationError(sentence(said.FAILED_CHECK, str(shown), str(result[0][0])))
    if fk:
        raise BackupVerificationError(sentence(said.BROKEN_REFERENCES, str(shown)))
    engine = make_engine(resolve_database_url(plain), passphrase=key, poolclass=NullPool)
    try:
        with Session(engine) as session:
            count = session.execute(select(func.count(AuditEntry.id))).scalar_one()
            ok, first_bad = verify_chain(session)
    finally:
        engine.dispose()
    if not ok and not allow_broken_audit:
        raise BackupVerificationError(sentence(said.AUDIT_ALTERED, str(shown), str(first_bad)))
    return BackupCheck(shown, encrypted, revision, count, ok)


def verify_backup(
    backup_path: str | Path,
    passphrase: str | None = None,
    *,
    allow_broken_audit: bool = False,
    db_passphrase: str | None = None,
) -> BackupCheck:
    """Check a backup fully without restoring it (raises BackupError subclasses)."""
    path = Path(backup_path)
    with _plain_copy(path, passphrase) as (plain, encrypted):
        return _verify_plain(plain, path, encrypted, allow_broken_audit, db_passphrase)


# ---------------------------------------------------------------------- restore


def _replaced_name(db_path: Path, now: datetime) -> Path:
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    candidate = db_path.with_name(f"{db_path.stem}.replaced-{stamp}{PLAIN_SUFFIX}")
    counter = 2
    while candidate.exists():
        candidate = db_path.with_name(f"{db_path.stem}.replaced-{stamp}-{counter}{PLAIN_SUFFIX}")
        counter += 1
    return candidate


def restore_database(
    backup_path: str | Path,
    db_path: str | Path,
    passphrase: str | None = None,
    *,
    allow_broken_audit: bool = False,
    now: datetime | None = None,
    db_passphrase: str | None = None,
    allow_unencrypted: bool = False,
    actor: Principal | None = None,
) -> RestoreReport:
    """Replace the database at ``db_path`` with a verified backup (see module docstring).

    Close the database in the app first: a database still open elsewhere is refused.
    ``db_passphrase``: the database passphrase the backup was taken under, when the
    database was encrypted; the restored database keeps that passphrase.
    ``allow_unencrypted``: an encrypted database may be replaced by a plain backup (which
    leaves it unencrypted) only when this is given, i.e. explicitly confirmed.
    ``actor``: an administrator of the database being replaced (of the backup when there
    is no database, or it cannot be opened); the restore is audited in the restored trail.
    """
    source = Path(backup_path)
    target = Path(db_path)
    now = now or utcnow()
    if open_here(target):
        # Replacing the file under this process's own connections would lose their writes.
        raise DatabaseInUseError(sentence(said.OPEN_HERE, str(target)))
    with _plain_copy(source, passphrase, near=target.parent) as (plain, encrypted):
        check = _verify_plain(plain, source, encrypted, allow_broken_audit, db_passphrase)
        target_encrypted = (
            target.is_file() and target.stat().st_size > 0 and not has_plain_header(target)
        )
        if target_encrypted and has_plain_header(plain) and not allow_unencrypted:
            raise BackupError(sentence(said.WOULD_BE_UNENCRYPTED, str(target), str(source)))
        replaced_head = _trail_head(target, db_passphrase)
        who = _restore_authorised(target, replaced_head is not None, plain, db_passphrase, actor)
        work = target.with_name(f".{target.name}.restoring-{os.getpid()}")
        try:
            _online_copy(plain, work, _database_key(plain, db_passphrase))
            replaced: Path | None = _replaced_name(target, now) if target.exists() else None
            _audit_restore(work, _database_key(plain, db_passphrase), who, source, replaced,
                           replaced_head, check)
            fsync_file(work)
            if replaced is not None:
                # A consistent copy (WAL content included) of what is being replaced.
                try:
                    _online_copy(target, replaced, _database_key(target, db_passphrase))
                except (BackupError, OSError, *encryption.database_errors()):
                    # Not a readable database: keep its exact bytes instead.
                    shutil.copyfile(target, replaced)
                fsync_file(replaced)
                if Path(f"{target}-wal").exists():
                    # Our connections are closed and SQLite deletes -wal when the last one
                    # closes, so a -wal here means another program has the database open.
                    replaced.unlink()
                    raise DatabaseInUseError(sentence(said.OPEN_ELSEWHERE, str(target)))
            os.replace(work, target)
            fsync_dir(target.parent)
            with contextlib.suppress(FileNotFoundError):
                Path(f"{target}-shm").unlink()
            # The restored trail ends earlier than the one this computer last saw, by
            # design: the anchor moves to it, and the old one stays in its history.
            _move_anchor(target, db_passphrase, source, who)
        finally:
            remove_sqlite_files(work)
    return RestoreReport(source, target, replaced, check)


def _trail_head(path: Path, db_passphrase: str | None) -> tuple[int, str] | None:
    """Where the audit trail of the database at ``path`` ends; None when there is no
    database there or it cannot be read (missing, damaged, another passphrase)."""
    from sqlalchemy.orm import Session
    from sqlalchemy.pool import NullPool

    from app.db.audit import head
    from app.db.engine import make_engine

    if not path.is_file() or path.stat().st_size == 0:
        return None
    try:
        key = _database_key(path, db_passphrase)
        revision = current_revision(resolve_database_url(path), key)
        if revision is None or revision not in known_revisions():
            return None
        engine = make_engine(resolve_database_url(path), passphrase=key, poolclass=NullPool)
        try:
            with Session(engine) as session:
                return head(session) or (0, "")
        finally:
            engine.dispose()
    except (DatabaseOpenError, OSError, *encryption.database_errors()):
        return None
    except Exception:  # noqa: BLE001 - a damaged file: the backup decides who may restore
        return None


def _restore_authorised(target: Path, target_readable: bool, plain: Path,
                        db_passphrase: str | None, actor: Principal | None) -> Principal:
    """An administrator, as the database being replaced knows them now; when it cannot
    be read (missing, damaged: what restores are for), as the backup knows them."""
    where = target if target_readable else plain
    return authorise_file(where, _database_key(where, db_passphrase), actor,
                          Permission.RESTORE)


def _audit_restore(work: Path, key: str | None, who: Principal, source: Path,
                   replaced: Path | None, replaced_head: tuple[int, str] | None,
                   check: BackupCheck) -> None:
    """One entry in the restored database's own trail: the restore is part of its history."""
    import hashlib

    from sqlalchemy.orm import Session
    from sqlalchemy.pool import NullPool

    from app.db import audit
    from app.db.engine import make_engine

    digest = hashlib.sha256()
    with source.open("rb") as handle:
        for block in iter(lambda: handle.read(CHUNK_BYTES), b""):
            digest.update(block)
    engine = make_engine(resolve_database_url(work), passphrase=key, poolclass=NullPool)
    try:
        with Session(engine) as session, session.begin():
            session.info["actor"] = who
            audit.record(
                session, user=who.user_name, action="restore", entity="database",
                entity_id=source.name[:64], field="restored_from",
                new={"backup": str(source), "backup_sha256": digest.hexdigest(),
                     "backup_schema": check.revision,
                     "backup_audit_ok": check.audit_ok,
                     "replaced_copy": str(replaced) if replaced else None,
                     "replaced_trail_ended_at": (
                         {"entry_id": replaced_head[0], "entry_hash": replaced_head[1]}
                         if replaced_head else None)},
                reason="database restored from a backup")
    finally:
        engine.dispose()


def _move_anchor(target: Path, db_passphrase: str | None, source: Path,
                 who: Principal) -> None:
    from sqlalchemy.orm import Session
    from sqlalchemy.pool import NullPool

    from app.db.audit_anchor import restore_moved_anchor
    from app.db.engine import database_label, make_engine

    url = resolve_database_url(target)
    engine = make_engine(url, passphrase=_database_key(target, db_passphrase),
                         poolclass=NullPool)
    try:
        with Session(engine) as session:
            restore_moved_anchor(session, database_label(url),
                                 f"restored from {source.name} by {who.user_name}")
    except Exception:  # noqa: BLE001 - the restore is done; the anchor is re-taken at start
        pass
    finally:
        engine.dispose()


def backup_credentials(backup_path: str | Path, passphrase: str | None,
                       db_passphrase: str | None, user_name: str, password: str) -> Principal:
    """Check a user name and password against the accounts in a backup, writing nothing.

    For a restore where there is no database to sign in to (lost, damaged): the person
    restoring must be an administrator of the database the backup was taken from."""
    from sqlalchemy.orm import Session
    from sqlalchemy.pool import NullPool

    from app.db.engine import make_engine
    from app.db.users import verify_credentials

    source = Path(backup_path)
    with _plain_copy(source, passphrase) as (plain, _encrypted):
        key = _database_key(plain, db_passphrase)
        try:
            revision = current_revision(resolve_database_url(plain), key)
        except DatabaseOpenError as exc:
            raise BackupVerificationError(
                sentence(said.NOT_USABLE, str(source), said_by(exc))) from exc
        if revision is None or revision not in known_revisions():
            raise BackupVerificationError(sentence(said.NOT_READABLE_HERE, str(source)))
        engine = make_engine(resolve_database_url(plain), passphrase=key, poolclass=NullPool)
        try:
            with Session(engine) as session:
                return verify_credentials(session, user_name, password)
        finally:
            engine.dispose()
