"""Backups: online copy, rotation, encryption, and restore that verifies before replacing."""

from __future__ import annotations

import argparse
import io
import sqlite3
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from database_fixtures import TEST_FIXTURE_TASK, add_people, password_file
from sqlalchemy import select, text

from app import paths
from app.cli.backup import add_arguments as add_backup_arguments
from app.cli.backup import add_restore_arguments, run_restore
from app.cli.backup import run as run_backup
from app.db import audit, automatic_backups, backup, backup_check, opening, restore
from app.db.automatic_backups import (
    FAILED,
    NOT_AUDITED,
    ON_SERVER,
    SAVED,
    UNEXPECTED,
    BackupOutcome,
)
from app.db.engine import Database
from app.db.models import Patient
from app.db.opening import open_database
from app.db.patients import PatientInput, create_patient
from app.db.types import utcnow

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")

PASSPHRASE = "lilac tractor morning"


@pytest.fixture
def filled(sqlite_path: Path, patient_input: Callable[..., PatientInput]) -> Path:
    db = open_database(sqlite_path)
    try:
        with db.session() as s:
            create_patient(s, patient_input("JDM-001"), user="nurse")
            create_patient(s, patient_input("JDM-002"), user="nurse")
    finally:
        db.dispose()
    return sqlite_path


def _study_ids(path: Path) -> list[str]:
    db = open_database(path)
    try:
        with db.session() as s:
            return list(s.scalars(select(Patient.study_id).order_by(Patient.study_id)))
    finally:
        db.dispose()


def _add(path: Path, study_id: str, patient_input: Callable[..., PatientInput]) -> None:
    db = open_database(path)
    try:
        with db.session() as s:
            create_patient(s, patient_input(study_id), user="nurse")
    finally:
        db.dispose()


def test_plain_backup_while_database_is_open(filled: Path, tmp_path: Path,
                                             patient_input: Callable[..., PatientInput]) -> None:
    db = open_database(filled)
    try:
        with db.session() as s:  # uncommitted-to-file WAL content must be in the copy
            create_patient(s, patient_input("JDM-003"), user="nurse")
        out = backup.backup_database(filled, tmp_path / "out" / "copy.sqlite3",
                                     actor=TEST_FIXTURE_TASK)
    finally:
        db.dispose()
    assert out.read_bytes().startswith(b"SQLite format 3\x00")
    assert _study_ids(out) == ["JDM-001", "JDM-002", "JDM-003"]
    assert not list((tmp_path / "out").glob(".*partial*"))
    check = backup_check.verify_backup(out)
    assert check.audit_ok and check.audit_entries > 0 and not check.encrypted


def test_encrypted_round_trip_and_wrong_passphrase(
    filled: Path, tmp_path: Path, file_digest: Callable[[Path], str],
    patient_input: Callable[..., PatientInput]
) -> None:
    out = backup.backup_database(filled, tmp_path / "copy.jdmbak", PASSPHRASE,
                                 actor=TEST_FIXTURE_TASK)
    raw = out.read_bytes()
    assert raw.startswith(backup.MAGIC) and b"SQLite format 3" not in raw
    assert b"Lovelace" not in raw  # the patient's name is not readable
    _add(filled, "JDM-009", patient_input)
    before = file_digest(filled)
    with pytest.raises(backup.WrongPassphraseError, match="passphrase is wrong"):
        restore.restore_database(out, filled, "wrong passphrase", actor=TEST_FIXTURE_TASK)
    with pytest.raises(backup.BackupError, match="encrypted backup; give its passphrase"):
        restore.restore_database(out, filled, actor=TEST_FIXTURE_TASK)
    assert file_digest(filled) == before
    report = restore.restore_database(out, filled, PASSPHRASE, actor=TEST_FIXTURE_TASK)
    assert _study_ids(filled) == ["JDM-001", "JDM-002"]
    assert report.replaced_copy is not None and report.replaced_copy.parent == filled.parent
    assert ".replaced-" in report.replaced_copy.name
    assert _study_ids(report.replaced_copy) == ["JDM-001", "JDM-002", "JDM-009"]
    assert "kept at" in report.describe()


def test_tampered_ciphertext_is_refused(filled: Path, tmp_path: Path) -> None:
    out = backup.backup_database(filled, tmp_path / "copy.jdmbak", PASSPHRASE,
                                 actor=TEST_FIXTURE_TASK)
    data = bytearray(out.read_bytes())
    data[-40] ^= 1
    out.write_bytes(bytes(data))
    with pytest.raises(backup.WrongPassphraseError):
        backup_check.verify_backup(out, PASSPHRASE)
    out.write_bytes(bytes(data[:30]))
    with pytest.raises(backup.BackupVerificationError, match="truncated"):
        backup_check.verify_backup(out, PASSPHRASE)


def _sealed(plain: bytes, chunk: int) -> bytes:
    out = io.BytesIO()
    backup.encrypt_stream(io.BytesIO(plain), out, "pass phrase", chunk_size=chunk)
    return out.getvalue()


def test_stream_encryption_in_chunks_detects_cut_and_reorder() -> None:
    plain = bytes(range(256)) * 40  # 10,240 bytes -> 10 full chunks + 1 partial
    sealed = _sealed(plain, 1000)
    header, body = sealed[: backup._HEADER_LEN], sealed[backup._HEADER_LEN :]
    assert len(body) == len(plain) + 11 * backup.TAG_BYTES
    assert backup.decrypt_bytes(sealed, "pass phrase") == plain
    step = 1000 + backup.TAG_BYTES
    cut = header + body[: step * 10]  # the last chunk dropped at a chunk boundary
    swapped = header + body[step : 2 * step] + body[:step] + body[2 * step :]
    for damaged in (cut, swapped):
        with pytest.raises(backup.WrongPassphraseError):
            backup.decrypt_bytes(damaged, "pass phrase")
    empty = _sealed(b"", 1000)
    assert backup.decrypt_bytes(empty, "pass phrase") == b""
    exact = _sealed(b"x" * 2000, 1000)  # exactly two chunks: the second is the last
    assert backup.decrypt_bytes(exact, "pass phrase") == b"x" * 2000


def test_encrypt_decrypt_bytes() -> None:
    sealed = backup.encrypt_bytes(b"hello", "pass phrase")
    assert backup.decrypt_bytes(sealed, "pass phrase") == b"hello"
    assert sealed != backup.encrypt_bytes(b"hello", "pass phrase")  # fresh salt and nonce
    with pytest.raises(backup.BackupError, match="cannot be empty"):
        backup.encrypt_bytes(b"x", "")


# ------------------------------------------------------ restore refuses bad backups


def _refused_unchanged(bad: Path, target: Path, digest: Callable[[Path], str],
                       match: str) -> None:
    before = digest(target)
    with pytest.raises(backup.BackupError, match=match):
        restore.restore_database(bad, target, actor=TEST_FIXTURE_TASK)
    assert digest(target) == before
    assert not list(target.parent.glob("*.replaced-*"))


def test_restore_refuses_not_a_database(filled: Path, tmp_path: Path,
                                        file_digest: Callable[[Path], str]) -> None:
    bad = tmp_path / "holiday.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0 not sqlite" * 100)
    _refused_unchanged(bad, filled, file_digest, "not usable")


def test_restore_refuses_corrupt_backup(filled: Path, tmp_path: Path,
                                        file_digest: Callable[[Path], str]) -> None:
    good = backup.backup_database(filled, tmp_path / "good.sqlite3", actor=TEST_FIXTURE_TASK)
    data = bytearray(good.read_bytes())
    page = 4096
    for offset in range(page * 2, min(len(data), page * 6)):
        data[offset] = 0x55  # scribble over b-tree pages, keep the header
    bad = tmp_path / "corrupt.sqlite3"
    bad.write_bytes(bytes(data))
    _refused_unchanged(bad, filled, file_digest, "damaged|integrity|not usable")


def test_restore_refuses_backup_from_newer_version(filled: Path, tmp_path: Path,
                                                   file_digest: Callable[[Path], str]) -> None:
    newer = backup.backup_database(filled, tmp_path / "newer.sqlite3", actor=TEST_FIXTURE_TASK)
    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    connection.close()
    _refused_unchanged(newer, filled, file_digest, "newer version")


def test_restore_refuses_unversioned_and_missing(filled: Path, tmp_path: Path,
                                                 file_digest: Callable[[Path], str]) -> None:
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE t (x)")
    connection.close()
    _refused_unchanged(other, filled, file_digest, "not usable|not a jdm-ctp")
    _refused_unchanged(tmp_path / "nope.sqlite3", filled, file_digest, "no backup file")


def test_restore_refuses_broken_audit_unless_allowed(filled: Path, tmp_path: Path,
                                                    file_digest: Callable[[Path], str]) -> None:
    forged = backup.backup_database(filled, tmp_path / "forged.sqlite3", actor=TEST_FIXTURE_TASK)
    with sqlite3.connect(forged) as connection:
        connection.execute("DROP TRIGGER audit_entry_no_update")  # as a file writer can
        connection.execute("UPDATE audit_entry SET new_value = 'X' WHERE id = 2")
    connection.close()
    _refused_unchanged(forged, filled, file_digest, "audit trail in the backup")
    report = restore.restore_database(forged, filled, allow_broken_audit=True,
                                      actor=TEST_FIXTURE_TASK)
    assert report.check.audit_ok is False


def test_restore_refuses_while_database_is_open(filled: Path, tmp_path: Path) -> None:
    copy = backup.backup_database(filled, tmp_path / "copy.sqlite3", actor=TEST_FIXTURE_TASK)
    db = open_database(filled)
    try:
        with db.session() as s:
            s.execute(text("SELECT 1"))
        with pytest.raises(opening.DatabaseInUseError, match="close it"):
            restore.restore_database(copy, filled, actor=TEST_FIXTURE_TASK)
    finally:
        db.dispose()
    assert not list(filled.parent.glob("*.replaced-*"))


def test_restore_into_missing_database(filled: Path, tmp_path: Path) -> None:
    copy = backup.backup_database(filled, tmp_path / "copy.sqlite3", actor=TEST_FIXTURE_TASK)
    target = tmp_path / "new" / "clinic.sqlite3"
    report = restore.restore_database(copy, target, actor=TEST_FIXTURE_TASK)
    assert report.replaced_copy is None
    assert _study_ids(target) == ["JDM-001", "JDM-002"]


def test_backup_refuses_bad_sources(tmp_path: Path, filled: Path) -> None:
    with pytest.raises(backup.BackupError, match="no database file"):
        backup.backup_database(tmp_path / "missing.sqlite3", tmp_path / "x.sqlite3",
                               actor=TEST_FIXTURE_TASK)
    with pytest.raises(backup.BackupError, match="over the database itself"):
        backup.backup_database(filled, filled, actor=TEST_FIXTURE_TASK)
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("hello")
    with pytest.raises(opening.DatabaseOpenError):
        backup.backup_database(junk, tmp_path / "y.sqlite3", actor=TEST_FIXTURE_TASK)
    assert junk.read_text() == "hello"


# ---------------------------------------------------------- automatic, rotation


def test_rotation_keeps_last_n_automatic_backups_only(filled: Path) -> None:
    folder = paths.backup_dir()
    manual = folder / "clinic-before-trip.sqlite3"
    backup.backup_database(filled, manual, actor=TEST_FIXTURE_TASK)
    start = utcnow()
    made = [
        automatic_backups.automatic_backup(filled, keep=3, now=start + timedelta(minutes=i))
        for i in range(5)
    ]
    remaining = [p for _when, p in automatic_backups.automatic_backups(filled)]
    assert remaining == made[-3:]
    assert manual.exists()
    other = folder / "another-auto-20240101T000000000000Z.sqlite3"
    other.write_bytes(b"x")
    automatic_backups.rotate_backups(filled, keep=1)
    assert other.exists() and len(automatic_backups.automatic_backups(filled)) == 1
    with pytest.raises(backup.BackupError):
        automatic_backups.rotate_backups(filled, keep=0)


def test_daily_backup_due_and_exit_backup(filled: Path) -> None:
    now = utcnow()
    assert automatic_backups.daily_backup_due(filled, now=now)
    outcome = automatic_backups.daily_backup_if_due(filled, now=now)
    assert outcome is not None and outcome.ok and outcome.path is not None
    assert outcome.path.parent == paths.backup_dir()
    assert not automatic_backups.daily_backup_due(filled, now=now + timedelta(hours=23))
    assert automatic_backups.daily_backup_if_due(filled, now=now + timedelta(hours=23)) is None
    assert automatic_backups.daily_backup_due(filled, now=now + timedelta(hours=24))
    exit_outcome = automatic_backups.backup_on_exit(filled, passphrase=PASSPHRASE)
    assert exit_outcome.ok and exit_outcome.path is not None
    assert exit_outcome.path.suffix == ".jdmbak"
    assert backup_check.verify_backup(exit_outcome.path, PASSPHRASE).encrypted
    assert not automatic_backups.daily_backup_due(None)
    assert automatic_backups.backup_on_exit(None).path is None


def test_exit_backup_failure_is_reported_not_raised(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("hello")
    outcome = automatic_backups.backup_on_exit(junk)
    assert not outcome.ok and "exit backup failed" in outcome.message
    assert outcome.kind == automatic_backups.FAILED and outcome.problem in outcome.message


@pytest.mark.parametrize(("outcome", "ok", "message"), [
    (BackupOutcome(SAVED, "exit", Path("b.sqlite3")), True,
     f"The exit backup was saved to {Path('b.sqlite3')}."),
    (BackupOutcome(ON_SERVER, "daily"), True,
     "Server databases are backed up on the server."),
    (BackupOutcome(FAILED, "daily", problem="disk full"), False,
     "The daily backup failed: disk full"),
    (BackupOutcome(NOT_AUDITED, "daily", Path("b.sqlite3"), "locked"), False,
     f"The daily backup was saved to {Path('b.sqlite3')}. It could not be recorded in the "
     "audit trail: locked"),
    (BackupOutcome(UNEXPECTED, "daily", problem="RuntimeError"), False,
     "The daily backup failed (RuntimeError); the database itself is unchanged. Use "
     "Tools → Back up now, or see the log."),
])
def test_the_outcome_says_what_happened_and_its_english_is_the_log_s(outcome, ok, message):
    """The outcome carries what happened; the window writes its own words
    (tests/forms/test_start_order.py, in French); the log and the terminal keep these."""
    assert outcome.ok is ok
    assert outcome.message == message


# ------------------------------------------------------------------- commands


def _parse(adder: Callable[[argparse.ArgumentParser], None], argv: list[str]
           ) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db")
    adder(parser)
    return parser.parse_args(argv)


def test_backup_and_restore_commands(filled: Path, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str],
                                     patient_input: Callable[..., PatientInput]) -> None:
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n")
    database = open_database(filled)
    add_people(database)
    database.dispose()
    account = ["--user", "admin", "--password-file", str(password_file(tmp_path))]
    out = tmp_path / "b.jdmbak"
    args = _parse(add_backup_arguments, ["--db", str(filled), "--out", str(out),
                                         "--passphrase-file", str(secret), *account])
    assert run_backup(args) == 0
    assert "Encrypted backup" in capsys.readouterr().out
    _add(filled, "JDM-010", patient_input)
    assert run_restore(_parse(add_restore_arguments, ["--db", str(filled), str(out),
                                                      *account])) == 1
    assert "passphrase" in capsys.readouterr().err
    args = _parse(add_restore_arguments, ["--db", str(filled), str(out),
                                          "--passphrase-file", str(secret), *account])
    assert run_restore(args) == 0
    assert "Restored" in capsys.readouterr().out
    assert _study_ids(filled) == ["JDM-001", "JDM-002"]
    with audit_session(filled) as s:
        assert audit.verify_chain(s) == (True, None)


def test_commands_refuse_server_databases(capsys: pytest.CaptureFixture[str]) -> None:
    args = _parse(add_backup_arguments, ["--db", "postgresql+psycopg://u@h/db", "--out", "x"])
    assert run_backup(args) == 1
    assert "pg_dump" in capsys.readouterr().err


class audit_session:  # noqa: N801 - reads like the context manager it is
    def __init__(self, path: Path) -> None:
        self.db: Database = open_database(path)

    def __enter__(self):  # type: ignore[no-untyped-def]
        self._cm = self.db.session()
        return self._cm.__enter__()

    def __exit__(self, *exc: object) -> None:
        self._cm.__exit__(*exc)  # type: ignore[arg-type]
        self.db.dispose()


def _backup_entries(path: Path) -> list:
    from app.db.models import AuditEntry

    database = open_database(str(path))
    try:
        with database.reading() as session:
            return list(session.execute(select(
                AuditEntry.user_name, AuditEntry.action, AuditEntry.entity_id,
                AuditEntry.new_value, AuditEntry.reason).where(AuditEntry.action == "backup")))
    finally:
        database.dispose()


def test_the_daily_backup_is_written_into_the_audit_trail(filled: Path) -> None:
    now = utcnow()
    outcome = automatic_backups.daily_backup_if_due(filled, now=now)
    assert outcome is not None and outcome.ok and outcome.path is not None
    entries = _backup_entries(filled)
    assert len(entries) == 1  # one entry per backup
    (entry,) = entries
    assert entry.user_name == "automatic daily backup"
    assert entry.entity_id == outcome.path.name
    # the file's name, never where it lies (folders name people and machines)
    assert str(outcome.path.parent) not in " ".join(
        str(v) for v in (entry.new_value, entry.reason, entry.entity_id))
    assert automatic_backups.daily_backup_if_due(filled, now=now + timedelta(hours=1)) is None
    assert len(_backup_entries(filled)) == 1  # no backup due, nothing recorded
    database = open_database(str(filled))
    try:
        with database.reading() as session:
            assert audit.verify_chain(session) == (True, None)  # chained like any entry
    finally:
        database.dispose()


def test_the_daily_backup_is_credited_to_the_person_signed_in(filled: Path) -> None:
    database = open_database(str(filled))
    people = add_people(database)
    database.dispose()
    outcome = automatic_backups.daily_backup_if_due(filled, now=utcnow(), by=people["coord"])
    assert outcome is not None and outcome.ok
    (entry,) = _backup_entries(filled)
    assert entry.user_name == "coord" and entry.entity_id == outcome.path.name
