"""Validation of a patient's identity fields, in words clinic staff understand."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

SEX_CHOICES: tuple[tuple[str, str], ...] = (
    ("female", "Female"),
    ("male", "Male"),
    ("other", "Other / not stated"),
)

# Study ids go to coordinators in every export, so they must be safe as REDCap record ids
# and must not be built from identifiers (names, MRN, dates): letters, digits, - and _.
STUDY_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")
OLDEST_AGE_YEARS = 30  # a paediatric clinic; older dates of birth are almost always typos


@dataclass(frozen=True)
class PatientFields:
    study_id: str
    given_name: str
    family_name: str
    date_of_birth: date | None
    sex: str


def validate_patient_fields(fields: PatientFields, today: date) -> dict[str, str]:
    """Return {field name: plain-words problem}; an empty dict means the fields are valid."""
    problems: dict[str, str] = {}
    study_id = fields.study_id.strip()
    if not study_id:
        problems["study_id"] = "Study id is required."
    elif not STUDY_ID_PATTERN.match(study_id):
        problems["study_id"] = (
            "Study id may use only letters, digits, '-' and '_' (up to 32 characters), "
            "starting with a letter or digit."
        )
    if not fields.family_name.strip():
        problems["family_name"] = "Family name is required."
    if not fields.given_name.strip():
        problems["given_name"] = "Given name is required."
    dob = fields.date_of_birth
    if dob is None:
        problems["date_of_birth"] = "Date of birth is required."
    elif dob > today:
        problems["date_of_birth"] = (
            f"Date of birth {dob.isoformat()} is in the future (today is {today.isoformat()})."
        )
    elif today.year - dob.year > OLDEST_AGE_YEARS:
        problems["date_of_birth"] = (
            f"Date of birth {dob.isoformat()} gives an age over {OLDEST_AGE_YEARS} years; "
            "please check the year."
        )
    if fields.sex not in {code for code, _ in SEX_CHOICES}:
        problems["sex"] = "Choose the patient's sex."
    return problems
