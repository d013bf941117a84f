"""The prior-therapy history judged against a plan at screening, for the verdict.

``assess_prior_therapy`` evaluates the plan's prior-therapy rules (app.domain.prior_therapy)
for every arm and option on the screening date; the verdict page shows the result and the
screening stores it with its answers, so the enrollment can say what was known then.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.domain import prior_therapy_sentences as said
from app.domain.dates import format_date
from app.domain.phrases import PlanText, joined, sentence
from app.domain.prior_therapy import (
    ArmPriorTherapyResult,
    Outcome,
    PriorTherapyRecord,
    evaluate_arm,
)
from app.domain.protocol import PriorTherapyRuleKind, Protocol


@dataclass(frozen=True)
class OptionAssessment:
    """The prior-therapy outcome of one arm (option "" ) or one option within it."""

    arm_id: str
    option: str  # "" = the arm as a whole (no options)
    label: str
    outcome: str  # Outcome value: met / not_met / unknown
    reasons: tuple[str, ...]  # reasons of rules not met / unknown (or all when met)
    date_limits: tuple[str, ...]  # boundary dates in plain words
    provisional: bool


@dataclass(frozen=True)
class PriorAssessment:
    """The prior-therapy history judged against the plan on one date, for the verdict.

    ``outcome``: "yes" (no plan-wide rule unknown and at least one arm open), "no" (every
    arm closed by the history), "unknown" (a plan-wide rule cannot be checked).
    """

    screening_date: str
    outcome: str
    failed: tuple[str, ...]
    unknown: tuple[str, ...]
    notes: tuple[str, ...]
    options: tuple[OptionAssessment, ...]
    history: tuple[str, ...]
    provisional: bool

    def arm_outcome(self, arm_id: str) -> str:
        """Best outcome among the arm's options (an arm is open if one option is)."""
        order = {Outcome.MET.value: 0, Outcome.UNKNOWN.value: 1, Outcome.NOT_MET.value: 2}
        found = [o.outcome for o in self.options if o.arm_id == arm_id]
        return min(found, key=order.__getitem__) if found else Outcome.MET.value

    def to_details(self) -> dict[str, Any]:
        return {
            "screening_date": self.screening_date,
            "outcome": self.outcome,
            "failed": list(self.failed),
            "unknown": list(self.unknown),
            "notes": list(self.notes),
            "history": list(self.history),
            "provisional": self.provisional,
            "options": [
                {"arm": o.arm_id, "option": o.option, "label": o.label, "outcome": o.outcome,
                 "reasons": list(o.reasons), "date_limits": list(o.date_limits),
                 "provisional": o.provisional}
                for o in self.options
            ],
        }

    @classmethod
    def from_details(cls, data: dict[str, Any]) -> PriorAssessment:
        return cls(
            str(data.get("screening_date") or ""), str(data.get("outcome") or "unknown"),
            tuple(data.get("failed") or ()), tuple(data.get("unknown") or ()),
            tuple(data.get("notes") or ()),
            tuple(OptionAssessment(o["arm"], o.get("option") or "", o.get("label") or "",
                                   o["outcome"], tuple(o.get("reasons") or ()),
                                   tuple(o.get("date_limits") or ()),
                                   bool(o.get("provisional")))
                  for o in data.get("options") or ()),
            tuple(data.get("history") or ()), bool(data.get("provisional")))


def _date_limits(result: ArmPriorTherapyResult) -> tuple[str, ...]:
    out = []
    for f in result.findings:
        if f.date_limit is None or f.outcome is Outcome.NOT_APPLICABLE:
            continue
        if f.kind is PriorTherapyRuleKind.WASHOUT:
            out.append(sentence(said.WASHOUT_LIMIT, format_date(f.date_limit)))
        elif f.kind is PriorTherapyRuleKind.STARTED_WITHIN:
            out.append(sentence(said.ENROL_LIMIT, format_date(f.date_limit)))
    return tuple(out)


def _global_rule_ids(protocol: Protocol) -> set[str]:
    return {r.id for r in protocol.prior_therapy_rules
            if not r.arms and r.kind is PriorTherapyRuleKind.REQUIRES_PRIOR}


def assess_prior_therapy(protocol: Protocol, records: Iterable[PriorTherapyRecord],
                         day: date) -> PriorAssessment:
    """Evaluate the plan's prior-therapy rules for every arm (and every option of an arm
    with options, e.g. adalimumab vs infliximab) on ``day`` (clinical-rules §1.2)."""
    records = list(records)
    global_ids = _global_rule_ids(protocol)
    options: list[OptionAssessment] = []
    failed: list[str] = []
    unknown: list[str] = []
    notes: list[str] = []
    global_seen: set[str] = set()
    for arm in protocol.arms:
        choices = [(o.id, o.label) for o in arm.options] or [("", arm.name)]
        for option_id, label in choices:
            result = evaluate_arm(protocol, arm.id, records, day, option_id or None)
            for f in result.findings:
                if f.rule_id in global_ids and f.rule_id not in global_seen:
                    global_seen.add(f.rule_id)
                    if f.outcome is Outcome.UNKNOWN:
                        unknown.append(sentence(said.PLAN_WIDE, PlanText(f.text),
                                                joined(" ", f.reasons)))
            local = [f for f in result.findings if f.rule_id not in global_ids]
            worst = {Outcome.NOT_MET, Outcome.UNKNOWN}
            outcome = (Outcome.NOT_MET if any(f.outcome is Outcome.NOT_MET for f in local)
                       else Outcome.UNKNOWN if any(f.outcome is Outcome.UNKNOWN for f in local)
                       else Outcome.MET)
            reasons = tuple(r for f in local if f.outcome in worst for r in f.reasons)
            if outcome is Outcome.MET:
                reasons = tuple(r for f in local if f.outcome is Outcome.MET
                                for r in f.reasons)
            options.append(OptionAssessment(arm.id, option_id, label, outcome.value, reasons,
                                            _date_limits(result), result.provisional))
    for arm in protocol.arms:
        mine = [o for o in options if o.arm_id == arm.id]
        for o in mine:
            where = (sentence(said.ARM_OPTION, arm.id, PlanText(o.label)) if o.option
                     else sentence(said.ARM, arm.id))
            reasons = joined(" ", o.reasons)
            if o.outcome == Outcome.NOT_MET.value:
                notes.append(sentence(said.CLOSED_UNTIL, where, joined("; ", o.date_limits),
                                      reasons) if o.date_limits
                             else sentence(said.CLOSED, where, reasons))
            elif o.outcome == Outcome.UNKNOWN.value:
                notes.append(sentence(said.TO_CHECK, where, reasons))
    open_arms = [a.id for a in protocol.arms
                 if any(o.outcome != Outcome.NOT_MET.value for o in options if o.arm_id == a.id)]
    if protocol.arms and not open_arms:
        failed.append(sentence(said.ALL_CLOSED))
    outcome = "no" if failed else "unknown" if unknown else "yes"
    provisional = any(o.provisional for o in options) or any(
        r.status.value == "provisional" for r in protocol.prior_therapy_rules)
    if provisional:
        notes.append(sentence(said.PROVISIONAL))
    return PriorAssessment(day.isoformat(), outcome, tuple(failed), tuple(unknown),
                           tuple(notes), tuple(options),
                           tuple(r.describe() for r in records), provisional)
