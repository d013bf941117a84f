"""Baseline only: muscle MRI (done? date, active myositis) and the autoantibody panel."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QLabel

from app.domain.visit_form import AUTOANTIBODIES, AUTOANTIBODY_ANSWERS
from app.forms.language import format_date
from app.forms.terms import item_words
from app.forms.visit_sections import ChoiceField, DateItemField, Section, SectionState

YES_NO = (("yes", "Yes"), ("no", "No"))


def yes_no() -> list[tuple[str, str]]:
    return [(code, item_words(text)) for code, text in YES_NO]


class MriSection(Section):
    key = "mri"
    title = QT_TRANSLATE_NOOP("MriSection", "Muscle MRI (baseline, if done)")

    def __init__(self, born: date | None = None, today: date | None = None) -> None:
        super().__init__()
        grid = self.grid()
        self.done = self.add_field(ChoiceField("mri", "done", item_words("MRI done"), yes_no(),
                                               width=90))
        self.date = self.add_field(
            DateItemField("mri", "date", item_words("MRI date"), born=born, today=today)
        )
        self.active = self.add_field(
            ChoiceField("mri", "active_myositis", self.tr("Active myositis on MRI"), yes_no(),
                        width=90)
        )
        row = self.place(grid, 0, self.done, self.tr("MRI done?"))
        row = self.place(grid, row, self.date, self.tr("Date of MRI"))
        self.place(grid, row, self.active, self.tr("Active myositis on MRI?"))
        grid.setColumnMinimumWidth(0, 200)
        grid.setColumnStretch(4, 1)
        self.outer.addLayout(grid)
        self.outer.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        done = self.done.value()
        for f in (self.date, self.active):
            f.editor.setEnabled(done == "yes")  # type: ignore[attr-defined]
            # a reason is asked only for what applies: date and finding only if done
            f.reason_box.setProperty("never_shown", done != "yes")
            f.reason_box.setVisible(done == "yes" and f.is_blank())
        if done == "yes":
            day = self.date.date.value()
            text = (self.tr("MRI done on %1").replace("%1", format_date(day)) if day
                    else self.tr("MRI done"))
            if self.active.value():
                text += self.tr("; ") + self.tr("active myositis: %1").replace(
                    "%1", self.active.combo.currentText())
        elif done == "no":
            text = self.tr("MRI not done.")
        else:
            text = self.tr("Say whether an MRI was done.")
        self.score.setText(text)

    def active_fields(self):
        return [self.done] + ([self.date, self.active] if self.done.value() == "yes" else [])

    def state(self) -> SectionState:
        return SectionState(
            self.done.combo.currentText() if self.done.value() else "",
            self.done.value() is not None, len(self.errors())
        )


class AutoantibodiesSection(Section):
    key = "autoantibodies"
    title = QT_TRANSLATE_NOOP(
        "AutoantibodiesSection", "Myositis-specific and -associated autoantibodies (baseline)")

    def __init__(self) -> None:
        super().__init__()
        grid = self.grid()
        row = 0
        for index, (code, label) in enumerate(AUTOANTIBODIES):
            field = self.add_field(
                ChoiceField("autoantibodies", code, item_words(label),
                            [(value, item_words(text)) for value, text in AUTOANTIBODY_ANSWERS],
                            width=110)
            )
            # No reason box: "Not tested" is one of the answers (make_section adopts it).
            col = (index % 2) * 3
            grid.addWidget(QLabel(item_words(label)), row, col)
            grid.addWidget(field.combo, row, col + 1)
            if index % 2 == 1:
                row += 1
        grid.setColumnStretch(2, 1)
        grid.setColumnStretch(5, 1)
        self.outer.addLayout(grid)
        self.outer.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        positives = [f.label_text for f in self.fields.values() if f.value() == "positive"]  # type: ignore[attr-defined]
        answered = sum(1 for f in self.fields.values() if not f.is_blank())
        self.score.setText(
            self.tr("%1 of %2 answered. Positive: %3").replace("%1", str(answered))
            .replace("%2", str(len(self.fields)))
            .replace("%3", ", ".join(positives) if positives else self.tr("none"))
        )

    def state(self) -> SectionState:
        answered = sum(1 for f in self.fields.values() if not f.is_blank())
        return SectionState(f"{answered}/{len(self.fields)}", answered == len(self.fields))
