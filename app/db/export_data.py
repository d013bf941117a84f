"""Read everything an export needs from ONE read-only snapshot, as plain records.

Consistency: all queries run in one transaction on one connection — SQLite: a deferred
``BEGIN`` with ``PRAGMA query_only`` (WAL gives the reader a stable snapshot from its
first read while the clinic keeps saving); PostgreSQL: ``REPEATABLE READ, READ ONLY``.
Nothing is written during the read; the audit entry for the export is written afterwards
in its own transaction.

Speed: a handful of bulk queries (no ORM objects, no per-patient queries); the item
values are streamed per block of patients through the unique (visit_id, instrument, item)
index.

De-identification (exports.md, HIPAA Safe Harbor) happens HERE, before any file is
written: in the de-identified profile the names and MRN are never read (only the date of
birth, to compute the age at enrollment in whole years), every date becomes days since
the patient's first enrollment (for a patient never enrolled: since the first screening;
a patient with neither has no dates at all), and free text (including prior-therapy
notes) and staff user names are not read into the records.
"""

from __future__ import annotations

import csv
import gc
import io
import json
import math
import os
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import partial
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, bindparam, func, null, select

from app import __version__
from app.db import audit
from app.db.access import require_actor_permission
from app.db.engine import READ_ONLY_OPTION, Database
from app.db.file_health import require_writable
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
from app.reports import redcap, wide
from app.reports.csv_safety import (
    CsvFile,
    csv_line,
    escape_text,
    format_num,
    iso_date,
    iso_datetime,
)
from app.reports.dataset import (
    EnrollmentRecord,
    ExportInfo,
    PatientRecord,
    ProtocolVersion,
    VisitRecord,
)
from app.reports.fields import INSTRUMENT_FORM, VISIT_CODES, Catalogue, build_catalogue, field_name
from app.reports.manifest import FileEntry, manifest_data, write_manifest
from app.reports.outcomes import (
    ItemValue,
    VisitScores,
    baseline_enzyme,
    compare_to_baseline,
    score_visit,
)
from app.reports.output_files import StagedFolder

PROFILES = ("deidentified", "identified")
FORMATS = ("redcap", "wide")
BLOCK = 500  # patients per item-value query
_VISIT_ORDER = {code: i for i, code in enumerate(VISIT_CODES)}
_FIRST = itemgetter(0)
RAW_ITEM_SQL = (
    "SELECT visit_id, instrument, item, value_num, value_text, unit, missing_reason "
    "FROM instrument_value WHERE visit_id IN ({}) ORDER BY visit_id, instrument, item"
)


class ExportCancelled(Exception):
    """The user pressed Cancel; no export files are left behind."""


class Snapshot:
    """A consistent, read-only transaction on one connection (context manager).

    SQLite: deferred BEGIN (the WAL snapshot is fixed by the first read) and
    ``PRAGMA query_only``; PostgreSQL: REPEATABLE READ, READ ONLY.
    """

    def __init__(self, database: Database) -> None:
        self.database = database
        self.connection: Connection | None = None

    def __enter__(self) -> Connection:
        engine = self.database.engine
        # Read-only: a deferred BEGIN, which never holds up the clinic's saves.
        connection = engine.connect().execution_options(**{READ_ONLY_OPTION: True})
        self._sqlite = engine.dialect.name == "sqlite"
        if not self._sqlite:
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
        self._transaction = connection.begin()
        if self._sqlite:
            # The engine's "begin" hook has issued a deferred BEGIN; query_only makes any
            # write on this connection fail instead of happening.
            connection.exec_driver_sql("PRAGMA query_only=ON")
        else:
            connection.exec_driver_sql("SET TRANSACTION READ ONLY")
        self.connection = connection
        return connection

    def __exit__(self, *exc: object) -> None:
        assert self.connection is not None
        try:
            if self._sqlite:
                self.connection.exec_driver_sql("PRAGMA query_only=OFF")
            self._transaction.rollback()  # read only: nothing to commit
        finally:
            self.connection.close()


@dataclass
class ExtractStats:
    unmapped_values: int = 0
    protocols: set[tuple[str, str, str]] = field(default_factory=set)


class _Dates:
    """How dates are written: ISO (identified) or days since the reference date."""

    def __init__(self, identified: bool) -> None:
        self.identified = identified
        self.reference: date | None = None

    def __call__(self, value: date | None) -> str:
        if value is None:
            return ""
        if self.identified:
            return value.isoformat()
        if self.reference is None:
            return ""
        return str((value - self.reference).days)

    def text(self, value: str | None) -> str:
        if not value:
            return ""
        try:
            return self(date.fromisoformat(value))
        except ValueError:
            return ""


def _suffix(identified: bool) -> str:
    return "_date" if identified else "_day"


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("1" if value else "0")


def _text(value: str | None) -> str:
    return "" if not value else escape_text(value)


def _rounded(value: float | None, places: int) -> str:
    if value is None or not math.isfinite(value):
        return ""
    text = f"{value:.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _json(value: Any) -> str:
    if value is None:
        return ""
    return escape_text(json.dumps(value, sort_keys=True, ensure_ascii=False,
                                  separators=(",", ":")))


def _age(born: date | None, on: date | None) -> str:
    if born is None or on is None:
        return ""
    years = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    return str(years)


def vocabularies(connection: Connection) -> tuple[list[str], list[str]]:
    """The open vocabularies that add columns: screening criteria and recorded drugs."""
    criteria = connection.execute(
        select(ScreeningAnswer.criterion_id).distinct()).scalars().all()
    items = connection.execute(
        select(InstrumentValue.item).where(InstrumentValue.instrument == "medications")
        .distinct()).scalars().all()
    drugs = set()
    for item in items:
        for suffix in ("_dose", "_frequency"):
            if item.endswith(suffix) and len(item) > len(suffix):
                drugs.add(item[: -len(suffix)])
    return sorted(criteria), sorted(drugs)


def prior_therapy_slots(connection: Connection) -> int:
    """The most prior therapies one patient has (the wide format's numbered columns)."""
    per_patient = select(func.count().label("n")).select_from(PriorTherapy).group_by(
        PriorTherapy.patient_id).subquery()
    return connection.execute(select(func.coalesce(func.max(per_patient.c.n), 0))).scalar_one()


def catalogue_for(connection: Connection, identified: bool) -> Catalogue:
    criteria, drugs = vocabularies(connection)
    return build_catalogue(identified, criteria, drugs, prior_therapy_slots(connection))


def count_patients(connection: Connection) -> int:
    return len(connection.execute(select(Patient.id)).all())


def _grouped(rows: Sequence[Any], key: str) -> dict[Any, list[Any]]:
    out: dict[Any, list[Any]] = defaultdict(list)
    for row in rows:
        out[getattr(row, key)].append(row)
    return out


# Columns never written to an export (read-time savings: no datetime parsing/JSON decoding).
_BOOKKEEPING = frozenset({"created_at", "updated_at", "version_id", "updated_by"})
# Columns only the identified profile writes (staff names, free text, schedules).
_IDENTIFIED_ONLY = frozenset({
    "screened_by", "enrolled_by", "end_reason", "notes", "created_by", "derivation",
    "override_reason", "schedule", "prescribed_by", "completed_at", "completed_by",
    "signed_at", "signed_by", "description", "action_taken", "reported_by",
})


def iter_blocks(
    connection: Connection,
    catalogue: Catalogue,
    progress: Callable[[int], None] | None = None,
) -> Iterator[list[tuple]]:
    """The rows of every patient, a block of patients at a time, in study id order, as
    plain picklable data (the arguments of ``_patient_record``)."""
    identified = catalogue.identified
    patients = connection.execute(
        select(Patient.id, Patient.study_id, Patient.sex, Patient.site).order_by(Patient.study_id)
    ).all()
    if identified:
        identity_rows = connection.execute(select(
            PatientIdentity.patient_id, PatientIdentity.given_name, PatientIdentity.family_name,
            PatientIdentity.mrn, PatientIdentity.date_of_birth)).all()
    else:
        # Only the date of birth, only to compute the age: names and MRN are never read.
        identity_rows = connection.execute(select(
            PatientIdentity.patient_id, PatientIdentity.date_of_birth)).all()
    identity = {row.patient_id: row for row in identity_rows}

    def columns(model: Any) -> list[Any]:
        # Only the columns a record is built from: no bookkeeping timestamps, and in the
        # de-identified profile no staff names or free text (never read, never decoded).
        skip = _BOOKKEEPING if identified else _BOOKKEEPING | _IDENTIFIED_ONLY
        return [c for c in model.__table__.columns if c.name not in skip]

    screenings = _grouped(connection.execute(select(*columns(Screening)).order_by(
        Screening.patient_id, Screening.screening_date, Screening.id)).all(), "patient_id")
    # The answers' free-text details (JSON) are written only by the identified profile.
    details = ScreeningAnswer.details if identified else null().label("details")
    answers = _grouped(connection.execute(select(
        ScreeningAnswer.screening_id, ScreeningAnswer.criterion_id, ScreeningAnswer.answer,
        details).order_by(ScreeningAnswer.id)).all(), "screening_id")
    # Oldest start first, as the prior-therapy dialog lists them; a therapy without a start
    # date last on every database (SQLite and PostgreSQL put NULL at opposite ends), then
    # by id: an import inserts them in instance order, so a re-export keeps the order.
    prior = _grouped(connection.execute(select(*columns(PriorTherapy)).order_by(
        PriorTherapy.patient_id, PriorTherapy.start_date.is_(None), PriorTherapy.start_date,
        PriorTherapy.id)).all(), "patient_id")
    enrollments = _grouped(connection.execute(select(*columns(Enrollment)).order_by(
        Enrollment.patient_id, Enrollment.enrollment_date, Enrollment.id)).all(), "patient_id")
    arms = _grouped(connection.execute(select(*columns(ArmAssignment)).order_by(
        ArmAssignment.enrollment_id, ArmAssignment.start_date, ArmAssignment.id)).all(),
        "enrollment_id")
    prescriptions = _grouped(connection.execute(select(*columns(Prescription)).order_by(
        Prescription.enrollment_id, Prescription.id)).all(), "enrollment_id")
    visits = _grouped(connection.execute(select(*columns(Visit))).all(), "enrollment_id")
    adverse = _grouped(connection.execute(select(*columns(AdverseEvent)).order_by(
        AdverseEvent.visit_id, AdverseEvent.id)).all(), "visit_id")

    item_query = select(
        InstrumentValue.visit_id, InstrumentValue.instrument, InstrumentValue.item,
        InstrumentValue.value_num, InstrumentValue.value_text, InstrumentValue.unit,
        InstrumentValue.missing_reason,
    ).where(InstrumentValue.visit_id.in_(bindparam("ids", expanding=True))).order_by(
        InstrumentValue.visit_id, InstrumentValue.instrument, InstrumentValue.item)

    raw = connection.connection.driver_connection if connection.dialect.name == "sqlite" \
        else None

    def read_items(visit_ids: list[int]) -> dict[int, list[Any]]:
        items_by_visit: dict[int, list[Any]] = defaultdict(list)
        if visit_ids and raw is not None:
            # The hot query (millions of rows) on the DBAPI cursor of the SAME connection
            # and transaction: same snapshot, without per-row result-object overhead.
            cursor = raw.cursor()
            try:
                cursor.execute(RAW_ITEM_SQL.format(",".join("?" * len(visit_ids))), visit_ids)
                # Rows come in visit order (the unique index): group them in C.
                for visit_id, group in groupby(cursor.fetchall(), _FIRST):
                    items_by_visit[visit_id] = list(group)
            finally:
                cursor.close()
        elif visit_ids:
            for row in connection.execute(item_query, {"ids": visit_ids}):
                items_by_visit[row[0]].append(tuple(row))
        return items_by_visit

    for start in range(0, len(patients), BLOCK):
        block = patients[start:start + BLOCK]
        items_by_visit = read_items([v.id for p in block for e in enrollments.get(p.id, ())
                                     for v in visits.get(e.id, ())])
        payload = []
        for patient in block:
            mine = enrollments.get(patient.id, [])
            scr = screenings.get(patient.id, [])
            enrollment_ids = [e.id for e in mine]
            visit_rows = {e: visits.get(e, []) for e in enrollment_ids}
            visit_ids_of = [v.id for rows in visit_rows.values() for v in rows]
            payload.append((
                patient, identity.get(patient.id), scr,
                {s.id: answers.get(s.id, []) for s in scr}, prior.get(patient.id, []), mine,
                {e: arms.get(e, []) for e in enrollment_ids},
                {e: prescriptions.get(e, []) for e in enrollment_ids}, visit_rows,
                {v: adverse.get(v, []) for v in visit_ids_of if v in adverse},
                {v: items_by_visit.get(v, []) for v in visit_ids_of},
            ))
        yield payload
        if progress is not None:
            progress(min(start + BLOCK, len(patients)))


def records_of_block(payload: list[tuple], catalogue: Catalogue,
                     stats: ExtractStats) -> Iterator[PatientRecord]:
    sfx = _suffix(catalogue.identified)
    for args in payload:
        yield _patient_record(*args, catalogue, stats, sfx)


def iter_patient_records(
    connection: Connection,
    catalogue: Catalogue,
    stats: ExtractStats,
    progress: Callable[[int], None] | None = None,
) -> Iterator[PatientRecord]:
    """Every patient as a PatientRecord, in study id order, from the open snapshot."""
    for payload in iter_blocks(connection, catalogue, progress):
        yield from records_of_block(payload, catalogue, stats)


def _patient_record(patient, ident, screenings, answers, prior, enrollments, arms,
                    prescriptions, visits, adverse, items_by_visit, catalogue: Catalogue,
                    stats: ExtractStats, sfx: str) -> PatientRecord:
    identified = catalogue.identified
    dates = _Dates(identified)
    first_enrollment = enrollments[0].enrollment_date if enrollments else None
    first_screening = next((s.screening_date for s in screenings if s.screening_date), None)
    dates.reference = first_enrollment or first_screening
    born = ident.date_of_birth if ident is not None else None

    record = PatientRecord(patient.study_id)
    values = record.values
    values["pt_sex"] = patient.sex
    values["pt_site"] = _text(patient.site)
    values["pt_age_at_enrollment"] = _age(born, first_enrollment or first_screening)
    if identified and ident is not None:
        values["pt_given_name"] = _text(ident.given_name)
        values["pt_family_name"] = _text(ident.family_name)
        values["pt_mrn"] = _text(ident.mrn)
        values["pt_date_of_birth"] = iso_date(ident.date_of_birth)

    for s in screenings:
        stats.protocols.add((s.protocol_id, s.protocol_version, s.protocol_hash))
        v = {
            "scr_protocol_id": _text(s.protocol_id),
            "scr_protocol_version": _text(s.protocol_version),
            "scr_protocol_hash": s.protocol_hash,
            "scr_status": s.status,
            "scr_verdict": s.verdict or "",
            f"scr{sfx}": dates(s.screening_date),
        }
        details = {}
        for a in answers.get(s.id, ()):
            v[f"scr_{field_name(a.criterion_id)}"] = a.answer
            if a.details is not None:
                details[a.criterion_id] = a.details
        if identified:
            v["scr_by"] = _text(s.screened_by)
            v["scr_details_json"] = _json(details) if details else ""
        record.screenings.append(v)
        record.screening_statuses.append(s.status)

    # Dates like every other date (days since the reference date when de-identified);
    # the free-text notes only in the identified profile (not even read otherwise).
    for p in prior:
        v = {"prior_drug": _text(p.drug), f"prior_start{sfx}": dates(p.start_date),
             f"prior_stop{sfx}": dates(p.stop_date),
             "prior_reason_stopped": p.reason_stopped or "",
             f"prior_last_dose{sfx}": dates(p.last_dose_date),
             "prior_b_cells": _yes_no(p.b_cells_detectable),
             "prior_for_skin": _yes_no(p.for_skin_disease)}
        if identified:
            v["prior_notes"] = _text(p.notes)
        record.prior_therapies.append(v)

    screening_instance = {s.id: i for i, s in enumerate(screenings, start=1)}
    for e in enrollments:
        stats.protocols.add((e.protocol_id, e.protocol_version, e.protocol_hash))
        er = EnrollmentRecord()
        er.values = {
            "enr_screening_instance": str(screening_instance.get(e.screening_id, "")),
            "enr_protocol_id": _text(e.protocol_id),
            "enr_protocol_version": _text(e.protocol_version),
            "enr_protocol_hash": e.protocol_hash,
            f"enr{sfx}": dates(e.enrollment_date),
            "enr_sun_counselled": _yes_no(e.sun_protection_counselled),
            "enr_status": e.status,
            f"enr_ended{sfx}": dates(e.ended_on),
        }
        if identified:
            er.values["enr_by"] = _text(e.enrolled_by)
            er.values["enr_end_reason"] = _text(e.end_reason)
        arm_rows = arms.get(e.id, [])
        arm_instance = {a.id: i for i, a in enumerate(arm_rows, start=1)}
        for a in arm_rows:
            v = {"arm_id": _text(a.arm_id), f"arm_start{sfx}": dates(a.start_date),
                 f"arm_end{sfx}": dates(a.end_date), "arm_reason": _text(a.reason)}
            if identified:
                v["arm_notes"] = _text(a.notes)
                v["arm_created_by"] = _text(a.created_by)
            er.arms.append(v)
        for rx in prescriptions.get(e.id, []):
            inputs = rx.inputs if isinstance(rx.inputs, dict) else {}

            def number(key: str, inputs: dict = inputs) -> str:
                value = inputs.get(key)
                return format_num(value) if isinstance(value, int | float) else ""

            v = {
                "rx_drug": _text(rx.drug), "rx_role": rx.role,
                "rx_arm_instance": str(arm_instance.get(rx.arm_assignment_id, "")),
                "rx_calculated": _yes_no(rx.calculated), "rx_amount": format_num(rx.amount),
                "rx_final_amount": format_num(rx.final_amount), "rx_unit": _text(rx.unit),
                "rx_per": _text(rx.per), "rx_frequency": _text(rx.frequency),
                "rx_route": _text(rx.route), "rx_capped": _yes_no(rx.capped),
                "rx_status": _text(rx.status), "rx_source": _text(rx.source),
                "rx_weight_kg": number("weight_kg"), "rx_height_cm": number("height_cm"),
                "rx_bsa_m2": number("bsa_m2"),
                f"rx_start{sfx}": dates(rx.start_date), f"rx_stop{sfx}": dates(rx.stop_date),
            }
            if identified:
                v["rx_derivation"] = _text(rx.derivation)
                v["rx_override_reason"] = _text(rx.override_reason)
                v["rx_inputs_json"] = _json(rx.inputs)
                v["rx_schedule_json"] = _json(rx.schedule)
                v["rx_prescribed_by"] = _text(rx.prescribed_by)
            er.prescriptions.append(v)

        visit_rows = sorted(visits.get(e.id, []),
                            key=lambda x: (_VISIT_ORDER.get(x.visit_code, 99), x.occurrence))
        baseline_scores: VisitScores | None = None
        most: Any = True
        for vis in visit_rows:
            vr, scores = _visit_record(vis, items_by_visit.get(vis.id, ()), adverse, catalogue,
                                       stats, dates, sfx)
            on = vis.visit_date or vis.target_date
            if on is not None:
                current = [a for a in arm_rows if a.start_date <= on
                           and (a.end_date is None or a.end_date >= on)]
                vr.arm_at_visit = escape_text(current[-1].arm_id) if current else ""
            is_baseline = vis.visit_code == "baseline"
            if is_baseline and baseline_scores is None and vr.forms_with_data:
                baseline_scores = scores
                most = baseline_enzyme(scores, explain=False)
            if vr.forms_with_data:
                _add_response(vr, scores, baseline_scores, is_baseline,
                              most if baseline_scores is not None else None)
            er.visits.append(vr)
        record.enrollments.append(er)
    return record


def _visit_record(vis, items, adverse, catalogue: Catalogue, stats: ExtractStats,
                  dates: _Dates, sfx: str) -> tuple[VisitRecord, VisitScores]:
    identified = catalogue.identified
    vr = VisitRecord(vis.visit_code, vis.occurrence, vis.status)
    values = vr.values
    values.update({
        "vis_label": _text(vis.label), "vis_status": vis.status,
        f"vis_target{sfx}": dates(vis.target_date),
        f"vis_window_start{sfx}": dates(vis.window_start),
        f"vis_window_end{sfx}": dates(vis.window_end),
        f"vis{sfx}": dates(vis.visit_date),
        "vis_signature_meaning": _text(vis.signature_meaning),
    })
    if identified:
        values.update({
            "vis_completed_at": iso_datetime(vis.completed_at),
            "vis_completed_by": _text(vis.completed_by),
            "vis_signed_at": iso_datetime(vis.signed_at),
            "vis_signed_by": _text(vis.signed_by),
        })
    plan = _item_plan(catalogue)
    scoring: dict[str, dict[str, ItemValue]] = {}
    forms = vr.forms_with_data
    num_text = _NUM_TEXT
    num_kind, code_num_kind, check_kind, date_kind = _NUM, _CODE_NUM, _CHECK, _DATE
    # Rows come grouped by instrument (ORDER BY visit_id, instrument, item); correct
    # without that too: a repeated instrument updates, forms is a set.
    for instrument, group in groupby(items, _SECOND):
        rows = list(group)
        if instrument in _SCORED:
            # What score_visit reads: item -> ItemValue, built in C for the whole group.
            new = zip(map(_THIRD, rows), map(_new_item_value, map(_ITEM_VALUE_FIELDS, rows)),
                      strict=True)
            scored = scoring.get(instrument)
            if scored is None:
                scoring[instrument] = dict(new)
            else:
                scored.update(new)
        entry = plan.get(instrument)
        steps = entry[1] if entry is not None else _NO_STEPS
        mapped = False
        for row in rows:
            step = steps.get(row[2])
            if step is None:
                if identified or not (instrument == "medications" and row[2] == "other"):
                    stats.unmapped_values += 1
                continue
            mapped = True
            column, kind, unit_column, unit_codes, missing_column = step
            num = row[3]
            if kind is num_kind:
                if num is None:
                    value = ""
                else:
                    value = num_text.get(num)
                    if value is None:
                        value = _num_text(num)
            elif kind is code_num_kind:
                if num is None:
                    value = _text(row[4])
                elif type(num) is float:  # format_num of a float is _num_text
                    value = num_text.get(num)
                    if value is None:
                        value = _num_text(num)
                else:
                    value = format_num(num)
            elif kind is check_kind:
                value = "1" if num == 1 else ""
            elif kind is date_kind:
                value = dates.text(row[4])
            else:
                value = _text(row[4])
            if value:
                values[column] = value
            if unit_column is not None:
                unit = row[5]
                if unit:
                    if unit_codes is not None:
                        values[unit_column] = unit_codes.get(unit, "")
                    else:
                        values[unit_column] = _text(unit)
            if missing_column is not None:
                missing = row[6]
                if missing:
                    values[missing_column] = missing
        if mapped:
            forms.add(entry[0])  # type: ignore[index]
    scores = score_visit(scoring, explain=False) if items else VisitScores()
    if scores.cmas is not None and "cmas" in forms:
        values["cmas_total"] = "" if scores.cmas.total is None else str(scores.cmas.total)
        values["cmas_partial_sum"] = str(scores.cmas.partial_sum)
    if scores.chaq is not None and "chaq" in forms:
        values["chaq_di"] = _rounded(scores.chaq.disability_index, 3)
    if scores.mmt8 is not None and "mmt8" in forms:
        values["mmt8_total"] = "" if scores.mmt8.total is None else str(scores.mmt8.total)
    for code, result in scores.enzymes.items():
        values[f"enz_{code}_xuln"] = _rounded(result.times_uln, 2)
    for ae in adverse.get(vis.id, ()):
        v = {f"ae_onset{sfx}": dates(ae.onset_date), f"ae_resolved{sfx}": dates(ae.resolved_date),
             "ae_serious": _yes_no(ae.serious), "ae_relation": ae.relation or ""}
        if identified:
            v["ae_description"] = _text(ae.description)
            v["ae_action"] = _text(ae.action_taken)
            v["ae_reported_by"] = _text(ae.reported_by)
        vr.adverse_events.append(v)
    return vr, scores


# ---------------------------------------------------------------- pivoting item values

_NUM, _CODE_NUM, _CHECK, _DATE, _TEXT = "num", "code_num", "check", "date", "text"
_KINDS = {k: k for k in (_NUM, _CODE_NUM, _CHECK, _DATE)}
_SCORED = frozenset({"cmas", "chaq", "mmt8", "enzymes", "global"})  # read by score_visit
_new_item_value = partial(tuple.__new__, ItemValue)  # ItemValue(*fields), in C
_ITEM_VALUE_FIELDS = itemgetter(slice(3, 7))  # num, text, unit, missing of an item row
_SECOND = itemgetter(1)
_THIRD = itemgetter(2)
_NO_STEPS: dict[str, tuple] = {}
_NUM_TEXT: dict[float, str] = {}  # text of a stored number (bounded cache, see _num_text)
_PLANS: dict[int, tuple[Catalogue, dict]] = {}


def _num_text(num: float) -> str:
    """The CSV text of a stored number (whole: "3"; else the shortest repr), cached."""
    if num.is_integer() and -1e15 < num < 1e15:
        text = str(int(num))
    else:
        text = repr(num)
    if len(_NUM_TEXT) < 200_000:
        _NUM_TEXT[num] = text
    return text


def _item_plan(catalogue: Catalogue) -> dict[str, tuple[str, dict[str, tuple]]]:
    """Per instrument: its form and, per item, column, kind, unit column, unit codes
    (stored -> csv code; None = write the unit itself), missing-reason column: the
    catalogue's ItemField rules as plain tuples, built once per catalogue."""
    cached = _PLANS.get(id(catalogue))
    if cached is not None and cached[0] is catalogue:
        return cached[1]
    plan: dict[str, tuple[str, dict[str, tuple]]] = {}
    for (instrument, item), spec in catalogue.item_map.items():
        unit_codes = None
        if spec.unit_codes and spec.unit_codes[0] != "*":
            unit_codes = {}
            for code, stored in spec.unit_codes:
                unit_codes.setdefault(stored, code)  # first code wins, as before
        entry = plan.setdefault(instrument, (INSTRUMENT_FORM[spec.instrument], {}))
        entry[1][item] = (spec.column, _KINDS.get(spec.kind, _TEXT), spec.unit_column or None,
                          unit_codes, spec.missing_column or None)
    _PLANS.clear()
    _PLANS[id(catalogue)] = (catalogue, plan)
    return plan

def _codes(items: Sequence[str]) -> str:
    return ";".join(items)


def _add_response(vr: VisitRecord, scores: VisitScores, baseline: VisitScores | None,
                  is_baseline: bool, most: Any) -> None:
    values = vr.values
    response = compare_to_baseline(baseline, scores, is_baseline=is_baseline, most=most,
                                   explain=False)
    if response.most_abnormal is not None and response.most_abnormal.enzyme:
        values["enz_most_abnormal"] = response.most_abnormal.enzyme
        values["enz_followed_xuln"] = _rounded(response.followed_xuln, 2)
    if scores.printo is not None:
        values["resp_printo_status"] = scores.printo.status.value
        values["resp_printo_met"] = _codes(scores.printo.met)
    tis = response.tis
    if tis is not None:
        values["resp_tis"] = _rounded(tis.tis, 2)
        values["resp_tis_category"] = tis.category.value if tis.category else ""
        values["resp_tis_provisional"] = "1" if tis.provisional else "0"
        values["resp_tis_missing"] = _codes(
            [m.measure.value for m in tis.measures if m.points is None])
    imacs = response.imacs
    if imacs is not None:
        values["resp_imacs_status"] = imacs.status.value
        values["resp_imacs_improved"] = _codes(imacs.improved_measures)
        values["resp_imacs_worsened"] = _codes(imacs.worsened_measures)
    if (scores.printo is not None or tis is not None or imacs is not None
            or any(k.startswith("resp_") for k in values)):
        vr.forms_with_data.add("response")


def protocol_versions(stats: ExtractStats) -> tuple[ProtocolVersion, ...]:
    return tuple(ProtocolVersion(*p) for p in sorted(stats.protocols))


# ------------------------------------------------------------------ writing an export


def _render_block(job: tuple[list[tuple], Catalogue, str]) -> tuple[str, int, int, int, int,
                                                                      set]:
    """CSV text of one block of patients (runs in this process or in a worker process:
    it only needs the plain rows read from the snapshot, never the database)."""
    payload, catalogue, fmt = job
    stats = ExtractStats()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    layout: Any = redcap.DataLayout(catalogue) if fmt == "redcap" else wide.WideLayout(catalogue)
    rows = records = 0
    max_arm = 1
    lines: list[str] = []
    for record in records_of_block(payload, catalogue, stats):
        records += 1
        max_arm = max(max_arm, len(record.enrollments))
        rendered = (redcap.record_rows(layout, record) if fmt == "redcap"
                    else wide.visit_rows(layout, record))
        for row in rendered:
            lines.append(csv_line(row, writer, buffer))
            rows += 1
    lines.append("")
    return ("\r\n".join(lines) if rows else ""), rows, max_arm, records, \
        stats.unmapped_values, stats.protocols


@dataclass
class ExportResult:
    directory: Path
    files: list[FileEntry]
    records: int
    manifest: dict


def _run_jobs(jobs: Iterator[tuple], workers: int) -> Iterator[tuple]:
    """Render blocks in order; with workers, at most 2 blocks per worker in flight."""
    if workers <= 1:
        for job in jobs:
            yield _render_block(job)
        return
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    # "spawn": never fork a process that holds database connections or Qt threads.
    with ProcessPoolExecutor(max_workers=workers,
                             mp_context=multiprocessing.get_context("spawn")) as pool:
        pending: deque = deque()
        try:
            for job in jobs:
                pending.append(pool.submit(_render_block, job))
                if len(pending) >= 2 * workers:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()


# Scoring tens of thousands of visits is CPU-bound; below this size the worker start-up
# (each imports the application) costs more than it saves.
AUTO_WORKERS_FROM = 2000


def choose_workers(requested: int | None, patients: int) -> int:
    """The worker count for an export: what was asked, else 2 for a large database when the
    machine has at least 2 cores (the database is still read once, in one snapshot)."""
    if requested is not None:
        return max(1, requested)
    cores = os.cpu_count() or 1
    return 2 if cores >= 2 and patients >= AUTO_WORKERS_FROM else 1


def default_workers(database: Database, requested: int | None = None) -> int:
    with database.reading() as session:
        patients = session.scalar(select(func.count()).select_from(Patient)) or 0
    return choose_workers(requested, patients)


def export_database(
    database: Database,
    out_dir: Path,
    *,
    profile: str = "deidentified",
    fmt: str = "redcap",
    bom: bool = False,
    user: str = "",
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    now: datetime | None = None,
    workers: int = 1,
) -> ExportResult:
    """Write one export into ``out_dir`` (created if needed) and audit it.

    The files appear in ``out_dir`` only complete and audited (app.reports.output_files);
    on any failure (a full disk: OutputWriteError) nothing is left behind. A database that
    cannot take the audit entry is refused first (app.db.file_health.require_writable).
    ``progress(done, total)`` is called per block of patients; ``cancelled()`` is polled
    and, when true, the files written so far are removed and ExportCancelled is raised.
    ``workers`` > 1 renders blocks of patients in that many worker processes (the scores
    are CPU-bound); the database is still read once, by this process, in one snapshot.
    """
    if profile not in PROFILES:
        raise ValueError(f"profile must be one of {', '.join(PROFILES)}")
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    identified = profile == "identified"
    require_actor_permission(database.actor, Permission.EXPORT_IDENTIFIED if identified
                             else Permission.EXPORT_DEIDENTIFIED)
    # The export ends with its audit entry: a database that cannot take it (read-only,
    # found damaged) is refused before the first file is written.
    require_writable(database)
    stats = ExtractStats()
    files: list[FileEntry] = []
    records = 0
    # Everything is written into a staging folder and moved into ``out_dir`` only once
    # complete and audited: a full disk or a cancel leaves no folder and no partial file.
    with StagedFolder(out_dir) as staged:
        stage = staged.path

        def finish(csv_file: CsvFile, path: Path) -> None:
            sha, rows = csv_file.close()
            files.append(FileEntry(path.name, sha, rows, path.stat().st_size))

        def simple(name: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
            path = stage / name
            csv_file = CsvFile(path, header, bom=bom)
            try:
                csv_file.write_rows(rows)
            except BaseException:
                csv_file.abandon()
                raise
            finish(csv_file, path)

        # The export builds millions of short-lived tuples and no reference cycles: the
        # cyclic collector would only re-scan the block in memory again and again.
        collecting = gc.isenabled()
        gc.disable()
        try:
            with Snapshot(database) as connection:
                catalogue = catalogue_for(connection, identified)
                total = count_patients(connection)
                path = stage / (f"{fmt}_data.csv" if fmt == "wide" else "redcap_data.csv")
                if fmt == "redcap":
                    layout = redcap.DataLayout(catalogue)
                    header = layout.header
                else:
                    wide_layout = wide.WideLayout(catalogue)
                    header = wide_layout.header
                data = CsvFile(path, header, bom=bom)

                def report(done: int) -> None:
                    if cancelled is not None and cancelled():
                        raise ExportCancelled("Export cancelled; no files were kept.")
                    if progress is not None:
                        progress(done, total)

                try:
                    report(0)
                    max_arm = 1
                    jobs = ((payload, catalogue, fmt)
                            for payload in iter_blocks(connection, catalogue, report))
                    for text, rows, arms, count, unmapped, protocols in _run_jobs(jobs,
                                                                                  workers):
                        data.write_text(text, rows)
                        records += count
                        max_arm = max(max_arm, arms)
                        stats.unmapped_values += unmapped
                        stats.protocols |= protocols
                except BaseException:
                    data.abandon()  # a full disk, a cancel: the staging folder goes
                    raise
                finish(data, path)
            if fmt == "redcap":
                simple("redcap_data_dictionary.csv", redcap.DICTIONARY_HEADER,
                       redcap.dictionary_rows(catalogue))
                simple("redcap_instrument_event_mapping.csv", redcap.MAPPING_HEADER,
                       redcap.mapping_rows(max_arm, catalogue))
                simple("redcap_events.csv", redcap.EVENTS_HEADER, redcap.events_rows(max_arm))
            else:
                simple("wide_codebook.csv", wide.CODEBOOK_HEADER, wide.codebook_rows(catalogue))
        finally:
            if collecting:
                gc.enable()
        info = ExportInfo(profile, fmt, __version__, protocol_versions(stats),
                          now or datetime.now(UTC), user, bom, stats.unmapped_values)
        data_manifest = manifest_data(info, files, records)
        write_manifest(stage, data_manifest)
        # The files appear inside the audit transaction: if the entry cannot be committed
        # the exception leaves this block and StagedFolder takes the files back.
        with database.session() as session:
            audit.record(session, user=user or "unknown", action="export", entity="export",
                         entity_id=profile, new={"format": fmt, "profile": profile,
                                                 "records": records,
                                                 "directory": str(out_dir)})
            session.flush()
            staged.publish()
    return ExportResult(out_dir, files, records, data_manifest)
