"""Steroid exposure (issue 18): the fields refuse what is not a number, and the cumulative
exposure over an enrollment is worked out by hand from the module's rules: each visit's
oral dose until the next visit; pulses since the last visit x dose per pulse;
methylprednisolone as prednisone x 1.25; mg/kg by the weight of the visit concerned."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.instruments.steroid_exposure import (
    METHYLPREDNISOLONE_TO_PREDNISONE,
    SteroidVisit,
    cumulative_steroid_exposure,
    steroid_problems,
    steroid_visit,
    validate_dose_item,
)
from app.domain.visit_values import ItemEntry


@pytest.mark.parametrize("code, typed, fragment", [
    ("prednisone_mg_day", "twenty", 'must be a number in mg/day; "twenty"'),
    ("prednisone_mg_day", "nan", "must be a number"),
    ("prednisone_mg_day", "inf", "must be a number"),
    ("prednisone_mg_day", "-5", "must be from 0 to 200 mg/day"),
    ("prednisone_mg_day", "2000", "must be from 0 to 200 mg/day"),
    ("ivmp_pulses", "1.5", 'must be a whole number; "1.5"'),
    ("ivmp_pulses", "three", "must be a number"),
    ("ivmp_dose_mg", "1500", "must be from 1 to 1000 mg"),
    ("mtx_mg_week", "15 mg", "must be a number"),
    ("hcq_mg_day", "1e9", "must be from 0 to 600"),
])
def test_the_fields_refuse_what_is_not_a_usable_number(code, typed, fragment):
    message = validate_dose_item(code, typed)
    assert message is not None and fragment in message


@pytest.mark.parametrize("code, typed", [
    ("prednisone_mg_day", ""), ("prednisone_mg_day", "0"), ("prednisone_mg_day", " 12.5 "),
    ("ivmp_pulses", "3"), ("ivmp_pulses", "3.0"), ("ivmp_dose_mg", "1000"),
    ("mtx_mg_week", "15"), ("hcq_mg_day", "200"),
])
def test_usable_entries_pass(code, typed):
    assert validate_dose_item(code, typed) is None


def test_pulses_given_need_their_dose_at_the_dose_field():
    problems = steroid_problems({"prednisone_mg_day": "20", "ivmp_pulses": "2"})
    assert set(problems) == {"ivmp_dose_mg"}
    assert "enter the dose of each pulse" in problems["ivmp_dose_mg"]
    assert steroid_problems({"ivmp_pulses": "0"}) == {}
    assert steroid_problems({"ivmp_pulses": "2", "ivmp_dose_mg": "600"}) == {}


def test_the_equivalence_is_four_to_five():
    # 4 mg methylprednisolone = 5 mg prednisone -> 1 mg MP = 5/4 = 1.25 mg prednisone.
    assert METHYLPREDNISOLONE_TO_PREDNISONE == 5 / 4


def test_cumulative_exposure_worked_by_hand():
    visits = [
        # baseline 2026-01-01: 40 mg/day, 20 kg, 3 pulses of 600 mg since enrollment
        SteroidVisit(date(2026, 1, 1), 40, 3, 600, 20),
        # month 1 2026-02-01 (31 days later): 30 mg/day, 20 kg, 1 pulse of 600 mg
        SteroidVisit(date(2026, 2, 1), 30, 1, 600, 20),
        # month 2 2026-03-01 (28 days later): 10 mg/day, 25 kg, no pulse
        SteroidVisit(date(2026, 3, 1), 10, 0, None, 25),
    ]
    result = cumulative_steroid_exposure(list(reversed(visits)))  # order does not matter
    # Oral: 40 mg/day x 31 days = 1240 mg; 30 mg/day x 28 days = 840 mg; the last visit's
    # 10 mg/day counts from 2026-03-01 on, after the period: 0. 1240 + 840 = 2080 mg.
    assert result.oral_mg == 2080
    # mg/kg: 1240 / 20 = 62; 840 / 20 = 42; 62 + 42 = 104 mg/kg.
    assert result.oral_mg_per_kg == 104
    # IV: 3 x 600 = 1800 mg; 1 x 600 = 600 mg; 0 -> 2400 mg; mg/kg 1800/20 + 600/20 =
    # 90 + 30 = 120 mg/kg.
    assert result.ivmp_mg == 2400
    assert result.ivmp_mg_per_kg == 120
    # Total prednisone equivalent: 2080 + 1.25 x 2400 = 2080 + 3000 = 5080 mg;
    # per kg 104 + 1.25 x 120 = 104 + 150 = 254 mg/kg.
    assert result.total_prednisone_mg == 5080
    assert result.total_prednisone_mg_per_kg == 254
    assert (result.first, result.last) == (date(2026, 1, 1), date(2026, 3, 1))
    assert result.gaps == ()


def test_a_missing_dose_makes_the_total_unknown_and_says_where():
    visits = [SteroidVisit(date(2026, 1, 1), None, 0, None, 20),
              SteroidVisit(date(2026, 2, 1), 30, 2, None, 20),
              SteroidVisit(date(2026, 3, 1), 10, 0, None, 20)]
    result = cumulative_steroid_exposure(visits)
    assert result.oral_mg is None and result.total_prednisone_mg is None
    assert result.ivmp_mg is None
    assert result.gaps == ("oral dose not recorded on 2026-01-01",
                           "IV pulse dose not recorded on 2026-02-01")


def test_a_missing_weight_leaves_only_mg_per_kg_unknown():
    visits = [SteroidVisit(date(2026, 1, 1), 20, 0, None, None),
              SteroidVisit(date(2026, 1, 11), 0, 0, None, 20)]
    result = cumulative_steroid_exposure(visits)
    # 20 mg/day x 10 days = 200 mg, but no weight on 2026-01-01 to divide by.
    assert result.oral_mg == 200 and result.oral_mg_per_kg is None
    assert result.total_prednisone_mg == 200 and result.total_prednisone_mg_per_kg is None
    assert result.gaps == ("weight not recorded on 2026-01-01",)


def test_no_visits_no_exposure_and_one_visit_only_its_pulses():
    assert cumulative_steroid_exposure([]).total_prednisone_mg == 0
    one = cumulative_steroid_exposure([SteroidVisit(date(2026, 1, 1), 60, 2, 1000, 40)])
    # No next visit: no oral days. Pulses 2 x 1000 = 2000 mg; x 1.25 = 2500 mg;
    # per kg 2000 / 40 = 50 -> 62.5.
    assert one.oral_mg == 0 and one.ivmp_mg == 2000
    assert one.total_prednisone_mg == 2500 and one.total_prednisone_mg_per_kg == 62.5


def test_a_visit_is_read_from_its_stored_items():
    values = {"steroids": {"prednisone_mg_day": ItemEntry(12.5), "ivmp_pulses": ItemEntry(1.0),
                           "ivmp_dose_mg": ItemEntry(500.0),
                           "mtx_mg_week": ItemEntry(missing_reason="unknown")},
              "vitals": {"weight_kg": ItemEntry(31.2, unit="kg")}}
    assert steroid_visit(date(2026, 5, 1), values) == SteroidVisit(
        date(2026, 5, 1), 12.5, 1.0, 500.0, 31.2)
