"""Enrollment and arm switch: the draft, which arms are open and why, doses and checks.

Plain Python; the enrollment wizard and the arm-switch dialog only map widgets to the
draft. Sources: seed 000, Table 2 (arms, rules across arms), clinical rules §1.1 and §4.

Decisions documented here:

* Arm availability comes from the protocol's arm rules evaluated on the screening's
  saved details: ``unavailable_if`` closes an arm (arm A when IVIG was already given for
  skin disease) and says why; ``may_consider`` re-opens it only when the clinician ticks
  the option (restarting previously stopped IVIG) and gives a reason. When the IVIG
  history for skin disease is Unknown, arm A stays open with a caution to confirm it.
* The measurement must be dated on or before the enrollment date and at most 30 days
  before it (clinical rules §4); an older one blocks the page until re-measured.
* A final dose is optional: empty = give the computed amount. A different amount needs
  a reason; above the protocol maximum it is refused with the maximum shown.
* The daily corticosteroid dose is checked against ≤ 2 mg/kg/day and 60 mg and refused
  above (seed 000, Table 2, rule 2a). Pulse methylprednisolone is recorded with its
  computed maximum (30 mg/kg, max 1000 mg; provisional in the protocol file).
* IVIG infusion dates: the first 6 doses from the treatment start date (3 fortnightly +
  3 monthly), enough for the first 4 months; later dates follow the same schedule.
* Plans with arm options and prior-therapy rules (refractory-biologic, moderate-JDM-2010):
  - Final doses are keyed by ``dose_key`` = "<option>:<drug>" for a dose that belongs to
    an arm option, else the drug, so two options of one drug (infliximab 5 mg/kg and
    6-10 mg/kg) never share a final dose.
  - The prior-therapy rules are evaluated again on the ENROLLMENT date for the chosen arm
    and option (a 1-month "enrol after starting" window or a washout can change between
    screening and enrollment). "Not met" blocks the arm with the reasons; "unknown"
    needs the clinician's reason for going ahead (recorded in the arm notes).
  - Concomitant limits are looked up by id only: the daily corticosteroid limit is
    ``daily_corticosteroid`` or ``daily_oral_glucocorticoid``; pulse methylprednisolone
    is one of the plan's per-dose methylprednisolone limits, chosen by id (persistent
    skin rash: ``iv_methylprednisolone_pulse``; refractory: bridging weekly × 4 or daily
    × 3). A pulse dose typed is refused above that limit's maximum.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.domain import growth
from app.domain.age import age_on
from app.domain.body import BodyMeasurements, measurement_age_warning
from app.domain.dosing import (
    DoseResult,
    FinalDoseCheck,
    LimitResult,
    check_corticosteroid_dose,
    check_final_dose,
    compute_dose,
    compute_limit,
    dose_headline,
)
from app.domain.errors import InputError
from app.domain.growth import GrowthReference, GrowthSubject
from app.domain.phrases import Phrase
from app.domain.prior_therapy import (
    ArmPriorTherapyResult,
    Outcome,
    PriorTherapyRecord,
    evaluate_arm,
)
from app.domain.protocol import Arm, ArmRuleKind, ConcomitantLimit, Protocol
from app.domain.schedule import ScheduledVisit, infusion_dates, visit_schedule
from app.domain.screening import parse_iso_date
from app.domain.treatment_course_record import (
    ArmChoiceReasons,
    arm_choice_problems,
    normalised_reasons,
)
from app.domain.units import (
    format_number,
    height_cm_from_inches,
    validate_height_cm,
    validate_weight_kg,
    weight_kg_from_lb,
)

DRAFT_KIND = "enrollment"
INFUSION_DATES_SHOWN = 6
SWITCH_REASONS = {
    "inadequate_response": "Inadequate response",
    "toxicity": "Toxicity",
}
PROVISIONAL_TAG = "provisional — verify against the published plan"


def draft_key(screening_id: int) -> str:
    return f"screening:{screening_id}"


# --------------------------------------------------------------------------- arms


@dataclass(frozen=True)
class ArmChoice:
    """One arm as the clinician sees it on the arm page."""

    arm_id: str
    name: str
    summary: str
    open: bool  # selectable without anything else
    closed_reasons: tuple[str, ...]  # why it is not open (plain words)
    may_consider: str | None  # text of the exception the clinician may tick (restart IVIG)
    cautions: tuple[str, ...]
    may_continue: tuple[str, ...]  # e.g. "Current medications, including IVIG, may be continued."
    monitoring: tuple[str, ...]
    provisional: bool  # a dose rule of this arm is provisional

    @property
    def selectable(self) -> bool:
        return self.open or self.may_consider is not None


def arm_choices(protocol: Protocol, facts: dict[str, Any]) -> list[ArmChoice]:
    """Every arm with its rules applied to the screening facts (seed 000, Table 2)."""
    options = []
    for arm in protocol.arms:
        closed = tuple(_closed_reason(protocol, r.text, r.when.field, facts)
                       for r in arm.rules_of(ArmRuleKind.UNAVAILABLE_IF)
                       if r.when is not None and r.when.holds(facts))
        consider = None
        if closed:
            texts = [r.text for r in arm.rules_of(ArmRuleKind.MAY_CONSIDER)
                     if r.when is None or r.when.holds(facts)]
            consider = " ".join(texts) or None
        cautions = []
        for rule in arm.rules_of(ArmRuleKind.UNAVAILABLE_IF):
            cond = rule.when
            if cond is None or cond.field is None or closed:
                continue
            if facts.get(cond.field) == "unknown" or _criterion_unknown_for(protocol, cond.field,
                                                                             facts):
                cautions.append(f"Not known whether this applies: {rule.text} Confirm before "
                                "choosing this arm.")
        options.append(ArmChoice(
            arm_id=arm.id,
            name=arm.name,
            summary=arm.summary,
            open=not closed,
            closed_reasons=closed,
            may_consider=consider,
            cautions=tuple(cautions),
            may_continue=tuple(r.text for r in arm.rules_of(ArmRuleKind.MAY_CONTINUE)),
            monitoring=tuple(r.text for r in arm.rules_of(ArmRuleKind.MONITORING)),
            provisional=any(d.status.value == "provisional" for d in arm.doses),
        ))
    return options


def _closed_reason(protocol: Protocol, text: str, field_id: str | None,
                   facts: dict[str, Any]) -> str:
    """The rule's text plus the screening answer that triggered it."""
    if field_id is None:
        return text
    try:
        detail = protocol.detail_field(field_id)
    except KeyError:
        return text
    value = facts.get(field_id)
    shown = next((c.label for c in detail.choices if c.value == value), str(value))
    return f"{text} The screening recorded: \"{detail.label}\" {shown}."


def _criterion_unknown_for(protocol: Protocol, field_id: str, facts: dict[str, Any]) -> bool:
    """True when the criterion that owns ``field_id`` was answered Unknown."""
    for criterion in protocol.criteria:
        if any(d.id == field_id for d in criterion.details):
            return facts.get(criterion.id) == "unknown"
    return False


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


# --------------------------------------------------------------------------- draft


@dataclass
class DoseEntry:
    final: str = ""  # empty = give the computed amount
    reason: str = ""


@dataclass
class EnrollmentDraft:
    """What the enrollment wizard edits; plain JSON via to_payload/from_payload."""

    patient_id: int
    screening_id: int
    protocol_id: str
    enrollment_date: str = ""
    weight: str = ""
    weight_unit: str = "kg"  # kg | lb
    height: str = ""
    height_unit: str = "cm"  # cm | in
    measured_on: str = ""
    arm_id: str = ""
    arm_option: str = ""  # e.g. "adalimumab" when the arm offers options
    prior_unknown_reason: str = ""  # why go ahead when a prior-therapy rule is unknown
    pulse_limit_id: str = ""  # which pulse/bridging methylprednisolone limit
    pulse_mg: str = ""  # the pulse dose to give (empty = the computed maximum)
    consider_exception: bool = False  # e.g. restart previously stopped IVIG
    exception_reason: str = ""
    start_date: str = ""  # first dose; empty = enrollment date
    doses: dict[str, DoseEntry] = field(default_factory=dict)
    corticosteroid_mg_per_day: str = ""  # empty = no daily corticosteroid
    pulse: bool = False  # a pulse of one of the plan's pulse limits (``pulse_limit_id``)
    continuing: list[str] = field(default_factory=list)  # drugs of ``continuing_choices``
    sun_protection_counselled: bool = False
    measures_confirmed: bool = False  # weight/height beyond ±3 SD for age checked and kept
    # Why this arm (codes of treatment_course_record.ARM_CHOICE_CODES) and "other" text.
    choice_reasons: list[str] = field(default_factory=list)
    choice_other: str = ""
    concomitant_seen: bool = False  # screening's current therapies offered once, then kept
    page: str = ""

    def dose_entry(self, drug: str) -> DoseEntry:
        return self.doses.setdefault(drug, DoseEntry())

    def to_payload(self) -> dict[str, Any]:
        data = {k: v for k, v in self.__dict__.items() if k != "doses"}
        data["doses"] = {d: {"final": e.final, "reason": e.reason} for d, e in self.doses.items()}
        return data

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> EnrollmentDraft:
        data = dict(payload)
        _read_legacy_keys(data)
        doses = {d: DoseEntry(**e) for d, e in (data.pop("doses", None) or {}).items()}
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known}, doses=doses)


# Drafts autosaved before the concomitant page was read from the plan named these drugs in
# their own keys; read back so nothing typed is lost.
_LEGACY_CONTINUING = {"continue_ivig": "ivig", "continue_hydroxychloroquine": "hydroxychloroquine",
                      "continue_methotrexate": "methotrexate"}


def _read_legacy_keys(data: dict[str, Any]) -> None:
    if "pulse_methylprednisolone" in data:
        data.setdefault("pulse", bool(data.pop("pulse_methylprednisolone")))
    continuing = list(data.get("continuing") or [])
    for key, drug in _LEGACY_CONTINUING.items():
        if data.pop(key, False) and drug not in continuing:
            continuing.append(drug)
    data["continuing"] = continuing


# --------------------------------------------------------------------------- measurements


def read_body(draft_weight: str, weight_unit: str, draft_height: str, height_unit: str,
              measured_on: str) -> BodyMeasurements:
    """Weight/height as typed (kg or lb, cm or in) → validated measurements (clinical §4).

    Raises InputError on "weight", "height" or "measured_on".
    """
    try:
        weight = (weight_kg_from_lb(draft_weight) if weight_unit == "lb"
                  else validate_weight_kg(draft_weight))
    except InputError as error:
        raise InputError("weight", error.message) from None
    height = None
    if draft_height.strip():
        try:
            height = (height_cm_from_inches(draft_height) if height_unit == "in"
                      else validate_height_cm(draft_height))
        except InputError as error:
            raise InputError("height", error.message) from None
    day = parse_iso_date(measured_on)
    if day is None:
        raise InputError("measured_on", "Enter the date the weight was measured (YYYY-MM-DD).")
    return BodyMeasurements(weight_kg=weight, height_cm=height, measured_on=day)


def measurement_problems(
    weight: str, weight_unit: str, height: str, height_unit: str, measured_on: str,
    reference_day: date | None, needs_height: bool,
) -> dict[str, str]:
    """{field: message} for weight, height and measurement date, each checked on its own
    so every problem shows at once (empty = valid)."""
    problems: dict[str, str] = {}
    try:
        weight_kg_from_lb(weight) if weight_unit == "lb" else validate_weight_kg(weight)
    except InputError as error:
        problems["weight"] = error.message
    if height.strip():
        try:
            height_cm_from_inches(height) if height_unit == "in" else validate_height_cm(height)
        except InputError as error:
            problems["height"] = error.message
    elif needs_height:
        problems["height"] = ("Height is needed: a dose in this plan uses body surface area "
                              "(mg/m²). Enter the height in cm or inches.")
    day = parse_iso_date(measured_on)
    if day is None:
        problems["measured_on"] = "Enter the date the weight was measured (YYYY-MM-DD)."
    elif reference_day is not None:
        warning = measurement_age_warning(day, reference_day)
        if warning:
            problems["measured_on"] = warning + " Enter a new measurement."
    return problems


def describe_bsa(body: BodyMeasurements) -> str:
    if body.bsa_m2 is None:
        return "BSA: needs height"
    return (f"BSA {body.bsa_m2:.2f} m² (Mosteller: √({format_number(body.height_cm or 0, 2)} cm × "
            f"{format_number(body.weight_kg, 3)} kg / 3600) = {body.bsa_m2:.4f} m²)")


CONFIRM_MEASURES = "confirm_measures"


def measurement_plausibility(
    weight: str, weight_unit: str, height: str, height_unit: str, measured_on: str,
    subject: GrowthSubject | None, reference: GrowthReference | None,
) -> tuple[dict[str, str], dict[str, str]]:
    """(hints, warnings) for typed measurements judged for the child's age and sex
    (CDC 2000; see ``app.domain.growth``).

    ``hints``: {"weight" | "height": "Did you mean …?"} for a number that fits far better
    in another unit (added to the refusal or warning of that field). ``warnings``:
    {"weight" | "height" | "bmi": message} for values more than 3 SD from the median,
    which the person must confirm. Empty without a date of birth or reference.
    """
    day = parse_iso_date(measured_on)
    if subject is None or reference is None or subject.date_of_birth is None or day is None:
        return {}, {}
    hints: dict[str, str] = {}
    for name, text, unit, measure in (("weight", weight, weight_unit, growth.WEIGHT),
                                      ("height", height, height_unit, growth.HEIGHT)):
        try:
            typed = float(text.strip())
        except ValueError:
            continue
        if typed > 0:
            hint = growth.unit_slip(reference, subject, day, measure, typed, unit)
            if hint:
                hints[name] = hint
    try:
        body = read_body(weight, weight_unit, height, height_unit, measured_on)
    except InputError:
        return hints, {}
    warnings = growth.implausible_warnings(growth.judge_measurements(
        reference, subject, day, body.weight_kg, body.height_cm))
    return hints, warnings


def plausibility_problems(hints: dict[str, str], warnings: dict[str, str],
                          problems: dict[str, str], confirmed: bool) -> dict[str, str]:
    """Unit hints joined to the fields' problems (or warnings), and the confirmation
    still needed when a value is beyond ±3 SD."""
    out = dict(problems)
    for name, hint in hints.items():
        if name in out:
            out[name] = f"{out[name]} {hint}"
    if warnings and not confirmed and not ({"weight", "height"} & set(problems)):
        out[CONFIRM_MEASURES] = ("A measurement is far from what is usual for this child's "
                                 "age and sex. Check it; if it is right, tick the "
                                 "confirmation.")
    return out


def describe_confirmed(warnings: dict[str, str]) -> str:
    """The note kept with the record when unusual measurements were confirmed."""
    return ("Measurements confirmed although unusual for age and sex: "
            + " ".join(warnings.values()))


def protocol_needs_height(protocol: Protocol) -> bool:
    return any(d.needs_height for arm in protocol.arms for d in arm.doses)


# --------------------------------------------------------------------------- doses


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
        return {"pulse": "This plan gives no pulse methylprednisolone limit."}
    if len(limits) > 1 and draft.pulse_limit_id not in {lim.id for lim in limits}:
        return {"pulse": "Choose the pulse schedule: " + " or ".join(
            lim.label for lim in limits) + "."}
    if draft.pulse_mg.strip():
        limit = pulse_limit(protocol, body, draft.pulse_limit_id)
        assert limit is not None
        try:
            check_corticosteroid_dose(limit, draft.pulse_mg)
        except InputError as error:
            return {"pulse": error.message}
        try:
            if float(draft.pulse_mg) <= 0:
                return {"pulse": "The pulse dose must be more than zero."}
        except ValueError:
            pass
    return {}


def corticosteroid_problem(protocol: Protocol, body: BodyMeasurements, text: str) -> str | None:
    """Refusal message for a daily corticosteroid above 2 mg/kg/day or 60 mg, else None."""
    if not text.strip():
        return None
    limit = corticosteroid_limit(protocol, body)
    if limit is None:
        return "This plan gives no daily corticosteroid limit; record the dose at the visit."
    try:
        check_corticosteroid_dose(limit, text)
    except InputError as error:
        return error.message
    return None


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
                     else "IV methylprednisolone pulse (at provider's discretion)")
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
        label = f"{choice.label} (continuing)"
        items.append(ConcomitantItem(
            choice.drug, label, choice.unit, "dose", "as before", "", False, None, None,
            f"{label}: continued at the current dose (dose not recorded here). {rule_text}",
            rule_source or "seed 000, Table 2", "seed"))
    return items


# --------------------------------------------------------------------------- validation


def option_problem(protocol: Protocol, arm_id: str, option_id: str) -> str | None:
    """An arm with options (drug, route or regimen) needs one chosen."""
    arm = protocol.arm(arm_id)
    if not arm.options:
        return None
    if option_id not in arm.option_ids:
        return f"Choose the option for arm {arm.id}: " + ", ".join(
            o.label for o in arm.options) + "."
    return None


def _at_enrollment(reasons: tuple[str, ...]) -> str:
    """The rule reasons, which name the day judged "the screening date", re-worded for
    an evaluation on the enrollment date."""
    return " ".join(reasons).replace("screening date", "enrollment date")


@dataclass(frozen=True)
class EnrollmentPage:
    DETAILS = "details"
    ARM = "arm"
    DOSES = "doses"
    CONCOMITANT = "concomitant"
    SUMMARY = "summary"


PAGES = (EnrollmentPage.DETAILS, EnrollmentPage.ARM, EnrollmentPage.DOSES,
         EnrollmentPage.CONCOMITANT, EnrollmentPage.SUMMARY)


@dataclass
class EnrollmentFlow:
    """Validation of each enrollment page on the draft (no Qt)."""

    protocol: Protocol
    facts: dict[str, Any]
    today: date
    screening_date: date | None = None
    prior_records: tuple[PriorTherapyRecord, ...] = ()
    subject: GrowthSubject | None = None  # age and sex for the plausibility check
    growth_reference: GrowthReference | None = None

    def prior_result(self, draft: EnrollmentDraft,
                     arm_id: str | None = None) -> ArmPriorTherapyResult | None:
        """The prior-therapy rules for the chosen arm and option on the ENROLLMENT date
        (None when the plan has none or the date/arm is not set)."""
        arm_id = arm_id or draft.arm_id
        day = self.enrollment_day(draft)
        if not self.protocol.prior_therapy_rules or day is None or not arm_id:
            return None
        arm = self.protocol.arm(arm_id)
        option = draft.arm_option if arm_id == draft.arm_id else ""
        if arm.options and option not in arm.option_ids:
            option = ""
        return evaluate_arm(self.protocol, arm.id, self.prior_records, day, option or None)

    def choices(self) -> list[ArmChoice]:
        return arm_choices(self.protocol, self.facts)

    @property
    def date_of_birth(self) -> date | None:
        """For drugs labelled from an age."""
        return _born(self.subject)

    def choice(self, arm_id: str) -> ArmChoice | None:
        return next((o for o in self.choices() if o.arm_id == arm_id), None)

    def enrollment_day(self, draft: EnrollmentDraft) -> date | None:
        return parse_iso_date(draft.enrollment_date)

    def start_day(self, draft: EnrollmentDraft) -> date | None:
        return parse_iso_date(draft.start_date) or self.enrollment_day(draft)

    def body(self, draft: EnrollmentDraft) -> BodyMeasurements:
        return read_body(draft.weight, draft.weight_unit, draft.height, draft.height_unit,
                         draft.measured_on)

    def details_problems(self, draft: EnrollmentDraft) -> dict[str, str]:
        problems: dict[str, str] = {}
        day = self.enrollment_day(draft)
        if day is None:
            problems["enrollment_date"] = "Enter the enrollment date (YYYY-MM-DD)."
        elif day > self.today:
            problems["enrollment_date"] = f"The enrollment date {day.isoformat()} is in the future."
        elif self.screening_date is not None and day < self.screening_date:
            problems["enrollment_date"] = (
                f"The enrollment date cannot be before the screening date "
                f"{self.screening_date.isoformat()}.")
        problems.update(measurement_problems(
            draft.weight, draft.weight_unit, draft.height, draft.height_unit, draft.measured_on,
            day or self.today, protocol_needs_height(self.protocol)))
        hints, warnings = self.measurement_warnings(draft)
        return plausibility_problems(hints, warnings, problems, draft.measures_confirmed)

    def measurement_warnings(self, draft: EnrollmentDraft
                             ) -> tuple[dict[str, str], dict[str, str]]:
        """(unit hints, beyond-±3-SD warnings) for the draft's measurements."""
        return measurement_plausibility(draft.weight, draft.weight_unit, draft.height,
                                        draft.height_unit, draft.measured_on, self.subject,
                                        self.growth_reference)

    def arm_problems(self, draft: EnrollmentDraft) -> dict[str, str]:
        option = self.choice(draft.arm_id)
        if option is None:
            return {"arm": "Choose an arm."}
        reasons = arm_choice_problems(draft_choice(draft))
        if reasons:
            return {"choice": " ".join(reasons)}
        problem = option_problem(self.protocol, draft.arm_id, draft.arm_option)
        if problem:
            return {"arm_option": problem}
        prior = self.prior_result(draft)
        if prior is not None and prior.outcome is Outcome.NOT_MET:
            day = self.enrollment_day(draft)
            limits = [f.date_limit.isoformat() for f in prior.findings
                      if f.outcome is Outcome.NOT_MET and f.date_limit is not None]
            when = f" (boundary date {', '.join(limits)})" if limits else ""
            return {"arm": f"Not allowed on the enrollment date {day}{when} by the prior-"
                           "therapy rules: " + _at_enrollment(prior.reasons)}
        if (prior is not None and prior.outcome is Outcome.UNKNOWN
                and not draft.prior_unknown_reason.strip()):
            return {"prior_reason": "Some prior-therapy rules cannot be checked: "
                    + _at_enrollment(prior.reasons)
                    + " Give the treating team's reason for going ahead."}
        if option.open:
            return {}
        if option.may_consider is None:
            return {"arm": f"Arm {option.arm_id} is not available: "
                           + " ".join(option.closed_reasons)}
        if not draft.consider_exception:
            return {"arm": f"Arm {option.arm_id} is not available: "
                           + " ".join(option.closed_reasons)
                           + f" Tick the exception in arm {option.arm_id}'s box above if it "
                           "applies."}
        if not draft.exception_reason.strip():
            return {"exception_reason": "Give the reason for using this exception."}
        return {}

    def planned_doses(self, draft: EnrollmentDraft) -> list[PlannedDose]:
        return plan_arm_doses(self.protocol, draft.arm_id, self.body(draft), draft.doses,
                              self.start_day(draft), draft.arm_option, self.date_of_birth)

    def dose_problems(self, draft: EnrollmentDraft) -> dict[str, str]:
        problems: dict[str, str] = {}
        start = parse_iso_date(draft.start_date) if draft.start_date else None
        day = self.enrollment_day(draft)
        if draft.start_date and start is None:
            problems["start_date"] = "Enter the first dose date (YYYY-MM-DD)."
        elif start is not None and day is not None and start < day:
            problems["start_date"] = "The first dose cannot be before the enrollment date."
        for planned in self.planned_doses(draft):
            if planned.problem:
                problems[dose_key(planned.result)] = planned.problem
        return problems

    def concomitant_problems(self, draft: EnrollmentDraft) -> dict[str, str]:
        body = self.body(draft)
        problem = corticosteroid_problem(self.protocol, body, draft.corticosteroid_mg_per_day)
        problems = {"corticosteroid": problem} if problem else {}
        problems.update(pulse_problem(self.protocol, body, draft))
        return problems

    def page_problems(self, draft: EnrollmentDraft, page: str) -> dict[str, str]:
        """Problems of ``page`` given that earlier pages are valid (the wizard ensures it)."""
        if page == EnrollmentPage.DETAILS:
            return self.details_problems(draft)
        if page == EnrollmentPage.ARM:
            return self.arm_problems(draft)
        if page == EnrollmentPage.DOSES:
            return self.dose_problems(draft)
        if page == EnrollmentPage.CONCOMITANT:
            return self.concomitant_problems(draft)
        return {}

    def all_problems(self, draft: EnrollmentDraft) -> dict[str, str]:
        for page in PAGES:
            problems = self.page_problems(draft, page)
            if problems:
                return problems
        return {}

    def finalise(self, draft: EnrollmentDraft) -> EnrollmentPlan:
        """Everything to save, or InputError naming the first problem."""
        problems = self.all_problems(draft)
        if problems:
            field_name, message = next(iter(problems.items()))
            raise InputError(field_name, message)
        body = self.body(draft)
        arm = self.protocol.arm(draft.arm_id)
        day = self.enrollment_day(draft)
        assert day is not None
        notes = ""
        if arm.options and draft.arm_option:
            notes = f"Option: {arm.option(draft.arm_option).label}. "
        option = self.choice(draft.arm_id)
        if option is not None and not option.open:
            notes += (f"Exception used: {option.may_consider} Reason: "
                      f"{draft.exception_reason.strip()}")
        prior = self.prior_result(draft)
        if prior is not None:
            notes += (f" Prior-therapy rules on {day.isoformat()}: "
                      f"{prior.outcome.value.replace('_', ' ')}"
                      + (" (provisional)" if prior.provisional else "") + ".")
            if prior.outcome is Outcome.UNKNOWN:
                notes += (" Unknown: " + _at_enrollment(prior.reasons) + " Reason for going "
                          f"ahead: {draft.prior_unknown_reason.strip()}")
            notes = notes.strip()
        _hints, warnings = self.measurement_warnings(draft)
        if warnings:
            notes = f"{notes} {describe_confirmed(warnings)}".strip()
        return EnrollmentPlan(
            enrollment_date=day,
            start_date=self.start_day(draft) or day,
            body=body,
            weight_unit=draft.weight_unit,
            height_unit=draft.height_unit,
            arm_id=arm.id,
            arm_notes=notes,
            doses=tuple(self.planned_doses(draft)),
            arm_option=draft.arm_option,
            concomitant=tuple(concomitant_items(self.protocol, draft, body, arm)),
            visits=tuple(visit_schedule(self.protocol, day)),
            sun_protection_counselled=draft.sun_protection_counselled,
            choice=normalised_reasons(draft_choice(draft)),
        )


@dataclass(frozen=True)
class EnrollmentPlan:
    """A validated enrollment, ready for ``app.db.enrollments.finish_enrollment``."""

    enrollment_date: date
    start_date: date
    body: BodyMeasurements
    weight_unit: str
    height_unit: str
    arm_id: str
    arm_notes: str
    doses: tuple[PlannedDose, ...]
    arm_option: str
    concomitant: tuple[ConcomitantItem, ...]
    visits: tuple[ScheduledVisit, ...]
    sun_protection_counselled: bool
    # Why this arm (app.domain.treatment_course_record): the confounders of the choice.
    choice: ArmChoiceReasons = ArmChoiceReasons()


# --------------------------------------------------------------------------- arm switch


@dataclass
class SwitchDraft:
    """What the arm-switch dialog edits (seed 000, Table 2, rule 2c)."""

    to_arm: str = ""
    arm_option: str = ""
    reason: str = ""  # inadequate_response | toxicity
    switch_date: str = ""
    notes: str = ""
    weight: str = ""
    weight_unit: str = "kg"
    height: str = ""
    height_unit: str = "cm"
    measured_on: str = ""
    doses: dict[str, DoseEntry] = field(default_factory=dict)
    measures_confirmed: bool = False
    choice_reasons: list[str] = field(default_factory=list)
    choice_other: str = ""


def draft_choice(draft: EnrollmentDraft | SwitchDraft) -> ArmChoiceReasons:
    """The reasons for the arm a wizard or the switch dialog is choosing."""
    return ArmChoiceReasons(tuple(draft.choice_reasons), draft.choice_other)


@dataclass(frozen=True)
class SwitchPlan:
    from_arm: str
    to_arm: str
    reason: str
    switch_date: date
    notes: str
    body: BodyMeasurements
    weight_unit: str
    height_unit: str
    doses: tuple[PlannedDose, ...]
    arm_option: str = ""
    choice: ArmChoiceReasons = ArmChoiceReasons()


def switch_targets(protocol: Protocol, from_arm: str) -> dict[str, tuple[str, ...]]:
    """{arm id: allowed reasons} the current arm may move to (``may_switch_to`` rules)."""
    targets: dict[str, tuple[str, ...]] = {}
    for rule in protocol.arm(from_arm).rules_of(ArmRuleKind.MAY_SWITCH_TO):
        for arm_id in rule.arms:
            targets[arm_id] = rule.reasons
    return targets


def _born(subject: GrowthSubject | None) -> date | None:
    return None if subject is None else subject.date_of_birth


def switch_problems(protocol: Protocol, from_arm: str, draft: SwitchDraft, current_start: date,
                    today: date, subject: GrowthSubject | None = None,
                    reference: GrowthReference | None = None) -> dict[str, str]:
    problems: dict[str, str] = {}
    targets = switch_targets(protocol, from_arm)
    if not targets:
        return {"to_arm": f"The plan does not allow a switch from arm {from_arm}."}
    if draft.to_arm not in targets:
        problems["to_arm"] = "Choose the arm to switch to: " + ", ".join(sorted(targets)) + "."
    else:
        if draft.reason not in targets[draft.to_arm]:
            problems["reason"] = "Choose the reason for the switch."
        reasons = arm_choice_problems(draft_choice(draft))
        if reasons:
            problems["choice"] = " ".join(reasons)
        problem = option_problem(protocol, draft.to_arm, draft.arm_option)
        if problem:
            problems["arm_option"] = problem
    day = parse_iso_date(draft.switch_date)
    if day is None:
        problems["switch_date"] = "Enter the date of the switch (YYYY-MM-DD)."
    elif day > today:
        problems["switch_date"] = f"The switch date {day.isoformat()} is in the future."
    elif day < current_start:
        problems["switch_date"] = (f"The switch date cannot be before the current arm started "
                                   f"({current_start.isoformat()}).")
    problems.update(measurement_problems(
        draft.weight, draft.weight_unit, draft.height, draft.height_unit, draft.measured_on,
        day or today, protocol_needs_height(protocol)))
    hints, warnings = measurement_plausibility(
        draft.weight, draft.weight_unit, draft.height, draft.height_unit, draft.measured_on,
        subject, reference)
    problems = plausibility_problems(hints, warnings, problems, draft.measures_confirmed)
    if not problems:
        body = read_body(draft.weight, draft.weight_unit, draft.height, draft.height_unit,
                         draft.measured_on)
        for planned in plan_arm_doses(protocol, draft.to_arm, body, draft.doses, day,
                                      draft.arm_option, _born(subject)):
            if planned.problem:
                problems[dose_key(planned.result)] = planned.problem
    return problems


def finalise_switch(protocol: Protocol, from_arm: str, draft: SwitchDraft, current_start: date,
                    today: date, subject: GrowthSubject | None = None,
                    reference: GrowthReference | None = None) -> SwitchPlan:
    problems = switch_problems(protocol, from_arm, draft, current_start, today, subject,
                               reference)
    if problems:
        field_name, message = next(iter(problems.items()))
        raise InputError(field_name, message)
    day = parse_iso_date(draft.switch_date)
    assert day is not None
    body = read_body(draft.weight, draft.weight_unit, draft.height, draft.height_unit,
                     draft.measured_on)
    notes = draft.notes.strip()
    arm = protocol.arm(draft.to_arm)
    if arm.options and draft.arm_option:
        notes = f"Option: {arm.option(draft.arm_option).label}. {notes}".strip()
    _hints, warnings = measurement_plausibility(
        draft.weight, draft.weight_unit, draft.height, draft.height_unit, draft.measured_on,
        subject, reference)
    if warnings:
        notes = f"{notes} {describe_confirmed(warnings)}".strip()
    return SwitchPlan(from_arm, draft.to_arm, draft.reason, day, notes, body,
                      draft.weight_unit, draft.height_unit,
                      tuple(plan_arm_doses(protocol, draft.to_arm, body, draft.doses, day,
                                           draft.arm_option, _born(subject))), draft.arm_option,
                      normalised_reasons(draft_choice(draft)))
