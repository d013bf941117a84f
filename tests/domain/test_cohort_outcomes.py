"""Outcomes by arm on a small constructed cohort, every figure worked by hand
(app.domain.cohort.outcomes).

Schedule: baseline (month 0), month 6 and month 12, each with a window of 28 days after
the target: "by month 6" reads the curve at round(6 × 30.4375) + 28 = 183 + 28 = day 211,
"by month 12" at round(12 × 30.4375) + 28 = 365 + 28 = day 393.

Arm A (4 enrollments)                         Arm B (2 enrollments)
A1 active     PRINTO base no, m6 day 180 yes   B1 active PRINTO base no, m6 day 183 yes
A2 completed  base no, m6 day 185 no,          B2 active PRINTO base undeterminable
              m12 day 370 yes
A3 withdrawn  base no, m6 day 190 no (no TIS)
A4 active, switched, inactive at baseline
"""

from __future__ import annotations

import math
from datetime import date, timedelta

import pytest

from app.domain.cohort.data import (
    AdverseEventRecord,
    BaselineValues,
    CohortPatient,
    VisitOutcome,
)
from app.domain.cohort.outcomes import ScheduledVisit, cohort_outcomes, tables
from app.domain.instruments.steroid_exposure import SteroidVisit

SCHEDULE = [ScheduledVisit("baseline", "Baseline", 0, 14),
            ScheduledVisit("month_6", "Month 6", 6, 28),
            ScheduledVisit("month_12", "Month 12", 12, 28)]
ARMS = [("A", "IVIG"), ("B", "Mycophenolate mofetil")]
START = date(2026, 1, 5)


def visit(code, day, inactive, tis=None, category=None, imacs=None, skin=None, steroid=None):
    month = {"baseline": 0, "month_6": 6, "month_12": 12}.get(code)
    return VisitOutcome(code, month, day, inactive, tis, category, imacs, skin, steroid)


def patient(study_id, arm, status, visits, *, age, female, switched=False, steroid=None,
            events=(), skin=None, antibodies=None, duration=None, steroid_visits=()):
    return CohortPatient(
        study_id, "persistent-skin-rash", arm, status, switched, START,
        BaselineValues(age_years=age, female=female, skin_vas=skin, steroid_mg_kg_day=steroid,
                       autoantibodies=antibodies or {}, disease_duration_months=duration),
        tuple(visits), tuple(events), tuple(steroid_visits))


def on_day(day, prednisone, pulses, pulse_mg, weight):
    return SteroidVisit(START + timedelta(days=day), prednisone, pulses, pulse_mg, weight)


# A2's steroids: day 0 prednisone 20 mg/day and 3 pulses of 500 mg (25 kg); day 185
# 10 mg/day, no pulse (25 kg); day 370 (month 12) none (26 kg); day 400, after month 12,
# 5 mg/day and 2 pulses of 1000 mg (not counted "to month 12").
A2_STEROIDS = [on_day(0, 20.0, 3, 500.0, 25.0), on_day(185, 10.0, 0, None, 25.0),
               on_day(370, 0.0, 0, None, 26.0), on_day(400, 5.0, 2, 1000.0, 26.0)]


COHORT = [
    patient("A1", "A", "active", [
        visit("baseline", 0, False, skin=5.0),
        visit("month_6", 180, True, 50.0, "moderate", True, 2.0)],
        age=10, female=True, steroid=1.0, skin=5.0, antibodies={"tif1g": True}, duration=6.0,
        events=[AdverseEventRecord(True, True, "infection_serious"),
                AdverseEventRecord(False, False)]),
    patient("A2", "A", "completed", [
        visit("baseline", 0, False, skin=6.0),
        visit("month_6", 185, False, 20.0, "none", False, 4.0),
        visit("month_12", 370, True, 75.0, "major", True, 1.0, steroid=False)],
        age=12, female=True, steroid=0.5, skin=6.0, antibodies={"tif1g": False},
        duration=18.0, steroid_visits=A2_STEROIDS,
        events=[AdverseEventRecord(False, True, "infusion_reaction")]),
    patient("A3", "A", "withdrawn", [
        visit("baseline", 0, False),
        visit("month_6", 190, False, None, None, None, 3.0)],
        age=14, female=False),
    patient("A4", "A", "active", [visit("baseline", 0, True)], age=None, female=True,
            switched=True),
    patient("B1", "B", "active", [
        visit("baseline", 0, False),
        visit("month_6", 183, True, 30.0, "minimal", True, 2.5, steroid=True)],
        age=8, female=False, duration=12.0),
    patient("B2", "B", "active", [
        visit("baseline", 0, None),
        visit("month_6", 186, None, 46.0, "moderate", False, 3.5)],
        age=12, female=True),
]


@pytest.fixture(scope="module")
def out():
    return cohort_outcomes(COHORT, ARMS, SCHEDULE)


def test_counts_and_follow_up(out):
    a = out.counts["A"]
    assert a.enrolled == ("A1", "A2", "A3", "A4")
    assert (a.active, a.completed, a.stopped, a.switched) == (("A1", "A4"), ("A2",), ("A3",),
                                                              ("A4",))
    # follow-up: enrollment to the last visit done: 180 + 370 + 190 + 0 = 740 days
    assert a.follow_up_days == 740
    # per patient with follow-up, months: 180/30.4375 = 5.914, 190/30.4375 = 6.242,
    # 370/30.4375 = 12.156 -> median 6.242 (A4 has no visit after enrollment)
    assert a.follow_up_months.n == 3 and a.followed == ("A1", "A2", "A3")
    assert a.follow_up_months.median == pytest.approx(190 / 30.4375)


def test_kaplan_meier_to_printo_inactive(out):
    a = out.km["A"]
    assert out.km_horizons == {6: 211, 12: 393}
    # A4 inactive at baseline: not at risk. In the curve: A1 (event day 180), A2 (event
    # day 370, its first inactive visit), A3 (censored day 190, last visit with a status)
    assert a.patients == ("A1", "A2", "A3") and a.inactive_at_baseline == ("A4",)
    assert a.events == ("A1", "A2")
    # day 180: 3 at risk, 1 event -> S = 2/3; day 190: A3 censored; day 370: 1 at risk,
    # 1 event -> S = 2/3 × 0 = 0
    assert [(s.time, s.at_risk, s.events, s.survival) for s in a.km.steps] == [
        (180, 3, 1, pytest.approx(2 / 3)), (370, 1, 1, 0.0)]
    assert a.km.censored_times == (190,)
    # by month 6 (day 211): 1 - 2/3 = 1/3; by month 12 (day 393): 1 - 0 = 1
    assert a.reached[6] == pytest.approx(1 / 3) and a.reached[12] == pytest.approx(1.0)
    # numbers at risk: month 0 and 3 (day 91.3): 3; month 6 (day 182.6): 190 and 370 -> 2;
    # month 9 (day 273.9) and 12 (day 365.25): 370 -> 1; month 18: 0
    assert [a.km.at_risk(m * 30.4375) for m in (0, 3, 6, 9, 12, 18)] == [3, 3, 2, 1, 1, 0]
    rows = {r[0].text: r for r in next(t for t in tables(out) if t.key == "km").rows}
    # the number at risk lists the children still followed then: A3 (190) and A2 (370)
    assert rows["Number at risk, month 6"][1].text == "2"
    assert rows["Number at risk, month 6"][1].patients == ("A2", "A3")
    assert rows["Inactive by month 6 (KM, day 211)"][1].text == "33%"
    b = out.km["B"]
    # B2: PRINTO at baseline not determinable -> left out and counted, never guessed
    assert b.not_determinable == ("B2",) and b.patients == ("B1",)
    assert b.reached[6] == pytest.approx(1.0)  # B1 inactive on day 183 <= 211


def test_tis_and_imacs_at_month_6_and_12(out):
    m6 = out.response[("A", 6)]
    assert m6.visited == ("A1", "A2", "A3")
    # TIS 50 and 20 (A3 has none): median 35, q1 20 + 0.25 × 30 = 27.5, q3 42.5, n = 2
    s = m6.tis_spread
    assert (s.n, s.median, s.q1, s.q3) == (2, 35.0, 27.5, 42.5)
    assert m6.categories == {"minimal": (), "moderate": ("A1",), "major": ()}
    # IMACS decided for A1 (improved) and A2 (not): 1 of 2
    assert m6.imacs_known == ("A1", "A2") and m6.imacs_improved == ("A1",)
    m12 = out.response[("A", 12)]
    assert m12.categories["major"] == ("A2",) and m12.tis_spread.median == 75.0
    rows = {r[0].text: r for r in next(t for t in tables(out) if t.key == "response").rows}
    # "minimal or better" counts moderate and major too: A1 (moderate) -> 1/2 (50%)
    assert rows["Month 6: minimal improvement or better"][1].text == "1/2 (50%)"
    assert rows["Month 6: minimal improvement or better"][1].patients == ("A1",)
    assert rows["Month 6: TIS, median (IQR)"][1].text == "35.0 (27.5–42.5), n = 2"
    assert rows["Month 6: IMACS improvement"][2].text == "1/2 (50%)"  # B1 yes, B2 no


def test_skin_vas_by_scheduled_visit(out):
    # month 6 in arm A: 2.0, 4.0, 3.0 -> median 3.0, q1 2.5, q3 3.5, n = 3
    values = out.skin[("A", "month_6")]
    assert sorted(v for _, v in values) == [2.0, 3.0, 4.0]
    rows = {r[0].text: r for r in next(t for t in tables(out) if t.key == "skin").rows}
    assert rows["Month 6"][1].text == "3.0 (2.5–3.5), n = 3"
    assert rows["Month 6"][1].patients == ("A1", "A2", "A3")
    # A3 and A4 have no baseline VAS recorded: n = 2, not 4 with zeros
    assert rows["Baseline"][1].text == "5.5 (5.2–5.8), n = 2"


def test_baseline_table_smd(out):
    rows = {r.label: r for r in out.baseline}
    # age A: 10, 12, 14 (A4 not recorded): mean 12, SD 2; B: 8, 12: mean 10,
    # SD sqrt((4 + 4) / 1) = 2.828; SMD (12 - 10) / sqrt((4 + 8) / 2) = 2 / sqrt(6)
    assert rows["Age at enrollment, years"].smd[("A", "B")] == pytest.approx(2 / math.sqrt(6))
    # female A 3/4, B 1/2: (0.75 - 0.5) / sqrt((0.1875 + 0.25) / 2) = 0.25 / 0.467707
    assert rows["Female"].smd[("A", "B")] == pytest.approx(0.25 / math.sqrt(0.21875))
    table = {r[0].text: r for r in next(t for t in tables(out) if t.key == "baseline").rows}
    assert table["Female"][1].text == "3/4 (75%)"
    assert table["Female"][1].patients == ("A1", "A2", "A4")
    assert table["Female"][3].text == "0.53"
    # disease duration A: 6 and 18 months (A3, A4 not recorded): median 12, q1 6 + 0.25 ×
    # 12 = 9, q3 15; mean 12, SD √((36 + 36)/1) = 8.49; B: 12 (one value: no SD, no SMD)
    duration = table["Disease duration at enrollment, months"]
    assert duration[1].text == "12.0 (9.0–15.0), n = 2; mean 12.0 (SD 8.5)"
    assert duration[1].patients == ("A1", "A2") and duration[2].text.endswith("n = 1")
    assert duration[3].text == "—"
    # an antibody tested only in arm A: 1 of 2 tested positive, none tested in B
    assert table["Anti-TIF1-γ positive (of tested)"][1].text == "1/2 (50%)"
    assert table["Anti-TIF1-γ positive (of tested)"][2].text == "n = 0"
    assert table["Anti-TIF1-γ positive (of tested)"][3].text == "—"


def test_steroids_and_adverse_events_per_patient_year(out):
    s = out.steroids["A"]
    assert s.prescribed_at_enrollment == ("A1", "A2")
    assert s.dose_at_enrollment.median == pytest.approx(0.75)  # 1.0 and 0.5
    assert s.month12_recorded == ("A2",) and s.month12_off == ("A2",)
    assert out.steroids["B"].month12_recorded == ()  # B has no month-12 visit
    ae = out.adverse["A"]
    assert (ae.all_events, ae.serious, ae.related) == (3, 1, 2)
    rows = {r[0].text: r for r in next(t for t in tables(out) if t.key == "adverse").rows}
    # 740 days = 740 / 365.25 = 2.026 patient-years: 3 / 2.026 = 1.48; 1 -> 0.49; 2 -> 0.99
    assert rows["All adverse events: events (per patient-year)"][1].text == "3 (1.48)"
    assert rows["Serious: events (per patient-year)"][1].text == "1 (0.49)"
    assert rows["Related (possible, probable, definite): events (per patient-year)"][
        1].text == "2 (0.99)"
    assert rows["Serious: events (per patient-year)"][1].patients == ("A1",)
    # by category: A1's serious infection and uncoded event, A2's infusion reaction, each
    # 1 / 2.026 = 0.49 per patient-year; B (369 days) has none
    assert ae.by_category == {"infection_serious": (1, ("A1",)), None: (1, ("A1",)),
                              "infusion_reaction": (1, ("A2",))}
    assert rows["Infection, serious: events (per patient-year)"][1].text == "1 (0.49)"
    assert rows["Infusion reaction: events (per patient-year)"][1].patients == ("A2",)
    assert rows["Category not recorded: events (per patient-year)"][1].text == "1 (0.49)"
    assert rows["Infection, serious: events (per patient-year)"][2].text == "0 (0.00)"
    assert "Hypertension: events (per patient-year)" not in rows  # no arm has one
    # cumulative to month 12 (A2 only has a month-12 visit, day 370):
    #   oral 20 mg × 185 days / 25 kg = 148 + 10 mg × 185 days / 25 kg = 74 -> 222 mg/kg
    #   IV 3 × 500 mg / 25 kg = 60 mg/kg × 1.25 = 75 -> total 297 mg/kg (day 400 left out)
    assert s.cumulative_12 == (("A2", pytest.approx(297.0)),)
    steroid_rows = {r[0].text: r for r in
                    next(t for t in tables(out) if t.key == "steroids").rows}
    cumulative = steroid_rows[
        "Cumulative prednisone-equivalent to month 12, mg/kg: median (IQR)"]
    assert cumulative[1].text == "297 (297–297), n = 1" and cumulative[1].patients == ("A2",)
    assert cumulative[2].text == "n = 0"  # B: no month-12 visit


def test_cumulative_steroids_with_a_dose_missing_are_counted_apart():
    gap = patient("A9", "A", "active", [visit("baseline", 0, False),
                                         visit("month_12", 365, False)],
                  age=9, female=True,
                  steroid_visits=[on_day(0, None, 0, None, 30.0), on_day(365, 5.0, 0, None, 30.0)])
    out = cohort_outcomes(COHORT + [gap], ARMS, SCHEDULE)
    # day 0's oral dose is not recorded: the 365-day interval is unknown, never 0
    assert out.steroids["A"].cumulative_12_gaps == ("A9",)
    assert [i for i, _ in out.steroids["A"].cumulative_12] == ["A2"]
    rows = {r[0].text: r for r in next(t for t in tables(out) if t.key == "steroids").rows}
    assert rows["Month-12 visit done, cumulative not computable (a dose or weight "
                "missing)"][1].patients == ("A9",)


def test_an_arm_not_in_the_plan_gets_its_own_column():
    extra = [patient("X1", "Z", "active", [visit("baseline", 0, False)], age=9, female=True)]
    out = cohort_outcomes(COHORT + extra, ARMS, SCHEDULE)
    assert out.arms == ("A", "B", "Z") and out.counts["Z"].enrolled == ("X1",)
    assert out.pairs == [("A", "B"), ("A", "Z"), ("B", "Z")]


def test_empty_arm_gives_zero_counts_not_errors():
    out = cohort_outcomes([], ARMS, SCHEDULE)
    for table in tables(out):
        assert len(table.rows) > 0
    assert out.km["A"].km.n == 0 and out.response[("A", 6)].tis_spread.median is None


def test_the_collector_is_paused_while_computing_and_runs_again_after(monkeypatch):
    """The computation and the tables pause the cyclic collector (app.domain.cohort
    .collector); it is on again after each, after a failure too, and stays off when the
    caller had turned it off."""
    import gc

    from app.domain.cohort import outcomes
    seen: list[bool] = []
    counts, baseline_table = outcomes._counts, outcomes._baseline_table
    monkeypatch.setattr(outcomes, "_counts",
                        lambda group: (seen.append(gc.isenabled()), counts(group))[1])
    monkeypatch.setattr(outcomes, "_baseline_table", lambda out, head: (
        seen.append(gc.isenabled()), baseline_table(out, head))[1])
    assert gc.isenabled()
    result = cohort_outcomes(COHORT, ARMS, SCHEDULE)
    assert gc.isenabled()
    tables(result)
    assert gc.isenabled()
    assert seen == [False, False, False]  # two arms' counts, then the baseline table

    def broken(_group):  # noqa: ANN001, ANN202
        raise RuntimeError("halfway")
    monkeypatch.setattr(outcomes, "_counts", broken)
    with pytest.raises(RuntimeError):
        cohort_outcomes(COHORT, ARMS, SCHEDULE)
    assert gc.isenabled()
    gc.disable()
    try:
        monkeypatch.setattr(outcomes, "_counts", counts)
        tables(cohort_outcomes(COHORT, ARMS, SCHEDULE))
        assert not gc.isenabled()
    finally:
        gc.enable()
