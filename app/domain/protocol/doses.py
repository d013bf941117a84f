"""Dose rules and dosing schedules as data: per kg, per m², fixed, the greater or lesser
of sub-rules, or bands of weight or of body surface area; with cap, minimum, dose range,
rounding and the age a drug is labelled from. Computed by ``app.domain.dosing``; schedules
are laid out in time by ``app.domain.schedule``."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.domain.dose_sentences import BAND_BOUND, BAND_BOUNDS
from app.domain.phrases import Number, Phrase, phrase
from app.domain.protocol.provenance import RuleStatus


class RuleKind(StrEnum):
    PER_KG = "per_kg"
    PER_M2 = "per_m2"
    FIXED = "fixed"
    GREATER_OF = "greater_of"
    LESSER_OF = "lesser_of"
    WEIGHT_BANDS = "weight_bands"
    BSA_BANDS = "bsa_bands"  # e.g. rituximab in the RIM trial: 575 mg/m² up to 1.5 m²


class BandMeasure(StrEnum):
    """What a band is a range of: weight in kg or body surface area in m²."""

    WEIGHT = "kg"
    BSA = "m²"


class RoundingMode(StrEnum):
    NEAREST = "nearest"  # half rounds up
    DOWN = "down"
    UP = "up"


UNITS = ("g", "mg")
PER = ("dose", "day")
ROUTES = ("IV", "oral", "SC")


@dataclass(frozen=True)
class Rounding:
    """How the amount to give is rounded (always provisional data with its source)."""

    increment: float
    mode: RoundingMode
    source: str
    status: RuleStatus


@dataclass(frozen=True)
class Band:
    """A range of weight (kg) or body surface area (m²) with the rule that applies in it;
    whether each bound is included is stated (< 75 kg and ≤ 75 kg give different doses)."""

    low: float | None
    high: float | None
    low_inclusive: bool
    high_inclusive: bool
    rule: DoseRule
    measure: BandMeasure = BandMeasure.WEIGHT

    def contains(self, value: float) -> bool:
        if self.low is not None:
            if value < self.low or (value == self.low and not self.low_inclusive):
                return False
        if self.high is not None:
            if value > self.high or (value == self.high and not self.high_inclusive):
                return False
        return True

    def describe(self) -> str:
        return str(self.describe_phrase())

    def describe_phrase(self) -> Phrase:
        """"≥ 10 kg and < 15 kg", "≤ 1.5 m²": each bound with its sign, as a Phrase (its
        bounds Numbers, so the interface writes them with its decimal mark)."""
        unit = self.measure.value
        bounds = []
        if self.low is not None:
            bounds.append(phrase(BAND_BOUND, "≥" if self.low_inclusive else ">",
                                 Number(f"{self.low:g}"), unit))
        if self.high is not None:
            bounds.append(phrase(BAND_BOUND, "≤" if self.high_inclusive else "<",
                                 Number(f"{self.high:g}"), unit))
        if len(bounds) == 2:
            return phrase(BAND_BOUNDS, *bounds)
        return bounds[0] if bounds else phrase("")


@dataclass(frozen=True)
class LabelledAge:
    """The age a drug (or route) is labelled from, e.g. abatacept IV from 6 years: a dose
    for a younger child is still computed, with a warning (clinical-rules §1.2)."""

    from_years: float
    source: str
    status: RuleStatus


@dataclass(frozen=True)
class DoseRule:
    """One dose (or limit) rule. Composite kinds hold sub-rules that inherit drug, unit
    and per from their parent; cap, minimum and rounding apply only at the top level."""

    drug: str
    kind: RuleKind
    unit: str
    per: str
    source: str
    status: RuleStatus
    amount: float | None = None
    rules: tuple[DoseRule, ...] = ()
    bands: tuple[Band, ...] = ()  # weight or BSA bands (``kind`` says which)
    cap: float | None = None
    minimum: float | None = None
    at_least: bool = False
    route: str = ""
    frequency: str = ""
    schedule: str | None = None
    rounding: Rounding | None = None
    label: str = ""
    note: str = ""
    # Arm option this dose belongs to (None = given in every option of the arm).
    option: str | None = None
    # Upper end of a dose range in the same rate units (e.g. infliximab 6-10 mg/kg:
    # amount 6, amount_max 10); the computed amount is the lower end.
    amount_max: float | None = None
    labelled_age: LabelledAge | None = None
    # Why a rule that grows with the body has no cap (``uncapped = true`` in the file).
    uncapped_reason: str = ""

    @property
    def grows_with_body(self) -> bool:
        """True when the amount can rise without limit as weight or body surface area
        rises: such a rule needs a cap, or a stated reason why it has none."""
        return bool(_unbounded_in(self))

    @property
    def needs_height(self) -> bool:
        """True if any part of the rule uses body surface area."""
        if self.kind in (RuleKind.PER_M2, RuleKind.BSA_BANDS):
            return True
        return any(r.needs_height for r in self.rules) or any(
            b.rule.needs_height for b in self.bands
        )


def _unbounded_in(rule: DoseRule) -> frozenset[BandMeasure]:
    """The measures (weight, BSA) the rule's amount rises with, without limit."""
    if rule.kind is RuleKind.PER_KG:
        return frozenset({BandMeasure.WEIGHT})
    if rule.kind is RuleKind.PER_M2:
        return frozenset({BandMeasure.BSA})
    parts = [_unbounded_in(r) for r in rule.rules]
    if rule.kind is RuleKind.GREATER_OF:
        return frozenset().union(*parts)
    if rule.kind is RuleKind.LESSER_OF:
        # The lesser of terms is unbounded only if every term is (a fixed term holds it).
        return frozenset().union(*parts) if parts and all(parts) else frozenset()
    out: frozenset[BandMeasure] = frozenset()
    for band in rule.bands:
        grows = _unbounded_in(band.rule)
        if band.high is not None:
            grows -= {band.measure}  # a weight band's top bounds a per-kg rule, not per m²
        out |= grows
    return out


class PhaseDose(StrEnum):
    """What the computed dose is during a phase of a course."""

    TARGET = "target"  # the dose to give (checked within a tolerance at visits)
    MAXIMUM = "maximum"  # a ceiling: any dose up to it, e.g. a taper at the clinician's pace


@dataclass(frozen=True)
class SchedulePhase:
    """Doses every ``every_days`` days or every ``every_months`` calendar months;
    ``doses`` None means open-ended (only the last phase). ``computed_dose`` says whether
    the rule's dose is the target or only a maximum in this phase (prednisone: 4 weeks at
    2 mg/kg/day, then tapered at the clinician's discretion)."""

    every_days: int | None
    every_months: int | None
    doses: int | None
    computed_dose: PhaseDose = PhaseDose.TARGET


@dataclass(frozen=True)
class ScheduleSpec:
    id: str
    label: str
    phases: tuple[SchedulePhase, ...]
    source: str
    status: RuleStatus
