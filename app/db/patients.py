"""Patients as the GUI sees them: plain rows for the list, plain input for the form.

Every function takes the caller's Session (one per user action, see
``Database.session``) and never commits; every change is audited in that same
transaction, so a change and its audit entry are saved together or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.db import audit
from app.db.access import require_permission
from app.db.models import (
    OPEN_VISIT_STATUSES,
    SEXES,
    ArmAssignment,
    AuditEntry,
    Enrollment,
    Patient,
    PatientIdentity,
    Visit,
)
from app.db.types import utcnow
from app.domain.permissions import Permission

AUDIT_ENTITY = "patient"


@dataclass(frozen=True)
class PatientRow:
    """One line of the patient list; plain data for Qt models, never an ORM object."""

    patient_id: int
    study_id: str
    name: str  # "Family, Given"
    protocol: str | None  # protocol id of the current (active) enrollment
    arm: str | None  # arm id of the current arm assignment
    next_visit_due: date | None  # earliest target date of a visit not yet complete


@dataclass
class PatientInput:
    """What the patient form edits."""

    study_id: str
    given_name: str
    family_name: str
    date_of_birth: date | None
    sex: str  # "female" | "male" | "other"
    mrn: str = ""
    site: str = ""


class DuplicateStudyIdError(ValueError):
    def __init__(self, study_id: str) -> None:
        super().__init__(
            f'The study ID "{study_id}" is already used by another patient. '
            "Choose a different study ID."
        )
        self.study_id = study_id


FIELD_LABELS = {
    "study_id": "study ID",
    "given_name": "given name",
    "family_name": "family name",
    "date_of_birth": "date of birth",
    "sex": "sex",
    "mrn": "MRN",
    "site": "site",
}


@dataclass(frozen=True)
class FieldConflict:
    """One field the other person's save changed: what you opened, what is stored now."""

    field: str
    opened: Any  # value when the form was opened (None when not known)
    stored: Any  # value saved by the other person
    yours: Any  # value you tried to save
    changed_by: str | None = None
    opened_known: bool = False  # whether the form passed what it opened with


def _shown(value: Any) -> str:
    if value is None or value == "":
        return "(blank)"
    return value.isoformat() if isinstance(value, date) else str(value)


class ConcurrentEditError(RuntimeError):
    def __init__(self, study_id: str, conflicts: tuple[FieldConflict, ...] = ()) -> None:
        lines = [
            f"Patient {study_id} was changed by someone else after you opened it, so your "
            "changes were not saved. Nothing was overwritten."
        ]
        if conflicts:
            lines.append("What changed meanwhile:")
            for c in conflicts:
                who = f" by {c.changed_by}" if c.changed_by else ""
                before = f"{_shown(c.opened)} -> " if c.opened_known else ""
                lines.append(
                    f"  - {FIELD_LABELS.get(c.field, c.field)}: {before}{_shown(c.stored)}{who}"
                    f" (you entered {_shown(c.yours)})"
                )
        lines.append(
            "Close and reopen the patient to see the latest details, then enter your "
            "changes again."
        )
        super().__init__("\n".join(lines))
        self.study_id = study_id
        self.conflicts = conflicts

    @property
    def changed_fields(self) -> tuple[str, ...]:
        return tuple(c.field for c in self.conflicts)


class PatientNotFoundError(LookupError):
    def __init__(self, patient_id: int) -> None:
        super().__init__(f"There is no patient with record number {patient_id}.")
        self.patient_id = patient_id


# PatientInput fields stored on the patient row; the rest live on its identity row.
_PATIENT_FIELDS = ("study_id", "sex", "site")


def list_patient_rows(session: Session) -> list[PatientRow]:
    """All patients with current protocol, arm and next visit due, in one query.

    "Current" enrollment = the patient's latest active enrollment (by enrollment date,
    then id); the current arm is its assignment with no end date (at most one, enforced by
    a partial unique index); the next visit due is the earliest target date among its
    visits that are not started or still in draft.
    """
    ranked = (
        select(
            Enrollment.id.label("enrollment_id"),
            Enrollment.patient_id.label("patient_id"),
            Enrollment.protocol_id.label("protocol_id"),
            func.row_number()
            .over(
                partition_by=Enrollment.patient_id,
                order_by=(Enrollment.enrollment_date.desc(), Enrollment.id.desc()),
            )
            .label("rank"),
        )
        .where(Enrollment.status == "active")
        .subquery("ranked_enrollment")
    )
    current_arm = (
        select(ArmAssignment.enrollment_id, ArmAssignment.arm_id)
        .where(ArmAssignment.end_date.is_(None))
        .subquery("current_arm")
    )
    next_visit = (
        select(Visit.enrollment_id, func.min(Visit.target_date).label("due"))
        .where(Visit.status.in_(OPEN_VISIT_STATUSES), Visit.target_date.is_not(None))
        .group_by(Visit.enrollment_id)
        .subquery("next_visit")
    )
    statement = (
        select(
            Patient.id,
            Patient.study_id,
            PatientIdentity.family_name,
            PatientIdentity.given_name,
            ranked.c.protocol_id,
            current_arm.c.arm_id,
            next_visit.c.due,
        )
        .outerjoin(PatientIdentity, PatientIdentity.patient_id == Patient.id)
        .outerjoin(ranked, and_(ranked.c.patient_id == Patient.id, ranked.c.rank == 1))
        .outerjoin(current_arm, current_arm.c.enrollment_id == ranked.c.enrollment_id)
        .outerjoin(next_visit, next_visit.c.enrollment_id == ranked.c.enrollment_id)
        .order_by(Patient.study_id)
    )
    return [
        PatientRow(
            patient_id=row.id,
            study_id=row.study_id,
            name=display_name(row.family_name, row.given_name),
            protocol=row.protocol_id,
            arm=row.arm_id,
            next_visit_due=row.due,
        )
        for row in session.execute(statement)
    ]


def display_name(family_name: str | None, given_name: str | None) -> str:
    """ "Family, Given", without a dangling comma when one part is blank."""
    parts = [p for p in ((family_name or "").strip(), (given_name or "").strip()) if p]
    return ", ".join(parts)


def study_id_exists(
    session: Session, study_id: str, *, exclude_patient_id: int | None = None
) -> bool:
    """Whether another patient already has this study id.

    Compared ignoring case and surrounding spaces: "jdm-001" and "JDM-001 " on two
    charts would be the same child to any person reading them.
    """
    statement = select(Patient.id).where(func.lower(Patient.study_id) == study_id.strip().lower())
    if exclude_patient_id is not None:
        statement = statement.where(Patient.id != exclude_patient_id)
    return session.execute(statement.limit(1)).first() is not None


def create_patient(session: Session, data: PatientInput, *, user: str) -> int:
    """Add a patient and their identity; audit one "create" entry per field. Returns the id."""
    require_permission(session, Permission.ENTER_DATA)
    clean = _normalised(data)
    if study_id_exists(session, clean.study_id):
        raise DuplicateStudyIdError(clean.study_id)
    patient = Patient(study_id=clean.study_id, sex=clean.sex, site=clean.site)
    patient.identity = PatientIdentity(
        given_name=clean.given_name,
        family_name=clean.family_name,
        mrn=clean.mrn,
        date_of_birth=clean.date_of_birth,
    )
    session.add(patient)
    _flush_unique(session, clean.study_id)
    for name, value in _as_dict(clean).items():
        audit.record(
            session,
            user=user,
            action="create",
            entity=AUDIT_ENTITY,
            entity_id=patient.id,
            field=name,
            new=value,
        )
    return patient.id


def update_patient(
    session: Session,
    patient_id: int,
    data: PatientInput,
    *,
    user: str,
    expected_version: int | None = None,
    opened: PatientInput | None = None,
) -> None:
    """Save the form; audit each changed field with its old and new value.

    Pass ``expected_version`` (from ``get_patient_version`` when the form was opened)
    to refuse saving over someone else's newer edit: each save runs in a fresh session,
    so only the form knows which version it started from. Pass ``opened`` (the values
    the form was opened with) so the refusal can say exactly which fields changed.
    """
    require_permission(session, Permission.ENTER_DATA)
    patient = session.get(Patient, patient_id)
    if patient is None:
        raise PatientNotFoundError(patient_id)
    clean = _normalised(data)
    if expected_version is not None and patient.version_id != expected_version:
        raise ConcurrentEditError(
            patient.study_id, _conflicts(session, patient, clean, opened)
        )
    if study_id_exists(session, clean.study_id, exclude_patient_id=patient_id):
        raise DuplicateStudyIdError(clean.study_id)
    before = _as_dict(_input_from(patient))
    after = _as_dict(clean)
    changed = [name for name in after if after[name] != before[name]]
    if not changed:
        return
    if patient.identity is None:
        patient.identity = PatientIdentity(given_name="", family_name="", mrn="")
    for name in changed:
        target: Any = patient if name in _PATIENT_FIELDS else patient.identity
        setattr(target, name, after[name])
    # Touch the patient row even when only identity fields changed, so its version_id
    # advances and a concurrent edit of the same patient is detected.
    patient.updated_at = utcnow()
    try:
        _flush_unique(session, clean.study_id)
    except StaleDataError as exc:
        # Someone saved between our read and our write (the version_id check in the
        # UPDATE matched no row): same refusal as a stale expected_version.
        raise ConcurrentEditError(clean.study_id) from exc
    for name in changed:
        audit.record(
            session,
            user=user,
            action="update",
            entity=AUDIT_ENTITY,
            entity_id=patient_id,
            field=name,
            old=before[name],
            new=after[name],
        )


def _conflicts(
    session: Session, patient: Patient, yours: PatientInput, opened: PatientInput | None
) -> tuple[FieldConflict, ...]:
    """Fields the other save changed (when ``opened`` is known), else fields that differ."""
    stored = _as_dict(_input_from(patient))
    mine = _as_dict(yours)
    if opened is not None:
        base = _as_dict(_normalised(opened))
        names = [n for n in stored if stored[n] != base[n]]
    else:
        base = None
        names = [n for n in stored if stored[n] != mine[n]]
    conflicts = []
    for name in names:
        last = session.execute(
            select(AuditEntry.user_name)
            .where(
                AuditEntry.entity == AUDIT_ENTITY,
                AuditEntry.entity_id == str(patient.id),
                AuditEntry.field == name,
            )
            .order_by(AuditEntry.id.desc())
            .limit(1)
        ).scalar_one_or_none()
        conflicts.append(
            FieldConflict(
                field=name,
                opened=base[name] if base is not None else None,
                stored=stored[name],
                yours=mine[name],
                changed_by=last,
                opened_known=base is not None,
            )
        )
    return tuple(conflicts)


def get_patient_input(session: Session, patient_id: int) -> PatientInput:
    patient = session.get(Patient, patient_id)
    if patient is None:
        raise PatientNotFoundError(patient_id)
    return _input_from(patient)


def get_patient_version(session: Session, patient_id: int) -> int:
    """The patient's optimistic-locking version; keep it with an open form (see update_patient)."""
    version = session.execute(
        select(Patient.version_id).where(Patient.id == patient_id)
    ).scalar_one_or_none()
    if version is None:
        raise PatientNotFoundError(patient_id)
    return version


def _input_from(patient: Patient) -> PatientInput:
    identity = patient.identity
    return PatientInput(
        study_id=patient.study_id,
        given_name=identity.given_name if identity else "",
        family_name=identity.family_name if identity else "",
        date_of_birth=identity.date_of_birth if identity else None,
        sex=patient.sex,
        mrn=identity.mrn if identity else "",
        site=patient.site,
    )


def _normalised(data: PatientInput) -> PatientInput:
    if data.sex not in SEXES:
        raise ValueError(f"Sex must be one of {', '.join(SEXES)}; got {data.sex!r}.")
    study_id = data.study_id.strip()
    if not study_id:
        raise ValueError("A study ID is required.")
    return PatientInput(
        study_id=study_id,
        given_name=data.given_name.strip(),
        family_name=data.family_name.strip(),
        date_of_birth=data.date_of_birth,
        sex=data.sex,
        mrn=data.mrn.strip(),
        site=data.site.strip(),
    )


def _as_dict(data: PatientInput) -> dict[str, Any]:
    return {f.name: getattr(data, f.name) for f in fields(data)}


def _flush_unique(session: Session, study_id: str) -> None:
    """Flush inside a savepoint so a lost race on the unique study id reads as a duplicate."""
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError as exc:
        if "study_id" in str(exc.orig):
            raise DuplicateStudyIdError(study_id) from exc
        raise
