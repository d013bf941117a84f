"""Reading the audit trail: who changed what, when and why, as plain rows.

The trail stores ``(entity, entity_id)`` pairs, so "everything about patient 7" means
the patient row itself plus every record that hangs off that patient (screenings,
enrollments, visits, arm assignments, prescriptions, measurements, prior therapies,
instrument values, adverse events). ``AuditFilter.patient_id`` resolves those ids
through the clinical tables at query time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.orm import Session

from app.db.access import require_permission
from app.db.models import (
    AdverseEvent,
    Anthropometric,
    ArmAssignment,
    AuditEntry,
    Enrollment,
    InstrumentValue,
    Patient,
    Prescription,
    PriorTherapy,
    Screening,
    Visit,
)
from app.db.record_states import STATE_ACTION
from app.domain.permissions import Permission

DEFAULT_LIMIT = 10_000


@dataclass(frozen=True)
class AuditRow:
    """One audit entry for a table or a printout."""

    id: int
    occurred_at: datetime
    user_name: str
    action: str
    entity: str
    entity_id: str | None
    field: str | None
    old_value: str | None
    new_value: str | None
    reason: str | None


@dataclass(frozen=True)
class AuditFilter:
    """All given criteria must hold (AND). Dates are whole local days, inclusive."""

    patient_id: int | None = None
    visit_id: int | None = None
    user_name: str | None = None
    entity: str | None = None
    entity_id: str | int | None = None
    action: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    text: str | None = None  # substring in field / old / new / reason

    def describe(self) -> str:
        parts = []
        if self.patient_id is not None:
            parts.append(f"patient record {self.patient_id}")
        if self.visit_id is not None:
            parts.append(f"visit record {self.visit_id}")
        if self.user_name:
            parts.append(f"user {self.user_name}")
        if self.entity:
            parts.append(f"entity {self.entity}" + (f" {self.entity_id}" if self.entity_id else ""))
        if self.action:
            parts.append(f"action {self.action}")
        if self.date_from:
            parts.append(f"from {self.date_from.isoformat()}")
        if self.date_to:
            parts.append(f"to {self.date_to.isoformat()}")
        if self.text:
            parts.append(f"containing {self.text!r}")
        return ", ".join(parts) if parts else "all entries"


def _ids(session: Session, statement: Select[Any]) -> list[str]:
    return [str(value) for value in session.scalars(statement)]


def _patient_scope(session: Session, patient_id: int) -> Any:
    """A condition matching every audit entry about the patient or their records."""
    enrollments = select(Enrollment.id).where(Enrollment.patient_id == patient_id)
    visits = select(Visit.id).where(Visit.enrollment_id.in_(enrollments))
    by_entity: dict[str, list[str]] = {
        "patient": [str(patient_id)],
        "screening": _ids(session, select(Screening.id).where(Screening.patient_id == patient_id)),
        "enrollment": _ids(session, enrollments),
        "visit": _ids(session, visits),
        "arm_assignment": _ids(
            session, select(ArmAssignment.id).where(ArmAssignment.enrollment_id.in_(enrollments))
        ),
        "prescription": _ids(
            session, select(Prescription.id).where(Prescription.enrollment_id.in_(enrollments))
        ),
        "anthropometric": _ids(
            session, select(Anthropometric.id).where(Anthropometric.patient_id == patient_id)
        ),
        "prior_therapy": _ids(
            session, select(PriorTherapy.id).where(PriorTherapy.patient_id == patient_id)
        ),
        "instrument_value": _ids(
            session, select(InstrumentValue.id).where(InstrumentValue.visit_id.in_(visits))
        ),
        "adverse_event": _ids(
            session, select(AdverseEvent.id).where(AdverseEvent.visit_id.in_(visits))
        ),
    }
    return _entity_condition(by_entity)


def _visit_scope(session: Session, visit_id: int) -> Any:
    by_entity: dict[str, list[str]] = {
        "visit": [str(visit_id)],
        "instrument_value": _ids(
            session, select(InstrumentValue.id).where(InstrumentValue.visit_id == visit_id)
        ),
        "adverse_event": _ids(
            session, select(AdverseEvent.id).where(AdverseEvent.visit_id == visit_id)
        ),
    }
    return _entity_condition(by_entity)


def _entity_condition(by_entity: dict[str, list[str]]) -> Any:
    return or_(
        *(
            and_(AuditEntry.entity == entity, AuditEntry.entity_id.in_(ids))
            for entity, ids in by_entity.items()
            if ids
        )
    )


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min).astimezone().astimezone(UTC)


def query_audit(
    session: Session, criteria: AuditFilter | None = None, *, limit: int = DEFAULT_LIMIT
) -> list[AuditRow]:
    """Entries matching ``criteria``, oldest first (at most ``limit``, newest kept).

    The trail holds identified data (old and new values): it needs view_audit, checked
    against the session's account as it is now."""
    require_permission(session, Permission.VIEW_AUDIT)
    criteria = criteria or AuditFilter()
    statement = select(
        AuditEntry.id,
        AuditEntry.occurred_at,
        AuditEntry.user_name,
        AuditEntry.action,
        AuditEntry.entity,
        AuditEntry.entity_id,
        AuditEntry.field,
        AuditEntry.old_value,
        AuditEntry.new_value,
        AuditEntry.reason,
    )
    if criteria.patient_id is not None:
        statement = statement.where(_patient_scope(session, criteria.patient_id))
    if criteria.visit_id is not None:
        statement = statement.where(_visit_scope(session, criteria.visit_id))
    if criteria.user_name:
        statement = statement.where(AuditEntry.user_name == criteria.user_name)
    if criteria.entity:
        statement = statement.where(AuditEntry.entity == criteria.entity)
    if criteria.entity_id is not None and criteria.entity_id != "":
        statement = statement.where(AuditEntry.entity_id == str(criteria.entity_id))
    if criteria.action:
        statement = statement.where(AuditEntry.action == criteria.action)
    else:
        # The record states appended at every commit are for `audit verify`, not people:
        # shown only when asked for by name.
        statement = statement.where(AuditEntry.action != STATE_ACTION)
    if criteria.date_from is not None:
        statement = statement.where(AuditEntry.occurred_at >= _start_of(criteria.date_from))
    if criteria.date_to is not None:
        end = _start_of(criteria.date_to + timedelta(days=1))
        statement = statement.where(AuditEntry.occurred_at < end)
    if criteria.text:
        pattern = f"%{criteria.text}%"
        statement = statement.where(
            or_(
                AuditEntry.field.ilike(pattern),
                AuditEntry.old_value.ilike(pattern),
                AuditEntry.new_value.ilike(pattern),
                AuditEntry.reason.ilike(pattern),
            )
        )
    newest = statement.order_by(AuditEntry.id.desc()).limit(limit)
    rows = [AuditRow(**row._asdict()) for row in session.execute(newest)]
    rows.reverse()
    return rows


def audit_for_patient(session: Session, patient_id: int) -> list[AuditRow]:
    return query_audit(session, AuditFilter(patient_id=patient_id))


def audit_for_visit(session: Session, visit_id: int) -> list[AuditRow]:
    return query_audit(session, AuditFilter(visit_id=visit_id))


def distinct_users(session: Session) -> list[str]:
    return list(session.scalars(select(AuditEntry.user_name).distinct().order_by("user_name")))


def distinct_entities(session: Session) -> list[str]:
    return list(session.scalars(select(AuditEntry.entity).distinct().order_by("entity")))


def patient_study_id(session: Session, patient_id: int) -> str | None:
    return session.scalar(select(Patient.study_id).where(Patient.id == patient_id))
