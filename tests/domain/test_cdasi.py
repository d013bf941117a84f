"""CDASI activity (issue 18, skin degree): the score is the sum of the item grades (CDASI
v2: 15 areas x erythema 0-3, scale 0-2, erosion/ulceration 0-1; periungual 0-2; recent
hair loss 0-1), blank until every item is graded; a grade outside its range is refused at
its item. Tables worked by hand."""

from __future__ import annotations

import pytest

from app.domain.instruments.cdasi import ITEMS, LOCATIONS, MAXIMUM, score_cdasi
from app.domain.instruments.common import InstrumentInputError
from app.domain.visit_scores import score_visit
from app.domain.visit_values import ItemEntry


def all_zero() -> dict[str, object]:
    return {i.code: 0 for i in ITEMS}


def test_the_item_table():
    # 15 areas x 3 measures + periungual + hair loss = 45 + 2 = 47 items.
    assert len(LOCATIONS) == 15 and len(ITEMS) == 47
    # Maximum: 15 x (3 + 2 + 1) = 90; + 2 (periungual) + 1 (hair loss) = 93.
    assert MAXIMUM == 93


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
    assert f"CDASI activity {expected} of 93" in result.explanation


def test_every_item_at_its_maximum_gives_the_maximum():
    result = score_cdasi({i.code: i.grade.maximum for i in ITEMS})
    assert result.total == 93


def test_an_ungraded_item_leaves_the_score_blank_never_imputed():
    values = case(malar_e=3)
    del values["hair_loss"]
    values["arm_s"] = ""
    result = score_cdasi(values)
    assert result.total is None
    assert result.missing == ("arm_s", "hair_loss")
    assert result.partial == 3
    assert "2 of 47 items not graded" in result.explanation


@pytest.mark.parametrize("code, value", [
    ("malar_e", 4), ("malar_s", 3), ("malar_u", 2), ("periungual", 3), ("hair_loss", 2),
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
