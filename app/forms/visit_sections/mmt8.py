"""MMT8: 8 muscle groups, Kendall 0-10; unilateral (0-80) by default, bilateral (0-150)
as an option recorded with the data (clinical-rules §2.3)."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QRadioButton

from app.domain.display_words import counted
from app.domain.instruments.mmt8 import (
    BILATERAL_ITEMS,
    KENDALL_ANCHORS,
    MUSCLE_GROUPS,
    UNILATERAL_ITEMS,
    score_mmt8,
    validate_mmt8,
)
from app.domain.visit_form import ItemEntry, VisitValues
from app.forms.visit_sections import Field, NumberField, Section, SectionState, note_label


class Mmt8Section(Section):
    key = "mmt8"
    title = "Manual muscle testing (MMT8), Kendall 0-10"

    def __init__(self) -> None:
        super().__init__()
        choose = QHBoxLayout()
        self.unilateral = QRadioButton("Unilateral (right side), total 0-80")
        self.bilateral = QRadioButton("Bilateral (neck flexors + both sides), total 0-150")
        self.unilateral.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.unilateral)
        group.addButton(self.bilateral)
        choose.addWidget(self.unilateral)
        choose.addWidget(self.bilateral)
        choose.addStretch(1)
        self.outer.addLayout(choose)
        self.unilateral.toggled.connect(lambda _c: self._variant_changed())
        # label | unilateral grade, its reason | right, its reason | left, its reason
        grid = self.grid()
        grid.addWidget(QLabel("<b>Muscle group</b>"), 0, 0)
        grid.addWidget(QLabel("<b>Unilateral</b>"), 0, 1, 1, 2)
        grid.addWidget(QLabel("<b>Right</b>"), 0, 3, 1, 2)
        grid.addWidget(QLabel("<b>Left</b>"), 0, 5, 1, 2)
        self.uni: dict[str, NumberField] = {}
        self.bi: dict[str, NumberField] = {}
        row = 1
        for group_def in MUSCLE_GROUPS:
            grid.addWidget(QLabel(group_def.label.capitalize()), row, 0)
            code = f"mmt_{group_def.code}"
            u = self._grade(code, f"MMT8 {group_def.label}", "unilateral")
            self.uni[code] = u
            grid.addWidget(u.edit, row, 1)
            grid.addWidget(u.reason_box, row, 2)
            grid.addWidget(u.message, row + 1, 0, 1, 8)
            if group_def.bilateral:
                for col, side, offset in ((3, "r", 1), (5, "l", 2)):
                    b = self._grade(
                        f"{code}_{side}",
                        f"MMT8 {group_def.label}, {'right' if side == 'r' else 'left'}",
                        "bilateral",
                    )
                    self.bi[b.item] = b
                    grid.addWidget(b.edit, row, col)
                    grid.addWidget(b.reason_box, row, col + 1)
                    grid.addWidget(b.message, row + offset, 0, 1, 8)
            row += 3
        grid.setColumnStretch(7, 1)
        self.outer.addLayout(grid)
        anchors = "; ".join(a.label for a in KENDALL_ANCHORS[::2])
        self.outer.addWidget(note_label("Kendall scale: " + anchors + "."))
        self.outer.addStretch(1)
        self._variant_changed()

    def _grade(self, code: str, label: str, variant: str) -> NumberField:
        items = UNILATERAL_ITEMS if variant == "unilateral" else BILATERAL_ITEMS
        assert code in {i.code for i in items}

        def check(text: str, code=code, variant=variant) -> str | None:
            return validate_mmt8({code: text}, variant).get(code)

        return self.add_field(NumberField("mmt8", code, label, check=check, width=46))  # type: ignore[return-value]

    def variant(self) -> str:
        return "unilateral" if self.unilateral.isChecked() else "bilateral"

    def active_fields(self) -> list[Field]:
        if self.variant() == "unilateral":
            return list(self.uni.values())
        # the neck flexors are tested once in both variants
        return [self.uni["mmt_neck_flexors"], *self.bi.values()]

    def _variant_changed(self) -> None:
        uni = self.variant() == "unilateral"
        for code, f in self.uni.items():
            self._set_active(f, uni or code == "mmt_neck_flexors")
        for f in self.bi.values():
            self._set_active(f, not uni)
        self._on_changed()

    @staticmethod
    def _set_active(f: NumberField, on: bool) -> None:
        """A grade of the variant not chosen is greyed, without message or reason box."""
        f.edit.setEnabled(on)
        f.reason_box.setProperty("never_shown", not on)
        f.reason_box.setVisible(on and f.is_blank())
        f.show_message() if on else f.message.hide()

    def result(self):
        values = {}
        for f in self.active_fields():
            values[f.item] = None if f.is_blank() else f.text()
        return score_mmt8(values, self.variant())

    def refresh(self) -> None:
        r = self.result()
        if r.total is not None:
            self.score.setText(f"<b>MMT8 ({r.variant.value}) total {r.total} / {r.maximum}</b>")
        elif r.errors:
            self.score.setText(
                f"<b>MMT8 total not computed</b>: {counted(len(r.errors), 'grade')} to "
                "correct."
            )
        else:
            self.score.setText(
                f"<b>Incomplete</b>: {len(r.missing)} of {len(r.grades)} grades "
                f"missing; sum entered {r.partial_sum} (partial, not a total)."
            )

    def collect(self, values: VisitValues) -> None:
        super().collect(values)
        if values.get("mmt8") or self.variant() == "bilateral":
            values.setdefault("mmt8", {})["variant"] = ItemEntry(value_text=self.variant())

    def load(self, values: VisitValues) -> None:
        entry = values.get("mmt8", {}).get("variant")
        bilateral = entry is not None and entry.value_text == "bilateral"
        self.bilateral.setChecked(bilateral)
        self.unilateral.setChecked(not bilateral)
        super().load(values)
        self._variant_changed()

    def state(self) -> SectionState:
        r = self.result()
        if r.total is not None:
            return SectionState(f"{r.total}/{r.maximum}", True)
        return SectionState("incomplete", False, len(r.errors))
