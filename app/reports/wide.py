"""The "wide" export: one row per visit, every item and computed score in its own column,
for analysts who want a single flat table; with a codebook CSV (name, label, type, units,
allowed values, source instrument) that documents every column.

Repeating data stays inside that one row per visit: adverse events as a count per visit,
and the patient's prior therapies (a patient-level list, like the patient's sex) as
numbered groups of columns ``prior1_drug``, ``prior1_start_date`` … ``priorN_…`` on every
visit row of the patient, N being the most prior therapies any patient in the export has
(numbered oldest start first, as the REDCap instances are). They are appended after the
other columns so the positions of the columns that existed before do not move.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from app.reports.dataset import PatientRecord, fill_row
from app.reports.fields import PRIOR_THERAPY_FORM, VISIT_FORMS, Catalogue, Field

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
    rows = []
    for field in _fields(catalogue):
        note = field.note
        if field.computed and "omputed" not in note:
            note = ("Computed. " + note).strip()
        if field.identifier:
            note = ("IDENTIFIER. " + note).strip()
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
