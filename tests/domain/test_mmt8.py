"""MMT8 totals (clinical-rules §2.3). Expected values worked out by hand."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.instruments import InstrumentInputError
from app.domain.instruments.mmt8 import (
    BILATERAL_ITEMS,
    KENDALL_ANCHORS,
    UNILATERAL_ITEMS,
    Mmt8Variant,
    Side,
    compare_mmt8,
    score_mmt8,
    validate_mmt8,
)

GROUPS = [
    "neck_flexors", "middle_deltoid", "biceps_brachii", "gluteus_maximus",
    "gluteus_medius", "quadriceps", "wrist_extensors", "ankle_dorsiflexors",
]  # fmt: skip

# neck 8, deltoid 9, biceps 10, glut max 7, glut med 8, quads 9, wrist 10, ankle 10
# total = 8+9+10+7+8+9+10+10 = 71
UNILATERAL = dict(zip([f"mmt_{g}" for g in GROUPS], [8, 9, 10, 7, 8, 9, 10, 10], strict=True))

# neck flexors once: 9
# right: 10, 9, 8, 7, 9, 10, 10 -> 63 ; left: 10, 9, 8, 8, 9, 10, 9 -> 63
# total = 9 + 63 + 63 = 135
RIGHT = [10, 9, 8, 7, 9, 10, 10]
LEFT = [10, 9, 8, 8, 9, 10, 9]
BILATERAL = {"mmt_neck_flexors": 9}
BILATERAL |= {f"mmt_{g}_r": v for g, v in zip(GROUPS[1:], RIGHT, strict=True)}
BILATERAL |= {f"mmt_{g}_l": v for g, v in zip(GROUPS[1:], LEFT, strict=True)}


def test_field_lists():
    assert [i.code for i in UNILATERAL_ITEMS] == [f"mmt_{g}" for g in GROUPS]
    assert len(BILATERAL_ITEMS) == 15  # 7 groups x 2 sides + neck flexors
    assert sorted(i.code for i in BILATERAL_ITEMS) == sorted(BILATERAL)
    assert [a.value for a in KENDALL_ANCHORS] == list(range(11))


@pytest.mark.parametrize(
    ("values", "variant", "total", "maximum"),
    [
        (UNILATERAL, "unilateral", 71, 80),
        ({f"mmt_{g}": 10 for g in GROUPS}, "unilateral", 80, 80),  # 8 x 10
        ({f"mmt_{g}": 0 for g in GROUPS}, "unilateral", 0, 80),
        (BILATERAL, "bilateral", 135, 150),
        ({i.code: 10 for i in BILATERAL_ITEMS}, "bilateral", 150, 150),  # 15 x 10
    ],
)
def test_totals(values, variant, total, maximum):
    result = score_mmt8(values, variant)
    assert result.total == total
    assert result.maximum == maximum
    assert result.variant is Mmt8Variant(variant)
    assert result.complete is True


def test_incomplete_has_no_total():
    values = dict(UNILATERAL)
    del values["mmt_quadriceps"]
    result = score_mmt8(values, Mmt8Variant.UNILATERAL)
    assert result.total is None and result.complete is False
    assert result.missing == ("mmt_quadriceps",)
    assert result.partial_sum == 62  # 71 - 9
    assert "partial, not a total" in result.explanation


def test_unilateral_fields_do_not_fill_a_bilateral_form():
    result = score_mmt8(UNILATERAL, "bilateral")
    assert result.total is None
    assert len(result.missing) == 14  # every field except neck flexors


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (11, "MMT8: quadriceps must be a whole number from 0 to 10; 11 was entered."),
        (-1, "MMT8: quadriceps must be a whole number from 0 to 10; -1 was entered."),
        (7.5, "MMT8: quadriceps must be a whole number from 0 to 10; 7.5 was entered."),
        ("4+", 'MMT8: quadriceps must be a whole number from 0 to 10; "4+" was entered.'),
    ],
)
def test_range_errors(value, message):
    values = UNILATERAL | {"mmt_quadriceps": value}
    assert validate_mmt8(values, "unilateral") == {"mmt_quadriceps": message}
    result = score_mmt8(values, "unilateral")
    assert result.total is None and result.errors == {"mmt_quadriceps": message}


def test_bilateral_range_error_names_the_side():
    messages = validate_mmt8(BILATERAL | {"mmt_biceps_brachii_l": 12}, "bilateral")
    assert messages == {
        "mmt_biceps_brachii_l": "MMT8: biceps brachii, left must be a whole number from 0 "
        "to 10; 12 was entered."
    }


def test_unknown_variant_is_refused():
    with pytest.raises(InstrumentInputError):
        score_mmt8(UNILATERAL, "both")
    assert "mmt_variant" in validate_mmt8(UNILATERAL, "both")


def test_side_tested_is_recorded_default_right():
    result = score_mmt8(UNILATERAL, "unilateral", sides={"quadriceps": "left"})
    assert result.sides["quadriceps"] is Side.LEFT
    assert result.sides["middle_deltoid"] is Side.RIGHT
    assert "neck_flexors" not in result.sides
    assert "Left side tested for: quadriceps" in result.explanation
    assert "side:quadriceps" in validate_mmt8(UNILATERAL, "unilateral", {"quadriceps": "up"})


def test_same_variant_comparison():
    base = score_mmt8(UNILATERAL, "unilateral")  # 71
    better = score_mmt8(UNILATERAL | {"mmt_gluteus_maximus": 10}, "unilateral")  # 71 - 7 + 10
    comparison = compare_mmt8(base, better)
    assert comparison.comparable and comparison.change == 3  # 74 - 71


def test_comparison_across_variants_is_refused():
    comparison = compare_mmt8(
        score_mmt8(UNILATERAL, "unilateral"), score_mmt8(BILATERAL, "bilateral")
    )
    assert comparison.comparable is False and comparison.change is None
    assert "unilateral" in comparison.reason and "bilateral" in comparison.reason


def test_comparison_with_incomplete_total_is_refused():
    incomplete = score_mmt8({"mmt_neck_flexors": 10}, "unilateral")
    comparison = compare_mmt8(score_mmt8(UNILATERAL, "unilateral"), incomplete)
    assert comparison.comparable is False and "follow-up" in comparison.reason


@given(st.fixed_dictionaries({i.code: st.integers(0, 10) for i in BILATERAL_ITEMS}))
def test_property_bilateral_total_within_range(values):
    assert 0 <= score_mmt8(values, "bilateral").total <= 150
