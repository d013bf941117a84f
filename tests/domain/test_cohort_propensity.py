"""The exploratory propensity-score comparison (app.domain.cohort.propensity), checked by
hand and against a published logistic-regression example.

The hand-made cohort has one binary covariate (female), so the fitted model is saturated
and its probabilities are plain shares: the maximum-likelihood e(x) of a logistic model
with an intercept and one 0/1 covariate is the share on arm B among the patients with
that value. Everything after it (weights, truncation, SMDs, weighted outcomes) follows by
arithmetic written below.

                 arm A            arm B
    female       A1 A2 A3 A4      B1 B2
    male         A5               B3 B4 B5
"""

from __future__ import annotations

import math
from datetime import date

import pytest

from app.domain.cohort.data import BaselineValues, CohortPatient, VisitOutcome
from app.domain.cohort.propensity import (
    COVARIATES,
    ModelNotFitted,
    compare_arms,
    fit_logistic,
    inactive_by,
    measure,
    stabilised_weights,
    tis_at,
    weighted_mean_variance,
    weighted_smd,
)

FEMALE = [c for c in COVARIATES if c.key == "female"]
START = date(2026, 1, 5)


def child(study_id, arm, female, tis6, inactive6, age=10.0):
    visits = (VisitOutcome("baseline", 0, 0, False),
              VisitOutcome("month_6", 6, 183, inactive6, tis6))
    return CohortPatient(study_id, "persistent-skin-rash", arm, "active", False, START,
                         BaselineValues(age_years=age, female=female), visits)


COHORT = [
    child("A1", "A", True, 40.0, True), child("A2", "A", True, 20.0, False),
    child("A3", "A", True, 30.0, False), child("A4", "A", True, None, None),
    child("A5", "A", False, 60.0, True),
    child("B1", "B", True, 50.0, True), child("B2", "B", True, 10.0, False),
    child("B3", "B", False, 70.0, True), child("B4", "B", False, 20.0, False),
    child("B5", "B", False, 30.0, True),
    child("C1", "C", True, 90.0, True),  # another arm: not in an A-B comparison
    CohortPatient("A6", "persistent-skin-rash", "A", "active", False, START,
                  BaselineValues(age_years=9.0, female=None)),  # sex not recorded
]


def test_the_saturated_model_gives_the_shares_on_arm_b():
    rows = [[1.0]] * 6 + [[0.0]] * 4
    on_b = [False] * 4 + [True] * 2 + [False] + [True] * 3
    fit = fit_logistic(rows, on_b)
    # female: 2 of 6 on B -> 1/3; male: 3 of 4 -> 3/4
    assert fit.probability([1.0]) == pytest.approx(1 / 3, abs=1e-9)
    assert fit.probability([0.0]) == pytest.approx(3 / 4, abs=1e-9)
    # intercept = logit(3/4) = ln 3; slope = logit(1/3) - logit(3/4) = ln(1/2) - ln 3
    assert fit.coefficients[0] == pytest.approx(math.log(3), abs=1e-9)
    assert fit.coefficients[1] == pytest.approx(math.log(0.5) - math.log(3), abs=1e-9)


def test_weights_and_smds_worked_by_hand():
    out = compare_arms(COHORT, "A", "B", [tis_at(6), inactive_by(6, 211)], FEMALE,
                       min_per_arm=5)
    assert out.not_shown is None
    # A6 (sex not recorded) is not a complete case; C1 is on another arm
    assert out.enrolled == (6, 5) and out.complete_by_arm == (5, 5)
    assert "A6" not in out.complete and "C1" not in out.complete
    # P(B) = 5/10 = 0.5. Stabilised weights before truncation:
    #   A female 0.5 / (1 - 1/3) = 0.75     A male 0.5 / (1 - 3/4) = 2
    #   B female 0.5 / (1/3)     = 1.5      B male 0.5 / (3/4)     = 2/3
    # sorted: 2/3 ×3, 0.75 ×4, 1.5 ×2, 2 -> 1st percentile: h = 9 × 0.01 = 0.09 -> 2/3;
    # 99th: h = 9 × 0.99 = 8.91 -> 1.5 + 0.91 × (2 - 1.5) = 1.955 (A5 is clipped to it)
    low, high = out.truncated_at
    assert low == pytest.approx(2 / 3) and high == pytest.approx(1.955)
    w = out.weights
    assert [w[i] for i in ("A1", "A2", "A3", "A4")] == pytest.approx([0.75] * 4)
    assert w["A5"] == pytest.approx(1.955)
    assert [w["B1"], w["B2"]] == pytest.approx([1.5, 1.5])
    assert [w["B3"], w["B4"], w["B5"]] == pytest.approx([2 / 3] * 3)
    assert out.scores["A1"] == pytest.approx(1 / 3) and out.scores["B3"] == pytest.approx(0.75)
    (female,) = out.balance
    # before: p_A = 4/5 = 0.8, p_B = 2/5 = 0.4; SMD = 0.4 / √((0.16 + 0.24)/2) = 0.4/√0.2
    assert female.smd_before == pytest.approx(0.4 / math.sqrt(0.2))  # 0.894
    # after: p_A = 4 × 0.75 / (3 + 1.955) = 3/4.955 = 0.60545; p_B = 3 / (3 + 2) = 0.6
    pa, pb = 3 / 4.955, 0.6
    assert female.smd_after == pytest.approx(
        (pa - pb) / math.sqrt((pa * (1 - pa) + pb * (1 - pb)) / 2))  # 0.0112
    assert abs(female.smd_after) < 0.1 < abs(female.smd_before)
    tis, inactive = out.outcomes
    # TIS at 6, known for A1 A2 A3 A5 (A4 has none) and B1-B5:
    #   crude A = (40 + 20 + 30 + 60)/4 = 37.5; crude B = (50 + 10 + 70 + 20 + 30)/5 = 36
    #   weighted A = (0.75 × (40 + 20 + 30) + 1.955 × 60) / (3 × 0.75 + 1.955)
    #              = (67.5 + 117.3) / 4.205 = 43.947
    #   weighted B = (1.5 × (50 + 10) + 2/3 × (70 + 20 + 30)) / (3 + 2) = (90 + 80)/5 = 34
    assert tis.n == (4, 5)
    assert tis.crude == pytest.approx((37.5, 36.0))
    assert tis.weighted == pytest.approx((184.8 / 4.205, 34.0))
    assert tis.difference == pytest.approx(184.8 / 4.205 - 34.0)
    # inactive by month 6 (day 211): A1 A5 yes, A2 A3 no (A4 unknown); B1 B3 B5 yes
    #   weighted A = (0.75 + 1.955) / (3 × 0.75 + 1.955) = 2.705/4.205 = 0.6433
    #   weighted B = (1.5 + 2/3 + 2/3) / 5 = 2.8333/5 = 0.5667
    assert inactive.n == (4, 5) and inactive.binary
    assert inactive.crude == pytest.approx((0.5, 0.6))
    assert inactive.weighted == pytest.approx((2.705 / 4.205, (1.5 + 4 / 3) / 5))


def test_weighted_mean_and_variance_by_hand():
    # x = 1, 2, 4 with w = 1, 1, 2: Σw = 4, m = (1 + 2 + 8)/4 = 2.75, Σw² = 6,
    # Σw(x - m)² = 3.0625 + 0.5625 + 2 × 1.5625 = 6.75, s² = 4/(16 - 6) × 6.75 = 2.7
    mean, variance = weighted_mean_variance([1, 2, 4], [1, 1, 2])
    assert mean == pytest.approx(2.75) and variance == pytest.approx(2.7)
    # every weight 1: the sample variance (n - 1): m = 7/3, s² = (16/9 + 1/9 + 25/9)/2
    assert weighted_mean_variance([1, 2, 4], [1, 1, 1])[1] == pytest.approx(42 / 18)


def test_a_weight_missing_or_left_over_is_refused_not_dropped():
    """One weight per value: a list shorter or longer is an error, never a sum over the
    shorter one (the sums are taken with map, which would stop at the shorter)."""
    with pytest.raises(ValueError):
        weighted_mean_variance([1.0, 2.0, 4.0], [1.0, 1.0])
    with pytest.raises(ValueError):
        weighted_mean_variance([1.0, 2.0], [1.0, 1.0, 2.0])
    # continuous SMD: a = 1, 2, 4 (m 7/3, s² 7/3); b = 2, 3 (m 2.5, s² 0.5)
    assert weighted_smd([1, 2, 4], [1, 1, 1], [2, 3], [1, 1], binary=False) == pytest.approx(
        (7 / 3 - 2.5) / math.sqrt((7 / 3 + 0.5) / 2))


def test_truncation_can_be_switched_off_and_then_balance_is_exact():
    on_b = [False] * 4 + [True] * 2 + [False] + [True] * 3
    scores = [1 / 3] * 6 + [3 / 4] * 4
    weights, truncated = stabilised_weights(on_b, scores, truncate=None)
    assert truncated is None
    assert weights == pytest.approx([0.75] * 4 + [1.5] * 2 + [2.0] + [2 / 3] * 3)
    # untruncated weights of a saturated model balance the covariate exactly:
    # A female share 3 / (3 + 2) = 0.6 = B female share 3 / (3 + 2)
    females = [True] * 6 + [False] * 4
    a = [(f, w) for f, w, b in zip(females, weights, on_b, strict=True) if not b]
    b = [(f, w) for f, w, b in zip(females, weights, on_b, strict=True) if b]
    assert weighted_smd([float(f) for f, _ in a], [w for _, w in a],
                        [float(f) for f, _ in b], [w for _, w in b],
                        binary=True) == pytest.approx(0.0, abs=1e-12)


# Wikipedia, "Logistic regression", worked example (hours studied and passing an exam):
# 20 students; published estimates intercept -4.0777 (SE 1.7610), hours 1.5046 (SE 0.6287).
HOURS = [0.50, 0.75, 1.00, 1.25, 1.50, 1.75, 1.75, 2.00, 2.25, 2.50, 2.75, 3.00, 3.25, 3.50,
         4.00, 4.25, 4.50, 4.75, 5.00, 5.50]
PASSED = [0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1]


def test_published_logistic_regression_example():
    fit = fit_logistic([[h] for h in HOURS], [bool(p) for p in PASSED])
    assert fit.coefficients[0] == pytest.approx(-4.0777, abs=5e-4)
    assert fit.coefficients[1] == pytest.approx(1.5046, abs=5e-4)
    # the maximum: the score equations Σ(y - p) = 0 and Σ(y - p)x = 0 hold
    residuals = [y - fit.probability([h]) for h, y in zip(HOURS, PASSED, strict=True)]
    assert math.fsum(residuals) == pytest.approx(0, abs=1e-9)
    assert math.fsum(r * h for r, h in zip(residuals, HOURS, strict=True)) == pytest.approx(
        0, abs=1e-9)
    # and the published probability of passing after 2 hours: 0.26 (after 4 hours: 0.87)
    assert fit.probability([2.0]) == pytest.approx(0.26, abs=0.005)
    assert fit.probability([4.0]) == pytest.approx(0.87, abs=0.005)


def test_separated_arms_are_refused_with_a_reason():
    with pytest.raises(ModelNotFitted, match="separate"):
        fit_logistic([[float(i)] for i in range(10)], [i >= 5 for i in range(10)])
    with pytest.raises(ModelNotFitted, match="same value"):
        fit_logistic([[1.0]] * 6, [True, False] * 3)


def test_too_few_complete_cases_is_said_not_computed():
    out = compare_arms(COHORT, "A", "B", [tis_at(6)], FEMALE)  # minimum 10 per arm
    assert out.fit is None and out.outcomes == ()
    assert out.not_shown == ("not shown: fewer than 10 patients with every covariate "
                             "recorded on an arm (A: 5, B: 5)")


def test_the_table_shows_balance_and_weighted_outcomes_with_the_caveats():
    from app.domain.cohort.outcomes import ScheduledVisit, cohort_outcomes, tables
    schedule = [ScheduledVisit("baseline", "Baseline", 0, 14),
                ScheduledVisit("month_6", "Month 6", 6, 28)]
    out = cohort_outcomes(COHORT, [("A", "IVIG"), ("B", "MMF"), ("C", "CSA")], schedule)
    # with every covariate of the model, nobody here is a complete case: said, not shown
    assert out.propensity[("A", "B")].not_shown.startswith("not shown: fewer than 10")
    out.propensity[("A", "B")] = compare_arms(
        COHORT, "A", "B", [tis_at(6), inactive_by(6, 211)], FEMALE, min_per_arm=5)
    table = next(t for t in tables(out) if t.key == "propensity")
    assert table.header == ("", "A vs B", "A vs C", "B vs C")
    rows = {r[0].text: r for r in table.rows}
    complete = rows["Patients with every covariate recorded (of those enrolled)"][1]
    assert complete.text == "A 5/6, B 5/5" and "A6" not in complete.patients
    assert rows["Weighted comparison"][1].text == "shown (exploratory)"
    assert rows["Weighted comparison"][2].text.startswith("not shown")
    # 0.4/√0.2 = 0.894 -> 0.89; after 0.0112 -> 0.01
    assert rows["SMD before → after weighting: Female"][1].text == "0.89 → 0.01"
    # weighted A 184.8/4.205 = 43.95, B 34; difference +9.9; crude 37.5 and 36
    assert rows["TIS at month 6"][1].text == (
        "weighted A 43.9 vs B 34.0 (+9.9); crude 37.5 vs 36.0; n = 4/5")
    # 2.705/4.205 = 64%, 2.8333/5 = 57%, difference +7.7 -> +8 points; crude 50% and 60%
    assert rows["Inactive disease (PRINTO) by month 6"][1].text == (
        "weighted A 64% vs B 57% (+8 points); crude 50% vs 60%; n = 4/5")
    for words in ("observational", "only the covariates measured", "complete cases",
                  "1st and 99th percentiles"):
        assert words in table.note


def test_the_values_measured_once_for_every_pair_give_each_pairs_comparison():
    """cohort_outcomes measures each patient once (``measure``) for all its pairs of arms:
    every pair's comparison is then the one computed from the pair's patients alone (the
    other arm's patients, and one with a covariate not recorded, change nothing)."""
    outcomes = [tis_at(6), inactive_by(6, 211)]
    age_female = [c for c in COVARIATES if c.key in ("age", "female")]
    measured = measure(COHORT, outcomes, age_female)
    assert measured[-1] == (None, [])  # A6: sex not recorded, no outcome worked out
    assert measured[0] == ([10.0, 1.0], [40.0, 1.0])  # A1: age 10, female; TIS 40, inactive
    for a, b in (("A", "B"), ("A", "C"), ("B", "C")):
        alone = compare_arms(COHORT, a, b, outcomes, age_female, min_per_arm=1)
        shared = compare_arms(COHORT, a, b, outcomes, age_female, min_per_arm=1,
                              measured=measured)
        assert repr(shared) == repr(alone)
