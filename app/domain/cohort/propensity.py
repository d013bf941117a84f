"""An exploratory propensity-score comparison of two arms, in plain Python.

The plans exist to compare regimens chosen by clinicians, not by chance (seed 000,
discussion), so a crude difference between arms mixes the effect of the regimen with the
reasons it was chosen. This module re-weights the two arms to look alike on the measured
baseline covariates and compares the main outcomes under those weights:

* **Model.** Logistic regression of "on arm b" (rather than a) on the covariates with an
  intercept, fitted by Newton–Raphson (iteratively reweighted least squares) on the
  patients with every covariate recorded (complete cases; nothing is imputed). The
  covariates are centred and scaled before fitting (the coefficients are reported on the
  original scale) so the steps are well conditioned.
* **Weights.** Stabilised inverse-probability-of-treatment weights (Robins, Hernán &
  Brumback 2000): P(b) / e(x) on arm b, (1 − P(b)) / (1 − e(x)) on arm a, where e(x) is the
  fitted probability of arm b and P(b) the share on arm b among the complete cases; then
  truncated at their 1st and 99th percentiles (Cole & Hernán 2008; quantiles type 7).
* **Balance.** Standardized mean differences before (every weight 1) and after weighting
  (Austin & Stuart 2015): weighted mean m = Σwx / Σw, weighted variance
  s² = Σw / ((Σw)² − Σw²) · Σw(x − m)²; SMD = (m_a − m_b) / √((s_a² + s_b²) / 2). With
  every weight 1 these are the usual mean and sample variance (n − 1).
* **Outcomes.** Weighted proportion (inactive disease by month 6/12) or weighted mean
  (TIS at month 6/12) per arm and their difference a − b, among the complete cases whose
  outcome is known.

It is shown only when each arm has at least ``MIN_PER_ARM`` complete cases and the model
converges; otherwise the result says why not. Its 95% intervals come from a bootstrap that
refits the model (``app.domain.cohort.bootstrap``), computed on request.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import repeat
from operator import add, mul, sub

from app.domain.cohort.data import BaselineValues, CohortPatient
from app.domain.cohort.stats import quantile
from app.domain.phrases import Label, Sentence, joined, phrase, sentence

MIN_PER_ARM = 10  # complete cases per arm before a model is fitted at all
TRUNCATE_AT = (0.01, 0.99)  # weight percentiles
MAX_ITERATIONS = 50
TOLERANCE = 1e-10  # on the largest change of a (scaled) coefficient

CAVEATS = (
    "Exploratory: an observational comparison. Weighting balances only the covariates "
    "measured and listed here; anything else that guided the choice of arm (severity not "
    "captured, family preference, access to infusions) is not accounted for.",
    "Logistic model of the arm on the baseline covariates listed, fitted on the patients "
    "with every covariate recorded (complete cases; nothing imputed). Stabilised weights "
    "P(arm) / P(arm | covariates), truncated at their 1st and 99th percentiles.",
    "|SMD| ≤ 0.1 after weighting is the usual mark of adequate balance. 95% intervals of "
    "the weighted differences: bootstrap percentiles, the patients resampled within each "
    "arm and the model re-fitted in every replicate (a fixed seed, so the same data give "
    "the same interval); replicates whose model could not be fitted are counted and left "
    "out. They are computed on request.",
)


@dataclass(frozen=True)
class Covariate:
    key: str
    label: str
    binary: bool
    value: Callable[[BaselineValues], float | bool | None]


# The baseline covariates a model can use today, in the baseline table's words.
COVARIATES: tuple[Covariate, ...] = (
    Covariate("age", "Age, years", False, lambda b: b.age_years),
    Covariate("female", "Female", True, lambda b: b.female),
    Covariate("disease_duration", "Disease duration at enrollment, months", False,
              lambda b: b.disease_duration_months),
    Covariate("skin_vas", "MDAAT cutaneous activity VAS, cm", False, lambda b: b.skin_vas),
    Covariate("pga", "Physician global activity", False, lambda b: b.pga),
    Covariate("cmas", "CMAS (0-52)", False, lambda b: b.cmas),
    Covariate("chaq", "CHAQ disability index", False, lambda b: b.chaq),
)


class ModelNotFitted(ValueError):
    """The logistic model has no finite maximum (separation) or a singular design."""


# Why a model could not be fitted (said in the table and counted by the bootstrap;
# translated in the interface: app/forms/terms.py lists them among the cohort figures).
COLLINEAR = "the covariates are collinear"
NO_PATIENTS = "no patients"
CONSTANT = "a covariate has the same value for everyone"
SEPARATED = "the covariates separate the arms"
NOT_CONVERGED = "the model did not converge"
NOT_FITTED_REASONS = (COLLINEAR, NO_PATIENTS, CONSTANT, SEPARATED, NOT_CONVERGED)


@dataclass(frozen=True)
class LogisticFit:
    coefficients: tuple[float, ...]  # intercept first, original scale
    iterations: int
    log_likelihood: float
    fitted: tuple[float, ...] = ()  # P(arm b) of each row fitted, in their order

    def probability(self, x: Sequence[float]) -> float:
        eta = self.coefficients[0] + math.fsum(c * v for c, v in zip(self.coefficients[1:], x,
                                                                         strict=True))
        return _expit(eta)


def _expit(eta: float) -> float:
    if eta >= 0:
        return 1 / (1 + math.exp(-eta))
    z = math.exp(eta)
    return z / (1 + z)


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the systems are a few rows)."""
    n = len(vector)
    a = [row[:] + [vector[i]] for i, row in enumerate(matrix)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        if abs(a[pivot][col]) < 1e-12:
            raise ModelNotFitted(COLLINEAR)
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(col + 1, n):
            factor = a[r][col] / a[col][col]
            if factor:
                for c in range(col, n + 1):
                    a[r][c] -= factor * a[col][c]
    out = [0.0] * n
    for r in range(n - 1, -1, -1):
        out[r] = (a[r][n] - math.fsum(a[r][c] * out[c] for c in range(r + 1, n))) / a[r][r]
    return out


def fit_logistic(rows: Sequence[Sequence[float]], outcome: Sequence[bool],
                 start: Sequence[float] | None = None) -> LogisticFit:
    """Maximum-likelihood logistic regression with an intercept (Newton–Raphson).

    Worked column by column (``map`` over whole columns, not a Python loop per patient and
    coefficient pair): 0.06 s of CPU rather than 0.2 s for 5,600 patients and 7 covariates
    (measured), which matters for a bootstrap that re-fits the model a thousand times.
    ``start``: the coefficients (original scale, intercept first) to start from, e.g. the
    fit on the whole sample for a bootstrap replicate; the maximum reached is the same.
    """
    n = len(rows)
    if n == 0 or n != len(outcome):
        raise ModelNotFitted(NO_PATIENTS)
    p = len(rows[0])
    columns = [[float(v) for v in column] for column in zip(*rows, strict=True)]
    centre = [math.fsum(column) / n for column in columns]
    design = [[1.0] * n]
    scale = []
    for column, m in zip(columns, centre, strict=True):
        deviations = [v - m for v in column]
        sd = math.sqrt(math.fsum(map(mul, deviations, deviations)) / n)
        if sd == 0:
            raise ModelNotFitted(CONSTANT)
        scale.append(sd)
        design.append([d / sd for d in deviations])
    y = [1.0 if o else 0.0 for o in outcome]
    if start is None:
        beta = [0.0] * (p + 1)
    else:  # the same model on the scaled covariates: b_j·s_j, a + Σ b_j·c_j
        beta = [start[0] + math.fsum(b * c for b, c in zip(start[1:], centre, strict=True)),
                *(b * s for b, s in zip(start[1:], scale, strict=True))]
    for iteration in range(1, MAX_ITERATIONS + 1):  # noqa: B007 - reported after the loop
        fitted = _fitted(design, beta)
        residual = list(map(sub, y, fitted))
        gradient = [math.fsum(map(mul, residual, column)) for column in design]
        variance = [f * (1 - f) for f in fitted]
        weighted = [variance] + [list(map(mul, variance, column)) for column in design[1:]]
        # The information matrix needs no more than float sums (Newton's steps only have
        # to shrink; the maximum is where the gradient, summed exactly, is zero).
        info = [[0.0] * (p + 1) for _ in range(p + 1)]
        for j in range(p + 1):
            for k in range(j, p + 1):
                info[j][k] = info[k][j] = sum(map(mul, weighted[j], design[k]))
        step = _solve(info, gradient)
        beta = [b + s for b, s in zip(beta, step, strict=True)]
        if max(abs(b) for b in beta) > 30:
            # |coefficient| > 30 per SD: the fitted probabilities run to 0 or 1, the
            # arms are (nearly) separated by the covariates and no finite maximum exists.
            raise ModelNotFitted(SEPARATED)
        if max(abs(s) for s in step) < TOLERANCE:
            break
    else:
        raise ModelNotFitted(NOT_CONVERGED)
    slopes = [beta[j + 1] / scale[j] for j in range(p)]
    intercept = beta[0] - math.fsum(s * c for s, c in zip(slopes, centre, strict=True))
    fitted = _fitted(design, beta)
    log_likelihood = math.fsum(math.log(f) if yi else math.log(1 - f)
                               for f, yi in zip(fitted, y, strict=True))
    return LogisticFit((intercept, *slopes), iteration, log_likelihood, tuple(fitted))


def _fitted(design: list[list[float]], beta: list[float]) -> list[float]:
    """expit(Xβ) for every row of the column-wise design."""
    eta = [beta[0]] * len(design[0])
    for b, column in zip(beta[1:], design[1:], strict=True):
        eta = list(map(add, eta, map(mul, column, repeat(b))))
    # exp(-e) cannot overflow above e = -700; below, the careful form
    return [1 / (1 + math.exp(-e)) if e > -700 else _expit(e) for e in eta]


def stabilised_weights(on_b: Sequence[bool], scores: Sequence[float],
                       truncate: tuple[float, float] | None = TRUNCATE_AT,
                       ) -> tuple[list[float], tuple[float, float] | None]:
    """P(b)/e on arm b, (1 − P(b))/(1 − e) on arm a; then clipped to the weights' own
    percentiles ``truncate`` (returned; None when not truncated)."""
    share_b = sum(on_b) / len(on_b)
    weights = [share_b / e if b else (1 - share_b) / (1 - e)
               for b, e in zip(on_b, scores, strict=True)]
    if truncate is None:
        return weights, None
    ordered = sorted(weights)
    low, high = quantile(ordered, truncate[0]), quantile(ordered, truncate[1])
    return [min(max(w, low), high) for w in weights], (low, high)


def weighted_mean_variance(values: Sequence[float], weights: Sequence[float],
                           ) -> tuple[float, float | None]:
    """m = Σwx/Σw; s² = Σw/((Σw)² − Σw²) · Σw(x − m)² (None with one effective value)."""
    if len(weights) != len(values):
        raise ValueError("one weight per value")
    total = math.fsum(weights)
    # map(mul, ...) rather than a generator: the same products summed exactly, in C.
    mean = math.fsum(map(mul, weights, values)) / total
    denominator = total * total - math.fsum(map(mul, weights, weights))
    if denominator <= 0:
        return mean, None
    spread = math.fsum(w * (x - mean) ** 2 for w, x in zip(weights, values, strict=True))
    return mean, total / denominator * spread


def weighted_smd(a: Sequence[float], wa: Sequence[float], b: Sequence[float],
                 wb: Sequence[float], *, binary: bool) -> float | None:
    """(m_a − m_b) / √((s_a² + s_b²)/2); for a 0/1 covariate s² = m(1 − m)."""
    if not a or not b:
        return None
    ma, va = weighted_mean_variance(a, wa)
    mb, vb = weighted_mean_variance(b, wb)
    if binary:
        va, vb = ma * (1 - ma), mb * (1 - mb)
    if va is None or vb is None:
        return None
    pooled = math.sqrt((va + vb) / 2)
    if pooled == 0:
        return 0.0 if ma == mb else None
    return (ma - mb) / pooled


@dataclass(frozen=True)
class BalanceRow:
    label: str
    smd_before: float | None
    smd_after: float | None


@dataclass(frozen=True)
class WeightedOutcome:
    label: str
    binary: bool
    n: tuple[int, int]  # complete cases with the outcome known, arm a and arm b
    crude: tuple[float, float] | None  # unweighted proportion or mean, a and b
    weighted: tuple[float, float] | None
    patients: tuple[str, ...] = ()

    @property
    def difference(self) -> float | None:
        return None if self.weighted is None else self.weighted[0] - self.weighted[1]


@dataclass(frozen=True)
class PropensityComparison:
    arm_a: str
    arm_b: str
    enrolled: tuple[int, int]
    complete: tuple[str, ...]  # study ids with every covariate recorded
    complete_by_arm: tuple[int, int]
    not_shown: str | None = None  # why there is no weighted comparison
    fit: LogisticFit | None = None
    truncated_at: tuple[float, float] | None = None
    weights: dict[str, float] | None = None  # study id -> weight
    scores: dict[str, float] | None = None  # study id -> fitted P(arm b)
    balance: tuple[BalanceRow, ...] = ()
    outcomes: tuple[WeightedOutcome, ...] = ()
    covariates: tuple[str, ...] = tuple(c.label for c in COVARIATES)


@dataclass(frozen=True)
class OutcomeDefinition:
    label: str
    binary: bool
    value: Callable[[CohortPatient], float | bool | None]


# A patient's covariates (None when one is not recorded) and, with them all recorded, the
# outcomes' values, in the order asked (``measure``).
Measured = tuple[list[float] | None, list[float | None]]


def measure(patients: Sequence[CohortPatient], outcomes: Sequence[OutcomeDefinition],
            covariates: Sequence[Covariate] = COVARIATES) -> list[Measured]:
    """Each patient's ``Measured``, in the patients' order: worked out once for every pair
    of arms compared (``compare_arms``' ``measured``), not once per pair."""
    out: list[Measured] = []
    for p in patients:
        values = [c.value(p.baseline) for c in covariates]
        if all(v is not None for v in values):
            out.append(([float(v) for v in values],  # type: ignore[arg-type]
                        [as_number(d.value(p)) for d in outcomes]))
        else:
            out.append((None, []))
    return out


def compare_arms(patients: Sequence[CohortPatient], arm_a: str, arm_b: str,
                 outcomes: Sequence[OutcomeDefinition],
                 covariates: Sequence[Covariate] = COVARIATES,
                 min_per_arm: int = MIN_PER_ARM, *,
                 measured: Sequence[Measured] | None = None) -> PropensityComparison:
    """The weighted comparison of arm a with arm b (see the module's description).
    ``measured``: ``measure(patients, outcomes, covariates)`` when it is already known."""
    if measured is None:
        measured = measure([p for p in patients if p.arm in (arm_a, arm_b)], outcomes,
                           covariates)
        group = [p for p in patients if p.arm in (arm_a, arm_b)]
    else:
        pairs = [(p, m) for p, m in zip(patients, measured, strict=True)
                 if p.arm in (arm_a, arm_b)]
        group = [p for p, _ in pairs]
        measured = [m for _, m in pairs]
    enrolled = (sum(1 for p in group if p.arm == arm_a), sum(1 for p in group if p.arm == arm_b))
    complete: list[tuple[CohortPatient, list[float]]] = []
    known: list[list[float | None]] = []  # the outcomes' values of each complete case
    for p, (row, values) in zip(group, measured, strict=True):
        if row is not None:
            complete.append((p, row))
            known.append(values)
    by_arm = (sum(1 for p, _ in complete if p.arm == arm_a),
              sum(1 for p, _ in complete if p.arm == arm_b))
    base = PropensityComparison(arm_a, arm_b, enrolled, tuple(p.study_id for p, _ in complete),
                                by_arm, covariates=tuple(c.label for c in covariates))
    if min(by_arm) < min_per_arm:
        return replace(base, not_shown=sentence(
            "not shown: fewer than %1 patients with every covariate recorded on an arm (%2)",
            str(min_per_arm), joined(", ", [phrase("%1: %2", arm_a, str(by_arm[0])),
                                            phrase("%1: %2", arm_b, str(by_arm[1]))])))
    on_b = [p.arm == arm_b for p, _ in complete]
    try:
        fit = fit_logistic([x for _, x in complete], on_b)
    except ModelNotFitted as reason:
        return replace(base, not_shown=not_fitted(str(reason)))
    scores = list(fit.fitted)
    weights, truncated = stabilised_weights(on_b, scores)
    balance = []
    rows_a = [x for p, x in complete if p.arm == arm_a]
    rows_b = [x for p, x in complete if p.arm == arm_b]
    wa = [w for w, (p, _) in zip(weights, complete, strict=True) if p.arm == arm_a]
    wb = [w for w, (p, _) in zip(weights, complete, strict=True) if p.arm == arm_b]
    for j, c in enumerate(covariates):
        a = [x[j] for x in rows_a]
        b = [x[j] for x in rows_b]
        balance.append(BalanceRow(
            c.label, weighted_smd(a, [1.0] * len(a), b, [1.0] * len(b), binary=c.binary),
            weighted_smd(a, wa, b, wb, binary=c.binary)))
    results = [_weighted_outcome(d, [v[j] for v in known], complete, weights, arm_a)
               for j, d in enumerate(outcomes)]
    ids = [p.study_id for p, _ in complete]
    return replace(base, fit=fit, truncated_at=truncated,
                    weights=dict(zip(ids, weights, strict=True)),
                    scores=dict(zip(ids, scores, strict=True)),
                    balance=tuple(balance), outcomes=tuple(results))


def arm_means(values: Sequence[float | None], on_a: Sequence[bool],
              weights: Sequence[float]) -> tuple[float, float] | None:
    """Σwv/Σw on arm a and on arm b over the patients whose value is known (None when an
    arm has none); with every weight 1 the crude proportion or mean."""
    products: dict[bool, list[float]] = {True: [], False: []}
    totals: dict[bool, list[float]] = {True: [], False: []}
    for value, a, w in zip(values, on_a, weights, strict=True):
        if value is not None:
            products[a].append(w * value)
            totals[a].append(w)
    if not totals[True] or not totals[False]:
        return None
    return (math.fsum(products[True]) / math.fsum(totals[True]),
            math.fsum(products[False]) / math.fsum(totals[False]))


def _weighted_outcome(definition: OutcomeDefinition, values: list[float | None],
                      complete: list[tuple[CohortPatient, list[float]]],
                      weights: list[float], arm_a: str) -> WeightedOutcome:
    on_a = [p.arm == arm_a for p, _ in complete]
    n = (sum(1 for v, a in zip(values, on_a, strict=True) if v is not None and a),
         sum(1 for v, a in zip(values, on_a, strict=True) if v is not None and not a))
    ids = tuple(p.study_id for (p, _), v in zip(complete, values, strict=True) if v is not None)
    return WeightedOutcome(definition.label, definition.binary, n,
                           arm_means(values, on_a, [1.0] * len(values)),
                           arm_means(values, on_a, weights), ids)


def not_fitted(reason: str) -> Sentence:
    """Why there is no weighted comparison when its model could not be fitted
    (``reason``: one of NOT_FITTED_REASONS)."""
    return sentence("not shown: %1", Label(reason))


def as_number(value: float | bool | None) -> float | None:
    return None if value is None else float(value)


def inactive_by(month: int, horizon_day: float) -> OutcomeDefinition:
    """PRINTO inactive disease reached at a follow-up visit on or before ``horizon_day``
    (the end of the month's window, as the Kaplan–Meier table reads it). Known "no" only
    for a child seen with a PRINTO status at that month's visit or later; children
    inactive at baseline or with an undeterminable baseline are left out (as in the
    curve)."""
    def value(p: CohortPatient) -> bool | None:
        base = next((v for v in p.visits if v.month == 0), None)
        if base is None or base.printo_inactive is not False:
            return None
        follow = [v for v in p.visits if v is not base and v.day > 0
                  and v.printo_inactive is not None]
        if any(v.printo_inactive and v.day <= horizon_day for v in follow):
            return True
        if any((v.month is not None and v.month >= month) or v.day >= horizon_day
               for v in follow):
            return False
        return None

    return OutcomeDefinition(sentence("Inactive disease (PRINTO) by month %1", str(month)),
                             True, value)


def tis_at(month: int) -> OutcomeDefinition:
    """The Total Improvement Score at the month's scheduled visit."""
    def value(p: CohortPatient) -> float | None:
        visit = next((v for v in p.visits if v.month == month), None)
        return None if visit is None else visit.tis

    return OutcomeDefinition(sentence("TIS at month %1", str(month)), False, value)
