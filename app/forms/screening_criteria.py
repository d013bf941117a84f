"""One eligibility criterion on a screening page: its Yes / No / Unknown answer, its
detail fields built from the plan's ``DetailField``s, and the problems, timing rules and
contradictions the domain (``app.domain.screening``) finds in them, shown at the fields.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
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
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.phrases import Phrase
from app.domain.protocol import Criterion, DetailField, FieldType
from app.domain.screening import (
    ANSWER_LABELS,
    ANSWERS,
    GROUP_SHORT,
    ScreeningDraft,
    consistency_findings,
    criterion_problems,
    field_applies,
    parse_iso_date,
    timing_results,
)
from app.domain.source_words import source_in_words
from app.forms.numbers import (
    as_typed_by_the_domain,
    number_words,
    phrase_in_words,
    shown_as_typed,
    typed_problem,
)
from app.forms.terms import (
    ANSWER,
    GROUP,
    plan_text,
    plan_text_words,
    plan_words_on,
    screening_words,
    term,
)
from app.forms.widgets import (
    BANNER_STYLES,
    ERROR_STYLE,
    HINT_STYLE,
    DateField,
    FieldMessage,
    provisional_label,
)

if TYPE_CHECKING:
    from app.forms.screening_wizard import ScreeningWizard


class DetailInput(QWidget):
    """One detail field of a criterion, built from its DetailField spec."""

    changed = Signal()

    def __init__(self, spec: DetailField, owner: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        name = f"{owner}: {plan_text_words(spec.label)}"
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
                check = QCheckBox(plan_text_words(choice.label))  # the plan file's choices
                plan_words_on(check, choice.label)
                check.setAccessibleName(f"{name}: {plan_text_words(choice.label)}")
                check.toggled.connect(lambda _v: self.changed.emit())
                self.checks[choice.value] = check
                box.addWidget(check, index // 4, index % 4)
            box.setColumnStretch(4, 1)
        elif spec.type is FieldType.CHOICE:
            # The choices are the plan file's words, each with its English as its tooltip;
            # "choose" is the interface's.
            self.editor = QComboBox()
            self.editor.addItem(self.tr("— choose —"), "")
            for choice in spec.choices:
                self.editor.addItem(plan_text_words(choice.label), choice.value)
                self.editor.setItemData(self.editor.count() - 1, choice.label,
                                        Qt.ToolTipRole)
            if any(plan_text_words(c.label) == c.label for c in spec.choices):
                plan_text(self.editor)  # some in the plan's own words
            self.editor.currentIndexChanged.connect(lambda _i: self.changed.emit())
        else:
            self.editor = QLineEdit()
            if spec.type is FieldType.NUMBER:
                limits = [number_words(f"{v:g}") for v in (spec.min, spec.max) if v is not None]
                if len(limits) == 2:
                    self.editor.setPlaceholderText(f"{limits[0]}–{limits[1]}")
            self.editor.textChanged.connect(lambda _t: self.changed.emit())
        self.editor.setAccessibleName(name)
        if spec.help:
            self.editor.setToolTip(plan_text_words(spec.help))
            if plan_text_words(spec.help) == spec.help:
                plan_text(self.editor)  # the plan's own words
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
            if self.spec.type is FieldType.NUMBER:
                # "47,5" in French is the domain's "47.5"; what could be misread ("1,500")
                # stays as typed, refused with the reason (typed_problem), never lost
                return as_typed_by_the_domain(e.text().strip())
            return e.text().strip()
        return [v for v, c in self.checks.items() if c.isChecked()]

    def typed_problem(self) -> str | None:
        """Why a number typed with a comma cannot be read, in the interface's words."""
        if self.spec.type is not FieldType.NUMBER or "," not in self.editor.text():
            return None
        return typed_problem(self.spec.id, self.editor.text().strip(),
                             plan_text_words(self.spec.label))

    def set_value(self, value: Any) -> None:
        e = self.editor
        if isinstance(e, DateField):
            e.set_iso(value if isinstance(value, str) else "")
        elif isinstance(e, QCheckBox):
            e.setChecked(bool(value))
        elif isinstance(e, QComboBox):
            e.setCurrentIndex(max(0, e.findData(value or "")))
        elif isinstance(e, QLineEdit):
            text = "" if value is None else str(value)
            e.setText(shown_as_typed(text) if self.spec.type is FieldType.NUMBER else text)
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
        # The plan's texts in the interface's words, each with its English as its tooltip
        # (plan_words_on): the English is authoritative.
        text = plan_words_on(QLabel(plan_text_words(criterion.text)), criterion.text)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(text)
        if criterion.help:
            hint = plan_words_on(QLabel(plan_text_words(criterion.help)), criterion.help)
            hint.setWordWrap(True)
            hint.setStyleSheet(HINT_STYLE)
            layout.addWidget(hint)
        self.caution: QLabel | None = None
        if criterion.caution:  # e.g. no consensus in the source (seeds 002/004)
            self.caution = plan_words_on(QLabel("⚠ " + plan_text_words(criterion.caution)),
                                         criterion.caution)
            self.caution.setWordWrap(True)
            self.caution.setStyleSheet(BANNER_STYLES["wait"])
            self.caution.setAccessibleName(self.tr("%1: caution").replace("%1", where))
            layout.addWidget(self.caution)
        if criterion.status.value == "provisional":
            tag = provisional_label(self.tr(
                "Criterion provisional — verify against the published plan."))
            tag.setAccessibleName(self.tr("%1: provisional").replace("%1", where))
            layout.addWidget(tag)
            # the plan file's source, its papers named as source_words names them: the
            # plan's English, which the French says
            source = plan_text(provisional_label(self.tr("Source: %1").replace(
                "%1", source_in_words(criterion.source))))
            layout.addWidget(source)

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
            words = plan_text_words(spec.label)
            label = plan_words_on(QLabel(
                words if words.endswith("?") else self.tr("%1:").replace("%1", words)),
                spec.label)
            label.setWordWrap(True)
            label.setBuddy(field.editor)
            message = FieldMessage(f"{where}: {words}")
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(field)
            if spec.help:
                hint = plan_words_on(QLabel(plan_text_words(spec.help)), spec.help)
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
            self.timing_provisional = provisional_label(self.tr(
                "Timing rule read as calendar months — provisional, verify against the "
                "published plan"))
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
            problem = problems.get(field_id)
            if problem is not None:
                problem = self.inputs[field_id].typed_problem() or (
                    phrase_in_words(problem) if isinstance(problem, Phrase)
                    else screening_words(problem))
            message.show_message(problem if entry.answer else None)
        results = timing_results(self.criterion, entry, screening_day) if (
            entry.answer == "yes") else []
        if results:
            text = " ".join(screening_words(r.message) for r in results)
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
            message = escape(screening_words(finding.message), quote=False)
            if finding.kind == "contradiction":
                line = (self.tr("✘ Contradiction <i>(provisional rule)</i>: %1 The patient is "
                                "not eligible on these answers.") if finding.provisional else
                        self.tr("✘ Contradiction: %1 The patient is not eligible on these "
                                "answers."))
                parts.append(f"<p style='{ERROR_STYLE} font-weight:bold'>"
                             f"{line.replace('%1', message)}</p>")
            else:
                line = (self.tr("? Query <i>(provisional rule)</i>: %1") if finding.provisional
                        else self.tr("? Query: %1"))
                parts.append(f"<p style='color:#5a3d00; background:#fff4d6'>"
                             f"{line.replace('%1', message)}</p>")
        self.consistency.setText("".join(parts))
        self.consistency.setVisible(bool(parts))

    def field(self, field_id: str) -> QWidget:
        return self.inputs[field_id].editor
