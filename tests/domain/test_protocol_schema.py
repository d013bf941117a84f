"""The published JSON Schema of protocol files (resources/protocols/protocol.schema.json):
generated from the format the loader reads, accepted by every shipped file, and refusing
what the loader refuses for a file's shape (architecture: "Protocols are data")."""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path

import jsonschema
import pytest

from app.domain.errors import ProtocolFileError
from app.domain.protocol import protocol_from_data
from app.domain.protocol.json_schema import protocol_json_schema, protocol_json_schema_text

ROOT = Path(__file__).resolve().parents[2]
PROTOCOLS = ROOT / "resources" / "protocols"
PUBLISHED = PROTOCOLS / "protocol.schema.json"
SHIPPED = sorted(PROTOCOLS.glob("*.toml"))
MINIMAL = tomllib.loads(
    (Path(__file__).resolve().parent / "protocol_fixtures" / "minimal.toml").read_text("utf-8")
)
# The fixture plus a schedule and a concomitant limit, for the cases below.
MINIMAL["schedules"] = [
    {
        "id": "q2w_then_monthly",
        "label": "Every 2 weeks x 3, then monthly",
        "phases": [{"every_days": 14, "doses": 3}, {"every_months": 1}],
        "source": "test fixture",
        "status": "provisional",
    }
]
MINIMAL["arms"][0]["doses"][0]["schedule"] = "q2w_then_monthly"
MINIMAL["concomitant_limits"] = [
    {
        "id": "daily_steroid",
        "label": "Daily prednisone",
        "drug": "prednisone",
        "kind": "per_kg",
        "amount": 2,
        "unit": "mg",
        "per": "day",
        "cap": 60,
        "source": "test fixture",
        "status": "seed",
    }
]


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = protocol_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_published_schema_is_the_generated_one():
    assert PUBLISHED.read_text(encoding="utf-8") == protocol_json_schema_text(), (
        "resources/protocols/protocol.schema.json is out of date; regenerate it with "
        "python -m app.domain.protocol.json_schema > resources/protocols/protocol.schema.json"
    )


def test_there_are_shipped_protocols():
    assert len(SHIPPED) >= 3


@pytest.mark.parametrize("path", SHIPPED, ids=[p.name for p in SHIPPED])
def test_every_shipped_protocol_validates(validator, path):
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    errors = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(raw)]
    assert errors == []


def test_the_minimal_fixture_loads_and_validates(validator):
    protocol = protocol_from_data(MINIMAL, file="minimal.toml")
    assert protocol.schedule("q2w_then_monthly") and protocol.limit("daily_steroid")
    assert list(validator.iter_errors(MINIMAL)) == []


def _edit(path: tuple, value: object) -> dict:
    """The minimal fixture with one key set (value ``...``: removed)."""
    raw = copy.deepcopy(MINIMAL)
    node = raw
    for key in path[:-1]:
        node = node[key]
    if value is ...:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return raw


DOSE = ("arms", 0, "doses", 0)
MMF = ("arms", 1, "doses", 0)
DETAIL = ("criteria", 0, "details", 0)

# Files the loader refuses for their shape: the schema refuses them too, so an editor
# shows the problem while the file is being written.
SHAPE_PROBLEMS = [
    ("unknown key", (*DOSE, "capp"), 3, "arms[0].doses[0].capp"),
    ("missing source", (*DOSE, "source"), ..., "arms[0].doses[0].source"),
    ("text for a number", (*DOSE, "cap"), "70", "arms[0].doses[0].cap"),
    ("negative amount", (*DOSE, "amount"), -2, "arms[0].doses[0].amount"),
    ("unknown rule kind", (*DOSE, "kind"), "per_lb", "arms[0].doses[0].kind"),
    ("unknown unit", (*DOSE, "unit"), "kg", "arms[0].doses[0].unit"),
    ("drug name case", (*DOSE, "drug"), "DrugA", "arms[0].doses[0].drug"),
    ("bad status", ("status",), "seeded", "status"),
    ("schema version", ("schema_version",), 2, "schema_version"),
    ("empty arms", ("arms",), [], "arms"),
    ("bad protocol id", ("id",), "Mini Plan", "id"),
    ("blank title", ("title",), "  ", "title"),
    ("per_kg without amount", (*DOSE, "amount"), ..., "arms[0].doses[0].amount"),
    ("greater_of with one rule", (*MMF, "rules"), [{"kind": "per_kg", "amount": 10}], None),
    ("per_kg with sub-rules", (*DOSE, "rules"), [{"kind": "fixed", "amount": 1}] * 2, None),
    ("dose range on a fixed dose", (*MMF, "amount_max"), 9, None),
    ("choice field without choices", (*DETAIL, "choices"), ..., None),
    ("date field with choices", (*DETAIL, "type"), "date", None),
    ("choice field with min", (*DETAIL, "min"), 1, None),
    ("option on a concomitant limit", ("concomitant_limits", 0, "option"), "x", None),
    ("condition with answer and field", (*DETAIL, "required_when", "field"), "x", None),
    ("monitoring rule without measurements", ("arms", 1, "rules", 0, "kind"), "monitoring", None),
    ("phase every days and months", ("schedules", 0, "phases", 0, "every_months"), 1, None),
    ("blank instrument id", ("visits", 0, "instruments"), [""], "visits[0].instruments"),
    ("limit without label", ("concomitant_limits", 0, "label"), ..., None),
    ("open-ended first phase", ("schedules", 0, "phases", 0, "doses"), 0, None),
    # Issue 15: caps and drug-independent bounds (2 g/kg, 2 g/m², 100 g, 0.001 mg).
    ("per-kg dose without a cap", (*DOSE, "cap"), ..., "arms[0].doses[0].cap"),
    ("uncapped without a reason", (*DOSE, "uncapped"), True, "arms[0].doses[0].uncapped_reason"),
    ("uncapped reason alone", (*DOSE, "uncapped_reason"), "none",
     "arms[0].doses[0].uncapped_reason"),
    ("20 g per kg", (*DOSE, "amount"), 20, "arms[0].doses[0].amount"),
    ("cap of 7000 g", (*DOSE, "cap"), 7000, "arms[0].doses[0].cap"),
    ("below a microgram", (*DOSE, "amount"), 1e-7, "arms[0].doses[0].amount"),
    ("60 g per m² in a sub-rule", (*MMF, "rules"),
     [{"kind": "per_kg", "amount": 10}, {"kind": "per_m2", "amount": 60000}],
     "arms[1].doses[0].rules[1].amount"),
    ("limit cap above 100 g", ("concomitant_limits", 0, "cap"), 200_000,
     "concomitant_limits[0].cap"),
]


def test_the_cases_match_the_fixture():
    # Each edit above must address keys the fixture has (else the case tests nothing).
    assert MINIMAL["arms"][1]["doses"][0]["kind"] == "greater_of"
    assert MINIMAL["criteria"][0]["details"][0]["type"] == "choice"
    assert "required_when" in MINIMAL["criteria"][0]["details"][0]
    assert MINIMAL["arms"][1]["rules"][0]["kind"] != "monitoring"


@pytest.mark.parametrize(
    ("name", "path", "value", "key"), SHAPE_PROBLEMS, ids=[c[0] for c in SHAPE_PROBLEMS]
)
def test_schema_refuses_what_the_loader_refuses(validator, name, path, value, key):
    raw = _edit(path, value)
    with pytest.raises(ProtocolFileError) as info:
        protocol_from_data(raw, file="edited.toml")
    if key is not None:
        assert key in {p.key for p in info.value.problems}
    assert list(validator.iter_errors(raw)), f"the schema accepts: {name}"


def test_uncapped_false_does_not_stand_in_for_a_cap(validator):
    raw = _edit((*DOSE, "cap"), ...)
    raw["arms"][0]["doses"][0]["uncapped"] = False
    with pytest.raises(ProtocolFileError) as info:
        protocol_from_data(raw, file="edited.toml")
    assert "arms[0].doses[0].cap" in {p.key for p in info.value.problems}
    assert list(validator.iter_errors(raw))
