"""Prior-therapy history: a first-class, audited record, entered once per patient and
reused by every screening (clinical-rules §1.2).

Functions take the caller's Session and never commit (one transaction per user action);
every change is audited in the same transaction. Changing or deleting a stored therapy
takes the version the dialog opened it with: a therapy someone else changed meanwhile
is refused (``ConcurrentEditError``), never overwritten. Rows go out as plain dataclasses; the
domain check (``PriorTherapyRecord``: stop before start, last dose outside the course,
unknown reason) runs before anything is written, and dates in the future are refused.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import audit, write_lock
from app.db.access import require_permission
from app.db.conflicts import (
    ConcurrentEditError,
    FieldChange,
    describe_conflict,
    load_current,
    refused_if_overtaken,
)
from app.db.models import AuditEntry, Patient, PriorTherapy
from app.domain.errors import InputError
from app.domain.permissions import Permission
from app.domain.prior_therapy import PriorTherapyRecord

AUDIT_ENTITY = "prior_therapy"
FIELDS = ("drug", "start_date", "stop_date", "reason_stopped", "last_dose_date",
          "b_cells_detectable", "for_skin_disease", "notes")
FIELD_LABELS = {"drug": "drug", "start_date": "start date", "stop_date": "stop date",
                "reason_stopped": "why stopped", "last_dose_date": "last dose date",
                "b_cells_detectable": "B cells", "for_skin_disease": "given for skin disease",
                "notes": "notes"}


class PriorTherapyError(ValueError):
    pass


@dataclass(frozen=True)
class PriorTherapyInput:
    """What the dialog sends: one therapy as typed (dates already parsed)."""

    drug: str
    start_date: date | None
    stop_date: date | None = None
    reason_stopped: str | None = None
    last_dose_date: date | None = None
    b_cells_detectable: bool | None = None
    for_skin_disease: bool = False
    notes: str = ""


@dataclass(frozen=True)
class PriorTherapyRow:
    """One stored therapy (plain data for the GUI and the rules)."""

    id: int
    patient_id: int
    drug: str
    start_date: date | None
    stop_date: date | None
    reason_stopped: str | None
    last_dose_date: date | None
    b_cells_detectable: bool | None
    for_skin_disease: bool
    notes: str
    version_id: int  # keep it with an open form: edits and deletes pass it back

    @property
    def ongoing(self) -> bool:
        return self.stop_date is None and self.reason_stopped is None

    def to_input(self) -> PriorTherapyInput:
        """The stored values as the dialog edits them (what a form was opened with)."""
        return PriorTherapyInput(self.drug, self.start_date, self.stop_date,
                                 self.reason_stopped, self.last_dose_date,
                                 self.b_cells_detectable, self.for_skin_disease, self.notes)

    def to_record(self) -> PriorTherapyRecord:
        """The domain record the eligibility rules read."""
        return PriorTherapyRecord(self.drug, self.start_date, self.stop_date,
                                  self.reason_stopped, self.last_dose_date,
                                  self.b_cells_detectable, self.notes)


def validate(data: PriorTherapyInput, today: date) -> PriorTherapyRecord:
    """The domain record for ``data``, or InputError naming the field, in plain words."""
    if data.start_date is None:
        raise InputError("start_date", "Enter the date the therapy was started.")
    for name in ("start_date", "stop_date", "last_dose_date"):
        value = getattr(data, name)
        if value is not None and value > today:
            label = name.replace("_date", "").replace("_", " ")
            raise InputError(name, f"The {label} date {value.isoformat()} is in the future "
                             f"(today is {today.isoformat()}).")
    if data.stop_date is not None and data.reason_stopped is None:
        raise InputError("reason_stopped", "Choose why the therapy was stopped.")
    if data.reason_stopped is not None and data.stop_date is None:
        raise InputError("stop_date", "Enter the date the therapy was stopped.")
    try:
        record = PriorTherapyRecord(data.drug, data.start_date, data.stop_date,
                                    data.reason_stopped, data.last_dose_date,
                                    data.b_cells_detectable, data.notes)
    except InputError as error:
        name = {"stop": "stop_date", "start": "start_date"}.get(error.field, error.field)
        raise InputError(name, error.message) from None
    if data.b_cells_detectable is not None and record.drug != "rituximab":
        raise InputError("b_cells_detectable",
                         "B-cell status is recorded for rituximab only.")
    return record


def input_problems(data: PriorTherapyInput, today: date) -> dict[str, str]:
    """Every problem of the form at once, {field: message} (empty = can be saved)."""
    problems: dict[str, str] = {}
    if not data.drug.strip():
        problems["drug"] = "Enter the drug's generic name (e.g. methotrexate)."
    if data.start_date is None:
        problems["start_date"] = "Enter the date the therapy was started."
    for name in ("start_date", "stop_date", "last_dose_date"):
        value = getattr(data, name)
        if value is not None and value > today:
            label = name.replace("_date", "").replace("_", " ")
            problems[name] = (f"The {label} date {value.isoformat()} is in the future "
                              f"(today is {today.isoformat()}).")
    if data.stop_date is not None and data.reason_stopped is None:
        problems["reason_stopped"] = "Choose why the therapy was stopped."
    if data.reason_stopped is not None and data.stop_date is None:
        problems.setdefault("stop_date", "Enter the date the therapy was stopped.")
    if problems:
        return problems
    try:
        validate(data, today)
    except InputError as error:
        problems[error.field] = error.message
    return problems


def _row(p: PriorTherapy) -> PriorTherapyRow:
    return PriorTherapyRow(p.id, p.patient_id, p.drug, p.start_date, p.stop_date,
                           p.reason_stopped, p.last_dose_date, p.b_cells_detectable,
                           bool(p.for_skin_disease), p.notes or "", p.version_id)


def _values(p: PriorTherapy) -> dict[str, object]:
    return {name: getattr(p, name) for name in FIELDS}


def list_prior_therapies(session: Session, patient_id: int) -> list[PriorTherapyRow]:
    """The patient's prior and current therapies, oldest start first."""
    rows = session.scalars(select(PriorTherapy).where(PriorTherapy.patient_id == patient_id)
                           .order_by(PriorTherapy.start_date, PriorTherapy.id))
    return [_row(p) for p in rows]


def prior_therapy_records(session: Session, patient_id: int) -> list[PriorTherapyRecord]:
    """The history as domain records for ``app.domain.prior_therapy.evaluate_*``."""
    return [r.to_record() for r in list_prior_therapies(session, patient_id)]


def add_prior_therapy(session: Session, patient_id: int, data: PriorTherapyInput, *,
                      user: str, today: date) -> int:
    require_permission(session, Permission.ENTER_DATA)
    write_lock.hold(session)
    if session.get(Patient, patient_id) is None:
        raise PriorTherapyError(f"There is no patient with record number {patient_id}.")
    record = validate(data, today)
    row = PriorTherapy(patient_id=patient_id, drug=record.drug, start_date=data.start_date,
                       stop_date=data.stop_date, reason_stopped=data.reason_stopped,
                       last_dose_date=data.last_dose_date,
                       b_cells_detectable=data.b_cells_detectable,
                       for_skin_disease=data.for_skin_disease, notes=data.notes.strip())
    session.add(row)
    session.flush()
    audit.record(session, user=user, action="create", entity=AUDIT_ENTITY, entity_id=row.id,
                 new={"patient_id": patient_id, **_values(row)})
    return row.id


def _current(session: Session, therapy_id: int, expected_version: int,
             opened: PriorTherapyInput | None, yours: PriorTherapyInput | None
             ) -> PriorTherapy:
    """The stored therapy, if it is still the version the form was opened with."""
    row = load_current(session, PriorTherapy, therapy_id)
    if row is None:
        raise _deleted(session, therapy_id)
    if row.version_id != expected_version:
        raise _conflict(session, row, opened, yours)
    return row


def _record_name(session: Session, patient_id: int) -> str:
    study_id = session.scalar(select(Patient.study_id).where(Patient.id == patient_id))
    return f"A prior therapy of patient {study_id}"


def _conflict(session: Session, row: PriorTherapy, opened: PriorTherapyInput | None,
              yours: PriorTherapyInput | None) -> ConcurrentEditError:
    def values(data: PriorTherapyInput | None) -> dict[str, object] | None:
        return None if data is None else {name: getattr(data, name) for name in FIELDS}

    return describe_conflict(
        session, record=_record_name(session, row.patient_id), entity=AUDIT_ENTITY,
        entity_id=row.id, stored=_values(row), opened=values(opened), yours=values(yours),
        labels=FIELD_LABELS)


def _deleted(session: Session, therapy_id: int) -> Exception:
    """Refusal for a therapy that is gone: deleted by someone after the form was opened."""
    deletion = session.execute(
        select(AuditEntry.user_name, AuditEntry.old_value)
        .where(AuditEntry.entity == AUDIT_ENTITY,
               AuditEntry.entity_id == str(therapy_id),
               AuditEntry.action == "delete")
        .order_by(AuditEntry.id.desc()).limit(1)).first()
    if deletion is None:
        return PriorTherapyError(f"There is no prior therapy number {therapy_id}.")
    patient_id = json.loads(deletion.old_value or "{}").get("patient_id")
    record = (_record_name(session, patient_id) if patient_id is not None
              else "This prior therapy")
    return ConcurrentEditError(record, [FieldChange("deleted", "deleted", deletion.user_name)])


def _changed_since(session: Session, therapy_id: int, expected_version: int) -> bool:
    version = session.scalar(select(PriorTherapy.version_id)
                             .where(PriorTherapy.id == therapy_id))
    return version != expected_version


def edit_prior_therapy(session: Session, therapy_id: int, data: PriorTherapyInput, *,
                       user: str, today: date, expected_version: int,
                       opened: PriorTherapyInput | None = None,
                       reason: str | None = None) -> int:
    """Change a stored therapy; one audit entry per changed field. Returns the new version.

    ``expected_version`` and ``opened`` are the row's ``version_id`` and values when the
    form was opened (``PriorTherapyRow.version_id`` / ``to_input()``).
    """
    require_permission(session, Permission.ENTER_DATA)
    row = _current(session, therapy_id, expected_version, opened, data)
    record = validate(data, today)
    new = {"drug": record.drug, "start_date": data.start_date, "stop_date": data.stop_date,
           "reason_stopped": data.reason_stopped, "last_dose_date": data.last_dose_date,
           "b_cells_detectable": data.b_cells_detectable,
           "for_skin_disease": data.for_skin_disease, "notes": data.notes.strip()}

    def refusal() -> ConcurrentEditError:
        current = load_current(session, PriorTherapy, therapy_id)
        return (_conflict(session, current, opened, data) if current is not None
                else _deleted(session, therapy_id))  # type: ignore[return-value]

    changed = {name: (getattr(row, name), value) for name, value in new.items()
               if getattr(row, name) != value}
    with refused_if_overtaken(session, refusal,
                              lambda: _changed_since(session, therapy_id, expected_version)):
        for name, (_old, value) in changed.items():
            setattr(row, name, value)
    # One UPDATE per save (audit entries flush): the version counts saves.
    for name, (old, value) in changed.items():
        audit.record(session, user=user, action="update", entity=AUDIT_ENTITY,
                     entity_id=row.id, field=name, old=old, new=value, reason=reason)
    return row.version_id


def stop_prior_therapy(session: Session, therapy_id: int, stop_date: date,
                       reason_stopped: str, *, user: str, today: date, expected_version: int,
                       last_dose_date: date | None = None) -> int:
    """Record that an ongoing therapy was stopped (date, why, last dose)."""
    require_permission(session, Permission.ENTER_DATA)
    row = _current(session, therapy_id, expected_version, None, None)
    if row.stop_date is not None or row.reason_stopped is not None:
        raise PriorTherapyError(f"{row.drug} is already recorded as stopped.")
    current = _row(row)
    return edit_prior_therapy(session, therapy_id, PriorTherapyInput(
        current.drug, current.start_date, stop_date, reason_stopped,
        last_dose_date or current.last_dose_date, current.b_cells_detectable,
        current.for_skin_disease, current.notes), user=user, today=today,
        expected_version=expected_version, opened=current.to_input(), reason="stopped")


def delete_prior_therapy(session: Session, therapy_id: int, *, user: str, reason: str,
                         expected_version: int) -> None:
    """Remove a therapy entered by mistake (the audit trail keeps what it was)."""
    require_permission(session, Permission.ENTER_DATA)
    if not reason.strip():
        raise InputError("reason", "Give the reason for deleting this entry.")
    row = _current(session, therapy_id, expected_version, None, None)
    audit.record(session, user=user, action="delete", entity=AUDIT_ENTITY, entity_id=row.id,
                 old={"patient_id": row.patient_id, **_values(row)}, reason=reason.strip())
    session.delete(row)
    session.flush()
