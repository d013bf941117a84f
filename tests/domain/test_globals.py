"""Global assessment VAS (clinical-rules §2.4) and skin detail data (§2.6)."""

from __future__ import annotations

import pytest

from app.domain.instruments import InstrumentInputError
from app.domain.instruments.globals import (
    GLOBAL_ASSESSMENTS,
    parse_globals,
    validate_global,
    validate_globals,
)
from app.domain.instruments.skin import SKIN_ITEMS, SKIN_ITEMS_BY_CODE, validate_skin

CODES = [
    "mdaat_cutaneous_vas",
    "pga_activity",
    "parent_global_activity",
    "pga_skin",
    "parent_global_skin",
    "mdaat_extramuscular",
]


def test_six_definitions():
    assert [g.code for g in GLOBAL_ASSESSMENTS] == CODES
    for g in GLOBAL_ASSESSMENTS:
        assert (g.minimum, g.maximum, g.step, g.unit) == (0, 10, 0.1, "cm")
        assert [a.value for a in g.anchors] == [0, 10]
        assert g.anchors[0].label == "Inactive"
        assert g.anchors[1].label.startswith("Extremely")


@pytest.mark.parametrize("value", [0, 10, 7.3, "7.3", " 0.1 ", 5, 7.300000000000001, None, ""])
def test_valid_values(value):
    assert validate_global("pga_activity", value) is None


@pytest.mark.parametrize("value", [10.1, -0.1, 7.35, "abc", "7,3", True, float("inf")])
def test_invalid_values(value):
    assert validate_global("pga_activity", value) is not None


def test_message_wording():
    assert validate_globals({"pga_activity": 10.5}) == {
        "pga_activity": "Physician global assessment of disease activity must be a number "
        "from 0 to 10 cm, in steps of 0.1 cm; 10.5 was entered."
    }


def test_parse_globals():
    parsed = parse_globals({"pga_activity": "2.4", "mdaat_extramuscular": 0})
    assert parsed["pga_activity"] == 2.4
    assert parsed["mdaat_extramuscular"] == 0.0
    assert parsed["pga_skin"] is None
    with pytest.raises(InstrumentInputError) as info:
        parse_globals({"pga_skin": 11, "parent_global_skin": -1})
    assert set(info.value.messages) == {"pga_skin", "parent_global_skin"}


def test_unknown_code():
    with pytest.raises(KeyError):
        validate_global("pga_mood", 1)


# --- skin detail data (clinical-rules §2.6) ---


def test_skin_items_listed_in_the_rules():
    assert len(SKIN_ITEMS) == 13  # 10 MDAAT cutaneous items + calcinosis, lipoatrophy, nailfold
    mdaat = [i for i in SKIN_ITEMS if i.change_code]
    assert len(mdaat) == 10
    assert [a.value for a in SKIN_ITEMS_BY_CODE["skin_calcinosis"].answers] == [
        "none",
        "mild",
        "more_than_mild",
    ]
    assert all(len(i.code) <= 26 and len(i.change_code or "") <= 26 for i in SKIN_ITEMS)


def test_skin_validation():
    assert validate_skin({"skin_heliotrope": "present", "skin_heliotrope_change": "same"}) == {}
    messages = validate_skin(
        {
            "skin_heliotrope": "yes",
            "skin_gottron_change": "better",
            "skin_alopecia": "absent",
            "skin_alopecia_change": "new",
            "skin_calcinosis": "severe",
        }
    )
    assert set(messages) == {
        "skin_heliotrope",
        "skin_gottron_change",
        "skin_alopecia_change",
        "skin_calcinosis",
    }


def test_every_field_code_suits_redcap():
    """Exports spec: lower case letters/digits/underscore, start with a letter, <= 26."""
    import re

    from app.domain.instruments.chaq import AIDS, CHAQ_ITEMS, VAS_ITEMS
    from app.domain.instruments.cmas import ALL_FIELDS
    from app.domain.instruments.mmt8 import BILATERAL_ITEMS, UNILATERAL_ITEMS

    codes = [i.code for i in (*ALL_FIELDS, *CHAQ_ITEMS, *VAS_ITEMS, *GLOBAL_ASSESSMENTS)]
    # neck flexors is the same field in both MMT8 variants
    codes += sorted({i.code for i in (*UNILATERAL_ITEMS, *BILATERAL_ITEMS)})
    codes += [a.code for a in AIDS]
    codes += [i.code for i in SKIN_ITEMS] + [i.change_code for i in SKIN_ITEMS if i.change_code]
    assert len(codes) == len(set(codes))
    bad = [c for c in codes if not re.fullmatch(r"[a-z][a-z0-9_]{0,25}", c)]
    assert bad == []
