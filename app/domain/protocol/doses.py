"""Dose rules and dosing schedules as data: per kg, per m², fixed, the greater or lesser
of sub-rules, or weight bands; with cap, minimum, dose range and rounding. Computed by
``app.domain.dosing``; schedules are laid out in time by ``app.domain.schedule``."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.domain.protocol.provenance import RuleStatus


class RuleKind(StrEnum):
    PER_KG = "per_kg"
    PER_M2 = "per_m2"
    FIXED = "fixed"
    GREATER_OF = "greater_of"
    LESSER_OF = "lesser_of"
    WEIGHT_BANDS = "weight_bands"


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
class WeightBand:
    min_kg: float | None
    max_kg: float | None
    min_inclusive: bool
    max_inclusive: bool
    rule: DoseRule

    def contains(self, weight_kg: float) -> bool:
        if self.min_kg is not None:
            if weight_kg < self.min_kg or (weight_kg == self.min_kg and not self.min_inclusive):
                return False
        if self.max_kg is not None:
            if weight_kg > self.max_kg or (weight_kg == self.max_kg and not self.max_inclusive):
                return False
        return True

    def describe(self) -> str:
        low = (
            ""
            if self.min_kg is None
            else f"{'≥' if self.min_inclusive else '>'} {self.min_kg:g} kg"
        )
        high = (
            ""
            if self.max_kg is None
            else f"{'≤' if self.max_inclusive else '<'} {self.max_kg:g} kg"
        )
        return " and ".join(p for p in (low, high) if p)


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
    bands: tuple[WeightBand, ...] = ()
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

    @property
    def needs_height(self) -> bool:
        """True if any part of the rule uses body surface area."""
        if self.kind is RuleKind.PER_M2:
            return True
        return any(r.needs_height for r in self.rules) or any(
            b.rule.needs_height for b in self.bands
        )


@dataclass(frozen=True)
class SchedulePhase:
    """Doses every ``every_days`` days or every ``every_months`` calendar months;
    ``doses`` None means open-ended (only the last phase)."""

    every_days: int | None
    every_months: int | None
    doses: int | None


@dataclass(frozen=True)
class ScheduleSpec:
    id: str
    label: str
    phases: tuple[SchedulePhase, ...]
    source: str
    status: RuleStatus
