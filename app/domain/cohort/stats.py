"""The few statistics the cohort view needs, written out so each can be checked by hand.

* Quantiles by linear interpolation between order statistics (Hyndman & Fan type 7, the
  default of R and NumPy): position h = (n - 1) q, value x[⌊h⌋] + (h - ⌊h⌋)(x[⌊h⌋+1] - x[⌊h⌋]).
* Standardized mean difference (Austin 2009, Stat Med 28:3083): continuous
  (m1 - m2) / sqrt((s1² + s2²) / 2) with sample SDs (n - 1); binary
  (p1 - p2) / sqrt((p1(1 - p1) + p2(1 - p2)) / 2).
* Kaplan–Meier product-limit estimate; at a time with both events and censorings the
  events are counted first (the censored children were still at risk then).
* Rates per patient-year: events / (days / 365.25).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

DAYS_PER_YEAR = 365.25
DAYS_PER_MONTH = DAYS_PER_YEAR / 12  # 30.4375


def quantile(ordered: Sequence[float], q: float) -> float:
    """The q-quantile of already sorted values (type 7)."""
    if not ordered:
        raise ValueError("no values")
    h = (len(ordered) - 1) * q
    low = math.floor(h)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (h - low) * (ordered[high] - ordered[low])


@dataclass(frozen=True)
class Spread:
    """Median and interquartile range of ``n`` values (None without values)."""

    n: int
    median: float | None
    q1: float | None
    q3: float | None


def spread(values: Iterable[float]) -> Spread:
    ordered = sorted(values)
    if not ordered:
        return Spread(0, None, None, None)
    return Spread(len(ordered), quantile(ordered, 0.5), quantile(ordered, 0.25),
                  quantile(ordered, 0.75))


def mean_sd(values: Sequence[float]) -> tuple[float | None, float | None]:
    """Mean and sample standard deviation (n - 1); the SD needs two values."""
    n = len(values)
    if n == 0:
        return None, None
    mean = math.fsum(values) / n
    if n < 2:
        return mean, None
    return mean, math.sqrt(math.fsum((v - mean) ** 2 for v in values) / (n - 1))


def smd_continuous(a: Sequence[float], b: Sequence[float]) -> float | None:
    """(m1 - m2) / sqrt((s1² + s2²) / 2); None when either group has fewer than two
    values or both have no spread (the difference is then not standardizable)."""
    m1, s1 = mean_sd(a)
    m2, s2 = mean_sd(b)
    if m1 is None or m2 is None or s1 is None or s2 is None:
        return None
    pooled = math.sqrt((s1 * s1 + s2 * s2) / 2)
    if pooled == 0:
        return 0.0 if m1 == m2 else None
    return (m1 - m2) / pooled


def smd_binary(yes_a: int, n_a: int, yes_b: int, n_b: int) -> float | None:
    """(p1 - p2) / sqrt((p1(1 - p1) + p2(1 - p2)) / 2); None without patients or when
    both proportions are 0 or both 1 with a difference (cannot happen) — 0.0 when equal."""
    if n_a == 0 or n_b == 0:
        return None
    p1, p2 = yes_a / n_a, yes_b / n_b
    pooled = math.sqrt((p1 * (1 - p1) + p2 * (1 - p2)) / 2)
    if pooled == 0:
        return 0.0 if p1 == p2 else None
    return (p1 - p2) / pooled


@dataclass(frozen=True)
class KmStep:
    """One event time of a Kaplan–Meier curve."""

    time: float
    at_risk: int  # still followed just before ``time``
    events: int
    censored: int  # censored exactly at ``time`` (after the events)
    survival: float  # S(time), just after the events


@dataclass(frozen=True)
class KaplanMeier:
    n: int
    steps: tuple[KmStep, ...]  # at the event times only
    censored_times: tuple[float, ...]  # every censoring time (the curve's + marks)
    times: tuple[float, ...]  # every follow-up time, sorted (for numbers at risk)

    def survival_at(self, t: float) -> float:
        """S(t): the curve is right-continuous, 1 before the first event."""
        value = 1.0
        for step in self.steps:
            if step.time > t:
                break
            value = step.survival
        return value

    def at_risk(self, t: float) -> int:
        """Children still followed at ``t`` (follow-up time ≥ t)."""
        return sum(1 for time in self.times if time >= t)

    def events_by(self, t: float) -> int:
        return sum(s.events for s in self.steps if s.time <= t)


def kaplan_meier(observations: Iterable[tuple[float, bool]]) -> KaplanMeier:
    """The product-limit estimate from (time, event) pairs; event False = censored."""
    data = sorted(observations)
    times = tuple(t for t, _ in data)
    at_risk = len(data)
    survival = 1.0
    steps: list[KmStep] = []
    censored_times: list[float] = []
    i = 0
    while i < len(data):
        t = data[i][0]
        events = censored = 0
        while i < len(data) and data[i][0] == t:
            if data[i][1]:
                events += 1
            else:
                censored += 1
                censored_times.append(t)
            i += 1
        if events:
            survival *= 1 - events / at_risk
            steps.append(KmStep(t, at_risk, events, censored, survival))
        at_risk -= events + censored
    return KaplanMeier(len(data), tuple(steps), tuple(censored_times), times)


def per_patient_year(events: int, days: float) -> float | None:
    """Events per patient-year of follow-up (None without follow-up time)."""
    return None if days <= 0 else events / (days / DAYS_PER_YEAR)
