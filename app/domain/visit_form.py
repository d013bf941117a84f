"""What a visit form holds and when it is complete: pure rules, no Qt, no database.

Everything instrument-specific comes from the registry (``app.domain.instruments``): a
visit's sections are the instruments its protocol definition lists (seed 000, Table 3:
the basic set at every visit, MRI-if-done at baseline, autoantibodies at baseline) plus
the response at follow-ups -- ``sections_for``; its required items are those of the
instruments it lists as required (not its ``optional_instruments``) -- ``requirements_for``
and ``unmet_requirements``. A required item that is blank may instead carry an explicit
missing reason (not done / not applicable / unknown). This module also keeps the form's
rule comparing a skin finding's change with the skin activity score.

Values are plain ``ItemEntry`` records keyed ``{instrument: {item: ItemEntry}}`` (the
storage convention of ``app.db.visits``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from app.domain.dates import DateRange
from app.domain.dose_recheck import (
    DOSE_TOLERANCE_RULE,
    DoseRecheck,
    PrescribedDose,
    arm_needs_height,
    monitoring_for,
    recheck_arm_doses,
)
from app.domain.instruments.adverse_events import adverse_event_date_problems, validate_iso_date
from app.domain.instruments.baseline_tests import AUTOANTIBODIES, AUTOANTIBODY_ANSWERS
from app.domain.instruments.data_dictionary import MISSING_REASONS
from app.domain.instruments.declaration import (
    Requirement,
    VisitContext,
    requirement_explained,
    requirement_met,
    unmet_requirements,
)
from app.domain.instruments.globals import validate_global
from app.domain.instruments.medications import (
    BODY_UNITS,
    CREATININE_RANGES,
    VITAL_RANGES,
    body_measure_metric,
    validate_vital,
)
from app.domain.instruments.registry import BY_PROTOCOL_ID, INSTRUMENTS, stored_label
from app.domain.protocol import VisitDefinition
from app.domain.visit_scores import global_value
from app.domain.visit_values import ItemEntry, VisitValues

MISSING_REASON_LABELS = dict(MISSING_REASONS)

# --------------------------------------------------------------------------- sections

SECTION_LABELS: dict[str, str] = {i.id: i.label for i in INSTRUMENTS}
# Which stored instruments (the storage convention of app.db.visits) each section owns.
SECTION_INSTRUMENTS: dict[str, tuple[str, ...]] = {i.id: i.stored for i in INSTRUMENTS
                                                   if i.stored}
# An unscheduled visit (no protocol definition) offers the follow-up basic set.
UNSCHEDULED_SECTIONS = tuple(i.id for i in INSTRUMENTS if i.unscheduled)


def stored_instrument_label(instrument: str) -> str:
    """The label of the form section where a stored instrument's items are entered."""
    return stored_label(instrument)


def sections_for(definition: VisitDefinition | None, *, is_baseline: bool) -> tuple[str, ...]:
    """Form sections of a visit, in registry order; the response section on follow-ups.
    Protocol files name only instruments the registry knows (the loader refuses others)."""
    if definition is None:
        return UNSCHEDULED_SECTIONS
    listed = (*definition.instruments, *definition.optional_instruments)
    wanted = {BY_PROTOCOL_ID[i].id for i in listed if i in BY_PROTOCOL_ID}
    return tuple(i.id for i in INSTRUMENTS
                 if i.id in wanted or (i.follow_up_only and not is_baseline))


# ------------------------------------------------------------------------- visit date


def visit_date_range(date_of_birth: date | None, enrollment_date: date | None,
                     today: date | None) -> DateRange:
    """The dates a study visit may be held on: from the enrollment date (a baseline
    visit's window opens on that day, and unscheduled visits too) -- or from the date of
    birth when that is later, which only a wrong stored date makes possible -- to today
    (a visit is recorded once it has happened). A visit dated before birth would give a
    negative age, which no score or dose can use.
    ``today`` None: no latest date (a service has only the machine's clock)."""
    earliest, name = enrollment_date, "the enrollment date"
    if date_of_birth is not None and (earliest is None or date_of_birth > earliest):
        earliest, name = date_of_birth, "the date of birth"
    return DateRange(earliest, today, name if earliest is not None else "",
                     "today" if today is not None else "")


def visit_date_problem(day: date | None, date_of_birth: date | None,
                       enrollment_date: date | None, today: date | None) -> str | None:
    """Why ``day`` cannot be this visit's date, in plain words (None: it can, or it is
    blank)."""
    if day is None:
        return None
    problem = visit_date_range(date_of_birth, enrollment_date, today).problem(day)
    return f"The visit date: {problem}" if problem else None


# ----------------------------------------------------------------------- requirements


def requirements_for(
    definition: VisitDefinition | None,
    *,
    mmt8_variant: str = "unilateral",
    monitoring: tuple[str, ...] = (),
    mri_done: bool = False,
    needs_height: bool = False,
) -> tuple[Requirement, ...]:
    """The required items of a visit from its protocol definition, in the order the
    definition lists its instruments (optional instruments and unscheduled visits require
    nothing). ``needs_height``: the arm's dose rule uses body surface area, so today's
    height is required with the weight (clinical §4)."""
    if definition is None:
        return ()
    context = VisitContext(required=frozenset(definition.instruments),
                           mmt8_variant=mmt8_variant, mri_done=mri_done,
                           monitoring=monitoring, needs_height=needs_height)
    required: list[Requirement] = []
    for protocol_id in definition.instruments:
        found = BY_PROTOCOL_ID.get(protocol_id)
        if found is not None and found.requirements is not None:
            required += found.requirements(protocol_id, context)
    return tuple(required)


# ----------------------------------------------------------- skin change reminder

# The skin activity measures a skin finding's "change since the last visit" is checked
# against, in order of preference: the MDAAT cutaneous activity VAS is the skin-rash plan's
# primary outcome (seed 000, Table 3); the physician's global of skin activity stands in
# when the VAS was not recorded at both visits (it is optional in some plans).
SKIN_ACTIVITY_MEASURES: tuple[tuple[str, str], ...] = (
    ("mdaat_cutaneous_vas", "the skin activity score (MDAAT cutaneous VAS)"),
    ("pga_skin", "the physician's skin activity score (PGA skin)"),
)


@dataclass(frozen=True)
class SkinActivityChange:
    """One skin activity measure recorded at the last visit and at this one (cm)."""

    code: str
    label: str
    previous: float
    current: float


def skin_activity_change(
    previous: Mapping[str, Mapping[str, ItemEntry]] | None,
    current: Mapping[str, Mapping[str, ItemEntry]],
) -> SkinActivityChange | None:
    """The first of ``SKIN_ACTIVITY_MEASURES`` with a usable value (a number from 0 to
    10 cm in 0.1 cm steps) at both visits, or None when there is nothing to compare. Never
    mixes measures: both numbers are always the same measure."""
    if previous is None:
        return None
    for code, label in SKIN_ACTIVITY_MEASURES:
        before, now = global_value(previous, code), global_value(current, code)
        if before is None or now is None:
            continue
        if validate_global(code, before) or validate_global(code, now):
            continue  # an entry still being corrected is not compared
        return SkinActivityChange(code, label, before, now)
    return None


__all__ = [
    "AUTOANTIBODIES",
    "AUTOANTIBODY_ANSWERS",
    "BODY_UNITS",
    "CREATININE_RANGES",
    "DOSE_TOLERANCE_RULE",
    "MISSING_REASONS",
    "MISSING_REASON_LABELS",
    "SECTION_INSTRUMENTS",
    "SECTION_LABELS",
    "UNSCHEDULED_SECTIONS",
    "VITAL_RANGES",
    "DoseRecheck",
    "ItemEntry",
    "PrescribedDose",
    "Requirement",
    "SkinActivityChange",
    "VisitValues",
    "adverse_event_date_problems",
    "arm_needs_height",
    "body_measure_metric",
    "monitoring_for",
    "recheck_arm_doses",
    "requirement_explained",
    "requirement_met",
    "requirements_for",
    "sections_for",
    "skin_activity_change",
    "stored_instrument_label",
    "unmet_requirements",
    "validate_iso_date",
    "validate_vital",
    "visit_date_problem",
    "visit_date_range",
]
