"""The patient's timeline: every visit of their enrollments, overdue or due soon, and
adding an unscheduled visit to it. The visits due across all patients
(app.db.due_visits) are shown as the same rows, by the same overdue and due-soon rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import audit
from app.db.access import require_permission
from app.db.models import OPEN_VISIT_STATUSES, Enrollment, Patient, PatientIdentity, Visit
from app.db.patients import display_name
from app.domain.permissions import Permission


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
