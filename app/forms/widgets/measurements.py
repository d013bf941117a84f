"""Weight and height with their units and the date measured, the BSA and the growth
warnings: entered on the enrollment wizard's first page and in the arm switch dialog."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.measurements import measure_refusal
from app.domain.phrases import Joined, Phrase
from app.domain.units import OutOfRangeError
from app.forms.numbers import (
    as_typed_by_the_domain,
    decimal_mark,
    entry_problem,
    parsed_value,
    shown_as_typed,
    typed_problem,
)
from app.forms.terms import MEASUREMENT_CHECK, date_check_words, phrase_words, term
from app.forms.widgets import BANNER_STYLES, DateField, FieldMessage, labelled


class MeasurementInputs(QWidget):
    """Weight (kg/lb), height (cm/in) and the date measured, with messages and the BSA."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.weight = QLineEdit()
        self.weight.setAccessibleName(self.tr("Weight"))
        self.weight_unit = QComboBox()
        self.weight_unit.addItem("kg", "kg")
        self.weight_unit.addItem("lb", "lb")
        self.weight_unit.setAccessibleName(self.tr("Weight unit"))
        self.height = QLineEdit()
        self.height.setAccessibleName(self.tr("Height"))
        self.height_unit = QComboBox()
        self.height_unit.addItem("cm", "cm")
        self.height_unit.addItem("in", "in")
        self.height_unit.setAccessibleName(self.tr("Height unit"))
        self.measured_on = DateField()
        self.measured_on.setAccessibleName(self.tr("Date weight and height were measured"))
        self.messages = {name: FieldMessage(name) for name in ("weight", "height", "measured_on")}
        # The value that will be used, as read ("= 20,5 kg"): doses are computed from it.
        self.read_as = {name: QLabel() for name in ("weight", "height")}
        self.read_as["weight"].setAccessibleName(self.tr("Weight as read"))
        self.read_as["height"].setAccessibleName(self.tr("Height as read"))
        for label, edit, unit, name in (
                (self.tr("&Weight:"), self.weight, self.weight_unit, "weight"),
                (self.tr("&Height:"), self.height, self.height_unit, "height")):
            row = QHBoxLayout()
            row.addWidget(edit, 1)
            row.addWidget(unit)
            row.addWidget(self.read_as[name])
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.addLayout(row)
            column.addWidget(self.messages[name])
            form.addRow(labelled(label, edit), holder)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.measured_on)
        column.addWidget(self.messages["measured_on"])
        form.addRow(labelled(self.tr("&Measured on:"), self.measured_on), holder)
        self.bsa = QLabel(self.tr("BSA: enter weight and height"))
        self.bsa.setAccessibleName(self.tr("Body surface area"))
        self.bsa.setWordWrap(True)
        form.addRow(self.tr("Body surface area:"), self.bsa)
        # Beyond ±3 SD for age and sex (CDC 2000): said plainly, and kept only when ticked.
        self.plausibility = QLabel()
        self.plausibility.setWordWrap(True)
        self.plausibility.setStyleSheet(BANNER_STYLES["wait"])
        self.plausibility.setAccessibleName(self.tr("Unusual measurements"))
        self.plausibility.hide()
        form.addRow(self.plausibility)
        self.confirm = QCheckBox(self.tr("I have checked these measurements and they are &right"))
        self.confirm.setAccessibleName(self.tr("Measurements checked and right"))
        self.confirm.hide()
        self.confirm.toggled.connect(lambda _on: self.changed.emit())
        form.addRow(self.confirm)
        for widget in (self.weight, self.height):
            widget.textChanged.connect(lambda _t: self.changed.emit())
        for combo in (self.weight_unit, self.height_unit):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.measured_on.changed.connect(self.changed)

    def load(self, weight: str, weight_unit: str, height: str, height_unit: str,
             measured_on: str) -> None:
        self.weight.setText(shown_as_typed(weight))
        self.weight_unit.setCurrentIndex(max(0, self.weight_unit.findData(weight_unit)))
        self.height.setText(shown_as_typed(height))
        self.height_unit.setCurrentIndex(max(0, self.height_unit.findData(height_unit)))
        self.measured_on.set_iso(measured_on)

    def set_confirmed(self, confirmed: bool) -> None:
        self.confirm.blockSignals(True)
        self.confirm.setChecked(confirmed)
        self.confirm.blockSignals(False)

    def values(self) -> tuple[str, str, str, str, str]:
        return (as_typed_by_the_domain(self.weight.text().strip()), self.weight_unit.currentData(),
                as_typed_by_the_domain(self.height.text().strip()), self.height_unit.currentData(),
                self.measured_on.iso())

    def confirmed(self) -> bool:
        return self.confirm.isChecked() and self.confirm.isVisible()

    def _in_words(self, name: str, problem: str | None,
                  hint: Phrase | Joined | None = None) -> str | None:
        """A weight or height typed with a comma that cannot be read (app.domain.units:
        "1,500" could be 1.5 or 1500, a dose a thousandfold off; any comma in English) is
        refused with the reason in the interface's language, in place of the domain's
        English sentence."""
        edit = {"weight": self.weight, "height": self.height}.get(name)
        if problem is not None and hint is not None and problem.endswith(f" {hint}"):
            # the domain's refusal with its unit hint after it: each in its own words
            head = self._in_words(name, problem[:-len(f" {hint}")])
            return f"{head} {phrase_words(hint)}"
        if problem is not None and edit is not None:
            # out of the plausible range: the domain's sentence with the interface's words
            # and decimal mark ("20,5"), checked again from what is typed
            unit = (self.weight_unit if name == "weight" else self.height_unit).currentData()
            refused = measure_refusal(name, as_typed_by_the_domain(edit.text().strip()), unit)
            if isinstance(refused, OutOfRangeError) and refused.message == problem:
                return entry_problem(refused, self.tr("Weight") if name == "weight"
                                     else self.tr("Height"))
        if problem is None or edit is None or "," not in edit.text():
            fixed = term(MEASUREMENT_CHECK, problem) if problem else problem
            return date_check_words(problem) if fixed == problem else fixed
        label = self.tr("Weight") if name == "weight" else self.tr("Height")
        typed = edit.text().strip()
        field = (self.tr("Weight", "field name") if name == "weight"
                 else self.tr("Height", "field name"))
        own = typed_problem(f"{name}_kg" if name == "weight" else f"{name}_cm", typed, field)
        if own is None:  # the comma was read: the domain's problem is another one
            fixed = term(MEASUREMENT_CHECK, problem)
            return date_check_words(problem) if fixed == problem else fixed
        if decimal_mark() == ".":  # every comma refused: say why
            return (self.tr("%1 must be a number written with a point for decimals (for "
                            "example 20.5); “%2” was entered. A comma is refused: “1,500” "
                            "could mean 1.5 or 1500, and a dose is never guessed.")
                    .replace("%1", label).replace("%2", typed))
        return own

    def show_problems(self, problems: dict[str, str], bsa_text: Phrase | str,
                      warnings: dict[str, Phrase] | None = None,
                      hints: dict[str, Phrase | Joined] | None = None) -> None:
        all_hints = hints or {}
        for name, edit, unit in (("weight", self.weight, self.weight_unit),
                                 ("height", self.height, self.height_unit)):
            typed = edit.text().strip()
            self.read_as[name].setText(parsed_value(name, typed, unit.currentData())
                                       if typed else "")
        for name, message in self.messages.items():
            # A date that is not a date says so in red beside itself: no second message.
            own = name == "measured_on" and self.measured_on.problem()
            message.show_message(None if own else self._in_words(name, problems.get(name),
                                                                 all_hints.get(name)))
        # The domain's "BSA 0.80 m² (Mosteller: …)" in the interface's language; a
        # sentence of the window's own ("enter a valid weight and height") as it is.
        self.bsa.setText(phrase_words(bsa_text) if isinstance(bsa_text, Phrase) else bsa_text)
        warnings = warnings or {}
        hints = {k: v for k, v in all_hints.items() if k not in problems}
        lines = [phrase_words(line) for line in (*warnings.values(), *hints.values())]
        self.plausibility.setText("\n".join(lines))
        self.plausibility.setVisible(bool(lines))
        self.confirm.setVisible(bool(warnings))
        if not warnings and self.confirm.isChecked():
            self.confirm.blockSignals(True)
            self.confirm.setChecked(False)
            self.confirm.blockSignals(False)
