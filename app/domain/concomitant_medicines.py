"""Concomitant medicines recorded at enrollment: the current ones the arm lets the child
keep taking, the daily corticosteroid and the pulse methylprednisolone with their limits
(seed 000, Table 2, rules 1-2).

* The daily corticosteroid dose is checked against ≤ 2 mg/kg/day and 60 mg and refused
  above (seed 000, Table 2, rule 2a). Pulse methylprednisolone is recorded with its
  computed maximum (30 mg/kg, max 1000 mg; provisional in the protocol file).
* Concomitant limits are looked up by id only: the daily corticosteroid limit is
  ``daily_corticosteroid`` or ``daily_oral_glucocorticoid``; pulse methylprednisolone is
  one of the plan's per-dose methylprednisolone limits, chosen by id (persistent skin
  rash: ``iv_methylprednisolone_pulse``; refractory: bridging weekly × 4 or daily × 3).
  A pulse dose typed is refused above that limit's maximum.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from app.domain import enrollment_sentences as said
from app.domain.body import BodyMeasurements
from app.domain.dosing import LimitResult, check_corticosteroid_dose, compute_limit
from app.domain.errors import InputError
from app.domain.phrases import PlanText, joined, sentence
from app.domain.planned_doses import arm_schedule
from app.domain.protocol import Arm, ArmRuleKind, ConcomitantLimit, Protocol
from app.domain.screening import parse_iso_date
from app.domain.units import format_number

if TYPE_CHECKING:
    from app.domain.enrollment import EnrollmentDraft


@dataclass(frozen=True)
class ContinuingChoice:
    """A current medicine the arm lets the child keep taking (its ``may_continue`` rules),
    as the concomitant page offers it: ``allowed`` when the screening recorded it as
    current (for a medicine the plan asks about at screening) and the rule's condition
    holds; ``why_not`` otherwise."""

    drug: str
    label: str
    unit: str
    allowed: bool
    why_not: str


def continuing_choices(protocol: Protocol, arm: Arm,
                       facts: dict[str, Any]) -> list[ContinuingChoice]:
    """The medicines the arm's ``may_continue`` rules name (seed 000, Table 2, rule 1), in
    the plan's order; a drug the arm itself doses is prescribed as the arm's, not offered.
    A medicine the plan asks about at screening (detail field ``<drug>_use``) may continue
    only when the screening recorded it as "current"; its label is that field's label."""
    arm_drugs = {d.drug.casefold() for d in arm.doses}
    out: list[ContinuingChoice] = []
    for rule in arm.rules_of(ArmRuleKind.MAY_CONTINUE):
        holds = rule.when is None or rule.when.holds(facts)
        for drug in rule.drugs:
            key = drug.casefold()
            if key in arm_drugs or any(c.drug == key for c in out):
                continue
            try:
                asked = protocol.detail_field(f"{key}_use")
            except KeyError:
                asked = None
            label = asked.label if asked is not None else drug[:1].upper() + drug[1:]
            why_not = "" if holds else "the plan's condition for continuing it is not met"
            if asked is not None and facts.get(asked.id) != "current":
                why_not = "the screening did not record it as current"
            unit = next((d.unit for a in protocol.arms for d in a.doses
                         if d.drug.casefold() == key), "")
            out.append(ContinuingChoice(key, label, unit, not why_not, why_not))
    return out


@dataclass(frozen=True)
class ConcomitantItem:
    """A concomitant medication to record (role "concomitant")."""

    drug: str
    label: str
    unit: str
    per: str
    frequency: str
    route: str
    calculated: bool  # True when amount is a computed maximum
    amount: float | None
    final_amount: float | None
    derivation: str
    source: str
    status: str
    schedule: tuple[date, ...] = ()


# Concomitant limits by id (never guessed from the unit): the plans name them.
CORTICOSTEROID_LIMIT_IDS = ("daily_corticosteroid", "daily_oral_glucocorticoid")
PULSE_LIMIT_IDS = ("iv_methylprednisolone_pulse", "bridging_methylprednisolone_weekly",
                   "bridging_methylprednisolone_daily")


def _limit_by_id(protocol: Protocol, ids: tuple[str, ...]) -> ConcomitantLimit | None:
    for limit_id in ids:
        for limit in protocol.concomitant_limits:
            if limit.id == limit_id:
                return limit
    return None


def corticosteroid_limit(protocol: Protocol, body: BodyMeasurements) -> LimitResult | None:
    """Daily corticosteroid maximum (seed 000, Table 2 rule 2a; refractory plan
    ``daily_oral_glucocorticoid``: ≤ 2 mg/kg/day, max 60 mg)."""
    limit = _limit_by_id(protocol, CORTICOSTEROID_LIMIT_IDS)
    return None if limit is None else compute_limit(limit, body)


def pulse_limits(protocol: Protocol) -> tuple[ConcomitantLimit, ...]:
    """The plan's pulse / bridging methylprednisolone limits, in file order."""
    return tuple(lim for lim in protocol.concomitant_limits if lim.id in PULSE_LIMIT_IDS)


def pulse_limit(protocol: Protocol, body: BodyMeasurements,
                limit_id: str = "") -> LimitResult | None:
    """Pulse methylprednisolone maximum (30 mg/kg, max 1000 mg) of the limit ``limit_id``,
    or of the plan's only pulse limit when no id is given (None when the plan has none,
    or several and none was chosen)."""
    limits = pulse_limits(protocol)
    if limit_id:
        chosen = next((lim for lim in limits if lim.id == limit_id), None)
    else:
        chosen = limits[0] if len(limits) == 1 else None
    return None if chosen is None else compute_limit(chosen, body)


def pulse_problem(protocol: Protocol, body: BodyMeasurements, draft: EnrollmentDraft
                  ) -> dict[str, str]:
    if not draft.pulse:
        return {}
    limits = pulse_limits(protocol)
    if not limits:
        return {"pulse": sentence(said.NO_PULSE_LIMIT)}
    if len(limits) > 1 and draft.pulse_limit_id not in {lim.id for lim in limits}:
        return {"pulse": sentence(said.PULSE_SCHEDULE_NEEDED,
                                  joined(" or ", [PlanText(lim.label) for lim in limits]))}
    if draft.pulse_mg.strip():
        limit = pulse_limit(protocol, body, draft.pulse_limit_id)
        assert limit is not None
        try:
            check_corticosteroid_dose(limit, draft.pulse_mg)
        except InputError as error:
            return {"pulse": error.message}
        try:
            if float(draft.pulse_mg) <= 0:
                return {"pulse": sentence(said.PULSE_NOT_POSITIVE)}
        except ValueError:
            pass
    return {}


def corticosteroid_problem(protocol: Protocol, body: BodyMeasurements, text: str) -> str | None:
    """Refusal message for a daily corticosteroid above 2 mg/kg/day or 60 mg, else None."""
    if not text.strip():
        return None
    limit = corticosteroid_limit(protocol, body)
    if limit is None:
        return sentence(said.NO_STEROID_LIMIT)
    try:
        check_corticosteroid_dose(limit, text)
    except InputError as error:
        return error.message
    return None


# The labels concomitant_items gives itself (the others are the plan file's); the
# interface translates them by these (app.forms.enrollment.summary_page).
PULSE_LABEL = "IV methylprednisolone pulse (at provider's discretion)"
CONTINUING_SUFFIX = " (continuing)"


def concomitant_items(protocol: Protocol, draft: EnrollmentDraft, body: BodyMeasurements,
                      arm: Arm) -> list[ConcomitantItem]:
    """Concomitant medications recorded at enrollment (seed 000, Table 2 rules 1-2)."""
    items: list[ConcomitantItem] = []
    steroid = draft.corticosteroid_mg_per_day.strip()
    limit = corticosteroid_limit(protocol, body)
    if steroid and limit is not None:
        dose = check_corticosteroid_dose(limit, steroid)
        items.append(ConcomitantItem(
            "prednisone", "Daily corticosteroid (prednisone or equivalent)", "mg", "day",
            "daily", "oral", False, None, dose,
            limit.derivation + f"\nEntered: {format_number(dose)} mg/day, within the maximum of "
            f"{format_number(limit.max_amount)} mg/day.",
            limit.source, limit.status.value))
    if draft.pulse:
        pulse = pulse_limit(protocol, body, draft.pulse_limit_id)
        if pulse is not None:
            limit = next(lim for lim in pulse_limits(protocol) if lim.id == pulse.limit_id
                         ) if pulse.limit_id else None
            given = (check_corticosteroid_dose(pulse, draft.pulse_mg)
                     if draft.pulse_mg.strip() else None)
            schedule: tuple[date, ...] = ()
            if limit is not None and limit.rule.schedule:
                schedule = arm_schedule(protocol, limit.rule.schedule,
                                        parse_iso_date(draft.start_date)
                                        or parse_iso_date(draft.enrollment_date))
            label = (limit.label if limit is not None and limit.id != "iv_methylprednisolone_pulse"
                     else PULSE_LABEL)
            derivation = pulse.derivation + (
                f"\nEntered: {format_number(given)} mg per pulse, within the maximum of "
                f"{format_number(pulse.max_amount)} mg." if given is not None else "")
            items.append(ConcomitantItem(
                "methylprednisolone", label,
                "mg", "dose", pulse.frequency or "per pulse, at the provider's discretion",
                "IV", True, pulse.max_amount, given, derivation, pulse.source,
                pulse.status.value, schedule))
    rules = arm.rules_of(ArmRuleKind.MAY_CONTINUE)
    rule_text = " ".join(r.text for r in rules)
    rule_source = "; ".join(r.source for r in rules)
    choices = {c.drug: c for c in continuing_choices(protocol, arm, {})}
    for drug in draft.continuing:
        choice = choices.get(drug)
        if choice is None:  # not one the arm lets continue
            continue
        label = f"{choice.label}{CONTINUING_SUFFIX}"
        items.append(ConcomitantItem(
            choice.drug, label, choice.unit, "dose", "as before", "", False, None, None,
            f"{label}: continued at the current dose (dose not recorded here). {rule_text}",
            rule_source or "seed 000, Table 2", "seed"))
    return items
