"""Enrollment wizard: the arm chosen, each arm's rules applied to the screening answers
and the prior-therapy history, and why the arm was chosen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.domain.enrollment import at_enrollment
from app.domain.prior_therapy import Outcome
from app.domain.screening import parse_iso_date
from app.forms.enrollment.check_words import check_words
from app.forms.language import format_date
from app.forms.terms import (
    PLAN_ENGLISH_PROPERTY,
    arm_title,
    plan_text,
    plan_text_known,
    plan_text_words,
    plan_words_on,
    screening_words,
)
from app.forms.widgets import (
    BANNER_STYLES,
    ERROR_STYLE,
    HINT_STYLE,
    FieldMessage,
    labelled,
    provisional_label,
)
from app.forms.widgets.arm_choice import ArmChoiceReasonsBox
from app.forms.widgets.plan_banner import plan_banner

if TYPE_CHECKING:
    from app.forms.enrollment.wizard import EnrollmentWizard


class ArmPage(QWizardPage):
    def __init__(self, wizard: EnrollmentWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Choose the treatment arm"))
        self.setSubTitle(self.tr("Each arm's rule from the plan is applied to the screening "
                                 "answers (and the prior-therapy rules to the history, on the "
                                 "enrollment date)."))
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
        self.option_message = FieldMessage(self.tr("Arm option"))
        self.exception: QCheckBox | None = None
        self.exception_reason: QLineEdit | None = None
        self.exception_message = FieldMessage(self.tr("Reason for the exception"))
        for number, option in enumerate(wizard.flow.choices(), start=1):
            box = QGroupBox()
            column = QVBoxLayout(box)
            # Lettered arms keep their letter as the mnemonic (Alt+B = arm B); arms named
            # by a code (tnf, mp, mmp…) are numbered instead, so no two share a letter.
            title = arm_title(option.arm_id, option.name)
            lettered = len(option.arm_id) == 1 and option.arm_id.isalpha()
            radio = QRadioButton(title.replace(f" {option.arm_id.upper()} — ",
                                               f" &{option.arm_id.upper()} — ", 1)
                                 if lettered else f"&{number}  {title}")
            font = radio.font()
            font.setBold(True)
            font.setPointSize(font.pointSize() + 2)
            radio.setFont(font)
            radio.setAccessibleName(title)
            self.group.addButton(radio)
            self.radios[option.arm_id] = radio
            column.addWidget(radio)
            summary = plan_words_on(QLabel(plan_text_words(option.summary)), option.summary)
            summary.setWordWrap(True)
            column.addWidget(summary)
            arm = wizard.protocol.arm(option.arm_id)
            if arm.options:
                combo = QComboBox()
                # Long option labels (rituximab's two regimens) must not widen the page.
                combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
                combo.setMinimumContentsLength(40)
                combo.addItem(self.tr("— choose the option —"), "")
                for arm_option in arm.options:
                    tag = (self.tr(" (provisional)") if arm_option.status.value == "provisional"
                           and "provisional" not in arm_option.label.casefold() else "")
                    shown = plan_text_words(arm_option.label)
                    combo.addItem(shown + tag, arm_option.id)
                    # translated, the tooltip is the plan's English (authoritative)
                    combo.setItemData(combo.count() - 1,
                                      (arm_option.label if shown != arm_option.label
                                       else shown + tag), Qt.ToolTipRole)
                if arm.default_option is not None:  # the plan's default is offered first
                    combo.setCurrentIndex(combo.findData(arm.default_option.id))
                combo.setAccessibleName(self.tr("Arm %1 option").replace("%1", option.arm_id))
                if not all(plan_text_known(o.label) for o in arm.options):
                    plan_text(combo)  # a site's own plan's option labels, as written
                elif any(plan_text_words(o.label) != o.label for o in arm.options):
                    combo.setProperty(PLAN_ENGLISH_PROPERTY, True)
                combo.currentIndexChanged.connect(self._on_change)
                self.option_combos[option.arm_id] = combo
                row = QHBoxLayout()
                row.addWidget(labelled(self.tr("&Option:"), combo))
                row.addWidget(combo, 1)
                column.addLayout(row)
            for reason in option.closed_reasons:
                # the plan's rule (from the plan-text catalogue) and the answer recorded
                label = QLabel(self.tr("Not available for this patient.") + " "
                               + screening_words(reason))
                label.setWordWrap(True)
                label.setStyleSheet(ERROR_STYLE + " font-weight: bold;")
                column.addWidget(label)
            if option.may_consider:
                self.exception = QCheckBox(self.tr("R&estart previously stopped IVIG "
                                                   "(exception)"))
                consider = plan_words_on(QLabel(plan_text_words(option.may_consider)),
                                         option.may_consider)
                consider.setWordWrap(True)
                self.exception.setAccessibleName(self.tr("Use the exception to restart "
                                                         "stopped IVIG"))
                self.exception_reason = QLineEdit()
                self.exception_reason.setAccessibleName(self.tr("Reason for the exception"))
                self.exception_reason.setPlaceholderText(
                    self.tr("Why restarting IVIG is considered"))
                column.addWidget(self.exception)
                column.addWidget(consider)
                column.addWidget(self.exception_reason)
                column.addWidget(self.exception_message)
                self.exception.toggled.connect(self._on_change)
                self.exception_reason.textChanged.connect(self._on_change)
            if not option.selectable:
                radio.setEnabled(False)
            for caution in option.cautions:
                label = QLabel(self.tr("Caution: %1").replace("%1", screening_words(caution)))
                label.setWordWrap(True)
                label.setStyleSheet(BANNER_STYLES["wait"])
                column.addWidget(label)
            for text in option.may_continue:
                label = plan_words_on(QLabel(plan_text_words(text)), text)
                label.setWordWrap(True)
                label.setStyleSheet(HINT_STYLE)
                column.addWidget(label)
            for text in option.monitoring:
                label = plan_words_on(QLabel(self.tr("Monitoring: %1").replace(
                    "%1", plan_text_words(text))), text)
                label.setWordWrap(True)
                column.addWidget(label)
            if option.provisional:
                column.addWidget(provisional_label(self.tr(
                    "This arm's dose rule is provisional — verify against the published plan")))
            if wizard.protocol.prior_therapy_rules:
                # the prior-therapy rules' reasons in the interface's words (screening_words)
                prior = QLabel()
                prior.setWordWrap(True)
                prior.setAccessibleName(self.tr("Arm %1 prior-therapy rules")
                                        .replace("%1", option.arm_id))
                self.prior_labels[option.arm_id] = prior
                column.addWidget(prior)
            radio.toggled.connect(self._on_change)
            layout.addWidget(box)
        self.message = FieldMessage(self.tr("Arm"))
        self.prior_reason = QLineEdit()
        self.prior_reason.setAccessibleName(self.tr("Reason for going ahead with unknown "
                                                    "prior-therapy rules"))
        self.prior_reason.setPlaceholderText(
            self.tr("Only when a prior-therapy rule cannot be checked"))
        self.prior_reason_message = FieldMessage(self.tr("Prior-therapy rules"))
        self.prior_reason.textChanged.connect(self._on_change)
        layout.addWidget(self.option_message)
        layout.addWidget(self.message)
        if wizard.protocol.prior_therapy_rules:
            layout.addWidget(labelled(self.tr("Reason for going ahead when a prior-therapy "
                                              "rule is &unknown:"), self.prior_reason))
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
        problems = {key: check_words(problem) for key, problem
                    in self.w.flow.arm_problems(self.w.draft).items()}
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
        marks = {Outcome.MET: (self.tr("✔ Prior-therapy rules met"), "#0b4f1c"),
                 Outcome.NOT_MET: (self.tr("✘ EXCLUDED by the prior-therapy rules"),
                                   "#7a0000"),
                 Outcome.UNKNOWN: (self.tr("? Prior-therapy rules to check"), "#5a3d00")}
        for arm_id, label in self.prior_labels.items():
            result = self.w.flow.prior_result(d, arm_id)
            if result is None:
                label.hide()
                continue
            text, colour = marks[result.outcome]
            option = (self.tr(" (option %1)").replace("%1", plan_text_words(
                self.w.protocol.arm(arm_id).option(result.option).label)) if result.option
                      else "")
            # the rules judge the enrollment date here, and their sentences say so
            reasons = (check_words(at_enrollment(result.reasons))
                       if result.outcome is not Outcome.MET else "")
            limits = [format_date(f.date_limit) for f in result.findings
                      if f.date_limit is not None and f.outcome is not Outcome.NOT_APPLICABLE]
            boundary = (" " + self.tr("Boundary date: %1.").replace("%1", ", ".join(limits))
                        if limits else "")
            label.setText(self.tr("%1 on the enrollment date %2").replace(
                "%1", text + option).replace(
                "%2", format_date(parse_iso_date(d.enrollment_date)))
                          + (self.tr(" — provisional") if result.provisional else "")
                          + f". {reasons}{boundary}")
            label.setStyleSheet(f"color: {colour}; font-weight: bold;")
            label.show()

    def isComplete(self) -> bool:
        return not self.w.flow.arm_problems(self.w.draft)
