"""A plan file refused for how its keys and tables fit together (app.domain.protocol.
table_refusals): each reason a Sentence whose English is what the command line printed
before (written out below as the former f-strings wrote it), its values kept apart so the
Treatment plans window can say it in its own words."""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path

import pytest

from app.domain.errors import ProtocolFileError
from app.domain.phrases import Sentence
from app.domain.protocol import protocol_from_data, table_refusals

PLANS = Path(__file__).resolve().parents[2] / "resources" / "protocols"
SKIN = tomllib.loads((PLANS / "persistent-skin-rash.toml").read_text(encoding="utf-8"))
BIOLOGIC = tomllib.loads((PLANS / "refractory-biologic.toml").read_text(encoding="utf-8"))


def refusals(plan, change) -> dict[str, str]:
    raw = copy.deepcopy(plan)
    change(raw)
    with pytest.raises(ProtocolFileError) as refused:
        protocol_from_data(raw, file="changed.toml")
    return {p.key: p.reason for p in refused.value.problems}


def detail(raw, criterion=0, index=0):
    return raw["criteria"][criterion]["details"][index]


def condition(raw):
    """The skin plan's arm A rule that tests a screening detail."""
    return next(r for r in raw["arms"][0]["rules"] if "when" in r)["when"]


def known():
    from app.domain.instruments.registry import protocol_instrument_ids

    return ", ".join(protocol_instrument_ids())


def change_of(**steps):
    def change(raw):
        for step in steps.values():
            step(raw)
    return change


# (plan, the change, the key refused, the reason as the former code wrote it)
CASES = [
    (SKIN, lambda raw: detail(raw).pop("choices"), "criteria[0].details[0].choices",
     'is missing (a "choice" field needs its choices)'),
    (SKIN, lambda raw: detail(raw, 2).__setitem__("choices", [{"value": "a", "label": "A"}]),
     "criteria[2].details[0].choices", 'only a "choice" field has choices (this is "number")'),
    (SKIN, lambda raw: detail(raw).__setitem__("min", 1), "criteria[0].details[0].min",
     'only a "number" field has min/max (this is "choice")'),
    (SKIN, lambda raw: raw["arms"][0]["doses"][0].__setitem__("bands", []),
     "arms[0].doses[0].bands", 'a "per_kg" rule has no bands'),
    (SKIN, lambda raw: raw["arms"][0]["doses"][0].pop("amount"), "arms[0].doses[0].amount",
     'is missing (a "per_kg" rule needs an amount)'),
    (SKIN, lambda raw: raw["arms"][1]["doses"][0].__setitem__(
        "rules", raw["arms"][1]["doses"][0]["rules"][:1]), "arms[1].doses[0].rules",
     'a "greater_of" rule needs at least two sub-rules'),
    (BIOLOGIC, lambda raw: raw["arms"][0]["doses"][0].__setitem__("bands", []),
     "arms[0].doses[0].bands", 'a "weight_bands" rule needs at least one band'),
    (BIOLOGIC, lambda raw: raw["arms"][2]["doses"][0].__setitem__("bsa_bands", []),
     "arms[2].doses[0].bsa_bands", 'a "bsa_bands" rule needs at least one band'),
    (BIOLOGIC, lambda raw: raw["arms"][0]["doses"][0].__setitem__("amount_max", 40),
     "arms[0].doses[0].amount_max",
     'a dose range (amount_max) is allowed only on "per_kg" and "per_m2" rules'),
    (BIOLOGIC, lambda raw: raw["prior_therapy_rules"][2].pop("months", None)
     or raw["prior_therapy_rules"][2].pop("half_lives_min"),
     "prior_therapy_rules[2].months", 'is missing (a "washout" rule needs it)'),
    (BIOLOGIC, lambda raw: raw["prior_therapy_rules"][3].pop("drugs"),
     "prior_therapy_rules[3]", 'a "washout" rule needs drugs or groups'),
    (BIOLOGIC, lambda raw: raw["prior_therapy_rules"][4].__setitem__("half_lives_min", 2),
     "prior_therapy_rules[4].half_lives_min", "only a washout rule has half_lives_min"),
    (BIOLOGIC, lambda raw: raw["schedules"][0]["phases"][0].__setitem__("every_months", 1),
     "schedules[0].phases[0]", "give exactly one of every_days or every_months"),
    (SKIN, lambda raw: raw.__setitem__("status", "draft"), "status",
     '"draft" is not allowed (use one of: seed, published, provisional)'),
    (SKIN, lambda raw: raw["arms"][0]["doses"][0].__setitem__("kind", "per_day"),
     "arms[0].doses[0].kind", 'unknown rule kind "per_day" (use one of: per_kg, per_m2, '
     "fixed, greater_of, lesser_of, weight_bands, bsa_bands)"),
    (SKIN, lambda raw: condition(raw).update(answer="yes"), None,
     'use either "answer" or "field" with "is", not both'),
    (SKIN, lambda raw: condition(raw).update(field="nowhere"), None,
     'no detail field "nowhere" to test'),
    (SKIN, lambda raw: condition(raw).update(field="cmas_total", **{"is": "x"}), None,
     '"cmas_total" is a number field; test a choice or bool'),
    (SKIN, lambda raw: condition(raw).update(**{"is": "never"}), None,
     "'never' is not a possible value of \"%s\""),
    (SKIN, lambda raw: raw["criteria"][0]["date_rules"][0].__setitem__("field", "skin_trend"),
     "criteria[0].date_rules[0].field", '"skin_trend" is not a date field'),
    (SKIN, lambda raw: raw["criteria"][0]["date_rules"][0].__setitem__("field", "nowhere"),
     "criteria[0].date_rules[0].field", 'no detail field "nowhere" here'),
    (SKIN, lambda raw: raw["arms"][1].__setitem__("id", "a"), "arms[1].id",
     'duplicate arm id "a" (first used at arms[0].id)'),
    (SKIN, lambda raw: raw["arms"][0]["doses"][0].__setitem__("schedule", "weekly"),
     "arms[0].doses[0].schedule", 'no schedule "weekly"'),
    (SKIN, lambda raw: raw["visits"][0]["instruments"].append("grip_strength"),
     "visits[0].instruments", None),
    (SKIN, lambda raw: raw["visits"].reverse(), "visits[1].offset_months",
     "visits must be listed in time order"),
    (BIOLOGIC, lambda raw: raw["half_lives"][1].__setitem__("drug", "adalimumab"),
     "half_lives[1].drug", '"adalimumab" already has a half-life (half_lives[0])'),
    (BIOLOGIC, lambda raw: raw.__setitem__("half_lives", raw["half_lives"][1:]),
     "prior_therapy_rules[2].half_lives_min", "no [[half_lives]] entry for adalimumab"),
    (BIOLOGIC, lambda raw: raw["prior_therapy_rules"][4]["arms"].append("nothing"),
     "prior_therapy_rules[4].arms", 'no arm "nothing"'),
    (BIOLOGIC, lambda raw: raw["prior_therapy_rules"][0]["groups"].append("steroids"),
     "prior_therapy_rules[0].groups", 'no drug group "steroids"'),
    (SKIN, lambda raw: raw.__setitem__("source", "-"), "source",
     '"-" names no source; a seed rule says which paper, table or label it comes from'),
    (BIOLOGIC, lambda raw: [band(raw, 0).pop(k) for k in (
        "min_kg", "min_inclusive", "max_kg", "max_inclusive")],
     "arms[0].doses[0].bands[0]", "a band needs min_kg, max_kg or both"),
    (BIOLOGIC, lambda raw: band(raw, 1).update(min_kg=12), "arms[0].doses[0].bands[1]",
     "this band overlaps another (≥ 10 kg and < 15 kg / ≥ 12 kg and < 30 kg)"),
    (BIOLOGIC, lambda raw: raw["schedules"][1]["phases"][1].pop("doses"),
     "schedules[1].phases[1].doses", "is missing (only the last phase may be open-ended)"),
    (BIOLOGIC, lambda raw: raw["arms"][1]["options"][0].__setitem__("default", True)
     or raw["arms"][1]["options"][1].__setitem__("default", True),
     "arms[1].options", "only one option may be the default (iv, sc)"),
    (BIOLOGIC, lambda raw: raw["arms"][1]["doses"][1].__setitem__("option", "oral"),
     "arms[1].doses[1].option", "no option \"oral\" in this arm's options"),
    (BIOLOGIC, lambda raw: raw["arms"][1]["doses"][1].__setitem__("option", "iv"),
     "arms[1].options[1]", 'option "sc" has no dose naming it'),
]


def band(raw, index):
    return raw["arms"][0]["doses"][0]["bands"][index]


def _condition_path(plan) -> str:
    arm_rules = plan["arms"][0]["rules"]
    index = next(i for i, r in enumerate(arm_rules) if "when" in r)
    return f"arms[0].rules[{index}].when"


@pytest.mark.parametrize(("plan", "change", "key", "english"), CASES)
def test_a_plan_refused_for_how_its_tables_fit_says_what_it_said(plan, change, key, english):
    found = refusals(plan, change)
    if key is None:  # a condition's refusal, at the condition or one of its keys
        where = _condition_path(plan)
        field = condition(plan)["field"]
        english = english.replace("%s", field)
        matching = {k: r for k, r in found.items() if k.startswith(where) and r == english}
        assert matching, found
        key = next(iter(matching))
    if english is None:  # an instrument this application does not record
        english = ('"grip_strength" is not an instrument this application can record; '
                   "known instruments: " + known())
    reason = found[key]
    assert reason == english
    assert type(reason) is Sentence
    assert reason.phrase.template in table_refusals.SENTENCES


def test_an_arm_switching_to_itself_and_a_visit_naming_an_unlisted_instrument():
    def change(raw):
        rule = next(r for r in raw["arms"][0]["rules"] if r["kind"] == "may_switch_to")
        rule["arms"] = ["A"]
        raw["instruments"] = [i for i in raw["instruments"] if i["id"] != "cdasi"]
    found = refusals(SKIN, change)
    switch = next(k for k in found if k.endswith(".arms"))
    assert found[switch] == 'arm "A" cannot switch to itself'
    assert found["visits[0].optional_instruments"] == 'no instrument "cdasi" in [[instruments]]'
    assert all(type(r) is Sentence for r in found.values())


def test_a_protocol_that_is_not_a_table():
    with pytest.raises(ProtocolFileError) as refused:
        protocol_from_data(["not", "a", "table"], file="list.toml")
    (problem,) = refused.value.problems
    assert problem.reason == "the protocol must be a table of keys"
    assert type(problem.reason) is Sentence
