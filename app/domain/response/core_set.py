"""The core set measures of JDM response (clinical-rules §3), shared by the three
response definitions in this package: the six measures and their ranges, the muscle
strength measure (MMT8 or CMAS), the values at one visit, the range checks, and the
percent-change formula the TIS and the IMACS definition both use.

Percent changes are the exact decimal result rounded to 6 decimal places (half-even)
before being compared with band edges, so that e.g. (6.0 - 5.4) / 10 × 100 is exactly 6,
not 5.999999999999996. Plain float inputs are computed in floats only where that
provably gives that same rounded number (``plain_core_values``, ``percent_change``,
``round_for_comparison_float``); everything else in decimals.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import cached_property, lru_cache

from app.domain.instruments.cmas import CmasResult
from app.domain.instruments.common import (
    FLOAT_ERROR,
    InstrumentInputError,
    _Invalid,
    format_entered,
    format_number,
    plain_float,
    round_for_comparison,
    round_for_comparison_float,
    to_decimal,
)
from app.domain.instruments.mmt8 import Mmt8Result, Mmt8Variant
from app.domain.phrases import Label, sentence


class ResponseInputError(InstrumentInputError):
    """A core-set value is out of its range or not a number (``messages`` per field)."""


class CoreMeasure(StrEnum):
    PHYSICIAN_GLOBAL = "physician_global"
    PARENT_GLOBAL = "parent_global"
    MUSCLE = "muscle_strength"
    CHAQ = "chaq"
    ENZYME = "enzyme"
    EXTRAMUSCULAR = "extramuscular"


CORE_MEASURES = tuple(CoreMeasure)  # iterated per visit: a tuple, not the Enum machinery

MEASURE_LABELS: dict[CoreMeasure, str] = {
    CoreMeasure.PHYSICIAN_GLOBAL: "Physician global activity",
    CoreMeasure.PARENT_GLOBAL: "Patient/parent global activity",
    CoreMeasure.MUSCLE: "Muscle strength (MMT8 or CMAS)",
    CoreMeasure.CHAQ: "CHAQ disability index",
    CoreMeasure.ENZYME: "Most abnormal muscle enzyme",
    CoreMeasure.EXTRAMUSCULAR: "Extramuscular activity",
}


class MuscleInstrument(StrEnum):
    MMT8_UNILATERAL = "mmt8_unilateral"
    MMT8_BILATERAL = "mmt8_bilateral"
    CMAS = "cmas"


MUSCLE_LABELS: dict[MuscleInstrument, str] = {
    MuscleInstrument.MMT8_UNILATERAL: "MMT8 (unilateral, 0-80)",
    MuscleInstrument.MMT8_BILATERAL: "MMT8 (bilateral, 0-150)",
    MuscleInstrument.CMAS: "CMAS (0-52)",
}
VALUE_OF = {m: m.value for m in (*CoreMeasure, *MuscleInstrument)}  # .value, without the Enum
_MUSCLE_MAXIMUM: dict[MuscleInstrument, Decimal] = {
    MuscleInstrument.MMT8_UNILATERAL: Decimal(80),
    MuscleInstrument.MMT8_BILATERAL: Decimal(150),
    MuscleInstrument.CMAS: Decimal(52),
}


@dataclass(frozen=True)
class MuscleScore:
    """A muscle strength total and the instrument (and MMT8 variant) it came from."""

    instrument: MuscleInstrument
    value: float | int


def muscle_from_mmt8(result: Mmt8Result) -> MuscleScore | None:
    """The MMT8 total as a core-set muscle measure (None if the total is incomplete)."""
    if result.total is None:
        return None
    instrument = (
        MuscleInstrument.MMT8_UNILATERAL
        if result.variant is Mmt8Variant.UNILATERAL
        else MuscleInstrument.MMT8_BILATERAL
    )
    return MuscleScore(instrument, result.total)


def muscle_from_cmas(result: CmasResult) -> MuscleScore | None:
    """The CMAS total as a core-set muscle measure (None if the total is incomplete)."""
    return None if result.total is None else MuscleScore(MuscleInstrument.CMAS, result.total)


@dataclass(frozen=True)
class CoreSetValues:
    """The core set measures at one visit (None = not available).

    ``physician_global``, ``parent_global``, ``extramuscular``: 10 cm VAS (0-10).
    ``chaq_di``: CHAQ disability index (0-3).
    ``muscle``: MMT8 (with its variant) or CMAS total.
    ``enzyme``: the most abnormal enzyme at baseline, as ×ULN (preferred) or as a value
    in one unit -- the same basis at both visits; ``enzyme_code`` (e.g. "ck") lets the
    comparison refuse two different enzymes.
    """

    physician_global: float | None = None
    parent_global: float | None = None
    muscle: MuscleScore | None = None
    chaq_di: float | None = None
    enzyme: float | None = None
    enzyme_code: str | None = None
    extramuscular: float | None = None

    @cached_property
    def plain(self) -> dict[CoreMeasure, tuple[float, MuscleInstrument | None] | None] | None:
        """See ``plain_core_values`` (cached on the instance; the object is frozen)."""
        return _plain_core_values_uncached(self)


def checked_number(
    value: object, where: str, label: str, lo: Decimal, hi: Decimal | None
) -> Decimal:
    """The value as a decimal within [lo, hi] (hi None: no upper limit); otherwise
    ResponseInputError with a message for the field ``where``."""
    try:
        number = to_decimal(value)
    except _Invalid:
        number = None
    if number is None or number < lo or (hi is not None and number > hi):
        upper = f"to {format_number(hi)}" if hi is not None else "or more"
        raise ResponseInputError(
            {
                where: f"{label} must be a number from {format_number(lo)} {upper}; "
                f"{format_entered(value)} was given."
            }
        )
    return number


# Range of each core-set measure other than muscle strength (whose range depends on the
# instrument, ``_MUSCLE_MAXIMUM``): attribute of CoreSetValues, lowest, highest (None: open).
_CORE_RANGES: dict[CoreMeasure, tuple[str, Decimal, Decimal | None]] = {
    CoreMeasure.PHYSICIAN_GLOBAL: ("physician_global", Decimal(0), Decimal(10)),
    CoreMeasure.PARENT_GLOBAL: ("parent_global", Decimal(0), Decimal(10)),
    CoreMeasure.CHAQ: ("chaq_di", Decimal(0), Decimal(3)),
    CoreMeasure.ENZYME: ("enzyme", Decimal(0), None),
    CoreMeasure.EXTRAMUSCULAR: ("extramuscular", Decimal(0), Decimal(10)),
}

# The same bounds as floats (whole numbers: exact) for the fast path.
_FLOAT_CORE_RANGES = {
    measure: (attribute, float(lo), None if hi is None else float(hi))
    for measure, (attribute, lo, hi) in _CORE_RANGES.items()
}
_FLOAT_MUSCLE_MAXIMUM = {instrument: float(hi) for instrument, hi in _MUSCLE_MAXIMUM.items()}


def plain_core_values(
    values: CoreSetValues,
) -> dict[CoreMeasure, tuple[float, MuscleInstrument | None] | None] | None:
    """The measures as floats when every value given is a plain finite number inside its
    range (the bounds are whole numbers, so a float compares with them exactly as its
    decimal does); None when anything needs the checked decimal reading. Worked out once
    per (frozen) object: the TIS and the IMACS definition read the same ones, and every
    follow-up of an enrollment is compared with one baseline object."""
    return values.plain


def _plain_core_values_uncached(
    values: CoreSetValues,
) -> dict[CoreMeasure, tuple[float, MuscleInstrument | None] | None] | None:
    out: dict[CoreMeasure, tuple[float, MuscleInstrument | None] | None] = {}
    for measure in CORE_MEASURES:
        if measure is CoreMeasure.MUSCLE:
            muscle = values.muscle
            if muscle is None or muscle.value is None:
                out[measure] = None
                continue
            instrument = muscle.instrument
            if type(instrument) is not MuscleInstrument:
                return None
            raw: object = muscle.value
            lo, hi = 0.0, _FLOAT_MUSCLE_MAXIMUM[instrument]
        else:
            attribute, lo, hi = _FLOAT_CORE_RANGES[measure]
            raw = getattr(values, attribute)
            instrument = None
            if raw is None:
                out[measure] = None
                continue
        number = plain_float(raw)
        if number is None or number < lo or (hi is not None and number > hi):
            return None
        out[measure] = (number, instrument)
    return out


def _core_values(
    values: CoreSetValues, visit: str, messages: dict[str, str]
) -> dict[CoreMeasure, tuple[Decimal, MuscleInstrument | None] | None]:
    """Checked decimals per measure (None when not available); range errors collected."""
    out: dict[CoreMeasure, tuple[Decimal, MuscleInstrument | None] | None] = {}
    ranges: dict[CoreMeasure, tuple[object, Decimal, Decimal | None]] = {
        measure: (getattr(values, attribute), lo, hi)
        for measure, (attribute, lo, hi) in _CORE_RANGES.items()
    }
    for measure in CORE_MEASURES:
        if measure is CoreMeasure.MUSCLE:
            muscle = values.muscle
            if muscle is None or muscle.value is None:
                out[measure] = None
                continue
            try:
                instrument = MuscleInstrument(muscle.instrument)
            except ValueError:
                messages[f"{visit}.{measure.value}"] = (
                    f"{visit} muscle strength instrument must be one of "
                    f"{', '.join(MuscleInstrument)}; {muscle.instrument!r} was given."
                )
                out[measure] = None
                continue
            raw: object = muscle.value
            lo, hi = Decimal(0), _MUSCLE_MAXIMUM[instrument]
            label = f"{visit} {MUSCLE_LABELS[instrument]}"
        else:
            raw, lo, hi = ranges[measure]
            instrument = None
            label = f"{visit} {MEASURE_LABELS[measure].lower()}"
        if raw is None:
            out[measure] = None
            continue
        try:
            number = checked_number(raw, f"{visit}.{measure.value}", label, lo, hi)
            out[measure] = (number, instrument)
        except ResponseInputError as exc:
            messages.update(exc.messages)
            out[measure] = None
    return out


def core_values(baseline: CoreSetValues, follow_up: CoreSetValues):
    """Both visits' measures as (value, instrument) per measure: plain floats when both
    are plain (``plain_core_values``), else checked decimals (``check_inputs``, which
    raises ResponseInputError for values out of range)."""
    plain_base = plain_core_values(baseline)
    if plain_base is not None:
        plain_follow = plain_core_values(follow_up)
        if plain_follow is not None:
            return plain_base, plain_follow
    return check_inputs(baseline, follow_up)


def check_inputs(baseline: CoreSetValues, follow_up: CoreSetValues):
    messages: dict[str, str] = {}
    base = _core_values(baseline, "baseline", messages)
    follow = _core_values(follow_up, "follow-up", messages)
    if messages:
        raise ResponseInputError(messages)
    return base, follow




# A core set measure missing at one visit or both (app/forms/terms.py lists the sentences
# in "Instrument message"), the measure's name a Label.
NOT_AVAILABLE_AT = {("baseline",): "%1 not available at baseline.",
                    ("follow-up",): "%1 not available at follow-up.",
                    ("baseline", "follow-up"): "%1 not available at baseline and follow-up."}


def missing_reason(measure: CoreMeasure, base, follow) -> str:
    visits = tuple(v for v, x in (("baseline", base), ("follow-up", follow)) if x is None)
    return sentence(NOT_AVAILABLE_AT[visits], Label(MEASURE_LABELS[measure]))


def percent_change(numerator_a, numerator_b, denominator) -> float | Decimal:
    """(a - b) / denominator × 100 rounded to 6 decimals for comparison (the one formula
    of both the TIS and the IMACS percent changes).

    Plain floats (and an exactly representable denominator) are computed in floats when
    the result is provably the decimal result rounded (``round_for_comparison_float``);
    otherwise, and for decimals, in exact decimal arithmetic."""
    if type(numerator_a) is float and type(numerator_b) is float:
        divisor = denominator if type(denominator) is float else _exact_float(denominator)
        if divisor:
            value = (numerator_a - numerator_b) / divisor * 100
            error = (abs(numerator_a) + abs(numerator_b)) * 100 / abs(divisor) * FLOAT_ERROR
            rounded = round_for_comparison_float(value, error)
            if rounded is not None:
                return rounded
    a, b, d = to_decimal(numerator_a), to_decimal(numerator_b), to_decimal(denominator)
    return round_for_comparison((a - b) / d * 100)


@lru_cache(maxsize=64)
def _exact_float(value: Decimal | int) -> float | None:
    """A Decimal or int that a float holds exactly, as that float; else None (cached: the
    divisors are the few full ranges of the TIS rule)."""
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        number = float(value)
        if Decimal(number) == value:
            return number
    return None
