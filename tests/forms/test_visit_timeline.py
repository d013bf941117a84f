"""The visit timeline, the due/overdue list, and adding an unscheduled visit."""

from __future__ import annotations

from datetime import date

import pytest
from visit_fixtures import enrolled_patient

from app.forms.due_visits import DueVisitsDialog
from app.forms.visit_timeline import VisitTableModel, VisitTimelineWidget

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")

TODAY = date(2026, 11, 21)


def test_timeline_shows_schedule_and_highlights_overdue(qtbot, database):
    pid, _eid, visits = enrolled_patient(database, enrolled=date(2026, 5, 4))
    widget = VisitTimelineWidget(database, pid, user="nurse", today=date(2026, 6, 15))
    qtbot.addWidget(widget)
    model = widget.model
    labels = [model.index(r, VisitTableModel.VISIT).data() for r in range(model.rowCount())]
    assert labels == ["Baseline", "Month 1", "Month 2", "Month 6", "Month 12", "Month 18"]
    status = [model.index(r, VisitTableModel.STATUS).data() for r in range(model.rowCount())]
    assert status[0] == "Not started — OVERDUE" and status[1] == "Not started — OVERDUE"
    assert status[2] == "Not started"
    assert model.index(1, VisitTableModel.TARGET).data() == "04 Jun 2026"
    assert model.index(1, VisitTableModel.WINDOW).data() == "28 May – 11 Jun 2026"
    assert model.index(0, 0).data(0x0008) is not None  # background brush on overdue
    assert "2 overdue" in widget.summary.text()
    opened = []
    widget.open_visit.connect(opened.append)
    new_id = widget.add_unscheduled(date(2026, 6, 20))
    assert model.rowCount() == 7
    assert "Unscheduled 1" in [model.index(r, 0).data() for r in range(7)]
    # sorted by date: the unscheduled visit (20 Jun) sits between month 1 and month 2
    assert model.index(2, 0).data() == "Unscheduled 1"
    widget.view.selectRow(3)
    widget._open_selected()
    assert opened == [visits["month_2"]] and new_id


def test_due_visits_dialog_lists_overdue_first(qtbot, database):
    enrolled_patient(database, study_id="JDM-A", enrolled=date(2026, 5, 4))
    enrolled_patient(database, study_id="JDM-B", enrolled=date(2026, 5, 20))
    dialog = DueVisitsDialog(database, today=date(2026, 6, 15))
    qtbot.addWidget(dialog)
    rows = dialog.model.rows
    assert [(r.study_id, r.visit_code, r.overdue) for r in rows] == [
        ("JDM-A", "baseline", True),  # window closed 18 May
        ("JDM-B", "baseline", True),  # window closed 3 Jun
        ("JDM-A", "month_1", True),  # window closed 11 Jun
        ("JDM-B", "month_1", False),
    ]  # target 20 Jun, within the week
    assert "3 overdue, 1 due" in dialog.summary.text()
