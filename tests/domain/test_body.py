"""Body measurements and Mosteller BSA (clinical rules §4). Expected values by hand."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from app.domain.body import (
    BSA_FORMULA,
    BodyMeasurements,
    measurement_age_warning,
    mosteller_bsa,
)
from app.domain.errors import InputError


@pytest.mark.parametrize(
    ("weight_kg", "height_cm", "bsa"),
    [
        (20, 115, 0.7993052538),  # √(115 × 20 / 3600) = √(2300 / 3600) = √0.638889
        (80, 180, 2.0),  # √(180 × 80 / 3600) = √(14400 / 3600) = √4
        (100, 200, 2.3570226040),  # √(20000 / 3600) = √5.555556
        (150, 200, 2.8867513459),  # √(30000 / 3600) = √8.333333
        (60, 50, 0.9128709292),  # √(3000 / 3600) = √0.833333
        (36, 100, 1.0),  # √(3600 / 3600)
    ],
)
def test_mosteller_bsa(weight_kg, height_cm, bsa):
    assert mosteller_bsa(weight_kg, height_cm) == pytest.approx(bsa, abs=1e-9)
    assert BodyMeasurements(weight_kg, height_cm).bsa_m2 == pytest.approx(bsa, abs=1e-9)


def test_bsa_formula_text():
    assert BSA_FORMULA == "Mosteller: √(height cm × weight kg / 3600)"


def test_bsa_rejects_bad_inputs_instead_of_computing():
    with pytest.raises(InputError, match="Height must be between 45 and 220 cm"):
        mosteller_bsa(20, 0)
    with pytest.raises(InputError, match="Weight must be between 2 and 200 kg"):
        mosteller_bsa(-20, 115)


def test_height_is_optional_and_bsa_is_then_unknown():
    body = BodyMeasurements(20)
    assert body.height_cm is None
    assert body.bsa_m2 is None
    assert body.measured_on is None


def test_values_are_stored_as_floats_and_frozen():
    body = BodyMeasurements("20", "115", date(2026, 1, 5))
    assert body.weight_kg == 20.0 and isinstance(body.weight_kg, float)
    assert body.height_cm == 115.0
    with pytest.raises(dataclasses.FrozenInstanceError):
        body.weight_kg = 30  # type: ignore[misc]


@pytest.mark.parametrize(
    ("kwargs", "field", "fragment"),
    [
        ({"weight_kg": 0}, "weight_kg", "0 kg was entered"),
        ({"weight_kg": -1}, "weight_kg", "-1 kg was entered"),
        ({"weight_kg": "abc"}, "weight_kg", '"abc" was entered'),
        ({"weight_kg": float("nan")}, "weight_kg", "ordinary number"),
        ({"weight_kg": 1.9}, "weight_kg", "between 2 and 200 kg; 1.9 kg"),
        ({"weight_kg": 200.1}, "weight_kg", "between 2 and 200 kg; 200.1 kg"),
        ({"weight_kg": 20, "height_cm": 44.9}, "height_cm", "between 45 and 220 cm; 44.9 cm"),
        ({"weight_kg": 20, "height_cm": 220.1}, "height_cm", "between 45 and 220 cm; 220.1 cm"),
        ({"weight_kg": 20, "measured_on": "2026-01-05"}, "measured_on", "calendar date"),
    ],
)
def test_bad_measurements_are_refused(kwargs, field, fragment):
    with pytest.raises(InputError) as info:
        BodyMeasurements(**kwargs)
    assert info.value.field == field
    assert fragment in info.value.message


def test_from_imperial_converts_exactly():
    body = BodyMeasurements.from_imperial(44, 45.28, date(2026, 1, 5))
    assert body.weight_kg == pytest.approx(19.95806428, abs=1e-12)  # 44 × 0.45359237
    assert body.height_cm == pytest.approx(115.0112, abs=1e-12)  # 45.28 × 2.54
    assert body.measured_on == date(2026, 1, 5)


def test_from_imperial_without_height():
    assert BodyMeasurements.from_imperial("22").height_cm is None  # 22 lb = 9.979 kg


def test_from_imperial_error_gives_both_units():
    with pytest.raises(InputError) as info:
        BodyMeasurements.from_imperial(4)  # 4 × 0.45359237 = 1.81436948 kg < 2 kg
    assert info.value.message == (
        "Weight must be between 2 and 200 kg (4.41 to 440.92 lb); 4 lb (1.81 kg) was entered."
    )


TODAY = date(2026, 3, 1)


@pytest.mark.parametrize(
    ("measured_on", "max_age", "expected_fragment"),
    [
        (date(2026, 3, 1), 30, None),  # 0 days old
        (date(2026, 1, 30), 30, None),  # 30 days old (Jan 30 → Mar 1: 1 + 28 + 1 = 30): allowed
        (date(2026, 1, 29), 30, "measured 31 days ago (on 29 Jan 2026)"),  # 31 days
        (date(2025, 12, 1), 30, "measured 90 days ago"),  # 30 + 31 + 28 + 1 = 90
        (date(2026, 2, 21), 7, "measured 8 days ago"),  # 7-day setting: 8 days is too old
        (date(2026, 2, 22), 7, None),
        (None, 30, "not recorded"),
        (date(2026, 3, 2), 30, "after today"),
    ],
)
def test_measurement_age_warning(measured_on, max_age, expected_fragment):
    warning = measurement_age_warning(measured_on, TODAY, max_age_days=max_age)
    if expected_fragment is None:
        assert warning is None
    else:
        assert warning is not None and expected_fragment in warning


def test_default_maximum_age_is_30_days():
    assert measurement_age_warning(date(2026, 1, 30), TODAY) is None
    assert "older than 30 days" in (measurement_age_warning(date(2026, 1, 29), TODAY) or "")
