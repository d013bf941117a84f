"""Muscle enzymes: value, unit, the lab's ULN (site defaults editable) and ×ULN; the
collection date (clinical-rules §2.5)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app import paths
from app.domain.errors import InputError
from app.domain.instruments.common import InstrumentInputError
from app.domain.instruments.enzymes import (
    ENZYMES,
    EnzymeMeasurement,
    follow_up_enzyme,
    measurements_of,
    most_abnormal,
    times_uln,
    validate_enzyme,
)
from app.domain.visit_values import ItemEntry, VisitValues
from app.forms.numbers import decimal, entry_problem, fixed, numbers_in_words, typed_number
from app.forms.terms import MESSAGE, item_words, phrases
from app.forms.visit_sections import (
    DateItemField,
    NumberField,
    Section,
    SectionState,
    note_label,
)

UNITS = ("U/L", "µkat/L")
# Example adult reference limits: every site must set its own laboratory's values.
FALLBACK_ULN: dict[str, tuple[float, str]] = {
    "ck": (200.0, "U/L"),
    "aldolase": (7.6, "U/L"),
    "ldh": (280.0, "U/L"),
    "ast": (40.0, "U/L"),
    "alt": (40.0, "U/L"),
}


def uln_defaults_path() -> Path:
    return paths.config_dir() / "enzyme_uln_defaults.json"


def load_uln_defaults() -> dict[str, tuple[float, str]]:
    """The site's ULN defaults (JSON in the config folder), else the example values."""
    out = dict(FALLBACK_ULN)
    try:
        data = json.loads(uln_defaults_path().read_text(encoding="utf-8"))
        for code, (value, unit) in data.items():
            if code in out and unit in UNITS and float(value) > 0:
                out[code] = (float(value), unit)
    except (OSError, ValueError, TypeError):
        pass
    return out


def save_uln_defaults(defaults: dict[str, tuple[float, str]]) -> None:
    uln_defaults_path().write_text(
        json.dumps({k: list(v) for k, v in defaults.items()}, indent=2, ensure_ascii=False),
        encoding="utf-8",
    )


class UnitNumberField(NumberField):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.unit_box = QComboBox()
        self.unit_box.addItems(UNITS)
        self.unit_box.setFixedWidth(80)
        self.unit_box.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def current_unit(self) -> str | None:
        return self.unit_box.currentText()

    def set_entry(self, entry: ItemEntry | None) -> None:
        super().set_entry(entry)
        if entry is not None and entry.unit in UNITS:
            self.unit_box.setCurrentText(entry.unit)


class UlnDefaultsDialog(QDialog):
    """Edit the site's default ULN per enzyme (kept in the config folder)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Laboratory upper limits of normal"))
        form = QFormLayout(self)
        form.addRow(
            note_label(self.tr(
                "Defaults filled in when a result is entered without a ULN. "
                "Use your laboratory's reference limits."
            ))
        )
        self.rows: dict[str, tuple[QLineEdit, QComboBox]] = {}
        for e in ENZYMES:
            value, unit = load_uln_defaults()[e.code]
            edit = QLineEdit(decimal(value))
            box = QComboBox()
            box.addItems(UNITS)
            box.setCurrentText(unit)
            row = QWidget()
            h = QHBoxLayout(row)
            h.setContentsMargins(0, 0, 0, 0)
            h.addWidget(edit)
            h.addWidget(box)
            form.addRow(item_words(e.label), row)
            self.rows[e.code] = (edit, box)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _save(self) -> None:
        """Saved only when every value reads (the interface's decimal mark, as every number
        field: numbers.typed_number); otherwise the reason, and everything stays typed."""
        out = {}
        for code, (edit, box) in self.rows.items():
            typed = edit.text().strip()
            try:
                value = typed_number(f"{code}_uln", typed)
            except InputError as error:
                label = self.tr("ULN for %1").replace("%1", code.upper())
                value = None
                problem = entry_problem(error, label)
                if problem is not None:  # a comma that could be misread: say why
                    self.error.setText(problem)
                    edit.setFocus()
                    return
            if value is None or value <= 0:
                self.error.setText(self.tr("The ULN for %1 must be a number above 0.")
                                   .replace("%1", code.upper()))
                edit.setFocus()
                return
            out[code] = (value, box.currentText())
        save_uln_defaults(out)
        self.accept()


class EnzymesSection(Section):
    key = "enzymes"
    title = QT_TRANSLATE_NOOP("EnzymesSection", "Muscle enzymes")

    def __init__(self, baseline_values: VisitValues | None = None, *,
                 born: date | None = None, today: date | None = None) -> None:
        super().__init__()
        self.baseline_values = baseline_values
        self.defaults = load_uln_defaults()
        top = QHBoxLayout()
        self.collected = self.add_field(
            DateItemField("enzymes", "collected_on", self.tr("Collection date"), born=born,
                          today=today)
        )
        top.addWidget(QLabel(self.tr("Collected on")))
        top.addWidget(self.collected.date, 1)
        top.addWidget(self.collected.reason_box)
        top.addStretch(1)
        settings = QPushButton(self.tr("Lab ULN defaults…"))
        settings.clicked.connect(self.edit_defaults)
        top.addWidget(settings)
        self.outer.addLayout(top)
        self.outer.addWidget(self.collected.message)
        grid = self.grid()
        for col, text in enumerate(
            (self.tr("Enzyme"), self.tr("Result"), self.tr("Unit"), self.tr("ULN"),
             self.tr("ULN unit"), self.tr("× ULN"), self.tr("If missing"))
        ):
            grid.addWidget(QLabel(f"<b>{text}</b>"), 0, col)
        self.ratio: dict[str, QLabel] = {}
        self.value_fields: dict[str, UnitNumberField] = {}
        self.uln_fields: dict[str, UnitNumberField] = {}
        row = 1
        for e in ENZYMES:
            value = UnitNumberField(
                "enzymes",
                e.code,
                self.tr("%1 result").replace("%1", item_words(e.label)),
                check=lambda t, c=e.code: self._value_message(c, t),
                width=80,
            )
            uln = UnitNumberField(
                "enzymes",
                f"{e.code}_uln",
                self.tr("%1 ULN").replace("%1", item_words(e.label)),
                check=lambda t, c=e.code: self._uln_message(c, t),
                width=70,
            )
            default_value, default_unit = self.defaults[e.code]
            uln.edit.setPlaceholderText(decimal(default_value))
            uln.unit_box.setCurrentText(default_unit)
            uln.reason_box.setProperty("never_shown", True)
            uln.reason_box.hide()
            self.add_field(value)
            self.add_field(uln)
            self.value_fields[e.code] = value
            self.uln_fields[e.code] = uln
            ratio = QLabel()
            self.ratio[e.code] = ratio
            grid.addWidget(QLabel(item_words(e.label)), row, 0)
            grid.addWidget(value.edit, row, 1)
            grid.addWidget(value.unit_box, row, 2)
            grid.addWidget(uln.edit, row, 3)
            grid.addWidget(uln.unit_box, row, 4)
            grid.addWidget(ratio, row, 5)
            grid.addWidget(value.reason_box, row, 6)
            grid.addWidget(value.message, row + 1, 0, 1, 8)
            grid.addWidget(uln.message, row + 2, 0, 1, 8)
            row += 3
        grid.setColumnStretch(7, 1)
        self.outer.addLayout(grid)
        self.outer.addWidget(
            note_label(self.tr(
                "× ULN = result ÷ upper limit of normal, both in U/L (1 µkat/L = 60 U/L). A blank "
                "ULN uses the site default shown in grey."
            ))
        )
        self.outer.addStretch(1)
        self.refresh()

    def edit_defaults(self) -> None:
        if UlnDefaultsDialog(self).exec():
            self.defaults = load_uln_defaults()
            for code, f in self.uln_fields.items():
                f.edit.setPlaceholderText(decimal(self.defaults[code][0]))
            self._on_changed()

    def _value_message(self, code: str, text: str) -> str | None:
        m = validate_enzyme(EnzymeMeasurement(code, text, "U/L", 1))
        return phrases(MESSAGE, m.get("value") or "") or None

    def _uln_message(self, code: str, text: str) -> str | None:
        m = validate_enzyme(EnzymeMeasurement(code, 0, "U/L", text))
        return phrases(MESSAGE, m.get("uln") or "") or None

    def collect(self, values: VisitValues) -> None:
        super().collect(values)
        enzymes = values.setdefault("enzymes", {})
        for code, value in self.value_fields.items():
            uln = self.uln_fields[code]
            if value.is_blank():
                enzymes.pop(uln.item, None)
            elif uln.is_blank():
                default, unit = self.defaults[code]
                enzymes[uln.item] = ItemEntry(value_num=default, unit=unit)
        if not enzymes:
            values.pop("enzymes")

    def current_values(self) -> VisitValues:
        values: VisitValues = {}
        self.collect(values)
        return values

    def refresh(self) -> None:
        current = self.current_values()
        for label in self.ratio.values():
            label.setText("")
        results = {}
        for m in measurements_of(current.get("enzymes", {})):
            try:
                r = times_uln(m)
            except InstrumentInputError:
                continue
            results[m.enzyme] = r
            self.ratio[m.enzyme].setText(
                self.tr("<b>%1 × ULN</b>").replace("%1", fixed(r.times_uln, 2)))
            self.ratio[m.enzyme].setToolTip(numbers_in_words(phrases(MESSAGE, r.explanation)))
        text = ""
        try:
            if self.baseline_values is None:
                chosen = most_abnormal(measurements_of(current.get("enzymes", {})))
                text = numbers_in_words(phrases(MESSAGE, chosen.explanation))
            else:
                base = most_abnormal(measurements_of(self.baseline_values.get("enzymes", {})))
                if base.enzyme:
                    follow = follow_up_enzyme(
                        base.enzyme, measurements_of(current.get("enzymes", {})))
                    text = (
                        self.tr("Followed enzyme (most abnormal at baseline): %1 This visit: %2")
                        .replace("%1", numbers_in_words(phrases(MESSAGE, base.explanation)))
                        .replace("%2", numbers_in_words(phrases(MESSAGE, follow.reason)))
                    )
                else:
                    text = self.tr("No baseline enzyme result to follow.")
        except InstrumentInputError as exc:
            # each message in its words (a Sentence by its phrase, text as written)
            text = " ".join(phrases(MESSAGE, m) for m in exc.messages.values())
        self.score.setText(text or self.tr("No enzyme results entered."))

    def state(self) -> SectionState:
        n = len(measurements_of(self.current_values().get("enzymes", {})))
        errors = len(self.errors())
        return SectionState(self.tr("%n result(s)", "", n), n > 0 and not errors, errors)
