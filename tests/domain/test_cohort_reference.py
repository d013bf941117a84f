"""The cohort statistics against a well-known library (statsmodels, a test-only dependency).

app.domain.cohort computes its Kaplan–Meier curves and its propensity model in plain
Python (the bundle has no numpy). Here the same data go through statsmodels and numpy:

* Kaplan–Meier: survival at every event time, numbers at risk and events equal
  statsmodels' SurvfuncRight to 1e-9; censorings per time equal a numpy count;
* the logistic model of the arm: coefficients and fitted probabilities equal statsmodels'
  Logit to 1e-6 (both maximise the same likelihood);
* weighted SMDs equal the formula computed with numpy, weighted proportions and means equal
  numpy's weighted average and statsmodels' GLM (binomial, freq_weights) / WLS fits.

Random cohorts come from hypothesis with derandomize=True (the same examples every run)
and from numpy generators with fixed seeds.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
import statsmodels.api as sm
from hypothesis import given, settings
from hypothesis import strategies as st
from statsmodels.duration.survfunc import SurvfuncRight

from app.domain.cohort.data import BaselineValues, CohortPatient, VisitOutcome
from app.domain.cohort.propensity import (
    COVARIATES,
    compare_arms,
    fit_logistic,
    inactive_by,
    stabilised_weights,
    tis_at,
    weighted_smd,
)
from app.domain.cohort.stats import kaplan_meier

FIXED = settings(derandomize=True, max_examples=60, deadline=None)


def assert_km_equals_statsmodels(observations: list[tuple[float, bool]]) -> None:
    km = kaplan_meier(observations)
    time = np.array([t for t, _ in observations], dtype=float)
    status = np.array([1 if e else 0 for _, e in observations])
    if not status.any():
        # statsmodels has no curve without an event; the app's stays at 1
        assert km.steps == () and km.survival_at(float(time.max())) == 1.0
        return
    reference = SurvfuncRight(time, status)
    assert [s.time for s in km.steps] == pytest.approx(list(reference.surv_times), abs=1e-9)
    assert [s.survival for s in km.steps] == pytest.approx(list(reference.surv_prob), abs=1e-9)
    assert [s.at_risk for s in km.steps] == list(reference.n_risk)
    assert [s.events for s in km.steps] == list(reference.n_events)
    for s in km.steps:  # censorings at an event time, counted with numpy
        assert s.censored == int(np.sum((time == s.time) & (status == 0)))
    assert sorted(km.censored_times) == sorted(time[status == 0].tolist())
    for t in np.unique(time):  # numbers at risk at every follow-up time
        assert km.at_risk(float(t)) == int(np.sum(time >= t))
        # S(t) read between event times: the reference's last step at or before t
        before = reference.surv_times <= t
        expected = float(reference.surv_prob[before][-1]) if before.any() else 1.0
        assert km.survival_at(float(t)) == pytest.approx(expected, abs=1e-9)


FREIREICH_6MP = ([(6, True)] * 3 + [(6, False), (7, True), (9, False), (10, True), (10, False),
                                    (11, False), (13, True), (16, True), (17, False),
                                    (19, False), (20, False), (22, True), (23, True),
                                    (25, False), (32, False), (32, False), (34, False),
                                    (35, False)])


@pytest.mark.parametrize("observations", [
    FREIREICH_6MP,
    # Freireich placebo arm (no censoring): 1,1,2,2,3,4,4,5,5,8,8,8,8,11,11,12,12,15,17,22,23
    [(t, True) for t in (1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22,
                         23)],
    [(30.0, True)],  # one child, one event
    [(10.0, False), (20.0, True), (20.0, False), (20.0, True), (40.0, False)],  # ties
    [(5.0, False), (9.0, False)],  # nobody reaches it
    [(1.0, True), (1.0, True), (1.0, True)],  # everybody at once: S falls to 0
], ids=["6-MP", "placebo", "single", "ties", "all-censored", "all-at-once"])
def test_kaplan_meier_constructed_cohorts_equal_statsmodels(observations):
    assert_km_equals_statsmodels(observations)


def test_kaplan_meier_freireich_published_values():
    # Kleinbaum & Klein, Survival Analysis (3rd ed.), the 6-MP arm's KM table:
    # S(6) = 18/21 = 0.857; S(7) = 0.857 × 16/17 = 0.807; S(10) = × 14/15 = 0.753;
    # S(13) = × 11/12 = 0.690; S(16) = × 10/11 = 0.627; S(22) = × 6/7 = 0.538;
    # S(23) = × 5/6 = 0.448
    km = kaplan_meier(FREIREICH_6MP)
    published = [0.857, 0.807, 0.753, 0.690, 0.627, 0.538, 0.448]
    assert [round(s.survival, 3) for s in km.steps] == published
    reference = SurvfuncRight(np.array([t for t, _ in FREIREICH_6MP], dtype=float),
                              np.array([int(e) for _, e in FREIREICH_6MP]))
    assert [round(float(v), 3) for v in reference.surv_prob] == published


@FIXED
@given(st.lists(st.tuples(st.integers(1, 400), st.booleans()), min_size=1, max_size=80))
def test_kaplan_meier_random_cohorts_equal_statsmodels(pairs):
    # integer days as the cohort has them, so ties (events and censorings) are frequent
    assert_km_equals_statsmodels([(float(t), e) for t, e in pairs])


# --------------------------------------------------------------------- the logistic model


def random_design(seed: int, n: int, p: int) -> tuple[np.ndarray, np.ndarray]:
    """Covariates on very different scales (age, 0/1, months, CMAS) and an arm drawn from
    a logistic model of them (so no separation)."""
    rng = np.random.default_rng(seed)
    scales = np.array([4.0, 0.5, 12.0, 10.0, 1.0, 2.0, 0.3])[:p]
    centres = np.array([9.0, 0.0, 8.0, 35.0, 5.0, 3.0, 0.8])[:p]
    x = rng.normal(centres, scales, size=(n, p))
    if p > 1:
        x[:, 1] = rng.random(n) < 0.6  # a 0/1 covariate (female)
    beta = rng.normal(0, 0.5, p) / scales
    eta = -float(centres @ beta) + x @ beta
    y = rng.random(n) < 1 / (1 + np.exp(-eta))
    return x, y


@pytest.mark.parametrize(("seed", "n", "p"), [(1, 40, 2), (2, 200, 4), (3, 500, 7),
                                              (4, 3000, 7), (5, 25, 3)])
def test_logistic_fit_equals_statsmodels_logit(seed, n, p):
    x, y = random_design(seed, n, p)
    fit = fit_logistic(x.tolist(), y.tolist())
    reference = sm.Logit(y.astype(float), sm.add_constant(x)).fit(
        method="newton", tol=1e-12, maxiter=100, disp=0)
    assert list(fit.coefficients) == pytest.approx(list(reference.params), abs=1e-6)
    assert list(fit.fitted) == pytest.approx(list(reference.predict()), abs=1e-6)
    assert [fit.probability(row) for row in x.tolist()] == pytest.approx(
        list(reference.predict()), abs=1e-6)
    assert fit.log_likelihood == pytest.approx(reference.llf, abs=1e-6)


def test_logistic_fit_from_a_start_reaches_the_same_maximum():
    x, y = random_design(6, 300, 5)
    cold = fit_logistic(x.tolist(), y.tolist())
    warm = fit_logistic(x.tolist(), y.tolist(), start=[c * 1.2 for c in cold.coefficients])
    assert list(warm.coefficients) == pytest.approx(list(cold.coefficients), abs=1e-9)


# ----------------------------------------------------------- the whole weighted comparison


def random_cohort(seed: int, n: int) -> list[CohortPatient]:
    """Children on arms A and B with every covariate of the model, the arm drawn from a
    logistic model of them, and month-6/12 outcomes (some missing)."""
    rng = np.random.default_rng(seed)
    cohort = []
    for i in range(n):
        age = float(rng.uniform(2, 17))
        female = bool(rng.random() < 0.65)
        duration = float(rng.gamma(2, 4))
        skin, pga = float(rng.uniform(0, 10)), float(rng.uniform(0, 10))
        cmas, chaq = float(rng.integers(10, 53)), float(rng.choice(np.arange(0, 3.01, 0.125)))
        eta = -0.5 + 0.08 * (age - 9) + 0.15 * (skin - 5) - 0.03 * (cmas - 35) + 0.3 * female
        arm = "B" if rng.random() < 1 / (1 + np.exp(-eta)) else "A"
        visits = [VisitOutcome("baseline", 0, 0, False)]
        if rng.random() < 0.85:
            visits.append(VisitOutcome("month_6", 6, int(rng.integers(170, 200)),
                                       bool(rng.random() < 0.3),
                                       float(np.round(rng.uniform(0, 80), 1))))
        if rng.random() < 0.7:
            visits.append(VisitOutcome("month_12", 12, int(rng.integers(350, 380)),
                                       bool(rng.random() < 0.5),
                                       float(np.round(rng.uniform(0, 100), 1))))
        cohort.append(CohortPatient(
            f"P{i:04d}", "persistent-skin-rash", arm, "active", False, date(2025, 1, 6),
            BaselineValues(age_years=age, female=female, disease_duration_months=duration,
                           skin_vas=skin, pga=pga, cmas=cmas, chaq=chaq), tuple(visits)))
    return cohort


OUTCOMES = [inactive_by(6, 211), inactive_by(12, 393), tis_at(6), tis_at(12)]


@pytest.mark.parametrize(("seed", "n"), [(11, 120), (12, 400), (13, 1500)])
def test_weighted_comparison_equals_statsmodels_and_numpy(seed, n):
    cohort = random_cohort(seed, n)
    out = compare_arms(cohort, "A", "B", OUTCOMES)
    assert out.not_shown is None
    complete = [p for p in cohort if p.study_id in set(out.complete)]
    x = np.array([[float(c.value(p.baseline)) for c in COVARIATES] for p in complete])
    on_b = np.array([p.arm == "B" for p in complete])

    # the propensity model: statsmodels' maximum-likelihood logistic regression
    reference = sm.Logit(on_b.astype(float), sm.add_constant(x)).fit(
        method="newton", tol=1e-12, maxiter=100, disp=0)
    assert list(out.fit.coefficients) == pytest.approx(list(reference.params), abs=1e-6)
    scores = np.array([out.scores[p.study_id] for p in complete])
    assert scores == pytest.approx(reference.predict(), abs=1e-6)

    # stabilised weights from statsmodels' probabilities, truncated at numpy's 1st and
    # 99th percentiles (numpy's default "linear" is the same type 7)
    share_b = on_b.mean()
    raw = np.where(on_b, share_b / reference.predict(), (1 - share_b) / (1 - reference.predict()))
    low, high = np.percentile(raw, [1, 99])
    w = np.clip(raw, low, high)
    assert np.array([out.weights[p.study_id] for p in complete]) == pytest.approx(w, abs=1e-6)
    assert out.truncated_at == pytest.approx((low, high), abs=1e-6)

    # weighted SMDs: (m_a - m_b) / sqrt((s_a² + s_b²) / 2) with numpy's weighted averages
    def weighted_var(v, wt):
        m = np.average(v, weights=wt)
        return wt.sum() / (wt.sum() ** 2 - (wt ** 2).sum()) * np.sum(wt * (v - m) ** 2)

    for j, (c, row) in enumerate(zip(COVARIATES, out.balance, strict=True)):
        a, b = x[~on_b, j], x[on_b, j]
        wa, wb = w[~on_b], w[on_b]
        ma, mb = np.average(a, weights=wa), np.average(b, weights=wb)
        if c.binary:
            va, vb = ma * (1 - ma), mb * (1 - mb)
        else:
            va, vb = weighted_var(a, wa), weighted_var(b, wb)
        assert row.smd_after == pytest.approx((ma - mb) / np.sqrt((va + vb) / 2), abs=1e-9)
        ua, ub = a.mean(), b.mean()
        if c.binary:
            va, vb = ua * (1 - ua), ub * (1 - ub)
        else:
            va, vb = a.var(ddof=1), b.var(ddof=1)
        assert row.smd_before == pytest.approx((ua - ub) / np.sqrt((va + vb) / 2), abs=1e-9)

    # weighted proportions and means per arm, among the patients whose outcome is known
    for definition, result in zip(OUTCOMES, out.outcomes, strict=True):
        values = np.array([np.nan if (v := definition.value(p)) is None else float(v)
                           for p in complete])
        known = ~np.isnan(values)
        per_arm = []
        for arm in (~on_b, on_b):
            chosen = known & arm
            expected = np.average(values[chosen], weights=w[chosen])
            if definition.binary:  # an intercept-only binomial GLM with these weights
                glm = sm.GLM(values[chosen], np.ones(chosen.sum()),
                             family=sm.families.Binomial(), freq_weights=w[chosen]).fit()
                assert glm.predict()[0] == pytest.approx(expected, abs=1e-9)
            else:
                wls = sm.WLS(values[chosen], np.ones(chosen.sum()), weights=w[chosen]).fit()
                assert wls.params[0] == pytest.approx(expected, abs=1e-9)
            per_arm.append(expected)
            assert result.n[0 if arm is not on_b else 1] == int(chosen.sum())
        assert result.weighted == pytest.approx(tuple(per_arm), abs=1e-9)
        assert result.difference == pytest.approx(per_arm[0] - per_arm[1], abs=1e-9)


@FIXED
@given(st.lists(st.tuples(st.floats(0, 100), st.floats(0.05, 20)), min_size=2, max_size=30),
       st.lists(st.tuples(st.floats(0, 100), st.floats(0.05, 20)), min_size=2, max_size=30))
def test_weighted_smd_equals_numpy(a, b):
    xa, wa = np.array([v for v, _ in a]), np.array([w for _, w in a])
    xb, wb = np.array([v for v, _ in b]), np.array([w for _, w in b])

    def weighted_var(v, wt):
        m = np.average(v, weights=wt)
        return wt.sum() / (wt.sum() ** 2 - (wt ** 2).sum()) * np.sum(wt * (v - m) ** 2)

    pooled = np.sqrt((weighted_var(xa, wa) + weighted_var(xb, wb)) / 2)
    got = weighted_smd(xa.tolist(), wa.tolist(), xb.tolist(), wb.tolist(), binary=False)
    if pooled < 1e-9:
        return  # no spread: the app says 0 or not standardizable (tested by hand elsewhere)
    expected = (np.average(xa, weights=wa) - np.average(xb, weights=wb)) / pooled
    assert got == pytest.approx(expected, rel=1e-7, abs=1e-9)


def test_stabilised_weights_equal_numpy_without_truncation():
    x, y = random_design(21, 200, 3)
    fit = fit_logistic(x.tolist(), y.tolist())
    weights, limits = stabilised_weights(y.tolist(), list(fit.fitted), truncate=None)
    e = np.array(fit.fitted)
    expected = np.where(y, y.mean() / e, (1 - y.mean()) / (1 - e))
    assert limits is None and np.array(weights) == pytest.approx(expected, abs=1e-12)
