"""The patient page's study records: disease dates, background and disease duration in
the identity line, why each arm was chosen and stopped in the arm history, and the dialog
of infusions given against the schedule and of stopping the treatment."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from test_patient_page import enrolled_on_a, make_window

from app.db.models import ArmAssignment, Infusion
from app.db.patients import get_patient_input, get_patient_version, update_patient

pytestmark = pytest.mark.usefixtures("system_actor")


def _page(qtbot, database):
    window = make_window(qtbot, database)
    page = window.make_patient_page(window.selected_patient_id())
    qtbot.addWidget(page)
    return page


def test_the_identity_line_shows_the_history_and_the_duration(qtbot, database) -> None:
    patient_id = enrolled_on_a(database)  # enrolled 2026-11-02
    with database.session() as session:
        opened = get_patient_input(session, patient_id)
        version = get_patient_version(session, patient_id)
    changed = opened  # the same record, edited
    changed.onset_date, changed.diagnosis_date = date(2026, 5, 5), date(2026, 6, 20)
    changed.race, changed.ethnicity = "black_african_american", "unknown"
    with database.session() as session:
        update_patient(session, patient_id, changed, user="nurse", expected_version=version)
    page = _page(qtbot, database)
    text = " ".join(label.text() for label in page.body.findChildren(type(page.arm_banner)))
    assert "disease onset 05 May 2026, diagnosed 20 Jun 2026" in text
    # 2026-05-05 -> 2026-11-02 = 181 days; 181 / 30.4375 = 5.946 -> 5.9 months
    assert "disease duration at enrollment 5.9 months" in text
    assert "self-reported Black or African American, Unknown" in text


def test_infusions_are_recorded_beside_the_schedule_and_the_treatment_stopped(
        qtbot, database) -> None:
    enrolled_on_a(database)  # IVIG 40 g every 2 weeks × 3 from 2026-11-02, then monthly
    page = _page(qtbot, database)
    assert page.course_button.isEnabled()
    dialog = page.make_treatment_course_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.drug.currentData()[0] == "ivig"
    assert dialog.dose.text() == "40"  # the prescribed dose offered
    table = dialog.due_table
    # Due 02 Nov (19 days before today 21 Nov, window 6 days): missed; 16 Nov: 5 days
    # ago, still within its window: due.
    assert [table.item(r, 5).text() for r in range(2)] == ["MISSED", "due"]

    dialog.given_on.set_iso("2026-11-22")  # tomorrow: refused, nothing lost
    dialog.record()
    assert dialog.dose.text() == "40"
    dialog.given_on.set_iso("2026-11-03")
    dialog.record()
    table = dialog.due_table
    assert [table.item(0, c).text() for c in (2, 3, 4, 5)] == [
        "02 Nov 2026", "03 Nov 2026", "40 g", "given, 1 day late"]
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Infusion)) == 1

    dialog.stop_date.set_iso("2026-11-18")
    dialog.stop_reason.setCurrentIndex(dialog.stop_reason.findData("other"))
    dialog.stop()  # "other" without text: refused at the group
    assert "Say what the other reason is" in dialog.stop_message.text()
    dialog.stop_other.setText("moved abroad")
    dialog.stop()
    assert not dialog.stop_message.isVisible()
    assert not dialog.stop_box.isEnabled()  # nothing running any more
    with database.session() as session:
        arm = session.scalar(select(ArmAssignment))
        assert (arm.end_date, arm.stop_reason, arm.stop_other) == (
            date(2026, 11, 18), "other", "moved abroad")
    page.reload()
    assert page.arm_banner.text() == "no current arm"
    assert page.arm_table.item(0, 5).text() == "other: moved abroad"
