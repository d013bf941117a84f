"""The IMACS preliminary definition of improvement (clinical-rules §3.3; Rider LG et al.,
Arthritis Rheum 2004;50:2281-90): improved when at least 3 of the 6 core set measures
improve by >= 20%, no more than 2 worsen by >= 25%, and manual muscle testing is not
among the worsened. Never imputed: with measures missing the result is decided only
when they could not change it, otherwise it is undetermined and they are listed.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import NamedTuple

from app.domain.instruments.common import ProvisionalRule, format_number
from app.domain.phrases import Joined, Label, Number, Phrase, joined, phrase, sentence, sentences
from app.domain.response.core_set import (
    CORE_MEASURES,
    MEASURE_LABELS,
    MUSCLE_LABELS,
    VALUE_OF,
    CoreMeasure,
    CoreSetValues,
    MuscleInstrument,
    core_values,
    missing_reason,
    percent_change,
)

IMACS_SOURCE = "clinical-rules §3.3; Rider LG et al., Arthritis Rheum 2004;50:2281-90"


class ImprovementStatus(StrEnum):
    IMPROVED = "improved"
    NOT_IMPROVED = "not_improved"
    UNDETERMINED = "undetermined"


class MeasureChange(StrEnum):
    IMPROVED = "improved"  # relative improvement >= 20%
    WORSENED = "worsened"  # relative worsening >= 25%
    NEITHER = "neither"
    MISSING = "missing"


# The IMACS improvement's sentences (app/forms/terms.py lists them in "Instrument
# message"): measures' names Labels, computed numbers Numbers.
CMAS_IS_NOT_MMT = ("MMT8 not available: a CMAS total does not stand in for manual muscle "
                   "testing in the IMACS definition.")
MMT8_NOT_COMPARABLE = "MMT8 not comparable: baseline %1 vs follow-up %2."
ENZYME_NOT_COMPARABLE = "Enzyme not comparable: baseline %1 vs follow-up %2."
ARROW = {MeasureChange.IMPROVED: "-> improved", MeasureChange.WORSENED: "-> worsened",
         MeasureChange.NEITHER: "-> neither"}
DETAIL = {MeasureChange.IMPROVED: "%1: %2 -> improved.",
          MeasureChange.WORSENED: "%1: %2 -> worsened.",
          MeasureChange.NEITHER: "%1: %2 -> neither."}
TOO_MANY_WORSENED = "%1 measures worsened by 25% or more (at most 2 allowed)"
TOO_FEW_IMPROVED = "only %1 improved by 20% or more (3 needed)"
IMPROVED_AND_WORSENED = "Improved by 20% or more: %1; worsened by 25% or more: %2"
NOT_AVAILABLE = "; not available: %1"
IMPROVED = "Improved (IMACS definition)."
NOT_IMPROVED = "Not improved (IMACS definition): %1."
UNDETERMINED = "Undetermined: the measures not available (%1) decide the result."
NONE = "none"
IMACS_SENTENCES = (CMAS_IS_NOT_MMT, MMT8_NOT_COMPARABLE, ENZYME_NOT_COMPARABLE, *ARROW.values(),
                   *DETAIL.values(), TOO_MANY_WORSENED, TOO_FEW_IMPROVED, IMPROVED_AND_WORSENED,
                   NOT_AVAILABLE, IMPROVED, NOT_IMPROVED, UNDETERMINED, NONE)
# inside them, the same in every language (not listed)
_ARITHMETIC = "(%1 - %2) / %3 × 100 = %4%"
_LABELLED = "%1: %2."

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


class ImacsMeasureResult(NamedTuple):
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
    base, follow = core_values(baseline, follow_up)
    measures: list[ImacsMeasureResult] = []
    arithmetic: dict[CoreMeasure, Phrase] = {}  # each percent change's working
    for measure in CORE_MEASURES:
        label = IMACS_MEASURE_LABELS[measure]
        b, f = base[measure], follow[measure]
        b_float = float(b[0]) if b else None
        f_float = float(f[0]) if f else None

        def missing_result(why: str, m=measure, lab=label, bf=b_float, ff=f_float):
            return ImacsMeasureResult(m, lab, bf, ff, None, MeasureChange.MISSING, why)

        if b is None or f is None:
            measures.append(missing_result(missing_reason(measure, b, f)))
            continue
        (b_val, b_inst), (f_val, f_inst) = b, f
        if measure is CoreMeasure.MUSCLE:
            if MuscleInstrument.CMAS in (b_inst, f_inst):
                measures.append(missing_result(sentence(CMAS_IS_NOT_MMT)))
                continue
            if b_inst is not f_inst:
                measures.append(missing_result(sentence(
                    MMT8_NOT_COMPARABLE, Label(MUSCLE_LABELS[b_inst]),
                    Label(MUSCLE_LABELS[f_inst]))))
                continue
        if (
            measure is CoreMeasure.ENZYME
            and baseline.enzyme_code
            and follow_up.enzyme_code
            and baseline.enzyme_code != follow_up.enzyme_code
        ):
            measures.append(missing_result(sentence(
                ENZYME_NOT_COMPARABLE, Label(baseline.enzyme_code), Label(follow_up.enzyme_code))))
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
            pct = percent_change(first, second, b_val)
            if pct >= IMACS_IMPROVEMENT_MIN_PERCENT:
                change = MeasureChange.IMPROVED
            elif pct <= -IMACS_WORSENING_MIN_PERCENT:
                change = MeasureChange.WORSENED
            else:
                change = MeasureChange.NEITHER
            calc = ""
            if explain:
                arithmetic[measure] = phrase(
                    _ARITHMETIC, Number(format_number(first)), Number(format_number(second)),
                    Number(format_number(b_val)), Number(format_number(pct, 2)))
                calc = sentences(" ", [arithmetic[measure], phrase(ARROW[change])])
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
    improved = tuple(VALUE_OF[m.measure] for m in measures if m.change is MeasureChange.IMPROVED)
    worsened = tuple(VALUE_OF[m.measure] for m in measures if m.change is MeasureChange.WORSENED)
    missing = tuple(VALUE_OF[m.measure] for m in measures if m.change is MeasureChange.MISSING)
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
    reasons: list[str | Phrase] = []
    if mmt_worsened:
        reasons.append("MMT8 worsened by 25% or more")  # not listed: stays as written
    if len(worsened) > IMACS_MAX_WORSENED:
        reasons.append(phrase(TOO_MANY_WORSENED, Number(str(len(worsened)))))
    if len(improved) + len(missing) < IMACS_REQUIRED_IMPROVED:
        reasons.append(phrase(TOO_FEW_IMPROVED, Number(str(len(improved)))))
    # The explanation names measures as people do; the result keeps their codes.
    def named(change: MeasureChange) -> Joined | Label:
        labels = [Label(m.label) for m in measures if m.change is change]
        return joined(", ", labels) if labels else Label(NONE)

    summary = joined("", [
        phrase(IMPROVED_AND_WORSENED, named(MeasureChange.IMPROVED),
               named(MeasureChange.WORSENED)),
        *([phrase(NOT_AVAILABLE, named(MeasureChange.MISSING))] if missing else []), "."])
    if status is ImprovementStatus.IMPROVED:
        verdict = phrase(IMPROVED)
    elif status is ImprovementStatus.NOT_IMPROVED:
        verdict = phrase(NOT_IMPROVED, joined("; ", reasons))
    else:
        verdict = phrase(UNDETERMINED, named(MeasureChange.MISSING))
    details = joined(" ", [
        phrase(DETAIL[m.change], Label(m.label), arithmetic[m.measure])
        if m.measure in arithmetic else phrase(_LABELLED, Label(m.label), m.calculation)
        for m in measures])
    return ImprovementResult(
        status,
        decision,
        improved,
        worsened,
        missing,
        tuple(measures),
        sentences(" ", [verdict, summary, details]),
    )


