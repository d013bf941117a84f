"""What an export reads, from one snapshot (``app.db.snapshot``), as plain rows.

Speed: a handful of bulk queries (no ORM objects, no per-patient queries); the item
values are streamed per block of patients through the unique (visit_id, instrument, item)
index. De-identification starts here: in the de-identified profile the names and MRN are
never read (only the date of birth, to compute an age), and free text and staff user
names are not read into the rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from itertools import groupby
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, bindparam, func, null, select

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
    VisitScore,
)

BLOCK = 500  # patients per item-value query
_FIRST = itemgetter(0)
RAW_ITEM_SQL = (
    "SELECT visit_id, instrument, item, value_num, value_text, unit, missing_reason "
    "FROM instrument_value WHERE visit_id IN ({}) ORDER BY visit_id, instrument, item"
)
RAW_SCORES_SQL = "SELECT visit_id, stamp, scores FROM visit_score WHERE visit_id IN ({})"


def prior_therapy_slots(connection: Connection) -> int:
    """The most prior therapies one patient has (the wide format's numbered columns)."""
    per_patient = select(func.count().label("n")).select_from(PriorTherapy).group_by(
        PriorTherapy.patient_id).subquery()
    return connection.execute(select(func.coalesce(func.max(per_patient.c.n), 0))).scalar_one()


def count_patients(connection: Connection) -> int:
    return len(connection.execute(select(Patient.id)).all())


def _grouped(rows: Sequence[Any], key: str) -> dict[Any, list[Any]]:
    out: dict[Any, list[Any]] = defaultdict(list)
    for row in rows:
        out[getattr(row, key)].append(row)
    return out


# Columns never written to an export (read-time savings: no datetime parsing/JSON decoding);
# the versions are read (a visit's is part of its stored scores' stamp).
_BOOKKEEPING = frozenset({"created_at", "updated_at", "updated_by"})
# Columns only the identified profile writes (staff names, free text, schedules).
_IDENTIFIED_ONLY = frozenset({
    "screened_by", "enrolled_by", "end_reason", "notes", "created_by", "derivation",
    "override_reason", "schedule", "prescribed_by", "completed_at", "completed_by",
    "signed_at", "signed_by", "description", "action_taken", "reported_by",
    "choice_other", "stop_other", "entered_by",
})


def iter_blocks(
    connection: Connection,
    identified: bool,
    progress: Callable[[int], None] | None = None,
) -> Iterator[list[tuple]]:
    """The rows of every patient, a block of patients at a time, in study id order, as
    plain picklable data: per patient (patient, identity, screenings, answers by
    screening, prior therapies, enrollments, arms / prescriptions / visits by enrollment,
    adverse events by visit, item rows by visit, infusions by enrollment, stored scores by
    visit as (stamp, JSON): app.db.score_cache). ``identified`` False: staff names and
    free text are never read; the identity (names, MRN, date of birth) is read only for
    the age and for the last guard, which searches the written cells for it
    (app.reports.identity_guard), and is never written."""
    patients = connection.execute(
        select(Patient.id, Patient.study_id, Patient.sex, Patient.site, Patient.onset_date,
               Patient.diagnosis_date, Patient.race, Patient.ethnicity, Patient.site_code,
               Patient.pooled_age).order_by(Patient.study_id)).all()
    identity_rows = connection.execute(select(
        PatientIdentity.patient_id, PatientIdentity.given_name, PatientIdentity.family_name,
        PatientIdentity.mrn, PatientIdentity.date_of_birth)).all()
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
    infusions = _grouped(connection.execute(
        select(ArmAssignment.enrollment_id, *columns(Infusion))
        .join(ArmAssignment, ArmAssignment.id == Infusion.arm_assignment_id)
        .order_by(ArmAssignment.enrollment_id, Infusion.given_on, Infusion.id)).all(),
        "enrollment_id")
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

    score_query = select(VisitScore.visit_id, VisitScore.stamp, VisitScore.scores).where(
        VisitScore.visit_id.in_(bindparam("ids", expanding=True)))

    def read_items(visit_ids: list[int]) -> tuple[dict[int, list[Any]],
                                                   dict[int, tuple[str, str]]]:
        items_by_visit: dict[int, list[Any]] = defaultdict(list)
        scores: dict[int, tuple[str, str]] = {}
        if visit_ids and raw is not None:
            # The hot query (millions of rows) on the DBAPI cursor of the SAME connection
            # and transaction: same snapshot, without per-row result-object overhead.
            cursor = raw.cursor()
            try:
                marks = ",".join("?" * len(visit_ids))
                cursor.execute(RAW_ITEM_SQL.format(marks), visit_ids)
                # Rows come in visit order (the unique index): group them in C.
                for visit_id, group in groupby(cursor.fetchall(), _FIRST):
                    items_by_visit[visit_id] = list(group)
                cursor.execute(RAW_SCORES_SQL.format(marks), visit_ids)
                scores = {row[0]: (row[1], row[2]) for row in cursor.fetchall()}
            finally:
                cursor.close()
        elif visit_ids:
            for row in connection.execute(item_query, {"ids": visit_ids}):
                items_by_visit[row[0]].append(tuple(row))
            scores = {row[0]: (row[1], row[2])
                      for row in connection.execute(score_query, {"ids": visit_ids})}
        return items_by_visit, scores

    for start in range(0, len(patients), BLOCK):
        block = patients[start:start + BLOCK]
        items_by_visit, scores = read_items([v.id for p in block
                                             for e in enrollments.get(p.id, ())
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
                {e: infusions.get(e, []) for e in enrollment_ids},
                {v: scores[v] for v in visit_ids_of if v in scores},
            ))
        yield payload
        if progress is not None:
            progress(min(start + BLOCK, len(patients)))
