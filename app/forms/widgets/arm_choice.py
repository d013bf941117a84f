"""Why this arm was chosen: the coded reasons of app.domain.treatment_course_record, one
tick box each under the question it answers, and "Other" with its text. Used by the
enrollment wizard's arm page and the arm switch dialog; the rules stay in the domain."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.treatment_course_record import ARM_CHOICE_GROUPS, ARM_CHOICE_REASONS, OTHER
from app.forms.terms import ARM_CHOICE, plan_text, term
from app.forms.widgets import HINT_STYLE, FieldMessage


class ArmChoiceReasonsBox(QGroupBox):
    """Tick boxes for the reasons, "Other" with text; ``values()`` -> (codes, text)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Why this arm (for the comparison of the arms; optional)"),
                         parent)
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("The study compares arms chosen in the clinic, not by chance: "
                              "the reasons for the choice are recorded so the comparison "
                              "can allow for them."))
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        layout.addWidget(hint)
        self.boxes: dict[str, QCheckBox] = {}
        row = QHBoxLayout()
        for group, title in ARM_CHOICE_GROUPS.items():
            column = QVBoxLayout()
            title = term(ARM_CHOICE, title)
            heading = QLabel(f"<b>{title}</b>")
            column.addWidget(heading)
            for reason in ARM_CHOICE_REASONS:
                if reason.group != group:
                    continue
                label = term(ARM_CHOICE, reason.label)
                box = QCheckBox(label)
                # The tooltip quotes the source paper as published (English).
                box.setToolTip(reason.source)
                plan_text(box)
                box.setAccessibleName(f"{title}: {label}")
                box.toggled.connect(self._changed)
                self.boxes[reason.code] = box
                column.addWidget(box)
            column.addStretch(1)
            row.addLayout(column)
        layout.addLayout(row)
        other_row = QHBoxLayout()
        self.other = QCheckBox(self.tr("Other:"))
        self.other.setAccessibleName(self.tr("Another reason for this arm"))
        self.other_text = QLineEdit()
        self.other_text.setAccessibleName(self.tr("The other reason for this arm"))
        self.other_text.setPlaceholderText(self.tr("Say what (not exported when de-identified)"))
        self.boxes[OTHER] = self.other
        self.other.toggled.connect(self._changed)
        self.other_text.textChanged.connect(self._changed)
        other_row.addWidget(self.other)
        other_row.addWidget(self.other_text, 1)
        layout.addLayout(other_row)
        self.message = FieldMessage(self.tr("Why this arm"))
        layout.addWidget(self.message)
        self._loading = False

    def _changed(self, *_args: object) -> None:
        if not self._loading:
            self.changed.emit()

    def values(self) -> tuple[list[str], str]:
        return ([code for code, box in self.boxes.items() if box.isChecked()],
                self.other_text.text().strip())

    def set_values(self, codes: list[str], other_text: str) -> None:
        self._loading = True
        for code, box in self.boxes.items():
            box.setChecked(code in codes)
        self.other_text.setText(other_text)
        self._loading = False

    def show_problem(self, text: str | None) -> None:
        self.message.show_message(text)
