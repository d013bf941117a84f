"""The visit's number fields that carry a unit: serum creatinine (µmol/L or mg/dL) and the
child's weight and height (typed in kg / lb or cm / in, stored in kg / cm)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from app.domain.errors import InputError
from app.domain.units import inches_to_cm, lb_to_kg
from app.domain.visit_form import BODY_UNITS, ItemEntry, body_measure_metric, validate_vital
from app.forms.numbers import decimal, numbers_in_words
from app.forms.terms import MESSAGE, item_words, phrases
from app.forms.visit_sections import NumberField, note_label

CREATININE_UNITS = ("µmol/L", "mg/dL")


class CreatinineField(NumberField):
    def __init__(self) -> None:
        super().__init__(
            "vitals",
            "creatinine",
            item_words("Serum creatinine"),
            check=lambda t: phrases(MESSAGE, validate_vital("creatinine", t,
                                                            self.unit_box.currentText()) or "")
            or None,
            width=70,
        )
        self.unit_box = QComboBox()
        self.unit_box.addItems(CREATININE_UNITS)
        self.unit_box.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def current_unit(self) -> str | None:
        return self.unit_box.currentText()

    def set_entry(self, entry: ItemEntry | None) -> None:
        super().set_entry(entry)
        if entry is not None and entry.unit in CREATININE_UNITS:
            self.unit_box.setCurrentText(entry.unit)


class BodyMeasureField(NumberField):
    """Weight (kg or lb) or height (cm or in), typed in the unit chosen beside the box.

    Always stored in kg / cm (the storage convention); when typed in lb or in, the value
    that will be stored is shown next to the box ("= 20.4 kg"). Changing the unit
    re-reads the number typed in the new unit, as the enrollment wizard does, and the
    converted value shows the result. A stored value is shown in kg / cm and, until it is
    edited, given back exactly (not re-read from its rounded display), so opening and
    saving a visit never changes a weight by rounding.
    """

    def __init__(self, item: str, label: str) -> None:
        super().__init__("vitals", item, label, check=self._check, width=70)
        self.metric_unit, self.imperial_unit = BODY_UNITS[item]
        self.unit_box = QComboBox()
        for code in (self.metric_unit, self.imperial_unit):
            self.unit_box.addItem(code, code)
        self.unit_box.setAccessibleName(self.tr("%1 unit").replace("%1", label))
        self.unit_box.setFixedWidth(60)
        self.converted = note_label()
        self.converted.setWordWrap(False)
        self.converted.setAccessibleName(self.tr("%1 in %2").replace("%1", label)
                                         .replace("%2", self.metric_unit))
        self.converted.setMinimumWidth(90)
        self._loaded: tuple[str, str, ItemEntry] | None = None
        self.unit_box.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.changed.connect(self._show_converted)

    def typed_unit(self) -> str:
        return self.unit_box.currentData()

    def set_unit(self, unit: str) -> None:
        self.unit_box.setCurrentIndex(max(0, self.unit_box.findData(unit)))

    def unit_row(self) -> QWidget:
        """The unit box and the converted value, placed right of the number."""
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.unit_box)
        row.addWidget(self.converted)
        row.addStretch(1)
        return box

    def _check(self, text: str) -> str | None:
        return phrases(MESSAGE, validate_vital(self.item, text, self.typed_unit()) or "") or None

    def _unchanged(self) -> bool:
        return self._loaded is not None and (self.text(), self.typed_unit()) == self._loaded[:2]

    def metric(self) -> float | None:
        """The value in kg / cm, or None when blank or not usable."""
        if self.is_blank() or self.validate():
            return None
        if self._unchanged():
            return self._loaded[2].value_num  # type: ignore[index]
        return body_measure_metric(self.item, self.text(), self.typed_unit())

    def entry(self) -> ItemEntry | None:
        if self.is_blank():
            return self._with_reason(None)
        if self._unchanged():
            return self._loaded[2]  # type: ignore[index]
        try:
            metric = body_measure_metric(self.item, self.text(), self.typed_unit())
        except InputError:
            metric = None
        if metric is not None:
            return ItemEntry(value_num=metric)
        number = self.number()
        if number is None:  # kept as typed so nothing is lost; never saved as a value
            return ItemEntry(value_text=self.text())
        # Implausible: kept in the stored unit for the draft; Save refuses it meanwhile.
        if self.typed_unit() == self.imperial_unit:
            number = lb_to_kg(number) if self.item == "weight_kg" else inches_to_cm(number)
        return ItemEntry(value_num=number)

    def set_entry(self, entry: ItemEntry | None) -> None:
        # Stored values are kg / cm: show them in those units.
        self.unit_box.blockSignals(True)
        self.set_unit(self.metric_unit)
        self.unit_box.blockSignals(False)
        self._loaded = None
        super().set_entry(entry)
        if entry is not None and entry.value_num is not None:
            self._loaded = (self.text(), self.typed_unit(), entry)
        self._show_converted()

    def raw(self) -> list[str]:
        """What was typed and its unit, for the draft."""
        return [self.edit.text(), self.typed_unit()]

    def set_raw(self, raw: list[str]) -> None:
        text, unit = raw
        self.unit_box.blockSignals(True)
        self.set_unit(unit)
        self.unit_box.blockSignals(False)
        self.edit.setText(text)
        self.show_message()
        self._show_converted()

    def shown(self) -> str:
        """The value for the section's summary line, e.g. "20.4 kg (45 lb)"."""
        typed = numbers_in_words(self.text()) or "—"
        if self.typed_unit() == self.metric_unit:
            return f"{typed} {self.metric_unit}"
        value = self.metric()
        stored = "—" if value is None else decimal(value, 1)
        return f"{stored} {self.metric_unit} ({typed} {self.imperial_unit})"

    def _show_converted(self) -> None:
        """The value that will be stored: converted from lb / in, or read from a decimal
        comma ("= 20,5 kg", issue 21)."""
        imperial = self.typed_unit() == self.imperial_unit
        shown = imperial or "," in self.edit.text()
        value = self.metric() if shown else None
        self.converted.setText(
            "" if value is None else f"= {decimal(value, 1 if imperial else 6)} {self.metric_unit}")
