"""The patient repository the GUI is written against."""

from __future__ import annotations

from datetime import date

import pytest
from database_fixtures import written_by_services
from sqlalchemy import event, insert, select

from app.db import audit
from app.db.demo import refresh_server_statistics
from app.db.engine import Database
from app.db.models import (
    ArmAssignment,
    AuditEntry,
    Enrollment,
    Patient,
    PatientIdentity,
    Screening,
    Visit,
)
from app.db.patients import (
    ConcurrentEditError,
    DuplicateStudyIdError,
    PatientNotFoundError,
    PatientRow,
    create_patient,
    get_patient_input,
    get_patient_version,
    list_patient_rows,
    study_id_exists,
    update_patient,
)

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")


def _audit_rows(database: Database) -> list[AuditEntry]:
    with database.session() as session:
        return list(session.scalars(
            written_by_services(select(AuditEntry)).order_by(AuditEntry.id)))


def test_create_then_read_back(database: Database, patient_input) -> None:
    data = patient_input(study_id="  JDM-001 ", given_name=" Ada ")
    with database.session() as session:
        patient_id = create_patient(session, data, user="nurse")
    with database.session() as session:
        stored = get_patient_input(session, patient_id)
    assert stored == patient_input(study_id="JDM-001", given_name="Ada")


def test_create_is_audited_field_by_field(database: Database, saved_patient: int) -> None:
    entries = _audit_rows(database)
    assert {e.field for e in entries} == {
        "study_id",
        "given_name",
        "family_name",
        "date_of_birth",
        "sex",
        "mrn",
        "site",
        "onset_date",
        "diagnosis_date",
        "race",
        "ethnicity",
    }
    assert all(e.action == "create" and e.entity == "patient" for e in entries)
    assert all(e.entity_id == str(saved_patient) and e.user_name == "tester" for e in entries)
    by_field = {e.field: e for e in entries}
    assert by_field["date_of_birth"].new_value == "2014-03-09"
    assert by_field["study_id"].old_value is None
    with database.session() as session:
        assert audit.verify_chain(session) == (True, None)


def test_duplicate_study_id_is_refused_in_plain_words(
    database: Database, saved_patient: int, patient_input
) -> None:
    with pytest.raises(DuplicateStudyIdError) as refused, database.session() as session:
        create_patient(session, patient_input("JDM-001", given_name="Other"), user="nurse")
    assert '"JDM-001"' in str(refused.value) and "already used" in str(refused.value)
    # Case and spaces do not make a different child.
    with pytest.raises(DuplicateStudyIdError), database.session() as session:
        create_patient(session, patient_input(" jdm-001 "), user="nurse")
    with database.session() as session:
        assert len(list_patient_rows(session)) == 1


def test_study_id_exists(database: Database, saved_patient: int) -> None:
    with database.session() as session:
        assert study_id_exists(session, "JDM-001")
        assert study_id_exists(session, "jdm-001")
        assert not study_id_exists(session, "JDM-001", exclude_patient_id=saved_patient)
        assert not study_id_exists(session, "JDM-002")


def test_update_audits_changed_fields_with_old_and_new(
    database: Database, saved_patient: int, patient_input
) -> None:
    created = len(_audit_rows(database))
    changed = patient_input(family_name="Byron", date_of_birth=date(2014, 3, 19))
    with database.session() as session:
        update_patient(session, saved_patient, changed, user="doctor",
                       expected_version=get_patient_version(session, saved_patient))
    with database.session() as session:
        assert get_patient_input(session, saved_patient) == changed
    updates = _audit_rows(database)[created:]
    assert [(e.action, e.field, e.old_value, e.new_value, e.user_name) for e in updates] == [
        ("update", "family_name", "Lovelace", "Byron", "doctor"),
        ("update", "date_of_birth", "2014-03-09", "2014-03-19", "doctor"),
    ]


def test_update_without_changes_writes_nothing(
    database: Database, saved_patient: int, patient_input
) -> None:
    created = len(_audit_rows(database))
    with database.session() as session:
        version = get_patient_version(session, saved_patient)
        update_patient(session, saved_patient, patient_input(), user="doctor",
                       expected_version=version)
    with database.session() as session:
        assert get_patient_version(session, saved_patient) == version
    assert len(_audit_rows(database)) == created


def test_update_to_another_patients_study_id_is_refused(
    database: Database, saved_patient: int, patient_input
) -> None:
    with database.session() as session:
        create_patient(session, patient_input("JDM-002"), user="nurse")
    with pytest.raises(DuplicateStudyIdError), database.session() as session:
        update_patient(session, saved_patient, patient_input("JDM-002"), user="nurse",
                       expected_version=get_patient_version(session, saved_patient))


def test_identity_only_change_still_advances_the_version(
    database: Database, saved_patient: int, patient_input
) -> None:
    with database.session() as session:
        version = get_patient_version(session, saved_patient)
    with database.session() as session:
        update_patient(session, saved_patient, patient_input(mrn="MRN-999"), user="nurse",
                       expected_version=version)
    with database.session() as session:
        assert get_patient_version(session, saved_patient) == version + 1


def test_saving_over_someone_elses_newer_edit_is_refused(
    database: Database, saved_patient: int, patient_input
) -> None:
    with database.session() as session:
        opened_at = get_patient_version(session, saved_patient)  # form A opens
    with database.session() as session:  # form B saves first
        update_patient(
            session,
            saved_patient,
            patient_input(site="Ottawa"),
            user="b",
            expected_version=opened_at,
        )
    with pytest.raises(ConcurrentEditError, match="changed by someone else"):
        with database.session() as session:
            update_patient(
                session,
                saved_patient,
                patient_input(site="Calgary"),
                user="a",
                expected_version=opened_at,
            )
    with database.session() as session:
        assert get_patient_input(session, saved_patient).site == "Ottawa"


def test_unknown_patient(database: Database, patient_input) -> None:
    with pytest.raises(PatientNotFoundError), database.session() as session:
        get_patient_input(session, 12345)
    with pytest.raises(PatientNotFoundError), database.session() as session:
        update_patient(session, 12345, patient_input(), user="nurse", expected_version=1)


def test_list_rows_show_protocol_arm_and_next_visit_due(
    database: Database, saved_patient: int, enroll, add_visit, patient_input
) -> None:
    with database.session() as session:
        enrollment_id = enroll(session, saved_patient, arm_id="A")
        # Arm A stopped for inadequate response; arm B is current.
        first_arm = session.scalars(select(ArmAssignment)).one()
        first_arm.end_date = date(2025, 3, 1)
        session.flush()
        session.add(
            ArmAssignment(
                enrollment_id=enrollment_id,
                arm_id="B",
                start_date=date(2025, 3, 1),
                reason="inadequate_response",
                created_by="doctor",
            )
        )
        add_visit(session, enrollment_id, "baseline", date(2025, 1, 6), status="signed")
        add_visit(session, enrollment_id, "month_1", date(2025, 2, 3), status="complete")
        add_visit(session, enrollment_id, "month_6", date(2025, 7, 7))
        add_visit(session, enrollment_id, "month_2", date(2025, 3, 3), status="draft")
        add_visit(session, enrollment_id, "unscheduled", None)
        not_enrolled = create_patient(
            session, patient_input("JDM-000", given_name="", family_name="Solo"), user="nurse"
        )
    with database.session() as session:
        rows = list_patient_rows(session)
    assert rows == [
        PatientRow(not_enrolled, "JDM-000", "Solo", None, None, None),
        PatientRow(
            saved_patient, "JDM-001", "Lovelace, Ada", "jdm-skin-2017", "B", date(2025, 3, 3)
        ),
    ]


def test_list_rows_use_the_latest_active_enrollment(
    database: Database, saved_patient: int, enroll, add_visit
) -> None:
    with database.session() as session:
        enroll(session, saved_patient, protocol_id="old-ctp", enrollment_date=date(2023, 1, 1))
        withdrawn = enroll(
            session,
            saved_patient,
            protocol_id="withdrawn-ctp",
            enrollment_date=date(2025, 6, 1),
            status="withdrawn",
        )
        add_visit(session, withdrawn, "month_1", date(2025, 7, 1))
        current = enroll(
            session,
            saved_patient,
            protocol_id="biologics",
            arm_id="abatacept",
            enrollment_date=date(2024, 5, 1),
        )
        add_visit(session, current, "month_1", date(2024, 6, 1), status="complete")
    with database.session() as session:
        (row,) = list_patient_rows(session)
    assert (row.protocol, row.arm, row.next_visit_due) == ("biologics", "abatacept", None)


@pytest.mark.parametrize("status", ["withdrawn", "completed"])
def test_list_rows_show_an_ended_enrollment_with_its_last_arm_and_how_it_ended(
    database: Database, saved_patient: int, enroll, add_visit, status
) -> None:
    """A child whose only enrollment ended keeps its plan and last arm on the list (was
    "—" in both columns), with how it ended; no visit of it is due any more."""
    with database.session() as session:
        enrollment_id = enroll(session, saved_patient, protocol_id="old-ctp", arm_id="A",
                               enrollment_date=date(2024, 1, 8), status=status)
        first_arm = session.scalars(select(ArmAssignment)).one()
        first_arm.end_date = date(2024, 4, 1)
        session.add(ArmAssignment(enrollment_id=enrollment_id, arm_id="B",
                                  start_date=date(2024, 4, 1), end_date=date(2024, 9, 2),
                                  reason="toxicity", created_by="doctor"))
        add_visit(session, enrollment_id, "month_12", date(2025, 1, 8))  # never held
    with database.session() as session:
        (row,) = list_patient_rows(session)
    assert (row.protocol, row.arm, row.ended, row.next_visit_due) == ("old-ctp", "B", status,
                                                                     None)


def test_list_rows_is_one_query(database: Database, enroll, add_visit, patient_input) -> None:
    with database.session() as session:
        for n in range(30):
            patient_id = create_patient(session, patient_input(f"P-{n:03}"), user="nurse")
            enrollment_id = enroll(session, patient_id)
            add_visit(session, enrollment_id, "month_1", date(2025, 2, 1 + n % 20))
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    event.listen(database.engine, "before_cursor_execute", count)
    try:
        with database.session() as session:
            rows = list_patient_rows(session)
    finally:
        event.remove(database.engine, "before_cursor_execute", count)
    assert len(rows) == 30 and all(r.arm == "A" for r in rows)
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 1


def test_list_rows_for_ten_thousand_patients(database: Database) -> None:
    # Its speed is measured by bench/ against a floor, and its plan (one scan, the rest by
    # index) is checked in test_db_patient_list_plan.py: no clock here.
    count = 10_000
    today = date(2025, 1, 6)
    with database.session() as session:
        session.execute(
            insert(Patient),
            [
                {"id": i, "study_id": f"S{i:05}", "sex": "female", "version_id": 1}
                for i in range(1, count + 1)
            ],
        )
        session.execute(
            insert(PatientIdentity),
            [
                {"patient_id": i, "given_name": "G", "family_name": f"F{i}"}
                for i in range(1, count + 1)
            ],
        )
        common = {"protocol_id": "jdm-skin-2017", "protocol_version": "1", "protocol_hash": "h"}
        session.execute(
            insert(Screening),
            [{"id": i, "patient_id": i, "version_id": 1, **common} for i in range(1, count + 1)],
        )
        session.execute(
            insert(Enrollment),
            [
                {
                    "id": i,
                    "patient_id": i,
                    "screening_id": i,
                    "enrollment_date": today,
                    "enrolled_by": "d",
                    "version_id": 1,
                    **common,
                }
                for i in range(1, count + 1)
            ],
        )
        session.execute(
            insert(ArmAssignment),
            [
                {"enrollment_id": i, "arm_id": "ABC"[i % 3], "start_date": today}
                for i in range(1, count + 1)
            ],
        )
        session.execute(
            insert(Visit),
            [
                {
                    "enrollment_id": i,
                    "visit_code": code,
                    "target_date": date(2025, month, 1),
                    "status": "complete" if month < 3 else "not_started",
                    "version_id": 1,
                }
                for i in range(1, count + 1)
                for code, month in (("month_1", 2), ("month_2", 3), ("month_6", 7))
            ],
        )
    if database.engine.dialect.name == "postgresql":
        # Straight after a bulk load PostgreSQL has no statistics yet and plans nested
        # loops (≈10 s here); autovacuum would analyze within a minute in real use.
        with database.engine.begin() as connection:
            refresh_server_statistics(connection)
    with database.session() as session:
        rows = list_patient_rows(session)
    assert len(rows) == count
    assert rows[0].next_visit_due == date(2025, 3, 1) and rows[0].name == "F1, G"
