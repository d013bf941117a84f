"""The visits due this week and overdue, across all patients (Visits > due this week).

One query on the (status, target_date) and (status, window_start) indexes, read as plain
Core rows in the order they are stored, and one pass making the rows shown: at 50,000
patients the list holds ~15,000 visits, and the ORM's row objects and a second pass per
row took longer than the SQL (issue 22). The rows are those the patient's timeline shows
(``app.db.visit_timeline.VisitRow``), with the same overdue and due-soon rules.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import String, and_, or_, select, type_coerce
from sqlalchemy.orm import Session

from app.db.models import OPEN_VISIT_STATUSES, Enrollment, Patient, PatientIdentity, Visit
from app.db.patients import display_name
from app.db.visit_timeline import VisitRow

# The dates as stored (ISO text on SQLite), made into dates here: SQLAlchemy's SQLite
# date parsing (a regular expression per value) took two thirds of the time.
_COLUMNS = (Visit.id, Visit.enrollment_id, Enrollment.patient_id, Patient.study_id,
            Visit.visit_code, Visit.occurrence, Visit.label,
            *(type_coerce(column, String) for column in (
                Visit.target_date, Visit.window_start, Visit.window_end, Visit.visit_date)),
            Visit.status, PatientIdentity.family_name, PatientIdentity.given_name)


def due_visits(session: Session, today: date | None = None, days_ahead: int = 7
               ) -> list[VisitRow]:
    """Open visits of active enrollments that are overdue (window closed) or due within
    ``days_ahead`` days (target date or window opening). Overdue first, then by target
    date, study id and visit."""
    today = today or date.today()
    horizon = today + timedelta(days=days_ahead)
    # The open visits' ids first, from the indexes alone, then their rows in id order:
    # read in the order they are stored instead of index order, the rows of the visits,
    # their enrollments and patients come page after page (half the time at 10,000).
    open_ids = (
        select(Visit.id)
        .where(Visit.status.in_(OPEN_VISIT_STATUSES),
               or_(Visit.target_date <= horizon,
                   and_(Visit.window_start.is_not(None), Visit.window_start <= horizon)))
        .correlate(None))
    statement = (
        select(*_COLUMNS)
        .join(Enrollment, Enrollment.id == Visit.enrollment_id)
        .join(Patient, Patient.id == Enrollment.patient_id)
        .outerjoin(PatientIdentity, PatientIdentity.patient_id == Patient.id)
        .where(Visit.id.in_(open_ids), Enrollment.status == "active")
        .order_by(Visit.id))
    keyed = []
    for (visit_id, enrollment_id, patient_id, study_id, code, occurrence, label, target,
         window_start, window_end, visit_date, status, family, given
         ) in session.connection().execute(statement).all():
        target, window_start, window_end, visit_date = (
            _day(target), _day(window_start), _day(window_end), _day(visit_date))
        # Every visit here is open (the query's status): overdue once its window (or,
        # without one, its target date) has passed; due soon within days_ahead or once
        # its window has opened.
        last = window_end or target
        overdue = last is not None and last < today
        soon = not overdue and target is not None and (
            target <= horizon or (window_start is not None and window_start <= today))
        row = VisitRow(visit_id, enrollment_id, patient_id, study_id, code, occurrence,
                       label, target, window_start, window_end, visit_date, status,
                       overdue, soon, display_name(family, given))
        keyed.append(((not overdue, target or today, study_id, visit_id), row))
    keyed.sort(key=_first)
    return [row for _key, row in keyed]


def _first(pair: tuple) -> object:
    return pair[0]


def _day(stored: str | date | None) -> date | None:
    """A date column's value: ISO text from SQLite, a date from a server's driver."""
    return date.fromisoformat(stored) if isinstance(stored, str) else stored
