"""Migrations: new and old databases reach head, data survives, failures change nothing."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from app import paths
from app.db import migrate, opening
from app.db.engine import Database, make_engine, resolve_database_url
from app.db.migrate import (
    DatabaseTooNewError,
    DatabaseUpgradeError,
    NotADatabaseError,
    UnversionedDatabaseError,
    alembic_config,
    current_revision,
    head_revision,
    upgrade_to_head,
)
from app.db.models import Base
from app.db.opening import open_database

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")

OLDER_REVISION = "0001"  # core tables only; 0002 adds the clinical tables, 0003 versions


def _tables(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return set(inspect(connection).get_table_names())
    finally:
        engine.dispose()


def _schema_differences(url: str) -> list:
    """What `alembic check` would report: models vs. the migrated database."""
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "render_as_batch": True}
            )
            return compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()


def _build_older_database(path: Path) -> None:
    """A database as an older jdm-ctp left it: schema 0001 holding a patient and audit rows."""
    url = resolve_database_url(path)
    command.upgrade(alembic_config(url), OLDER_REVISION)
    connection = sqlite3.connect(path)
    with connection:
        connection.execute(
            "INSERT INTO patient (id, study_id, sex, site, version_id, created_at, updated_at) "
            "VALUES (1, 'OLD-001', 'male', 'Boston', 3, "
            "'2024-01-01 10:00:00.000000', '2024-02-01 10:00:00.000000')"
        )
        connection.execute(
            "INSERT INTO patient_identity (id, patient_id, given_name, family_name, mrn, "
            "date_of_birth) VALUES (1, 1, 'Alan', 'Turing', 'MRN-9', '2012-06-23')"
        )
    connection.close()


def _sidecar_files(folder: Path, keep: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p != keep and p.name != "jdm-home")


# ------------------------------------------------------------------------ new databases


def test_head_is_the_latest_revision() -> None:
    assert head_revision() == "0012"


def test_new_database_is_created_by_migrations(database_url: str) -> None:
    report = upgrade_to_head(database_url)
    assert report.previous_revision is None
    assert report.new_revision == head_revision()
    assert report.backup_path is None
    assert current_revision(database_url) == head_revision()
    assert {"patient", "patient_identity", "visit", "instrument_value", "audit_entry"} <= _tables(
        database_url
    )


def test_models_and_migrations_agree(database: Database) -> None:
    assert _schema_differences(database.url) == []


def test_downgrade_to_base_and_up_again(database: Database) -> None:
    database.dispose()
    config = alembic_config(database.url)
    command.downgrade(config, "base")
    assert _tables(database.url) <= {"alembic_version"}
    assert current_revision(database.url) is None
    command.upgrade(config, "head")
    assert current_revision(database.url) == head_revision()
    assert _schema_differences(database.url) == []


def test_current_revision_does_not_create_a_missing_file(sqlite_path: Path) -> None:
    assert current_revision(resolve_database_url(sqlite_path)) is None
    assert not sqlite_path.exists()


def test_new_database_leaves_no_working_files(sqlite_path: Path) -> None:
    upgrade_to_head(resolve_database_url(sqlite_path))
    assert sorted(p.name for p in sqlite_path.parent.iterdir() if p.name != "jdm-home") == [
        sqlite_path.name
    ]


# ---------------------------------------------------------------------- older databases


def test_rows_from_before_versions_start_at_version_1_and_then_count_saves(
    sqlite_path: Path,
) -> None:
    """0003 gives identity, prior therapies, items, events, arms, doses and accounts a
    version: rows stored before it get 1, and the next save makes it 2."""
    from app.db.models import PatientIdentity, PriorTherapy, User
    from app.db.patients import PatientInput, update_patient
    from app.db.prior_therapies import PriorTherapyInput, edit_prior_therapy

    _build_older_database(sqlite_path)
    url = resolve_database_url(sqlite_path)
    command.upgrade(alembic_config(url), "0002")
    connection = sqlite3.connect(sqlite_path)
    with connection:
        connection.execute(
            "INSERT INTO prior_therapy (id, patient_id, drug, start_date, for_skin_disease, "
            "notes, created_at, updated_at) VALUES (1, 1, 'prednisone', '2024-01-02', 0, '', "
            "'2024-01-02 10:00:00.000000', '2024-01-02 10:00:00.000000')")
        connection.execute(
            "INSERT INTO app_user (id, user_name, display_name, role, password_hash, active, "
            "failed_logins, created_at) VALUES (1, 'admin', '', 'administrator', 'x', 1, 0, "
            "'2024-01-02 10:00:00.000000')")
    connection.close()
    db = open_database(sqlite_path)
    try:
        with db.session() as session:
            assert session.get_one(PatientIdentity, 1).version_id == 1
            assert session.get_one(PriorTherapy, 1).version_id == 1
            assert session.get_one(User, 1).version_id == 1
        with db.session() as session:
            update_patient(session, 1, PatientInput("OLD-001", "Alan", "Turing-King", None,
                                                    "male", "MRN-9", "Boston"),
                           user="admin", expected_version=3)
            edit_prior_therapy(session, 1, PriorTherapyInput("prednisone", date(2024, 1, 2),
                                                             notes="5 mg"),
                               user="admin", today=date(2026, 1, 1), expected_version=1)
        with db.session() as session:
            assert session.get_one(PatientIdentity, 1).version_id == 2
            assert session.get_one(PriorTherapy, 1).version_id == 2
    finally:
        db.dispose()



def test_older_database_is_backed_up_then_upgraded_keeping_data(sqlite_path: Path) -> None:
    _build_older_database(sqlite_path)
    assert current_revision(resolve_database_url(sqlite_path)) == OLDER_REVISION

    db = open_database(sqlite_path)
    try:
        report = db.upgrade_report
        assert report is not None
        assert (report.previous_revision, report.new_revision) == (OLDER_REVISION, "0012")
        assert report.upgraded
        with db.session() as session:
            row = (
                session.connection()
                .exec_driver_sql(
                    "SELECT p.study_id, p.version_id, i.family_name, i.date_of_birth "
                    "FROM patient p JOIN patient_identity i ON i.patient_id = p.id"
                )
                .one()
            )
        assert tuple(row) == ("OLD-001", 3, "Turing", "2012-06-23")
    finally:
        db.dispose()
    assert _schema_differences(resolve_database_url(sqlite_path)) == []

    # The backup is a complete SQLite copy of the database as it was before the upgrade.
    backup = report.backup_path
    assert backup is not None and backup.parent == paths.backup_dir()
    assert "rev-0001" in backup.name and backup.suffix == ".sqlite3"
    assert current_revision(resolve_database_url(backup)) == OLDER_REVISION
    with sqlite3.connect(backup) as connection:
        assert connection.execute("SELECT study_id FROM patient").fetchall() == [("OLD-001",)]
        assert "visit" not in {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
    assert _sidecar_files(sqlite_path.parent, sqlite_path) == []


def test_crashed_older_database_keeps_changes_still_in_its_wal(
    sqlite_path: Path, tmp_path: Path
) -> None:
    _build_older_database(sqlite_path)
    # Simulate a crash: copy database + WAL while a writer still has un-checkpointed work.
    writer = sqlite3.connect(sqlite_path)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("PRAGMA wal_autocheckpoint=0")
    with writer:
        writer.execute("UPDATE patient SET site = 'only-in-wal' WHERE id = 1")
    crashed = tmp_path / "crashed" / "clinic.sqlite3"
    crashed.parent.mkdir()
    for suffix in ("", "-wal"):
        crashed.with_name(crashed.name + suffix).write_bytes(
            sqlite_path.with_name(sqlite_path.name + suffix).read_bytes()
        )
    writer.close()
    assert Path(f"{crashed}-wal").stat().st_size > 0

    assert current_revision(resolve_database_url(crashed)) == OLDER_REVISION
    report = upgrade_to_head(resolve_database_url(crashed))
    assert report.backup_path is not None
    for database_file in (crashed, report.backup_path):
        with sqlite3.connect(database_file) as connection:
            site = connection.execute("SELECT site FROM patient WHERE id = 1").fetchone()
        connection.close()
        assert site == ("only-in-wal",)


def test_reports_describe_what_happened_in_plain_words(sqlite_path: Path) -> None:
    _build_older_database(sqlite_path)
    upgraded = migrate.upgrade_database(sqlite_path)
    assert upgraded.describe() == (
        f"Upgraded the database from schema 0001 to 0012. "
        f"A copy of the database as it was is saved at {upgraded.backup_path}."
    )
    assert migrate.upgrade_database(sqlite_path).describe() == (
        "The database is up to date (schema 0012)."
    )
    fresh = migrate.upgrade_database(sqlite_path.with_name("new.sqlite3"))
    assert fresh.describe() == "Created a new database (schema 0012)."
    db = open_database(sqlite_path)
    try:
        assert db.display_name == str(sqlite_path.resolve())
    finally:
        db.dispose()


def test_database_at_head_is_opened_without_backup(sqlite_path: Path) -> None:
    open_database(sqlite_path).dispose()
    report = upgrade_to_head(resolve_database_url(sqlite_path))
    assert report.backup_path is None and not report.upgraded
    assert list(paths.backup_dir().iterdir()) == []


def test_failed_upgrade_leaves_the_file_byte_identical(
    sqlite_path: Path, monkeypatch: pytest.MonkeyPatch, file_digest: Callable[[Path], str]
) -> None:
    _build_older_database(sqlite_path)
    before = file_digest(sqlite_path)
    real_upgrade = migrate._run_alembic_upgrade

    def upgrade_then_fail(connection, target="head"):
        real_upgrade(connection, target)  # the schema really changes before the failure
        raise RuntimeError("disk full (injected)")

    monkeypatch.setattr(migrate, "_run_alembic_upgrade", upgrade_then_fail)
    with pytest.raises(DatabaseUpgradeError) as failure:
        upgrade_to_head(resolve_database_url(sqlite_path))

    message = str(failure.value)
    assert "disk full (injected)" in message
    assert "has not been changed" in message
    backups = list(paths.backup_dir().glob("*.sqlite3"))
    assert len(backups) == 1 and str(backups[0]) in message
    assert file_digest(sqlite_path) == before
    assert current_revision(resolve_database_url(sqlite_path)) == OLDER_REVISION
    assert _sidecar_files(sqlite_path.parent, sqlite_path) == []

    # Once the cause is gone, the same file upgrades normally.
    monkeypatch.setattr(migrate, "_run_alembic_upgrade", real_upgrade)
    assert upgrade_to_head(resolve_database_url(sqlite_path)).new_revision == head_revision()


def test_failure_to_swap_in_the_upgraded_copy_changes_nothing(
    sqlite_path: Path, monkeypatch: pytest.MonkeyPatch, file_digest: Callable[[Path], str]
) -> None:
    _build_older_database(sqlite_path)
    before = file_digest(sqlite_path)
    real_replace = os.replace

    def replace_fails_for_original(src, dst):
        if Path(dst) == sqlite_path:
            raise PermissionError("file is locked by another program (injected)")
        return real_replace(src, dst)

    monkeypatch.setattr(migrate.os, "replace", replace_fails_for_original)
    with pytest.raises(DatabaseUpgradeError, match="has not been changed"):
        upgrade_to_head(resolve_database_url(sqlite_path))
    assert file_digest(sqlite_path) == before
    assert _sidecar_files(sqlite_path.parent, sqlite_path) == []


def test_database_open_elsewhere_is_not_replaced(
    sqlite_path: Path, file_digest: Callable[[Path], str]
) -> None:
    _build_older_database(sqlite_path)
    before = file_digest(sqlite_path)
    other_program = sqlite3.connect(sqlite_path)
    try:
        other_program.execute("PRAGMA journal_mode=WAL")
        other_program.execute("SELECT count(*) FROM patient").fetchall()
        with pytest.raises(DatabaseUpgradeError, match="open in another program"):
            upgrade_to_head(resolve_database_url(sqlite_path))
    finally:
        other_program.close()
    assert file_digest(sqlite_path) == before


def test_database_being_written_elsewhere_is_refused(
    sqlite_path: Path, monkeypatch: pytest.MonkeyPatch, file_digest: Callable[[Path], str]
) -> None:
    _build_older_database(sqlite_path)
    before = file_digest(sqlite_path)
    monkeypatch.setattr(opening, "BUSY_TIMEOUT_MS", 50)
    writer = sqlite3.connect(sqlite_path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        with pytest.raises(migrate.DatabaseInUseError, match="another program"):
            upgrade_to_head(resolve_database_url(sqlite_path))
        writer.execute("ROLLBACK")
    finally:
        writer.close()
    assert file_digest(sqlite_path) == before
    assert list(paths.backup_dir().iterdir()) == []


# ------------------------------------------------------------------ refused databases


def test_file_that_is_not_a_database_is_refused_unchanged(
    sqlite_path: Path, file_digest: Callable[[Path], str]
) -> None:
    sqlite_path.write_bytes(b"Name,MRN\nAda Lovelace,12345\n" * 200)
    before = file_digest(sqlite_path)
    with pytest.raises(NotADatabaseError, match="not a jdm-ctp database"):
        open_database(sqlite_path)
    assert file_digest(sqlite_path) == before
    assert _sidecar_files(sqlite_path.parent, sqlite_path) == []
    assert list(paths.backup_dir().iterdir()) == []


def test_damaged_sqlite_file_is_refused_unchanged(
    sqlite_path: Path, file_digest: Callable[[Path], str]
) -> None:
    sqlite_path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    before = file_digest(sqlite_path)
    with pytest.raises(NotADatabaseError):
        open_database(sqlite_path)
    assert file_digest(sqlite_path) == before


def test_database_from_a_newer_app_is_refused_unchanged(
    sqlite_path: Path, file_digest: Callable[[Path], str]
) -> None:
    open_database(sqlite_path).dispose()
    with sqlite3.connect(sqlite_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099_future'")
    connection.close()
    before = file_digest(sqlite_path)
    with pytest.raises(DatabaseTooNewError) as refused:
        open_database(sqlite_path)
    assert "newer version of jdm-ctp" in str(refused.value)
    assert "0099_future" in str(refused.value)
    assert file_digest(sqlite_path) == before
    assert _sidecar_files(sqlite_path.parent, sqlite_path) == []
    assert list(paths.backup_dir().iterdir()) == []


def test_foreign_sqlite_database_without_version_is_refused(
    sqlite_path: Path, file_digest: Callable[[Path], str]
) -> None:
    with sqlite3.connect(sqlite_path) as connection:
        connection.execute("CREATE TABLE patient (name TEXT)")
    connection.close()
    before = file_digest(sqlite_path)
    with pytest.raises(UnversionedDatabaseError, match="not created by jdm-ctp"):
        open_database(sqlite_path)
    assert file_digest(sqlite_path) == before


def test_in_place_path_refuses_a_newer_schema(database: Database) -> None:
    # The path PostgreSQL (and in-memory SQLite) take: same check, nothing run.
    with database.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '0099_future'")
    with pytest.raises(DatabaseTooNewError):
        migrate.upgrade_in_place(database.url, database.engine)
    with database.engine.connect() as connection:
        version = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    assert version == "0099_future"


def test_in_place_upgrade_failure_rolls_back(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = make_engine(database_url)
    real_upgrade = migrate._run_alembic_upgrade

    def upgrade_then_fail(connection, target="head"):
        real_upgrade(connection, target)
        raise RuntimeError("injected")

    monkeypatch.setattr(migrate, "_run_alembic_upgrade", upgrade_then_fail)
    try:
        with pytest.raises(DatabaseUpgradeError, match="rolled back"):
            migrate.upgrade_in_place(database_url, engine)
    finally:
        engine.dispose()
    # Transactional DDL: not a single table was left behind.
    assert _tables(database_url) == set()
