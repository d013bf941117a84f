"""Planned doses: an arm's computed doses with the clinician's final amounts and the
first dose dates, for enrollment and an arm switch (clinical rules §4).

* A final dose is optional: empty = give the computed amount. A different amount needs
  a reason; above the protocol maximum it is refused with the maximum shown.
* IVIG infusion dates: the first 6 doses from the treatment start date (3 fortnightly +
  3 monthly), enough for the first 4 months; later dates follow the same schedule.
* Final doses are keyed by ``dose_key`` = "<option>:<drug>" for a dose that belongs to an
  arm option, else the drug, so two options of one drug (infliximab 5 mg/kg and
  6-10 mg/kg) never share a final dose.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain.age import age_on
from app.domain.body import BodyMeasurements
from app.domain.dosing import (
    DoseResult,
    FinalDoseCheck,
    check_final_dose,
    compute_dose,
    dose_headline,
)
from app.domain.errors import InputError
from app.domain.phrases import Phrase
from app.domain.protocol import Protocol
from app.domain.schedule import infusion_dates

INFUSION_DATES_SHOWN = 6


@dataclass
class DoseEntry:
    final: str = ""  # empty = give the computed amount
    reason: str = ""



def dose_key(result: DoseResult) -> str:
    """Key of a dose's final-dose entry: "<option>:<drug>" for an option's dose."""
    return f"{result.option}:{result.drug}" if result.option else result.drug


@dataclass(frozen=True)
class PlannedDose:
    """A computed dose, the clinician's final amount and what is wrong with it (if anything)."""

    result: DoseResult
    final_amount: float  # what will be given
    override_reason: str | None
    check: FinalDoseCheck | None  # None when no final amount was typed
    problem: str | None  # refusal or missing reason; None = acceptable
    schedule: tuple[date, ...]  # planned dose dates (IVIG), else empty

    @property
    def headline(self) -> str:
        return str(self.headline_words)

    @property
    def headline_words(self) -> Phrase:
        return dose_headline(self.result, self.final_amount, self.check is None)


def plan_dose(result: DoseResult, entry: DoseEntry, schedule: tuple[date, ...] = ()
              ) -> PlannedDose:
    """Apply the clinician's final amount to a computed dose (clinical rules §4)."""
    text = entry.final.strip()
    if not text:
        return PlannedDose(result, result.amount, None, None, None, schedule)
    try:
        check = check_final_dose(result, text)
    except InputError as error:
        return PlannedDose(result, result.amount, None, None, error.message, schedule)
    reason = entry.reason.strip()
    if check.reason_required and not reason:
        # Not accepted yet: what is shown as "to give" stays the computed amount.
        return PlannedDose(result, result.amount, None, check, check.message, schedule)
    return PlannedDose(result, check.final_amount, reason if check.differs else None, check,
                       None, schedule)


def arm_schedule(protocol: Protocol, rule_schedule: str | None,
                 start: date | None) -> tuple[date, ...]:
    """The first dose dates (up to 6; fewer when the schedule has fewer doses). A daily
    medicine with no end (every phase every day, e.g. prednisone's taper course) has none
    to list; a finite daily course (pulses daily × 3) has."""
    if rule_schedule is None or start is None:
        return ()
    spec = protocol.schedule(rule_schedule)
    daily = all(phase.every_days == 1 for phase in spec.phases)
    if daily and spec.phases[-1].doses is None:
        return ()
    count = INFUSION_DATES_SHOWN
    if all(phase.doses is not None for phase in spec.phases):
        count = min(count, sum(phase.doses or 0 for phase in spec.phases))
    return tuple(infusion_dates(spec, start, count))


def plan_arm_doses(protocol: Protocol, arm_id: str, body: BodyMeasurements,
                   entries: dict[str, DoseEntry], start: date | None,
                   option: str | None = None,
                   date_of_birth: date | None = None) -> list[PlannedDose]:
    """Computed doses for an arm (and arm option, e.g. adalimumab in a TNF arm) with the
    final amounts and dose dates applied; a drug labelled from an age is checked against
    the child's age on the first dose day (from ``date_of_birth``)."""
    arm = protocol.arm(arm_id)
    rules = arm.doses_for(option or None) if arm.options else arm.doses
    age = age_on(date_of_birth, start)
    planned = []
    for rule in rules:
        result = compute_dose(rule, body, age)
        schedule = arm_schedule(protocol, rule.schedule, start)
        planned.append(plan_dose(result, entries.get(dose_key(result), DoseEntry()), schedule))
    return planned
