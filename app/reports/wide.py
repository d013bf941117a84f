"""The "wide" export: one row per visit, every item and computed score in its own column,
for analysts who want a single flat table; with a codebook CSV (name, label, type, units,
allowed values, source instrument) that documents every column.

Repeating data stays inside that one row per visit: adverse events as a count per visit,
and the patient's prior therapies (a patient-level list, like the patient's sex) as
numbered groups of columns ``prior1_drug``, ``prior1_start_date`` … ``priorN_…`` on every
visit row of the patient, N being the most prior therapies any patient in the export has
(numbered oldest start first, as the REDCap instances are). They are appended after the
other columns so the positions of the columns that existed before do not move.

The treatment course, which repeats within an enrollment and has no place in a visit row,
is written beside the visit table (dictionary 9 on): ``wide_arms.csv``, one row per arm of
an enrollment (the arm, its start and stop dates, why it was chosen and why it stopped, as
codes) and ``wide_infusions.csv``, one row per infusion given (date, drug, dose, and the arm
it belongs to), both keyed by study id and enrollment number like the visit rows. Their
columns are the REDCap arm-history and infusion forms' own (so a profile leaves out there
what it leaves out here: the typed "other" reasons only in the identified export), and the
codebook lists them after the visit table's columns.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from app.reports.dataset import PatientRecord, fill_row
from app.reports.fields import INFUSION_FORM, PRIOR_THERAPY_FORM, VISIT_FORMS, Catalogue, Field

CODEBOOK_HEADER = ("name", "label", "type", "units", "allowed values", "source instrument",
                   "note")

_LEAD = (
    Field("study_id", "wide", "Study ID", source="patient"),
    Field("enrollment_number", "wide", "Enrollment number (1 = first enrollment)",
          validation="integer", source="enrollment"),
)
_VISIT_KEYS = (
    Field("visit_code", "wide", "Visit", "dropdown", source="visit"),
    Field("visit_occurrence", "wide", "Visit occurrence (numbers repeated unscheduled visits)",
          validation="integer", source="visit"),
    Field("arm_at_visit", "wide", "Treatment arm on the visit date (or target date)",
          source="arm_assignment"),
)
_TAIL = (
    Field("ae_count", "wide", "Adverse events reported at this visit", validation="integer",
          computed=True, source="adverse_event"),
)


_PRIOR_STEM = "prior_"


def _prior_slots(catalogue: Catalogue) -> list[list[tuple[str, Field]]]:
    """Per slot n (1..N): (REDCap field name, its numbered wide field) of each field of the
    prior_therapy form: ``prior_drug`` -> ``prior1_drug``."""
    if not catalogue.has_form(PRIOR_THERAPY_FORM):
        return []
    slots = catalogue.prior_therapy_slots
    out = []
    for n in range(1, slots + 1):
        out.append([
            (f.name, replace(
                f, name=f"prior{n}_{f.name[len(_PRIOR_STEM):]}",
                label=f"Prior therapy {n}: {f.label}",
                note=(f"Prior therapy {n} of up to {slots}, oldest start first (blank when "
                      f"the patient has fewer); the same on every visit row of the patient."
                      + (f" {f.note}" if f.note else ""))))
            for f in catalogue.form(PRIOR_THERAPY_FORM).fields
        ])
    return out


def _fields(catalogue: Catalogue) -> list[Field]:
    fields = list(_LEAD)
    fields += [f for f in catalogue.form("patient").fields if f.name != "record_id"]
    fields += list(catalogue.form("enrollment").fields)
    fields += list(_VISIT_KEYS)
    for form in VISIT_FORMS:
        if catalogue.has_form(form):
            fields += list(catalogue.form(form).fields)
    fields += list(_TAIL)
    fields += [wide_field for slot in _prior_slots(catalogue) for _, wide_field in slot]
    return fields


ARMS_FILE = "wide_arms.csv"
INFUSIONS_FILE = "wide_infusions.csv"
ARM_FORM = "arm_history"
_ARM_NUMBER = Field("arm_number", "wide", "Arm number within the enrollment (1 = the first "
                    "arm; wide_infusions.csv names it)", validation="integer",
                    source="arm_assignment")
_INFUSION_NUMBER = Field("infusion_number", "wide", "Infusion number within the enrollment "
                         "(in the order recorded)", validation="integer", source="infusion")


class CourseLayout:
    """The columns of one treatment-course file: the keys, then the REDCap form's fields
    (``form``: arm_history or infusion)."""

    def __init__(self, catalogue: Catalogue, form: str) -> None:
        self.form = form
        self.file = ARMS_FILE if form == ARM_FORM else INFUSIONS_FILE
        number = _ARM_NUMBER if form == ARM_FORM else _INFUSION_NUMBER
        fields = [replace(f, label="Arm number (arm_number in wide_arms.csv)")
                  if f.name == "inf_arm_instance" else f
                  for f in (catalogue.form(form).fields if catalogue.has_form(form) else ())]
        self.fields = [*_LEAD, number, *fields]
        columns: list[str] = []
        for field in self.fields:
            columns += field.columns
        self.header = tuple(columns)
        self.index = {c: i for i, c in enumerate(columns)}
        self.number = number.name


def course_layouts(catalogue: Catalogue) -> tuple[CourseLayout, ...]:
    return (CourseLayout(catalogue, ARM_FORM), CourseLayout(catalogue, INFUSION_FORM))


def course_rows(layout: CourseLayout, patient: PatientRecord) -> Iterator[list[str]]:
    """The patient's arms (or infusions), enrollment by enrollment, numbered from 1."""
    index, width = layout.index, len(layout.header)
    for number, enrollment in enumerate(patient.enrollments, start=1):
        records = enrollment.arms if layout.form == ARM_FORM else enrollment.infusions
        for n, values in enumerate(records, start=1):
            row = [""] * width
            fill_row(row, index, values)
            row[index["study_id"]] = patient.study_id
            row[index["enrollment_number"]] = str(number)
            row[index[layout.number]] = str(n)
            yield row


def _type(field: Field) -> str:
    if field.type in ("dropdown", "checkbox", "yesno", "notes"):
        return {"dropdown": "code", "checkbox": "0/1", "yesno": "0/1", "notes": "text"}[
            field.type]
    return {"date_ymd": "date", "integer": "integer", "number": "number",
            "number_1dp": "number", "datetime_seconds_ymd": "datetime"}.get(field.validation,
                                                                            "text")


def _allowed(field: Field) -> str:
    if field.type == "yesno":
        return "0 = No | 1 = Yes"
    if field.choices and field.type != "checkbox":
        return " | ".join(f"{code} = {label}" for code, label in field.choices)
    if field.minimum or field.maximum:
        return f"{field.minimum or '…'} to {field.maximum or '…'}"
    return ""


def codebook_rows(catalogue: Catalogue) -> list[list[str]]:
    rows = _codebook_rows(_fields(catalogue))
    for layout in course_layouts(catalogue):
        # The keys study_id and enrollment_number are those of the visit table.
        rows += _codebook_rows(layout.fields[len(_LEAD):], f"Column of {layout.file}. ")
    return rows


def _codebook_rows(fields: list[Field], where: str = "") -> list[list[str]]:
    rows = []
    for field in fields:
        note = field.note
        if field.computed and "omputed" not in note:
            note = ("Computed. " + note).strip()
        if field.identifier:
            note = ("IDENTIFIER. " + note).strip()
        note = (where + note).strip()
        if field.type == "checkbox":
            for (_code, label), column in zip(field.choices, field.columns, strict=True):
                rows.append([column, f"{field.label}: {label}", "0/1", "", "0 = No | 1 = Yes",
                             field.source, note])
            continue
        rows.append([field.name, field.label, _type(field), field.units, _allowed(field),
                     field.source, note])
    return rows


class WideLayout:
    def __init__(self, catalogue: Catalogue) -> None:
        self.fields = _fields(catalogue)
        columns: list[str] = []
        for field in self.fields:
            columns += field.columns
        self.header = tuple(columns)
        self.index = {c: i for i, c in enumerate(columns)}
        self.checkboxes = {
            form: [c for f in catalogue.form(form).fields if f.type == "checkbox"
                   for c in f.columns]
            for form in VISIT_FORMS if catalogue.has_form(form)
        }
        self.checkbox_positions = {form: [self.index[c] for c in columns]
                                   for form, columns in self.checkboxes.items()}
        # Per slot: REDCap field name -> position of its numbered column.
        self.prior_index = [{name: self.index[f.name] for name, f in slot}
                            for slot in _prior_slots(catalogue)]


def visit_rows(layout: WideLayout, patient: PatientRecord) -> Iterator[list[str]]:
    index = layout.index
    width = len(layout.header)
    if len(patient.prior_therapies) > len(layout.prior_index):
        # The slots are counted in the snapshot the records come from; never drop data.
        raise ValueError(f"{patient.study_id} has {len(patient.prior_therapies)} prior "
                         f"therapies; the layout has columns for {len(layout.prior_index)}")
    prior = list(zip(layout.prior_index, patient.prior_therapies, strict=False))
    for number, enrollment in enumerate(patient.enrollments, start=1):
        for visit in enrollment.visits:
            row = [""] * width
            for values in (patient.values, enrollment.values, visit.values):
                fill_row(row, index, values)
            for slot_index, values in prior:
                fill_row(row, slot_index, values)
            row[index["study_id"]] = patient.study_id
            row[index["enrollment_number"]] = str(number)
            row[index["visit_code"]] = visit.visit_code
            row[index["visit_occurrence"]] = str(visit.occurrence)
            row[index["arm_at_visit"]] = visit.arm_at_visit
            row[index["ae_count"]] = str(len(visit.adverse_events))
            for form in visit.forms_with_data:
                for position in layout.checkbox_positions.get(form, ()):
                    if row[position] == "":
                        row[position] = "0"
            yield row
