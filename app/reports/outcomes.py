"""Scores and response criteria of one visit, from its stored items (plain data in, plain
data out), shared by the CSV exports and the PDF visit summary.

All arithmetic is done by ``app.domain``; this module only gathers the inputs the way the
visit form stores them (one value per item, see ``ItemValue``) and never imputes. A value
the domain rejects (stored data out of range) is reported in ``problems`` and the score
that needs it is left blank rather than stopping an export.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from app.domain.instruments.chaq import AIDS_BY_CODE, DOMAINS_BY_CODE, ChaqResult, score_chaq
from app.domain.instruments.cmas import CmasResult, score_cmas
from app.domain.instruments.common import InstrumentInputError, round_for_comparison
from app.domain.instruments.enzymes import (
    ENZYMES,
    EnzymeMeasurement,
    EnzymeTimesUln,
    MostAbnormalEnzyme,
    most_abnormal,
    parse_unit,
    times_uln,
    to_u_per_l,
)
from app.domain.instruments.mmt8 import Mmt8Result, score_mmt8
from app.domain.response import (
    CoreSetValues,
    ImprovementResult,
    MuscleInstrument,
    MuscleScore,
    PrintoResult,
    TisResult,
    imacs_improvement,
    muscle_from_cmas,
    muscle_from_mmt8,
    printo_inactive,
    total_improvement_score,
)


class ItemValue(NamedTuple):
    """One stored item: number and/or text, unit, and why it is missing (a NamedTuple:
    exports build millions of these)."""

    num: float | None = None
    text: str | None = None
    unit: str | None = None
    missing: str | None = None


VisitItems = Mapping[str, Mapping[str, ItemValue]]  # instrument -> item -> value


@dataclass
class VisitScores:
    cmas: CmasResult | None = None
    chaq: ChaqResult | None = None
    mmt8: Mmt8Result | None = None
    enzymes: dict[str, EnzymeTimesUln | TimesUln] = field(default_factory=dict)
    measurements: list[EnzymeMeasurement] = field(default_factory=list)
    pga: float | None = None
    parent_global: float | None = None
    extramuscular: float | None = None
    printo: PrintoResult | None = None
    problems: list[str] = field(default_factory=list)


@dataclass
class VisitResponse:
    most_abnormal: MostAbnormalEnzyme | None = None
    followed_xuln: float | None = None
    tis: TisResult | None = None
    imacs: ImprovementResult | None = None
    problems: list[str] = field(default_factory=list)


def _whole(num: float) -> int | float:
    # Whole scores as int: the domain parses an int exactly and faster than a float.
    return int(num) if num.is_integer() else num


def _numbers(values: Mapping[str, ItemValue]) -> dict[str, object]:
    return {k: _whole(v.num) for k, v in values.items() if v.num is not None}


@dataclass(frozen=True)
class TimesUln:
    """×ULN without the worded explanation (bulk exports); same arithmetic as
    ``enzymes.times_uln``: both values converted to U/L, ratio rounded for comparison."""

    enzyme: str
    times_uln: float
    explanation: str = ""


def _quick_times_uln(m: EnzymeMeasurement) -> TimesUln:
    value = to_u_per_l(m.value, parse_unit(m.unit))
    uln = to_u_per_l(m.uln, parse_unit(m.uln_unit or m.unit))
    if value < 0 or uln <= 0:
        raise InstrumentInputError({m.enzyme: f"{m.enzyme}: value or ULN out of range"})
    return TimesUln(m.enzyme, float(round_for_comparison(value / uln)))


def score_visit(items: VisitItems, *, explain: bool = True) -> VisitScores:
    """The instrument totals and PRINTO status of one visit (``explain=False``: enzyme
    ratios without their worded explanation, for bulk exports)."""
    out = VisitScores()
    cmas_items = items.get("cmas")
    if cmas_items:
        try:
            out.cmas = score_cmas(_numbers(cmas_items))
        except InstrumentInputError as exc:
            out.problems.append(str(exc))
    chaq_items = items.get("chaq")
    if chaq_items:
        values: dict[str, object] = {}
        aids: list[str] = []
        helped: list[str] = []
        for code, v in chaq_items.items():
            if code in AIDS_BY_CODE:
                if v.num == 1:
                    aids.append(code)
            elif code.startswith("help_") and code[5:] in DOMAINS_BY_CODE:
                if v.num == 1:
                    helped.append(code[5:])
            elif v.num is not None:
                values[code] = _whole(v.num)
            elif v.text:
                values[code] = v.text
        try:
            out.chaq = score_chaq(values, aids, helped)
        except InstrumentInputError as exc:
            out.problems.append(str(exc))
    mmt_items = items.get("mmt8")
    if mmt_items:
        variant = mmt_items.get("variant")
        try:
            out.mmt8 = score_mmt8(
                _numbers(mmt_items), (variant.text if variant and variant.text else "unilateral")
            )
        except InstrumentInputError as exc:
            out.problems.append(str(exc))
    enzyme_items = items.get("enzymes") or {}
    for enzyme in ENZYMES:
        value = enzyme_items.get(enzyme.code)
        uln = enzyme_items.get(f"{enzyme.code}_uln")
        if value is None or value.num is None or uln is None or uln.num is None:
            continue
        measurement = EnzymeMeasurement(enzyme.code, value.num, value.unit or "U/L", uln.num,
                                        uln.unit or value.unit or "U/L")
        try:
            out.enzymes[enzyme.code] = (times_uln(measurement) if explain
                                        else _quick_times_uln(measurement))
            out.measurements.append(measurement)
        except InstrumentInputError as exc:
            out.problems.append(str(exc))
    global_items = items.get("global") or {}

    def vas(code: str) -> float | None:
        v = global_items.get(code)
        return None if v is None else v.num

    out.pga = vas("pga_activity")
    out.parent_global = vas("parent_global_activity")
    out.extramuscular = vas("mdaat_extramuscular")
    ck = enzyme_items.get("ck")
    try:
        out.printo = printo_inactive(
            ck=None if ck is None else ck.num,
            ck_unit=(ck.unit if ck is not None and ck.unit else "U/L"),
            cmas=None if out.cmas is None else out.cmas.total,
            mmt8=None if out.mmt8 is None else out.mmt8.total,
            mmt8_variant=(out.mmt8.variant if out.mmt8 is not None else "unilateral"),
            pga=out.pga,
        )
    except InstrumentInputError as exc:
        out.problems.append(str(exc))
    return out


def _muscle(base: VisitScores, now: VisitScores) -> tuple[MuscleScore | None, MuscleScore | None]:
    """MMT8 when both visits have a complete MMT8 of the same variant, else CMAS."""
    b_mmt = muscle_from_mmt8(base.mmt8) if base.mmt8 else None
    n_mmt = muscle_from_mmt8(now.mmt8) if now.mmt8 else None
    if b_mmt and n_mmt and b_mmt.instrument == n_mmt.instrument:
        return b_mmt, n_mmt
    b_cmas = muscle_from_cmas(base.cmas) if base.cmas else None
    n_cmas = muscle_from_cmas(now.cmas) if now.cmas else None
    if b_cmas and n_cmas:
        return b_cmas, n_cmas
    return (b_mmt or b_cmas), (n_mmt or n_cmas)


def _core(scores: VisitScores, muscle: MuscleScore | None, enzyme: str | None) -> CoreSetValues:
    xuln = scores.enzymes.get(enzyme) if enzyme else None
    return CoreSetValues(
        physician_global=scores.pga,
        parent_global=scores.parent_global,
        muscle=muscle,
        chaq_di=None if scores.chaq is None else scores.chaq.disability_index,
        enzyme=None if xuln is None else xuln.times_uln,
        enzyme_code=enzyme if xuln is not None else None,
        extramuscular=scores.extramuscular,
    )


def baseline_enzyme(baseline: VisitScores | None) -> MostAbnormalEnzyme | None:
    if baseline is None or not baseline.measurements:
        return None
    try:
        return most_abnormal(baseline.measurements)
    except InstrumentInputError:
        return None


def compare_to_baseline(
    baseline: VisitScores | None, now: VisitScores, *, is_baseline: bool,
    most: MostAbnormalEnzyme | None | bool = True,
) -> VisitResponse:
    """TIS and IMACS improvement of a follow-up visit against the patient's baseline.

    ``most``: the baseline's most abnormal enzyme when the caller already has it (a bulk
    export computes it once per enrollment); True = work it out here.
    """
    out = VisitResponse()
    out.most_abnormal = baseline_enzyme(baseline) if most is True else (most or None)
    code = out.most_abnormal.enzyme if out.most_abnormal else None
    if code and code in now.enzymes:
        out.followed_xuln = now.enzymes[code].times_uln
    if is_baseline or baseline is None:
        return out
    b_muscle, n_muscle = _muscle(baseline, now)
    if b_muscle and n_muscle and b_muscle.instrument != n_muscle.instrument:
        # Never compare across instruments: leave the measure missing at follow-up.
        n_muscle = None
    base_values = _core(baseline, b_muscle, code)
    now_values = _core(now, n_muscle, code)
    try:
        out.tis = total_improvement_score(base_values, now_values)
    except InstrumentInputError as exc:
        out.problems.append(str(exc))
    # IMACS names MMT: a CMAS in the muscle slot counts as missing (domain rule).
    try:
        out.imacs = imacs_improvement(base_values, now_values)
    except InstrumentInputError as exc:
        out.problems.append(str(exc))
    return out


__all__ = [
    "ItemValue",
    "MuscleInstrument",
    "VisitItems",
    "VisitResponse",
    "VisitScores",
    "baseline_enzyme",
    "compare_to_baseline",
    "score_visit",
]
