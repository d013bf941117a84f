"""The audit trail covers the data: every audited record's values, as committed, are in it.

Each transaction that changes an audited record ends by appending one ``state`` entry
to the hash chain (``action = "state"``, ``entity = "record_state"``) holding the
complete audited values of every record it changed, as read back from the database
(``None`` for a record it deleted). The human-readable entries the services write
(who changed which field, why) are unchanged; the state entries are what ``jdm-ctp
audit verify`` replays: the last recorded state of every record must be what is stored
now, field by field. A value changed directly in the file (``UPDATE instrument_value
SET value_num = 0``), a record added or removed outside jdm-ctp, and a signature flag
set by hand are all reported with table, record and field.

How records are found: session hooks note every ORM object of an audited class that is
added, deleted or has an audited column changed (``after_flush``), and ``before_commit``
writes their states. Writes that bypass the ORM record their states themselves: the bulk
demo data gives the states of what it wrote (``written_states``), ``save_visit``'s plain
UPDATEs name the records they wrote (``written``). A save that has just written all of a
grouped record (``save_visit``: the visit's items) hands its state over (``known_state``)
instead of having it read back; any later flush touching that record, or a rollback,
drops it.

Grouped records: a visit's item values (``instrument_value``) are one record per visit,
whose fields are "instrument/item"; a screening's answers are one record per screening.

What it cannot do: a record written before this version (a database upgraded from
schema 0003) has no state until its next change; those are counted, not reported.
Someone who can write the file can also append a matching state entry and recompute the
chain from there: that is caught only by the anchor and by chain heads held elsewhere
(PDFs, export manifests). See the README.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session, attributes

from app.db import audit
from app.db.models import (
    AdverseEvent,
    Anthropometric,
    ArmAssignment,
    AuditEntry,
    Enrollment,
    Infusion,
    InstrumentValue,
    Patient,
    PatientIdentity,
    Prescription,
    PriorTherapy,
    Screening,
    ScreeningAnswer,
    User,
    Visit,
)

STATE_ACTION = "state"
STATE_ENTITY = "record_state"
SYSTEM_USER = "jdm-ctp"
RECORDS_PER_ENTRY = 2000
KEYS_PER_QUERY = 500
_TOUCHED = "record_states_touched"
_KNOWN = "record_states_known"  # (kind, key) -> state, see known_state


@dataclass(frozen=True)
class Kind:
    """One kind of audited record: where it is stored and which columns are its fields."""

    name: str  # the table, as reported
    model: Any
    fields: tuple[str, ...]
    group_by: str | None = None  # grouped records: the column that is the record's key
    covered_by: str = ""  # the table whose ids ``values_covered_from`` gives for it
    added_later: tuple[str, ...] = ()  # fields of a later schema (see _flat_state)

    @property
    def key_column(self) -> Any:
        return getattr(self.model, self.group_by or "id")


# Fields of migration 0008 (issue 18's study records).
_PATIENT_0008 = ("onset_date", "diagnosis_date", "race", "ethnicity")
_ARM_0008 = ("choice_reasons", "choice_other", "stop_reason", "stop_other")

KINDS: tuple[Kind, ...] = (
    Kind("patient", Patient, ("study_id", "sex", "site", *_PATIENT_0008),
         covered_by="patient", added_later=_PATIENT_0008),
    Kind("patient_identity", PatientIdentity,
         ("patient_id", "given_name", "family_name", "mrn", "date_of_birth"),
         covered_by="patient_identity"),
    Kind("prior_therapy", PriorTherapy,
         ("patient_id", "drug", "start_date", "stop_date", "reason_stopped", "last_dose_date",
          "b_cells_detectable", "for_skin_disease", "notes"), covered_by="prior_therapy"),
    Kind("screening", Screening,
         ("patient_id", "protocol_id", "protocol_version", "protocol_hash", "status",
          "verdict", "screened_by", "screened_at", "screening_date"), covered_by="screening"),
    Kind("screening_answer", ScreeningAnswer, ("criterion_id", "answer", "details"),
         group_by="screening_id", covered_by="screening"),
    Kind("enrollment", Enrollment,
         ("patient_id", "screening_id", "protocol_id", "protocol_version", "protocol_hash",
          "enrollment_date", "enrolled_by", "sun_protection_counselled", "status", "ended_on",
          "end_reason"), covered_by="enrollment"),
    Kind("arm_assignment", ArmAssignment,
         ("enrollment_id", "arm_id", "start_date", "end_date", "reason", "notes",
          "created_by", *_ARM_0008), covered_by="arm_assignment", added_later=_ARM_0008),
    Kind("infusion", Infusion,
         ("arm_assignment_id", "drug", "given_on", "dose", "unit", "entered_by"),
         covered_by="infusion"),
    Kind("prescription", Prescription,
         ("enrollment_id", "arm_assignment_id", "drug", "role", "calculated", "amount", "unit",
          "per", "frequency", "route", "capped", "derivation", "source", "status",
          "final_amount", "override_reason", "start_date", "stop_date", "inputs", "schedule",
          "prescribed_by"), covered_by="prescription"),
    Kind("visit", Visit,
         ("enrollment_id", "visit_code", "occurrence", "label", "target_date", "window_start",
          "window_end", "visit_date", "status", "completed_at", "completed_by", "signed_at",
          "signed_by", "signature_meaning"), covered_by="visit"),
    Kind("instrument_value", InstrumentValue,
         ("instrument", "item", "value_num", "value_text", "unit", "missing_reason"),
         group_by="visit_id", covered_by="visit"),
    Kind("adverse_event", AdverseEvent,
         ("visit_id", "description", "onset_date", "resolved_date", "serious", "relation",
          "action_taken", "reported_by", "category", "severity", "outcome"),
         covered_by="adverse_event", added_later=("category", "severity", "outcome")),
    Kind("anthropometric", Anthropometric,
         ("patient_id", "measured_on", "weight_kg", "height_cm", "entered_unit", "entered_by"),
         covered_by="anthropometric"),
    # Accounts: who may do what. The password hash itself is not copied into the trail,
    # only its SHA-256: a hash swapped in the file is still detected.
    Kind("app_user", User, ("user_name", "display_name", "role", "active", "password_hash"),
         covered_by="app_user"),
)
KIND_BY_NAME = {kind.name: kind for kind in KINDS}
_KINDS_OF_MODEL: dict[Any, list[Kind]] = {}
for _kind in KINDS:
    _KINDS_OF_MODEL.setdefault(_kind.model, []).append(_kind)


# ----------------------------------------------------------------- canonical values


def canonical(value: Any) -> Any:
    """A value as the trail records it: JSON-safe and identical however it was read."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict | list | tuple):
        return json.loads(json.dumps(value, sort_keys=True, default=str))
    return str(value)


def _field_value(kind: Kind, name: str, value: Any) -> Any:
    if kind.name == "app_user" and name == "password_hash":
        return None if value is None else hashlib.sha256(value.encode("utf-8")).hexdigest()
    if name in ("value_num", "amount", "final_amount", "weight_kg", "height_cm",
                "dose") and \
            value is not None:
        return float(value)
    return canonical(value)


def _flat_state(kind: Kind, row: Any) -> dict[str, Any]:
    state = {name: _field_value(kind, name, row[i]) for i, name in enumerate(kind.fields)}
    # Fields added by a later schema are left out while empty, so a record's state
    # recorded before they existed still matches it (no false alarm after an upgrade).
    for name in kind.added_later:
        if state.get(name) in (None, "", []):
            del state[name]
    return state


def _item_value(row: Any) -> Any:
    num = None if row[2] is None else float(row[2])
    if row[3] is None and row[4] is None and row[5] is None and num is not None:
        return num  # the common case, kept short: a number and nothing else
    return [num, row[3], row[4], row[5]]


def _grouped_state(kind: Kind, rows: list[Any]) -> dict[str, Any]:
    if kind.name == "instrument_value":
        state: dict[str, Any] = {}
        for row in rows:
            state.setdefault(row[0], {})[row[1]] = _item_value(row)
        return state
    return {row[0]: [row[1], canonical(row[2])] for row in rows}


def state_text(state: Any) -> str:
    return json.dumps(state, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def state_digest(state: Any) -> bytes:
    return hashlib.sha256(state_text(state).encode("utf-8")).digest()


def _columns(kind: Kind) -> list[Any]:
    return [getattr(kind.model, name) for name in kind.fields]


def current_states(session: Session, kind: Kind, keys: Iterable[int] | None = None, *,
                   low: int | None = None) -> Iterator[tuple[int, Any]]:
    """(key, state) of the records of ``kind`` as stored now, in key order: all of them,
    those from key ``low`` on, or those with the given keys (a key with no record is
    simply absent)."""
    key_column = kind.key_column
    chunks: Iterable[list[int] | None]
    if keys is None:
        chunks = [None]
    else:
        ordered = sorted(set(keys))
        chunks = [ordered[i:i + KEYS_PER_QUERY] for i in range(0, len(ordered), KEYS_PER_QUERY)]
    for chunk in chunks:
        statement = select(key_column, *_columns(kind))
        if chunk is not None:
            statement = statement.where(key_column.in_(chunk))
        if low is not None:
            statement = statement.where(key_column >= low)
        if kind.group_by:
            statement = statement.order_by(key_column, kind.model.id)
        else:
            statement = statement.order_by(key_column)
        # Core rows, not the ORM's result machinery: millions of item rows are read here.
        # (Streaming is asked of this statement only: Connection.execution_options would
        # set it for everything the transaction runs after it.)
        rows = session.connection().execute(statement.execution_options(yield_per=5000))
        if not kind.group_by:
            for row in rows:
                yield row[0], _flat_state(kind, row[1:])
            continue
        current_key, group = None, []
        for row in rows:
            if row[0] != current_key:
                if group:
                    yield current_key, _grouped_state(kind, group)
                current_key, group = row[0], []
            group.append(row[1:])
        if group:
            yield current_key, _grouped_state(kind, group)


# ------------------------------------------------------------------- recording


def state_entries(states: Iterable[tuple[str, int, Any]]) -> Iterator[str]:
    """The trail entries' texts for (kind, key, state) records, RECORDS_PER_ENTRY per
    entry: plain text, so they can be made where the records were (demo data makes them in
    its maker process) and appended by whoever holds the trail."""
    # Each full batch is given as soon as it is read (the reads stream): memory stays
    # bounded by one entry, even for the millions of records demo data or an import add.
    batch: dict[str, dict[str, Any]] = {}
    in_batch = 0
    for name, key, state in states:
        batch.setdefault(name, {})[str(key)] = state
        in_batch += 1
        if in_batch == RECORDS_PER_ENTRY:
            yield state_text(batch)
            batch, in_batch = {}, 0
    if batch:
        yield state_text(batch)


def append_state_entries(session: Session, texts: Iterable[str], *, user: str) -> None:
    """Append entries made by ``state_entries`` to the trail."""
    for text in texts:
        audit.record(session, user=user, action=STATE_ACTION, entity=STATE_ENTITY,
                     entity_id=None, new_text=text,
                     reason="values of the records changed (for audit verify)")


def _write(session: Session, states: Iterable[tuple[str, int, Any]], user: str) -> int:
    """Append (kind, key, state) records to the trail; the number of records."""
    counted = 0

    def counting() -> Iterator[tuple[str, int, Any]]:
        nonlocal counted
        for record in states:
            counted += 1
            yield record

    append_state_entries(session, state_entries(counting()), user=user)
    return counted


def record_states(session: Session, touched: dict[str, set[int]], *, user: str,
                  known: dict[tuple[str, int], Any] | None = None) -> int:
    """Append the current states of these records (None when gone) to the trail.
    ``known``: states already known to be the stored ones (see ``known_state``), not read."""
    known = known or {}
    states: list[tuple[str, int, Any]] = []
    for name, keys in sorted(touched.items()):
        kind = KIND_BY_NAME[name]
        unknown = [key for key in keys if (name, key) not in known]
        found = dict(current_states(session, kind, unknown)) if unknown else {}
        for key in sorted(keys):
            if (name, key) in known:
                states.append((name, key, known[(name, key)]))
            else:
                states.append((name, key, found.get(key, None if not kind.group_by else {})))
    return _write(session, states, user)


# Plain values only: stored and read back, they come back equal (a float column holds a
# Python float exactly); anything else (a Decimal, a bool) is read back instead.
_PLAIN_NUMBERS = {int, float, type(None)}
_TEXTS = {str, type(None)}


def known_state(session: Session, name: str, key: int, rows: Iterable[tuple]) -> None:
    """The rows of grouped record ``name`` ``key`` as the caller has just written them, all
    of them (e.g. a visit's items after ``save_visit``): at commit its state is computed
    from these instead of being read back. Any later flush that touches the record, and
    any rollback, forgets them (the record is then read back as usual). Rows are
    (instrument, item, value_num, value_text, unit, missing_reason) for instrument_value.
    """
    kind = KIND_BY_NAME[name]
    rows = list(rows)
    if kind.name != "instrument_value" or not (
            {type(row[2]) for row in rows} <= _PLAIN_NUMBERS
            and {type(v) for row in rows for v in (row[0], row[1], *row[3:6])} <= _TEXTS):
        return
    session.info.setdefault(_KNOWN, {})[(name, key)] = _grouped_state(kind, rows)


def written(session: Session, name: str, key: int) -> None:
    """Record ``name`` ``key`` was written without the unit of work (a plain UPDATE the
    session hooks cannot see, e.g. ``save_visit``'s): its state is recorded at commit like
    that of a record changed through the ORM (read back, unless ``known_state`` gives it).
    """
    session.info.setdefault(_TOUCHED, {}).setdefault(name, set()).add(key)


def written_states(name: str, rows: Iterable[tuple[int, Sequence[Any]]]
                   ) -> Iterator[tuple[int, Any]]:
    """(key, state) of the records of kind ``name`` made by these rows, as the caller has
    just written them below the ORM (bulk demo data): what ``current_states`` reads back,
    without reading. A row is (key, the kind's fields in order): the key is the record's
    id, or for a grouped kind the key column's value; every row of a grouped record must
    be given. Values must be those the database gives back: plain numbers, text, dates,
    aware UTC datetimes, JSON-able values (tests/db/test_db_demo.py compares with a
    read-back)."""
    kind = KIND_BY_NAME[name]
    if not kind.group_by:
        for key, fields in rows:
            yield key, _flat_state(kind, fields)
        return
    if kind.name == "instrument_value":  # millions of rows: _grouped_state in one pass
        states: dict[int, dict[str, Any]] = {}
        for key, fields in rows:
            states.setdefault(key, {}).setdefault(fields[0], {})[fields[1]] = \
                _item_value(fields)
        for key in sorted(states):
            yield key, states[key]
        return
    groups: dict[int, list[Sequence[Any]]] = {}
    for key, fields in rows:
        groups.setdefault(key, []).append(fields)
    for key in sorted(groups):
        yield key, _grouped_state(kind, groups[key])


def _note(session: Session, obj: Any, *, deleted: bool = False, new: bool = False) -> None:
    kinds = _KINDS_OF_MODEL.get(type(obj))
    if not kinds:
        return
    state = attributes.instance_state(obj)
    for kind in kinds:
        if not (deleted or new):
            changed = any(state.attrs[name].history.has_changes() for name in kind.fields)
            if kind.group_by:
                changed = changed or state.attrs[kind.group_by].history.has_changes()
            if not changed:
                continue
        key = getattr(obj, kind.group_by or "id")
        if key is None:
            continue
        touched = session.info.setdefault(_TOUCHED, {})
        touched.setdefault(kind.name, set()).add(key)
        known = session.info.get(_KNOWN)
        if known:
            known.pop((kind.name, key), None)
        if kind.group_by and not (deleted or new):
            # The record it moved out of changed too.
            before = state.attrs[kind.group_by].history.deleted
            for old in before or ():
                if old is not None:
                    touched[kind.name].add(old)
                    if known:
                        known.pop((kind.name, old), None)


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _context: Any) -> None:
    for obj in session.new:
        _note(session, obj, new=True)
    for obj in session.dirty:
        _note(session, obj)
    for obj in session.deleted:
        _note(session, obj, deleted=True)


@event.listens_for(Session, "before_commit")
def _before_commit(session: Session) -> None:
    # The session flushes what is still pending only after this hook: a change not yet
    # flushed must be noted first, or a transaction with nothing else would record nothing.
    if not session.info.get(_TOUCHED) and (session.new or session.dirty or session.deleted):
        session.flush()
    if not session.info.get(_TOUCHED):
        session.info.pop(_KNOWN, None)
        return
    session.flush()
    touched = session.info.pop(_TOUCHED, {})
    if not touched:
        return
    # Credited like the change itself: the last entry of this transaction, else the actor.
    actor = session.info.get("actor")
    user = (session.info.get(audit.LAST_USER_KEY) or getattr(actor, "user_name", None)
            or SYSTEM_USER)
    record_states(session, touched, user=user, known=session.info.pop(_KNOWN, None))
    session.flush()
    session.info.pop(_TOUCHED, None)


@event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop(_KNOWN, None)
    # A savepoint rolled back: what was changed before it is still to be recorded (a
    # record noted in it and now unchanged is recorded as it is, which is still true).
    if not session.in_nested_transaction():
        session.info.pop(_TOUCHED, None)


# ---------------------------------------------------------------------- checking


@dataclass
class Divergence:
    table: str
    record: int
    field: str | None
    what: str  # "changed", "added", "removed", "restored"

    def __str__(self) -> str:
        where = f"{self.table} record {self.record}"
        if self.table == "instrument_value":
            where = f"instrument_value of visit {self.record}"
        elif self.table == "screening_answer":
            where = f"screening_answer of screening {self.record}"
        if self.what == "changed":
            return (f"{where}, field {self.field}: its value differs from the last value the "
                    "audit trail recorded (changed outside jdm-ctp)")
        if self.what == "added":
            return f"{where}: not in the audit trail (added outside jdm-ctp)"
        if self.what == "removed":
            return f"{where}: removed outside jdm-ctp (the audit trail holds its values)"
        return f"{where}: present, but the audit trail recorded it as deleted"


@dataclass
class StateCheck:
    records: int = 0
    not_covered: int = 0  # written before the trail recorded values (older databases)
    divergences: list[Divergence] | None = None


def covered_from(session: Session) -> dict[str, int]:
    """Per table, the first id the trail records values for (the database_identity entry);
    empty when the trail has no such entry (then nothing is assumed covered)."""
    text = session.scalar(
        select(AuditEntry.new_value)
        .where(AuditEntry.action == "database_identity", AuditEntry.entity == "database")
        .order_by(AuditEntry.id).limit(1))
    try:
        data = json.loads(text or "{}")
        return {str(k): int(v) for k, v in data.get("values_covered_from", {}).items()}
    except (ValueError, TypeError, AttributeError):
        return {}


def _recorded(session: Session) -> dict[tuple[str, int], tuple[int, bytes | None]]:
    """Per record, (entry id, digest of its state) of its last state entry."""
    last: dict[tuple[str, int], tuple[int, bytes | None]] = {}
    rows = session.execute(
        select(AuditEntry.id, AuditEntry.new_value)
        .where(AuditEntry.action == STATE_ACTION, AuditEntry.entity == STATE_ENTITY)
        .order_by(AuditEntry.id).execution_options(yield_per=50))
    for entry_id, text in rows:
        try:
            batch = json.loads(text or "{}")
        except ValueError:
            continue  # the chain check has already judged this entry
        for name, records in batch.items():
            if name not in KIND_BY_NAME or not isinstance(records, dict):
                continue
            empty_is_gone = KIND_BY_NAME[name].group_by is not None
            for key, state in records.items():
                gone = state is None or (empty_is_gone and state == {})
                last[(name, int(key))] = (entry_id, None if gone else state_digest(state))
    return last


def _recorded_state(session: Session, entry_id: int, name: str, key: int) -> Any:
    text = session.scalar(select(AuditEntry.new_value).where(AuditEntry.id == entry_id))
    return json.loads(text or "{}").get(name, {}).get(str(key))


def _changed_fields(kind: Kind, recorded: Any, now: Any) -> list[str]:
    recorded = recorded or {}
    if kind.name == "instrument_value":
        fields = []
        for instrument in sorted(set(recorded) | set(now)):
            before, after = recorded.get(instrument, {}), now.get(instrument, {})
            for item in sorted(set(before) | set(after)):
                if before.get(item) != after.get(item):
                    fields.append(f"{instrument}/{item}")
        return fields
    return [name for name in sorted(set(recorded) | set(now))
            if recorded.get(name) != now.get(name)]


def check_states(session: Session, *, limit: int = 200) -> StateCheck:
    """Compare every audited record with its last recorded state (see the module)."""
    covered = covered_from(session)
    last = _recorded(session)
    result = StateCheck(divergences=[])
    divergences = result.divergences
    assert divergences is not None
    for kind in KINDS:
        low = covered.get(kind.covered_by)
        for key, state in current_states(session, kind):
            result.records += 1
            recorded = last.pop((kind.name, key), None)
            if recorded is None:
                if low is not None and key >= low:
                    divergences.append(Divergence(kind.name, key, None, "added"))
                else:
                    result.not_covered += 1
                continue
            entry_id, digest = recorded
            if digest is None:
                if kind.group_by and state == {}:
                    continue
                divergences.append(Divergence(kind.name, key, None, "restored"))
            elif digest != state_digest(state):
                before = _recorded_state(session, entry_id, kind.name, key)
                for name in _changed_fields(kind, before, state) or ["?"]:
                    divergences.append(Divergence(kind.name, key, name, "changed"))
    for (name, key), (_entry, digest) in sorted(last.items()):
        if digest is not None:
            divergences.append(Divergence(name, key, None, "removed"))
    return result
