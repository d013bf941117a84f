"""Shared building blocks for the instruments: item definitions as data, value parsing,
and plain-words field messages.

Clinical rules §2: instruments are entered item by item and totals are computed, never
typed. Item definitions live here as data (code, label, anchors, min, max, step) so the
visit form, the PDF and the CSV/REDCap exports can all be generated from the same source.

This module is pure Python (no Qt, no database) and has its own small exception type so
it does not depend on other domain modules.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from enum import StrEnum

from app.domain.phrases import Label, Number, Sentence, Typed, phrase, sentence

# Comparisons at band edges are made on values rounded to this many decimal places, so
# float noise such as (6.0 - 5.4) / 10 * 100 = 5.999999999999996 cannot move a value
# across an edge.
COMPARISON_PLACES = 6
_QUANTUM = Decimal(1).scaleb(-COMPARISON_PLACES)


class InstrumentInputError(ValueError):
    """A value cannot be used. ``messages`` maps each field code to a plain-words message."""

    def __init__(self, messages: dict[str, str]) -> None:
        self.messages = dict(messages)
        super().__init__(" ".join(self.messages.values()) or "Invalid input.")


class ItemKind(StrEnum):
    """How an item is entered; tells the form which widget to build."""

    SCORE = "score"  # whole-number score with anchors
    SECONDS = "seconds"  # a duration in seconds, converted to a score by bands
    YES_NO = "yes_no"  # 0 = no/unable, 1 = yes/able
    VAS = "vas"  # 10 cm visual analogue scale, entered to 0.1 cm
    CHOICE = "choice"  # one of a fixed set of coded answers


@dataclass(frozen=True)
class Anchor:
    """One labelled answer: a score level and its wording (or a coded choice)."""

    value: int | float | str
    label: str


@dataclass(frozen=True)
class ItemDefinition:
    """An instrument item as data.

    ``display_name`` is how messages name the item, e.g. "CMAS item 4 (supine to prone)".
    ``maximum`` is None for open-ended entries (seconds held).
    """

    code: str
    instrument: str
    number: str
    label: str
    kind: ItemKind
    minimum: int | float
    maximum: int | float | None
    step: int | float
    anchors: tuple[Anchor, ...] = ()
    unit: str = ""
    domain: str | None = None
    allows_not_applicable: bool = False
    help: str = ""
    source: str = ""
    message_name: str = ""  # overrides display_name when set

    @property
    def display_name(self) -> str:
        if self.message_name:
            return self.message_name
        if self.number:
            return f"{self.instrument} item {self.number} ({self.label})"
        return f"{self.instrument}: {self.label}"

    def anchor_label(self, value: int | float | str) -> str | None:
        for anchor in self.anchors:
            if anchor.value == value:
                return anchor.label
        return None


@dataclass(frozen=True)
class ProvisionalRule:
    """A rule kept as data because it is not yet confirmed from the primary text
    (clinical-rules, status "provisional"): shown as provisional, with its source."""

    name: str
    value: object
    source: str
    status: str = "provisional"


class _Invalid(Exception):
    """Internal: the entered value is not a usable number."""


def is_blank(value: object) -> bool:
    """None or empty/whitespace text counts as 'not entered'."""
    return value is None or (isinstance(value, str) and value.strip() == "")


def to_decimal(value: object) -> Decimal:
    """Exact decimal of an entered number. Floats go through ``repr`` (shortest form), so
    5.4 becomes Decimal("5.4"), not the binary expansion. Raises _Invalid otherwise.

    Booleans, NaN, infinity, commas and words are rejected.
    """
    if isinstance(value, bool):
        raise _Invalid
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise _Invalid
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise _Invalid
        return value
    if isinstance(value, str):
        text = value.strip()
        # A comma could be a decimal mark or a thousands separator; never guess.
        if not text or "," in text:
            raise _Invalid
        try:
            number = Decimal(text)
        except InvalidOperation as exc:
            raise _Invalid from exc
        if not number.is_finite():
            raise _Invalid
        return number
    raise _Invalid


def round_for_comparison(value: Decimal) -> Decimal:
    """Round to COMPARISON_PLACES decimals (half-even) before comparing with a band edge."""
    return value.quantize(_QUANTUM, rounding=ROUND_HALF_EVEN)


# Fast numeric path (bulk exports). Float arithmetic gives the same rounded value as the
# decimal arithmetic above whenever the float result is farther than its error bound
# from a half-way point of the rounding (…5 in the 7th decimal): both then round to the
# same 6-decimal number, and ``round(x, 6)`` returns the float nearest to it, exactly as
# ``float(round_for_comparison(d))`` does. Otherwise the caller falls back to decimals.
FLOAT_ERROR = 1e-14  # relative error bound for a few float operations (each ≤ 2**-53 ≈ 1.1e-16)
_SCALE = 10**COMPARISON_PLACES
_FAST_LIMIT = 1e6  # beyond this, fall back (keeps the scaled value's own error tiny)


def round_for_comparison_float(value: float, error: float) -> float | None:
    """``round(value, 6)`` when no half-way point of the 6-decimal rounding lies within
    ``error`` of ``value`` (so the exact decimal computation rounds the same way); None
    otherwise (the caller must then use decimal arithmetic)."""
    if not -_FAST_LIMIT < value < _FAST_LIMIT:
        return None
    scaled = value * _SCALE
    distance = abs(scaled - math.floor(scaled) - 0.5)
    if distance <= error * _SCALE + abs(scaled) * FLOAT_ERROR + 1e-6:
        return None
    return round(value, COMPARISON_PLACES)


def plain_float(value: object) -> float | None:
    """A finite int (not bool) or float as a float (ints below 2**53 only), else None: the
    values for which float arithmetic starts from exactly the number ``to_decimal`` reads
    (``to_decimal`` of a float is the shortest repr, which converts back to the same float)."""
    kind = type(value)
    if kind is float:
        return value if math.isfinite(value) else None  # type: ignore[arg-type]
    if kind is int and -(2**53) < value < 2**53:  # type: ignore[operator]
        return float(value)  # type: ignore[arg-type]
    return None


def format_entered(value: object) -> str:
    """Show what was entered, for a message: 5 -> "5", 2.5 -> "2.5", "abc" -> '"abc"'."""
    if isinstance(value, str):
        return Typed(value)  # '"abc"'; the interface quotes it its own way
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and math.isfinite(value):
        return _plain(Decimal(repr(value)))
    if isinstance(value, Decimal) and value.is_finite():
        return _plain(value)
    return str(value)


def _plain(number: Decimal) -> str:
    """Exact digits, no exponent, no trailing zeros: Decimal("5.0") -> "5"."""
    text = f"{number:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def format_number(value: Decimal | int | float, places: int = COMPARISON_PLACES) -> str:
    """Show a number without trailing zeros or float noise: 20.0 -> "20", 0.1+0.2 -> "0.3"."""
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        value = Decimal(repr(value))
    number = Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
    text = f"{number:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


# The field messages' sentences (app/forms/terms.py lists them in "Instrument message"):
# the item's name a Label, its limits Numbers, what was entered as it was entered.
WHOLE_NUMBER = "%1 must be a whole number from %2 to %3; %4 was entered."
VAS_RANGE = "%1 must be a number from %2 to %3 %4, in steps of %5 %6; %7 was entered."
YES_NO = "%1 must be 0 (%2) or 1 (%3); %4 was entered."
SOURCE_NOTE = "Source: %1."  # after a rule's sentence: its source as cited
# an outcome row's note on a total not computed: its explanation, or (scored without
# one) that items are missing
INCOMPLETE = "incomplete: %1"
ITEMS_MISSING = "items missing"
FIELD_SENTENCES = (WHOLE_NUMBER, VAS_RANGE, YES_NO, SOURCE_NOTE, INCOMPLETE, ITEMS_MISSING)


def incomplete_note(explanation: str) -> Sentence:
    """"incomplete: CMAS total not computed: …", the outcome row's note."""
    return sentence(INCOMPLETE, explanation or phrase(ITEMS_MISSING))


def whole_number_message(item: ItemDefinition, value: object) -> Sentence:
    return sentence(WHOLE_NUMBER, Label(item.display_name), Number(format_number(item.minimum)),
                    Number(format_number(item.maximum)), format_entered(value))


def parse_whole_number(item: ItemDefinition, value: object) -> int:
    """A whole number within the item's range (5 and 5.0 accepted), else InstrumentInputError."""
    try:
        number = to_decimal(value)
    except _Invalid:
        raise InstrumentInputError({item.code: whole_number_message(item, value)}) from None
    assert item.maximum is not None
    if number != number.to_integral_value() or not item.minimum <= number <= item.maximum:
        raise InstrumentInputError({item.code: whole_number_message(item, value)})
    return int(number)


def vas_message(item: ItemDefinition, value: object) -> Sentence:
    return sentence(VAS_RANGE, Label(item.display_name), Number(format_number(item.minimum)),
                    Number(format_number(item.maximum)), item.unit,
                    Number(format_number(item.step)), item.unit, format_entered(value))


def parse_vas(item: ItemDefinition, value: object) -> Decimal:
    """A visual-analogue value within range, with at most one decimal (0.1 cm steps)."""
    try:
        number = to_decimal(value)
    except _Invalid:
        raise InstrumentInputError({item.code: vas_message(item, value)}) from None
    assert item.maximum is not None
    if not item.minimum - 1 <= number <= item.maximum + 1:
        # Far out of range: refuse before rounding (quantize fails on huge magnitudes).
        raise InstrumentInputError({item.code: vas_message(item, value)})
    if isinstance(value, float):
        # A float from a slider may carry binary noise (7.300000000000001); judge it on
        # its value rounded to COMPARISON_PLACES decimals.
        number = round_for_comparison(number)
    step = Decimal(str(item.step))
    if not item.minimum <= number <= item.maximum or number % step != 0:
        raise InstrumentInputError({item.code: vas_message(item, value)})
    return number


def plain_vas(item: ItemDefinition, value: object) -> float | None:
    """Fast path of ``float(parse_vas(item, value))`` for a plain number that is clearly
    valid (in range, on a step of 10**-k); None = use the checked path."""
    number = plain_float(value)
    if number is None or item.maximum is None or not item.minimum <= number <= item.maximum:
        return None
    places = _STEP_PLACES.get(item.step)
    if places is None:
        step = Decimal(str(item.step))
        exponent = step.as_tuple().exponent
        places = -exponent if step == Decimal(1).scaleb(exponent) else -1  # type: ignore[operator]
        _STEP_PLACES[item.step] = places
    if places < 0:
        return None
    if type(value) is float:
        # parse_vas judges a float on its value rounded to COMPARISON_PLACES decimals.
        rounded = round_for_comparison_float(number, abs(number) * FLOAT_ERROR)
        if rounded is None:
            return None
        number = rounded
    # On a step of 10**-places: the (<= 6-decimal) number has no more decimals. Numbers
    # that close apart (>= 1e-6) stay apart as floats below 2**20, so == is exact.
    if abs(number) >= 2**20 or round(number, places) != number:
        return None
    return number


_STEP_PLACES: dict[object, int] = {}


def yes_no_message(item: ItemDefinition, value: object) -> Sentence:
    no_label = item.anchor_label(0) or "no"
    yes_label = item.anchor_label(1) or "yes"
    return sentence(YES_NO, Label(item.display_name), Label(no_label), Label(yes_label),
                    format_entered(value))


def parse_yes_no(item: ItemDefinition, value: object) -> int:
    """True/False, 1/0 (or "1"/"0") -> 1/0; anything else raises InstrumentInputError."""
    if isinstance(value, bool):
        return int(value)
    try:
        number = to_decimal(value)
    except _Invalid:
        raise InstrumentInputError({item.code: yes_no_message(item, value)}) from None
    if number not in (0, 1):
        raise InstrumentInputError({item.code: yes_no_message(item, value)})
    return int(number)


def vas_item(
    code: str,
    instrument: str,
    label: str,
    low_anchor: str,
    high_anchor: str,
    *,
    help: str = "",
    source: str = "",
    message_name: str = "",
) -> ItemDefinition:
    """A 10 cm VAS entered to 0.1 cm (clinical-rules §2.2, §2.4)."""
    return ItemDefinition(
        code=code,
        instrument=instrument,
        number="",
        label=label,
        kind=ItemKind.VAS,
        minimum=0,
        maximum=10,
        step=0.1,
        anchors=(Anchor(0, low_anchor), Anchor(10, high_anchor)),
        unit="cm",
        help=help,
        source=source,
        message_name=message_name,
    )
