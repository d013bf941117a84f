"""The focus is visible (issue 20.7): a field with the keyboard is framed in blue."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from app.forms.widgets import FOCUS_COLOUR, DateField, install_workstation_style

pytestmark = pytest.mark.usefixtures("system_actor")


def _blue_pixels(widget) -> int:
    image = widget.grab().toImage()
    blue = QColor(FOCUS_COLOUR)
    count = 0
    for x in range(image.width()):
        for y in (0, 1, image.height() - 1, image.height() - 2):
            if QColor(image.pixel(x, y)) == blue:
                count += 1
    return count


def test_the_field_with_the_focus_is_framed(qtbot):
    app = QApplication.instance()
    before = app.styleSheet()
    install_workstation_style(app)
    try:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        date = DateField()
        other = QLineEdit()
        layout.addWidget(date)
        layout.addWidget(other)
        qtbot.addWidget(holder)
        holder.show()
        holder.activateWindow()
        qtbot.waitActive(holder)
        date.setFocus()
        qtbot.waitUntil(date.edit.hasFocus)
        assert _blue_pixels(date.edit) > date.edit.width()  # top and bottom edges
        assert _blue_pixels(other) == 0
        other.setFocus()  # leaving the date: the frame moves with the focus
        qtbot.waitUntil(other.hasFocus)
        assert _blue_pixels(other) > other.width() and _blue_pixels(date.edit) == 0
    finally:
        app.setStyleSheet(before)
