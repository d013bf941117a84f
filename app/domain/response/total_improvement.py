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
from typing import NamedTuple

from app.domain.instruments.common import (
    FLOAT_ERROR,
    format_number,
    round_for_comparison,
    round_for_comparison_float,
    to_decimal,
)
from app.domain.phrases import Label, Number, Phrase, joined, phrase, sentence, sentences
from app.domain.response.core_set import (
    CORE_MEASURES,
    MEASURE_LABELS,
    MUSCLE_LABELS,
    VALUE_OF,
    CoreMeasure,
    CoreSetValues,
    MuscleInstrument,
    _exact_float,
    core_values,
    missing_reason,
    percent_change,
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


# The TIS's sentences (app/forms/terms.py lists them in "Instrument message"): measures'
# names and categories Labels, computed numbers Numbers.
MUSCLE_NOT_COMPARABLE = ("Muscle strength not comparable: baseline %1 vs follow-up %2; use the "
                         "same instrument and variant at both visits.")
ENZYME_NOT_COMPARABLE = ("Enzyme not comparable: baseline %1 vs follow-up %2; follow the "
                         "baseline's most abnormal enzyme.")
RELATIVE_FROM_ZERO = "%1: relative change cannot be computed from a baseline of 0."
POINTS = "-> %1 points"
NOT_COMPUTED = "Total improvement score not computed (never estimated from partial data)."
TOTAL = ("Total improvement score %1 = %2; category: %3 (JDM: minimal >= 30, moderate >= 45, "
         "major >= 70).")
TIS_SENTENCES = (MUSCLE_NOT_COMPARABLE, ENZYME_NOT_COMPARABLE, RELATIVE_FROM_ZERO, POINTS,
                 NOT_COMPUTED, TOTAL)
# inside them, arithmetic the same in every language (not listed)
_ARITHMETIC = "(%1 - %2) / %3 × 100 = %4% -> %5"
_POINTS_OF = "%1 (%2)"

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


# A band's label as a sentence with its numbers apart (the interface lists the templates,
# app/forms/terms.py "TIS band"); str() is the label the results carry.
BAND_ABOVE = ">%1%"
BAND_BETWEEN = ">%1-%2%"
BAND_AT_MOST = "<=%1% or worse"
BAND_WORSENED = "worsened"
BAND_SENTENCES = (BAND_ABOVE, BAND_BETWEEN, BAND_AT_MOST, BAND_WORSENED)


@dataclass(frozen=True)
class PointBand:
    """Points for a percent improvement x with lower < x <= upper (upper None: no limit)."""

    lower_exclusive: Decimal
    upper_inclusive: Decimal | None
    points: Decimal

    @property
    def phrase(self) -> Phrase:
        low = Number(format_number(self.lower_exclusive))
        if self.upper_inclusive is None:
            return phrase(BAND_ABOVE, low)
        return phrase(BAND_BETWEEN, low, Number(format_number(self.upper_inclusive)))

    @property
    def label(self) -> str:
        return str(self.phrase)


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


def _band_rows(bands: tuple[PointBand, ...], as_float: bool) -> tuple[tuple, ...] | None:
    """(lower, upper or None, points, label) per band, the edges as floats or decimals;
    None for floats when an edge is not exactly a float (decimals are then used)."""
    rows = []
    for band in bands:
        lower, upper = band.lower_exclusive, band.upper_inclusive
        if as_float:
            if any(e is not None and Decimal(float(e)) != e for e in (lower, upper)):
                return None
            rows.append((float(lower), None if upper is None else float(upper), band.points,
                         band.label))
        else:
            rows.append((lower, upper, band.points, band.label))
    return tuple(rows)


_NO_POINTS = Decimal(0)
# At or below the first edge (not worse): the label of 0 points, per measure.
_AT_MOST = {m: phrase(BAND_AT_MOST, Number(format_number(b[0].lower_exclusive)))
            for m, b in TIS_POINT_TABLE.items()}
_AT_MOST_FIRST_EDGE = {m: str(p) for m, p in _AT_MOST.items()}
_WORSENED = str(phrase(BAND_WORSENED))
# Every label a measure's band can have, with its phrase.
_BAND_PHRASES = {str(p): p for p in (
    *(band.phrase for bands in TIS_POINT_TABLE.values() for band in bands),
    *_AT_MOST.values(), phrase(BAND_WORSENED))}
# Read once: per measure, the bands with decimal edges and (when exact) float edges.
_DECIMAL_ROWS = {m: _band_rows(b, False) for m, b in TIS_POINT_TABLE.items()}
_FLOAT_ROWS = {m: _band_rows(b, True) for m, b in TIS_POINT_TABLE.items()}


def _for_comparison(value: float | Decimal) -> float | Decimal:
    """A percentage rounded to 6 decimals: in floats when provably the same as in
    decimals (``round_for_comparison_float``), else as a decimal."""
    if type(value) is float:
        rounded = round_for_comparison_float(value, abs(value) * FLOAT_ERROR)
        if rounded is not None:
            return rounded
    return round_for_comparison(to_decimal(value))


def points_for(measure: CoreMeasure, percent_improvement: float | Decimal) -> tuple[Decimal, str]:
    """(points, band label) for a percent improvement on one measure (Rider 2017, Table 3).

    ``percent_improvement`` is rounded to 6 decimals before comparison; band edges are
    ">a-b%" = a < x <= b. At or below the first edge, or negative (worsening): 0 points.
    A float is compared with the float band edges when that is exact (the edges are whole
    numbers and the value has at most 6 decimals), else in decimals.
    """
    return _points(CoreMeasure(measure), _for_comparison(percent_improvement))


def _points(measure: CoreMeasure, x: float | Decimal) -> tuple[Decimal, str]:
    """``points_for`` of a percentage already rounded for comparison."""
    rows = _FLOAT_ROWS[measure] if type(x) is float else None
    if rows is None:
        x = to_decimal(x)
        rows = _DECIMAL_ROWS[measure]
    assert rows is not None
    for lower, upper, points, label in rows:
        if x > lower and (upper is None or x <= upper):
            return points, label
    return _NO_POINTS, (_AT_MOST_FIRST_EDGE[measure] if x >= 0 else _WORSENED)


def band_phrase(label: str) -> Phrase | None:
    """A band label of ``points_for`` (">20-30%", "worsened") as a phrase with its numbers
    apart, for the interface to show in its language; None for any other text."""
    return _BAND_PHRASES.get(label)


# ------------------------------------------------------------------------- TIS result


class TisMeasureResult(NamedTuple):
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
    base, follow = core_values(baseline, follow_up)
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
            reason = sentence(MUSCLE_NOT_COMPARABLE, Label(MUSCLE_LABELS[b_inst]),
                              Label(MUSCLE_LABELS[f_inst]))
        elif (
            measure is CoreMeasure.ENZYME
            and baseline.enzyme_code
            and follow_up.enzyme_code
            and baseline.enzyme_code != follow_up.enzyme_code
        ):
            reason = sentence(ENZYME_NOT_COMPARABLE, Label(baseline.enzyme_code),
                              Label(follow_up.enzyme_code))
        elif VALUE_OF[measure] in rule.relative_measures and b_val == 0:
            reason = sentence(RELATIVE_FROM_ZERO, Label(label))
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
        key_float: float | None = None
        if VALUE_OF[measure] in rule.relative_measures:
            first, second, divisor = b_val, f_val, b_val
        else:
            key = instrument if measure is CoreMeasure.MUSCLE else VALUE_OF[measure]
            divisor = rule.full_range[key]
            key_float = _exact_float(divisor)
            first, second = (f_val, b_val) if measure is CoreMeasure.MUSCLE else (b_val, f_val)
        if type(first) is float and key_float is not None:
            divisor = key_float  # the same whole number, as a float (percent_change)
        pct = percent_change(first, second, divisor)
        points, band = _points(measure, pct)
        calculation = ""
        if explain:
            calculation = sentences(" ", [
                phrase(_ARITHMETIC, Number(format_number(first)), Number(format_number(second)),
                       Number(format_number(divisor)), Number(format_number(pct, 2)), band),
                phrase(POINTS, Number(format_number(points)))])
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
            explanation = sentences(" ", [
                phrase(NOT_COMPUTED), *(r.reason for r in results if r.reason),
                _provisional_note(rule)])
        return TisResult(
            None, None, tuple(results), tuple(missing), tuple(not_comparable), explanation
        )
    total = sum((Decimal(str(r.points)) for r in results), Decimal(0))
    category = tis_category(total)
    explanation = ""
    if explain:
        explanation = sentences(" ", [
            phrase(TOTAL, Number(format_number(total)),
                   joined(" + ", [phrase(_POINTS_OF, Number(format_number(Decimal(str(r.points)))),
                                         Label(r.label)) for r in results]),
                   Label(category.value)),
            _provisional_note(rule)])
    return TisResult(float(total), category, tuple(results), (), (), explanation)


def _provisional_note(rule: PercentChangeRule) -> Phrase:
    # one listed sentence, the rule's words in it (its translation is the rule's too)
    return phrase(
        f"Percent change rule is {rule.status.upper()}: {rule.description} Source: {rule.source}."
    )


