"""Protocol files: the shipped CTP loads exactly; malformed files are refused with every
problem listed by its dotted key (architecture: "Protocols are data")."""

from __future__ import annotations

import copy
import hashlib
import shutil
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.body import BodyMeasurements
from app.domain.dosing import compute_arm_doses
from app.domain.errors import InputError, ProtocolFileError, UnknownArmError
from app.domain.protocol import (
    ArmRuleKind,
    CriterionGroup,
    FieldType,
    RuleKind,
    RuleStatus,
    load_protocol,
    load_protocol_catalog,
    protocol_from_data,
)

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "resources" / "protocols" / "persistent-skin-rash.toml"
FIXTURES = Path(__file__).resolve().parent / "protocol_fixtures"
MINIMAL = (FIXTURES / "minimal.toml").read_text(encoding="utf-8")


def mutate(*edits: tuple[str, str]) -> str:
    """Apply exact text edits to the minimal fixture; each old text must occur once."""
    text = MINIMAL
    for old, new in edits:
        assert text.count(old) == 1, f"fixture edit is ambiguous or missing: {old!r}"
        text = text.replace(old, new)
    return text


def write(tmp_path: Path, text: str, name: str = "p.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(tmp_path: Path, text: str) -> dict[str, str]:
    path = write(tmp_path, text)
    with pytest.raises(ProtocolFileError) as info:
        load_protocol(path)
    assert all(p.file == str(path) for p in info.value.problems)
    return {p.key: p.reason for p in info.value.problems}


# --------------------------------------------------------------------------- shipped file


@pytest.fixture(scope="module")
def shipped():
    return load_protocol(SHIPPED)


def test_shipped_protocol_identity(shipped):
    assert shipped.id == "persistent-skin-rash"
    assert shipped.version == "2017.2"
    assert shipped.content_hash == hashlib.sha256(SHIPPED.read_bytes()).hexdigest()
    assert "J Rheumatol 2017;44:110-16" in shipped.citation
    assert shipped.status is RuleStatus.SEED


def test_shipped_eligibility_matches_table_1(shipped):
    assert [c.id for c in shipped.criteria_in(CriterionGroup.REQUIRED)] == [
        "skin_not_improving",
        "no_active_myositis",
        "cmas_normal",
        "enzymes_normal_or_explained",
        "mri_no_active_myositis",
        "prior_corticosteroid_and_methotrexate",
    ]
    assert [c.id for c in shipped.criteria_in("allowed")] == [
        "mild_calcinosis",
        "nailfold_capillary_abnormalities",
        "hydroxychloroquine",
        "ivig",
    ]
    assert [c.id for c in shipped.criteria_in("exclusion")] == [
        "significant_organ_involvement",
        "other_conditions_influencing_outcome",
        "calcinosis_more_than_mild",
        "ulcerative_skin_disease",
    ]
    skin = shipped.criterion("skin_not_improving")
    assert skin.answers == ("yes", "no", "unknown")
    assert skin.eligible_answers == ("yes",)
    assert shipped.criterion("ulcerative_skin_disease").eligible_answers == ("no",)
    (rule,) = skin.date_rules
    assert (rule.field, rule.months, rule.kind) == (
        "muscle_resolved_on",
        3,
        "at_least_months_before_screening",
    )
    assert shipped.detail_field("muscle_resolved_on").type is FieldType.DATE
    grade = shipped.detail_field("calcinosis_grade")
    assert [c.value for c in grade.choices] == ["none", "mild", "more_than_mild"]
    assert shipped.detail_field("cmas_total").max == 52
    explanation = shipped.detail_field("enzyme_elevation_explanation")
    assert explanation.required_when is not None
    assert explanation.required_when.holds({"enzymes_status": "elevated_explained"})
    assert not explanation.required_when.holds({"enzymes_status": "normal"})
    assert shipped.detail_field("mri_result").required_when.holds({"mri_done": True})
    assert shipped.detail_field("organ_involvement").multiple is True


def test_shipped_arms_match_table_2(shipped):
    assert shipped.arm_ids == ("A", "B", "C")
    (ivig,) = shipped.arm("A").doses
    assert (ivig.drug, ivig.kind, ivig.amount, ivig.unit, ivig.cap) == (
        "ivig",
        RuleKind.PER_KG,
        2.0,
        "g",
        70.0,
    )
    assert ivig.schedule == "ivig_q2w_x3_then_monthly"
    (mmf,) = shipped.arm("B").doses
    assert mmf.kind is RuleKind.GREATER_OF and mmf.cap == 1500.0
    assert [(r.kind, r.amount) for r in mmf.rules] == [
        (RuleKind.PER_KG, 10.0),
        (RuleKind.PER_M2, 600.0),
    ]
    assert mmf.needs_height
    (csa,) = shipped.arm("C").doses
    assert (csa.amount, csa.per, csa.at_least, csa.cap) == (3.0, "day", True, None)

    (unavailable,) = shipped.arm("A").rules_of(ArmRuleKind.UNAVAILABLE_IF)
    assert unavailable.when.holds({"ivig_for_skin_disease": "yes"})
    (restart,) = shipped.arm("A").rules_of(ArmRuleKind.MAY_CONSIDER)
    assert restart.when.holds({"ivig_use": "previous"})
    (switch,) = shipped.arm("A").rules_of(ArmRuleKind.MAY_SWITCH_TO)
    assert switch.arms == ("B", "C") and switch.reasons == ("inadequate_response", "toxicity")
    for arm_id in ("B", "C"):
        (cont,) = shipped.arm(arm_id).rules_of(ArmRuleKind.MAY_CONTINUE)
        assert "ivig" in cont.drugs
    (monitor,) = shipped.arm("C").rules_of(ArmRuleKind.MONITORING)
    assert monitor.measurements == ("blood_pressure", "creatinine")


def test_shipped_limits_schedule_visits(shipped):
    pred = shipped.limit("daily_corticosteroid").rule
    assert (pred.drug, pred.amount, pred.per, pred.cap) == ("prednisone", 2.0, "day", 60.0)
    mp = shipped.limit("iv_methylprednisolone_pulse").rule
    assert (mp.drug, mp.amount, mp.cap, mp.status) == (
        "methylprednisolone",
        30.0,
        1000.0,
        RuleStatus.PROVISIONAL,
    )
    phases = shipped.schedule("ivig_q2w_x3_then_monthly").phases
    assert [(p.every_days, p.every_months, p.doses) for p in phases] == [
        (14, None, 3),
        (None, 1, None),
    ]
    assert [
        (v.id, v.offset_months, v.window.before_days, v.window.after_days) for v in shipped.visits
    ] == [
        ("baseline", 0, 0, 14),
        ("month_1", 1, 7, 7),
        ("month_2", 2, 7, 7),
        ("month_6", 6, 28, 28),
        ("month_12", 12, 28, 28),
        ("month_18", 18, 28, 28),
    ]
    basic = {
        "mdaat_cutaneous_vas",
        "pga_activity",
        "parent_global_activity",
        "pga_skin",
        "parent_global_skin",
        "cmas",
        "chaq",
        "mmt8",
        "muscle_enzymes",
    }
    for visit in shipped.visits:
        assert basic <= set(visit.instruments)
        assert {"medications", "adverse_events", "skin_detail"} <= set(visit.instruments)
        assert ("mri" in visit.instruments) == (visit.id == "baseline")
        # Required at baseline since issue 18 ("not tested" an allowed answer).
        assert ("autoantibodies" in visit.instruments) == (visit.id == "baseline")
        assert "autoantibodies" not in visit.optional_instruments
        assert visit.window.status is RuleStatus.PROVISIONAL
    assert [c.id for c in shipped.counselling] == ["sun_protection"]


def test_every_shipped_rule_has_source_and_status(shipped):
    def check(thing):
        assert thing.source.strip(), thing
        assert isinstance(thing.status, RuleStatus), thing

    check(shipped)
    for c in shipped.criteria:
        check(c)
        for d in c.date_rules:
            check(d)
    for arm in shipped.arms:
        check(arm)
        for dose in arm.doses:
            check(dose)
            if dose.rounding:
                check(dose.rounding)
                assert dose.rounding.status is RuleStatus.PROVISIONAL
        for rule in arm.rules:
            check(rule)
    for limit in shipped.concomitant_limits:
        check(limit.rule)
    for item in (*shipped.schedules, *shipped.instruments, *shipped.counselling, *shipped.notes):
        check(item)
    for visit in shipped.visits:
        check(visit)
        check(visit.window)


def test_unknown_arm_lists_the_valid_ones(shipped):
    with pytest.raises(UnknownArmError) as info:
        shipped.arm("D")
    assert isinstance(info.value, InputError)
    assert info.value.message == (
        'There is no treatment arm "D" in protocol persistent-skin-rash. '
        "Choose one of: A (IVIG), B (Mycophenolate mofetil), C (Cyclosporine)."
    )
    assert shipped.arm("c").id == "C"


# --------------------------------------------------------------------------- malformed


def test_minimal_fixture_is_valid(tmp_path):
    protocol = load_protocol(write(tmp_path, MINIMAL))
    assert protocol.id == "mini" and protocol.arm_ids == ("A", "B")


# A third arm with weight-band dosing, spliced in before [[instruments]].
ARM_C_BANDS = (
    "\n"
    + (FIXTURES / "arm-c-weight-bands.toml.part").read_text(encoding="utf-8")
    + "\n[[instruments]]"
)


def with_arm_c(*edits: tuple[str, str]) -> str:
    text = mutate(("\n[[instruments]]", ARM_C_BANDS))
    for old, new in edits:
        assert text.count(old) == 1
        text = text.replace(old, new)
    return text


def test_weight_band_file_loads_and_doses(tmp_path):
    protocol = load_protocol(write(tmp_path, with_arm_c()))
    # 74.9 kg: 10 × 74.9 = 749 mg; 75 kg: 750 mg (inclusive); 100.5 kg: 1000 mg
    for weight, amount in ((74.9, 749.0), (75, 750.0), (100, 750.0), (100.5, 1000.0)):
        (dose,) = compute_arm_doses(protocol, "C", BodyMeasurements(weight))
        assert dose.amount == pytest.approx(amount)


Case = tuple[str, tuple[tuple[str, str], ...], str, str]
CASES: list[Case] = [
    ("syntax error", (('id = "mini"', 'id = "mini'),), "", "TOML syntax error"),
    (
        "missing source",
        (('frequency = "monthly"\n  source = "test fixture"\n', 'frequency = "monthly"\n'),),
        "arms[0].doses[0].source",
        "is missing (required)",
    ),
    (
        "bad status",
        (('status = "provisional"\n\n[[criteria]]', 'status = "seeded"\n\n[[criteria]]'),),
        "status",
        '"seeded" is not allowed (use one of: seed, published, provisional)',
    ),
    (
        "unknown rule kind",
        (('kind = "per_kg"\n  amount = 2', 'kind = "per_lb"\n  amount = 2'),),
        "arms[0].doses[0].kind",
        'unknown rule kind "per_lb"',
    ),
    (
        "cap below minimum",
        (("cap = 70\n", "cap = 70\n  minimum = 80\n"),),
        "arms[0].doses[0].cap",
        "the cap (maximum) 70 is below the minimum 80",
    ),
    (
        "duplicate criterion id",
        (('id = "ulcers"', 'id = "has_rash"'),),
        "criteria[1].id",
        'duplicate criterion id "has_rash" (first used at criteria[0].id)',
    ),
    (
        "wrong type: version",
        (('version = "1.0"', "version = 1.0"),),
        "version",
        "must be text, not a number",
    ),
    (
        "wrong type: cap",
        (("cap = 70\n", 'cap = "70"\n'),),
        "arms[0].doses[0].cap",
        "must be a number, not text",
    ),
    (
        "wrong type: months",
        (("offset_months = 0", "offset_months = 0.5"),),
        "visits[0].offset_months",
        "must be a whole number",
    ),
    (
        "unknown key",
        (("cap = 1500", "cap = 1500\n  capp = 3"),),
        "arms[1].doses[0].capp",
        'unknown key "capp"',
    ),
    (
        "unknown sub-rule kind",
        (('{ kind = "per_m2", amount = 600 }', '{ kind = "per_cm", amount = 600 }'),),
        "arms[1].doses[0].rules[1].kind",
        'unknown rule kind "per_cm"',
    ),
    (
        "greater_of with one rule",
        (('    { kind = "per_m2", amount = 600 },\n', ""),),
        "arms[1].doses[0].rules",
        'a "greater_of" rule needs at least two sub-rules',
    ),
    (
        "condition on unknown field",
        (('field = "rash_kind"', 'field = "rash_type"'),),
        "arms[1].rules[0].when.field",
        'no detail field "rash_type"',
    ),
    (
        "condition value not a choice",
        (('is = "worse"', 'is = "better"'),),
        "arms[1].rules[0].when.is",
        "'better' is not a possible value",
    ),
    (
        "unknown instrument",
        (('instruments = ["pga_activity"]', 'instruments = ["pga_activity", "cmas"]'),),
        "visits[0].instruments",
        'no instrument "cmas"',
    ),
    (
        "visit lists an instrument no code records",
        (('instruments = ["pga_activity"]', 'instruments = ["pga_activity", "calcinosis_count"]'),),
        "visits[0].instruments",
        '"calcinosis_count" is not an instrument this application can record',
    ),
    (
        "declared instrument no code records",
        (('id = "pga_activity"', 'id = "calcinosis_count"'),),
        "instruments[0].id",
        '"calcinosis_count" is not an instrument this application can record',
    ),
    (
        "unknown schedule",
        (('frequency = "monthly"', 'frequency = "monthly"\n  schedule = "nope"'),),
        "arms[0].doses[0].schedule",
        'no schedule "nope"',
    ),
    (
        "duplicate arm id (case-insensitive)",
        (('id = "B"', 'id = "a"'),),
        "arms[1].id",
        'duplicate arm id "a"',
    ),
    (
        "window without source",
        (('after_days = 14, source = "test fixture", ', "after_days = 14, "),),
        "visits[0].window.source",
        "is missing (required)",
    ),
    (
        "per_kg without amount",
        (("  amount = 2\n", ""),),
        "arms[0].doses[0].amount",
        'is missing (a "per_kg" rule needs an amount)',
    ),
    (
        "negative amount",
        (("amount = 2\n", "amount = -2\n"),),
        "arms[0].doses[0].amount",
        "must be greater than zero",
    ),
    (
        "schema version",
        (("schema_version = 1", "schema_version = 2"),),
        "schema_version",
        "reads schema_version 1, not 2",
    ),
    ("unit", (('unit = "g"', 'unit = "kg"'),), "arms[0].doses[0].unit", '"kg" is not allowed'),
    (
        "drug name case",
        (('drug = "druga"', 'drug = "DrugA"'),),
        "arms[0].doses[0].drug",
        "lower-case",
    ),
    (
        "choice without choices",
        (
            (
                '    { value = "static", label = "Static" },\n'
                '    { value = "worse", label = "Worse" },\n',
                "",
            ),
        ),
        "criteria[0].details[0].choices",
        'a "choice" field needs its choices',
    ),
    (
        "bad group",
        (('group = "exclusion"', 'group = "excluded"'),),
        "criteria[1].group",
        '"excluded" is not allowed',
    ),
]


@pytest.mark.parametrize(("name", "edits", "key", "reason"), CASES, ids=[c[0] for c in CASES])
def test_malformed_file_reports_the_key(tmp_path, name, edits, key, reason):
    problems = problems_of(tmp_path, mutate(*edits))
    assert key in problems, problems
    assert reason in problems[key]


def test_choice_field_with_no_choices_key(tmp_path):
    text = mutate(
        (
            '  choices = [\n    { value = "static", label = "Static" },\n'
            '    { value = "worse", label = "Worse" },\n  ]\n',
            "",
        )
    )
    problems = problems_of(tmp_path, text)
    assert "criteria[0].details[0].choices" in problems
    # the arm rule that tests this field now names a value the field cannot have
    assert "arms[1].rules[0].when.is" in problems


def test_missing_arms(tmp_path):
    start = MINIMAL.index("[[arms]]")
    end = MINIMAL.index("[[instruments]]")
    problems = problems_of(tmp_path, MINIMAL[:start] + MINIMAL[end:])
    assert problems == {"arms": "is missing (required)"}


def test_empty_arms(tmp_path):
    start = MINIMAL.index("[[arms]]")
    end = MINIMAL.index("[[instruments]]")
    # a top-level key must come before the first [[table]] header in TOML
    text = (MINIMAL[:start] + MINIMAL[end:]).replace(
        "schema_version = 1\n", "schema_version = 1\narms = []\n"
    )
    problems = problems_of(tmp_path, text)
    assert problems == {"arms": "must not be empty"}


def test_arms_of_the_wrong_type(tmp_path):
    start = MINIMAL.index("[[arms]]")
    end = MINIMAL.index("[[instruments]]")
    text = (MINIMAL[:start] + MINIMAL[end:]).replace(
        "schema_version = 1\n", 'schema_version = 1\narms = "A"\n'
    )
    problems = problems_of(tmp_path, text)
    assert problems == {"arms": "must be a list of tables, not text"}


def test_weight_band_problems(tmp_path):
    text = with_arm_c(
        ("{ max_kg = 75, max_inclusive = false,", "{ max_kg = 75, max_inclusive = true,"),
        ("{ min_kg = 100, min_inclusive = false, rule", "{ min_kg = 100, rule"),
    )
    problems = problems_of(tmp_path, text)
    assert "overlaps" in problems["arms[2].doses[0].bands[1]"]  # 75 in both bands
    assert "say whether min_kg is included" in problems["arms[2].doses[0].bands[2].min_inclusive"]


def test_every_problem_is_reported_not_just_the_first(tmp_path):
    text = mutate(
        ('status = "provisional"\n\n[[criteria]]', 'status = "maybe"\n\n[[criteria]]'),
        ('id = "ulcers"', 'id = "has_rash"'),
        ('kind = "per_kg"\n  amount = 2', 'kind = "per_lb"\n  amount = 2'),
        ("cap = 1500", "cap = 1000\n  minimum = 1200"),
        ('instruments = ["pga_activity"]', 'instruments = ["pga_activity", "cmas"]'),
        ('after_days = 14, source = "test fixture", ', "after_days = 14, "),
    )
    path = write(tmp_path, text)
    with pytest.raises(ProtocolFileError) as info:
        load_protocol(path)
    keys = {p.key for p in info.value.problems}
    assert {
        "status",
        "criteria[1].id",
        "arms[0].doses[0].kind",
        "arms[1].doses[0].cap",
        "visits[0].instruments",
        "visits[0].window.source",
    } <= keys
    message = str(info.value)
    assert f"Protocol file {path} cannot be used" in message
    assert message.count("\n  - ") == len(info.value.problems)
    assert str(info.value.problems[0]).startswith(f"{path}: ")


def test_file_that_is_not_utf8(tmp_path):
    path = tmp_path / "latin1.toml"
    path.write_bytes(MINIMAL.replace("Has a rash.", "Éruption.").encode("latin-1"))
    with pytest.raises(ProtocolFileError) as info:
        load_protocol(path)
    assert "not UTF-8" in info.value.problems[0].reason


def test_missing_file(tmp_path):
    with pytest.raises(ProtocolFileError) as info:
        load_protocol(tmp_path / "absent.toml")
    assert "cannot read the file" in info.value.problems[0].reason


# --------------------------------------------------------------------------- catalog


def test_catalog_site_folder_overrides_builtin(tmp_path):
    builtin, site = tmp_path / "builtin", tmp_path / "site"
    builtin.mkdir()
    site.mkdir()
    shutil.copy(SHIPPED, builtin / SHIPPED.name)
    write(builtin, MINIMAL, "mini.toml")
    write(site, MINIMAL.replace('version = "1.0"', 'version = "1.1-site"'), "mini-local.toml")
    catalog = load_protocol_catalog([builtin, site, tmp_path / "does-not-exist"])
    assert set(catalog.protocols) == {"persistent-skin-rash", "mini"}
    assert catalog.get("mini").version == "1.1-site"
    assert [p.version for p in catalog.replaced] == ["1.0"]
    assert catalog.rejected == []


def test_catalog_rejects_bad_file_and_keeps_the_good_one(tmp_path):
    builtin, site = tmp_path / "builtin", tmp_path / "site"
    builtin.mkdir()
    site.mkdir()
    write(builtin, MINIMAL, "mini.toml")
    bad = write(site, MINIMAL.replace('version = "1.0"', "version = 2"), "mini-broken.toml")
    catalog = load_protocol_catalog([builtin, site])
    assert catalog.get("mini").version == "1.0"  # the broken override is not offered
    (rejected,) = catalog.rejected
    assert rejected.file == str(bad)
    assert [(p.key, p.reason) for p in rejected.problems] == [
        ("version", "must be text, not a number")
    ]


def test_catalog_same_id_twice_in_one_folder_is_rejected(tmp_path):
    write(tmp_path, MINIMAL, "a.toml")
    write(tmp_path, MINIMAL.replace('version = "1.0"', 'version = "9"'), "b.toml")
    catalog = load_protocol_catalog([tmp_path])
    assert catalog.get("mini").version == "1.0"
    (rejected,) = catalog.rejected
    assert rejected.problems[0].key == "id"
    assert "already defined by a.toml" in rejected.problems[0].reason


# --------------------------------------------------------------------------- robustness

_JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 5),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=5),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.just([{}]),
    st.just([{"kind": "per_kg"}]),
)


def _paths(node: object, prefix: tuple = ()) -> list[tuple]:
    out = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            out += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _paths(value, (*prefix, i))
    return out


_SHIPPED_RAW = tomllib.loads(SHIPPED.read_text(encoding="utf-8"))
_SHIPPED_PATHS = _paths(_SHIPPED_RAW)
_DELETE = object()  # marker: remove the key instead of replacing its value


@settings(max_examples=300, deadline=None)
@given(
    edits=st.lists(
        st.tuples(st.sampled_from(_SHIPPED_PATHS), st.one_of(_JUNK, st.just(_DELETE))),
        min_size=1,
        max_size=3,
    )
)
def test_any_corruption_is_reported_never_crashes(edits):
    raw = copy.deepcopy(_SHIPPED_RAW)
    for path, value in edits:
        node = raw
        try:
            for key in path[:-1]:
                node = node[key]
            if value is _DELETE and isinstance(node, dict):
                del node[path[-1]]
            elif value is not _DELETE:
                node[path[-1]] = copy.deepcopy(value)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier edit removed this path
    try:
        protocol_from_data(raw, file="fuzz.toml")
    except ProtocolFileError as exc:
        assert exc.problems
        assert all(p.file == "fuzz.toml" and p.reason for p in exc.problems)


# --------------------------------------------------------------------------- issue 7 schema
# Arm options, dose ranges, drug groups and prior-therapy rules (refractory-biologic).

_ARM_A_DOSE = '  [[arms.doses]]\n  drug = "druga"'
_OPTIONS = (
    '  [[arms.options]]\n  id = "low"\n  label = "Low"\n  source = "t"\n  status = "seed"\n\n'
    '  [[arms.options]]\n  id = "high"\n  label = "High"\n  source = "t"\n  status = "seed"\n\n'
    '  [[arms.doses]]\n  option = "low"\n  drug = "druga"'
)
_SECOND_DOSE = '\n[[arms]]\nid = "B"'
_HIGH_DOSE = (
    '  [[arms.doses]]\n  option = "high"\n  drug = "druga"\n  kind = "per_kg"\n  amount = 6\n'
    '  amount_max = 10\n  unit = "mg"\n  per = "dose"\n  uncapped = true\n'
    '  uncapped_reason = "no maximum in mg in the source"\n  route = "IV"\n'
    '  frequency = "q4-8w"\n'
    '  source = "t"\n  status = "provisional"\n\n[[arms]]\nid = "B"'
)
_PRIOR = """
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
text = "Washout."
source = "t"
status = "provisional"
"""


def test_arm_options_and_dose_range_load(tmp_path):
    text = mutate((_ARM_A_DOSE, _OPTIONS), (_SECOND_DOSE, "\n" + _HIGH_DOSE)) + _PRIOR
    protocol = load_protocol(write(tmp_path, text))
    arm = protocol.arm("A")
    assert arm.option_ids == ("low", "high")
    assert [d.option for d in arm.doses] == ["low", "high"]
    assert arm.doses_for("HIGH")[0].amount_max == 10
    assert arm.drugs == ("druga",)
    (rule,) = protocol.prior_therapy_rules
    assert rule.applies_to("B") and protocol.group_drugs(rule.groups) == (
        "adalimumab",
        "infliximab",
    )
    high = compute_arm_doses(protocol, "A", BodyMeasurements(20), option="high")[0]
    assert (high.amount, high.range_max) == (120.0, 200.0)  # 6 × 20 to 10 × 20 mg


@pytest.mark.parametrize(
    ("extra_edits", "appended", "key", "reason"),
    [
        (
            ((_ARM_A_DOSE, '  [[arms.doses]]\n  option = "nope"\n  drug = "druga"'),),
            "",
            "arms[0].doses[0].option",
            'no option "nope"',
        ),
        (
            ((_ARM_A_DOSE, _OPTIONS),),
            "",
            "arms[0].options[1]",
            'option "high" has no dose naming it',
        ),
        (
            (("  amount = 2\n", "  amount = 2\n  amount_max = 1\n"),),
            "",
            "arms[0].doses[0].amount_max",
            "must be above amount 2",
        ),
        (
            (("  cap = 1500\n", "  cap = 1500\n  amount_max = 9\n"),),
            "",
            "arms[1].doses[0].amount_max",
            'allowed only on "per_kg" and "per_m2" rules',
        ),
        (
            (),
            _PRIOR.replace('groups = ["tnf"]', 'groups = ["tnfs"]'),
            "prior_therapy_rules[0].groups",
            'no drug group "tnfs"',
        ),
        ((), _PRIOR.replace("months = 1\n", ""), "prior_therapy_rules[0].months", "is missing"),
        (
            (),
            _PRIOR.replace("months = 1\n", 'months = 1\narms = ["Z"]\n'),
            "prior_therapy_rules[0].arms",
            'no arm "Z"',
        ),
        (
            (),
            _PRIOR.replace("months = 1\n", 'months = 1\nfailure_reasons = ["failed"]\n'),
            "prior_therapy_rules[0].failure_reasons",
            "is not a reason stopped",
        ),
        (
            (),
            _PRIOR.replace('kind = "washout"', 'kind = "wash"'),
            "prior_therapy_rules[0].kind",
            "is not allowed",
        ),
        (
            (),
            _PRIOR.replace('"adalimumab", ', '"Adalimumab", '),
            "drug_groups[0].drugs",
            "lower-case",
        ),
        (
            (),
            _PRIOR.replace(
                'kind = "washout"', 'kind = "started_within"\nb_cells_detectable = true'
            ),
            "prior_therapy_rules[0].b_cells_detectable",
            "only a washout rule",
        ),
    ],
)
def test_issue7_schema_problems_are_reported(tmp_path, extra_edits, appended, key, reason):
    problems = problems_of(tmp_path, mutate(*extra_edits) + appended)
    assert key in problems, problems
    assert reason in problems[key]


def test_a_visit_listing_an_unknown_instrument_is_refused_naming_file_and_key(tmp_path):
    # Before the instrument registry, such a file loaded and the visit silently required
    # nothing for it.
    text = mutate(('instruments = ["pga_activity"]',
                   'instruments = ["pga_activity", "calcinosis_count"]'))
    path = write(tmp_path, text, "site-plan.toml")
    with pytest.raises(ProtocolFileError) as info:
        load_protocol(path)
    message = str(info.value)
    assert "site-plan.toml" in message
    assert 'visits[0].instruments: "calcinosis_count" is not an instrument' in message
    assert "pga_activity" in message  # the known ones are listed
