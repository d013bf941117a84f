"""Response at a follow-up visit (clinical-rules §3): the 2016 ACR/EULAR total
improvement score (each measure's baseline, now, change, band, points; total and
category, marked provisional), PRINTO clinically inactive disease, IMACS improvement."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.domain.display_words import code_words
from app.domain.phrases import sentences
from app.domain.response import MEASURE_LABELS, MUSCLE_LABELS, CoreMeasure, MuscleInstrument
from app.domain.visit_response import VisitResponse, visit_response
from app.domain.visit_values import VisitValues
from app.forms.numbers import number_words, numbers_in_words
from app.forms.terms import MESSAGE, band_words, item_words, phrases
from app.forms.visit_sections import Section, SectionState, note_label

COLUMNS = (QT_TRANSLATE_NOOP("ResponseSection", "Measure"),
           QT_TRANSLATE_NOOP("ResponseSection", "Baseline"),
           QT_TRANSLATE_NOOP("ResponseSection", "Now"),
           QT_TRANSLATE_NOOP("ResponseSection", "Change"),
           QT_TRANSLATE_NOOP("ResponseSection", "Band"),
           QT_TRANSLATE_NOOP("ResponseSection", "Points"))
# Result codes in words: the TIS category, the PRINTO and IMACS statuses.
RESULT_WORDS = {
    "minimal": QT_TRANSLATE_NOOP("ResponseSection", "minimal"),
    "moderate": QT_TRANSLATE_NOOP("ResponseSection", "moderate"),
    "major": QT_TRANSLATE_NOOP("ResponseSection", "major"),
    "none": QT_TRANSLATE_NOOP("ResponseSection", "none"),
    "inactive": QT_TRANSLATE_NOOP("ResponseSection", "inactive"),
    "not_inactive": QT_TRANSLATE_NOOP("ResponseSection", "not inactive"),
    "undetermined": QT_TRANSLATE_NOOP("ResponseSection", "undetermined"),
    "improved": QT_TRANSLATE_NOOP("ResponseSection", "improved"),
    "not_improved": QT_TRANSLATE_NOOP("ResponseSection", "not improved"),
}


def _verdict_first(text: str) -> str:
    """Bold the verdict (the first sentence), keep the working in grey below it."""
    head, _sep, rest = text.partition(". ")
    rest = rest.replace("..", ".")
    return f"<b>{escape(head)}.</b><br><span style='color:#444'>{escape(rest)}</span>"


def _fmt(value: float | None, places: int = 2) -> str:
    if value is None:
        return "—"
    return number_words(f"{value:.{places}f}".rstrip("0").rstrip("."))


def _said(text: str) -> str:
    """A computed explanation (numbers, labels, no typed text) in the interface's words,
    its decimals with the interface's mark."""
    return numbers_in_words(phrases(MESSAGE, text))



# The TIS category as a whole phrase, so a language agrees its adjective with "response"
# and says none its own way ("aucune réponse", "réponse majeure"), never "%2 response".
RESPONSE_WORDS = {
    "none": QT_TRANSLATE_NOOP("ResponseSection", "no response"),
    "minimal": QT_TRANSLATE_NOOP("ResponseSection", "minimal response"),
    "moderate": QT_TRANSLATE_NOOP("ResponseSection", "moderate response"),
    "major": QT_TRANSLATE_NOOP("ResponseSection", "major response"),
}


def response_words(category: str) -> str:
    """The TIS category (app.domain.response.total_improvement) as the response it names."""
    return QCoreApplication.translate("ResponseSection", RESPONSE_WORDS[category])


def _words(code: str) -> str:
    """A result code in words: "not_inactive" -> "not inactive"."""
    if code in RESULT_WORDS:
        return QCoreApplication.translate("ResponseSection", RESULT_WORDS[code])
    return code_words(code).lower()

class ResponseSection(Section):
    key = "response"
    title = QT_TRANSLATE_NOOP("ResponseSection", "Response against baseline")

    def __init__(self, baseline_values: VisitValues | None) -> None:
        super().__init__()
        self.baseline_values = baseline_values
        self.current: VisitValues = {}
        self.response: VisitResponse | None = None
        self.table = QTableWidget(7, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setFixedHeight(7 * 22 + self.table.horizontalHeader().sizeHint().height() + 6)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.table.setAccessibleName(self.tr("Total improvement score"))
        self.outer.addWidget(self.table)
        self.total = QLabel()
        self.total.setStyleSheet("font-size: 14px;")
        self.total.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.outer.addWidget(self.total)
        self.tis_note = note_label()
        self.outer.addWidget(self.tis_note)
        printo = QGroupBox(self.tr("PRINTO clinically inactive disease (Lazarevic 2013)"))
        p = QVBoxLayout(printo)
        self.printo = QLabel()
        self.printo.setWordWrap(True)
        p.addWidget(self.printo)
        self.outer.addWidget(printo)
        imacs = QGroupBox(self.tr("IMACS definition of improvement (Rider 2004)"))
        i = QVBoxLayout(imacs)
        self.imacs = QLabel()
        self.imacs.setWordWrap(True)
        i.addWidget(self.imacs)
        self.outer.addWidget(imacs)
        self.outer.addStretch(1)
        self.refresh()

    def set_current(self, values: VisitValues) -> None:
        self.current = values
        self.refresh()

    def refresh(self) -> None:
        if self.baseline_values is None:
            self.score.setText(self.tr("No baseline visit recorded: the response cannot be "
                                       "computed."))
            return
        r = visit_response(self.baseline_values, self.current)
        self.response = r
        tis = r.tis
        rows = tis.measures if tis is not None else ()
        for row, m in enumerate(rows):
            change = "—" if m.percent_change is None else number_words(f"{m.percent_change:+.1f}%")
            measure = item_words(m.label)
            if m.instrument:
                measure = self.tr("%1: %2").replace("%1", measure).replace(
                    "%2", item_words(MUSCLE_LABELS[MuscleInstrument(m.instrument)]))
            if m.measure.value == "enzyme" and r.baseline.enzyme_code:
                measure = self.tr("%1: %2").replace("%1", measure).replace(
                    "%2", r.baseline.enzyme_code.upper() + " " + self.tr("× ULN"))
            cells = (
                measure,
                _fmt(m.baseline),
                _fmt(m.follow_up),
                change,
                band_words(m.band) if m.band else (
                    phrases(MESSAGE, m.reason) if m.reason else "—"),
                _fmt(m.points, 1),
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if m.calculation:
                    item.setToolTip(_said(m.calculation))
                elif m.reason:
                    item.setToolTip(phrases(MESSAGE, m.reason))
                self.table.setItem(row, col, item)
        total_row = len(rows)
        self.table.setItem(total_row, 0, QTableWidgetItem(self.tr("Total improvement score")))
        for col in range(1, 5):
            self.table.setItem(total_row, col, QTableWidgetItem(""))
        self.table.setItem(
            total_row, 5, QTableWidgetItem(_fmt(tis.tis, 1) if tis and tis.tis is not None else "—")
        )
        if tis is not None and tis.tis is not None:
            code = tis.category.value if tis.category else "none"
            category = _words(code)
            text = (
                "<b>" + self.tr("TIS %1 / 100 — %2").replace("%1", _fmt(tis.tis, 1))
                .replace("%2", response_words(code)) + "</b> "
                "<span style='color:#8a5a00'>" + self.tr("(provisional)") + "</span>"
            )
            state = f"TIS {_fmt(tis.tis, 1)} {category}"
        else:
            missing = (", ".join(item_words(MEASURE_LABELS[CoreMeasure(code)])
                                 for code in (*tis.missing, *tis.not_comparable))
                       if tis else self.tr("inputs"))
            text = (
                self.tr("<b>TIS not computed</b> — missing or not comparable: %1")
                .replace("%1", missing) + " "
                "<span style='color:#8a5a00'>" + self.tr("(provisional rule)") + "</span>"
            )
            state = "TIS —"
        self.total.setText(text)
        self.tis_note.setTextFormat(Qt.PlainText)
        self.tis_note.setText(
            self.tr("Provisional: the percent-change rule (improvement ÷ full range; enzyme "
                    "relative to baseline) awaits confirmation against the IMACS calculator. "
                    "Minimal ≥ 30, moderate ≥ 45, major ≥ 70.")
            + " " + _said(sentences(" ", [r.muscle_note, r.enzyme_note]))
            # each message in its words (a Sentence by its phrase, text as written)
            + (" " + " ".join(phrases(MESSAGE, m) for m in r.errors.values())
               if r.errors else "")
        )
        self.printo.setText(_verdict_first(_said(r.printo.explanation))
                            if r.printo else self.tr("Not computed."))
        self.imacs.setText(_verdict_first(_said(r.imacs.explanation))
                           if r.imacs else self.tr("Not computed."))
        # (the French spaces its ";" and ":": each piece through the translation)
        self.score.setText(
            state
            + (self.tr("; PRINTO: %1").replace("%1", _words(r.printo.status.value))
               if r.printo else "")
            + (self.tr("; IMACS: %1").replace("%1", _words(r.imacs.status.value))
               if r.imacs else "")
        )
        self._state = state

    def category(self) -> str | None:  # (a code, for callers that compare it)
        if self.response and self.response.tis and self.response.tis.category:
            return self.response.tis.category.value
        return None

    def tis(self) -> float | None:
        if self.response and self.response.tis:
            return self.response.tis.tis
        return None

    def collect(self, values: VisitValues) -> None:  # computed only, nothing stored
        return None

    def state(self) -> SectionState:
        return SectionState(getattr(self, "_state", ""), True)
