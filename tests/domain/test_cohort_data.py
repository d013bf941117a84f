"""What a visit contributes to the cohort (app.domain.cohort.data): steroids from the
medications, the baseline values from the one scoring path, nothing imputed."""

from __future__ import annotations

import pytest

from app.domain.cohort.data import (
    baseline_values,
    daily_steroid_mg_kg,
    on_daily_steroid,
    visit_outcome,
)
from app.domain.visit_scores import score_visit
from app.domain.visit_values import ItemEntry as E


def test_daily_steroid_dose_per_kg():
    # 15 mg prednisone daily at 30 kg: 15 / 30 = 0.5 mg/kg/day
    values = {"medications": {"prednisone_dose": E(15.0, None, "mg"),
                              "prednisone_frequency": E(None, "once daily")},
              "vitals": {"weight_kg": E(30.0)}}
    assert daily_steroid_mg_kg(values) == pytest.approx(0.5)
    # no weight at the visit, a dose in g, or a weekly frequency: not computable, never guessed
    assert daily_steroid_mg_kg({"medications": values["medications"]}) is None
    assert daily_steroid_mg_kg({**values, "medications": {
        "prednisone_dose": E(0.015, None, "g"),
        "prednisone_frequency": E(None, "daily")}}) is None
    assert daily_steroid_mg_kg({**values, "medications": {
        "prednisone_dose": E(15.0, None, "mg"),
        "prednisone_frequency": E(None, "weekly")}}) is None


def test_on_daily_steroid_needs_medications_recorded():
    assert on_daily_steroid(None) is None  # nothing recorded: unknown, not "off"
    assert on_daily_steroid({}) is None
    assert on_daily_steroid({"mycophenolate mofetil_dose": E(600.0, None, "mg")}) is False
    assert on_daily_steroid({"prednisone_dose": E(0.0, None, "mg")}) is False
    assert on_daily_steroid({"prednisolone_dose": E(5.0, None, "mg")}) is True
    # a methylprednisolone pulse is not a daily corticosteroid
    assert on_daily_steroid({"methylprednisolone_dose": E(500.0, None, "mg")}) is False


def test_baseline_values_come_from_score_visit_and_leave_gaps_empty():
    values = {"global": {"mdaat_cutaneous_vas": E(4.5), "pga_activity": E(2.0)},
              "autoantibodies": {"tif1g": E(None, "positive"), "nxp2": E(None, "negative"),
                                 "mda5": E(None, "not_tested")},
              "cmas": {"cmas_1": E(3.0)}}  # one CMAS item only: no total
    scores = score_visit(values, explain=False)
    b = baseline_values(values, scores, age_years=9.5, female=True, steroid_mg_kg_day=None)
    assert (b.skin_vas, b.pga, b.age_years, b.female) == (4.5, 2.0, 9.5, True)
    assert b.cmas is None and b.chaq is None and b.mmt8 is None  # never a partial sum
    # "not tested" is not a negative result: only tested antibodies count
    assert dict(b.autoantibodies) == {"tif1g": True, "nxp2": False}


def test_visit_outcome_without_scores_leaves_printo_unknown():
    values = {"global": {"mdaat_cutaneous_vas": E(3.0)}}
    outcome = visit_outcome("month_1", 1, 30, values, None, None)
    assert (outcome.printo_inactive, outcome.tis, outcome.skin_vas) == (None, None, 3.0)
    assert outcome.on_daily_steroid is None
