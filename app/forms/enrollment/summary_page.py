"""Enrollment wizard, last page: everything Finish will save, to check."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWizardPage

from app.domain.display_words import arm_title
from app.domain.treatment_course_record import chosen_words
from app.domain.units import format_number
from app.forms.language import format_date
from app.forms.widgets import BANNER_STYLES, FieldMessage, banner
from app.forms.widgets.plan_banner import plan_banner

if TYPE_CHECKING:
    from app.forms.enrollment.wizard import EnrollmentWizard


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
