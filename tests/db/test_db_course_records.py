"""The study's patient- and enrollment-level records through the services: disease dates
and background on the patient, why an arm was chosen, treatment stopped, infusions given
against the schedule; each write checked for permission, audited, one transaction."""

from __future__ import annotations

from datetime import date

import pytest
from database_fixtures import make_patient_input
from screening_answers import eligible_answers
from sqlalchemy import func, select, text

from app.catalog import protocol_catalog
from app.db import audit, record_states
from app.db.conflicts import ConcurrentEditError
from app.db.enrollments import (
    EnrollmentError,
    InfusionError,
    enrollment_overview,
    finish_enrollment,
    infusions_due_and_given,
    patient_overview,
    record_infusion,
    stop_treatment,
    switch_arm,
)
from app.db.models import ArmAssignment, AuditEntry, Infusion, Prescription
from app.db.patients import (
    PatientHistoryError,
    create_patient,
    get_patient_input,
    get_patient_version,
    update_patient,
)
from app.db.screenings import complete_screening
from app.domain.arm_switch import SwitchDraft, finalise_switch
from app.domain.enrollment import EnrollmentDraft, EnrollmentFlow
from app.domain.errors import InputError
from app.domain.permissions import Permission, PermissionDenied, system_task
from app.domain.screening import ScreeningDraft
from app.domain.treatment_course_record import GivenInfusion

pytestmark = pytest.mark.usefixtures("system_actor")

TODAY = date(2026, 11, 21)
VIEW_ONLY = system_task("view only", Permission.VIEW_DATA)
ENTRY = system_task("data entry", Permission.VIEW_DATA, Permission.ENTER_DATA)


@pytest.fixture
def protocol():
    return protocol_catalog().protocols["persistent-skin-rash"]


@pytest.fixture
def enrolled(database, saved_patient, protocol):
    """Enrolled on arm A (IVIG 2 g/kg every 2 weeks) on 2026-11-02, reasons given."""
    draft = ScreeningDraft(saved_patient, protocol.id, "2026-11-01", eligible_answers())
    with database.session() as session:
        screening_id, _ = complete_screening(session, protocol, draft, user="nurse")
    enrollment = EnrollmentDraft(
        patient_id=saved_patient, screening_id=screening_id, protocol_id=protocol.id,
        enrollment_date="2026-11-02", weight="20", height="115", measured_on="2026-11-02",
        arm_id="A", corticosteroid_mg_per_day="10", sun_protection_counselled=True,
        choice_reasons=["other", "provider_preference"], choice_other="family lives close")
    plan = EnrollmentFlow(protocol, {"ivig": "no"}, TODAY, date(2026, 11, 1)).finalise(enrollment)
    with database.session() as session:
        return finish_enrollment(session, protocol, screening_id, plan, user="dr.ito")


def _version(database, enrollment_id):
    with database.reading() as session:
        return enrollment_overview(session, enrollment_id).version_id


def _audit(database, entity):
    with database.session() as session:
        return session.scalars(select(AuditEntry).where(AuditEntry.entity == entity)
                               .order_by(AuditEntry.id)).all()


# ---------------------------------------------------------------- patient level


def test_disease_dates_and_background_are_stored_and_audited(database) -> None:
    data = make_patient_input(onset_date=date(2024, 9, 1), diagnosis_date=date(2024, 11, 20),
                              race="white", ethnicity="hispanic_latino")
    with database.session() as session:
        patient_id = create_patient(session, data, user="nurse")
    with database.reading() as session:
        assert get_patient_input(session, patient_id) == data
        overview = patient_overview(session, patient_id)
    assert (overview.onset_date, overview.diagnosis_date, overview.race,
            overview.ethnicity) == (date(2024, 9, 1), date(2024, 11, 20), "white",
                                    "hispanic_latino")
    entries = {e.field: e.new_value for e in _audit(database, "patient")}
    assert entries["onset_date"] == "2024-09-01"
    assert entries["race"] == "white"
    with database.reading() as session:
        assert audit.verify_chain(session) == (True, None)


@pytest.mark.parametrize(("overrides", "field"), [
    # born 2014-03-09 (make_patient_input)
    ({"onset_date": date(2014, 3, 8)}, "onset_date"),
    ({"onset_date": date(2025, 2, 1), "diagnosis_date": date(2025, 1, 31)}, "diagnosis_date"),
    ({"diagnosis_date": date(2999, 1, 1)}, "diagnosis_date"),
    ({"race": "martian"}, "race"),
    ({"ethnicity": "x"}, "ethnicity"),
])
def test_the_service_refuses_what_the_dialog_refuses(database, overrides, field) -> None:
    """The CLI and the import reach the service without the dialog: the rule is there."""
    with pytest.raises(PatientHistoryError) as caught, database.session() as session:
        create_patient(session, make_patient_input(**overrides), user="nurse")
    assert list(caught.value.problems) == [field]
    with database.reading() as session:
        assert session.scalar(select(func.count()).select_from(AuditEntry)
                              .where(AuditEntry.entity == "patient")) == 0


def test_an_update_changes_only_the_history_fields_it_names(database, saved_patient) -> None:
    with database.reading() as session:
        opened = get_patient_input(session, saved_patient)
        version = get_patient_version(session, saved_patient)
    changed = make_patient_input(onset_date=date(2025, 1, 5), race="prefer_not_to_say")
    with database.session() as session:
        update_patient(session, saved_patient, changed, user="nurse",
                       expected_version=version, opened=opened)
    updates = [(e.field, e.old_value, e.new_value) for e in _audit(database, "patient")
               if e.action == "update"]
    assert updates == [("onset_date", None, "2025-01-05"),
                       ("race", "", "prefer_not_to_say")]


def test_a_view_only_task_cannot_write_the_history(database, saved_patient) -> None:
    database.actor = VIEW_ONLY
    with database.reading() as session:
        opened = get_patient_input(session, saved_patient)
        version = get_patient_version(session, saved_patient)
    with pytest.raises(PermissionDenied), database.session() as session:
        update_patient(session, saved_patient, make_patient_input(race="asian"), user="x",
                       expected_version=version, opened=opened)
    database.actor = ENTRY
    with database.session() as session:
        update_patient(session, saved_patient, make_patient_input(race="asian"), user="x",
                       expected_version=version, opened=opened)


# ------------------------------------------------------------ why this arm


def test_enrollment_keeps_why_the_arm_was_chosen(database, enrolled) -> None:
    with database.reading() as session:
        arm = session.scalar(select(ArmAssignment))
        assert (arm.choice_reasons, arm.choice_other) == (
            ["provider_preference", "other"], "family lives close")  # list order
        overview = enrollment_overview(session, enrolled)
    assert overview.current_arm.choice_reasons == ("provider_preference", "other")
    created = _audit(database, "arm_assignment")[0]
    assert "provider_preference" in created.new_value


def test_other_without_text_stops_the_wizard_at_the_arm_page(protocol) -> None:
    draft = EnrollmentDraft(patient_id=1, screening_id=1, protocol_id=protocol.id,
                            enrollment_date="2026-11-02", weight="20", height="115",
                            measured_on="2026-11-02", arm_id="A",
                            corticosteroid_mg_per_day="10", choice_reasons=["other"])
    with pytest.raises(InputError) as caught:
        EnrollmentFlow(protocol, {"ivig": "no"}, TODAY, date(2026, 11, 1)).finalise(draft)
    assert caught.value.field == "choice"


def test_a_switch_records_why_and_ends_the_arm_left_with_its_reason(database,
                                                                    enrolled, protocol) -> None:
    switch = finalise_switch(protocol, "A", SwitchDraft(
        to_arm="B", reason="inadequate_response", switch_date="2026-11-20", weight="22",
        height="118", measured_on="2026-11-20", choice_reasons=["ivig_intolerance"]),
        date(2026, 11, 2), TODAY)
    with database.session() as session:
        switch_arm(session, enrolled, switch, user="dr.ito",
                   expected_version=_version(database, enrolled))
    with database.reading() as session:
        history = enrollment_overview(session, enrolled).arm_history
    assert [(p.arm_id, p.stop_reason, p.choice_reasons) for p in history] == [
        ("A", "inadequate_response", ("provider_preference", "other")),
        ("B", None, ("ivig_intolerance",))]


# ------------------------------------------------------------ treatment stopped


def test_stopping_a_treatment_ends_the_arm_and_its_doses_in_one_audited_step(
        database, enrolled) -> None:
    with database.session() as session:
        stop_treatment(session, enrolled, stop_date=date(2026, 11, 18), reason="toxicity",
                       user="dr.ito", expected_version=_version(database, enrolled),
                       today=TODAY)
    with database.reading() as session:
        overview = enrollment_overview(session, enrolled)
        ivig = session.scalar(select(Prescription).where(Prescription.drug == "ivig"))
        assert (ivig.status, ivig.stop_date) == ("stopped", date(2026, 11, 18))
    assert overview.current_arm is None
    assert overview.status == "active"  # still followed
    (arm,) = overview.arm_history
    assert (arm.end_date, arm.stop_reason) == (date(2026, 11, 18), "toxicity")
    fields = [e.field for e in _audit(database, "arm_assignment") if e.action == "update"]
    assert fields == ["end_date", "stop_reason", "stop_other"]


def test_a_stop_that_breaks_a_rule_changes_nothing(database, enrolled) -> None:
    before = len(_audit(database, "arm_assignment"))
    for kwargs in ({"reason": "other"},  # other without text
                   {"reason": "remission", "stop_date": date(2026, 11, 1)},  # before start
                   {"reason": "cured"}):
        values = {"stop_date": date(2026, 11, 18), **kwargs}
        with pytest.raises(EnrollmentError), database.session() as session:
            stop_treatment(session, enrolled, user="dr.ito", today=TODAY,
                           expected_version=_version(database, enrolled), **values)
    assert len(_audit(database, "arm_assignment")) == before
    with database.reading() as session:
        assert enrollment_overview(session, enrolled).current_arm is not None


def test_a_stop_on_an_enrollment_changed_meanwhile_is_refused(database, enrolled) -> None:
    stale = _version(database, enrolled)
    with database.session() as session:
        stop_treatment(session, enrolled, stop_date=date(2026, 11, 18), reason="remission",
                       user="a", expected_version=stale, today=TODAY)
    with pytest.raises(ConcurrentEditError), database.session() as session:
        stop_treatment(session, enrolled, stop_date=date(2026, 11, 19),
                       reason="family_choice", user="b", expected_version=stale, today=TODAY)


def test_a_view_only_task_cannot_stop_a_treatment(database, enrolled) -> None:
    version = _version(database, enrolled)
    database.actor = VIEW_ONLY
    with pytest.raises(PermissionDenied), database.session() as session:
        stop_treatment(session, enrolled, stop_date=date(2026, 11, 18), reason="toxicity",
                       user="x", expected_version=version, today=TODAY)
    with database.reading() as session:
        assert session.scalar(select(ArmAssignment.end_date)) is None


# ------------------------------------------------------------ infusions


def test_infusions_given_are_shown_against_the_schedule(database, enrolled) -> None:
    # Arm A: IVIG 2 g/kg × 20 kg = 40 g, every 2 weeks from 2026-11-02: 11-02, 11-16,
    # 11-30, ... Window: min(14, (14-1)//2 = 6) = 6 days.
    with database.session() as session:
        for day in (date(2026, 11, 2), date(2026, 11, 18)):
            record_infusion(session, enrolled, GivenInfusion(day, "ivig", 40, "g"),
                            user="nurse", today=TODAY)
    with database.reading() as session:
        (schedule,) = infusions_due_and_given(session, enrolled, today=TODAY)
        stored = [(i.dose, i.unit, i.entered_by) for i in
                  session.scalars(select(Infusion).order_by(Infusion.given_on))]
    assert (schedule.arm_id, schedule.drug) == ("A", "ivig")
    first = [(x.due, x.given.given_on if x.given else None, x.status)
             for x in schedule.lines[:3]]
    assert first == [(date(2026, 11, 2), date(2026, 11, 2), "given"),
                     (date(2026, 11, 16), date(2026, 11, 18), "given"),
                     (date(2026, 11, 30), None, "due")]
    assert stored == [(40, "g", "nurse")] * 2
    assert len(_audit(database, "infusion")) == 2


def test_an_infusion_that_breaks_a_rule_is_refused_at_its_field(database, enrolled) -> None:
    cases = [(GivenInfusion(date(2026, 10, 1), "ivig", 40, "g"), "given_on"),
             (GivenInfusion(date(2026, 11, 22), "ivig", 40, "g"), "given_on"),  # future
             (GivenInfusion(date(2026, 11, 3), "ivig", 0, "g"), "dose")]
    for infusion, field in cases:
        with pytest.raises(InfusionError) as caught, database.session() as session:
            record_infusion(session, enrolled, infusion, user="nurse", today=TODAY)
        assert list(caught.value.problems) == [field]
    with database.reading() as session:
        assert session.scalar(select(func.count()).select_from(Infusion)) == 0


def test_a_view_only_task_cannot_record_an_infusion_but_can_read_them(database,
                                                                      enrolled) -> None:
    database.actor = VIEW_ONLY
    with pytest.raises(PermissionDenied), database.session() as session:
        record_infusion(session, enrolled, GivenInfusion(date(2026, 11, 2), "ivig", 40, "g"),
                        user="x", today=TODAY)
    with database.reading() as session:
        assert infusions_due_and_given(session, enrolled, today=TODAY)
    database.actor = system_task("nothing", )
    with pytest.raises(PermissionDenied), database.reading() as session:
        infusions_due_and_given(session, enrolled, today=TODAY)


def test_the_trail_covers_the_new_records_and_sees_a_dose_changed_in_the_file(
        database, enrolled) -> None:
    with database.session() as session:
        record_infusion(session, enrolled, GivenInfusion(date(2026, 11, 2), "ivig", 40, "g"),
                        user="nurse", today=TODAY)
        stop_treatment(session, enrolled, stop_date=date(2026, 11, 18), reason="remission",
                       user="dr.ito", expected_version=_version(database, enrolled),
                       today=TODAY)
    with database.session() as session:
        assert record_states.check_states(session).divergences == []
    with database.session() as session:
        session.execute(text("UPDATE infusion SET dose = 4"))
        session.execute(text("UPDATE arm_assignment SET stop_reason = 'toxicity'"))
    with database.session() as session:
        found = {(d.table, d.field) for d in record_states.check_states(session).divergences}
    assert found == {("infusion", "dose"), ("arm_assignment", "stop_reason")}


def test_a_record_stated_before_the_new_fields_still_matches_while_they_are_empty() -> None:
    """An upgraded database: the states recorded under schema 0007 had no such fields."""
    kind = record_states.KIND_BY_NAME["patient"]
    row = ("JDM-1", "female", "Lyon", None, None, "", "")
    assert record_states._flat_state(kind, row) == {"study_id": "JDM-1", "sex": "female",
                                                    "site": "Lyon"}
    row = ("JDM-1", "female", "Lyon", date(2025, 1, 2), None, "asian", "")
    assert record_states._flat_state(kind, row)["race"] == "asian"
