"""Why this arm was chosen, in the enrollment wizard and the arm switch dialog: ticked,
kept in the draft, refused at the box when "Other" has no text, saved with the arm."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select
from test_enrollment_wizard import (
    PROTOCOL_ID,
    fill_details,
    finish,
    make_wizard,
    nxt,
    screened,
)

from app.catalog import protocol_catalog
from app.db.enrollments import enrollment_overview
from app.db.models import ArmAssignment
from app.forms.arm_switch_dialog import ArmSwitchDialog

pytestmark = pytest.mark.usefixtures("system_actor")

TODAY = date(2026, 11, 21)


@pytest.fixture
def protocol():
    return protocol_catalog().protocols[PROTOCOL_ID]


def test_the_wizard_saves_the_reasons_ticked_and_refuses_other_without_text(
        qtbot, database, protocol) -> None:
    patient_id, screening_id = screened(database, protocol)
    wizard = make_wizard(qtbot, database, protocol, patient_id, screening_id)
    fill_details(wizard)
    nxt(wizard).click()
    page = wizard.arm_page
    page.choose("B")
    page.choice.boxes["no_venous_access"].setChecked(True)
    page.choice.boxes["other"].setChecked(True)
    assert not nxt(wizard).isEnabled()  # "Other" ticked, nothing said
    assert "Say what the other reason is" in page.choice.message.text()
    page.choice.other_text.setText("Infusion centre 2 hours away")
    assert nxt(wizard).isEnabled()
    assert not page.choice.message.isVisible()
    assert (wizard.draft.choice_reasons, wizard.draft.choice_other) == (
        ["no_venous_access", "other"], "Infusion centre 2 hours away")
    nxt(wizard).click()
    nxt(wizard).click()  # doses → concomitant
    wizard.concomitant_page.steroid.setText("10")
    nxt(wizard).click()
    assert ("Why this arm:</b> No venous access; other: Infusion centre 2 hours away"
            in wizard.summary_page.summary.text())
    wizard.back()
    wizard.back()
    finish(wizard)
    with database.session() as session:
        arm = session.scalar(select(ArmAssignment))
        assert (arm.arm_id, arm.choice_reasons, arm.choice_other) == (
            "B", ["no_venous_access", "other"], "Infusion centre 2 hours away")


def test_the_reasons_come_back_from_the_draft(qtbot, database, protocol) -> None:
    patient_id, screening_id = screened(database, protocol)
    wizard = make_wizard(qtbot, database, protocol, patient_id, screening_id)
    wizard.draft.choice_reasons = ["ivig_unavailable"]
    fill_details(wizard)
    nxt(wizard).click()
    assert wizard.arm_page.choice.boxes["ivig_unavailable"].isChecked()
    assert not wizard.arm_page.choice.boxes["ivig_intolerance"].isChecked()


def test_the_switch_dialog_records_why_the_new_arm(qtbot, database, protocol) -> None:
    patient_id, screening_id = screened(database, protocol)
    wizard = make_wizard(qtbot, database, protocol, patient_id, screening_id)
    fill_details(wizard)
    nxt(wizard).click()
    wizard.arm_page.choose("A")
    nxt(wizard).click()
    finish(wizard)
    enrollment_id = wizard.enrollment_id
    with database.session() as session:
        version = enrollment_overview(session, enrollment_id).version_id
    dialog = ArmSwitchDialog(database, protocol, enrollment_id, "A", date(2026, 11, 2),
                             "dr.ito", today=TODAY, patient_text="JDM-001",
                             enrollment_version=version)
    qtbot.addWidget(dialog)
    dialog.to_arm.setCurrentIndex(dialog.to_arm.findData("B"))
    dialog.reason.setCurrentIndex(dialog.reason.findData("toxicity"))
    m = dialog.measurements
    m.weight.setText("20")
    m.height.setText("115")
    m.measured_on.set_iso("2026-11-20")
    dialog.switch_date.set_iso("2026-11-20")
    dialog.choice.boxes["other"].setChecked(True)
    save = dialog.buttons.button(QDialogButtonBox.Save)
    assert not save.isEnabled()
    assert "Say what the other reason is" in dialog.choice.message.text()
    dialog.choice.boxes["other"].setChecked(False)
    dialog.choice.boxes["ivig_intolerance"].setChecked(True)
    assert save.isEnabled(), dialog.problems()
    dialog.save()
    with database.session() as session:
        history = enrollment_overview(session, enrollment_id).arm_history
    assert [(p.arm_id, p.stop_reason, p.choice_reasons) for p in history] == [
        ("A", "toxicity", ()), ("B", None, ("ivig_intolerance",))]
