"""The plain data an export is written from (no ORM objects): what ``app.exports.records``
reads from one database snapshot, already shaped by the profile (de-identified records
carry day offsets and no identifiers), keyed by the column names of ``app.reports.fields``.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from datetime import datetime

Values = dict[str, str]


def fill_row(row: list[str], index: dict[str, int], values: Values) -> None:
    """Put each value at its column's position (keys without a column are skipped).

    Per-cell work without Python bytecode per cell when every key has a column (the usual
    case): positions and assignments run in ``map``; otherwise a plain loop."""
    try:
        positions = list(map(index.__getitem__, values))
    except KeyError:
        for key, value in values.items():
            position = index.get(key)
            if position is not None:
                row[position] = value
        return
    deque(map(row.__setitem__, positions, values.values()), maxlen=0)


@dataclass
class VisitRecord:
    visit_code: str
    occurrence: int
    status: str
    values: Values = field(default_factory=dict)
    forms_with_data: set[str] = field(default_factory=set)
    adverse_events: list[Values] = field(default_factory=list)
    arm_at_visit: str = ""
    visit_id: int | None = None  # the stored visit (its audit trail in the ODM file)


@dataclass
class EnrollmentRecord:
    values: Values = field(default_factory=dict)
    arms: list[Values] = field(default_factory=list)
    prescriptions: list[Values] = field(default_factory=list)
    infusions: list[Values] = field(default_factory=list)
    visits: list[VisitRecord] = field(default_factory=list)


@dataclass
class PatientRecord:
    study_id: str  # the record id (``SITE-studyid`` from dictionary 7 on)
    access_group: str = ""  # the REDCap data access group (the site code in lower case)
    values: Values = field(default_factory=dict)
    screenings: list[Values] = field(default_factory=list)
    screening_statuses: list[str] = field(default_factory=list)
    # Oldest start first (the order the prior-therapy dialog lists them in).
    prior_therapies: list[Values] = field(default_factory=list)
    enrollments: list[EnrollmentRecord] = field(default_factory=list)


@dataclass(frozen=True)
class ProtocolVersion:
    id: str
    version: str
    content_hash: str
    origin: str = ""  # "shipped", "site plan" or "not installed here"


@dataclass(frozen=True)
class ExportInfo:
    profile: str  # "deidentified" | "identified"
    format: str  # "redcap" | "wide"
    application_version: str
    protocols: tuple[ProtocolVersion, ...]
    exported_at: datetime
    exported_by: str = ""
    bom: bool = False
    unmapped_values: int = 0  # stored items no column exists for (reported, not exported)
    dictionary_sha256: str = ""  # of the profile's REDCap data dictionary (redcap.py)
    # Which site the records come from: {"code", "installation_id"}, or for a pooled
    # database {"pooled_sites": [codes]} (app.db.site_code, app.exports.pooling).
    site: dict | None = None
