"""A check box whose words wrap: QCheckBox never wraps its text, so a long answer (the
CHAQ's « Aides pour l'habillage (tire-bouton, tire-fermeture éclair, … ) ») set the
section's width and pushed it past a 1366-pixel screen. The words are a label beside the
box; clicking them ticks the box, as clicking a check box's own text does."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSizePolicy, QWidget


class _Words(QLabel):
    def __init__(self, text: str, box: QCheckBox) -> None:
        super().__init__(text)
        self._box = box

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.LeftButton and self.rect().contains(event.position().toPoint()):
            self._box.click()  # does nothing while the box is disabled (a signed visit)
            self._box.setFocus(Qt.MouseFocusReason)
        super().mouseReleaseEvent(event)


class WrappedCheck(QWidget):
    """``box`` is the QCheckBox (checked state, signals, keyboard); ``words`` its label."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QCheckBox()
        self.box.setAccessibleName(text)
        self.words = _Words(text, self.box)
        self.words.setWordWrap(True)
        self.words.setTextFormat(Qt.PlainText)
        self.words.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Maximum)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.box, 0, Qt.AlignTop)
        layout.addWidget(self.words, 1)
