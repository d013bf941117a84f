"""CHAQ: 30 items in 8 domains with "not applicable", aids/devices and help per domain,
pain and well-being VAS; live domain scores and disability index (clinical-rules §2.2)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QCheckBox, QGridLayout, QGroupBox, QLabel, QVBoxLayout

from app.domain.instruments.chaq import (
    AIDS,
    ANSWER_ANCHORS,
    CHAQ_ITEMS,
    DOMAINS,
    VAS_ITEMS,
    score_chaq,
)
from app.domain.instruments.common import InstrumentInputError, parse_vas
from app.domain.visit_form import ItemEntry, VisitValues
from app.forms.numbers import fixed
from app.forms.terms import MESSAGE, item_words, phrases
from app.forms.visit_sections import (
    ChoiceField,
    Section,
    SectionState,
    note_label,
)
from app.forms.visit_sections.vas import VasField
from app.forms.widgets.wrapped_check import WrappedCheck

ITEMS = {i.code: i for i in CHAQ_ITEMS}


def _vas_check(item):
    def check(text: str) -> str | None:
        try:
            parse_vas(item, text)
        except InstrumentInputError as exc:
            return phrases(MESSAGE, exc.messages[item.code])
        return None

    return check


class ChaqSection(Section):
    key = "chaq"
    title = QT_TRANSLATE_NOOP(
        "ChaqSection", "Childhood Health Assessment Questionnaire (CHAQ), disability index 0-3")

    def __init__(self) -> None:
        super().__init__()
        self.flags: dict[str, QCheckBox] = {}
        self.domain_scores: dict[str, QLabel] = {}
        columns = QGridLayout()
        columns.setHorizontalSpacing(12)
        columns.setVerticalSpacing(8)
        choices = [
            (a.value, f"{a.value} — {item_words(a.label)}" if a.value != "na"
             else self.tr("N/A — not applicable"))
            for a in ANSWER_ANCHORS
        ]
        for index, domain in enumerate(DOMAINS):
            box = QGroupBox(item_words(domain.label).replace("&", "&&"))
            layout = QVBoxLayout(box)
            layout.setSpacing(2)
            layout.setContentsMargins(6, 4, 6, 4)
            grid = self.grid()
            row = 0
            for n, code in enumerate(domain.item_codes, start=1):
                item = ITEMS[code]
                field = self.add_field(
                    ChoiceField(
                        "chaq", code, f"CHAQ {item_words(domain.label)} {n}", choices,
                        numeric=True, width=250
                    )
                )
                label = QLabel(item_words(item.label))
                label.setWordWrap(True)
                row = self.place(grid, row, field, label)
            grid.setColumnStretch(0, 1)
            layout.addLayout(grid)
            aids = [a for a in AIDS if a.domain == domain.code]
            for aid in aids:
                layout.addWidget(self._flag(aid.code, item_words(aid.label)))
            layout.addWidget(self._flag(f"help_{domain.code}",
                                        self.tr("Help from another person")))
            score = QLabel()
            score.setStyleSheet("font-weight: bold;")
            score.setWordWrap(True)
            self.domain_scores[domain.code] = score
            layout.addWidget(score)
            columns.addWidget(box, index // 2, index % 2)
        columns.setColumnStretch(0, 1)
        columns.setColumnStretch(1, 1)
        self.outer.addLayout(columns)
        other = QGroupBox(self.tr("Other aid or device: which domains does it help with?"))
        other_layout = QGridLayout(other)
        other_layout.addWidget(self._flag("aid_other", self.tr("Other aid or device used")), 0, 0)
        for i, domain in enumerate(DOMAINS):
            other_layout.addWidget(
                self._flag(f"aid_other_{domain.code}", item_words(domain.label)), 1 + i // 4, i % 4
            )
        self.outer.addWidget(other)
        vas_grid = self.grid()
        row = 0
        for item in VAS_ITEMS:
            field = VasField(
                "chaq",
                item.code,
                f"CHAQ {item_words(item.label)}",
                item_words(item.anchors[0].label),
                item_words(item.anchors[-1].label),
                check=_vas_check(item),
            )
            self.add_field(field)
            row = self.place(
                vas_grid,
                row,
                field,
                f"{item_words(item.label)[0].upper()}{item_words(item.label)[1:]}",
                editor=field.widget_row(),
            )
        vas_grid.setColumnStretch(1, 1)
        self.outer.addLayout(vas_grid)
        self.outer.addWidget(
            note_label(self.tr(
                "Domain score = highest item; an aid/device or help raises it to at least 2 "
                "(device-domain mapping provisional). Index = mean of answered domains, at least "
                "6 of 8 (provisional)."
            ))
        )
        self.outer.addStretch(1)
        self.refresh()

    def _flag(self, code: str, text: str) -> WrappedCheck:
        """The check box of an aid or of help, its words wrapping (the French aids are long)."""
        check = WrappedCheck(text)
        check.box.toggled.connect(lambda _c: self._on_changed())
        self.flags[code] = check.box
        return check

    def result(self):
        values: dict[str, object] = {}
        for code, f in self.fields.items():
            entry = f.entry()
            values[code] = None if entry is None or not entry.has_value else entry.value
        aids = [a.code for a in AIDS if self.flags[a.code].isChecked()]
        help_domains = [d.code for d in DOMAINS if self.flags[f"help_{d.code}"].isChecked()]
        other = [d.code for d in DOMAINS if self.flags[f"aid_other_{d.code}"].isChecked()]
        return score_chaq(values, aids, help_domains, other)

    def refresh(self) -> None:
        result = self.result()
        for d in result.domains:
            label = self.domain_scores[d.code]
            text = self.tr("Domain score: %1").replace(
                "%1", self.tr("unanswered") if d.score is None else str(d.score))
            if d.raised:
                text += self.tr(" (raised from %1 by aid/help)").replace(
                    "%1", str(d.highest_item_score))
            label.setText(text)
        if result.disability_index is not None:
            scored = [d for d in result.domains if d.score is not None]
            parts = " + ".join(f"{item_words(d.label)} {d.score}" for d in scored)
            total = sum(d.score for d in scored)
            text = (self.tr("<b>CHAQ disability index %1</b> = (%2) / %3 answered domains = "
                            "%4 / %3.")
                    .replace("%1", fixed(result.disability_index, 3)).replace("%2", parts)
                    .replace("%3", str(len(scored))).replace("%4", str(total)))
            unanswered = [item_words(d.label) for d in result.domains if d.score is None]
            if unanswered:
                text += " " + self.tr("Not answered: %1.").replace("%1", ", ".join(unanswered))
            self.score.setText(text)
        else:
            self.score.setText(phrases(MESSAGE, result.explanation))

    def collect(self, values: VisitValues) -> None:
        super().collect(values)
        for code, box in self.flags.items():
            if box.isChecked():
                values.setdefault("chaq", {})[code] = ItemEntry(value_num=1)

    def load(self, values: VisitValues) -> None:
        entries = values.get("chaq", {})
        for code, box in self.flags.items():
            box.blockSignals(True)
            entry = entries.get(code)
            box.setChecked(entry is not None and entry.value_num == 1)
            box.blockSignals(False)
        super().load(values)

    def state(self) -> SectionState:
        r = self.result()
        if r.disability_index is not None:
            return SectionState(self.tr("DI %1").replace("%1", fixed(r.disability_index, 2)),
                                r.complete)
        return SectionState(self.tr("no index"), False, len(r.errors))
