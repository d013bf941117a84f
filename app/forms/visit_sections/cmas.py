"""CMAS: 14 items with anchors, seconds -> score for the timed items, live total 0-52
(clinical-rules §2.1). A total with an item missing is shown as incomplete, never imputed."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QWidget

from app.domain.instruments.cmas import (
    CMAS_ITEMS,
    CMAS_SECONDS_ITEMS,
    CMAS_SIT_UP_ITEMS,
    MAXIMUM_TOTAL,
    age_caveat,
    entries_to_store,
    score_cmas,
)
from app.domain.instruments.common import InstrumentInputError
from app.domain.visit_form import VisitValues
from app.forms.terms import MESSAGE, item_words, phrases
from app.forms.visit_sections import (
    ChoiceField,
    NumberField,
    Section,
    SectionState,
    note_label,
)

# The timed items: each has a "seconds held" entry beside its score.
TIMED = tuple(item.code.removesuffix("_sec") for item in CMAS_SECONDS_ITEMS)


class CmasSection(Section):
    key = "cmas"
    title = QT_TRANSLATE_NOOP(
        "CmasSection", "Childhood Myositis Assessment Scale (CMAS), total 0-52")

    def __init__(self, age_years: float | None = None) -> None:
        super().__init__()
        self.age_years = age_years
        self.caveat = note_label()
        self.caveat.setStyleSheet("color: #8a5a00;")
        self.outer.addWidget(self.caveat)
        grid = self.grid()
        self.derived: dict[str, QLabel] = {}
        row = 0
        for item in CMAS_ITEMS:
            choices = [(a.value, f"{a.value} — {item_words(a.label)}") for a in item.anchors]
            field = self.add_field(
                ChoiceField("cmas", item.code, self.tr("CMAS item %1").replace("%1", item.number),
                            choices, numeric=True)
            )
            field.combo.setMinimumWidth(330)
            # The open list shows each anchor whole (the French ones are longer than the
            # box; the box's tooltip gives the one chosen).
            field.combo.view().setMinimumWidth(field.combo.view().sizeHintForColumn(0) + 24)
            label = QLabel(f"{item.number}. {item_words(item.label)}")
            label.setWordWrap(True)  # a long French name wraps rather than widen the section
            label.setToolTip(item_words(item.help))
            extra = None
            if item.code in TIMED:
                seconds = self.add_field(
                    NumberField(
                        "cmas",
                        f"{item.code}_sec",
                        self.tr("CMAS item %1, seconds").replace("%1", item.number),
                        check=lambda text, c=item.code: self._seconds_message(c, text),
                        width=56,
                        placeholder=self.tr("s", "seconds"),
                    )
                )
                derived = note_label()
                self.derived[item.code] = derived
                extra = QWidget()
                box = QHBoxLayout(extra)
                box.setContentsMargins(0, 0, 0, 0)
                box.addWidget(QLabel(self.tr("or seconds held")))
                box.addWidget(seconds.edit)
                box.addWidget(derived, 1)
                derived.setMinimumWidth(150)
                seconds.reason_box.setProperty("never_shown", True)
                seconds.reason_box.hide()
                row_next = self.place(grid, row, field, label, extra=extra)
                # seconds' message shares the row under the item (one of the two is shown)
                grid.addWidget(seconds.message, row + 1, 0, 1, 4)
                row = row_next
                continue
            row = self.place(grid, row, field, label)
            if item.code == "cmas_5":
                row = self._sit_up_row(grid, row)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 1)
        grid.setColumnMinimumWidth(0, 170)
        self.outer.addLayout(grid)
        self.outer.addStretch(1)
        self.refresh()

    def _sit_up_row(self, grid, row: int) -> int:
        """Optional: the six sit-up variants (5a-5f); when all are entered they give item 5.
        Two rows of three: in one row they made the section wider than the room beside
        the section list at 1366 px (issue 21)."""
        box = QWidget()
        variants = QGridLayout(box)
        variants.setContentsMargins(0, 0, 0, 0)
        variants.setHorizontalSpacing(6)
        variants.setVerticalSpacing(3)
        variants.addWidget(QLabel(self.tr("or each variant:")), 0, 0)
        messages = []
        for index, sub in enumerate(CMAS_SIT_UP_ITEMS):
            letter = sub.number[-1]
            field = self.add_field(
                ChoiceField(
                    "cmas",
                    sub.code,
                    self.tr("CMAS item %1").replace("%1", sub.number),
                    [(1, self._variant_words(letter, item_words("able"))),
                     (0, self._variant_words(letter, item_words("unable")))],
                    numeric=True,
                    width=110,
                    blank_text=self._variant_words(letter, "—"),
                )
            )
            field.combo.setToolTip(self.tr("Item %1: %2").replace("%1", sub.number)
                                   .replace("%2", item_words(sub.label)))
            field.reason_box.setProperty("never_shown", True)
            field.reason_box.hide()
            variants.addWidget(field.combo, index // 3, 1 + index % 3)
            messages.append(field.message)
        self.derived["cmas_5"] = note_label()
        variants.addWidget(self.derived["cmas_5"], 0, 4, 2, 1)
        variants.setColumnStretch(4, 1)
        grid.addWidget(box, row, 1, 1, 2)
        for message in messages:
            grid.addWidget(message, row + 1, 0, 1, 4)
        return row + 2

    def _variant_words(self, letter: str, answer: str) -> str:
        """"a: able" in the interface's writing (French spaces the colon)."""
        return self.tr("%1: %2").replace("%1", letter).replace("%2", answer)

    def _variants_entered(self) -> int:
        return sum(1 for s in CMAS_SIT_UP_ITEMS if not self.fields[s.code].is_blank())

    def _seconds_message(self, code: str, text: str) -> str | None:
        result = score_cmas({f"{code}_sec": text})
        return phrases(MESSAGE, result.errors.get(f"{code}_sec") or "") or None

    def inputs(self) -> dict[str, object]:
        """What is entered, as the domain keeps it (``entries_to_store``: seconds replace
        a timed item's score, sit-up variants replace item 5's)."""
        typed: dict[str, object] = {}
        for code, f in self.fields.items():
            entry = f.entry()
            typed[code] = None if entry is None or not entry.has_value else entry.value
        return entries_to_store(typed)

    def result(self):
        return score_cmas(self.inputs(), self.age_years)

    def collect(self, values: VisitValues) -> None:
        super().collect(values)
        stored = values.get("cmas", {})
        kept = entries_to_store({code: e.value for code, e in stored.items() if e.has_value})
        for code in [c for c, e in stored.items() if e.has_value and c not in kept]:
            del stored[code]  # replaced by the seconds or the sit-up variants

    def refresh(self) -> None:
        for code in TIMED:
            seconds = self.fields[f"{code}_sec"]
            combo = self.fields[code]
            has_seconds = not seconds.is_blank()
            combo.editor.setEnabled(not has_seconds)  # type: ignore[attr-defined]
            combo.reason_box.setEnabled(not has_seconds and combo.is_blank())
            combo.reason_box.setVisible(not has_seconds and combo.is_blank())
            text = ""
            if has_seconds and not seconds.validate():
                item = next(i for i in CMAS_ITEMS if i.code == code)
                r = score_cmas({seconds.item: seconds.text()})
                derived = next(s for s in r.items if s.code == code)
                text = (self.tr("→ score %1 (%2)").replace("%1", str(derived.score))
                        .replace("%2", item_words(item.anchor_label(derived.score))))
            self.derived[code].setText(text)
        variants = self._variants_entered()
        item5 = self.fields["cmas_5"]
        item5.editor.setEnabled(not variants)  # type: ignore[attr-defined]
        item5.reason_box.setEnabled(not variants and item5.is_blank())
        item5.reason_box.setVisible(not variants and item5.is_blank())
        result = self.result()
        # How the variants decide item 5 is the domain's (``score_cmas``); shown here.
        sit_ups = next(i for i in result.items if i.code == "cmas_5")
        text = ""
        if variants and sit_ups.score is not None:
            text = (self.tr("→ score %1 (%2)").replace("%1", str(sit_ups.score))
                    .replace("%2", phrases(MESSAGE, sit_ups.derivation)))
        elif variants:
            text = (self.tr("%1: enter all six").replace("%1", phrases(MESSAGE,
                                                                        sit_ups.derivation))
                    if sit_ups.derivation else "")
        self.derived["cmas_5"].setText(text)
        if result.total is not None:
            text = (self.tr("<b>CMAS total %1 / %2</b>").replace("%1", str(result.total))
                    .replace("%2", str(MAXIMUM_TOTAL)))
        elif result.errors:
            text = self.tr("<b>CMAS total not computed</b>: %n entry(ies) to correct.", "",
                           len(result.errors))
        else:
            # %n, the items missing: French agrees with it (1 item manquant, 2 manquants)
            text = (self.tr("<b>Incomplete</b>: %n of 14 items missing; sum of the items "
                            "entered %1 (partial, not a total).", "", len(result.missing))
                    .replace("%1", str(result.partial_sum)))
        self.score.setText(text)
        caveat = None
        if self.age_years is not None:
            try:
                caveat = age_caveat(self.age_years)
            except InstrumentInputError:  # an impossible age (a wrong stored visit date):
                caveat = None  # the visit date's field says what is wrong
        self.caveat.setText(phrases(MESSAGE, caveat or ""))
        self.caveat.setVisible(bool(caveat))

    def state(self) -> SectionState:
        r = self.result()
        if r.total is not None:
            return SectionState(f"{r.total}/52", True)
        return SectionState(self.tr("incomplete") if not r.errors else self.tr("errors"), False,
                            len(r.errors))
