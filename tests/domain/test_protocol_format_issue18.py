"""Protocol-format additions of issue 18, read from the minimal fixture: BSA bands, the
default arm option and the age a drug is labelled from. Each file below is refused with
the key and reason a site author needs, or loads and doses as the arithmetic says."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.body import BodyMeasurements
from app.domain.dosing import compute_arm_doses
from app.domain.errors import InputError, ProtocolFileError
from app.domain.protocol import BandMeasure, RuleKind, RuleStatus, load_protocol

FIXTURES = Path(__file__).resolve().parent / "protocol_fixtures"
MINIMAL = (FIXTURES / "minimal.toml").read_text(encoding="utf-8")
ARM_A_DOSE = '''  [[arms.doses]]
  drug = "druga"
  kind = "per_kg"
  amount = 2
  unit = "g"'''


def mutate(*edits: tuple[str, str]) -> str:
    text = MINIMAL
    for old, new in edits:
        assert text.count(old) == 1, f"fixture edit is ambiguous or missing: {old!r}"
        text = text.replace(old, new)
    return text


def load(tmp_path: Path, text: str):
    path = tmp_path / "p.toml"
    path.write_text(text, encoding="utf-8")
    return load_protocol(path)


def problems_of(tmp_path: Path, text: str) -> dict[str, str]:
    with pytest.raises(ProtocolFileError) as info:
        load(tmp_path, text)
    return {p.key: p.reason for p in info.value.problems}


BSA_DOSE = '''  [[arms.doses]]
  drug = "druga"
  kind = "bsa_bands"
  bsa_bands = [
    { max_m2 = 1.5, max_inclusive = true, rule = { kind = "per_m2", amount = 575 } },
    { min_m2 = 1.5, min_inclusive = false, rule = { kind = "per_m2", amount = 750 } },
  ]
  unit = "mg"'''


def bsa_file(*edits: tuple[str, str]) -> str:
    text = mutate(
        (ARM_A_DOSE, BSA_DOSE),
        ("  cap = 70\n", "  cap = 1000\n"),
    )
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def test_bsa_bands_load_and_dose(tmp_path):
    protocol = load(tmp_path, bsa_file())
    (rule,) = protocol.arm("A").doses
    assert rule.kind is RuleKind.BSA_BANDS and rule.needs_height
    assert [b.measure for b in rule.bands] == [BandMeasure.BSA, BandMeasure.BSA]
    # 150 cm × 54 kg: BSA √(8100/3600) = 1.5 → ≤ 1.5 band: 575 × 1.5 = 862.5 mg
    at_edge = compute_arm_doses(protocol, "A", BodyMeasurements(54, 150))[0]
    assert at_edge.amount == 862.5 and at_edge.capped is False
    # 150 cm × 96 kg: BSA √(14400/3600) = 2 → > 1.5 band: 750 × 2 = 1500 → cap 1000
    big = compute_arm_doses(protocol, "A", BodyMeasurements(96, 150))[0]
    assert (big.calculated, big.amount, big.capped) == (1500.0, 1000.0, True)
    assert "BSA 2 m² is in the band > 1.5 m²" in big.derivation


def test_bsa_band_gap_refuses_a_dose_in_plain_words(tmp_path):
    protocol = load(tmp_path, bsa_file(("{ min_m2 = 1.5, min_inclusive = false", "{ min_m2 = 1.6, "
                                        "min_inclusive = false")))
    # 150 cm × 55 kg: BSA √(8250/3600) = 1.5138 m², in no band
    with pytest.raises(InputError) as info:
        compute_arm_doses(protocol, "A", BodyMeasurements(55, 150))
    assert "no druga dose for a body surface area of 1.5138 m²" in info.value.message


@pytest.mark.parametrize(
    ("edits", "key", "reason"),
    [
        (
            (("min_m2 = 1.5, min_inclusive = false", "min_m2 = 1.5, min_inclusive = true"),),
            "arms[0].doses[0].bsa_bands[1]",
            "overlaps another (≤ 1.5 m² / ≥ 1.5 m²)",
        ),
        (
            (("max_m2 = 1.5, max_inclusive = true, ", "max_m2 = 1.5, "),),
            "arms[0].doses[0].bsa_bands[0].max_inclusive",
            "say whether max_m2 is included",
        ),
        (
            (("  kind = \"bsa_bands\"\n", "  kind = \"bsa_bands\"\n  amount = 3\n"),),
            "arms[0].doses[0].amount",
            'a "bsa_bands" rule has no amount',
        ),
        (
            (("  kind = \"bsa_bands\"\n", "  kind = \"weight_bands\"\n"),),
            "arms[0].doses[0].bands",
            'a "weight_bands" rule needs at least one band',
        ),
        (
            (("{ max_m2 = 1.5,", "{ max_kg = 1.5,"),),
            "arms[0].doses[0].bsa_bands[0].max_kg",
            'unknown key "max_kg"',
        ),
    ],
)
def test_bsa_band_problems(tmp_path, edits, key, reason):
    problems = problems_of(tmp_path, bsa_file(*edits))
    assert key in problems, problems
    assert reason in problems[key]


OPTIONS = '''  [[arms.options]]
  id = "low"
  label = "Low"
  default = true
  source = "test fixture"
  status = "provisional"

  [[arms.options]]
  id = "high"
  label = "High"
  source = "test fixture"
  status = "provisional"

  [[arms.doses]]
  option = "low"
  drug = "druga"
  kind = "per_kg"
  amount = 2
  unit = "g"
  per = "dose"
  cap = 70
  route = "IV"
  frequency = "monthly"
  source = "test fixture"
  status = "seed"

  [[arms.doses]]
  option = "high"
  drug = "druga"
  kind = "per_kg"
  amount = 1.5
  unit = "g"'''


def test_default_option(tmp_path):
    protocol = load(tmp_path, mutate((ARM_A_DOSE, OPTIONS)))
    assert protocol.arm("A").default_option.id == "low"
    assert protocol.arm("B").default_option is None
    problems = problems_of(tmp_path, mutate((ARM_A_DOSE, OPTIONS.replace(
        'label = "High"', 'label = "High"\n  default = true'))))
    assert "only one option may be the default (low, high)" in problems["arms[0].options"]


def test_labelled_age_loads_and_is_checked(tmp_path):
    protocol = load(tmp_path, mutate(("  cap = 70\n", '  cap = 70\n  labelled_age = { from_years'
                                      ' = 6, source = "label", status = "published" }\n')))
    age = protocol.arm("A").doses[0].labelled_age
    assert (age.from_years, age.source, age.status) == (6, "label", RuleStatus.PUBLISHED)
    problems = problems_of(tmp_path, mutate(("  cap = 70\n", "  cap = 70\n  labelled_age = { "
                                             "from_years = 0, source = \"label\" }\n")))
    assert "must be greater than zero" in problems["arms[0].doses[0].labelled_age.from_years"]
    assert "is missing" in problems["arms[0].doses[0].labelled_age.status"]


WASHOUT = """
[[drug_groups]]
id = "tnf"
label = "TNF inhibitors"
drugs = ["adalimumab", "infliximab"]
source = "t"
status = "provisional"

[[prior_therapy_rules]]
id = "washout"
kind = "washout"
groups = ["tnf"]
months = 1
half_lives_min = 4
half_lives_max = 5
text = "Washout."
source = "t"
status = "provisional"

[[half_lives]]
drug = "adalimumab"
days = 14
source = "label"
status = "provisional"

[[half_lives]]
drug = "infliximab"
days = 9.5
note = "7.7 to 9.5 days"
source = "label"
status = "provisional"
"""


def test_half_lives_load(tmp_path):
    protocol = load(tmp_path, MINIMAL + WASHOUT)
    (rule,) = protocol.prior_therapy_rules
    assert (rule.half_lives_min, rule.half_lives_max) == (4, 5)
    assert protocol.half_life("infliximab").days == 9.5
    assert protocol.half_life("infliximab").note == "7.7 to 9.5 days"
    assert protocol.half_life("etanercept") is None


@pytest.mark.parametrize(
    ("old", "new", "key", "reason"),
    [
        # a washout counted in half-lives needs every drug's half-life
        ('[[half_lives]]\ndrug = "infliximab"', '[[half_lives]]\ndrug = "golimumab"',
         "prior_therapy_rules[0].half_lives_min", "no [[half_lives]] entry for infliximab"),
        ('drug = "infliximab"', 'drug = "adalimumab"', "half_lives[1].drug",
         '"adalimumab" already has a half-life'),
        ("half_lives_max = 5\n", "half_lives_max = 3\n", "prior_therapy_rules[0].half_lives_max",
         "half_lives_max 3 is below half_lives_min 4"),
        ("half_lives_max = 5\n", "", "prior_therapy_rules[0].half_lives_max",
         "is missing (given with half_lives_min)"),
        ('kind = "washout"', 'kind = "started_within"', "prior_therapy_rules[0].half_lives_min",
         "only a washout rule has half_lives_min"),
        ("days = 14", "days = 0", "half_lives[0].days", "must be greater than zero"),
    ],
)
def test_half_life_problems(tmp_path, old, new, key, reason):
    problems = problems_of(tmp_path, MINIMAL + WASHOUT.replace(old, new, 1))
    assert key in problems, problems
    assert reason in problems[key]


def test_criterion_caution(tmp_path):
    text = mutate(('text = "Has a rash."', 'text = "Has a rash."\ncaution = "No consensus."'))
    assert load(tmp_path, text).criterion("has_rash").caution == "No consensus."
    problems = problems_of(tmp_path, mutate(('text = "Has a rash."',
                                             'text = "Has a rash."\ncaution = " "')))
    assert "must not be empty" in problems["criteria[0].caution"]


RASH_DETAIL = '''  required_when = { answer = "yes" }

[[criteria]]
id = "ulcers"'''
CHECKS = '''  required_when = { answer = "yes" }

  [[criteria.details]]
  id = "rash_score"
  label = "Rash score"
  type = "number"
  min = 0
  max = 10

  [[criteria.details]]
  id = "rash_note"
  label = "Why"
  type = "text"

  [[criteria.details]]
  id = "rash_biopsy"
  label = "Biopsy done"
  type = "bool"

  [[criteria.consistency]]
  id = "worse_contradicts"
  kind = "contradiction"
  when_all = [{ answer = "yes" }, { field = "rash_kind", is = "worse" }]
  text = "A worsening rash contradicts Yes."
  source = "t"
  status = "seed"

  [[criteria.consistency]]
  id = "low_score_query"
  kind = "query"
  when_all = [{ field = "rash_score", below = 3 }, { field = "rash_note", blank = true }]
  text = "Low score without a reason."
  source = "t"
  status = "provisional"

[[criteria]]
id = "ulcers"'''


def test_consistency_rules_load(tmp_path):
    protocol = load(tmp_path, mutate((RASH_DETAIL, CHECKS)))
    worse, low = protocol.criterion("has_rash").consistency
    assert (worse.id, worse.kind.value, len(worse.conditions)) == ("worse_contradicts",
                                                                    "contradiction", 2)
    assert worse.conditions[0].answer == ("yes",)
    assert (worse.conditions[1].field, worse.conditions[1].values) == ("rash_kind", ("worse",))
    assert (low.conditions[0].below, low.conditions[1].blank) == (3.0, True)
    assert low.status is RuleStatus.PROVISIONAL


@pytest.mark.parametrize(
    ("old", "new", "key", "reason"),
    [
        ('{ answer = "yes" }, { field = "rash_kind", is = "worse" }',
         '{ answer = "yes" }, { field = "rash_kind", is = "bad" }',
         "criteria[0].consistency[0].when_all[1].is", "'bad' is not a possible value"),
        ('{ answer = "yes" }, { field = "rash_kind", is = "worse" }',
         '{ answer = "yes" }, { field = "nope", is = "worse" }',
         "criteria[0].consistency[0].when_all[1].field", 'no detail field "nope"'),
        ('{ field = "rash_score", below = 3 }', '{ field = "rash_kind", below = 3 }',
         "criteria[0].consistency[1].when_all[0].below", '"rash_kind" is a choice field'),
        ('{ field = "rash_note", blank = true }', '{ field = "rash_biopsy", blank = true }',
         "criteria[0].consistency[1].when_all[1].blank", "a yes/no field, never blank"),
        ('{ field = "rash_score", below = 3 }', '{ field = "rash_score", below = 3, blank = true }',
         "criteria[0].consistency[1].when_all[0]", "use one of: answer; field with is"),
        ('{ field = "rash_score", below = 3 }', '{ field = "rash_score", below = "3" }',
         "criteria[0].consistency[1].when_all[0].below", "must be a number"),
        ('kind = "query"', 'kind = "warning"', "criteria[0].consistency[1].kind",
         '"warning" is not allowed'),
        ('id = "low_score_query"', 'id = "worse_contradicts"', "criteria[0].consistency[1].id",
         'duplicate consistency rule id "worse_contradicts"'),
        ('when_all = [{ answer = "yes" }, { field = "rash_kind", is = "worse" }]',
         "when_all = []", "criteria[0].consistency[0].when_all", "must not be empty"),
        ('{ answer = "yes" }, ', '{ answer = "maybe" }, ',
         "criteria[0].consistency[0].when_all[0].answer",
         'must be "yes", "no", "unknown" or a list of them'),
    ],
)
def test_consistency_rule_problems(tmp_path, old, new, key, reason):
    text = mutate((RASH_DETAIL, CHECKS))
    assert text.count(old) == 1, old
    problems = problems_of(tmp_path, text.replace(old, new))
    assert key in problems, problems
    assert reason in problems[key]


TAPER = """
[[schedules]]
id = "taper"
label = "4 weeks, then a maximum"
phases = [
  { every_days = 1, doses = 28 },
  { every_days = 1, computed_dose = "maximum" },
]
source = "t"
status = "provisional"
"""


def test_schedule_phase_computed_dose(tmp_path):
    protocol = load(tmp_path, MINIMAL + TAPER)
    full, taper = protocol.schedule("taper").phases
    assert (full.computed_dose.value, taper.computed_dose.value) == ("target", "maximum")
    problems = problems_of(tmp_path, MINIMAL + TAPER.replace('"maximum"', '"ceiling"'))
    assert '"ceiling" is not allowed' in problems["schedules[0].phases[1].computed_dose"]
