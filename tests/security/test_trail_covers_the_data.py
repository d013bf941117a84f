"""Issue 14, item 7: the audit trail covers the data, field by field.

The issue's attack: clinical rows changed directly in the file, bypassing the
application, were not detected. Every commit now appends the complete values of the
records it changed (a ``state`` entry); ``audit verify`` replays the last recorded state
of every record and reports each difference with table, record and field. Each test
here writes to the database as someone with the file (or the server's SQL console)
would, then asks ``jdm-ctp audit verify``.
"""

from __future__ import annotations

import pytest
from database_fixtures import db_argument
from sqlalchemy import select, text

from app.db import record_states
from app.db.engine import Database
from app.db.models import Patient, Visit


def _verify(cli, database: Database, secret) -> tuple[int, str]:  # noqa: ANN001
    code, out, err = cli("audit", "verify", "--db", db_argument(database), "--user", "admin",
                         "--password-file", secret)
    return code, out + err


def _outside(database: Database, sql: str, **values: object) -> None:
    """A write that bypasses jdm-ctp (no audit entry, no recorded state)."""
    with database.session() as session:
        session.execute(text(sql), values)


def _id(database: Database, statement) -> int:  # noqa: ANN001
    with database.reading() as session:
        return session.scalar(statement)


def test_an_untouched_clinic_verifies(clinic, cli, secret):
    code, out = _verify(cli, clinic, secret)
    assert code == 0, out
    assert out.startswith("OK: the audit trail is intact")
    assert "records match the values the audit trail recorded" in out


@pytest.mark.parametrize(("table", "sql", "field"), [
    ("instrument_value",
     "UPDATE instrument_value SET value_num = 0 WHERE item = 'cmas_1' AND visit_id = :visit",
     "cmas/cmas_1"),
    ("patient_identity",
     "UPDATE patient_identity SET mrn = 'MRN-00000' WHERE patient_id = :patient", "mrn"),
    ("patient", "UPDATE patient SET site = 'Elsewhere' WHERE id = :patient", "site"),
    ("visit", "UPDATE visit SET visit_date = '2025-01-11' WHERE id = :visit", "visit_date"),
    # Who may do what is data too: a role raised in the file is a divergence.
    ("app_user", "UPDATE app_user SET role = 'administrator' WHERE user_name = 'nurse'",
     "role"),
    ("app_user", "UPDATE app_user SET password_hash = 'x' WHERE user_name = 'doc'",
     "password_hash"),
])
def test_a_value_changed_outside_jdm_ctp_is_named_by_table_record_and_field(
        clinic, cli, secret, table, sql, field):
    patient = _id(clinic, select(Patient.id).where(Patient.study_id == "JDM-001"))
    visit = _id(clinic, select(Visit.id).where(Visit.visit_code == "baseline"))
    _outside(clinic, sql, patient=patient, visit=visit)
    code, out = _verify(cli, clinic, secret)
    assert code == 1
    lines = [line for line in out.splitlines() if "does not match the audit trail" in line]
    assert len(lines) == 1, out
    assert f", field {field}:" in lines[0] and lines[0].startswith("BROKEN: ")
    assert table in lines[0]
    # No value is printed: the output may land in a scheduler's log.
    assert "MRN-00000" not in out and "Elsewhere" not in out


def test_rows_added_or_removed_outside_jdm_ctp_are_reported(clinic, cli, secret):
    visit = _id(clinic, select(Visit.id).where(Visit.visit_code == "month_6"))
    patient = _id(clinic, select(Patient.id).where(Patient.study_id == "JDM-002"))
    _outside(clinic, "DELETE FROM instrument_value WHERE visit_id = :visit AND item = 'cmas_5'",
             visit=visit)
    _outside(clinic, "DELETE FROM patient_identity WHERE patient_id = :patient",
             patient=patient)
    _outside(clinic, "INSERT INTO patient (study_id, sex, site, created_at, updated_at, "
             "version_id) VALUES ('JDM-666', 'male', '', '2025-01-01 00:00:00', "
             "'2025-01-01 00:00:00', 1)")
    code, out = _verify(cli, clinic, secret)
    assert code == 1
    assert f"instrument_value of visit {visit}, field cmas/cmas_5" in out
    assert "patient_identity record" in out and "removed outside jdm-ctp" in out
    assert "added outside jdm-ctp" in out


def test_changes_made_through_jdm_ctp_keep_the_trail_and_data_in_step(clinic, people, cli,
                                                                      secret):
    """The same kinds of change, made by the services, are recorded and verify."""
    from app.db import patients
    from app.db.visit_saving import save_visit
    from app.db.visits import load_visit

    clinic.actor = people["nurse"]
    patient = _id(clinic, select(Patient.id).where(Patient.study_id == "JDM-001"))
    visit = _id(clinic, select(Visit.id).where(Visit.visit_code == "month_6"))
    with clinic.session() as session:
        data = patients.get_patient_input(session, patient)
        data.mrn = "MRN-54321"
        patients.update_patient(session, patient, data, user="nurse",
                                expected_version=patients.get_patient_version(session, patient))
    with clinic.session() as session:
        record = load_visit(session, visit)
        values = {i: dict(items) for i, items in record.values.items()}
        del values["cmas"]["cmas_5"]  # an item removed through the form
        save_visit(session, visit, values, list(record.adverse_events), user="nurse",
                   expected_version=record.header.version_id,
                   visit_date=record.header.visit_date)
    code, out = _verify(cli, clinic, secret)
    assert code == 0, out


def test_the_recorded_state_is_what_the_database_holds(clinic):
    """White-box: the replay finds every record recorded, none differing, none missed."""
    with clinic.reading() as session:
        visit = session.scalar(select(Visit.id).where(Visit.visit_code == "baseline"))
        stored = dict(record_states.current_states(
            session, record_states.KIND_BY_NAME["instrument_value"], [visit]))[visit]
        check = record_states.check_states(session)
    assert stored["cmas"]["cmas_1"] == 2.0  # a number alone is recorded as the number
    assert stored["chaq"]["chaq_grip_5"] == [None, "na", None, None]
    assert check.divergences == [] and check.records > 0 and check.not_covered == 0
