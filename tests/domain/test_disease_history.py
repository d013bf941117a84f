"""Disease onset/diagnosis dates, disease duration at enrollment, race and ethnicity
(app.domain.disease_history), worked by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.domain.disease_history import (
    ETHNICITY_CODES,
    RACE_CODES,
    DiseaseHistory,
    disease_duration_at,
    history_problems,
    months_between,
)

TODAY = date(2026, 12, 3)
BORN = date(2016, 5, 10)


@pytest.mark.parametrize(("onset", "enrolled", "months"), [
    # 2025-01-01 -> 2025-07-01: 31+28+31+30+31+30 = 181 days; 181 / 30.4375 = 5.946... -> 5.9
    (date(2025, 1, 1), date(2025, 7, 1), Decimal("5.9")),
    # one Julian year: 365.25 days is 12 months exactly; 2024-03-01 -> 2025-03-01 is 365
    # days (no 29 February inside): 365 / 30.4375 = 11.9917... -> 12.0
    (date(2024, 3, 1), date(2025, 3, 1), Decimal("12.0")),
    # the same day: 0 days -> 0.0
    (date(2025, 6, 15), date(2025, 6, 15), Decimal("0.0")),
    # 2020-02-10 -> 2026-02-10: 6 years, two 29 Februaries (2020, 2024) = 2192 days;
    # 2192 / 30.4375 = 72.0164... -> 72.0
    (date(2020, 2, 10), date(2026, 2, 10), Decimal("72.0")),
    # 45 days: 45 / 30.4375 = 1.4784... -> 1.5 (half up at the second decimal is not
    # involved: 1.478 rounds to 1.5)
    (date(2025, 1, 1), date(2025, 2, 15), Decimal("1.5")),
])
def test_disease_duration_at_enrollment_in_average_months(onset, enrolled, months) -> None:
    assert disease_duration_at(onset, enrolled) == months


def test_duration_is_unknown_without_both_dates_or_when_reversed() -> None:
    assert disease_duration_at(None, date(2025, 1, 1)) is None
    assert disease_duration_at(date(2025, 1, 1), None) is None
    assert months_between(date(2025, 2, 1), date(2025, 1, 1)) is None


def test_a_consistent_history_has_no_problems() -> None:
    history = DiseaseHistory(date(2024, 9, 1), date(2024, 11, 20), "asian", "not_hispanic_latino")
    assert history_problems(history, BORN, TODAY) == {}
    assert history_problems(DiseaseHistory(), BORN, TODAY) == {}  # everything is optional


@pytest.mark.parametrize(("history", "field", "words"), [
    (DiseaseHistory(onset_date=date(2026, 12, 4)), "onset_date", "in the future"),
    (DiseaseHistory(diagnosis_date=date(2027, 1, 1)), "diagnosis_date", "in the future"),
    (DiseaseHistory(onset_date=date(2016, 5, 9)), "onset_date", "before the date of birth"),
    (DiseaseHistory(diagnosis_date=date(2010, 1, 1)), "diagnosis_date",
     "before the date of birth"),
    (DiseaseHistory(date(2025, 3, 2), date(2025, 3, 1)), "diagnosis_date",
     "before the disease onset"),
    (DiseaseHistory(race="caucasian"), "race", "from the list"),
    (DiseaseHistory(ethnicity="latino"), "ethnicity", "from the list"),
])
def test_each_inconsistency_is_named_at_its_field(history, field, words) -> None:
    problems = history_problems(history, BORN, TODAY)
    assert list(problems) == [field]
    assert words in problems[field]


def test_boundaries_are_allowed() -> None:
    # Onset on the day of birth, diagnosis the same day as onset, both today.
    assert history_problems(DiseaseHistory(BORN, BORN), BORN, TODAY) == {}
    assert history_problems(DiseaseHistory(TODAY, TODAY), BORN, TODAY) == {}


def test_without_a_date_of_birth_only_the_other_rules_apply() -> None:
    assert history_problems(DiseaseHistory(date(1990, 1, 1)), None, TODAY) == {}


def test_refusal_and_unknown_are_distinct_codes() -> None:
    for codes in (RACE_CODES, ETHNICITY_CODES):
        assert {"unknown", "prefer_not_to_say"} <= codes
