"""Unique mnemonics in every window (issue 20.7): with two "&B" in a window Alt+B only
moves the focus between them, or does the wrong one (Alt+B went Back, not Arm B)."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QMainWindow,
    QTabWidget,
    QWizard,
)
from workstation_windows import TODAY, clinic, fill_current_page, windows

from app.forms.language import INTERFACE
from app.forms.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("system_actor")

NAMES = [name for name, _factory in windows(None, {"enrolled": 0, "screened": 0}, None)]
MNEMONIC = re.compile(r"&([^&\s])")


def mnemonic(text: str) -> str | None:
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).casefold() if found else None


# GNOME's platform theme names a dialog's standard buttons with a mnemonic ("&Save" is
# « &Enregistrer » in Qt's French); the other themes give none. The window must stay
# unambiguous on a GNOME desktop too.
GNOME_BUTTONS = {QDialogButtonBox.Ok: "&OK", QDialogButtonBox.Save: "&Save",
                 QDialogButtonBox.Cancel: "&Cancel", QDialogButtonBox.Close: "&Close"}


def desktop_text(button: QAbstractButton) -> str:
    """The button's text as a GNOME desktop shows it."""
    box = button.parent()
    if isinstance(box, QDialogButtonBox) and "&" not in button.text():
        source = GNOME_BUTTONS.get(box.standardButton(button))
        if source:
            return QCoreApplication.translate("QGnomeTheme", source)
    return button.text()


def mnemonics_in_view(window) -> dict[str, list[str]]:
    """{letter: [texts]} of what Alt+letter can reach in the window as shown now."""
    seen: dict[str, list[str]] = defaultdict(list)

    def add(text: str) -> None:
        letter = mnemonic(text)
        if letter:
            seen[letter].append(text)

    for button in window.findChildren(QAbstractButton):
        if button.isVisibleTo(window) and button.window() is window:
            add(desktop_text(button))
    for label in window.findChildren(QLabel):
        if label.buddy() is not None and label.isVisibleTo(window) and label.window() is window:
            add(label.text())
    for box in window.findChildren(QGroupBox):
        if box.isVisibleTo(window) and box.window() is window:
            add(box.title())
    for tabs in window.findChildren(QTabWidget):
        if tabs.isVisibleTo(window) and tabs.window() is window:
            for i in range(tabs.count()):
                add(tabs.tabText(i))
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            add(action.text())
    return seen


def duplicates(window) -> dict[str, list[str]]:
    return {k: v for k, v in mnemonics_in_view(window).items() if len(v) > 1}


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("name", NAMES)
def test_every_window_has_unique_mnemonics(qtbot, database, tmp_path, name, language):
    INTERFACE.switch(language)  # French letters differ: "&Fichier", "Im&primer"…
    ids = clinic(database)
    main = MainWindow(database, user="nurse", today=TODAY)
    qtbot.addWidget(main)
    window = dict(windows(main, ids, tmp_path))[name]()
    if window is not main:
        qtbot.addWidget(window)
        if isinstance(window, QWizard):
            window.ask = lambda *_args: "Discard"
    window.show()
    qtbot.waitExposed(window)
    if not isinstance(window, QWizard):
        assert duplicates(window) == {}, name
        return
    for _ in range(12):  # every page of the wizard, as a user walks it
        QApplication.processEvents()
        assert duplicates(window) == {}, (name, window.currentPage().title())
        if window.currentId() == window.pageIds()[-1]:
            break
        fill_current_page(window)
        window.next()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_menus_have_unique_mnemonics(qtbot, database, language):
    INTERFACE.switch(language)
    main = MainWindow(database, user="nurse", today=TODAY)
    qtbot.addWidget(main)
    for menu_action in main.menuBar().actions():
        letters = defaultdict(list)
        for action in menu_action.menu().actions():
            if action.text():
                letter = mnemonic(action.text())
                assert letter, (menu_action.text(), action.text())  # every item has one
                letters[letter].append(action.text())
        assert {k: v for k, v in letters.items() if len(v) > 1} == {}, menu_action.text()


def test_on_a_gnome_desktop_alt_letters_of_the_french_patient_form_do_one_thing(qtbot):
    """« &Enregistrer » (GNOME's Save) and « &Ethnicité » both took Alt+E: the first Alt+E
    went to the field, never to the button. Each letter now does one thing."""
    from datetime import date

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest

    from app.forms.patient_dialog import PatientDialog

    INTERFACE.switch("fr")
    saved = []
    dialog = PatientDialog(saved.append, today=date(2026, 12, 4))
    qtbot.addWidget(dialog)
    for button in dialog.buttons.buttons():
        button.setText(desktop_text(button))
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)

    def alt(key) -> None:  # to the window, which routes mnemonics, as the keyboard does
        QTest.keySequence(dialog.windowHandle(), QKeySequence(Qt.AltModifier | key))
        QApplication.processEvents()

    for letter, field in ((Qt.Key_H, dialog.ethnicity), (Qt.Key_L, dialog.onset_date.edit),
                          (Qt.Key_I, dialog.study_id)):
        alt(letter)
        assert QApplication.focusWidget() is field
    dialog.study_id.setText("JDM-001")
    dialog.family_name.setText("Tremblay")
    dialog.given_name.setText("Léa")
    dialog.date_of_birth.setValue(date(2014, 2, 28))
    dialog.sex.setCurrentIndex(dialog.sex.findData("female"))
    alt(Qt.Key_E)
    qtbot.waitUntil(lambda: [patient.study_id for patient in saved] == ["JDM-001"])
