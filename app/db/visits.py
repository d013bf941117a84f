"""Visits: load a visit's item values, save them (upsert, audited), mark complete, the
patient's timeline, the due/overdue list across patients, trend series, unscheduled visits.

One module although long: every path that reads or writes a visit's items follows the one
storage convention below; splitting it would split that convention.

STORAGE CONVENTION for visit data (fixed; the CSV/PDF export is written against it)
-------------------------------------------------------------------------------------
One ``InstrumentValue`` row per observed item, keyed (visit_id, instrument, item):

* ``global``: item = one of the six GLOBAL_ASSESSMENTS codes (mdaat_cutaneous_vas,
  pga_activity, parent_global_activity, pga_skin, parent_global_skin,
  mdaat_extramuscular); value_num in cm (0-10, 0.1 steps).
* ``cmas``: item = codes from ``cmas.ALL_FIELDS`` (cmas_1..cmas_14, cmas_1_sec,
  cmas_3_sec, cmas_8_sec, cmas_5a..cmas_5f); value_num.
* ``chaq``: item = CHAQ item codes (chaq_dressing_1 ...), value_num 0-3 or value_text
  "na"; aids: item = the aid code itself, which already reads "aid_<aid>" (e.g.
  "aid_cane", "aid_other"), value_num 1; the domains an "other" aid helps with:
  item "aid_other_<domain>" value_num 1; help from another person: item
  "help_<domain>" value_num 1; chaq_pain_vas / chaq_wellbeing_vas value_num (cm).
* ``mmt8``: item = MMT8 codes (mmt_<group>, or mmt_<group>_r / _l), value_num 0-10;
  item "variant" value_text "unilateral" / "bilateral".
* ``enzymes``: item "<enzyme>" (ck, aldolase, ldh, ast, alt) value_num + unit "U/L" or
  "µkat/L"; item "<enzyme>_uln" value_num + unit; item "collected_on" value_text ISO date.
* ``skin``: skin item codes (skin_<item>, skin_<item>_change, skin_calcinosis,
  skin_lipoatrophy, skin_nailfold_capillaries), value_text answers.
* ``mri``: items "done" (value_text yes/no), "date" (value_text ISO date),
  "active_myositis" (value_text yes/no).
* ``autoantibodies``: item = antibody code (tif1g, nxp2, mda5, mi2, sae, srp, hmgcr, jo1,
  other_synthetase, pmscl, ku, u1rnp, ro52); value_text positive/negative/not_tested.
* ``vitals``: weight_kg, height_cm, bp_systolic, bp_diastolic (value_num); creatinine
  (value_num + unit "µmol/L" or "mg/dL").
* ``medications``: "<drug>_dose" value_num + unit and "<drug>_frequency" value_text for
  other medications; item "other" value_text free text.

``missing_reason`` is one of "not_done", "not_applicable", "unknown", with the value null.
Adverse events live in the ``adverse_event`` table. Totals are never stored.

Every function takes the caller's Session (one transaction per user action) and uses a
fixed, small number of queries (no per-item or per-visit queries).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, insert, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.db import audit, record_states, score_cache, write_lock
from app.db.access import require_permission
from app.db.conflicts import (
    ConcurrentEditError,
    describe_conflict,
    load_current,
    refused_if_overtaken,
)
from app.db.drafts import delete_draft
from app.db.engine import ReadingSession, ReadOnlySessionError
from app.db.models import (
    OPEN_VISIT_STATUSES,
    AdverseEvent,
    Anthropometric,
    ArmAssignment,
    Enrollment,
    InstrumentValue,
    Patient,
    PatientIdentity,
    Prescription,
    Visit,
)
from app.db.patients import display_name
from app.db.types import utcnow
from app.domain.exportable import visit_value_problems
from app.domain.instruments.registry import STORED
from app.domain.permissions import Permission
from app.domain.visit_form import (
    ItemEntry,
    PrescribedDose,
    VisitValues,
    stored_instrument_label,
    visit_date_problem,
)
from app.domain.visit_response import Baseline, compare_to_baseline
from app.domain.visit_scores import global_value, score_visit

DRAFT_KIND = "visit"
MISSING_REASON_CODES = ("not_done", "not_applicable", "unknown")
EDITABLE_STATUSES = ("not_started", "draft", "complete")
# The stored instruments of a visit (the instrument registry's storage keys).
INSTRUMENTS = STORED


def draft_key(visit_id: int) -> str:
    return f"visit:{visit_id}"


class VisitError(RuntimeError):
    """A visit action that cannot be done; the message is for the user."""


class ReasonRequiredError(VisitError):
    pass


class IncompleteVisitError(VisitError):
    def __init__(self, missing: list[str]) -> None:
        self.missing = missing
        super().__init__(
            "The visit cannot be marked complete: enter these or give a reason why each is "
            "missing: " + "; ".join(missing) + "."
        )


# --------------------------------------------------------------------- plain records


@dataclass(frozen=True)
class AdverseEventData:
    id: int | None
    description: str
    onset_date: date | None = None
    resolved_date: date | None = None
    serious: bool = False
    relation: str | None = None
    action_taken: str | None = None
    # Coding (issue 18): None on events stored before it existed.
    category: str | None = None
    severity: str | None = None
    outcome: str | None = None


@dataclass(frozen=True)
class VisitHeader:
    visit_id: int
    enrollment_id: int
    patient_id: int
    study_id: str
    protocol_id: str
    visit_code: str
    occurrence: int
    label: str
    target_date: date | None
    window_start: date | None
    window_end: date | None
    visit_date: date | None
    status: str
    version_id: int
    completed_at: datetime | None
    completed_by: str | None
    date_of_birth: date | None
    enrollment_date: date
    sex: str = ""  # with the date of birth: weight and height judged for age and sex

    @property
    def is_baseline(self) -> bool:
        return self.visit_code == "baseline"


@dataclass(frozen=True)
class VisitRecord:
    header: VisitHeader
    values: VisitValues
    adverse_events: tuple[AdverseEventData, ...]
    arm_id: str | None
    prescriptions: tuple[PrescribedDose, ...]
    baseline_values: VisitValues | None
    baseline_visit_id: int | None
    last_weight_kg: float | None = None
    last_height_cm: float | None = None
    # The last visit held before this one (dated and saved at least once), for answers
    # that compare with "the last visit" (the skin findings' change ratings).
    previous_values: VisitValues | None = None
    previous_visit_id: int | None = None
    previous_visit_label: str | None = None
    previous_visit_date: date | None = None
    # The arm's first dose day and option, for the course phase of the dose re-check
    # (a taper after 4 weeks).
    arm_started_on: date | None = None
    arm_option: str = ""


def _entry(row: Any) -> ItemEntry:
    return ItemEntry(row.value_num, row.value_text, row.unit, row.missing_reason)


def _group(rows: Any) -> dict[int, VisitValues]:
    out: dict[int, VisitValues] = defaultdict(lambda: defaultdict(dict))
    for row in rows:
        out[row.visit_id][row.instrument][row.item] = _entry(row)
    return {k: {i: dict(items) for i, items in v.items()} for k, v in out.items()}


_VALUE_COLUMNS = (
    InstrumentValue.visit_id,
    InstrumentValue.instrument,
    InstrumentValue.item,
    InstrumentValue.value_num,
    InstrumentValue.value_text,
    InstrumentValue.unit,
    InstrumentValue.missing_reason,
)


# ----------------------------------------------------------------------------- load


def _previous_visit(siblings: Any, visit_id: int, on: date) -> Any:
    """The enrollment's last visit held before ``on`` (a later id breaks a same-day tie):
    dated and not "not started", so a skipped or future visit is never "the last visit"."""
    held = [
        v
        for v in siblings
        if v.visit_date is not None
        and v.status != "not_started"
        and (v.visit_date, v.id) < (on, visit_id)
    ]
    return max(held, key=lambda v: (v.visit_date, v.id), default=None)


def load_visit(session: Session, visit_id: int) -> VisitRecord:
    """Everything the form needs, in six queries: header, the enrollment's other visits
    (to find the baseline and the last visit held), values (this visit, the baseline and
    the last visit), adverse events, arm on the visit date, arm prescriptions."""
    row = session.execute(
        select(
            Visit.id,
            Visit.enrollment_id,
            Enrollment.patient_id,
            Patient.study_id,
            Enrollment.protocol_id,
            Visit.visit_code,
            Visit.occurrence,
            Visit.label,
            Visit.target_date,
            Visit.window_start,
            Visit.window_end,
            Visit.visit_date,
            Visit.status,
            Visit.version_id,
            Visit.completed_at,
            Visit.completed_by,
            PatientIdentity.date_of_birth,
            Enrollment.enrollment_date,
            Patient.sex,
        )
        .join(Enrollment, Enrollment.id == Visit.enrollment_id)
        .join(Patient, Patient.id == Enrollment.patient_id)
        .outerjoin(PatientIdentity, PatientIdentity.patient_id == Patient.id)
        .where(Visit.id == visit_id)
    ).one_or_none()
    if row is None:
        raise VisitError(f"Visit {visit_id} does not exist.")
    header = VisitHeader(*row)
    on = header.visit_date or header.target_date or date.today()
    siblings = session.execute(
        select(Visit.id, Visit.visit_code, Visit.label, Visit.visit_date, Visit.status)
        .where(Visit.enrollment_id == header.enrollment_id, Visit.id != visit_id)
        .order_by(Visit.id)
    ).all()
    baseline_id = None
    if not header.is_baseline:
        baseline_id = next((v.id for v in siblings if v.visit_code == "baseline"), None)
    previous = _previous_visit(siblings, visit_id, on)
    wanted = {visit_id, baseline_id, previous.id if previous is not None else None} - {None}
    grouped = _group(
        session.execute(select(*_VALUE_COLUMNS).where(InstrumentValue.visit_id.in_(wanted)))
    )
    events = tuple(
        AdverseEventData(
            e.id,
            e.description,
            e.onset_date,
            e.resolved_date,
            e.serious,
            e.relation,
            e.action_taken,
            e.category,
            e.severity,
            e.outcome,
        )
        for e in session.execute(
            select(
                AdverseEvent.id,
                AdverseEvent.description,
                AdverseEvent.onset_date,
                AdverseEvent.resolved_date,
                AdverseEvent.serious,
                AdverseEvent.relation,
                AdverseEvent.action_taken,
                AdverseEvent.category,
                AdverseEvent.severity,
                AdverseEvent.outcome,
            )
            .where(AdverseEvent.visit_id == visit_id)
            .order_by(AdverseEvent.id)
        )
    )
    arms = session.execute(
        select(
            ArmAssignment.id, ArmAssignment.arm_id, ArmAssignment.start_date, ArmAssignment.end_date
        )
        .where(ArmAssignment.enrollment_id == header.enrollment_id)
        .order_by(ArmAssignment.start_date)
    ).all()
    arm = None
    for a in arms:
        if a.start_date <= on and (a.end_date is None or a.end_date >= on):
            arm = a
    if arm is None and arms:
        arm = arms[-1] if arms[-1].end_date is None else arms[0]
    prescriptions: tuple[PrescribedDose, ...] = ()
    arm_option = ""
    if arm is not None:
        rows = session.execute(
            select(
                Prescription.drug,
                Prescription.final_amount,
                Prescription.amount,
                Prescription.unit,
                Prescription.per,
                Prescription.inputs,
            )
            .where(
                Prescription.enrollment_id == header.enrollment_id,
                Prescription.role == "arm",
                Prescription.status == "active",
                or_(
                    Prescription.arm_assignment_id == arm.id,
                    Prescription.arm_assignment_id.is_(None),
                ),
            )
            .order_by(Prescription.id)
        ).all()
        prescriptions = tuple(
            PrescribedDose(
                p.drug, p.final_amount if p.final_amount is not None else p.amount, p.unit, p.per
            )
            for p in rows
            if (p.final_amount if p.final_amount is not None else p.amount) is not None
        )
        arm_option = next((str(p.inputs.get("arm_option")) for p in rows
                           if p.inputs and p.inputs.get("arm_option")), "")
    return VisitRecord(
        header=header,
        values=grouped.get(visit_id, {}),
        adverse_events=events,
        arm_id=arm.arm_id if arm is not None else None,
        prescriptions=prescriptions,
        baseline_values=grouped.get(baseline_id, {}) if baseline_id else None,
        baseline_visit_id=baseline_id,
        previous_values=grouped.get(previous.id, {}) if previous is not None else None,
        previous_visit_id=previous.id if previous is not None else None,
        previous_visit_label=previous.label if previous is not None else None,
        previous_visit_date=previous.visit_date if previous is not None else None,
        arm_started_on=arm.start_date if arm is not None else None,
        arm_option=arm_option,
    )


# ----------------------------------------------------------------------------- save


def _as_audit(entry: ItemEntry | None) -> Any:
    if entry is None:
        return None
    out: dict[str, Any] = {}
    for name in ("value_num", "value_text", "unit", "missing_reason"):
        value = getattr(entry, name)
        if value is not None:
            out[name] = value
    return out


def _clean(values: VisitValues) -> dict[tuple[str, str], ItemEntry]:
    """Rows to store: an entry with neither a value nor a reason is not stored."""
    out: dict[tuple[str, str], ItemEntry] = {}
    for instrument, items in values.items():
        for item, entry in items.items():
            num, text, unit, reason = entry
            if reason is not None and reason not in MISSING_REASON_CODES:
                raise VisitError(f"Unknown missing reason {reason!r} for {item}.")
            if num is not None or text not in (None, ""):  # ItemEntry.has_value
                # A value wins over a reason; an entry without a reason is kept as it is
                # (a save cleans a whole visit: building each anew was a tenth of it).
                out[(instrument, item)] = (entry if reason is None and type(entry) is ItemEntry
                                           else ItemEntry(num, text, unit))
            elif reason:
                out[(instrument, item)] = ItemEntry(None, None, None, reason)
    return out


def as_stored(values: VisitValues) -> VisitValues:
    """``values`` as ``load_visit`` reads them back once saved (what ``_clean`` keeps):
    a form that just saved them holds the stored visit without reading it again."""
    stored: VisitValues = {}
    for (instrument, item), entry in _clean(values).items():
        stored.setdefault(instrument, {})[item] = entry
    return stored


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
    InstrumentValue.id, *_VALUE_COLUMNS[1:], InstrumentValue.version_id,
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
    wanted = _clean(values)
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
        old = None if row is None else _entry(row)
        changes[key[0]][key[1]] = (_as_audit(old), _as_audit(entry))
    for key, row in existing.items():
        if key not in wanted:
            changes[key[0]][key[1]] = (_as_audit(_entry(row)), None)
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


CONFLICT_LABELS: dict[str, str] = {
    **{instrument: stored_instrument_label(instrument) for instrument in INSTRUMENTS},
    "adverse_events": "Adverse events",
    "visit_date": "visit date",
    "status": "status (completed, signed or unlocked)",
}


def _comparable(
    values: VisitValues, events: Any, visit_date: date | None, status: str
) -> dict[str, Any]:
    """A visit's contents keyed as the audit trail records them (instrument, events, ...)."""
    out: dict[str, Any] = {instrument: {} for instrument in INSTRUMENTS}
    for (instrument, item), entry in _clean(values).items():
        out.setdefault(instrument, {})[item] = entry
    out["adverse_events"] = [_event_tuple(e) for e in events]
    out["visit_date"] = visit_date
    out["status"] = status
    return out


def visit_conflict(
    session: Session,
    visit_id: int,
    opened: VisitRecord | None,
    yours: tuple[VisitValues, Any, date | None] | None = None,
) -> ConcurrentEditError:
    """The refusal for a visit saved by someone else since ``opened`` was loaded: the
    sections, adverse events, date or status they changed, and who (the audit trail).
    Without ``opened``, what differs from ``yours`` (values, adverse events, visit date)."""
    now = load_visit(session, visit_id)
    stored = _comparable(now.values, now.adverse_events, now.header.visit_date,
                         now.header.status)
    before = None
    if opened is not None:
        before = _comparable(opened.values, opened.adverse_events, opened.header.visit_date,
                             opened.header.status)
    header = now.header
    return describe_conflict(
        session,
        record=f"The {header.label or header.visit_code} visit of patient {header.study_id}",
        entity="visit",
        entity_id=visit_id,
        stored=stored,
        opened=before,
        yours=None if yours is None else _comparable(*yours, header.status),
        labels=CONFLICT_LABELS,
    )


def _event_tuple(e: Any) -> tuple:
    coded = (e.category, e.severity, e.outcome)
    # The coding only when there is some: an event stored before it compares (and is
    # audited) as it always was.
    return (
        e.description,
        e.onset_date,
        e.resolved_date,
        bool(e.serious),
        e.relation,
        e.action_taken,
    ) + (coded if any(coded) else ())


def _event_changes(
    old: dict[int, Any], new: list[AdverseEventData] | tuple[AdverseEventData, ...]
) -> dict[str, list]:
    kept = {e.id for e in new if e.id is not None}
    before = [_event_tuple(e) for i, e in sorted(old.items())]
    changed = (
        any(e.id is None for e in new)
        or any(i not in kept for i in old)
        or any(e.id in old and _event_tuple(old[e.id]) != _event_tuple(e) for e in new)
    )
    if not changed:
        return {}
    return {
        "old": [list(map(audit.as_text, t)) for t in before],
        "new": [list(map(audit.as_text, _event_tuple(e))) for e in new],
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
            if _event_tuple(row) == _event_tuple(e):
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


def visit_version(session: Session, visit_id: int) -> int:
    """The visit's optimistic-lock version, for a form that must keep saving after a
    signature or unlock changed it."""
    version = session.scalar(select(Visit.version_id).where(Visit.id == visit_id))
    if version is None:
        raise VisitError(f"Visit {visit_id} does not exist.")
    return version


def mark_complete(
    session: Session,
    visit_id: int,
    unmet: list[str],
    *,
    user: str,
) -> None:
    """Set the visit complete. ``unmet`` are labels of required items still neither
    entered nor explained (computed by the caller from ``app.domain.visit_form``, after
    saving any reasons as missing-reason rows); a non-empty list refuses."""
    require_permission(session, Permission.ENTER_DATA)
    if unmet:
        raise IncompleteVisitError(list(unmet))
    visit = load_current(session, Visit, visit_id)
    if visit is None:
        raise VisitError(f"Visit {visit_id} does not exist.")
    if visit.status in ("complete", "signed"):
        return
    old = visit.status
    visit.status = "complete"
    visit.completed_at = utcnow()
    visit.completed_by = user
    if visit.visit_date is None:
        visit.visit_date = date.today()
    audit.record(
        session,
        user=user,
        action="complete",
        entity="visit",
        entity_id=visit_id,
        field="status",
        old=old,
        new="complete",
    )
    session.flush()


# ------------------------------------------------------------------ timeline and due


@dataclass(frozen=True)
class VisitRow:
    visit_id: int
    enrollment_id: int
    patient_id: int
    study_id: str
    visit_code: str
    occurrence: int
    label: str
    target_date: date | None
    window_start: date | None
    window_end: date | None
    visit_date: date | None
    status: str
    overdue: bool
    due_soon: bool
    patient_name: str = ""  # "Family, Given": the due list shows who, not only an id


def _overdue(status: str, target: date | None, window_end: date | None, today: date) -> bool:
    if status not in OPEN_VISIT_STATUSES:
        return False
    last = window_end or target
    return last is not None and last < today


_ROW_COLUMNS = (
    Visit.id,
    Visit.enrollment_id,
    Enrollment.patient_id,
    Patient.study_id,
    Visit.visit_code,
    Visit.occurrence,
    Visit.label,
    Visit.target_date,
    Visit.window_start,
    Visit.window_end,
    Visit.visit_date,
    Visit.status,
    PatientIdentity.family_name,
    PatientIdentity.given_name,
)


def _row(r: Any, today: date, days_ahead: int = 7) -> VisitRow:
    overdue = _overdue(r.status, r.target_date, r.window_end, today)
    soon = (
        r.status in OPEN_VISIT_STATUSES
        and not overdue
        and r.target_date is not None
        and (
            r.target_date <= today + timedelta(days=days_ahead)
            or (r.window_start is not None and r.window_start <= today)
        )
    )
    return VisitRow(*r[:12], overdue=overdue, due_soon=soon,
                    patient_name=display_name(r.family_name, r.given_name))


def patient_timeline(
    session: Session, patient_id: int, today: date | None = None
) -> list[VisitRow]:
    """All visits of the patient's enrollments, by date, in one query."""
    today = today or date.today()
    rows = session.execute(
        select(*_ROW_COLUMNS)
        .join(Enrollment, Enrollment.id == Visit.enrollment_id)
        .join(Patient, Patient.id == Enrollment.patient_id)
        .outerjoin(PatientIdentity, PatientIdentity.patient_id == Patient.id)
        .where(Enrollment.patient_id == patient_id)
        .order_by(Visit.enrollment_id, func.coalesce(Visit.visit_date, Visit.target_date), Visit.id)
    )
    return [_row(r, today) for r in rows]


def add_unscheduled_visit(
    session: Session, enrollment_id: int, visit_date: date, *, user: str
) -> int:
    """A new unscheduled visit on ``visit_date`` (numbered 1, 2, ... per enrollment)."""
    require_permission(session, Permission.ENTER_DATA)
    n = (
        session.scalar(
            select(func.coalesce(func.max(Visit.occurrence), 0)).where(
                Visit.enrollment_id == enrollment_id, Visit.visit_code == "unscheduled"
            )
        )
        or 0
    )
    visit = Visit(
        enrollment_id=enrollment_id,
        visit_code="unscheduled",
        occurrence=n + 1,
        label=f"Unscheduled {n + 1}",
        target_date=visit_date,
        visit_date=visit_date,
        status="not_started",
    )
    session.add(visit)
    session.flush()
    audit.record(
        session,
        user=user,
        action="create",
        entity="visit",
        entity_id=visit.id,
        field="visit_code",
        new=f"unscheduled #{n + 1} on {visit_date.isoformat()}",
    )
    return visit.id


# --------------------------------------------------------------------------- trends


@dataclass(frozen=True)
class TrendVisit:
    visit_id: int
    visit_code: str
    label: str
    on: date
    status: str
    values: VisitValues


@dataclass(frozen=True)
class TrendData:
    visits: tuple[TrendVisit, ...]
    arm_changes: tuple[tuple[date, str], ...]  # (start date, arm id), first = initial arm
    baseline_values: VisitValues | None


def trend_data(session: Session, patient_id: int) -> TrendData:
    """Visits with any data (draft, complete, signed) and their values, plus arm start
    dates, in three queries; the series themselves are computed by ``trend_series``."""
    visits = session.execute(
        select(
            Visit.id,
            Visit.visit_code,
            Visit.label,
            Visit.visit_date,
            Visit.target_date,
            Visit.status,
        )
        .join(Enrollment, Enrollment.id == Visit.enrollment_id)
        .where(Enrollment.patient_id == patient_id, Visit.status != "not_started")
    ).all()
    ids = [v.id for v in visits]
    grouped = (
        _group(session.execute(select(*_VALUE_COLUMNS).where(InstrumentValue.visit_id.in_(ids))))
        if ids
        else {}
    )
    out = sorted(
        (
            TrendVisit(
                v.id,
                v.visit_code,
                v.label,
                v.visit_date or v.target_date or date.today(),
                v.status,
                grouped.get(v.id, {}),
            )
            for v in visits
        ),
        key=lambda t: (t.on, t.visit_id),
    )
    arms = session.execute(
        select(ArmAssignment.start_date, ArmAssignment.arm_id)
        .join(Enrollment, Enrollment.id == ArmAssignment.enrollment_id)
        .where(Enrollment.patient_id == patient_id)
        .order_by(ArmAssignment.start_date)
    ).all()
    baseline = next((t.values for t in out if t.visit_code == "baseline"), None)
    return TrendData(tuple(out), tuple((a.start_date, a.arm_id) for a in arms), baseline)


@dataclass(frozen=True)
class TrendSeries:
    series: dict[str, list[tuple[date, float]]]
    followed_enzyme: str | None
    arm_changes: tuple[tuple[date, str], ...]


def trend_series(data: TrendData) -> TrendSeries:
    """Per outcome, (date, value) points: CMAS total, CHAQ DI, MMT8 (unilateral and
    bilateral kept apart), cutaneous VAS, PGA, most abnormal enzyme ×ULN (the baseline's
    enzyme, followed), the TIS at follow-ups and the number of PRINTO
    inactive-disease criteria met where decided ("printo_inactive": the visits that are
    inactive). Incomplete totals and undetermined statuses are left out."""
    series: dict[str, list[tuple[date, float]]] = defaultdict(list)
    baseline = None
    if data.baseline_values is not None:
        baseline = Baseline.of(score_visit(data.baseline_values, explain=False), explain=False)
    followed = baseline.enzyme if baseline is not None else None
    for v in data.visits:
        scores = score_visit(v.values, explain=False)
        if scores.cmas is not None and scores.cmas.total is not None:
            series["cmas"].append((v.on, float(scores.cmas.total)))
        if scores.chaq is not None and scores.chaq.disability_index is not None:
            series["chaq_di"].append((v.on, scores.chaq.disability_index))
        if scores.mmt8 is not None and scores.mmt8.total is not None:
            series[f"mmt8_{scores.mmt8.variant.value}"].append((v.on, float(scores.mmt8.total)))
        for code, key in (("mdaat_cutaneous_vas", "cutaneous_vas"), ("pga_activity", "pga")):
            value = global_value(v.values, code)
            if value is not None:
                series[key].append((v.on, value))
        if followed and followed in scores.enzymes:
            series["enzyme_x_uln"].append((v.on, scores.enzymes[followed].times_uln))
        printo = scores.printo
        if printo is not None and printo.inactive is not None:
            series["printo_met"].append((v.on, float(len(printo.met))))
            if printo.inactive:
                series["printo_inactive"].append((v.on, float(len(printo.met))))
        if baseline is not None and v.visit_code != "baseline":
            response = compare_to_baseline(baseline, scores, is_baseline=False, explain=False)
            if response.tis is not None and response.tis.tis is not None:
                series["tis"].append((v.on, response.tis.tis))
    return TrendSeries(dict(series), followed, data.arm_changes)


def draft_payload(
    values: VisitValues, adverse_events: list[AdverseEventData], visit_date: date | None
) -> dict[str, Any]:
    """JSON for the autosaved draft (restored exactly by ``values_from_payload``)."""
    return {
        "values": {
            inst: {
                item: [e.value_num, e.value_text, e.unit, e.missing_reason]
                for item, e in items.items()
            }
            for inst, items in values.items()
        },
        "adverse_events": [
            [
                e.id,
                e.description,
                e.onset_date.isoformat() if e.onset_date else None,
                e.resolved_date.isoformat() if e.resolved_date else None,
                e.serious,
                e.relation,
                e.action_taken,
                e.category,
                e.severity,
                e.outcome,
            ]
            for e in adverse_events
        ],
        "visit_date": visit_date.isoformat() if visit_date else None,
    }


def values_from_payload(
    payload: dict[str, Any],
) -> tuple[VisitValues, list[AdverseEventData], date | None]:
    values: VisitValues = {
        inst: {item: ItemEntry(*row) for item, row in items.items()}
        for inst, items in payload.get("values", {}).items()
    }
    events = [
        AdverseEventData(
            r[0],
            r[1],
            date.fromisoformat(r[2]) if r[2] else None,
            date.fromisoformat(r[3]) if r[3] else None,
            bool(r[4]),
            r[5],
            r[6],
            *r[7:10],  # the coding; absent from payloads written before it existed
        )
        for r in payload.get("adverse_events", [])
    ]
    visit_date = payload.get("visit_date")
    return values, events, (date.fromisoformat(visit_date) if visit_date else None)


def dumps(value: Any) -> str:
    return json.dumps(value, default=str, sort_keys=True)
