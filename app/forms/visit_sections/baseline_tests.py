"""Baseline only: muscle MRI (done? date, active myositis) and the autoantibody panel."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel

from app.domain.visit_form import AUTOANTIBODIES, AUTOANTIBODY_ANSWERS
from app.forms.language import format_date
from app.forms.visit_sections import ChoiceField, DateItemField, Section, SectionState

YES_NO = [("yes", "Yes"), ("no", "No")]


class MriSection(Section):
    key = "mri"
    title = "Muscle MRI (baseline, if done)"

    def __init__(self, born: date | None = None, today: date | None = None) -> None:
        super().__init__()
        grid = self.grid()
        self.done = self.add_field(ChoiceField("mri", "done", "MRI done", YES_NO, width=90))
        self.date = self.add_field(
            DateItemField("mri", "date", "MRI date", born=born, today=today)
        )
        self.active = self.add_field(
            ChoiceField("mri", "active_myositis", "Active myositis on MRI", YES_NO, width=90)
        )
        row = self.place(grid, 0, self.done, "MRI done?")
        row = self.place(grid, row, self.date, "Date of MRI")
        self.place(grid, row, self.active, "Active myositis on MRI?")
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
            text = "MRI done" + (f" on {format_date(day)}" if day else "")
            if self.active.value():
                text += f"; active myositis: {self.active.value()}"
        elif done == "no":
            text = "MRI not done."
        else:
            text = "Say whether an MRI was done."
        self.score.setText(text)

    def active_fields(self):
        return [self.done] + ([self.date, self.active] if self.done.value() == "yes" else [])

    def state(self) -> SectionState:
        return SectionState(
            self.done.value() or "", self.done.value() is not None, len(self.errors())
        )


class AutoantibodiesSection(Section):
    key = "autoantibodies"
    title = "Myositis-specific and -associated autoantibodies (baseline)"

    def __init__(self) -> None:
        super().__init__()
        grid = self.grid()
        row = 0
        for index, (code, label) in enumerate(AUTOANTIBODIES):
            field = self.add_field(
                ChoiceField("autoantibodies", code, label, list(AUTOANTIBODY_ANSWERS), width=110)
            )
            # No reason box: "Not tested" is one of the answers (make_section adopts it).
            col = (index % 2) * 3
            grid.addWidget(QLabel(label), row, col)
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
            f"{answered} of {len(self.fields)} answered. Positive: "
            + (", ".join(positives) if positives else "none")
        )

    def state(self) -> SectionState:
        answered = sum(1 for f in self.fields.values() if not f.is_blank())
        return SectionState(f"{answered}/{len(self.fields)}", answered == len(self.fields))
