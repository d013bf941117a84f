"""Skin rash detail (MDAAT cutaneous items), calcinosis, nailfold capillaries and
lipoatrophy (clinical-rules §2.6). Recorded as observed; no score.

At a follow-up, each finding's "change since last visit" is checked against the skin
activity score recorded at the last visit and at this one: a rating that contradicts the
numbers gets a reminder under it (never an error: saving is not blocked)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.domain.instruments.skin import (
    CHANGE_ANSWERS,
    SKIN_ITEMS,
    skin_change_warning,
    validate_skin,
)
from app.domain.visit_form import SkinActivityChange
from app.forms.terms import MESSAGE, item_words, phrases
from app.forms.visit_sections import (
    ChoiceField,
    Section,
    SectionState,
    message_label,
    tint,
)

WARNING_COLOR = "#8a5a00"  # amber: a reminder to check, not an error


class SkinSection(Section):
    key = "skin"
    title = QT_TRANSLATE_NOOP(
        "SkinSection", "Skin rash detail, calcinosis, nailfold capillaries, lipoatrophy")

    def __init__(self, follow_up: bool = True, previous_label: str = "the last visit") -> None:
        super().__init__()
        self.previous_label = previous_label
        self.activity: SkinActivityChange | None = None
        self.change_warnings: dict[str, QLabel] = {}
        grid = self.grid()
        grid.addWidget(QLabel(self.tr("<b>Finding</b>")), 0, 0)
        grid.addWidget(QLabel(self.tr("<b>Present?</b>")), 0, 1)
        if follow_up:
            grid.addWidget(QLabel(self.tr("<b>Change since last visit</b>")), 0, 2)
        row = 1
        for item in SKIN_ITEMS:
            field = self.add_field(
                ChoiceField(
                    "skin",
                    item.code,
                    item_words(item.label),
                    [(a.value, item_words(a.label)) for a in item.answers],
                    width=140,
                )
            )
            label = QLabel(
                item_words(item.label)
                + (f" <span style='color:#666'>({item_words(item.examples)})</span>"
                   if item.examples else "")
            )
            label.setWordWrap(True)
            # The finding's messages, its change's message and the reminder share the row
            # under it, stacked (one grid cell each would draw them over one another).
            notes = QWidget()
            stack = QVBoxLayout(notes)
            stack.setContentsMargins(0, 0, 0, 0)
            stack.setSpacing(0)
            stack.addWidget(field.message)
            grid.addWidget(label, row, 0)
            grid.addWidget(field.editor, row, 1)  # type: ignore[attr-defined]
            if item.change_code and follow_up:
                change = self.add_field(
                    ChoiceField(
                        "skin",
                        item.change_code,
                        self.tr("%1, change").replace("%1", item_words(item.label)),
                        [(a.value, item_words(a.label)) for a in CHANGE_ANSWERS],
                        width=120,
                    )
                )
                change.reason_box.setProperty("never_shown", True)
                change.reason_box.hide()
                change.message = message_label()
                warning = message_label()
                tint(warning, WARNING_COLOR)
                warning.setAccessibleName(self.tr("%1: check against the last visit")
                                          .replace("%1", item_words(item.label)))
                self.change_warnings[item.change_code] = warning
                stack.addWidget(change.message)
                stack.addWidget(warning)
                grid.addWidget(change.combo, row, 2)
            grid.addWidget(field.reason_box, row, 3)
            grid.addWidget(notes, row + 1, 0, 1, 4)
            row += 2
        grid.addWidget(QLabel(self.tr("<b>If missing</b>")), 0, 3)
        grid.setColumnMinimumWidth(0, 440)
        grid.setColumnStretch(4, 1)
        self.outer.addLayout(grid)
        self.outer.addStretch(1)
        self.refresh()

    def set_activity(self, activity: SkinActivityChange | None) -> None:
        """The skin activity score at the last visit and now (None: nothing to compare);
        the form calls this whenever the global assessments change."""
        if activity == self.activity:
            return
        self.activity = activity
        self._show_warnings(self.errors())

    def warnings(self) -> dict[str, str]:
        """Reminders keyed by change code: a rating that contradicts the skin activity
        score. Not errors: they never stop Save or Mark complete."""
        return self._warnings(self.errors())

    def _warnings(self, errors: dict[str, str]) -> dict[str, str]:
        if self.activity is None:
            return {}
        out = {}
        for item in SKIN_ITEMS:
            code = item.change_code
            if code not in self.change_warnings or f"skin:{code}" in errors:
                continue  # an answer already marked wrong needs correcting, not a reminder
            message = skin_change_warning(
                self.activity.previous,
                self.activity.current,
                self.fields[code].value(),  # type: ignore[attr-defined]
                finding=item.label,
                measure=self.activity.label,
                previous_label=self.previous_label,
            )
            if message:
                out[code] = phrases(MESSAGE, message)
        return out

    def _show_warnings(self, errors: dict[str, str]) -> None:
        warnings = self._warnings(errors)
        for code, label in self.change_warnings.items():
            text = warnings.get(code, "")
            label.setText(text)
            label.setVisible(bool(text))

    def errors(self) -> dict[str, str]:
        values = {}
        for code, f in self.fields.items():
            values[code] = f.value()  # type: ignore[attr-defined]
        return {f"skin:{k}": phrases(MESSAGE, v) for k, v in validate_skin(values).items()}

    def refresh(self) -> None:
        errors = self.errors()
        for code, f in self.fields.items():
            text = errors.get(f"skin:{code}", "")
            f.message.setText(text)
            f.message.setVisible(bool(text))
        self._show_warnings(errors)
        present = [
            f.label_text
            for c, f in self.fields.items()
            if f.value() == "present" and not c.endswith("_change")
        ]  # type: ignore[attr-defined]
        answered = sum(
            1 for c, f in self.fields.items() if not c.endswith("_change") and not f.is_blank()
        )
        total = sum(1 for c in self.fields if not c.endswith("_change"))
        self.score.setText(
            self.tr("%1 of %2 findings answered. Present: %3").replace("%1", str(answered))
            .replace("%2", str(total))
            .replace("%3", ", ".join(present) if present else self.tr("none"))
        )

    def state(self) -> SectionState:
        answered = sum(
            1 for c, f in self.fields.items() if not c.endswith("_change") and not f.is_blank()
        )
        total = sum(1 for c in self.fields if not c.endswith("_change"))
        return SectionState(f"{answered}/{total}", answered == total, len(self.errors()))
