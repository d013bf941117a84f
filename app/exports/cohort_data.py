"""The cohort view's plain data (``app.domain.cohort``) read from the database.

One read-only unit (``Database.reading()``), the permission to view data checked here for
the window and the command alike, a handful of bulk queries (no ORM objects, no query per
patient), and every visit scored by the one scoring path (``score_visit``,
``compare_to_baseline``). Patients are known by study id only: names are never read; the
date of birth is read only to compute the age at enrollment.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.catalog import protocol_catalog
from app.db import score_cache
from app.db.access import require_permission
from app.db.engine import Database
from app.db.models import (
    AdverseEvent,
    ArmAssignment,
    Enrollment,
    Patient,
    PatientIdentity,
    Prescription,
)
from app.db.score_cache import stamp as score_stamp
from app.domain.cohort.collector import cycles_collected_after
from app.domain.cohort.data import (
    DAILY_CORTICOSTEROIDS,
    RELATED,
    SKIN_VAS,
    AdverseEventRecord,
    CohortPatient,
    VisitOutcome,
    baseline_of,
    daily_steroid_mg_kg,
    on_daily_steroid,
    outcome_from,
    scored_values,
)
from app.domain.cohort.outcomes import (
    RESPONSE_MONTHS,
    CohortOutcomes,
    cohort_outcomes,
    plan_layout,
)
from app.domain.cohort.stats import DAYS_PER_YEAR
from app.domain.disease_history import disease_duration_at
from app.domain.instruments.steroid_exposure import STORED as STEROIDS
from app.domain.instruments.steroid_exposure import SteroidVisit
from app.domain.permissions import Permission
from app.domain.protocol import Protocol
from app.domain.visit_response import Baseline, compare_to_baseline
from app.domain.visit_scores import score_visit
from app.exports.cohort_queries import (
    BLOCK,
    FOR_PRINTO,
    FULL,
    KEPT_FULL,
    NUMBERS,
    VisitRow,
    add_numbers,
    antibodies_reader,
    items_reader,
    numbers_reader,
    read_stored_scores,
    read_visit_rows,
)
from app.exports.records import COHORT_KEY


class CohortDataError(Exception):
    """The cohort cannot be shown as asked (an unknown plan); the message is plain."""


@dataclass(frozen=True)
class CohortData:
    protocol: Protocol
    patients: tuple[CohortPatient, ...]


def enrolled_protocols(database: Database) -> list[tuple[str, int]]:
    """The plans with enrollments in this database, most enrollments first."""
    with database.reading() as session:
        require_permission(session, Permission.VIEW_DATA)
        rows = session.execute(select(Enrollment.protocol_id, func.count())
                               .group_by(Enrollment.protocol_id)).all()
    return sorted(((p, n) for p, n in rows), key=lambda r: (-r[1], r[0]))


def read_cohort(database: Database, protocol_id: str | None = None,
                progress: Callable[[int, int], None] | None = None, *,
                keep_scores: bool = False) -> CohortData:
    """Every enrollment in ``protocol_id`` (default: the plan with most enrollments), as
    plain data with its visits scored.

    ``keep_scores`` (the window, opened again and again at a site): the cohort's values
    of the visits scored here for lack of stored ones are then kept (``_keep``) so that
    the next read is lean, when the person may enter data. Without it (the command, a
    report) the database is only read, its file left byte for byte as it was."""
    to_keep: list[tuple[int, str, str]] = []
    with database.reading() as session, cycles_collected_after():
        actor = require_permission(session, Permission.VIEW_DATA)
        keep = keep_scores and actor.may(Permission.ENTER_DATA)
        read_at_head = score_cache.audit_head_id(session.connection()) if keep else 0
        data = _read(session, protocol_id, progress, to_keep if keep else None)
    if to_keep:
        _keep(database, to_keep, read_at_head)
    return data


# A row of stored scores written by the cohort holds only the cohort's values
# ({COHORT_KEY: scored_values}), not the export's columns: its stamp is the export's
# stamp after this prefix, which the export never expects (it computes that visit again
# and stores its whole scores), and which the cohort reads as its own.
COHORT_ONLY = "cohort|"


def _keep(database: Database, rows: list[tuple[int, str, str]], read_at_head: int) -> None:
    """Store the cohort's values computed from the snapshot at audit head ``read_at_head``
    (app.db.score_cache.store keeps nothing if anything was committed since), in a
    transaction of its own after the read. The figures are already computed and do not
    depend on it: a database that cannot be written now (a read-only file or server
    role, a full disk, another writer holding it too long) only leaves the next read
    slow, so such a failure is not the reader's."""
    try:
        with database.session() as session:
            score_cache.store(session, rows, read_at_head)
    except DBAPIError:
        pass


def compute_cohort(database: Database, protocol_id: str | None = None) -> CohortOutcomes:
    data = read_cohort(database, protocol_id)
    arms, schedule = plan_layout(data.protocol)
    return cohort_outcomes(data.patients, arms, schedule)


def _choose_protocol(session: Session, protocol_id: str | None) -> Protocol:
    catalog = protocol_catalog().protocols
    if protocol_id is None:
        counts = session.execute(select(Enrollment.protocol_id, func.count())
                                 .group_by(Enrollment.protocol_id)).all()
        installed = sorted(((n, p) for p, n in counts if p in catalog), reverse=True)
        if not installed:
            if not catalog:
                raise CohortDataError("no treatment plan is installed")
            return catalog[sorted(catalog)[0]]
        protocol_id = installed[0][1]
    if protocol_id not in catalog:
        raise CohortDataError(
            f"no installed treatment plan has the id {protocol_id!r}; installed: "
            f"{', '.join(sorted(catalog)) or 'none'}")
    return catalog[protocol_id]


def _read(session: Session, protocol_id: str | None,
          progress: Callable[[int, int], None] | None,
          to_keep: list[tuple[int, str, str]] | None = None) -> CohortData:
    """``to_keep``: a list to add (visit id, stamp, JSON) of each visit scored here whose
    stored row is missing or stale, to keep (None: none are kept)."""
    protocol = _choose_protocol(session, protocol_id)
    months = {v.id: v.offset_months for v in protocol.visits}
    baseline_code = min(protocol.visits, key=lambda v: v.offset_months).id \
        if protocol.visits else "baseline"
    enrollments = session.execute(
        select(Enrollment.id, Enrollment.patient_id, Enrollment.enrollment_date,
               Enrollment.status, Enrollment.protocol_hash, Patient.study_id, Patient.sex,
               Patient.onset_date,
               PatientIdentity.date_of_birth)
        .join(Patient, Patient.id == Enrollment.patient_id)
        .outerjoin(PatientIdentity, PatientIdentity.patient_id == Patient.id)
        .where(Enrollment.protocol_id == protocol.id)
        .order_by(Patient.study_id, Enrollment.id)).all()
    ids = {e.id for e in enrollments}
    arms: dict[int, list[Any]] = defaultdict(list)
    for row in session.execute(select(ArmAssignment.enrollment_id, ArmAssignment.arm_id)
                               .order_by(ArmAssignment.enrollment_id,
                                         ArmAssignment.start_date, ArmAssignment.id)):
        if row.enrollment_id in ids:
            arms[row.enrollment_id].append(row.arm_id)
    steroid: dict[int, float] = {}
    for row in session.execute(
            select(Prescription.enrollment_id, Prescription.amount,
                   Prescription.final_amount, Prescription.inputs)
            .where(Prescription.role == "concomitant", Prescription.per == "day",
                   Prescription.drug.in_(DAILY_CORTICOSTEROIDS))
            .order_by(Prescription.enrollment_id, Prescription.id)):
        if row.enrollment_id in ids and row.enrollment_id not in steroid:
            mg = row.final_amount if row.final_amount is not None else row.amount
            weight = (row.inputs or {}).get("weight_kg") if isinstance(row.inputs, dict) \
                else None
            if mg is not None and isinstance(weight, int | float) and weight > 0:
                steroid[row.enrollment_id] = mg / weight
    visits: dict[int, list[VisitRow]] = defaultdict(list)
    for row in read_visit_rows(session, protocol.id):
        visits[row.enrollment_id].append(row)
    adverse: dict[int, list[AdverseEventRecord]] = defaultdict(list)
    for row in session.execute(select(AdverseEvent.visit_id, AdverseEvent.serious,
                                      AdverseEvent.relation, AdverseEvent.category)):
        adverse[row.visit_id].append(AdverseEventRecord(
            bool(row.serious), None if row.relation is None else row.relation in RELATED,
            row.category or None))

    full_codes = {baseline_code} | {v.id for v in protocol.visits
                                    if v.offset_months in RESPONSE_MONTHS}
    items = items_reader(session)
    numbers = numbers_reader(session)
    antibodies = antibodies_reader(session)
    stored = read_stored_scores(session, protocol.id)
    out: list[CohortPatient] = []
    done = 0
    # Items are read per block of enrollments so that memory stays bounded.
    for start in range(0, len(enrollments), BLOCK // 8):
        block = enrollments[start:start + BLOCK // 8]
        # An enrollment whose every visit has its scores stored (app.db.score_cache) is
        # read lean: only the items the scores do not give (medications, and at baseline
        # the autoantibodies), and nothing is scored again.
        kept = {e.id: _kept_scores(e, visits.get(e.id, []), stored, baseline_code,
                                   full_codes) for e in block}
        computed = [e for e in block if kept[e.id] is None]
        lean = [e for e in block if kept[e.id] is not None]
        block_visits = [v for e in computed for v in visits.get(e.id, ())]
        values = items([v.id for v in block_visits if v.visit_code in full_codes],
                       FULL)
        scored = {e.id: _baseline_of(visits.get(e.id, []), values, baseline_code)
                  for e in computed}
        for e in lean:
            base_row = next((v for v in visits.get(e.id, ()) if v.visit_code == baseline_code),
                            None)
            scored[e.id] = (base_row, kept[e.id].get(base_row.id) if base_row else None)
        # The other visits: PRINTO's measures only for a child whose status at baseline is
        # known and not inactive (only they enter the time to inactive disease).
        values.update(items([v.id for e in computed for v in visits.get(e.id, ())
                             if v.visit_code not in full_codes
                             and _needs_printo(scored[e.id][1])], FOR_PRINTO))
        lean_visits = [(e, v) for e in lean for v in visits.get(e.id, ())]
        values.update(items([v.id for e, v in lean_visits if v.visit_code in full_codes],
                            KEPT_FULL))
        # The baseline visits' autoantibodies tested.
        antibodies([scored[e.id][0].id for e in block if scored[e.id][0] is not None],
                   values)
        # Every visit's skin VAS, steroid doses and weight; the baseline's also among its
        # items (the baseline table reads them there).
        visit_numbers = {row[0]: row for row in
                         numbers([v.id for e in block for v in visits.get(e.id, ())])}
        add_numbers(values, [visit_numbers[scored[e.id][0].id] for e in block
                              if scored[e.id][0] is not None])
        for e in block:
            fresh: dict[int, dict] | None = \
                {} if to_keep is not None and kept[e.id] is None else None
            out.append(_patient(e, arms.get(e.id, []), visits.get(e.id, []), values,
                                visit_numbers, adverse, steroid.get(e.id), months, scored[e.id],
                                full_codes, protocol.id, kept[e.id], fresh))
            if fresh and scored[e.id][0] is not None:
                to_keep.extend(_fresh_rows(e, visits.get(e.id, []), scored[e.id][0], fresh,
                                           stored))  # type: ignore[union-attr]
        done += len(block)
        if progress is not None:
            progress(done, len(enrollments))
    return CohortData(protocol, tuple(out))


def _kept_scores(e: Any, visit_rows: list[Any], stored: dict[int, tuple[str, str]],
                 baseline_code: str, full_codes: set[str]) -> dict[int, dict] | None:
    """The cohort's values (``scored_values``) of the enrollment's visits, when each visit
    ``_patient`` reads them of is stored with the stamp this visit, this baseline and
    this plan file give, by the export or by the cohort (None when one is missing or
    stale: the enrollment is then scored from its items). Those visits are the baseline,
    the month-6/12 visits and, while PRINTO is needed, the others (as ``_patient``
    decides from the same values); an enrollment without a baseline visit is scored."""
    base_row = next((v for v in visit_rows if v.visit_code == baseline_code), None)
    if base_row is None:
        return None
    base = (base_row.id, base_row.version_id)

    def current(v: Any) -> dict | None:
        # Only the rows of the visits read are decoded (not those after PRINTO's answer).
        found = stored.get(v.id)
        if found is None:
            return None
        expected = score_stamp(v.version_id, base, e.protocol_hash)
        if found[0] == expected or found[0] == COHORT_ONLY + expected:
            return _cohort_values(found[1])
        return None

    base_values = current(base_row)
    if base_values is None:
        return None
    kept: dict[int, dict] = {base_row.id: base_values}
    need_printo = _needs_printo(base_values)
    for v in visit_rows:
        if v is base_row:
            continue
        full = v.visit_code in full_codes
        if full or need_printo:
            values = current(v)
            if values is None or (full and not values["response"]):
                return None
            kept[v.id] = values
            if values["printo_inactive"]:
                need_printo = False
    return kept


def _fresh_rows(e: Any, visit_rows: list[Any], base_row: Any, fresh: dict[int, dict],
                stored: dict[int, tuple[str, str]]) -> list[tuple[int, str, str]]:
    """The rows to keep of the cohort's values just computed (``fresh``: visit id ->
    ``scored_values``) of visits whose stored row is missing or stale (a current row,
    the export's whole scores above all, is left as it is)."""
    base = (base_row.id, base_row.version_id)
    rows = []
    for v in visit_rows:
        values = fresh.get(v.id)
        if values is None:
            continue
        expected = score_stamp(v.version_id, base, e.protocol_hash)
        found = stored.get(v.id)
        if found is not None and found[0] in (expected, COHORT_ONLY + expected):
            continue
        rows.append((v.id, COHORT_ONLY + expected,
                     json.dumps({COHORT_KEY: values}, separators=(",", ":"))))
    return rows


_COHORT_MEMBER = f'"{COHORT_KEY}":'
_DECODER = json.JSONDecoder()


def _cohort_values(stored: str) -> dict | None:
    """The cohort's part of a visit's stored scores (``COHORT_KEY``). The export writes
    it as the last member of the object (app.exports.records.computed_scores), so only
    that member is decoded, most of the text (the export's columns) is not; any other
    shape is decoded whole. (A quote inside a JSON string is escaped, so the member's
    name in quotes, after a comma or brace, with only the closing brace after its value,
    is the top-level member.)"""
    at = stored.rfind(_COHORT_MEMBER)
    if at > 0 and stored[at - 1] in ",{":
        try:
            value, end = _DECODER.raw_decode(stored, at + len(_COHORT_MEMBER))
        except ValueError:
            end = -1
        if end == len(stored) - 1 and stored[end] == "}" and isinstance(value, dict):
            return value
    whole = json.loads(stored)
    return whole.get(COHORT_KEY) if isinstance(whole, dict) else None


def _baseline_of(visit_rows: list[Any], values: dict[int, dict[str, dict]],
                 baseline_code: str) -> tuple[Any, dict | None, Baseline | None]:
    """The baseline visit row, its ``scored_values`` and the Baseline later visits
    compare with."""
    base_row = next((v for v in visit_rows if v.visit_code == baseline_code), None)
    base_values = values.get(base_row.id, {}) if base_row is not None else {}
    scores = score_visit(base_values, explain=False)
    return base_row, scored_values(scores, None), (Baseline.of(scores, explain=False)
                                                    if base_row is not None else None)


def _needs_printo(scored: dict | None) -> bool:
    return scored is not None and scored["printo_inactive"] is False


# Where each number SteroidVisit and the skin VAS take is in a NUMBERS row (after the
# visit id).
_SKIN, _PREDNISONE, _PULSES, _PULSE_MG, _WEIGHT = (1 + NUMBERS.index(n) for n in (
    ("global", SKIN_VAS), (STEROIDS, "prednisone_mg_day"), (STEROIDS, "ivmp_pulses"),
    (STEROIDS, "ivmp_dose_mg"), ("vitals", "weight_kg")))
_NO_NUMBERS = (None,) * (1 + len(NUMBERS))
_NOTHING: dict[str, dict] = {}


def steroid_visit_of(day: date, numbers: tuple) -> SteroidVisit:
    """A visit's ``SteroidVisit`` from its NUMBERS row: what ``steroid_visit`` gives from
    its items (tests/db/test_db_cohort_data.py checks it)."""
    return SteroidVisit(day, numbers[_PREDNISONE], numbers[_PULSES], numbers[_PULSE_MG],
                        numbers[_WEIGHT])


def _patient(e: Any, arm_ids: list[str], visit_rows: list[Any],
             values: dict[int, dict[str, dict]], numbers: dict[int, tuple],
             adverse: dict[int, list[AdverseEventRecord]],
             steroid: float | None, months: dict[str, int],
             scored: tuple, full_codes: set[str], protocol_id: str,
             kept: dict[int, dict] | None,
             fresh: dict[int, dict] | None = None) -> CohortPatient:
    """``fresh``: a dict to add the ``scored_values`` of each visit scored here to."""
    base_row, base_scored = scored[0], scored[1]
    baseline = scored[2] if len(scored) > 2 else None
    base_values = values.get(base_row.id, {}) if base_row is not None else {}
    # PRINTO at the other visits matters only until the first one found inactive (the
    # time to the event is then known) and not at all for a child inactive at baseline.
    need_printo = _needs_printo(base_scored)
    outcomes: list[VisitOutcome] = []
    events: list[AdverseEventRecord] = []
    steroids: list[SteroidVisit] = []
    for v in visit_rows:
        stored = values.get(v.id, _NOTHING)
        row = numbers.get(v.id, _NO_NUMBERS)
        day = (v.visit_date - e.enrollment_date).days
        month = months.get(v.visit_code)
        medications = stored.get("medications")  # read at the baseline and months 6, 12
        on_steroid = on_daily_steroid(medications) if medications else None
        if v is base_row:
            if fresh is not None and base_scored is not None:
                fresh[v.id] = base_scored
            outcomes.append(outcome_from(v.visit_code, month, day, base_scored,
                                         with_response=False, skin_vas=row[_SKIN],
                                         on_daily_steroid=on_steroid))
        elif v.visit_code in full_codes or need_printo:
            full = v.visit_code in full_codes
            if kept is not None:
                this = kept[v.id]
            else:
                scores = score_visit(stored, explain=False)
                response = compare_to_baseline(baseline, scores, is_baseline=False,
                                               explain=False) if full else None
                this = scored_values(scores, response)
                if fresh is not None:
                    fresh[v.id] = this
            outcome = outcome_from(v.visit_code, month, day, this, with_response=full,
                                   skin_vas=row[_SKIN], on_daily_steroid=on_steroid)
            if outcome.printo_inactive:
                need_printo = False
            outcomes.append(outcome)
        else:
            outcomes.append(outcome_from(v.visit_code, month, day, None, with_response=False,
                                         skin_vas=row[_SKIN], on_daily_steroid=on_steroid))
        events.extend(adverse.get(v.id, ()))
        steroids.append(steroid_visit_of(v.visit_date, row))
    born = e.date_of_birth
    duration = disease_duration_at(e.onset_date, e.enrollment_date)
    age = None if born is None else (e.enrollment_date - born).days / DAYS_PER_YEAR
    female = None if e.sex not in ("female", "male") else e.sex == "female"
    return CohortPatient(
        study_id=e.study_id, protocol_id=protocol_id,
        arm=arm_ids[0] if arm_ids else "(no arm)", status=e.status,
        switched=len(set(arm_ids)) > 1, enrollment_date=e.enrollment_date,
        baseline=baseline_of(
            base_values, base_scored or {}, age_years=age, female=female,
            # A prescription made at enrollment, else the baseline visit's medications.
            steroid_mg_kg_day=steroid if steroid is not None
            else daily_steroid_mg_kg(base_values),
            disease_duration_months=None if duration is None else float(duration)),
        visits=tuple(outcomes), adverse_events=tuple(events), steroid_visits=tuple(steroids))
