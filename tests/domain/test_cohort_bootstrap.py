"""Bootstrap intervals of the weighted comparison (app.domain.cohort.bootstrap).

The test writes the bootstrap out plainly — the same random draws (random.Random(seed):
per replicate ``choices`` of arm a's complete cases, then arm b's), the model fitted from
scratch on the resampled children, the weights, the weighted means, the sorted differences
and their 2.5th/97.5th percentiles by linear interpolation — and the module must give the
same intervals. Nothing in it is a wall-clock limit.
"""

from __future__ import annotations

import math
import random
from datetime import date

import pytest

from app.domain.cohort.bootstrap import (
    BootstrapCancelled,
    bootstrap_intervals,
    resample_order,
)
from app.domain.cohort.data import BaselineValues, CohortPatient, VisitOutcome
from app.domain.cohort.propensity import (
    COVARIATES,
    ModelNotFitted,
    compare_arms,
    fit_logistic,
    inactive_by,
    stabilised_weights,
    tis_at,
)

AGE_FEMALE = [c for c in COVARIATES if c.key in ("age", "female")]
START = date(2026, 1, 5)


def child(study_id, arm, age, female, tis6, inactive6):
    visits = (VisitOutcome("baseline", 0, 0, False),
              VisitOutcome("month_6", 6, 183, inactive6, tis6))
    return CohortPatient(study_id, "persistent-skin-rash", arm, "active", False, START,
                         BaselineValues(age_years=age, female=female), visits)


# Six children a side, ages and sexes overlapping (the full sample's model converges);
# small enough that some resamples separate the arms or have one sex only.
TINY = [
    child("A1", "A", 5.0, True, 40.0, True), child("A2", "A", 7.0, False, 20.0, False),
    child("A3", "A", 9.0, True, 30.0, False), child("A4", "A", 11.0, True, None, None),
    child("A5", "A", 6.0, False, 60.0, True), child("A6", "A", 13.0, True, 35.0, False),
    child("B1", "B", 8.0, True, 50.0, True), child("B2", "B", 12.0, False, 10.0, False),
    child("B3", "B", 14.0, False, 70.0, True), child("B4", "B", 10.0, True, 20.0, False),
    child("B5", "B", 15.0, False, 30.0, True), child("B6", "B", 6.5, True, 45.0, True),
]
OUTCOMES = [tis_at(6), inactive_by(6, 211)]


def plain_bootstrap(patients, comparison, replicates, seed):
    """The bootstrap as a statistician would write it, nothing shared but the model."""
    complete = [p for p in patients if p.study_id in comparison.complete]
    complete.sort(key=lambda p: comparison.complete.index(p.study_id))
    arm_a = [i for i, p in enumerate(complete) if p.arm == "A"]
    arm_b = [i for i, p in enumerate(complete) if p.arm == "B"]
    rng = random.Random(seed)
    differences = {d.label: [] for d in OUTCOMES}
    not_fitted = 0
    for _ in range(replicates):
        sample = [complete[i] for i in rng.choices(arm_a, k=len(arm_a))]
        sample += [complete[i] for i in rng.choices(arm_b, k=len(arm_b))]
        rows = [[p.baseline.age_years, 1.0 if p.baseline.female else 0.0] for p in sample]
        on_b = [p.arm == "B" for p in sample]
        try:
            fit = fit_logistic(rows, on_b)  # from scratch, not from the full sample's fit
        except ModelNotFitted:
            not_fitted += 1
            continue
        weights, _ = stabilised_weights(on_b, [fit.probability(r) for r in rows])
        for d in OUTCOMES:
            sums = {"A": [0.0, 0.0], "B": [0.0, 0.0]}
            for p, w in zip(sample, weights, strict=True):
                value = d.value(p)
                if value is not None:
                    sums[p.arm][0] += w * float(value)
                    sums[p.arm][1] += w
            if sums["A"][1] and sums["B"][1]:
                differences[d.label].append(sums["A"][0] / sums["A"][1]
                                            - sums["B"][0] / sums["B"][1])
    intervals = {}
    for label, values in differences.items():
        values.sort()

        def percentile(q, values=values):
            h = (len(values) - 1) * q  # type 7: between order statistics ⌊h⌋ and ⌊h⌋+1
            low = math.floor(h)
            high = min(low + 1, len(values) - 1)
            return values[low] + (h - low) * (values[high] - values[low])

        intervals[label] = (percentile(0.025), percentile(0.975), len(values))
    return intervals, not_fitted


def test_intervals_equal_the_bootstrap_written_out_plainly():
    comparison = compare_arms(TINY, "A", "B", OUTCOMES, AGE_FEMALE, min_per_arm=5)
    assert comparison.not_shown is None
    result = bootstrap_intervals(TINY, comparison, OUTCOMES, AGE_FEMALE, replicates=400,
                                 seed=7)
    expected, not_fitted = plain_bootstrap(TINY, comparison, 400, 7)
    # six a side: some resamples have a covariate with one value or separated arms
    assert not_fitted > 0
    assert result.not_fitted == not_fitted
    assert sum(n for _, n in result.reasons) == not_fitted
    assert {reason for reason, _ in result.reasons} <= {
        "the covariates separate the arms", "a covariate has the same value for everyone",
        "the model did not converge", "the covariates are collinear"}
    assert result.replicates == 400 and result.seed == 7 and result.level == 0.95
    for interval in result.intervals:
        low, high, used = expected[interval.label]
        assert interval.replicates == used <= 400 - not_fitted
        assert interval.low == pytest.approx(low, abs=1e-9)
        assert interval.high == pytest.approx(high, abs=1e-9)
    # the intervals contain the point estimates
    for outcome in comparison.outcomes:
        interval = result.interval(outcome.label)
        assert interval.low <= outcome.difference <= interval.high


def test_same_seed_same_intervals_other_seed_other_intervals():
    comparison = compare_arms(TINY, "A", "B", OUTCOMES, AGE_FEMALE, min_per_arm=5)
    first = bootstrap_intervals(TINY, comparison, OUTCOMES, AGE_FEMALE, replicates=60, seed=3)
    again = bootstrap_intervals(TINY, comparison, OUTCOMES, AGE_FEMALE, replicates=60, seed=3)
    other = bootstrap_intervals(TINY, comparison, OUTCOMES, AGE_FEMALE, replicates=60, seed=4)
    assert first == again
    assert first.intervals != other.intervals


def test_the_draws_are_within_arm_and_keep_the_arm_sizes():
    rng = random.Random(1)
    order = resample_order(rng, [0, 1, 2], [3, 4])
    assert len(order) == 5
    assert set(order[:3]) <= {0, 1, 2} and set(order[3:]) <= {3, 4}


def test_progress_is_reported_and_cancel_stops_it():
    comparison = compare_arms(TINY, "A", "B", OUTCOMES, AGE_FEMALE, min_per_arm=5)
    seen = []

    def progress(done, total):
        seen.append((done, total))
        return done < 5  # the person presses Cancel during the fifth replicate

    with pytest.raises(BootstrapCancelled):
        bootstrap_intervals(TINY, comparison, OUTCOMES, AGE_FEMALE, replicates=50,
                            progress=progress)
    assert seen == [(i, 50) for i in range(1, 6)]


def test_no_interval_without_a_comparison():
    comparison = compare_arms(TINY, "A", "B", OUTCOMES, AGE_FEMALE, min_per_arm=10)
    assert comparison.not_shown is not None
    assert bootstrap_intervals(TINY, comparison, OUTCOMES, AGE_FEMALE, replicates=10) is None


def test_the_cohort_table_gives_the_intervals_and_how_they_were_made():
    from test_cohort_reference import random_cohort

    from app.domain.cohort.outcomes import (
        ScheduledVisit,
        add_intervals,
        cohort_outcomes,
        tables,
        weighted_outcomes,
    )

    cohort = random_cohort(31, 160)
    schedule = [ScheduledVisit("baseline", "Baseline", 0, 14),
                ScheduledVisit("month_6", "Month 6", 6, 28),
                ScheduledVisit("month_12", "Month 12", 12, 28)]
    out = cohort_outcomes(cohort, [("A", "IVIG"), ("B", "MMF")], schedule)
    comparison = out.propensity[("A", "B")]
    assert comparison.not_shown is None
    rows = {r[0].text: r[1].text for r in next(t for t in tables(out)
                                               if t.key == "propensity").rows}
    assert rows["95% intervals (bootstrap)"].startswith("not computed")
    assert "CI" not in rows["TIS at month 6"]

    seen = []
    add_intervals(out, cohort, replicates=30, seed=5,
                  progress=lambda done, total: seen.append((done, total)) or True)
    assert seen[-1] == (30, 30) and len(seen) == 30  # one pair shown: 30 replicates
    direct = bootstrap_intervals(cohort, comparison, weighted_outcomes(out), replicates=30,
                                 seed=5)
    assert out.intervals[("A", "B")] == direct
    rows = {r[0].text: r[1].text for r in next(t for t in tables(out)
                                               if t.key == "propensity").rows}
    assert rows["95% intervals (bootstrap)"].startswith(
        "30 replicates resampled within arm, model re-fitted each time (seed 5); "
        f"model not fitted in {direct.not_fitted}")
    tis6 = direct.interval("TIS at month 6")
    assert (f"95% CI {tis6.low:+.1f} to {tis6.high:+.1f} from {tis6.replicates} replicates"
            in rows["TIS at month 6"])
    inactive6 = direct.interval("Inactive disease (PRINTO) by month 6")
    assert (f"points, 95% CI {100 * inactive6.low:+.0f} to {100 * inactive6.high:+.0f}"
            in rows["Inactive disease (PRINTO) by month 6"])


def test_a_cancelled_bootstrap_leaves_the_outcomes_as_they_were():
    from test_cohort_reference import random_cohort

    from app.domain.cohort.outcomes import ScheduledVisit, add_intervals, cohort_outcomes

    cohort = random_cohort(32, 120)
    out = cohort_outcomes(cohort, [("A", "IVIG"), ("B", "MMF")],
                          [ScheduledVisit("month_6", "Month 6", 6, 28)])
    with pytest.raises(BootstrapCancelled):
        add_intervals(out, cohort, replicates=10, progress=lambda done, total: done < 3)
    assert out.intervals == {}


def test_a_bound_rounded_to_nothing_reads_as_zero():
    from app.domain.cohort.bootstrap import Interval
    from app.domain.cohort.outcomes import _weighted_text
    from app.domain.cohort.propensity import WeightedOutcome

    comparison = compare_arms(TINY, "A", "B", OUTCOMES, AGE_FEMALE, min_per_arm=5)
    # inactive: weighted 0.99 vs 0.98 (+1 point); interval -0.0014 to +0.0229 -> "0 to +2"
    outcome = WeightedOutcome("Inactive", True, (10, 12), (0.99, 0.98), (0.99, 0.98))
    text = _weighted_text(comparison, outcome, Interval("Inactive", -0.0014, 0.0229, 1000))
    assert "(+1 points, 95% CI 0 to +2 from 1000 replicates)" in text
    # TIS: -0.04 rounds to -0.0 -> "0.0"; +2.66 -> "+2.7"
    outcome = WeightedOutcome("TIS", False, (10, 12), (20.0, 19.0), (20.0, 19.0))
    text = _weighted_text(comparison, outcome, Interval("TIS", -0.04, 2.66, 990))
    assert "(+1.0, 95% CI 0.0 to +2.7 from 990 replicates)" in text
