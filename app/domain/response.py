"""Derived outcomes (clinical-rules §3): the 2016 ACR/EULAR total improvement score
(TIS), PRINTO clinically inactive disease, and the IMACS definition of improvement.

Sources:
* TIS -- clinical-rules §3.2; Rider LG et al., "2016 ACR/EULAR criteria for minimal,
  moderate and major clinical response in juvenile dermatomyositis", Arthritis
  Rheumatol 2017;69:911-23, Table 3. The percent-change rule is PROVISIONAL and lives in
  one place: ``TIS_PERCENT_CHANGE_RULE``.
* PRINTO inactive disease -- clinical-rules §3.1; Lazarevic D et al., Ann Rheum Dis
  2013;72:686-93.
* IMACS definition of improvement -- clinical-rules §3.3; Rider LG et al., Arthritis
  Rheum 2004;50:2281-90.

All three never impute: a missing measure is listed. The PRINTO and IMACS results are
still decided when the missing measures could not change the answer whatever their
values; otherwise they are "undetermined". The TIS is None if any measure is missing.

Percent changes are computed in decimal arithmetic from the entered values and rounded
to 6 decimal places (half-even) before being compared with band edges, so that e.g.
(6.0 - 5.4) / 10 × 100 is exactly 6, not 5.999999999999996.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from app.domain.instruments.cmas import CmasResult, CmasTotal
from app.domain.instruments.common import (
    FLOAT_ERROR,
    InstrumentInputError,
    ProvisionalRule,
    _Invalid,
    format_entered,
    format_number,
    plain_float,
    round_for_comparison,
    round_for_comparison_float,
    to_decimal,
)
from app.domain.instruments.enzymes import EnzymeUnit, parse_unit, to_u_per_l
from app.domain.instruments.mmt8 import MAXIMUM_TOTAL as MMT8_MAXIMUM_TOTAL
from app.domain.instruments.mmt8 import Mmt8Result, Mmt8Total, Mmt8Variant

TIS_SOURCE = (
    "clinical-rules §3.2; Rider LG et al., Arthritis Rheumatol 2017;69:911-23, Table 3 "
    "(2016 ACR/EULAR juvenile dermatomyositis response criteria)"
)
PRINTO_SOURCE = "clinical-rules §3.1; Lazarevic D et al., Ann Rheum Dis 2013;72:686-93"
IMACS_SOURCE = "clinical-rules §3.3; Rider LG et al., Arthritis Rheum 2004;50:2281-90"


class ResponseInputError(InstrumentInputError):
    """A core-set value is out of its range or not a number (``messages`` per field)."""


# --------------------------------------------------------------------------- inputs


class CoreMeasure(StrEnum):
    PHYSICIAN_GLOBAL = "physician_global"
    PARENT_GLOBAL = "parent_global"
    MUSCLE = "muscle_strength"
    CHAQ = "chaq"
    ENZYME = "enzyme"
    EXTRAMUSCULAR = "extramuscular"


_CORE_MEASURES = tuple(CoreMeasure)  # iterated per visit: a tuple, not the Enum machinery

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
_VALUE = {m: m.value for m in (*CoreMeasure, *MuscleInstrument)}  # .value, without the Enum
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


def _number(value: object, where: str, label: str, lo: Decimal, hi: Decimal | None) -> Decimal:
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


def _plain_core_values(
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
    for measure in _CORE_MEASURES:
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
    for measure in _CORE_MEASURES:
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
            out[measure] = (_number(raw, f"{visit}.{measure.value}", label, lo, hi), instrument)
        except ResponseInputError as exc:
            messages.update(exc.messages)
            out[measure] = None
    return out


def _check_inputs(baseline: CoreSetValues, follow_up: CoreSetValues):
    messages: dict[str, str] = {}
    base = _core_values(baseline, "baseline", messages)
    follow = _core_values(follow_up, "follow-up", messages)
    if messages:
        raise ResponseInputError(messages)
    return base, follow


# --------------------------------------------------------------- TIS: rule and tables


@dataclass(frozen=True)
class PercentChangeRule:
    """How the TIS percent change is computed, kept in one named place (clinical §3.2).

    Absolute measures: improvement ÷ full range × 100 (improvement = baseline - follow-up
    when lower is better, follow-up - baseline for muscle strength). Relative measures:
    (baseline - follow-up) ÷ baseline × 100.
    """

    name: str
    full_range: Mapping[str, Decimal]
    relative_measures: frozenset[str]
    description: str
    source: str
    status: str


TIS_PERCENT_CHANGE_RULE = PercentChangeRule(
    name="2016 ACR/EULAR TIS percent change",
    full_range={
        CoreMeasure.PHYSICIAN_GLOBAL.value: Decimal(10),
        CoreMeasure.PARENT_GLOBAL.value: Decimal(10),
        CoreMeasure.EXTRAMUSCULAR.value: Decimal(10),
        CoreMeasure.CHAQ.value: Decimal(3),
        MuscleInstrument.MMT8_UNILATERAL.value: Decimal(80),
        MuscleInstrument.MMT8_BILATERAL.value: Decimal(150),
        MuscleInstrument.CMAS.value: Decimal(52),
    },
    relative_measures=frozenset({CoreMeasure.ENZYME.value}),
    description=(
        "Absolute percent change = improvement ÷ the measure's full range × 100 "
        "(physician/parent global and extramuscular 10 cm, CHAQ 3, MMT8 80 or 150, CMAS 52); "
        "most abnormal enzyme: relative change (baseline - follow-up) ÷ baseline × 100."
    ),
    source="clinical-rules §3.2 (provisional; verify against the IMACS calculator)",
    status="provisional",
)


@dataclass(frozen=True)
class PointBand:
    """Points for a percent improvement x with lower < x <= upper (upper None: no limit)."""

    lower_exclusive: Decimal
    upper_inclusive: Decimal | None
    points: Decimal

    @property
    def label(self) -> str:
        low = format_number(self.lower_exclusive)
        if self.upper_inclusive is None:
            return f">{low}%"
        return f">{low}-{format_number(self.upper_inclusive)}%"


def _bands(edges: tuple[int, ...], points: tuple[str, ...]) -> tuple[PointBand, ...]:
    uppers: tuple[Decimal | None, ...] = tuple(Decimal(e) for e in edges[1:]) + (None,)
    return tuple(
        PointBand(Decimal(low), up, Decimal(p))
        for low, up, p in zip(edges, uppers, points, strict=True)
    )


STANDARD_EDGES = (5, 15, 25, 40)  # >5-15, >15-25, >25-40, >40
MUSCLE_EDGES = (2, 10, 20, 30)  # >2-10, >10-20, >20-30, >30

# Rider 2017, Table 3 (clinical-rules §3.2). Improvement at or below the first edge,
# or worsening, scores 0.
TIS_POINT_TABLE: dict[CoreMeasure, tuple[PointBand, ...]] = {
    CoreMeasure.PHYSICIAN_GLOBAL: _bands(STANDARD_EDGES, ("7.5", "15", "17.5", "20")),
    CoreMeasure.PARENT_GLOBAL: _bands(STANDARD_EDGES, ("2.5", "5", "7.5", "10")),
    CoreMeasure.MUSCLE: _bands(MUSCLE_EDGES, ("10", "20", "27.5", "32.5")),
    CoreMeasure.CHAQ: _bands(STANDARD_EDGES, ("5", "7.5", "7.5", "10")),
    CoreMeasure.ENZYME: _bands(STANDARD_EDGES, ("2.5", "5", "7.5", "7.5")),
    CoreMeasure.EXTRAMUSCULAR: _bands(STANDARD_EDGES, ("7.5", "12.5", "15", "20")),
}


class TisCategory(StrEnum):
    NONE = "none"
    MINIMAL = "minimal"
    MODERATE = "moderate"
    MAJOR = "major"


# JDM thresholds (Rider 2017): minimal >= 30, moderate >= 45, major >= 70.
JDM_TIS_THRESHOLDS: tuple[tuple[Decimal, TisCategory], ...] = (
    (Decimal(70), TisCategory.MAJOR),
    (Decimal(45), TisCategory.MODERATE),
    (Decimal(30), TisCategory.MINIMAL),
)


def tis_category(tis: float | Decimal) -> TisCategory:
    """JDM response category for a TIS: major >= 70, moderate >= 45, minimal >= 30
    (clinical-rules §3.2; Rider 2017)."""
    value = round_for_comparison(to_decimal(tis))
    for threshold, category in JDM_TIS_THRESHOLDS:
        if value >= threshold:
            return category
    return TisCategory.NONE


def points_for(measure: CoreMeasure, percent_improvement: float | Decimal) -> tuple[Decimal, str]:
    """(points, band label) for a percent improvement on one measure (Rider 2017, Table 3).

    ``percent_improvement`` is rounded to 6 decimals before comparison; band edges are
    ">a-b%" = a < x <= b. At or below the first edge, or negative (worsening): 0 points.
    """
    x = round_for_comparison(to_decimal(percent_improvement))
    bands = TIS_POINT_TABLE[CoreMeasure(measure)]
    for band in bands:
        if x > band.lower_exclusive and (band.upper_inclusive is None or x <= band.upper_inclusive):
            return band.points, band.label
    first = format_number(bands[0].lower_exclusive)
    return Decimal(0), (f"<={first}% or worse" if x >= 0 else "worsened")


# ------------------------------------------------------------------------- TIS result


@dataclass(frozen=True)
class TisMeasureResult:
    measure: CoreMeasure
    label: str
    baseline: float | None
    follow_up: float | None
    instrument: str | None
    percent_change: float | None
    band: str | None
    points: float | None
    calculation: str
    reason: str | None = None  # why it was not scored (missing, not comparable)


@dataclass(frozen=True)
class TisResult:
    """2016 ACR/EULAR JDM total improvement score (clinical-rules §3.2)."""

    tis: float | None
    category: TisCategory | None
    measures: tuple[TisMeasureResult, ...]
    missing: tuple[str, ...]
    not_comparable: tuple[str, ...]
    explanation: str
    provisional: bool = True
    percent_change_rule: PercentChangeRule = TIS_PERCENT_CHANGE_RULE
    source: str = TIS_SOURCE


def _missing_reason(measure: CoreMeasure, base, follow) -> str:
    visits = [v for v, x in (("baseline", base), ("follow-up", follow)) if x is None]
    return f"{MEASURE_LABELS[measure]} not available at {' and '.join(visits)}."


def _percent(numerator_a, numerator_b, denominator) -> Decimal:
    """(a - b) / denominator × 100, in decimals, rounded for comparison (the one formula
    of both the TIS and the IMACS percent changes)."""
    a, b, d = to_decimal(numerator_a), to_decimal(numerator_b), to_decimal(denominator)
    return round_for_comparison((a - b) / d * 100)


def _percent_fast(a: float, b: float, denominator: float) -> float | Decimal:
    """``float(_percent(a, b, denominator))`` computed in floats, or the decimal itself when
    the float result is too close to a rounding half-way point to be trusted."""
    value = (a - b) / denominator * 100
    error = (abs(a) + abs(b)) * 100 / abs(denominator) * FLOAT_ERROR
    rounded = round_for_comparison_float(value, error)
    return _percent(a, b, denominator) if rounded is None else rounded


def _float_bands(
    bands: tuple[PointBand, ...],
) -> tuple[tuple[float, float | None, float, Decimal], ...] | None:
    """TIS_POINT_TABLE bands as floats for the fast path (same table, converted once);
    None if a value is not exactly a float (the fast path then is not used)."""
    cached = _FLOAT_BAND_CACHE.get(id(bands))
    if cached is not None and cached[0] is bands:
        return cached[1]
    out: list[tuple[float, float | None, float, Decimal]] = []
    for band in bands:
        numbers = (band.lower_exclusive, band.upper_inclusive, band.points)
        if any(n is not None and Decimal(float(n)) != n for n in numbers):
            out = []
            break
        upper = None if band.upper_inclusive is None else float(band.upper_inclusive)
        out.append((float(band.lower_exclusive), upper, float(band.points), band.points))
    result = tuple(out) if out else None
    _FLOAT_BAND_CACHE[id(bands)] = (bands, result)
    return result


_FLOAT_BAND_CACHE: dict[int, tuple[tuple[PointBand, ...], object]] = {}


def _points_fast(measure: CoreMeasure, pct: float | Decimal) -> Decimal | None:
    """Points for a percent improvement already rounded for comparison (same bands as
    ``points_for``); None when the table cannot be read as floats."""
    bands = _float_bands(TIS_POINT_TABLE[measure])
    if bands is None or isinstance(pct, Decimal):
        return None
    for lower, upper, _points, points in bands:
        if pct > lower and (upper is None or pct <= upper):
            return points
    return Decimal(0)


def total_improvement_score(
    baseline: CoreSetValues, follow_up: CoreSetValues, *, explain: bool = True
) -> TisResult:
    """The 2016 ACR/EULAR total improvement score for JDM (clinical-rules §3.2; Rider
    2017, Table 3), with each measure's percent change, band and points.

    Percent change: ``TIS_PERCENT_CHANGE_RULE`` (PROVISIONAL). TIS is None when any of the
    six measures is missing or not comparable (different MMT8 variant/CMAS, different
    enzyme, zero enzyme baseline); they are listed. Raises ResponseInputError for values
    outside their ranges.

    ``explain=False`` (bulk exports): the same numbers, without the worded explanation,
    calculation and band texts; plain float inputs are computed in floats where that
    provably rounds the same way (see ``round_for_comparison_float``), else in decimals.
    """
    fast = None
    if not explain:
        plain_base = _plain_core_values(baseline)
        plain_follow = _plain_core_values(follow_up) if plain_base is not None else None
        if plain_follow is not None:
            fast = (plain_base, plain_follow)
    base, follow = fast if fast is not None else _check_inputs(baseline, follow_up)
    rule = TIS_PERCENT_CHANGE_RULE
    results: list[TisMeasureResult] = []
    missing: list[str] = []
    not_comparable: list[str] = []
    for measure in _CORE_MEASURES:
        b, f = base[measure], follow[measure]
        label = MEASURE_LABELS[measure]
        b_float = float(b[0]) if b else None
        f_float = float(f[0]) if f else None
        if b is None or f is None:
            missing.append(_VALUE[measure])
            reason = _missing_reason(measure, b, f) if explain else ""
            results.append(
                TisMeasureResult(
                    measure, label, b_float, f_float, None, None, None, None, "", reason
                )
            )
            continue
        (b_val, b_inst), (f_val, f_inst) = b, f
        instrument = _VALUE[b_inst] if b_inst else None
        reason = None
        if measure is CoreMeasure.MUSCLE and b_inst is not f_inst:
            reason = (
                f"Muscle strength not comparable: baseline {MUSCLE_LABELS[b_inst]} "
                f"vs follow-up {MUSCLE_LABELS[f_inst]}; use the same instrument and "
                "variant at both visits."
            )
        elif (
            measure is CoreMeasure.ENZYME
            and baseline.enzyme_code
            and follow_up.enzyme_code
            and baseline.enzyme_code != follow_up.enzyme_code
        ):
            reason = (
                f"Enzyme not comparable: baseline {baseline.enzyme_code} vs follow-up "
                f"{follow_up.enzyme_code}; follow the baseline's most abnormal enzyme."
            )
        elif _VALUE[measure] in rule.relative_measures and b_val == 0:
            reason = f"{label}: relative change cannot be computed from a baseline of 0."
        if reason:
            not_comparable.append(_VALUE[measure])
            results.append(
                TisMeasureResult(
                    measure, label, b_float, f_float, instrument, None, None, None, "",
                    reason if explain else "",
                )
            )
            continue
        # Percent improvement (TIS_PERCENT_CHANGE_RULE): first - second over the divisor.
        if _VALUE[measure] in rule.relative_measures:
            first, second, divisor = b_val, f_val, b_val
        else:
            key = instrument if measure is CoreMeasure.MUSCLE else _VALUE[measure]
            divisor = rule.full_range[key]
            first, second = (f_val, b_val) if measure is CoreMeasure.MUSCLE else (b_val, f_val)
        if fast is not None:
            pct: Decimal | float = _percent_fast(first, second, float(divisor))
            fast_points = _points_fast(measure, pct)
            if fast_points is not None:
                results.append(
                    TisMeasureResult(
                        measure, label, b_float, f_float, instrument, float(pct), None,
                        float(fast_points), "",
                    )
                )
                continue
        else:
            pct = _percent(first, second, divisor)
        points, band = points_for(measure, pct)
        calculation = ""
        if explain:
            calculation = (
                f"({format_number(first)} - {format_number(second)}) / "
                f"{format_number(divisor)} × 100 = {format_number(pct, 2)}% -> {band} -> "
                f"{format_number(points)} points"
            )
        results.append(
            TisMeasureResult(
                measure,
                label,
                b_float,
                f_float,
                instrument,
                float(pct),
                band,
                float(points),
                calculation,
            )
        )
    if missing or not_comparable:
        explanation = ""
        if explain:
            reasons = " ".join(r.reason for r in results if r.reason)
            explanation = (
                "Total improvement score not computed (never estimated from partial data). "
                + reasons
                + " "
                + _provisional_note(rule)
            )
        return TisResult(
            None, None, tuple(results), tuple(missing), tuple(not_comparable), explanation
        )
    total = sum((Decimal(str(r.points)) for r in results), Decimal(0))
    category = tis_category(total)
    explanation = ""
    if explain:
        explanation = (
            f"Total improvement score {format_number(total)} = "
            + " + ".join(f"{format_number(Decimal(str(r.points)))} ({r.label})" for r in results)
            + f"; category: {category.value} (JDM: minimal >= 30, moderate >= 45, major >= 70). "
            + _provisional_note(rule)
        )
    return TisResult(float(total), category, tuple(results), (), (), explanation)


def _provisional_note(rule: PercentChangeRule) -> str:
    return (
        f"Percent change rule is {rule.status.upper()}: {rule.description} Source: {rule.source}."
    )


# ------------------------------------------------------------ PRINTO inactive disease


class PrintoStatus(StrEnum):
    INACTIVE = "inactive"
    NOT_INACTIVE = "not_inactive"
    UNDETERMINED = "undetermined"


PRINTO_CK_MAX_U_PER_L = Decimal(150)
PRINTO_CMAS_MIN = Decimal(48)
PRINTO_MMT8_MIN = Decimal(78)  # on the 0-80 (unilateral) scale
PRINTO_PGA_MAX = Decimal("0.2")
PRINTO_REQUIRED = 3


@dataclass(frozen=True)
class Criterion:
    code: str
    label: str
    value: float | None
    threshold: str
    met: bool | None  # None: not available
    detail: str


@dataclass(frozen=True)
class PrintoResult:
    """PRINTO clinically inactive disease: at least 3 of 4 criteria (clinical-rules §3.1)."""

    status: PrintoStatus
    inactive: bool | None
    met: tuple[str, ...]
    not_met: tuple[str, ...]
    missing: tuple[str, ...]
    criteria: tuple[Criterion, ...]
    explanation: str
    source: str = PRINTO_SOURCE


def _decide(met: int, missing: int, required: int) -> bool | None:
    """True if ``required`` are met whatever the missing ones are; False if they cannot
    be even if every missing one were met; else None (undetermined)."""
    if met >= required:
        return True
    if met + missing < required:
        return False
    return None


def _rounded_value(value: float) -> float | Decimal:
    """A plain float rounded for comparison: in floats when provably the same, else as the
    decimal ``round_for_comparison(to_decimal(value))``."""
    rounded = round_for_comparison_float(value, abs(value) * FLOAT_ERROR)
    return round_for_comparison(to_decimal(value)) if rounded is None else rounded


def _as_float_threshold(threshold: Decimal) -> float | None:
    """A threshold with at most COMPARISON_PLACES decimals as a float: a value rounded to
    those places compares with it in floats exactly as in decimals; None otherwise."""
    return float(threshold) if round_for_comparison(threshold) == threshold else None


def _criterion_met(rounded: float | Decimal, threshold: Decimal, at_least: bool) -> bool:
    limit: float | Decimal | None = threshold
    if isinstance(rounded, float):
        limit = _as_float_threshold(threshold)
        if limit is None:
            rounded, limit = to_decimal(rounded), threshold
    assert limit is not None
    return rounded >= limit if at_least else rounded <= limit


# PRINTO criteria after CK: code, label, threshold text, short text, limit, at least?
_PRINTO_OTHER_CRITERIA: tuple[tuple[str, str, str, str, Decimal, bool], ...] = (
    ("cmas", "CMAS", ">= 48", ">= 48", PRINTO_CMAS_MIN, True),
    ("mmt8", "MMT8", ">= 78 (0-80)", ">= 78", PRINTO_MMT8_MIN, True),
    ("pga", "Physician global activity", "<= 0.2 cm", "<= 0.2 cm", PRINTO_PGA_MAX, False),
)
# Ranges checked before scoring (0 to this; CK has no upper limit; MMT8: MAXIMUM_TOTAL).
_PRINTO_CMAS_MAX = Decimal(52)
_PRINTO_PGA_MAX_VAS = Decimal(10)


def _printo_fast(ck, ck_unit, cmas, mmt8, mmt8_variant, pga) -> PrintoResult | None:
    """``printo_inactive(..., explain=False)`` for plain numbers in range with a known CK
    unit and MMT8 variant; None when anything needs the checked path."""
    try:
        unit = parse_unit(ck_unit)
        variant = Mmt8Variant(mmt8_variant)
    except (InstrumentInputError, ValueError):
        return None
    mmt_max = float(MMT8_MAXIMUM_TOTAL[variant])
    numbers: dict[str, float | None] = {}
    for code, raw, hi in (("ck", ck, None), ("cmas", cmas, float(_PRINTO_CMAS_MAX)),
                          ("mmt8", mmt8, mmt_max), ("pga", pga, float(_PRINTO_PGA_MAX_VAS))):
        if raw is None:
            numbers[code] = None
            continue
        number = plain_float(raw)
        if number is None or number < 0 or (hi is not None and number > hi):
            return None
        numbers[code] = number
    criteria: list[Criterion] = []
    ck_value = numbers["ck"]
    if ck_value is None:
        criteria.append(Criterion("ck", "CK", None, "<= 150 U/L", None, ""))
    else:
        if unit is EnzymeUnit.MICROKAT_PER_L:
            ck_u: float | Decimal = to_u_per_l(to_decimal(ck_value), unit)
            rounded: float | Decimal = round_for_comparison(ck_u)
        else:
            ck_u = ck_value
            rounded = _rounded_value(ck_value)
        met = _criterion_met(rounded, PRINTO_CK_MAX_U_PER_L, at_least=False)
        criteria.append(Criterion("ck", "CK", float(ck_u), "<= 150 U/L", met, ""))
    for code, label, threshold_text, _text, limit, at_least in _PRINTO_OTHER_CRITERIA:
        value = numbers[code]
        if code == "mmt8" and value is not None and variant is Mmt8Variant.BILATERAL:
            criteria.append(Criterion(code, label, value, threshold_text, None, ""))
            continue
        if value is None:
            criteria.append(Criterion(code, label, None, threshold_text, None, ""))
            continue
        met = _criterion_met(_rounded_value(value), limit, at_least)
        criteria.append(Criterion(code, label, value, threshold_text, met, ""))
    return _printo_result(criteria, explain=False)


def printo_inactive(
    *,
    ck: object = None,
    ck_unit: EnzymeUnit | str = EnzymeUnit.U_PER_L,
    cmas: object = None,
    mmt8: object = None,
    mmt8_variant: Mmt8Variant | str = Mmt8Variant.UNILATERAL,
    pga: object = None,
    explain: bool = True,
) -> PrintoResult:
    """PRINTO criteria for clinically inactive JDM (Lazarevic 2013; clinical-rules §3.1):
    inactive when at least 3 of CK <= 150 U/L, CMAS >= 48, MMT8 >= 78 (0-80), PGA <= 0.2 cm.

    CK in µkat/L is converted (× 60). A bilateral MMT8 total is not rescaled: the
    criterion is then not available. With criteria missing the result is decided only if
    the missing ones cannot change it; otherwise it is UNDETERMINED and they are listed.
    Raises ResponseInputError for values out of range.

    ``explain=False`` (bulk exports): the same status and criteria without the worded
    details; plain float inputs are compared in floats where that provably gives the same
    answer as the decimal comparison.
    """
    if not explain:
        fast = _printo_fast(ck, ck_unit, cmas, mmt8, mmt8_variant, pga)
        if fast is not None:
            return fast
    messages: dict[str, str] = {}
    criteria: list[Criterion] = []

    def checked(value: object, code: str, label: str, lo: Decimal, hi: Decimal | None):
        if value is None:
            return None
        try:
            return _number(value, code, label, lo, hi)
        except ResponseInputError as exc:
            messages.update(exc.messages)
            return None

    try:
        unit = parse_unit(ck_unit)
    except InstrumentInputError:
        messages["ck_unit"] = f"CK unit must be U/L or µkat/L; {ck_unit!r} was given."
        unit = EnzymeUnit.U_PER_L
    ck_value = checked(ck, "ck", "CK", Decimal(0), None)
    cmas_value = checked(cmas, "cmas", "CMAS total", Decimal(0), _PRINTO_CMAS_MAX)
    try:
        variant = Mmt8Variant(mmt8_variant)
    except ValueError:
        messages["mmt8_variant"] = (
            f"MMT8 variant must be unilateral or bilateral; {mmt8_variant!r} was given."
        )
        variant = Mmt8Variant.UNILATERAL
    mmt_max = Decimal(MMT8_MAXIMUM_TOTAL[variant])
    mmt_value = checked(mmt8, "mmt8", "MMT8 total", Decimal(0), mmt_max)
    pga_value = checked(pga, "pga", "Physician global activity", Decimal(0), _PRINTO_PGA_MAX_VAS)
    if messages:
        raise ResponseInputError(messages)

    if ck_value is None:
        criteria.append(Criterion("ck", "CK", None, "<= 150 U/L", None, "CK not available."))
    else:
        ck_u = to_u_per_l(ck_value, unit)
        shown = (
            f"{format_number(ck_value)} µkat/L × 60 = {format_number(ck_u)} U/L"
            if unit is EnzymeUnit.MICROKAT_PER_L
            else f"{format_number(ck_u)} U/L"
        )
        met = round_for_comparison(ck_u) <= PRINTO_CK_MAX_U_PER_L
        criteria.append(
            Criterion(
                "ck",
                "CK",
                float(ck_u),
                "<= 150 U/L",
                met,
                f"CK {shown} {'<=' if met else '>'} 150 U/L",
            )
        )
    values = {"cmas": cmas_value, "mmt8": mmt_value, "pga": pga_value}
    for code, label, threshold, text, limit, at_least in _PRINTO_OTHER_CRITERIA:
        value = values[code]
        if code == "mmt8" and value is not None and variant is Mmt8Variant.BILATERAL:
            criteria.append(
                Criterion(
                    code,
                    label,
                    float(value),
                    threshold,
                    None,
                    "MMT8 criterion is defined on the 0-80 unilateral scale; a bilateral "
                    "(0-150) total is not converted, so this criterion is not available.",
                )
            )
            continue
        if value is None:
            criteria.append(
                Criterion(code, label, None, threshold, None, f"{label} not available.")
            )
            continue
        met = _criterion_met(round_for_comparison(value), limit, at_least)
        criteria.append(
            Criterion(
                code,
                label,
                float(value),
                threshold,
                met,
                f"{label} {format_number(value)} {'meets' if met else 'does not meet'} {text}",
            )
        )
    return _printo_result(criteria, explain=True)


def _printo_result(criteria: list[Criterion], *, explain: bool) -> PrintoResult:
    """The PRINTO decision (at least PRINTO_REQUIRED of 4 met, decided only if the missing
    criteria cannot change it) and, with ``explain``, its wording."""
    met_codes = tuple(c.code for c in criteria if c.met is True)
    not_met = tuple(c.code for c in criteria if c.met is False)
    missing = tuple(c.code for c in criteria if c.met is None)
    decision = _decide(len(met_codes), len(missing), PRINTO_REQUIRED)
    status = {
        True: PrintoStatus.INACTIVE,
        False: PrintoStatus.NOT_INACTIVE,
        None: PrintoStatus.UNDETERMINED,
    }[decision]
    if not explain:
        return PrintoResult(status, decision, met_codes, not_met, missing, tuple(criteria), "")
    summary = (
        f"{len(met_codes)} of 4 PRINTO criteria met"
        + (f" ({', '.join(met_codes)})" if met_codes else "")
        + (f"; not met: {', '.join(not_met)}" if not_met else "")
        + (f"; not available: {', '.join(missing)}" if missing else "")
        + "."
    )
    if status is PrintoStatus.INACTIVE:
        verdict = "Clinically inactive disease (at least 3 of 4 met)."
    elif status is PrintoStatus.NOT_INACTIVE:
        verdict = "Not clinically inactive: fewer than 3 of 4 can be met."
    else:
        verdict = (
            "Undetermined: the criteria not available ("
            + ", ".join(missing)
            + ") decide whether 3 of 4 are met."
        )
    details = " ".join(c.detail + ("." if not c.detail.endswith(".") else "") for c in criteria)
    return PrintoResult(
        status,
        decision,
        met_codes,
        not_met,
        missing,
        tuple(criteria),
        f"{verdict} {summary} {details}",
    )


# ---------------------------------------------------- IMACS definition of improvement


class ImprovementStatus(StrEnum):
    IMPROVED = "improved"
    NOT_IMPROVED = "not_improved"
    UNDETERMINED = "undetermined"


class MeasureChange(StrEnum):
    IMPROVED = "improved"  # relative improvement >= 20%
    WORSENED = "worsened"  # relative worsening >= 25%
    NEITHER = "neither"
    MISSING = "missing"


IMACS_IMPROVEMENT_MIN_PERCENT = Decimal(20)
IMACS_WORSENING_MIN_PERCENT = Decimal(25)
IMACS_REQUIRED_IMPROVED = 3
IMACS_MAX_WORSENED = 2

IMACS_MEASURE_LABELS: dict[CoreMeasure, str] = {
    **MEASURE_LABELS,
    CoreMeasure.MUSCLE: "Manual muscle testing (MMT8)",
    CoreMeasure.CHAQ: "Physical function (CHAQ)",
}

ZERO_BASELINE_RULE = ProvisionalRule(
    name="IMACS relative change from a baseline of 0",
    value="0 -> 0: neither; 0 -> worse: worsened; 0 -> better (MMT8 only): improved",
    source=(
        "judgement call (not in clinical-rules): relative change is undefined from 0; any "
        "change from 0 is unbounded in relative terms, so it passes either threshold"
    ),
    status="judgement",
)


@dataclass(frozen=True)
class ImacsMeasureResult:
    measure: CoreMeasure
    label: str
    baseline: float | None
    follow_up: float | None
    percent_change: float | None  # relative; positive = better
    change: MeasureChange
    calculation: str


@dataclass(frozen=True)
class ImprovementResult:
    """IMACS preliminary definition of improvement (clinical-rules §3.3; Rider 2004)."""

    status: ImprovementStatus
    improved: bool | None
    improved_measures: tuple[str, ...]
    worsened_measures: tuple[str, ...]
    missing: tuple[str, ...]
    measures: tuple[ImacsMeasureResult, ...]
    explanation: str
    source: str = IMACS_SOURCE


def imacs_improvement(
    baseline: CoreSetValues, follow_up: CoreSetValues, *, explain: bool = True
) -> ImprovementResult:
    """IMACS definition of improvement (Rider 2004; clinical-rules §3.3): improved when at
    least 3 of the 6 core set measures improve by >= 20%, no more than 2 worsen by >= 25%,
    and manual muscle testing is not among the worsened.

    The six measures: physician global, patient/parent global, MMT8, physical function
    (CHAQ DI), most abnormal enzyme, extramuscular activity. Percent change is RELATIVE to
    baseline: (baseline - follow-up) / baseline × 100 where lower is better; for MMT8
    (higher is better) (follow-up - baseline) / baseline × 100. A CMAS in the muscle slot
    does not stand in for MMT (the definition names MMT): it counts as missing. From a
    baseline of 0 see ``ZERO_BASELINE_RULE``. Missing measures are listed; the result is
    decided only if they could not change it. Raises ResponseInputError for values out of
    range.

    ``explain=False`` (bulk exports): the same numbers without the worded texts, in floats
    where that provably rounds the same way (as ``total_improvement_score``).
    """
    fast = None
    if not explain:
        plain_base = _plain_core_values(baseline)
        plain_follow = _plain_core_values(follow_up) if plain_base is not None else None
        if plain_follow is not None:
            fast = (plain_base, plain_follow)
    base, follow = fast if fast is not None else _check_inputs(baseline, follow_up)
    measures: list[ImacsMeasureResult] = []
    for measure in _CORE_MEASURES:
        label = IMACS_MEASURE_LABELS[measure]
        b, f = base[measure], follow[measure]
        b_float = float(b[0]) if b else None
        f_float = float(f[0]) if f else None

        def missing_result(why: str, m=measure, lab=label, bf=b_float, ff=f_float):
            return ImacsMeasureResult(m, lab, bf, ff, None, MeasureChange.MISSING, why)

        if b is None or f is None:
            measures.append(missing_result(_missing_reason(measure, b, f)))
            continue
        (b_val, b_inst), (f_val, f_inst) = b, f
        if measure is CoreMeasure.MUSCLE:
            if MuscleInstrument.CMAS in (b_inst, f_inst):
                measures.append(
                    missing_result(
                        "MMT8 not available: a CMAS total does not stand in for manual muscle "
                        "testing in the IMACS definition."
                    )
                )
                continue
            if b_inst is not f_inst:
                measures.append(
                    missing_result(
                        f"MMT8 not comparable: baseline {MUSCLE_LABELS[b_inst]} vs follow-up "
                        f"{MUSCLE_LABELS[f_inst]}."
                    )
                )
                continue
        if (
            measure is CoreMeasure.ENZYME
            and baseline.enzyme_code
            and follow_up.enzyme_code
            and baseline.enzyme_code != follow_up.enzyme_code
        ):
            measures.append(
                missing_result(
                    f"Enzyme not comparable: baseline {baseline.enzyme_code} vs follow-up "
                    f"{follow_up.enzyme_code}."
                )
            )
            continue
        higher_is_better = measure is CoreMeasure.MUSCLE
        better = (f_val - b_val) if higher_is_better else (b_val - f_val)
        if b_val == 0:
            if better == 0:
                change, pct = MeasureChange.NEITHER, Decimal(0)
            elif better > 0:
                change, pct = MeasureChange.IMPROVED, None
            else:
                change, pct = MeasureChange.WORSENED, None
            calc = (
                f"baseline 0 -> {format_number(f_val)}: relative change undefined; counted as "
                f"{change.value} ({ZERO_BASELINE_RULE.status}: {ZERO_BASELINE_RULE.value})"
            ) if explain else ""
        else:
            first, second = (f_val, b_val) if higher_is_better else (b_val, f_val)
            pct = (
                _percent_fast(first, second, b_val) if fast is not None
                else _percent(first, second, b_val)
            )
            if pct >= IMACS_IMPROVEMENT_MIN_PERCENT:
                change = MeasureChange.IMPROVED
            elif pct <= -IMACS_WORSENING_MIN_PERCENT:
                change = MeasureChange.WORSENED
            else:
                change = MeasureChange.NEITHER
            calc = (
                f"({format_number(first)} - {format_number(second)}) / {format_number(b_val)} "
                f"× 100 = {format_number(pct, 2)}% -> {change.value}"
            ) if explain else ""
        measures.append(
            ImacsMeasureResult(
                measure,
                label,
                b_float,
                f_float,
                None if pct is None else float(pct),
                change,
                calc,
            )
        )
    improved = tuple(_VALUE[m.measure] for m in measures if m.change is MeasureChange.IMPROVED)
    worsened = tuple(_VALUE[m.measure] for m in measures if m.change is MeasureChange.WORSENED)
    missing = tuple(_VALUE[m.measure] for m in measures if m.change is MeasureChange.MISSING)
    mmt_change = next(m.change for m in measures if m.measure is CoreMeasure.MUSCLE)
    mmt_worsened = mmt_change is MeasureChange.WORSENED
    decision: bool | None
    if (
        mmt_worsened
        or len(worsened) > IMACS_MAX_WORSENED
        or len(improved) + len(missing) < IMACS_REQUIRED_IMPROVED
    ):
        decision = False
    elif (
        len(improved) >= IMACS_REQUIRED_IMPROVED
        and len(worsened) + len(missing) <= IMACS_MAX_WORSENED
        and mmt_change is not MeasureChange.MISSING
    ):
        decision = True
    else:
        decision = None
    status = {
        True: ImprovementStatus.IMPROVED,
        False: ImprovementStatus.NOT_IMPROVED,
        None: ImprovementStatus.UNDETERMINED,
    }[decision]
    if not explain:
        return ImprovementResult(
            status, decision, improved, worsened, missing, tuple(measures), ""
        )
    reasons: list[str] = []
    if mmt_worsened:
        reasons.append("MMT8 worsened by 25% or more")
    if len(worsened) > IMACS_MAX_WORSENED:
        reasons.append(f"{len(worsened)} measures worsened by 25% or more (at most 2 allowed)")
    if len(improved) + len(missing) < IMACS_REQUIRED_IMPROVED:
        reasons.append(f"only {len(improved)} improved by 20% or more (3 needed)")
    summary = (
        f"Improved >= 20%: {', '.join(improved) or 'none'}; worsened >= 25%: "
        f"{', '.join(worsened) or 'none'}"
        + (f"; not available: {', '.join(missing)}" if missing else "")
        + "."
    )
    if status is ImprovementStatus.IMPROVED:
        verdict = "Improved (IMACS definition)."
    elif status is ImprovementStatus.NOT_IMPROVED:
        verdict = "Not improved (IMACS definition): " + "; ".join(reasons) + "."
    else:
        verdict = (
            "Undetermined: the measures not available ("
            + ", ".join(missing)
            + ") decide the result."
        )
    details = " ".join(f"{m.label}: {m.calculation}." for m in measures)
    return ImprovementResult(
        status,
        decision,
        improved,
        worsened,
        missing,
        tuple(measures),
        f"{verdict} {summary} {details}",
    )


__all__ = [
    "IMACS_SOURCE",
    "JDM_TIS_THRESHOLDS",
    "MUSCLE_EDGES",
    "PRINTO_SOURCE",
    "STANDARD_EDGES",
    "TIS_PERCENT_CHANGE_RULE",
    "TIS_POINT_TABLE",
    "TIS_SOURCE",
    "ZERO_BASELINE_RULE",
    "CoreMeasure",
    "CoreSetValues",
    "Criterion",
    "ImacsMeasureResult",
    "ImprovementResult",
    "ImprovementStatus",
    "MeasureChange",
    "MuscleInstrument",
    "MuscleScore",
    "PercentChangeRule",
    "PointBand",
    "PrintoResult",
    "PrintoStatus",
    "ResponseInputError",
    "TisCategory",
    "TisMeasureResult",
    "TisResult",
    "imacs_improvement",
    "muscle_from_cmas",
    "muscle_from_mmt8",
    "points_for",
    "printo_inactive",
    "tis_category",
    "total_improvement_score",
]
