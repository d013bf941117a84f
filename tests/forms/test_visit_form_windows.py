"""The visit form leaves no window behind (issue 20.2): opening the MMT8 section made 14
empty top-level combo boxes (the bilateral grades' reason boxes, never placed) that
outlived the visit, kept the application running after Ctrl+Q and crashed it when closed.

Every section and every dialog of the form is opened and closed, and the top-level
windows are counted before and after; a child process opens and closes a visit form the
way the main window does and must quit by itself, with exit code 0."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from visit_fixtures import TODAY, enrolled_patient

from app.forms.visit_form import MissingReasonsDialog, VisitFormWindow

pytestmark = pytest.mark.usefixtures("system_actor")

TESTS = Path(__file__).resolve().parents[1]


def top_levels() -> tuple[set[int], set[int]]:
    """Which top-level widgets exist (their Qt objects' addresses) and which are shown.

    Compared as sets, not counts: windows an earlier test left to the garbage collector
    may be deleted while this test runs, which must not hide a window this one left."""
    widgets = QApplication.topLevelWidgets()
    return ({shiboken6.getCppPointer(w)[0] for w in widgets},
            {id(w) for w in widgets if w.isVisible()})


def settle(qtbot) -> None:
    """Let Qt delete what was closed with WA_DeleteOnClose (deleteLater)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
        qtbot.wait(10)


def walk_every_section_and_dialog(qtbot, window) -> None:
    window.show()
    qtbot.waitExposed(window)
    for key in window.section_keys:
        window.show_section(key)
        if key == "mmt8":  # both variants: the bilateral grades were the strays
            section = window.section("mmt8")
            section.bilateral.setChecked(True)
            section.unilateral.setChecked(True)
    missing = MissingReasonsDialog(list(window.requirements()), window)
    missing.show()
    missing.close()
    for make in (window.make_sign_dialog, window.make_unlock_dialog):
        dialog = make()
        dialog.show()
        dialog.close()
    window.visit_date.open_calendar()
    qtbot.keyClick(window.visit_date._popup, Qt.Key_Escape)


@pytest.mark.parametrize("visit", ["baseline", "month_6"])
def test_no_window_outlives_the_visit_form(qtbot, database, visit):
    _pid, _eid, visits = enrolled_patient(database)
    settle(qtbot)
    existing_before, shown_before = top_levels()
    # Deleted when closed, as the main window opens it (so not handed to qtbot to close).
    window = VisitFormWindow(database, visits[visit], "nurse", today=TODAY)
    window.setAttribute(Qt.WA_DeleteOnClose)
    walk_every_section_and_dialog(qtbot, window)
    # While open, the form is the only window shown besides what was there before.
    _existing, shown = top_levels()
    assert shown - shown_before == {id(window)}
    window.close()
    settle(qtbot)
    existing_after, shown_after = top_levels()
    assert shown_after <= shown_before
    assert existing_after <= existing_before, "a window outlived the visit form"


QUIT_SCRIPT = textwrap.dedent("""
    import sys
    sys.path.insert(0, {tests!r})
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication
    from database_fixtures import TEST_FIXTURE_TASK
    from app.db.opening import open_database
    from app.forms.visit_form import VisitFormWindow

    app = QApplication([])
    database = open_database({path!r})
    database.actor = TEST_FIXTURE_TASK
    # (Choosing the bilateral variant is a change: closing keeps it as a draft.)
    window = VisitFormWindow(database, {visit_id}, "nurse",
                             ask_close=lambda *_question: "Keep as draft")
    window.setAttribute(Qt.WA_DeleteOnClose)
    window.show()
    for key in window.section_keys:
        window.show_section(key)
    window.section("mmt8").bilateral.setChecked(True)
    window.section("mmt8").unilateral.setChecked(True)
    # Closing the last window quits the application, as Ctrl+Q on the main window does;
    # a stray window still shown would keep it running.
    QTimer.singleShot(0, window.close)
    sys.exit(app.exec())
""")


def test_the_application_quits_when_the_visit_form_closes(database, tmp_path):
    _pid, _eid, visits = enrolled_patient(database)
    script = tmp_path / "quit.py"
    script.write_text(QUIT_SCRIPT.format(tests=str(TESTS), path=database.url,
                                         visit_id=visits["baseline"]))
    # The timeout only stops a process that never quits (it hung before the fix).
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          timeout=300, env={**__import__("os").environ,
                                            "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr[-2000:]
