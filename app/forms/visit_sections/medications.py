"""Medications at this visit: today's weight (and height), the arm drug's dose re-checked
against the protocol for today's weight with a clear flag when the prescribed dose is
outside the rule, other medications, and on arm C blood pressure and creatinine."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.catalog import growth_reference, protocol_catalog
from app.domain.coded_values import DOSE_UNITS, FREQUENCIES
from app.domain.errors import UnknownArmError
from app.domain.growth import GrowthSubject
from app.domain.instruments.medications import dose_problem
from app.domain.measurements import measurement_plausibility
from app.domain.protocol import Protocol
from app.domain.protocol.vocabulary import drug_code, plan_drug_names
from app.domain.visit_form import (
    ItemEntry,
    PrescribedDose,
    VisitValues,
    recheck_arm_doses,
    validate_vital,
)
from app.forms.language import explanation_in_words
from app.forms.numbers import (
    as_typed_by_the_domain,
    decimal_mark,
    number_words,
    parsed_value,
    typed_problem,
)
from app.forms.terms import (
    MESSAGE,
    coded_words,
    drug_words,
    item_words,
    phrase_words,
    phrases,
)
from app.forms.terms import arm_title as terms_arm_title
from app.forms.visit_sections import (
    ERROR_STYLE,
    FLAG_STYLE,
    NumberField,
    Section,
    SectionState,
    note_label,
)
from app.forms.visit_sections.unit_fields import BodyMeasureField, CreatinineField

UNUSUAL_STYLE = "background: #fff4d6; padding: 4px;"
CONFIRM_KEY = "vitals:confirm_measures"


def _capital(text: str) -> str:
    """A drug's name opening a line: "Mycophenolate mofetil", "IVIG"."""
    return text[:1].upper() + text[1:]


class MedicationsSection(Section):
    key = "medications"
    title = QT_TRANSLATE_NOOP("MedicationsSection", "Medications at this visit")

    def __init__(
        self,
        protocol: Protocol | None,
        arm_id: str | None,
        prescriptions: tuple[PrescribedDose, ...],
        monitoring: tuple[str, ...],
        today: date | None = None,
        arm_option: str = "",
        arm_started_on: date | None = None,
        date_of_birth: date | None = None,
        sex: str = "",
    ) -> None:
        super().__init__()
        # Weight and height judged for age and sex as at enrollment (CDC 2000).
        self.subject = GrowthSubject(date_of_birth, sex) if date_of_birth else None
        self.growth = growth_reference() if self.subject else None
        self.protocol, self.arm_id = protocol, arm_id
        # The course phase on the visit day (a taper after 4 weeks).
        self.arm_option, self.arm_started_on = arm_option, arm_started_on
        self.date_of_birth = date_of_birth  # for drugs labelled from an age
        self.prescriptions = list(prescriptions)
        self.monitoring = monitoring
        self.today = today
        body = self.grid()
        self.weight: BodyMeasureField = self.add_field(  # type: ignore[assignment]
            BodyMeasureField("weight_kg", item_words("Weight"))
        )
        self.height: BodyMeasureField = self.add_field(  # type: ignore[assignment]
            BodyMeasureField("height_cm", item_words("Height"))
        )
        row = self.place(body, 0, self.weight, self.tr("Weight today"),
                         extra=self.weight.unit_row())
        self.place(
            body,
            row,
            self.height,
            self.tr("Height (needed for m²-based doses)"),
            extra=self.height.unit_row(),
        )
        body.setColumnStretch(4, 1)
        self.outer.addLayout(body)
        # Beyond ±3 SD for age and sex, or a number that fits another unit far better:
        # said plainly under the two boxes; a value typed now is kept only when ticked.
        self.plausibility = QLabel()
        self.plausibility.setWordWrap(True)
        self.plausibility.setTextFormat(Qt.PlainText)
        self.plausibility.setStyleSheet(UNUSUAL_STYLE)
        self.plausibility.setAccessibleName(self.tr("Unusual measurements"))
        self.plausibility.hide()
        self.outer.addWidget(self.plausibility)
        self.confirm = QCheckBox(self.tr("I have checked this weight and height and they are "
                                         "right"))
        self.confirm.setAccessibleName(self.tr("Weight and height checked and right"))
        self.confirm.hide()
        self.confirm.toggled.connect(lambda _on: self._on_changed())
        self.outer.addWidget(self.confirm)
        self.confirm_message = QLabel()
        self.confirm_message.setWordWrap(True)
        self.confirm_message.setStyleSheet(ERROR_STYLE)
        self.confirm_message.hide()
        self.outer.addWidget(self.confirm_message)

        arm = QGroupBox(self.tr("%1: dose re-check for today's weight")
                        .replace("%1", self._arm_words()))
        arm_layout = QVBoxLayout(arm)
        # The dose engine's sentences in the interface's language (its phrases; a dose
        # derivation read back from storage, which has none, as stored), the drug in words.
        self.recheck = QLabel()
        self.recheck.setWordWrap(True)
        self.flag = QLabel()
        self.flag.setStyleSheet(FLAG_STYLE)
        self.flag.setWordWrap(True)
        arm_layout.addWidget(self.recheck)
        arm_layout.addWidget(self.flag)
        self.outer.addWidget(arm)

        self.vitals_box = QGroupBox(self.tr(
            "Monitoring on this arm: blood pressure and creatinine (seed 000, Table 2, Treatment C)"
        ))
        vitals = self.grid()
        self.bp_sys = self.add_field(
            NumberField(
                "vitals",
                "bp_systolic",
                item_words("Blood pressure, systolic"),
                check=lambda t: phrases(MESSAGE, validate_vital("bp_systolic", t) or "") or None,
                width=60,
            )
        )
        self.bp_dia = self.add_field(
            NumberField(
                "vitals",
                "bp_diastolic",
                item_words("Blood pressure, diastolic"),
                check=lambda t: phrases(MESSAGE, validate_vital("bp_diastolic", t) or "") or None,
                width=60,
            )
        )
        self.creatinine = self.add_field(CreatinineField())
        row = self.place(vitals, 0, self.bp_sys, self.tr("Blood pressure, systolic (mmHg)"))
        row = self.place(vitals, row, self.bp_dia, self.tr("Blood pressure, diastolic (mmHg)"))
        self.place(vitals, row, self.creatinine, self.tr("Creatinine"),
                   extra=self.creatinine.unit_box)
        self.creatinine.unit_box.setFixedWidth(90)
        vitals.setColumnMinimumWidth(0, 260)
        vitals.setColumnStretch(4, 1)
        self.vitals_box.setLayout(vitals)
        self.outer.addWidget(self.vitals_box)
        if monitoring:
            self.vitals_box.setStyleSheet("QGroupBox { font-weight: bold; color: #8a5a00; }")
        else:
            self.vitals_box.setTitle(self.tr("Blood pressure and creatinine (optional on this "
                                             "arm)"))

        others = QGroupBox(self.tr(
            "Other medications (e.g. prednisone, methotrexate, hydroxychloroquine, IVIG)"
        ))
        o = QVBoxLayout(others)
        self._drugs = list(plan_drug_names(protocol_catalog().protocols.values()))
        o.addWidget(note_label(self.tr("Choose the drug, unit and frequency from the lists. "
                                       "Anything typed instead is kept in this clinic's "
                                       "records; a de-identified export says only "
                                       "\"other\".")))
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Drug"), self.tr("Dose"), self.tr("Unit"),
                                              self.tr("Frequency")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.table.verticalHeader().hide()
        self.table.setFixedHeight(110)
        self.table.itemChanged.connect(lambda _i: self._on_changed())
        self.table.itemChanged.connect(self._show_dose_read)
        buttons = QHBoxLayout()
        add = QPushButton(self.tr("Add medication"))
        add.clicked.connect(self.add_row)
        remove = QPushButton(self.tr("Remove selected"))
        remove.clicked.connect(self._remove_row)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        o.addWidget(self.table)
        o.addLayout(buttons)
        self.table_message = note_label()
        self.table_message.setTextFormat(Qt.PlainText)
        self.table_message.setStyleSheet("color: #b00020;")
        o.addWidget(self.table_message)
        o.addWidget(QLabel(self.tr("Other (free text)")))
        self.other = QPlainTextEdit()
        self.other.setFixedHeight(50)
        self.other.textChanged.connect(self._on_changed)
        o.addWidget(self.other)
        self.outer.addWidget(others)
        self.outer.addStretch(1)
        self.refresh()

    def _arm_words(self) -> str:
        """The arm as the plan names it ("Arm A — IVIG"), never its code."""
        if not self.arm_id:
            return self.tr("No arm")
        try:
            name = self.protocol.arm(self.arm_id).name if self.protocol is not None else ""
        except UnknownArmError:
            name = ""
        return (terms_arm_title(self.arm_id, name) if name
                else self.tr("Arm %1").replace("%1", self.arm_id.upper()))

    def add_row(self, drug: str = "", dose: str = "", unit: str = "mg", freq: str = "") -> None:
        """A row: the drug, the unit and the frequency chosen from their lists (the plans'
        drugs, app.domain.coded_values) or typed (kept here; exported as "other" only
        when de-identified), the dose typed."""
        self.table.blockSignals(True)
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 1, QTableWidgetItem(dose))
        # Each choice shown in the interface's words, kept as the plans and the coded
        # values name it (the item's data): that is what is stored and exported.
        for col, text, choices, name, words in (
                (0, drug, self._drugs, self.tr("Drug"), drug_words),
                (2, unit, [u for _c, u in DOSE_UNITS], self.tr("Unit"), coded_words),
                (3, freq, [f for _c, f in FREQUENCIES], self.tr("Frequency"), coded_words)):
            box = QComboBox()
            box.setEditable(True)
            box.setInsertPolicy(QComboBox.NoInsert)
            box.addItem("", "")
            for choice in choices:
                box.addItem(words(choice), choice)
            box.setAccessibleName(self.tr("%1, row %2").replace("%1", name)
                                  .replace("%2", str(row + 1)))
            listed = next((i for i in range(1, box.count())
                           if drug_code(box.itemData(i)) == drug_code(text)), -1) if text else -1
            if listed > 0:
                box.setCurrentIndex(listed)
            else:
                box.setCurrentText(text)  # typed, not one of the list: as typed
            box.currentTextChanged.connect(lambda _t: self._on_changed())
            self.table.setCellWidget(row, col, box)
        self.table.blockSignals(False)
        self._on_changed()

    def _show_dose_read(self, item: QTableWidgetItem) -> None:
        """A dose cell's tooltip: the value that will be kept, as read ("= 7,5 mg")."""
        if item.column() != 1:
            return
        typed = item.text().strip()
        read = parsed_value("dose", typed, self._cell(item.row(), 2)) if typed else ""
        if item.toolTip() != read:
            self.table.blockSignals(True)
            item.setToolTip(read)
            self.table.blockSignals(False)

    def _cell(self, row: int, col: int) -> str:
        widget = self.table.cellWidget(row, col)
        if isinstance(widget, QComboBox):
            # a choice of the list by what it stores; typed text as typed
            text = widget.currentText().strip()
            index = widget.findText(text) if text else -1
            return str(widget.itemData(index) or text) if index > 0 else text
        item = self.table.item(row, col)
        return item.text().strip() if item else ""

    def _remove_row(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for r in rows:
            self.table.removeRow(r)
        self._on_changed()

    def _rows(self) -> list[tuple[str, str, str, str]]:
        out = []
        for r in range(self.table.rowCount()):
            cells = tuple(self._cell(r, c) for c in range(4))
            # the dose as the domain reads it ("7,5" in French: 7.5); else as typed
            cells = (cells[0], as_typed_by_the_domain(cells[1]), *cells[2:])
            if any(cells):
                out.append(cells)
        return out  # type: ignore[return-value]

    def measurement_notes(self) -> tuple[dict[str, str], dict[str, str]]:
        """(unit hints, beyond-±3 SD warnings) for the weight and height shown, judged on
        the visit day (the rule of ``app.domain.measurements.measurement_plausibility``)."""
        if self.subject is None or self.today is None:
            return {}, {}
        return measurement_plausibility(
            self.weight.text(), self.weight.typed_unit(), self.height.text(),
            self.height.typed_unit(), self.today.isoformat(), self.subject, self.growth)

    def needs_confirmation(self) -> bool:
        """An unusual weight or height typed at this sitting, not yet ticked as right. A
        value stored earlier was confirmed when it was saved: it is only pointed out."""
        _hints, warnings = self.measurement_notes()
        typed_now = any(not f.is_blank() and not f._unchanged()
                        for f in (self.weight, self.height))
        return bool(warnings) and typed_now and not self.confirm.isChecked()

    def errors(self) -> dict[str, str]:
        out = super().errors()
        if not ({"vitals:weight_kg", "vitals:height_cm"} & set(out)) \
                and self.needs_confirmation():
            out[CONFIRM_KEY] = self.tr("The weight or height is far from what is usual for "
                                       "this child's age and sex. Check it; if it is right, "
                                       "tick the box under the weight and height.")
        out.update(self.table_errors())
        return out

    def table_errors(self) -> dict[str, str]:
        """The medications table's problems, also shown under the table: a row without a
        drug, a dose its export column cannot hold (``dose_problem``: a number above 0)."""
        out: dict[str, str] = {}
        for drug, dose, _unit, _freq in self._rows():
            if not drug:
                out["medications:row"] = self.tr("Each other medication needs the drug's name.")
            elif dose:
                problem = dose_problem(drug, dose)
                if problem:
                    named = self.tr("Dose of %1").replace("%1", drug_words(drug))
                    own = typed_problem("dose", dose, named) if decimal_mark() == "," else None
                    out[f"medications:{drug_code(drug)}_dose"] = own or phrases(MESSAGE, problem)
        return out

    def collect(self, values: VisitValues) -> None:
        super().collect(values)
        meds = {}
        for drug, dose, unit, freq in self._rows():
            if not drug:
                continue
            code = drug_code(drug)
            if dose and dose_problem(drug, dose) is None:
                meds[f"{code}_dose"] = ItemEntry(value_num=float(dose), unit=unit or None)
            elif dose:  # kept as typed for the draft; Save refuses it meanwhile
                meds[f"{code}_dose"] = ItemEntry(value_text=dose, unit=unit or None)
            if freq:
                meds[f"{code}_frequency"] = ItemEntry(value_text=freq)
        if self.other.toPlainText().strip():
            meds["other"] = ItemEntry(value_text=self.other.toPlainText().strip())
        if meds:
            values["medications"] = meds

    def load(self, values: VisitValues) -> None:
        super().load(values)
        meds = values.get("medications", {})
        self.table.setRowCount(0)
        codes = sorted({k.rsplit("_", 1)[0] for k in meds if k != "other"})
        for code in codes:
            dose = meds.get(f"{code}_dose")
            freq = meds.get(f"{code}_frequency")
            self.add_row(
                code.replace("_", " "),
                ""
                if dose is None or dose.value is None
                else number_words(f"{dose.value:g}")
                if dose.value_num is not None
                else str(dose.value),
                (dose.unit or "") if dose else "",
                (freq.value_text or "") if freq else "",
            )
        self.other.blockSignals(True)
        self.other.setPlainText(meds["other"].value_text or "" if "other" in meds else "")
        self.other.blockSignals(False)
        self.refresh()

    def entered_units(self) -> str:
        """How weight and height were typed, as the enrollment records it: "metric" for
        kg/cm, else e.g. "lb/cm"."""
        units = (self.weight.typed_unit(), self.height.typed_unit())
        return "metric" if units == ("kg", "cm") else "/".join(units)

    def raw_body(self) -> dict[str, list[str]]:
        """Weight and height exactly as typed, with their units, for the draft."""
        return {f.item: f.raw() for f in (self.weight, self.height)}

    def set_raw_body(self, raw: dict[str, list[str]]) -> None:
        """Restore weight and height as typed (from a draft), in the unit typed."""
        self._loading = True
        try:
            for f in (self.weight, self.height):
                if f.item in raw:
                    f.set_raw(raw[f.item])
        finally:
            self._loading = False
        self.refresh()

    def rechecks(self):
        return recheck_arm_doses(
            self.protocol,
            self.arm_id,
            self.weight.metric(),
            self.height.metric(),
            self.prescriptions,
            self.today,
            option=self.arm_option or None,
            started_on=self.arm_started_on,
            date_of_birth=self.date_of_birth,
        )

    def _show_measurement_notes(self) -> None:
        hints, warnings = self.measurement_notes()
        lines = [phrase_words(line) for line in (*warnings.values(), *hints.values())]
        self.plausibility.setText("\n".join(lines))
        self.plausibility.setVisible(bool(lines))
        typed_now = any(not f.is_blank() and not f._unchanged()
                        for f in (self.weight, self.height))
        self.confirm.setVisible(bool(warnings) and typed_now)
        if not (warnings and typed_now) and self.confirm.isChecked():
            self.confirm.blockSignals(True)
            self.confirm.setChecked(False)
            self.confirm.blockSignals(False)
        message = self.errors().get(CONFIRM_KEY)
        self.confirm_message.setText(message or "")
        self.confirm_message.setVisible(bool(message))

    def refresh(self) -> None:
        self._show_measurement_notes()
        problems = self.table_errors()
        self.table_message.setText("\n".join(problems.values()))
        self.table_message.setVisible(bool(problems))
        checks = self.rechecks()
        lines, flags = [], []
        for c in checks:
            # (its dates and sources in the interface's words too)
            lines.append(self.tr("<b>%1</b>: %2").replace(
                "%1", escape(_capital(drug_words(c.drug)))).replace(
                "%2", escape(explanation_in_words(phrases(MESSAGE, c.message)))))
            if c.protocol is not None:
                # the dose engine's working in the interface's language (its phrases)
                worked = (" ".join(phrase_words(line) for line in c.protocol.explained)
                          if c.protocol.explained else c.protocol.derivation)
                lines.append(f"<span style='color:#555'>{escape(worked)}</span>")
            if c.within_protocol is False:
                flags.append("⚠ " + self.tr(
                    "%1: the prescribed dose is now OUTSIDE the protocol rule for today's "
                    "weight. Review the prescription.").replace(
                        "%1", escape(_capital(drug_words(c.drug)))))
        self.recheck.setText("<br>".join(lines) or self.tr("No arm drug to re-check."))
        self.flag.setText("<br>".join(flags))
        self.flag.setVisible(bool(flags))
        text = self.tr("Weight %1").replace("%1", self.weight.shown())
        if flags:
            text += " — <b style='color:#b00020'>" + self.tr("dose outside the protocol rule") \
                + "</b>"
        elif any(c.within_protocol for c in checks):
            text += " — " + self.tr("arm dose within the protocol rule")
        if self.monitoring:
            missing = [
                f.label_text for f in (self.bp_sys, self.bp_dia, self.creatinine) if f.is_blank()
            ]
            if missing:
                text += ". " + self.tr("Prompted on this arm, not yet entered: %1").replace(
                    "%1", ", ".join(missing))
        self.score.setText(text)

    def dose_out_of_protocol(self) -> bool:
        return any(c.within_protocol is False for c in self.rechecks())

    def state(self) -> SectionState:
        errors = len(self.errors())
        if self.dose_out_of_protocol():
            return SectionState(self.tr("dose flag"), False, errors)
        if self.weight.is_blank():
            return SectionState(self.tr("no weight"), False, errors)
        return SectionState(self.weight.shown(), True, errors)
