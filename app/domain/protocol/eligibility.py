"""Eligibility criteria of a plan: what a patient should have, may have and should not
have (e.g. Huber 2017, Table 1), with the supporting details each criterion asks for and
the timing rules on their dates. Evaluated by ``app.domain.screening``."""

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
    caution: str = ""  # shown prominently, e.g. "no consensus" (seeds 002/004)

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
