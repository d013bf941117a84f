"""The protocol file's format (schema_version 1): every table, its keys and their types.

One module although long: it is a single declaration of the file format, table by table;
its length is the format's.

One description, two readers: the loader (``reading`` and ``sections``) checks a file's
keys and values against it, and ``json_schema`` turns it into the JSON Schema published
for site authors and their editors (``resources/protocols/protocol.schema.json``), so the
two cannot drift. Rules that depend on a table's kind (a "per_kg" dose needs an amount)
are data here too (``Variant``). What JSON Schema cannot say -- a dose naming a schedule
that exists, a cap above the minimum, weight bands that do not overlap -- is checked by
the loader's section readers alone.

Longer than most modules on purpose: it is the whole format in one place, read top to
bottom as the site author's reference (and the schema's source); splitting it would
scatter one description.
"""

from __future__ import annotations

import re
from enum import StrEnum

from app.domain.protocol import table_refusals as how
from app.domain.protocol.arms import ArmRuleKind
from app.domain.protocol.doses import PER, ROUTES, UNITS, PhaseDose, RoundingMode, RuleKind
from app.domain.protocol.eligibility import (
    ANSWER_TYPES,
    DATE_RULE_KINDS,
    ConsistencyKind,
    CriterionGroup,
    FieldType,
)
from app.domain.protocol.key_types import (
    Boolean,
    Bounds,
    DrugName,
    Ident,
    Integer,
    Key,
    Need,
    Number,
    OneOf,
    OneOrMany,
    Table,
    Tables,
    TableSpec,
    Text,
    TextList,
    Variant,
)
from app.domain.protocol.prior_therapy_rules import REASONS_STOPPED, PriorTherapyRuleKind
from app.domain.protocol.provenance import RuleStatus
from app.domain.protocol.visits import INSTRUMENT_SETS

SCHEMA_VERSION = 1

# --------------------------------------------------------------------------- the tables

PROTOCOL_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
NAME_ID = re.compile(r"[a-z][a-z0-9_]*")
ARM_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")

# Every rule names where it comes from and how firm it is (clinical rules preamble).
PROVENANCE = (
    Key("source", Text(), True, "Where the rule comes from (paper, table, label)."),
    Key("status", OneOf.of(RuleStatus), True, "seed, published or provisional."),
)


def _others(enum: type[StrEnum], *values: str) -> tuple[str, ...]:
    return tuple(m.value for m in enum if m.value not in values)


def _kinds(*kinds: StrEnum) -> tuple[str, ...]:
    return tuple(k.value for k in kinds)


CHOICE = TableSpec(
    "choice",
    "One choice of a choice field: the stored value and the label shown.",
    (Key("value", Ident(NAME_ID), True), Key("label", Text(), True)),
)

CONDITION = TableSpec(
    "condition",
    'A condition: { answer = "yes" } (the criterion\'s own answer) or '
    '{ field = "<detail field id>", is = <value or list of values> }.',
    (
        Key("answer", OneOrMany(OneOf(ANSWER_TYPES["yes_no_unknown"]))),
        Key("field", Text()),
        Key("is", OneOrMany((Text(), Boolean()))),
    ),
    forms=(("answer",), ("field", "is")),
)

FIELD_CONDITION = TableSpec(
    "field_condition",
    'A condition on a detail field: { field = "<detail field id>", is = <value or list> }.',
    CONDITION.keys[1:],
    forms=(("field", "is"),),
)

CONSISTENCY_CONDITION = TableSpec(
    "consistency_condition",
    'A condition of a consistency rule: { answer = "yes" }, { field = "<detail>", is = '
    "<value or list> }, { field = \"<number detail>\", below = <number> } or "
    '{ field = "<detail>", blank = true/false }.',
    (
        *CONDITION.keys,
        Key("below", Number(), doc="The number field's value is below this."),
        Key("blank", Boolean(), doc="true: nothing entered; false: something entered."),
    ),
    forms=(("answer",), ("field", "is"), ("field", "below"), ("field", "blank")),
)

CONSISTENCY_RULE = TableSpec(
    "consistency_rule",
    "A rule between a criterion's answer and its details: when every condition holds, a "
    "contradiction makes the patient not eligible and a query asks for a second look "
    "(the verdict is unchanged); either is shown in plain words with the values recorded.",
    (
        Key("id", Ident(NAME_ID), True, "Unique in the whole protocol."),
        Key("kind", OneOf.of(ConsistencyKind), True),
        Key("when_all", Tables("consistency_condition", non_empty=True), True),
        Key("text", Text(), True),
        *PROVENANCE,
    ),
)

DETAIL_FIELD = TableSpec(
    "detail_field",
    "A supporting detail a criterion asks for (a form field).",
    (
        Key("id", Ident(NAME_ID), True, "Unique in the whole protocol (answers are stored flat)."),
        Key("label", Text(), True),
        Key("type", OneOf.of(FieldType), True),
        Key("choices", Tables("choice")),
        Key("multiple", Boolean(), doc="A choice field that takes several values."),
        Key("min", Number()),
        Key("max", Number()),
        Key("unit", Text()),
        Key("required", Boolean()),
        Key("required_when", Table("condition")),
        Key("help", Text(blank_ok=True)),
    ),
    variants=(
        Variant(
            "type",
            _kinds(FieldType.CHOICE),
            needs=(Need("choices", how.CHOICES_NEEDED, 1),),
        ),
        Variant(
            "type",
            _others(FieldType, FieldType.CHOICE),
            forbids=("choices",),
            forbidden=how.ONLY_CHOICE_HAS_CHOICES,
        ),
        Variant(
            "type",
            _others(FieldType, FieldType.NUMBER),
            forbids=("min", "max"),
            forbidden=how.ONLY_NUMBER_HAS_BOUNDS,
        ),
    ),
)

DATE_RULE = TableSpec(
    "date_rule",
    "A timing rule on a date detail of the same criterion.",
    (
        Key("id", Ident(NAME_ID), True),
        Key("kind", OneOf(DATE_RULE_KINDS), True),
        Key("field", Text(), True, "A date detail field of this criterion."),
        Key("months", Integer(1), True),
        Key("text", Text(), True),
        *PROVENANCE,
    ),
)

CRITERION = TableSpec(
    "criterion",
    "An eligibility criterion: required (should have), allowed (may have) or exclusion "
    "(should not have).",
    (
        Key("id", Ident(NAME_ID), True),
        Key("group", OneOf.of(CriterionGroup), True),
        Key("number", Text(), doc="The number in the published table."),
        Key("text", Text(), True),
        Key("answer_type", OneOf(tuple(ANSWER_TYPES)), True),
        Key("details", Tables("detail_field")),
        Key("date_rules", Tables("date_rule")),
        Key("consistency", Tables("consistency_rule")),
        Key("help", Text(blank_ok=True)),
        Key(
            "caution",
            Text(),
            doc="Shown prominently with the criterion, e.g. where the source reports no "
            "consensus on it.",
        ),
        *PROVENANCE,
    ),
)

# ------------------------------------------------------------- sanity bounds of amounts
# Drug-independent bounds on every amount, cap, minimum and rounding step, in mg (a "g"
# rule's numbers are read ×1000), whatever the drug: they refuse what no plan can mean,
# never a drug's own dose range (that is the plan's cap). The largest amounts in the
# shipped plans are IVIG 2 g/kg with a 70 g cap, methylprednisolone 30 mg/kg with a
# 1000 mg cap and rituximab 750 mg/m² with a 1000 mg cap; the smallest 1 mg/kg.
UNIT_MG = {"mg": 1, "g": 1000}
SMALLEST_MG = 0.001  # 1 microgram: anything smaller is a slip of the unit or the decimal
PER_KG_MAX_MG = 2000  # 2 g/kg (IVIG's 2 g/kg is the largest per-kg dose of any plan)
PER_M2_MAX_MG = 2000  # 2 g/m² (cyclophosphamide's 0.5-1 g/m² is the largest per-m² dose)
AMOUNT_MAX_MG = 100_000  # 100 g: any fixed amount, cap or minimum
ROUNDING_MAX_MG = 10_000  # 10 g: a rounding step (the largest vial of IVIG)
_RATE_KEYS = ("amount", "amount_max")
AMOUNT_BOUNDS = (  # the arithmetic of a rule, at the top level and in sub-rules
    Bounds(_RATE_KEYS, SMALLEST_MG, PER_KG_MAX_MG, (RuleKind.PER_KG.value,), " per kg"),
    Bounds(_RATE_KEYS, SMALLEST_MG, PER_M2_MAX_MG, (RuleKind.PER_M2.value,), " per m²"),
    Bounds(("amount",), SMALLEST_MG, AMOUNT_MAX_MG, (RuleKind.FIXED.value,)),
)
DOSE_BOUNDS = (*AMOUNT_BOUNDS, Bounds(("cap", "minimum"), SMALLEST_MG, AMOUNT_MAX_MG))

ROUNDING = TableSpec(
    "rounding",
    "How the amount to give is rounded (never above a maximum).",
    (
        Key("increment", Number(positive=True), True),
        Key("mode", OneOf.of(RoundingMode), True),
        *PROVENANCE,
    ),
    bounds=(Bounds(("increment",), SMALLEST_MG, ROUNDING_MAX_MG),),
)

_SINGLE = _kinds(RuleKind.PER_KG, RuleKind.PER_M2, RuleKind.FIXED)
_COMPOSITE = _kinds(RuleKind.GREATER_OF, RuleKind.LESSER_OF)
_NO_EXTRA = how.RULE_HAS_NO
# The arithmetic of a dose rule, at the top level and in sub-rules alike.
_DOSE_KIND_VARIANTS = (
    Variant(
        "kind",
        _SINGLE,
        needs=(Need("amount", how.RULE_NEEDS_AMOUNT),),
        forbids=("rules", "bands", "bsa_bands"),
        forbidden=_NO_EXTRA,
    ),
    Variant(
        "kind",
        _COMPOSITE,
        needs=(Need("rules", how.RULE_NEEDS_SUB_RULES, 2),),
        forbids=("amount", "bands", "bsa_bands"),
        forbidden=_NO_EXTRA,
    ),
    Variant(
        "kind",
        _kinds(RuleKind.WEIGHT_BANDS),
        needs=(Need("bands", how.WEIGHT_BANDS_NEEDED, 1),),
        forbids=("amount", "rules", "bsa_bands"),
        forbidden=_NO_EXTRA,
    ),
    Variant(
        "kind",
        _kinds(RuleKind.BSA_BANDS),
        needs=(Need("bsa_bands", how.BSA_BANDS_NEEDED, 1),),
        forbids=("amount", "rules", "bands"),
        forbidden=_NO_EXTRA,
    ),
)
_RULE_KIND = OneOf.of(RuleKind, how.UNKNOWN_RULE_KIND)

SUB_RULE = TableSpec(
    "sub_rule",
    "A sub-rule of greater_of, lesser_of or a band: only the arithmetic; drug, unit, per "
    "and provenance come from the dose it belongs to.",
    (
        Key("kind", _RULE_KIND, True),
        Key("amount", Number(positive=True)),
        Key("rules", Tables("sub_rule")),
        Key("bands", Tables("weight_band")),
        Key("bsa_bands", Tables("bsa_band")),
    ),
    variants=_DOSE_KIND_VARIANTS,
    bounds=AMOUNT_BOUNDS,
)

WEIGHT_BAND = TableSpec(
    "weight_band",
    "A weight band; whether each bound is included must be stated (< 75 kg and <= 75 kg "
    "give different doses).",
    (
        Key("min_kg", Number()),
        Key("max_kg", Number()),
        Key("min_inclusive", Boolean()),
        Key("max_inclusive", Boolean()),
        Key("rule", Table("sub_rule"), True),
    ),
)

BSA_BAND = TableSpec(
    "bsa_band",
    "A band of body surface area (Mosteller, m²); whether each bound is included must be "
    "stated (<= 1.5 m² and < 1.5 m² give different doses).",
    (
        Key("min_m2", Number()),
        Key("max_m2", Number()),
        Key("min_inclusive", Boolean()),
        Key("max_inclusive", Boolean()),
        Key("rule", Table("sub_rule"), True),
    ),
)

LABELLED_AGE = TableSpec(
    "labelled_age",
    "The age the drug (by this route) is labelled from: a younger child's dose is still "
    "computed, with a warning wherever the dose is shown.",
    (Key("from_years", Number(positive=True), True), *PROVENANCE),
)

_DOSE_KEYS = (
    Key("drug", DrugName(), True),
    Key("label", Text()),
    Key("kind", _RULE_KIND, True),
    Key("amount", Number(positive=True), doc="Per kg, per m² or fixed, in `unit`."),
    Key(
        "amount_max",
        Number(positive=True),
        doc="Upper end of a dose range (per_kg and per_m2 only); `amount` is the lower end.",
    ),
    Key("unit", OneOf(UNITS), True),
    Key("per", OneOf(PER), True),
    Key("rules", Tables("sub_rule")),
    Key("bands", Tables("weight_band")),
    Key("bsa_bands", Tables("bsa_band")),
    Key(
        "cap",
        Number(positive=True),
        doc="Maximum amount per `per`. Needed by every rule whose amount can rise without "
        "limit with weight or body surface area (a per_kg or per_m2 term not held by a band "
        "bound or by a fixed amount in lesser_of), unless `uncapped` says why not.",
    ),
    Key(
        "uncapped",
        Boolean(),
        doc="true: this per-kg or per-m² rule has no maximum, on purpose (with "
        "`uncapped_reason`); never with `cap`.",
    ),
    Key("uncapped_reason", Text(), doc="Why the rule has no cap, in the source's words."),
    Key("minimum", Number(positive=True)),
    Key("at_least", Boolean(), doc="The amount is a minimum (e.g. cyclosporine >= 3 mg/kg/day)."),
    Key("route", OneOf(ROUTES)),
    Key("frequency", Text()),
    Key("schedule", Text(), doc="The id of a [[schedules]] entry."),
    Key("rounding", Table("rounding")),
    Key("note", Text(blank_ok=True)),
    Key("option", Ident(NAME_ID), doc="The arm option this dose belongs to (omit: every option)."),
    Key("labelled_age", Table("labelled_age")),
    *PROVENANCE,
)
_DOSE_RANGE = Variant(
    "kind",
    _others(RuleKind, RuleKind.PER_KG, RuleKind.PER_M2),
    forbids=("amount_max",),
    forbidden=how.RANGE_ONLY_PER_KG,
)


def _required(keys: tuple[Key, ...], *names: str) -> tuple[Key, ...]:
    return tuple(
        Key(k.name, k.type, True, k.doc, k.refused) if k.name in names else k for k in keys
    )


# The uncapped rules, for editors; the dose reader checks them (and when a cap is needed).
_UNCAPPED_RULES = (
    {"if": {"properties": {"kind": {"enum": list(_kinds(RuleKind.PER_KG, RuleKind.PER_M2))}},
            "required": ["kind"]},
     "then": {"anyOf": [{"required": ["cap"]},
                        {"required": ["uncapped"], "properties": {"uncapped": {"const": True}}}]}},
    {"if": {"properties": {"uncapped": {"const": True}}, "required": ["uncapped"]},
     "then": {"required": ["uncapped_reason"], "properties": {"cap": False}}},
    {"if": {"required": ["uncapped_reason"]},
     "then": {"required": ["uncapped"], "properties": {"uncapped": {"const": True}}}},
)

DOSE = TableSpec(
    "dose",
    "A dose given on an arm.",
    _required(_DOSE_KEYS, "route", "frequency"),
    variants=(*_DOSE_KIND_VARIANTS, _DOSE_RANGE),
    bounds=DOSE_BOUNDS,
    schema_rules=_UNCAPPED_RULES,
)

CONCOMITANT_LIMIT = TableSpec(
    "concomitant_limit",
    "A limit on a concomitant medicine (the computed amount is a maximum).",
    (
        *(
            Key(k.name, k.type, k.required, k.doc, "a concomitant limit belongs to no arm option")
            if k.name == "option"
            else k
            for k in _required(_DOSE_KEYS, "label")
        ),
        Key("id", Ident(NAME_ID), True),
    ),
    variants=(*_DOSE_KIND_VARIANTS, _DOSE_RANGE),
    bounds=DOSE_BOUNDS,
    schema_rules=_UNCAPPED_RULES,
)

ARM_RULE = TableSpec(
    "arm_rule",
    "A rule of an arm: when it is unavailable or may still be considered, which current "
    "medicines may continue, where a patient may switch, what to monitor.",
    (
        Key("kind", OneOf.of(ArmRuleKind), True),
        Key("text", Text(), True),
        Key("when", Table("field_condition")),
        Key("drugs", TextList()),
        Key("arms", TextList(), doc="Ids of other arms."),
        Key("reasons", TextList()),
        Key("measurements", TextList()),
        *PROVENANCE,
    ),
    variants=tuple(
        Variant(
            "kind", _kinds(*kinds), needs=(Need(key, how.RULE_NEEDS_IT),)
        )
        for kinds, key in (
            ((ArmRuleKind.UNAVAILABLE_IF, ArmRuleKind.MAY_CONSIDER), "when"),
            ((ArmRuleKind.MAY_CONTINUE,), "drugs"),
            ((ArmRuleKind.MAY_SWITCH_TO,), "arms"),
            ((ArmRuleKind.MONITORING,), "measurements"),
        )
    ),
)

ARM_OPTION = TableSpec(
    "arm_option",
    "A choice inside an arm (drug, route or regimen); doses naming it are given only under it.",
    (
        Key("id", Ident(NAME_ID), True),
        Key("label", Text(), True),
        Key("summary", Text(blank_ok=True)),
        Key("note", Text(blank_ok=True)),
        Key(
            "default",
            Boolean(),
            doc="The option offered first and used when none is chosen (at most one per arm).",
        ),
        *PROVENANCE,
    ),
)

ARM = TableSpec(
    "arm",
    "A treatment arm.",
    (
        Key("id", Ident(ARM_ID), True, "Unique ignoring case."),
        Key("name", Text(), True),
        Key("summary", Text(blank_ok=True)),
        Key("options", Tables("arm_option", non_empty=True)),
        Key("doses", Tables("dose", non_empty=True), True),
        Key("rules", Tables("arm_rule")),
        *PROVENANCE,
    ),
)

DRUG_GROUP = TableSpec(
    "drug_group",
    "A named list of drugs (e.g. TNF inhibitors) for prior-therapy rules.",
    (
        Key("id", Ident(NAME_ID), True),
        Key("label", Text(), True),
        Key("drugs", TextList(DrugName()), True),
        *PROVENANCE,
    ),
)

_REASON = OneOf(REASONS_STOPPED, '"{value}" is not a reason stopped (use: {options})')
_DRUGS_OR_GROUPS = (
    PriorTherapyRuleKind.REQUIRES_PRIOR,
    PriorTherapyRuleKind.WASHOUT,
    PriorTherapyRuleKind.DIFFERENT_AGENT_AFTER_FAILURE,
    PriorTherapyRuleKind.KNOWN_DRUGS,
)
_RULE_NEEDS_IT = how.RULE_NEEDS_IT

PRIOR_THERAPY_RULE = TableSpec(
    "prior_therapy_rule",
    "An eligibility rule on the prior-therapy history (omit arms: every arm).",
    (
        Key("id", Ident(NAME_ID), True),
        Key("kind", OneOf.of(PriorTherapyRuleKind), True),
        Key("text", Text(), True),
        Key("arms", TextList()),
        Key("drugs", TextList(DrugName())),
        Key("groups", TextList(), doc="Ids of [[drug_groups]] entries."),
        Key("months", Integer(1)),
        Key("b_cells_detectable", Boolean()),
        Key(
            "half_lives_min",
            Integer(1),
            doc="A washout also counted in half-lives (e.g. 4 of '4-5 half-lives'); each drug "
            "needs a [[half_lives]] entry.",
        ),
        Key("half_lives_max", Integer(1), doc="The upper end (e.g. 5 of '4-5 half-lives')."),
        Key("failure_reasons", TextList(_REASON)),
        Key("allowed_reasons", TextList(_REASON)),
        Key("note", Text(blank_ok=True)),
        *PROVENANCE,
    ),
    variants=(
        Variant(
            "kind",
            _kinds(PriorTherapyRuleKind.WASHOUT, PriorTherapyRuleKind.STARTED_WITHIN),
            needs=(Need("months", _RULE_NEEDS_IT),),
        ),
        Variant(
            "kind",
            _kinds(
                PriorTherapyRuleKind.EXCLUDED_AFTER_FAILURE,
                PriorTherapyRuleKind.DIFFERENT_AGENT_AFTER_FAILURE,
            ),
            needs=(Need("failure_reasons", _RULE_NEEDS_IT),),
        ),
        Variant(
            "kind",
            _kinds(*_DRUGS_OR_GROUPS),
            needs_any=("drugs", "groups"),
            needs_any_message=how.RULE_NEEDS_DRUGS,
        ),
        Variant(
            "kind",
            _others(PriorTherapyRuleKind, PriorTherapyRuleKind.WASHOUT),
            forbids=("b_cells_detectable", "half_lives_min", "half_lives_max"),
            forbidden=how.ONLY_WASHOUT_HAS,
        ),
    ),
)

HALF_LIFE = TableSpec(
    "half_life",
    "A drug's elimination half-life in days, for washouts counted in half-lives.",
    (
        Key("drug", DrugName(), True),
        Key("days", Number(positive=True), True),
        Key("note", Text(blank_ok=True), doc="The label's own words, e.g. a range."),
        *PROVENANCE,
    ),
)

SCHEDULE_PHASE = TableSpec(
    "schedule_phase",
    "Doses every N days or every N calendar months; only the last phase may omit `doses` "
    "(open-ended).",
    (
        Key("every_days", Integer(1)),
        Key("every_months", Integer(1)),
        Key("doses", Integer(1)),
        Key(
            "computed_dose",
            OneOf.of(PhaseDose),
            doc="target (default): the dose to give; maximum: any dose up to it (a taper).",
        ),
    ),
    forms=(("every_days",), ("every_months",)),
    forms_message=how.ONE_OF_EVERY,
)

SCHEDULE = TableSpec(
    "schedule",
    "A dosing schedule named by doses (e.g. every 2 weeks x 3, then monthly).",
    (
        Key("id", Ident(NAME_ID), True),
        Key("label", Text(), True),
        Key("phases", Tables("schedule_phase", non_empty=True), True),
        *PROVENANCE,
    ),
)

VISIT_WINDOW = TableSpec(
    "visit_window",
    "Days before and after the visit's target date.",
    (Key("before_days", Integer(0), True), Key("after_days", Integer(0), True), *PROVENANCE),
)

VISIT = TableSpec(
    "visit",
    "A protocol visit, listed in time order.",
    (
        Key("id", Ident(NAME_ID), True),
        Key("label", Text(), True),
        Key("offset_months", Integer(0), True, "Calendar months after baseline."),
        Key("window", Table("visit_window"), True),
        Key("instruments", TextList(), True, "Ids of [[instruments]] entries."),
        Key("optional_instruments", TextList()),
        *PROVENANCE,
    ),
)

INSTRUMENT = TableSpec(
    "instrument",
    "An instrument measured at visits.",
    (
        Key("id", Ident(NAME_ID), True),
        Key("label", Text(), True),
        Key("set", OneOf(INSTRUMENT_SETS), True),
        *PROVENANCE,
    ),
)

COUNSELLING = TableSpec(
    "counselling",
    "Counselling given with the plan (recorded unless record = false).",
    (
        Key("id", Ident(NAME_ID), True),
        Key("text", Text(), True),
        Key("record", Boolean()),
        *PROVENANCE,
    ),
)

NOTE = TableSpec(
    "note",
    "A note shown with the plan.",
    (Key("id", Ident(NAME_ID), True), Key("text", Text(), True), *PROVENANCE),
)

PROTOCOL = TableSpec(
    "protocol",
    "A CARRA consensus treatment plan for juvenile dermatomyositis (jdm-ctp protocol file).",
    (
        Key("schema_version", Integer(1, only=SCHEMA_VERSION), True, "The format's version."),
        Key("id", Ident(PROTOCOL_ID), True),
        Key("version", Text(), True),
        Key("title", Text(), True),
        Key("citation", Text(), True),
        Key("notice", Text(blank_ok=True)),
        Key("criteria", Tables("criterion", non_empty=True), True),
        Key("arms", Tables("arm", non_empty=True), True),
        Key("concomitant_limits", Tables("concomitant_limit")),
        Key("schedules", Tables("schedule")),
        Key("visits", Tables("visit", non_empty=True), True),
        Key("instruments", Tables("instrument", non_empty=True), True),
        Key("counselling", Tables("counselling")),
        Key("notes", Tables("note")),
        Key("drug_groups", Tables("drug_group")),
        Key("prior_therapy_rules", Tables("prior_therapy_rule")),
        Key("half_lives", Tables("half_life")),
        *PROVENANCE,
    ),
)

TABLES: dict[str, TableSpec] = {
    spec.name: spec
    for spec in (
        PROTOCOL,
        CRITERION,
        DETAIL_FIELD,
        CHOICE,
        CONDITION,
        FIELD_CONDITION,
        CONSISTENCY_CONDITION,
        CONSISTENCY_RULE,
        DATE_RULE,
        ARM,
        ARM_OPTION,
        DOSE,
        SUB_RULE,
        WEIGHT_BAND,
        BSA_BAND,
        LABELLED_AGE,
        ROUNDING,
        ARM_RULE,
        CONCOMITANT_LIMIT,
        SCHEDULE,
        SCHEDULE_PHASE,
        VISIT,
        VISIT_WINDOW,
        INSTRUMENT,
        COUNSELLING,
        NOTE,
        DRUG_GROUP,
        PRIOR_THERAPY_RULE,
        HALF_LIFE,
    )
}
