"""The core set measures of JDM response (clinical-rules §3), shared by the three
response definitions in this package: the six measures and their ranges, the muscle
strength measure (MMT8 or CMAS), the values at one visit, the range checks, and the
percent-change formula the TIS and the IMACS definition both use.

Percent changes are computed in decimal arithmetic from the entered values and rounded
to 6 decimal places (half-even) before being compared with band edges, so that e.g.
(6.0 - 5.4) / 10 × 100 is exactly 6, not 5.999999999999996. Bulk exports take a float
path where that provably rounds the same way (``plain_core_values``,
``percent_change_fast``).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from app.domain.instruments.cmas import CmasResult, CmasTotal
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
from app.domain.instruments.mmt8 import Mmt8Result, Mmt8Total, Mmt8Variant


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


def muscle_from_mmt8(result: Mmt8Result | Mmt8Total) -> MuscleScore | None:
    """The MMT8 total as a core-set muscle measure (None if the total is incomplete)."""
    if result.total is None:
        return None
    instrument = (
        MuscleInstrument.MMT8_UNILATERAL
        if result.variant is Mmt8Variant.UNILATERAL
        else MuscleInstrument.MMT8_BILATERAL
    )
    return MuscleScore(instrument, result.total)


def muscle_from_cmas(result: CmasResult | CmasTotal) -> MuscleScore | None:
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
    """Fast path of ``_core_values``: the measures as floats when every value given is a
    plain finite number inside its range (the bounds are whole numbers, so a float compares
    with them exactly as its decimal does); None when anything needs the checked path.
    Remembered for recent (frozen) objects: TIS and IMACS read the same ones, and a
    bulk export passes one baseline object for all follow-ups of an enrollment."""
    cached = _PLAIN_CACHE.get(id(values))
    if cached is not None and cached[0] is values:
        return cached[1]
    result = _plain_core_values_uncached(values)
    if len(_PLAIN_CACHE) >= 64:
        _PLAIN_CACHE.clear()
    _PLAIN_CACHE[id(values)] = (values, result)
    return result


_PLAIN_CACHE: dict[int, tuple[CoreSetValues, object]] = {}


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


def check_inputs(baseline: CoreSetValues, follow_up: CoreSetValues):
    messages: dict[str, str] = {}
    base = _core_values(baseline, "baseline", messages)
    follow = _core_values(follow_up, "follow-up", messages)
    if messages:
        raise ResponseInputError(messages)
    return base, follow




def missing_reason(measure: CoreMeasure, base, follow) -> str:
    visits = [v for v, x in (("baseline", base), ("follow-up", follow)) if x is None]
    return f"{MEASURE_LABELS[measure]} not available at {' and '.join(visits)}."


def percent_change(numerator_a, numerator_b, denominator) -> Decimal:
    """(a - b) / denominator × 100, in decimals, rounded for comparison (the one formula
    of both the TIS and the IMACS percent changes)."""
    a, b, d = to_decimal(numerator_a), to_decimal(numerator_b), to_decimal(denominator)
    return round_for_comparison((a - b) / d * 100)


def percent_change_fast(a: float, b: float, denominator: float) -> float | Decimal:
    """``float(percent_change(a, b, denominator))`` computed in floats, or the decimal itself when
    the float result is too close to a rounding half-way point to be trusted."""
    value = (a - b) / denominator * 100
    error = (abs(a) + abs(b)) * 100 / abs(denominator) * FLOAT_ERROR
    rounded = round_for_comparison_float(value, error)
    return percent_change(a, b, denominator) if rounded is None else rounded


