"""The 2016 ACR/EULAR total improvement score (TIS) for juvenile dermatomyositis
(clinical-rules §3.2; Rider LG et al., "2016 ACR/EULAR criteria for minimal, moderate
and major clinical response in juvenile dermatomyositis", Arthritis Rheumatol
2017;69:911-23, Table 3): points per core set measure by its percent improvement, summed,
and the response category. The percent-change rule is PROVISIONAL and lives in one
place: ``TIS_PERCENT_CHANGE_RULE``. Never imputed: the TIS is None if any measure is
missing or not comparable, and those are listed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from app.domain.instruments.common import format_number, round_for_comparison, to_decimal
from app.domain.response.core_set import (
    CORE_MEASURES,
    MEASURE_LABELS,
    MUSCLE_LABELS,
    VALUE_OF,
    CoreMeasure,
    CoreSetValues,
    MuscleInstrument,
    check_inputs,
    missing_reason,
    percent_change,
    percent_change_fast,
    plain_core_values,
)

TIS_SOURCE = (
    "clinical-rules §3.2; Rider LG et al., Arthritis Rheumatol 2017;69:911-23, Table 3 "
    "(2016 ACR/EULAR juvenile dermatomyositis response criteria)"
)


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
        plain_base = plain_core_values(baseline)
        plain_follow = plain_core_values(follow_up) if plain_base is not None else None
        if plain_follow is not None:
            fast = (plain_base, plain_follow)
    base, follow = fast if fast is not None else check_inputs(baseline, follow_up)
    rule = TIS_PERCENT_CHANGE_RULE
    results: list[TisMeasureResult] = []
    missing: list[str] = []
    not_comparable: list[str] = []
    for measure in CORE_MEASURES:
        b, f = base[measure], follow[measure]
        label = MEASURE_LABELS[measure]
        b_float = float(b[0]) if b else None
        f_float = float(f[0]) if f else None
        if b is None or f is None:
            missing.append(VALUE_OF[measure])
            reason = missing_reason(measure, b, f) if explain else ""
            results.append(
                TisMeasureResult(
                    measure, label, b_float, f_float, None, None, None, None, "", reason
                )
            )
            continue
        (b_val, b_inst), (f_val, f_inst) = b, f
        instrument = VALUE_OF[b_inst] if b_inst else None
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
        elif VALUE_OF[measure] in rule.relative_measures and b_val == 0:
            reason = f"{label}: relative change cannot be computed from a baseline of 0."
        if reason:
            not_comparable.append(VALUE_OF[measure])
            results.append(
                TisMeasureResult(
                    measure, label, b_float, f_float, instrument, None, None, None, "",
                    reason if explain else "",
                )
            )
            continue
        # Percent improvement (TIS_PERCENT_CHANGE_RULE): first - second over the divisor.
        if VALUE_OF[measure] in rule.relative_measures:
            first, second, divisor = b_val, f_val, b_val
        else:
            key = instrument if measure is CoreMeasure.MUSCLE else VALUE_OF[measure]
            divisor = rule.full_range[key]
            first, second = (f_val, b_val) if measure is CoreMeasure.MUSCLE else (b_val, f_val)
        if fast is not None:
            pct: Decimal | float = percent_change_fast(first, second, float(divisor))
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
            pct = percent_change(first, second, divisor)
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


