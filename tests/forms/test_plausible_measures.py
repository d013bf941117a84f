"""Plausible body measures and doses at enrollment and arm switch (issue 20.5).

The example of the issue: an 11-year-old boy of 140 cm weighed "440 lb" (199.6 kg, BMI
≈ 102) and nothing was said; 440 in kg was refused with no "did you mean lb?"; a final
dose below the plan's "at least 75 mg/day" was accepted without a word.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QWizard
from screening_answers import eligible_answers
from sqlalchemy import select

from app.catalog import protocol_catalog
from app.db.enrollments import finish_enrollment
from app.db.models import ArmAssignment, Enrollment
from app.db.patients import PatientInput, create_patient
from app.db.screenings import complete_screening
from app.domain.enrollment import EnrollmentDraft, EnrollmentFlow
from app.domain.screening import ScreeningDraft
from app.forms.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("system_actor")

TODAY = date(2026, 11, 21)
PROTOCOL_ID = "persistent-skin-rash"
BORN = date(2015, 9, 10)  # 11 y 2 m on TODAY


@pytest.fixture
def protocol():
    return protocol_catalog().protocols[PROTOCOL_ID]


def boy_screened(database, protocol) -> int:
    with database.session() as session:
        patient_id = create_patient(session, PatientInput("JDM-011", "Minh", "Nguyễn", BORN,
                                                          "male"), user="nurse")
    draft = ScreeningDraft(patient_id, PROTOCOL_ID, "2026-11-01", eligible_answers())
    with database.session() as session:
        complete_screening(session, protocol, draft, user="nurse")
    return patient_id


def make_window(qtbot, database):
    window = MainWindow(database, user="dr.ito", today=TODAY)
    qtbot.addWidget(window)
    window.table.selectRow(0)
    return window


def enrollment_wizard(qtbot, database, protocol):
    boy_screened(database, protocol)
    window = make_window(qtbot, database)
    wizard = window.make_enrollment_wizard(window.selected_patient_id(), "JDM-011")
    wizard.ask = lambda *_args: "Discard"  # closing at teardown asks nothing
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def details(wizard, weight, unit="kg", height="140"):
    m = wizard.details_page.measurements
    wizard.details_page.enrollment_date.set_iso("2026-11-21")
    m.weight_unit.setCurrentIndex(m.weight_unit.findData(unit))
    m.weight.setText(weight)
    m.height.setText(height)
    m.measured_on.set_iso("2026-11-21")
    return m


def test_440_lb_for_an_11_year_old_warns_and_needs_confirmation(qtbot, database, protocol):
    wizard = enrollment_wizard(qtbot, database, protocol)
    m = details(wizard, "440", "lb")
    nxt = wizard.button(QWizard.NextButton)
    # 440 lb × 0.45359237 = 199.58 kg: inside the 2-200 kg limit, far beyond +3 SD at 11.
    assert m.plausibility.isVisible()
    text = m.plausibility.text()
    assert "Weight 199.6 kg is far above what is usual for a boy of 11 y 2 m" in text
    assert "BMI 101.8 kg/m² is far above" in text  # 199.58 / 1.40² = 101.8
    assert m.confirm.isVisible() and not nxt.isEnabled()
    m.confirm.setChecked(True)
    assert nxt.isEnabled()  # confirmed: kept, and noted with the enrollment
    assert wizard.draft.measures_confirmed
    m.weight.setText("88")  # 88 lb = 39.9 kg: ordinary, the confirmation disappears
    assert not m.plausibility.isVisible() and not m.confirm.isVisible()
    assert nxt.isEnabled() and not wizard.draft.measures_confirmed


def test_440_kg_is_refused_with_did_you_mean_lb(qtbot, database, protocol):
    wizard = enrollment_wizard(qtbot, database, protocol)
    m = details(wizard, "440", "kg")
    message = m.messages["weight"].text()
    assert "between 2 and 200 kg" in message
    assert "Did you mean 440 lb (199.6 kg)? That too would be far from what is usual" in message
    assert not wizard.button(QWizard.NextButton).isEnabled()


def test_pounds_typed_as_kilograms_of_an_ordinary_child_suggest_lb(qtbot, database, protocol):
    wizard = enrollment_wizard(qtbot, database, protocol)
    m = details(wizard, "80", "kg")  # 80 kg at 11 y: beyond +3 SD; 80 lb = 36.3 kg is usual
    assert "Did you mean 80 lb (36.3 kg)?" in m.plausibility.text()
    assert m.confirm.isVisible()


def test_confirmed_measurements_are_kept_with_the_enrollment(qtbot, database, protocol):
    patient_id = boy_screened(database, protocol)
    from app.catalog import growth_reference
    from app.db.screenings import enrollable_screening
    from app.domain.growth import GrowthSubject

    with database.session() as session:
        record = enrollable_screening(session, patient_id)
    flow = EnrollmentFlow(protocol, record.facts, TODAY, date(2026, 11, 1),
                          subject=GrowthSubject(BORN, "male"),
                          growth_reference=growth_reference())
    draft = EnrollmentDraft(patient_id, record.summary.screening_id, PROTOCOL_ID,
                            enrollment_date="2026-11-21", weight="90", height="140",
                            measured_on="2026-11-21", arm_id="B")
    assert "confirm_measures" in flow.details_problems(draft)
    draft.measures_confirmed = True
    plan = flow.finalise(draft)
    with database.session() as session:
        finish_enrollment(session, protocol, record.summary.screening_id, plan, user="dr.ito")
    with database.session() as session:
        notes = session.scalar(select(ArmAssignment.notes))
        assert "Measurements confirmed although unusual for age and sex: Weight 90 kg" in notes
        assert session.scalar(select(Enrollment.id)) is not None


def test_final_dose_below_the_plan_minimum_warns_and_needs_a_reason(qtbot, database, protocol):
    wizard = enrollment_wizard(qtbot, database, protocol)
    details(wizard, "25", "kg", "140")  # 25 kg: cyclosporine at least 3 × 25 = 75 mg/day
    wizard.details_page.measurements.confirm.setChecked(True)  # 25 kg is light at 11
    nxt = wizard.button(QWizard.NextButton)
    nxt.click()
    wizard.arm_page.choose("C")
    nxt.click()
    view = wizard.doses_page.views["cyclosporine"]
    assert view.headline.text().startswith("Cyclosporine: at least 75 mg/day")
    view.final.setText("50")
    assert "below the protocol minimum of 75 mg/day" in view.message.text()
    assert not nxt.isEnabled()  # no reason yet: refused
    view.reason.setText("renal function; nephrology advice")
    assert nxt.isEnabled()
    assert "BELOW the plan minimum of 75 mg/day" in view.headline.text()


def test_arm_switch_checks_the_new_measurements(qtbot, database, protocol):
    patient_id = boy_screened(database, protocol)
    from app.db.screenings import enrollable_screening

    with database.session() as session:
        record = enrollable_screening(session, patient_id)
    draft = EnrollmentDraft(patient_id, record.summary.screening_id, PROTOCOL_ID,
                            enrollment_date="2026-11-02", weight="36", height="143",
                            measured_on="2026-11-02", arm_id="A")
    plan = EnrollmentFlow(protocol, record.facts, TODAY, date(2026, 11, 1)).finalise(draft)
    with database.session() as session:
        finish_enrollment(session, protocol, record.summary.screening_id, plan, user="dr.ito")
    window = make_window(qtbot, database)
    dialog = window.make_arm_switch_dialog(patient_id, "JDM-011")
    qtbot.addWidget(dialog)
    dialog.to_arm.setCurrentIndex(dialog.to_arm.findData("B"))
    dialog.reason.setCurrentIndex(dialog.reason.findData("toxicity"))
    m = dialog.measurements
    m.weight.setText("36")
    m.height.setText("55")  # cm typed, inches meant
    m.measured_on.set_iso("2026-11-21")
    save = dialog.buttons.button(QDialogButtonBox.Save)
    assert "Did you mean 55 in (139.7 cm)?" in m.plausibility.text()
    assert not save.isEnabled()
    m.height_unit.setCurrentIndex(m.height_unit.findData("in"))
    assert not m.confirm.isVisible()
    assert save.isEnabled()
