"""Audit view queries (patient, visit, user, dates, entity), `audit verify` and the start check."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from app.cli.audit import run_audit_verify
from app.db import audit
from app.db.audit_queries import AuditFilter, audit_for_patient, audit_for_visit, query_audit
from app.db.engine import Database
from app.db.migrate import open_database
from app.db.models import Visit
from app.db.patients import PatientInput, get_patient_version, update_patient
from app.db.types import utcnow


@pytest.fixture
def two_patients(database: Database, enroll: Callable[..., int],
                 add_visit: Callable[..., Visit],
                 patient_input: Callable[..., PatientInput]) -> dict[str, int]:
    make_patient_input = patient_input
    from app.db.patients import create_patient

    with database.session() as s:
        first = create_patient(s, make_patient_input("JDM-001"), user="nurse")
        second = create_patient(s, make_patient_input("JDM-002"), user="nurse")
        enrollment = enroll(s, first)
        visit = add_visit(s, enrollment, "month_1", date(2025, 2, 6))
        audit.record(s, user="doctor", action="update", entity="visit", entity_id=visit.id,
                     field="cmas_total", old=None, new=40)
        audit.record(s, user="doctor", action="create", entity="enrollment",
                     entity_id=enrollment, field="arm", new="A")
    with database.session() as s:
        update_patient(s, second, make_patient_input("JDM-002", given_name="Bea"), user="clerk",
                       expected_version=get_patient_version(s, second))
    return {"first": first, "second": second, "visit": visit.id}


def test_filter_by_patient_includes_their_records_only(
    database: Database, two_patients: dict[str, int]
) -> None:
    with database.session() as s:
        rows = audit_for_patient(s, two_patients["first"])
    assert {(r.entity, r.entity_id) for r in rows} == {
        ("patient", str(two_patients["first"])),
        ("visit", str(two_patients["visit"])),
        ("enrollment", "1"),
    }
    assert [r.id for r in rows] == sorted(r.id for r in rows)


def test_filter_by_visit_user_entity_text(
    database: Database, two_patients: dict[str, int]
) -> None:
    with database.session() as s:
        visit_rows = audit_for_visit(s, two_patients["visit"])
        clerk = query_audit(s, AuditFilter(user_name="clerk"))
        entity = query_audit(s, AuditFilter(entity="patient", entity_id=two_patients["second"]))
        found = query_audit(s, AuditFilter(text="bea"))
        both = query_audit(s, AuditFilter(patient_id=two_patients["first"], user_name="doctor"))
    assert [(r.field, r.new_value) for r in visit_rows] == [("cmas_total", "40")]
    assert [(r.field, r.old_value, r.new_value) for r in clerk] == [
        ("given_name", "Ada", "Bea")]
    assert {r.entity_id for r in entity} == {str(two_patients["second"])}
    assert [r.user_name for r in found] == ["clerk"]
    assert {r.user_name for r in both} == {"doctor"} and len(both) == 2


def test_filter_by_date_range_and_limit(
    database: Database, two_patients: dict[str, int]
) -> None:
    today = utcnow().astimezone().date()
    with database.session() as s:
        everything = query_audit(s)
        assert query_audit(s, AuditFilter(date_from=today, date_to=today)) == everything
        assert query_audit(s, AuditFilter(date_to=today - timedelta(days=1))) == []
        assert query_audit(s, AuditFilter(date_from=today + timedelta(days=1))) == []
        newest_two = query_audit(s, limit=2)
    assert [r.id for r in newest_two] == [r.id for r in everything[-2:]]


def test_describe_filter() -> None:
    assert AuditFilter().describe() == "all entries"
    assert "patient record 3" in AuditFilter(patient_id=3, user_name="x").describe()


# ---------------------------------------------------------------- verify command


def _args(db: Path | str) -> argparse.Namespace:
    return argparse.Namespace(db=str(db))


def _sqlite_with_entries(path: Path) -> None:
    db = open_database(path)
    try:
        with db.session() as s:
            for n in range(3):
                audit.record(s, user="nurse", action="update", entity="patient", entity_id=n,
                             field="mrn", old="a", new=f"b{n}")
    finally:
        db.dispose()


def test_audit_verify_ok(sqlite_path: Path, capsys: pytest.CaptureFixture[str],
                         file_digest: Callable[[Path], str]) -> None:
    _sqlite_with_entries(sqlite_path)
    before = file_digest(sqlite_path)
    assert run_audit_verify(_args(sqlite_path)) == 0
    assert capsys.readouterr().out.startswith("OK: the audit trail is intact (3 entries")
    assert file_digest(sqlite_path) == before  # only read


def test_audit_verify_names_the_first_broken_entry(
    sqlite_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _sqlite_with_entries(sqlite_path)
    db = open_database(sqlite_path)
    with db.session() as s:
        s.execute(text("UPDATE audit_entry SET new_value = 'forged' WHERE id = 2"))
    db.dispose()
    assert run_audit_verify(_args(sqlite_path)) == 1
    out = capsys.readouterr().out
    assert out.startswith("BROKEN: The audit trail has been altered: entry 2 (")
    assert "nurse, update patient 1 field mrn" in out


def test_audit_verify_refuses_non_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bogus = tmp_path / "notes.sqlite3"
    bogus.write_text("not a database")
    assert run_audit_verify(_args(bogus)) == 1
    assert "not a jdm-ctp database" in capsys.readouterr().err
    assert bogus.read_text() == "not a database"
    assert run_audit_verify(_args(tmp_path / "missing.sqlite3")) == 1
    assert not (tmp_path / "missing.sqlite3").exists()


def test_audit_verify_on_the_test_database(
    database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    # Runs against PostgreSQL too when the suite does.
    with database.session() as s:
        audit.record(s, user="x", action="login", entity="user", entity_id="x")
    assert run_audit_verify(_args(database.url)) == 0
    assert "1 entries" in capsys.readouterr().out


def test_check_audit_on_start(database: Database) -> None:
    assert audit.check_audit_on_start(database) is None
    with database.session() as s:
        audit.record(s, user="x", action="login", entity="user", entity_id="x")
        audit.record(s, user="x", action="logout", entity="user", entity_id="x")
    assert audit.check_audit_on_start(database) is None
    with database.session() as s:
        s.execute(text("UPDATE audit_entry SET user_name = 'y' WHERE id = 1"))
    message = audit.check_audit_on_start(database)
    assert message is not None and "entry 1 (" in message and "altered" in message


def test_audit_verify_while_the_app_has_the_file_open(
    sqlite_database: Database, sqlite_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with sqlite_database.session() as s:
        audit.record(s, user="x", action="login", entity="user", entity_id="x")
    assert Path(f"{sqlite_path}-wal").exists()  # open, un-checkpointed
    assert run_audit_verify(_args(sqlite_path)) == 0
    assert "1 entries" in capsys.readouterr().out
    with sqlite_database.session() as s:  # the app keeps working afterwards
        audit.record(s, user="x", action="logout", entity="user", entity_id="x")
        assert audit.verify_chain(s) == (True, None)


def test_start_check_runs_off_the_gui_thread(database: Database) -> None:
    """The GUI may run the (whole-chain, ~2 s per 100,000 entries) check in a worker."""
    from concurrent.futures import ThreadPoolExecutor

    with database.session() as s:
        audit.record(s, user="x", action="login", entity="user", entity_id="x")
    with ThreadPoolExecutor(max_workers=1) as pool:
        assert pool.submit(audit.check_audit_on_start, database).result(timeout=60) is None
