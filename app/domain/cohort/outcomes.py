"""Outcomes by arm from plain ``CohortPatient``s: counts and follow-up, the baseline table
with standardized mean differences, time to PRINTO clinically inactive disease
(Kaplan–Meier), TIS and IMACS improvement at months 6 and 12, the MDAAT cutaneous activity
VAS per scheduled visit, corticosteroid exposure and adverse events per patient-year.
One module although long: each table is one function over the same per-patient records,
and the report shows them in this order.

Analysis choices, said where a reader sees them (``NOTES``):

* Each enrollment counts under the arm it started on; switches are counted, not moved.
* Time to PRINTO inactive disease runs from enrollment to the first follow-up visit found
  inactive; a child without it is censored at the last follow-up visit with a PRINTO
  status. Children inactive at baseline are not at risk, and children whose baseline or
  follow-up status cannot be determined are left out; both are counted in the table.
* "By month 6 / 12" reads the curve at the end of that visit's window (its target day
  plus the window after it), so a month-6 visit done late in its window still counts.
* Nothing is imputed: every figure says how many patients it rests on and lists them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta

from app.domain.cohort.bootstrap import (
    REPLICATES,
    SEED,
    BootstrapIntervals,
    Interval,
    bootstrap_intervals,
)
from app.domain.cohort.collector import cycles_collected_after
from app.domain.cohort.data import CohortPatient, VisitOutcome
from app.domain.cohort.propensity import (
    CAVEATS,
    OutcomeDefinition,
    PropensityComparison,
    WeightedOutcome,
    compare_arms,
    inactive_by,
    measure,
    tis_at,
)
from app.domain.cohort.stats import (
    DAYS_PER_MONTH,
    DAYS_PER_YEAR,
    KaplanMeier,
    Spread,
    kaplan_meier,
    mean_sd,
    per_patient_year,
    smd_binary,
    smd_continuous,
    spread,
)
from app.domain.instruments.adverse_events import CATEGORIES as AE_CATEGORIES
from app.domain.instruments.baseline_tests import AUTOANTIBODIES
from app.domain.instruments.steroid_exposure import (
    EQUIVALENCE_SOURCE,
    cumulative_steroid_exposure,
)
from app.domain.phrases import (
    Joined,
    Label,
    LineBreak,
    Phrase,
    Sentence,
    joined,
    phrase,
    sentence,
    sentences,
)
from app.domain.protocol import Protocol

RESPONSE_MONTHS = (6, 12)
AT_RISK_MONTHS = (0, 3, 6, 9, 12, 18, 24)
DEFAULT_WINDOW_AFTER_DAYS = 28  # when a plan has no month-6/12 visit to read it from
TIS_CATEGORIES = ("minimal", "moderate", "major")
NOT_RECORDED = "not recorded"

NOTES = (
    "Each enrollment is analysed under the arm it started on; switches are counted, not "
    "re-assigned.",
    "Nothing is imputed: each figure gives the number of patients it rests on (n).",
    "Only completed or signed visits count, with their adverse events (a draft may be "
    "half entered); follow-up runs from enrollment to the last of them.",
    "Time to PRINTO clinically inactive disease: from enrollment to the first follow-up "
    "visit found inactive (Lazarevic 2013: 3 of CK ≤ 150 U/L, CMAS ≥ 48, MMT8 ≥ 78, "
    "PGA ≤ 0.2), censored at the last follow-up visit with a PRINTO status; children "
    "inactive at baseline are not at risk.",
    "TIS categories (JDM, Rider 2017): minimal ≥ 30, moderate ≥ 45, major ≥ 70; IMACS "
    "improvement as defined by the IMACS group (both provisional where the visit form "
    "says so).",
    "Medians with interquartile range (quartiles by linear interpolation, type 7). "
    "Standardized mean difference: (m1 − m2)/√((s1² + s2²)/2); binary: "
    "(p1 − p2)/√((p1(1 − p1) + p2(1 − p2))/2); |SMD| > 0.1 is the usual mark of imbalance.",
    "Disease duration: months from the recorded disease onset to enrollment.",
    "Cumulative corticosteroid exposure to month 12: oral prednisone-equivalent dose of "
    "each visit carried to the next visit, plus IV methylprednisolone pulses × dose × 1.25 "
    f"({EQUIVALENCE_SOURCE}), per kg of the weight at that visit, from the first visit "
    "to the month-12 visit; a child with a dose or weight missing on the way is counted "
    "apart, not estimated (provisional project rule, issue 18).",
    "Adverse events per patient-year: all, serious, related (possible, probable or "
    "definite) and by category as coded at the visit; events recorded before the coding "
    "existed are counted under 'category not recorded'.",
)


@dataclass(frozen=True)
class ScheduledVisit:
    code: str
    label: str
    month: int
    window_after_days: int = DEFAULT_WINDOW_AFTER_DAYS


@dataclass(frozen=True)
class Cell:
    """One figure as shown, with the study ids of the patients behind it."""

    text: str
    patients: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]  # the first cell of a row is its label
    note: str = ""


@dataclass(frozen=True)
class ArmCounts:
    enrolled: tuple[str, ...]
    active: tuple[str, ...]
    completed: tuple[str, ...]
    switched: tuple[str, ...]
    stopped: tuple[str, ...]
    follow_up_days: int  # total
    followed: tuple[str, ...]  # with a visit after enrollment
    follow_up_months: Spread  # per patient of ``followed``


@dataclass(frozen=True)
class BaselineRow:
    label: str
    binary: bool
    values: dict[str, tuple[tuple[str, float], ...]]  # arm -> (study id, value) recorded
    smd: dict[tuple[str, str], float | None]


@dataclass(frozen=True)
class ArmKm:
    km: KaplanMeier
    patients: tuple[str, ...]  # in the curve
    inactive_at_baseline: tuple[str, ...]
    not_determinable: tuple[str, ...]
    reached: dict[int, float]  # month -> proportion inactive by the end of its window
    events: tuple[str, ...]
    times: tuple[tuple[str, float], ...] = ()  # (study id, day of event or censoring)

    def at_risk_ids(self, day: float) -> tuple[str, ...]:
        return tuple(i for i, t in self.times if t >= day)


@dataclass(frozen=True)
class ResponseAt:
    """TIS and IMACS at one scheduled month for one arm."""

    visited: tuple[str, ...]  # the visit was done
    tis: tuple[tuple[str, float], ...]
    tis_spread: Spread
    categories: dict[str, tuple[str, ...]]  # minimal / moderate / major -> study ids
    imacs_known: tuple[str, ...]
    imacs_improved: tuple[str, ...]


@dataclass(frozen=True)
class SteroidExposure:
    enrolled: tuple[str, ...]
    prescribed_at_enrollment: tuple[str, ...]
    dose_at_enrollment: Spread  # mg/kg/day
    month12_recorded: tuple[str, ...]  # medications recorded at the month-12 visit
    month12_off: tuple[str, ...]
    # total prednisone-equivalent mg/kg from the first visit to the month-12 visit
    cumulative_12: tuple[tuple[str, float], ...] = ()
    cumulative_12_gaps: tuple[str, ...] = ()  # a month-12 visit, but a dose or weight missing


@dataclass(frozen=True)
class AdverseRates:
    follow_up_days: int
    all_events: int
    serious: int
    related: int
    patients: tuple[str, ...]  # with at least one event
    serious_patients: tuple[str, ...]
    related_patients: tuple[str, ...]
    # category code (None: not recorded) -> (events, patients with one)
    by_category: dict[str | None, tuple[int, tuple[str, ...]]] = field(default_factory=dict)


@dataclass
class CohortOutcomes:
    arms: tuple[str, ...]
    arm_names: dict[str, str]
    counts: dict[str, ArmCounts] = field(default_factory=dict)
    baseline: list[BaselineRow] = field(default_factory=list)
    km: dict[str, ArmKm] = field(default_factory=dict)
    km_horizons: dict[int, float] = field(default_factory=dict)  # month -> day read
    response: dict[tuple[str, int], ResponseAt] = field(default_factory=dict)
    skin: dict[tuple[str, str], tuple[tuple[str, float], ...]] = field(default_factory=dict)
    schedule: tuple[ScheduledVisit, ...] = ()
    steroids: dict[str, SteroidExposure] = field(default_factory=dict)
    adverse: dict[str, AdverseRates] = field(default_factory=dict)
    # exploratory: each pair of arms re-weighted on the measured baseline covariates
    propensity: dict[tuple[str, str], PropensityComparison] = field(default_factory=dict)
    # their bootstrap intervals, once computed (add_intervals: minutes, on request)
    intervals: dict[tuple[str, str], BootstrapIntervals] = field(default_factory=dict)
    notes: tuple[str, ...] = NOTES

    @property
    def pairs(self) -> list[tuple[str, str]]:
        return [(a, b) for i, a in enumerate(self.arms) for b in self.arms[i + 1:]]


# ----------------------------------------------------------------------------- compute


def cohort_outcomes(patients: Sequence[CohortPatient], arms: Sequence[tuple[str, str]],
                    schedule: Sequence[ScheduledVisit]) -> CohortOutcomes:
    """Everything the cohort view shows, for the arms given (id, name) in that order; a
    patient on an arm not listed gets a column of its own after them."""
    with cycles_collected_after():
        return _cohort_outcomes(patients, arms, schedule)


def _cohort_outcomes(patients: Sequence[CohortPatient], arms: Sequence[tuple[str, str]],
                     schedule: Sequence[ScheduledVisit]) -> CohortOutcomes:
    arm_ids = [a for a, _ in arms]
    names = dict(arms)
    for p in patients:
        if p.arm not in names:
            arm_ids.append(p.arm)
            names[p.arm] = p.arm
    by_arm: dict[str, list[CohortPatient]] = {a: [] for a in arm_ids}
    for p in patients:
        by_arm[p.arm].append(p)
    out = CohortOutcomes(tuple(arm_ids), names, schedule=tuple(schedule))
    windows = {v.month: v.window_after_days for v in schedule}
    out.km_horizons = {m: round(m * DAYS_PER_MONTH) + windows.get(m, DEFAULT_WINDOW_AFTER_DAYS)
                       for m in RESPONSE_MONTHS}
    for arm, group in by_arm.items():
        out.counts[arm] = _counts(group)
        out.km[arm] = _km(group, out.km_horizons)
        for month in RESPONSE_MONTHS:
            out.response[(arm, month)] = _response_at(group, month)
        # One pass over the arm's visits (not one per scheduled visit), in the same order.
        skin: dict[str, list[tuple[str, float]]] = {visit.code: [] for visit in schedule}
        for p in group:
            for v in p.visits:
                if v.skin_vas is not None and (by_code := skin.get(v.code)) is not None:
                    by_code.append((p.study_id, v.skin_vas))
        for visit in schedule:
            out.skin[(arm, visit.code)] = tuple(skin[visit.code])
        out.steroids[arm] = _steroids(group)
        out.adverse[arm] = _adverse(group)
    out.baseline = _baseline_rows(by_arm, out.pairs)
    compared = weighted_outcomes(out)
    measured = measure(patients, compared) if out.pairs else []
    for a, b in out.pairs:
        out.propensity[(a, b)] = compare_arms(patients, a, b, compared, measured=measured)
    return out


def weighted_outcomes(out: CohortOutcomes) -> list[OutcomeDefinition]:
    """The outcomes the weighted comparison reports: inactive disease by month 6 and 12
    (read at the end of the month's window, as the curve is) and the TIS at 6 and 12."""
    return [*(inactive_by(m, out.km_horizons[m]) for m in RESPONSE_MONTHS),
            *(tis_at(m) for m in RESPONSE_MONTHS)]


def add_intervals(out: CohortOutcomes, patients: Sequence[CohortPatient], *,
                  replicates: int = REPLICATES, seed: int = SEED,
                  progress: Callable[[int, int], bool] | None = None) -> None:
    """Bootstrap intervals of every weighted comparison shown, into ``out.intervals``.
    ``progress(done, total)`` counts replicates over all pairs; returning False stops
    (``BootstrapCancelled``; ``out`` is then left as it was)."""
    shown = [pair for pair in out.pairs if out.propensity[pair].fit is not None]
    total = replicates * len(shown)
    found: dict[tuple[str, str], BootstrapIntervals] = {}
    for index, pair in enumerate(shown):
        def step(done: int, _total: int, before: int = index * replicates) -> bool:
            return progress is None or progress(before + done, total)

        result = bootstrap_intervals(patients, out.propensity[pair], weighted_outcomes(out),
                                     replicates=replicates, seed=seed, progress=step)
        if result is not None:
            found[pair] = result
    out.intervals.update(found)


def _ids(patients: Iterable[CohortPatient]) -> tuple[str, ...]:
    return tuple(p.study_id for p in patients)


def _counts(group: list[CohortPatient]) -> ArmCounts:
    followed = [p.follow_up_days / DAYS_PER_MONTH for p in group if p.follow_up_days > 0]
    return ArmCounts(
        enrolled=_ids(group),
        active=_ids(p for p in group if p.status == "active"),
        completed=_ids(p for p in group if p.status == "completed"),
        switched=_ids(p for p in group if p.switched),
        stopped=_ids(p for p in group if p.status == "withdrawn"),
        follow_up_days=sum(p.follow_up_days for p in group),
        followed=_ids(p for p in group if p.follow_up_days > 0),
        follow_up_months=spread(followed))


def _baseline_visit(p: CohortPatient) -> VisitOutcome | None:
    return next((v for v in p.visits if v.month == 0), None)


def _km(group: list[CohortPatient], horizons: dict[int, float]) -> ArmKm:
    observations: list[tuple[float, bool]] = []
    times: list[tuple[str, float]] = []
    inside: list[str] = []
    inactive: list[str] = []
    unknown: list[str] = []
    events: list[str] = []
    for p in group:
        base = _baseline_visit(p)
        if base is not None and base.printo_inactive is True:
            inactive.append(p.study_id)
            continue
        follow = [v for v in p.visits if v is not base and v.day > 0
                  and v.printo_inactive is not None]
        if base is None or base.printo_inactive is None or not follow:
            unknown.append(p.study_id)
            continue
        first = next((v for v in follow if v.printo_inactive), None)
        inside.append(p.study_id)
        if first is not None:
            observations.append((float(first.day), True))
            events.append(p.study_id)
        else:
            observations.append((float(follow[-1].day), False))
        times.append((p.study_id, observations[-1][0]))
    km = kaplan_meier(observations)
    reached = {m: 1 - km.survival_at(day) for m, day in horizons.items()}
    return ArmKm(km, tuple(inside), tuple(inactive), tuple(unknown), reached, tuple(events),
                 tuple(times))


def _response_at(group: list[CohortPatient], month: int) -> ResponseAt:
    visited: list[str] = []
    tis: list[tuple[str, float]] = []
    categories: dict[str, list[str]] = {c: [] for c in TIS_CATEGORIES}
    known: list[str] = []
    improved: list[str] = []
    for p in group:
        visit = next((v for v in p.visits if v.month == month), None)
        if visit is None:
            continue
        visited.append(p.study_id)
        if visit.tis is not None:
            tis.append((p.study_id, visit.tis))
            if visit.tis_category in categories:
                categories[visit.tis_category].append(p.study_id)
        if visit.imacs_improved is not None:
            known.append(p.study_id)
            if visit.imacs_improved:
                improved.append(p.study_id)
    return ResponseAt(tuple(visited), tuple(tis), spread(v for _, v in tis),
                      {c: tuple(ids) for c, ids in categories.items()}, tuple(known),
                      tuple(improved))


def _steroids(group: list[CohortPatient]) -> SteroidExposure:
    prescribed = [(p.study_id, p.baseline.steroid_mg_kg_day) for p in group
                  if p.baseline.steroid_mg_kg_day is not None]
    recorded: list[str] = []
    off: list[str] = []
    for p in group:
        visit = next((v for v in p.visits if v.month == 12), None)
        if visit is None or visit.on_daily_steroid is None:
            continue
        recorded.append(p.study_id)
        if not visit.on_daily_steroid:
            off.append(p.study_id)
    cumulative: list[tuple[str, float]] = []
    gaps: list[str] = []
    for p in group:
        month12 = next((v for v in p.visits if v.month == 12), None)
        if month12 is None or not p.steroid_visits:
            continue
        until = p.enrollment_date + timedelta(days=month12.day)
        exposure = cumulative_steroid_exposure(
            [v for v in p.steroid_visits if v.day <= until])
        if exposure.total_prednisone_mg_per_kg is None:
            gaps.append(p.study_id)
        else:
            cumulative.append((p.study_id, exposure.total_prednisone_mg_per_kg))
    return SteroidExposure(_ids(group), tuple(i for i, _ in prescribed),
                           spread(d for _, d in prescribed), tuple(recorded), tuple(off),
                           tuple(cumulative), tuple(gaps))


def _adverse(group: list[CohortPatient]) -> AdverseRates:
    counted: dict[str | None, int] = {}
    who: dict[str | None, list[str]] = {}
    for p in group:
        for e in p.adverse_events:
            counted[e.category] = counted.get(e.category, 0) + 1
            if p.study_id not in who.setdefault(e.category, []):
                who[e.category].append(p.study_id)
    return AdverseRates(
        follow_up_days=sum(p.follow_up_days for p in group),
        all_events=sum(len(p.adverse_events) for p in group),
        serious=sum(1 for p in group for e in p.adverse_events if e.serious),
        related=sum(1 for p in group for e in p.adverse_events if e.related),
        patients=_ids(p for p in group if p.adverse_events),
        serious_patients=_ids(p for p in group if any(e.serious for e in p.adverse_events)),
        related_patients=_ids(p for p in group if any(e.related for e in p.adverse_events)),
        by_category={c: (n, tuple(who[c])) for c, n in counted.items()})


def _baseline_rows(by_arm: dict[str, list[CohortPatient]],
                   pairs: list[tuple[str, str]]) -> list[BaselineRow]:
    tested = {code for group in by_arm.values() for p in group
              for code in p.baseline.autoantibodies}
    antibodies = [(code, label) for code, label in AUTOANTIBODIES if code in tested]
    rows = (("Age at enrollment, years", False), ("Female", True),
            ("Disease duration at enrollment, months", False),
            *((sentence("%1 positive (of tested)", Label(label)), True)
              for _, label in antibodies),
            ("CMAS (0-52)", False), ("CHAQ disability index (0-3)", False),
            ("MMT8 unilateral (0-80)", False), ("MDAAT cutaneous activity VAS (0-10)", False),
            ("Physician global activity VAS (0-10)", False),
            ("Daily corticosteroid at enrollment, mg/kg/day", False))
    codes = [code for code, _ in antibodies]
    # One pass over each patient's baseline (every row's value of it), in the rows' order.
    values: list[dict[str, list[tuple[str, float]]]] = [{arm: [] for arm in by_arm}
                                                        for _ in rows]
    for arm, group in by_arm.items():
        lists = [row[arm] for row in values]
        for p in group:
            b = p.baseline
            found = b.autoantibodies
            for into, v in zip(lists, (b.age_years, b.female, b.disease_duration_months,
                                       *map(found.get, codes), b.cmas, b.chaq, b.mmt8,
                                       b.skin_vas, b.pga, b.steroid_mg_kg_day), strict=True):
                if v is not None:
                    into.append((p.study_id, float(v)))
    out: list[BaselineRow] = []
    for (label, binary), by in zip(rows, values, strict=True):
        row_values = {arm: tuple(found) for arm, found in by.items()}
        numbers = {arm: [v for _, v in found] for arm, found in by.items()}
        smd: dict[tuple[str, str], float | None] = {}
        for a, b in pairs:
            xa, xb = numbers[a], numbers[b]
            smd[(a, b)] = (smd_binary(int(sum(xa)), len(xa), int(sum(xb)), len(xb))
                           if binary else smd_continuous(xa, xb))
        out.append(BaselineRow(label, binary, row_values, smd))
    return out


# ------------------------------------------------------------------------------ tables


def num(value: float | None, places: int = 1) -> str:
    if value is None:
        return "—"
    text = f"{value:.{places}f}"
    # -0.004 is shown as 0.00, not "-0.00"
    return text[1:] if text.startswith("-") and text.strip("-0.") == "" else text


def spread_text(s: Spread, places: int = 1) -> str:
    if s.n == 0:
        return "n = 0"
    return f"{num(s.median, places)} ({num(s.q1, places)}–{num(s.q3, places)}), n = {s.n}"


def share_text(part: int, whole: int) -> str:
    if whole == 0:
        return "n = 0"
    return f"{part}/{whole} ({100 * part / whole:.0f}%)"


def tables(out: CohortOutcomes) -> list[Table]:
    """The figures as tables (label column, one column per arm, SMD columns in the
    baseline table), each cell with the patients behind it."""
    arms = out.arms
    head = ("", *(f"{a}: {out.arm_names[a]}" for a in arms))
    with cycles_collected_after():
        return [_counts_table(out, head), _baseline_table(out, head), _km_table(out, head),
                _response_table(out, head), _skin_table(out, head),
                _steroid_table(out, head), _adverse_table(out, head), _propensity_table(out)]


def _label(text: str) -> Cell:
    return Cell(text)


def _counts_table(out: CohortOutcomes, head: tuple[str, ...]) -> Table:
    c = out.counts
    rows = []
    for label, attr in (("Enrolled", "enrolled"), ("Active", "active"),
                        ("Completed", "completed"), ("Switched arm", "switched"),
                        ("Stopped (withdrawn)", "stopped")):
        rows.append((_label(label), *(Cell(str(len(getattr(c[a], attr))),
                                           getattr(c[a], attr)) for a in out.arms)))
    rows.append((_label("Follow-up, patient-years"),
                 *(Cell(num(c[a].follow_up_days / DAYS_PER_YEAR), c[a].enrolled)
                   for a in out.arms)))
    rows.append((_label("Follow-up per patient, months: median (IQR)"),
                 *(Cell(spread_text(c[a].follow_up_months), c[a].followed)
                   for a in out.arms)))
    return Table("counts", "Patients and follow-up by arm", head, tuple(rows),
                 "Follow-up: enrollment to the last visit done.")


def _baseline_table(out: CohortOutcomes, head: tuple[str, ...]) -> Table:
    pairs = out.pairs
    header = (*head, *(f"SMD {a}–{b}" for a, b in pairs))
    rows = []
    for row in out.baseline:
        cells = [_label(row.label)]
        if not any(row.values[a] for a in out.arms):
            cells += [Cell(NOT_RECORDED) for _ in out.arms]
            cells += [Cell("—") for _ in pairs]
            rows.append(tuple(cells))
            continue
        for a in out.arms:
            values = row.values[a]
            ids = tuple(i for i, _ in values)
            if row.binary:
                yes = tuple(i for i, v in values if v)
                cells.append(Cell(share_text(len(yes), len(values)), yes or ids))
            else:
                mean, sd = mean_sd([v for _, v in values])
                s = spread(v for _, v in values)
                places = 2 if "mg/kg" in row.label or "CHAQ" in row.label else 1
                text = spread_text(s, places)
                if mean is not None and sd is not None:
                    text = sentences(LineBreak("; "), [text, phrase(
                        "mean %1 (SD %2)", num(mean, places), num(sd, places))])
                cells.append(Cell(text, ids))
        cells += [Cell(num(row.smd[p], 2)) for p in pairs]
        rows.append(tuple(cells))
    return Table("baseline", "Baseline characteristics by arm", header, tuple(rows),
                 "Continuous: median (IQR), n; mean (SD). Binary: n/N (%). SMD: "
                 "standardized mean difference, |SMD| > 0.1 suggests imbalance.")


def _km_table(out: CohortOutcomes, head: tuple[str, ...]) -> Table:
    rows = []
    k = out.km
    rows.append((_label("In the analysis (not inactive at baseline)"),
                 *(Cell(str(len(k[a].patients)), k[a].patients) for a in out.arms)))
    rows.append((_label("Inactive at baseline (not at risk)"),
                 *(Cell(str(len(k[a].inactive_at_baseline)), k[a].inactive_at_baseline)
                   for a in out.arms)))
    rows.append((_label("PRINTO status not determinable (left out)"),
                 *(Cell(str(len(k[a].not_determinable)), k[a].not_determinable)
                   for a in out.arms)))
    rows.append((_label("Reached inactive disease"),
                 *(Cell(str(len(k[a].events)), k[a].events) for a in out.arms)))
    for month in RESPONSE_MONTHS:
        day = out.km_horizons[month]
        rows.append((_label(sentence("Inactive by month %1 (KM, day %2)", str(month),
                                     f"{day:g}")),
                     *(Cell(f"{100 * k[a].reached[month]:.0f}%" if k[a].km.n else "n = 0",
                            k[a].patients) for a in out.arms)))
    for month in AT_RISK_MONTHS:
        rows.append((_label(sentence("Number at risk, month %1", str(month))),
                     *(Cell(str(k[a].km.at_risk(month * DAYS_PER_MONTH)),
                            k[a].at_risk_ids(month * DAYS_PER_MONTH)) for a in out.arms)))
    return Table("km", "Time to PRINTO clinically inactive disease (Kaplan–Meier)", head,
                 tuple(rows), "Censored at the last follow-up visit with a PRINTO status.")


def _response_table(out: CohortOutcomes, head: tuple[str, ...]) -> Table:
    rows = []
    for month in RESPONSE_MONTHS:
        r = {a: out.response[(a, month)] for a in out.arms}
        rows.append((_label(sentence("Month %1: visit done", str(month))),
                     *(Cell(str(len(r[a].visited)), r[a].visited) for a in out.arms)))
        rows.append((_label(sentence("Month %1: TIS, median (IQR)", str(month))),
                     *(Cell(spread_text(r[a].tis_spread, 1), tuple(i for i, _ in r[a].tis))
                       for a in out.arms)))
        for category in TIS_CATEGORIES:
            rows.append((_label(sentence("Month %1: %2 improvement or better", str(month),
                                         Label(category))
                                if category != "major"
                                else sentence("Month %1: major improvement", str(month))),
                         *(Cell(share_text(len(_at_least(r[a], category)), len(r[a].tis)),
                                _at_least(r[a], category)) for a in out.arms)))
        rows.append((_label(sentence("Month %1: IMACS improvement", str(month))),
                     *(Cell(share_text(len(r[a].imacs_improved), len(r[a].imacs_known)),
                            r[a].imacs_improved or r[a].imacs_known) for a in out.arms)))
    return Table("response", "Total improvement score and IMACS improvement", head,
                 tuple(rows), "Shares of the patients with a TIS (or an IMACS decision) at "
                 "that visit; the rest of the visits done lacked a core set measure.")


def _at_least(r: ResponseAt, category: str) -> tuple[str, ...]:
    index = TIS_CATEGORIES.index(category)
    return tuple(i for c in TIS_CATEGORIES[index:] for i in r.categories[c])


def _skin_table(out: CohortOutcomes, head: tuple[str, ...]) -> Table:
    rows = []
    for visit in out.schedule:
        cells = [_label(visit.label)]
        for a in out.arms:
            values = out.skin[(a, visit.code)]
            cells.append(Cell(spread_text(spread(v for _, v in values)),
                              tuple(i for i, _ in values)))
        rows.append(tuple(cells))
    return Table("skin", "MDAAT cutaneous activity VAS (0-10 cm) by scheduled visit", head,
                 tuple(rows), "Median (IQR), n: patients with the VAS recorded at that visit.")


def _steroid_table(out: CohortOutcomes, head: tuple[str, ...]) -> Table:
    s = out.steroids
    rows = (
        (_label("On a daily corticosteroid at enrollment (prescription or baseline visit)"),
         *(Cell(share_text(len(s[a].prescribed_at_enrollment), len(s[a].enrolled)),
                s[a].prescribed_at_enrollment) for a in out.arms)),
        (_label("Dose at enrollment, mg/kg/day: median (IQR)"),
         *(Cell(spread_text(s[a].dose_at_enrollment, 2), s[a].prescribed_at_enrollment)
           for a in out.arms)),
        (_label("Off daily corticosteroid at month 12 (medications recorded)"),
         *(Cell(share_text(len(s[a].month12_off), len(s[a].month12_recorded)),
                s[a].month12_off or s[a].month12_recorded) for a in out.arms)),
        (_label("Cumulative prednisone-equivalent to month 12, mg/kg: median (IQR)"),
         *(Cell(spread_text(spread(v for _, v in s[a].cumulative_12), 0)
                if s[a].cumulative_12 or not s[a].cumulative_12_gaps else NOT_RECORDED,
                tuple(i for i, _ in s[a].cumulative_12)) for a in out.arms)),
        (_label("Month-12 visit done, cumulative not computable (a dose or weight missing)"),
         *(Cell(str(len(s[a].cumulative_12_gaps)), s[a].cumulative_12_gaps)
           for a in out.arms)),
    )
    return Table("steroids", "Corticosteroid exposure", head, rows,
                 "Cumulative: oral dose carried to the next visit plus IV methylprednisolone "
                 "× 1.25, per kg, first visit to the month-12 visit (provisional rule).")


def _adverse_table(out: CohortOutcomes, head: tuple[str, ...]) -> Table:
    r = out.adverse
    rows = []
    for label, count, ids in (("All adverse events", "all_events", "patients"),
                              ("Serious", "serious", "serious_patients"),
                              ("Related (possible, probable, definite)", "related",
                               "related_patients")):
        cells = [_label(sentence("%1: events (per patient-year)", Label(label)))]
        for a in out.arms:
            n = getattr(r[a], count)
            rate = per_patient_year(n, r[a].follow_up_days)
            cells.append(Cell(f"{n} ({num(rate, 2)})", getattr(r[a], ids)))
        rows.append(tuple(cells))
    labels: list[tuple[str | None, str]] = list(AE_CATEGORIES)
    labels += [(c, c) for c in sorted({c for a in out.arms for c in r[a].by_category
                                       if c is not None} - {c for c, _ in AE_CATEGORIES})]
    labels.append((None, "Category not recorded"))
    for code, label in labels:
        if not any(code in r[a].by_category for a in out.arms):
            continue
        cells = [_label(sentence("%1: events (per patient-year)", Label(label)))]
        for a in out.arms:
            n, ids = r[a].by_category.get(code, (0, ()))
            rate = per_patient_year(n, r[a].follow_up_days)
            cells.append(Cell(f"{n} ({num(rate, 2)})", ids))
        rows.append(tuple(cells))
    rows.append((_label("Patient-years of follow-up"),
                 *(Cell(num(r[a].follow_up_days / DAYS_PER_YEAR), out.counts[a].enrolled)
                   for a in out.arms)))
    return Table("adverse", "Adverse events per patient-year", head, tuple(rows),
                 "All, serious, related and by category (as coded at the visit).")


def _propensity_table(out: CohortOutcomes) -> Table:
    """One column per pair of arms: who the model rests on, balance before and after
    weighting, and the main outcomes crude and weighted (or why it is not shown)."""
    comparisons = [out.propensity[pair] for pair in out.pairs]
    head = ("", *(f"{c.arm_a} vs {c.arm_b}" for c in comparisons))
    rows: list[tuple[Cell, ...]] = []
    rows.append((_label("Patients with every covariate recorded (of those enrolled)"),
                 *(Cell(f"{c.arm_a} {c.complete_by_arm[0]}/{c.enrolled[0]}, "
                        f"{c.arm_b} {c.complete_by_arm[1]}/{c.enrolled[1]}", c.complete)
                   for c in comparisons)))
    rows.append((_label("Weighted comparison"),
                 *(Cell(c.not_shown or "shown (exploratory)") for c in comparisons)))
    rows.append((_label("95% intervals (bootstrap)"),
                 *(Cell(_bootstrap_text(c, out.intervals.get((c.arm_a, c.arm_b))))
                   for c in comparisons)))
    rows.append((_label("Stabilised weights after truncation: range"),
                 *(Cell("—" if c.truncated_at is None else
                        f"{num(c.truncated_at[0], 2)}–{num(c.truncated_at[1], 2)}")
                   for c in comparisons)))
    labels = comparisons[0].covariates if comparisons else ()
    for index, label in enumerate(labels):
        cells = []
        for c in comparisons:
            if not c.balance:
                cells.append(Cell("—"))
                continue
            row = c.balance[index]
            cells.append(Cell(f"{num(row.smd_before, 2)} → {num(row.smd_after, 2)}"))
        rows.append((_label(sentence("SMD before → after weighting: %1", Label(label))),
                     *cells))
    outcome_labels = [o.label for o in next((c.outcomes for c in comparisons if c.outcomes),
                                            ())]
    for index, label in enumerate(outcome_labels):
        cells = []
        for c in comparisons:
            if not c.outcomes:
                cells.append(Cell("—"))
                continue
            interval = out.intervals.get((c.arm_a, c.arm_b))
            cells.append(Cell(_weighted_text(
                c, c.outcomes[index], None if interval is None else interval.interval(label)),
                c.outcomes[index].patients))
        rows.append((_label(label), *cells))
    return Table("propensity", "Exploratory: propensity-score weighted comparison", head,
                 tuple(rows), sentences(" ", [phrase(caveat) for caveat in CAVEATS]))


def _signed(text: str) -> str:
    """"+0" or "-0.0" (a bound rounded to nothing) reads as a plain 0."""
    return text[1:] if text[1:].strip("0.") == "" else text


def _bootstrap_text(c: PropensityComparison, r: BootstrapIntervals | None) -> str:
    if c.fit is None:
        return "—"
    if r is None:
        return "not computed (on request: a minute or more on a large cohort)"
    return bootstrap_text(r)


def bootstrap_text(r: BootstrapIntervals) -> Sentence:
    """How the intervals were made: replicates, seed, and the replicates whose model was
    not fitted, with why."""
    seed = (str(r.seed), str(r.not_fitted))
    # each reason a replicate's model was not fitted, with the replicates it stopped
    said = (phrase("(seed %1); model not fitted in %2 (%3)", *seed, joined(
        "; ", [phrase("%1: %2", Label(why), str(n)) for why, n in r.reasons]))
        if r.reasons else phrase("(seed %1); model not fitted in %2", *seed))
    return sentences(LineBreak(" "), [phrase(
        "%1 replicates resampled within arm, model re-fitted each time", str(r.replicates)),
        said])


def _weighted_text(c: PropensityComparison, o: WeightedOutcome,
                   interval: Interval | None = None) -> str:
    if o.weighted is None or o.crude is None:
        return sentence("n = %1/%2: not enough to compare", str(o.n[0]), str(o.n[1]))
    if o.binary:
        def show(v: float) -> str:
            return f"{100 * v:.0f}%"

        def signed(v: float) -> str:
            return _signed(f"{100 * v:+.0f}")

        def amount(text: str) -> str | Phrase:
            return phrase("%1 points", text)
    else:
        def show(v: float) -> str:
            return num(v, 1)

        def signed(v: float) -> str:
            return _signed(f"{v:+.1f}")

        def amount(text: str) -> str | Phrase:
            return text
    difference: str | Phrase | Joined = amount(signed(o.weighted[0] - o.weighted[1]))
    if interval is not None:
        if interval.low is None or interval.high is None:
            difference = joined("; ", [difference, phrase(
                "no interval: %1 usable replicates", str(interval.replicates))])
        else:
            difference = joined(LineBreak(", "), [difference, phrase(
                "95% CI %1 to %2 from %3 replicates", signed(interval.low),
                signed(interval.high), str(interval.replicates))])
    return sentences(LineBreak("; "), [
        phrase("weighted %1 %2 vs %3 %4 (%5)", c.arm_a, show(o.weighted[0]), c.arm_b,
               show(o.weighted[1]), difference),
        phrase("crude %1 vs %2; n = %3/%4", show(o.crude[0]), show(o.crude[1]),
               str(o.n[0]), str(o.n[1]))])


def plan_layout(protocol: Protocol) -> tuple[list[tuple[str, str]], list[ScheduledVisit]]:
    """A plan's arms (id, name) and its scheduled visits in time order."""
    arms = [(arm.id, arm.name) for arm in protocol.arms]
    schedule = sorted((ScheduledVisit(v.id, v.label, v.offset_months, v.window.after_days)
                       for v in protocol.visits), key=lambda v: v.month)
    return arms, schedule
