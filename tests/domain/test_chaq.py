"""CHAQ disability index (clinical-rules §2.2). Expected values worked out by hand."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.instruments.chaq import (
    AIDS,
    CHAQ_ITEMS,
    DEVICE_DOMAIN,
    DOMAINS,
    MINIMUM_DOMAINS_RULE,
    NOT_APPLICABLE,
    score_chaq,
    validate_chaq,
)

NA = NOT_APPLICABLE

# Domain scores by hand for BASE (highest item per domain):
#   dressing   [2, 0, 1, 0]       -> 2
#   arising    [1, 0]             -> 1
#   eating     [na, 1, na]        -> 1
#   walking    [0, 0]             -> 0
#   hygiene    [3, 0, 0, 0, na]   -> 3
#   reach      [0, 0, 0, 0]       -> 0
#   grip       [1, 0, 0, na, 0]   -> 1
#   activities [0, 0, na, 0, 0]   -> 0
# DI = (2+1+1+0+3+0+1+0) / 8 = 8 / 8 = 1.0
BASE = {
    "dressing": [2, 0, 1, 0],
    "arising": [1, 0],
    "eating": [NA, 1, NA],
    "walking": [0, 0],
    "hygiene": [3, 0, 0, 0, NA],
    "reach": [0, 0, 0, 0],
    "grip": [1, 0, 0, NA, 0],
    "activities": [0, 0, NA, 0, 0],
}


def entries(domains: dict[str, list[object]]) -> dict[str, object]:
    return {
        f"chaq_{domain}_{n}": value
        for domain, values in domains.items()
        for n, value in enumerate(values, start=1)
    }


def domain_scores(result) -> dict[str, int | None]:
    return {d.code: d.score for d in result.domains}


def test_structure_is_30_items_in_8_domains():
    assert len(CHAQ_ITEMS) == 30
    assert [(d.code, len(d.item_codes)) for d in DOMAINS] == [
        ("dressing", 4),
        ("arising", 2),
        ("eating", 3),
        ("walking", 2),
        ("hygiene", 5),
        ("reach", 4),
        ("grip", 5),
        ("activities", 5),
    ]
    assert all(i.allows_not_applicable and i.maximum == 3 for i in CHAQ_ITEMS)
    assert MINIMUM_DOMAINS_RULE.value == 6 and MINIMUM_DOMAINS_RULE.status == "provisional"


def test_device_mapping_is_the_provisional_table():
    assert DEVICE_DOMAIN == {
        "aid_dressing_devices": "dressing",
        "aid_special_chair": "arising",
        "aid_built_up_utensils": "eating",
        "aid_cane": "walking",
        "aid_walker": "walking",
        "aid_crutches": "walking",
        "aid_wheelchair": "walking",
        "aid_raised_toilet_seat": "hygiene",
        "aid_bathtub_seat": "hygiene",
        "aid_bathtub_bar": "hygiene",
        "aid_long_handled_bathroom": "hygiene",
        "aid_long_handled_reach": "reach",
        "aid_jar_opener": "grip",
    }
    assert "aid_other" in {a.code for a in AIDS}


def test_disability_index_with_not_applicable_items():
    result = score_chaq(entries(BASE))
    assert domain_scores(result) == {
        "dressing": 2, "arising": 1, "eating": 1, "walking": 0,
        "hygiene": 3, "reach": 0, "grip": 1, "activities": 0,
    }  # fmt: skip
    assert result.disability_index == 1.0  # 8 / 8
    assert result.domain_sum == 8 and result.domains_answered == 8
    assert result.complete is True
    assert result.missing == ()
    assert len(result.not_applicable) == 5


def test_device_raises_its_domain_to_two():
    # cane -> walking: 0 raised to 2. DI = (2+1+1+2+3+0+1+0) / 8 = 10 / 8 = 1.25
    result = score_chaq(entries(BASE), aids={"aid_cane"})
    walking = result.domains[3]
    assert walking.score == 2 and walking.raised and walking.highest_item_score == 0
    assert walking.raised_by == ("Cane",)
    assert result.disability_index == 1.25


def test_help_from_another_person_raises_its_domain_to_two():
    # help with grip: 1 raised to 2. DI = (2+1+1+0+3+0+2+0) / 8 = 9 / 8 = 1.125
    result = score_chaq(entries(BASE), help_domains={"grip"})
    assert domain_scores(result)["grip"] == 2
    assert result.domains[6].help_from_person is True
    assert result.disability_index == 1.125


def test_aid_does_not_lower_a_domain_already_above_two():
    # raised toilet seat -> hygiene, already 3: stays 3. DI unchanged = 8 / 8 = 1.0
    result = score_chaq(entries(BASE), aids={"aid_raised_toilet_seat"})
    hygiene = result.domains[4]
    assert hygiene.score == 3 and hygiene.raised is False
    assert result.disability_index == 1.0


def test_aid_on_a_domain_with_only_na_items_leaves_it_unanswered():
    # JUDGEMENT CALL (Stanford HAQ convention): walking all N/A + cane -> unanswered.
    # DI = (2+1+1+3+0+1+0) / 7 = 8 / 7
    domains = {**BASE, "walking": [NA, NA]}
    result = score_chaq(entries(domains), aids={"aid_cane"}, help_domains={"walking"})
    walking = result.domains[3]
    assert walking.score is None and walking.answered is False
    assert "stays unanswered" in walking.note
    assert result.domains_answered == 7
    assert result.disability_index == pytest.approx(8 / 7)
    assert result.disability_index_exact == Fraction(8, 7)


def test_other_aid_counts_for_the_domain_named_by_the_clinician():
    # other aid -> reach: 0 raised to 2. DI = (8 + 2) / 8 = 1.25
    result = score_chaq(entries(BASE), aids={"aid_other"}, other_aid_domains={"reach"})
    assert domain_scores(result)["reach"] == 2
    assert result.disability_index == 1.25


def test_other_aid_without_a_domain_blocks_the_index():
    result = score_chaq(entries(BASE), aids={"aid_other"})
    assert result.disability_index is None
    assert "name the domain" in result.errors["aid_other"]


def test_unknown_aid_or_domain_is_reported():
    messages = validate_chaq(entries(BASE), aids={"aid_pogo"}, help_domains={"sleeping"})
    assert "aid:aid_pogo" in messages and "domain:sleeping" in messages


def test_fewer_than_six_domains_gives_no_index_and_says_why():
    # 5 domains answered; arising, walking, reach all N/A or blank.
    domains = {**BASE, "arising": [NA, None], "walking": [None, None], "reach": [NA] * 4}
    result = score_chaq(entries(domains))
    assert result.disability_index is None
    assert result.domains_answered == 5
    assert "only 5 of 8 domains answered" in result.explanation
    assert "at least 6" in result.explanation
    assert "Arising, Walking, Reach" in result.explanation
    assert result.complete is False
    assert set(result.missing) == {"chaq_arising_2", "chaq_walking_1", "chaq_walking_2"}


def test_exactly_six_domains_is_enough():
    # reach and activities unanswered; remaining scores 2, 1, 1, 0, 3, 1 -> 8 / 6
    domains = {**BASE, "reach": [None] * 4, "activities": [NA] * 5}
    result = score_chaq(entries(domains))
    assert result.domains_answered == 6
    assert result.disability_index == pytest.approx(8 / 6)
    assert result.disability_index_exact == Fraction(4, 3)
    assert "8 / 6" in result.explanation


def test_not_applicable_spellings():
    domains = {**BASE, "eating": ["NA", 1, "n/a"]}
    assert score_chaq(entries(domains)).disability_index == 1.0


@pytest.mark.parametrize("bad", [4, -1, 1.5, "x", True])
def test_invalid_item_answers(bad):
    values = entries(BASE) | {"chaq_grip_2": bad}
    messages = validate_chaq(values)
    assert list(messages) == ["chaq_grip_2"]
    assert messages["chaq_grip_2"].startswith(
        "CHAQ item grip 2 (Open car doors?) must be 0, 1, 2, 3"
    )
    assert score_chaq(values).disability_index is None


def test_pain_and_wellbeing_vas():
    values = entries(BASE) | {"chaq_pain_vas": 3.5, "chaq_wellbeing_vas": "0"}
    result = score_chaq(values)
    assert result.pain_vas == 3.5 and result.wellbeing_vas == 0.0
    bad = validate_chaq(entries(BASE) | {"chaq_pain_vas": 10.1, "chaq_wellbeing_vas": 2.25})
    assert set(bad) == {"chaq_pain_vas", "chaq_wellbeing_vas"}
    assert "0 to 10 cm, in steps of 0.1 cm; 10.1 was entered" in bad["chaq_pain_vas"]


answer = st.one_of(st.none(), st.just(NA), st.integers(0, 3))


@given(
    st.fixed_dictionaries({item.code: answer for item in CHAQ_ITEMS}),
    st.sets(st.sampled_from(sorted(DEVICE_DOMAIN))),
    st.sets(st.sampled_from([d.code for d in DOMAINS])),
)
def test_property_index_between_0_and_3(values, aids, helped):
    result = score_chaq(values, aids=aids, help_domains=helped)
    if result.disability_index is not None:
        assert 0 <= result.disability_index <= 3
        assert result.domains_answered >= 6
    else:
        assert result.domains_answered < 6
    for domain in result.domains:
        assert domain.score is None or 0 <= domain.score <= 3
