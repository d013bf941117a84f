"""The "wide" export: one row per visit, every item and computed score in its own column,
for analysts who want a single flat table; with a codebook CSV (name, label, type, units,
allowed values, source instrument) that documents every column.
"""

from __future__ import annotations

from collections.abc import Iterator

from app.reports.dataset import PatientRecord, fill_row
from app.reports.fields import VISIT_FORMS, Catalogue, Field

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


def _fields(catalogue: Catalogue) -> list[Field]:
    fields = list(_LEAD)
    fields += [f for f in catalogue.form("patient").fields if f.name != "record_id"]
    fields += list(catalogue.form("enrollment").fields)
    fields += list(_VISIT_KEYS)
    for form in VISIT_FORMS:
        if catalogue.has_form(form):
            fields += list(catalogue.form(form).fields)
    fields += list(_TAIL)
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


def visit_rows(layout: WideLayout, patient: PatientRecord) -> Iterator[list[str]]:
    index = layout.index
    width = len(layout.header)
    for number, enrollment in enumerate(patient.enrollments, start=1):
        for visit in enrollment.visits:
            row = [""] * width
            for values in (patient.values, enrollment.values, visit.values):
                fill_row(row, index, values)
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
