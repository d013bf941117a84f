"""Doses of the refractory-biologic plan (clinical-rules §1.2) at every band edge.

Every expected value was worked out by hand from the rule quoted in the comment; none is
produced by the code under test. Rounding (provisional data): biologic mg doses to the
nearest 0.1 mg, never above a maximum; the top of a dose range rounded down.
BSA = Mosteller √(height cm × weight kg / 3600) (clinical-rules §4).
"""

from __future__ import annotations

import json
import math
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.age import AgeOnDay
from app.domain.body import BodyMeasurements
from app.domain.dates import format_date
from app.domain.dosing import (
    DOSE_DICT_KEYS,
    DoseResult,
    arm_dose_rules,
    check_final_dose,
    compute_arm_doses,
    compute_concomitant_limits,
)
from app.domain.errors import (
    DoseAboveMaximumError,
    InputError,
    MissingMeasurementError,
    UnknownArmError,
)
from app.domain.protocol import Protocol, RuleStatus, load_protocol
from app.domain.schedule import infusion_dates, total_doses

SHIPPED = (
    Path(__file__).resolve().parents[2] / "resources" / "protocols" / "refractory-biologic.toml"
)
D = date.fromisoformat


@pytest.fixture(scope="module")
def protocol() -> Protocol:
    return load_protocol(SHIPPED)


def only(results: list[DoseResult]) -> DoseResult:
    assert len(results) == 1
    return results[0]


def dose(protocol, arm, weight, *, option=None, route=None, height=None) -> DoseResult:
    body = BodyMeasurements(weight, height_cm=height)
    return only(compute_arm_doses(protocol, arm, body, route=route, option=option))


# --------------------------------------------------------------------------- the plan


def test_plan_is_provisional_with_the_four_arms(protocol):
    assert protocol.id == "refractory-biologic"
    assert protocol.status is RuleStatus.PROVISIONAL and protocol.provisional
    assert "PROVISIONAL" in protocol.notice and "verify against the published plan" in (
        protocol.notice
    )
    assert protocol.arm_ids == ("tnf", "abatacept", "rituximab", "tocilizumab")
    assert protocol.arm("tnf").option_ids == ("adalimumab", "infliximab_5", "infliximab_6_10")
    assert protocol.arm("abatacept").option_ids == ("iv", "sc")
    assert protocol.arm("rituximab").option_ids == (
        "rim_weeks_0_and_1", "rim_weeks_0_and_2", "flat_weeks_0_and_1", "flat_weeks_0_and_2")
    assert protocol.arm("tocilizumab").option_ids == ("every_2_weeks", "every_4_weeks")


def test_rituximab_default_is_the_banded_rim_regimen(protocol):
    # clinical-rules §1.2 (issue 18): the BSA-banded RIM regimen is the default option, the
    # flat 750 mg/m² a second option; both provisional, each quoting the text relied on.
    arm = protocol.arm("rituximab")
    assert arm.default_option is not None and arm.default_option.id == "rim_weeks_0_and_1"
    assert [o.id for o in arm.options if o.default] == ["rim_weeks_0_and_1"]
    for rule in arm.doses:
        assert rule.status is RuleStatus.PROVISIONAL and rule.cap == 1000
        if rule.option.startswith("rim_"):
            assert rule.kind.value == "bsa_bands"
            low, high = rule.bands
            assert (low.high, low.high_inclusive, low.rule.amount) == (1.5, True, 575)
            assert (high.low, high.low_inclusive, high.rule.amount) == (1.5, False, 750)
            assert "BSA ≤ 1.5 m² → 575 mg/m²; BSA > 1.5 m² → 750 mg/m²" in rule.source
        else:
            assert (rule.kind.value, rule.amount) == ("per_m2", 750)
            assert "flat 750 mg/m² (max 1000 mg) may be offered as a second" in rule.source
    for option in arm.options:
        assert option.status is RuleStatus.PROVISIONAL
        assert "PROVISIONAL" in option.label and "clinical-rules §1.2" in option.source
    flat = [o for o in arm.options if o.id.startswith("flat_")]
    assert all("HIGHER" in o.label for o in flat)


@pytest.mark.parametrize(
    ("arm", "option", "status"),
    [
        ("tnf", "adalimumab", RuleStatus.PUBLISHED),  # label
        ("tnf", "infliximab_5", RuleStatus.PUBLISHED),  # pediatric label
        ("tnf", "infliximab_6_10", RuleStatus.PROVISIONAL),  # practice range
        ("abatacept", "iv", RuleStatus.PUBLISHED),
        ("abatacept", "sc", RuleStatus.PUBLISHED),
        ("rituximab", "rim_weeks_0_and_1", RuleStatus.PROVISIONAL),  # recalled, unconfirmed
        ("rituximab", "rim_weeks_0_and_2", RuleStatus.PROVISIONAL),
        ("rituximab", "flat_weeks_0_and_1", RuleStatus.PROVISIONAL),  # not a label dose
        ("rituximab", "flat_weeks_0_and_2", RuleStatus.PROVISIONAL),
        ("tocilizumab", "every_2_weeks", RuleStatus.PUBLISHED),  # sJIA label
        ("tocilizumab", "every_4_weeks", RuleStatus.PROVISIONAL),  # §1.2: provisional
    ],
)
def test_status_of_each_option(protocol, arm, option, status):
    (rule,) = arm_dose_rules(protocol, arm, option=option)
    assert rule.status is status
    assert rule.source
    assert protocol.arm(arm).option(option).status is status


def test_route_not_in_the_option_is_refused(protocol):
    with pytest.raises(InputError) as info:
        compute_arm_doses(protocol, "tnf", BodyMeasurements(20), route="IV", option="adalimumab")
    assert info.value.field == "route" and 'option "adalimumab"' in info.value.message


def test_unknown_arm(protocol):
    with pytest.raises(UnknownArmError):
        compute_arm_doses(protocol, "etanercept", BodyMeasurements(20))


# --------------------------------------------------------------------------- rituximab
# Default (RIM, provisional): BSA ≤ 1.5 m² → 575 mg/m²; BSA > 1.5 m² → 750 mg/m²; maximum
# 1000 mg per dose. Second option: flat 750 mg/m², maximum 1000 mg. capped = the cap changed
# the amount (raw > 1000). BSA = √(height × weight / 3600).
@pytest.mark.parametrize(
    ("weight", "height", "bsa", "rim_raw", "rim", "rim_capped", "flat_raw", "flat", "flat_capped"),
    [
        # 20 kg, 115 cm: √(2300/3600) = 0.7993053. RIM 575 × 0.7993053 = 459.600 → 459.6;
        # flat 750 × 0.7993053 = 599.479 → 599.5 (30% more: 750/575 = 1.304)
        (20, 115, 0.7993053, 459.6006, 459.6, False, 599.4789, 599.5, False),
        # 40 kg, 140 cm: √(5600/3600) = 1.2472191. RIM 575 × 1.2472191 = 717.151 → 717.2;
        # flat 750 × 1.2472191 = 935.414 → 935.4
        (40, 140, 1.2472191, 717.1510, 717.2, False, 935.4143, 935.4, False),
        # 40 kg, 159.201 cm: 1.33² × 3600 / 40 = 159.201, BSA 1.33. RIM 575 × 1.33 = 764.75
        # → 764.8 (nearest 0.1, half up); flat 750 × 1.33 = 997.5
        (40, 159.201, 1.33, 764.75, 764.8, False, 997.5, 997.5, False),
        # 40 kg, 160 cm: √(6400/3600) = 4/3. RIM 575 × 4/3 = 766.667 → 766.7; flat
        # 750 × 4/3 = 1000 = the maximum exactly: not capped (the cap changed nothing)
        (40, 160, 4 / 3, 766.6667, 766.7, False, 1000.0, 1000.0, False),
        # 54 kg, 150 cm: √(8100/3600) = 1.5 exactly, still in the ≤ 1.5 m² band. RIM
        # 575 × 1.5 = 862.5; flat 750 × 1.5 = 1125 > 1000 → 1000 (capped)
        (54, 150, 1.5, 862.5, 862.5, False, 1125.0, 1000.0, True),
        # 54.1 kg, 150 cm: √(8115/3600) = 1.5013883 > 1.5: 750 mg/m² band. Both
        # 750 × 1.5013883 = 1126.04 > 1000 → 1000 (capped): the readings agree above 1.5 m²
        (54.1, 150, 1.5013883, 1126.0412, 1000.0, True, 1126.0412, 1000.0, True),
        # 60 kg, 170 cm: √(10200/3600) = 1.6832508; 750 × 1.6832508 = 1262.44 → 1000
        (60, 170, 1.6832508, 1262.4381, 1000.0, True, 1262.4381, 1000.0, True),
    ],
)
def test_rituximab_rim_and_flat(
    protocol, weight, height, bsa, rim_raw, rim, rim_capped, flat_raw, flat, flat_capped
):
    for schedule in ("weeks_0_and_1", "weeks_0_and_2"):
        for option, raw, amount, capped in (
            (f"rim_{schedule}", rim_raw, rim, rim_capped),
            (f"flat_{schedule}", flat_raw, flat, flat_capped),
        ):
            result = dose(protocol, "rituximab", weight, option=option, height=height)
            assert result.bsa_m2 == pytest.approx(bsa, abs=1e-6)
            assert result.calculated == pytest.approx(raw, abs=1e-3)
            assert result.amount == pytest.approx(amount, abs=1e-9)
            assert result.amount <= 1000
            assert result.capped is capped and result.cap == 1000
            assert result.status is RuleStatus.PROVISIONAL
            assert "Mosteller" in result.derivation


def test_rituximab_band_edge_in_words(protocol):
    at_edge = dose(protocol, "rituximab", 54, option="rim_weeks_0_and_1", height=150)
    assert "BSA 1.5 m² is in the band ≤ 1.5 m²: 575 mg/m² × 1.5 m² = 862.5 mg" in (
        at_edge.derivation)
    above = dose(protocol, "rituximab", 54.1, option="rim_weeks_0_and_1", height=150)
    assert "BSA 1.5014 m² is in the band > 1.5 m²: 750 mg/m²" in above.derivation
    assert "above the maximum of 1000 mg, so the maximum 1000 mg applies" in above.derivation


def test_rituximab_needs_height(protocol):
    for option in ("rim_weeks_0_and_1", "flat_weeks_0_and_1"):
        with pytest.raises(MissingMeasurementError) as info:
            dose(protocol, "rituximab", 40, option=option)
        assert info.value.field == "height_cm"


def test_rituximab_options_differ_in_dose_and_schedule(protocol):
    by_option = {
        r.option: r
        for r in compute_arm_doses(protocol, "rituximab", BodyMeasurements(40, height_cm=140))
    }
    assert by_option["rim_weeks_0_and_1"].amount == by_option["rim_weeks_0_and_2"].amount == 717.2
    assert by_option["flat_weeks_0_and_1"].amount == by_option["flat_weeks_0_and_2"].amount == 935.4
    assert by_option["rim_weeks_0_and_1"].frequency == "2 doses, 1 week apart (weeks 0 and 1)"
    assert by_option["rim_weeks_0_and_2"].frequency == "2 doses, 2 weeks apart (weeks 0 and 2)"


# --------------------------------------------------------------------------- tocilizumab
@pytest.mark.parametrize(
    ("weight", "amount"),
    [
        (10, 120.0),  # 12 × 10 = 120 mg
        (29.9, 358.8),  # 12 × 29.9 = 358.8 mg
        (30, 240.0),  # 8 × 30 = 240 mg (the label's step down at 30 kg)
        (60, 480.0),  # 8 × 60 = 480 mg
    ],
)
def test_tocilizumab_every_2_weeks(protocol, weight, amount):
    result = dose(protocol, "tocilizumab", weight, option="every_2_weeks")
    assert result.amount == pytest.approx(amount, abs=1e-9)
    assert result.frequency == "every 2 weeks"
    assert result.status is RuleStatus.PUBLISHED


# Maximum 800 mg per infusion (label advice for adults; clinical-rules §1.2), both schedules.
@pytest.mark.parametrize(
    ("option", "weight", "calculated", "amount", "capped"),
    [
        ("every_2_weeks", 99.9, 799.2, 799.2, False),  # 8 × 99.9 = 799.2 mg
        ("every_2_weeks", 100, 800.0, 800.0, False),  # 8 × 100 = 800 mg = the cap exactly
        ("every_2_weeks", 110, 880.0, 800.0, True),  # 8 × 110 = 880 mg > 800 → 800 mg
        ("every_4_weeks", 110, 880.0, 800.0, True),  # 8 × 110 = 880 mg > 800 → 800 mg
        ("every_4_weeks", 150, 1200.0, 800.0, True),  # 8 × 150 = 1200 mg → 800 mg
    ],
)
def test_tocilizumab_maximum_800_mg(protocol, option, weight, calculated, amount, capped):
    result = dose(protocol, "tocilizumab", weight, option=option)
    assert result.cap == 800
    assert result.calculated == pytest.approx(calculated, abs=1e-9)
    assert result.amount == pytest.approx(amount, abs=1e-9)
    assert result.capped is capped
    if capped:
        assert "above the maximum of 800 mg, so the maximum 800 mg applies" in result.derivation
    with pytest.raises(DoseAboveMaximumError):
        check_final_dose(result, 800.1)


# Abatacept IV is labelled from age 6 years, SC from 2 (clinical-rules §1.2): warn below.
# Age in completed years on the first dose day, from the date of birth.
@pytest.mark.parametrize(
    ("option", "born", "on", "years", "warned"),
    [
        ("iv", "2020-01-06", "2026-01-05", 5, True),  # the day before the 6th birthday: 5
        ("iv", "2020-01-05", "2026-01-05", 6, False),  # the 6th birthday itself: 6
        ("iv", "2015-03-01", "2026-01-05", 10, False),  # 2026 - 2015 = 11, not yet 1 Mar: 10
        ("sc", "2022-01-06", "2026-01-05", 3, False),  # SC labelled from 2: 3 is within
        ("sc", "2024-06-01", "2026-01-05", 1, True),  # SC at 1 year: below 2
    ],
)
def test_abatacept_labelled_age(protocol, option, born, on, years, warned):
    age = AgeOnDay(D(born), D(on))
    assert age.years == years
    body = BodyMeasurements(20)
    (result,) = compute_arm_doses(protocol, "abatacept", body, option=option, age=age)
    # the dose itself is computed all the same: IV 10 mg/kg × 20 kg = 200 mg; SC 50 mg
    assert result.amount == (200.0 if option == "iv" else 50.0)
    assert bool(result.warnings) is warned
    labelled = 6 if option == "iv" else 2
    if warned:
        (warning,) = result.warnings
        assert f"labelled from age {labelled} years" in warning
        assert f"{years} year{'s' if years != 1 else ''} old on {format_date(D(on))}" in warning
        assert "WARNING: " + warning in result.derivation
        assert result.to_dict()["warnings"] == [warning]
    else:
        assert f"Labelled age: from {labelled} years" in result.derivation
        assert "within the label" in result.derivation
    assert born not in result.derivation  # the date of birth itself is not printed


def test_abatacept_without_an_age_says_it_is_not_known(protocol):
    (result,) = compute_arm_doses(protocol, "abatacept", BodyMeasurements(20), option="iv")
    (warning,) = result.warnings
    assert "labelled from age 6 years, and the child's age is not known" in warning
    # a drug with no labelled age never warns
    assert dose(protocol, "tocilizumab", 20, option="every_2_weeks").warnings == ()


# --------------------------------------------------------------------------- concomitant
@pytest.mark.parametrize(
    ("weight", "pulse", "pulse_capped", "prednisone"),
    [
        (20, 600.0, False, 40.0),  # 30 × 20 = 600 mg; 2 × 20 = 40 mg/day
        (33.3, 999.0, False, 60.0),  # 30 × 33.3 = 999 mg; 2 × 33.3 = 66.6 → 60 mg/day
        (33.34, 1000.0, True, 60.0),  # 30 × 33.34 = 1000.2 → 1000 mg
        (80, 1000.0, True, 60.0),  # 2400 → 1000 mg; 160 → 60 mg/day
        (23.456, 703.0, False, 46.9),  # 703.68 → down to 703 mg; 46.912 → down to 46.9
    ],
)
def test_bridging_limits(protocol, weight, pulse, pulse_capped, prednisone):
    limits = {x.limit_id: x for x in compute_concomitant_limits(protocol, BodyMeasurements(weight))}
    assert set(limits) == {
        "bridging_methylprednisolone_weekly",
        "bridging_methylprednisolone_daily",
        "daily_oral_glucocorticoid",
    }
    for key in ("bridging_methylprednisolone_weekly", "bridging_methylprednisolone_daily"):
        assert limits[key].max_amount == pulse and limits[key].capped is pulse_capped
        assert limits[key].status is RuleStatus.PROVISIONAL
    assert limits["daily_oral_glucocorticoid"].max_amount == pytest.approx(prednisone)
    assert limits["daily_oral_glucocorticoid"].per == "day"


def test_ivig_may_continue_in_every_arm(protocol):
    for arm in protocol.arms:
        (rule,) = [r for r in arm.rules if r.kind.value == "may_continue"]
        assert rule.drugs == ("ivig",)


# --------------------------------------------------------------------------- schedules
# Start Monday 2026-01-05; dates counted on a calendar (February 2026 has 28 days).
@pytest.mark.parametrize(
    ("schedule", "count", "expected"),
    [
        # weeks 0, 2, 4 then every 4 weeks: +14, +14, then +28: 02-02 + 28 = 03-02, 03-30
        (
            "abatacept_iv_weeks_0_2_4_then_every_4_weeks",
            5,
            ["2026-01-05", "2026-01-19", "2026-02-02", "2026-03-02", "2026-03-30"],
        ),
        # weeks 0, 2, 6 then every 8 weeks: day 0, 14, 42 (02-16), 98 (04-13), 154 (06-08)
        (
            "infliximab_weeks_0_2_6_then_every_8_weeks",
            5,
            ["2026-01-05", "2026-01-19", "2026-02-16", "2026-04-13", "2026-06-08"],
        ),
        ("adalimumab_every_other_week", 3, ["2026-01-05", "2026-01-19", "2026-02-02"]),
        ("abatacept_sc_weekly", 3, ["2026-01-05", "2026-01-12", "2026-01-19"]),
        ("rituximab_two_doses_1_week_apart", 2, ["2026-01-05", "2026-01-12"]),
        ("rituximab_two_doses_2_weeks_apart", 2, ["2026-01-05", "2026-01-19"]),
        ("tocilizumab_every_2_weeks", 3, ["2026-01-05", "2026-01-19", "2026-02-02"]),
        ("tocilizumab_every_4_weeks", 3, ["2026-01-05", "2026-02-02", "2026-03-02"]),
        (
            "methylprednisolone_weekly_x4",
            4,
            ["2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26"],
        ),
        ("methylprednisolone_daily_x3", 3, ["2026-01-05", "2026-01-06", "2026-01-07"]),
    ],
)
def test_schedule_dates(protocol, schedule, count, expected):
    dates = infusion_dates(protocol.schedule(schedule), D("2026-01-05"), count)
    assert dates == [D(x) for x in expected]


def test_every_dose_schedule_exists_and_matches_its_option(protocol):
    expected = {
        "adalimumab": "adalimumab_every_other_week",
        "infliximab_5": "infliximab_weeks_0_2_6_then_every_8_weeks",
        "infliximab_6_10": None,  # interval chosen by the team: no dates computed
        "iv": "abatacept_iv_weeks_0_2_4_then_every_4_weeks",
        "sc": "abatacept_sc_weekly",
        "rim_weeks_0_and_1": "rituximab_two_doses_1_week_apart",
        "rim_weeks_0_and_2": "rituximab_two_doses_2_weeks_apart",
        "flat_weeks_0_and_1": "rituximab_two_doses_1_week_apart",
        "flat_weeks_0_and_2": "rituximab_two_doses_2_weeks_apart",
        "every_2_weeks": "tocilizumab_every_2_weeks",
        "every_4_weeks": "tocilizumab_every_4_weeks",
    }
    found = {d.option: d.schedule for a in protocol.arms for d in a.doses}
    assert found == expected


def test_rituximab_course_is_two_doses(protocol):
    spec = protocol.schedule("rituximab_two_doses_1_week_apart")
    assert total_doses(spec) == 2
    assert total_doses(protocol.schedule("abatacept_sc_weekly")) is None
    with pytest.raises(InputError):
        infusion_dates(spec, D("2026-01-05"), 6)
    assert infusion_dates(spec, D("2026-01-05"), 6, allow_fewer=True) == [
        D("2026-01-05"),
        D("2026-01-12"),
    ]


# --------------------------------------------------------------------------- invariants


@settings(max_examples=200, deadline=None)
@given(
    weight=st.floats(min_value=10, max_value=200, allow_nan=False),
    height=st.floats(min_value=45, max_value=220, allow_nan=False),
)
def test_no_biologic_dose_exceeds_its_maximum(protocol, weight, height):
    body = BodyMeasurements(weight, height_cm=height)
    for arm in protocol.arms:
        for result in compute_arm_doses(protocol, arm.id, body):
            assert result.amount > 0 and math.isfinite(result.amount)
            if result.cap is not None:
                assert result.amount <= result.cap
            if result.range_max is not None:
                assert result.amount <= result.range_max
                # the top of the range never exceeds 10 mg/kg
                assert result.range_max <= 10 * weight + 1e-9
    for limit in compute_concomitant_limits(protocol, body):
        assert limit.max_amount <= (limit.cap or math.inf)


def test_dose_json_shape_is_unchanged(protocol):
    result = dose(protocol, "abatacept", 80, route="iv")
    data = result.to_dict()
    assert tuple(data) == DOSE_DICT_KEYS
    json.dumps(data)  # serialisable as is


def test_a_band_s_bounds_are_numbers_in_its_phrase(protocol):
    """The band "≤ 1.5 m²" is a Phrase whose bound is a Number (the interface writes
    "1,5" in French); its English, and so the derivation's, is unchanged (above)."""
    from app.domain.dose_sentences import BAND_BOUND, IN_BSA_BAND
    from app.domain.phrases import Number

    above = dose(protocol, "rituximab", 54.1, option="rim_weeks_0_and_1", height=150)
    band_line = next(line for line in above.explained if "is in the band" in str(line))
    inner = next(p for p in _phrases_in(band_line) if p.template == IN_BSA_BAND)
    band = inner.values[1]
    assert band.template == BAND_BOUND and str(band) == "> 1.5 m²"
    assert band.values == (">", "1.5", "m²") and isinstance(band.values[1], Number)


def _phrases_in(value):
    from app.domain.phrases import Joined, Phrase

    if isinstance(value, Phrase):
        yield value
        for v in value.values:
            yield from _phrases_in(v)
    elif isinstance(value, Joined):
        for v in value.parts:
            yield from _phrases_in(v)
