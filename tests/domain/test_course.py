"""The course phase of a dose at a visit (issue 18, correction 2): in the 2010 plan
prednisone is 2 mg/kg/day (max 60 mg) for 4 weeks, then tapered at the clinician's
discretion, so after day 28 the computed dose is a MAXIMUM, not a target; the weekly IV
methylprednisolone pulses end with week 8. Schedules are protocol data (provisional).

Dates counted by hand on a calendar; first dose (day 0) on 2026-01-05 throughout.
"""

from __future__ import annotations

from datetime import date

import pytest

from app.catalog import protocol_catalog
from app.domain.course import course_day, course_phases
from app.domain.protocol import PhaseDose, RuleStatus
from app.domain.visit_form import PrescribedDose, recheck_arm_doses

D = date.fromisoformat
START = D("2026-01-05")


@pytest.fixture(scope="module")
def protocol():
    return protocol_catalog().protocols["moderate-jdm-2010"]


def test_prednisone_course_is_4_weeks_then_a_maximum(protocol):
    spec = protocol.schedule("prednisone_4_weeks_then_taper")
    assert spec.status is RuleStatus.PROVISIONAL and "clinical-rules §1.3" in spec.source
    full, taper = course_phases(spec, START)
    # days 0-27 = 2026-01-05 .. 2026-02-01; day 28 = 2026-02-02 (5 Jan + 26 = 31 Jan, + 2)
    assert (full.starts, full.ends, full.computed_dose) == (START, D("2026-02-02"),
                                                            PhaseDose.TARGET)
    assert (taper.starts, taper.ends, taper.computed_dose) == (D("2026-02-02"), None,
                                                               PhaseDose.MAXIMUM)
    for arm in ("mp", "mmp", "mmpi"):
        (pred,) = [d for d in protocol.arm(arm).doses if d.drug == "prednisone"]
        assert pred.schedule == "prednisone_4_weeks_then_taper"


def test_methylprednisolone_pulses_end_with_week_8(protocol):
    spec = protocol.schedule("methylprednisolone_daily_x3_then_weekly")
    daily, weekly = course_phases(spec, START)
    # daily pulses on days 0, 1, 2; the first weekly pulse is day 2 + 7 = 9 (2026-01-14)
    assert (daily.starts, daily.ends) == (START, D("2026-01-14"))
    # 7 weekly pulses on days 9, 16, ..., 51 (2026-02-25); over from day 58 (2026-03-04):
    # 5 Jan + 26 = 31 Jan (day 26), + 28 = 28 Feb (day 54), + 4 = 4 Mar (day 58)
    assert (weekly.starts, weekly.ends) == (D("2026-01-14"), D("2026-03-04"))
    assert weekly.phase.doses == 7
    assert course_day(spec, START, D("2026-03-03")).phase == weekly
    over = course_day(spec, START, D("2026-03-04"))
    assert over.phase is None and over.ended_on == D("2026-03-04") and over.day == 58
    assert spec.status is RuleStatus.PROVISIONAL
    assert "beyond the first two months" in spec.source


# 30 kg, 120 cm: prednisone 2 mg/kg/day × 30 kg = 60 mg/day = the 60 mg maximum.
# 20 kg, 120 cm: 2 × 20 = 40 mg/day. Tolerance in a full-dose phase: ±10% (provisional).
@pytest.mark.parametrize(
    ("weight", "on", "prescribed", "within", "words"),
    [
        # the case: month 6, tapered to 10 mg/day → inside the rule (a maximum)
        (30, "2026-07-05", 10, True, "Protocol maximum for today's weight: 60 mg/day"),
        (30, "2026-07-05", 60, True, "at or below the maximum"),  # at the maximum
        (30, "2026-07-05", 0, True, "at or below the maximum"),  # stopped
        (30, "2026-07-05", 61, False, "above the protocol maximum of 60 mg/day"),
        (20, "2026-07-05", 45, False, "above the maximum of 40 mg/day"),  # 2 × 20 = 40
        (20, "2026-07-05", 40, True, "at or below the maximum"),
        # the first 4 weeks: the full dose is the target
        (30, "2026-01-15", 10, False, "83% away from it"),  # |10 - 60| / 60 = 0.833
        (30, "2026-01-15", 57, True, "within 10% of it"),  # |57 - 60| / 60 = 0.05
        (30, "2026-02-01", 10, False, "day 27 of the course, full-dose phase"),  # last day
        (30, "2026-02-02", 10, True, "day 28 of the course, taper phase"),  # taper begins
    ],
)
def test_prednisone_recheck_by_course_phase(protocol, weight, on, prescribed, within, words):
    checks = recheck_arm_doses(
        protocol, "mp", weight, 120, [PrescribedDose("prednisone", prescribed, "mg", "day")],
        D(on), started_on=START)
    (pred,) = [c for c in checks if c.drug == "prednisone"]
    assert pred.within_protocol is within, pred.message
    assert words in pred.message
    assert ("OUTSIDE THE PROTOCOL RULE" in pred.message) is (not within)


def test_month_6_taper_is_no_longer_called_a_breach(protocol):
    # Issue 18: "Protocol dose for today's weight: 60 mg/day … OUTSIDE THE PROTOCOL RULE"
    # was shown for 10 mg/day at month 6.
    checks = recheck_arm_doses(protocol, "mmp", 30, 120,
                               [PrescribedDose("prednisone", 10, "mg", "day")],
                               D("2026-07-05"), started_on=START)
    (pred,) = [c for c in checks if c.drug == "prednisone"]
    assert "Protocol dose for today's weight: 60" not in pred.message
    assert "taper phase (02 Feb 2026" in pred.message and "provisional" in pred.message
    assert pred.message.endswith("— within the protocol rule.")


def test_without_the_first_dose_date_a_lower_dose_cannot_be_judged(protocol):
    (pred,) = [c for c in recheck_arm_doses(
        protocol, "mp", 30, 120, [PrescribedDose("prednisone", 10, "mg", "day")],
        D("2026-07-05")) if c.drug == "prednisone"]
    assert pred.within_protocol is None
    assert "the first dose date is not known" in pred.message


# IV methylprednisolone 30 mg/kg × 30 kg = 900 mg per pulse (max 1000 mg).
@pytest.mark.parametrize(
    ("on", "prescribed", "within", "words"),
    [
        ("2026-01-06", 900, True, "day 1 of the course, full-dose phase"),
        ("2026-02-25", 900, True, "day 51 of the course"),  # the last weekly pulse
        ("2026-02-25", 500, False, "44% away from it"),  # |500 - 900| / 900 = 0.444
        ("2026-03-04", 900, None, "ended on 04 Mar 2026"),  # course over: nothing expected
        ("2026-07-05", 900, None, "no dose is expected now"),
        ("2026-07-05", 1200, False, "above the protocol maximum of 1000 mg/dose"),
    ],
)
def test_methylprednisolone_pulses_recheck_by_course(protocol, on, prescribed, within, words):
    checks = recheck_arm_doses(
        protocol, "mmp", 30, 120,
        [PrescribedDose("methylprednisolone", prescribed, "mg", "dose")],
        D(on), started_on=START)
    (mp,) = [c for c in checks if c.drug == "methylprednisolone"]
    assert mp.within_protocol is within, mp.message
    assert words in mp.message


def test_recheck_keeps_to_the_chosen_option():
    # Rituximab 40 kg, 140 cm: BSA 1.2472 m²; RIM 575 × 1.2472 = 717.2 mg; flat 935.4 mg.
    protocol = protocol_catalog().protocols["refractory-biologic"]
    given = [PrescribedDose("rituximab", 717.2, "mg", "dose")]
    rim = recheck_arm_doses(protocol, "rituximab", 40, 140, given, D("2026-01-05"),
                            option="rim_weeks_0_and_1", started_on=START)
    assert [(c.drug, c.within_protocol) for c in rim] == [("rituximab", True)]
    flat = recheck_arm_doses(protocol, "rituximab", 40, 140, given, D("2026-01-05"),
                             option="flat_weeks_0_and_1", started_on=START)
    # 717.2 vs 935.4: |717.2 - 935.4| / 935.4 = 23% away
    assert [(c.drug, c.within_protocol) for c in flat] == [("rituximab", False)]
    assert "23% away" in flat[0].message


def test_dose_dates_are_listed_for_pulses_not_for_daily_prednisone(protocol):
    from app.domain.planned_doses import arm_schedule

    # prednisone every day with no end: no dates to list
    assert arm_schedule(protocol, "prednisone_4_weeks_then_taper", START) == ()
    # pulses: days 0, 1, 2, then 9, 16, 23 (the first 6 of 10)
    assert arm_schedule(protocol, "methylprednisolone_daily_x3_then_weekly", START) == (
        D("2026-01-05"), D("2026-01-06"), D("2026-01-07"), D("2026-01-14"), D("2026-01-21"),
        D("2026-01-28"))
    # a finite daily course keeps its dates (refractory plan: bridging pulses daily × 3)
    biologic = protocol_catalog().protocols["refractory-biologic"]
    assert arm_schedule(biologic, "methylprednisolone_daily_x3", START) == (
        D("2026-01-05"), D("2026-01-06"), D("2026-01-07"))


def test_recheck_warns_below_the_labelled_age():
    # Abatacept IV, labelled from 6 years: born 2021-06-01, visit 2026-11-04 → 5 years.
    # 18 kg < 75 kg → 10 mg/kg × 18 = 180 mg; 180 mg prescribed is within the rule.
    protocol = protocol_catalog().protocols["refractory-biologic"]
    given = [PrescribedDose("abatacept", 180, "mg", "dose")]
    (check,) = recheck_arm_doses(protocol, "abatacept", 18, None, given, D("2026-11-04"),
                                 option="iv", started_on=D("2026-05-04"),
                                 date_of_birth=D("2021-06-01"))
    assert check.within_protocol is True
    assert ("WARNING: Abatacept IV is labelled from age 6 years; this child is 5 years old on "
            "04 Nov 2026") in check.message
    (older,) = recheck_arm_doses(protocol, "abatacept", 18, None, given, D("2026-11-04"),
                                 option="iv", date_of_birth=D("2019-06-01"))  # 7 years
    assert "WARNING" not in older.message
