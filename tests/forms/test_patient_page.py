"""Patient page, menu wiring from the main window, and the arm switch A → B."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QWizard
from screening_answers import eligible_answers
from sqlalchemy import select

from app.catalog import protocol_catalog
from app.db.enrollments import finish_enrollment
from app.db.models import ArmAssignment, Prescription
from app.db.patients import PatientInput, create_patient
from app.db.screenings import complete_screening
from app.domain.enrollment import EnrollmentDraft, EnrollmentFlow
from app.domain.screening import ScreeningDraft
from app.forms.main_window import MainWindow

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")

TODAY = date(2026, 11, 21)
PROTOCOL_ID = "persistent-skin-rash"


def patient(database):
    with database.session() as session:
        # Six years old at enrollment: 20 kg and 115 cm are ordinary (CDC 2000), so the
        # plausibility check (tests/forms/test_plausible_measures.py) does not interfere.
        return create_patient(session, PatientInput("JDM-001", "Ada", "Okafor",
                                                    date(2020, 5, 4), "female"), user="nurse")


def enrolled_on_a(database):
    protocol = protocol_catalog().protocols[PROTOCOL_ID]
    patient_id = patient(database)
    with database.session() as session:
        screening_id, _ = complete_screening(
            session, protocol, ScreeningDraft(patient_id, PROTOCOL_ID, "2026-11-01",
                                              eligible_answers()), user="nurse")
    draft = EnrollmentDraft(patient_id, screening_id, PROTOCOL_ID, enrollment_date="2026-11-02",
                            weight="20", height="115", measured_on="2026-11-02", arm_id="A",
                            sun_protection_counselled=True)
    plan = EnrollmentFlow(protocol, {}, TODAY, date(2026, 11, 1)).finalise(draft)
    with database.session() as session:
        finish_enrollment(session, protocol, screening_id, plan, user="dr.ito")
    return patient_id


def make_window(qtbot, database):
    window = MainWindow(database, user="dr.ito", today=TODAY)
    qtbot.addWidget(window)
    window.show()
    window.table.selectRow(0)
    return window


def drive(qtbot, monkeypatch, window, factory_name, fill):
    """Replace a factory's dialog exec() by a function that fills it like a user."""
    original = getattr(window, factory_name)
    made = []

    def make(*args):
        dialog = original(*args)
        if dialog is None:
            return None
        qtbot.addWidget(dialog)
        made.append(dialog)

        def run():
            dialog.show()
            fill(dialog)
            return dialog.result()

        monkeypatch.setattr(dialog, "exec", run)
        return dialog

    monkeypatch.setattr(window, factory_name, make)
    return made


def test_patient_page_shows_plan_doses_and_due_dates(qtbot, database):
    enrolled_on_a(database)
    window = make_window(qtbot, database)
    page = window.make_patient_page(window.selected_patient_id())
    qtbot.addWidget(page)
    assert page.arm_banner.text() == "Arm A — IVIG"
    assert "2 g/kg × 20 kg = 40 g" in page.dose_texts["ivig"].toPlainText()
    table = page.visits_table
    assert table.rowCount() == 6
    assert (table.item(1, 0).text(), table.item(1, 1).text()) == ("Month 1", "02 Dec 2026")
    assert page.screenings_table.item(0, 2).text() == "ELIGIBLE (enrolled)"
    assert page.change_arm_button.isEnabled()
    assert not page.enroll_button.isEnabled()


def test_arm_switch_a_to_b_from_the_menu(qtbot, database, monkeypatch):
    patient_id = enrolled_on_a(database)
    window = make_window(qtbot, database)

    def fill(dialog):
        save = dialog.buttons.button(QDialogButtonBox.Save)
        dialog.to_arm.setCurrentIndex(dialog.to_arm.findData("B"))
        dialog.switch_date.set_iso("2026-11-20")
        m = dialog.measurements
        m.weight.setText("22")
        m.height.setText("118")
        m.measured_on.set_iso("2026-11-20")
        assert not save.isEnabled()  # reason still missing
        assert "reason" in dialog.messages["reason"].text()
        dialog.reason.setCurrentIndex(dialog.reason.findData("toxicity"))
        assert save.isEnabled()
        view = dialog.views["mycophenolate mofetil"]
        # 22 kg, 118 cm: BSA √(118 × 22 / 3600) = 0.84918 m²; 600 × 0.84918 = 509.51 mg
        # > 10 × 22 = 220 mg → 510 mg
        assert view.headline.text() == "Mycophenolate mofetil: 510 mg twice daily, oral"
        save.click()
        save.click()  # double click switches once

    made = drive(qtbot, monkeypatch, window, "make_arm_switch_dialog", fill)
    window.change_arm_action.trigger()
    assert made and made[0].new_assignment_id is not None
    with database.session() as session:
        arms = session.scalars(select(ArmAssignment).order_by(ArmAssignment.id)).all()
        assert [(a.arm_id, a.end_date, a.reason) for a in arms] == [
            ("A", date(2026, 11, 20), "initial"), ("B", None, "toxicity")]
        mmf = session.scalar(select(Prescription).where(
            Prescription.drug == "mycophenolate mofetil"))
        assert (mmf.final_amount, mmf.status) == (510, "active")
    assert window.model.row_at(0).arm == "B"
    page = window.make_patient_page(patient_id)
    qtbot.addWidget(page)
    assert page.arm_banner.text() == "Arm B — Mycophenolate mofetil"
    assert not page.change_arm_button.isEnabled()  # the plan allows no switch from B


def test_screen_then_enroll_from_the_menu(qtbot, database, monkeypatch):
    patient(database)
    window = make_window(qtbot, database)
    answers = eligible_answers()

    def screen(wizard):
        combo = wizard.setup_page.protocol
        combo.setCurrentIndex(combo.findData(PROTOCOL_ID))  # the user picks the plan
        wizard.next()
        for page in wizard.criteria_pages.values():
            for criterion_id, box in page.boxes.items():
                box.set_answer(answers[criterion_id].answer)
                for field_id, value in answers[criterion_id].details.items():
                    box.inputs[field_id].set_value(value)
            wizard.button(QWizard.NextButton).click()
        wizard.verdict_page.confirm.setChecked(True)
        wizard.button(QWizard.FinishButton).click()

    drive(qtbot, monkeypatch, window, "make_screening_wizard", screen)
    window.screen_action.trigger()
    assert window.statusBar().currentMessage() == "Screening saved: eligible."

    def enroll(wizard):
        m = wizard.details_page.measurements
        wizard.details_page.enrollment_date.set_iso("2026-11-21")
        m.weight.setText("20")
        m.height.setText("115")
        m.measured_on.set_iso("2026-11-20")
        wizard.button(QWizard.NextButton).click()
        assert wizard.currentPage() is wizard.arm_page, wizard.flow.details_problems(
            wizard.draft)
        wizard.arm_page.choose("B")
        for _ in range(3):
            wizard.button(QWizard.NextButton).click()
        assert wizard.currentPage() is wizard.summary_page
        wizard.button(QWizard.FinishButton).click()

    drive(qtbot, monkeypatch, window, "make_enrollment_wizard", enroll)
    window.enroll_action.trigger()
    row = window.model.row_at(0)
    assert (row.protocol, row.arm, row.next_visit_due) == (PROTOCOL_ID, "B", date(2026, 11, 21))


def test_enroll_without_eligible_screening_says_why(qtbot, database):
    patient(database)
    window = make_window(qtbot, database)
    window.enroll_action.trigger()
    assert "Screen the patient first" in window.statusBar().currentMessage()


def test_arm_switch_offers_the_last_weight_but_refuses_it_when_old(qtbot, database):
    enrolled_on_a(database)  # measured 2026-11-02
    window = make_window(qtbot, database)
    window._today = date(2026, 12, 20)
    dialog = window.make_arm_switch_dialog(window.selected_patient_id(), "JDM-001")
    qtbot.addWidget(dialog)
    assert dialog.measurements.weight.text() == "20"
    dialog.to_arm.setCurrentIndex(dialog.to_arm.findData("C"))
    dialog.reason.setCurrentIndex(dialog.reason.findData("toxicity"))
    dialog.switch_date.set_iso("2026-12-20")  # 48 days after the measurement
    save = dialog.buttons.button(QDialogButtonBox.Save)
    assert not save.isEnabled()
    assert "48 days" in dialog.measurements.messages["measured_on"].text()
    dialog.measurements.measured_on.set_iso("2026-12-19")
    dialog.measurements.weight.setText("21")
    assert save.isEnabled()
    # at least 3 mg/kg/day × 21 kg = 63 mg/day
    assert dialog.views["cyclosporine"].headline.text().startswith(
        "Cyclosporine: at least 63 mg/day")


def test_enrollment_draft_resumes_on_its_page(qtbot, database, monkeypatch):
    protocol = protocol_catalog().protocols[PROTOCOL_ID]
    patient_id = patient(database)
    with database.session() as session:
        complete_screening(session, protocol, ScreeningDraft(
            patient_id, PROTOCOL_ID, "2026-11-01", eligible_answers()), user="nurse")
    window = make_window(qtbot, database)
    wizard = window.make_enrollment_wizard(patient_id, "JDM-001")
    qtbot.addWidget(wizard)
    wizard.show()
    m = wizard.details_page.measurements
    wizard.details_page.enrollment_date.set_iso("2026-11-20")
    m.weight.setText("20")
    m.height.setText("115")
    m.measured_on.set_iso("2026-11-20")
    wizard.button(QWizard.NextButton).click()
    wizard.arm_page.choose("C")
    wizard.button(QWizard.NextButton).click()
    monkeypatch.setattr(wizard, "ask", lambda *_a: "Keep as draft")
    wizard.reject()
    again = window.make_enrollment_wizard(patient_id, "JDM-001")
    qtbot.addWidget(again)
    assert again.currentPage() is again.doses_page
    assert "cyclosporine" in again.doses_page.views
