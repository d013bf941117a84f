"""A keyboard-only walk through the clinic's work (issue 20.7): add a patient, screen,
enroll, open the patient, add and complete a visit, sign it, print, export — every step
by keys sent to the window (shortcuts, mnemonics, Tab, arrows, Space, typing, Enter,
Escape), never a click or a call on a widget.

The test decides what to type; the keys go through Qt as a keyboard's would. A modal
dialog runs its own event loop, so the keys for it are scheduled before the key that
opens it (``then``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QRadioButton,
    QWidget,
)
from screening_answers import eligible_answers
from shiboken6 import isValid

from app.db import users
from app.db.visit_timeline import patient_timeline
from app.domain.permissions import Role
from app.forms.enrollment.wizard import EnrollmentWizard
from app.forms.export_dialog import ExportDialog
from app.forms.main_window import MainWindow
from app.forms.patient_dialog import PatientDialog
from app.forms.patient_page import PatientPage
from app.forms.pdf_preview import PdfPreviewDialog
from app.forms.print_dialog import PrintChoiceDialog
from app.forms.screening_criteria import CriterionBox, DetailInput
from app.forms.screening_wizard import ScreeningWizard
from app.forms.sign_dialog import SignVisitDialog
from app.forms.visit_form import VisitFormWindow
from app.forms.visit_timeline import UnscheduledVisitDialog
from app.forms.widgets.date_field import DateField

pytestmark = pytest.mark.usefixtures("system_actor")

TODAY = date(2026, 11, 21)
PASSWORD = "long enough secret"


# ----------------------------------------------------------------------------- keys
# The window the keyboard is in: the main window, or the dialog opened above it (the test
# platform has no window manager to say which window is active).
_windows: list[QWidget] = []


def focus() -> QWidget | None:
    """The widget keys go to: the application's focus, or the focus inside the window the
    keyboard is in (the test platform does not always activate a new window)."""
    widget = QApplication.focusWidget()
    if _windows and (widget is None or widget.window() is not _windows[-1]):
        widget = _windows[-1].focusWidget()
    return widget


def press(key, modifier=Qt.NoModifier) -> None:
    """One key, as the keyboard sends it: to the window, which routes shortcuts,
    mnemonics and the focused widget."""
    window = _windows[-1]
    if QApplication.activeWindow() is not window:  # back from a closed dialog
        window.activateWindow()
        QTest.qWaitForWindowActive(window.windowHandle(), 1000)
    QTest.keySequence(window.windowHandle(), QKeySequence(modifier | key))
    QApplication.processEvents()


def type_text(text: str) -> None:
    """Typed into the focused field. Letters outside ASCII (ễ, é) arrive as a keyboard
    layout sends them: a key event carrying the character."""
    widget = focus()
    assert widget is not None, "no field has the focus"
    for character in text:
        if character.isascii():
            QTest.keyClick(widget, character)
        else:
            for kind in (QEvent.KeyPress, QEvent.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.NoModifier, character))
    QApplication.processEvents()


def tab_to(predicate: Callable[[QWidget], bool], limit: int = 400) -> QWidget:
    for _ in range(limit):
        widget = focus()
        if widget is not None and predicate(widget):
            return widget
        press(Qt.Key_Tab)
    raise AssertionError(f"Tab never reached the widget wanted; focus on {focus()!r}")


_pending: list[QTimer] = []


def _first_focus(window: QWidget) -> None:
    """What a desktop does when a window opens: the focus goes to its first field (or
    stays where the window put it)."""
    QApplication.processEvents()
    if window.focusWidget() is not None:
        return
    widget = window.nextInFocusChain()
    while widget is not window:
        if widget.isVisibleTo(window) and widget.isEnabled() and \
                widget.focusPolicy() & Qt.TabFocus:
            widget.setFocus(Qt.ActiveWindowFocusReason)
            return
        widget = widget.nextInFocusChain()


def then(kind: type, action: Callable[[QWidget], None]) -> None:
    """Run ``action(window)`` once a window of ``kind`` has opened and runs its own event
    loop (a modal dialog): keys for it are sent from inside that loop."""
    timer = QTimer()
    timer.setInterval(20)

    def check() -> None:
        window = QApplication.activeModalWidget()
        if not isinstance(window, kind) or not window.isVisible():
            window = next((w for w in QApplication.topLevelWidgets()
                           if isinstance(w, kind) and w.isVisible()), None)
        if window is None:
            return
        timer.stop()
        _pending.remove(timer)
        window.activateWindow()
        _first_focus(window)
        _windows.append(window)
        try:
            action(window)
        finally:
            _windows.remove(window)

    timer.timeout.connect(check)
    _pending.append(timer)
    timer.start()


# ----------------------------------------------------------------------------- forms
def choose_in_combo(combo: QComboBox, wanted: Callable[[int], bool]) -> None:
    """Home, then Down until the wanted item is current (keys on the focused combo)."""
    press(Qt.Key_Home)
    for _ in range(combo.count()):
        if wanted(combo.currentIndex()):
            return
        press(Qt.Key_Down)
    assert wanted(combo.currentIndex()), "the combo has no such item"


def fill_criteria_page(wizard: ScreeningWizard, answers) -> None:
    """Tab through one page of criteria: arrows choose each answer, details are typed."""
    page = wizard.currentPage()
    done: set[int] = set()
    for _ in range(600):
        widget = focus()
        box = _owner(widget, CriterionBox)
        detail = _owner(widget, DetailInput)
        if isinstance(widget, QRadioButton) and box is not None and id(widget) not in done:
            wanted = box.radios[answers[box.criterion.id].answer]
            radios = list(box.radios.values())
            while focus() is not wanted:
                step = Qt.Key_Right if radios.index(wanted) > radios.index(focus()) else \
                    Qt.Key_Left
                press(step)
            if not wanted.isChecked():
                press(Qt.Key_Space)
            done.update(id(r) for r in radios)
        elif detail is not None and id(detail) not in done:
            done.add(id(detail))
            criterion = _owner(detail, CriterionBox).criterion.id
            value = answers[criterion].details.get(detail.spec.id)
            if value is not None:
                _enter_detail(detail, value)
        if wizard.button(wizard.WizardButton.NextButton).isEnabled() and page.isComplete() \
                and all(id(r) in done for b in page.boxes.values() for r in b.radios.values()):
            return
        press(Qt.Key_Tab)
    raise AssertionError(f"page {page.title()} not completed by keyboard")


def _enter_detail(detail: DetailInput, value) -> None:
    editor = detail.editor
    if isinstance(editor, DateField):
        press(Qt.Key_A, Qt.ControlModifier)
        type_text(value)
    elif isinstance(editor, QCheckBox):
        if editor.isChecked() != bool(value):
            press(Qt.Key_Space)
    elif isinstance(editor, QComboBox):
        choose_in_combo(editor, lambda i: editor.itemData(i) == value)
    elif isinstance(editor, QLineEdit):
        press(Qt.Key_A, Qt.ControlModifier)
        type_text(str(value))


def _owner(widget: QWidget | None, kind: type):
    while widget is not None and not isinstance(widget, kind):
        widget = widget.parentWidget()
    return widget


# ----------------------------------------------------------------------------- the walk
def test_keyboard_only_from_new_patient_to_export(qtbot, database, tmp_path, monkeypatch):
    with database.session() as s:
        admin = users.create_first_administrator(s, "admin", "Ada Admin", PASSWORD)
    with database.session() as s:
        doctor = users.create_user(s, admin, "dr.ito", "Dr Ito", Role.CLINICIAN, PASSWORD)
    database.actor = doctor
    window = MainWindow(database, user="dr.ito", today=TODAY)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    _windows[:] = [window]
    walk = Walk(qtbot, window, tmp_path)
    walk.new_patient()
    walk.screen()
    assert window.statusBar().currentMessage() == "Screening saved: eligible."
    walk.enroll()
    assert window.statusBar().currentMessage() == "Patient enrolled."
    assert window.model.row_at(0).arm == "B"
    signed = walk.visit_and_sign()
    assert signed.status == "signed"
    walk.print_summary()
    exported = walk.export(tmp_path / "export")
    assert any(exported.iterdir())


class Walk:
    def __init__(self, qtbot, window: MainWindow, tmp_path) -> None:
        self.qtbot = qtbot
        self.window = window
        self.tmp_path = tmp_path

    def new_patient(self) -> None:
        def fill(_dialog) -> None:
            type_text("JDM-101")  # the study id field has the focus first
            press(Qt.Key_Tab)
            type_text("Nguyễn")
            press(Qt.Key_Tab)
            type_text("Zoé")
            press(Qt.Key_Tab)
            type_text("20150314")  # the date field takes the compact form
            press(Qt.Key_Tab)
            assert isinstance(focus(), QComboBox)  # Tab left the date for the sex
            choose_in_combo(focus(), lambda i: focus().itemData(i) == "female")
            press(Qt.Key_Return)  # Save

        then(PatientDialog, fill)
        press(Qt.Key_N, Qt.ControlModifier)  # Patient → New patient…
        self.qtbot.waitUntil(lambda: self.window.model.rowCount() == 1)
        assert self.window.model.row_at(0).name == "Nguyễn, Zoé"

    def screen(self) -> None:
        answers = eligible_answers()

        def fill(wizard) -> None:
            press(Qt.Key_P, Qt.AltModifier)  # "Treatment &plan"
            combo = focus()
            choose_in_combo(combo, lambda i: combo.itemData(i) == "persistent-skin-rash")
            while wizard.currentPage() is not wizard.verdict_page:
                before = wizard.currentId()
                if getattr(wizard.currentPage(), "boxes", None):
                    press(Qt.Key_Tab)
                    fill_criteria_page(wizard, answers)
                press(Qt.Key_N, Qt.AltModifier)  # "&Next >" (a mnemonic clicks after a blink)
                self.qtbot.waitUntil(lambda b=before: wizard.currentId() != b)
            press(Qt.Key_I, Qt.AltModifier)  # "&I have checked the answers…"
            self.qtbot.waitUntil(lambda: wizard.verdict_page.confirm.isChecked())
            press(Qt.Key_S, Qt.AltModifier)  # "&Save screening"

        then(ScreeningWizard, fill)
        press(Qt.Key_S, Qt.ControlModifier | Qt.ShiftModifier)  # Screen for a plan…

    def enroll(self) -> None:
        def fill(wizard) -> None:
            press(Qt.Key_E, Qt.AltModifier)  # "&Enrollment date:"
            press(Qt.Key_A, Qt.ControlModifier)
            type_text("2026-11-21")
            press(Qt.Key_Tab)  # the date is left: Tab goes on to Weight
            type_text("36")  # ordinary for a girl of 11 y 8 m (CDC 2000): nothing to confirm
            press(Qt.Key_H, Qt.AltModifier)  # "&Height:"
            type_text("143")
            press(Qt.Key_M, Qt.AltModifier)  # "&Measured on:"
            type_text("2026-11-21")
            self.next_page(wizard)
            press(Qt.Key_B, Qt.AltModifier)  # "Arm &B — Mycophenolate mofetil"
            self.qtbot.waitUntil(lambda: wizard.draft.arm_id == "B")
            self.next_page(wizard)  # to the doses
            self.next_page(wizard)  # to the concomitant medication
            press(Qt.Key_C, Qt.AltModifier)  # "Daily &corticosteroid (mg/day):"
            type_text("10")
            self.next_page(wizard)
            assert wizard.currentPage() is wizard.summary_page
            press(Qt.Key_E, Qt.AltModifier)  # "&Enroll"

        then(EnrollmentWizard, fill)
        press(Qt.Key_N, Qt.ControlModifier | Qt.ShiftModifier)  # Enroll and choose arm…

    def visit_and_sign(self):
        """Open the patient (search, Enter), add an unscheduled visit on the Visits tab,
        complete it, sign it with the password, close it and the page."""
        visit_ids: list[int] = []

        def on_page(page) -> None:
            press(Qt.Key_V, Qt.AltModifier)  # "&Visits" tab
            self.qtbot.waitUntil(lambda: page.tabs.currentWidget() is page.timeline)
            then(UnscheduledVisitDialog, lambda _dialog: press(Qt.Key_Return))  # OK: today
            press(Qt.Key_A, Qt.AltModifier)  # "&Add unscheduled visit…"
            form = self.wait_for_visit_form()
            visit_ids.append(form.visit_id)
            _windows.append(form)
            try:
                tab_to(lambda w: isinstance(w, QAbstractButton)
                       and w.text() == "Mark complete…")
                press(Qt.Key_Space)
                self.qtbot.waitUntil(lambda: form.status == "complete")

                def sign(_dialog) -> None:
                    press(Qt.Key_P, Qt.AltModifier)  # "&Password"
                    type_text(PASSWORD)
                    press(Qt.Key_Return)  # "Sign"

                then(SignVisitDialog, sign)
                press(Qt.Key_G, Qt.AltModifier)  # "Si&gn…"
                self.qtbot.waitUntil(lambda: form.status == "signed")
                tab_to(lambda w: isinstance(w, QAbstractButton) and w.text() == "Close")
                press(Qt.Key_Space)
                self.qtbot.waitUntil(lambda: not isValid(form) or not form.isVisible())
            finally:
                _windows.remove(form)
            press(Qt.Key_Escape)  # closes the patient page

        press(Qt.Key_F, Qt.ControlModifier)  # Find
        type_text("JDM-101")
        then(PatientPage, on_page)
        press(Qt.Key_Return)  # opens the patient found
        with self.window.database.reading() as session:
            return next(r for r in patient_timeline(session, 1, TODAY)
                        if r.visit_id == visit_ids[0])

    def wait_for_visit_form(self):
        found: list = []

        def shown() -> bool:
            found[:] = [w for w in QApplication.topLevelWidgets()
                        if isinstance(w, VisitFormWindow) and w.isVisible()]
            return bool(found)

        self.qtbot.waitUntil(shown)
        form = found[0]
        form.activateWindow()
        _first_focus(form)
        return form

    def print_summary(self) -> None:
        previews: list = []

        def choose(_dialog) -> None:
            then(PdfPreviewDialog, lambda preview: (previews.append(preview),
                                                    press(Qt.Key_Escape)))
            press(Qt.Key_V, Qt.AltModifier)  # "Pre&view…"

        then(PrintChoiceDialog, choose)
        press(Qt.Key_P, Qt.ControlModifier)  # File → Print / Save as PDF…
        assert previews and previews[0].pages  # the visit summary was rendered

    def export(self, folder):
        def run(dialog) -> None:
            tab_to(lambda w: w is dialog.folder)
            type_text(str(folder))
            press(Qt.Key_Return)  # "Export", the default button
            self.qtbot.waitUntil(lambda: not dialog.running, timeout=60000)
            press(Qt.Key_Escape)

        then(ExportDialog, run)
        press(Qt.Key_E, Qt.ControlModifier | Qt.ShiftModifier)  # Export for coordinators…
        return folder

    def next_page(self, wizard) -> None:
        before = wizard.currentId()
        press(Qt.Key_N, Qt.AltModifier)  # "&Next >"
        self.qtbot.waitUntil(lambda: wizard.currentId() != before)  # Screen for a plan…

