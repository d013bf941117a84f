"""Lists refresh from a change signal (issue 20.8): after a visit is completed the
Visits tab and the due list no longer say "Not started — due" until reopened."""

from __future__ import annotations

import pytest
from workstation_windows import TODAY, clinic

from app.db.visit_timeline import add_unscheduled_visit, patient_timeline
from app.forms.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("system_actor")


def test_completing_a_visit_refreshes_the_open_visits_tab_and_due_list(qtbot, database):
    ids = clinic(database)
    with database.session() as session:
        enrollment_id = patient_timeline(session, ids["enrolled"], TODAY)[0].enrollment_id
        visit_id = add_unscheduled_visit(session, enrollment_id, TODAY, user="nurse")
    window = MainWindow(database, user="nurse", today=TODAY)
    qtbot.addWidget(window)
    page = window.make_patient_page(ids["enrolled"])
    qtbot.addWidget(page)
    due = window.make_due_visits_dialog()
    qtbot.addWidget(due)
    due.wait_until_loaded()

    def status_in(model) -> str:
        row = next(r for r in model.rows if r.visit_id == visit_id)
        return row.status

    assert status_in(page.timeline.model) == "not_started"
    assert any(r.visit_id == visit_id for r in due.model.rows)  # due today

    form = window.open_visit_form(visit_id)
    form.ask_missing = lambda _missing: None
    assert form.mark_complete()  # nothing is required at an unscheduled visit

    # Both lists, open all along beneath the form, now show the visit as done.
    due.wait_until_loaded()
    assert status_in(page.timeline.model) == "complete"
    assert all(r.visit_id != visit_id for r in due.model.rows)
    assert "1 of 7 visits complete" in page.timeline.summary.text()
    form.close()
