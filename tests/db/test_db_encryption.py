"""Encryption at rest with SQLCipher: opening, refusing, converting, backing up, restoring.

The strongest check is on the bytes: a child's name and MRN written through the app must
not appear anywhere in the database file, its -wal journal or its backups once the
database is encrypted, and must be readable again only with the passphrase.
"""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from alembic import command
from database_fixtures import TEST_FIXTURE_TASK
from sqlalchemy import select

from app import paths
from app.db import (
    automatic_backups,
    backup,
    backup_check,
    encryption,
    encryption_setup,
    opening,
    restore,
)
from app.db.audit import verify_url
from app.db.engine import resolve_database_url
from app.db.migrate import (
    DatabaseInUseError,
    DatabaseUpgradeError,
    NotADatabaseError,
    NotEncryptedError,
    PassphraseRequiredError,
    WrongDatabasePassphraseError,
    alembic_config,
    current_revision,
    head_revision,
)
from app.db.models import AuditEntry, PatientIdentity
from app.db.opening import open_database
from app.db.patients import PatientInput, create_patient

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")

PASSPHRASE = "violet kestrel over the ward"
OTHER = "a different long passphrase"
# Identifying values that must never be readable in an encrypted file.
SECRETS = (b"Lovelace", b"MRN-12345")


def _add_patient(path: Path, passphrase: str | None, data: PatientInput) -> None:
    database = open_database(path, passphrase)
    try:
        with database.session() as session:
            create_patient(session, data, user="nurse")
    finally:
        database.dispose()


def _names(path: Path, passphrase: str | None) -> list[str]:
    database = open_database(path, passphrase)
    try:
        with database.session() as session:
            return list(session.scalars(select(PatientIdentity.family_name)))
    finally:
        database.dispose()


def _files_beside(path: Path) -> list[str]:
    """What is in the database's folder (the test's private home folder aside)."""
    return sorted(p.name for p in path.parent.iterdir() if p.name != "jdm-home")


def _leaks(path: Path) -> list[bytes]:
    data = path.read_bytes()
    return [secret for secret in SECRETS if secret in data]


@pytest.fixture
def plain_db(sqlite_path: Path, patient_input: Callable[..., PatientInput]) -> Path:
    _add_patient(sqlite_path, None, patient_input())
    assert _leaks(sqlite_path) == list(SECRETS)  # proves the byte check can see them
    return sqlite_path


@pytest.fixture
def encrypted_db(plain_db: Path) -> Path:
    encryption_setup.encrypt_database(plain_db, PASSPHRASE, actor=TEST_FIXTURE_TASK)
    return plain_db


# ------------------------------------------------------------------- opening


def test_encrypting_hides_every_identifying_byte_and_keeps_the_data(encrypted_db: Path) -> None:
    assert not encryption.has_plain_header(encrypted_db)
    assert encryption.looks_encrypted(encrypted_db)
    assert _leaks(encrypted_db) == []
    assert _names(encrypted_db, PASSPHRASE) == ["Lovelace"]


def test_new_writes_to_an_encrypted_database_are_encrypted_in_the_wal_too(
    encrypted_db: Path, patient_input: Callable[..., PatientInput]
) -> None:
    database = open_database(encrypted_db, PASSPHRASE)
    try:
        with database.session() as session:
            create_patient(session, patient_input("JDM-002", family_name="Hopper",
                                                  mrn="MRN-77777"), user="nurse")
        wal = Path(f"{encrypted_db}-wal")
        assert wal.exists() and wal.stat().st_size > 0  # the change sits in the journal
        assert b"Hopper" not in wal.read_bytes() and b"MRN-77777" not in wal.read_bytes()
    finally:
        database.dispose()
    assert b"Hopper" not in encrypted_db.read_bytes()
    assert sorted(_names(encrypted_db, PASSPHRASE)) == ["Hopper", "Lovelace"]


def test_passphrase_with_quotes_and_accents_round_trips(
    sqlite_path: Path, patient_input: Callable[..., PatientInput]
) -> None:
    # PRAGMA key cannot take a bound parameter, so the literal is quoted by hand.
    tricky = "it's the 'ward' — clé \"quoted\"; DROP TABLE x; --"
    _add_patient(sqlite_path, tricky, patient_input())
    assert not encryption.has_plain_header(sqlite_path)
    assert _names(sqlite_path, tricky) == ["Lovelace"]
    with pytest.raises(WrongDatabasePassphraseError):
        open_database(sqlite_path, tricky.replace("'", ""))


def test_a_new_database_opened_with_a_passphrase_is_created_encrypted(sqlite_path: Path) -> None:
    database = open_database(sqlite_path, PASSPHRASE)
    database.dispose()
    assert database.encrypted
    assert not encryption.has_plain_header(sqlite_path)
    assert current_revision(resolve_database_url(sqlite_path), PASSPHRASE) == head_revision()


def test_opening_without_the_passphrase_asks_for_it_and_changes_nothing(
    encrypted_db: Path, file_digest: Callable[[Path], str]
) -> None:
    before = file_digest(encrypted_db)
    with pytest.raises(PassphraseRequiredError, match="is encrypted. Give its database passphrase"):
        open_database(encrypted_db)
    assert file_digest(encrypted_db) == before
    assert _files_beside(encrypted_db) == ["clinic.sqlite3"]


def test_a_wrong_passphrase_is_refused_and_changes_nothing(
    encrypted_db: Path, file_digest: Callable[[Path], str]
) -> None:
    before = file_digest(encrypted_db)
    with pytest.raises(WrongDatabasePassphraseError, match="passphrase is wrong"):
        open_database(encrypted_db, OTHER)
    assert file_digest(encrypted_db) == before
    assert list(paths.backup_dir().iterdir()) == []


def test_a_passphrase_for_a_plain_database_is_refused(plain_db: Path) -> None:
    # Someone who believes the file is encrypted must hear that it is not.
    with pytest.raises(NotEncryptedError, match="is not encrypted"):
        open_database(plain_db, PASSPHRASE)


def test_binary_junk_without_a_passphrase_is_not_a_database(sqlite_path: Path) -> None:
    sqlite_path.write_bytes(b"%PDF-1.7 " + b"x" * 1000)  # not whole 512-byte pages
    with pytest.raises(NotADatabaseError):
        open_database(sqlite_path)


def test_binary_junk_with_a_passphrase_is_refused_as_wrong_or_not_a_database(
    sqlite_path: Path, file_digest: Callable[[Path], str]
) -> None:
    sqlite_path.write_bytes(bytes(range(256)) * 16)  # 4096 bytes: looks like one page
    before = file_digest(sqlite_path)
    with pytest.raises(PassphraseRequiredError):
        open_database(sqlite_path)
    with pytest.raises(WrongDatabasePassphraseError, match="not a jdm-ctp database"):
        open_database(sqlite_path, PASSPHRASE)
    assert file_digest(sqlite_path) == before


def test_an_encrypted_older_database_is_upgraded_with_an_encrypted_backup(
    sqlite_path: Path,
) -> None:
    plain_old = sqlite_path.with_name("old.sqlite3")
    command.upgrade(alembic_config(resolve_database_url(plain_old)), "0001")
    connection = sqlite3.connect(plain_old)
    with connection:
        connection.execute(
            "INSERT INTO patient (id, study_id, sex, site, version_id, created_at, updated_at) "
            "VALUES (1, 'OLD-001', 'male', 'Boston', 1, '2024-01-01 10:00:00.000000', "
            "'2024-01-01 10:00:00.000000')")
        connection.execute(
            "INSERT INTO patient_identity (id, patient_id, given_name, family_name, mrn, "
            "date_of_birth) VALUES (1, 1, 'Alan', 'Lovelace', 'MRN-12345', '2012-06-23')")
    connection.close()
    encryption.export_to(plain_old, None, sqlite_path, PASSPHRASE)
    assert current_revision(resolve_database_url(sqlite_path), PASSPHRASE) == "0001"

    database = open_database(sqlite_path, PASSPHRASE)
    database.dispose()
    report = database.upgrade_report
    assert report is not None and report.upgraded and report.backup_path is not None
    assert _leaks(sqlite_path) == [] and _leaks(report.backup_path) == []
    assert current_revision(resolve_database_url(report.backup_path), PASSPHRASE) == "0001"
    assert _names(sqlite_path, PASSPHRASE) == ["Lovelace"]


# ---------------------------------------------------------------- converting


def test_encrypt_change_and_decrypt_keep_every_row_and_audit_each_step(plain_db: Path) -> None:
    report = encryption_setup.encrypt_database(plain_db, PASSPHRASE, actor=TEST_FIXTURE_TASK)
    assert report.state == "encrypted" and report.rows > 0
    assert "is now encrypted" in report.describe()

    report = encryption_setup.change_database_passphrase(plain_db, PASSPHRASE, OTHER,
                                                         actor=TEST_FIXTURE_TASK)
    assert "new passphrase" in report.describe()
    with pytest.raises(WrongDatabasePassphraseError):
        open_database(plain_db, PASSPHRASE)
    assert _names(plain_db, OTHER) == ["Lovelace"]

    encryption_setup.decrypt_database(plain_db, OTHER, actor=TEST_FIXTURE_TASK)
    assert encryption.has_plain_header(plain_db)
    assert _names(plain_db, None) == ["Lovelace"]

    ok, _count, message = verify_url(resolve_database_url(plain_db))
    assert ok, message
    database = open_database(plain_db)
    try:
        with database.session() as session:
            steps = session.execute(
                select(AuditEntry.action, AuditEntry.user_name, AuditEntry.new_value)
                .where(AuditEntry.entity == "database",
                       AuditEntry.action != "database_identity").order_by(AuditEntry.id)
            ).all()
    finally:
        database.dispose()
    assert [tuple(step) for step in steps] == [
        ("database_encrypted", TEST_FIXTURE_TASK.user_name, "SQLCipher"),
        ("database_passphrase_changed", TEST_FIXTURE_TASK.user_name, "SQLCipher"),
        ("database_decrypted", TEST_FIXTURE_TASK.user_name, "none"),
    ]


def test_encrypting_when_there_is_no_file_creates_an_encrypted_database(sqlite_path: Path) -> None:
    report = encryption_setup.encrypt_database(sqlite_path, PASSPHRASE, actor=TEST_FIXTURE_TASK)
    assert "new encrypted database" in report.describe()
    assert not encryption.has_plain_header(sqlite_path)
    ok, count, _message = verify_url(resolve_database_url(sqlite_path), PASSPHRASE)
    assert ok and count == 2  # the database's identity (migration 0004), then this


def test_encrypting_lists_the_plain_backups_still_lying_around(plain_db: Path) -> None:
    earlier = automatic_backups.automatic_backup(plain_db)
    report = encryption_setup.encrypt_database(plain_db, PASSPHRASE, actor=TEST_FIXTURE_TASK)
    assert report.plain_backups == [earlier]
    assert "NOT encrypted" in report.describe() and str(earlier) in report.describe()


@pytest.mark.parametrize(
    ("new", "message"),
    [
        ("too short", "at least 10 characters"),
        (" leading space here", "cannot begin or end with a space"),
        ("x" * 1025, "at most 1024"),
    ],
)
def test_weak_new_passphrases_are_refused_before_anything_is_done(
    plain_db: Path, file_digest: Callable[[Path], str], new: str, message: str
) -> None:
    before = file_digest(plain_db)
    with pytest.raises(encryption.PassphraseError, match=message):
        encryption_setup.encrypt_database(plain_db, new, actor=TEST_FIXTURE_TASK)
    assert file_digest(plain_db) == before


def test_repeated_passphrase_must_match() -> None:
    with pytest.raises(encryption.PassphraseError, match="not the same"):
        encryption.check_new_passphrase(PASSPHRASE, PASSPHRASE + "!")
    encryption.check_new_passphrase(PASSPHRASE, PASSPHRASE)


def test_changing_to_the_same_passphrase_is_refused(encrypted_db: Path) -> None:
    with pytest.raises(encryption.PassphraseError, match="same as the current"):
        encryption_setup.change_database_passphrase(encrypted_db, PASSPHRASE, PASSPHRASE,
                                                     actor=TEST_FIXTURE_TASK)


def test_decrypting_with_a_wrong_passphrase_changes_nothing(
    encrypted_db: Path, file_digest: Callable[[Path], str]
) -> None:
    before = file_digest(encrypted_db)
    with pytest.raises(WrongDatabasePassphraseError):
        encryption_setup.decrypt_database(encrypted_db, OTHER, actor=TEST_FIXTURE_TASK)
    assert file_digest(encrypted_db) == before


def test_a_failure_while_converting_leaves_the_file_byte_identical(
    plain_db: Path, file_digest: Callable[[Path], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = file_digest(plain_db)

    def half_written(source: Path, _old: object, target: Path, _new: object) -> None:
        target.write_bytes(b"partial")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(encryption, "export_to", half_written)
    with pytest.raises(DatabaseUpgradeError, match="No space left on device.*not been changed"):
        encryption_setup.encrypt_database(plain_db, PASSPHRASE, actor=TEST_FIXTURE_TASK)
    assert file_digest(plain_db) == before
    assert _files_beside(plain_db) == ["clinic.sqlite3"]


def test_a_copy_missing_rows_is_never_swapped_in(
    plain_db: Path, file_digest: Callable[[Path], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = file_digest(plain_db)
    real_counts = encryption.table_counts

    def counts(path: Path, passphrase: str | None) -> dict[str, int]:
        found = real_counts(path, passphrase)
        if passphrase == PASSPHRASE:  # the new copy: pretend a row went missing
            found["patient"] -= 1
        return found

    monkeypatch.setattr(encryption, "table_counts", counts)
    with pytest.raises(DatabaseUpgradeError, match="patient: 1 → 0"):
        encryption_setup.encrypt_database(plain_db, PASSPHRASE, actor=TEST_FIXTURE_TASK)
    assert file_digest(plain_db) == before


_HOLDER = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("writing", flush=True)
sys.stdin.readline()
connection.execute("ROLLBACK")
print("idle", flush=True)
sys.stdin.readline()
connection.close()
"""


def test_a_database_open_in_another_program_is_not_converted(
    plain_db: Path, file_digest: Callable[[Path], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another process: SQLite's file locks are per process, so a second connection in
    # this one would not show what another workstation program does.
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, str(plain_db)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdin is not None
        assert holder.stdout.readline().strip() == "writing"
        monkeypatch.setattr(opening, "BUSY_TIMEOUT_MS", 200)  # the real one is 5 s
        before = file_digest(plain_db)
        with pytest.raises(DatabaseInUseError, match="being changed by another program"):
            encryption_setup.encrypt_database(plain_db, PASSPHRASE, actor=TEST_FIXTURE_TASK)
        assert file_digest(plain_db) == before
        holder.stdin.write("\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "idle"
        # Open but idle (its -wal is there): swapping the file under it would lose
        # whatever it writes next.
        with pytest.raises(DatabaseInUseError, match="open in another program"):
            encryption_setup.encrypt_database(plain_db, PASSPHRASE, actor=TEST_FIXTURE_TASK)
        assert encryption.has_plain_header(plain_db)
        # Only the database and the other program's own -wal/-shm: no working copy left.
        assert _files_beside(plain_db) == ["clinic.sqlite3", "clinic.sqlite3-shm",
                                           "clinic.sqlite3-wal"]
    finally:
        if holder.stdin is not None:
            holder.stdin.write("\n")
            holder.stdin.close()
        holder.wait(timeout=30)


# ------------------------------------------------------------- backups, restore


def test_backups_of_an_encrypted_database_are_encrypted_and_verifiable(
    encrypted_db: Path, tmp_path: Path
) -> None:
    out = backup.backup_database(encrypted_db, tmp_path / "copy.sqlite3",
                                 db_passphrase=PASSPHRASE, actor=TEST_FIXTURE_TASK)
    assert _leaks(out) == [] and not encryption.has_plain_header(out)
    check = backup_check.verify_backup(out, db_passphrase=PASSPHRASE)
    assert check.audit_ok and check.revision == head_revision()
    with pytest.raises(backup.BackupVerificationError, match="of an encrypted database"):
        backup_check.verify_backup(out)
    with pytest.raises(backup.BackupVerificationError, match="earlier passphrase"):
        backup_check.verify_backup(out, db_passphrase=OTHER)


def test_automatic_backup_keys_with_the_database_passphrase(encrypted_db: Path) -> None:
    outcome = automatic_backups.backup_on_exit(encrypted_db, db_passphrase=PASSPHRASE)
    assert outcome.ok, outcome.message
    assert outcome.path is not None and _leaks(outcome.path) == []
    failed = automatic_backups.backup_on_exit(encrypted_db)  # without the key: a message, no crash
    assert not failed.ok and "encrypted" in failed.message


def test_passphrase_wrapped_backup_of_an_encrypted_database_round_trips(
    encrypted_db: Path, tmp_path: Path, patient_input: Callable[..., PatientInput]
) -> None:
    out = backup.backup_database(encrypted_db, tmp_path / "copy.jdmbak", "backup passphrase",
                                 db_passphrase=PASSPHRASE, actor=TEST_FIXTURE_TASK)
    assert backup.is_encrypted_backup(out)
    _add_patient(encrypted_db, PASSPHRASE, patient_input("JDM-002", family_name="Hopper"))
    report = restore.restore_database(out, encrypted_db, "backup passphrase",
                                      db_passphrase=PASSPHRASE, actor=TEST_FIXTURE_TASK)
    assert report.replaced_copy is not None and _leaks(report.replaced_copy) == []
    assert b"Hopper" not in report.replaced_copy.read_bytes()
    assert _names(encrypted_db, PASSPHRASE) == ["Lovelace"]
    assert sorted(_names(report.replaced_copy, PASSPHRASE)) == ["Hopper", "Lovelace"]


def test_restoring_a_plain_backup_over_an_encrypted_database_needs_confirmation(
    plain_db: Path, tmp_path: Path
) -> None:
    """The attack: an unencrypted (older) backup silently turns the database plain."""
    plain_backup = backup.backup_database(plain_db, tmp_path / "old-plain.sqlite3",
                                          actor=TEST_FIXTURE_TASK)
    encryption_setup.encrypt_database(plain_db, PASSPHRASE, actor=TEST_FIXTURE_TASK)
    before = hashlib.sha256(plain_db.read_bytes()).hexdigest()
    with pytest.raises(backup.BackupError, match="would leave the database unencrypted"):
        restore.restore_database(plain_backup, plain_db, db_passphrase=PASSPHRASE,
                                 actor=TEST_FIXTURE_TASK)
    assert hashlib.sha256(plain_db.read_bytes()).hexdigest() == before
    assert not encryption.has_plain_header(plain_db)
    report = restore.restore_database(plain_backup, plain_db, db_passphrase=PASSPHRASE,
                                      allow_unencrypted=True, actor=TEST_FIXTURE_TASK)
    assert encryption.has_plain_header(plain_db) and report.replaced_copy is not None


def test_encrypting_lists_plain_copies_a_restore_left_beside_the_database(
    plain_db: Path, tmp_path: Path
) -> None:
    copy = backup.backup_database(plain_db, tmp_path / "copy.sqlite3", actor=TEST_FIXTURE_TASK)
    # keeps <stem>.replaced-… beside it
    report = restore.restore_database(copy, plain_db,
                                      actor=TEST_FIXTURE_TASK)
    assert report.replaced_copy is not None
    encrypted = encryption_setup.encrypt_database(plain_db, PASSPHRASE, actor=TEST_FIXTURE_TASK)
    assert report.replaced_copy in encrypted.plain_backups
    assert str(report.replaced_copy) in encrypted.describe()
