"""Global assessments: six 10 cm VAS (clinical-rules §2.4), slider and box in sync."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QLabel

from app.domain.instruments.globals import GLOBAL_ASSESSMENTS, validate_global
from app.forms.terms import MESSAGE, item_words, phrases
from app.forms.visit_sections import Section, SectionState
from app.forms.visit_sections.vas import VasField


class GlobalsSection(Section):
    key = "globals"
    title = QT_TRANSLATE_NOOP("GlobalsSection", "Global assessments (10 cm VAS, 0.1 cm steps)")

    def __init__(self, codes: tuple[str, ...] | None = None) -> None:
        super().__init__()
        grid = self.grid()
        row = 0
        for item in GLOBAL_ASSESSMENTS:
            if codes is not None and item.code not in codes:
                continue
            low, high = item_words(item.anchors[0].label), item_words(item.anchors[-1].label)
            field = VasField(
                "global",
                item.code,
                item_words(item.label),
                low,
                high,
                check=lambda text, code=item.code: (
                    phrases(MESSAGE, validate_global(code, text) or "") or None),
            )
            self.add_field(field)
            label = QLabel(item_words(item.label)
                           + (" ★" if item.code == "mdaat_cutaneous_vas" else ""))
            label.setWordWrap(True)
            if item.help:
                label.setToolTip(item_words(item.help))
            row = self.place(grid, row, field, label, editor=field.widget_row())
        grid.setColumnStretch(1, 1)
        grid.setColumnMinimumWidth(0, 260)
        self.outer.addLayout(grid)
        self.outer.addWidget(
            QLabel(self.tr(
                "★ primary outcome of the persistent-skin-rash plan (seed 000, Table 3)."))
        )
        self.outer.addStretch(1)
        self.refresh()

    def _entered(self) -> int:
        """The assessments typed and usable: one refused is to correct, not entered."""
        return sum(1 for f in self.fields.values() if not f.is_blank() and not f.validate())

    def refresh(self) -> None:
        entered = self._entered()
        errors = len(self.errors())
        # %n, the assessments entered: French agrees with it (1 évaluation saisie)
        text = (self.tr("%n of %1 assessment(s) entered", "", entered)
                .replace("%1", str(len(self.fields))))
        if errors:
            text += self.tr("; ") + self.tr("%n entry(ies) to correct", "", errors)
        self.score.setText(text)

    def state(self) -> SectionState:
        entered = self._entered()
        errors = len(self.errors())
        return SectionState(
            f"{entered}/{len(self.fields)}", entered == len(self.fields) and not errors, errors
        )
