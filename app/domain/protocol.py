"""Treatment protocols (CTPs) as data: the model and a strict loader.

Architecture, "Protocols are data": eligibility criteria, arms, dose rules, concomitant
limits, visit schedule and instruments live in a TOML file under ``resources/protocols/``.
The loader validates the whole file and reports *every* problem with its dotted key path;
a file with any problem is refused as a whole (never half-loaded). Every rule carries a
``source`` and a ``status`` (seed / published / provisional; clinical rules preamble).

Issue 7 additions (all optional, so older files load unchanged): ``[[arms.options]]`` (a
choice within an arm; a dose names its option), ``amount_max`` (a per-kg / per-m² dose
range), ``[[drug_groups]]`` and ``[[prior_therapy_rules]]`` (washouts, same-agent
failure, different agent, enrolment after starting; evaluated by
``app.domain.prior_therapy``). Prior-therapy rules are deliberately not
``criteria.date_rules``: the screening code reads every date rule as "at least N months
before screening".
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from app.domain.errors import InputError, ProtocolFileError, ProtocolProblem, UnknownArmError

__all__ = [
    "Arm",
    "ArmOption",
    "ArmRule",
    "ArmRuleKind",
    "Choice",
    "ConcomitantLimit",
    "Condition",
    "Counselling",
    "Criterion",
    "CriterionGroup",
    "DateRule",
    "DetailField",
    "DoseRule",
    "DrugGroup",
    "FieldType",
    "Instrument",
    "Note",
    "PriorTherapyRule",
    "PriorTherapyRuleKind",
    "Protocol",
    "ProtocolCatalog",
    "ProtocolFileError",
    "ProtocolProblem",
    "Rounding",
    "RoundingMode",
    "RuleKind",
    "REASONS_STOPPED",
    "RuleStatus",
    "SchedulePhase",
    "ScheduleSpec",
    "VisitDefinition",
    "VisitWindow",
    "WeightBand",
    "load_protocol",
    "load_protocol_catalog",
    "protocol_from_data",
]

SCHEMA_VERSION = 1


# --------------------------------------------------------------------------- enums


class RuleStatus(StrEnum):
    """How firmly a rule is established (clinical rules preamble)."""

    SEED = "seed"  # stated in a source paper in shared/seeds
    PUBLISHED = "published"  # confirmed from a primary publication or label
    PROVISIONAL = "provisional"  # best reading, not yet confirmed: show it as such


class CriterionGroup(StrEnum):
    REQUIRED = "required"  # "patients should have"
    ALLOWED = "allowed"  # "patients may have"
    EXCLUSION = "exclusion"  # "patients should not have"


class FieldType(StrEnum):
    DATE = "date"
    NUMBER = "number"
    TEXT = "text"
    CHOICE = "choice"
    BOOL = "bool"


class RuleKind(StrEnum):
    PER_KG = "per_kg"
    PER_M2 = "per_m2"
    FIXED = "fixed"
    GREATER_OF = "greater_of"
    LESSER_OF = "lesser_of"
    WEIGHT_BANDS = "weight_bands"


class RoundingMode(StrEnum):
    NEAREST = "nearest"  # half rounds up
    DOWN = "down"
    UP = "up"


class ArmRuleKind(StrEnum):
    UNAVAILABLE_IF = "unavailable_if"  # arm not offered when the condition holds
    MAY_CONSIDER = "may_consider"  # the provider may still consider it (record why)
    MAY_CONTINUE = "may_continue"  # current medications that may continue on this arm
    MAY_SWITCH_TO = "may_switch_to"  # other arms a patient may move to, and why
    MONITORING = "monitoring"  # measurements to prompt for at visits on this arm


class PriorTherapyRuleKind(StrEnum):
    """Eligibility rules on the prior-therapy history (evaluated by app.domain.prior_therapy).

    Kept out of ``criteria.date_rules`` on purpose: the screening code reads every date
    rule as "at least N months before screening", which these are not.
    """

    REQUIRES_PRIOR = "requires_prior"  # the history must show these drugs were tried
    WASHOUT = "washout"  # last dose at least N months before screening (+ B cells)
    EXCLUDED_AFTER_FAILURE = "excluded_after_failure"  # same-agent failure closes the arm
    DIFFERENT_AGENT_AFTER_FAILURE = "different_agent_after_failure"  # e.g. another TNF-i
    STARTED_WITHIN = "started_within"  # arm's biologic started ≤ N months before screening
    KNOWN_DRUGS = "known_drugs"  # every drug in the history must be in these lists


# Why a prior therapy was stopped (issue 7: inadequate response / toxicity / other; plus
# "benefit": stopped while it was helping, which the survey treats as allowing re-entry).
REASONS_STOPPED = ("inadequate_response", "toxicity", "benefit", "other")

ANSWER_TYPES = {"yes_no_unknown": ("yes", "no", "unknown")}
DATE_RULE_KINDS = ("at_least_months_before_screening",)
UNITS = ("g", "mg")
PER = ("dose", "day")
ROUTES = ("IV", "oral", "SC")
INSTRUMENT_SETS = ("basic", "expanded", "additional", "record")

_PROTOCOL_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_NAME_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_ARM_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


# --------------------------------------------------------------------------- model


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True)
class Condition:
    """``{ answer = "yes" }`` (the criterion's own answer) or ``{ field = "x", is = "yes" }``."""

    field: str | None = None
    answer: tuple[str, ...] = ()
    values: tuple[str | bool, ...] = ()

    def holds(self, answers: dict[str, object], criterion_answer: str | None = None) -> bool:
        """True when the condition is met by the given answers (missing = not met)."""
        if self.field is None:
            return criterion_answer in self.answer
        value = answers.get(self.field)
        if isinstance(value, (list, tuple, set, frozenset)):
            return any(v in self.values for v in value)
        return value in self.values


@dataclass(frozen=True)
class DetailField:
    """A supporting detail a criterion needs (a form field spec, as data)."""

    id: str
    label: str
    type: FieldType
    choices: tuple[Choice, ...] = ()
    multiple: bool = False
    min: float | None = None
    max: float | None = None
    unit: str | None = None
    required: bool = False
    required_when: Condition | None = None
    help: str = ""


@dataclass(frozen=True)
class DateRule:
    """A timing rule on a date detail, e.g. muscle resolved ≥ 3 calendar months before
    the screening date."""

    id: str
    kind: str
    field: str
    months: int
    text: str
    source: str
    status: RuleStatus


@dataclass(frozen=True)
class Criterion:
    id: str
    group: CriterionGroup
    number: str
    text: str
    answer_type: str
    details: tuple[DetailField, ...]
    date_rules: tuple[DateRule, ...]
    source: str
    status: RuleStatus
    help: str = ""

    @property
    def answers(self) -> tuple[str, ...]:
        return ANSWER_TYPES[self.answer_type]

    @property
    def eligible_answers(self) -> tuple[str, ...]:
        """Answers compatible with eligibility: required → yes, exclusion → no,
        allowed → any (it is recorded, not decisive)."""
        if self.group is CriterionGroup.REQUIRED:
            return ("yes",)
        if self.group is CriterionGroup.EXCLUSION:
            return ("no",)
        return self.answers


@dataclass(frozen=True)
class Rounding:
    """How the amount to give is rounded (always provisional data with its source)."""

    increment: float
    mode: RoundingMode
    source: str
    status: RuleStatus


@dataclass(frozen=True)
class WeightBand:
    min_kg: float | None
    max_kg: float | None
    min_inclusive: bool
    max_inclusive: bool
    rule: DoseRule

    def contains(self, weight_kg: float) -> bool:
        if self.min_kg is not None:
            if weight_kg < self.min_kg or (weight_kg == self.min_kg and not self.min_inclusive):
                return False
        if self.max_kg is not None:
            if weight_kg > self.max_kg or (weight_kg == self.max_kg and not self.max_inclusive):
                return False
        return True

    def describe(self) -> str:
        low = (
            ""
            if self.min_kg is None
            else f"{'≥' if self.min_inclusive else '>'} {self.min_kg:g} kg"
        )
        high = (
            ""
            if self.max_kg is None
            else f"{'≤' if self.max_inclusive else '<'} {self.max_kg:g} kg"
        )
        return " and ".join(p for p in (low, high) if p)


@dataclass(frozen=True)
class DoseRule:
    """One dose (or limit) rule. Composite kinds hold sub-rules that inherit drug, unit
    and per from their parent; cap, minimum and rounding apply only at the top level."""

    drug: str
    kind: RuleKind
    unit: str
    per: str
    source: str
    status: RuleStatus
    amount: float | None = None
    rules: tuple[DoseRule, ...] = ()
    bands: tuple[WeightBand, ...] = ()
    cap: float | None = None
    minimum: float | None = None
    at_least: bool = False
    route: str = ""
    frequency: str = ""
    schedule: str | None = None
    rounding: Rounding | None = None
    label: str = ""
    note: str = ""
    # Arm option this dose belongs to (None = given in every option of the arm).
    option: str | None = None
    # Upper end of a dose range in the same rate units (e.g. infliximab 6-10 mg/kg:
    # amount 6, amount_max 10); the computed amount is the lower end.
    amount_max: float | None = None

    @property
    def needs_height(self) -> bool:
        """True if any part of the rule uses body surface area."""
        if self.kind is RuleKind.PER_M2:
            return True
        return any(r.needs_height for r in self.rules) or any(
            b.rule.needs_height for b in self.bands
        )


@dataclass(frozen=True)
class ArmRule:
    kind: ArmRuleKind
    text: str
    source: str
    status: RuleStatus
    when: Condition | None = None
    drugs: tuple[str, ...] = ()
    arms: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    measurements: tuple[str, ...] = ()


@dataclass(frozen=True)
class ArmOption:
    """A choice inside an arm (drug, route or regimen), e.g. adalimumab or infliximab in
    the TNF-inhibitor arm; doses naming it are given only when it is chosen."""

    id: str
    label: str
    source: str
    status: RuleStatus
    summary: str = ""
    note: str = ""


@dataclass(frozen=True)
class Arm:
    id: str
    name: str
    summary: str
    doses: tuple[DoseRule, ...]
    rules: tuple[ArmRule, ...]
    source: str
    status: RuleStatus
    options: tuple[ArmOption, ...] = ()

    def rules_of(self, kind: ArmRuleKind) -> tuple[ArmRule, ...]:
        return tuple(r for r in self.rules if r.kind is kind)

    @property
    def option_ids(self) -> tuple[str, ...]:
        return tuple(o.id for o in self.options)

    @property
    def drugs(self) -> tuple[str, ...]:
        """The arm's drugs (every option), in file order, without repeats."""
        return tuple(dict.fromkeys(d.drug for d in self.doses))

    def option(self, option_id: str) -> ArmOption:
        """The option with this id (case-insensitive, "-" read as "_"); InputError lists
        the valid options."""
        wanted = str(option_id).strip().casefold().replace("-", "_")
        for opt in self.options:
            if opt.id.casefold() == wanted:
                return opt
        valid = ", ".join(f"{o.id} ({o.label})" for o in self.options) or "(this arm has none)"
        raise InputError(
            "option",
            f'Arm {self.id} ({self.name}) has no option "{str(option_id).strip()}". '
            f"Choose one of: {valid}.",
        )

    def doses_for(self, option_id: str | None) -> tuple[DoseRule, ...]:
        """Doses given under one option (plus doses common to all options); all doses
        when ``option_id`` is None."""
        if option_id is None:
            return self.doses
        chosen = self.option(option_id).id
        return tuple(d for d in self.doses if d.option in (None, chosen))

    def drugs_for(self, option_id: str | None) -> tuple[str, ...]:
        return tuple(dict.fromkeys(d.drug for d in self.doses_for(option_id)))


@dataclass(frozen=True)
class ConcomitantLimit:
    id: str
    label: str
    rule: DoseRule
    note: str = ""


@dataclass(frozen=True)
class SchedulePhase:
    """Doses every ``every_days`` days or every ``every_months`` calendar months;
    ``doses`` None means open-ended (only the last phase)."""

    every_days: int | None
    every_months: int | None
    doses: int | None


@dataclass(frozen=True)
class ScheduleSpec:
    id: str
    label: str
    phases: tuple[SchedulePhase, ...]
    source: str
    status: RuleStatus


@dataclass(frozen=True)
class VisitWindow:
    before_days: int
    after_days: int
    source: str
    status: RuleStatus


@dataclass(frozen=True)
class VisitDefinition:
    id: str
    label: str
    offset_months: int
    window: VisitWindow
    instruments: tuple[str, ...]
    optional_instruments: tuple[str, ...]
    source: str
    status: RuleStatus


@dataclass(frozen=True)
class Instrument:
    id: str
    label: str
    set: str
    source: str
    status: RuleStatus


@dataclass(frozen=True)
class Counselling:
    id: str
    text: str
    record: bool
    source: str
    status: RuleStatus


@dataclass(frozen=True)
class Note:
    id: str
    text: str
    source: str
    status: RuleStatus


@dataclass(frozen=True)
class DrugGroup:
    """A named list of lower-case generic drug names (e.g. TNF inhibitors)."""

    id: str
    label: str
    drugs: tuple[str, ...]
    source: str
    status: RuleStatus


@dataclass(frozen=True)
class PriorTherapyRule:
    """One eligibility rule on the prior-therapy history, as data.

    ``arms`` empty = applies to every arm. ``drugs`` plus the members of ``groups`` are
    the drugs the rule looks at; for excluded/different-agent rules an empty drug list
    means "the arm's own drugs". Reasons name ``REASONS_STOPPED`` values.
    """

    id: str
    kind: PriorTherapyRuleKind
    text: str
    source: str
    status: RuleStatus
    arms: tuple[str, ...] = ()
    drugs: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    months: int | None = None
    b_cells_detectable: bool = False
    failure_reasons: tuple[str, ...] = ()
    allowed_reasons: tuple[str, ...] = ()
    note: str = ""

    def applies_to(self, arm_id: str) -> bool:
        return not self.arms or arm_id.casefold() in {a.casefold() for a in self.arms}


@dataclass(frozen=True)
class Protocol:
    id: str
    version: str
    title: str
    citation: str
    source: str
    status: RuleStatus
    notice: str
    criteria: tuple[Criterion, ...]
    arms: tuple[Arm, ...]
    concomitant_limits: tuple[ConcomitantLimit, ...]
    schedules: tuple[ScheduleSpec, ...]
    visits: tuple[VisitDefinition, ...]
    instruments: tuple[Instrument, ...]
    counselling: tuple[Counselling, ...]
    notes: tuple[Note, ...]
    content_hash: str  # sha256 hex of the file bytes, recorded with each enrollment
    path: str
    drug_groups: tuple[DrugGroup, ...] = ()
    prior_therapy_rules: tuple[PriorTherapyRule, ...] = ()

    @property
    def provisional(self) -> bool:
        """True when the plan as a whole is provisional (show the banner everywhere)."""
        return self.status is RuleStatus.PROVISIONAL

    def drug_group(self, group_id: str) -> DrugGroup:
        for g in self.drug_groups:
            if g.id == group_id:
                return g
        raise KeyError(group_id)

    def group_drugs(self, group_ids: Sequence[str]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(d for g in group_ids for d in self.drug_group(g).drugs))

    def prior_therapy_rules_for(self, arm_id: str) -> tuple[PriorTherapyRule, ...]:
        arm = self.arm(arm_id)
        return tuple(r for r in self.prior_therapy_rules if r.applies_to(arm.id))

    @property
    def arm_ids(self) -> tuple[str, ...]:
        return tuple(a.id for a in self.arms)

    def arm(self, arm_id: str) -> Arm:
        """The arm with this id (case-insensitive); UnknownArmError lists the valid arms."""
        wanted = str(arm_id).strip().casefold()
        for arm in self.arms:
            if arm.id.casefold() == wanted:
                return arm
        raise UnknownArmError(
            str(arm_id).strip(), [f"{a.id} ({a.name})" for a in self.arms], self.id
        )

    def criteria_in(self, group: CriterionGroup | str) -> tuple[Criterion, ...]:
        group = CriterionGroup(group)
        return tuple(c for c in self.criteria if c.group is group)

    def criterion(self, criterion_id: str) -> Criterion:
        for c in self.criteria:
            if c.id == criterion_id:
                return c
        raise KeyError(criterion_id)

    def detail_field(self, field_id: str) -> DetailField:
        for c in self.criteria:
            for d in c.details:
                if d.id == field_id:
                    return d
        raise KeyError(field_id)

    def schedule(self, schedule_id: str) -> ScheduleSpec:
        for s in self.schedules:
            if s.id == schedule_id:
                return s
        raise KeyError(schedule_id)

    def visit(self, visit_id: str) -> VisitDefinition:
        for v in self.visits:
            if v.id == visit_id:
                return v
        raise KeyError(visit_id)

    def limit(self, limit_id: str) -> ConcomitantLimit:
        for lim in self.concomitant_limits:
            if lim.id == limit_id:
                return lim
        raise KeyError(limit_id)

    def instrument(self, instrument_id: str) -> Instrument:
        for i in self.instruments:
            if i.id == instrument_id:
                return i
        raise KeyError(instrument_id)


@dataclass
class ProtocolCatalog:
    """Protocols on offer, by id, plus the files that were refused (reported, not offered)."""

    protocols: dict[str, Protocol] = field(default_factory=dict)
    rejected: list[ProtocolFileError] = field(default_factory=list)
    replaced: list[Protocol] = field(default_factory=list)  # overridden by a later folder

    def get(self, protocol_id: str) -> Protocol:
        return self.protocols[protocol_id]


# --------------------------------------------------------------------------- reader


def _join(base: str, name: str) -> str:
    return f"{base}.{name}" if base else name


def _type_name(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


class _Reader:
    """Collects problems while reading; every getter returns None after reporting one."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[ProtocolProblem] = []

    def problem(self, key: str, reason: str) -> None:
        self.problems.append(ProtocolProblem(self.file, key, reason))

    def check_keys(
        self, tbl: dict[str, Any], path: str, allowed: Sequence[str], required: Sequence[str]
    ) -> None:
        for key in tbl:
            if key not in allowed:
                self.problem(
                    _join(path, key),
                    f'unknown key "{key}" (allowed here: {", ".join(allowed)})',
                )
        for key in required:
            if key not in tbl:
                self.problem(_join(path, key), "is missing (required)")

    def text(
        self, tbl: dict[str, Any], path: str, key: str, *, required: bool = True
    ) -> str | None:
        if key not in tbl:
            return None  # missing-required is reported by check_keys
        value = tbl[key]
        if not isinstance(value, str):
            self.problem(_join(path, key), f"must be text, not {_type_name(value)}")
            return None
        if required and not value.strip():
            self.problem(_join(path, key), "must not be empty")
            return None
        return value

    def ident(
        self, tbl: dict[str, Any], path: str, key: str, pattern: re.Pattern[str]
    ) -> str | None:
        value = self.text(tbl, path, key)
        if value is not None and not pattern.match(value):
            self.problem(
                _join(path, key),
                f'"{value}" is not a valid id (letters, digits, "_" or "-"; see the schema)',
            )
            return None
        return value

    def number(
        self, tbl: dict[str, Any], path: str, key: str, *, positive: bool = False
    ) -> float | None:
        if key not in tbl:
            return None
        value = tbl[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.problem(_join(path, key), f"must be a number, not {_type_name(value)}")
            return None
        if value != value or value in (float("inf"), float("-inf")):
            self.problem(_join(path, key), "must be an ordinary number")
            return None
        if positive and value <= 0:
            self.problem(_join(path, key), f"must be greater than zero (found {value})")
            return None
        return float(value)

    def integer(self, tbl: dict[str, Any], path: str, key: str, *, minimum: int = 0) -> int | None:
        if key not in tbl:
            return None
        value = tbl[key]
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(_join(path, key), f"must be a whole number, not {_type_name(value)}")
            return None
        if value < minimum:
            self.problem(_join(path, key), f"must be at least {minimum} (found {value})")
            return None
        return value

    def boolean(self, tbl: dict[str, Any], path: str, key: str) -> bool | None:
        if key not in tbl:
            return None
        value = tbl[key]
        if not isinstance(value, bool):
            self.problem(_join(path, key), f"must be true or false, not {_type_name(value)}")
            return None
        return value

    def text_list(self, tbl: dict[str, Any], path: str, key: str) -> tuple[str, ...] | None:
        if key not in tbl:
            return None
        value = tbl[key]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.problem(_join(path, key), "must be a list of text values")
            return None
        return tuple(value)

    def choice(
        self, tbl: dict[str, Any], path: str, key: str, options: Sequence[str]
    ) -> str | None:
        value = self.text(tbl, path, key)
        if value is not None and value not in options:
            self.problem(
                _join(path, key), f'"{value}" is not allowed (use one of: {", ".join(options)})'
            )
            return None
        return value

    def table(self, value: object, path: str) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.problem(path, f"must be a table, not {_type_name(value)}")
            return None
        return value

    def tables(
        self, tbl: dict[str, Any], path: str, key: str, *, non_empty: bool = False
    ) -> Iterator[tuple[str, dict[str, Any]]]:
        """Yield (path, table) for each entry of an array of tables."""
        if key not in tbl:
            return
        value = tbl[key]
        if not isinstance(value, list):
            self.problem(_join(path, key), f"must be a list of tables, not {_type_name(value)}")
            return
        if non_empty and not value:
            self.problem(_join(path, key), "must not be empty")
        for i, item in enumerate(value):
            item_path = f"{_join(path, key)}[{i}]"
            if isinstance(item, dict):
                yield item_path, item
            else:
                self.problem(item_path, f"must be a table, not {_type_name(item)}")

    def provenance(self, tbl: dict[str, Any], path: str) -> tuple[str, RuleStatus]:
        """Every rule names where it comes from and how firm it is."""
        source = self.text(tbl, path, "source") or ""
        status_text = self.choice(tbl, path, "status", [s.value for s in RuleStatus])
        status = RuleStatus(status_text) if status_text else RuleStatus.PROVISIONAL
        return source, status

    def unique(self, ids: list[tuple[str, str | None]], what: str, *, fold: bool = False) -> None:
        """Report each id seen before; ``ids`` holds (path of the id key, id)."""
        seen: dict[str, str] = {}
        for path, value in ids:
            if value is None:
                continue
            norm = value.casefold() if fold else value
            if norm in seen:
                self.problem(path, f'duplicate {what} id "{value}" (first used at {seen[norm]})')
            else:
                seen[norm] = path


PROVENANCE = ("source", "status")


def _keys(names: str, *more: Sequence[str]) -> tuple[str, ...]:
    """Key lists written as one string of names, plus optional groups (e.g. PROVENANCE)."""
    return (*names.split(), *(k for group in more for k in group))


# --------------------------------------------------------------------------- sections


def _condition(r: _Reader, value: object, path: str, *, allow_answer: bool) -> Condition | None:
    tbl = r.table(value, path)
    if tbl is None:
        return None
    allowed = ("answer", "field", "is") if allow_answer else ("field", "is")
    r.check_keys(tbl, path, allowed, ())
    if "answer" in tbl:
        if "field" in tbl or "is" in tbl:
            r.problem(path, 'use either "answer" or "field" with "is", not both')
            return None
        raw = tbl["answer"]
        answers = raw if isinstance(raw, list) else [raw]
        if not answers or not all(a in ("yes", "no", "unknown") for a in answers):
            r.problem(_join(path, "answer"), 'must be "yes", "no", "unknown" or a list of them')
            return None
        return Condition(answer=tuple(answers))
    if "field" not in tbl or "is" not in tbl:
        if "field" not in tbl:
            r.problem(_join(path, "field"), "is missing (required)")
        if "is" not in tbl:
            r.problem(_join(path, "is"), "is missing (required)")
        return None
    fid = r.text(tbl, path, "field")
    raw = tbl["is"]
    values = raw if isinstance(raw, list) else [raw]
    if not values or not all(isinstance(v, (str, bool)) for v in values):
        r.problem(_join(path, "is"), "must be text, true/false, or a list of them")
        return None
    if fid is None:
        return None
    return Condition(field=fid, values=tuple(values))


def _detail_field(r: _Reader, tbl: dict[str, Any], path: str) -> DetailField | None:
    allowed = _keys("id label type choices multiple min max unit required required_when help")
    r.check_keys(tbl, path, allowed, ("id", "label", "type"))
    fid = r.ident(tbl, path, "id", _NAME_ID)
    label = r.text(tbl, path, "label")
    type_text = r.choice(tbl, path, "type", [t.value for t in FieldType])
    ftype = FieldType(type_text) if type_text else None
    choices: list[Choice] = []
    for cpath, ctbl in r.tables(tbl, path, "choices"):
        r.check_keys(ctbl, cpath, ("value", "label"), ("value", "label"))
        value = r.ident(ctbl, cpath, "value", _NAME_ID)
        clabel = r.text(ctbl, cpath, "label")
        if value is not None and clabel is not None:
            choices.append(Choice(value, clabel))
    r.unique([(_join(path, p), v) for p, v in _ids(tbl, "choices", "value")], "choice")
    if ftype is FieldType.CHOICE and not tbl.get("choices"):
        r.problem(_join(path, "choices"), 'is missing (a "choice" field needs its choices)')
    if ftype is not None and ftype is not FieldType.CHOICE and "choices" in tbl:
        r.problem(_join(path, "choices"), f'only a "choice" field has choices (this is "{ftype}")')
    multiple = r.boolean(tbl, path, "multiple") or False
    low = r.number(tbl, path, "min")
    high = r.number(tbl, path, "max")
    if ftype is not None and ftype is not FieldType.NUMBER and ("min" in tbl or "max" in tbl):
        r.problem(path, f'only a "number" field has min/max (this is "{ftype}")')
    if low is not None and high is not None and high < low:
        r.problem(_join(path, "max"), f"max {high:g} is below min {low:g}")
    unit = r.text(tbl, path, "unit")
    required = r.boolean(tbl, path, "required") or False
    when = None
    if "required_when" in tbl:
        when = _condition(r, tbl["required_when"], _join(path, "required_when"), allow_answer=True)
    help_text = r.text(tbl, path, "help", required=False) or ""
    if fid is None or label is None or ftype is None:
        return None
    return DetailField(
        id=fid,
        label=label,
        type=ftype,
        choices=tuple(choices),
        multiple=multiple,
        min=low,
        max=high,
        unit=unit,
        required=required,
        required_when=when,
        help=help_text,
    )


def _date_rule(r: _Reader, tbl: dict[str, Any], path: str) -> DateRule | None:
    r.check_keys(
        tbl,
        path,
        ("id", "kind", "field", "months", "text", *PROVENANCE),
        ("id", "kind", "field", "months", "text", *PROVENANCE),
    )
    rid = r.ident(tbl, path, "id", _NAME_ID)
    kind = r.choice(tbl, path, "kind", DATE_RULE_KINDS)
    fid = r.text(tbl, path, "field")
    months = r.integer(tbl, path, "months", minimum=1)
    text = r.text(tbl, path, "text")
    source, status = r.provenance(tbl, path)
    if None in (rid, kind, fid, months, text):
        return None
    return DateRule(rid, kind, fid, months, text, source, status)  # type: ignore[arg-type]


def _criterion(r: _Reader, tbl: dict[str, Any], path: str) -> Criterion | None:
    allowed = _keys("id group number text answer_type details date_rules help", PROVENANCE)
    r.check_keys(tbl, path, allowed, ("id", "group", "text", "answer_type", *PROVENANCE))
    cid = r.ident(tbl, path, "id", _NAME_ID)
    group_text = r.choice(tbl, path, "group", [g.value for g in CriterionGroup])
    number = r.text(tbl, path, "number") or ""
    text = r.text(tbl, path, "text")
    answer_type = r.choice(tbl, path, "answer_type", list(ANSWER_TYPES))
    details = [d for p, t in r.tables(tbl, path, "details") if (d := _detail_field(r, t, p))]
    date_rules = [d for p, t in r.tables(tbl, path, "date_rules") if (d := _date_rule(r, t, p))]
    help_text = r.text(tbl, path, "help", required=False) or ""
    source, status = r.provenance(tbl, path)

    # Cross-checks inside the criterion: conditions and date rules name its own fields.
    by_id = {d.id: d for d in details}
    for i, d in enumerate(details):
        if d.required_when is not None and d.required_when.field is not None:
            _check_condition_target(r, d.required_when, by_id, f"{path}.details[{i}].required_when")
    for i, dr in enumerate(date_rules):
        target = by_id.get(dr.field)
        if target is None:
            r.problem(f"{path}.date_rules[{i}].field", f'no detail field "{dr.field}" here')
        elif target.type is not FieldType.DATE:
            r.problem(f"{path}.date_rules[{i}].field", f'"{dr.field}" is not a date field')
    if None in (cid, group_text, text, answer_type):
        return None
    return Criterion(
        id=cid,
        group=CriterionGroup(group_text),
        number=number,
        text=text,  # type: ignore[arg-type]
        answer_type=answer_type,
        details=tuple(details),
        date_rules=tuple(date_rules),  # type: ignore[arg-type]
        source=source,
        status=status,
        help=help_text,
    )


def _check_condition_target(
    r: _Reader, cond: Condition, fields: dict[str, DetailField], path: str
) -> None:
    target = fields.get(cond.field or "")
    if target is None:
        r.problem(_join(path, "field"), f'no detail field "{cond.field}" to test')
        return
    if target.type is FieldType.CHOICE:
        valid: set[object] = {c.value for c in target.choices}
    elif target.type is FieldType.BOOL:
        valid = {True, False}
    else:
        r.problem(
            _join(path, "field"), f'"{cond.field}" is a {target.type} field; test a choice or bool'
        )
        return
    for v in cond.values:
        # bool is checked by identity-like comparison: True must not match the text "1".
        if v not in valid or isinstance(v, bool) != (target.type is FieldType.BOOL):
            r.problem(_join(path, "is"), f'{v!r} is not a possible value of "{cond.field}"')


def _rounding(r: _Reader, value: object, path: str) -> Rounding | None:
    tbl = r.table(value, path)
    if tbl is None:
        return None
    r.check_keys(tbl, path, ("increment", "mode", *PROVENANCE), ("increment", "mode", *PROVENANCE))
    inc = r.number(tbl, path, "increment", positive=True)
    mode = r.choice(tbl, path, "mode", [m.value for m in RoundingMode])
    source, status = r.provenance(tbl, path)
    if inc is None or mode is None:
        return None
    return Rounding(inc, RoundingMode(mode), source, status)


_TOP_RULE_KEYS = _keys(
    "drug label kind amount amount_max unit per rules bands cap minimum at_least route"
    " frequency schedule rounding note option",
    PROVENANCE,
)
_SUB_RULE_KEYS = ("kind", "amount", "rules", "bands")


def _dose_rule(
    r: _Reader,
    tbl: dict[str, Any],
    path: str,
    *,
    parent: DoseRule | None = None,
    extra_keys: Sequence[str] = (),
    route_required: bool = True,
) -> DoseRule | None:
    """Read a dose rule. Top-level rules carry drug/unit/per/cap/provenance; sub-rules
    (inside greater_of, lesser_of, weight_bands) only the arithmetic."""
    top = parent is None
    if top:
        required = ["drug", "kind", "unit", "per", *PROVENANCE]
        if route_required:
            required += ["route", "frequency"]
        r.check_keys(tbl, path, (*_TOP_RULE_KEYS, *extra_keys), required)
        drug = r.text(tbl, path, "drug")
        if drug is not None and drug != drug.strip().lower():
            r.problem(_join(path, "drug"), f'drug names are lower-case generic names ("{drug}")')
        unit = r.choice(tbl, path, "unit", UNITS)
        per = r.choice(tbl, path, "per", PER)
        source, status = r.provenance(tbl, path)
    else:
        r.check_keys(tbl, path, _SUB_RULE_KEYS, ("kind",))
        drug, unit, per = parent.drug, parent.unit, parent.per
        source, status = parent.source, parent.status

    kind_text = r.text(tbl, path, "kind")
    kind: RuleKind | None = None
    if kind_text is not None:
        try:
            kind = RuleKind(kind_text)
        except ValueError:
            r.problem(
                _join(path, "kind"),
                f'unknown rule kind "{kind_text}" (use one of: '
                f"{', '.join(k.value for k in RuleKind)})",
            )
    amount = r.number(tbl, path, "amount", positive=True)
    # A stand-in parent lets sub-rules inherit even while the parent is still incomplete.
    stand_in = DoseRule(
        drug=drug or "?",
        kind=kind or RuleKind.FIXED,
        unit=unit or "mg",
        per=per or "dose",
        source=source,
        status=status,
    )
    sub_rules: list[DoseRule] = []
    for spath, stbl in r.tables(tbl, path, "rules"):
        sub = _dose_rule(r, stbl, spath, parent=stand_in)
        if sub is not None:
            sub_rules.append(sub)
    bands = _bands(r, tbl, path, stand_in)

    if kind in (RuleKind.PER_KG, RuleKind.PER_M2, RuleKind.FIXED):
        if "amount" not in tbl:
            r.problem(_join(path, "amount"), f'is missing (a "{kind}" rule needs an amount)')
        for extra in ("rules", "bands"):
            if extra in tbl:
                r.problem(_join(path, extra), f'a "{kind}" rule has no {extra}')
    elif kind in (RuleKind.GREATER_OF, RuleKind.LESSER_OF):
        if not isinstance(tbl.get("rules"), list) or len(tbl["rules"]) < 2:
            r.problem(_join(path, "rules"), f'a "{kind}" rule needs at least two sub-rules')
        for extra in ("amount", "bands"):
            if extra in tbl:
                r.problem(_join(path, extra), f'a "{kind}" rule has no {extra}')
    elif kind is RuleKind.WEIGHT_BANDS:
        if not isinstance(tbl.get("bands"), list) or not tbl["bands"]:
            r.problem(_join(path, "bands"), 'a "weight_bands" rule needs at least one band')
        for extra in ("amount", "rules"):
            if extra in tbl:
                r.problem(_join(path, extra), f'a "weight_bands" rule has no {extra}')

    cap = minimum = amount_max = None
    at_least = False
    route = frequency = label = note = ""
    schedule = option = None
    rounding = None
    if not top and "amount_max" in tbl:
        r.problem(_join(path, "amount_max"), "a dose range is given only on a top-level rule")
    if top:
        amount_max = r.number(tbl, path, "amount_max", positive=True)
        if "amount_max" in tbl:
            if kind not in (RuleKind.PER_KG, RuleKind.PER_M2):
                r.problem(
                    _join(path, "amount_max"),
                    'a dose range (amount_max) is allowed only on "per_kg" and "per_m2" rules',
                )
            elif amount is not None and amount_max is not None and amount_max <= amount:
                r.problem(
                    _join(path, "amount_max"),
                    f"amount_max {amount_max:g} must be above amount {amount:g}",
                )
            if "at_least" in tbl:
                r.problem(_join(path, "amount_max"), "a dose range cannot also be at_least")
        option = r.ident(tbl, path, "option", _NAME_ID) if "option" in tbl else None
        cap = r.number(tbl, path, "cap", positive=True)
        minimum = r.number(tbl, path, "minimum", positive=True)
        at_least = r.boolean(tbl, path, "at_least") or False
        if cap is not None and minimum is not None and cap < minimum:
            r.problem(
                _join(path, "cap"),
                f"the cap (maximum) {cap:g} is below the minimum {minimum:g}",
            )
        if kind is RuleKind.FIXED and amount is not None:
            if cap is not None and amount > cap:
                r.problem(
                    _join(path, "cap"), f"the cap {cap:g} is below the fixed amount {amount:g}"
                )
            if minimum is not None and amount < minimum:
                r.problem(
                    _join(path, "minimum"),
                    f"the minimum {minimum:g} is above the fixed amount {amount:g}",
                )
        route = r.choice(tbl, path, "route", ROUTES) or ""
        frequency = r.text(tbl, path, "frequency") or ""
        schedule = r.text(tbl, path, "schedule")
        label = r.text(tbl, path, "label") or ""
        note = r.text(tbl, path, "note", required=False) or ""
        if "rounding" in tbl:
            rounding = _rounding(r, tbl["rounding"], _join(path, "rounding"))

    if kind is None or drug is None or unit is None or per is None:
        return None
    return DoseRule(
        drug=drug,
        kind=kind,
        unit=unit,
        per=per,
        source=source,
        status=status,
        amount=amount,
        rules=tuple(sub_rules),
        bands=tuple(bands),
        cap=cap,
        minimum=minimum,
        at_least=at_least,
        route=route,
        frequency=frequency,
        schedule=schedule,
        rounding=rounding,
        label=label,
        note=note,
        option=option,
        amount_max=amount_max,
    )


def _bands(r: _Reader, tbl: dict[str, Any], path: str, parent: DoseRule) -> list[WeightBand]:
    bands: list[tuple[str, WeightBand]] = []
    for bpath, btbl in r.tables(tbl, path, "bands"):
        r.check_keys(
            btbl, bpath, ("min_kg", "max_kg", "min_inclusive", "max_inclusive", "rule"), ("rule",)
        )
        low = r.number(btbl, bpath, "min_kg")
        high = r.number(btbl, bpath, "max_kg")
        low_inc = r.boolean(btbl, bpath, "min_inclusive")
        high_inc = r.boolean(btbl, bpath, "max_inclusive")
        # Inclusivity must be stated explicitly: "< 75 kg" vs "≤ 75 kg" changes a dose.
        if "min_kg" not in btbl and "max_kg" not in btbl:
            r.problem(bpath, "a band needs min_kg, max_kg or both")
        for bound, inc in (("min_kg", "min_inclusive"), ("max_kg", "max_inclusive")):
            if bound in btbl and inc not in btbl:
                r.problem(_join(bpath, inc), f"is missing (say whether {bound} is included)")
            if inc in btbl and bound not in btbl:
                r.problem(_join(bpath, inc), f"given without {bound}")
        if low is not None and high is not None and high <= low:
            r.problem(_join(bpath, "max_kg"), f"max_kg {high:g} must be above min_kg {low:g}")
        rule = None
        if "rule" in btbl:
            rtbl = r.table(btbl["rule"], _join(bpath, "rule"))
            if rtbl is not None:
                rule = _dose_rule(r, rtbl, _join(bpath, "rule"), parent=parent)
        if rule is not None:
            bands.append((bpath, WeightBand(low, high, bool(low_inc), bool(high_inc), rule)))
    ordered = sorted(bands, key=lambda b: float("-inf") if b[1].min_kg is None else b[1].min_kg)
    for (_, a), (bpath, b) in zip(ordered, ordered[1:], strict=False):
        a_high = float("inf") if a.max_kg is None else a.max_kg
        b_low = float("-inf") if b.min_kg is None else b.min_kg
        if a_high > b_low or (a_high == b_low and a.max_inclusive and b.min_inclusive):
            r.problem(bpath, f"this band overlaps another ({a.describe()} / {b.describe()})")
    return [b for _, b in bands]


def _arm_rule(r: _Reader, tbl: dict[str, Any], path: str) -> ArmRule | None:
    allowed = ("kind", "text", "when", "drugs", "arms", "reasons", "measurements", *PROVENANCE)
    r.check_keys(tbl, path, allowed, ("kind", "text", *PROVENANCE))
    kind_text = r.choice(tbl, path, "kind", [k.value for k in ArmRuleKind])
    text = r.text(tbl, path, "text")
    when = None
    if "when" in tbl:
        when = _condition(r, tbl["when"], _join(path, "when"), allow_answer=False)
    drugs = r.text_list(tbl, path, "drugs") or ()
    arms = r.text_list(tbl, path, "arms") or ()
    reasons = r.text_list(tbl, path, "reasons") or ()
    measurements = r.text_list(tbl, path, "measurements") or ()
    source, status = r.provenance(tbl, path)
    kind = ArmRuleKind(kind_text) if kind_text else None
    needs = {
        ArmRuleKind.UNAVAILABLE_IF: "when",
        ArmRuleKind.MAY_CONSIDER: "when",
        ArmRuleKind.MAY_CONTINUE: "drugs",
        ArmRuleKind.MAY_SWITCH_TO: "arms",
        ArmRuleKind.MONITORING: "measurements",
    }
    if kind is not None and needs[kind] not in tbl:
        r.problem(_join(path, needs[kind]), f'is missing (a "{kind}" rule needs it)')
    if kind is None or text is None:
        return None
    return ArmRule(kind, text, source, status, when, drugs, arms, reasons, measurements)


def _arm_option(r: _Reader, tbl: dict[str, Any], path: str) -> ArmOption | None:
    r.check_keys(
        tbl, path, ("id", "label", "summary", "note", *PROVENANCE), ("id", "label", *PROVENANCE)
    )
    oid = r.ident(tbl, path, "id", _NAME_ID)
    label = r.text(tbl, path, "label")
    summary = r.text(tbl, path, "summary", required=False) or ""
    note = r.text(tbl, path, "note", required=False) or ""
    source, status = r.provenance(tbl, path)
    if oid is None or label is None:
        return None
    return ArmOption(oid, label, source, status, summary, note)


def _arm(r: _Reader, tbl: dict[str, Any], path: str) -> Arm | None:
    r.check_keys(
        tbl,
        path,
        ("id", "name", "summary", "options", "doses", "rules", *PROVENANCE),
        ("id", "name", "doses", *PROVENANCE),
    )
    aid = r.ident(tbl, path, "id", _ARM_ID)
    name = r.text(tbl, path, "name")
    summary = r.text(tbl, path, "summary", required=False) or ""
    options = [
        o for p, t in r.tables(tbl, path, "options", non_empty=True) if (o := _arm_option(r, t, p))
    ]
    r.unique([(_join(path, p), v) for p, v in _ids(tbl, "options")], "option")
    doses = [
        d for p, t in r.tables(tbl, path, "doses", non_empty=True) if (d := _dose_rule(r, t, p))
    ]
    option_ids = {o.id for o in options}
    raw_doses = tbl.get("doses") if isinstance(tbl.get("doses"), list) else []
    for di, dtbl in enumerate(raw_doses):
        named = dtbl.get("option") if isinstance(dtbl, dict) else None
        if isinstance(named, str) and named not in option_ids:
            r.problem(f"{path}.doses[{di}].option", f'no option "{named}" in this arm\'s options')
    for oi, opt in enumerate(options):
        if not any(d.option == opt.id for d in doses):
            r.problem(f"{path}.options[{oi}]", f'option "{opt.id}" has no dose naming it')
    rules = [a for p, t in r.tables(tbl, path, "rules") if (a := _arm_rule(r, t, p))]
    source, status = r.provenance(tbl, path)
    if aid is None or name is None:
        return None
    return Arm(aid, name, summary, tuple(doses), tuple(rules), source, status, tuple(options))


def _drug_group(r: _Reader, tbl: dict[str, Any], path: str) -> DrugGroup | None:
    keys = ("id", "label", "drugs", *PROVENANCE)
    r.check_keys(tbl, path, keys, keys)
    gid = r.ident(tbl, path, "id", _NAME_ID)
    label = r.text(tbl, path, "label")
    drugs = r.text_list(tbl, path, "drugs")
    for d in drugs or ():
        if d != d.strip().lower():
            r.problem(_join(path, "drugs"), f'drug names are lower-case generic names ("{d}")')
    source, status = r.provenance(tbl, path)
    if gid is None or label is None or not drugs:
        if drugs == ():
            r.problem(_join(path, "drugs"), "must not be empty")
        return None
    return DrugGroup(gid, label, drugs, source, status)


_PRIOR_RULE_KEYS = _keys(
    "id kind text arms drugs groups months b_cells_detectable failure_reasons allowed_reasons note",
    PROVENANCE,
)


def _prior_therapy_rule(r: _Reader, tbl: dict[str, Any], path: str) -> PriorTherapyRule | None:
    r.check_keys(tbl, path, _PRIOR_RULE_KEYS, ("id", "kind", "text", *PROVENANCE))
    rid = r.ident(tbl, path, "id", _NAME_ID)
    kind_text = r.choice(tbl, path, "kind", [k.value for k in PriorTherapyRuleKind])
    kind = PriorTherapyRuleKind(kind_text) if kind_text else None
    text = r.text(tbl, path, "text")
    arms = r.text_list(tbl, path, "arms") or ()
    drugs = r.text_list(tbl, path, "drugs") or ()
    for d in drugs:
        if d != d.strip().lower():
            r.problem(_join(path, "drugs"), f'drug names are lower-case generic names ("{d}")')
    groups = r.text_list(tbl, path, "groups") or ()
    months = r.integer(tbl, path, "months", minimum=1)
    b_cells = r.boolean(tbl, path, "b_cells_detectable") or False
    failure = r.text_list(tbl, path, "failure_reasons") or ()
    allowed = r.text_list(tbl, path, "allowed_reasons") or ()
    for key, values in (("failure_reasons", failure), ("allowed_reasons", allowed)):
        for v in values:
            if v not in REASONS_STOPPED:
                r.problem(
                    _join(path, key),
                    f'"{v}" is not a reason stopped (use: {", ".join(REASONS_STOPPED)})',
                )
    if set(failure) & set(allowed):
        r.problem(_join(path, "allowed_reasons"), "a reason cannot both fail and allow")
    note = r.text(tbl, path, "note", required=False) or ""
    source, status = r.provenance(tbl, path)
    if kind is not None:
        needs: dict[PriorTherapyRuleKind, tuple[str, ...]] = {
            PriorTherapyRuleKind.REQUIRES_PRIOR: (),
            PriorTherapyRuleKind.WASHOUT: ("months",),
            PriorTherapyRuleKind.EXCLUDED_AFTER_FAILURE: ("failure_reasons",),
            PriorTherapyRuleKind.DIFFERENT_AGENT_AFTER_FAILURE: ("failure_reasons",),
            PriorTherapyRuleKind.STARTED_WITHIN: ("months",),
            PriorTherapyRuleKind.KNOWN_DRUGS: (),
        }
        for key in needs[kind]:
            if key not in tbl:
                r.problem(_join(path, key), f'is missing (a "{kind}" rule needs it)')
        if kind in (
            PriorTherapyRuleKind.REQUIRES_PRIOR,
            PriorTherapyRuleKind.WASHOUT,
            PriorTherapyRuleKind.DIFFERENT_AGENT_AFTER_FAILURE,
            PriorTherapyRuleKind.KNOWN_DRUGS,
        ) and not (drugs or groups):
            r.problem(path, f'a "{kind}" rule needs drugs or groups')
        if kind is not PriorTherapyRuleKind.WASHOUT and "b_cells_detectable" in tbl:
            r.problem(_join(path, "b_cells_detectable"), "only a washout rule checks B cells")
    if rid is None or kind is None or text is None:
        return None
    return PriorTherapyRule(
        id=rid,
        kind=kind,
        text=text,
        source=source,
        status=status,
        arms=arms,
        drugs=drugs,
        groups=groups,
        months=months,
        b_cells_detectable=b_cells,
        failure_reasons=failure,
        allowed_reasons=allowed,
        note=note,
    )


def _limit(r: _Reader, tbl: dict[str, Any], path: str) -> ConcomitantLimit | None:
    lid = r.ident(tbl, path, "id", _NAME_ID)
    if "id" not in tbl:
        r.problem(_join(path, "id"), "is missing (required)")
    if "label" not in tbl:
        r.problem(_join(path, "label"), "is missing (required)")
    rule = _dose_rule(r, tbl, path, extra_keys=("id",), route_required=False)
    if "option" in tbl:
        r.problem(_join(path, "option"), "a concomitant limit belongs to no arm option")
    if lid is None or rule is None or not rule.label:
        return None
    return ConcomitantLimit(lid, rule.label, rule, rule.note)


def _schedule(r: _Reader, tbl: dict[str, Any], path: str) -> ScheduleSpec | None:
    r.check_keys(
        tbl, path, ("id", "label", "phases", *PROVENANCE), ("id", "label", "phases", *PROVENANCE)
    )
    sid = r.ident(tbl, path, "id", _NAME_ID)
    label = r.text(tbl, path, "label")
    phases: list[SchedulePhase] = []
    entries = list(r.tables(tbl, path, "phases", non_empty=True))
    for i, (ppath, ptbl) in enumerate(entries):
        r.check_keys(ptbl, ppath, ("every_days", "every_months", "doses"), ())
        days = r.integer(ptbl, ppath, "every_days", minimum=1)
        months = r.integer(ptbl, ppath, "every_months", minimum=1)
        doses = r.integer(ptbl, ppath, "doses", minimum=1)
        if ("every_days" in ptbl) == ("every_months" in ptbl):
            r.problem(ppath, "give exactly one of every_days or every_months")
        if "doses" not in ptbl and i != len(entries) - 1:
            r.problem(_join(ppath, "doses"), "is missing (only the last phase may be open-ended)")
        phases.append(SchedulePhase(days, months, doses))
    source, status = r.provenance(tbl, path)
    if sid is None or label is None:
        return None
    return ScheduleSpec(sid, label, tuple(phases), source, status)


def _visit(r: _Reader, tbl: dict[str, Any], path: str) -> VisitDefinition | None:
    keys = ("id", "label", "offset_months", "window", "instruments", "optional_instruments")
    r.check_keys(tbl, path, (*keys, *PROVENANCE), (*keys[:5], *PROVENANCE))
    vid = r.ident(tbl, path, "id", _NAME_ID)
    label = r.text(tbl, path, "label")
    offset = r.integer(tbl, path, "offset_months", minimum=0)
    instruments = r.text_list(tbl, path, "instruments")
    optional = r.text_list(tbl, path, "optional_instruments") or ()
    source, status = r.provenance(tbl, path)
    window = None
    if "window" in tbl:
        wpath = _join(path, "window")
        wtbl = r.table(tbl["window"], wpath)
        if wtbl is not None:
            wkeys = ("before_days", "after_days", *PROVENANCE)
            r.check_keys(wtbl, wpath, wkeys, wkeys)
            before = r.integer(wtbl, wpath, "before_days", minimum=0)
            after = r.integer(wtbl, wpath, "after_days", minimum=0)
            wsource, wstatus = r.provenance(wtbl, wpath)
            if before is not None and after is not None:
                window = VisitWindow(before, after, wsource, wstatus)
    if None in (vid, label, offset, instruments, window):
        return None
    return VisitDefinition(
        vid,
        label,
        offset,
        window,
        instruments,
        optional,
        source,
        status,  # type: ignore[arg-type]
    )


def _instrument(r: _Reader, tbl: dict[str, Any], path: str) -> Instrument | None:
    keys = ("id", "label", "set", *PROVENANCE)
    r.check_keys(tbl, path, keys, keys)
    iid = r.ident(tbl, path, "id", _NAME_ID)
    label = r.text(tbl, path, "label")
    iset = r.choice(tbl, path, "set", INSTRUMENT_SETS)
    source, status = r.provenance(tbl, path)
    if None in (iid, label, iset):
        return None
    return Instrument(iid, label, iset, source, status)  # type: ignore[arg-type]


def _counselling(r: _Reader, tbl: dict[str, Any], path: str) -> Counselling | None:
    keys = ("id", "text", "record", *PROVENANCE)
    r.check_keys(tbl, path, keys, ("id", "text", *PROVENANCE))
    cid = r.ident(tbl, path, "id", _NAME_ID)
    text = r.text(tbl, path, "text")
    record = r.boolean(tbl, path, "record")
    source, status = r.provenance(tbl, path)
    if cid is None or text is None:
        return None
    return Counselling(cid, text, True if record is None else record, source, status)


def _note(r: _Reader, tbl: dict[str, Any], path: str) -> Note | None:
    keys = ("id", "text", *PROVENANCE)
    r.check_keys(tbl, path, keys, keys)
    nid = r.ident(tbl, path, "id", _NAME_ID)
    text = r.text(tbl, path, "text")
    source, status = r.provenance(tbl, path)
    if nid is None or text is None:
        return None
    return Note(nid, text, source, status)


_TOP_KEYS = _keys(
    "schema_version id version title citation notice criteria arms concomitant_limits"
    " schedules visits instruments counselling notes drug_groups prior_therapy_rules",
    PROVENANCE,
)
_TOP_REQUIRED = _keys(
    "schema_version id version title citation criteria arms visits instruments", PROVENANCE
)


def _ids(raw: dict[str, Any], key: str, id_key: str = "id") -> list[tuple[str, str | None]]:
    """(path, id) for each entry of an array of tables, for duplicate checks."""
    items = raw.get(key)
    if not isinstance(items, list):
        return []
    out: list[tuple[str, str | None]] = []
    for i, item in enumerate(items):
        value = item.get(id_key) if isinstance(item, dict) else None
        out.append((f"{key}[{i}].{id_key}", value if isinstance(value, str) else None))
    return out


def _build(r: _Reader, raw: dict[str, Any], content_hash: str, path: str) -> Protocol | None:
    r.check_keys(raw, "", _TOP_KEYS, _TOP_REQUIRED)
    if "schema_version" in raw:
        version_num = r.integer(raw, "", "schema_version", minimum=1)
        if version_num is not None and version_num != SCHEMA_VERSION:
            r.problem(
                "schema_version",
                f"this application reads schema_version {SCHEMA_VERSION}, not {version_num}",
            )
    pid = r.ident(raw, "", "id", _PROTOCOL_ID)
    version = r.text(raw, "", "version")
    title = r.text(raw, "", "title")
    citation = r.text(raw, "", "citation")
    notice = r.text(raw, "", "notice", required=False) or ""
    source, status = r.provenance(raw, "")

    criteria = [
        c for p, t in r.tables(raw, "", "criteria", non_empty=True) if (c := _criterion(r, t, p))
    ]
    arms = [a for p, t in r.tables(raw, "", "arms", non_empty=True) if (a := _arm(r, t, p))]
    limits = [x for p, t in r.tables(raw, "", "concomitant_limits") if (x := _limit(r, t, p))]
    schedules = [s for p, t in r.tables(raw, "", "schedules") if (s := _schedule(r, t, p))]
    visits = [v for p, t in r.tables(raw, "", "visits", non_empty=True) if (v := _visit(r, t, p))]
    instruments = [
        i
        for p, t in r.tables(raw, "", "instruments", non_empty=True)
        if (i := _instrument(r, t, p))
    ]
    counselling = [c for p, t in r.tables(raw, "", "counselling") if (c := _counselling(r, t, p))]
    notes = [n for p, t in r.tables(raw, "", "notes") if (n := _note(r, t, p))]
    groups = [g for p, t in r.tables(raw, "", "drug_groups") if (g := _drug_group(r, t, p))]
    prior_rules = [
        x
        for p, t in r.tables(raw, "", "prior_therapy_rules")
        if (x := _prior_therapy_rule(r, t, p))
    ]

    _check_unique_ids(r, raw)
    _check_references(r, raw, criteria, arms, schedules, visits, instruments)
    _check_prior_therapy_references(r, raw, arms, groups)

    if r.problems:
        return None
    return Protocol(
        id=pid,
        version=version,
        title=title,
        citation=citation,  # type: ignore[arg-type]
        source=source,
        status=status,
        notice=notice,
        criteria=tuple(criteria),
        arms=tuple(arms),
        concomitant_limits=tuple(limits),
        schedules=tuple(schedules),
        visits=tuple(visits),
        instruments=tuple(instruments),
        counselling=tuple(counselling),
        notes=tuple(notes),
        content_hash=content_hash,
        path=path,
        drug_groups=tuple(groups),
        prior_therapy_rules=tuple(prior_rules),
    )


def _check_prior_therapy_references(
    r: _Reader, raw: dict[str, Any], arms: list[Arm], groups: list[DrugGroup]
) -> None:
    arm_ids = {a.id.casefold() for a in arms}
    group_ids = {g.id for g in groups}
    items = raw.get("prior_therapy_rules")
    if not isinstance(items, list):
        return
    for i, tbl in enumerate(items):
        if not isinstance(tbl, dict):
            continue
        for key, known, what in (("arms", arm_ids, "arm"), ("groups", group_ids, "drug group")):
            values = tbl.get(key)
            if not isinstance(values, list):
                continue
            for v in values:
                if isinstance(v, str) and (v.casefold() if key == "arms" else v) not in known:
                    r.problem(f"prior_therapy_rules[{i}].{key}", f'no {what} "{v}"')


def _check_unique_ids(r: _Reader, raw: dict[str, Any]) -> None:
    r.unique(_ids(raw, "criteria"), "criterion")
    r.unique(_ids(raw, "arms"), "arm", fold=True)
    r.unique(_ids(raw, "concomitant_limits"), "limit")
    r.unique(_ids(raw, "schedules"), "schedule")
    r.unique(_ids(raw, "visits"), "visit")
    r.unique(_ids(raw, "instruments"), "instrument")
    r.unique(_ids(raw, "counselling"), "counselling")
    r.unique(_ids(raw, "notes"), "note")
    r.unique(_ids(raw, "drug_groups"), "drug group")
    r.unique(_ids(raw, "prior_therapy_rules"), "prior-therapy rule")
    # Detail field ids are unique across the whole protocol so answers can be stored flat.
    field_ids: list[tuple[str, str | None]] = []
    rule_ids: list[tuple[str, str | None]] = []
    criteria = raw.get("criteria") if isinstance(raw.get("criteria"), list) else []
    for i, c in enumerate(criteria):
        if isinstance(c, dict):
            field_ids += [(f"criteria[{i}].{p}", v) for p, v in _ids(c, "details")]
            rule_ids += [(f"criteria[{i}].{p}", v) for p, v in _ids(c, "date_rules")]
    r.unique(field_ids, "detail field")
    r.unique(rule_ids, "date rule")


def _check_references(
    r: _Reader,
    raw: dict[str, Any],
    criteria: list[Criterion],
    arms: list[Arm],
    schedules: list[ScheduleSpec],
    visits: list[VisitDefinition],
    instruments: list[Instrument],
) -> None:
    """Names used in one section must exist in another (a typo must not pass silently)."""
    fields = {d.id: d for c in criteria for d in c.details}
    arm_ids = {a.id.casefold() for a in arms}
    schedule_ids = {s.id for s in schedules}
    instrument_ids = {i.id for i in instruments}
    raw_arms = raw.get("arms") if isinstance(raw.get("arms"), list) else []
    for ai, arm_tbl in enumerate(raw_arms):
        arm = next(
            (a for a in arms if isinstance(arm_tbl, dict) and a.id == arm_tbl.get("id")), None
        )
        if arm is None:
            continue
        for di, dose in enumerate(arm.doses):
            if dose.schedule is not None and dose.schedule not in schedule_ids:
                r.problem(f"arms[{ai}].doses[{di}].schedule", f'no schedule "{dose.schedule}"')
        for ri, rule in enumerate(arm.rules):
            rpath = f"arms[{ai}].rules[{ri}]"
            if rule.when is not None:
                _check_condition_target(r, rule.when, fields, _join(rpath, "when"))
            for target in rule.arms:
                if target.casefold() not in arm_ids:
                    r.problem(_join(rpath, "arms"), f'no arm "{target}"')
                elif target.casefold() == arm.id.casefold():
                    r.problem(_join(rpath, "arms"), f'arm "{target}" cannot switch to itself')
    raw_visits = raw.get("visits") if isinstance(raw.get("visits"), list) else []
    previous = -1
    for vi, vtbl in enumerate(raw_visits):
        visit = next((v for v in visits if isinstance(vtbl, dict) and v.id == vtbl.get("id")), None)
        if visit is None:
            continue
        for key, names in (
            ("instruments", visit.instruments),
            ("optional_instruments", visit.optional_instruments),
        ):
            for name in names:
                if name not in instrument_ids:
                    r.problem(f"visits[{vi}].{key}", f'no instrument "{name}" in [[instruments]]')
        if visit.offset_months < previous:
            r.problem(f"visits[{vi}].offset_months", "visits must be listed in time order")
        previous = visit.offset_months


# --------------------------------------------------------------------------- loading


def load_protocol(path: Path | str) -> Protocol:
    """Read, validate and return one protocol file; ProtocolFileError lists every problem.

    Validation is all-or-nothing: a file with any problem (including a TOML syntax error)
    is refused as a whole. ``content_hash`` is the sha256 of the file's bytes, so an
    enrollment can record exactly which text it was made under (architecture).
    """
    path = Path(path)
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ProtocolFileError(
            name, [ProtocolProblem(name, "", f"cannot read the file: {exc}")]
        ) from exc
    content_hash = hashlib.sha256(data).hexdigest()
    try:
        raw = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        problem = ProtocolProblem(name, "", f"the file is not UTF-8 text ({exc})")
        raise ProtocolFileError(name, [problem]) from exc
    except tomllib.TOMLDecodeError as exc:
        problem = ProtocolProblem(name, "", f"TOML syntax error: {exc}")
        raise ProtocolFileError(name, [problem]) from exc
    return protocol_from_data(raw, file=name, content_hash=content_hash)


def protocol_from_data(
    raw: dict[str, Any], *, file: str = "<data>", content_hash: str = ""
) -> Protocol:
    """Validate already-parsed protocol data (the TOML document as a dict).

    Same checks as ``load_protocol``; ProtocolFileError (naming ``file``) lists every
    problem. ``load_protocol`` is the normal entry point; this one serves tests and tools.
    """
    reader = _Reader(file)
    if not isinstance(raw, dict):
        reader.problem("", "the protocol must be a table of keys")
        raise ProtocolFileError(file, reader.problems)
    protocol = _build(reader, raw, content_hash, file)
    if protocol is None or reader.problems:
        raise ProtocolFileError(file, reader.problems)
    return protocol


def load_protocol_catalog(dirs: Sequence[Path | str]) -> ProtocolCatalog:
    """Load every ``*.toml`` in the folders, in order; a later folder's protocol with the
    same id replaces an earlier one (site overrides of the built-in files).

    A file that fails validation is reported in ``rejected`` and not offered; an earlier
    valid protocol with the same id stays on offer. A missing folder is skipped (a site
    folder need not exist). Two files with the same id in one folder is ambiguous: the
    second (by file name) is rejected.
    """
    catalog = ProtocolCatalog()
    for directory in dirs:
        directory = Path(directory)
        if not directory.is_dir():
            continue
        seen_here: dict[str, Path] = {}
        for file in sorted(directory.glob("*.toml")):
            try:
                protocol = load_protocol(file)
            except ProtocolFileError as exc:
                catalog.rejected.append(exc)
                continue
            if protocol.id in seen_here:
                reason = (
                    f'protocol id "{protocol.id}" is already defined by '
                    f"{seen_here[protocol.id].name} in the same folder"
                )
                catalog.rejected.append(
                    ProtocolFileError(str(file), [ProtocolProblem(str(file), "id", reason)])
                )
                continue
            seen_here[protocol.id] = file
            earlier = catalog.protocols.get(protocol.id)
            if earlier is not None:
                catalog.replaced.append(earlier)
            catalog.protocols[protocol.id] = protocol
    return catalog
