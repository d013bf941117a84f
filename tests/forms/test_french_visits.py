"""The visit timeline, its unscheduled-visit dialog, the due list and the treatment-course
dialog's stop date in French (issue 21): the words around the dates, and the names of the
limits a date field refuses a date by ("today", "the start of the arm"), which were
English in the French interface.

The case: Zoé (JDM-001), enrolled on arm A on 2026-11-02, today 2026-11-21.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from test_french import TODAY, assert_french, shoot

from app.forms.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("system_actor")


def patient_page(qtbot, database):
    """The enrolled patient's page of workstation_windows.clinic at 1366×728, shown (its
    main window too): (main window, page)."""
    from workstation_windows import clinic

    ids = clinic(database)
    window = MainWindow(database, user="dr.ito", today=TODAY)
    qtbot.addWidget(window)
    page = window.make_patient_page(ids["enrolled"])
    qtbot.addWidget(page)
    page.resize(1366, 728)
    page.show()
    return window, page


def test_treatment_course_stop_date_names_its_limits_in_french(qtbot, database, french):
    from test_patient_page import enrolled_on_a, make_window

    enrolled_on_a(database)  # arm A from 2026-11-02
    window = make_window(qtbot, database)
    page = window.make_patient_page(window.selected_patient_id())
    qtbot.addWidget(page)
    dialog = page.make_treatment_course_dialog()
    qtbot.addWidget(dialog)
    dialog.resize(1000, 768)
    dialog.show()
    dialog.stop_date.set_iso("2026-10-30")  # before the arm began on 02 Nov
    assert dialog.stop_date.problem() == (
        "30 oct. 2026 est avant la date la plus ancienne permise ici, 02 nov. 2026 "
        "(le début du bras).")
    assert_french(dialog, "(le début du bras)", data=("JDM-001",))
    dialog.stop_date.set_iso("2026-11-25")  # after today, 21 Nov
    assert dialog.stop_date.problem() == (
        "25 nov. 2026 est après la date la plus récente permise ici, 21 nov. 2026 "
        "(aujourd'hui).")
    assert_french(dialog, "(aujourd'hui)", data=("JDM-001",))


def test_visit_timeline_in_french(qtbot, database, french):
    _window, page = patient_page(qtbot, database)
    page.tabs.setCurrentWidget(page.timeline)
    timeline = page.timeline
    model = timeline.model
    headers = [model.headerData(c, Qt.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Visite", "Identifiant d'étude", "Date cible", "Fenêtre",
                       "Date de la visite", "Statut", "Patient"]
    # Baseline due 02 Nov, its window closed before 21 Nov: overdue; month 1 due 02 Dec ± 7 days
    assert model.index(0, model.TARGET).data() == "02 nov. 2026"
    assert model.index(0, model.STATUS).data() == "Non commencée — EN RETARD"
    assert model.index(1, model.WINDOW).data() == "25 nov. – 09 déc. 2026"
    assert timeline.summary.text().startswith("Visites terminées : 0 sur 6\u202f; ")
    # the visit names from the plan-text catalogue
    visits = [model.index(r, model.VISIT).data() for r in range(model.rowCount())]
    assert visits == ["Visite initiale", "Mois 1", "Mois 2", "Mois 6", "Mois 12", "Mois 18"]
    assert_french(page, "Ouvrir la v", "Ajouter une visite non planifiée…",
                  data=("JDM-001", "Nguyễn", "Zoé"))
    assert [page.visits_table.item(r, 0).text() for r in range(2)] == ["Visite initiale",
                                                                       "Mois 1"]
    timeline.add_unscheduled(date(2026, 11, 20))
    assert model.index(1, model.VISIT).data() == "Visite non planifiée 1"
    shoot(page, "visit-timeline")


def test_unscheduled_visit_dialog_in_french(qtbot, database, french):
    from app.forms.visit_timeline import UnscheduledVisitDialog

    dialog = UnscheduledVisitDialog(TODAY, earliest=date(2026, 11, 2))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Ajouter une visite non planifiée"
    dialog.date.set_iso("2026-11-01")
    assert dialog.date.problem() == (
        "01 nov. 2026 est avant la date la plus ancienne permise ici, 02 nov. 2026 "
        "(la date d'inscription).")
    assert_french(dialog, "Date de la visite :", "(la date d'inscription)")
    dialog.date.set_iso("2026-11-22")
    assert dialog.date.problem().endswith("21 nov. 2026 (aujourd'hui).")
    dialog.date.set_iso("")
    dialog._ok()
    assert_french(dialog, "Entrez la date de la visite.")


def test_due_list_in_french(qtbot, database, french):
    from workstation_windows import clinic

    from app.forms.due_visits import DueVisitsDialog

    clinic(database)
    dialog = DueVisitsDialog(database, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 728)
    dialog.show()
    model = dialog.model
    # the baseline visit, overdue since 16 Nov; month 1 (due 02 Dec), its window open
    assert model.rowCount() == 2
    assert model.index(0, model.STATUS).data() == "Non commencée — EN RETARD"
    assert model.index(1, model.STATUS).data() == "Non commencée"
    assert dialog.summary.text() == "1 en retard, 1 à faire d'ici le 28 nov. 2026."
    assert [model.index(r, model.VISIT).data() for r in range(2)] == ["Visite initiale",
                                                                      "Mois 1"]
    assert_french(dialog, "Visites à faire cette semaine et en retard", "Ouvrir la visite",
                  "Fermer", data=("JDM-001", "Nguyễn", "Zoé"))


def test_visit_form_date_names_its_limits_in_french(qtbot, database, french):
    from visit_fixtures import enrolled_patient, open_form

    _pid, _eid, visits = enrolled_patient(database, enrolled=date(2026, 5, 4))
    form = open_form(qtbot, database, visits["baseline"])
    assert form.windowTitle().startswith("JDM-V01 — ")
    assert "Visite initiale" in form.windowTitle() and "Baseline" not in form.windowTitle()
    assert "cible 04 mai 2026" in form.title.text()  # was "04 May 2026"
    form.visit_date.set_iso("2026-05-01")
    assert form.visit_date.problem() == (
        "01 mai 2026 est avant la date la plus ancienne permise ici, 04 mai 2026 "
        "(la date d'inscription).")
    form.visit_date.set_iso("2026-11-22")
    assert form.visit_date.problem().endswith("21 nov. 2026 (aujourd'hui).")
