"""The cohort statistics worked by hand (app.domain.cohort.stats).

The Kaplan–Meier reference is the published worked example of Freireich's 6-MP arm
(Gehan 1965; Kleinbaum & Klein, Survival Analysis, table 2.1). No statistics library is
used as a reference: lifelines would bring numpy, scipy, pandas, matplotlib and 17 other
packages into the development environment (measured with `pip install --dry-run`)."""

from __future__ import annotations

import math

import pytest

from app.domain.cohort.stats import (
    kaplan_meier,
    mean_sd,
    per_patient_year,
    quantile,
    smd_binary,
    smd_continuous,
    spread,
)


@pytest.mark.parametrize(("values", "median", "q1", "q3"), [
    # n = 4: median at h = 3 × 0.5 = 1.5 -> 2 + 0.5 × (3 - 2) = 2.5;
    # q1 at h = 0.75 -> 1 + 0.75 × 1 = 1.75; q3 at h = 2.25 -> 3 + 0.25 × 1 = 3.25
    ([4, 1, 3, 2], 2.5, 1.75, 3.25),
    # n = 5 sorted 2, 4, 4, 5, 10: h = 2 -> 4; h = 1 -> 4; h = 3 -> 5
    ([10, 4, 2, 5, 4], 4.0, 4.0, 5.0),
    # n = 1: every quartile is the value
    ([7.5], 7.5, 7.5, 7.5),
    # n = 2, 20 and 50: h = 0.5 -> 35; h = 0.25 -> 20 + 0.25 × 30 = 27.5; h = 0.75 -> 42.5
    ([50, 20], 35.0, 27.5, 42.5),
])
def test_median_and_quartiles_by_linear_interpolation(values, median, q1, q3):
    s = spread(values)
    assert (s.n, s.median, s.q1, s.q3) == (len(values), pytest.approx(median),
                                           pytest.approx(q1), pytest.approx(q3))


def test_no_values_give_no_median_rather_than_zero():
    assert spread([]) == spread(()) and spread([]).median is None
    with pytest.raises(ValueError):
        quantile([], 0.5)


def test_mean_and_sample_sd():
    # 2, 4, 4, 4, 5, 5, 7, 9: mean 40/8 = 5; squares 9+1+1+1+0+0+4+16 = 32; 32/7
    mean, sd = mean_sd([2, 4, 4, 4, 5, 5, 7, 9])
    assert mean == 5 and sd == pytest.approx(math.sqrt(32 / 7))
    assert mean_sd([3.0]) == (3.0, None)  # one value has no SD


def test_smd_continuous():
    # a = 1, 2, 3: mean 2, SD 1; b = 2, 4, 6: mean 4, SD 2
    # (2 - 4) / sqrt((1 + 4) / 2) = -2 / sqrt(2.5) = -1.264911
    assert smd_continuous([1, 2, 3], [2, 4, 6]) == pytest.approx(-2 / math.sqrt(2.5))
    assert smd_continuous([2, 4, 6], [1, 2, 3]) == pytest.approx(1.264911, abs=1e-6)
    # the same values: 0; a group of one has no SD: not computable
    assert smd_continuous([5, 5], [5, 5]) == 0.0
    assert smd_continuous([1], [1, 2]) is None
    assert smd_continuous([], [1, 2]) is None
    # no spread but different means: not standardizable (never a division by zero)
    assert smd_continuous([1, 1], [2, 2]) is None


def test_smd_binary():
    # 3/4 vs 1/4: (0.75 - 0.25) / sqrt((0.75 × 0.25 + 0.25 × 0.75) / 2)
    # = 0.5 / sqrt(0.1875) = 1.154701
    assert smd_binary(3, 4, 1, 4) == pytest.approx(0.5 / math.sqrt(0.1875))
    # 1/2 vs 1/2: 0
    assert smd_binary(1, 2, 1, 2) == 0.0
    # all vs all: 0 (no spread, equal)
    assert smd_binary(4, 4, 2, 2) == 0.0
    # all vs none: no spread in either group, different: not standardizable
    assert smd_binary(4, 4, 0, 3) is None
    assert smd_binary(0, 0, 1, 2) is None


def test_kaplan_meier_published_example_6mp_arm():
    # Freireich 6-MP arm, weeks in remission (* censored):
    # 6,6,6,6*,7,9*,10,10*,11*,13,16,17*,19*,20*,22,23,25*,32*,32*,34*,35*
    data = [(6, True)] * 3 + [(6, False), (7, True), (9, False), (10, True), (10, False),
                              (11, False), (13, True), (16, True), (17, False), (19, False),
                              (20, False), (22, True), (23, True), (25, False), (32, False),
                              (32, False), (34, False), (35, False)]
    km = kaplan_meier(data)
    # at risk / events / S: 6: 21, 3 -> 18/21 = 0.857; 7: 17, 1 -> × 16/17 = 0.807;
    # 10: 15, 1 -> × 14/15 = 0.753; 13: 12, 1 -> × 11/12 = 0.690; 16: 11, 1 -> × 10/11 =
    # 0.627; 22: 7, 1 -> × 6/7 = 0.538; 23: 6, 1 -> × 5/6 = 0.448 (published values)
    expected = [(6, 21, 3, 0.857), (7, 17, 1, 0.807), (10, 15, 1, 0.753), (13, 12, 1, 0.690),
                (16, 11, 1, 0.627), (22, 7, 1, 0.538), (23, 6, 1, 0.448)]
    assert [(s.time, s.at_risk, s.events, round(s.survival, 3)) for s in km.steps] == expected
    # the censoring at 6 is counted after the three events at 6 (still at risk then)
    assert km.steps[0].censored == 1 and km.steps[2].censored == 1
    assert km.survival_at(5.9) == 1.0 and km.survival_at(6) == pytest.approx(18 / 21)
    assert km.survival_at(35) == pytest.approx(0.448, abs=5e-4)
    assert km.at_risk(10) == 15 and km.at_risk(36) == 0 and km.events_by(16) == 7
    assert km.censored_times.count(32) == 2 and len(km.censored_times) == 12


def test_kaplan_meier_all_censored_stays_at_one():
    km = kaplan_meier([(3, False), (5, False)])
    assert km.steps == () and km.survival_at(100) == 1.0 and km.n == 2


def test_rate_per_patient_year():
    # 3 events in 730.5 days = 2 patient-years -> 1.5 per patient-year
    assert per_patient_year(3, 730.5) == pytest.approx(1.5)
    assert per_patient_year(0, 365.25) == 0.0
    assert per_patient_year(2, 0) is None  # no follow-up: no rate, not infinity
