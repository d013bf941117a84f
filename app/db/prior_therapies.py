"""Prior-therapy history: a first-class, audited record, entered once per patient and
reused by every screening (issue 7; clinical-rules §1.2).

Functions take the caller's Session and never commit (one transaction per user action);
every change is audited in the same transaction. Rows go out as plain dataclasses; the
domain check (``PriorTherapyRecord``: stop before start, last dose outside the course,
unknown reason) runs before anything is written, and dates in the future are refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import audit
from app.db.models import Patient, PriorTherapy
from app.domain.errors import InputError
from app.domain.prior_therapy import PriorTherapyRecord

AUDIT_ENTITY = "prior_therapy"
FIELDS = ("drug", "start_date", "stop_date", "reason_stopped", "last_dose_date",
          "b_cells_detectable", "for_skin_disease", "notes")


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

    @property
    def ongoing(self) -> bool:
        return self.stop_date is None and self.reason_stopped is None

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
                           bool(p.for_skin_disease), p.notes or "")


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


def _get(session: Session, therapy_id: int) -> PriorTherapy:
    row = session.get(PriorTherapy, therapy_id)
    if row is None:
        raise PriorTherapyError(f"There is no prior therapy number {therapy_id}.")
    return row


def edit_prior_therapy(session: Session, therapy_id: int, data: PriorTherapyInput, *,
                       user: str, today: date, reason: str | None = None) -> None:
    """Change a stored therapy; one audit entry per changed field."""
    row = _get(session, therapy_id)
    record = validate(data, today)
    new = {"drug": record.drug, "start_date": data.start_date, "stop_date": data.stop_date,
           "reason_stopped": data.reason_stopped, "last_dose_date": data.last_dose_date,
           "b_cells_detectable": data.b_cells_detectable,
           "for_skin_disease": data.for_skin_disease, "notes": data.notes.strip()}
    for name, value in new.items():
        old = getattr(row, name)
        if old != value:
            setattr(row, name, value)
            audit.record(session, user=user, action="update", entity=AUDIT_ENTITY,
                         entity_id=row.id, field=name, old=old, new=value, reason=reason)
    session.flush()


def stop_prior_therapy(session: Session, therapy_id: int, stop_date: date,
                       reason_stopped: str, *, user: str, today: date,
                       last_dose_date: date | None = None) -> None:
    """Record that an ongoing therapy was stopped (date, why, last dose)."""
    row = _get(session, therapy_id)
    if row.stop_date is not None or row.reason_stopped is not None:
        raise PriorTherapyError(f"{row.drug} is already recorded as stopped.")
    current = _row(row)
    edit_prior_therapy(session, therapy_id, PriorTherapyInput(
        current.drug, current.start_date, stop_date, reason_stopped,
        last_dose_date or current.last_dose_date, current.b_cells_detectable,
        current.for_skin_disease, current.notes), user=user, today=today, reason="stopped")


def delete_prior_therapy(session: Session, therapy_id: int, *, user: str, reason: str) -> None:
    """Remove a therapy entered by mistake (the audit trail keeps what it was)."""
    if not reason.strip():
        raise InputError("reason", "Give the reason for deleting this entry.")
    row = _get(session, therapy_id)
    audit.record(session, user=user, action="delete", entity=AUDIT_ENTITY, entity_id=row.id,
                 old={"patient_id": row.patient_id, **_values(row)}, reason=reason.strip())
    session.delete(row)
    session.flush()
