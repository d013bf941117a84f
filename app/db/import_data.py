"""Import an identified REDCap-format export made by this application (issue 5).

All or nothing: every file is read and every cell checked BEFORE the database is touched;
any problem (wrong header, unknown event, value out of range, bad encoding, checksum
mismatch, conflict with a patient already in the database) rejects the whole import with
the file, row, column and reason of each problem, and the database stays as it was. A
clean import is written in ONE transaction, with audit entries.

Patients are matched by study id. A patient already present whose stored data is exactly
what the file holds is left alone ("already present"); any difference is reported as a
conflict and nothing is overwritten (there is no silent merge).

The dictionary must be exactly the one this application writes for the criteria and drugs
it names, in either of two versions: the current one, or version 1 (exports made before
the repeating ``prior_therapy`` form existed), which is the current one without that form.
A version-1 export imports as it always did and gives its patients no prior therapies.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import audit, write_lock
from app.db.access import require_actor_permission
from app.db.conflicts import last_changed_by
from app.db.engine import Database
from app.db.export_data import ExtractStats, Snapshot, iter_patient_records
from app.db.models import (
    AdverseEvent,
    ArmAssignment,
    Enrollment,
    InstrumentValue,
    Patient,
    PatientIdentity,
    Prescription,
    PriorTherapy,
    Screening,
    ScreeningAnswer,
    Visit,
)
from app.domain.permissions import Permission
from app.reports import redcap
from app.reports.csv_safety import read_csv, unescape_text
from app.reports.fields import (
    ENROLLMENT_EVENT,
    PRIOR_THERAPY_FORM,
    REGISTRATION_EVENT,
    VISIT_CODES,
    Catalogue,
    Field,
    build_catalogue,
    event_forms,
    field_name,
)
from app.reports.manifest import MANIFEST_NAME

DATA = "redcap_data.csv"
DICTIONARY = "redcap_data_dictionary.csv"


@dataclass(frozen=True)
class ImportProblem:
    file: str
    row: int | None  # 1 = header line
    column: str | None
    reason: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", column {self.column}"
        return f"{where}: {self.reason}"


class ImportRejected(Exception):
    """Nothing was imported; ``problems`` says where and why."""

    def __init__(self, problems: list[ImportProblem]) -> None:
        self.problems = problems
        shown = "\n".join(f"  {p}" for p in problems[:50])
        more = f"\n  … and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"The import was rejected; nothing was changed.\n{shown}{more}")


@dataclass
class ImportSummary:
    added: list[str] = field(default_factory=list)
    already_present: list[str] = field(default_factory=list)

    def describe(self) -> str:
        return (f"Imported {len(self.added)} new patients; {len(self.already_present)} were "
                "already present with identical data.")


# ----------------------------------------------------------------------- reading


def _read(directory: Path, name: str, problems: list[ImportProblem]) -> list[list[str]] | None:
    path = directory / name
    if not path.exists():
        problems.append(ImportProblem(name, None, None, "file is missing"))
        return None
    try:
        return read_csv(path)
    except UnicodeDecodeError as error:
        data = path.read_bytes()
        line = data.count(b"\n", 0, error.start) + 1
        start = data.rfind(b"\n", 0, error.start) + 1
        header = data.split(b"\n", 1)[0].decode("utf-8", errors="replace").lstrip("\ufeff")
        before = data[start:error.start].decode("utf-8", errors="replace")
        column_index = before.count(",")  # good enough for the rows this app writes
        columns = header.strip().split(",")
        column = columns[column_index] if column_index < len(columns) else None
        problems.append(ImportProblem(
            name, line, column,
            f"bad encoding: byte 0x{data[error.start]:02x} is not UTF-8 (save the file as "
            "UTF-8)"))
        return None


def _check_manifest(directory: Path, problems: list[ImportProblem]) -> dict | None:
    path = directory / MANIFEST_NAME
    if not path.exists():
        problems.append(ImportProblem(MANIFEST_NAME, None, None, "manifest.json is missing"))
        return None
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        problems.append(ImportProblem(MANIFEST_NAME, None, None, f"not valid JSON: {error}"))
        return None
    if manifest.get("format") != "redcap":
        problems.append(ImportProblem(MANIFEST_NAME, None, "format",
                                      "only the redcap format can be imported"))
    if manifest.get("profile") != "identified":
        problems.append(ImportProblem(
            MANIFEST_NAME, None, "profile",
            "only an identified export can be imported (a de-identified one has no dates "
            "or names to restore)"))
    for entry in manifest.get("files", []):
        file_path = directory / str(entry.get("name", ""))
        if file_path.exists() and \
                hashlib.sha256(file_path.read_bytes()).hexdigest() != entry.get("sha256"):
            problems.append(ImportProblem(
                str(entry.get("name")), None, None,
                "the file was changed after export (SHA-256 differs from manifest.json)"))
    return manifest


def _catalogue_from_dictionary(rows: list[list[str]],
                               problems: list[ImportProblem]) -> Catalogue | None:
    if not rows or tuple(rows[0]) != redcap.DICTIONARY_HEADER:
        problems.append(ImportProblem(DICTIONARY, 1, None,
                                      "wrong header: expected the 18 REDCap dictionary columns"))
        return None
    base = build_catalogue(True)
    known = set(base.fields_by_name)
    criteria, drugs = [], []
    for row in rows[1:]:
        name, label = row[0], row[4] if len(row) > 4 else ""
        if name in known:
            continue
        if name.startswith("scr_") and label.startswith("Criterion: "):
            criteria.append(label[len("Criterion: "):])
        elif name.startswith("med_") and name.endswith("_dose") and label.endswith(": dose"):
            drugs.append(label[: -len(": dose")])
    catalogue = build_catalogue(True, criteria, drugs)
    if not any(len(row) > 1 and row[1] == PRIOR_THERAPY_FORM for row in rows[1:]):
        # Dictionary version 1 (before prior therapies were exported): the same catalogue
        # without the form, so its dictionary and data header are still checked exactly.
        catalogue = Catalogue(catalogue.identified,
                              [form for form in catalogue.forms
                               if form.name != PRIOR_THERAPY_FORM],
                              catalogue.item_fields, catalogue.criteria, catalogue.drugs)
    expected = [redcap.DICTIONARY_HEADER, *map(tuple, redcap.dictionary_rows(catalogue))]
    for number, (got, want) in enumerate(zip(map(tuple, rows), expected, strict=False),
                                         start=1):
        if got != want:
            problems.append(ImportProblem(
                DICTIONARY, number, got[0] if got else None,
                f"does not match this application's data dictionary (expected field "
                f"{want[0]!r})"))
            return None
    if len(rows) != len(expected):
        problems.append(ImportProblem(DICTIONARY, min(len(rows), len(expected)) + 1, None,
                                      "the dictionary has a different number of fields"))
        return None
    return catalogue


# --------------------------------------------------------------------- checking


def _check_value(f: Field, column: str, value: str) -> str | None:
    """Why ``value`` is not acceptable for the field (None when fine)."""
    if value == "":
        return None
    if f.type == "checkbox" or f.type == "yesno":
        return None if value in ("0", "1") else f"{value!r} must be 0 or 1"
    if f.type == "dropdown":
        codes = [c for c, _ in f.choices]
        return None if value in codes else f"{value!r} is not one of {', '.join(codes)}"
    if f.validation == "date_ymd":
        try:
            date.fromisoformat(value)
        except ValueError:
            return f"{value!r} is not a date (YYYY-MM-DD)"
        return None
    if f.validation == "datetime_seconds_ymd":
        try:
            datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
        except ValueError:
            return f"{value!r} is not a date and time (YYYY-MM-DD HH:MM:SS)"
        return None
    if f.validation in ("integer", "number", "number_1dp"):
        try:
            number = Decimal(value)
        except InvalidOperation:
            return f"{value!r} is not a number"
        if not number.is_finite():
            return f"{value!r} is not a number"
        if f.validation == "integer" and number != number.to_integral_value():
            return f"{value!r} is not a whole number"
        if f.validation == "number_1dp" and number.as_tuple().exponent < -1:  # type: ignore
            return f"{value!r} has more than one decimal"
        if f.minimum and number < Decimal(f.minimum):
            return f"value {value} is out of range: below the minimum {f.minimum}"
        if f.maximum and number > Decimal(f.maximum):
            return f"value {value} is out of range: above the maximum {f.maximum}"
    return None


def _valid_events(arms: int = 99) -> dict[str, tuple[str, int]]:
    events = {f"{REGISTRATION_EVENT}_arm_1": (REGISTRATION_EVENT, 1)}
    for arm in range(1, arms + 1):
        for kind in (ENROLLMENT_EVENT, *VISIT_CODES):
            events[f"{kind}_arm_{arm}"] = (kind, arm)
    return events


def _check_rows(rows: list[list[str]], catalogue: Catalogue,
                problems: list[ImportProblem]) -> list[dict[str, str]]:
    layout = redcap.DataLayout(catalogue)
    if not rows or tuple(rows[0]) != layout.header:
        got = rows[0] if rows else []
        column = next((g for g, w in zip(got, layout.header, strict=False) if g != w), None)
        if column is None and len(got) != len(layout.header):
            column = got[len(layout.header)] if len(got) > len(layout.header) else \
                layout.header[len(got)]
        problems.append(ImportProblem(
            DATA, 1, column, "wrong header: the columns are not the ones this application "
            "exports (same names, same order)"))
        return []
    column_field: dict[str, Field] = {}
    column_form: dict[str, str] = {}
    for form in catalogue.forms:
        for f in form.fields:
            for column in f.columns:
                column_field[column] = f
                column_form[column] = form.name
        column_form[f"{form.name}_complete"] = form.name
    repeating = {form.name for form in catalogue.forms if form.repeating}
    events = _valid_events()
    seen: dict[tuple[str, str, str, str], int] = {}
    out = []
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(layout.header):
            problems.append(ImportProblem(DATA, number, None,
                                          f"has {len(row)} cells; the header has "
                                          f"{len(layout.header)}"))
            continue
        values = dict(zip(layout.header, row, strict=True))
        out.append(values)
        key = (values["record_id"], values["redcap_event_name"],
               values["redcap_repeat_instrument"], values["redcap_repeat_instance"])
        if key in seen:
            problems.append(ImportProblem(DATA, number, "redcap_event_name",
                                          f"duplicate of row {seen[key]} (same record, event "
                                          "and instance)"))
        seen.setdefault(key, number)
        if not values["record_id"]:
            problems.append(ImportProblem(DATA, number, "record_id", "the study id is empty"))
        event = values["redcap_event_name"]
        if event not in events:
            problems.append(ImportProblem(DATA, number, "redcap_event_name",
                                          f"unknown event {event!r}"))
            continue
        kind, _arm = events[event]
        forms = set(event_forms(kind))
        instrument = values["redcap_repeat_instrument"]
        instance = values["redcap_repeat_instance"]
        if instrument:
            if instrument not in repeating or instrument not in forms:
                problems.append(ImportProblem(DATA, number, "redcap_repeat_instrument",
                                              f"{instrument!r} does not repeat at {event}"))
                continue
            forms = {instrument}
        else:
            forms -= repeating
        if (instrument or kind == "unscheduled") and not instance.isdigit():
            problems.append(ImportProblem(DATA, number, "redcap_repeat_instance",
                                          f"{instance!r} must be a number from 1"))
        for column, value in values.items():
            if column in redcap.FIXED_COLUMNS or value == "":
                continue
            form = column_form[column]
            if form not in forms:
                problems.append(ImportProblem(
                    DATA, number, column,
                    f"belongs to form {form!r}, which is not recorded at this row ({event}"
                    + (f", {instrument}" if instrument else "") + ")"))
                continue
            if column.endswith("_complete") and column not in column_field:
                if value not in ("0", "1", "2"):
                    problems.append(ImportProblem(DATA, number, column,
                                                  f"{value!r} must be 0, 1 or 2"))
                continue
            if column_field[column].computed:
                continue  # recomputed from the items after import; never trusted from a file
            reason = _check_value(column_field[column], column, value)
            if reason:
                problems.append(ImportProblem(DATA, number, column, reason))
    return out


# ------------------------------------------------------------------- building


def _d(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


def _num(value: str) -> float | None:
    return float(value) if value else None


def _txt(value: str) -> str:
    return unescape_text(value)


def _json_value(value: str) -> Any:
    return json.loads(unescape_text(value)) if value else None


def _build_patient(study_id: str, rows: list[dict[str, str]], catalogue: Catalogue) -> Patient:
    registration = next(r for r in rows if r["redcap_event_name"] == "registration_arm_1"
                        and not r["redcap_repeat_instrument"])
    patient = Patient(study_id=study_id, sex=registration["pt_sex"],
                      site=_txt(registration["pt_site"]))
    if any(registration[k] for k in ("pt_given_name", "pt_family_name", "pt_mrn",
                                     "pt_date_of_birth")):
        patient.identity = PatientIdentity(
            given_name=_txt(registration["pt_given_name"]),
            family_name=_txt(registration["pt_family_name"]),
            mrn=_txt(registration["pt_mrn"]),
            date_of_birth=_d(registration["pt_date_of_birth"]))
    criterion_of = {f"scr_{field_name(c)}": c for c in catalogue.criteria}
    screenings: list[Screening] = []
    for r in rows:
        if r["redcap_repeat_instrument"] != "screening":
            continue
        s = Screening(protocol_id=_txt(r["scr_protocol_id"]),
                      protocol_version=_txt(r["scr_protocol_version"]),
                      protocol_hash=r["scr_protocol_hash"], status=r["scr_status"],
                      verdict=r["scr_verdict"] or None, screened_by=_txt(r["scr_by"]),
                      screening_date=_d(r["scr_date"]))
        details = _json_value(r["scr_details_json"]) or {}
        for column, criterion in criterion_of.items():
            if r[column]:
                s.answers.append(ScreeningAnswer(criterion_id=criterion, answer=r[column],
                                                 details=details.get(criterion)))
        screenings.append(s)
    patient.screenings = screenings
    # In instance order, so the ids (the export's tie-break) keep the exported order.
    patient.prior_therapies = [
        PriorTherapy(drug=_txt(r["prior_drug"]), start_date=_d(r["prior_start_date"]),
                     stop_date=_d(r["prior_stop_date"]),
                     reason_stopped=r["prior_reason_stopped"] or None,
                     last_dose_date=_d(r["prior_last_dose_date"]),
                     b_cells_detectable=None if r["prior_b_cells"] == ""
                     else r["prior_b_cells"] == "1",
                     for_skin_disease=r["prior_for_skin"] == "1", notes=_txt(r["prior_notes"]))
        for r in sorted((r for r in rows if r["redcap_repeat_instrument"] == PRIOR_THERAPY_FORM),
                        key=lambda r: int(r["redcap_repeat_instance"]))
    ]
    by_arm: dict[int, list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        event = r["redcap_event_name"]
        if event != "registration_arm_1":
            by_arm[int(event.rsplit("_arm_", 1)[1])].append(r)
    for arm in sorted(by_arm):
        patient.enrollments.append(
            _build_enrollment(by_arm[arm], screenings, catalogue))
    return patient


def _build_enrollment(rows: list[dict[str, str]], screenings: list[Screening],
                      catalogue: Catalogue) -> Enrollment:
    main = next(r for r in rows if r["redcap_event_name"].startswith("enrollment_arm_")
                and not r["redcap_repeat_instrument"])
    e = Enrollment(protocol_id=_txt(main["enr_protocol_id"]),
                   protocol_version=_txt(main["enr_protocol_version"]),
                   protocol_hash=main["enr_protocol_hash"],
                   enrollment_date=_d(main["enr_date"]), enrolled_by=_txt(main["enr_by"]),
                   sun_protection_counselled=main["enr_sun_counselled"] == "1",
                   status=main["enr_status"] or "active", ended_on=_d(main["enr_ended_date"]),
                   end_reason=_txt(main["enr_end_reason"]) or None)
    e.screening = screenings[int(main["enr_screening_instance"]) - 1]
    arms = []
    for r in rows:
        if r["redcap_repeat_instrument"] == "arm_history":
            arms.append(ArmAssignment(arm_id=_txt(r["arm_id"]),
                                      start_date=_d(r["arm_start_date"]),
                                      end_date=_d(r["arm_end_date"]),
                                      reason=_txt(r["arm_reason"]), notes=_txt(r["arm_notes"]),
                                      created_by=_txt(r["arm_created_by"])))
    e.arm_assignments = arms
    for r in rows:
        if r["redcap_repeat_instrument"] != "prescription":
            continue
        rx = Prescription(
            drug=_txt(r["rx_drug"]), role=r["rx_role"], calculated=r["rx_calculated"] == "1",
            amount=_num(r["rx_amount"]), final_amount=_num(r["rx_final_amount"]),
            unit=_txt(r["rx_unit"]), per=_txt(r["rx_per"]), frequency=_txt(r["rx_frequency"]),
            route=_txt(r["rx_route"]), capped=r["rx_capped"] == "1",
            status=_txt(r["rx_status"]) or "active", source=_txt(r["rx_source"]),
            start_date=_d(r["rx_start_date"]), stop_date=_d(r["rx_stop_date"]),
            derivation=_txt(r["rx_derivation"]),
            override_reason=_txt(r["rx_override_reason"]) or None,
            inputs=_json_value(r["rx_inputs_json"]), schedule=_json_value(r["rx_schedule_json"]),
            prescribed_by=_txt(r["rx_prescribed_by"]))
        if r["rx_arm_instance"]:
            rx.arm_assignment = arms[int(r["rx_arm_instance"]) - 1]
        e.prescriptions.append(rx)
    visits: dict[tuple[str, int], Visit] = {}
    for r in rows:
        kind = r["redcap_event_name"].rsplit("_arm_", 1)[0]
        if kind not in VISIT_CODES or r["redcap_repeat_instrument"]:
            continue
        occurrence = int(r["redcap_repeat_instance"]) if kind == "unscheduled" else 1
        v = Visit(visit_code=kind, occurrence=occurrence, label=_txt(r["vis_label"]),
                  status=r["vis_status"] or "not_started",
                  target_date=_d(r["vis_target_date"]),
                  window_start=_d(r["vis_window_start_date"]),
                  window_end=_d(r["vis_window_end_date"]), visit_date=_d(r["vis_date"]),
                  signature_meaning=_txt(r["vis_signature_meaning"]) or None,
                  completed_at=_ts(r["vis_completed_at"]),
                  completed_by=_txt(r["vis_completed_by"]) or None,
                  signed_at=_ts(r["vis_signed_at"]), signed_by=_txt(r["vis_signed_by"]) or None)
        _build_items(v, r, catalogue)
        visits[(kind, occurrence)] = v
        e.visits.append(v)
    for r in rows:
        if r["redcap_repeat_instrument"] != "adverse_event":
            continue
        visit = visits.get((r["ae_visit"], int(r["ae_visit_occurrence"] or 1)))
        if visit is None:
            raise ImportRejected([ImportProblem(
                DATA, None, "ae_visit",
                f"adverse event of {r['record_id']} names a visit not in the file "
                f"({r['ae_visit']} {r['ae_visit_occurrence']})")])
        visit.adverse_events.append(AdverseEvent(
            description=_txt(r["ae_description"]), onset_date=_d(r["ae_onset_date"]),
            resolved_date=_d(r["ae_resolved_date"]), serious=r["ae_serious"] == "1",
            relation=r["ae_relation"] or None, action_taken=_txt(r["ae_action"]) or None,
            reported_by=_txt(r["ae_reported_by"])))
    return e


def _ts(value: str) -> datetime | None:
    if not value:
        return None
    return datetime.strptime(value, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)


def _build_items(visit: Visit, r: dict[str, str], catalogue: Catalogue) -> None:
    for spec in catalogue.item_fields:
        value = r.get(spec.column, "")
        unit_code = r.get(spec.unit_column, "") if spec.unit_column else ""
        missing = r.get(spec.missing_column, "") if spec.missing_column else ""
        if spec.kind == "check":
            if value == "1":
                visit.instrument_values.append(InstrumentValue(
                    instrument=spec.instrument, item=spec.item, value_num=1.0))
            continue
        if not (value or unit_code or missing):
            continue
        row = InstrumentValue(instrument=spec.instrument, item=spec.item,
                              missing_reason=missing or None)
        if spec.kind == "num":
            row.value_num = _num(value)
        elif spec.kind == "code_num":
            if value and value.lstrip("-").replace(".", "", 1).isdigit():
                row.value_num = float(value)
            else:
                row.value_text = value or None
        else:
            row.value_text = _txt(value) or None
        if unit_code:
            if spec.unit_codes and spec.unit_codes[0] != "*":
                row.unit = dict(spec.unit_codes)[unit_code]
            else:
                row.unit = _txt(unit_code)
        visit.instrument_values.append(row)


# ------------------------------------------------------------------ conflicts


def _existing_rows(database: Database, catalogue: Catalogue,
                   study_ids: set[str]) -> dict[str, list[list[str]]]:
    """What the database holds for these study ids, as the rows an export would write."""
    layout = redcap.DataLayout(catalogue)
    out: dict[str, list[list[str]]] = {}
    with Snapshot(database) as connection:
        for record in iter_patient_records(connection, catalogue, ExtractStats()):
            if record.study_id in study_ids:
                out[record.study_id] = list(redcap.record_rows(layout, record))
    return out


def import_directory(database: Database, directory: Path | str, *, user: str) -> ImportSummary:
    """Import an identified redcap export; ImportRejected (nothing changed) on any problem."""
    # Importing writes identified data into this clinic's database: data entry rights.
    require_actor_permission(database.actor, Permission.ENTER_DATA)
    directory = Path(directory)
    problems: list[ImportProblem] = []
    _check_manifest(directory, problems)
    dictionary = _read(directory, DICTIONARY, problems)
    data = _read(directory, DATA, problems)
    catalogue = _catalogue_from_dictionary(dictionary, problems) if dictionary else None
    rows: list[dict[str, str]] = []
    if catalogue is not None and data is not None:
        rows = _check_rows(data, catalogue, problems)
        for r in rows:
            if r.get("redcap_event_name") == "registration_arm_1" and not \
                    r.get("redcap_repeat_instrument") and not r.get("pt_sex"):
                problems.append(ImportProblem(DATA, None, "pt_sex",
                                              f"{r['record_id']}: sex is required"))
            if r.get("redcap_repeat_instrument") == PRIOR_THERAPY_FORM and \
                    not r.get("prior_drug"):
                problems.append(ImportProblem(
                    DATA, None, "prior_drug",
                    f"{r['record_id']}: prior therapy {r['redcap_repeat_instance']} names no "
                    "drug"))
    if problems:
        raise ImportRejected(problems)
    assert catalogue is not None and data is not None
    by_record: dict[str, list[dict[str, str]]] = defaultdict(list)
    line_of: dict[str, int] = {}
    for number, r in enumerate(rows, start=2):
        by_record[r["record_id"]].append(r)
        line_of.setdefault(r["record_id"], number)
    with database.session() as session:
        present = set(session.scalars(select(Patient.study_id).where(
            Patient.study_id.in_(list(by_record)))).all())
    summary = ImportSummary()
    if present:
        layout = redcap.DataLayout(catalogue)
        stored = _existing_rows(database, catalogue, present)
        for study_id in sorted(present):
            incoming = [[r[c] for c in layout.header] for r in by_record[study_id]]
            current = stored.get(study_id, [])
            if incoming == current:
                summary.already_present.append(study_id)
                continue
            problems.append(_conflict(study_id, incoming, current, layout.header,
                                      line_of[study_id]))
        if problems:
            raise ImportRejected(problems)
    with database.session() as session:
        _refuse_patients_added_meanwhile(session, by_record, present, line_of)
        for study_id, record_rows in by_record.items():
            if study_id in present:
                continue
            try:
                patient = _build_patient(study_id, record_rows, catalogue)
            except (StopIteration, IndexError, KeyError, ValueError) as error:
                raise ImportRejected([ImportProblem(
                    DATA, line_of[study_id], None,
                    f"record {study_id} is incomplete or inconsistent ({error!r})")]) from None
            session.add(patient)
            session.flush()
            audit.record(session, user=user, action="import", entity="patient",
                         entity_id=patient.id, new={"study_id": study_id,
                                                    "source": str(directory)})
            summary.added.append(study_id)
        audit.record(session, user=user, action="import", entity="import",
                     entity_id=str(directory),
                     new={"added": len(summary.added),
                          "already_present": len(summary.already_present)})
    return summary


def _refuse_patients_added_meanwhile(session: Session, by_record: dict[str, Any],
                                     present: set[str], line_of: dict[str, int]) -> None:
    """The import was checked against the database as it was in an earlier transaction:
    a patient someone else added since is refused like any conflict, never overwritten.
    Under the write lock nobody else can add one until this import commits."""
    write_lock.hold(session)
    now_present = dict(session.execute(select(Patient.study_id, Patient.id).where(
        Patient.study_id.in_(list(by_record)))).all())
    problems = []
    for study_id in sorted(set(now_present) - present):
        who = last_changed_by(session, "patient", [now_present[study_id]], any_field=True)
        problems.append(ImportProblem(
            DATA, line_of[study_id], None,
            f"conflict: patient {study_id} was added to the database"
            + (f" by {who}" if who else "") + " while this import was running; "
            "nothing was imported"))
    if problems:
        raise ImportRejected(problems)


def _conflict(study_id: str, incoming: list[list[str]], current: list[list[str]],
              header: tuple[str, ...], line: int) -> ImportProblem:
    for i, (got, have) in enumerate(zip(incoming, current, strict=False)):
        for column, a, b in zip(header, got, have, strict=True):
            if a != b:
                return ImportProblem(
                    DATA, line + i, column,
                    f"conflict: patient {study_id} is already in the database with "
                    f"{b!r} here, the file has {a!r}; nothing was overwritten")
    return ImportProblem(DATA, line, None,
                         f"conflict: patient {study_id} is already in the database with "
                         f"{len(current)} rows, the file has {len(incoming)}; nothing was "
                         "overwritten")
