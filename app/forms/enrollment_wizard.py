"""Enrollment wizard: date and measurements, arm choice, doses, concomitant medication.

Validation, arm rules and doses come from ``app.domain.enrollment``; pages only map
widgets to the ``EnrollmentDraft``. Finish saves everything in one transaction and
cannot enroll twice (a guard here, a check in the service, a unique index below it).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.catalog import growth_reference
from app.db.engine import Database
from app.db.enrollments import (
    discard_enrollment_draft,
    finish_enrollment,
    save_enrollment_draft,
)
from app.db.prior_therapies import prior_therapy_records
from app.domain.concomitant_medicines import (
    ContinuingChoice,
    continuing_choices,
    corticosteroid_limit,
    pulse_limit,
    pulse_limits,
)
from app.domain.display_words import arm_title, drug_name
from app.domain.enrollment import PROVISIONAL_TAG, EnrollmentDraft, EnrollmentFlow, EnrollmentPage
from app.domain.errors import InputError
from app.domain.growth import GrowthSubject
from app.domain.measurements import describe_bsa
from app.domain.planned_doses import DoseEntry, PlannedDose, dose_key
from app.domain.prior_therapy import Outcome
from app.domain.protocol import Protocol
from app.domain.screened_therapies import screened_therapies
from app.domain.screening import parse_iso_date
from app.domain.treatment_course_record import chosen_words
from app.domain.units import format_number
from app.forms.language import explanation_in_words, format_date
from app.forms.terms import MEASUREMENT_CHECK, plan_text, term
from app.forms.widgets import (
    BANNER_STYLES,
    ERROR_STYLE,
    HINT_STYLE,
    AskFunction,
    DateField,
    FieldMessage,
    ask_with_message_box,
    banner,
    fit_on_screen,
    provisional_label,
)
from app.forms.widgets.arm_choice import ArmChoiceReasonsBox

PAGE_IDS = {EnrollmentPage.DETAILS: 0, EnrollmentPage.ARM: 1, EnrollmentPage.DOSES: 2,
            EnrollmentPage.CONCOMITANT: 3, EnrollmentPage.SUMMARY: 4}
AUTOSAVE_DELAY_MS = 800
KEEP, DISCARD, CONTINUE = "Keep as draft", "Discard", "Continue enrollment"


def plan_banner() -> QLabel:
    """The provisional-plan banner at the top of every page of a provisional plan."""
    label = banner(QCoreApplication.translate(
        "EnrollmentWizard", "PROVISIONAL PLAN — provisional — verify against the published "
        "plan before use"), point_size=13)
    label.setStyleSheet(BANNER_STYLES["wait"])
    label.setAccessibleName(QCoreApplication.translate("EnrollmentWizard",
                                                       "Provisional plan banner"))
    label.setAlignment(Qt.AlignCenter)
    label.hide()
    return label


def _labelled(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


class MeasurementInputs(QWidget):
    """Weight (kg/lb), height (cm/in) and the date measured, with messages and the BSA."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.weight = QLineEdit()
        self.weight.setAccessibleName(self.tr("Weight"))
        self.weight_unit = QComboBox()
        self.weight_unit.addItem("kg", "kg")
        self.weight_unit.addItem("lb", "lb")
        self.weight_unit.setAccessibleName(self.tr("Weight unit"))
        self.height = QLineEdit()
        self.height.setAccessibleName(self.tr("Height"))
        self.height_unit = QComboBox()
        self.height_unit.addItem("cm", "cm")
        self.height_unit.addItem("in", "in")
        self.height_unit.setAccessibleName(self.tr("Height unit"))
        self.measured_on = DateField()
        self.measured_on.setAccessibleName(self.tr("Date weight and height were measured"))
        self.messages = {name: FieldMessage(name) for name in ("weight", "height", "measured_on")}
        for label, edit, unit, name in (
                (self.tr("&Weight:"), self.weight, self.weight_unit, "weight"),
                (self.tr("&Height:"), self.height, self.height_unit, "height")):
            row = QHBoxLayout()
            row.addWidget(edit, 1)
            row.addWidget(unit)
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.addLayout(row)
            column.addWidget(self.messages[name])
            form.addRow(_labelled(label, edit), holder)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.measured_on)
        column.addWidget(self.messages["measured_on"])
        form.addRow(_labelled(self.tr("&Measured on:"), self.measured_on), holder)
        self.bsa = QLabel(self.tr("BSA: enter weight and height"))
        self.bsa.setAccessibleName(self.tr("Body surface area"))
        self.bsa.setWordWrap(True)
        form.addRow(self.tr("Body surface area:"), self.bsa)
        # Beyond ±3 SD for age and sex (CDC 2000): said plainly, and kept only when ticked.
        self.plausibility = QLabel()
        self.plausibility.setWordWrap(True)
        self.plausibility.setStyleSheet(BANNER_STYLES["wait"])
        self.plausibility.setAccessibleName(self.tr("Unusual measurements"))
        self.plausibility.hide()
        form.addRow(self.plausibility)
        self.confirm = QCheckBox(self.tr("I have checked these measurements and they are &right"))
        self.confirm.setAccessibleName(self.tr("Measurements checked and right"))
        self.confirm.hide()
        self.confirm.toggled.connect(lambda _on: self.changed.emit())
        form.addRow(self.confirm)
        for widget in (self.weight, self.height):
            widget.textChanged.connect(lambda _t: self.changed.emit())
        for combo in (self.weight_unit, self.height_unit):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.measured_on.changed.connect(self.changed)

    def load(self, weight: str, weight_unit: str, height: str, height_unit: str,
             measured_on: str) -> None:
        self.weight.setText(weight)
        self.weight_unit.setCurrentIndex(max(0, self.weight_unit.findData(weight_unit)))
        self.height.setText(height)
        self.height_unit.setCurrentIndex(max(0, self.height_unit.findData(height_unit)))
        self.measured_on.set_iso(measured_on)

    def set_confirmed(self, confirmed: bool) -> None:
        self.confirm.blockSignals(True)
        self.confirm.setChecked(confirmed)
        self.confirm.blockSignals(False)

    def values(self) -> tuple[str, str, str, str, str]:
        return (self.weight.text().strip(), self.weight_unit.currentData(),
                self.height.text().strip(), self.height_unit.currentData(),
                self.measured_on.iso())

    def confirmed(self) -> bool:
        return self.confirm.isChecked() and self.confirm.isVisible()

    def _in_words(self, name: str, problem: str | None) -> str | None:
        """A weight or height typed with a decimal comma stays refused (app.domain.units:
        "1,500" could be 1.5 or 1500, a dose a thousandfold off); the reason is given in
        the interface's language, in place of the domain's English sentence."""
        edit = {"weight": self.weight, "height": self.height}.get(name)
        if problem is None or edit is None or "," not in edit.text():
            return term(MEASUREMENT_CHECK, problem) if problem else problem
        label = self.tr("Weight") if name == "weight" else self.tr("Height")
        return (self.tr("%1 must be a number written with a point for decimals (for example "
                        "20.5); “%2” was entered. A comma is refused: “1,500” could mean 1.5 "
                        "or 1500, and a dose is never guessed.")
                .replace("%1", label).replace("%2", edit.text().strip()))

    def show_problems(self, problems: dict[str, str], bsa_text: str,
                      warnings: dict[str, str] | None = None,
                      hints: dict[str, str] | None = None) -> None:
        for name, message in self.messages.items():
            # A date that is not a date says so in red beside itself: no second message.
            own = name == "measured_on" and self.measured_on.problem()
            message.show_message(None if own else self._in_words(name, problems.get(name)))
        # The domain's "BSA 0.80 m² (Mosteller: …)": the abbreviation in the interface's
        # language (SC, surface corporelle), the arithmetic as it is.
        self.bsa.setText(bsa_text.replace("BSA", self.tr("BSA"), 1))
        warnings = warnings or {}
        hints = {k: v for k, v in (hints or {}).items() if k not in problems}
        lines = list(warnings.values()) + list(hints.values())
        self.plausibility.setText("\n".join(lines))
        self.plausibility.setVisible(bool(lines))
        self.confirm.setVisible(bool(warnings))
        if not warnings and self.confirm.isChecked():
            self.confirm.blockSignals(True)
            self.confirm.setChecked(False)
            self.confirm.blockSignals(False)


class DoseView(QGroupBox):
    """One dose: the amount in large type, its derivation, and the final dose + reason."""

    changed = Signal()

    def __init__(self, planned: PlannedDose, entry: DoseEntry, parent: QWidget | None = None
                 ) -> None:
        r = planned.result
        super().__init__(r.label or r.drug)
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
        unit = f"{r.unit}/day" if r.per == "day" else r.unit
        self.final = QLineEdit(entry.final)
        self.final.setPlaceholderText(
            self.tr("empty = give the computed dose (%1)").replace("%1", unit))
        self.final.setAccessibleName(
            self.tr("%1 final dose in %2").replace("%1", name).replace("%2", unit))
        self.reason = QLineEdit(entry.reason)
        self.reason.setAccessibleName(
            self.tr("%1 reason for a different dose").replace("%1", name))
        self.reason.setPlaceholderText(self.tr("required when the final dose differs"))
        self.message = FieldMessage(f"{r.label or r.drug} final dose")
        form.addRow(_labelled(self.tr("&Final dose (%1):").replace("%1", unit), self.final),
                    self.final)
        form.addRow(_labelled(self.tr("&Reason for difference:"), self.reason), self.reason)
        form.addRow("", self.message)
        layout.addLayout(form)
        self.final.textChanged.connect(lambda _t: self.changed.emit())
        self.reason.textChanged.connect(lambda _t: self.changed.emit())
        self.show_plan(planned)

    def entry(self) -> DoseEntry:
        return DoseEntry(self.final.text().strip(), self.reason.text().strip())

    def show_plan(self, planned: PlannedDose) -> None:
        r = planned.result
        unit = f"{r.unit}/day" if r.per == "day" else r.unit
        self.headline.setText(planned.headline)
        amount = f"{format_number(r.cap or 0)} {unit}"
        cap = ((self.tr("maximum %1 — APPLIED, dose capped") if r.capped
                else self.tr("maximum %1 — not exceeded")).replace("%1", amount)
               if r.cap is not None else self.tr("no maximum in the plan"))
        if r.range_max is not None:
            cap = (self.tr("range top %1 is the maximum").replace(
                "%1", f"{format_number(r.range_max)} {unit}")
                + ("; " + self.tr("cap %1").replace("%1", amount) if r.cap is not None else ""))
        if planned.problem:
            self.headline.setStyleSheet(BANNER_STYLES["bad"])
            self.headline.setText(planned.headline + "  " + self.tr(
                "(computed — the final dose entered is not accepted)"))
        elif planned.check is not None and planned.check.below_minimum:
            # Allowed with a reason, but never silently: the plan says "at least".
            self.headline.setStyleSheet(BANNER_STYLES["bad"])
            self.headline.setText(planned.headline + "  " + self.tr(
                "(final dose BELOW the plan minimum of %1)").replace(
                    "%1", f"{format_number(r.minimum or 0)} {unit}"))
        elif planned.check is not None and planned.check.differs:
            self.headline.setStyleSheet(BANNER_STYLES["wait"])
            self.headline.setText(planned.headline + "  " + self.tr(
                "(final dose; computed %1)").replace("%1", f"{format_number(r.amount)} {unit}"))
        else:
            self.headline.setStyleSheet(BANNER_STYLES["info"])
        text = (self.tr("Computed: %1 (raw %2; %3).")
                .replace("%1", f"{format_number(r.amount)} {unit}")
                .replace("%2", f"{format_number(r.calculated, 2)} {unit}").replace("%3", cap))
        if planned.check is not None and planned.check.differs and not planned.problem:
            text += " " + self.tr("Final dose differs from computed — reason: %1").replace(
                "%1", planned.override_reason)
        self.calc.setText(text)
        if r.range_max is not None:
            self.range.setText(self.tr(
                "Dose RANGE for this patient: %1 to %2 (the computed dose shown is the lower "
                "end). Type the final dose chosen within the range, with a reason; above %2 is "
                "refused.").replace("%1", format_number(r.amount))
                .replace("%2", f"{format_number(r.range_max)} {unit}"))
        if planned.schedule:
            listed = ", ".join(format_date(day) for day in planned.schedule)
            self.dates.setText(self.tr("Dose dates (%1): %2").replace("%1", r.frequency)
                               .replace("%2", listed)
                               + ("" if len(planned.schedule) < 6
                                  else self.tr(", … (same schedule)")))
            self.dates.show()
        else:
            self.dates.hide()
        self.warnings.setText("\n".join(f"⚠ {w}" for w in r.warnings))
        self.warnings.setVisible(bool(r.warnings))
        self.derivation.setPlainText(explanation_in_words(r.derivation))
        self.message.show_message(planned.problem)


def _clear(layout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()
        elif item.layout() is not None:
            _clear(item.layout())


# --------------------------------------------------------------------------- pages


class DetailsPage(QWizardPage):
    def __init__(self, wizard: EnrollmentWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Enrollment date and measurements"))
        self.setSubTitle(self.tr("Doses are computed from these. A weight older than 30 days "
                                 "must be re-measured. Pounds and inches are accepted."))
        layout = QVBoxLayout(self)
        self.plan_banner = plan_banner()
        layout.addWidget(self.plan_banner)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(BANNER_STYLES["wait"])
        self.warning.hide()
        layout.addWidget(self.warning)
        form = QFormLayout()
        self.enrollment_date = DateField(today=wizard.today)
        self.enrollment_date.setAccessibleName(self.tr("Enrollment date"))
        self.date_message = FieldMessage(self.tr("Enrollment date"))
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.enrollment_date)
        column.addWidget(self.date_message)
        form.addRow(_labelled(self.tr("&Enrollment date:"), self.enrollment_date), holder)
        layout.addLayout(form)
        self.measurements = MeasurementInputs()
        layout.addWidget(self.measurements)
        layout.addStretch(1)
        self._loading = False
        self.enrollment_date.changed.connect(self._on_change)
        self.measurements.changed.connect(self._on_change)

    def initializePage(self) -> None:
        d = self.w.draft
        self.plan_banner.setVisible(self.w.protocol.provisional)
        self._loading = True
        self.enrollment_date.set_iso(d.enrollment_date)
        self.measurements.load(d.weight, d.weight_unit, d.height, d.height_unit, d.measured_on)
        self.measurements.set_confirmed(d.measures_confirmed)
        self._loading = False
        self._refresh()

    def _on_change(self) -> None:
        if self._loading:
            return
        d = self.w.draft
        d.enrollment_date = self.enrollment_date.iso()
        (d.weight, d.weight_unit, d.height, d.height_unit,
         d.measured_on) = self.measurements.values()
        d.measures_confirmed = self.measurements.confirm.isChecked()
        self._refresh()
        self.w.draft_changed()
        self.completeChanged.emit()

    def _refresh(self) -> None:
        problems = self.w.flow.details_problems(self.w.draft)
        self.date_message.show_message(None if self.enrollment_date.problem()
                                       else problems.get("enrollment_date"))
        try:
            bsa = describe_bsa(self.w.flow.body(self.w.draft))
        except InputError:
            bsa = self.tr("BSA: enter a valid weight and height")
        hints, warnings = self.w.flow.measurement_warnings(self.w.draft)
        self.measurements.show_problems(problems, bsa, warnings, hints)
        if not warnings:
            self.w.draft.measures_confirmed = False

    def isComplete(self) -> bool:
        return not self.w.flow.details_problems(self.w.draft)


class ArmPage(QWizardPage):
    def __init__(self, wizard: EnrollmentWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle("Choose the treatment arm")
        self.setSubTitle("Each arm's rule from the plan is applied to the screening answers"
                         " (and the prior-therapy rules to the history, on the enrollment "
                         "date).")
        outer = QVBoxLayout(self)
        self.plan_banner = plan_banner()
        outer.addWidget(self.plan_banner)
        self.prior_labels: dict[str, QLabel] = {}
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        self.option_combos: dict[str, QComboBox] = {}
        self.option_message = FieldMessage("Arm option")
        self.exception: QCheckBox | None = None
        self.exception_reason: QLineEdit | None = None
        self.exception_message = FieldMessage("Reason for the exception")
        for number, option in enumerate(wizard.flow.choices(), start=1):
            box = QGroupBox()
            column = QVBoxLayout(box)
            # Lettered arms keep their letter as the mnemonic (Alt+B = arm B); arms named
            # by a code (tnf, mp, mmp…) are numbered instead, so no two share a letter.
            title = arm_title(option.arm_id, option.name)
            radio = QRadioButton(title.replace("Arm ", "Arm &", 1) if title.startswith("Arm ")
                                 else f"&{number}  {title}")
            font = radio.font()
            font.setBold(True)
            font.setPointSize(font.pointSize() + 2)
            radio.setFont(font)
            radio.setAccessibleName(title)
            self.group.addButton(radio)
            self.radios[option.arm_id] = radio
            column.addWidget(radio)
            summary = QLabel(option.summary)
            summary.setWordWrap(True)
            column.addWidget(summary)
            arm = wizard.protocol.arm(option.arm_id)
            if arm.options:
                combo = QComboBox()
                # Long option labels (rituximab's two regimens) must not widen the page.
                combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
                combo.setMinimumContentsLength(40)
                combo.addItem("— choose the option —", "")
                for arm_option in arm.options:
                    tag = (" (provisional)" if arm_option.status.value == "provisional"
                           and "provisional" not in arm_option.label.casefold() else "")
                    combo.addItem(arm_option.label + tag, arm_option.id)
                    combo.setItemData(combo.count() - 1, arm_option.label + tag, Qt.ToolTipRole)
                if arm.default_option is not None:  # the plan's default is offered first
                    combo.setCurrentIndex(combo.findData(arm.default_option.id))
                combo.setAccessibleName(f"Arm {option.arm_id} option")
                combo.currentIndexChanged.connect(self._on_change)
                self.option_combos[option.arm_id] = combo
                row = QHBoxLayout()
                row.addWidget(_labelled("&Option:", combo))
                row.addWidget(combo, 1)
                column.addLayout(row)
            for reason in option.closed_reasons:
                label = QLabel("Not available for this patient. " + reason)
                label.setWordWrap(True)
                label.setStyleSheet(ERROR_STYLE + " font-weight: bold;")
                column.addWidget(label)
            if option.may_consider:
                self.exception = QCheckBox("R&estart previously stopped IVIG (exception)")
                consider = QLabel(option.may_consider)
                consider.setWordWrap(True)
                self.exception.setAccessibleName("Use the exception to restart stopped IVIG")
                self.exception_reason = QLineEdit()
                self.exception_reason.setAccessibleName("Reason for the exception")
                self.exception_reason.setPlaceholderText("Why restarting IVIG is considered")
                column.addWidget(self.exception)
                column.addWidget(consider)
                column.addWidget(self.exception_reason)
                column.addWidget(self.exception_message)
                self.exception.toggled.connect(self._on_change)
                self.exception_reason.textChanged.connect(self._on_change)
            if not option.selectable:
                radio.setEnabled(False)
            for caution in option.cautions:
                label = QLabel("Caution: " + caution)
                label.setWordWrap(True)
                label.setStyleSheet(BANNER_STYLES["wait"])
                column.addWidget(label)
            for text in option.may_continue:
                label = QLabel(text)
                label.setWordWrap(True)
                label.setStyleSheet(HINT_STYLE)
                column.addWidget(label)
            for text in option.monitoring:
                label = QLabel("Monitoring: " + text)
                label.setWordWrap(True)
                column.addWidget(label)
            if option.provisional:
                column.addWidget(provisional_label(f"This arm's dose rule is {PROVISIONAL_TAG}"))
            if wizard.protocol.prior_therapy_rules:
                prior = QLabel()
                prior.setWordWrap(True)
                prior.setAccessibleName(f"Arm {option.arm_id} prior-therapy rules")
                self.prior_labels[option.arm_id] = prior
                column.addWidget(prior)
            radio.toggled.connect(self._on_change)
            layout.addWidget(box)
        self.message = FieldMessage("Arm")
        self.prior_reason = QLineEdit()
        self.prior_reason.setAccessibleName("Reason for going ahead with unknown prior-therapy "
                                            "rules")
        self.prior_reason.setPlaceholderText("Only when a prior-therapy rule cannot be checked")
        self.prior_reason_message = FieldMessage("Prior-therapy rules")
        self.prior_reason.textChanged.connect(self._on_change)
        layout.addWidget(self.option_message)
        layout.addWidget(self.message)
        if wizard.protocol.prior_therapy_rules:
            layout.addWidget(_labelled("Reason for going ahead when a prior-therapy rule is "
                                       "&unknown:", self.prior_reason))
            layout.addWidget(self.prior_reason)
            layout.addWidget(self.prior_reason_message)
        else:
            self.prior_reason.hide()
        self.choice = ArmChoiceReasonsBox()
        self.choice.changed.connect(self._on_change)
        layout.addWidget(self.choice)
        layout.addStretch(1)
        scroll.setWidget(inner)
        outer.addWidget(scroll)
        self._loading = False

    def initializePage(self) -> None:
        self.plan_banner.setVisible(self.w.protocol.provisional)
        self._loading = True
        d = self.w.draft
        self.prior_reason.setText(d.prior_unknown_reason)
        if d.arm_id in self.radios:
            self.radios[d.arm_id].setChecked(True)
        combo = self.option_combos.get(d.arm_id)
        if combo is not None and d.arm_option:
            combo.setCurrentIndex(max(0, combo.findData(d.arm_option)))
        elif combo is not None:  # the combo offers the plan's default: the draft says so too
            d.arm_option = combo.currentData() or ""
        if self.exception is not None and self.exception_reason is not None:
            self.exception.setChecked(d.consider_exception)
            self.exception_reason.setText(d.exception_reason)
        self.choice.set_values(d.choice_reasons, d.choice_other)
        self._loading = False
        self._refresh()

    def choose(self, arm_id: str) -> None:
        self.radios[arm_id].setChecked(True)

    def _on_change(self, *_args: object) -> None:
        if self._loading:
            return
        d = self.w.draft
        d.arm_id = next((a for a, r in self.radios.items() if r.isChecked()), "")
        combo = self.option_combos.get(d.arm_id)
        d.arm_option = (combo.currentData() or "") if combo is not None else ""
        if self.exception is not None and self.exception_reason is not None:
            d.consider_exception = self.exception.isChecked()
            d.exception_reason = self.exception_reason.text().strip()
        d.prior_unknown_reason = self.prior_reason.text().strip()
        d.choice_reasons, d.choice_other = self.choice.values()
        self._refresh()
        self.w.draft_changed()
        self.completeChanged.emit()

    def _refresh(self) -> None:
        problems = self.w.flow.arm_problems(self.w.draft)
        chosen = bool(self.w.draft.arm_id)
        self.message.show_message(problems.get("arm") if chosen else None)
        self.option_message.show_message(problems.get("arm_option") if chosen else None)
        self.exception_message.show_message(problems.get("exception_reason"))
        self.prior_reason_message.show_message(problems.get("prior_reason") if chosen
                                               else None)
        self.choice.show_problem(problems.get("choice") if chosen else None)
        self._show_prior()

    def _show_prior(self) -> None:
        """Each arm's prior-therapy rules on the enrollment date (the chosen option for
        the chosen arm; the arm without an option otherwise)."""
        d = self.w.draft
        marks = {Outcome.MET: ("✔ Prior-therapy rules met", "#0b4f1c"),
                 Outcome.NOT_MET: ("✘ EXCLUDED by the prior-therapy rules", "#7a0000"),
                 Outcome.UNKNOWN: ("? Prior-therapy rules to check", "#5a3d00")}
        for arm_id, label in self.prior_labels.items():
            result = self.w.flow.prior_result(d, arm_id)
            if result is None:
                label.hide()
                continue
            text, colour = marks[result.outcome]
            option = f" (option {result.option})" if result.option else ""
            reasons = (" ".join(result.reasons).replace("screening date", "enrollment date")
                       if result.outcome is not Outcome.MET else "")
            limits = [format_date(f.date_limit) for f in result.findings
                      if f.date_limit is not None and f.outcome is not Outcome.NOT_APPLICABLE]
            boundary = f" Boundary date: {', '.join(limits)}." if limits else ""
            label.setText(f"{text}{option} on the enrollment date "
                          f"{format_date(parse_iso_date(d.enrollment_date))}"
                          + (" — provisional" if result.provisional else "")
                          + f". {reasons}{boundary}")
            label.setStyleSheet(f"color: {colour}; font-weight: bold;")
            label.show()

    def isComplete(self) -> bool:
        return not self.w.flow.arm_problems(self.w.draft)


class DosesPage(QWizardPage):
    def __init__(self, wizard: EnrollmentWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle("Doses")
        outer = QVBoxLayout(self)
        self.plan_banner = plan_banner()
        outer.addWidget(self.plan_banner)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        inner = QWidget()
        self.column = QVBoxLayout(inner)
        scroll.setWidget(inner)
        outer.addWidget(scroll)
        self.views: dict[str, DoseView] = {}
        self.start_date: DateField | None = None
        self.start_message = FieldMessage("First dose date")
        self.dates = QLabel()

    def initializePage(self) -> None:
        _clear(self.column)
        self.plan_banner.setVisible(self.w.protocol.provisional)
        self.views = {}
        self.start_date = None
        d = self.w.draft
        arm = self.w.protocol.arm(d.arm_id)
        chosen = f" ({arm.option(d.arm_option).label})" if arm.options and d.arm_option else ""
        self.setSubTitle(f"{arm_title(arm.id, arm.name)}{chosen}, for "
                         f"{self.w.flow.body(d).describe()}. "
                         "Check each dose and how it was worked out.")
        needs_schedule = any(rule.schedule for rule in (
            arm.doses_for(d.arm_option or None) if arm.options else arm.doses))
        if needs_schedule:
            form = QFormLayout()
            self.start_date = DateField(today=self.w.today)
            self.start_date.setAccessibleName("First dose date")
            self.start_date.set_iso(d.start_date or d.enrollment_date)
            self.start_date.changed.connect(self._on_change)
            self.start_message = FieldMessage("First dose date")
            form.addRow(_labelled("First &dose date:", self.start_date), self.start_date)
            form.addRow("", self.start_message)
            self.column.addLayout(form)
        for planned in self.w.flow.planned_doses(d):
            view = DoseView(planned, d.dose_entry(dose_key(planned.result)))
            view.changed.connect(self._on_change)
            self.views[view.key] = view
            self.column.addWidget(view)
        # IVIG (persistent skin rash arm A): the infusion dates also shown under the doses.
        self.dates = QLabel()
        self.dates.setWordWrap(True)
        self.dates.setAccessibleName("Infusion dates")
        self.dates.hide()
        self.column.addWidget(self.dates)
        for rule in arm.rules:
            if rule.kind.value == "monitoring":
                reminder = QLabel("Reminder: " + rule.text + " The visit forms will ask for "
                                  "blood pressure and creatinine on this arm.")
                reminder.setWordWrap(True)
                reminder.setStyleSheet(BANNER_STYLES["wait"])
                reminder.setAccessibleName("Monitoring reminder")
                self.column.addWidget(reminder)
        self.column.addStretch(1)
        self._refresh()

    def _on_change(self) -> None:
        d = self.w.draft
        if self.start_date is not None:
            d.start_date = self.start_date.iso()
        for key, view in self.views.items():
            d.doses[key] = view.entry()
        self._refresh()
        self.w.draft_changed()
        self.completeChanged.emit()

    def _refresh(self) -> None:
        problems = self.w.flow.dose_problems(self.w.draft)
        self.start_message.show_message(problems.get("start_date"))
        if "start_date" in problems:
            return
        for planned in self.w.flow.planned_doses(self.w.draft):
            view = self.views.get(dose_key(planned.result))
            if view is not None:
                view.show_plan(planned)
            if planned.schedule and planned.result.drug == "ivig":
                listed = ", ".join(format_date(day) for day in planned.schedule)
                self.dates.setText(f"Infusion dates ({planned.result.frequency}): {listed}, "
                                   "then monthly.")
                self.dates.show()

    def isComplete(self) -> bool:
        return not self.w.flow.dose_problems(self.w.draft)


class ConcomitantPage(QWizardPage):
    def __init__(self, wizard: EnrollmentWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle("Concomitant medication and counselling")
        self.setSubTitle("Concomitant medication allowed by the plan.")
        form = QFormLayout(self)
        self.plan_banner = plan_banner()
        form.addRow(self.plan_banner)
        self.steroid = QLineEdit()
        self.steroid.setAccessibleName("Daily corticosteroid dose in mg per day")
        self.steroid.setPlaceholderText("empty = no daily corticosteroid")
        self.steroid_max = QLabel()
        self.steroid_max.setWordWrap(True)
        self.steroid_message = FieldMessage("Daily corticosteroid")
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.steroid)
        column.addWidget(self.steroid_message)
        form.addRow(_labelled("Daily &corticosteroid (mg/day):", self.steroid), holder)
        form.addRow(self.steroid_max)  # its own full-width row: long derivations wrap
        self.pulse = QCheckBox("IV &methylprednisolone pulses at the provider's discretion")
        self.pulse.setAccessibleName("IV methylprednisolone pulses")
        self.pulse_max = QLabel()
        self.pulse_max.setWordWrap(True)
        form.addRow(self.pulse)
        self.pulse_choice = QComboBox()
        self.pulse_choice.setAccessibleName("Pulse methylprednisolone schedule")
        self.pulse_choice.addItem("— choose the schedule —", "")
        for lim in pulse_limits(wizard.protocol):
            self.pulse_choice.addItem(lim.label, lim.id)
        self.pulse_choice.setVisible(len(pulse_limits(wizard.protocol)) > 1)
        form.addRow(self.pulse_choice)
        self.pulse_dose = QLineEdit()
        self.pulse_dose.setAccessibleName("Pulse methylprednisolone dose in mg")
        self.pulse_dose.setPlaceholderText("mg per pulse; empty = record the maximum only")
        form.addRow(_labelled("Pulse &dose (mg):", self.pulse_dose), self.pulse_dose)
        form.addRow(self.pulse_max)
        self.pulse_message = FieldMessage("Pulse methylprednisolone")
        form.addRow(self.pulse_message)
        self.pulse_provisional = provisional_label(f"Pulse dose rule: {PROVISIONAL_TAG}")
        form.addRow(self.pulse_provisional)
        # One box per medicine the arm lets continue (its may_continue rules), built when
        # the page is shown for the chosen arm.
        holder = QWidget()
        self.continuing_rows = QVBoxLayout(holder)
        self.continuing_rows.setContentsMargins(0, 0, 0, 0)
        form.addRow(holder)
        self.continuing: dict[str, QCheckBox] = {}
        self.sun = QCheckBox("&Sun avoidance and sunscreen counselling given")
        self.sun.setAccessibleName("Sun protection counselling given")
        # What the screening recorded as current, so nobody types it twice.
        self.from_screening = QLabel()
        self.from_screening.setWordWrap(True)
        self.from_screening.setStyleSheet(BANNER_STYLES["info"])
        self.from_screening.setAccessibleName("Current therapies recorded at screening")
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
            rule = limit.derivation.splitlines()[0]
            self.steroid_max.setText(
                f"Maximum for {format_number(body.weight_kg, 3)} kg: "
                f"{format_number(limit.max_amount)} mg/day. Higher doses are refused.\n{rule}")
            self.setSubTitle(limit.note or self.subTitle())
        else:
            self.steroid_max.setText("This plan gives no daily corticosteroid limit.")
        limits = pulse_limits(self.w.protocol)
        self.pulse.setEnabled(bool(limits))
        self.pulse_dose.setEnabled(bool(limits))
        self.pulse_provisional.setVisible(any(lim.rule.status.value == "provisional"
                                              for lim in limits))
        self.pulse_choice.setCurrentIndex(max(0, self.pulse_choice.findData(d.pulse_limit_id)))
        self.pulse_dose.setText(d.pulse_mg)
        if len(limits) > 1:
            self.pulse.setText("Bridging IV &methylprednisolone pulses (choose weekly × 4 or "
                               "daily × 3)")
        arm = self.w.protocol.arm(d.arm_id)
        self._continuing_boxes(continuing_choices(self.w.protocol, arm, self.w.flow.facts))
        d.continuing = [drug for drug in d.continuing
                        if drug in self.continuing and self.continuing[drug].isEnabled()]
        self._offer_screening_therapies()
        self.steroid.setText(d.corticosteroid_mg_per_day)
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
            since = f" since {format_date(t.started_on)}" if t.started_on else ""
            if t.drug == "prednisone":
                words.append(f"corticosteroids{since}: enter today's daily dose above")
            elif t.drug == "methotrexate" and "methotrexate" in offered:
                words.append(f"methotrexate{since}: continued below unless you untick it")
            elif t.drug in offered:
                words.append(f"{drug_name(t.drug)}{since}: tick below if it continues")
            else:
                words.append(f"{drug_name(t.drug)}{since}: not continued on this arm")
        self.from_screening.setText("The screening recorded as current: " + "; ".join(words)
                                    + "." if words else "")
        self.from_screening.setVisible(bool(words))

    def _on_change(self, *_args: object) -> None:
        if self._loading:
            return
        d = self.w.draft
        d.corticosteroid_mg_per_day = self.steroid.text().strip()
        d.pulse = self.pulse.isChecked()
        d.pulse_limit_id = self.pulse_choice.currentData() or ""
        d.pulse_mg = self.pulse_dose.text().strip()
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
            text = f"Continue current {choice.label}"
            box = QCheckBox(text if choice.allowed else
                            f"{text} — not applicable ({choice.why_not})")
            box.setAccessibleName(f"Continue current {choice.label}")
            box.setEnabled(choice.allowed)
            box.toggled.connect(self._on_change)
            self.continuing_rows.addWidget(box)
            self.continuing[choice.drug] = box

    def _refresh(self) -> None:
        problems = self.w.flow.concomitant_problems(self.w.draft)
        self.steroid_message.show_message(problems.get("corticosteroid"))
        self.pulse_message.show_message(problems.get("pulse"))
        pulsing = self.pulse.isChecked() and self.pulse.isEnabled()
        self.pulse_choice.setEnabled(pulsing)
        self.pulse_dose.setEnabled(pulsing)
        d = self.w.draft
        body = self.w.flow.body(d)
        pulse = pulse_limit(self.w.protocol, body, d.pulse_limit_id)
        if pulse is not None:
            self.pulse_max.setText(
                f"Maximum per pulse for {format_number(body.weight_kg, 3)} kg: "
                f"{format_number(pulse.max_amount)} mg ({pulse.derivation.splitlines()[0]})"
                + (f"; {pulse.frequency}" if pulse.frequency else "")
                + ". A higher pulse dose is refused.")
        elif pulse_limits(self.w.protocol):
            self.pulse_max.setText("Choose the pulse schedule to see the maximum per pulse.")
        else:
            self.pulse_max.setText("This plan gives no pulse methylprednisolone limit.")

    def isComplete(self) -> bool:
        return not self.w.flow.concomitant_problems(self.w.draft)


class SummaryPage(QWizardPage):
    def __init__(self, wizard: EnrollmentWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle("Check and enroll")
        self.setSubTitle("Finish saves the enrollment, the arm, the measurements, the doses "
                         "and the visit schedule together.")
        layout = QVBoxLayout(self)
        self.plan_banner = plan_banner()
        layout.addWidget(self.plan_banner)
        self.arm_banner = banner(point_size=18)
        self.arm_banner.setStyleSheet(BANNER_STYLES["good"])
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.RichText)
        self.summary.setAccessibleName("Enrollment summary")
        self.summary.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.save_message = FieldMessage("Saving the enrollment")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.summary)
        layout.addWidget(self.arm_banner)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.save_message)

    def initializePage(self) -> None:
        plan = self.w.flow.finalise(self.w.draft)
        self.plan_banner.setVisible(self.w.protocol.provisional)
        arm = self.w.protocol.arm(plan.arm_id)
        chosen = (f": {arm.option(plan.arm_option).label}" if arm.options and plan.arm_option
                  else "")
        self.arm_banner.setText(f"{arm_title(arm.id, arm.name)}{chosen}")
        warn = (" <span style='color:#7a0000; background:#fff1cc'><b>PROVISIONAL — verify "
                "against the published plan</b></span>")
        doses = "".join(
            f"<li><b>{_esc(p.headline)}</b>"
            + (warn if p.result.status.value == "provisional" else "")
            + (f"<br>Range {format_number(p.result.amount)} to "
               f"{format_number(p.result.range_max)} {p.result.unit}"
               if p.result.range_max is not None else "")
            + (f" — differs from computed {format_number(p.result.amount)}: "
               f"{_esc(p.override_reason or '')}" if p.override_reason else "")
            + (f"<br>Dates: {', '.join(format_date(d) for d in p.schedule)}" if p.schedule
               else "") + "</li>" for p in plan.doses)
        conc = "".join(
            f"<li>{_esc(c.label)}"
            + (f": {format_number(c.final_amount)} {c.unit}/{c.per}" if c.final_amount
               is not None else "")
            + (f" (maximum {format_number(c.amount)} {c.unit} per pulse)" if c.calculated
               and c.amount is not None else "")
            + (warn if c.status == "provisional" else "")
            + (f"<br>Dates: {', '.join(format_date(d) for d in c.schedule)}" if c.schedule
               else "") + "</li>" for c in plan.concomitant)
        visits = "".join(
            f"<li>{_esc(v.label)}: {format_date(v.target)} (window "
            f"{format_date(v.window_start)} to {format_date(v.window_end)})</li>"
            for v in plan.visits)
        self.summary.setText(
            f"<p>Patient {_esc(self.w.patient_text)} · {_esc(self.w.protocol.title)} "
            f"({_esc(self.w.protocol.named_version)})<br>Enrollment date "
            f"{format_date(plan.enrollment_date)} · {_esc(plan.body.describe())}</p>"
            + (f"<p><b>Notes:</b> {_esc(plan.arm_notes)}</p>" if plan.arm_notes else "")
            + (f"<p><b>Why this arm:</b> {_esc(why)}</p>" if (why := chosen_words(
                plan.choice.codes, plan.choice.other_text)) else "")
            + f"<p><b>Doses</b></p><ul>{doses}</ul>"
            + f"<p><b>Concomitant</b></p><ul>{conc or '<li>none</li>'}</ul>"
            + (("<p>Sun-protection counselling: "
                + ("given" if plan.sun_protection_counselled else "<b>not recorded</b>")
                + "</p>") if self.w.protocol.counselling else "")
            + f"<p><b>Visit schedule</b></p><ul>{visits}</ul>")


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --------------------------------------------------------------------------- wizard


class EnrollmentWizard(QWizard):
    enrolled = Signal(int)  # enrollment id

    def __init__(self, database: Database, protocol: Protocol, draft: EnrollmentDraft,
                 facts: dict, screening_date: date | None, user: str,
                 today: date | None = None, patient_text: str = "",
                 ask: AskFunction | None = None, protocol_changed_note: str = "",
                 parent: QWidget | None = None, subject: GrowthSubject | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.protocol = protocol
        self.draft = draft
        self._resume_page = draft.page
        self.user = user
        self.today = today or date.today()
        self.patient_text = patient_text or f"#{draft.patient_id}"
        self.ask: AskFunction = ask or ask_with_message_box
        records: tuple = ()
        if protocol.prior_therapy_rules:
            # The patient's stored history (entered once), judged on the enrollment date.
            with database.session() as session:
                records = tuple(prior_therapy_records(session, draft.patient_id))
        self.subject = subject
        self.flow = EnrollmentFlow(protocol, facts, self.today, screening_date, records,
                                   subject, growth_reference() if subject else None)
        if not draft.enrollment_date:
            draft.enrollment_date = self.today.isoformat()
        self.enrollment_id: int | None = None
        self._finishing = False
        self._closed = False
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_DELAY_MS)
        self._autosave.timeout.connect(self.save_draft)

        self.setWindowTitle(self.tr("Enroll and choose arm — %1").replace("%1", self.patient_text))
        self.setWizardStyle(QWizard.ClassicStyle)
        self.setButtonText(QWizard.FinishButton, self.tr("&Enroll"))
        self.setButtonText(QWizard.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.BackButton, self.tr("< Bac&k"))
        fit_on_screen(self, 900, 700)
        self.details_page = DetailsPage(self)
        born = subject.date_of_birth if subject else None
        self.details_page.enrollment_date.set_birth_date(born)
        self.details_page.enrollment_date.setRange(screening_date, self.today,
                                                   "the screening date", "today")
        self.details_page.measurements.measured_on.set_birth_date(born)
        self.details_page.measurements.measured_on.setRange(born, self.today,
                                                            "the date of birth", "today")
        self.arm_page = ArmPage(self)
        self.doses_page = DosesPage(self)
        self.concomitant_page = ConcomitantPage(self)
        self.summary_page = SummaryPage(self)
        for name, page in ((EnrollmentPage.DETAILS, self.details_page),
                           (EnrollmentPage.ARM, self.arm_page),
                           (EnrollmentPage.DOSES, self.doses_page),
                           (EnrollmentPage.CONCOMITANT, self.concomitant_page),
                           (EnrollmentPage.SUMMARY, self.summary_page)):
            self.setPage(PAGE_IDS[name], page)
        self.currentIdChanged.connect(self._on_page_changed)
        if protocol_changed_note:
            self.details_page.warning.setText(protocol_changed_note)
            self.details_page.warning.show()

    def _on_page_changed(self, page_id: int) -> None:
        self.draft.page = next((n for n, i in PAGE_IDS.items() if i == page_id), "")
        self.save_draft()

    def start_at_saved_page(self) -> None:
        """Resume on the page the user left, as far as the pages before it are valid."""
        target = PAGE_IDS.get(self._resume_page)
        if target is None:
            return
        if self.currentId() == -1:
            self.restart()
        while self.currentId() < target and self.currentPage().isComplete():
            before = self.currentId()
            self.next()
            if self.currentId() == before:
                break

    # ----- drafts --------------------------------------------------------------------------
    def draft_changed(self) -> None:
        self._autosave.start()

    def save_draft(self) -> None:
        self._autosave.stop()
        if self._closed or self.enrollment_id is not None:
            return
        with self.database.session() as session:
            save_enrollment_draft(session, self.draft, user=self.user)

    # ----- finish / cancel -----------------------------------------------------------------
    def accept(self) -> None:
        if self._finishing or self.enrollment_id is not None:
            return  # double click: enroll once
        self._finishing = True
        self.button(QWizard.FinishButton).setEnabled(False)
        self._autosave.stop()
        try:
            plan = self.flow.finalise(self.draft)
            with self.database.session() as session:
                enrollment_id = finish_enrollment(session, self.protocol, self.draft.screening_id,
                                                  plan, user=self.user)
        except Exception as error:  # noqa: BLE001 - shown to the user, entries kept
            self.summary_page.save_message.show_message(f"Not enrolled: {error}")
            self._finishing = False
            self.button(QWizard.FinishButton).setEnabled(True)
            return
        self.enrollment_id = enrollment_id
        self._closed = True
        self.enrolled.emit(enrollment_id)
        super().accept()

    def reject(self) -> None:
        if self.enrollment_id is None:
            choice = self.ask(self, "Cancel enrollment",
                              "The patient is not enrolled yet. Keep what you entered as a "
                              "draft, or discard it?", [KEEP, DISCARD, CONTINUE])
            if choice == CONTINUE:
                return
            if choice == KEEP:
                self.save_draft()
            else:
                self._autosave.stop()
                with self.database.session() as session:
                    discard_enrollment_draft(session, self.draft.screening_id)
        self._closed = True
        super().reject()
