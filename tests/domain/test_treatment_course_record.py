"""Why an arm was chosen, why it stopped, and infusions due vs given
(app.domain.treatment_course_record), worked by hand."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.domain.treatment_course_record import (
    ARM_CHOICE_CODES,
    ARM_CHOICE_REASONS,
    BIOLOGIC,
    NOT_IVIG,
    ArmChoiceReasons,
    GivenInfusion,
    arm_choice_problems,
    due_vs_given,
    end_problems,
    infusion_problems,
    normalised_reasons,
)

TODAY = date(2026, 12, 3)


def test_the_reason_lists_are_the_seeds_lists_each_with_its_seed() -> None:
    by_group = {g: [r.code for r in ARM_CHOICE_REASONS if r.group == g]
                for g in (NOT_IVIG, BIOLOGIC)}
    assert by_group[NOT_IVIG] == ["ivig_intolerance", "ivig_unavailable", "no_venous_access",
                                  "provider_preference"]
    assert by_group[BIOLOGIC] == ["uncontrolled_disease", "steroid_mtx_toxicity",
                                  "steroid_dependence", "family_request",
                                  "organ_involvement", "ulcerative_disease"]
    assert all(r.source.startswith("seed 000") for r in ARM_CHOICE_REASONS
               if r.group == NOT_IVIG)
    assert all(r.source.startswith("seed 003") for r in ARM_CHOICE_REASONS
               if r.group == BIOLOGIC)
    assert ARM_CHOICE_CODES[-1] == "other"


@pytest.mark.parametrize(("reasons", "words"), [
    (ArmChoiceReasons(("other",), ""), "Say what the other reason is"),
    (ArmChoiceReasons(("ivig_intolerance",), "needle phobia"), "\"Other\" is not ticked"),
    (ArmChoiceReasons(("cost",)), "Unknown reason code: cost"),
    (ArmChoiceReasons(("family_request", "family_request")), "listed twice"),
])
def test_inconsistent_reasons_are_refused(reasons, words) -> None:
    assert any(words in p for p in arm_choice_problems(reasons))


def test_reasons_may_be_empty_or_several() -> None:
    assert arm_choice_problems(ArmChoiceReasons()) == []
    assert arm_choice_problems(ArmChoiceReasons(
        ("no_venous_access", "other"), "parents live 300 km away")) == []


def test_normalised_reasons_are_in_list_order() -> None:
    got = normalised_reasons(ArmChoiceReasons(("other", "steroid_dependence",
                                               "ivig_intolerance"), " x "))
    assert got == ArmChoiceReasons(("ivig_intolerance", "steroid_dependence", "other"), "x")


@pytest.mark.parametrize(("reason", "other", "end", "words"), [
    ("bored", "", date(2026, 6, 1), "Choose why"),
    ("other", " ", date(2026, 6, 1), "Say what the other reason is"),
    ("remission", "", date(2025, 12, 31), "before the treatment started"),
    ("toxicity", "", date(2026, 12, 4), "in the future"),
])
def test_stopping_a_treatment_is_checked(reason, other, end, words) -> None:
    problems = end_problems(reason, other, end, date(2026, 1, 1), TODAY)
    assert any(words in p for p in problems), problems


def test_stopping_on_the_start_day_or_today_is_allowed() -> None:
    for reason in ("inadequate_response", "toxicity", "remission", "family_choice"):
        assert end_problems(reason, "", date(2026, 1, 1), date(2026, 1, 1), TODAY) == []
    assert end_problems("other", "moved away", TODAY, date(2026, 1, 1), TODAY) == []


def _ivig(day: date) -> GivenInfusion:
    return GivenInfusion(day, "ivig", 40.0, "g")


def test_monthly_ivig_due_vs_given() -> None:
    # Every 28 days from 2026-09-01: 09-01, 09-29, 10-27, 11-24. Window: min(14, (28-1)//2
    # = 13) = 13 days. Given 09-01 (on time), 10-02 (3 days late -> 09-29), nothing near
    # 10-27 (today 12-03 is 37 days later > 13: missed), 11-24 not given and today is 9 days
    # later <= 13: still due. 11-10 is 14 days from 10-27 and 11-24, outside both windows
    # of 13 days: given off the schedule.
    start = date(2026, 9, 1)
    schedule = [start + timedelta(days=28 * k) for k in range(4)]
    given = [_ivig(date(2026, 10, 2)), _ivig(date(2026, 9, 1)), _ivig(date(2026, 11, 10))]
    lines = due_vs_given(schedule, given, TODAY)
    assert [(x.due, x.given.given_on if x.given else None, x.status) for x in lines] == [
        (date(2026, 9, 1), date(2026, 9, 1), "given"),
        (date(2026, 9, 29), date(2026, 10, 2), "given"),
        (date(2026, 10, 27), None, "missed"),
        (None, date(2026, 11, 10), "off_schedule"),
        (date(2026, 11, 24), None, "due"),
    ]
    assert [x.days_late for x in lines[:2]] == [0, 3]


def test_two_infusions_a_week_apart_each_count_once() -> None:
    # Rituximab: days 0 and 7 (2026-11-02, 2026-11-09). Window: min(14, (7-1)//2 = 3) = 3.
    # Given 11-03 (1 day after the first) and 11-10 (1 day after the second): greedy
    # nearest would give both to the first dose under a 14-day window; with 3 days each
    # counts for its own dose.
    schedule = [date(2026, 11, 2), date(2026, 11, 9)]
    given = [GivenInfusion(date(2026, 11, 3), "rituximab", 500, "mg"),
             GivenInfusion(date(2026, 11, 10), "rituximab", 500, "mg")]
    lines = due_vs_given(schedule, given, TODAY)
    assert [(x.due, x.given.given_on, x.status) for x in lines] == [
        (date(2026, 11, 2), date(2026, 11, 3), "given"),
        (date(2026, 11, 9), date(2026, 11, 10), "given"),
    ]


def test_no_schedule_lists_every_infusion_as_off_schedule() -> None:
    lines = due_vs_given([], [_ivig(date(2026, 10, 1))], TODAY)
    assert [(x.due, x.status) for x in lines] == [(None, "off_schedule")]


@pytest.mark.parametrize(("kwargs", "field", "words"), [
    ({"given_on": None}, "given_on", "Enter the date"),
    ({"given_on": date(2026, 12, 4)}, "given_on", "in the future"),
    ({"given_on": date(2026, 8, 31)}, "given_on", "before the treatment started"),
    ({"dose": None}, "dose", "Enter the dose"),
    ({"dose": 0.0}, "dose", "more than zero"),
    ({"unit": " "}, "unit", "Enter the dose unit"),
    ({"unit": "g" * 17}, "unit", "at most 16 characters"),
    ({"drug": ""}, "drug", "Choose the drug"),
])
def test_an_infusion_is_checked_field_by_field(kwargs, field, words) -> None:
    values = {"given_on": date(2026, 9, 1), "dose": 40.0, "unit": "g", "drug": "ivig",
              "started": date(2026, 9, 1), "today": TODAY, **kwargs}
    problems = infusion_problems(**values)
    assert list(problems) == [field]
    assert words in problems[field]
