"""Enrollment wizard, first page: the enrollment date and the measurements."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget, QWizardPage

from app.domain.errors import InputError
from app.domain.measurements import describe_bsa
from app.forms.terms import date_check_words
from app.forms.widgets import BANNER_STYLES, DateField, FieldMessage, labelled
from app.forms.widgets.measurements import MeasurementInputs
from app.forms.widgets.plan_banner import plan_banner

if TYPE_CHECKING:
    from app.forms.enrollment.wizard import EnrollmentWizard


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
        form.addRow(labelled(self.tr("&Enrollment date:"), self.enrollment_date), holder)
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
                                       else date_check_words(problems.get("enrollment_date")))
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
