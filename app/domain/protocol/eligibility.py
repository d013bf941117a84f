"""Eligibility criteria of a plan: what a patient should have, may have and should not
have (e.g. Huber 2017, Table 1), with the supporting details each criterion asks for,
the timing rules on their dates, and the consistency rules between an answer and its
details (a "Yes" with skin recorded as improving contradicts "not improving"). Evaluated
by ``app.domain.screening``."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.domain.protocol.provenance import RuleStatus


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


# Answers a criterion can take, by answer type; "unknown" keeps a screening open.
ANSWER_TYPES = {"yes_no_unknown": ("yes", "no", "unknown")}
# The screening code reads every date rule as "at least N months before screening".
DATE_RULE_KINDS = ("at_least_months_before_screening",)


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == []


def _number(value: object) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return float(str(value).strip())
    except ValueError:
        return None


@dataclass(frozen=True)
class Condition:
    """``{ answer = "yes" }`` (the criterion's own answer), ``{ field = "x", is = "yes" }``,
    or, in a consistency rule, ``{ field = "x", below = 48 }`` (a number field below a
    value) and ``{ field = "x", blank = true }`` (nothing entered)."""

    field: str | None = None
    answer: tuple[str, ...] = ()
    values: tuple[str | bool, ...] = ()
    below: float | None = None
    blank: bool | None = None

    def holds(self, answers: dict[str, object], criterion_answer: str | None = None) -> bool:
        """True when the condition is met by the given answers (missing = not met, except
        for ``blank = true``, which a missing value meets)."""
        if self.field is None:
            return criterion_answer in self.answer
        value = answers.get(self.field)
        if self.blank is not None:
            return _blank(value) is self.blank
        if self.below is not None:
            number = _number(value)
            return number is not None and number < self.below
        if isinstance(value, (list, tuple, set, frozenset)):
            return any(v in self.values for v in value)
        return value in self.values


class ConsistencyKind(StrEnum):
    """What a consistency rule does when its conditions hold."""

    CONTRADICTION = "contradiction"  # the details contradict the criterion: not eligible
    QUERY = "query"  # worth a second look or a reason; the verdict is not changed


@dataclass(frozen=True)
class ConsistencyRule:
    """A rule between a criterion's answer and its details, e.g. criterion 1 answered Yes
    while the skin is recorded as improving (seed 000, Table 1: "not improving")."""

    id: str
    kind: ConsistencyKind
    conditions: tuple[Condition, ...]  # all must hold
    text: str  # what is wrong, in plain words, shown with the recorded values
    source: str
    status: RuleStatus


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
    caution: str = ""  # shown prominently, e.g. "no consensus" (seeds 002/004)
    consistency: tuple[ConsistencyRule, ...] = ()

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
