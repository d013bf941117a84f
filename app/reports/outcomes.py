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

from app.domain.instruments.chaq import (
    AIDS_BY_CODE,
    DOMAINS_BY_CODE,
    ChaqIndex,
    ChaqResult,
    chaq_index,
    score_chaq,
)
from app.domain.instruments.cmas import CmasResult, CmasTotal, cmas_total, score_cmas
from app.domain.instruments.common import InstrumentInputError
from app.domain.instruments.enzymes import (
    ENZYMES,
    EnzymeMeasurement,
    EnzymeTimesUln,
    MostAbnormalEnzyme,
    most_abnormal,
    times_uln,
)
from app.domain.instruments.mmt8 import Mmt8Result, Mmt8Total, mmt8_total, score_mmt8
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
    # explain=False (bulk exports): CmasTotal / ChaqIndex, the numbers of those results.
    cmas: CmasResult | CmasTotal | None = None
    chaq: ChaqResult | ChaqIndex | None = None
    mmt8: Mmt8Result | Mmt8Total | None = None
    enzymes: dict[str, EnzymeTimesUln] = field(default_factory=dict)
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
    # _whole inlined (called for millions of items)
    return {k: (int(n) if n.is_integer() else n)
            for k, v in values.items() if (n := v.num) is not None}


# ×ULN of measurements already seen in this process (explain=False; bulk exports): key
# (enzyme, value, unit, ULN, ULN unit) -> (measurement, result). Both are immutable.
_RATIOS: dict[tuple, tuple[EnzymeMeasurement, EnzymeTimesUln]] = {}
_HELP_CODES = frozenset(f"help_{code}" for code in DOMAINS_BY_CODE)


def score_visit(items: VisitItems, *, explain: bool = True) -> VisitScores:
    """The instrument totals and PRINTO status of one visit (``explain=False``: the same
    numbers without the worded explanations, for bulk exports)."""
    out = VisitScores()
    cmas_items = items.get("cmas")
    if cmas_items:
        try:
            out.cmas = (score_cmas(_numbers(cmas_items)) if explain
                        else cmas_total(_numbers(cmas_items)))
        except InstrumentInputError as exc:
            out.problems.append(str(exc))
    chaq_items = items.get("chaq")
    if chaq_items:
        values: dict[str, object] = {}
        aids: list[str] = []
        helped: list[str] = []
        for code, v in chaq_items.items():
            num = v.num
            if code in AIDS_BY_CODE:
                if num == 1:
                    aids.append(code)
            elif code in _HELP_CODES:
                if num == 1:
                    helped.append(code[5:])
            elif num is not None:
                values[code] = int(num) if num.is_integer() else num  # _whole
            elif v.text:
                values[code] = v.text
        try:
            out.chaq = (score_chaq(values, aids, helped) if explain
                        else chaq_index(values, aids, helped))
        except InstrumentInputError as exc:
            out.problems.append(str(exc))
    mmt_items = items.get("mmt8")
    if mmt_items:
        variant = mmt_items.get("variant")
        try:
            chosen = variant.text if variant and variant.text else "unilateral"
            out.mmt8 = (score_mmt8(_numbers(mmt_items), chosen) if explain
                        else mmt8_total(_numbers(mmt_items), chosen))
        except InstrumentInputError as exc:
            out.problems.append(str(exc))
    enzyme_items = items.get("enzymes") or {}
    for enzyme in ENZYMES:
        value = enzyme_items.get(enzyme.code)
        uln = enzyme_items.get(f"{enzyme.code}_uln")
        if value is None or value.num is None or uln is None or uln.num is None:
            continue
        unit = value.unit or "U/L"
        uln_unit = uln.unit or value.unit or "U/L"
        key = (enzyme.code, value.num, unit, uln.num, uln_unit)
        known = None if explain else _RATIOS.get(key)
        if known is not None:  # the same measurement seen before: the same (pure) result
            out.measurements.append(known[0])
            out.enzymes[enzyme.code] = known[1]
            continue
        measurement = EnzymeMeasurement(enzyme.code, value.num, unit, uln.num, uln_unit)
        try:
            out.enzymes[enzyme.code] = result = times_uln(measurement, explain=explain)
            out.measurements.append(measurement)
        except InstrumentInputError as exc:
            out.problems.append(str(exc))
            continue
        if not explain and value.num and uln.num:  # not 0.0/-0.0: they share a key
            if len(_RATIOS) >= 50_000:
                _RATIOS.clear()
            _RATIOS[key] = (measurement, result)
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
            explain=explain,
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


def baseline_enzyme(
    baseline: VisitScores | None, *, explain: bool = True
) -> MostAbnormalEnzyme | None:
    if baseline is None or not baseline.measurements:
        return None
    try:
        return most_abnormal(baseline.measurements, explain=explain)
    except InstrumentInputError:
        return None


_BASE_VALUES: dict[tuple, tuple[VisitScores, CoreSetValues]] = {}


def compare_to_baseline(
    baseline: VisitScores | None, now: VisitScores, *, is_baseline: bool,
    most: MostAbnormalEnzyme | None | bool = True,
    explain: bool = True,
) -> VisitResponse:
    """TIS and IMACS improvement of a follow-up visit against the patient's baseline.

    ``most``: the baseline's most abnormal enzyme when the caller already has it (a bulk
    export computes it once per enrollment); True = work it out here. ``explain=False``:
    the same numbers without the worded explanations (bulk exports).
    """
    out = VisitResponse()
    out.most_abnormal = (baseline_enzyme(baseline, explain=explain) if most is True
                         else (most or None))
    code = out.most_abnormal.enzyme if out.most_abnormal else None
    if code and code in now.enzymes:
        out.followed_xuln = now.enzymes[code].times_uln
    if is_baseline or baseline is None:
        return out
    b_muscle, n_muscle = _muscle(baseline, now)
    if b_muscle and n_muscle and b_muscle.instrument != n_muscle.instrument:
        # Never compare across instruments: leave the measure missing at follow-up.
        n_muscle = None
    if explain:
        base_values = _core(baseline, b_muscle, code)
    else:
        # One CoreSetValues per baseline (and muscle/enzyme choice), reused by every
        # follow-up of the enrollment: the domain then checks it once, not per visit.
        key = (id(baseline), b_muscle, code)
        known = _BASE_VALUES.get(key)
        if known is not None and known[0] is baseline:
            base_values = known[1]
        else:
            base_values = _core(baseline, b_muscle, code)
            if len(_BASE_VALUES) >= 64:
                _BASE_VALUES.clear()
            _BASE_VALUES[key] = (baseline, base_values)
    now_values = _core(now, n_muscle, code)
    try:
        out.tis = total_improvement_score(base_values, now_values, explain=explain)
    except InstrumentInputError as exc:
        out.problems.append(str(exc))
    # IMACS names MMT: a CMAS in the muscle slot counts as missing (domain rule).
    try:
        out.imacs = imacs_improvement(base_values, now_values, explain=explain)
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
