"""Two workstations edit the same record: the second save is refused, nothing overwritten.

Runs on SQLite always, and on PostgreSQL when JDM_CTP_TEST_DATABASE_URL is set (the
``database`` fixture then points at the server).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from app.db import audit
from app.db.conflicts import ConcurrentEditError
from app.db.engine import Database
from app.db.models import AuditEntry, Patient, Visit
from app.db.patients import (
    PatientInput,
    get_patient_input,
    get_patient_version,
    update_patient,
)

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")


def test_second_save_refused_naming_changed_fields(
    database: Database, saved_patient: int, patient_input: Callable[..., PatientInput]
) -> None:
    # Both workstations open the form: each keeps the version and values it loaded.
    with database.session() as s:
        opened_a = get_patient_input(s, saved_patient)
        version_a = get_patient_version(s, saved_patient)
    with database.session() as s:
        opened_b = get_patient_input(s, saved_patient)
        version_b = get_patient_version(s, saved_patient)
    with database.session() as s:  # B saves first
        update_patient(s, saved_patient,
                       patient_input(site="Ottawa", mrn="MRN-999", given_name="Ada"),
                       user="nurse_b", expected_version=version_b, opened=opened_b)
    with pytest.raises(ConcurrentEditError) as caught, database.session() as s:
        update_patient(s, saved_patient, patient_input(site="Calgary", family_name="King"),
                       user="nurse_a", expected_version=version_a, opened=opened_a)
    error = caught.value
    # What nurse_b changed since A opened the form, not what A typed differently.
    assert error.changed_fields == ("mrn", "site")
    assert error.changed_by == ("nurse_b",)
    message = str(error)
    assert "changed by someone else" in message and "Nothing was overwritten" in message
    assert "  - MRN (by nurse_b)\n  - site (by nurse_b)" in message
    assert "Ottawa" not in message and "MRN-999" not in message  # no patient data
    with database.session() as s:
        stored = get_patient_input(s, saved_patient)
        assert audit.verify_chain(s) == (True, None)
    assert (stored.site, stored.mrn, stored.family_name) == ("Ottawa", "MRN-999", "Lovelace")


def test_refusal_without_opened_values_lists_differences(
    database: Database, saved_patient: int, patient_input: Callable[..., PatientInput]
) -> None:
    with database.session() as s:
        version = get_patient_version(s, saved_patient)
    with database.session() as s:
        update_patient(s, saved_patient, patient_input(site="Ottawa"), user="b",
                       expected_version=version)
    with pytest.raises(ConcurrentEditError, match=r"site \(by b\)") as caught:
        with database.session() as s:
            update_patient(s, saved_patient, patient_input(site="Calgary"), user="a",
                           expected_version=version)
    assert caught.value.changed_fields == ("site",)


def test_detached_objects_cannot_overwrite_newer_rows(
    database: Database, saved_patient: int, enroll: Callable[..., int],
    add_visit: Callable[..., Visit]
) -> None:
    """The ORM's version_id check itself, for patients and visits (what forms rely on)."""
    with database.session() as s:
        visit_pk = add_visit(s, enroll(s, saved_patient), "month_1", date(2025, 2, 6)).id
    factory = sessionmaker(database.engine, expire_on_commit=False)
    for model, pk, column, first, second in (
        (Patient, saved_patient, "site", "Ottawa", "Calgary"),
        (Visit, visit_pk, "label", "Month 1 (A)", "Month 1 (B)"),
    ):
        a: Session = factory()
        b: Session = factory()
        try:
            # Both "forms" now hold the row, no transaction open (on SQLite a session's
            # transaction holds the write lock, so they read one after the other).
            row_a = a.get_one(model, pk)
            a.commit()
            row_b = b.get_one(model, pk)
            b.commit()
            setattr(row_b, column, first)
            b.commit()
            setattr(row_a, column, second)
            with pytest.raises(StaleDataError):
                a.commit()
            a.rollback()
        finally:
            a.close()
            b.close()
        with database.session() as s:
            assert getattr(s.get_one(model, pk), column) == first


@pytest.mark.postgres
def test_racing_writers_on_the_server(
    database: Database, saved_patient: int, patient_input: Callable[..., PatientInput]
) -> None:
    """Two transactions open at the same time (PostgreSQL's row locks, READ COMMITTED).

    Writer A reads the patient, B updates and commits while A's transaction is still open,
    then A saves with the version it read: the save reads the row afresh under the write
    lock and refuses. SQLite has one writer at a time and refuses A's write with
    "database is locked" instead, so this runs on PostgreSQL only.
    """
    factory = sessionmaker(database.engine, expire_on_commit=False)
    b_done = threading.Event()
    with factory() as a:
        a.info["actor"] = database.actor  # raw sessions carry the (test-fixture) actor too
        a.begin()
        # Held, not just looked at: the session's identity map keeps only weak references.
        loaded = a.get_one(Patient, saved_patient)
        assert (loaded.site, loaded.version_id) == ("Toronto", 1)

        def writer_b() -> None:
            with factory() as b, b.begin():
                b.info["actor"] = database.actor
                update_patient(b, saved_patient, patient_input(site="Ottawa"), user="b",
                               expected_version=1)
            b_done.set()

        thread = threading.Thread(target=writer_b)
        thread.start()
        thread.join(timeout=30)
        assert b_done.is_set()
        # A's session still holds version 1 of the row: the save reads past that copy.
        with pytest.raises(ConcurrentEditError, match=r"site \(by b\)"):
            update_patient(a, saved_patient, patient_input(site="Calgary"), user="a",
                           expected_version=loaded.version_id)
        a.rollback()
    with database.session() as s:
        assert get_patient_input(s, saved_patient).site == "Ottawa"
        assert audit.verify_chain(s) == (True, None)


def _wait_until_someone_waits_for_a_lock(database: Database, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    with database.engine.connect() as watcher:
        while time.monotonic() < deadline:
            waiting = watcher.execute(text(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE wait_event_type = 'Lock' AND datname = current_database() "
                # Under pytest-xdist other workers use the same database (each in its own
                # schema, under its own application_name): only this worker's sessions count.
                "AND application_name = current_setting('application_name')"
            )).scalar_one()
            watcher.rollback()
            if waiting:
                return
    raise AssertionError("the second writer never waited for the first one's lock")


@pytest.mark.postgres
def test_audit_chain_appends_wait_for_each_other(database: Database) -> None:
    """Two transactions extending the audit chain at once: the second waits for the
    first to commit, then chains onto its entry; both succeed and the chain stays valid."""
    factory = sessionmaker(database.engine, expire_on_commit=False)
    with database.session() as s:
        audit.record(s, user="x", action="login", entity="user", entity_id="x")
    assert database.engine.dialect.name == "postgresql"
    a = factory()
    b = factory()
    try:
        a.begin()
        b.begin()
        audit.record(a, user="a", action="login", entity="user", entity_id="a")
        errors: list[BaseException] = []

        def extend_b() -> None:
            try:
                audit.record(b, user="b", action="login", entity="user", entity_id="b")
                b.commit()
            except BaseException as exc:  # noqa: BLE001 - collected for the assertion
                errors.append(exc)
                b.rollback()

        thread = threading.Thread(target=extend_b)
        thread.start()
        _wait_until_someone_waits_for_a_lock(database)  # B waits for A's write lock
        a.commit()
        thread.join(timeout=30)
        assert errors == []
    finally:
        a.close()
        b.close()
    with database.session() as s:
        assert audit.verify_chain(s) == (True, None)
        users_in_order = s.scalars(select(AuditEntry.user_name)
                                   .where(AuditEntry.action != "database_identity")
                                   .order_by(AuditEntry.id)).all()
    assert users_in_order == ["x", "a", "b"]
