"""CMAS scoring (clinical-rules §2.1). Expected values worked out by hand."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.instruments import InstrumentInputError
from app.domain.instruments.cmas import (
    CMAS_ITEMS,
    CMAS_SECONDS_ITEMS,
    CMAS_SIT_UP_ITEMS,
    age_caveat,
    score_cmas,
    score_from_seconds,
    validate_cmas,
)

# Item maxima by hand from §2.1: 5, 2, 5, 3, 6, 3, 3, 4, 3, 4, 4, 4, 3, 3.
MAXIMA = {1: 5, 2: 2, 3: 5, 4: 3, 5: 6, 6: 3, 7: 3, 8: 4, 9: 3, 10: 4, 11: 4, 12: 4, 13: 3, 14: 3}

# A typical full set; total by hand:
# 4+2+3+2+4+3+2+3+3+3+4+3+2+3 = 41
TYPICAL = {1: 4, 2: 2, 3: 3, 4: 2, 5: 4, 6: 3, 7: 2, 8: 3, 9: 3, 10: 3, 11: 4, 12: 3, 13: 2, 14: 3}


def entries(scores: dict[int, object]) -> dict[str, object]:
    return {f"cmas_{n}": v for n, v in scores.items()}


def test_item_definitions_match_the_rules():
    assert [i.code for i in CMAS_ITEMS] == [f"cmas_{n}" for n in range(1, 15)]
    assert {int(i.number): i.maximum for i in CMAS_ITEMS} == MAXIMA
    assert all(i.minimum == 0 and i.step == 1 for i in CMAS_ITEMS)
    # every score level has an anchor
    for item in CMAS_ITEMS:
        assert [a.value for a in item.anchors] == list(range(0, int(item.maximum) + 1))
    assert [i.code for i in CMAS_SECONDS_ITEMS] == ["cmas_1_sec", "cmas_3_sec", "cmas_8_sec"]
    assert [i.code for i in CMAS_SIT_UP_ITEMS] == [f"cmas_5{x}" for x in "abcdef"]
    # 5+2+5+3+6+3+3+4+3+4+4+4+3+3 = 52
    assert sum(MAXIMA.values()) == 52


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        (TYPICAL, 41),  # 4+2+3+2+4+3+2+3+3+3+4+3+2+3 = 41
        (MAXIMA, 52),  # 5+2+5+3+6+3+3+4+3+4+4+4+3+3 = 52
        ({n: 0 for n in range(1, 15)}, 0),
    ],
)
def test_total_of_a_full_item_set(scores, expected):
    result = score_cmas(entries(scores))
    assert result.total == expected
    assert result.complete is True
    assert result.missing == ()
    assert result.errors == {}
    assert f"CMAS total {expected} of 52" in result.explanation


# Items 1 and 3: 0 s -> 0, 1-9 -> 1, 10-29 -> 2, 30-59 -> 3, 60-119 -> 4, >= 120 -> 5.
# Fractions are floored to whole seconds: 9.5 -> 9 -> 1, 119.9 -> 119 -> 4, 0.5 -> 0 -> 0.
BANDS_ITEMS_1_3 = [
    (0, 0),
    (0.5, 0),
    (1, 1),
    (9, 1),
    (9.5, 1),
    (10, 2),
    (29, 2),
    (29.99, 2),
    (30, 3),
    (59, 3),
    (60, 4),
    (119, 4),
    (119.9, 4),
    (120, 5),
    (600, 5),
]
# Item 8: 0 -> 0, 1-9 -> 1, 10-29 -> 2, 30-59 -> 3, >= 60 -> 4.
BANDS_ITEM_8 = [
    (0, 0),
    (1, 1),
    (9, 1),
    (9.5, 1),
    (10, 2),
    (29, 2),
    (30, 3),
    (59, 3),
    (59.9, 3),
    (60, 4),
    (119, 4),
    (120, 4),
]


@pytest.mark.parametrize("item", ["cmas_1", "cmas_3"])
@pytest.mark.parametrize(("seconds", "score"), BANDS_ITEMS_1_3)
def test_seconds_bands_items_1_and_3(item, seconds, score):
    assert score_from_seconds(item, seconds) == score


@pytest.mark.parametrize(("seconds", "score"), BANDS_ITEM_8)
def test_seconds_bands_item_8(seconds, score):
    assert score_from_seconds("cmas_8", seconds) == score


def test_seconds_given_as_text_are_accepted():
    assert score_from_seconds("cmas_1", "30") == 3


def test_seconds_replace_the_item_score_in_the_total():
    values = entries({**TYPICAL, 1: None, 3: None, 8: None})
    # 45 s -> item 1 = 3; 120 s -> item 3 = 5; 9.5 s -> 9 whole s -> item 8 = 1.
    values |= {"cmas_1_sec": 45, "cmas_3_sec": 120, "cmas_8_sec": 9.5}
    result = score_cmas(values)
    # TYPICAL total 41 with items 1, 3, 8 = 4, 3, 3 replaced by 3, 5, 1:
    # 41 - (4 + 3 + 3) + (3 + 5 + 1) = 41 - 10 + 9 = 40
    assert result.total == 40
    item8 = result.items[7]
    assert item8.score == 1 and item8.seconds == 9.5
    assert "9 whole seconds" in item8.derivation


def test_seconds_and_matching_score_both_entered_is_fine():
    values = entries(TYPICAL) | {"cmas_1_sec": 75}  # 75 s -> 4, item 1 entered as 4
    assert score_cmas(values).total == 41


def test_seconds_disagreeing_with_entered_score_is_an_error():
    values = entries(TYPICAL) | {"cmas_1_sec": 20}  # 20 s -> 2, but 4 entered
    result = score_cmas(values)
    assert result.total is None and result.complete is False
    assert "does not match the seconds" in result.errors["cmas_1"]
    assert validate_cmas(values).keys() == {"cmas_1"}


@pytest.mark.parametrize("bad", [-1, -0.5, "abc", "1,5", float("nan")])
def test_negative_or_non_numeric_seconds_are_refused(bad):
    messages = validate_cmas({"cmas_3_sec": bad})
    assert list(messages) == ["cmas_3_sec"]
    assert "must be a number of seconds, 0 or more" in messages["cmas_3_sec"]
    with pytest.raises(InstrumentInputError):
        score_from_seconds("cmas_3", bad)


def test_incomplete_total_is_not_a_total():
    values = entries({**TYPICAL, 9: None})
    del values["cmas_14"]
    result = score_cmas(values)
    assert result.total is None
    assert result.complete is False
    assert result.missing == ("cmas_9", "cmas_14")
    # 41 - item 9 (3) - item 14 (3) = 35
    assert result.partial_sum == 35
    assert "2 of 14 items missing" in result.explanation
    assert "partial, not a total" in result.explanation


def test_blank_text_counts_as_missing():
    result = score_cmas(entries({**TYPICAL, 2: "  "}))
    assert result.missing == ("cmas_2",)
    assert result.partial_sum == 39  # 41 - 2


def test_sit_up_variants_are_counted():
    values = entries({**TYPICAL, 5: None})
    # a..f = 1, 1, 1, 0, 1, 0 -> 4 (True/False accepted as 1/0)
    values |= {"cmas_5a": 1, "cmas_5b": True, "cmas_5c": 1, "cmas_5d": 0, "cmas_5e": 1}
    values |= {"cmas_5f": False}
    result = score_cmas(values)
    assert result.items[4].score == 4
    assert result.total == 41  # item 5 was 4 in TYPICAL too


def test_sit_up_variants_partly_entered_leave_item_5_missing():
    values = entries({**TYPICAL, 5: None}) | {"cmas_5a": 1, "cmas_5b": 1}
    result = score_cmas(values)
    assert result.total is None
    assert result.missing == ("cmas_5",)
    assert result.items[4].missing_parts == ("cmas_5c", "cmas_5d", "cmas_5e", "cmas_5f")


def test_direct_sit_up_score_must_agree_with_variants():
    values = entries(TYPICAL) | {f"cmas_5{x}": 1 for x in "abcdef"}  # 6 done, 4 entered
    result = score_cmas(values)
    assert result.total is None
    assert "does not match the sit-up variants" in result.errors["cmas_5"]


def test_direct_sit_up_score_within_partial_variants_is_accepted():
    # 2 done, 1 not done, 3 blank: the direct score may be 2..5; 4 entered.
    values = entries(TYPICAL) | {"cmas_5a": 1, "cmas_5b": 1, "cmas_5c": 0}
    assert score_cmas(values).total == 41


@pytest.mark.parametrize(
    ("code", "value", "message"),
    [
        (
            "cmas_4",
            5,
            "CMAS item 4 (supine to prone) must be a whole number from 0 to 3; 5 was entered.",
        ),
        (
            "cmas_2",
            2.5,
            "CMAS item 2 (leg raise / touch object) must be a whole number from "
            "0 to 2; 2.5 was entered.",
        ),
        (
            "cmas_10",
            -1,
            "CMAS item 10 (all-fours manoeuvre) must be a whole number from 0 to 4; "
            "-1 was entered.",
        ),
        (
            "cmas_14",
            "two",
            'CMAS item 14 (pick-up) must be a whole number from 0 to 3; "two" was entered.',
        ),
        ("cmas_5", 7, "CMAS item 5 (sit-ups) must be a whole number from 0 to 6; 7 was entered."),
        (
            "cmas_5c",
            2,
            "CMAS item 5c (sit-up: hands behind head, with counterbalance) must be "
            "0 (unable) or 1 (able); 2 was entered.",
        ),
    ],
)
def test_validation_messages_in_plain_words(code, value, message):
    assert validate_cmas({code: value}) == {code: message}
    result = score_cmas(entries(TYPICAL) | {code: value})
    assert result.total is None
    assert result.errors[code] == message


def test_whole_number_as_float_or_text_is_accepted():
    values = entries({**TYPICAL, 4: 2.0, 6: "3"})
    assert score_cmas(values).total == 41


def test_boolean_is_not_a_score():
    assert "cmas_4" in validate_cmas({"cmas_4": True})


@pytest.mark.parametrize(
    ("age", "caveat"),
    [(4.9, True), (4.0, True), (0, True), (5.0, False), (5, False), (12, False)],
)
def test_age_caveat_under_five(age, caveat):
    text = age_caveat(age)
    if caveat:
        assert text is not None and "46.6" in text
    else:
        assert text is None


def test_age_caveat_carried_in_result():
    assert score_cmas(entries(TYPICAL), age_years=4.9).age_caveat is not None
    assert score_cmas(entries(TYPICAL), age_years=5.0).age_caveat is None


@pytest.mark.parametrize("age", [-1, "old"])
def test_age_caveat_refuses_nonsense(age):
    with pytest.raises(InstrumentInputError):
        age_caveat(age)


item_values = st.fixed_dictionaries(
    {item.code: st.one_of(st.none(), st.integers(0, int(item.maximum))) for item in CMAS_ITEMS}
)


@given(item_values)
def test_property_total_within_0_to_52(values):
    result = score_cmas(values)
    assert 0 <= result.partial_sum <= 52
    if result.total is not None:
        assert 0 <= result.total <= 52
        assert result.complete
    else:
        assert not result.complete
        assert set(result.missing) == {c for c, v in values.items() if v is None}


@given(st.sampled_from(["cmas_1", "cmas_3", "cmas_8"]), st.floats(0, 10_000))
def test_property_seconds_score_within_item_range(code, seconds):
    maximum = 4 if code == "cmas_8" else 5
    assert 0 <= score_from_seconds(code, seconds) <= maximum
