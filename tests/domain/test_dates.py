"""The one date parser and display format (issue 20.3, 20.9)."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.dates import (
    DAY_FIRST,
    MONTH_FIRST,
    DateProblem,
    DateRange,
    age_in_months,
    describe_age,
    describe_date,
    format_date,
    parse_date,
)

TODAY = date(2026, 5, 20)


@pytest.mark.parametrize(("text", "order", "expected"), [
    ("2015-03-14", DAY_FIRST, date(2015, 3, 14)),
    ("  2015-03-14 ", MONTH_FIRST, date(2015, 3, 14)),  # ISO ignores the locale order
    ("20150314", DAY_FIRST, date(2015, 3, 14)),
    ("2015/3/4", DAY_FIRST, date(2015, 3, 4)),
    ("14/03/2015", DAY_FIRST, date(2015, 3, 14)),
    ("14.3.2015", DAY_FIRST, date(2015, 3, 14)),
    ("3/14/2015", MONTH_FIRST, date(2015, 3, 14)),
    ("03/04/2015", DAY_FIRST, date(2015, 4, 3)),  # 3 April where the day comes first
    ("03/04/2015", MONTH_FIRST, date(2015, 3, 4)),  # 4 March where the month comes first
    # Two-digit years: the latest year with those digits not after 2026.
    ("14/03/15", DAY_FIRST, date(2015, 3, 14)),
    ("14/03/26", DAY_FIRST, date(2026, 3, 14)),
    ("14/03/27", DAY_FIRST, date(1927, 3, 14)),
    ("29/02/2024", DAY_FIRST, date(2024, 2, 29)),  # a leap day exists in 2024
])
def test_accepted_forms(text, order, expected):
    assert parse_date(text, order, TODAY) == expected


@pytest.mark.parametrize("text", ["", "   "])
def test_empty_is_not_entered(text):
    assert parse_date(text) is None


@pytest.mark.parametrize(("text", "words"), [
    # The right shape, but the day does not exist: an impossible date, not a wrong format.
    ("2026-02-30", "impossible date: February 2026 has 28 days"),
    ("20260230", "impossible date: February 2026 has 28 days"),
    ("2025-02-29", "impossible date: February 2025 has 28 days"),
    ("2026-04-31", "impossible date: April 2026 has 30 days"),
    ("2026-13-01", "impossible date: there is no month 13"),
    ("31/04/2026", "impossible date: April 2026 has 30 days"),
])
def test_impossible_dates_are_named_as_such(text, words):
    with pytest.raises(DateProblem) as raised:
        parse_date(text, DAY_FIRST, TODAY)
    assert words in raised.value.message
    assert "format" not in raised.value.message


@pytest.mark.parametrize("text", ["not entered0150314", "14 March", "2015-03", "abc", "1/2"])
def test_wrong_shapes_say_how_to_write_it(text):
    with pytest.raises(DateProblem) as raised:
        parse_date(text, DAY_FIRST, TODAY)
    assert "is not a date" in raised.value.message
    assert "2015-03-14, 20150314 or 14/03/2015" in raised.value.message


def test_one_display_format():
    assert format_date(date(2015, 3, 14)) == "14 Mar 2015"
    assert format_date(date(2026, 12, 2)) == "02 Dec 2026"
    assert format_date(None) == "—"


@pytest.mark.parametrize(("born", "on", "months", "words"), [
    # 2004-01-10 → 2015-03-14: 11 years and 2 months (the 10th has passed in March).
    (date(2004, 1, 10), date(2015, 3, 14), 11 * 12 + 2, "11 y 2 m"),
    # 2004-01-20 → 2015-03-14: the 20th has not come in March, so 11 y 1 m.
    (date(2004, 1, 20), date(2015, 3, 14), 11 * 12 + 1, "11 y 1 m"),
    (date(2015, 1, 1), date(2015, 8, 1), 7, "7 m"),
    (date(2015, 1, 1), date(2015, 1, 13), 0, "12 d"),
    (date(2015, 1, 1), date(2014, 12, 31), -1, "before birth"),
])
def test_ages(born, on, months, words):
    assert age_in_months(born, on) == months
    assert describe_age(born, on) == words


def test_described_date_with_age():
    assert describe_date(date(2015, 3, 14), date(2004, 1, 10)) == "14 Mar 2015, 11 y 2 m old"
    assert describe_date(date(2015, 3, 14)) == "14 Mar 2015"
    assert "before the date of birth 10 Jan 2004" in describe_date(date(2003, 1, 1),
                                                                   date(2004, 1, 10))


def test_range_names_the_limit():
    allowed = DateRange(date(2016, 5, 4), TODAY, "the date of birth", "today")
    assert allowed.problem(date(2020, 1, 1)) is None
    assert allowed.problem(date(2016, 5, 4)) is None  # the limits themselves are allowed
    assert allowed.problem(date(2010, 1, 1)) == (
        "01 Jan 2010 is before the earliest date allowed here, 04 May 2016 "
        "(the date of birth).")
    assert allowed.problem(date(2026, 5, 21)) == (
        "21 May 2026 is after the latest date allowed here, 20 May 2026 (today).")
