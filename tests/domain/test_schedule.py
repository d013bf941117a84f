"""Infusion dates and visit windows. Expected dates counted by hand on a calendar."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.domain.errors import InputError
from app.domain.protocol import RuleStatus, SchedulePhase, ScheduleSpec, load_protocol
from app.domain.schedule import (
    add_months,
    infusion_dates,
    is_at_least_months_before,
    visit_schedule,
)

SHIPPED = (
    Path(__file__).resolve().parents[2] / "resources" / "protocols" / "persistent-skin-rash.toml"
)
D = date.fromisoformat


@pytest.fixture(scope="module")
def protocol():
    return load_protocol(SHIPPED)


@pytest.fixture(scope="module")
def ivig(protocol):
    return protocol.schedule("ivig_q2w_x3_then_monthly")


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        ("2026-01-05", 1, "2026-02-05"),
        ("2026-01-31", 1, "2026-02-28"),  # no 31 Feb → last day
        ("2024-01-31", 1, "2024-02-29"),  # leap year
        ("2026-01-31", 3, "2026-04-30"),  # April has 30 days
        ("2026-12-15", 1, "2027-01-15"),  # year boundary
        ("2026-08-31", 18, "2028-02-29"),  # 2028 is a leap year
        ("2026-03-31", -1, "2026-02-28"),
        ("2026-05-10", 0, "2026-05-10"),
    ],
)
def test_add_months_clamps_to_month_end(start, months, expected):
    assert add_months(D(start), months) == D(expected)


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        # 5 Jan + 14 = 19 Jan; + 14 = 2 Feb (19 + 14 = 33 = 31 + 2); then monthly from 2 Feb
        (
            "2026-01-05",
            ["2026-01-05", "2026-01-19", "2026-02-02", "2026-03-02", "2026-04-02", "2026-05-02"],
        ),
        # 31 Jan + 14 = 14 Feb; + 14 = 28 Feb; then monthly from 28 Feb
        (
            "2026-01-31",
            ["2026-01-31", "2026-02-14", "2026-02-28", "2026-03-28", "2026-04-28", "2026-05-28"],
        ),
        # 3 Dec + 14 = 17 Dec; + 14 = 31 Dec; monthly from 31 Dec: 31 Jan, 28 Feb (clamped),
        # 31 Mar (counted from the anchor, so no drift to the 28th), 30 Apr
        (
            "2026-12-03",
            [
                "2026-12-03",
                "2026-12-17",
                "2026-12-31",
                "2027-01-31",
                "2027-02-28",
                "2027-03-31",
                "2027-04-30",
            ],
        ),
    ],
)
def test_ivig_every_two_weeks_three_times_then_monthly(ivig, start, expected):
    assert infusion_dates(ivig, D(start), len(expected)) == [D(x) for x in expected]


def test_fewer_doses_than_the_first_phase(ivig):
    assert infusion_dates(ivig, D("2026-01-05"), 1) == [D("2026-01-05")]
    assert infusion_dates(ivig, D("2026-01-05"), 2) == [D("2026-01-05"), D("2026-01-19")]


@pytest.mark.parametrize("count", [0, -1, 1.5, True, "3"])
def test_dose_count_must_be_a_positive_whole_number(ivig, count):
    with pytest.raises(InputError) as info:
        infusion_dates(ivig, D("2026-01-05"), count)
    assert info.value.field == "count"


def test_finite_schedule_cannot_give_more_doses_than_it_has():
    two_doses = ScheduleSpec(
        "two", "weeks 0 and 1", (SchedulePhase(7, None, 2),), "test", RuleStatus.PROVISIONAL
    )
    assert infusion_dates(two_doses, D("2026-01-05"), 2) == [D("2026-01-05"), D("2026-01-12")]
    with pytest.raises(InputError, match="has only 2 doses; 3 were asked for"):
        infusion_dates(two_doses, D("2026-01-05"), 3)


def test_visit_schedule_from_a_month_end_enrollment(protocol):
    visits = visit_schedule(protocol, D("2026-01-31"))
    got = [(v.visit_id, v.target, v.window_start, v.window_end) for v in visits]
    assert got == [
        # baseline: enrollment day to +14 days (31 Jan + 14 = 14 Feb)
        ("baseline", D("2026-01-31"), D("2026-01-31"), D("2026-02-14")),
        # +1 month → 28 Feb (clamped); ±7 days → 21 Feb .. 7 Mar
        ("month_1", D("2026-02-28"), D("2026-02-21"), D("2026-03-07")),
        # +2 months → 31 Mar; ±7 → 24 Mar .. 7 Apr
        ("month_2", D("2026-03-31"), D("2026-03-24"), D("2026-04-07")),
        # +6 months → 31 Jul; ±28 → 3 Jul .. 28 Aug
        ("month_6", D("2026-07-31"), D("2026-07-03"), D("2026-08-28")),
        # +12 months → 31 Jan 2027; ±28 → 3 Jan .. 28 Feb 2027
        ("month_12", D("2027-01-31"), D("2027-01-03"), D("2027-02-28")),
        # +18 months → 31 Jul 2027; ±28 → 3 Jul .. 28 Aug 2027
        ("month_18", D("2027-07-31"), D("2027-07-03"), D("2027-08-28")),
    ]


def test_visit_schedule_ordinary_date(protocol):
    visits = {v.visit_id: v for v in visit_schedule(protocol, D("2026-01-05"))}
    assert visits["month_1"].target == D("2026-02-05")
    assert visits["month_1"].window_start == D("2026-01-29")  # 5 Feb − 7 days
    assert visits["month_6"].target == D("2026-07-05")
    assert visits["month_6"].window_end == D("2026-08-02")  # 5 Jul + 28 days = 33 Jul
    assert visits["month_1"].contains(D("2026-02-12"))
    assert not visits["month_1"].contains(D("2026-02-13"))
    assert visits["month_1"].label == "Month 1"


@pytest.mark.parametrize(
    ("resolved", "screening", "ok"),
    [
        ("2026-01-10", "2026-04-10", True),  # exactly 3 calendar months
        ("2026-01-10", "2026-04-09", False),  # one day short
        ("2025-11-30", "2026-02-28", True),  # 30 Nov + 3 months → 28 Feb (clamped)
        ("2025-11-30", "2026-02-27", False),
        ("2026-01-10", "2027-01-01", True),
    ],
)
def test_three_calendar_months_rule(resolved, screening, ok):
    assert is_at_least_months_before(D(resolved), D(screening), 3) is ok


def test_finite_schedule_total_and_allow_fewer():
    from app.domain.schedule import total_doses

    two = ScheduleSpec(
        "two", "weeks 0 and 2", (SchedulePhase(14, None, 2),), "test", RuleStatus.PROVISIONAL
    )
    assert total_doses(two) == 2
    # 2026-01-05 + 14 days = 2026-01-19; asking for 6 gives the 2 the schedule has
    assert infusion_dates(two, D("2026-01-05"), 6, allow_fewer=True) == [
        D("2026-01-05"),
        D("2026-01-19"),
    ]
    with pytest.raises(InputError):
        infusion_dates(two, D("2026-01-05"), 3)
    open_ended = ScheduleSpec(
        "q4w", "every 4 weeks", (SchedulePhase(28, None, None),), "test", RuleStatus.SEED
    )
    assert total_doses(open_ended) is None
