"""Patients as the GUI sees them: plain rows for the list, plain input for the form.

Every function takes the caller's Session (one per user action, see
``Database.session``) and never commits; every change is audited in that same
transaction, so a change and its audit entry are saved together or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from app.db import audit, write_lock
from app.db.access import require_permission
from app.db.conflicts import (
    ConcurrentEditError,
    describe_conflict,
    load_current,
    refused_if_overtaken,
)
from app.db.models import SEXES, Patient, PatientIdentity

# The list's rows are read by app.db.patient_list (without the models, for the start).
from app.db.patient_list import (  # noqa: F401 - re-exported: the list is part of patients
    PatientRow,
    display_name,
    list_patient_rows,
    patient_row,
    read_patient_list,
)
from app.db.types import utcnow
from app.domain.disease_history import DiseaseHistory, history_problems
from app.domain.permissions import Permission

AUDIT_ENTITY = "patient"


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
    # Disease history and self-reported background (app.domain.disease_history).
    onset_date: date | None = None
    diagnosis_date: date | None = None
    race: str = ""
    ethnicity: str = ""


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
    "onset_date": "disease onset date",
    "diagnosis_date": "diagnosis date",
    "race": "race",
    "ethnicity": "ethnicity",
}


class PatientNotFoundError(LookupError):
    def __init__(self, patient_id: int) -> None:
        super().__init__(f"There is no patient with record number {patient_id}.")
        self.patient_id = patient_id


# PatientInput fields stored on the patient row; the rest live on its identity row.
_PATIENT_FIELDS = ("study_id", "sex", "site", "onset_date", "diagnosis_date", "race",
                   "ethnicity")


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


def patient_id_of(session: Session, study_id: str) -> int | None:
    """The patient with exactly this study id (the cohort view's links), or None."""
    require_permission(session, Permission.VIEW_DATA)
    return session.scalar(select(Patient.id).where(Patient.study_id == study_id))


def create_patient(session: Session, data: PatientInput, *, user: str) -> int:
    """Add a patient and their identity; audit one "create" entry per field. Returns the id."""
    require_permission(session, Permission.ENTER_DATA)
    clean = _normalised(data)
    # Under the write lock the duplicate check below sees every committed patient.
    write_lock.hold(session)
    if study_id_exists(session, clean.study_id):
        raise DuplicateStudyIdError(clean.study_id)
    patient = Patient(study_id=clean.study_id, sex=clean.sex, site=clean.site,
                      onset_date=clean.onset_date, diagnosis_date=clean.diagnosis_date,
                      race=clean.race, ethnicity=clean.ethnicity)
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
    expected_version: int,
    opened: PatientInput | None = None,
) -> int:
    """Save the form; audit each changed field with its old and new value.

    ``expected_version`` is the version the form was opened with (``get_patient_version``
    in the session that read ``opened``, the values the form showed): each save runs in a
    fresh session, so only the form knows which version it started from. A patient
    changed since is refused with ``ConcurrentEditError`` naming the fields the other
    person changed and who. Returns the patient's new version, for a form that stays open.
    """
    require_permission(session, Permission.ENTER_DATA)
    patient = load_current(session, Patient, patient_id, selectinload(Patient.identity))
    if patient is None:
        raise PatientNotFoundError(patient_id)
    clean = _normalised(data)

    def refusal() -> ConcurrentEditError:
        current = load_current(session, Patient, patient_id, selectinload(Patient.identity))
        assert current is not None  # patients are never deleted
        return _conflict(session, current, clean, opened)

    if patient.version_id != expected_version:
        raise refusal()
    if study_id_exists(session, clean.study_id, exclude_patient_id=patient_id):
        raise DuplicateStudyIdError(clean.study_id)
    before = _as_dict(_input_from(patient))
    after = _as_dict(clean)
    changed = [name for name in after if after[name] != before[name]]
    if not changed:
        return patient.version_id
    # Changed inside the savepoint: beginning one flushes what is already pending.
    with refused_if_overtaken(session, refusal, lambda: _version(session, patient_id)
                              != expected_version):
        if patient.identity is None:
            patient.identity = PatientIdentity(given_name="", family_name="", mrn="")
        for name in changed:
            target: Any = patient if name in _PATIENT_FIELDS else patient.identity
            setattr(target, name, after[name])
        # Touch the patient row even when only identity fields changed: its version is
        # the one the form holds, so it must advance with every save of the patient.
        patient.updated_at = utcnow()
        _flush_unique(session, clean.study_id)
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
    return patient.version_id


def _version(session: Session, patient_id: int) -> int | None:
    return session.execute(
        select(Patient.version_id).where(Patient.id == patient_id)
    ).scalar_one_or_none()


def _conflict(
    session: Session, patient: Patient, yours: PatientInput, opened: PatientInput | None
) -> ConcurrentEditError:
    return describe_conflict(
        session,
        record=f"Patient {patient.study_id}",
        entity=AUDIT_ENTITY,
        entity_id=patient.id,
        stored=_as_dict(_input_from(patient)),
        opened=_as_dict(_normalised(opened, check=False)) if opened is not None else None,
        yours=_as_dict(yours),
        labels=FIELD_LABELS,
    )


def get_patient_input(session: Session, patient_id: int) -> PatientInput:
    patient = session.get(Patient, patient_id)
    if patient is None:
        raise PatientNotFoundError(patient_id)
    return _input_from(patient)


def get_patient_version(session: Session, patient_id: int) -> int:
    """The patient's optimistic-locking version; keep it with an open form (see update_patient)."""
    version = _version(session, patient_id)
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
        onset_date=patient.onset_date,
        diagnosis_date=patient.diagnosis_date,
        race=patient.race or "",
        ethnicity=patient.ethnicity or "",
    )


class PatientHistoryError(ValueError):
    """Disease dates or background codes that break a rule; ``problems`` by field."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__(" ".join(problems.values()))
        self.problems = problems


def _normalised(data: PatientInput, *, check: bool = True) -> PatientInput:
    if data.sex not in SEXES:
        raise ValueError(f"Sex must be one of {', '.join(SEXES)}; got {data.sex!r}.")
    study_id = data.study_id.strip()
    if not study_id:
        raise ValueError("A study ID is required.")
    # The same rules as the dialog, for the CLI and the import too.
    problems = history_problems(
        DiseaseHistory(data.onset_date, data.diagnosis_date, data.race, data.ethnicity),
        data.date_of_birth, date.today())
    if problems and check:
        raise PatientHistoryError(problems)
    return PatientInput(
        study_id=study_id,
        given_name=data.given_name.strip(),
        family_name=data.family_name.strip(),
        date_of_birth=data.date_of_birth,
        sex=data.sex,
        mrn=data.mrn.strip(),
        site=data.site.strip(),
        onset_date=data.onset_date,
        diagnosis_date=data.diagnosis_date,
        race=data.race,
        ethnicity=data.ethnicity,
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
