"""Prior-therapy history of one patient: the table of prior and current therapies and a
form to add, edit or stop one. Entered once, reused by every screening.

Validation is ``app.db.prior_therapies.input_problems`` (stop before start, dates in the
future, last dose outside the course, reason without a stop date, B cells for a drug
other than rituximab), shown at the field in plain words; Save stays disabled until the
form is valid. Each save is one audited transaction.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.db.conflicts import ConcurrentEditError
from app.db.engine import Database
from app.db.prior_therapies import (
    PriorTherapyInput,
    PriorTherapyRow,
    add_prior_therapy,
    edit_prior_therapy,
    input_problems,
    list_prior_therapies,
)
from app.domain.prior_therapy import REASON_LABELS
from app.domain.protocol import REASONS_STOPPED, Protocol
from app.domain.protocol.vocabulary import plan_drug_names
from app.domain.screened_therapies import ScreenedTherapy
from app.domain.screening import parse_iso_date
from app.forms.language import INTERFACE, format_date
from app.forms.terms import drug_words
from app.forms.widgets import HINT_STYLE, DateField, FieldMessage, fit_on_screen

CONTEXT = "PriorTherapyDialog"
COLUMNS = (QT_TRANSLATE_NOOP("PriorTherapyDialog", "Drug"),
           QT_TRANSLATE_NOOP("PriorTherapyDialog", "Started"),
           QT_TRANSLATE_NOOP("PriorTherapyDialog", "Stopped"),
           QT_TRANSLATE_NOOP("PriorTherapyDialog", "Why stopped"),
           QT_TRANSLATE_NOOP("PriorTherapyDialog", "Last dose"),
           QT_TRANSLATE_NOOP("PriorTherapyDialog", "B cells"),
           QT_TRANSLATE_NOOP("PriorTherapyDialog", "Notes"))
B_CELL_CHOICES = ((QT_TRANSLATE_NOOP("PriorTherapyDialog", "not recorded"), None),
                  (QT_TRANSLATE_NOOP("PriorTherapyDialog", "detectable"), True),
                  (QT_TRANSLATE_NOOP("PriorTherapyDialog", "not detectable"), False))
# app.domain.prior_therapy.REASON_LABELS, listed for translation (a test compares them)
REASON_WORDS = (QT_TRANSLATE_NOOP("PriorTherapyDialog", "inadequate response"),
                QT_TRANSLATE_NOOP("PriorTherapyDialog", "toxicity"),
                QT_TRANSLATE_NOOP("PriorTherapyDialog", "benefit (stopped while it was helping)"),
                QT_TRANSLATE_NOOP("PriorTherapyDialog", "another reason"))
# app.db.prior_therapies.input_problems' fixed messages, listed for translation
PROBLEM_WORDS = (
    QT_TRANSLATE_NOOP("PriorTherapyDialog", "Enter the drug's generic name (e.g. methotrexate)."),
    QT_TRANSLATE_NOOP("PriorTherapyDialog", "Enter the date the therapy was started."),
    QT_TRANSLATE_NOOP("PriorTherapyDialog", "Choose why the therapy was stopped."),
    QT_TRANSLATE_NOOP("PriorTherapyDialog", "Enter the date the therapy was stopped."),
    QT_TRANSLATE_NOOP("PriorTherapyDialog", "B-cell status is recorded for rituximab only."))
FUTURE = re.compile(r"The (start|stop|last dose) date (\S+) is in the future "
                    r"\(today is (\S+)\)\.")
# app.domain.prior_therapy.PriorTherapyRecord's order checks (two dates each)
ORDER = (
    (re.compile(r"The stop date (\S+) is before the start date (\S+)\."),
     QT_TRANSLATE_NOOP("PriorTherapyDialog", "The stop date %1 is before the start date %2.")),
    (re.compile(r"The last dose (\S+) is before the start date (\S+)\."),
     QT_TRANSLATE_NOOP("PriorTherapyDialog", "The last dose %1 is before the start date %2.")),
    (re.compile(r"The last dose (\S+) is after the stop date (\S+)\."),
     QT_TRANSLATE_NOOP("PriorTherapyDialog", "The last dose %1 is after the stop date %2.")))
FUTURE_FIELDS = {"start": QT_TRANSLATE_NOOP("PriorTherapyDialog", "The start date %1 is in the "
                                            "future (today is %2)."),
                 "stop": QT_TRANSLATE_NOOP("PriorTherapyDialog", "The stop date %1 is in the "
                                           "future (today is %2)."),
                 "last dose": QT_TRANSLATE_NOOP("PriorTherapyDialog", "The last dose date %1 is "
                                                "in the future (today is %2).")}


def words(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def reason_words(code: str) -> str:
    label = REASON_LABELS.get(code, code)
    return words(label)


def problem_words(message: str) -> str:
    """input_problems' message in the interface's language, its dates as the interface
    writes them (in English as input_problems wrote them, ISO); a message not listed here
    (the domain's validate) stays as written."""
    future = FUTURE.fullmatch(message)
    if future:
        field, day, today = future.groups()
        return words(FUTURE_FIELDS[field]).replace("%1", _day(day)).replace("%2", _day(today))
    for pattern, template in ORDER:
        found = pattern.fullmatch(message)
        if found:
            return words(template).replace("%1", _day(found[1])).replace("%2", _day(found[2]))
    return words(message)


def _day(iso: str) -> str:
    """An ISO date of a refusal in the interface's date format (French: "22 nov. 2026",
    as the table and every other French window write a date)."""
    day = parse_iso_date(iso)
    return iso if day is None or INTERFACE.language == "en" else format_date(day)


def known_drugs(protocols: Iterable[Protocol]) -> list[str]:
    """Drug names from the plans (app.domain.protocol.vocabulary.plan_drug_names): the dialog offers
    them; any other name typed is kept and exported as "other" only when de-identified."""
    return list(plan_drug_names(protocols))


def _text(day: date | None) -> str:
    return format_date(day, empty="")


class PriorTherapyDialog(QDialog):
    """List and edit a patient's prior therapies. ``changed`` fires after each save."""

    changed = Signal()

    def __init__(self, database: Database, patient_id: int, user: str,
                 protocols: Iterable[Protocol] = (), today: date | None = None,
                 patient_text: str = "", parent: QWidget | None = None,
                 from_screening: Iterable[ScreenedTherapy] = ()) -> None:
        super().__init__(parent)
        self.from_screening = list(from_screening)
        self.database = database
        self.patient_id = patient_id
        self.user = user
        self.today = today or date.today()
        self.rows: list[PriorTherapyRow] = []
        self.editing_id: int | None = None
        self.setWindowTitle(self.tr("Prior therapies — %1").replace(
            "%1", patient_text or f"#{patient_id}"))
        fit_on_screen(self, 980, 700)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Every prior or current therapy (drug, when started and stopped, "
                               "why stopped). Entered once, it is used by every screening: the "
                               "washout and prior-failure rules read it. A therapy without a "
                               "stop date is ongoing."))
        intro.setWordWrap(True)
        intro.setStyleSheet(HINT_STYLE)
        layout.addWidget(intro)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([words(c) for c in COLUMNS])
        self.table.setAccessibleName(self.tr("Prior therapies"))
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._on_select)
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&New therapy"))
        self.new_button.clicked.connect(self.start_new)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        # Therapies the screening recorded that this history lacks: one click fills the
        # form (checked and saved like any entry), instead of typing them again.
        self.screening_box = QGroupBox(self.tr("Recorded at screening, not yet in this history"))
        self.screening_buttons: dict[str, QPushButton] = {}
        column = QHBoxLayout(self.screening_box)
        for therapy in self.from_screening:
            if therapy.started_on:
                text = (self.tr("Fill in %1 since %2 (current)") if therapy.current
                        else self.tr("Fill in %1 since %2 (previous)"))
            else:
                text = (self.tr("Fill in %1 (current)") if therapy.current
                        else self.tr("Fill in %1 (previous)"))
            button = QPushButton(text.replace("%1", drug_words(therapy.drug)).replace(
                "%2", format_date(therapy.started_on)))
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, t=therapy: self.fill_from_screening(t))
            self.screening_buttons[therapy.drug] = button
            column.addWidget(button)
        column.addStretch(1)
        layout.addWidget(self.screening_box)

        self.form_box = QGroupBox(self.tr("New therapy"))
        form = QFormLayout(self.form_box)
        self.drug = QComboBox()
        self.drug.setEditable(True)
        self.drug.setInsertPolicy(QComboBox.NoInsert)
        self.drug.addItem("")
        for name in known_drugs(protocols):
            self.drug.addItem(drug_words(name), name)  # shown in words, saved as the plans name it
        self.drug.setAccessibleName(self.tr("Drug"))
        self.drug.lineEdit().setPlaceholderText(self.tr("generic name, e.g. methotrexate"))
        self.start = DateField(today=self.today)
        self.start.setAccessibleName(self.tr("Start date"))
        self.stop = DateField(today=self.today)
        self.stop.setAccessibleName(self.tr("Stop date"))
        self.reason = QComboBox()
        self.reason.addItem(self.tr("— ongoing / not stopped —"), "")
        for code in REASONS_STOPPED:
            self.reason.addItem(reason_words(code), code)
        self.reason.setAccessibleName(self.tr("Reason stopped"))
        self.last_dose = DateField(today=self.today)
        self.last_dose.setAccessibleName(self.tr("Last dose date"))
        self.b_cells = QComboBox()
        for label, value in B_CELL_CHOICES:
            self.b_cells.addItem(words(label), value)
        self.b_cells.setAccessibleName(self.tr("B cells detectable (rituximab)"))
        self.notes = QLineEdit()
        self.notes.setAccessibleName(self.tr("Notes"))
        self.for_skin = QCheckBox(self.tr("Given for skin disease"))
        self.for_skin.setAccessibleName(self.for_skin.text())
        self.messages = {name: FieldMessage(label) for name, label in (
            ("drug", self.tr("Drug")), ("start_date", self.tr("Start date")),
            ("stop_date", self.tr("Stop date")), ("reason_stopped", self.tr("Reason stopped")),
            ("last_dose_date", self.tr("Last dose date")),
            ("b_cells_detectable", self.tr("B cells")))}
        for label, widget, name in (
                (self.tr("&Drug:"), self.drug, "drug"),
                (self.tr("&Started:"), self.start, "start_date"),
                (self.tr("St&opped:"), self.stop, "stop_date"),
                (self.tr("&Why stopped:"), self.reason, "reason_stopped"),
                (self.tr("&Last dose:"), self.last_dose, "last_dose_date"),
                (self.tr("&B cells (rituximab):"), self.b_cells, "b_cells_detectable")):
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(widget)
            column.addWidget(self.messages[name])
            caption = QLabel(label)
            caption.setBuddy(widget)
            form.addRow(caption, holder)
        form.addRow("", self.for_skin)
        form.addRow(self.tr("No&tes:"), self.notes)
        self.save_button = QPushButton(self.tr("Sa&ve therapy"))
        self.save_button.clicked.connect(self.save)
        self.save_message = FieldMessage(self.tr("Saving the therapy"))
        form.addRow(self.save_button)
        form.addRow(self.save_message)
        layout.addWidget(self.form_box)

        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)

        self.drug.currentTextChanged.connect(self._refresh)
        for field in (self.start, self.stop, self.last_dose):
            field.changed.connect(self._refresh)
        self.reason.currentIndexChanged.connect(self._refresh)
        self.b_cells.currentIndexChanged.connect(self._refresh)
        self.reload()
        self.start_new()

    # ----- table ---------------------------------------------------------------------------
    def reload(self) -> None:
        with self.database.session() as session:
            self.rows = list_prior_therapies(session, self.patient_id)
        self.table.setRowCount(len(self.rows))
        for i, row in enumerate(self.rows):
            if row.ongoing:
                stopped, why = self.tr("ongoing"), ""
            else:
                stopped = _text(row.stop_date) or self.tr("(date not recorded)")
                why = reason_words(row.reason_stopped) if row.reason_stopped else ""
            b_cells = {None: "", True: words("detectable"), False: words("not detectable")}[
                row.b_cells_detectable]
            for col, text in enumerate((drug_words(row.drug), _text(row.start_date), stopped, why,
                                        _text(row.last_dose_date), b_cells, row.notes)):
                item = QTableWidgetItem(text)
                item.setData(Qt.UserRole, row.id)
                self.table.setItem(i, col, item)
        if hasattr(self, "screening_buttons"):
            self._show_screening_offers()

    def _show_screening_offers(self) -> None:
        recorded = {r.drug.casefold() for r in self.rows}
        for drug, button in self.screening_buttons.items():
            button.setVisible(drug.casefold() not in recorded)
        self.screening_box.setVisible(any(not b.isHidden()
                                          for b in self.screening_buttons.values()))

    def fill_from_screening(self, therapy: ScreenedTherapy) -> None:
        """A new entry with the screening's drug and start date, ready to check and save."""
        self.start_new()
        self.set_drug(therapy.drug)
        self.start.setValue(therapy.started_on)
        title = (self.tr("New therapy — from the screening (%1, current: leave the stop date "
                         "empty)") if therapy.current
                 else self.tr("New therapy — from the screening (%1, stopped: enter when and "
                              "why)"))
        self.form_box.setTitle(title.replace("%1", drug_words(therapy.drug)))
        self.drug.setFocus()

    def _on_select(self) -> None:
        selected = self.table.selectionModel().selectedRows()
        if selected:
            self.edit(self.rows[selected[0].row()].id)

    # ----- form ----------------------------------------------------------------------------
    def start_new(self) -> None:
        self.editing_id = None
        self.form_box.setTitle(self.tr("New therapy"))
        self.drug.setCurrentText("")
        for field in (self.start, self.stop, self.last_dose):
            field.set_iso("")
        self.reason.setCurrentIndex(0)
        self.b_cells.setCurrentIndex(0)
        self.notes.setText("")
        self.for_skin.setChecked(False)
        self.save_message.show_message(None)
        self._refresh()

    def edit(self, therapy_id: int) -> None:
        row = next(r for r in self.rows if r.id == therapy_id)
        self.editing_id = therapy_id
        title = (self.tr("Edit %1 (ongoing — to stop it, enter the stop date and why)")
                 if row.ongoing else self.tr("Edit %1"))
        self.form_box.setTitle(title.replace("%1", drug_words(row.drug)))
        self.set_drug(row.drug)
        self.start.set_iso(row.start_date)
        self.stop.set_iso(row.stop_date)
        self.reason.setCurrentIndex(max(0, self.reason.findData(row.reason_stopped or "")))
        self.last_dose.set_iso(row.last_dose_date)
        self.b_cells.setCurrentIndex(
            next(i for i, (_l, v) in enumerate(B_CELL_CHOICES) if v is row.b_cells_detectable))
        self.notes.setText(row.notes)
        self.for_skin.setChecked(row.for_skin_disease)
        self.save_message.show_message(None)
        self._refresh()

    def drug_name(self) -> str:
        """The drug as saved: a listed drug by the plans' name (whatever language shows
        it), anything else as typed."""
        text = self.drug.currentText().strip()
        index = self.drug.findText(text)
        return (self.drug.itemData(index) or text) if index > 0 else text

    def set_drug(self, drug: str) -> None:
        index = self.drug.findData(drug)
        self.drug.setCurrentText(self.drug.itemText(index) if index > 0 else drug)

    def form_input(self) -> PriorTherapyInput:
        b_cells = self.b_cells.currentData() if self.b_cells.isEnabled() else None
        return PriorTherapyInput(
            drug=self.drug_name(),
            start_date=parse_iso_date(self.start.iso()),
            stop_date=parse_iso_date(self.stop.iso()),
            reason_stopped=self.reason.currentData() or None,
            last_dose_date=parse_iso_date(self.last_dose.iso()),
            b_cells_detectable=b_cells,
            for_skin_disease=self.for_skin.isChecked(),
            notes=self.notes.text().strip())

    def problems(self) -> dict[str, str]:
        return input_problems(self.form_input(), self.today)

    def _refresh(self, *_args: object) -> None:
        rituximab = self.drug_name().lower() == "rituximab"
        self.b_cells.setEnabled(rituximab)
        if not rituximab:
            self.b_cells.blockSignals(True)
            self.b_cells.setCurrentIndex(0)
            self.b_cells.blockSignals(False)
        problems = self.problems()
        untouched = (self.editing_id is None and not self.drug.currentText().strip()
                     and not any(f.iso() for f in (self.start, self.stop, self.last_dose))
                     and not self.reason.currentData())
        for name, message in self.messages.items():
            problem = problems.get(name)
            message.show_message(None if untouched or not problem else problem_words(problem))
        self.save_button.setEnabled(not problems)

    def save(self) -> bool:
        if self.problems():
            self._refresh()
            return False
        data = self.form_input()
        try:
            with self.database.session() as session:
                if self.editing_id is None:
                    add_prior_therapy(session, self.patient_id, data, user=self.user,
                                      today=self.today)
                else:
                    # The row as this form loaded it: a change saved meanwhile elsewhere
                    # is refused, not silently reverted by what this form holds.
                    opened = next(r for r in self.rows if r.id == self.editing_id)
                    edit_prior_therapy(session, self.editing_id, data, user=self.user,
                                       today=self.today, expected_version=opened.version_id,
                                       opened=opened.to_input())
        except ConcurrentEditError as error:
            self.save_message.show_message(
                f"{error}\n" + self.tr("What you typed is still in this form."))
            return False
        except Exception as error:  # noqa: BLE001 - shown to the user, entries kept
            self.save_message.show_message(self.tr("Not saved: %1").replace("%1", str(error)))
            return False
        self.table.blockSignals(True)
        self.reload()
        self.table.clearSelection()
        self.table.blockSignals(False)
        self.start_new()
        self.changed.emit()
        return True
