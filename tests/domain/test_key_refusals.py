"""A plan file's key refused for its value alone (app.domain.protocol.key_refusals): each
reason a Sentence whose English is what the command line printed before (written out
below as the former code wrote it), its values kept apart for the Treatment plans window."""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path

import pytest

from app.domain.errors import ProtocolFileError
from app.domain.phrases import Sentence
from app.domain.protocol import key_refusals, protocol_from_data

PLAN = Path(__file__).resolve().parents[2] / "resources" / "protocols" / "persistent-skin-rash.toml"
RAW = tomllib.loads(PLAN.read_text(encoding="utf-8"))


def refusals(change) -> dict[str, str]:
    raw = copy.deepcopy(RAW)
    change(raw)
    with pytest.raises(ProtocolFileError) as refused:
        protocol_from_data(raw, file="changed.toml")
    return {p.key: p.reason for p in refused.value.problems}


def dose(raw):
    return raw["arms"][0]["doses"][0]


def setter(where, key, value):
    return lambda raw: where(raw).__setitem__(key, value)


def top(raw):
    return raw


# (the change, the key refused, the reason as the former f-strings wrote it)
CASES = [
    (setter(top, "version", 2017), "version", "must be text, not a number"),
    (setter(top, "version", True), "version", "must be text, not true/false"),
    (setter(top, "version", ["a"]), "version", "must be text, not a list"),
    (setter(top, "version", {"a": 1}), "version", "must be text, not a table"),
    (setter(top, "version", " "), "version", "must not be empty"),
    (setter(dose, "cap", "70"), "arms[0].doses[0].cap", "must be a number, not text"),
    (setter(dose, "cap", True), "arms[0].doses[0].cap", "must be a number, not true/false"),
    (setter(dose, "cap", float("nan")), "arms[0].doses[0].cap", "must be an ordinary number"),
    (setter(dose, "cap", float("inf")), "arms[0].doses[0].cap", "must be an ordinary number"),
    (setter(dose, "cap", -0.5), "arms[0].doses[0].cap", "must be greater than zero (found -0.5)"),
    (setter(dose, "cap", 0), "arms[0].doses[0].cap", "must be greater than zero (found 0)"),
    (setter(top, "schema_version", 1.5), "schema_version", "must be a whole number, not a number"),
    (setter(top, "schema_version", -1), "schema_version", "must be at least 1 (found -1)"),
    (setter(top, "schema_version", 2), "schema_version",
     "this application reads schema_version 1, not 2"),
    (setter(top, "id", "bad id!"), "id",
     '"bad id!" is not a valid id (letters, digits, "_" or "-"; see the schema)'),
    (setter(dose, "drug", "IVIG"), "arms[0].doses[0].drug",
     'drug names are lower-case generic names ("IVIG")'),
    (setter(top, "arms", 3), "arms", "must be a list of tables, not a number"),
    (setter(top, "arms", []), "arms", "must not be empty"),
    (setter(top, "arms", [3]), "arms[0]", "must be a table, not a number"),
]


@pytest.mark.parametrize(("change", "key", "english"), CASES)
def test_a_key_refused_for_its_value_says_what_it_said(change, key, english):
    reason = refusals(change)[key]
    assert reason == english
    assert type(reason) is Sentence
    assert reason.phrase.template in key_refusals.SENTENCES
