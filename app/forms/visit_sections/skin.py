"""Skin rash detail (MDAAT cutaneous items), calcinosis, nailfold capillaries and
lipoatrophy (clinical-rules §2.6). Recorded as observed; no score."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from app.domain.instruments.skin import CHANGE_ANSWERS, SKIN_ITEMS, validate_skin
from app.forms.visit_sections import ChoiceField, Section, SectionState, message_label


class SkinSection(Section):
    key = "skin"
    title = "Skin rash detail, calcinosis, nailfold capillaries, lipoatrophy"

    def __init__(self, follow_up: bool = True) -> None:
        super().__init__()
        grid = self.grid()
        grid.addWidget(QLabel("<b>Finding</b>"), 0, 0)
        grid.addWidget(QLabel("<b>Present?</b>"), 0, 1)
        if follow_up:
            grid.addWidget(QLabel("<b>Change since last visit</b>"), 0, 2)
        self.change_messages = {}
        row = 1
        for item in SKIN_ITEMS:
            field = self.add_field(
                ChoiceField(
                    "skin",
                    item.code,
                    item.label,
                    [(a.value, a.label) for a in item.answers],
                    width=140,
                )
            )
            label = QLabel(
                item.label
                + (f" <span style='color:#666'>({item.examples})</span>" if item.examples else "")
            )
            label.setWordWrap(True)
            extra = None
            if item.change_code and follow_up:
                change = self.add_field(
                    ChoiceField(
                        "skin",
                        item.change_code,
                        f"{item.label}, change",
                        [(a.value, a.label) for a in CHANGE_ANSWERS],
                        width=120,
                    )
                )
                change.reason_box.setProperty("never_shown", True)
                change.reason_box.hide()
                extra = change.combo
                change.message = message_label()
                grid.addWidget(change.message, row + 1, 0, 1, 4)
            row = self.place(grid, row, field, label, extra=extra)
        grid.addWidget(QLabel("<b>If missing</b>"), 0, 3)
        grid.setColumnMinimumWidth(0, 440)
        grid.setColumnStretch(4, 1)
        self.outer.addLayout(grid)
        self.outer.addStretch(1)
        self.refresh()

    def errors(self) -> dict[str, str]:
        values = {}
        for code, f in self.fields.items():
            values[code] = f.value()  # type: ignore[attr-defined]
        return {f"skin:{k}": v for k, v in validate_skin(values).items()}

    def refresh(self) -> None:
        errors = self.errors()
        for code, f in self.fields.items():
            text = errors.get(f"skin:{code}", "")
            f.message.setText(text)
            f.message.setVisible(bool(text))
        present = [
            f.label_text
            for c, f in self.fields.items()
            if f.value() == "present" and not c.endswith("_change")
        ]  # type: ignore[attr-defined]
        answered = sum(
            1 for c, f in self.fields.items() if not c.endswith("_change") and not f.is_blank()
        )
        total = sum(1 for c in self.fields if not c.endswith("_change"))
        self.score.setText(
            f"{answered} of {total} findings answered. Present: "
            + (", ".join(present) if present else "none")
        )

    def state(self) -> SectionState:
        answered = sum(
            1 for c, f in self.fields.items() if not c.endswith("_change") and not f.is_blank()
        )
        total = sum(1 for c in self.fields if not c.endswith("_change"))
        return SectionState(f"{answered}/{total}", answered == total, len(self.errors()))
