"""The stored cache of each visit's computed scores (table ``visit_score``, issue 22).

Scoring every visit again on every export was a third of its time. A visit's scores are
computed once, by the one scoring path, and kept with a *stamp* naming what they were
computed from: the scoring version, the visit's version, its baseline visit and that
visit's version, and the plan file of the enrollment. A reader uses a row only when its
stamp is the stamp it expects; any other row is recomputed.

The stamp alone would miss a change made without a new visit version (an item written
by some other path): so every flush that adds, changes or deletes a visit, an item or an
enrollment, and every visit save (which writes without a flush: ``forget_enrollments``),
also deletes the cached rows of every visit of that enrollment (a change to a
baseline changes the responses of the visits after it). Rows are written only by a
writer that read everything in one snapshot, and only when no change was committed since
that snapshot (the audit trail's head is unchanged), so a row can never be older than
the data it stands for.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, bindparam, delete, event, func, insert, select
from sqlalchemy.orm import Session

from app.db import write_lock
from app.db.models import AuditEntry, Enrollment, InstrumentValue, Visit, VisitScore

# Raise whenever what a score means changes (an instrument's rule, a rounding, a column):
# every stored row then differs from the stamp readers expect and is recomputed.
# "2": CDASI scored through score_visit, with its export columns in the stored scores.
# "3": CDASI out of 100 (the Gottron's papules on the hands row) and its 93-item sum.
SCORES_VERSION = "3"


def stamp(visit_version: int, baseline: tuple[int, int] | None, plan_hash: str) -> str:
    """What a visit's scores were computed from (see the module)."""
    base = "none" if baseline is None else f"{baseline[0]}:{baseline[1]}"
    return f"{SCORES_VERSION}|{visit_version}|{base}|{plan_hash}"


def audit_head_id(connection: Connection) -> int:
    return connection.execute(select(func.coalesce(func.max(AuditEntry.id), 0))).scalar_one()


def store(session: Session, rows: Iterable[tuple[int, str, str]], read_at_head: int) -> int:
    """Keep (visit id, stamp, scores JSON) rows computed from a snapshot taken at audit
    head ``read_at_head``; nothing is kept when anything was committed since (the rows
    could be older than the data). Returns the number of rows kept."""
    rows = list(rows)
    if not rows:
        return 0
    write_lock.hold(session)  # no writer may commit between this check and these rows
    if audit_head_id(session.connection()) != read_at_head:
        return 0
    ids = [row[0] for row in rows]
    for start in range(0, len(ids), 500):
        session.execute(delete(VisitScore).where(VisitScore.visit_id.in_(ids[start:start + 500])))
    for start in range(0, len(rows), 5000):
        session.execute(insert(VisitScore), [
            {"visit_id": v, "stamp": s, "scores": j} for v, s, j in rows[start:start + 5000]])
    return len(rows)


@event.listens_for(Session, "after_flush")
def _forget_changed(session: Session, _context: object) -> None:
    """Delete the cached scores of every enrollment a flush touched (see the module)."""
    visit_ids: set[int] = set()
    enrollment_ids: set[int] = set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, InstrumentValue):
            if obj.visit_id is not None:
                visit_ids.add(obj.visit_id)
        elif isinstance(obj, Visit):
            if obj.enrollment_id is not None:
                enrollment_ids.add(obj.enrollment_id)
        elif isinstance(obj, Enrollment) and obj.id is not None:
            enrollment_ids.add(obj.id)
    if not visit_ids and not enrollment_ids:
        return
    connection = session.connection()
    unknown = set()
    for visit_id in visit_ids:
        # A save has its visit in the session: its enrollment is known without a query
        # (read from the object's loaded state, which loads nothing).
        visit = session.identity_map.get(Session.identity_key(Visit, visit_id))
        enrollment_id = None if visit is None else visit.__dict__.get("enrollment_id")
        if enrollment_id is None:
            unknown.add(visit_id)
        else:
            enrollment_ids.add(enrollment_id)
    if unknown:
        enrollment_ids.update(connection.execute(
            select(Visit.enrollment_id).where(Visit.id.in_(unknown))).scalars())
    forget_enrollments(connection, enrollment_ids)


def forget_enrollments(connection: Connection, enrollment_ids: Iterable[int]) -> None:
    """Delete the cached scores of every visit of these enrollments: what the flush hook
    does, for a writer that bypasses the unit of work (``save_visit`` writes its rows
    with plain UPDATEs, which no flush sees)."""
    connection.execute(_FORGET, {"enrollments": list(enrollment_ids)})


# Built once: this runs on every flush that changes a visit (every save).
_FORGET = delete(VisitScore).where(VisitScore.visit_id.in_(
    select(Visit.id).where(Visit.enrollment_id.in_(bindparam("enrollments", expanding=True)))))
