"""The child's weight and height as typed (kg or lb, cm or in) at enrollment, an arm
switch or a visit: read, checked field by field, judged for age and sex, and the BSA
said in words.

The measurement must be dated on or before the enrollment (or switch) date and at most
30 days before it (clinical rules §4); an older one blocks the page until re-measured.
A value beyond ±3 SD for age and sex (CDC 2000, ``app.domain.growth``) must be confirmed.
"""

from __future__ import annotations

from datetime import date

from app.domain import growth
from app.domain.body import (
    BSA_LINE,
    BSA_NEEDS_HEIGHT,
    BodyMeasurements,
    measurement_age_warning,
)
from app.domain.errors import InputError
from app.domain.growth import GrowthReference, GrowthSubject
from app.domain.phrases import Joined, Number, Phrase, phrase, sentences
from app.domain.protocol import Protocol
from app.domain.screening import parse_iso_date
from app.domain.units import (
    format_number,
    height_cm_from_inches,
    validate_height_cm,
    validate_weight_kg,
    weight_kg_from_lb,
)

NEW_MEASUREMENT = "Enter a new measurement."  # after a weight's date judged too old ("Date check")


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


def measure_refusal(name: str, typed: str, unit: str) -> InputError | None:
    """Why a typed "weight" (kg or lb) or "height" (cm or in) cannot be used, or None. An
    OutOfRangeError carries its sentence as a Phrase, for the interface's own words."""
    try:
        if name == "weight":
            weight_kg_from_lb(typed) if unit == "lb" else validate_weight_kg(typed)
        else:
            height_cm_from_inches(typed) if unit == "in" else validate_height_cm(typed)
    except InputError as error:
        return error
    return None


def measurement_problems(
    weight: str, weight_unit: str, height: str, height_unit: str, measured_on: str,
    reference_day: date | None, needs_height: bool,
) -> dict[str, str]:
    """{field: message} for weight, height and measurement date, each checked on its own
    so every problem shows at once (empty = valid)."""
    problems: dict[str, str] = {}
    refused = measure_refusal("weight", weight, weight_unit)
    if refused is not None:
        problems["weight"] = refused.message
    if height.strip():
        refused = measure_refusal("height", height, height_unit)
        if refused is not None:
            problems["height"] = refused.message
    elif needs_height:
        problems["height"] = ("Height is needed: a dose in this plan uses body surface area "
                              "(mg/m²). Enter the height in cm or inches.")
    day = parse_iso_date(measured_on)
    if day is None:
        problems["measured_on"] = "Enter the date the weight was measured (YYYY-MM-DD)."
    elif reference_day is not None:
        warning = measurement_age_warning(day, reference_day)
        if warning:
            problems["measured_on"] = sentences(" ", [warning, phrase(NEW_MEASUREMENT)])
    return problems


def describe_bsa(body: BodyMeasurements) -> Phrase:
    """"BSA 0.80 m² (Mosteller: √(115 cm × 20 kg / 3600) = 0.7993 m²)": the BSA to 2
    places, its arithmetic with the inputs as entered and the BSA to 4 places."""
    if body.bsa_m2 is None:
        return phrase(BSA_NEEDS_HEIGHT)
    return phrase(BSA_LINE, Number(f"{body.bsa_m2:.2f}"),
                  Number(format_number(body.height_cm or 0, 2)),
                  Number(format_number(body.weight_kg, 3)), Number(f"{body.bsa_m2:.4f}"))


CONFIRM_MEASURES = "confirm_measures"


def measurement_plausibility(
    weight: str, weight_unit: str, height: str, height_unit: str, measured_on: str,
    subject: GrowthSubject | None, reference: GrowthReference | None,
) -> tuple[dict[str, Phrase | Joined], dict[str, Phrase]]:
    """(hints, warnings) for typed measurements judged for the child's age and sex
    (CDC 2000; see ``app.domain.growth``).

    ``hints``: {"weight" | "height": "Did you mean …?"} for a number that fits far better
    in another unit (added to the refusal or warning of that field). ``warnings``:
    {"weight" | "height" | "bmi": message} for values more than 3 SD from the median,
    which the person must confirm. Empty without a date of birth or reference. Each is a
    phrase: ``str()`` the English, the interface shows it in its language.
    """
    day = parse_iso_date(measured_on)
    if subject is None or reference is None or subject.date_of_birth is None or day is None:
        return {}, {}
    hints: dict[str, Phrase | Joined] = {}
    for name, text, unit, measure in (("weight", weight, weight_unit, growth.WEIGHT),
                                      ("height", height, height_unit, growth.HEIGHT)):
        try:
            typed = float(text.strip())
        except ValueError:
            continue
        if typed > 0:
            hint = growth.unit_slip_words(reference, subject, day, measure, typed, unit)
            if hint:
                hints[name] = hint
    try:
        body = read_body(weight, weight_unit, height, height_unit, measured_on)
    except InputError:
        return hints, {}
    warnings = growth.implausible_phrases(growth.judge_measurements(
        reference, subject, day, body.weight_kg, body.height_cm))
    return hints, warnings


def plausibility_problems(hints: dict[str, Phrase | Joined], warnings: dict[str, Phrase],
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


def describe_confirmed(warnings: dict[str, Phrase]) -> str:
    """The note kept with the record when unusual measurements were confirmed (English)."""
    return ("Measurements confirmed although unusual for age and sex: "
            + " ".join(str(w) for w in warnings.values()))


def protocol_needs_height(protocol: Protocol) -> bool:
    return any(d.needs_height for arm in protocol.arms for d in arm.doses)



def offered_measurement(kg: float | None, cm: float | None, measured_on: date
                        ) -> tuple[str, str, str]:
    """The patient's last stored weight and height as a new enrollment or an arm switch
    offers them (kg to 3 places, cm to 2, the date); the page refuses them when older
    than 30 days."""
    return (format_number(kg, 3) if kg else "", format_number(cm, 2) if cm else "",
            measured_on.isoformat())
