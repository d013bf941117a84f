"""Structural guarantees of the schema."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from app.db.engine import Database
from app.db.models import (
    ArmAssignment,
    Base,
    InstrumentValue,
    Patient,
    ScreeningAnswer,
    Visit,
)

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")

# Tables allowed to hold direct identifiers; everything else is safe to export by structure.
IDENTIFIED_TABLES = {"patient_identity", "audit_entry", "app_user"}
PHI_COLUMNS = {
    "given_name",
    "family_name",
    "mrn",
    "date_of_birth",
    "dob",
    "address",
    "phone",
    "email",
}


def test_identifiers_live_only_in_patient_identity() -> None:
    for table in Base.metadata.sorted_tables:
        if table.name in IDENTIFIED_TABLES:
            continue
        assert not PHI_COLUMNS & set(table.columns.keys()), table.name
    identity = Base.metadata.tables["patient_identity"]
    assert {"given_name", "family_name", "mrn", "date_of_birth"} <= set(identity.columns.keys())


def test_every_constraint_and_index_has_a_name() -> None:
    # SQLite batch migrations can only drop or alter constraints they can name.
    for table in Base.metadata.sorted_tables:
        for constraint in table.constraints:
            assert constraint.name, f"unnamed constraint on {table.name}"
        for index in table.indexes:
            assert index.name, f"unnamed index on {table.name}"


def test_only_one_current_arm_per_enrollment(
    database: Database, saved_patient: int, enroll
) -> None:
    with database.session() as session:
        enrollment_id = enroll(session, saved_patient, arm_id="A")
    with pytest.raises(IntegrityError), database.session() as session:
        session.add(
            ArmAssignment(enrollment_id=enrollment_id, arm_id="B", start_date=date(2025, 2, 1))
        )
        session.flush()
    # Ending the first assignment makes room for the switch; history is kept.
    with database.session() as session:
        session.execute(
            update(ArmAssignment)
            .where(ArmAssignment.enrollment_id == enrollment_id)
            .values(end_date=date(2025, 2, 1))
        )
        session.add(
            ArmAssignment(
                enrollment_id=enrollment_id,
                arm_id="B",
                start_date=date(2025, 2, 1),
                reason="toxicity",
            )
        )


def test_one_value_per_visit_instrument_item(
    database: Database, saved_patient: int, enroll, add_visit
) -> None:
    with database.session() as session:
        visit_id = add_visit(
            session, enroll(session, saved_patient), "baseline", date(2025, 1, 6)
        ).id
        session.add(InstrumentValue(visit_id=visit_id, instrument="cmas", item="1", value_num=4))
    with pytest.raises(IntegrityError), database.session() as session:
        session.add(InstrumentValue(visit_id=visit_id, instrument="cmas", item="1", value_num=5))
        session.flush()


def test_closed_vocabularies_are_checked(
    database: Database, saved_patient: int, enroll, add_visit
) -> None:
    with database.session() as session:
        enrollment_id = enroll(session, saved_patient)
        screening_id = session.get(
            Visit, add_visit(session, enrollment_id, "baseline", None).id
        ).enrollment.screening_id
    with pytest.raises(IntegrityError), database.session() as session:
        session.add(ScreeningAnswer(screening_id=screening_id, criterion_id="c1", answer="maybe"))
        session.flush()
    with pytest.raises(IntegrityError), database.session() as session:
        session.add(Visit(enrollment_id=enrollment_id, visit_code="month_1", status="done"))
        session.flush()


def test_version_id_detects_a_concurrent_write(database: Database, saved_patient: int) -> None:
    with pytest.raises(StaleDataError), database.session() as session:
        patient = session.get(Patient, saved_patient)
        assert patient is not None and patient.version_id == 1
        # Someone else saves the same row (the ORM does not know about it)...
        session.execute(
            Patient.__table__.update()
            .where(Patient.id == saved_patient)
            .values(version_id=Patient.version_id + 1)
        )
        # ...so this save must not silently overwrite theirs.
        patient.site = "Montreal"
        session.flush()


def test_deleting_a_patient_with_clinical_data_is_refused(
    database: Database, saved_patient: int, enroll
) -> None:
    with database.session() as session:
        enroll(session, saved_patient)
    with pytest.raises(IntegrityError), database.session() as session:
        session.execute(Patient.__table__.delete().where(Patient.id == saved_patient))
