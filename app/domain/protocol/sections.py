"""Section readers: one per table of a protocol file, each building its part of the plan.

``Reader.read`` has already checked each key against ``file_format``; what is left here
is what only the loader can check: rules between keys (a cap not below the minimum,
weight bands that do not overlap), and references inside one table (a condition names a
detail field of its criterion, a dose names an option of its arm). References across the
file are checked in ``loading``. A reader returns None when its table cannot be built;
its problems are already reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from app.domain.phrases import Number, sentence
from app.domain.protocol import dose_refusals as why
from app.domain.protocol import file_format as fmt
from app.domain.protocol import key_refusals as key_why
from app.domain.protocol import table_refusals as how
from app.domain.protocol.arms import Arm, ArmOption, ArmRule, ConcomitantLimit
from app.domain.protocol.doses import (
    Band,
    BandMeasure,
    DoseRule,
    LabelledAge,
    PhaseDose,
    Rounding,
    RuleKind,
    SchedulePhase,
    ScheduleSpec,
)
from app.domain.protocol.eligibility import (
    Choice,
    Condition,
    ConsistencyRule,
    Criterion,
    DateRule,
    DetailField,
    FieldType,
)
from app.domain.protocol.plan import Counselling, Note
from app.domain.protocol.prior_therapy_rules import DrugGroup, HalfLife, PriorTherapyRule
from app.domain.protocol.reading import MISSING, Reader, Section, join
from app.domain.protocol.visits import Instrument, VisitDefinition, VisitWindow

# --------------------------------------------------------------------------- eligibility


def condition(
    r: Reader, value: object, path: str, *, allow_answer: bool, checked: bool = False
) -> Condition | None:
    """A condition is either the criterion's own answer or a detail field's value (the
    two ``forms`` of ``file_format.CONDITION``); read here, not by ``Reader.read``,
    because each form has its own value types. ``checked``: the keys were already read
    against a wider table (a consistency condition)."""
    tbl = r.table(value, path)
    if tbl is None:
        return None
    if not checked:
        r.read(tbl, path, fmt.CONDITION if allow_answer else fmt.FIELD_CONDITION)
    if "answer" in tbl:
        if "field" in tbl or "is" in tbl:
            r.problem(path, sentence(how.ANSWER_OR_FIELD))
            return None
        raw = tbl["answer"]
        answers = raw if isinstance(raw, list) else [raw]
        if not answers or not all(a in ("yes", "no", "unknown") for a in answers):
            r.problem(join(path, "answer"), sentence(key_why.ANSWER_VALUES))
            return None
        return Condition(answer=tuple(answers))
    for key in ("field", "is"):
        if key not in tbl:
            r.problem(join(path, key), sentence(MISSING))
    if "field" not in tbl or "is" not in tbl:
        return None
    raw = tbl["is"]
    values = raw if isinstance(raw, list) else [raw]
    if not values or not all(isinstance(v, (str, bool)) for v in values):
        r.problem(join(path, "is"), sentence(key_why.IS_VALUES))
        return None
    fid = tbl["field"]
    if not isinstance(fid, str) or not fid.strip():
        return None  # reported by read()
    return Condition(field=fid, values=tuple(values))


def consistency_condition(r: Reader, tbl: dict[str, Any], path: str) -> Condition | None:
    """A condition of a consistency rule: the four forms of
    ``file_format.CONSISTENCY_CONDITION``; the answer and ``is`` forms read as any
    condition does."""
    r.read(tbl, path, fmt.CONSISTENCY_CONDITION)
    extra = [k for k in ("below", "blank") if k in tbl]
    if not extra:
        return condition(r, tbl, path, allow_answer=True, checked=True)
    if len(extra) > 1 or "is" in tbl or "answer" in tbl or "field" not in tbl:
        r.problem(path, sentence(how.ONE_CONDITION_FORM))
        return None
    fid, value = tbl["field"], tbl[extra[0]]
    if not isinstance(fid, str) or not fid.strip():
        return None  # reported by read()
    if extra[0] == "below":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return None  # reported by read()
        return Condition(field=fid, below=float(value))
    if not isinstance(value, bool):
        return None  # reported by read()
    return Condition(field=fid, blank=value)


def consistency_rule(r: Reader, tbl: dict[str, Any], path: str) -> ConsistencyRule | None:
    s = r.read(tbl, path, fmt.CONSISTENCY_RULE)
    conditions = [c for p, t in s.tables("when_all") if (c := consistency_condition(r, t, p))]
    if s.missing("id", "kind", "text") or not conditions:
        return None
    return ConsistencyRule(conditions=tuple(conditions), **s.fields("id", "kind", "text"))


def detail_field(r: Reader, tbl: dict[str, Any], path: str) -> DetailField | None:
    s = r.read(tbl, path, fmt.DETAIL_FIELD)
    choices = []
    for cpath, ctbl in s.tables("choices"):
        c = r.read(ctbl, cpath, fmt.CHOICE)
        if not c.missing("value", "label"):
            choices.append(Choice(c.get("value"), c.get("label")))
    r.unique(s.ids("choices", "value"), "choice")
    low, high = s.get("min"), s.get("max")
    if low is not None and high is not None and high < low:
        r.problem(s.where("max"), sentence(key_why.MAX_BELOW_MIN, _number(high), _number(low)))
    when = None
    if "required_when" in tbl:
        when = condition(r, tbl["required_when"], s.where("required_when"), allow_answer=True)
    if s.missing("id", "label", "type"):
        return None
    return DetailField(
        choices=tuple(choices),
        required_when=when,
        **s.fields(
            "id", "label", "type", "min", "max", "unit", multiple=False, required=False, help=""
        ),
    )


def date_rule(r: Reader, tbl: dict[str, Any], path: str) -> DateRule | None:
    s = r.read(tbl, path, fmt.DATE_RULE)
    if s.missing("id", "kind", "field", "months", "text"):
        return None
    return DateRule(**s.fields("id", "kind", "field", "months", "text"))


def criterion(r: Reader, tbl: dict[str, Any], path: str) -> Criterion | None:
    s = r.read(tbl, path, fmt.CRITERION)
    details = [d for p, t in s.tables("details") if (d := detail_field(r, t, p))]
    date_rules = [d for p, t in s.tables("date_rules") if (d := date_rule(r, t, p))]
    consistency = [c for p, t in s.tables("consistency") if (c := consistency_rule(r, t, p))]
    # Conditions, consistency rules and date rules name the criterion's own fields.
    by_id = {d.id: d for d in details}
    for i, d in enumerate(details):
        if d.required_when is not None and d.required_when.field is not None:
            check_condition_target(r, d.required_when, by_id, f"{path}.details[{i}].required_when")
    raw_rules = tbl.get("consistency") if isinstance(tbl.get("consistency"), list) else []
    for i, raw_rule in enumerate(raw_rules):
        rule = next((c for c in consistency
                     if isinstance(raw_rule, dict) and c.id == raw_rule.get("id")), None)
        for j, cond in enumerate(rule.conditions if rule is not None else ()):
            where = f"{path}.consistency[{i}].when_all[{j}]"
            if cond.field is not None:
                check_consistency_target(r, cond, by_id, where)
    for i, dr in enumerate(date_rules):
        target = by_id.get(dr.field)
        if target is None:
            r.problem(f"{path}.date_rules[{i}].field", sentence(how.NO_FIELD_HERE, dr.field))
        elif target.type is not FieldType.DATE:
            r.problem(f"{path}.date_rules[{i}].field", sentence(how.NOT_A_DATE_FIELD, dr.field))
    if s.missing("id", "group", "text", "answer_type"):
        return None
    return Criterion(
        details=tuple(details),
        date_rules=tuple(date_rules),
        consistency=tuple(consistency),
        **s.fields("id", "group", "text", "answer_type", number="", help="", caution=""),
    )


def check_condition_target(
    r: Reader, cond: Condition, fields: dict[str, DetailField], path: str
) -> None:
    """A condition tests a choice or yes/no field, for a value that field can have."""
    target = fields.get(cond.field or "")
    if target is None:
        r.problem(join(path, "field"), sentence(how.NO_FIELD_TO_TEST, str(cond.field)))
        return
    if target.type is FieldType.CHOICE:
        valid: set[object] = {c.value for c in target.choices}
    elif target.type is FieldType.BOOL:
        valid = {True, False}
    else:
        r.problem(join(path, "field"),
                  sentence(how.NOT_CHOICE_OR_BOOL, str(cond.field), target.type))
        return
    for v in cond.values:
        # bool is checked by identity-like comparison: True must not match the text "1".
        if v not in valid or isinstance(v, bool) != (target.type is FieldType.BOOL):
            r.problem(join(path, "is"), sentence(how.NOT_A_VALUE_OF, repr(v), str(cond.field)))


def check_consistency_target(
    r: Reader, cond: Condition, fields: dict[str, DetailField], path: str
) -> None:
    """``is`` tests a choice or yes/no field; ``below`` a number field; ``blank`` any
    field but a yes/no one (a checkbox is never blank)."""
    if cond.below is None and cond.blank is None:
        check_condition_target(r, cond, fields, path)
        return
    target = fields.get(cond.field or "")
    if target is None:
        r.problem(join(path, "field"), sentence(how.NO_FIELD_TO_TEST, str(cond.field)))
    elif cond.below is not None and target.type is not FieldType.NUMBER:
        r.problem(join(path, "below"),
                  sentence(how.NOT_A_NUMBER_FIELD, str(cond.field), target.type))
    elif cond.blank is not None and target.type is FieldType.BOOL:
        r.problem(join(path, "blank"), sentence(how.NEVER_BLANK, str(cond.field)))


# --------------------------------------------------------------------------- doses


def dose_rule(
    r: Reader, tbl: dict[str, Any], path: str, *, parent: DoseRule | None = None
) -> DoseRule | None:
    """A dose on an arm, or a sub-rule of ``parent`` (inside greater_of, lesser_of or a
    weight band)."""
    return dose_from(r, r.read(tbl, path, fmt.DOSE if parent is None else fmt.SUB_RULE), parent)


def dose_from(r: Reader, s: Section, parent: DoseRule | None = None) -> DoseRule | None:
    """The dose rule of a table already read. Sub-rules carry only the arithmetic and
    inherit drug, unit, per and provenance from ``parent``; cap, minimum, range and
    rounding apply only at the top level."""
    if parent is None:
        drug, unit, per = s.get("drug"), s.get("unit"), s.get("per")
        source, status = s.provenance
    else:
        drug, unit, per = parent.drug, parent.unit, parent.per
        source, status = parent.source, parent.status
        if "amount_max" in s.tbl:
            r.problem(s.where("amount_max"), sentence(why.RANGE_ON_TOP_ONLY))
    kind, amount = s.get("kind"), s.get("amount")
    # A stand-in parent lets sub-rules inherit even while the parent is still incomplete.
    stand_in = DoseRule(
        drug=drug or "?",
        kind=kind or RuleKind.FIXED,
        unit=unit or "mg",
        per=per or "dose",
        source=source,
        status=status,
    )
    sub_rules = [d for p, t in s.tables("rules") if (d := dose_rule(r, t, p, parent=stand_in))]
    bands = bands_of(r, s.tables("bands"), stand_in, BandMeasure.WEIGHT)
    bands += bands_of(r, s.tables("bsa_bands"), stand_in, BandMeasure.BSA)
    top_level: dict[str, Any] = {}
    check_bounds(r, s, unit)
    if parent is None:
        _check_top_level_amounts(r, s, kind, amount)
        _check_uncapped(r, s)
        rounding = None
        if (found := s.table("rounding")) is not None:
            rs = r.read(found[1], found[0], fmt.ROUNDING)
            check_bounds(r, rs, unit)
            if not rs.missing("increment", "mode"):
                rounding = Rounding(rs.get("increment"), rs.get("mode"), *rs.provenance)
        labelled_age = None
        if (found := s.table("labelled_age")) is not None:
            ls = r.read(found[1], found[0], fmt.LABELLED_AGE)
            if not ls.missing("from_years"):
                labelled_age = LabelledAge(ls.get("from_years"), *ls.provenance)
        top_level = dict(
            cap=s.get("cap"),
            minimum=s.get("minimum"),
            at_least=s.get("at_least", False),
            route=s.get("route", ""),
            frequency=s.get("frequency", ""),
            schedule=s.get("schedule"),
            rounding=rounding,
            label=s.get("label", ""),
            note=s.get("note", ""),
            option=s.get("option"),
            amount_max=s.get("amount_max"),
            labelled_age=labelled_age,
            uncapped_reason=s.get("uncapped_reason", "") if s.get("uncapped") else "",
        )
    if kind is None or drug is None or unit is None or per is None:
        return None
    rule = DoseRule(
        drug=drug,
        kind=kind,
        unit=unit,
        per=per,
        source=source,
        status=status,
        amount=amount,
        rules=tuple(sub_rules),
        bands=tuple(bands),
        **top_level,
    )
    # A cap given but wrong, or "uncapped" given but not true/false, is already reported;
    # "uncapped = false" says nothing and the cap is still needed.
    stated = "cap" in s.tbl or ("uncapped" in s.tbl and s.get("uncapped") is not False)
    if parent is None and rule.grows_with_body and not stated:
        r.problem(s.where("cap"), sentence(why.CAP_NEEDED))
    return rule


def check_bounds(r: Reader, s: Section, unit: str | None) -> None:
    """The drug-independent sanity bounds of ``file_format`` on the table's numbers, read
    in ``unit`` (the dose's own, for a sub-rule or a rounding)."""
    factor = fmt.UNIT_MG.get(unit or "")
    if factor is None:
        return  # a missing or unknown unit is reported on its own
    kind = s.get("kind")
    for bound in s.spec.bounds:
        if bound.kinds and (kind is None or kind not in bound.kinds):
            continue
        for key in bound.keys:
            value = s.get(key)
            if value is None:
                continue
            if value * factor > bound.high_mg:
                problem = _out_of_bounds(value, unit, bound.per, "above", bound.high_mg)
            elif value * factor < bound.low_mg:
                problem = _out_of_bounds(value, unit, bound.per, "below", bound.low_mg)
            else:
                continue
            r.problem(s.where(key), problem)


def _out_of_bounds(value: float, unit: str | None, per: str, words: str, limit_mg: float) -> str:
    template = why.ABOVE_BOUND if words == "above" else why.BELOW_BOUND
    return sentence(template, _number(value), f"{unit}", per, _number(limit_mg))


def _number(value: float) -> Number:
    return Number(f"{value:g}")


def _check_uncapped(r: Reader, s: Section) -> None:
    """``uncapped = true`` says on purpose that a rule has no cap, and why."""
    uncapped = s.get("uncapped")
    if uncapped and "cap" in s.tbl:
        r.problem(s.where("uncapped"), sentence(why.CAP_AND_UNCAPPED))
    if uncapped and "uncapped_reason" not in s.tbl:
        r.problem(s.where("uncapped_reason"), sentence(why.UNCAPPED_WHY))
    if "uncapped_reason" in s.tbl and uncapped is not True:
        r.problem(s.where("uncapped_reason"), sentence(why.UNCAPPED_REASON_ALONE))


def _check_top_level_amounts(
    r: Reader, s: Section, kind: RuleKind | None, amount: float | None
) -> None:
    """A range above its lower end, a cap not below the minimum, and a fixed amount
    inside both (a rule that contradicts itself must not reach a patient)."""
    amount_max, cap, minimum = s.get("amount_max"), s.get("cap"), s.get("minimum")
    if "amount_max" in s.tbl:
        if kind in (RuleKind.PER_KG, RuleKind.PER_M2) and amount is not None:
            if amount_max is not None and amount_max <= amount:
                r.problem(s.where("amount_max"), sentence(
                    why.RANGE_ABOVE, _number(amount_max), _number(amount)))
        if "at_least" in s.tbl:
            r.problem(s.where("amount_max"), sentence(why.RANGE_NOT_AT_LEAST))
    if cap is not None and minimum is not None and cap < minimum:
        r.problem(s.where("cap"), sentence(why.CAP_BELOW_MINIMUM, _number(cap),
                                           _number(minimum)))
    if kind is RuleKind.FIXED and amount is not None:
        if cap is not None and amount > cap:
            r.problem(s.where("cap"), sentence(why.CAP_BELOW_FIXED, _number(cap),
                                               _number(amount)))
        if minimum is not None and amount < minimum:
            r.problem(s.where("minimum"), sentence(why.MINIMUM_ABOVE_FIXED, _number(minimum),
                                                   _number(amount)))


# The keys of a band table, by what the band measures.
_BAND_KEYS = {
    BandMeasure.WEIGHT: (fmt.WEIGHT_BAND, "min_kg", "max_kg"),
    BandMeasure.BSA: (fmt.BSA_BAND, "min_m2", "max_m2"),
}


def bands_of(
    r: Reader,
    entries: Iterator[tuple[str, dict[str, Any]]],
    parent: DoseRule,
    measure: BandMeasure,
) -> list[Band]:
    """Bands of weight or body surface area, each with its bounds stated as included or
    not ("< 75 kg" and "≤ 75 kg" give different doses), and no two overlapping."""
    spec, low_key, high_key = _BAND_KEYS[measure]
    bands: list[tuple[str, Band]] = []
    for bpath, btbl in entries:
        s = r.read(btbl, bpath, spec)
        if low_key not in btbl and high_key not in btbl:
            r.problem(bpath, sentence(how.BAND_NEEDS_BOUND, low_key, high_key))
        for bound, inc in ((low_key, "min_inclusive"), (high_key, "max_inclusive")):
            if bound in btbl and inc not in btbl:
                r.problem(s.where(inc), sentence(key_why.INCLUSIVE_MISSING, bound))
            if inc in btbl and bound not in btbl:
                r.problem(s.where(inc), sentence(key_why.GIVEN_WITHOUT, bound))
        low, high = s.get(low_key), s.get(high_key)
        if low is not None and high is not None and high <= low:
            r.problem(s.where(high_key), sentence(key_why.BAND_ABOVE, high_key, _number(high),
                                                  low_key, _number(low)))
        rule = None
        if (found := s.table("rule")) is not None:
            rule = dose_rule(r, found[1], found[0], parent=parent)
        if rule is not None:
            low_inc, high_inc = s.get("min_inclusive", False), s.get("max_inclusive", False)
            bands.append((bpath, Band(low, high, low_inc, high_inc, rule, measure)))
    ordered = sorted(bands, key=lambda b: float("-inf") if b[1].low is None else b[1].low)
    for (_, a), (bpath, b) in zip(ordered, ordered[1:], strict=False):
        a_high = float("inf") if a.high is None else a.high
        b_low = float("-inf") if b.low is None else b.low
        if a_high > b_low or (a_high == b_low and a.high_inclusive and b.low_inclusive):
            r.problem(bpath, sentence(how.BANDS_OVERLAP, a.describe_phrase(),
                                      b.describe_phrase()))
    return [b for _, b in bands]


def schedule(r: Reader, tbl: dict[str, Any], path: str) -> ScheduleSpec | None:
    s = r.read(tbl, path, fmt.SCHEDULE)
    phases: list[SchedulePhase] = []
    entries = list(s.tables("phases"))
    for i, (ppath, ptbl) in enumerate(entries):
        p = r.read(ptbl, ppath, fmt.SCHEDULE_PHASE)
        if "doses" not in ptbl and i != len(entries) - 1:
            r.problem(p.where("doses"), sentence(how.LAST_PHASE_ONLY))
        phases.append(
            SchedulePhase(
                p.get("every_days"),
                p.get("every_months"),
                p.get("doses"),
                p.get("computed_dose", PhaseDose.TARGET),
            )
        )
    if s.missing("id", "label"):
        return None
    return ScheduleSpec(phases=tuple(phases), **s.fields("id", "label"))


def concomitant_limit(r: Reader, tbl: dict[str, Any], path: str) -> ConcomitantLimit | None:
    s = r.read(tbl, path, fmt.CONCOMITANT_LIMIT)
    rule = dose_from(r, s)
    if s.missing("id") or rule is None or not rule.label:
        return None
    return ConcomitantLimit(s.get("id"), rule.label, rule, rule.note)


# --------------------------------------------------------------------------- arms


def arm_rule(r: Reader, tbl: dict[str, Any], path: str) -> ArmRule | None:
    s = r.read(tbl, path, fmt.ARM_RULE)
    when = None
    if "when" in tbl:
        when = condition(r, tbl["when"], s.where("when"), allow_answer=False)
    if s.missing("kind", "text"):
        return None
    lists = {k: () for k in ("drugs", "arms", "reasons", "measurements")}
    return ArmRule(when=when, **s.fields("kind", "text", **lists))


def arm_option(r: Reader, tbl: dict[str, Any], path: str) -> ArmOption | None:
    s = r.read(tbl, path, fmt.ARM_OPTION)
    if s.missing("id", "label"):
        return None
    return ArmOption(**s.fields("id", "label", summary="", note="", default=False))


def arm(r: Reader, tbl: dict[str, Any], path: str) -> Arm | None:
    """An arm, whose doses name only its own options and whose every option has a dose."""
    s = r.read(tbl, path, fmt.ARM)
    options = [o for p, t in s.tables("options") if (o := arm_option(r, t, p))]
    r.unique(s.ids("options"), "option")
    defaults = [o.id for o in options if o.default]
    if len(defaults) > 1:
        r.problem(s.where("options"), sentence(how.ONE_DEFAULT, ", ".join(defaults)))
    doses = [d for p, t in s.tables("doses") if (d := dose_rule(r, t, p))]
    option_ids = {o.id for o in options}
    raw_doses = tbl.get("doses") if isinstance(tbl.get("doses"), list) else []
    for di, dtbl in enumerate(raw_doses):
        named = dtbl.get("option") if isinstance(dtbl, dict) else None
        if isinstance(named, str) and named not in option_ids:
            r.problem(f"{path}.doses[{di}].option", sentence(how.NO_OPTION, named))
    for oi, opt in enumerate(options):
        if not any(d.option == opt.id for d in doses):
            r.problem(f"{path}.options[{oi}]", sentence(how.OPTION_WITHOUT_DOSE, opt.id))
    rules = [a for p, t in s.tables("rules") if (a := arm_rule(r, t, p))]
    if s.missing("id", "name"):
        return None
    return Arm(
        doses=tuple(doses),
        rules=tuple(rules),
        options=tuple(options),
        **s.fields("id", "name", summary=""),
    )


# --------------------------------------------------------------------------- prior therapy


def drug_group(r: Reader, tbl: dict[str, Any], path: str) -> DrugGroup | None:
    s = r.read(tbl, path, fmt.DRUG_GROUP)
    drugs = s.get("drugs")
    if drugs == ():
        r.problem(s.where("drugs"), sentence(key_why.EMPTY))
    if s.missing("id", "label") or not drugs:
        return None
    return DrugGroup(**s.fields("id", "label", "drugs"))


def prior_therapy_rule(r: Reader, tbl: dict[str, Any], path: str) -> PriorTherapyRule | None:
    s = r.read(tbl, path, fmt.PRIOR_THERAPY_RULE)
    failure, allowed = s.get("failure_reasons", ()), s.get("allowed_reasons", ())
    if set(failure) & set(allowed):
        r.problem(s.where("allowed_reasons"), sentence(key_why.FAIL_AND_ALLOW))
    low, high = s.get("half_lives_min"), s.get("half_lives_max")
    for key, other in (("half_lives_min", "half_lives_max"), ("half_lives_max", "half_lives_min")):
        if key in tbl and other not in tbl:
            r.problem(s.where(other), sentence(key_why.GIVEN_WITH, key))
    if low is not None and high is not None and high < low:
        r.problem(s.where("half_lives_max"), sentence(key_why.HALF_LIVES_BELOW,
                                                      Number(f"{high}"), Number(f"{low}")))
    if s.missing("id", "kind", "text"):
        return None
    lists = {k: () for k in ("arms", "drugs", "groups", "failure_reasons", "allowed_reasons")}
    return PriorTherapyRule(
        **s.fields(
            "id",
            "kind",
            "text",
            "months",
            "half_lives_min",
            "half_lives_max",
            b_cells_detectable=False,
            note="",
            **lists,
        )
    )


def half_life(r: Reader, tbl: dict[str, Any], path: str) -> HalfLife | None:
    s = r.read(tbl, path, fmt.HALF_LIFE)
    if s.missing("drug", "days"):
        return None
    return HalfLife(**s.fields("drug", "days", note=""))


# --------------------------------------------------------------------------- visits


def visit(r: Reader, tbl: dict[str, Any], path: str) -> VisitDefinition | None:
    s = r.read(tbl, path, fmt.VISIT)
    window = None
    if (found := s.table("window")) is not None:
        ws = r.read(found[1], found[0], fmt.VISIT_WINDOW)
        if not ws.missing("before_days", "after_days"):
            window = VisitWindow(ws.get("before_days"), ws.get("after_days"), *ws.provenance)
    if s.missing("id", "label", "offset_months", "instruments") or window is None:
        return None
    return VisitDefinition(
        window=window,
        **s.fields("id", "label", "offset_months", "instruments", optional_instruments=()),
    )


def instrument(r: Reader, tbl: dict[str, Any], path: str) -> Instrument | None:
    s = r.read(tbl, path, fmt.INSTRUMENT)
    if s.missing("id", "label", "set"):
        return None
    return Instrument(**s.fields("id", "label", "set"))


def counselling(r: Reader, tbl: dict[str, Any], path: str) -> Counselling | None:
    s = r.read(tbl, path, fmt.COUNSELLING)
    if s.missing("id", "text"):
        return None
    return Counselling(**s.fields("id", "text", record=True))


def note(r: Reader, tbl: dict[str, Any], path: str) -> Note | None:
    s = r.read(tbl, path, fmt.NOTE)
    if s.missing("id", "text"):
        return None
    return Note(**s.fields("id", "text"))
