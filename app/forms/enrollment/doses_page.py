"""Enrollment wizard: the chosen arm's doses, each with its derivation, and the first
dose date where the arm has a schedule."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea, QVBoxLayout, QWidget, QWizardPage

from app.domain.planned_doses import dose_key
from app.forms.enrollment.check_words import check_words
from app.forms.language import format_date
from app.forms.terms import arm_title, body_in_words, plan_text, plan_text_words
from app.forms.widgets import BANNER_STYLES, DateField, FieldMessage, clear_layout, labelled
from app.forms.widgets.plan_banner import plan_banner

if TYPE_CHECKING:
    from app.forms.enrollment.wizard import EnrollmentWizard
from app.forms.widgets.dose_view import DoseView


class DosesPage(QWizardPage):
    def __init__(self, wizard: EnrollmentWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Doses"))
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
        self.start_message = FieldMessage(self.tr("First dose date"))
        self.dates = QLabel()

    def initializePage(self) -> None:
        clear_layout(self.column)
        self.plan_banner.setVisible(self.w.protocol.provisional)
        self.views = {}
        self.start_date = None
        d = self.w.draft
        arm = self.w.protocol.arm(d.arm_id)
        chosen = (f" ({plan_text_words(arm.option(d.arm_option).label)})"
                  if arm.options and d.arm_option else "")
        self.setSubTitle(self.tr("%1, for %2. Check each dose and how it was worked out.")
                         .replace("%1", f"{arm_title(arm.id, arm.name)}{chosen}")
                         .replace("%2", body_in_words(self.w.flow.body(d))))
        needs_schedule = any(rule.schedule for rule in (
            arm.doses_for(d.arm_option or None) if arm.options else arm.doses))
        if needs_schedule:
            form = QFormLayout()
            self.start_date = DateField(today=self.w.today)
            self.start_date.setAccessibleName(self.tr("First dose date"))
            self.start_date.set_iso(d.start_date or d.enrollment_date)
            self.start_date.changed.connect(self._on_change)
            self.start_message = FieldMessage(self.tr("First dose date"))
            form.addRow(labelled(self.tr("First &dose date:"), self.start_date),
                        self.start_date)
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
        self.dates.setAccessibleName(self.tr("Infusion dates"))
        self.dates.hide()
        self.column.addWidget(self.dates)
        for rule in arm.rules:
            if rule.kind.value == "monitoring":
                reminder = plan_text(QLabel(  # the plan's monitoring rule, as written
                    self.tr("Reminder: %1 The visit forms will ask for blood pressure and "
                            "creatinine on this arm.").replace("%1", rule.text)))
                reminder.setWordWrap(True)
                reminder.setStyleSheet(BANNER_STYLES["wait"])
                reminder.setAccessibleName(self.tr("Monitoring reminder"))
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
        self.start_message.show_message(check_words(problems.get("start_date")))
        if "start_date" in problems:
            return
        for planned in self.w.flow.planned_doses(self.w.draft):
            view = self.views.get(dose_key(planned.result))
            if view is not None:
                view.show_plan(planned)
            if planned.schedule and planned.result.drug == "ivig":
                listed = ", ".join(format_date(day) for day in planned.schedule)
                self.dates.setText(self.tr("Infusion dates (%1): %2, then monthly.")
                                   .replace("%1", plan_text_words(planned.result.frequency))
                                   .replace("%2", listed))
                self.dates.show()

    def isComplete(self) -> bool:
        return not self.w.flow.dose_problems(self.w.draft)
