"""Keyboard paths that trapped users (issue 20.7)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWizard
from workstation_windows import TODAY, clinic

from app.forms.due_visits import DueVisitsDialog
from app.forms.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("system_actor")


def alt(window, key) -> None:
    """Alt+key as the keyboard sends it: to the window, which routes mnemonics and
    shortcuts, then the focused widget (a key sent to a widget skips mnemonics). A button's
    mnemonic clicks it after a short animation: callers wait for the effect."""
    QTest.keySequence(window.windowHandle(), QKeySequence(Qt.AltModifier | key))
    QApplication.processEvents()


def main_window(qtbot, database):
    ids = clinic(database)
    window = MainWindow(database, user="nurse", today=TODAY)
    qtbot.addWidget(window)
    window.show()
    return window, ids


def test_enter_on_a_visits_row_opens_that_visit_not_prior_therapies(qtbot, database,
                                                                     monkeypatch):
    window, ids = main_window(qtbot, database)
    opened: list[int] = []
    page = window.make_patient_page(ids["enrolled"])
    qtbot.addWidget(page)
    page.timeline.open_visit.disconnect()
    page.timeline.open_visit.connect(opened.append)
    prior: list[bool] = []
    monkeypatch.setattr(page, "edit_prior_therapies", lambda: prior.append(True))
    page.show()
    page.activateWindow()
    qtbot.waitActive(page)
    page.tabs.setCurrentWidget(page.timeline)
    view = page.timeline.view
    view.setFocus()
    view.selectRow(1)
    qtbot.keyClick(view, Qt.Key_Return)
    assert opened == [page.timeline.model.rows[1].visit_id]
    assert prior == []
    qtbot.keyClick(view, Qt.Key_Enter)  # the keypad's Enter too
    assert opened[-1] == page.timeline.model.rows[1].visit_id


def test_open_visit_button_has_a_mnemonic_and_is_on_screen(qtbot, database):
    window, ids = main_window(qtbot, database)
    page = window.make_patient_page(ids["enrolled"])
    qtbot.addWidget(page)
    opened: list[int] = []
    page.timeline.open_visit.disconnect()
    page.timeline.open_visit.connect(opened.append)
    page.show()
    page.activateWindow()
    qtbot.waitActive(page)
    page.tabs.setCurrentWidget(page.timeline)
    page.timeline.view.setFocus()
    page.timeline.view.selectRow(0)
    qtbot.waitUntil(page.timeline.view.hasFocus)
    alt(page, Qt.Key_I)  # "Open v&isit"
    qtbot.waitUntil(lambda: opened == [page.timeline.model.rows[0].visit_id])


def test_enter_on_the_due_list_opens_the_visit(qtbot, database):
    window, _ids = main_window(qtbot, database)
    dialog = DueVisitsDialog(database, today=TODAY, parent=window)
    qtbot.addWidget(dialog)
    opened: list[int] = []
    dialog.open_visit.connect(opened.append)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    assert dialog.model.rowCount() >= 1
    dialog.view.setFocus()
    dialog.view.selectRow(0)
    qtbot.waitUntil(dialog.view.hasFocus)
    qtbot.keyClick(dialog.view, Qt.Key_Return)
    assert opened == [dialog.model.rows[0].visit_id]
    assert dialog.isVisible()  # Enter opened the visit; it did not close the list
    alt(dialog, Qt.Key_O)  # "&Open visit"
    qtbot.waitUntil(lambda: opened == [dialog.model.rows[0].visit_id] * 2)


def test_alt_n_on_a_disabled_next_does_not_type_n(qtbot, database):
    window, ids = main_window(qtbot, database)
    window.table.selectRow(1)
    wizard = window.make_enrollment_wizard(ids["screened"], "JDM-002")
    wizard.ask = lambda *_args: "Discard"
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    weight = wizard.details_page.measurements.weight
    weight.setFocus()
    qtbot.keyClicks(weight, "2")
    assert not wizard.button(QWizard.NextButton).isEnabled()  # no height/date yet
    wizard.activateWindow()
    qtbot.waitActive(wizard)
    qtbot.waitUntil(weight.hasFocus)
    alt(wizard, Qt.Key_N)
    assert weight.text() == "2"  # was "2n"
    assert wizard.currentPage() is wizard.details_page
    qtbot.keyClicks(weight, "0")  # ordinary typing still works
    assert weight.text() == "20"
