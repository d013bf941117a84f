"""The patient list in French (issue 21): a child whose enrollment ended shows the plan
and the last arm with how it ended (was "—" in both columns), and the arm column is wide
enough for the French arm names at 1366×768."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from test_french import TODAY, assert_french, shoot

from app.db.models import ArmAssignment, Enrollment
from app.forms.main_window import MainWindow
from app.forms.patient_table_model import PatientTableModel

pytestmark = pytest.mark.usefixtures("system_actor")


@pytest.mark.parametrize(("status", "words"), [("completed", "persistent-skin-rash (terminé)"),
                                               ("withdrawn",
                                                "persistent-skin-rash (sorti de l'étude)")])
def test_an_ended_enrollment_on_the_list_in_french(qtbot, database, french, status, words):
    from workstation_windows import clinic

    ids = clinic(database)  # JDM-001 enrolled on arm A (IVIG) on 2026-11-02
    with database.session() as session:
        enrollment = session.scalars(select(Enrollment).where(
            Enrollment.patient_id == ids["enrolled"])).one()
        enrollment.status = status
        for arm in session.scalars(select(ArmAssignment).where(
                ArmAssignment.enrollment_id == enrollment.id)):
            arm.end_date = date(2026, 11, 20)
    window = MainWindow(database, user="dr.ito", today=TODAY)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    table = window.table
    model = table.model()
    row = next(r for r in range(model.rowCount())
               if model.index(r, PatientTableModel.STUDY_ID).data() == "JDM-001")
    assert model.index(row, PatientTableModel.PROTOCOL).data() == words
    assert model.index(row, PatientTableModel.ARM).data() == "Bras A — IgIV"
    assert model.index(row, PatientTableModel.NEXT_VISIT_DUE).data() == "—"  # nothing due
    assert_french(window, data=(database.display_name, "JDM-001", "JDM-002", "Nguyễn", "Zoé",
                                "dr.ito"))
    shoot(window, f"patient-list-{status}")


def test_the_arm_column_fits_french_arm_names_at_1366(qtbot, database, french):
    from workstation_windows import clinic

    clinic(database)
    window = MainWindow(database, user="dr.ito", today=TODAY)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    table = window.table
    widest = table.fontMetrics().horizontalAdvance("Bras B — Mycophénolate mofétil")
    assert table.columnWidth(PatientTableModel.ARM) > widest
    assert table.columnWidth(PatientTableModel.PROTOCOL) > table.fontMetrics().horizontalAdvance(
        "persistent-skin-rash (sorti de l'étude)")
    right = sum(table.columnWidth(c) for c in range(PatientTableModel.NEXT_VISIT_DUE))
    assert right < table.viewport().width()  # the next-visit column is still on screen


def test_every_heading_of_the_lists_is_whole_in_french(qtbot, database, french):
    """« Identifiant d'étude », in bold with the sort arrow, was cut at 140 px."""
    from workstation_windows import clinic

    from app.forms.due_visits import DueVisitsDialog

    clinic(database)
    window = MainWindow(database, user="dr.ito", today=TODAY)
    qtbot.addWidget(window)
    due = DueVisitsDialog(database, today=TODAY, parent=window)
    qtbot.addWidget(due)
    for view in (window.table, due.view):
        header = view.horizontalHeader()
        for column in range(header.count() - 1):  # the last one stretches
            assert header.sectionSize(column) >= header.sectionSizeHint(column), (
                view.model().headerData(column, header.orientation()))
