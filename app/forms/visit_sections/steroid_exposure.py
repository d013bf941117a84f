"""Steroid exposure at the visit: today's oral prednisone-equivalent dose, the IV
methylprednisolone pulses since the last visit (count and dose), and background
methotrexate and hydroxychloroquine. Each number is checked at its field by the domain
(``app.domain.instruments.steroid_exposure``); a typed word is kept and refused there."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QLabel

from app.domain.instruments.steroid_exposure import ITEMS, STORED, steroid_problems
from app.forms.numbers import numbers_in_words
from app.forms.terms import MESSAGE, item_words, phrases
from app.forms.visit_sections import NumberField, Section, SectionState, note_label


class SteroidExposureSection(Section):
    key = "steroid_exposure"
    title = QT_TRANSLATE_NOOP("SteroidExposureSection", "Steroid exposure and background medicines")

    def __init__(self, follow_up: bool = True) -> None:
        super().__init__()
        grid = self.grid()
        row = 0
        for item in ITEMS:
            field = self.add_field(NumberField(STORED, item.code, item_words(item.label),
                                               check=lambda _t, code=item.code: self._problem(code),
                                               unit=None, width=80))
            label = QLabel(item_words(item.label) if item.code != "ivmp_pulses" or follow_up
                           else self.tr("IV methylprednisolone pulses since enrollment"))
            label.setWordWrap(True)
            label.setToolTip(item_words(item.help))
            row = self.place(grid, row, field, label, extra=QLabel(item_words(item.unit)))
        grid.setColumnMinimumWidth(0, 300)
        grid.setColumnStretch(4, 1)
        self.outer.addLayout(grid)
        self.outer.addWidget(note_label(self.tr(
            "Cumulative steroid exposure is computed from these records over the enrollment "
            "(provisional rule: each visit's oral dose until the next visit; methylprednisolone "
            "counted as prednisone x 1.25).")))
        self.outer.addStretch(1)
        self.refresh()

    def _typed(self) -> dict[str, str]:
        return {code: f.text() for code, f in self.fields.items()}  # type: ignore[attr-defined]

    def _problem(self, code: str) -> str | None:
        return phrases(MESSAGE, steroid_problems(self._typed()).get(code) or "") or None

    def errors(self) -> dict[str, str]:
        # Includes the rule across fields, whose field may be blank (a blank field's own
        # check is never asked: pulses given need their dose).
        return {f"{STORED}:{code}": phrases(MESSAGE, m)
                for code, m in steroid_problems(self._typed()).items()}

    def refresh(self) -> None:
        problems = {code: phrases(MESSAGE, m)
                    for code, m in steroid_problems(self._typed()).items()}
        for code, f in self.fields.items():
            f.message.setText(problems.get(code, ""))
            if not f.message.property("never_shown") and f.message.parentWidget():
                f.message.setVisible(code in problems)
        errors = len(self.errors())
        dose = self._dose_today()
        text = (self.tr("Oral dose today: %1 mg/day").replace("%1", numbers_in_words(dose))
                if dose else self.tr("Oral dose today not entered"))
        if errors:
            text += self.tr("; ") + self.tr("%n entry(ies) to correct", "", errors)
        self.score.setText(text)

    def _dose_today(self) -> str:
        """Today's oral dose as typed when it is usable; "" when blank or refused (a
        refused dose is one to correct, never given as the dose)."""
        if "prednisone_mg_day" in steroid_problems(self._typed()):
            return ""
        return self.fields["prednisone_mg_day"].text()  # type: ignore[attr-defined]

    def state(self) -> SectionState:
        errors = len(self.errors())
        dose = self._dose_today()
        shown = self.tr("%1 mg/day").replace("%1", dose) if dose else ""
        return SectionState(shown, bool(dose) and not errors, errors)
