"""A child whose enrollment ended: the patient page says how it ended, never "Not enrolled",
and shows the past enrollment (plan, arm history with dates and stop reason, status).

Enrollments end today by import (a coordinator's records) or the demo data; the test ends
one the way those do: the running arm stopped by the service (``stop_treatment``: coded
reason, prescriptions stopped) and the enrollment's status, end date and reason set.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QLabel
from screening_answers import eligible_answers
from test_french import assert_french
from test_patient_page import PROTOCOL_ID, TODAY, enrolled_on_a, make_window

from app.catalog import protocol_catalog
from app.db.enrollments import active_enrollment_id, finish_enrollment, stop_treatment
from app.db.models import Enrollment
from app.db.screenings import complete_screening
from app.domain.enrollment import EnrollmentDraft, EnrollmentFlow
from app.domain.screening import ScreeningDraft

pytestmark = pytest.mark.usefixtures("system_actor")


def end_enrollment(database, patient_id, status, on, reason, stop_reason):
    with database.session() as session:
        enrollment_id = active_enrollment_id(session, patient_id)
        version = session.get(Enrollment, enrollment_id).version_id
        stop_treatment(session, enrollment_id, stop_date=on, reason=stop_reason,
                       user="dr.ito", expected_version=version, today=TODAY)
    with database.session() as session:
        enrollment = session.get(Enrollment, enrollment_id)
        enrollment.status, enrollment.ended_on, enrollment.end_reason = status, on, reason


def page_of(qtbot, database):
    window = make_window(qtbot, database)
    page = window.make_patient_page(window.selected_patient_id())
    qtbot.addWidget(page)
    return page


def labels(page):
    return [label.text() for label in page.findChildren(QLabel)]


def test_completed_enrollment_is_said_and_shown(qtbot, database):
    patient_id = enrolled_on_a(database)
    end_enrollment(database, patient_id, "completed", date(2026, 11, 20),
                   "completed the visit schedule", "remission")
    page = page_of(qtbot, database)
    assert page.status_line.text() == (
        "Completed (plan JDM with persistent skin rash, arm A — IVIG) on 20 Nov 2026")
    assert not any("Not enrolled" in text for text in labels(page))
    # the past enrollment: plan and version, dates, status and why it ended
    (summary,) = page.past_summaries
    assert summary.text() == (
        "JDM with persistent skin rash (version 2017.2) · enrolled 02 Nov 2026 by dr.ito · "
        "completed 20 Nov 2026: completed the visit schedule")
    # its arm history: arm, from, to, and why the arm was stopped
    (table,) = page.past_arm_tables
    assert [table.item(0, c).text() for c in (0, 1, 2)] == [
        "Arm A — IVIG", "02 Nov 2026", "20 Nov 2026"]
    assert table.item(0, 5).text() == "Remission"
    # nothing current: no arm to switch, no course to record
    assert not page.change_arm_button.isEnabled()


def test_withdrawn_enrollment_says_when_and_why(qtbot, database):
    patient_id = enrolled_on_a(database)
    end_enrollment(database, patient_id, "withdrawn", date(2026, 11, 15),
                   "family moved away", "family_choice")
    page = page_of(qtbot, database)
    assert page.status_line.text() == (
        "Withdrawn (plan JDM with persistent skin rash, arm A — IVIG) on 15 Nov 2026: "
        "family moved away")
    assert page.past_summaries[0].text().endswith("withdrawn 15 Nov 2026: family moved away")
    assert page.past_arm_tables[0].item(0, 5).text() == "Family choice"


def test_enrolling_again_needs_a_new_eligible_screening(qtbot, database):
    # The services' rule (unchanged): one enrollment per screening, none while another is
    # active; the plan files say nothing against a second course, so a child whose
    # enrollment ended is enrolled again from a new eligible screening, and only from one.
    patient_id = enrolled_on_a(database)
    end_enrollment(database, patient_id, "completed", date(2026, 11, 20),
                   "completed the visit schedule", "remission")
    page = page_of(qtbot, database)
    assert not page.enroll_button.isEnabled()  # the only screening was used
    protocol = protocol_catalog().protocols[PROTOCOL_ID]
    with database.session() as session:
        complete_screening(session, protocol, ScreeningDraft(
            patient_id, PROTOCOL_ID, "2026-11-21", eligible_answers()), user="nurse")
    page.reload()
    assert page.enroll_button.isEnabled()
    assert page.status_line.text().startswith("Completed (plan")


def test_a_current_enrollment_still_shows_the_past_one(qtbot, database):
    patient_id = enrolled_on_a(database)
    end_enrollment(database, patient_id, "withdrawn", date(2026, 11, 10), "toxicity",
                   "toxicity")
    protocol = protocol_catalog().protocols[PROTOCOL_ID]
    with database.session() as session:
        screening_id, _ = complete_screening(session, protocol, ScreeningDraft(
            patient_id, PROTOCOL_ID, "2026-11-18", eligible_answers()), user="nurse")
    draft = EnrollmentDraft(patient_id, screening_id, PROTOCOL_ID, enrollment_date="2026-11-19",
                            weight="20", height="115", measured_on="2026-11-19", arm_id="B",
                            sun_protection_counselled=True)
    plan = EnrollmentFlow(protocol, {}, TODAY, date(2026, 11, 18)).finalise(draft)
    with database.session() as session:
        finish_enrollment(session, protocol, screening_id, plan, user="dr.ito")
    page = page_of(qtbot, database)
    assert page.status_line.text() == (
        "Enrolled (plan JDM with persistent skin rash, arm B — Mycophenolate mofetil) "
        "on 19 Nov 2026")
    assert page.arm_banner.text() == "Arm B — Mycophenolate mofetil"
    (summary,) = page.past_summaries
    assert summary.text().endswith("withdrawn 10 Nov 2026: toxicity")
    assert page.past_arm_tables[0].item(0, 5).text() == "Toxicity"


@pytest.mark.usefixtures("french")
def test_past_enrollment_in_french(qtbot, database):
    patient_id = enrolled_on_a(database)
    end_enrollment(database, patient_id, "withdrawn", date(2026, 11, 15),
                   "family moved away", "family_choice")
    page = page_of(qtbot, database)
    page.show()
    assert page.status_line.text().startswith("Sorti de l’étude (plan ")
    assert page.status_line.text().endswith(
        ", bras A — IgIV) le 15 nov. 2026 : family moved away")
    # the end reason is the record's own words, as entered
    assert_french(page, "Inscriptions antérieures", "bras A — IgIV",
                  data=("family moved away",))


def test_a_screening_made_before_the_last_course_ended_cannot_enroll_again(qtbot, database):
    # A bug, fixed: an eligible screening left unused from before the child's last
    # enrollment (screened twice, enrolled from the second) was offered once that
    # enrollment ended, although its answers (prior therapies, disease duration) describe
    # the child before that course. The services refuse it; a new screening is needed.
    from app.db.enrollments import EnrollmentError
    from app.db.screenings import enrollable_screening

    patient_id = enrolled_on_a(database)  # screened 01 Nov, enrolled 02 Nov 2026
    protocol = protocol_catalog().protocols[PROTOCOL_ID]
    with database.session() as session:
        old_id, _ = complete_screening(session, protocol, ScreeningDraft(
            patient_id, PROTOCOL_ID, "2026-10-20", eligible_answers()), user="nurse")
    end_enrollment(database, patient_id, "completed", date(2026, 11, 20),
                   "completed the visit schedule", "remission")
    with database.reading() as session:
        assert enrollable_screening(session, patient_id) is None
    page = page_of(qtbot, database)
    assert not page.enroll_button.isEnabled()
    draft = EnrollmentDraft(patient_id, old_id, PROTOCOL_ID, enrollment_date="2026-11-21",
                            weight="20", height="115", measured_on="2026-11-21", arm_id="A",
                            sun_protection_counselled=True)
    plan = EnrollmentFlow(protocol, {}, TODAY, date(2026, 10, 20)).finalise(draft)
    with pytest.raises(EnrollmentError, match="before the patient's previous enrollment ended"):
        with database.session() as session:
            finish_enrollment(session, protocol, old_id, plan, user="dr.ito")


@pytest.mark.usefixtures("french")
def test_an_arm_left_open_when_its_enrollment_ended_shows_that_end_and_french_reasons(
        qtbot, database):
    # Found walking the demo data in French: a completed enrollment whose arm was never
    # stopped on its own (the demo data and imported records end only the enrollment)
    # showed that arm "en cours" (current) under "Past enrollments", and the coded reasons
    # the arm was chosen in English ("IVIG intolerance").
    from sqlalchemy import select

    from app.db.models import ArmAssignment

    patient_id = enrolled_on_a(database)
    with database.session() as session:
        enrollment_id = active_enrollment_id(session, patient_id)
        arm = session.scalars(select(ArmAssignment).where(
            ArmAssignment.enrollment_id == enrollment_id)).one()
        arm.choice_reasons = ["ivig_intolerance", "no_venous_access"]
        enrollment = session.get(Enrollment, enrollment_id)
        enrollment.status, enrollment.ended_on = "completed", date(2026, 11, 20)
        enrollment.end_reason = "completed the visit schedule"
    page = page_of(qtbot, database)
    (table,) = page.past_arm_tables
    assert table.item(0, 2).text() == "20 nov. 2026"  # the enrollment's end, not "en cours"
    why = table.item(0, 4).text()
    assert "IVIG" not in why and "Intolérance" in why, why
