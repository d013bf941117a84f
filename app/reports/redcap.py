"""REDCap longitudinal project files (exports.md): the 18-column data dictionary, the
instrument-event mapping, and the import CSV (one row per record-event, repeating
instruments and the repeating ``unscheduled`` event carry an instance number).

Events: ``registration_arm_1`` (patient, screening and prior therapy — screen failures
included), ``enrollment_arm_N`` (enrollment, arm history, prescriptions) and one event per
visit of the plans (``baseline_arm_N`` ... ``month_18_arm_N``, ``unscheduled_arm_N``
repeating; app.domain.visit_events). A REDCap
"arm" here is the patient's N-th enrollment (nearly always 1), NOT the treatment arm,
which is the ``arm_id`` field of the arm history.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterator

from app.reports.dataset import PatientRecord, Values, VisitRecord, fill_row
from app.reports.fields import (
    ENROLLMENT_EVENT,
    INFUSION_FORM,
    PRIOR_THERAPY_FORM,
    READONLY,
    REGISTRATION_EVENT,
    VISIT_FORMS,
    Catalogue,
    Field,
    event_forms,
    event_name,
    numeric_codes,
    repeats,
)

DICTIONARY_HEADER = (
    "Variable / Field Name",
    "Form Name",
    "Section Header",
    "Field Type",
    "Field Label",
    "Choices, Calculations, OR Slider Labels",
    "Field Note",
    "Text Validation Type OR Show Slider Number",
    "Text Validation Min",
    "Text Validation Max",
    "Identifier?",
    "Branching Logic (Show field only if...)",
    "Required Field?",
    "Custom Alignment",
    "Question Number (surveys only)",
    "Matrix Group Name",
    "Matrix Ranking?",
    "Field Annotation",
)
# The shapes of REDCap's "Upload instrument-event mappings", "Upload events", "Upload
# arms" and "Upload repeating instruments and events" CSVs (the same columns its API's
# import methods take).
MAPPING_HEADER = ("arm_num", "unique_event_name", "form")
EVENTS_HEADER = ("event_name", "arm_num", "day_offset", "offset_min", "offset_max")
ARMS_HEADER = ("arm_num", "name")
REPEATING_HEADER = ("event_name", "form_name", "custom_form_label")
FIXED_COLUMNS = ("record_id", "redcap_event_name", "redcap_repeat_instrument",
                 "redcap_repeat_instance")
# Dictionary 7 on: each row names its record's data access group (the site code in lower
# case), the column REDCap's data import takes to put a record in a group.
DAG_COLUMN = "redcap_data_access_group"

# {form}_complete codes (REDCap): 0 incomplete, 1 unverified, 2 complete.
VISIT_STATUS_COMPLETE = {"not_started": "0", "draft": "0", "complete": "2", "signed": "2"}


def choices_text(catalogue: Catalogue, field: Field) -> str:
    """The dictionary's choices: numeric codes with their labels (version 5 on)."""
    codes = numeric_codes(field) if catalogue.numeric_codes else {}
    return " | ".join(f"{codes.get(code, code)}, {label}" for code, label in field.choices)


def dictionary_rows(catalogue: Catalogue) -> list[list[str]]:
    rows: list[list[str]] = []
    for field in catalogue.all_fields:
        note = field.note
        if field.units and field.units not in note:
            note = f"{note} ({field.units})" if note else field.units
        rows.append([
            field.name, field.form, field.section, field.type, field.label,
            choices_text(catalogue, field) if field.type != "checkbox" else field.choices_text,
            note, field.validation, field.minimum, field.maximum,
            "y" if field.identifier else "", "", "", "", "", "", "",
            " ".join(filter(None, (READONLY if field.computed else "", field.annotation))),
        ])
    return rows


def dictionary_text(catalogue: Catalogue) -> str:
    """The data dictionary file as this application writes it (UTF-8 without BOM, CRLF)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(DICTIONARY_HEADER)
    writer.writerows(dictionary_rows(catalogue))
    return buffer.getvalue()


def dictionary_sha256(catalogue: Catalogue) -> str:
    return hashlib.sha256(dictionary_text(catalogue).encode("utf-8")).hexdigest()


def event_kinds(catalogue: Catalogue) -> tuple[str, ...]:
    return (REGISTRATION_EVENT, ENROLLMENT_EVENT, *(v.code for v in catalogue.visits))


def event_label(kind: str) -> str:
    """The event's name as REDCap shows it, from which REDCap derives the unique event
    name: "month_18" -> "Month 18" -> ``month_18_arm_1`` (the plan's own wording is
    the project XML's custom event label)."""
    return kind.replace("_", " ").capitalize()


def _events(arms: int, catalogue: Catalogue) -> Iterator[tuple[int, str]]:
    for arm in range(1, arms + 1):
        for kind in event_kinds(catalogue):
            if kind == REGISTRATION_EVENT and arm > 1:
                continue
            yield arm, kind


def events_rows(arms: int, catalogue: Catalogue) -> list[list[str]]:
    """Event definitions in REDCap's events shape: the registration and enrollment events
    (day 0, no window), then one per visit of the plans with its day offset and window."""
    visits = {v.code: v for v in catalogue.visits}
    rows = []
    for arm, kind in _events(arms, catalogue):
        visit = visits.get(kind)
        offset, before, after = ((visit.day_offset, visit.before_days, visit.after_days)
                                 if visit is not None else (0, 0, 0))
        rows.append([event_label(kind), str(arm), str(offset), str(before), str(after)])
    return rows


def arm_name(arm: int) -> str:
    return f"Enrollment {arm}"


def arms_rows(arms: int) -> list[list[str]]:
    """REDCap arms: the patient's N-th enrollment (nearly always 1), not the treatment arm."""
    return [[str(arm), arm_name(arm)] for arm in range(1, arms + 1)]


# What REDCap shows for each instance of a repeating form (piped from the instance's own
# fields), so a coordinator tells the instances apart.
REPEAT_LABELS = {
    "screening": "[scr_protocol_id] [scr_verdict]",
    PRIOR_THERAPY_FORM: "[prior_drug]",
    "arm_history": "[arm_id]",
    "prescription": "[rx_drug] ([rx_role])",
    INFUSION_FORM: "[inf_drug] [inf_dose]",
    "adverse_event": "[ae_visit]",
}


def repeating_rows(arms: int, catalogue: Catalogue) -> list[list[str]]:
    """REDCap's repeating instruments and events set-up: each repeating form in the event
    that holds it, and the unscheduled visit as a repeating event (blank form name)."""
    rows = []
    for arm, kind in _events(arms, catalogue):
        event = event_name(kind, arm)
        if repeats(kind):
            rows.append([event, "", ""])
            continue
        for form in event_forms(kind):
            if catalogue.has_form(form) and catalogue.form(form).repeating:
                rows.append([event, form, REPEAT_LABELS.get(form, "")])
    return rows


def mapping_rows(arms: int, catalogue: Catalogue) -> list[list[str]]:
    """Instrument designation: which forms each event holds (REDCap's mapping shape)."""
    return [[str(arm), event_name(kind, arm), form]
            for arm, kind in _events(arms, catalogue)
            for form in event_forms(kind) if catalogue.has_form(form)]


class DataLayout:
    """Column positions of the import CSV for one catalogue."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        columns = list(FIXED_COLUMNS)
        self.has_group = catalogue.data_access_groups
        if self.has_group:
            columns.append(DAG_COLUMN)
        self.form_columns: dict[str, list[str]] = {}
        self.checkbox_columns: dict[str, list[str]] = {}
        for form in catalogue.forms:
            cols: list[str] = []
            checks: list[str] = []
            for field in form.fields:
                if field.name == "record_id":
                    continue
                cols += field.columns
                if field.type == "checkbox":
                    checks += field.columns
            cols.append(f"{form.name}_complete")
            self.form_columns[form.name] = cols
            self.checkbox_columns[form.name] = checks
            columns += cols
        self.header = tuple(columns)
        self.index = {c: i for i, c in enumerate(columns)}
        self.width = len(columns)
        self.checkbox_positions = {form: [self.index[c] for c in checks]
                                   for form, checks in self.checkbox_columns.items()}
        self.complete_position = {form: self.index[f"{form}_complete"]
                                  for form in self.form_columns}
        # The visit forms besides "visit" this layout has (an earlier dictionary has fewer).
        self.visit_forms = frozenset(form for form in VISIT_FORMS
                                     if form != "visit" and form in self.form_columns)
        # Stored text codes -> the numbers the file writes (numeric_codes).
        self.recode = {f.name: codes for f in catalogue.all_fields
                       if catalogue.numeric_codes and (codes := numeric_codes(f))
                       and f.name in self.index}

    def row(self, record: str, event: str, instrument: str = "", instance: str = "") -> list[str]:
        row = [""] * self.width
        row[0], row[1], row[2], row[3] = record, event, instrument, instance
        return row

    def fill(self, row: list[str], values: Values) -> None:
        fill_row(row, self.index, values)
        # Only the coded columns this row fills (a set intersection, not a column loop).
        for column in self.recode.keys() & values.keys():
            value = values[column]
            if value:
                row[self.index[column]] = self.recode[column].get(value, value)

    def complete(self, row: list[str], form: str, value: str) -> None:
        row[self.complete_position[form]] = value
        for position in self.checkbox_positions[form]:
            if row[position] == "":
                row[position] = "0"


def _visit_row(layout: DataLayout, record: str, arm: int, visit: VisitRecord) -> list[str]:
    event = event_name(visit.visit_code, arm)
    instance = str(visit.occurrence) if repeats(visit.visit_code) else ""
    row = layout.row(record, event, "", instance)
    layout.fill(row, visit.values)
    status = VISIT_STATUS_COMPLETE.get(visit.status, "0")
    layout.complete(row, "visit", status)
    # Each form its own cells: in any order.
    for form in layout.visit_forms.intersection(visit.forms_with_data):
        layout.complete(row, form, status)
    return row


def record_rows(layout: DataLayout, patient: PatientRecord) -> Iterator[list[str]]:
    """All rows of one record, in a fixed order (events, then instances)."""
    if layout.has_group:
        for row in _rows(layout, patient):
            row[4] = patient.access_group
            yield row
    else:
        yield from _rows(layout, patient)


def _rows(layout: DataLayout, patient: PatientRecord) -> Iterator[list[str]]:
    record = patient.study_id
    registration = event_name(REGISTRATION_EVENT, 1)
    row = layout.row(record, registration)
    layout.fill(row, patient.values)
    layout.complete(row, "patient", "2")
    yield row
    for number, values in enumerate(patient.screenings, start=1):
        row = layout.row(record, registration, "screening", str(number))
        layout.fill(row, values)
        status = patient.screening_statuses[number - 1]
        layout.complete(row, "screening", "2" if status == "complete" else "0")
        yield row
    # Absent from the layout of a dictionary-version-1 import, whose files cannot hold them.
    if PRIOR_THERAPY_FORM in layout.form_columns:
        for number, values in enumerate(patient.prior_therapies, start=1):
            row = layout.row(record, registration, PRIOR_THERAPY_FORM, str(number))
            layout.fill(row, values)
            layout.complete(row, PRIOR_THERAPY_FORM, "2")
            yield row
    for arm, enrollment in enumerate(patient.enrollments, start=1):
        event = event_name(ENROLLMENT_EVENT, arm)
        row = layout.row(record, event)
        layout.fill(row, enrollment.values)
        layout.complete(row, "enrollment", "2")
        yield row
        events = [
            {**values, "ae_visit": visit.visit_code,
             "ae_visit_occurrence": str(visit.occurrence)}
            for visit in enrollment.visits for values in visit.adverse_events
        ]
        for form, entries in (("arm_history", enrollment.arms),
                              ("prescription", enrollment.prescriptions),
                              (INFUSION_FORM, enrollment.infusions),
                              ("adverse_event", events)):
            if form not in layout.form_columns:  # an earlier dictionary's layout
                continue
            for number, values in enumerate(entries, start=1):
                row = layout.row(record, event, form, str(number))
                layout.fill(row, values)
                layout.complete(row, form, "2")
                yield row
        for visit in enrollment.visits:
            yield _visit_row(layout, record, arm, visit)
