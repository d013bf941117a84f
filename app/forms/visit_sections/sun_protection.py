"""Sun protection at follow-up visits: counselling given, adherence since the last visit."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from app.domain.instruments.sun_protection import ITEMS, STORED
from app.forms.terms import item_words
from app.forms.visit_sections import ChoiceField, Section, SectionState


class SunProtectionSection(Section):
    key = "sun_protection"
    title = QT_TRANSLATE_NOOP("SunProtectionSection", "Sun protection")

    def __init__(self) -> None:
        super().__init__()
        grid = self.grid()
        row = 0
        for code, label, answers in ITEMS:
            choices = [(value, item_words(text)) for value, text in answers]
            field = self.add_field(ChoiceField(STORED, code, item_words(label), choices,
                                               width=220))
            row = self.place(grid, row, field, item_words(label))
        grid.setColumnMinimumWidth(0, 300)
        grid.setColumnStretch(4, 1)
        self.outer.addLayout(grid)
        self.outer.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        answered = sum(1 for f in self.fields.values() if not f.is_blank())
        self.score.setText(self.tr("%1 of %2 answered").replace("%1", str(answered))
                           .replace("%2", str(len(self.fields))))

    def state(self) -> SectionState:
        answered = sum(1 for f in self.fields.values() if not f.is_blank())
        return SectionState(f"{answered}/{len(self.fields)}", answered == len(self.fields))
