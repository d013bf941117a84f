"""Enrollment wizard, last page: everything Finish will save, to check."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWizardPage

from app.domain.concomitant_medicines import CONTINUING_SUFFIX, PULSE_LABEL
from app.domain.treatment_course_record import chosen_phrase
from app.forms.language import format_date
from app.forms.numbers import decimal
from app.forms.terms import (
    ARM_CHOICE,
    arm_title,
    body_in_words,
    drug_words,
    phrase_words,
    phrases,
    plan_text_words,
    visit_words,
)
from app.forms.widgets import BANNER_STYLES, FieldMessage, banner
from app.forms.widgets.plan_banner import plan_banner

if TYPE_CHECKING:
    from app.forms.enrollment.wizard import EnrollmentWizard


class SummaryPage(QWizardPage):
    def __init__(self, wizard: EnrollmentWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Check and enroll"))
        self.setSubTitle(self.tr("Finish saves the enrollment, the arm, the measurements, the "
                                 "doses and the visit schedule together."))
        layout = QVBoxLayout(self)
        self.plan_banner = plan_banner()
        layout.addWidget(self.plan_banner)
        self.arm_banner = banner(point_size=18)
        self.arm_banner.setStyleSheet(BANNER_STYLES["good"])
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.RichText)
        self.summary.setAccessibleName(self.tr("Enrollment summary"))
        self.summary.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.save_message = FieldMessage(self.tr("Saving the enrollment"))
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
        warn = (" <span style='color:#7a0000; background:#fff1cc'><b>"
                + self.tr("PROVISIONAL — verify against the published plan") + "</b></span>")

        def dates(days) -> str:  # noqa: ANN001 - a tuple of dates
            return ("<br>" + self.tr("Dates: %1").replace("%1", ", ".join(format_date(d)
                                                                     for d in days))
                    if days else "")

        doses = "".join(
            f"<li><b>{_esc(phrase_words(p.headline_words))}</b>"
            + (warn if p.result.status.value == "provisional" else "")
            + ("<br>" + self.tr("Range %1 to %2 %3").replace("%1", decimal(p.result.amount))
               .replace("%2", decimal(p.result.range_max)).replace("%3", p.result.unit)
               if p.result.range_max is not None else "")
            + (" — " + self.tr("differs from computed %1: %2")
               .replace("%1", decimal(p.result.amount))
               .replace("%2", _esc(p.override_reason or "")) if p.override_reason else "")
            + dates(p.schedule) + "</li>" for p in plan.doses)
        conc = "".join(
            "<li>" + (self.tr("%1: %2").replace("%1", _esc(concomitant_words(c))).replace(
                "%2", f"{decimal(c.final_amount)} {c.unit}/{per_words(c.per)}")
                if c.final_amount is not None else _esc(concomitant_words(c)))
            + (" " + self.tr("(maximum %1 %2 per pulse)").replace("%1", decimal(c.amount))
               .replace("%2", c.unit) if c.calculated and c.amount is not None else "")
            + (warn if c.status == "provisional" else "")
            + dates(c.schedule) + "</li>" for c in plan.concomitant)
        visits = "".join(
            "<li>" + self.tr("%1: %2").replace("%1", _esc(visit_words(v.label))).replace(
                "%2", self.tr("%1 (window %2 to %3)").replace("%1", format_date(v.target))
                .replace("%2", format_date(v.window_start))
                .replace("%3", format_date(v.window_end)))
            + "</li>" for v in plan.visits)
        why = phrases(ARM_CHOICE, chosen_phrase(plan.choice.codes, plan.choice.other_text))
        counselled = (self.tr("given") if plan.sun_protection_counselled
                      else "<b>" + self.tr("not recorded") + "</b>")
        self.summary.setText(
            "<p>" + self.tr("Patient %1 · %2 (%3)").replace("%1", _esc(self.w.patient_text))
            .replace("%2", _esc(plan_text_words(self.w.protocol.title)))
            .replace("%3", _esc(self.w.protocol.named_version))
            + "<br>" + self.tr("Enrollment date %1 · %2")
            .replace("%1", format_date(plan.enrollment_date))
            .replace("%2", _esc(body_in_words(plan.body))) + "</p>"
            + ("<p><b>" + self.tr("Notes:") + f"</b> {_esc(plan.arm_notes)}</p>"
               if plan.arm_notes else "")
            + ("<p><b>" + self.tr("Why this arm:") + f"</b> {_esc(why)}</p>" if why else "")
            + "<p><b>" + self.tr("Doses") + f"</b></p><ul>{doses}</ul>"
            + "<p><b>" + self.tr("Concomitant") + "</b></p><ul>"
            + (conc or "<li>" + self.tr("none") + "</li>") + "</ul>"
            + ("<p>" + self.tr("Sun-protection counselling: %1").replace("%1", counselled) + "</p>"
               if self.w.protocol.counselling else "")
            + "<p><b>" + self.tr("Visit schedule") + f"</b></p><ul>{visits}</ul>")


def concomitant_words(item) -> str:  # noqa: ANN001 - a ConcomitantItem
    """A concomitant medicine's label in the interface's language: the domain's own labels
    (PULSE_LABEL, CONTINUING_SUFFIX) here, the plan file's from the plan-text catalogue."""
    if item.label.endswith(CONTINUING_SUFFIX):
        return QCoreApplication.translate("SummaryPage", "%1 (continuing)").replace(
            "%1", drug_words(item.drug))
    if item.label == PULSE_LABEL:
        return QCoreApplication.translate(
            "SummaryPage", "IV methylprednisolone pulse (at provider's discretion)")
    return plan_text_words(item.label)


def per_words(per: str) -> str:
    """"day" / "dose" of a concomitant amount in the interface's language."""
    return {"day": QCoreApplication.translate("SummaryPage", "day"),
            "dose": QCoreApplication.translate("SummaryPage", "dose")}.get(per, per)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
