"""The arm's dose re-checked at a visit against the protocol for today's weight, and what
the arm asks to be measured at visits.

Sources: seed 000, Table 2 (doses per arm; arm C monitoring: blood pressure and
creatinine); the tolerance is a provisional project rule kept as data. A maximum in a
taper phase is not a target (``course.check_dose_in_course``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain import course
from app.domain.age import age_on
from app.domain.body import BodyMeasurements
from app.domain.course import COURSE_SENTENCES, check_dose_in_course
from app.domain.dosing import DoseResult, compute_dose
from app.domain.errors import InputError
from app.domain.instruments.common import ProvisionalRule
from app.domain.phrases import Label, phrase, sentence, sentences
from app.domain.protocol import ArmRuleKind, Protocol

# The re-check's sentences (app/forms/terms.py lists them in "Instrument message"): a dose
# a Number and its unit, the drug a Label. A dose's warnings (the dose engine's own
# phrases) follow as written.
ENTER_WEIGHT = "Enter today's weight to re-check the dose."
NO_PRESCRIPTION = {False: "Protocol dose for today's weight: %1. No %2 prescription recorded.",
                   True: "Protocol minimum for today's weight: %1. No %2 prescription recorded."}
OTHER_UNITS = ("Protocol dose for today's weight: %1. Prescribed %2 is in other units: check "
               "by hand.")
VERDICT = {True: "within the protocol rule", False: "OUTSIDE THE PROTOCOL RULE",
           None: "check by hand"}
# a dose judged in its course (app.domain.course's sentences) against the prescription
CHECKED = "%1; prescribed %2: %3 — %4."
RECHECK_SENTENCES = (ENTER_WEIGHT, *NO_PRESCRIPTION.values(), OTHER_UNITS, *VERDICT.values(),
                     CHECKED, *COURSE_SENTENCES)
PER_DAY = course.PER_DAY  # listed: French writes the day
_amount = course.amount_words  # a dose and its unit

# Judgement call (provisional, kept as data): a prescribed dose counts as "within the
# protocol rule" when it is within this fraction of the dose the rule gives for today's
# weight; an "at least" rule only needs the minimum; nothing may exceed a cap.
DOSE_TOLERANCE_RULE = ProvisionalRule(
    name="Dose re-check tolerance",
    value=0.10,
    source=(
        "Project choice: the CTP gives exact per-kg / per-m² doses but no tolerance; a "
        "prescribed dose more than 10% away from today's protocol dose is flagged"
    ),
)


def arm_needs_height(protocol: Protocol | None, arm_id: str | None) -> bool:
    """True when a dose rule of the arm uses body surface area (e.g. arm B, 600 mg/m²)."""
    if protocol is None or not arm_id:
        return False
    try:
        return any(d.needs_height for d in protocol.arm(arm_id).doses)
    except InputError:
        return False


def monitoring_for(protocol: Protocol | None, arm_id: str | None) -> tuple[str, ...]:
    """Measurements the arm's monitoring rules ask for at visits (arm C: blood pressure,
    creatinine; seed 000, Table 2, Treatment C)."""
    if protocol is None or not arm_id:
        return ()
    try:
        arm = protocol.arm(arm_id)
    except InputError:
        return ()
    out: list[str] = []
    for rule in arm.rules_of(ArmRuleKind.MONITORING):
        out += [m for m in rule.measurements if m not in out]
    return tuple(out)


@dataclass(frozen=True)
class PrescribedDose:
    """The arm drug as currently prescribed (final dose given, else the computed one)."""

    drug: str
    amount: float
    unit: str
    per: str


@dataclass(frozen=True)
class DoseRecheck:
    drug: str
    prescribed: PrescribedDose | None
    protocol: DoseResult | None
    within_protocol: bool | None  # None: cannot tell (no prescription, no weight, units)
    message: str


def _normalise_drug(name: str) -> str:
    return " ".join(name.strip().casefold().split())


def recheck_arm_doses(
    protocol: Protocol | None,
    arm_id: str | None,
    weight_kg: object,
    height_cm: object,
    prescriptions: list[PrescribedDose],
    measured_on: date | None = None,
    *,
    option: str | None = None,
    started_on: date | None = None,
    date_of_birth: date | None = None,
) -> list[DoseRecheck]:
    """Today's protocol dose for each arm drug vs what is prescribed (seed 000, Table 2;
    tolerance: ``DOSE_TOLERANCE_RULE``, provisional).

    Out of protocol when the prescribed amount is above the protocol cap, below an
    "at least" minimum, or further than the tolerance from today's dose -- except where
    the course's schedule makes the dose a maximum on ``measured_on`` (a taper after the
    first 4 weeks, counted from ``started_on``; ``course.check_dose_in_course``). Only
    the doses of the arm ``option`` when one is given; a drug labelled from an age is
    checked against the age on ``measured_on`` (from ``date_of_birth``). Raises nothing for
    bad measurements: the message says what is wrong instead.
    """
    if protocol is None or not arm_id:
        return []
    try:
        arm = protocol.arm(arm_id)
        rules = arm.doses_for(option or None)
    except InputError:
        return []
    by_drug = {_normalise_drug(p.drug): p for p in prescriptions}
    if weight_kg in (None, ""):
        return [
            DoseRecheck(
                d.drug,
                by_drug.get(_normalise_drug(d.drug)),
                None,
                None,
                sentence(ENTER_WEIGHT),
            )
            for d in rules
        ]
    try:
        height = None if height_cm in (None, "") else height_cm
        body = BodyMeasurements(
            weight_kg=weight_kg,
            height_cm=height,  # type: ignore[arg-type]
            measured_on=measured_on,
        )
        age = age_on(date_of_birth, measured_on)
        doses = [compute_dose(rule, body, age) for rule in rules]
    except InputError as exc:
        return [
            DoseRecheck(d.drug, by_drug.get(_normalise_drug(d.drug)), None, None, exc.message)
            for d in rules
        ]
    tolerance = float(DOSE_TOLERANCE_RULE.value)  # type: ignore[arg-type]
    out: list[DoseRecheck] = []
    for rule, dose in zip(rules, doses, strict=True):
        unit = f"{dose.unit}/{dose.per}"
        prescribed = by_drug.get(_normalise_drug(dose.drug))
        warned = "".join(f" WARNING: {w}" for w in dose.warnings)  # e.g. below labelled age
        spec = protocol.schedule(rule.schedule) if rule.schedule else None
        amount = _amount(dose.amount, unit)
        if prescribed is None:
            out.append(
                DoseRecheck(
                    dose.drug,
                    None,
                    dose,
                    None,
                    sentences("", [phrase(NO_PRESCRIPTION[bool(dose.at_least)], amount,
                                          Label(dose.drug)), warned]),
                )
            )
            continue
        if (prescribed.unit, prescribed.per) != (dose.unit, dose.per):
            out.append(
                DoseRecheck(
                    dose.drug,
                    prescribed,
                    dose,
                    None,
                    sentence(OTHER_UNITS, amount,
                             _amount(prescribed.amount, f"{prescribed.unit}/{prescribed.per}")),
                )
            )
            continue
        check = check_dose_in_course(
            dose.amount, unit, dose.cap, dose.at_least, prescribed.amount, tolerance,
            spec, started_on, measured_on,
        )
        # the course check's sentences, what was prescribed and the verdict, each a phrase
        out.append(
            DoseRecheck(dose.drug, prescribed, dose, check.within, sentences("", [
                phrase(CHECKED, check.today, _amount(prescribed.amount, unit), check.why,
                       phrase(VERDICT[check.within])), warned]))
        )
    return out


__all__ = [
    "DOSE_TOLERANCE_RULE",
    "DoseRecheck",
    "PrescribedDose",
    "arm_needs_height",
    "monitoring_for",
    "recheck_arm_doses",
]
