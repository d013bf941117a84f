"""The screening wizard's pages: the plan and the screening date, one page per group of
criteria, the prior-therapy rules per arm, and the verdict. Each page is a view of the
wizard's one draft (``ScreeningWizard.draft``); what they show comes from
``app.domain.screening``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.db.prior_therapies import list_prior_therapies
from app.domain.enrollment import arm_choices
from app.domain.protocol import CriterionGroup, Protocol
from app.domain.screening import (
    ELIGIBLE,
    GROUP_TITLES,
    NOT_ELIGIBLE,
    Verdict,
    decide,
    parse_iso_date,
    saved_answers,
    screening_facts,
)
from app.domain.screening_prior_therapy import PriorAssessment
from app.forms.language import format_date
from app.forms.screening_criteria import CriterionBox
from app.forms.terms import (
    EXPLANATION,
    PAGE,
    PLAN_ENGLISH_PROPERTY,
    PLAN_TEXT_PROPERTY,
    SCREENING,
    VERDICT,
    arm_title,
    plan_text_words,
    plan_words_on,
    screening_words,
    sentences,
    term,
)
from app.forms.widgets import (
    BANNER_STYLES,
    HINT_STYLE,
    DateField,
    FieldMessage,
    banner,
    provisional_label,
)
from app.forms.widgets.plan_banner import plan_banner

if TYPE_CHECKING:
    from app.forms.screening_wizard import ScreeningWizard


class SetupPage(QWizardPage):
    def __init__(self, wizard: ScreeningWizard, protocols: dict[str, Protocol],
                 patient_text: str) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Screen for a treatment plan"))
        self.setSubTitle(self.tr("Patient %1. Choose the plan and the screening date.")
                         .replace("%1", patient_text))
        form = QFormLayout(self)
        self.plan_banner = plan_banner()
        form.addRow(self.plan_banner)
        self.protocol = QComboBox()
        for protocol in protocols.values():
            # "version V", plus the site plan's file hash for a site plan.
            self.protocol.addItem(self.tr("%1 (version %2)")
                                  .replace("%1", plan_text_words(protocol.title))
                                  .replace("%2", protocol.named_version
                                           .removeprefix("version ")), protocol.id)
        self.protocol.setAccessibleName(self.tr("Treatment plan"))
        self.screening_date = DateField(today=wizard.today)
        self.screening_date.setAccessibleName(self.tr("Screening date"))
        self.date_message = FieldMessage(self.tr("Screening date"))
        plan_label = QLabel(self.tr("Treatment &plan:"))
        plan_label.setBuddy(self.protocol)
        date_label = QLabel(self.tr("Screening &date:"))
        date_label.setBuddy(self.screening_date)
        form.addRow(plan_label, self.protocol)
        form.addRow(date_label, self.screening_date)
        form.addRow("", self.date_message)
        self.notice = QLabel()  # the plan file's own notice (_show_notice)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(HINT_STYLE)
        form.addRow(self.notice)
        self.resumed = QLabel()
        self.resumed.setWordWrap(True)
        self.resumed.setStyleSheet(BANNER_STYLES["info"])
        self.resumed.hide()
        form.addRow(self.resumed)
        self.protocol.currentIndexChanged.connect(self._on_protocol)
        self.screening_date.changed.connect(self._on_date)

    def load(self) -> None:
        draft = self.w.draft
        self.protocol.blockSignals(True)
        self.protocol.setCurrentIndex(max(0, self.protocol.findData(draft.protocol_id)))
        self.protocol.blockSignals(False)
        self.screening_date.set_iso(draft.screening_date)
        self._show_notice()
        self.plan_banner.setVisible(self.w.protocol.provisional)
        self._show_problems()

    def _show_notice(self) -> None:
        notice = self.w.protocol.notice
        self.notice.setText(plan_text_words(notice))
        self.notice.setProperty(PLAN_TEXT_PROPERTY, None)
        self.notice.setProperty(PLAN_ENGLISH_PROPERTY, None)
        self.notice.setToolTip("")
        plan_words_on(self.notice, notice)

    def _on_protocol(self, _index: int) -> None:
        if not self.w.change_protocol(self.protocol.currentData()):
            self.protocol.blockSignals(True)
            self.protocol.setCurrentIndex(max(0, self.protocol.findData(self.w.protocol.id)))
            self.protocol.blockSignals(False)
        self._show_notice()
        self.plan_banner.setVisible(self.w.protocol.provisional)

    def _on_date(self) -> None:
        self.w.draft.screening_date = self.screening_date.iso()
        self._show_problems()
        self.w.draft_changed()
        self.completeChanged.emit()

    def _show_problems(self) -> None:
        problems = self.w.flow.setup_problems(self.w.draft, self.w.today)
        self.date_message.show_message(screening_words(problems.get("screening_date")))

    def isComplete(self) -> bool:
        return not self.w.flow.setup_problems(self.w.draft, self.w.today)


class CriteriaPage(QWizardPage):
    def __init__(self, wizard: ScreeningWizard, group: CriterionGroup) -> None:
        super().__init__()
        self.w = wizard
        self.group = group
        self.setTitle(term(PAGE, GROUP_TITLES[group]))
        hints = {
            CriterionGroup.REQUIRED: self.tr("Every criterion must be Yes. Unknown makes the "
                                             "patient not yet eligible."),
            CriterionGroup.ALLOWED: self.tr("Recorded as baseline characteristics; they do not "
                                            "decide eligibility. The IVIG answer decides "
                                            "whether arm A is available."),
            CriterionGroup.EXCLUSION: self.tr("Every exclusion must be No. Yes makes the "
                                              "patient not eligible; Unknown makes the patient "
                                              "not yet eligible."),
        }
        if group is CriterionGroup.ALLOWED and not any(
                r.kind.value == "unavailable_if" for a in wizard.protocol.arms for r in a.rules):
            hints[group] = (self.tr("Recorded as baseline characteristics; they do not "
                                    "decide eligibility.")
                            + (self.tr(" Prior therapies are judged on the next pages from "
                                       "the recorded history.")
                               if wizard.protocol.prior_therapy_rules else ""))
        if group is CriterionGroup.ALLOWED and any(
                rule.kind.value == "contradiction"
                for c in wizard.protocol.criteria_in(group) for rule in c.consistency):
            hints[group] += self.tr(" A detail that contradicts the plan (e.g. calcinosis "
                                    "more than mild) is shown in red and makes the patient "
                                    "not eligible.")
        self.setSubTitle(hints[group])
        outer = QVBoxLayout(self)
        self.plan_banner = plan_banner()
        outer.addWidget(self.plan_banner)
        # The criteria in the interface's words are a translation no clinician has checked:
        # said on each criteria page, the plan's English in each criterion's tooltip.
        self.not_checked = QLabel(self.tr(
            "Translation of the criteria not checked by a clinician; the plan's English text "
            "is authoritative (point at a criterion to read it)."))
        self.not_checked.setWordWrap(True)
        self.not_checked.setStyleSheet(BANNER_STYLES["wait"])
        self.not_checked.setVisible(any(
            plan_text_words(c.text) != c.text for c in wizard.protocol.criteria_in(group)))
        outer.addWidget(self.not_checked)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        inner = QWidget()
        column = QVBoxLayout(inner)
        self.boxes: dict[str, CriterionBox] = {}
        for criterion in wizard.protocol.criteria_in(group):
            box = CriterionBox(criterion, wizard)
            box.changed.connect(self._on_change)
            self.boxes[criterion.id] = box
            column.addWidget(box)
        column.addStretch(1)
        scroll.setWidget(inner)
        outer.addWidget(scroll)

    def initializePage(self) -> None:
        self.plan_banner.setVisible(self.w.protocol.provisional)
        for box in self.boxes.values():
            box.load(self.w.draft)

    def _on_change(self) -> None:
        self.w.draft_changed()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.w.flow.is_page_complete(self.w.draft, self.group.value, self.w.today)


# An arm's (or option's) outcome on the prior-therapy page (read through tr()).
OUTCOME_TEXT = {"met": QT_TRANSLATE_NOOP("PriorTherapyPage", "✔ OPEN"),
                "not_met": QT_TRANSLATE_NOOP("PriorTherapyPage", "✘ EXCLUDED"),
                "unknown": QT_TRANSLATE_NOOP("PriorTherapyPage", "? TO CHECK")}
OUTCOME_COLOUR = {"met": "#0b4f1c", "not_met": "#7a0000", "unknown": "#5a3d00"}


class PriorTherapyPage(QWizardPage):
    """The recorded history and, per arm (and option), the prior-therapy rules judged on
    the screening date: open / excluded / to check, with reasons and boundary dates."""

    def __init__(self, wizard: ScreeningWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Prior therapies"))
        self.setSubTitle(self.tr("The patient's recorded prior and current therapies, judged "
                                 "against this plan's washout and prior-failure rules on the "
                                 "screening date."))
        outer = QVBoxLayout(self)
        self.plan_banner = plan_banner()
        outer.addWidget(self.plan_banner)
        self.rules_banner = provisional_label(self.tr(
            "Prior-therapy rules: provisional — verify against the published plan"))
        self.rules_banner.setAccessibleName(self.tr("Provisional prior-therapy rules"))
        outer.addWidget(self.rules_banner)
        row = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("&Edit prior therapies…"))
        self.edit_button.setAccessibleName(self.tr("Edit prior therapies"))
        self.edit_button.clicked.connect(self.w.edit_prior_therapies)
        row.addWidget(self.edit_button)
        row.addStretch(1)
        outer.addLayout(row)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        inner = QWidget()
        column = QVBoxLayout(inner)
        self.history = QLabel()
        self.history.setWordWrap(True)
        self.history.setTextFormat(Qt.RichText)
        self.history.setAccessibleName(self.tr("Recorded prior therapies"))
        self.plan_wide = QLabel()
        self.plan_wide.setWordWrap(True)
        self.plan_wide.setStyleSheet(BANNER_STYLES["wait"])
        self.plan_wide.setAccessibleName(self.tr("Plan-wide prior-therapy rules"))
        self.arms = QLabel()
        self.arms.setWordWrap(True)
        self.arms.setTextFormat(Qt.RichText)
        self.arms.setAccessibleName(self.tr("Prior-therapy evaluation per arm"))
        self.arms.setTextInteractionFlags(Qt.TextSelectableByMouse)
        for widget in (self.history, self.plan_wide, self.arms):
            column.addWidget(widget)
        column.addStretch(1)
        scroll.setWidget(inner)
        outer.addWidget(scroll, 1)
        self.assessment: PriorAssessment | None = None

    def initializePage(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.plan_banner.setVisible(self.w.protocol.provisional)
        with self.w.database.session() as session:
            rows = list_prior_therapies(session, self.w.draft.patient_id)
        self.assessment = self.w.prior_assessment()
        a = self.assessment
        if rows:
            items = "".join(f"<li>{_escape(screening_words(r.to_record().describe()))}</li>"
                            for r in rows)
            self.history.setText("<b>" + _escape(self.tr("Recorded history (%1):").replace(
                "%1", str(len(rows)))) + f"</b><ul>{items}</ul>")
        else:
            self.history.setText("<b>" + _escape(self.tr("No prior therapy is recorded."))
                                 + "</b> " + _escape(self.tr(
                                     "Use “Edit prior therapies…” to enter each one (drug, "
                                     "start, stop, why stopped).")))
        self.rules_banner.setVisible(a is not None and a.provisional)
        if a is None:
            self.plan_wide.hide()
            self.arms.setText("")
            return
        lines = [screening_words(line) for line in (*a.failed, *a.unknown)]
        self.plan_wide.setText("\n".join(lines))
        self.plan_wide.setVisible(bool(lines))
        parts = ["<p>" + _escape(self.tr("Judged on the screening date %1:")).replace(
            "%1", f"<b>{_escape(format_date(parse_iso_date(a.screening_date)))}</b>")
            + "</p>"]
        for o in a.options:
            arm = self.w.protocol.arm(o.arm_id)
            name = arm_title(arm.id, arm.name)
            if o.option:
                name = self.tr("%1: %2").replace("%1", name).replace(
                    "%2", plan_text_words(o.label))
            shown = term(SCREENING, "; ").join(screening_words(limit) for limit in o.date_limits)
            limits = ("<br><i>" + _escape(self.tr("Boundary: %1").replace("%1", shown))
                      + "</i>" if o.date_limits else "")
            reasons = "".join(f"<li>{_escape(screening_words(r))}</li>" for r in o.reasons)
            tag = " <i>" + _escape(self.tr("(provisional)")) + "</i>" if o.provisional else ""
            parts.append(
                f"<p><span style='color:{OUTCOME_COLOUR[o.outcome]}; font-weight:bold'>"
                f"{_escape(self.tr(OUTCOME_TEXT[o.outcome]))}</span> — <b>{_escape(name)}</b>"
                f"{tag}{limits}<ul>{reasons}</ul></p>")
        self.arms.setText("".join(parts))

    def outcome_text(self, arm_id: str, option: str = "") -> str:
        a = self.assessment
        if a is None:
            return ""
        found = next(o for o in a.options if o.arm_id == arm_id and o.option == option)
        return found.outcome


class VerdictPage(QWizardPage):
    def __init__(self, wizard: ScreeningWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Verdict"))
        self.setSubTitle(self.tr("Check the verdict, then confirm. Every screening is saved, "
                                 "including screen failures."))
        layout = QVBoxLayout(self)
        self.plan_banner = plan_banner()
        layout.addWidget(self.plan_banner)
        self.verdict_label = banner(point_size=22)
        self.verdict_label.setAlignment(Qt.AlignCenter)
        self.verdict_label.setAccessibleName(self.tr("Verdict"))
        self.who = QLabel()
        self.who.setWordWrap(True)
        self.who.setAlignment(Qt.AlignCenter)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.reasons = QLabel()
        self.reasons.setWordWrap(True)
        self.reasons.setTextFormat(Qt.RichText)
        self.reasons.setAccessibleName(self.tr("Reasons"))
        self.queries = QLabel()
        self.queries.setWordWrap(True)
        self.queries.setTextFormat(Qt.RichText)
        self.queries.setAccessibleName(self.tr("Queries"))
        self.queries.setStyleSheet(BANNER_STYLES["wait"])
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet(HINT_STYLE)
        self.confirm = QCheckBox(self.tr("&I have checked the answers and confirm this "
                                         "verdict"))
        self.confirm.setAccessibleName(self.tr("Confirm the verdict"))
        self.confirm.toggled.connect(self._on_confirm)
        self.save_message = FieldMessage(self.tr("Saving the screening"))
        self.notes.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.notes.setTextFormat(Qt.RichText)
        self.notes.setStyleSheet("")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        inner = QWidget()
        column = QVBoxLayout(inner)
        for widget in (self.explanation, self.reasons, self.queries, self.notes):
            column.addWidget(widget)
        column.addStretch(1)
        scroll.setWidget(inner)
        layout.addWidget(self.verdict_label)
        layout.addWidget(self.who)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.confirm)
        layout.addWidget(self.save_message)
        self.verdict: Verdict | None = None

    def initializePage(self) -> None:
        self.plan_banner.setVisible(self.w.protocol.provisional)
        self.verdict = decide(self.w.protocol, self.w.draft, self.w.prior_assessment())
        v = self.verdict
        self.verdict_label.setText(term(VERDICT, v.label))
        style = {ELIGIBLE: "good", NOT_ELIGIBLE: "bad"}.get(v.outcome, "wait")
        self.verdict_label.setStyleSheet(BANNER_STYLES[style])
        self.who.setText(self.tr("Patient %1 · %2 (version %3) · screening date %4")
                         .replace("%1", self.w.patient_text)
                         .replace("%2", plan_text_words(self.w.protocol.title))
                         .replace("%3", self.w.protocol.named_version.removeprefix("version "))
                         .replace("%4", format_date(parse_iso_date(
                             self.w.draft.screening_date))))
        self.explanation.setText(sentences(EXPLANATION, v.explanation()))
        items = "".join(f"<li>{_escape(screening_words(item.text))}</li>"
                        for item in (*v.failed, *v.unknown))
        self.reasons.setText(f"<ul>{items}</ul>" if items else "")
        self.reasons.setVisible(bool(items))
        queried = "".join(f"<li>{_escape(screening_words(item.text))}</li>"
                          for item in v.queries)
        self.queries.setText("<b>" + _escape(self.tr("Queries (they do not change the "
                                                     "verdict):"))
                             + f"</b><ul>{queried}</ul>" if queried else "")
        self.queries.setVisible(bool(queried))
        notes = [(note, screening_words(note)) for note in v.notes]
        if v.outcome == ELIGIBLE:
            facts = screening_facts(saved_answers(self.w.protocol, self.w.draft))
            for choice in arm_choices(self.w.protocol, facts):
                if not choice.open:
                    extra = (" Restarting previously stopped IVIG may be considered."
                             if choice.may_consider else "")
                    note = (f"Arm {choice.arm_id} ({choice.name}) will not be available: "
                            f"{' '.join(choice.closed_reasons)}{extra}")
                    shown = (self.tr("Arm %1 (%2) will not be available: %3")
                             .replace("%1", choice.arm_id)
                             .replace("%2", plan_text_words(choice.name))
                             .replace("%3", " ".join(screening_words(reason)
                                                     for reason in choice.closed_reasons))
                             + (self.tr(" Restarting previously stopped IVIG may be "
                                        "considered.") if choice.may_consider else ""))
                    notes.append((note, shown))
        self.notes.setText("".join(f"<p>{_note_html(note, shown)}</p>"
                                   for note, shown in notes))
        self.confirm.setChecked(False)
        self.w.draft.confirmed = False

    def _on_confirm(self, checked: bool) -> None:
        self.w.draft.confirmed = checked
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.w.draft.confirmed


def _note_html(note: str, shown: str) -> str:
    """A verdict note (``shown`` in the interface's words); an arm closed (or to check) is
    shown so it cannot be missed."""
    text = _escape(shown)
    if "is closed by the prior therapies" in note or "will not be available" in note:
        return f"<span style='color:#7a0000; font-weight:bold'>✘ {text}</span>"
    if "to check before enrolling" in note:
        return f"<span style='color:#5a3d00; font-weight:bold'>? {text}</span>"
    if "provisional" in note:
        return f"<span style='color:#6b4a00; background:#fff4d6'>{text}</span>"
    return f"<span style='color:#555555'>{text}</span>"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

