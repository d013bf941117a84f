"""Bootstrap intervals for the exploratory weighted comparison of two arms.

The weighted difference (``propensity.compare_arms``) depends on a fitted model, so its
uncertainty includes the model's: each replicate resamples the patients *within each arm*
(the arms keep their sizes, as the clinicians' choices fixed them), re-fits the logistic
model on the resampled patients, re-derives the truncated stabilised weights and computes
the weighted differences again. The 95% interval is the 2.5th and 97.5th percentiles of
the replicates' differences (percentile method, Efron & Tibshirani 1993 ch. 13; quantiles
type 7 as everywhere in the cohort view).

Reproducible: the random numbers come from ``random.Random(seed)`` with a fixed seed, drawn
in a stated order (per replicate: ``choices`` of arm a's complete cases, then of arm b's),
so the window, the command and the PDF give the same interval for the same data. A
replicate whose model cannot be fitted (the resample separates the arms, or a covariate
has one value in it) is counted and left out; an outcome unknown on one arm of a
replicate leaves that replicate out of that outcome's interval only (each interval says
how many replicates it rests on).
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from app.domain.cohort.data import CohortPatient
from app.domain.cohort.propensity import (
    COVARIATES,
    Covariate,
    ModelNotFitted,
    OutcomeDefinition,
    PropensityComparison,
    arm_means,
    as_number,
    fit_logistic,
    stabilised_weights,
)
from app.domain.cohort.stats import quantile

REPLICATES = 1000  # the usual minimum for a percentile interval (Efron & Tibshirani)
SEED = 20261203  # fixed: the same data always give the same interval
LEVEL = 0.95


class BootstrapCancelled(Exception):
    """The person stopped the bootstrap; nothing was kept."""


@dataclass(frozen=True)
class Interval:
    label: str
    low: float | None  # None when too few replicates had the outcome on both arms
    high: float | None
    replicates: int  # replicates the interval rests on


@dataclass(frozen=True)
class BootstrapIntervals:
    arm_a: str
    arm_b: str
    replicates: int  # asked for
    seed: int
    not_fitted: int  # replicates whose model could not be fitted (left out)
    reasons: tuple[tuple[str, int], ...]  # why not, with how many replicates
    intervals: tuple[Interval, ...]  # in the order of the comparison's outcomes
    level: float = LEVEL

    def interval(self, label: str) -> Interval | None:
        return next((i for i in self.intervals if i.label == label), None)


def resample_order(rng: random.Random, arm_a: Sequence[int], arm_b: Sequence[int],
                   ) -> list[int]:
    """One replicate's patients (indices into the complete cases): as many draws with
    replacement from each arm as it has, arm a first."""
    return rng.choices(arm_a, k=len(arm_a)) + rng.choices(arm_b, k=len(arm_b))


def bootstrap_intervals(patients: Sequence[CohortPatient], comparison: PropensityComparison,
                        outcomes: Sequence[OutcomeDefinition],
                        covariates: Sequence[Covariate] = COVARIATES, *,
                        replicates: int = REPLICATES, seed: int = SEED,
                        progress: Callable[[int, int], bool] | None = None,
                        ) -> BootstrapIntervals | None:
    """Percentile intervals of the weighted differences a − b of ``comparison`` (None when
    the comparison itself is not shown). ``progress(done, total)`` is called after each
    replicate; returning False stops the work (``BootstrapCancelled``)."""
    if comparison.fit is None:
        return None
    by_id = {p.study_id: p for p in patients}
    complete = [by_id[i] for i in comparison.complete]
    rows = [[float(c.value(p.baseline)) for c in covariates] for p in complete]  # type: ignore[arg-type]
    on_b = [p.arm == comparison.arm_b for p in complete]
    values = [[as_number(d.value(p)) for p in complete] for d in outcomes]
    arm_a = [i for i, b in enumerate(on_b) if not b]
    arm_b = [i for i, b in enumerate(on_b) if b]
    rng = random.Random(seed)
    differences: list[list[float]] = [[] for _ in outcomes]
    reasons: Counter[str] = Counter()
    for done in range(1, replicates + 1):
        order = resample_order(rng, arm_a, arm_b)
        sample_b = [on_b[i] for i in order]
        try:
            fit = fit_logistic([rows[i] for i in order], sample_b,
                               start=comparison.fit.coefficients)
        except ModelNotFitted as reason:
            reasons[str(reason)] += 1
        else:
            weights, _ = stabilised_weights(sample_b, fit.fitted)
            sample_a = [not b for b in sample_b]
            for out, column in zip(differences, values, strict=True):
                means = arm_means([column[i] for i in order], sample_a, weights)
                if means is not None:
                    out.append(means[0] - means[1])
        if progress is not None and not progress(done, replicates):
            raise BootstrapCancelled("the bootstrap was stopped")
    tail = (1 - LEVEL) / 2
    intervals = []
    for definition, out in zip(outcomes, differences, strict=True):
        ordered = sorted(out)
        if len(ordered) < 2:
            intervals.append(Interval(definition.label, None, None, len(ordered)))
        else:
            intervals.append(Interval(definition.label, quantile(ordered, tail),
                                      quantile(ordered, 1 - tail), len(ordered)))
    return BootstrapIntervals(comparison.arm_a, comparison.arm_b, replicates, seed,
                              sum(reasons.values()), tuple(sorted(reasons.items())),
                              tuple(intervals))

