"""What the cohort computation reads: one ``CohortPatient`` per enrollment, as plain data.

The storage side (``app.exports.cohort_data``) fills these from one read-only snapshot;
every score in them comes from the one scoring path (``app.domain.visit_scores.score_visit``
and ``app.domain.visit_response.compare_to_baseline``) through ``visit_outcome`` and
``baseline_values`` here. Nothing is imputed: a value not recorded is None.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from app.domain.instruments.mmt8 import Mmt8Variant
from app.domain.instruments.steroid_exposure import SteroidVisit
from app.domain.visit_response import VisitResponse
from app.domain.visit_scores import StoredValues, VisitScores, global_value
from app.domain.visit_values import ItemEntry

# The visit global that is the skin plan's primary outcome (seed 000, Table 3).
SKIN_VAS = "mdaat_cutaneous_vas"
# The corticosteroids a visit's medications or an enrollment's prescriptions may name
# (the plans prescribe prednisone daily and methylprednisolone as pulses).
CORTICOSTEROIDS = ("prednisone", "prednisolone", "methylprednisolone")
DAILY_CORTICOSTEROIDS = ("prednisone", "prednisolone")
# IMACS/CARRA relatedness that counts as "related" for adverse event rates.
RELATED = frozenset({"possible", "probable", "definite"})


@dataclass(frozen=True)
class VisitOutcome:
    """One visit that was done, scored."""

    code: str
    month: int | None  # scheduled offset in months; None for an unscheduled visit
    day: int  # days since enrollment
    printo_inactive: bool | None = None  # None: not determinable from what was recorded
    tis: float | None = None
    tis_category: str | None = None  # none / minimal / moderate / major
    imacs_improved: bool | None = None
    skin_vas: float | None = None
    # True: a daily corticosteroid dose > 0 recorded; False: medications recorded without
    # one; None: no medications recorded at this visit.
    on_daily_steroid: bool | None = None


@dataclass(frozen=True)
class BaselineValues:
    """Baseline characteristics; None = not recorded."""

    age_years: float | None = None
    female: bool | None = None
    # disease onset to enrollment (app.domain.disease_history.disease_duration_at)
    disease_duration_months: float | None = None
    autoantibodies: Mapping[str, bool] = field(default_factory=dict)  # code -> positive
    cmas: float | None = None
    chaq: float | None = None
    mmt8: float | None = None
    skin_vas: float | None = None
    pga: float | None = None
    steroid_mg_kg_day: float | None = None


@dataclass(frozen=True)
class AdverseEventRecord:
    serious: bool
    related: bool | None  # None: relatedness not recorded
    category: str | None = None  # app.domain.instruments.adverse_events.CATEGORIES code


@dataclass(frozen=True)
class CohortPatient:
    """One enrollment, analysed under the arm it started on (switches are counted and
    shown, not re-assigned)."""

    study_id: str
    protocol_id: str
    arm: str
    status: str  # active / completed / withdrawn
    switched: bool
    enrollment_date: date
    baseline: BaselineValues
    visits: tuple[VisitOutcome, ...] = ()  # visits done, in time order (baseline too)
    adverse_events: tuple[AdverseEventRecord, ...] = ()
    # every visit done, with its recorded steroid doses and weight (its date, not its day)
    steroid_visits: tuple[SteroidVisit, ...] = ()

    @cached_property
    def follow_up_days(self) -> int:
        """Enrollment to the last visit done (0 without one); worked out once (the
        counts, the rates and the curves each ask it of every patient)."""
        return max((v.day for v in self.visits), default=0)


def scored_values(scores: VisitScores, response: VisitResponse | None) -> dict[str, object]:
    """What the cohort reads of a visit's scores and its response, as plain values (the
    form the score cache keeps them in, app.db.score_cache): PRINTO inactive, TIS and its
    category, IMACS improved, and the baseline table's totals (an incomplete total is
    left out, never imputed; one scale in one row: the unilateral MMT8 only)."""
    tis = response.tis if response is not None else None
    imacs = response.imacs if response is not None else None
    cmas, chaq, mmt8 = scores.cmas, scores.chaq, scores.mmt8
    return {
        "printo_inactive": None if scores.printo is None else scores.printo.inactive,
        "tis": None if tis is None else tis.tis,
        "tis_category": None if tis is None or tis.category is None else str(tis.category),
        "imacs_improved": None if imacs is None else imacs.improved,
        "response": response is not None,
        "cmas": None if cmas is None else _number(cmas.total),
        "chaq": None if chaq is None else _number(chaq.disability_index),
        "mmt8": (_number(mmt8.total) if mmt8 is not None
                 and mmt8.variant == Mmt8Variant.UNILATERAL else None),
        "pga": scores.pga,
    }


def visit_outcome(code: str, month: int | None, day: int, values: StoredValues,
                  scores: VisitScores | None, response: VisitResponse | None) -> VisitOutcome:
    """A visit's outcomes from its stored items, its scores (None: not scored, PRINTO
    left unknown) and its response against baseline (``compare_to_baseline``)."""
    return outcome_of(code, month, day, values,
                      None if scores is None else scored_values(scores, response),
                      with_response=response is not None)


def outcome_of(code: str, month: int | None, day: int, values: StoredValues,
               scored: Mapping[str, object] | None, *, with_response: bool) -> VisitOutcome:
    """``visit_outcome`` from ``scored_values`` (None: not scored; ``with_response``
    False: the response left unknown)."""
    return outcome_from(code, month, day, scored, with_response=with_response,
                        skin_vas=global_value(values, SKIN_VAS),
                        on_daily_steroid=on_daily_steroid(values.get("medications")))


def outcome_from(code: str, month: int | None, day: int,
                 scored: Mapping[str, object] | None, *, with_response: bool,
                 skin_vas: float | None, on_daily_steroid: bool | None) -> VisitOutcome:
    """``outcome_of`` with the visit's skin VAS (``global_value``) and daily steroid
    (``on_daily_steroid``) already read from its items."""
    scored = scored or {}
    answer = scored if with_response else {}
    return VisitOutcome(
        code=code, month=month, day=day,
        printo_inactive=scored.get("printo_inactive"),  # type: ignore[arg-type]
        tis=answer.get("tis"),  # type: ignore[arg-type]
        tis_category=answer.get("tis_category"),  # type: ignore[arg-type]
        imacs_improved=answer.get("imacs_improved"),  # type: ignore[arg-type]
        skin_vas=skin_vas, on_daily_steroid=on_daily_steroid,
    )


def baseline_values(values: StoredValues, scores: VisitScores, *, age_years: float | None,
                    female: bool | None, steroid_mg_kg_day: float | None,
                    disease_duration_months: float | None = None) -> BaselineValues:
    """The baseline table's values from the baseline visit's stored items and scores
    (an incomplete instrument total is left out, never imputed)."""
    return baseline_of(values, scored_values(scores, None), age_years=age_years,
                       female=female, steroid_mg_kg_day=steroid_mg_kg_day,
                       disease_duration_months=disease_duration_months)


def baseline_of(values: StoredValues, scored: Mapping[str, object], *,
                age_years: float | None, female: bool | None,
                steroid_mg_kg_day: float | None,
                disease_duration_months: float | None = None) -> BaselineValues:
    """``baseline_values`` from ``scored_values``."""
    antibodies = {code: entry.value_text == "positive"
                  for code, entry in (values.get("autoantibodies") or {}).items()
                  if entry.value_text in ("positive", "negative")}
    return BaselineValues(
        age_years=age_years, female=female, autoantibodies=antibodies,
        disease_duration_months=disease_duration_months,
        cmas=scored.get("cmas"), chaq=scored.get("chaq"),  # type: ignore[arg-type]
        mmt8=scored.get("mmt8"),  # type: ignore[arg-type]
        skin_vas=global_value(values, SKIN_VAS), pga=scored.get("pga"),  # type: ignore[arg-type]
        steroid_mg_kg_day=steroid_mg_kg_day)


def _number(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


def daily_steroid_mg_kg(values: StoredValues) -> float | None:
    """A visit's daily corticosteroid dose in mg/kg/day from its medications (a dose in
    mg given daily) and the weight measured at that visit; None when either is missing."""
    medications = values.get("medications") or {}
    weight = (values.get("vitals") or {}).get("weight_kg")
    if weight is None or not weight.value_num or weight.value_num <= 0:
        return None
    for drug in DAILY_CORTICOSTEROIDS:
        dose = medications.get(f"{drug}_dose")
        frequency = medications.get(f"{drug}_frequency")
        if (dose is not None and dose.value_num is not None and dose.unit == "mg"
                and frequency is not None and _daily(frequency.value_text)):
            return dose.value_num / weight.value_num
    return None


def _daily(frequency: str | None) -> bool:
    """Free-text frequency meaning once a day ("daily", "once daily", "qd", "1/day")."""
    text = (frequency or "").strip().lower()
    return "daily" in text or text in ("qd", "od", "1/day", "once a day")


def on_daily_steroid(medications: Mapping[str, ItemEntry] | None) -> bool | None:
    """Whether a visit's medications include a daily corticosteroid dose above zero."""
    if not medications:
        return None
    for drug in DAILY_CORTICOSTEROIDS:
        entry = medications.get(f"{drug}_dose")
        if entry is not None and entry.value_num is not None and entry.value_num > 0:
            return True
    return False
