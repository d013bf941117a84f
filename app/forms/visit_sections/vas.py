"""A 10 cm visual analogue scale at the visit form: a slider (0.1 cm steps) and a box
kept in sync, the anchors beside (clinical-rules §2.2, §2.4).

The slider shows a value only while the box holds a usable one: blank, or refused at
the field (« 12,5 » on a 0-10 cm scale), it draws no handle, so it never shows the last
accepted value as if it were current (issue 21).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSlider,
    QStyle,
    QStyleOptionSlider,
    QStylePainter,
    QWidget,
)

from app.forms.numbers import fixed
from app.forms.visit_sections import NumberField, note_label
from app.forms.widgets import FOCUS_COLOUR

NO_VALUE = QT_TRANSLATE_NOOP(
    "VisitSection", "No value: the entry beside the scale is blank or cannot be used.")


class VasSlider(QSlider):
    """0 to 100 tenths of a cm. Without a value it is drawn as its groove alone; it
    still takes the mouse and the keyboard, which then enter a value from 0."""

    def __init__(self) -> None:
        super().__init__(Qt.Horizontal)
        self.setRange(0, 100)
        self.setPageStep(10)
        self.holds_value = True
        self.set_holds_value(False)

    def set_holds_value(self, holds: bool) -> None:
        if holds == self.holds_value:
            return
        self.holds_value = holds
        said = "" if holds else QCoreApplication.translate("VisitSection", NO_VALUE)
        self.setToolTip(said)
        self.setAccessibleDescription(said)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        if self.holds_value:
            super().paintEvent(event)
            return
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        option.subControls = QStyle.SC_SliderGroove  # as QSlider draws it, less the handle
        if self.tickPosition() != QSlider.NoTicks:
            option.subControls |= QStyle.SC_SliderTickmarks
        painter = QStylePainter(self)
        painter.drawComplexControl(QStyle.CC_Slider, option)
        if self.hasFocus():  # the handle that shows the focus is not drawn: a frame does,
            # in the colour of every other field's focus frame
            painter.setPen(QPen(QColor(FOCUS_COLOUR), 2))
            painter.drawRect(self.rect().adjusted(1, 1, -1, -1))


class VasField(NumberField):
    """A 10 cm VAS: the slider and the box, anchors beside."""

    def __init__(
        self,
        instrument: str,
        item: str,
        label: str,
        low: str,
        high: str,
        check: Callable[[str], str | None],
    ) -> None:
        super().__init__(instrument, item, label, check=check, unit=None, width=56)
        self.slider = VasSlider()
        self.slider.setMinimumWidth(220)
        self.slider.setAccessibleName(
            QCoreApplication.translate("VisitSection", "%1 slider").replace("%1", label))
        self.low, self.high = low, high
        self._syncing = False
        self.slider.valueChanged.connect(self._from_slider)
        self.edit.textChanged.connect(self._from_text)
        self.slider.sliderPressed.connect(self._from_press)

    def _from_press(self) -> None:
        if not self.slider.holds_value:  # pressed where the hidden handle is: that value
            self._from_slider(self.slider.value())

    def _from_slider(self, value: int) -> None:
        if self._syncing:
            return
        self._syncing = True
        self.edit.setText(fixed(value / 10, 1))
        self.slider.set_holds_value(True)
        self._syncing = False

    def _from_text(self, _text: str) -> None:
        if self._syncing:
            return
        number = self.number()
        holds = number is not None and self.validate() is None
        self._syncing = True
        # Without a value the slider waits at 0, so the keyboard starts there (as from a
        # blank box), never from the hidden last value.
        self.slider.setValue(round(number * 10) if holds else 0)  # type: ignore[operator]
        self.slider.set_holds_value(holds)
        self._syncing = False

    def widget_row(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        low = note_label(f"0 {self.low}")
        high = note_label(f"{self.high} 10")
        low.setWordWrap(False)
        high.setWordWrap(False)
        row.addWidget(low)
        row.addWidget(self.slider, 1)
        row.addWidget(high)
        row.addWidget(self.edit)
        row.addWidget(QLabel("cm"))
        return box
