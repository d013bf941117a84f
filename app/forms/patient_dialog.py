"""Add / edit patient dialog: identity fields with the problem shown beside each field."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.db.conflicts import ConcurrentEditError
from app.db.patients import PatientInput
from app.domain.disease_history import (
    ETHNICITY_CHOICES,
    RACE_CHOICES,
    DiseaseHistory,
    history_problems,
)
from app.domain.patient import SEX_CHOICES, PatientFields, validate_patient_fields
from app.forms.terms import ETHNICITY, PATIENT_CHECK, RACE, SEX, sentences, term
from app.forms.widgets import DateField, grow_to_fit_text, install_mnemonic_guard
from app.forms.widgets.choice_with_other import ChoiceWithOther

# Called with the entered data; returns None when saved, or {field: message} to show.
# The key FORM holds a message about the whole form, shown above the buttons.
SaveHandler = Callable[[PatientInput], dict[str, str] | None]
FORM = ""


def conflict_problems(error: ConcurrentEditError) -> dict[str, str]:
    """A refused save as the dialog shows it: the whole refusal above the buttons, and at
    each field the other person changed, who changed it. What was typed stays."""
    problems = {FORM: f"{error}\n"
                + QCoreApplication.translate("PatientDialog",
                                             "What you typed is still in this form.")}
    for change in error.changes:
        if change.field:  # a field of this form (not "details not shown in this form")
            who = change.changed_by or QCoreApplication.translate("PatientDialog",
                                                                  "someone else")
            problems[change.field] = QCoreApplication.translate(
                "PatientDialog", "Changed by %1 after you opened this form.").replace("%1", who)
    return problems


class PatientDialog(QDialog):
    def __init__(self, on_save: SaveHandler, initial: PatientInput | None = None,
                 today: date | None = None, parent: QWidget | None = None,
                 sites: Sequence[str] = ()) -> None:
        super().__init__(parent)
        self._on_save = on_save
        self._today = today or date.today()
        self.setWindowTitle(self.tr("Edit patient") if initial else self.tr("New patient"))
        self.setModal(True)
        install_mnemonic_guard()

        self.study_id = QLineEdit()
        self.family_name = QLineEdit()
        self.given_name = QLineEdit()
        # Empty until typed: a date of birth is entered deliberately, never defaulted.
        self.date_of_birth = DateField(today=self._today)
        self.sex = QComboBox()
        self.sex.addItem(self.tr("— choose —"), "")
        for code, label in SEX_CHOICES:
            self.sex.addItem(term(SEX, label), code)
        self.mrn = QLineEdit()
        # The administrator's site list (app.db.sites), plus "other" with its text.
        self.site = ChoiceWithOther(sites, self.tr("Site"))
        # Disease history: optional; checked against today, each other and the birth date.
        self.onset_date = DateField(today=self._today)
        self.diagnosis_date = DateField(today=self._today)
        for field in (self.onset_date, self.diagnosis_date):
            field.setRange(None, self._today, "", self.tr("today"))
        # Self-reported (or by a parent), optional: blank = not asked.
        self.onset_date.setToolTip(self.tr("The first symptoms of the disease, as the family "
                                           "remembers them"))
        self.race = QComboBox()
        self.race.setToolTip(self.tr("As the patient or a parent reports it (NIH/OMB "
                                     "categories)"))
        self.race.addItem(self.tr("— not recorded —"), "")
        for code, label in RACE_CHOICES:
            self.race.addItem(term(RACE, label), code)
        self.ethnicity = QComboBox()
        self.ethnicity.setToolTip(self.race.toolTip())
        self.ethnicity.addItem(self.tr("— not recorded —"), "")
        for code, label in ETHNICITY_CHOICES:
            self.ethnicity.addItem(term(ETHNICITY, label), code)

        self._errors: dict[str, QLabel] = {}
        form = QFormLayout()
        for name, label, widget in (
            ("study_id", self.tr("Stud&y id"), self.study_id),
            ("family_name", self.tr("&Family name"), self.family_name),
            ("given_name", self.tr("&Given name"), self.given_name),
            ("date_of_birth", self.tr("&Date of birth"), self.date_of_birth),
            ("sex", self.tr("Se&x"), self.sex),
            ("mrn", self.tr("&MRN (optional)"), self.mrn),
            ("site", self.tr("Si&te (optional)"), self.site),
            ("onset_date", self.tr("Disease &onset (optional)"), self.onset_date),
            ("diagnosis_date", self.tr("D&iagnosis (optional)"), self.diagnosis_date),
            ("race", self.tr("&Race (optional)"), self.race),
            ("ethnicity", self.tr("&Ethnicity (optional)"), self.ethnicity),
        ):
            if widget is not self.site:
                widget.setAccessibleName(label.replace("&", ""))
            caption = QLabel(label)
            caption.setBuddy(widget.box if widget is self.site else widget)
            error = QLabel()
            error.setObjectName(f"error_{name}")
            error.setStyleSheet("color: #b00020;")
            error.setWordWrap(True)
            error.hide()
            self._errors[name] = error
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(error)
            form.addRow(caption, column)

        self.form_message = QLabel()
        self.form_message.setObjectName("error_form")
        self.form_message.setStyleSheet("color: #b00020;")
        self.form_message.setWordWrap(True)
        self.form_message.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.form_message)
        layout.addWidget(self.buttons)
        # Wide enough to wrap a message in a few lines; show_errors grows the height so
        # every message is shown whole (they were clipped to one line).
        self.setMinimumWidth(600)

        if initial is not None:
            self._load(initial)
        for edit in (self.study_id, self.family_name, self.given_name):
            edit.textEdited.connect(self._clear_error_of_sender)

    def _load(self, data: PatientInput) -> None:
        self.study_id.setText(data.study_id)
        self.family_name.setText(data.family_name)
        self.given_name.setText(data.given_name)
        self.date_of_birth.setValue(data.date_of_birth)
        self.sex.setCurrentIndex(max(0, self.sex.findData(data.sex)))
        self.mrn.setText(data.mrn)
        self.site.setText(data.site)
        self.onset_date.setValue(data.onset_date)
        self.diagnosis_date.setValue(data.diagnosis_date)
        # A stored code no longer listed still opens: shown as not recorded would lose
        # it, so it is added as it is and the save names the problem at the field.
        for box, code in ((self.race, data.race), (self.ethnicity, data.ethnicity)):
            if code and box.findData(code) < 0:
                box.addItem(code, code)
            box.setCurrentIndex(max(0, box.findData(code)))

    def entered(self) -> PatientInput:
        dob = self.date_of_birth.value()
        return PatientInput(
            study_id=self.study_id.text().strip(),
            given_name=self.given_name.text().strip(),
            family_name=self.family_name.text().strip(),
            date_of_birth=dob,
            sex=self.sex.currentData() or "",
            mrn=self.mrn.text().strip(),
            site=self.site.text().strip(),
            onset_date=self.onset_date.value(),
            diagnosis_date=self.diagnosis_date.value(),
            race=self.race.currentData() or "",
            ethnicity=self.ethnicity.currentData() or "",
        )

    def error_text(self, field: str) -> str:
        label = self.form_message if field == FORM else self._errors[field]
        return label.text() if label.isVisibleTo(self) else ""

    def show_errors(self, problems: dict[str, str]) -> None:
        for name, label in (*self._errors.items(), (FORM, self.form_message)):
            message = sentences(PATIENT_CHECK, problems.get(name, ""))
            if name in ("date_of_birth", "onset_date", "diagnosis_date") and \
                    message == getattr(self, name).problem():
                message = ""  # already shown in red beside the date itself
            label.setText(message)
            label.setVisible(bool(message))
        grow_to_fit_text(self)  # every wrapped message whole
        first = next((name for name in problems if name in self._errors), None)
        if first:
            getattr(self, first).setFocus(Qt.OtherFocusReason)

    def _clear_error_of_sender(self) -> None:
        for name, label in self._errors.items():
            if getattr(self, name) is self.sender():
                label.hide()

    def _save(self) -> None:
        data = self.entered()
        problems = validate_patient_fields(
            PatientFields(data.study_id, data.given_name, data.family_name,
                          data.date_of_birth, data.sex),
            self._today,
        )
        if self.date_of_birth.problem():  # not a date at all: say why, not "required"
            problems["date_of_birth"] = self.date_of_birth.problem() or ""
        problems.update(history_problems(
            DiseaseHistory(data.onset_date, data.diagnosis_date, data.race, data.ethnicity),
            data.date_of_birth, self._today))
        for name in ("onset_date", "diagnosis_date"):
            if getattr(self, name).problem():
                problems[name] = getattr(self, name).problem() or ""
        if not problems:
            problems = self._on_save(data) or {}
        if problems:
            self.show_errors(problems)
            return
        self.accept()
