"""MMT8: 8 muscle groups, Kendall 0-10; unilateral (0-80) by default, bilateral (0-150)
as an option recorded with the data (clinical-rules §2.3)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QRadioButton

from app.domain.instruments.mmt8 import (
    BILATERAL_ITEMS,
    KENDALL_ANCHORS,
    MUSCLE_GROUPS,
    UNILATERAL_ITEMS,
    score_mmt8,
    validate_mmt8,
)
from app.domain.visit_form import ItemEntry, VisitValues
from app.forms.terms import MESSAGE, item_words, phrases
from app.forms.visit_sections import Field, NumberField, Section, SectionState, note_label


class Mmt8Section(Section):
    key = "mmt8"
    title = QT_TRANSLATE_NOOP("Mmt8Section", "Manual muscle testing (MMT8), Kendall 0-10")

    def __init__(self) -> None:
        super().__init__()
        choose = QHBoxLayout()
        self.unilateral = QRadioButton(self.tr("Unilateral (right side), total 0-80"))
        self.bilateral = QRadioButton(self.tr("Bilateral (neck flexors + both sides), total 0-150"))
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
        grid.addWidget(QLabel(self.tr("<b>Muscle group</b>")), 0, 0)
        grid.addWidget(QLabel(self.tr("<b>Unilateral</b>")), 0, 1, 1, 2)
        grid.addWidget(QLabel(self.tr("<b>Right</b>")), 0, 3, 1, 2)
        grid.addWidget(QLabel(self.tr("<b>Left</b>")), 0, 5, 1, 2)
        self.uni: dict[str, NumberField] = {}
        self.bi: dict[str, NumberField] = {}
        row = 1
        for group_def in MUSCLE_GROUPS:
            grid.addWidget(QLabel(item_words(group_def.label).capitalize()), row, 0)
            code = f"mmt_{group_def.code}"
            u = self._grade(code, item_words(f"MMT8 {group_def.label}"), "unilateral")
            self.uni[code] = u
            grid.addWidget(u.edit, row, 1)
            grid.addWidget(u.reason_box, row, 2)
            grid.addWidget(u.message, row + 1, 0, 1, 8)
            if group_def.bilateral:
                for col, side, offset in ((3, "r", 1), (5, "l", 2)):
                    b = self._grade(
                        f"{code}_{side}",
                        item_words(f"MMT8 {group_def.label}, "
                                   f"{'right' if side == 'r' else 'left'}"),
                        "bilateral",
                    )
                    self.bi[b.item] = b
                    grid.addWidget(b.edit, row, col)
                    grid.addWidget(b.reason_box, row, col + 1)
                    grid.addWidget(b.message, row + offset, 0, 1, 8)
            row += 3
        grid.setColumnStretch(7, 1)
        self.outer.addLayout(grid)
        # (the separator translated: French spaces its ";")
        anchors = self.tr("; ").join(item_words(a.label) for a in KENDALL_ANCHORS[::2])
        self.outer.addWidget(note_label(self.tr("Kendall scale: %1.").replace("%1", anchors)))
        self.outer.addStretch(1)
        self._variant_changed()

    def _grade(self, code: str, label: str, variant: str) -> NumberField:
        items = UNILATERAL_ITEMS if variant == "unilateral" else BILATERAL_ITEMS
        assert code in {i.code for i in items}

        def check(text: str, code=code, variant=variant) -> str | None:
            return phrases(MESSAGE, validate_mmt8({code: text}, variant).get(code) or "") or None

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
            variant = (self.tr("unilateral") if r.variant.value == "unilateral"
                       else self.tr("bilateral"))
            self.score.setText(self.tr("<b>MMT8 (%1) total %2 / %3</b>").replace("%1", variant)
                               .replace("%2", str(r.total)).replace("%3", str(r.maximum)))
        elif r.errors:
            self.score.setText(self.tr("<b>MMT8 total not computed</b>: %n grade(s) to correct.",
                                       "", len(r.errors)))
        else:
            self.score.setText(
                self.tr("<b>Incomplete</b>: %1 of %2 grades missing; sum entered %3 (partial, "
                        "not a total).").replace("%1", str(len(r.missing)))
                .replace("%2", str(len(r.grades))).replace("%3", str(r.partial_sum))
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
        return SectionState(self.tr("incomplete"), False, len(r.errors))
