"""Change arm (seed 000, Table 2, rule 2c): A → B or C for inadequate response or toxicity.

The doses of the new arm are recomputed from a current weight (and height); the old arm
and its prescriptions are kept as history. Validation lives in ``app.domain.arm_switch``.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.catalog import growth_reference
from app.db.engine import Database
from app.db.enrollments import switch_arm
from app.domain.arm_switch import (
    SWITCH_REASONS,
    SwitchDraft,
    finalise_switch,
    switch_problems,
    switch_targets,
)
from app.domain.errors import InputError
from app.domain.growth import GrowthSubject
from app.domain.measurements import describe_bsa, measurement_plausibility, read_body
from app.domain.permissions import AccessRefused
from app.domain.planned_doses import DoseEntry, dose_key, plan_arm_doses
from app.domain.protocol import Protocol
from app.forms.enrollment.check_words import check_words
from app.forms.language import format_date
from app.forms.refusal_words import access_words
from app.forms.terms import REASON, arm_title, date_check_words, term
from app.forms.widgets import HINT_STYLE, DateField, FieldMessage, clear_layout, fit_on_screen
from app.forms.widgets.arm_choice import ArmChoiceReasonsBox
from app.forms.widgets.dose_view import DoseView
from app.forms.widgets.measurements import MeasurementInputs


class ArmSwitchDialog(QDialog):
    def __init__(self, database: Database, protocol: Protocol, enrollment_id: int,
                 from_arm: str, current_start: date, user: str, today: date | None = None,
                 patient_text: str = "", parent: QWidget | None = None, *,
                 enrollment_version: int, subject: GrowthSubject | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.protocol = protocol
        self.enrollment_id = enrollment_id
        # The enrollment as this dialog was opened: a switch made meanwhile elsewhere
        # makes the save a plain refusal instead of a second switch on top of it.
        self.enrollment_version = enrollment_version
        self.from_arm = from_arm
        self.current_start = current_start
        self.subject = subject
        self.growth = growth_reference() if subject else None
        self.user = user
        self.today = today or date.today()
        self.draft = SwitchDraft(switch_date=self.today.isoformat())
        self.new_assignment_id: int | None = None
        self.setWindowTitle(self.tr("Change arm — %1").replace("%1", patient_text))
        fit_on_screen(self, 820, 700)

        layout = QVBoxLayout(self)
        current = protocol.arm(from_arm)
        intro = QLabel(self.tr("Current arm: %1 (since %2).")
                       .replace("%1", arm_title(current.id, current.name))
                       .replace("%2", format_date(current_start)))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.targets = switch_targets(protocol, from_arm)
        form = QFormLayout()
        self.to_arm = QComboBox()
        self.to_arm.setAccessibleName(self.tr("New arm"))
        self.to_arm.addItem(self.tr("— choose —"), "")
        for arm_id in self.targets:
            arm = protocol.arm(arm_id)
            self.to_arm.addItem(arm_title(arm.id, arm.name), arm.id)
        self.reason = QComboBox()
        self.reason.setAccessibleName(self.tr("Reason for the switch"))
        self.reason.addItem(self.tr("— choose —"), "")
        for code, label in SWITCH_REASONS.items():
            self.reason.addItem(term(REASON, label), code)
        self.arm_option = QComboBox()
        self.arm_option.setAccessibleName(self.tr("Option of the new arm"))
        self.switch_date = DateField(today=self.today)
        self.switch_date.setAccessibleName(self.tr("Date of the switch"))
        self.switch_date.setRange(current_start, self.today,
                                  self.tr("the start of the current arm"), self.tr("today"))
        self.switch_date.set_iso(self.draft.switch_date)
        self.notes = QLineEdit()
        self.notes.setAccessibleName(self.tr("Notes on the switch"))
        self.messages = {name: FieldMessage(name)
                         for name in ("to_arm", "arm_option", "reason", "switch_date")}
        for label, widget, name in ((self.tr("&New arm:"), self.to_arm, "to_arm"),
                                    (self.tr("O&ption:"), self.arm_option, "arm_option"),
                                    (self.tr("&Reason:"), self.reason, "reason"),
                                    (self.tr("&Date of switch:"), self.switch_date,
                                     "switch_date")):
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(widget)
            column.addWidget(self.messages[name])
            text = QLabel(label)
            text.setBuddy(widget)
            form.addRow(text, holder)
        notes_label = QLabel(self.tr("N&otes:"))
        notes_label.setBuddy(self.notes)
        form.addRow(notes_label, self.notes)
        layout.addLayout(form)
        # In the scrolling part with the doses: the dialog must fit a 1366 × 768 screen.
        self.choice = ArmChoiceReasonsBox()
        if not self.targets:
            none = QLabel(self.tr("The plan does not allow a switch from arm %1.")
                          .replace("%1", from_arm))
            none.setStyleSheet(HINT_STYLE)
            layout.addWidget(none)
        measured = QLabel(self.tr("Current measurements (doses are recomputed from these):"))
        layout.addWidget(measured)
        self.measurements = MeasurementInputs()
        born = subject.date_of_birth if subject else None
        self.switch_date.set_birth_date(born)
        self.measurements.measured_on.set_birth_date(born)
        self.measurements.measured_on.setRange(born, self.today, self.tr("the date of birth"),
                                              self.tr("today"))
        layout.addWidget(self.measurements)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        inner = QWidget()
        inner_column = QVBoxLayout(inner)
        inner_column.addWidget(self.choice)
        doses = QWidget()
        self.dose_column = QVBoxLayout(doses)
        self.dose_column.setContentsMargins(0, 0, 0, 0)
        inner_column.addWidget(doses, 1)
        scroll.setWidget(inner)
        layout.addWidget(scroll, 1)
        self.save_message = FieldMessage(self.tr("Saving the switch"))
        layout.addWidget(self.save_message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Save).setText(self.tr("&Switch arm"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.views: dict[str, DoseView] = {}
        self._shown_arm = ""

        self.to_arm.currentIndexChanged.connect(self._fill_options)
        self.arm_option.currentIndexChanged.connect(self._on_change)
        self.to_arm.currentIndexChanged.connect(self._on_change)
        self.reason.currentIndexChanged.connect(self._on_change)
        self.switch_date.changed.connect(self._on_change)
        self.notes.textChanged.connect(self._on_change)
        self.measurements.changed.connect(self._on_change)
        self.choice.changed.connect(self._on_change)
        self._refresh()

    def _fill_options(self, *_args: object) -> None:
        arm_id = self.to_arm.currentData() or ""
        self.arm_option.blockSignals(True)
        self.arm_option.clear()
        arm = self.protocol.arm(arm_id) if arm_id else None
        if arm is not None and arm.options:
            self.arm_option.addItem(self.tr("— choose the option —"), "")
            for option in arm.options:
                self.arm_option.addItem(option.label, option.id)
        else:
            self.arm_option.addItem(self.tr("(no options)"), "")
        self.arm_option.setEnabled(arm is not None and bool(arm.options))
        self.arm_option.blockSignals(False)

    def _on_change(self, *_args: object) -> None:
        d = self.draft
        d.to_arm = self.to_arm.currentData() or ""
        d.arm_option = self.arm_option.currentData() or ""
        d.reason = self.reason.currentData() or ""
        d.switch_date = self.switch_date.iso()
        d.notes = self.notes.text().strip()
        (d.weight, d.weight_unit, d.height, d.height_unit,
         d.measured_on) = self.measurements.values()
        d.measures_confirmed = self.measurements.confirm.isChecked()
        d.choice_reasons, d.choice_other = self.choice.values()
        for key, view in self.views.items():
            d.doses[key] = view.entry()
        self._refresh()

    def problems(self) -> dict[str, str]:
        return switch_problems(self.protocol, self.from_arm, self.draft, self.current_start,
                               self.today, self.subject, self.growth)

    def _refresh(self) -> None:
        problems = self.problems()
        for name, message in self.messages.items():
            said = problems.get(name) if name != "to_arm" or self.draft.to_arm else None
            message.show_message(date_check_words(said) if name == "switch_date"
                                 else check_words(said))
        if self.switch_date.problem():  # already said in red beside the date
            self.messages["switch_date"].show_message(None)
        self.choice.show_problem(check_words(problems.get("choice")))
        try:
            body = read_body(self.draft.weight, self.draft.weight_unit, self.draft.height,
                             self.draft.height_unit, self.draft.measured_on)
        except InputError:
            body = None
        d = self.draft
        hints, warnings = measurement_plausibility(d.weight, d.weight_unit, d.height,
                                                   d.height_unit, d.measured_on, self.subject,
                                                   self.growth)
        self.measurements.show_problems(problems, describe_bsa(body) if body else
                                        self.tr("BSA: enter a valid weight and height"), warnings,
                                        hints)
        planned = []
        day = self.switch_date.value()
        if body is not None and self.draft.to_arm in self.targets:
            try:
                planned = plan_arm_doses(self.protocol, self.draft.to_arm, body,
                                         self.draft.doses, day, self.draft.arm_option,
                                         self.subject.date_of_birth if self.subject else None)
            except InputError:
                planned = []
        shown = f"{self.draft.to_arm}/{self.draft.arm_option}"
        if self._shown_arm != shown or len(planned) != len(self.views):
            clear_layout(self.dose_column)
            self.views = {}
            for p in planned:
                view = DoseView(p, self.draft.doses.get(dose_key(p.result), DoseEntry()))
                view.changed.connect(self._on_change)
                self.views[view.key] = view
                self.dose_column.addWidget(view)
            self.dose_column.addStretch(1)
            self._shown_arm = shown
        else:
            for p in planned:
                self.views[dose_key(p.result)].show_plan(p)
        self.buttons.button(QDialogButtonBox.Save).setEnabled(not problems)

    def save(self) -> None:
        if self.new_assignment_id is not None:
            return  # double click
        try:
            plan = finalise_switch(self.protocol, self.from_arm, self.draft, self.current_start,
                                   self.today, self.subject, self.growth)
            with self.database.session() as session:
                self.new_assignment_id = switch_arm(
                    session, self.enrollment_id, plan, user=self.user,
                    expected_version=self.enrollment_version)
        except Exception as error:  # noqa: BLE001 - shown at the dialog, entries kept
            said = access_words(error) if isinstance(error, AccessRefused) else str(error)
            self.save_message.show_message(self.tr("Not switched: %1").replace("%1", said))
            return
        self.accept()
