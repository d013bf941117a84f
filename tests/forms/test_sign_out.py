"""Sign out / switch user (issue 20.11): visit forms close with their drafts, the window
hands the workstation back to the sign-in; "New patient" lives under Patient."""

from __future__ import annotations

import pytest
from workstation_windows import TODAY, clinic

from app.db.visit_timeline import patient_timeline
from app.forms.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("system_actor")


def test_sign_out_closes_visit_forms_then_hands_back(qtbot, database):
    ids = clinic(database)
    window = MainWindow(database, user="nurse", today=TODAY)
    qtbot.addWidget(window)
    handed_back: list[bool] = []
    window.on_sign_out = lambda: handed_back.append(True)
    with database.reading() as session:
        visit_id = patient_timeline(session, ids["enrolled"], TODAY)[1].visit_id
    form = window.open_visit_form(visit_id)
    assert form.isVisible()
    window.sign_out_action.trigger()
    assert handed_back == [True] and window.signed_out
    assert not form.isVisible()


def test_sign_out_is_in_the_file_menu_and_new_patient_in_patient(qtbot, database):
    window = MainWindow(database, user="nurse", today=TODAY)
    qtbot.addWidget(window)
    menus = {a.text(): [x.text() for x in a.menu().actions() if x.text()]
             for a in window.menuBar().actions()}
    assert "&Sign out / switch user…" in menus["&File"]
    assert "&New patient…" in menus["&Patient"]
    assert "&New patient…" not in menus["&File"]
