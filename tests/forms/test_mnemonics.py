"""Unique mnemonics in every window (issue 20.7): with two "&B" in a window Alt+B only
moves the focus between them, or does the wrong one (Alt+B went Back, not Arm B)."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
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


def mnemonics_in_view(window) -> dict[str, list[str]]:
    """{letter: [texts]} of what Alt+letter can reach in the window as shown now."""
    seen: dict[str, list[str]] = defaultdict(list)

    def add(text: str) -> None:
        letter = mnemonic(text)
        if letter:
            seen[letter].append(text)

    for button in window.findChildren(QAbstractButton):
        if button.isVisibleTo(window) and button.window() is window:
            add(button.text())
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
