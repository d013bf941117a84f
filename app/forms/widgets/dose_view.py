"""One planned dose as the clinician checks it: the amount, how it was worked out, the
final dose and the reason for a difference (enrollment wizard, arm switch dialog)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.dose_sentences import PER_DAY
from app.domain.dosing import DoseResult, final_dose_words
from app.domain.errors import InputError
from app.domain.phrases import phrase
from app.domain.planned_doses import DoseEntry, PlannedDose, dose_key
from app.domain.units import parse_number
from app.forms.language import explanation_in_words, format_date
from app.forms.numbers import (
    as_typed_by_the_domain,
    decimal,
    parsed_value,
    shown_as_typed,
    typed_problem,
)
from app.forms.terms import phrase_words, plan_text, plan_text_words
from app.forms.widgets import BANNER_STYLES, FieldMessage, banner, labelled, provisional_label


class DoseView(QGroupBox):
    """One dose: the amount in large type, its derivation, and the final dose + reason."""

    changed = Signal()

    def __init__(self, planned: PlannedDose, entry: DoseEntry, parent: QWidget | None = None
                 ) -> None:
        r = planned.result
        super().__init__(plan_text_words(r.label or r.drug))
        name = r.label or r.drug
        self.drug = r.drug
        self.key = dose_key(r)
        layout = QVBoxLayout(self)
        self.headline = banner(point_size=16)
        self.headline.setStyleSheet(BANNER_STYLES["info"])
        self.headline.setAccessibleName(self.tr("%1 dose").replace("%1", name))
        plan_text(self.headline)  # the dose engine's headline (drug, amount, plan words)
        layout.addWidget(self.headline)
        self.calc = QLabel()
        self.calc.setWordWrap(True)
        layout.addWidget(self.calc)
        self.range = QLabel()
        self.range.setWordWrap(True)
        self.range.setAccessibleName(self.tr("%1 dose range").replace("%1", name))
        self.range.setStyleSheet(BANNER_STYLES["wait"])
        self.range.setVisible(r.range_max is not None)
        layout.addWidget(self.range)
        self.dates = QLabel()
        self.dates.setWordWrap(True)
        self.dates.setAccessibleName(self.tr("%1 dose dates").replace("%1", name))
        plan_text(self.dates)  # with the plan's frequency words
        self.dates.hide()
        layout.addWidget(self.dates)
        # e.g. abatacept IV below its labelled age of 6 years
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setAccessibleName(self.tr("%1 warnings").replace("%1", name))
        plan_text(self.warnings)  # the dose engine's warnings (English, as printed)
        self.warnings.setStyleSheet(BANNER_STYLES["bad"])
        self.warnings.hide()
        layout.addWidget(self.warnings)
        self.provisional: QLabel | None = None
        if r.status.value == "provisional" or (r.rounding and r.rounding.status.value ==
                                               "provisional"):
            what = (self.tr("Dose rule") if r.status.value == "provisional"
                    else self.tr("Rounding"))
            self.provisional = provisional_label(
                self.tr("%1: provisional — verify against the published plan").replace("%1",
                                                                                       what))
            self.provisional.setAccessibleName(self.tr("%1 provisional").replace("%1", name))
            if r.status.value == "provisional":
                self.provisional.setStyleSheet(BANNER_STYLES["wait"] + " font-weight: bold;")
            layout.addWidget(self.provisional)
        derivation_label = QLabel(self.tr("How this dose was worked out:"))
        layout.addWidget(derivation_label)
        self.derivation = QPlainTextEdit()
        self.derivation.setReadOnly(True)
        self.derivation.setAccessibleName(self.tr("%1 derivation").replace("%1", name))
        plan_text(self.derivation)  # the dose engine's derivation (English, as printed)
        self.derivation.setMinimumHeight(110)
        layout.addWidget(self.derivation)
        form = QFormLayout()
        unit = _unit_words(r)
        self.final = QLineEdit(shown_as_typed(entry.final))
        self.final.setPlaceholderText(
            self.tr("empty = give the computed dose (%1)").replace("%1", unit))
        self.final.setAccessibleName(
            self.tr("%1 final dose in %2").replace("%1", name).replace("%2", unit))
        self.reason = QLineEdit(entry.reason)
        self.reason.setAccessibleName(
            self.tr("%1 reason for a different dose").replace("%1", name))
        self.reason.setPlaceholderText(self.tr("required when the final dose differs"))
        self.message = FieldMessage(f"{r.label or r.drug} final dose")
        # The value that will be used, as read ("= 7,5 mg/jour"): a decimal comma is read.
        self.final_value = QLabel()
        self.final_value.setAccessibleName(
            self.tr("%1 final dose as read").replace("%1", name))
        final_row = QHBoxLayout()
        final_row.addWidget(self.final, 1)
        final_row.addWidget(self.final_value)
        form.addRow(labelled(self.tr("&Final dose (%1):").replace("%1", unit), self.final),
                    final_row)
        form.addRow(labelled(self.tr("&Reason for difference:"), self.reason), self.reason)
        form.addRow("", self.message)
        layout.addLayout(form)
        self.final.textChanged.connect(lambda _t: self.changed.emit())
        self.reason.textChanged.connect(lambda _t: self.changed.emit())
        self.show_plan(planned)

    def entry(self) -> DoseEntry:
        return DoseEntry(as_typed_by_the_domain(self.final.text().strip()),
                         self.reason.text().strip())

    def show_plan(self, planned: PlannedDose) -> None:
        r = planned.result
        unit = _unit_words(r)
        headline = phrase_words(planned.headline_words)
        self.headline.setText(headline)
        amount = f"{decimal(r.cap or 0)} {unit}"
        cap = ((self.tr("maximum %1 — APPLIED, dose capped") if r.capped
                else self.tr("maximum %1 — not exceeded")).replace("%1", amount)
               if r.cap is not None else self.tr("no maximum in the plan"))
        if r.range_max is not None:
            cap = (self.tr("range top %1 is the maximum").replace(
                "%1", f"{decimal(r.range_max)} {unit}")
                + ("; " + self.tr("cap %1").replace("%1", amount) if r.cap is not None else ""))
        if planned.problem:
            self.headline.setStyleSheet(BANNER_STYLES["bad"])
            self.headline.setText(headline + "  " + self.tr(
                "(computed — the final dose entered is not accepted)"))
        elif planned.check is not None and planned.check.below_minimum:
            # Allowed with a reason, but never silently: the plan says "at least".
            self.headline.setStyleSheet(BANNER_STYLES["bad"])
            self.headline.setText(headline + "  " + self.tr(
                "(final dose BELOW the plan minimum of %1)").replace(
                    "%1", f"{decimal(r.minimum or 0)} {unit}"))
        elif planned.check is not None and planned.check.differs:
            self.headline.setStyleSheet(BANNER_STYLES["wait"])
            self.headline.setText(headline + "  " + self.tr(
                "(final dose; computed %1)").replace("%1", f"{decimal(r.amount)} {unit}"))
        else:
            self.headline.setStyleSheet(BANNER_STYLES["info"])
        text = (self.tr("Computed: %1 (raw %2; %3).")
                .replace("%1", f"{decimal(r.amount)} {unit}")
                .replace("%2", f"{decimal(r.calculated, 2)} {unit}").replace("%3", cap))
        if planned.check is not None and planned.check.differs and not planned.problem:
            text += " " + self.tr("Final dose differs from computed — reason: %1").replace(
                "%1", planned.override_reason)
        self.calc.setText(text)
        if r.range_max is not None:
            self.range.setText(self.tr(
                "Dose RANGE for this patient: %1 to %2 (the computed dose shown is the lower "
                "end). Type the final dose chosen within the range, with a reason; above %2 is "
                "refused.").replace("%1", decimal(r.amount))
                .replace("%2", f"{decimal(r.range_max)} {unit}"))
        if planned.schedule:
            listed = ", ".join(format_date(day) for day in planned.schedule)
            self.dates.setText(self.tr("Dose dates (%1): %2")
                               .replace("%1", plan_text_words(r.frequency))
                               .replace("%2", listed)
                               + ("" if len(planned.schedule) < 6
                                  else self.tr(", … (same schedule)")))
            self.dates.show()
        else:
            self.dates.hide()
        self.warnings.setText("\n".join(f"⚠ {w}" for w in (
            [phrase_words(w) for w in r.warned] or r.warnings)))
        self.warnings.setVisible(bool(r.warnings))
        # Shown in the interface's language from the engine's phrases; a derivation read
        # back from storage has none and is shown as stored (English).
        self.derivation.setPlainText("\n".join(phrase_words(line) for line in r.explained)
                                     if r.explained else explanation_in_words(r.derivation))
        self.message.show_message(self._problem_words(planned))

    def _problem_words(self, planned: PlannedDose) -> str | None:
        """The final-dose check's sentence in the interface's language (the same check,
        asked for its phrase; anything else, e.g. a number that is not one, as given)."""
        typed = self.final.text().strip()
        self.final_value.setText(parsed_value("final_amount", typed, _unit_words(planned.result))
                                 if typed else "")
        if not planned.problem:
            return None
        own = typed_problem("final_amount", typed, self.tr("Final dose"))
        if own:
            return own
        try:
            final = parse_number("final_amount", as_typed_by_the_domain(typed))
        except InputError:
            return planned.problem
        said = final_dose_words(planned.result, final)
        return phrase_words(said) if str(said) == planned.problem else planned.problem


def _unit_words(result: DoseResult) -> str:
    """"mg/day" ("mg/jour"): the dose engine's words for a daily amount."""
    return phrase_words(phrase(PER_DAY, result.unit)) if result.per == "day" else result.unit
