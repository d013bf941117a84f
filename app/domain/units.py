"""Unit conversion and validation of body measurements.

Clinical rules §4: weight in kg (lb accepted and converted), height in cm (inches
accepted); zero, negative, non-numeric and implausible values (weight outside 2-200 kg,
height outside 45-220 cm) are rejected with a clear message and never clamped.
"""

from __future__ import annotations

import math
from numbers import Real

from app.domain.errors import InputError
from app.domain.phrases import Label, Number, Phrase, Sentence, Typed, sentence

# Exact by definition (international yard and pound agreement, 1959).
KG_PER_LB = 0.45359237
CM_PER_INCH = 2.54

WEIGHT_MIN_KG = 2.0
WEIGHT_MAX_KG = 200.0
HEIGHT_MIN_CM = 45.0
HEIGHT_MAX_CM = 220.0

# Words used in messages, so a message names the field the way the form does.
FIELD_LABELS = {
    "weight_kg": "Weight",
    "weight_lb": "Weight",
    "height_cm": "Height",
    "height_in": "Height",
}


def format_number(value: float, max_decimals: int = 6) -> str:
    """Show a number without float noise or trailing zeros: 20.0 -> "20", 0.1+0.2 -> "0.3"."""
    if math.isnan(value) or math.isinf(value):
        return str(value)
    text = f"{value:.{max_decimals}f}"
    if "." in text:  # only strip zeros after a decimal point: "200" must stay "200"
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def lb_to_kg(pounds: float) -> float:
    """Pounds to kilograms with the exact factor 0.45359237 (no rounding)."""
    return pounds * KG_PER_LB


def inches_to_cm(inches: float) -> float:
    """Inches to centimetres with the exact factor 2.54 (no rounding)."""
    return inches * CM_PER_INCH


def _label(field: str) -> str:
    return FIELD_LABELS.get(field, field.replace("_", " ").capitalize())


# Why a decimal comma cannot be read (app.domain.units.parse_number with decimal_mark=","):
# each an English template, %1 the field's label, %2 what was typed; the interface shows
# it in its own words (app/forms/numbers.py lists them for translation).
COMMA_REFUSED = ("%1 must be a number written with a point for decimals (for example 20.5); "
                 '"%2" was entered.')
AMBIGUOUS_COMMA = ('%1: "%2" could mean %3 or %4 (a comma before three digits can separate '
                   "thousands); write %4 for the whole number, or %5 with a point for the "
                   "decimal.")
MIXED_MARKS = ('%1: "%2" has both a point and a comma; write the number with one decimal mark '
               "and no thousands separator (for example 1500.5).")
MANY_COMMAS = ('%1: "%2" has more than one comma; write the number with one decimal mark and no '
               "thousands separator (for example 1500.5).")
DECIMAL_MARKS = (".", ",")
# Why a value is not a number at all (parse_number): %1 the field's label, %2 what was
# entered; the interface says them in its own words (app/forms/terms.py lists them).
REQUIRED_NUMBER = "%1 is required and must be a number."
NOTHING_ENTERED = "%1 is required; nothing was entered."
NOT_A_NUMBER = '%1 must be a number (for example 20.5); "%2" was entered.'
NOT_A_NUMBER_VALUE = "%1 must be a number; %2 was entered."
NOT_ORDINARY = "%1 must be an ordinary number; %2 was entered."
NUMBER_SENTENCES = (REQUIRED_NUMBER, NOTHING_ENTERED, NOT_A_NUMBER, NOT_A_NUMBER_VALUE,
                    NOT_ORDINARY, COMMA_REFUSED)


class NumberEntryError(InputError):
    """A number typed with a comma that cannot be read safely; ``template`` (one of the
    sentences above) and ``values`` let the interface say it in its own words."""

    def __init__(self, field: str, template: str, *values: str) -> None:
        label, *rest = values
        super().__init__(field, sentence(template, Label(label), *rest))
        self.template = template
        self.values = values


def _comma_as_point(field: str, label: str, text: str) -> str:
    """Typed text with a decimal comma as the same digits with a point, or NumberEntryError
    where the comma could be misread: "20,5" -> "20.5"; "1,500" (1.5 or 1500?), "1.500,5"
    (two marks) and "1,500,000" (thousands groups) are refused, never guessed."""
    if "." in text:
        raise NumberEntryError(field, MIXED_MARKS, label, text)
    if text.count(",") > 1:
        raise NumberEntryError(field, MANY_COMMAS, label, text)
    whole, _, decimals = text.partition(",")
    digits = whole.lstrip("+-")
    # An English thousands group: 1 to 3 digits, not starting with 0, then exactly three.
    if (1 <= len(digits) <= 3 and digits.isdigit() and not digits.startswith("0")
            and len(decimals) == 3 and decimals.isdigit()):
        decimal = format_number(float(f"{whole}.{decimals}"))
        raise NumberEntryError(field, AMBIGUOUS_COMMA, label, text, decimal,
                               format_number(float(f"{whole}{decimals}")), decimal)
    return f"{whole}.{decimals}"


def parse_number(field: str, value: object, decimal_mark: str = ".") -> float:
    """Turn typed text or a number into a float, or raise InputError naming the field.

    Accepts "20", " 20.5 ", 20, 20.5. Rejects empty text, words, booleans, NaN and
    infinity. ``decimal_mark``: the mark the interface accepts besides the point. With
    "." (English, the command line, imports) a comma is refused: "1,500" could mean 1.5 or
    1500, and guessing wrong would change a dose a thousandfold. With "," (French) "20,5"
    is 20.5, and a comma is refused only where it could be misread (three digits after
    it, both marks, several commas).
    """
    if decimal_mark not in DECIMAL_MARKS:
        raise ValueError(f"decimal_mark must be one of {DECIMAL_MARKS}, not {decimal_mark!r}")
    label = _label(field)
    if isinstance(value, bool) or value is None:
        raise InputError(field, _said(REQUIRED_NUMBER, label))
    if isinstance(value, Real):
        number = float(value)
        shown = repr(value)
    elif isinstance(value, str):
        text = value.strip()
        if not text:
            raise InputError(field, _said(NOTHING_ENTERED, label))
        readable = text
        if "," in text:
            if decimal_mark != ",":
                raise NumberEntryError(field, COMMA_REFUSED, label, text)
            readable = _comma_as_point(field, label, text)
        try:
            number = float(readable)
        except ValueError:
            raise InputError(field, _said(NOT_A_NUMBER, label, text)) from None
        shown = Typed(text)  # '"nan"'
    else:
        raise InputError(field, _said(NOT_A_NUMBER_VALUE, label, repr(value)))
    if math.isnan(number) or math.isinf(number):
        raise InputError(field, _said(NOT_ORDINARY, label, shown))
    return number


def _said(template: str, label: str, *values: str) -> Sentence:
    return sentence(template, Label(label), *values)


# A weight or height outside its plausible range: %1 the field's label, then the range
# and what was entered (%5, or %8 in both units when typed in lb or in: an AMOUNT, or
# AMOUNT_CONVERTED, the numbers and units only). The interface says it in its own words,
# its numbers with its decimal mark (app/forms/numbers.py and terms.py list them).
OUT_OF_RANGE = "%1 must be between %2 and %3 %4; %5 was entered."
OUT_OF_RANGE_CONVERTED = "%1 must be between %2 and %3 %4 (%5 to %6 %7); %8 was entered."
AMOUNT = "%1 %2"
AMOUNT_CONVERTED = "%1 %2 (%3 %4)"


class OutOfRangeError(InputError):
    """A measure outside its plausible range; ``phrase`` (one of the sentences above, its
    label a Label and its numbers Numbers) lets the interface say it in its own words."""

    def __init__(self, field: str, phrase: Phrase) -> None:
        super().__init__(field, str(phrase))
        self.phrase = phrase


def _range_error(
    field: str, low: float, high: float, unit: str, value: float, alt: tuple[str, float] | None
) -> InputError:
    """Message naming the field, the allowed range and what was entered (both units if
    the entry was imperial)."""
    label = Label(_label(field))
    if alt is None:
        return OutOfRangeError(field, Phrase(OUT_OF_RANGE, (
            label, Number(format_number(low)), Number(format_number(high)), unit,
            Phrase(AMOUNT, (Number(format_number(value)), unit)))))
    alt_unit, factor = alt
    # Bounds in the other unit are rounded inwards so that both ends shown are accepted.
    alt_low = math.ceil(low / factor * 100) / 100
    alt_high = math.floor(high / factor * 100) / 100
    return OutOfRangeError(field, Phrase(OUT_OF_RANGE_CONVERTED, (
        label, Number(format_number(low)), Number(format_number(high)), unit,
        Number(format_number(alt_low)), Number(format_number(alt_high)), alt_unit,
        Phrase(AMOUNT_CONVERTED, (Number(format_number(value / factor)), alt_unit,
                                  Number(format_number(value, 2)), unit)))))


def validate_weight_kg(value: object, *, field: str = "weight_kg") -> float:
    """Return the weight in kg if it is a number from 2 to 200 kg inclusive; never clamps.

    Source: clinical rules §4 (plausible range 2-200 kg).
    """
    kg = parse_number(field, value)
    if not (WEIGHT_MIN_KG <= kg <= WEIGHT_MAX_KG):
        raise _range_error(field, WEIGHT_MIN_KG, WEIGHT_MAX_KG, "kg", kg, None)
    return kg


def validate_height_cm(value: object, *, field: str = "height_cm") -> float:
    """Return the height in cm if it is a number from 45 to 220 cm inclusive; never clamps.

    Source: clinical rules §4 (plausible range 45-220 cm).
    """
    cm = parse_number(field, value)
    if not (HEIGHT_MIN_CM <= cm <= HEIGHT_MAX_CM):
        raise _range_error(field, HEIGHT_MIN_CM, HEIGHT_MAX_CM, "cm", cm, None)
    return cm


def weight_kg_from_lb(value: object, *, field: str = "weight_lb") -> float:
    """Convert a weight typed in pounds to kg and check it; the message gives lb and kg."""
    kg = lb_to_kg(parse_number(field, value))
    if not (WEIGHT_MIN_KG <= kg <= WEIGHT_MAX_KG):
        raise _range_error(field, WEIGHT_MIN_KG, WEIGHT_MAX_KG, "kg", kg, ("lb", KG_PER_LB))
    return kg


def height_cm_from_inches(value: object, *, field: str = "height_in") -> float:
    """Convert a height typed in inches to cm and check it; the message gives in and cm."""
    cm = inches_to_cm(parse_number(field, value))
    if not (HEIGHT_MIN_CM <= cm <= HEIGHT_MAX_CM):
        raise _range_error(field, HEIGHT_MIN_CM, HEIGHT_MAX_CM, "cm", cm, ("in", CM_PER_INCH))
    return cm
