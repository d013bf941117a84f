"""The course of treatment of the current enrollment: the infusions actually given beside
the arm's schedule (due vs given), a new infusion, and stopping the current treatment for
a coded reason (any arm). Rules in app.domain.treatment_course_record; each action one
service call in one transaction (app.db.enrollments)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.db.engine import Database
from app.db.enrollments import (
    EnrollmentError,
    InfusionError,
    enrollment_overview,
    infusions_due_and_given,
    record_infusion,
    stop_treatment,
)
from app.domain import units
from app.domain.errors import InputError
from app.domain.treatment_course_record import END_REASONS, OTHER, GivenInfusion
from app.forms.language import format_date
from app.forms.numbers import decimal, entry_problem, typed_number
from app.forms.terms import REASON, drug_words, term
from app.forms.widgets import HINT_STYLE, DateField, FieldMessage, fit_on_screen

STATUS_WORDS = {"given": QT_TRANSLATE_NOOP("TreatmentCourseDialog", "given"),
                "missed": QT_TRANSLATE_NOOP("TreatmentCourseDialog", "MISSED"),
                "due": QT_TRANSLATE_NOOP("TreatmentCourseDialog", "due"),
                "off_schedule": QT_TRANSLATE_NOOP("TreatmentCourseDialog",
                                                  "given off the schedule")}


def _tr(text: str) -> str:
    return QCoreApplication.translate("TreatmentCourseDialog", text)


def _table_rows(database: Database, enrollment_id: int, today: date,
                lateness: Callable[[int | None], str]) -> list[list[str]]:
    with database.reading() as session:
        schedules = infusions_due_and_given(session, enrollment_id, today)
    rows = []
    for schedule in schedules:
        for line in schedule.lines:
            given = line.given
            late = line.days_late
            rows.append([
                QCoreApplication.translate("TreatmentCourseDialog", "Arm %1").replace(
                    "%1", schedule.arm_id), drug_words(schedule.drug),
                format_date(line.due) if line.due else "—",
                format_date(given.given_on) if given else "",
                f"{decimal(given.dose)} {given.unit}" if given else "",
                _tr(STATUS_WORDS[line.status]) + lateness(late)])
    return rows


class TreatmentCourseDialog(QDialog):
    """Infusions due vs given, record one, stop the treatment."""

    changed = Signal()

    def __init__(self, database: Database, enrollment_id: int, user: str,
                 today: date | None = None, patient_text: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from app.forms.patient_page import _table  # the page's read-only table

        self._table = _table
        self.database = database
        self.enrollment_id = enrollment_id
        self.user = user
        self.today = today or date.today()
        self.setWindowTitle(self.tr("Infusions and stopping treatment — %1")
                            .replace("%1", patient_text))
        fit_on_screen(self, 820, 680)
        self.layout_ = QVBoxLayout(self)
        hint = QLabel(self.tr("The arm's dose dates beside the infusions actually given; an "
                              "infusion counts for the nearest dose date within half the gap "
                              "to the next one (at most 14 days)."))
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        self.layout_.addWidget(hint)
        self.table_holder = QVBoxLayout()
        self.layout_.addLayout(self.table_holder)
        self.due_table: QWidget | None = None

        given = QGroupBox(self.tr("Record an infusion given"))
        form = QFormLayout(given)
        self.drug = QComboBox()
        self.drug.setAccessibleName(self.tr("Drug given"))
        self.given_on = DateField(today=self.today)
        self.given_on.setAccessibleName(self.tr("Date given"))
        self.dose = QLineEdit()
        self.dose.setAccessibleName(self.tr("Dose given"))
        self.unit = QComboBox()
        self.unit.setEditable(True)
        self.unit.setAccessibleName(self.tr("Dose unit"))
        self.infusion_messages = {name: FieldMessage(name)
                                  for name in ("drug", "given_on", "dose", "unit")}
        for label, widget, name in ((self.tr("&Drug:"), self.drug, "drug"),
                                    (self.tr("Given &on:"), self.given_on, "given_on"),
                                    (self.tr("Do&se:"), self.dose, "dose"),
                                    (self.tr("U&nit:"), self.unit, "unit")):
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(widget)
            column.addWidget(self.infusion_messages[name])
            caption = QLabel(label)
            caption.setBuddy(widget)
            form.addRow(caption, holder)
        self.drug.currentIndexChanged.connect(self._drug_chosen)
        self.record_button = QPushButton(self.tr("&Record infusion"))
        self.record_button.setAutoDefault(False)
        self.record_button.clicked.connect(self.record)
        form.addRow(self.record_button)
        self.layout_.addWidget(given)

        stop = QGroupBox(self.tr("Stop the current treatment (any arm)"))
        form = QFormLayout(stop)
        self.stop_date = DateField(today=self.today)
        self.stop_date.setAccessibleName(self.tr("Date the treatment stopped"))
        self.stop_reason = QComboBox()
        self.stop_reason.setAccessibleName(self.tr("Why the treatment stopped"))
        self.stop_reason.addItem(self.tr("— choose —"), "")
        for code, label in END_REASONS:
            self.stop_reason.addItem(term(REASON, label), code)
        self.stop_other = QLineEdit()
        self.stop_other.setAccessibleName(self.tr("The other reason"))
        self.stop_other.setPlaceholderText(
            self.tr("Only for Other (not exported when de-identified)"))
        for label, widget in ((self.tr("Stopped on:"), self.stop_date),
                              (self.tr("&Why:"), self.stop_reason),
                              (self.tr("Other reason:"), self.stop_other)):
            caption = QLabel(label)
            caption.setBuddy(widget)
            form.addRow(caption, widget)
        self.stop_message = FieldMessage(self.tr("Stopping the treatment"))
        form.addRow(self.stop_message)
        self.stop_button = QPushButton(self.tr("S&top treatment"))
        self.stop_button.setAutoDefault(False)
        self.stop_button.clicked.connect(self.stop)
        form.addRow(self.stop_button)
        self.stop_box = stop
        self.layout_.addWidget(stop)
        self.layout_.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        self.layout_.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        with self.database.reading() as session:
            self.overview = enrollment_overview(session, self.enrollment_id)
        if self.due_table is not None:
            self.table_holder.removeWidget(self.due_table)
            self.due_table.deleteLater()
        self.due_table = self._table(
            [self.tr("Arm"), self.tr("Drug"), self.tr("Due"), self.tr("Given"), self.tr("Dose"),
             self.tr("Status")],
            _table_rows(self.database, self.enrollment_id, self.today, self._lateness),
            self.tr("Infusions due and given"))
        self.due_table.setMaximumHeight(260)
        self.table_holder.addWidget(self.due_table)
        drugs = {}
        for dose in self.overview.doses:
            if dose.role == "arm" and dose.schedule:
                amount = dose.final_amount if dose.final_amount is not None else dose.amount
                drugs[dose.drug] = (amount, dose.unit)
        self.drug.blockSignals(True)
        self.drug.clear()
        for name, (amount, unit) in drugs.items():
            self.drug.addItem(drug_words(name), (name, amount, unit))
        self.drug.blockSignals(False)
        self._drug_chosen()
        current = self.overview.current_arm
        self.stop_box.setEnabled(current is not None)
        if current is not None:
            self.stop_date.setRange(current.start_date, self.today,
                                    self.tr("the start of the arm"), self.tr("today"))

    def _lateness(self, days: int | None) -> str:
        if not days:
            return ""
        return (self.tr(", %n day(s) late", "", abs(days)) if days > 0
                else self.tr(", %n day(s) early", "", abs(days)))

    def _drug_chosen(self, *_args: object) -> None:
        data = self.drug.currentData()
        if not data:
            return
        _name, amount, unit = data
        if amount is not None and not self.dose.text():
            self.dose.setText(units.format_number(amount))  # typed back as shown
        self.unit.setEditText(unit)

    def record(self) -> None:
        for message in self.infusion_messages.values():
            message.show_message(None)
        data = self.drug.currentData()
        try:
            dose = typed_number("dose", self.dose.text()) if self.dose.text().strip() else None
        except InputError as error:
            self.infusion_messages["dose"].show_message(
                entry_problem(error, self.tr("Dose")) or str(error))
            return
        infusion = GivenInfusion(self.given_on.value(), data[0] if data else "", dose,
                                 self.unit.currentText().strip())
        if infusion.given_on is None:
            self.infusion_messages["given_on"].show_message(
                self.given_on.problem() or self.tr("Enter the date the infusion was given."))
            return
        try:
            with self.database.session() as session:
                record_infusion(session, self.enrollment_id, infusion, user=self.user,
                                today=self.today)
        except InfusionError as error:
            for name, text in error.problems.items():
                self.infusion_messages[name].show_message(text)
            return
        except Exception as error:  # noqa: BLE001 - shown at the dialog, entries kept
            self.infusion_messages["given_on"].show_message(
                self.tr("Not recorded: %1").replace("%1", str(error)))
            return
        self.given_on.setValue(None)
        self.reload()
        self.changed.emit()

    def stop(self) -> None:
        day = self.stop_date.value()
        if day is None:
            self.stop_message.show_message(self.stop_date.problem()
                                           or self.tr("Enter the date the treatment stopped."))
            return
        reason = self.stop_reason.currentData() or ""
        try:
            with self.database.session() as session:
                stop_treatment(session, self.enrollment_id, stop_date=day, reason=reason,
                               other_text=self.stop_other.text() if reason == OTHER else "",
                               user=self.user, expected_version=self.overview.version_id,
                               today=self.today)
        except EnrollmentError as error:
            self.stop_message.show_message(str(error))
            return
        except Exception as error:  # noqa: BLE001 - e.g. changed meanwhile: said plainly
            self.stop_message.show_message(self.tr("Not stopped: %1").replace("%1", str(error)))
            return
        self.stop_message.show_message(None)
        self.reload()
        self.changed.emit()
