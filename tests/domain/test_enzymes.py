"""Muscle enzymes ×ULN (clinical-rules §2.5). Expected values worked out by hand."""

from __future__ import annotations

import pytest

from app.domain.instruments import InstrumentInputError
from app.domain.instruments.enzymes import (
    EnzymeMeasurement,
    EnzymeUnit,
    follow_up_enzyme,
    most_abnormal,
    times_uln,
    to_u_per_l,
    validate_enzyme,
)

M = EnzymeMeasurement


@pytest.mark.parametrize(
    ("measurement", "value_u", "uln_u", "expected"),
    [
        # 1200 U/L / 200 U/L = 6
        (M("ck", 1200, "U/L", 200), 1200, 200, 6.0),
        # 10 µkat/L x 60 = 600 U/L; ULN 3.3 µkat/L x 60 = 198 U/L; 600/198 = 3.030303...
        (M("ck", 10, "µkat/L", 3.3), 600, 198, 3.030303),
        # 5 µkat/L x 60 = 300 U/L; ULN 150 U/L; 300/150 = 2
        (M("ldh", 5, EnzymeUnit.MICROKAT_PER_L, 150, "U/L"), 300, 150, 2.0),
        # 2.5 µkat/L x 60 = 150 U/L; ULN 200 U/L -> 0.75
        (M("ck", 2.5, "ukat/L", 200, "U/L"), 150, 200, 0.75),
        # 45 U/L / ULN 40 U/L = 1.125
        (M("alt", "45", "IU/L", "40"), 45, 40, 1.125),
    ],
)
def test_times_uln(measurement, value_u, uln_u, expected):
    result = times_uln(measurement)
    assert result.value_u_per_l == value_u
    assert result.uln_u_per_l == uln_u
    assert result.times_uln == expected
    assert "× ULN" in result.explanation


def test_microkat_conversion_is_exact():
    assert to_u_per_l(2.5, "µkat/L") == 150  # 2.5 x 60
    assert to_u_per_l(0.1, "µkat/L") == 6  # 0.1 x 60, exact in decimal


def test_most_abnormal_is_highest_times_uln():
    baseline = [
        M("ck", 400, "U/L", 200),  # 400/200 = 2.0
        M("aldolase", 12, "U/L", 7.6),  # 12/7.6 = 1.578947
        M("ldh", 900, "U/L", 300),  # 900/300 = 3.0   <- highest
        M("ast", 80, "U/L", 40),  # 80/40 = 2.0
        M("alt", 30, "U/L", 40),  # 30/40 = 0.75
    ]
    result = most_abnormal(baseline)
    assert result.enzyme == "ldh"
    assert result.result.times_uln == 3.0
    assert result.tied_with == ()
    assert [r.times_uln for r in result.all_results] == [2.0, 1.578947, 3.0, 2.0, 0.75]


def test_most_abnormal_compares_after_unit_conversion():
    # CK 6 µkat/L = 360 U/L, ULN 180 U/L -> 2.0 ; AST 90/50 = 1.8 -> CK
    result = most_abnormal([M("ast", 90, "U/L", 50), M("ck", 6, "µkat/L", 180, "U/L")])
    assert result.enzyme == "ck" and result.result.times_uln == 2.0


def test_tie_picks_fixed_order_and_reports_it():
    # CK 2.0 and AST 2.0 tie -> CK (first in CK, aldolase, LDH, AST, ALT); tie reported
    result = most_abnormal([M("ast", 80, "U/L", 40), M("ck", 400, "U/L", 200)])
    assert result.enzyme == "ck"
    assert result.tied_with == ("ast",)
    assert "Tied with" in result.explanation


def test_no_results():
    assert most_abnormal([]).enzyme is None


def test_duplicate_enzyme_refused():
    with pytest.raises(InstrumentInputError):
        most_abnormal([M("ck", 400, "U/L", 200), M("ck", 500, "U/L", 200)])


def test_follow_up_uses_same_enzyme():
    follow = [M("ck", 100, "U/L", 200), M("ldh", 450, "U/L", 300)]
    result = follow_up_enzyme("ldh", follow)
    assert result.result.times_uln == 1.5  # 450/300
    missing = follow_up_enzyme("aldolase", follow)
    assert missing.result is None
    assert "not substituted" in missing.reason


@pytest.mark.parametrize(
    ("measurement", "field"),
    [
        (M("ck", -5, "U/L", 200), "value"),
        (M("ck", "high", "U/L", 200), "value"),
        (M("ck", 100, "U/L", 0), "uln"),
        (M("ck", 100, "mg/dL", 200), "unit"),
        (M("ck", 100, "U/L", 200, "mmol"), "uln_unit"),
        (M("cpk", 100, "U/L", 200), "enzyme"),
    ],
)
def test_validation(measurement, field):
    messages = validate_enzyme(measurement)
    assert field in messages
    with pytest.raises(InstrumentInputError):
        times_uln(measurement)


def test_validation_message_wording():
    assert validate_enzyme(M("ck", 100, "U/L", 0)) == {
        "uln": "CK (creatine kinase): the upper limit of normal must be a number from 0.001 "
        "to 100,000; 0 was entered."
    }
