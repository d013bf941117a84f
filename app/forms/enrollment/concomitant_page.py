"""Enrollment wizard: concomitant medication allowed by the plan (daily corticosteroid,
pulse methylprednisolone, medicines that continue) and counselling."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.domain.concomitant_medicines import (
    ContinuingChoice,
    continuing_choices,
    corticosteroid_limit,
    pulse_limit,
    pulse_limits,
)
from app.domain.dosing import LimitResult
from app.domain.screened_therapies import screened_therapies
from app.forms.enrollment.check_words import check_words
from app.forms.language import format_date
from app.forms.numbers import (
    as_typed_by_the_domain,
    decimal,
    parsed_value,
    shown_as_typed,
    typed_problem,
)
from app.forms.terms import (
    CONTINUING,
    drug_words,
    phrase_words,
    plan_text,
    plan_text_words,
    term,
)
from app.forms.widgets import BANNER_STYLES, FieldMessage, labelled, provisional_label
from app.forms.widgets.plan_banner import plan_banner

if TYPE_CHECKING:
    from app.forms.enrollment.wizard import EnrollmentWizard


class ConcomitantPage(QWizardPage):
    def __init__(self, wizard: EnrollmentWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Concomitant medication and counselling"))
        self.setSubTitle(self.tr("Concomitant medication allowed by the plan."))
        form = QFormLayout(self)
        self.plan_banner = plan_banner()
        form.addRow(self.plan_banner)
        self.steroid = QLineEdit()
        self.steroid.setAccessibleName(self.tr("Daily corticosteroid dose in mg per day"))
        self.steroid.setPlaceholderText(self.tr("empty = no daily corticosteroid"))
        self.steroid_max = QLabel()
        self.steroid_max.setWordWrap(True)
        self.steroid_message = FieldMessage(self.tr("Daily corticosteroid"))
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        # The value that will be used, as read ("= 7,5 mg/day"; issue 21).
        self.steroid_read = QLabel()
        self.steroid_read.setAccessibleName(self.tr("Daily corticosteroid dose as read"))
        row = QHBoxLayout()
        row.addWidget(self.steroid, 1)
        row.addWidget(self.steroid_read)
        column.addLayout(row)
        column.addWidget(self.steroid_message)
        form.addRow(labelled(self.tr("Daily &corticosteroid (mg/day):"), self.steroid), holder)
        form.addRow(self.steroid_max)  # its own full-width row: long derivations wrap
        self.pulse = QCheckBox(self.tr("IV &methylprednisolone pulses at the provider's "
                                       "discretion"))
        self.pulse.setAccessibleName(self.tr("IV methylprednisolone pulses"))
        self.pulse_max = QLabel()
        self.pulse_max.setWordWrap(True)
        form.addRow(self.pulse)
        self.pulse_choice = QComboBox()
        self.pulse_choice.setAccessibleName(self.tr("Pulse methylprednisolone schedule"))
        self.pulse_choice.addItem(self.tr("— choose the schedule —"), "")
        for lim in pulse_limits(wizard.protocol):
            self.pulse_choice.addItem(lim.label, lim.id)
        self.pulse_choice.setVisible(len(pulse_limits(wizard.protocol)) > 1)
        plan_text(self.pulse_choice)  # the plan's schedule labels
        form.addRow(self.pulse_choice)
        self.pulse_dose = QLineEdit()
        self.pulse_dose.setAccessibleName(self.tr("Pulse methylprednisolone dose in mg"))
        self.pulse_dose.setPlaceholderText(
            self.tr("mg per pulse; empty = record the maximum only"))
        self.pulse_read = QLabel()
        self.pulse_read.setAccessibleName(self.tr("Pulse dose as read"))
        row = QHBoxLayout()
        row.addWidget(self.pulse_dose, 1)
        row.addWidget(self.pulse_read)
        form.addRow(labelled(self.tr("Pulse &dose (mg):"), self.pulse_dose), row)
        form.addRow(self.pulse_max)
        self.pulse_message = FieldMessage(self.tr("Pulse methylprednisolone"))
        form.addRow(self.pulse_message)
        self.pulse_provisional = provisional_label(
            self.tr("Pulse dose rule: provisional — verify against the published plan"))
        form.addRow(self.pulse_provisional)
        # One box per medicine the arm lets continue (its may_continue rules), built when
        # the page is shown for the chosen arm.
        holder = QWidget()
        self.continuing_rows = QVBoxLayout(holder)
        self.continuing_rows.setContentsMargins(0, 0, 0, 0)
        form.addRow(holder)
        self.continuing: dict[str, QCheckBox] = {}
        self.sun = QCheckBox(self.tr("&Sun avoidance and sunscreen counselling given"))
        self.sun.setAccessibleName(self.tr("Sun protection counselling given"))
        # What the screening recorded as current, so nobody types it twice.
        self.from_screening = QLabel()
        self.from_screening.setWordWrap(True)
        self.from_screening.setStyleSheet(BANNER_STYLES["info"])
        self.from_screening.setAccessibleName(self.tr("Current therapies recorded at screening"))
        self.from_screening.hide()
        form.addRow(self.from_screening)
        form.addRow(self.sun)
        self.steroid.textChanged.connect(self._on_change)
        self.pulse_dose.textChanged.connect(self._on_change)
        self.pulse_choice.currentIndexChanged.connect(self._on_change)
        for box in (self.pulse, self.sun):
            box.toggled.connect(self._on_change)
        self._loading = False

    def initializePage(self) -> None:
        self.plan_banner.setVisible(self.w.protocol.provisional)
        self._loading = True
        d = self.w.draft
        body = self.w.flow.body(d)
        limit = corticosteroid_limit(self.w.protocol, body)
        self.steroid.setEnabled(limit is not None)
        if limit is not None:
            rule = _first_line(limit)
            self.steroid_max.setText(
                self.tr("Maximum for %1 kg: %2 mg/day. Higher doses are refused.")
                .replace("%1", decimal(body.weight_kg, 3))
                .replace("%2", decimal(limit.max_amount)) + "\n" + rule)
            self.setSubTitle(plan_text_words(limit.note) if limit.note else self.subTitle())
        else:
            self.steroid_max.setText(self.tr("This plan gives no daily corticosteroid limit."))
        limits = pulse_limits(self.w.protocol)
        self.pulse.setEnabled(bool(limits))
        self.pulse_dose.setEnabled(bool(limits))
        self.pulse_provisional.setVisible(any(lim.rule.status.value == "provisional"
                                              for lim in limits))
        self.pulse_choice.setCurrentIndex(max(0, self.pulse_choice.findData(d.pulse_limit_id)))
        self.pulse_dose.setText(shown_as_typed(d.pulse_mg))
        if len(limits) > 1:
            self.pulse.setText(self.tr("Bridging IV &methylprednisolone pulses (choose weekly "
                                       "× 4 or daily × 3)"))
        arm = self.w.protocol.arm(d.arm_id)
        self._continuing_boxes(continuing_choices(self.w.protocol, arm, self.w.flow.facts))
        d.continuing = [drug for drug in d.continuing
                        if drug in self.continuing and self.continuing[drug].isEnabled()]
        self._offer_screening_therapies()
        self.steroid.setText(shown_as_typed(d.corticosteroid_mg_per_day))
        self.pulse.setChecked(d.pulse)
        for drug, box in self.continuing.items():
            box.setChecked(drug in d.continuing)
        self.sun.setChecked(d.sun_protection_counselled)
        # Sun-protection counselling is a rule of the plans that list counselling
        # (persistent skin rash); the other plans do not ask for it.
        self.sun.setVisible(bool(self.w.protocol.counselling))
        self._loading = False
        self._refresh()

    def _offer_screening_therapies(self) -> None:
        """Tick "continue" for methotrexate when the screening recorded it as current (the
        first time this page is shown; later the clinician's choice stands) and say what
        the screening recorded."""
        d = self.w.draft
        therapies = [t for t in screened_therapies(self.w.flow.facts) if t.current]
        current = {t.drug for t in therapies}
        offered = {drug for drug, box in self.continuing.items() if box.isEnabled()}
        # Methotrexate, the plans' background therapy, continues unless unticked; the
        # other medicines stay the clinician's explicit choice (said, not ticked).
        if not d.concomitant_seen:
            d.concomitant_seen = True
            if ("methotrexate" in current and "methotrexate" in offered
                    and "methotrexate" not in d.continuing):
                d.continuing.append("methotrexate")
        words = []
        for t in therapies:
            since = (self.tr(" since %1").replace("%1", format_date(t.started_on))
                     if t.started_on else "")
            if t.drug == "prednisone":
                text = self.tr("corticosteroids%1: enter today's daily dose above")
            elif t.drug == "methotrexate" and "methotrexate" in offered:
                text = self.tr("methotrexate%1: continued below unless you untick it")
            elif t.drug in offered:
                text = self.tr("%2%1: tick below if it continues")
            else:
                text = self.tr("%2%1: not continued on this arm")
            words.append(text.replace("%1", since).replace("%2", drug_words(t.drug)))
        self.from_screening.setText(self.tr("The screening recorded as current: %1.")
                                    .replace("%1", self.tr("; ").join(words)) if words
                                    else "")
        self.from_screening.setVisible(bool(words))

    def _on_change(self, *_args: object) -> None:
        if self._loading:
            return
        d = self.w.draft
        d.corticosteroid_mg_per_day = as_typed_by_the_domain(self.steroid.text().strip())
        d.pulse = self.pulse.isChecked()
        d.pulse_limit_id = self.pulse_choice.currentData() or ""
        d.pulse_mg = as_typed_by_the_domain(self.pulse_dose.text().strip())
        d.continuing = [drug for drug, box in self.continuing.items()
                        if box.isChecked() and box.isEnabled()]
        d.sun_protection_counselled = self.sun.isChecked()
        self._refresh()
        self.w.draft_changed()
        self.completeChanged.emit()

    def _continuing_boxes(self, choices: list[ContinuingChoice]) -> None:
        """One box per medicine the arm lets continue; a medicine the screening did not
        record as current is shown, not offered, with the reason."""
        for box in self.continuing.values():
            self.continuing_rows.removeWidget(box)
            box.deleteLater()
        self.continuing = {}
        for choice in choices:
            text = self.tr("Continue current %1").replace("%1", drug_words(choice.drug))
            box = QCheckBox(text if choice.allowed else self.tr(
                "%1 — not applicable (%2)").replace("%1", text).replace(
                    "%2", term(CONTINUING, choice.why_not)))
            box.setAccessibleName(text)
            box.setEnabled(choice.allowed)
            box.toggled.connect(self._on_change)
            self.continuing_rows.addWidget(box)
            self.continuing[choice.drug] = box

    def _refresh(self) -> None:
        problems = self.w.flow.concomitant_problems(self.w.draft)
        for edit, shown, unit in ((self.steroid, self.steroid_read, self.tr("mg/day")),
                                  (self.pulse_dose, self.pulse_read, "mg")):
            typed = edit.text().strip()
            shown.setText(parsed_value("dose", typed, unit) if typed else "")
        # A comma that cannot be read is refused in the interface's words (issue 21).
        self.steroid_message.show_message(
            problems.get("corticosteroid") and (typed_problem(
                "corticosteroid", self.steroid.text().strip(), self.tr("Daily corticosteroid"))
                or check_words(problems.get("corticosteroid"))))
        self.pulse_message.show_message(
            problems.get("pulse") and (typed_problem(
                "pulse", self.pulse_dose.text().strip(), self.tr("Pulse dose"))
                or check_words(problems.get("pulse"))))
        pulsing = self.pulse.isChecked() and self.pulse.isEnabled()
        self.pulse_choice.setEnabled(pulsing)
        self.pulse_dose.setEnabled(pulsing)
        d = self.w.draft
        body = self.w.flow.body(d)
        pulse = pulse_limit(self.w.protocol, body, d.pulse_limit_id)
        if pulse is not None:
            self.pulse_max.setText(
                self.tr("Maximum per pulse for %1 kg: %2 mg (%3)")
                .replace("%1", decimal(body.weight_kg, 3))
                .replace("%2", decimal(pulse.max_amount))
                .replace("%3", _first_line(pulse))
                + (f"; {plan_text_words(pulse.frequency)}" if pulse.frequency else "")
                + ". " + self.tr("A higher pulse dose is refused."))
        elif pulse_limits(self.w.protocol):
            self.pulse_max.setText(
                self.tr("Choose the pulse schedule to see the maximum per pulse."))
        else:
            self.pulse_max.setText(self.tr("This plan gives no pulse methylprednisolone limit."))

    def isComplete(self) -> bool:
        return not self.w.flow.concomitant_problems(self.w.draft)


def _first_line(limit: LimitResult) -> str:
    """The limit's arithmetic ("Daily corticosteroid …: 2 mg/kg/day × 20 kg = 40 mg/day; …")
    in the interface's language."""
    return phrase_words(limit.explained[0]) if limit.explained else (
        limit.derivation.splitlines()[0])
