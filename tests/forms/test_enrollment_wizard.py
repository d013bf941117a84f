"""Drive the enrollment wizard end to end on a fresh database.

Expected doses are computed by hand from seed 000, Table 2 (arithmetic beside each).
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QWizard
from screening_answers import eligible_answers as shared_eligible_answers
from sqlalchemy import func, select

from app.catalog import protocol_catalog
from app.db.enrollments import load_enrollment_draft, patient_overview
from app.db.models import Enrollment, Prescription, Visit
from app.db.patients import PatientInput, create_patient
from app.db.screenings import complete_screening, get_screening
from app.domain.enrollment import EnrollmentDraft
from app.domain.screening import CriterionAnswer, ScreeningDraft
from app.forms.enrollment.wizard import KEEP, EnrollmentWizard

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")

TODAY = date(2026, 11, 21)
PROTOCOL_ID = "persistent-skin-rash"


def eligible_answers(ivig: CriterionAnswer | None = None) -> dict[str, CriterionAnswer]:
    """The shared eligible answers, with this test's IVIG history when given."""
    answers = shared_eligible_answers()
    if ivig is not None:
        answers["ivig"] = ivig
    return answers


@pytest.fixture
def protocol():
    return protocol_catalog().protocols[PROTOCOL_ID]


def screened(database, protocol, ivig=None):
    with database.session() as session:
        patient_id = create_patient(session, PatientInput(
            "JDM-001", "Ada", "Okafor", date(2016, 5, 4), "female"), user="nurse")
    draft = ScreeningDraft(patient_id, PROTOCOL_ID, "2026-11-01", eligible_answers(ivig))
    with database.session() as session:
        screening_id, verdict = complete_screening(session, protocol, draft, user="nurse")
    assert verdict.outcome == "eligible"
    return patient_id, screening_id


class Asker:
    def __init__(self, answer):
        self.answer = answer

    def __call__(self, *_args):
        return self.answer


def make_wizard(qtbot, database, protocol, patient_id, screening_id, draft=None, ask=None):
    with database.session() as session:
        record = get_screening(session, screening_id)
    wizard = EnrollmentWizard(
        database, protocol, draft or EnrollmentDraft(patient_id, screening_id, PROTOCOL_ID),
        record.facts, record.summary.screening_date, "dr.ito", today=TODAY,
        patient_text="JDM-001", ask=ask or Asker("Discard"))
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def nxt(wizard):
    return wizard.button(QWizard.NextButton)


def fill_details(wizard, weight="20", height="115", measured="2026-11-02", units=("kg", "cm")):
    page = wizard.details_page
    page.enrollment_date.set_iso("2026-11-02")
    m = page.measurements
    m.weight_unit.setCurrentIndex(m.weight_unit.findData(units[0]))
    m.height_unit.setCurrentIndex(m.height_unit.findData(units[1]))
    m.weight.setText(weight)
    m.height.setText(height)
    m.measured_on.set_iso(measured)


def go_to_doses(wizard, arm, **details):
    fill_details(wizard, **details)
    assert nxt(wizard).isEnabled()
    nxt(wizard).click()
    assert not nxt(wizard).isEnabled()  # no arm chosen yet
    wizard.arm_page.choose(arm)
    assert nxt(wizard).isEnabled()
    nxt(wizard).click()
    assert wizard.currentPage() is wizard.doses_page


def finish(wizard, steroid="10"):
    nxt(wizard).click()  # doses → concomitant
    wizard.concomitant_page.steroid.setText(steroid)
    wizard.concomitant_page.sun.setChecked(True)
    nxt(wizard).click()
    assert wizard.currentPage() is wizard.summary_page
    button = wizard.button(QWizard.FinishButton)
    button.click()
    button.click()  # double click: enrolled once
    assert wizard.enrollment_id is not None


def saved_arm_dose(database):
    with database.session() as session:
        return session.scalar(select(Prescription).where(Prescription.role == "arm"))


def test_enroll_on_arm_a(qtbot, database, protocol):
    patient_id, screening_id = screened(database, protocol)
    wizard = make_wizard(qtbot, database, protocol, patient_id, screening_id)
    go_to_doses(wizard, "A")
    view = wizard.doses_page.views["ivig"]
    # 2 g/kg × 20 kg = 40 g per dose (cap 70 g not reached)
    assert view.headline.text().startswith("IVIG: 40 g every 2 weeks × 3, then monthly")
    assert "2 g/kg × 20 kg = 40 g" in view.derivation.toPlainText()
    assert "02 Nov 2026, 16 Nov 2026, 30 Nov 2026, 30 Dec 2026" in wizard.doses_page.dates.text()
    finish(wizard)
    dose = saved_arm_dose(database)
    assert (dose.drug, dose.amount, dose.final_amount, dose.unit) == ("ivig", 40, 40, "g")
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Enrollment)) == 1
        assert session.scalar(select(func.count()).select_from(Visit)) == 6
        assert load_enrollment_draft(session, screening_id) is None
        overview = patient_overview(session, patient_id)
    assert overview.enrollment.current_arm.arm_id == "A"


def test_enroll_on_arm_b(qtbot, database, protocol):
    patient_id, screening_id = screened(database, protocol)
    wizard = make_wizard(qtbot, database, protocol, patient_id, screening_id)
    go_to_doses(wizard, "B")
    view = wizard.doses_page.views["mycophenolate mofetil"]
    # BSA √(115 × 20 / 3600) = 0.79931 m²; 600 × 0.79931 = 479.58 mg > 10 × 20 = 200 mg
    # → 480 mg after 1 mg rounding (cap 1500 mg not reached)
    assert view.headline.text() == "Mycophenolate mofetil: 480 mg twice daily, oral"
    assert "479.58" in view.derivation.toPlainText()
    finish(wizard)
    dose = saved_arm_dose(database)
    assert (dose.amount, dose.final_amount) == (480, 480)
    assert dose.inputs["bsa_m2"] == pytest.approx(0.79931, abs=1e-5)


def test_enroll_on_arm_c_in_pounds_and_inches(qtbot, database, protocol):
    patient_id, screening_id = screened(database, protocol)
    wizard = make_wizard(qtbot, database, protocol, patient_id, screening_id)
    # 55 lb × 0.45359237 = 24.94758 kg; 45 in × 2.54 = 114.3 cm
    go_to_doses(wizard, "C", weight="55", height="45", units=("lb", "in"))
    view = wizard.doses_page.views["cyclosporine"]
    # at least 3 mg/kg/day × 24.94758 kg = 74.84 mg/day → rounded up to 75 mg/day
    assert view.headline.text().startswith("Cyclosporine: at least 75 mg/day")
    reminder = wizard.doses_page.findChildren(type(wizard.doses_page.dates))
    assert any("blood pressure" in label.text() for label in reminder)
    finish(wizard)
    dose = saved_arm_dose(database)
    assert dose.final_amount == 75
    assert dose.inputs["weight_kg"] == pytest.approx(24.94758, abs=1e-5)


def test_enroll_on_arm_c(qtbot, database, protocol):
    patient_id, screening_id = screened(database, protocol)
    wizard = make_wizard(qtbot, database, protocol, patient_id, screening_id)
    go_to_doses(wizard, "C")
    # at least 3 mg/kg/day × 20 kg = 60 mg/day
    assert wizard.doses_page.views["cyclosporine"].headline.text().startswith(
        "Cyclosporine: at least 60 mg/day")
    finish(wizard)
    assert saved_arm_dose(database).final_amount == 60


def test_old_measurement_blocks_the_first_page(qtbot, database, protocol):
    patient_id, screening_id = screened(database, protocol)
    wizard = make_wizard(qtbot, database, protocol, patient_id, screening_id)
    fill_details(wizard, measured="2026-09-30")  # 33 days before 2026-11-02
    assert not nxt(wizard).isEnabled()
    message = wizard.details_page.measurements.messages["measured_on"]
    assert "33 days" in message.text() and message.isVisible()
    wizard.details_page.measurements.measured_on.set_iso("2026-11-02")
    assert nxt(wizard).isEnabled()
    assert "0.80 m²" in wizard.details_page.measurements.bsa.text()


def test_arm_a_closed_after_ivig_for_skin_and_restart_exception(qtbot, database, protocol):
    ivig = CriterionAnswer("yes", {"ivig_use": "previous", "ivig_stopped_on": "2026-01-01",
                                   "ivig_for_skin_disease": "yes"})
    patient_id, screening_id = screened(database, protocol, ivig)
    wizard = make_wizard(qtbot, database, protocol, patient_id, screening_id)
    fill_details(wizard)
    nxt(wizard).click()
    page = wizard.arm_page
    page.choose("A")
    assert not nxt(wizard).isEnabled()
    assert "not previously been treated with IVIG for skin disease" in page.message.text()
    page.exception.setChecked(True)
    assert not nxt(wizard).isEnabled()
    assert "reason" in page.exception_message.text()
    page.exception_reason.setText("Skin responded to IVIG before it was stopped")
    assert nxt(wizard).isEnabled()
    nxt(wizard).click()
    finish(wizard)
    with database.session() as session:
        overview = patient_overview(session, patient_id)
    assert "Skin responded" in overview.enrollment.current_arm.notes


def test_arm_a_closed_for_current_ivig_for_skin(qtbot, database, protocol):
    ivig = CriterionAnswer("yes", {"ivig_use": "current", "ivig_for_skin_disease": "yes"})
    patient_id, screening_id = screened(database, protocol, ivig)
    wizard = make_wizard(qtbot, database, protocol, patient_id, screening_id)
    fill_details(wizard)
    nxt(wizard).click()
    assert not wizard.arm_page.radios["A"].isEnabled()
    assert wizard.arm_page.exception is None
    wizard.arm_page.choose("B")
    nxt(wizard).click()
    nxt(wizard).click()
    assert wizard.concomitant_page.continuing["ivig"].isEnabled()  # B may continue IVIG
    wizard.concomitant_page.continuing["ivig"].setChecked(True)
    wizard.concomitant_page.sun.setChecked(True)
    nxt(wizard).click()
    wizard.button(QWizard.FinishButton).click()
    with database.session() as session:
        drugs = set(session.scalars(select(Prescription.drug)
                                    .where(Prescription.role == "concomitant")))
    # Methotrexate was current at screening: carried over as continuing (issue 20.11).
    assert drugs == {"ivig", "methotrexate"}


def test_override_without_then_with_reason(qtbot, database, protocol):
    patient_id, screening_id = screened(database, protocol)
    wizard = make_wizard(qtbot, database, protocol, patient_id, screening_id)
    go_to_doses(wizard, "B")
    view = wizard.doses_page.views["mycophenolate mofetil"]
    view.final.setText("500")
    assert not nxt(wizard).isEnabled()
    assert "Give a reason" in view.message.text()
    assert "480 mg" in view.headline.text()  # an unaccepted final dose is never shown as given
    view.reason.setText("Rounded to 250 mg tablets")
    assert nxt(wizard).isEnabled()
    finish(wizard)
    dose = saved_arm_dose(database)
    assert (dose.amount, dose.final_amount, dose.override_reason) == (
        480, 500, "Rounded to 250 mg tablets")


def test_dose_above_maximum_is_refused(qtbot, database, protocol):
    patient_id, screening_id = screened(database, protocol)
    wizard = make_wizard(qtbot, database, protocol, patient_id, screening_id)
    go_to_doses(wizard, "B")
    view = wizard.doses_page.views["mycophenolate mofetil"]
    view.final.setText("1600")
    view.reason.setText("wants more")
    assert not nxt(wizard).isEnabled()
    assert "maximum of 1500 mg" in view.message.text()


def test_corticosteroid_above_limit_is_refused(qtbot, database, protocol):
    patient_id, screening_id = screened(database, protocol)
    wizard = make_wizard(qtbot, database, protocol, patient_id, screening_id)
    go_to_doses(wizard, "C")
    nxt(wizard).click()
    page = wizard.concomitant_page
    # 2 mg/kg/day × 20 kg = 40 mg/day maximum
    assert "40 mg/day" in page.steroid_max.text()
    page.steroid.setText("41")
    assert not nxt(wizard).isEnabled()
    assert "maximum of 40 mg/day" in page.steroid_message.text()
    page.steroid.setText("40")
    assert nxt(wizard).isEnabled()
    assert "600 mg" in page.pulse_max.text()  # 30 mg/kg × 20 kg


def test_cancel_keeps_a_draft_that_resumes(qtbot, database, protocol):
    patient_id, screening_id = screened(database, protocol)
    wizard = make_wizard(qtbot, database, protocol, patient_id, screening_id, ask=Asker(KEEP))
    fill_details(wizard, weight="21")
    wizard.reject()
    with database.session() as session:
        draft = load_enrollment_draft(session, screening_id)
    assert draft.weight == "21"
    again = make_wizard(qtbot, database, protocol, patient_id, screening_id, draft=draft)
    assert again.details_page.measurements.weight.text() == "21"
