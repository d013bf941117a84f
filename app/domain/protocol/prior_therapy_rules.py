"""Eligibility rules on the prior-therapy history, as data: washouts, same-agent failure,
a different agent after failure, enrolment after starting, drugs that must have been
tried; and each drug's half-life, for washouts counted in half-lives. Evaluated per arm
by ``app.domain.prior_therapy``.

They are deliberately not ``criteria.date_rules``: the screening code reads every date
rule as "at least N months before screening", which these are not.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.domain.protocol.provenance import RuleStatus


class PriorTherapyRuleKind(StrEnum):
    """Eligibility rules on the prior-therapy history (evaluated by app.domain.prior_therapy)."""

    REQUIRES_PRIOR = "requires_prior"  # the history must show these drugs were tried
    WASHOUT = "washout"  # last dose at least N months before screening (+ B cells)
    EXCLUDED_AFTER_FAILURE = "excluded_after_failure"  # same-agent failure closes the arm
    DIFFERENT_AGENT_AFTER_FAILURE = "different_agent_after_failure"  # e.g. another TNF-i
    STARTED_WITHIN = "started_within"  # arm's biologic started ≤ N months before screening
    KNOWN_DRUGS = "known_drugs"  # every drug in the history must be in these lists


# Why a prior therapy was stopped: the survey's inadequate response / toxicity / other,
# plus "benefit" (stopped while it was helping), which the survey treats as allowing
# re-entry (clinical-rules §1.2, seeds 002/004).
REASONS_STOPPED = ("inadequate_response", "toxicity", "benefit", "other")


@dataclass(frozen=True)
class DrugGroup:
    """A named list of lower-case generic drug names (e.g. TNF inhibitors)."""

    id: str
    label: str
    drugs: tuple[str, ...]
    source: str
    status: RuleStatus


@dataclass(frozen=True)
class HalfLife:
    """A drug's elimination half-life in days, with the label text it comes from (a
    washout of "4-5 half-lives" is worked out from it)."""

    drug: str
    days: float
    source: str
    status: RuleStatus
    note: str = ""


@dataclass(frozen=True)
class PriorTherapyRule:
    """One eligibility rule on the prior-therapy history, as data.

    ``arms`` empty = applies to every arm. ``drugs`` plus the members of ``groups`` are
    the drugs the rule looks at; for excluded/different-agent rules an empty drug list
    means "the arm's own drugs". Reasons name ``REASONS_STOPPED`` values. A washout with
    ``half_lives_min``/``half_lives_max`` has a second alternative besides ``months``
    (seeds 002/004: "4-5 half-lives or 1 month"); both are shown, the longer first.
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
    half_lives_min: int | None = None
    half_lives_max: int | None = None
    failure_reasons: tuple[str, ...] = ()
    allowed_reasons: tuple[str, ...] = ()
    note: str = ""

    def applies_to(self, arm_id: str) -> bool:
        return not self.arms or arm_id.casefold() in {a.casefold() for a in self.arms}
