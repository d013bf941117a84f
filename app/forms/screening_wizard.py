"""Eligibility screening wizard: pages generated from the protocol's criteria.

The flow, validation and verdict live in ``app.domain.screening``; these pages only copy
widgets into the ``ScreeningDraft`` and show what the domain says. The draft is autosaved
(debounced, and on every page change) so a half-finished screening survives closing the
application; Cancel asks whether to keep it as a draft or discard it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.db.engine import Database
from app.db.prior_therapies import list_prior_therapies
from app.db.screenings import (
    complete_screening,
    discard_screening_draft,
    save_screening_draft,
)
from app.domain.display_words import arm_title
from app.domain.enrollment import arm_choices
from app.domain.protocol import Criterion, CriterionGroup, DetailField, FieldType, Protocol
from app.domain.screened_therapies import screened_therapies
from app.domain.screening import (
    ANSWER_LABELS,
    ANSWERS,
    ELIGIBLE,
    GROUP_SHORT,
    GROUP_TITLES,
    NOT_ELIGIBLE,
    PRIOR_PAGE,
    SETUP_PAGE,
    VERDICT_PAGE,
    ScreeningDraft,
    ScreeningFlow,
    Verdict,
    consistency_findings,
    criterion_problems,
    decide,
    field_applies,
    parse_iso_date,
    saved_answers,
    screening_facts,
    timing_results,
)
from app.domain.screening_prior_therapy import PriorAssessment, assess_prior_therapy
from app.forms.terms import (
    ANSWER,
    EXPLANATION,
    GROUP,
    PAGE,
    VERDICT,
    plan_text,
    sentences,
    term,
)
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
from app.forms.widgets.plan_banner import plan_banner

AUTOSAVE_DELAY_MS = 800
PAGE_IDS = {SETUP_PAGE: 0, "required": 1, "allowed": 2, "exclusion": 3, PRIOR_PAGE: 8,
            VERDICT_PAGE: 9}
# The question boxes' buttons; shown translated, answered as these (tests inject answers).
KEEP = QT_TRANSLATE_NOOP("ScreeningWizard", "Keep as draft")
DISCARD = QT_TRANSLATE_NOOP("ScreeningWizard", "Discard")
CONTINUE = QT_TRANSLATE_NOOP("ScreeningWizard", "Continue screening")
CHANGE_PLAN = QT_TRANSLATE_NOOP("ScreeningWizard", "Change plan")
KEEP_PLAN = QT_TRANSLATE_NOOP("ScreeningWizard", "Keep current plan")


# --------------------------------------------------------------------------- one criterion


class DetailInput(QWidget):
    """One detail field of a criterion, built from its DetailField spec."""

    changed = Signal()

    def __init__(self, spec: DetailField, owner: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        name = f"{owner}: {spec.label}"
        self.checks: dict[str, QCheckBox] = {}
        if spec.type is FieldType.DATE:
            self.editor: QWidget = DateField()
            self.editor.changed.connect(self.changed)
        elif spec.type is FieldType.BOOL:
            self.editor = QCheckBox(term(ANSWER, "Yes"))
            self.editor.toggled.connect(lambda _v: self.changed.emit())
        elif spec.type is FieldType.CHOICE and spec.multiple:
            self.editor = QWidget()
            box = QGridLayout(self.editor)  # rows of 4, so a long list never widens the page
            box.setContentsMargins(0, 0, 0, 0)
            for index, choice in enumerate(spec.choices):
                check = QCheckBox(choice.label)
                check.setAccessibleName(f"{name}: {choice.label}")
                check.toggled.connect(lambda _v: self.changed.emit())
                self.checks[choice.value] = check
                box.addWidget(check, index // 4, index % 4)
            box.setColumnStretch(4, 1)
        elif spec.type is FieldType.CHOICE:
            self.editor = QComboBox()
            self.editor.addItem("— choose —", "")
            for choice in spec.choices:
                self.editor.addItem(choice.label, choice.value)
            self.editor.currentIndexChanged.connect(lambda _i: self.changed.emit())
        else:
            self.editor = QLineEdit()
            if spec.type is FieldType.NUMBER:
                limits = [f"{v:g}" for v in (spec.min, spec.max) if v is not None]
                if len(limits) == 2:
                    self.editor.setPlaceholderText(f"{limits[0]}–{limits[1]}")
            self.editor.textChanged.connect(lambda _t: self.changed.emit())
        self.editor.setAccessibleName(name)
        if spec.help:
            self.editor.setToolTip(spec.help)
        layout.addWidget(self.editor, 1)

    def value(self) -> Any:
        e = self.editor
        if isinstance(e, DateField):
            return e.iso()
        if isinstance(e, QCheckBox):
            return e.isChecked()
        if isinstance(e, QComboBox):
            return e.currentData() or ""
        if isinstance(e, QLineEdit):
            return e.text().strip()
        return [v for v, c in self.checks.items() if c.isChecked()]

    def set_value(self, value: Any) -> None:
        e = self.editor
        if isinstance(e, DateField):
            e.set_iso(value if isinstance(value, str) else "")
        elif isinstance(e, QCheckBox):
            e.setChecked(bool(value))
        elif isinstance(e, QComboBox):
            e.setCurrentIndex(max(0, e.findData(value or "")))
        elif isinstance(e, QLineEdit):
            e.setText("" if value is None else str(value))
        else:
            chosen = value if isinstance(value, list) else []
            for v, check in self.checks.items():
                check.setChecked(v in chosen)


class CriterionBox(QGroupBox):
    """Yes / No / Unknown for one criterion, its detail fields and their messages."""

    changed = Signal()

    def __init__(self, criterion: Criterion, wizard: ScreeningWizard) -> None:
        where = f"{term(GROUP, GROUP_SHORT[criterion.group])} {criterion.number}"
        super().__init__(where)
        self.criterion = criterion
        self.wizard = wizard
        self._loading = False
        layout = QVBoxLayout(self)
        text = plan_text(QLabel(criterion.text))
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(text)
        if criterion.help:
            hint = plan_text(QLabel(criterion.help))
            hint.setWordWrap(True)
            hint.setStyleSheet(HINT_STYLE)
            layout.addWidget(hint)
        self.caution: QLabel | None = None
        if criterion.caution:  # e.g. no consensus in the source (seeds 002/004)
            self.caution = plan_text(QLabel("⚠ " + criterion.caution))
            self.caution.setWordWrap(True)
            self.caution.setStyleSheet(BANNER_STYLES["wait"])
            self.caution.setAccessibleName(f"{where}: caution")
            layout.addWidget(self.caution)
        if criterion.status.value == "provisional":
            tag = provisional_label(self.tr(
                "Criterion provisional — verify against the published plan (source: %1)")
                .replace("%1", criterion.source))
            tag.setWordWrap(True)
            tag.setAccessibleName(f"{where}: provisional")
            layout.addWidget(tag)

        row = QHBoxLayout()
        self.buttons = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        for answer in ANSWERS:
            radio = QRadioButton(term(ANSWER, ANSWER_LABELS[answer]))
            radio.setAccessibleName(f"{where}: {term(ANSWER, ANSWER_LABELS[answer])}")
            self.buttons.addButton(radio)
            self.radios[answer] = radio
            row.addWidget(radio)
            radio.toggled.connect(self._on_change)
        row.addStretch(1)
        layout.addLayout(row)
        self.answer_message = FieldMessage(f"{where} answer")
        layout.addWidget(self.answer_message)

        self.form = QFormLayout()
        self.inputs: dict[str, DetailInput] = {}
        self.messages: dict[str, FieldMessage] = {}
        self.labels: dict[str, QLabel] = {}
        self.rows: dict[str, int] = {}
        for spec in criterion.details:
            field = DetailInput(spec, where)
            field.changed.connect(self._on_change)
            label = plan_text(
                QLabel(spec.label if spec.label.endswith("?") else spec.label + ":"))
            label.setWordWrap(True)
            label.setBuddy(field.editor)
            message = FieldMessage(f"{where}: {spec.label}")
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(field)
            if spec.help:
                hint = plan_text(QLabel(spec.help))
                hint.setWordWrap(True)
                hint.setStyleSheet(HINT_STYLE)
                column.addWidget(hint)
            column.addWidget(message)
            self.rows[spec.id] = self.form.rowCount()
            self.form.addRow(label, holder)
            self.inputs[spec.id] = field
            self.messages[spec.id] = message
            self.labels[spec.id] = label
        layout.addLayout(self.form)

        self.timing = QLabel()
        self.timing.setWordWrap(True)
        self.timing.hide()
        layout.addWidget(self.timing)
        if any(rule.status.value == "provisional" for rule in criterion.date_rules):
            self.timing_provisional = provisional_label(
                "Timing rule read as calendar months — provisional, verify against the "
                "published plan")
            self.timing_provisional.hide()
            layout.addWidget(self.timing_provisional)
        else:
            self.timing_provisional = None
        # Contradictions between the answer and its details, and queries.
        self.consistency = QLabel()
        self.consistency.setWordWrap(True)
        self.consistency.setTextFormat(Qt.RichText)
        self.consistency.setAccessibleName(f"{where}: answer and details")
        self.consistency.hide()
        layout.addWidget(self.consistency)

    # draft ↔ widgets
    def load(self, draft: ScreeningDraft) -> None:
        self._loading = True
        entry = draft.answer_for(self.criterion.id)
        for answer, radio in self.radios.items():
            radio.setChecked(entry.answer == answer)
        if entry.answer is None:
            self.buttons.setExclusive(False)
            for radio in self.radios.values():
                radio.setChecked(False)
            self.buttons.setExclusive(True)
        for field_id, field in self.inputs.items():
            field.set_value(entry.details.get(field_id))
        self._loading = False
        self.refresh()

    def store(self) -> None:
        entry = self.wizard.draft.answer_for(self.criterion.id)
        entry.answer = next((a for a, r in self.radios.items() if r.isChecked()), None)
        for field_id, field in self.inputs.items():
            value = field.value()
            if value in ("", [], None):
                entry.details.pop(field_id, None)
            else:
                entry.details[field_id] = value

    def set_answer(self, answer: str) -> None:
        self.radios[answer].setChecked(True)

    def _on_change(self, *_args: object) -> None:
        if self._loading:
            return
        self.store()
        self.refresh()
        self.changed.emit()

    def refresh(self) -> None:
        """Show the fields that apply and the problems of this criterion."""
        entry = self.wizard.draft.answer_for(self.criterion.id)
        values: dict[str, Any] = {}
        for spec in self.criterion.details:
            applies = field_applies(spec, entry.answer, values)
            self.form.setRowVisible(self.rows[spec.id], applies)
            if applies and spec.id in entry.details:
                values[spec.id] = entry.details[spec.id]
        screening_day = parse_iso_date(self.wizard.draft.screening_date)
        problems = criterion_problems(self.criterion, entry, screening_day)
        if entry.answer is None:
            self.answer_message.setStyleSheet(HINT_STYLE)
            self.answer_message.show_message(self.tr("Answer Yes, No or Unknown."))
        else:
            self.answer_message.setStyleSheet(ERROR_STYLE)
            self.answer_message.show_message(problems.get("answer"))
        for field_id, message in self.messages.items():
            message.show_message(problems.get(field_id) if entry.answer else None)
        results = timing_results(self.criterion, entry, screening_day) if (
            entry.answer == "yes") else []
        if results:
            text = " ".join(r.message for r in results)
            ok = all(r.met for r in results)
            self.timing.setText(("✔ " if ok else "✘ ") + text)
            self.timing.setStyleSheet(
                "color: #0b4f1c;" if ok else ERROR_STYLE + " font-weight: bold;")
            self.timing.show()
        else:
            self.timing.hide()
        if self.timing_provisional is not None:
            self.timing_provisional.setVisible(bool(results))
        findings = consistency_findings(self.criterion, entry)
        parts = []
        for finding in findings:
            tag = " <i>(provisional rule)</i>" if finding.provisional else ""
            if finding.kind == "contradiction":
                parts.append(f"<p style='{ERROR_STYLE} font-weight:bold'>✘ Contradiction{tag}: "
                             f"{_escape(finding.message)} The patient is not eligible on "
                             "these answers.</p>")
            else:
                parts.append(f"<p style='color:#5a3d00; background:#fff4d6'>? Query{tag}: "
                             f"{_escape(finding.message)}</p>")
        self.consistency.setText("".join(parts))
        self.consistency.setVisible(bool(parts))

    def field(self, field_id: str) -> QWidget:
        return self.inputs[field_id].editor


# --------------------------------------------------------------------------- pages


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
            self.protocol.addItem(self.tr("%1 (version %2)").replace("%1", protocol.title)
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
        self.notice = plan_text(QLabel())  # the plan file's own notice
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
        self.notice.setText(self.w.protocol.notice)
        self.plan_banner.setVisible(self.w.protocol.provisional)
        self._show_problems()

    def _on_protocol(self, _index: int) -> None:
        if not self.w.change_protocol(self.protocol.currentData()):
            self.protocol.blockSignals(True)
            self.protocol.setCurrentIndex(max(0, self.protocol.findData(self.w.protocol.id)))
            self.protocol.blockSignals(False)
        self.notice.setText(self.w.protocol.notice)
        self.plan_banner.setVisible(self.w.protocol.provisional)

    def _on_date(self) -> None:
        self.w.draft.screening_date = self.screening_date.iso()
        self._show_problems()
        self.w.draft_changed()
        self.completeChanged.emit()

    def _show_problems(self) -> None:
        problems = self.w.flow.setup_problems(self.w.draft, self.w.today)
        self.date_message.show_message(problems.get("screening_date"))

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


OUTCOME_TEXT = {"met": "✔ OPEN", "not_met": "✘ EXCLUDED", "unknown": "? TO CHECK"}
OUTCOME_COLOUR = {"met": "#0b4f1c", "not_met": "#7a0000", "unknown": "#5a3d00"}


class PriorTherapyPage(QWizardPage):
    """The recorded history and, per arm (and option), the prior-therapy rules judged on
    the screening date: open / excluded / to check, with reasons and boundary dates."""

    def __init__(self, wizard: ScreeningWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle("Prior therapies")
        self.setSubTitle("The patient's recorded prior and current therapies, judged against "
                         "this plan's washout and prior-failure rules on the screening date.")
        outer = QVBoxLayout(self)
        self.plan_banner = plan_banner()
        outer.addWidget(self.plan_banner)
        self.rules_banner = provisional_label(
            "Prior-therapy rules: provisional — verify against the published plan")
        self.rules_banner.setAccessibleName("Provisional prior-therapy rules")
        outer.addWidget(self.rules_banner)
        row = QHBoxLayout()
        self.edit_button = QPushButton("&Edit prior therapies…")
        self.edit_button.setAccessibleName("Edit prior therapies")
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
        self.history.setAccessibleName("Recorded prior therapies")
        self.plan_wide = QLabel()
        self.plan_wide.setWordWrap(True)
        self.plan_wide.setStyleSheet(BANNER_STYLES["wait"])
        self.plan_wide.setAccessibleName("Plan-wide prior-therapy rules")
        self.arms = QLabel()
        self.arms.setWordWrap(True)
        self.arms.setTextFormat(Qt.RichText)
        self.arms.setAccessibleName("Prior-therapy evaluation per arm")
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
            items = "".join(f"<li>{_escape(r.to_record().describe())}</li>" for r in rows)
            self.history.setText(f"<b>Recorded history ({len(rows)}):</b><ul>{items}</ul>")
        else:
            self.history.setText("<b>No prior therapy is recorded.</b> Use “Edit prior "
                                 "therapies…” to enter each one (drug, start, stop, why "
                                 "stopped).")
        self.rules_banner.setVisible(a is not None and a.provisional)
        if a is None:
            self.plan_wide.hide()
            self.arms.setText("")
            return
        lines = [*a.failed, *a.unknown]
        self.plan_wide.setText("\n".join(lines))
        self.plan_wide.setVisible(bool(lines))
        parts = [f"<p>Judged on the screening date <b>{_escape(a.screening_date)}</b>:</p>"]
        for o in a.options:
            arm = self.w.protocol.arm(o.arm_id)
            name = arm_title(arm.id, arm.name) + (f": {o.label}" if o.option else "")
            limits = ("<br><i>Boundary: " + _escape("; ".join(o.date_limits)) + "</i>"
                      if o.date_limits else "")
            reasons = "".join(f"<li>{_escape(r)}</li>" for r in o.reasons)
            tag = " <i>(provisional)</i>" if o.provisional else ""
            parts.append(
                f"<p><span style='color:{OUTCOME_COLOUR[o.outcome]}; font-weight:bold'>"
                f"{OUTCOME_TEXT[o.outcome]}</span> — <b>{_escape(name)}</b>{tag}{limits}"
                f"<ul>{reasons}</ul></p>")
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
        self.reasons = plan_text(QLabel())
        self.reasons.setWordWrap(True)
        self.reasons.setTextFormat(Qt.RichText)
        self.reasons.setAccessibleName("Reasons")
        self.queries = plan_text(QLabel())
        self.queries.setWordWrap(True)
        self.queries.setTextFormat(Qt.RichText)
        self.queries.setAccessibleName("Queries")
        self.queries.setStyleSheet(BANNER_STYLES["wait"])
        self.notes = plan_text(QLabel())
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
                         .replace("%2", self.w.protocol.title)
                         .replace("%3", self.w.protocol.named_version.removeprefix("version "))
                         .replace("%4", str(self.w.draft.screening_date)))
        self.explanation.setText(sentences(EXPLANATION, v.explanation()))
        items = "".join(f"<li>{_escape(item.text)}</li>" for item in (*v.failed, *v.unknown))
        self.reasons.setText(f"<ul>{items}</ul>" if items else "")
        self.reasons.setVisible(bool(items))
        queried = "".join(f"<li>{_escape(item.text)}</li>" for item in v.queries)
        self.queries.setText(f"<b>Queries (they do not change the verdict):</b><ul>{queried}</ul>"
                             if queried else "")
        self.queries.setVisible(bool(queried))
        notes = list(v.notes)
        if v.outcome == ELIGIBLE:
            facts = screening_facts(saved_answers(self.w.protocol, self.w.draft))
            for choice in arm_choices(self.w.protocol, facts):
                if not choice.open:
                    extra = (" Restarting previously stopped IVIG may be considered."
                             if choice.may_consider else "")
                    notes.append(f"Arm {choice.arm_id} ({choice.name}) will not be available: "
                                 f"{' '.join(choice.closed_reasons)}{extra}")
        self.notes.setText("".join(f"<p>{_note_html(n)}</p>" for n in notes))
        self.confirm.setChecked(False)
        self.w.draft.confirmed = False

    def _on_confirm(self, checked: bool) -> None:
        self.w.draft.confirmed = checked
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.w.draft.confirmed


def _note_html(note: str) -> str:
    """A verdict note; an arm closed (or to check) is shown so it cannot be missed."""
    text = _escape(note)
    if "is closed by the prior therapies" in note or "will not be available" in note:
        return f"<span style='color:#7a0000; font-weight:bold'>✘ {text}</span>"
    if "to check before enrolling" in note:
        return f"<span style='color:#5a3d00; font-weight:bold'>? {text}</span>"
    if "provisional" in note:
        return f"<span style='color:#6b4a00; background:#fff4d6'>{text}</span>"
    return f"<span style='color:#555555'>{text}</span>"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --------------------------------------------------------------------------- wizard


class ScreeningWizard(QWizard):
    """Screen one patient. ``ask`` is the question box (tests inject one)."""

    screening_saved = Signal(int, str)  # screening id, verdict

    def __init__(self, database: Database, patient_id: int, user: str,
                 protocols: dict[str, Protocol], today: date | None = None,
                 draft: ScreeningDraft | None = None, patient_text: str = "",
                 ask: AskFunction | None = None, protocol_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if not protocols:
            raise ValueError("no treatment plan is installed")
        self.database = database
        self.user = user
        self.protocols = protocols
        self.today = today or date.today()
        self.ask: AskFunction = ask or ask_with_message_box
        self.resumed = draft is not None
        self.patient_text = patient_text or f"#{patient_id}"
        if draft is None or draft.protocol_id not in protocols:
            draft = ScreeningDraft(patient_id=patient_id,
                                   protocol_id=protocol_id if protocol_id in protocols
                                   else next(iter(protocols)),
                                   screening_date=self.today.isoformat())
        self.draft = draft
        self._resume_page = draft.page
        self.protocol = protocols[draft.protocol_id]
        self.flow = ScreeningFlow(self.protocol)
        self.saved_screening_id: int | None = None
        self.saved_verdict: str | None = None
        self._finishing = False
        self._closed = False  # set once the user has decided what happens to the draft
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_DELAY_MS)
        self._autosave.timeout.connect(self.save_draft)

        self.setWindowTitle(self.tr("Screen for a treatment plan"))
        self.setWizardStyle(QWizard.ClassicStyle)
        self.setOption(QWizard.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.FinishButton, self.tr("&Save screening"))
        self.setButtonText(QWizard.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.BackButton, self.tr("< Bac&k"))
        fit_on_screen(self, 900, 700)

        self.setup_page = SetupPage(self, protocols, self.patient_text)
        self.setPage(PAGE_IDS[SETUP_PAGE], self.setup_page)
        self.criteria_pages: dict[str, CriteriaPage] = {}
        self.verdict_page = VerdictPage(self)
        self.setPage(PAGE_IDS[VERDICT_PAGE], self.verdict_page)
        self.prior_page: PriorTherapyPage | None = None
        self.prior_dialog = None
        self._build_criteria_pages()
        self.setup_page.load()
        if self.resumed:
            self.setup_page.resumed.setText(self.tr(
                "Resumed the unfinished screening saved earlier. Your answers are as you "
                "left them; Cancel → Discard starts again."))
            self.setup_page.resumed.show()

        self.currentIdChanged.connect(self._on_page_changed)

    def start_at_saved_page(self) -> None:
        """Resume on the page the user left (pages before it must be complete)."""
        target = self._resume_page
        first_gap = self.flow.first_incomplete_page(self.draft, self.today)
        pages = self.flow.pages()
        if first_gap is not None and target in pages and pages.index(first_gap) < pages.index(
                target):
            target = first_gap
        if target not in PAGE_IDS or target == SETUP_PAGE:
            return
        if self.currentId() == -1:
            self.restart()
        while self.currentId() != PAGE_IDS[target] and self.currentPage().isComplete():
            before = self.currentId()
            self.next()
            if self.currentId() == before:
                break

    # ----- pages ---------------------------------------------------------------------------
    def _build_criteria_pages(self) -> None:
        for page in self.criteria_pages.values():
            self.removePage(PAGE_IDS[page.group.value])
            page.deleteLater()
        self.criteria_pages = {}
        if self.prior_page is not None:
            self.removePage(PAGE_IDS[PRIOR_PAGE])
            self.prior_page.deleteLater()
            self.prior_page = None
        for group_name in self.flow.pages()[1:-1]:
            if group_name == PRIOR_PAGE:
                self.prior_page = PriorTherapyPage(self)
                self.setPage(PAGE_IDS[PRIOR_PAGE], self.prior_page)
                continue
            page = CriteriaPage(self, CriterionGroup(group_name))
            self.criteria_pages[group_name] = page
            self.setPage(PAGE_IDS[group_name], page)

    # ----- prior therapies -----------------------------------------------------------------
    def prior_assessment(self) -> PriorAssessment | None:
        """The stored history judged on the screening date (None: the plan has no
        prior-therapy rules, or no screening date yet)."""
        day = parse_iso_date(self.draft.screening_date)
        if not self.protocol.prior_therapy_rules or day is None:
            return None
        with self.database.session() as session:
            rows = list_prior_therapies(session, self.draft.patient_id)
        return assess_prior_therapy(self.protocol, [r.to_record() for r in rows], day)

    def edit_prior_therapies(self) -> None:
        """Open the patient's prior-therapy history (the same record every screening
        uses); the evaluation is refreshed after each save."""
        from app.forms.prior_therapy_dialog import PriorTherapyDialog

        facts = screening_facts(saved_answers(self.protocol, self.draft))
        dialog = PriorTherapyDialog(self.database, self.draft.patient_id, self.user,
                                    self.protocols.values(), self.today, self.patient_text,
                                    parent=self, from_screening=screened_therapies(facts))
        if self.prior_page is not None:
            dialog.changed.connect(self.prior_page.refresh)
        self.prior_dialog = dialog
        dialog.open()

    def _choose(self, title: str, text: str, options: list[str]) -> str:
        """Ask with the buttons in the interface's language; the answer is the option."""
        shown = {QCoreApplication.translate("ScreeningWizard", option): option
                 for option in options}
        chosen = self.ask(self, title, text, list(shown))
        return shown.get(chosen, chosen)

    def change_protocol(self, protocol_id: str) -> bool:
        """Switch plan (answers belong to a plan, so they are cleared); False if kept."""
        if protocol_id == self.protocol.id:
            return True
        if self.has_answers():
            choice = self._choose(self.tr("Change treatment plan"),
                                  self.tr("The answers given so far belong to the current plan "
                                          "and will be cleared. Change the plan?"),
                                  [CHANGE_PLAN, KEEP_PLAN])
            if choice != CHANGE_PLAN:
                return False
        self.protocol = self.protocols[protocol_id]
        self.flow = ScreeningFlow(self.protocol)
        self.draft.protocol_id = protocol_id
        self.draft.answers = {}
        self._build_criteria_pages()
        self.draft_changed()
        return True

    def page_for(self, name: str) -> QWizardPage:
        return self.page(PAGE_IDS[name])

    def criterion_box(self, criterion_id: str) -> CriterionBox:
        for page in self.criteria_pages.values():
            if criterion_id in page.boxes:
                return page.boxes[criterion_id]
        raise KeyError(criterion_id)

    def _on_page_changed(self, page_id: int) -> None:
        name = next((n for n, i in PAGE_IDS.items() if i == page_id), SETUP_PAGE)
        self.draft.page = name
        self.save_draft()

    # ----- drafts --------------------------------------------------------------------------
    def draft_changed(self) -> None:
        self._autosave.start()

    def has_answers(self) -> bool:
        return any(a.answer is not None or a.details for a in self.draft.answers.values())

    def save_draft(self) -> None:
        self._autosave.stop()
        if self.saved_screening_id is not None or self._closed:
            return
        with self.database.session() as session:
            save_screening_draft(session, self.draft, user=self.user)

    def discard_draft(self) -> None:
        self._autosave.stop()
        with self.database.session() as session:
            discard_screening_draft(session, self.draft.patient_id)

    # ----- finish / cancel -----------------------------------------------------------------
    def accept(self) -> None:
        if self._finishing or self.saved_screening_id is not None:
            return  # a second click on Save must not save twice
        if not self.draft.confirmed:
            return
        self._finishing = True
        self.button(QWizard.FinishButton).setEnabled(False)
        self._autosave.stop()
        try:
            with self.database.session() as session:
                screening_id, verdict = complete_screening(session, self.protocol, self.draft,
                                                           user=self.user)
        except Exception as error:  # noqa: BLE001 - shown to the user, data kept
            self.verdict_page.save_message.show_message(
                self.tr("The screening could not be saved: %1. Your answers are kept.")
                .replace("%1", str(error)))
            self._finishing = False
            self.button(QWizard.FinishButton).setEnabled(True)
            return
        self.saved_screening_id = screening_id
        self.saved_verdict = verdict.outcome
        self._closed = True
        self.screening_saved.emit(screening_id, verdict.outcome)
        super().accept()

    def reject(self) -> None:
        if self.saved_screening_id is None and self.has_answers():
            choice = self._choose(self.tr("Cancel screening"),
                                  self.tr("This screening is not finished. Keep it as a draft "
                                          "to resume later, or discard the answers?"),
                                  [KEEP, DISCARD, CONTINUE])
            if choice == CONTINUE:
                return
            if choice == KEEP:
                self.save_draft()
            else:
                self.discard_draft()
        elif self.saved_screening_id is None:
            self.discard_draft()
        self._closed = True
        super().reject()
