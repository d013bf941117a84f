"""From the main window to a visit form: patient page tabs and the due-visits list."""

from datetime import date

import pytest
from sqlalchemy import select

from app.db.demo import fill_demo_database
from app.db.models import Enrollment, Patient, Visit
from app.forms.main_window import MainWindow

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")

AS_OF = date(2026, 11, 1)


def _window(qtbot, database):
    fill_demo_database(database, patients=12, seed=5, as_of=AS_OF)
    window = MainWindow(database, user="nurse", today=AS_OF)
    qtbot.addWidget(window)
    return window


def _enrolled_patient(database):
    with database.session() as s:
        patient_id, study_id = s.execute(
            select(Patient.id, Patient.study_id).join(Enrollment).order_by(Patient.id)).first()
        first_visit = s.scalar(select(Visit.id).join(Enrollment)
                               .where(Enrollment.patient_id == patient_id)
                               .order_by(Visit.target_date))
    return patient_id, study_id, first_visit


def test_patient_page_has_visit_timeline_and_trends(qtbot, database):
    window = _window(qtbot, database)
    patient_id, _, first_visit = _enrolled_patient(database)
    page = window.make_patient_page(patient_id)
    qtbot.addWidget(page)
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert titles == ["&Overview", "&Visits", "&Trends"]
    assert page.timeline.model.rowCount() == 6  # baseline, 1, 2, 6, 12, 18 months

    page.timeline.open_visit.emit(first_visit)
    form = window.visit_windows[first_visit]
    assert form.isVisible()
    # A second request for the same visit (double click) raises the same window.
    assert window.open_visit_form(first_visit) is form
    assert len(window.visit_windows) == 1
    form.close()
    qtbot.waitUntil(lambda: first_visit not in window.visit_windows)


def test_due_visits_dialog_opens_a_visit_form(qtbot, database):
    window = _window(qtbot, database)
    dialog = window.make_due_visits_dialog()
    qtbot.addWidget(dialog)
    dialog.wait_until_loaded()  # filled on a worker thread (issue 20: never a frozen window)
    rows = dialog.model.rows
    assert rows, "demo data has visits due or overdue on the as-of date"
    assert all(r.target_date <= date(2026, 11, 8) for r in rows if r.target_date)
    dialog.open_visit.emit(rows[0].visit_id)
    form = window.visit_windows[rows[0].visit_id]
    assert form.isVisible()
    form.close()


def test_visits_menu_action_is_enabled(qtbot, database):
    window = _window(qtbot, database)
    assert window.due_visits_action.isEnabled()
