"""Response at a follow-up visit against the enrollment's baseline (clinical-rules §3):
the core set measures at both visits, then the 2016 ACR/EULAR total improvement score and
the IMACS definition of improvement, from the scores of ``app.domain.visit_scores``.

The rules written once here, for the visit form, the printed summary and the exports:

* Muscle strength: MMT8 when both visits have a complete MMT8 of the same variant, else
  CMAS when both have a complete CMAS (the TIS accepts either; never mixed). Otherwise
  each visit's MMT8 total where complete: the TIS then reports the measure missing or
  not comparable.
* Enzyme: the baseline's most abnormal enzyme (highest ×ULN, clinical-rules §2.5),
  followed at the later visit; never another enzyme.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from app.domain.instruments.common import InstrumentInputError
from app.domain.instruments.enzymes import MostAbnormalEnzyme, follow_up_enzyme, most_abnormal
from app.domain.phrases import phrase, sentence, sentences
from app.domain.response import (
    CoreSetValues,
    ImprovementResult,
    MuscleScore,
    PrintoResult,
    TisResult,
    imacs_improvement,
    muscle_from_cmas,
    muscle_from_mmt8,
    total_improvement_score,
)
from app.domain.visit_scores import StoredValues, VisitScores, score_visit

MMT8_AT_BOTH = "Muscle strength: MMT8 (complete at both visits)."
CMAS_AT_BOTH = "Muscle strength: CMAS (MMT8 not complete and comparable at both visits)."
NEITHER_AT_BOTH = "Muscle strength: neither MMT8 nor CMAS is complete at both visits."
NO_BASELINE_ENZYME = "No baseline enzyme result with a ULN: the enzyme measure is missing."
THIS_VISIT = "This visit: %1"  # after the baseline's choice: the follow-up's result


def muscle_pair(
    baseline: VisitScores, now: VisitScores
) -> tuple[MuscleScore | None, MuscleScore | None, str]:
    """The muscle strength measure at baseline and now, and a sentence saying which."""
    b_mmt = muscle_from_mmt8(baseline.mmt8) if baseline.mmt8 is not None else None
    n_mmt = muscle_from_mmt8(now.mmt8) if now.mmt8 is not None else None
    if b_mmt is not None and n_mmt is not None and b_mmt.instrument is n_mmt.instrument:
        return b_mmt, n_mmt, sentence(MMT8_AT_BOTH)
    b_cmas = muscle_from_cmas(baseline.cmas) if baseline.cmas is not None else None
    n_cmas = muscle_from_cmas(now.cmas) if now.cmas is not None else None
    if b_cmas is not None and n_cmas is not None:
        return b_cmas, n_cmas, sentence(CMAS_AT_BOTH)
    return b_mmt, n_mmt, sentence(NEITHER_AT_BOTH)


def core_set(scores: VisitScores, muscle: MuscleScore | None,
             enzyme: str | None) -> CoreSetValues:
    """The six core set measures of one visit (the enzyme as ×ULN of ``enzyme``)."""
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


@dataclass
class Baseline:
    """An enrollment's baseline visit, ready to compare later visits with: its scores, its
    most abnormal enzyme, and its core set per muscle measure (worked out once for all the
    follow-ups of an enrollment)."""

    scores: VisitScores
    most_abnormal: MostAbnormalEnzyme | None
    _core: dict[object, CoreSetValues] = field(default_factory=dict)

    @classmethod
    def of(cls, scores: VisitScores, *, explain: bool = True) -> Baseline:
        most = None
        if scores.measurements:
            try:
                most = most_abnormal(scores.measurements, explain=explain)
            except InstrumentInputError:
                most = None
        return cls(scores, most)

    @property
    def enzyme(self) -> str | None:
        return self.most_abnormal.enzyme if self.most_abnormal is not None else None

    def core_set(self, muscle: MuscleScore | None) -> CoreSetValues:
        known = self._core.get(muscle)
        if known is None:
            known = self._core[muscle] = core_set(self.scores, muscle, self.enzyme)
        return known


@dataclass
class VisitResponse:
    """TIS and IMACS of a follow-up against its baseline, PRINTO of the visit itself, the
    most abnormal baseline enzyme and its ×ULN now, and how each choice was made."""

    most_abnormal: MostAbnormalEnzyme | None = None
    followed_xuln: float | None = None
    tis: TisResult | None = None
    imacs: ImprovementResult | None = None
    printo: PrintoResult | None = None
    baseline: CoreSetValues | None = None
    follow_up: CoreSetValues | None = None
    muscle_note: str = ""
    enzyme_note: str = ""
    errors: dict[str, str] = field(default_factory=dict)


def compare_to_baseline(
    baseline: Baseline | None, now: VisitScores, *, is_baseline: bool, explain: bool = True
) -> VisitResponse:
    """The response of a visit (clinical-rules §3). A baseline visit, or a visit without a
    baseline, gets only its PRINTO status and the followed enzyme."""
    out = VisitResponse(printo=now.printo)
    if baseline is not None:
        out.most_abnormal = baseline.most_abnormal
    code = out.most_abnormal.enzyme if out.most_abnormal is not None else None
    if code and code in now.enzymes:
        out.followed_xuln = now.enzymes[code].times_uln
    if explain:
        out.enzyme_note = _enzyme_note(out.most_abnormal, now)
    if is_baseline or baseline is None:
        return out
    b_muscle, n_muscle, out.muscle_note = muscle_pair(baseline.scores, now)
    out.baseline = baseline.core_set(b_muscle)
    out.follow_up = core_set(now, n_muscle, code)
    try:
        out.tis = total_improvement_score(out.baseline, out.follow_up, explain=explain)
        # IMACS names MMT: a CMAS in the muscle slot counts as missing (domain rule).
        out.imacs = imacs_improvement(out.baseline, out.follow_up, explain=explain)
    except InstrumentInputError as exc:
        out.errors.update(exc.messages)
    return out


def _enzyme_note(most: MostAbnormalEnzyme | None, now: VisitScores) -> str:
    if most is None or most.enzyme is None:
        return sentence(NO_BASELINE_ENZYME)
    try:
        follow = follow_up_enzyme(most.enzyme, now.measurements)
    except InstrumentInputError:
        return most.explanation
    return sentences(" ", [most.explanation, phrase(THIS_VISIT, follow.reason)])


def visit_response(
    baseline: Mapping[str, Mapping], current: Mapping[str, Mapping]
) -> VisitResponse:
    """The response of a follow-up visit from the stored items of it and its baseline
    (the visit form's live response section)."""
    now = score_visit(current)
    response = compare_to_baseline(Baseline.of(score_visit(baseline)), now, is_baseline=False)
    for problem in now.problems:
        response.errors.setdefault(f"problem {len(response.errors) + 1}", problem)
    return response


__all__ = [
    "Baseline",
    "StoredValues",
    "VisitResponse",
    "compare_to_baseline",
    "core_set",
    "muscle_pair",
    "visit_response",
]
