"""A keyboard walk through the visit form (issue 20.7 for the visit form): Alt+D goes to
the visit date, a date typed as 20260504 is kept and Tab leaves the field for the section
list; Up and Down choose a section and Tab enters it; every section's entries are reached
by Tab and Tab leads out again (no trap); Ctrl+S saves. Keys go through Qt as a
keyboard's would, to the window; no widget is clicked or called."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from visit_fixtures import enrolled_patient, open_form

from app.db.visits import load_visit

pytestmark = pytest.mark.usefixtures("system_actor")


def press(window, key, modifier=Qt.NoModifier) -> None:
    QTest.keySequence(window.windowHandle(), QKeySequence(modifier | key))
    QApplication.processEvents()


def type_text(text: str) -> None:
    for character in text:
        QTest.keyClick(QApplication.focusWidget(), character)
    QApplication.processEvents()


def inside(widget, ancestor) -> bool:
    while widget is not None:
        if widget is ancestor:
            return True
        widget = widget.parentWidget()
    return False


@pytest.fixture
def shown_form(qtbot, database):
    _pid, _eid, visits = enrolled_patient(database)
    window = open_form(qtbot, database, visits["baseline"])
    window.show()
    window.activateWindow()
    QTest.qWaitForWindowActive(window.windowHandle(), 2000)
    return window, visits["baseline"]


def test_the_visit_date_by_keyboard_then_save(qtbot, database, shown_form):
    window, visit_id = shown_form
    press(window, Qt.Key_D, Qt.AltModifier)  # "Visit &date"
    assert QApplication.focusWidget() is window.visit_date.edit
    type_text("20260504")
    press(window, Qt.Key_Tab)  # leaves the date (never walks its parts) ...
    assert QApplication.focusWidget() is window.section_list  # ... for the sections
    assert window.visit_date.text() == "2026-05-04"  # shown back in the stored form
    assert window.visit_date.words.text() == "04 May 2026, 10 y 3 m old"
    press(window, Qt.Key_S, Qt.ControlModifier)
    assert window.message.text().startswith("Saved"), window.message.text()
    with database.reading() as s:
        assert load_visit(s, visit_id).header.visit_date == date(2026, 5, 4)


def test_every_section_is_reached_and_left_by_keyboard(qtbot, shown_form):
    window, _visit_id = shown_form
    window.section_list.setFocus(Qt.TabFocusReason)
    press(window, Qt.Key_Home)
    for row, key in enumerate(window.section_keys):
        if row:
            press(window, Qt.Key_Down)
        assert window.section_list.currentRow() == row
        page = window.stack.currentWidget()
        press(window, Qt.Key_Tab)
        assert inside(QApplication.focusWidget(), page), (key, QApplication.focusWidget())
        # Tab goes through the section's entries and out again, to the buttons below.
        for _step in range(400):
            if not inside(QApplication.focusWidget(), page):
                break
            press(window, Qt.Key_Tab)
        else:
            raise AssertionError(f"Tab never left the {key} section")
        assert not inside(QApplication.focusWidget(), page), key
        window.section_list.setFocus(Qt.TabFocusReason)


def test_entries_typed_by_keyboard_in_a_section(qtbot, database, shown_form):
    """MMT8 neck flexors: Down to the section, Tab to its first entry, type the grade."""
    window, _visit_id = shown_form
    window.section_list.setFocus(Qt.TabFocusReason)
    press(window, Qt.Key_Home)
    for _ in range(window.section_keys.index("mmt8")):
        press(window, Qt.Key_Down)
    for _ in range(10):  # past the two variant choices to the first grade
        press(window, Qt.Key_Tab)
        if QApplication.focusWidget() is window.section("mmt8").fields[
                "mmt_neck_flexors"].edit:
            break
    else:
        raise AssertionError(f"focus on {QApplication.focusWidget()!r}")
    type_text("9")
    assert window.section("mmt8").fields["mmt_neck_flexors"].text() == "9"
    assert window.dirty
