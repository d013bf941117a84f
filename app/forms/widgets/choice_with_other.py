"""A choice from a list with one "Other" entry and a text box for it: the site in the
patient dialog (the administrator's site list). What is chosen from the list leaves in a
de-identified export as its code; the "other" text never does (app.domain.coded_values)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox, QLineEdit, QVBoxLayout, QWidget

NONE_LABEL = QT_TRANSLATE_NOOP("ChoiceWithOther", "— none —")
OTHER_LABEL = "Other (type it below; not exported when de-identified)"
_NONE, _OTHER = "", "\x00other"


class ChoiceWithOther(QWidget):
    """``text()`` is the chosen name or the typed other text; ``setText`` selects a listed
    name, or "Other" with the text (a value typed before the list existed opens so)."""

    def __init__(self, choices: Sequence[str], name: str) -> None:
        super().__init__()
        self.choices = tuple(choices)
        self.box = QComboBox()
        self.box.setAccessibleName(name)
        self.box.addItem(self.tr(NONE_LABEL), _NONE)
        for choice in self.choices:
            self.box.addItem(choice, choice)
        self.box.addItem(self.tr("Other (type it below; not exported when de-identified)"),
                         _OTHER)
        self.other = QLineEdit()
        self.other.setAccessibleName(self.tr("%1, other").replace("%1", name))
        self.other.setPlaceholderText(self.tr("other — stays in this clinic's records"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.box)
        layout.addWidget(self.other)
        self.box.currentIndexChanged.connect(self._show_other)
        self._show_other()

    def _show_other(self) -> None:
        self.other.setVisible(self.box.currentData() == _OTHER)

    def is_other(self) -> bool:
        return self.box.currentData() == _OTHER

    def text(self) -> str:
        if self.is_other():
            return self.other.text().strip()
        return self.box.currentData() or ""

    def setText(self, text: str) -> None:  # noqa: N802 - as QLineEdit, which it replaces
        text = (text or "").strip()
        if not text:
            self.box.setCurrentIndex(0)
        elif text in self.choices:
            self.box.setCurrentIndex(self.box.findData(text))
        else:
            self.box.setCurrentIndex(self.box.findData(_OTHER))
            self.other.setText(text)
        self._show_other()
