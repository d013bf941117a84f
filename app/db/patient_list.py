"""The patient list as read from storage: one query, plain rows.

Written against the tables by name (SQLAlchemy Core's lightweight ``table``/``column``),
not through the ORM models: the desktop start reads and shows this list before it
imports ``app.db.models`` and the ORM (a quarter of the start's CPU, issue 22). The
tables and columns named here are checked against the models by
tests/db/test_db_patient_list_tables.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import cache
from typing import NamedTuple

from sqlalchemy import Connection, Date, Row, Select, and_, column, func, select, table

# Visits still waiting to be done; the patient list's "next visit due" looks only at these.
OPEN_VISIT_STATUSES = ("not_started", "draft")

_patient = table("patient", column("id"), column("study_id"))
_identity = table("patient_identity", column("patient_id"), column("family_name"),
                  column("given_name"))
_enrollment = table("enrollment", column("id"), column("patient_id"), column("protocol_id"),
                    column("enrollment_date", Date), column("status"))
_arm = table("arm_assignment", column("id"), column("enrollment_id"), column("arm_id"),
             column("end_date", Date))
_visit = table("visit", column("enrollment_id"), column("status"),
               column("target_date", Date))


class PatientRow(NamedTuple):
    """One line of the patient list; plain data for Qt models, never an ORM object.

    A named tuple rather than a dataclass: the list builds 10,000 of them per refresh,
    and a tuple is made and unpacked in C (issue 22)."""

    patient_id: int
    study_id: str
    name: str  # "Family, Given"
    protocol: str | None  # protocol id of the current (active) enrollment, else the last one
    arm: str | None  # arm id of its current arm assignment (an ended one: its last arm)
    next_visit_due: date | None  # earliest target date of a visit not yet complete
    ended: str | None = None  # "completed" or "withdrawn" when no enrollment is active


def list_patient_rows(reader: Connection | object) -> list[PatientRow]:
    """All patients with current protocol, arm and next visit due, in one query.

    "Current" enrollment = the patient's latest active enrollment (by enrollment date,
    then id); the current arm is its assignment with no end date (at most one, enforced by
    a partial unique index); the next visit due is the earliest target date among its
    visits that are not started or still in draft. Per patient, each is one index search
    (migration 0012): the query grows linearly with the number of patients. A patient with
    no active enrollment shows the last ended one recorded, with its last arm and how it ended
    (``ended``), and nothing due; only those patients pay for the second look-up.

    ``reader``: a Core connection (``Database.reading_connection``) or a Session.
    """
    return list(map(patient_row, read_patient_list(reader)))


def read_patient_list(reader: Connection | object) -> Sequence[Row]:
    """The rows of ``list_patient_rows`` as read, for a caller that makes the PatientRow
    (``patient_row``) only of the patients it shows: (patient id, study id, family name,
    given name, protocol id, arm id, next visit due, enrollment status)."""
    connection = reader if isinstance(reader, Connection) else reader.connection()
    # Core execution: plain rows without the ORM's per-row bookkeeping (10,000 rows).
    return connection.execute(_list_statement()).all()  # one fetch


def patient_row(read: Row) -> PatientRow:
    """The list's line of one patient as ``read_patient_list`` read it."""
    patient_id, study_id, family, given, protocol, arm, due, status = read
    return PatientRow(patient_id, study_id, display_name(family, given), protocol, arm, due,
                      None if status is None or status == "active" else status)


def display_name(family_name: str | None, given_name: str | None) -> str:
    """ "Family, Given", without a dangling comma when one part is blank."""
    family = family_name.strip() if family_name else ""
    given = given_name.strip() if given_name else ""
    return f"{family}, {given}" if family and given else family or given


@cache
def _list_statement() -> Select:
    """The list's query, built once per process rather than at every refresh."""
    patient, identity, enrollment, arm, visit = _patient, _identity, _enrollment, _arm, _visit
    active_enrollment = (
        select(enrollment.c.id)
        .where(enrollment.c.patient_id == patient.c.id, enrollment.c.status == "active")
        .order_by(enrollment.c.enrollment_date.desc(), enrollment.c.id.desc())
        .limit(1)
        .correlate(patient)
        .scalar_subquery()
    )
    # Read only when no enrollment is active (coalesce stops at the first): the last one
    # recorded, an aggregate over the index (ordering by date would sort per patient).
    last_enrollment = (
        select(func.max(enrollment.c.id))
        .where(enrollment.c.patient_id == patient.c.id)
        .correlate(patient)
        .scalar_subquery()
    )
    current_enrollment = func.coalesce(active_enrollment, last_enrollment)
    last_arm = (  # an ended enrollment's arm: the last recorded (a switch adds a row), in
        # the order of the enrollment_id index (no sort)
        select(arm.c.arm_id)
        .where(arm.c.enrollment_id == enrollment.c.id, enrollment.c.status != "active")
        .order_by(arm.c.id.desc())
        .limit(1)
        .correlate(enrollment)
        .scalar_subquery()
    )
    next_due = (
        select(func.min(visit.c.target_date))
        .where(visit.c.enrollment_id == enrollment.c.id,
               visit.c.status.in_(OPEN_VISIT_STATUSES),
               visit.c.target_date.is_not(None), enrollment.c.status == "active")
        .correlate(enrollment)
        .scalar_subquery()
    )
    return (
        select(
            patient.c.id,
            patient.c.study_id,
            identity.c.family_name,
            identity.c.given_name,
            enrollment.c.protocol_id,
            func.coalesce(arm.c.arm_id, last_arm),
            next_due.label("due"),
            enrollment.c.status,
        )
        .select_from(patient)
        .outerjoin(identity, identity.c.patient_id == patient.c.id)
        .outerjoin(enrollment, enrollment.c.id == current_enrollment)
        .outerjoin(arm, and_(arm.c.enrollment_id == enrollment.c.id,
                             arm.c.end_date.is_(None)))
        .order_by(patient.c.study_id)
    )
