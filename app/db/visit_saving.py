"""Saving a visit: its items (upsert, audited, one version step per save), its adverse
events, its date, and the patient's weight and height measured at it.

The items are stored as app.db.visits describes. A save refused because someone
else saved the visit first names what they changed (app.db.visit_conflicts).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.db import audit, record_states, score_cache, write_lock
from app.db.access import require_permission
from app.db.conflicts import ConcurrentEditError, refused_if_overtaken
from app.db.drafts import delete_draft
from app.db.engine import ReadingSession, ReadOnlySessionError
from app.db.models import (
    AdverseEvent,
    Anthropometric,
    Enrollment,
    InstrumentValue,
    PatientIdentity,
    Visit,
)
from app.db.types import utcnow
from app.db.visit_conflicts import visit_conflict
from app.db.visit_drafts import DRAFT_KIND, draft_key
from app.db.visits import (
    VALUE_COLUMNS,
    AdverseEventData,
    VisitError,
    VisitRecord,
    event_tuple,
    item_entry,
    stored_entries,
    visit_version,
)
from app.domain.exportable import visit_value_problems
from app.domain.permissions import Permission
from app.domain.visit_form import ItemEntry, VisitValues, visit_date_problem


class ReasonRequiredError(VisitError):
    pass


def _as_audit(entry: ItemEntry | None) -> Any:
    if entry is None:
        return None
    out: dict[str, Any] = {}
    for name in ("value_num", "value_text", "unit", "missing_reason"):
        value = getattr(entry, name)
        if value is not None:
            out[name] = value
    return out


# The save's statements, built once (building and keying them anew was a tenth of a save).
# The save writes with them directly, not through the unit of work (whose flush was a
# fifth of a save): every guarantee the session hooks gave it is kept by hand, see
# ``save_visit``.
_VISITS = Visit.__table__
_ITEMS = InstrumentValue.__table__
_VISIT_FOR_SAVE = select(
    Visit.enrollment_id, Visit.visit_date, Visit.status, Visit.version_id,
).where(Visit.id == bindparam("visit_id"))
_ITEMS_OF_VISIT = select(
    InstrumentValue.id, *VALUE_COLUMNS[1:], InstrumentValue.version_id,
).where(InstrumentValue.visit_id == bindparam("visit_id"))
_EVENTS_OF_VISIT = select(
    AdverseEvent.id, AdverseEvent.description, AdverseEvent.onset_date,
    AdverseEvent.resolved_date, AdverseEvent.serious, AdverseEvent.relation,
    AdverseEvent.action_taken, AdverseEvent.category, AdverseEvent.severity,
    AdverseEvent.outcome,
).where(AdverseEvent.visit_id == bindparam("visit_id"))
_EVENT_OBJECTS_OF_VISIT = select(AdverseEvent).where(
    AdverseEvent.visit_id == bindparam("visit_id")).execution_options(populate_existing=True)
_ENROLLED_AND_BORN = select(
    Enrollment.enrollment_date, PatientIdentity.date_of_birth,
).outerjoin(PatientIdentity, PatientIdentity.patient_id == Enrollment.patient_id).where(
    Enrollment.id == bindparam("enrollment_id"))
# The lost-update check is the version in each WHERE clause: a row not matched is a row
# someone else changed since it was read (the ORM's version check, by hand).
_STEP_VISIT = update(_VISITS).where(
    _VISITS.c.id == bindparam("visit_id"), _VISITS.c.version_id == bindparam("expected"),
).values(version_id=_VISITS.c.version_id + 1, updated_at=bindparam("now"),
         visit_date=bindparam("new_date"), status=bindparam("new_status"))
_UPDATE_ITEM = update(_ITEMS).where(
    _ITEMS.c.id == bindparam("row_id"), _ITEMS.c.version_id == bindparam("row_version"),
).values(value_num=bindparam("num"), value_text=bindparam("text_value"),
         unit=bindparam("unit_value"), missing_reason=bindparam("reason_code"),
         updated_by=bindparam("by"), updated_at=bindparam("at"),
         version_id=_ITEMS.c.version_id + 1)
_DELETE_ITEM = delete(_ITEMS).where(
    _ITEMS.c.id == bindparam("row_id"), _ITEMS.c.version_id == bindparam("row_version"))
_INSERT_ITEM = insert(_ITEMS)


def _all_matched(connection: Connection, statement: Any, rows: list[dict[str, Any]]) -> bool:
    """Run ``statement`` for each row; False when any row was not matched (see above)."""
    if not rows:
        return True
    if len(rows) == 1:
        return connection.execute(statement, rows[0]).rowcount == 1
    if connection.dialect.supports_sane_multi_rowcount:
        return connection.execute(statement, rows).rowcount == len(rows)
    return all(connection.execute(statement, row).rowcount == 1 for row in rows)


def _forget_held(session: Session, visit_id: int, changed: list[int], deleted: list[int]
                 ) -> None:
    """Bring the objects the session may hold in step with rows written without it: the
    visit and its changed items are expired (read again when next used), the deleted
    items dropped. Looked up by key, so a session holding many objects costs nothing."""
    held = session.identity_map.get(Session.identity_key(Visit, visit_id))
    if held is not None:
        session.expire(held)
    for row_id in changed + deleted:
        item = session.identity_map.get(Session.identity_key(InstrumentValue, row_id))
        if item is None:
            continue
        if row_id in deleted:
            session.expunge(item)
        else:
            session.expire(item)


@dataclass
class SaveResult:
    version_id: int
    status: str
    changed_items: int
    changed_events: int
    changes: dict[str, Any] = field(default_factory=dict)
    # The visit's items as now stored (``as_stored`` of the values saved, already cleaned
    # by the save): a form holds the stored visit without cleaning them again.
    stored_values: VisitValues = field(default_factory=dict)


def save_visit(
    session: Session,
    visit_id: int,
    values: VisitValues,
    adverse_events: list[AdverseEventData] | tuple[AdverseEventData, ...],
    *,
    user: str,
    expected_version: int,
    visit_date: date | None,
    reason: str | None = None,
    entered_units: str | None = None,
    opened: VisitRecord | None = None,
) -> SaveResult:
    """Upsert the visit's items and adverse events in the caller's transaction.

    ``expected_version`` is the visit's version when the form loaded it (or last saved
    it), ``opened`` that record itself (``load_visit``), so a refusal can name what the
    other person changed.

    ``entered_units`` says how the weight/height were typed ("lb/cm", "kg/in" ...; None or
    "metric" for kg/cm): the values are always stored in kg/cm, and the unit typed is kept
    on the patient's measurement and in its audit entry, as at enrollment.

    Raises ConcurrentEditError if someone saved the visit since it was opened, naming
    the sections they changed and who (the same refusal when two saves race),
    ReasonRequiredError when a completed visit is changed without a reason for change,
    VisitError for a signed visit. The visit's draft is deleted in the same transaction.
    One audit entry per changed instrument (old and new items as JSON), so a full visit
    costs a handful of audit rows, not a hundred.

    The visit and its items are written with plain UPDATE / INSERT / DELETE statements,
    not through the unit of work, so what its hooks did is done here: the version check
    (each UPDATE's WHERE clause), the stored scores of the enrollment forgotten
    (``score_cache.forget_enrollments``), the records' states recorded at commit
    (``record_states.written`` and ``known_state``), and the session's objects of the
    visit brought in step (``_forget_held``). Adverse events and weights, rarely changed,
    still go through the ORM.
    """
    require_permission(session, Permission.ENTER_DATA)
    if isinstance(session, ReadingSession):
        # Its flush refuses ORM changes; these plain statements must be refused here.
        raise ReadOnlySessionError("a read-only session cannot save a visit")
    write_lock.hold(session)
    # Whatever the session holds is written first (nothing, as a rule: a no-op), so the
    # rows read below are the transaction's.
    session.flush()
    connection = session.connection()
    current = connection.execute(_VISIT_FOR_SAVE, {"visit_id": visit_id}).first()
    if current is None:
        raise VisitError(f"Visit {visit_id} does not exist.")

    def refusal() -> ConcurrentEditError:
        return visit_conflict(session, visit_id, opened, (values, adverse_events, visit_date))

    if current.version_id != expected_version:
        raise refusal()
    if current.status == "signed":
        raise VisitError("This visit is signed and can no longer be edited.")
    wanted = stored_entries(values)
    # A value its export column cannot hold is refused here, for every way in (the form
    # says the same at the field): issue 17, entry that cannot lose data on the way out.
    problems = visit_value_problems(values)
    if problems:
        raise VisitError(" ".join(problems.values()))
    existing = {(r[1], r[2]): r
                for r in connection.execute(_ITEMS_OF_VISIT, {"visit_id": visit_id}).all()}
    changes: dict[str, dict[str, tuple[Any, Any]]] = defaultdict(dict)
    for key, entry in wanted.items():
        row = existing.get(key)
        # The row's (value_num, value_text, unit, missing_reason) against the entry (a
        # NamedTuple of the same four): an ItemEntry is built only for a changed item.
        if row is not None and tuple(row[3:7]) == entry:
            continue
        old = None if row is None else item_entry(row)
        changes[key[0]][key[1]] = (_as_audit(old), _as_audit(entry))
    for key, row in existing.items():
        if key not in wanted:
            changes[key[0]][key[1]] = (_as_audit(item_entry(row)), None)
    # Compared as plain rows; loaded as objects only when they change (rarely).
    old_events = {e.id: e for e in connection.execute(_EVENTS_OF_VISIT, {"visit_id": visit_id})}
    event_changes = _event_changes(old_events, adverse_events)
    date_changed = current.visit_date != visit_date
    if date_changed:
        # The form refuses such a date at the field; this refusal covers every other way
        # in. Before enrollment only: "after today" is the form's, which is told its today
        # (a service would judge by the machine's clock, and imported data by its own).
        enrolled = connection.execute(
            _ENROLLED_AND_BORN, {"enrollment_id": current.enrollment_id}).one()
        problem = visit_date_problem(visit_date, enrolled.date_of_birth,
                                     enrolled.enrollment_date, None)
        if problem:
            raise VisitError(problem)
    anything = bool(changes) or bool(event_changes) or date_changed
    if current.status == "complete" and anything and not (reason and reason.strip()):
        raise ReasonRequiredError(
            "This visit is complete: give a reason for the change before saving."
        )
    why = reason.strip() if reason and reason.strip() else None
    new_status = "draft" if current.status == "not_started" else current.status
    now = utcnow()
    updates: list[dict[str, Any]] = []
    inserts: list[dict[str, Any]] = []
    deletions: list[dict[str, Any]] = []
    for (instrument, item), entry in wanted.items():
        if item not in changes.get(instrument, {}):
            continue
        row = existing.get((instrument, item))
        if row is None:
            inserts.append({"visit_id": visit_id, "instrument": instrument, "item": item,
                            "value_num": entry.value_num, "value_text": entry.value_text,
                            "unit": entry.unit, "missing_reason": entry.missing_reason,
                            "updated_by": user, "updated_at": now, "version_id": 1})
        else:
            updates.append({"row_id": row.id, "row_version": row.version_id,
                            "num": entry.value_num, "text_value": entry.value_text,
                            "unit_value": entry.unit, "reason_code": entry.missing_reason,
                            "by": user, "at": now})
    for key, row in existing.items():
        if key not in wanted:
            deletions.append({"row_id": row.id, "row_version": row.version_id})
    # Under the write lock nobody can save this visit before we commit; on a server the
    # savepoint turns a racing writer that ignores the lock into the same refusal.
    try:
        with refused_if_overtaken(
            session, refusal, lambda: visit_version(session, visit_id) != expected_version
        ):
            # Asked again inside the block: on a server that begins its savepoint (the
            # session begins one only when a statement asks it for the connection).
            connection = session.connection()
            # The visit first: one version step per save. Not matched, it was saved since
            # it was read, and nothing of this save has been written.
            if connection.execute(_STEP_VISIT, {
                    "visit_id": visit_id, "expected": expected_version, "now": now,
                    "new_date": visit_date, "new_status": new_status}).rowcount != 1:
                raise StaleDataError(f"visit {visit_id}: version {expected_version} moved on")
            if not (_all_matched(connection, _UPDATE_ITEM, updates)
                    and _all_matched(connection, _DELETE_ITEM, deletions)):
                raise StaleDataError(f"items of visit {visit_id} changed since read")
            if inserts:
                connection.execute(_INSERT_ITEM, inserts)
            _forget_held(session, visit_id, [u["row_id"] for u in updates],
                         [d["row_id"] for d in deletions])
            if event_changes:
                _apply_events(session, visit_id, {e.id: e for e in session.scalars(
                    _EVENT_OBJECTS_OF_VISIT, {"visit_id": visit_id})}, adverse_events, user)
                session.flush()
            entries = [
                audit.Change(user=user, action="update", entity="visit", entity_id=visit_id,
                             field=instrument, old={k: v[0] for k, v in sorted(items.items())},
                             new={k: v[1] for k, v in sorted(items.items())}, reason=why)
                for instrument, items in sorted(changes.items())
            ]
            if event_changes:
                entries.append(audit.Change(
                    user=user, action="update", entity="visit", entity_id=visit_id,
                    field="adverse_events", old=event_changes["old"],
                    new=event_changes["new"], reason=why))
            if date_changed:
                entries.append(audit.Change(
                    user=user, action="update", entity="visit", entity_id=visit_id,
                    field="visit_date", old=current.visit_date, new=visit_date, reason=why))
            if current.status == "not_started":
                entries.append(audit.Change(
                    user=user, action="update", entity="visit", entity_id=visit_id,
                    field="status", old="not_started", new="draft"))
            if "vitals" in changes or date_changed:
                measured = _record_measurement(session, visit_id, current.enrollment_id,
                                               wanted, visit_date, user, entered_units)
                if measured is not None:
                    entries.append(measured)
            delete_draft(session, DRAFT_KIND, draft_key(visit_id))
            score_cache.forget_enrollments(connection, [current.enrollment_id])
            audit.record_many(session, entries)
            # Recorded at commit as if flushed: the visit when its audited fields (date,
            # status) changed, its items when any did, whose state is taken from what was
            # just written instead of being read back.
            if date_changed or new_status != current.status:
                record_states.written(session, "visit", visit_id)
            if changes:
                record_states.written(session, "instrument_value", visit_id)
            record_states.known_state(session, "instrument_value", visit_id, [
                (instrument, item, e.value_num, e.value_text, e.unit, e.missing_reason)
                for (instrument, item), e in wanted.items()])
    except StaleDataError as error:
        # On SQLite refused_if_overtaken lets it through (there is no savepoint: under
        # the file's write lock it cannot happen); the caller's transaction rolls back.
        raise refusal() from error
    stored: VisitValues = {}
    for (instrument, item), entry in wanted.items():
        stored.setdefault(instrument, {})[item] = entry
    return SaveResult(
        expected_version + 1,
        new_status,
        sum(len(v) for v in changes.values()),
        len(event_changes.get("new", [])),
        dict(changes),
        stored,
    )


def _event_changes(
    old: dict[int, Any], new: list[AdverseEventData] | tuple[AdverseEventData, ...]
) -> dict[str, list]:
    kept = {e.id for e in new if e.id is not None}
    before = [event_tuple(e) for i, e in sorted(old.items())]
    changed = (
        any(e.id is None for e in new)
        or any(i not in kept for i in old)
        or any(e.id in old and event_tuple(old[e.id]) != event_tuple(e) for e in new)
    )
    if not changed:
        return {}
    return {
        "old": [list(map(audit.as_text, t)) for t in before],
        "new": [list(map(audit.as_text, event_tuple(e))) for e in new],
    }


def _apply_events(
    session: Session,
    visit_id: int,
    old: dict[int, AdverseEvent],
    new: list[AdverseEventData] | tuple[AdverseEventData, ...],
    user: str,
) -> None:
    kept = set()
    for e in new:
        if e.id is not None and e.id in old:
            row = old[e.id]
            kept.add(e.id)
            if event_tuple(row) == event_tuple(e):
                continue
        else:
            row = AdverseEvent(visit_id=visit_id, reported_by=user)
            session.add(row)
        row.description, row.onset_date, row.resolved_date = (
            e.description,
            e.onset_date,
            e.resolved_date,
        )
        row.serious, row.relation, row.action_taken = e.serious, e.relation, e.action_taken
        row.category, row.severity, row.outcome = e.category, e.severity, e.outcome
    for i, row in old.items():
        if i not in kept:
            session.delete(row)


def _record_measurement(session: Session, visit_id: int, enrollment_id: int, wanted: dict,
                        visit_date: date | None, user: str,
                        entered_units: str | None = None) -> audit.Change | None:
    """Keep the visit's weight/height as a measurement of the patient on the visit date, so
    dose checks, arm switches and the patient page use the latest weight. A correction adds
    a new row (measurements are history, never overwritten); the same values add nothing."""
    weight = wanted.get(("vitals", "weight_kg"))
    height = wanted.get(("vitals", "height_cm"))
    weight_kg = weight.value_num if weight is not None else None
    height_cm = height.value_num if height is not None else None
    if visit_date is None or (weight_kg is None and height_cm is None):
        return None
    patient_id = session.scalar(
        select(Enrollment.patient_id).where(Enrollment.id == enrollment_id))
    latest_that_day = session.execute(
        select(Anthropometric.weight_kg, Anthropometric.height_cm)
        .where(Anthropometric.patient_id == patient_id,
               Anthropometric.measured_on == visit_date)
        .order_by(Anthropometric.id.desc()).limit(1)).first()
    if latest_that_day is not None and tuple(latest_that_day) == (weight_kg, height_cm):
        return None
    unit = entered_units or "metric"
    row = Anthropometric(patient_id=patient_id, measured_on=visit_date, weight_kg=weight_kg,
                         height_cm=height_cm, entered_unit=unit, entered_by=user)
    session.add(row)
    session.flush()
    return audit.Change(user=user, action="create", entity="anthropometric",
                        entity_id=row.id, new={"weight_kg": weight_kg, "height_cm": height_cm,
                                               "measured_on": visit_date, "visit_id": visit_id,
                                               "entered_units": unit})
