"""Import an identified REDCap-format export made by this application.

One module although long: reading, checking and building an import are one all-or-nothing
step, checked cell by cell against the same catalogue.

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

import json
import re
from collections import defaultdict
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import audit, record_states, write_lock
from app.db.access import authorise
from app.db.conflicts import last_changed_by
from app.db.engine import Database
from app.db.models import (
    AdverseEvent,
    ArmAssignment,
    Enrollment,
    Infusion,
    InstrumentValue,
    Patient,
    PatientIdentity,
    Prescription,
    PriorTherapy,
    Screening,
    ScreeningAnswer,
    Visit,
)
from app.db.snapshot import Snapshot
from app.domain.coded_values import DOSE_UNITS, OTHER, OTHER_LABEL, drug_choices
from app.domain.instruments.medications import (
    MEDICATION_FORM,
    OTHER_RECORDED,
    medication_items,
)
from app.domain.permissions import Actor, Permission
from app.domain.phrases import Number, phrase, sentence
from app.domain.visit_events import VisitEvent
from app.exports import import_sentences as said
from app.exports.import_files import (
    DATA,
    DICTIONARY,
    MAX_PROBLEMS,
    ImportProblem,
    ImportRejected,
    check_listed_files,
    instance_problem,
    read_csv_file,
    read_manifest,
    study_id_problem,
    value_problem,
)
from app.exports.legacy_dictionaries import VERSIONS, as_version, version_of
from app.exports.records import ExtractStats, iter_patient_records
from app.reports import redcap
from app.reports.csv_safety import unescape_text
from app.reports.fields import (
    ARM_CHOICE_CODE,
    ENROLLMENT_EVENT,
    INFUSION_FORM,
    PRIOR_THERAPY_FORM,
    REGISTRATION_EVENT,
    Catalogue,
    Field,
    build_catalogue,
    event_forms,
    numeric_codes,
    repeats,
    visit_codes,
)
from app.reports.manifest import NOT_ESCAPED

AE_VISIT_FIELD = "ae_visit"


# A visit's item values as built, (instrument, item, value_num, value_text, unit,
# missing_reason): written once the visit has its id (``_write_items``).
ItemRows = list[tuple[Visit, tuple[str, str, float | None, str | None, str | None,
                                   str | None]]]


@dataclass
class ImportSummary:
    added: list[str] = field(default_factory=list)
    already_present: list[str] = field(default_factory=list)

    def describe(self) -> str:
        return (f"Imported {len(self.added)} new patients; {len(self.already_present)} were "
                "already present with identical data.")


# ----------------------------------------------------------------------- reading


def _choices(text: str) -> list[tuple[str, str]]:
    return [(code.strip(), label.strip()) for code, label in
            (choice.split(",", 1) for choice in text.split(" | ") if "," in choice)]


def _catalogue_from_dictionary(rows: list[list[str]],
                               problems: list[ImportProblem]) -> Catalogue | None:
    if not rows or tuple(rows[0]) != redcap.DICTIONARY_HEADER:
        problems.append(ImportProblem(DICTIONARY, 1, None,
                                      sentence(said.WRONG_DICTIONARY_HEADER)))
        return None
    base = build_catalogue(True)
    known = set(base.fields_by_name)
    criteria, drugs = [], []
    visits: list[VisitEvent] = []
    sites: list[tuple[str, str]] = []
    for row in rows[1:]:
        name, label = row[0], row[4] if len(row) > 4 else ""
        if name == AE_VISIT_FIELD and len(row) > 5:
            # The visit events the export was made with (its plans' visits): the choices
            # of the adverse events' visit field, "code, Label | code, Label".
            visits = [VisitEvent(*(part.strip() for part in choice.split(",", 1)))
                      for choice in row[5].split(" | ") if "," in choice]
        if name == "pt_site" and len(row) > 5 and row[3] == "dropdown":
            # The site list the export was made with (dictionary 6 on); its last choice is
            # "other" (numbered like any word since version 5: numeric_codes).
            sites = [(code, site) for code, site in _choices(row[5])
                     if code != OTHER and site != OTHER_LABEL]
        if name in known:
            continue
        if name.startswith("scr_") and label.startswith("Criterion: "):
            criteria.append(label[len("Criterion: "):])
        elif name.startswith("med_") and name.endswith("_dose") and label.endswith(": dose"):
            drugs.append(label[: -len(": dose")])
    # An earlier version's dictionary is checked exactly against that version's catalogue,
    # and its data header with it (app.exports.legacy_dictionaries).
    version = version_of(rows)
    if version not in VERSIONS:
        problems.append(ImportProblem(DICTIONARY, 2, "record_id", sentence(
            said.UNKNOWN_VERSION, repr(version[:20]), ", ".join(VERSIONS))))
        return None
    catalogue = as_version(build_catalogue(True, criteria, drugs, visits=visits, sites=sites),
                           version)
    expected = [redcap.DICTIONARY_HEADER, *map(tuple, redcap.dictionary_rows(catalogue))]
    for number, (got, want) in enumerate(zip(map(tuple, rows), expected, strict=False),
                                         start=1):
        if got != want:
            problems.append(ImportProblem(DICTIONARY, number, got[0] if got else None,
                                          sentence(said.NOT_OUR_DICTIONARY, repr(want[0]))))
            return None
    if len(rows) != len(expected):
        problems.append(ImportProblem(DICTIONARY, min(len(rows), len(expected)) + 1, None,
                                      sentence(said.FIELD_COUNT)))
        return None
    return catalogue


# --------------------------------------------------------------------- checking


def _valid_events(catalogue: Catalogue, arms: int = 99) -> dict[str, tuple[str, int]]:
    events = {f"{REGISTRATION_EVENT}_arm_1": (REGISTRATION_EVENT, 1)}
    for arm in range(1, arms + 1):
        for kind in (ENROLLMENT_EVENT, *visit_codes(catalogue)):
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
        problems.append(ImportProblem(DATA, 1, column, sentence(said.WRONG_DATA_HEADER)))
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
    unit_columns = {spec.unit_column for spec in catalogue.item_fields if spec.unit_column}
    item_text_columns = {spec.column for spec in catalogue.item_fields
                         if spec.kind not in ("num", "check")}
    events = _valid_events(catalogue)
    seen: dict[tuple[str, str, str, str], int] = {}
    out = []
    for number, row in enumerate(rows[1:], start=2):
        if len(problems) >= MAX_PROBLEMS:
            break  # enough to act on; reading further would only take longer
        if len(row) != len(layout.header):
            problems.append(ImportProblem(DATA, number, None, sentence(
                said.CELLS_DIFFER, Number(str(len(row))), Number(str(len(layout.header))))))
            continue
        values = dict(zip(layout.header, row, strict=True))
        out.append(values)
        key = (values["record_id"], values["redcap_event_name"],
               values["redcap_repeat_instrument"], values["redcap_repeat_instance"])
        if key in seen:
            problems.append(ImportProblem(DATA, number, "redcap_event_name",
                                          sentence(said.DUPLICATE_ROW, str(seen[key]))))
        seen.setdefault(key, number)
        if not values["record_id"]:
            problems.append(ImportProblem(DATA, number, "record_id", sentence(said.NO_STUDY_ID)))
        elif study_id_problem(values["record_id"]):
            problems.append(ImportProblem(DATA, number, "record_id",
                                          study_id_problem(values["record_id"]) or ""))
            continue
        event = values["redcap_event_name"]
        if event not in events:
            problems.append(ImportProblem(DATA, number, "redcap_event_name",
                                          sentence(said.UNKNOWN_EVENT, repr(event))))
            continue
        kind, _arm = events[event]
        forms = set(event_forms(kind))
        instrument = values["redcap_repeat_instrument"]
        instance = values["redcap_repeat_instance"]
        if instrument:
            if instrument not in repeating or instrument not in forms:
                problems.append(ImportProblem(DATA, number, "redcap_repeat_instrument", sentence(
                    said.DOES_NOT_REPEAT, repr(instrument), event)))
                continue
            forms = {instrument}
        else:
            forms -= repeating
        if (instrument or repeats(kind)) and instance_problem(instance):
            problems.append(ImportProblem(DATA, number, "redcap_repeat_instance",
                                          instance_problem(instance) or ""))
            continue
        for column, value in values.items():
            if column in redcap.FIXED_COLUMNS or column == redcap.DAG_COLUMN or value == "":
                continue
            form = column_form[column]
            if form not in forms:
                problems.append(ImportProblem(DATA, number, column, sentence(
                    said.NOT_AT_THIS_ROW, repr(form),
                    event + (f", {instrument}" if instrument else ""))))
                continue
            if column.endswith("_complete") and column not in column_field:
                if value not in ("0", "1", "2"):
                    problems.append(ImportProblem(DATA, number, column,
                                                  sentence(said.MUST_BE_0_1_OR_2, repr(value))))
                continue
            if column_field[column].computed:
                continue  # recomputed from the items after import; never trusted from a file
            reason = value_problem(column_field[column], column, value,
                                   unit_column=column in unit_columns,
                                   item_text=column in item_text_columns)
            if reason:
                problems.append(ImportProblem(DATA, number, column, reason))
    return out


# ------------------------------------------------------------------- building


def _d(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


def _num(value: str) -> float | None:
    return float(value) if value else None


def _txt(value: str) -> str:
    return value


def _json_value(value: str) -> Any:
    return json.loads(value) if value else None


def _escaped(manifest: Any) -> bool:
    """Whether the data file escapes formula characters: older exports
    did (their manifest says nothing of it); a REDCap import file now holds text as
    entered (app.reports.manifest)."""
    escaping = manifest.data.get("formula_escaping")
    if not isinstance(escaping, dict):
        return True
    return escaping.get(DATA) != NOT_ESCAPED


def _text_coded(rows: list[list[str]], catalogue: Catalogue) -> list[list[str]]:
    """The rows with each numeric choice code as the stored text code it stands for (a
    number no choice has is left as it is, for the checks to report)."""
    header = rows[0]
    position = {c: i for i, c in enumerate(header)}
    decode = [(position[f.name], {n: code for code, n in codes.items()})
              for f in catalogue.all_fields
              if (codes := numeric_codes(f)) and f.name in position]
    out = [header]
    for row in rows[1:]:
        row = list(row)
        for i, codes in decode:
            if i < len(row) and row[i]:
                row[i] = codes.get(row[i], row[i])
        out.append(row)
    return out


def _unescaped(rows: list[list[str]]) -> list[list[str]]:
    """The rows of an escaped data file as entered (only text begins with an escape)."""
    return [rows[0], *([unescape_text(cell) for cell in row] for row in rows[1:])]


def _coded_text(row: dict[str, str], column: str, names: dict[str, str]) -> str:
    """The stored text of a coded column: the name of its code, or for "other" the text
    of its ``_other`` column; a dictionary before version 6 has the text itself."""
    value = row[column]
    if f"{column}_other" not in row:
        return _txt(value)
    if value == OTHER:
        return _txt(row[f"{column}_other"])
    return names.get(value, "")


def _build_patient(study_id: str, rows: list[dict[str, str]], catalogue: Catalogue,
                   items: ItemRows) -> Patient:
    """The patient's objects; its visits' item values go into ``items`` (see ItemRows)."""
    registration = next(r for r in rows if r["redcap_event_name"] == "registration_arm_1"
                        and not r["redcap_repeat_instrument"])
    # Dictionary 8 on: the clinic as recorded (the site code is the installation's).
    site = (_txt(registration["pt_clinic"]) if "pt_clinic" in registration
            else _coded_text(registration, "pt_site", dict(catalogue.sites)))
    patient = Patient(study_id=study_id, sex=registration["pt_sex"], site=site,
                      # Absent from a dictionary before version 7.
                      onset_date=_d(registration.get("pt_onset_date", "")),
                      diagnosis_date=_d(registration.get("pt_diagnosis_date", "")),
                      race=registration.get("pt_race", ""),
                      ethnicity=registration.get("pt_ethnicity", ""))
    if any(registration[k] for k in ("pt_given_name", "pt_family_name", "pt_mrn",
                                     "pt_date_of_birth")):
        patient.identity = PatientIdentity(
            given_name=_txt(registration["pt_given_name"]),
            family_name=_txt(registration["pt_family_name"]),
            mrn=_txt(registration["pt_mrn"]),
            date_of_birth=_d(registration["pt_date_of_birth"]))
    criterion_of = {catalogue.criterion_column(c): c for c in catalogue.criteria}
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
        PriorTherapy(drug=_coded_text(r, "prior_drug", dict(drug_choices(catalogue.drugs))),
                     start_date=_d(r["prior_start_date"]),
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
            _build_enrollment(by_arm[arm], screenings, catalogue, items))
    return patient


def _check_infusion(r: dict[str, str], arms: int) -> None:
    """What the field checks cannot see: the arm it names exists, a date and a dose."""
    where = (r["redcap_repeat_instance"], r["record_id"])
    if not r["inf_arm_instance"] or not 1 <= int(r["inf_arm_instance"]) <= arms:
        problem = sentence(said.INFUSION_ARM, *where,
                           r["inf_arm_instance"] or phrase(said.NO_INSTANCE), str(arms))
        raise ImportRejected([ImportProblem(DATA, None, "inf_arm_instance", problem)])
    if not r["inf_given_date"]:
        raise ImportRejected([ImportProblem(DATA, None, "inf_given_date",
                                            sentence(said.INFUSION_NO_DATE, *where))])
    if not r["inf_dose"] or not float(r["inf_dose"]) > 0:
        raise ImportRejected([ImportProblem(DATA, None, "inf_dose",
                                            sentence(said.INFUSION_NO_DOSE, *where))])


# (stored code, checkbox column) of the reasons an arm was chosen.
_CHOICE_COLUMNS = tuple((code, f"arm_choice___{number}")
                        for code, number in ARM_CHOICE_CODE.items())


def _build_enrollment(rows: list[dict[str, str]], screenings: list[Screening],
                      catalogue: Catalogue, items: ItemRows) -> Enrollment:
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
            chosen = [code for code, column in _CHOICE_COLUMNS if r.get(column) == "1"]
            arms.append(ArmAssignment(arm_id=_txt(r["arm_id"]),
                                      start_date=_d(r["arm_start_date"]),
                                      end_date=_d(r["arm_end_date"]),
                                      reason=_txt(r["arm_reason"]), notes=_txt(r["arm_notes"]),
                                      created_by=_txt(r["arm_created_by"]),
                                      choice_reasons=chosen or None,
                                      choice_other=_txt(r.get("arm_choice_other", "")),
                                      stop_reason=r.get("arm_stop_reason") or None,
                                      stop_other=_txt(r.get("arm_stop_other", ""))))
    e.arm_assignments = arms
    drugs = dict(drug_choices(catalogue.drugs))
    for r in sorted((r for r in rows if r["redcap_repeat_instrument"] == INFUSION_FORM),
                    key=lambda r: int(r["redcap_repeat_instance"])):
        _check_infusion(r, len(arms))
        arms[int(r["inf_arm_instance"]) - 1].infusions.append(Infusion(
            drug=_coded_text(r, "inf_drug", drugs), given_on=_d(r["inf_given_date"]),
            dose=_num(r["inf_dose"]), unit=_coded_text(r, "inf_unit", dict(DOSE_UNITS)),
            entered_by=_txt(r["inf_entered_by"])))
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
    codes = set(visit_codes(catalogue))
    for r in rows:
        kind = r["redcap_event_name"].rsplit("_arm_", 1)[0]
        if kind not in codes or r["redcap_repeat_instrument"]:
            continue
        occurrence = int(r["redcap_repeat_instance"]) if repeats(kind) else 1
        v = Visit(visit_code=kind, occurrence=occurrence, label=_txt(r["vis_label"]),
                  status=r["vis_status"] or "not_started",
                  target_date=_d(r["vis_target_date"]),
                  window_start=_d(r["vis_window_start_date"]),
                  window_end=_d(r["vis_window_end_date"]), visit_date=_d(r["vis_date"]),
                  signature_meaning=_txt(r["vis_signature_meaning"]) or None,
                  completed_at=_ts(r["vis_completed_at"]),
                  completed_by=_txt(r["vis_completed_by"]) or None,
                  signed_at=_ts(r["vis_signed_at"]), signed_by=_txt(r["vis_signed_by"]) or None)
        _build_items(v, r, catalogue, items)
        visits[(kind, occurrence)] = v
        e.visits.append(v)
    for r in rows:
        if r["redcap_repeat_instrument"] != "adverse_event":
            continue
        visit = visits.get((r["ae_visit"], int(r["ae_visit_occurrence"] or 1)))
        if visit is None:
            raise ImportRejected([ImportProblem(
                DATA, None, "ae_visit",
                sentence(said.EVENT_VISIT_MISSING, r["record_id"], r["ae_visit"],
                         r["ae_visit_occurrence"]))])
        visit.adverse_events.append(AdverseEvent(
            description=_txt(r["ae_description"]), onset_date=_d(r["ae_onset_date"]),
            resolved_date=_d(r["ae_resolved_date"]), serious=r["ae_serious"] == "1",
            relation=r["ae_relation"] or None, action_taken=_txt(r["ae_action"]) or None,
            reported_by=_txt(r["ae_reported_by"]),
            # Absent from dictionaries before "7": the event's coding stays unrecorded.
            category=r.get("ae_category") or None, severity=r.get("ae_severity") or None,
            outcome=r.get("ae_outcome") or None))
    return e


def _ts(value: str) -> datetime | None:
    if not value:
        return None
    return datetime.strptime(value, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)


def _build_items(visit: Visit, r: dict[str, str], catalogue: Catalogue,
                 items: ItemRows) -> None:
    if OTHER_RECORDED in catalogue.fields_by_name:  # dictionary 6 on: coded medications
        full = {short: name for name, short in catalogue.short_names.items()}
        for item, (num, text, unit) in medication_items(
                {full.get(k, k): _txt(v) for k, v in r.items() if k.startswith("med_")},
                catalogue.drugs).items():
            items.append((visit, (MEDICATION_FORM, item, num, text, unit, None)))
    for spec in catalogue.item_fields:
        value = r.get(spec.column, "")
        unit_code = r.get(spec.unit_column, "") if spec.unit_column else ""
        missing = r.get(spec.missing_column, "") if spec.missing_column else ""
        if spec.kind == "check":
            if value == "1":
                items.append((visit, (spec.instrument, spec.item, 1.0, None, None, None)))
            continue
        if not (value or unit_code or missing):
            continue
        num: float | None = None
        text: str | None = None
        if spec.kind == "num":
            num = _num(value)
        elif spec.kind == "code_num":
            if value and value.lstrip("-").replace(".", "", 1).isdigit():
                num = float(value)
            else:
                text = value or None
        else:
            text = _txt(value) or None
        unit: str | None = None
        if unit_code:
            if spec.unit_codes and spec.unit_codes[0] != "*":
                unit = dict(spec.unit_codes)[unit_code]
            else:
                unit = _txt(unit_code)
        items.append((visit, (spec.instrument, spec.item, num, text, unit, missing or None)))


def _write_items(session: Session, items: ItemRows) -> None:
    """The item values of the visits just flushed, in one multi-row INSERT rather than
    one ORM object each (hundreds per patient: the import spent most of its time making
    and flushing them). The session hooks do not see these rows, so their record states
    are handed over as written (``record_states``), as ``save_visit`` does."""
    if not items:
        return
    table = InstrumentValue.__table__
    by_visit: dict[int, list[tuple]] = defaultdict(list)
    rows = []
    for visit, (instrument, item, num, text, unit, missing) in items:
        by_visit[visit.id].append((instrument, item, num, text, unit, missing))
        rows.append({"visit_id": visit.id, "instrument": instrument, "item": item,
                     "value_num": num, "value_text": text, "unit": unit,
                     "missing_reason": missing})
    session.execute(table.insert(), rows)
    for visit_id, values in by_visit.items():
        record_states.written(session, "instrument_value", visit_id)
        record_states.known_state(session, "instrument_value", visit_id, values)


# ------------------------------------------------------------------ conflicts


def _existing_rows(database: Database, catalogue: Catalogue,
                   study_ids: set[str]) -> dict[str, list[list[str]]]:
    """What the database holds for these study ids, as the rows an export would write."""
    layout = redcap.DataLayout(catalogue)
    out: dict[str, list[list[str]]] = {}
    with Snapshot(database) as connection:
        for record in iter_patient_records(connection, catalogue, ExtractStats()):
            rows = list(redcap.record_rows(layout, record))
            if catalogue.data_access_groups:  # compared as read back (site_ids_read_back)
                record.study_id = record.study_id.removeprefix(f"{catalogue.site_code}-")
                for row in rows:
                    row[0] = record.study_id
            if record.study_id in study_ids:
                out[record.study_id] = rows
    return out


# What an imported visit never keeps: a signature is made only by the signer re-entering
# their password in this installation. Signed visits arrive complete.
SIGNATURE_COLUMNS = ("vis_signed_at", "vis_signed_by", "vis_signature_meaning")


def _unsigned(row: dict[str, str]) -> bool:
    """Turn a signed visit row into a completed, unsigned one; True if it was signed."""
    signed = row.get("vis_status") == "signed" or any(row.get(c) for c in SIGNATURE_COLUMNS)
    if row.get("vis_status") == "signed":
        row["vis_status"] = "complete"
    for column in SIGNATURE_COLUMNS:
        if column in row:
            row[column] = ""
    return signed


SITE_RECORD_ID = re.compile(r"([A-Z][A-Z0-9]{1,9})-(.+)")


def site_ids_read_back(data: list[list[str]], problems: list[ImportProblem]) -> str:
    """Dictionary 7 on: each record id is ``SITE-studyid`` and its data access group the
    site code in lower case. The rows' record ids become the study ids (in place); the
    one site code of the file is returned ("" with a problem noted otherwise)."""
    codes: set[str] = set()
    for number, row in enumerate(data[1:], start=2):
        if len(problems) >= MAX_PROBLEMS or len(row) < 5:
            continue
        match = SITE_RECORD_ID.fullmatch(row[0])
        if match is None:
            problems.append(ImportProblem(DATA, number, "record_id", sentence(
                said.NOT_SITE_RECORD_ID, repr(row[0][:40]))))
            continue
        code, study_id = match.groups()
        if row[4] != code.lower():
            problems.append(ImportProblem(DATA, number, redcap.DAG_COLUMN, sentence(
                said.GROUP_NOT_SITE, repr(row[4][:20]), code)))
        codes.add(code)
        row[0] = study_id
    if len(codes) > 1:
        problems.append(ImportProblem(DATA, None, "record_id", sentence(
            said.SEVERAL_SITES, ", ".join(sorted(codes)))))
        return ""
    return next(iter(codes), "")


def read_import_folder(directory: Path) -> tuple[Any, Catalogue, list[dict[str, str]]]:
    """Everything the import reads from the folder, checked; ImportRejected otherwise.

    Returns (manifest, catalogue, data rows). Nothing in the database is touched."""
    problems: list[ImportProblem] = []
    if not directory.is_dir():
        raise ImportRejected([ImportProblem(str(directory), None, None,
                                            sentence(said.NOT_A_FOLDER))])
    manifest = read_manifest(directory, problems)
    if manifest is None:
        raise ImportRejected(problems)
    check_listed_files(directory, manifest, problems)
    if problems:
        raise ImportRejected(problems)
    dictionary = read_csv_file(directory, DICTIONARY, problems)
    data = read_csv_file(directory, DATA, problems) if dictionary is not None else None
    if data and _escaped(manifest):
        data = _unescaped(data)
    catalogue = _catalogue_from_dictionary(dictionary, problems) if dictionary else None
    rows: list[dict[str, str]] = []
    if catalogue is not None and data is not None and catalogue.numeric_codes:
        # A file with numeric choice codes (version 5 on) is read as the stored text codes.
        data = _text_coded(data, catalogue)
        catalogue = replace(catalogue, numeric_codes=False)
    if catalogue is not None and data is not None and catalogue.data_access_groups \
            and data and tuple(data[0]) == redcap.DataLayout(catalogue).header:
        # The records' site, as the catalogue's own: what the rows compare with.
        catalogue.site_code = site_ids_read_back(data, problems)
    if catalogue is not None and data is not None:
        rows = _check_rows(data, catalogue, problems)
        for r in rows:
            if r.get("redcap_event_name") == "registration_arm_1" and not \
                    r.get("redcap_repeat_instrument") and not r.get("pt_sex"):
                problems.append(ImportProblem(DATA, None, "pt_sex",
                                              sentence(said.SEX_REQUIRED, r["record_id"])))
            if r.get("redcap_repeat_instrument") == PRIOR_THERAPY_FORM and \
                    not r.get("prior_drug"):
                problems.append(ImportProblem(DATA, None, "prior_drug", sentence(
                    said.PRIOR_WITHOUT_DRUG, r["record_id"], r["redcap_repeat_instance"])))
    if problems:
        raise ImportRejected(problems)
    assert catalogue is not None and data is not None
    return manifest, catalogue, rows


def import_directory(database: Database, directory: Path | str, *, user: str,
                     progress: Callable[[int, int], None] | None = None) -> ImportSummary:
    """Import an identified redcap export; ImportRejected (nothing changed) on any problem.

    Coordinators and administrators only (checked against the account as it is now). The
    import is ONE audit event, credited to that account and naming the SHA-256 of the
    source's manifest.json; signed visits arrive completed and unsigned.

    ``progress(done, total)`` counts the patients of the file as they are compared or
    written; an exception it raises stops the import with nothing written (a Cancel)."""
    report = progress or (lambda _done, _total: None)
    who = authorise(database, Permission.IMPORT_DATA)
    if isinstance(who, Actor) or not user:
        user = who.user_name
    directory = Path(directory)
    manifest, catalogue, rows = read_import_folder(directory)
    problems: list[ImportProblem] = []
    signatures_dropped = sum(_unsigned(r) for r in rows)
    by_record: dict[str, list[dict[str, str]]] = defaultdict(list)
    line_of: dict[str, int] = {}
    for number, r in enumerate(rows, start=2):
        by_record[r["record_id"]].append(r)
        line_of.setdefault(r["record_id"], number)
    with database.reading() as session:
        present = set(session.scalars(select(Patient.study_id).where(
            Patient.study_id.in_(list(by_record)))).all())
    summary = ImportSummary()
    total, done = len(by_record), 0
    report(done, total)
    if present:
        layout = redcap.DataLayout(catalogue)
        identifying = {column for form in catalogue.forms for f in form.fields
                       if f.identifier for column in f.columns}
        stored = _existing_rows(database, catalogue, present)
        for study_id in sorted(present):
            done += 1
            report(done, total)
            incoming = [[r[c] for c in layout.header] for r in by_record[study_id]]
            current = []
            for row in stored.get(study_id, []):
                as_dict = dict(zip(layout.header, row, strict=True))
                _unsigned(as_dict)  # a signature here is compared as the file would be
                current.append([as_dict[c] for c in layout.header])
            if incoming == current:
                summary.already_present.append(study_id)
                continue
            problems.append(_conflict(study_id, incoming, current, layout.header,
                                      line_of[study_id], identifying))
        if problems:
            raise ImportRejected(problems)
    with database.session() as session:
        _refuse_patients_added_meanwhile(session, by_record, present, line_of)
        for study_id, record_rows in by_record.items():
            if study_id in present:
                continue
            items: ItemRows = []
            try:
                patient = _build_patient(study_id, record_rows, catalogue, items)
            except (StopIteration, IndexError, KeyError, ValueError) as error:
                raise ImportRejected([ImportProblem(
                    DATA, line_of[study_id], None,
                    sentence(said.INCOMPLETE_RECORD, study_id, _what_failed(error)))]) from None
            session.add(patient)
            session.flush()
            _write_items(session, items)
            summary.added.append(study_id)
            done += 1
            report(done, total)
        audit.record(session, user=user, action="import", entity="import",
                     entity_id=manifest.sha256,
                     new={"manifest_sha256": manifest.sha256, "source": str(directory),
                          "exported_at": manifest.data.get("exported_at"),
                          "added": summary.added,
                          "already_present": summary.already_present,
                          "signatures_not_imported": signatures_dropped},
                     reason="import of an export made by jdm-ctp")
    return summary


def _what_failed(error: Exception) -> str:
    """The kind of error and, for a missing column, its name: never Python's own words,
    which quote the value they could not read (a date of birth, a name)."""
    if isinstance(error, KeyError):
        return repr(error)
    return type(error).__name__


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
            sentence(said.ADDED_MEANWHILE_BY, study_id, who) if who
            else sentence(said.ADDED_MEANWHILE, study_id)))
    if problems:
        raise ImportRejected(problems)


def _conflict(study_id: str, incoming: list[list[str]], current: list[list[str]],
              header: tuple[str, ...], line: int,
              identifying: Collection[str] = ()) -> ImportProblem:
    """The first difference between the patient's rows in the file and in the database;
    the values of an ``identifying`` column are not repeated."""
    for i, (got, have) in enumerate(zip(incoming, current, strict=False)):
        for column, a, b in zip(header, got, have, strict=True):
            if a != b:
                return ImportProblem(DATA, line + i, column, sentence(
                    said.CONFLICTING_IDENTIFIER, study_id) if column in identifying
                    else sentence(said.CONFLICTING_VALUE, study_id, repr(b), repr(a)))
    return ImportProblem(DATA, line, None, sentence(
        said.CONFLICTING_ROWS, study_id, Number(str(len(current))),
        Number(str(len(incoming)))))
