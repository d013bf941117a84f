"""CDASI activity (issue 18, skin degree): the score is the sum of the item grades (CDASI
v2: 15 areas x erythema 0-3, scale 0-2, erosion/ulceration 0-1; Gottron's papules on the
hands erythema 0-3, doubled when papules are present, and ulceration 0-1; periungual 0-2;
recent hair loss 0-1: out of 100), blank until every item is graded; a grade outside its
range is refused at its item; a visit recorded before the hands row has no score, only
the 47 other items' sum out of 93. Tables worked by hand."""

from __future__ import annotations

import pytest

from app.domain.instruments.cdasi import (
    GOTTRON_HANDS_CODES,
    ITEMS,
    ITEMS_WITHOUT_GOTTRON_HANDS,
    LOCATIONS,
    MAXIMUM,
    MAXIMUM_WITHOUT_GOTTRON_HANDS,
    score_cdasi,
)
from app.domain.instruments.common import InstrumentInputError
from app.domain.visit_scores import score_visit
from app.domain.visit_values import ItemEntry


def all_zero() -> dict[str, object]:
    return {i.code: 0 for i in ITEMS}


def test_the_item_table():
    # 15 areas x 3 measures + 3 for the hands' Gottron's row + periungual + hair loss
    # = 45 + 3 + 2 = 50 items.
    assert len(LOCATIONS) == 15 and len(ITEMS) == 50
    assert GOTTRON_HANDS_CODES == ("gottron_h_e", "gottron_h_papules", "gottron_h_u")
    # Maximum: 15 x (3 + 2 + 1) = 90; hands 3 x 2 (papules) + 1 (ulceration) = 7;
    # + 2 (periungual) + 1 (hair loss): 90 + 7 + 2 + 1 = 100, the published maximum.
    assert MAXIMUM == 100
    # Without the hands row (the 47 items of visits recorded before it): 90 + 2 + 1 = 93.
    assert len(ITEMS_WITHOUT_GOTTRON_HANDS) == 47 and MAXIMUM_WITHOUT_GOTTRON_HANDS == 93


def case(**grades: int) -> dict[str, object]:
    values = all_zero()
    values.update(grades)
    return values


@pytest.mark.parametrize("grades, expected", [
    # Nothing active: 0.
    ({}, 0),
    # Malar erythema red (2) + scale (1); periorbital dark red (3): 2 + 1 + 3 = 6.
    ({"malar_e": 2, "malar_s": 1, "periorbital_e": 3}, 6),
    # Gottron's away from the hands: erythema 2, scale 2 (crust), ulceration 1 = 5;
    # dorsum of hands erythema 1; periungual visible telangiectasias 2; hair loss 1:
    # 5 + 1 + 2 + 1 = 9.
    ({"gottron_nh_e": 2, "gottron_nh_s": 2, "gottron_nh_u": 1, "dorsum_e": 1,
      "periungual": 2, "hair_loss": 1}, 9),
    # Scalp 3/2/1 = 6, V-neck 2/0/0 = 2, upper back 1/1/0 = 2, arm 1/0/0 = 1: 11.
    ({"scalp_e": 3, "scalp_s": 2, "scalp_u": 1, "vneck_e": 2, "upback_e": 1,
      "upback_s": 1, "arm_e": 1}, 11),
])
def test_scoring_table(grades, expected):
    result = score_cdasi(case(**grades))
    assert result.total == expected
    assert result.missing == ()
    assert f"CDASI activity {expected} of 100" in result.explanation


@pytest.mark.parametrize("erythema, papules, ulceration, expected", [
    # No Gottron's on the hands: 0.
    (0, 0, 0, 0),
    # Pink erythema (1), no papules: counted once, 1.
    (1, 0, 0, 1),
    # Pink erythema (1) with papules: doubled, 1 x 2 = 2.
    (1, 1, 0, 2),
    # Red (2), no papules, ulcerated: 2 + 1 = 3.
    (2, 0, 1, 3),
    # Red (2) with papules and ulceration: 2 x 2 + 1 = 5.
    (2, 1, 1, 5),
    # Dark red (3) with papules and ulceration: 3 x 2 + 1 = 7 (the row's maximum).
    (3, 1, 1, 7),
    # Papules present but no erythema: 0 x 2 = 0 (papules are no point of their own).
    (0, 1, 0, 0),
])
def test_gottrons_papules_on_the_hands(erythema, papules, ulceration, expected):
    result = score_cdasi(case(gottron_h_e=erythema, gottron_h_papules=papules,
                              gottron_h_u=ulceration))
    assert result.total == expected
    # The 47 other items are all 0.
    assert result.without_gottron_hands == 0


def test_a_whole_visit_with_the_hands_row():
    # Malar red 2 + scale 1 = 3; dorsum of hands erythema 1 = 1; hands' Gottron's dark
    # red 3 with papules = 6, ulcerated 1; periungual 1; hair loss 1:
    # 3 + 1 + 6 + 1 + 1 + 1 = 13 of 100. Without the hands row: 3 + 1 + 1 + 1 = 6 of 93.
    result = score_cdasi(case(malar_e=2, malar_s=1, dorsum_e=1, gottron_h_e=3,
                              gottron_h_papules=1, gottron_h_u=1, periungual=1, hair_loss=1))
    assert result.total == 13
    assert result.without_gottron_hands == 6
    assert "CDASI activity 13 of 100" in result.explanation


def test_every_item_at_its_maximum_gives_the_maximum():
    result = score_cdasi({i.code: i.grade.maximum for i in ITEMS})
    # 90 + 3 x 2 + 1 + 2 + 1 = 100.
    assert result.total == 100
    assert result.without_gottron_hands == 93


def test_a_visit_recorded_before_the_hands_row_is_not_scored_as_if_it_were_zero():
    # The 47 items a visit had before the row: malar 3, periungual 2, hair loss 1.
    values = {i.code: 0 for i in ITEMS_WITHOUT_GOTTRON_HANDS}
    values.update(malar_e=3, periungual=2, hair_loss=1)
    result = score_cdasi(values)
    assert result.total is None  # not 6 of 100: the hands row was never graded
    assert result.missing == GOTTRON_HANDS_CODES
    # 3 + 2 + 1 = 6 of 93, named as such.
    assert result.without_gottron_hands == 6 and result.partial == 6
    assert "Gottron's papules on the hands row is not graded" in result.explanation
    assert "the other 47 items add up to 6 of 93" in result.explanation
    # One of the hands' three items graded, the others not: still no score.
    result = score_cdasi({**values, "gottron_h_e": 2})
    assert result.total is None and result.partial == 8  # 6 + 2 (papules unknown: once)
    assert result.without_gottron_hands == 6


def test_an_ungraded_item_leaves_the_score_blank_never_imputed():
    values = case(malar_e=3)
    del values["hair_loss"]
    values["arm_s"] = ""
    result = score_cdasi(values)
    assert result.total is None
    assert result.missing == ("arm_s", "hair_loss")
    assert result.partial == 3
    assert "2 of 50 items not graded" in result.explanation
    assert result.without_gottron_hands is None  # one of the 47 is missing too


@pytest.mark.parametrize("code, value", [
    ("malar_e", 4), ("malar_s", 3), ("malar_u", 2), ("periungual", 3), ("hair_loss", 2),
    ("gottron_h_e", 4), ("gottron_h_papules", 2), ("gottron_h_u", 2),
    ("malar_e", -1), ("malar_e", 1.5), ("malar_e", "red"), ("malar_e", True),
])
def test_a_grade_outside_its_range_is_refused_at_its_item(code, value):
    with pytest.raises(InstrumentInputError) as refused:
        score_cdasi(case(**{code: value}))
    assert set(refused.value.messages) == {code}
    assert "grade must be a whole number from 0 to" in refused.value.messages[code]


def test_the_one_scoring_path_scores_stored_items():
    stored = {i.code: ItemEntry(0.0) for i in ITEMS}
    stored["malar_e"] = ItemEntry(2.0)
    stored["periungual"] = ItemEntry(1.0)
    scores = score_visit({"cdasi": stored})
    assert scores.results["cdasi"].total == 3  # 2 + 1
    # A stored grade out of range does not stop the visit's other scores: it is a problem.
    stored["malar_e"] = ItemEntry(7.0)
    scores = score_visit({"cdasi": stored})
    assert "cdasi" not in scores.results
    assert any("Malar area: erythema" in p for p in scores.problems)
