"""The dose engine: protocol dose rules + body measurements → doses that explain themselves.

Clinical rules §4: every computed dose carries its derivation (inputs and the date they
were measured, rule and source, raw value, cap applied or not, rounded value given);
nothing is clamped silently; a final dose above a protocol maximum is refused; a final
dose that differs from the computed one needs a reason.

One module although long: doses, limits and final-dose checks are one evaluation over the
same rule and result types, and their derivations must read alike.

Choices documented here (and in the report to the clinical lead):

* ``capped`` is True only when the cap changed the amount: the raw value is
  **above** the cap, or rounding would have passed the cap and was held below it. A raw
  value exactly equal to the cap is given as computed and is not "capped".
* Rounding (if the protocol gives one) is applied after the cap and can never push the
  amount above the cap: a value that would round up past the cap is rounded down.
* Bands of body surface area (``bsa_bands``, e.g. rituximab 575 mg/m² up to 1.5 m²) are
  chosen on the unrounded Mosteller BSA, shown to 4 decimals in the derivation.
* A drug labelled from an age (abatacept IV from 6 years): the dose is still computed;
  ``warnings`` says so when the child is younger or the age is not known, and the
  derivation carries the same words (so the dosing sheet prints them).
* An ``at_least`` rule (cyclosporine "at least 3 mg/kg/day") computes exactly the
  minimum; the result's ``minimum`` is that amount and the derivation says "at least".
* A dose range (``amount_max``, e.g. infliximab 6-10 mg/kg) computes its lower
  end as ``amount`` (also the result's ``minimum``) and its top as ``range_max`` (after the
  cap, rounded down); a final dose above ``range_max`` is refused like one above the cap.
* Arm options: ``compute_arm_doses(..., option=...)`` keeps the doses of one
  choice within an arm (plus doses common to every option); without it every option's
  doses are computed, one result per dose rule in file order (``DoseResult.option`` says
  which). ``to_dict`` keeps exactly ``DOSE_DICT_KEYS``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields
from datetime import date
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import Any

from app.domain.age import AgeOnDay
from app.domain.body import BSA_FORMULA, BodyMeasurements
from app.domain.display_words import drug_name
from app.domain.dose_sentences import (
    ABOVE_MAXIMUM,
    AGE_SOURCE,
    AGE_UNKNOWN,
    AGE_UNKNOWN_LINE,
    AT_LEAST,
    AT_MAXIMUM,
    BELOW_AGE,
    BELOW_AGE_LINE,
    BELOW_MINIMUM,
    FINAL_ABOVE_MAXIMUM,
    FINAL_BELOW_MINIMUM,
    FINAL_DIFFERS,
    FINAL_MATCHES,
    FINAL_NOT_POSITIVE,
    FIXED,
    GIVE_AT_LEAST,
    GIVE_RANGE,
    GREATER_OF,
    HEADINGS,
    HEADINGS_HOW,
    HEADLINE,
    IN_BSA_BAND,
    IN_WEIGHT_BAND,
    INPUTS,
    INPUTS_BSA,
    LESSER_OF,
    MAXIMUM_NOT_REACHED,
    MINIMUM_ONLY,
    NO_DOSE_FOR_BSA,
    NO_DOSE_FOR_WEIGHT,
    NO_MAXIMUM,
    NOTE,
    PER_DAY,
    PER_DAY_RATE,
    RANGE_ONLY,
    RANGE_TOP,
    RANGE_TOP_CAPPED,
    RANGE_TOP_ROUNDED,
    ROUNDED,
    ROUNDING_HELD,
    SOURCE,
    STATUS,
    STEPS,
    STEROID_ABOVE_MAXIMUM,
    STEROID_NEGATIVE,
    WITHIN_AGE_LINE,
)
from app.domain.errors import DoseAboveMaximumError, InputError, MissingMeasurementError
from app.domain.phrases import (
    DrugName,
    Joined,
    Number,
    Phrase,
    PlanText,
    joined,
    number,
    phrase,
    sentence,
)
from app.domain.protocol import (
    ConcomitantLimit,
    DoseRule,
    Protocol,
    Rounding,
    RoundingMode,
    RuleKind,
    RuleStatus,
)
from app.domain.source_words import source_in_words
from app.domain.units import format_number, parse_number

DOSE_DICT_KEYS = (
    "drug",
    "calculated",
    "amount",
    "unit",
    "per",
    "frequency",
    "route",
    "capped",
    "derivation",
    "source",
    "status",
    "option",
    "warnings",
)

# Float arithmetic leaves noise such as 60.00000000000001; rounding "up" must not turn
# that into 61. Values are first snapped to this many decimals.
_NOISE_DECIMALS = Decimal("1e-9")


@dataclass(frozen=True)
class DoseResult:
    """One computed dose with everything needed to check it by hand."""

    drug: str  # lower-case generic name, e.g. "ivig", "mycophenolate mofetil"
    calculated: float  # raw value from the rule, before cap and rounding
    amount: float  # the value to give (after cap and rounding); never above cap
    unit: str  # "g" or "mg"
    per: str  # "dose" or "day"
    frequency: str
    route: str
    capped: bool  # the cap changed the amount (raw above it, or rounding held below it)
    cap: float | None
    minimum: float | None  # lowest protocol dose for this patient, if the rule has one
    at_least: bool
    derivation: str
    source: str
    status: RuleStatus
    weight_kg: float
    height_cm: float | None
    bsa_m2: float | None  # None unless the rule used BSA
    measured_on: date | None
    label: str = ""
    note: str = ""
    rounding: Rounding | None = None
    option: str = ""  # the arm option this dose belongs to ("" = every option)
    # Top of a dose range for this patient (e.g. infliximab 10 mg/kg of "6-10 mg/kg"),
    # after the cap and rounded down; None when the rule is not a range. ``amount`` is
    # then the lower end, and a final dose above ``range_max`` is refused.
    range_max: float | None = None
    # Warnings the clinician must see with the dose (e.g. below the labelled age).
    warnings: tuple[str, ...] = ()
    # The derivation's lines and the warnings as phrases (``derivation`` and ``warnings``
    # are their English), for the interface to show in its language; empty for a result
    # read back from storage.
    explained: tuple[Phrase, ...] = field(default=(), compare=False, repr=False)
    warned: tuple[Phrase, ...] = field(default=(), compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape used by the CLI and exports (exactly these keys)."""
        return {
            "drug": self.drug,
            "calculated": self.calculated,
            "amount": self.amount,
            "unit": self.unit,
            "per": self.per,
            "frequency": self.frequency,
            "route": self.route,
            "capped": self.capped,
            "derivation": self.derivation,
            "source": self.source,
            "status": self.status.value,
            "option": self.option,
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True)
class LimitResult(DoseResult):
    """A concomitant-medication maximum (e.g. daily prednisone) for this patient.

    ``max_amount`` (= ``amount``) is the largest dose allowed.
    """

    max_amount: float = 0.0
    limit_id: str = ""

    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict()
        data["max_amount"] = self.max_amount
        return data


@dataclass(frozen=True)
class FinalDoseCheck:
    """Outcome of checking a clinician's final dose against the computed one."""

    final_amount: float
    computed_amount: float
    differs: bool  # differs from the computed amount
    reason_required: bool  # the caller must collect a reason before saving
    below_minimum: bool  # below the protocol minimum (allowed, but needs a reason)
    message: str


# --------------------------------------------------------------------------- formatting


def _n(value: float) -> Number:
    """A calculated value as shown in a derivation (2 decimals, trailing zeros dropped)."""
    return number(value, 2)


def _status(status: RuleStatus) -> Phrase:
    return phrase(STATUS[status.value])


def _rate_unit(unit: str, denominator: str, per: str) -> str | Phrase:
    return phrase(PER_DAY_RATE, unit, denominator) if per == "day" else f"{unit}/{denominator}"


def _amount_unit(unit: str, per: str) -> str | Phrase:
    return phrase(PER_DAY, unit) if per == "day" else unit


# --------------------------------------------------------------------------- evaluation


def _evaluate(rule: DoseRule, body: BodyMeasurements, top: DoseRule
              ) -> tuple[float, Phrase]:
    """Raw value and its arithmetic in words, for one (sub-)rule."""
    unit = _amount_unit(top.unit, top.per)
    weight = number(body.weight_kg, 3)
    if rule.kind is RuleKind.PER_KG:
        assert rule.amount is not None
        value = rule.amount * body.weight_kg
        rate = _rate_unit(top.unit, "kg", top.per)
        return value, phrase("%1 %2 × %3 kg = %4 %5", _n(rule.amount), rate, weight, _n(value),
                             unit)
    if rule.kind is RuleKind.PER_M2:
        assert rule.amount is not None
        bsa = body.bsa_m2
        if bsa is None:
            raise MissingMeasurementError(
                "height_cm",
                f"Height is needed to work out the {top.drug} dose, because it uses body "
                f"surface area ({_n(rule.amount)} {top.unit}/m²). Enter the height in cm "
                f"or inches.",
            )
        value = rule.amount * bsa
        rate = _rate_unit(top.unit, "m²", top.per)
        return value, phrase("%1 %2 × %3 m² = %4 %5", _n(rule.amount), rate,
                             number(bsa, 4), _n(value), unit)
    if rule.kind is RuleKind.FIXED:
        assert rule.amount is not None
        return rule.amount, phrase(FIXED, _n(rule.amount), unit)
    if rule.kind in (RuleKind.GREATER_OF, RuleKind.LESSER_OF):
        parts = [_evaluate(sub, body, top) for sub in rule.rules]
        pick = max if rule.kind is RuleKind.GREATER_OF else min
        value = pick(v for v, _ in parts)
        which = GREATER_OF if rule.kind is RuleKind.GREATER_OF else LESSER_OF
        inner = joined("; ", [text for _, text in parts])
        return value, phrase(which, inner, _n(value), unit)
    if rule.kind is RuleKind.WEIGHT_BANDS:
        for band in rule.bands:
            if band.contains(body.weight_kg):
                value, text = _evaluate(band.rule, body, top)
                return value, phrase(IN_WEIGHT_BAND, weight, band.describe_phrase(), text)
        covered = joined("; ", [b.describe_phrase() for b in rule.bands])
        raise InputError("weight_kg", sentence(NO_DOSE_FOR_WEIGHT, DrugName(top.drug), weight,
                                               covered))
    if rule.kind is RuleKind.BSA_BANDS:
        bsa = body.bsa_m2
        if bsa is None:
            raise MissingMeasurementError(
                "height_cm",
                f"Height is needed to work out the {top.drug} dose, because its dose band "
                f"depends on body surface area. Enter the height in cm or inches.",
            )
        shown = number(bsa, 4)
        for band in rule.bands:
            if band.contains(bsa):
                value, text = _evaluate(band.rule, body, top)
                return value, phrase(IN_BSA_BAND, shown, band.describe_phrase(), text)
        covered = joined("; ", [b.describe_phrase() for b in rule.bands])
        raise InputError("height_cm", sentence(NO_DOSE_FOR_BSA, DrugName(top.drug), shown,
                                               covered))
    raise AssertionError(f"unhandled rule kind {rule.kind}")  # loader rejects unknown kinds


def _range_top(rule: DoseRule, body: BodyMeasurements) -> tuple[float, Phrase]:
    """The upper end of a dose range (``amount_max``) and its arithmetic."""
    assert rule.amount_max is not None
    top_rule = DoseRule(
        drug=rule.drug,
        kind=rule.kind,
        unit=rule.unit,
        per=rule.per,
        source=rule.source,
        status=rule.status,
        amount=rule.amount_max,
    )
    value, text = _evaluate(top_rule, body, rule)
    return round(value, 9), text


def _round(value: float, rounding: Rounding, cap: float | None) -> float:
    """Round to the protocol increment; never above the cap."""
    return _round_held(value, rounding, cap)[0]


def _round_held(value: float, rounding: Rounding, cap: float | None) -> tuple[float, bool]:
    """Round to the protocol increment; never above the cap. Also says whether the cap held
    the rounded value below where the rounding mode would have put it."""
    step = Decimal(repr(rounding.increment))
    exact = Decimal(repr(value)).quantize(_NOISE_DECIMALS, rounding=ROUND_HALF_UP)
    mode = {
        RoundingMode.NEAREST: ROUND_HALF_UP,
        RoundingMode.DOWN: ROUND_FLOOR,
        RoundingMode.UP: ROUND_CEILING,
    }[rounding.mode]
    rounded = (exact / step).to_integral_value(rounding=mode) * step
    if cap is not None and rounded > Decimal(repr(cap)):
        rounded = (Decimal(repr(cap)) / step).to_integral_value(rounding=ROUND_FLOOR) * step
        return float(rounded), True
    return float(rounded), False


def compute_dose(
    rule: DoseRule, body: BodyMeasurements, age: AgeOnDay | None = None
) -> DoseResult:
    """Compute one dose from a protocol rule and the patient's measurements.

    The rule's own ``source`` (e.g. "Huber et al. J Rheumatol 2017;44:110-16 (seed 000),
    Table 2") is carried into the result. Raises MissingMeasurementError (field
    "height_cm") for a BSA rule without height, InputError when no band applies. ``age``
    (from the date of birth) is checked against the age the drug is labelled from, if the
    rule names one; without it such a rule warns that the age is not known.
    """
    return _compute(rule, body, "Dose", age)


def age_warnings(rule: DoseRule, age: AgeOnDay | None
                 ) -> tuple[tuple[Phrase, ...], Phrase | None]:
    """(warnings, derivation line) for a rule labelled from an age (clinical-rules §1.2:
    abatacept IV from 6 years — warn below the labelled age)."""
    labelled = rule.labelled_age
    if labelled is None:
        return (), None
    name = rule.label or rule.drug
    years = number(labelled.from_years)
    where = phrase(AGE_SOURCE, source_in_words(labelled.source), _status(labelled.status))
    if age is None:
        text = phrase(AGE_UNKNOWN, name, years, where)
        return (text,), phrase(AGE_UNKNOWN_LINE, text)
    if age.years < labelled.from_years:
        text = phrase(BELOW_AGE, name, years, age.describe_phrase(), where)
        return (text,), phrase(BELOW_AGE_LINE, text)
    return (), phrase(WITHIN_AGE_LINE, years, age.describe_phrase(), where)


def _compute(
    rule: DoseRule, body: BodyMeasurements, heading: str, age: AgeOnDay | None = None
) -> DoseResult:
    raw, arithmetic = _evaluate(rule, body, rule)
    # Drop binary noise (30 × 33.3 = 998.9999999999999) so the cap comparison, the JSON
    # and the derivation all see 999; 9 decimals is far below any dose precision.
    raw = round(raw, 9)
    unit = _amount_unit(rule.unit, rule.per)
    steps: list[Phrase | Joined] = [phrase(AT_LEAST, arithmetic) if rule.at_least
                                    else arithmetic]
    value = raw

    if rule.minimum is not None and raw < rule.minimum:
        value = rule.minimum
        steps.append(phrase(BELOW_MINIMUM, _n(rule.minimum), unit))

    capped = rule.cap is not None and raw > rule.cap
    if rule.cap is not None:
        if capped:
            value = rule.cap
            steps.append(phrase(ABOVE_MAXIMUM, _n(rule.cap), unit))
        elif raw == rule.cap:
            steps.append(phrase(AT_MAXIMUM, _n(rule.cap), unit))
        else:
            steps.append(phrase(MAXIMUM_NOT_REACHED, _n(rule.cap), unit))
    elif rule.uncapped_reason:
        # Said where the dose is shown, so a missing maximum is never taken for an oversight.
        steps.append(phrase(NO_MAXIMUM, source_in_words(rule.uncapped_reason)))

    amount = value
    if rule.rounding is not None:
        amount, held = _round_held(value, rule.rounding, rule.cap)
        steps.append(phrase(ROUNDED[rule.rounding.mode.value],
                            number(rule.rounding.increment), rule.unit,
                            number(amount), unit, _status(rule.rounding.status)))
        if held:
            capped = True
            steps.append(phrase(ROUNDING_HELD, _n(rule.cap or 0), unit, number(amount),
                                unit))

    range_max: float | None = None
    if rule.amount_max is not None:
        top_raw, top_text = _range_top(rule, body)
        range_max = top_raw
        top_steps: list[Phrase] = [phrase(RANGE_TOP, top_text)]
        if rule.cap is not None and top_raw > rule.cap:
            range_max = rule.cap
            top_steps.append(phrase(RANGE_TOP_CAPPED, _n(rule.cap), unit))
        if rule.rounding is not None:
            # The top of a range is a maximum: never rounded up past it.
            down = Rounding(
                rule.rounding.increment,
                RoundingMode.DOWN,
                rule.rounding.source,
                rule.rounding.status,
            )
            range_max = _round(range_max, down, rule.cap)
            top_steps.append(phrase(RANGE_TOP_ROUNDED, number(rule.rounding.increment),
                                    rule.unit, number(range_max), unit))
        amount = min(amount, range_max)
        steps.append(joined("; ", top_steps))

    minimum: float | None = None
    if rule.at_least:
        minimum = raw  # the true "at least" value; ``amount`` may be rounded up from it
    elif rule.minimum is not None:
        minimum = rule.minimum
    elif range_max is not None:
        minimum = amount  # the lower end of the range

    give: Phrase | Joined = (phrase(GIVE_AT_LEAST, number(amount), unit)
                             if rule.at_least else joined(" ", [number(amount), unit]))
    if range_max is not None:
        give = phrase(GIVE_RANGE, number(amount), number(range_max), unit)
    how = joined(", ", [PlanText(p) for p in (rule.frequency, rule.route) if p])
    lines: list[Phrase] = [
        phrase(STEPS, PlanText(rule.label or rule.drug), joined("; ", steps)),
        phrase(HEADINGS_HOW[heading], give, how) if how.parts
        else phrase(HEADINGS[heading], give),
    ]
    if rule.at_least:
        lines.append(phrase(MINIMUM_ONLY))
    if range_max is not None:
        lines.append(phrase(RANGE_ONLY))
    bsa = body.bsa_m2 if rule.needs_height else None
    if bsa is not None:
        lines.append(phrase(INPUTS_BSA, body.describe_phrase(), number(bsa, 4),
                            number(body.height_cm or 0, 2),
                            number(body.weight_kg, 3), phrase(BSA_FORMULA)))
    else:
        lines.append(phrase(INPUTS, body.describe_phrase()))
    warnings, age_line = age_warnings(rule, age)
    if age_line:
        lines.append(age_line)
    if rule.note:
        lines.append(phrase(NOTE, source_in_words(rule.note)))
    lines.append(phrase(SOURCE, source_in_words(rule.source), _status(rule.status)))

    return DoseResult(
        drug=rule.drug,
        calculated=raw,
        amount=amount,
        unit=rule.unit,
        per=rule.per,
        frequency=rule.frequency,
        route=rule.route,
        capped=capped,
        cap=rule.cap,
        minimum=minimum,
        at_least=rule.at_least,
        derivation="\n".join(str(line) for line in lines),
        source=rule.source,
        status=rule.status,
        weight_kg=body.weight_kg,
        height_cm=body.height_cm if rule.needs_height else None,
        bsa_m2=bsa,
        measured_on=body.measured_on,
        label=rule.label,
        note=rule.note,
        rounding=rule.rounding,
        option=rule.option or "",
        range_max=range_max,
        warnings=tuple(str(w) for w in warnings),
        explained=tuple(lines),
        warned=warnings,
    )


def arm_dose_rules(
    protocol: Protocol, arm_id: str, route: str | None = None, option: str | None = None
) -> list[DoseRule]:
    """The dose rules of an arm, optionally only one option's (drug or regimen choice,
    e.g. "infliximab_5") and/or one route's ("iv", "sc"), in file order.

    Raises UnknownArmError for an unknown arm, InputError (field "option") for an option
    the arm does not have and InputError (field "route") when nothing is left.
    """
    arm = protocol.arm(arm_id)
    doses = list(arm.doses_for(option))
    if route is not None:
        wanted = route.strip().casefold()
        kept = [d for d in doses if d.route.casefold() == wanted]
        if not kept:
            routes = ", ".join(sorted({d.route for d in doses}))
            within = f' in option "{arm.option(option).id}"' if option is not None else ""
            raise InputError(
                "route",
                f'Arm {arm.id} ({arm.name}) has no dose given by the route "{route}"{within}. '
                f"Available: {routes}.",
            )
        doses = kept
    return doses


def compute_arm_doses(
    protocol: Protocol,
    arm_id: str,
    body: BodyMeasurements,
    route: str | None = None,
    option: str | None = None,
    age: AgeOnDay | None = None,
) -> list[DoseResult]:
    """Doses for every drug of an arm (e.g. arm B: mycophenolate mofetil; seed 000,
    Table 2), optionally only those given by ``route`` and/or under one arm ``option``
    (e.g. refractory-biologic arm "tnf", option "adalimumab").

    Without ``option`` every option's doses are computed, one result per dose rule in
    file order. Raises UnknownArmError for an arm the protocol does not have.
    """
    return [
        compute_dose(d, body, age) for d in arm_dose_rules(protocol, arm_id, route, option)
    ]


def compute_limit(limit: ConcomitantLimit, body: BodyMeasurements) -> LimitResult:
    """The maximum allowed for one concomitant medication, with its derivation."""
    result = _compute(limit.rule, body, "Maximum")
    values = {f.name: getattr(result, f.name) for f in fields(DoseResult)}
    return LimitResult(**values, max_amount=result.amount, limit_id=limit.id)


def compute_concomitant_limits(protocol: Protocol, body: BodyMeasurements) -> list[LimitResult]:
    """Maxima for concomitant medications, e.g. daily prednisone ≤ 2 mg/kg/day, maximum
    60 mg (seed 000, Table 2, rule 2a)."""
    return [compute_limit(limit, body) for limit in protocol.concomitant_limits]


# --------------------------------------------------------------------------- final dose


def _maximum_of(result: DoseResult) -> float | None:
    if isinstance(result, LimitResult):
        return result.max_amount
    if result.range_max is not None:
        return result.range_max if result.cap is None else min(result.cap, result.range_max)
    return result.cap


def dose_headline(result: DoseResult, amount: float, computed: bool) -> Phrase:
    """"IVIG: 40 g every 2 weeks × 3, then monthly, IV": the dose to give in one line
    ("at least" while it is the computed amount of an at-least rule)."""
    unit = _amount_unit(result.unit, result.per)
    given = (phrase(GIVE_AT_LEAST, number(amount), unit) if result.at_least and computed
             else joined(" ", [number(amount), unit]))
    name = PlanText(result.label or result.drug)
    how = [PlanText(value) for value in (result.frequency, result.route) if value]
    which = (("frequency and route" if result.route else "frequency") if result.frequency
             else "route" if result.route else "")
    return phrase(HEADLINE[which], name, given, *how)


def check_final_dose(result: DoseResult, final_amount: object) -> FinalDoseCheck:
    """Check the dose a clinician will actually give (clinical rules §4).

    Refuses (DoseAboveMaximumError, an InputError on field "final_amount") a dose above
    the protocol maximum. Otherwise reports whether it differs from the computed amount,
    in which case the caller must require a reason.
    """
    final = parse_number("final_amount", final_amount)
    said = final_dose_words(result, final)
    if said.template == FINAL_NOT_POSITIVE:
        raise InputError("final_amount", str(said))
    if said.template == FINAL_ABOVE_MAXIMUM:
        raise DoseAboveMaximumError("final_amount", str(said))
    differs = said.template != FINAL_MATCHES
    below = said.template == FINAL_BELOW_MINIMUM
    return FinalDoseCheck(final, result.amount, differs, differs, below, str(said))


def final_dose_words(result: DoseResult, final: float) -> Phrase:
    """What the check of a final dose says about ``final`` (its English: ``str()``)."""
    unit = _amount_unit(result.unit, result.per)
    if final <= 0:
        return phrase(FINAL_NOT_POSITIVE, number(final), unit)
    maximum = _maximum_of(result)
    if maximum is not None and final > maximum:
        return phrase(FINAL_ABOVE_MAXIMUM, DrugName(drug_name(result.drug)),
                      number(maximum), unit,
                      number(final))
    if math.isclose(final, result.amount, rel_tol=1e-9, abs_tol=1e-9):
        return phrase(FINAL_MATCHES)
    if result.minimum is not None and final < result.minimum:
        return phrase(FINAL_BELOW_MINIMUM, number(final), unit, _n(result.minimum))
    return phrase(FINAL_DIFFERS, number(final), unit, number(result.amount))


def check_corticosteroid_dose(limit: LimitResult, daily_mg: object) -> float:
    """Return the corticosteroid dose if it is within the protocol limit, else refuse it.

    Source: seed 000, Table 2, rule 2a (daily corticosteroid ≤ 2 mg/kg/day, maximum
    60 mg/day); the same check applies to a pulse limit. Zero (steroid stopped) is
    accepted; a dose equal to the maximum is accepted.
    """
    field = "daily_mg" if limit.per == "day" else "dose_mg"
    dose = parse_number(field, daily_mg)
    unit = _amount_unit(limit.unit, limit.per)
    if dose < 0:
        raise InputError(field, sentence(STEROID_NEGATIVE, DrugName(limit.drug),
                                         Number(format_number(dose))))
    if dose > limit.max_amount:
        raise DoseAboveMaximumError(field, sentence(
            STEROID_ABOVE_MAXIMUM, DrugName(limit.drug), Number(format_number(limit.max_amount)),
            unit, Number(format_number(limit.weight_kg, 3)), Number(format_number(dose))))
    return dose
