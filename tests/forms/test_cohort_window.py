"""Cohort → Outcomes by arm: the tables and plots of one plan, and a double-click on a
number lists the patients behind it and opens the one chosen."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from app.db.demo import fill_demo_database
from app.forms.cohort_window import CohortWindow, PatientsBehind
from app.forms.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("system_actor")
AS_OF = date(2026, 11, 1)


@pytest.fixture
def demo(database):
    fill_demo_database(database, patients=40, seed=5, as_of=AS_OF)
    return database


def _row(table, label):
    return next(r for r in range(table.rowCount()) if table.item(r, 0).text() == label)


def test_window_shows_every_table_and_plot(qtbot, demo):
    opened = []
    window = CohortWindow(demo, on_open_patient=opened.append, background=False)
    qtbot.addWidget(window)
    assert window.plan.currentData() == "persistent-skin-rash"
    counts = window.tables["counts"]
    assert [counts.horizontalHeaderItem(c).text() for c in range(counts.columnCount())] == [
        "", "A\nIVIG", "B\nMycophenolate mofetil", "C\nCyclosporine"]
    enrolled = sum(int(counts.item(_row(counts, "Enrolled"), c).text()) for c in (1, 2, 3))
    assert enrolled == len(window.outcomes.counts["A"].enrolled) + len(
        window.outcomes.counts["B"].enrolled) + len(window.outcomes.counts["C"].enrolled)
    for key in ("baseline", "km", "response", "skin", "steroids", "adverse"):
        assert window.tables[key].rowCount() > 0
    assert window.charts["km_chart"].chart.has_data
    assert window.charts["skin_chart"].chart.has_data
    assert "Computed in" in window.summary.text()


def test_weighted_comparison_tab_says_what_it_rests_on(qtbot, demo):
    window = CohortWindow(demo, background=False)
    qtbot.addWidget(window)
    table = window.tables["propensity"]
    assert [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())] == [
        "", "A vs B", "A vs C", "B vs C"]
    row = _row(table, "Patients with every covariate recorded (of those enrolled)")
    comparison = window.outcomes.propensity[("A", "B")]
    assert window.patients_at("propensity", row, 1) == comparison.complete
    shown = table.item(_row(table, "Weighted comparison"), 1).text()
    assert shown == (comparison.not_shown or "shown (exploratory)")
    caveats = window.weighted_caveats.text()
    assert "observational" in caveats and "complete cases" in caveats
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert "Weighted comparison (exploratory)" in titles


def test_double_click_lists_the_patients_then_opens_one(qtbot, demo, monkeypatch):
    opened = []
    window = CohortWindow(demo, on_open_patient=opened.append, background=False)
    qtbot.addWidget(window)
    counts = window.tables["counts"]
    row = _row(counts, "Enrolled")
    behind = window.patients_at("counts", row, 1)
    assert len(behind) == int(counts.item(row, 1).text()) > 0
    dialog = window.patients_dialog("counts", row, 1)
    qtbot.addWidget(dialog)
    assert isinstance(dialog, PatientsBehind)
    assert [dialog.list.item(i).text() for i in range(dialog.list.count())] == list(behind)
    assert dialog.windowTitle() == "Enrolled — A: IVIG"
    dialog.show()
    qtbot.waitExposed(dialog)
    item = dialog.list.item(1)
    rect = dialog.list.visualItemRect(item)
    # (a real double-click: a press, then the double-click event)
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [behind[1]]
    # a label, or a figure with nobody behind it, opens nothing
    assert window.patients_dialog("counts", row, 0) is None


def test_main_window_menu_opens_the_patient_behind_a_number(qtbot, demo, monkeypatch):
    main = MainWindow(demo, user="coordinator", today=AS_OF)
    qtbot.addWidget(main)
    assert main.cohort_action.isEnabled()
    pages = []
    monkeypatch.setattr(main, "make_patient_page",
                        lambda patient_id: pages.append(patient_id) or _Closed())
    window = main.make_cohort_window()
    qtbot.addWidget(window)
    window.job.wait_in_event_loop()  # computed off the interface thread
    study_id = window.outcomes.counts["B"].enrolled[0]
    main.open_patient_by_study_id(study_id)
    from app.db.patients import patient_id_of
    with demo.reading() as s:
        assert pages == [patient_id_of(s, study_id)]


class _Closed:
    def exec(self) -> int:
        return 0

    def deleteLater(self) -> None:  # noqa: N802 - Qt's name
        pass


def test_window_refused_without_the_permission_to_view_data(qtbot, demo):
    from app.domain.permissions import AUTOMATIC_BACKUP_TASK

    demo.actor = AUTOMATIC_BACKUP_TASK  # may back up, may not view patient data
    window = CohortWindow(demo, background=False)
    qtbot.addWidget(window)
    assert "may not view patient data" in window.summary.text()
    assert not window.refresh_button.isEnabled() and window.outcomes is None
    assert window.tables["counts"].rowCount() == 0


def test_window_keeps_what_it_scored_so_its_next_opening_is_lean(qtbot, demo):
    """The window keeps the cohort's values of the visits it scored (no export stored
    them yet): the next opening finds them and shows the same figures."""
    from sqlalchemy import func, select

    from app.db.models import VisitScore

    window = CohortWindow(demo, background=False)
    qtbot.addWidget(window)
    first = window.outcomes
    with demo.reading() as session:
        assert session.scalar(select(func.count()).select_from(VisitScore)) > 50
    window.refresh()
    assert window.outcomes == first and window.outcomes is not first
