"""Prior-therapy history and the eligibility rules that read it (pure, no Qt, no SQL).

A patient's prior therapy is a first-class record (drug, start, stop, why it was
stopped, last-dose date, B-cell status after rituximab), entered once and reused by every
screening. The rules are protocol DATA (``[[prior_therapy_rules]]`` in the protocol
file, kinds in ``PriorTherapyRuleKind``); this module only evaluates them for one arm on
one screening date and says why, in plain words. One module although long: every rule
kind is one evaluator over the same record and finding types, listed in ``_EVALUATORS``,
so a new kind is one function here and one line there.

Sources (refractory-biologic plan): seeds 002/004 (Tarvin et al., CARRA biologics survey)
as gathered in clinical-rules §1.2 — all **provisional** until checked against Tarvin
et al., Arthritis Care Res 2024;76:1532-39.

Choices made here, for the clinical lead:

* Outcomes per rule: met, not met, unknown (something needed is not recorded, or the
  plan does not say — the treating team decides) and not applicable (nothing in the
  history the rule looks at). For the arm: any "not met" → not met; else any "unknown"
  → unknown; else met. Missing data never counts as met.
* Month arithmetic is calendar months, end-of-month clamped (``schedule.add_months``).
  Washout: met when last dose + N months is **on or before** the screening date (last
  dose 2026-01-15, 1 month → met from 2026-02-15). Enrolment after starting the arm's
  biologic: met when the screening date is **on or before** start + N months (started
  2026-01-15 → up to and including 2026-02-15).
* The washout counts from the recorded last-dose date; without it the rule is unknown
  (the stop date is not used in its place).
* A washout of "4-5 half-lives or 1 month" (seeds 002/004): both alternatives
  are worked out and shown, the longer first; the washout is complete only when the
  LONGER is (5 half-lives or 1 calendar month, whichever ends later), because the survey
  does not say which applies and a shorter washout is the less cautious reading. Days are
  half-life × count, rounded up to whole days. The half-life is protocol data with its
  label source (``[[half_lives]]``); a drug without one makes the rule unknown.
* "Failure" = the reasons a rule lists in ``failure_reasons`` (shipped: inadequate
  response); "benefit" allows the arm; toxicity, "other" or no reason → unknown, because
  the survey does not say whether they count as failure.
* A therapy recorded without a stop date (and without a reason stopped) is ongoing. An
  ongoing therapy with one of the arm's own drugs is the "just started" case (the
  started-within rule), not a washout; any other ongoing biologic fails the washout.
* A record that starts after the screening date is ignored for that screening (listed
  in ``ignored``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from app.domain import prior_therapy_sentences as said
from app.domain.errors import InputError
from app.domain.phrases import DrugName, Number, Phrase, joined, phrase, sentence
from app.domain.protocol import (
    REASONS_STOPPED,
    Arm,
    PriorTherapyRule,
    PriorTherapyRuleKind,
    Protocol,
    RuleStatus,
)
from app.domain.schedule import add_months

__all__ = [
    "REASON_LABELS",
    "ArmPriorTherapyResult",
    "Outcome",
    "PriorTherapyRecord",
    "RuleFinding",
    "evaluate_all_arms",
    "evaluate_arm",
    "evaluate_rule",
]

REASON_LABELS = said.REASON_LABELS


class Outcome(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"
    NOT_APPLICABLE = "not_applicable"


_SEVERITY = {Outcome.NOT_APPLICABLE: 0, Outcome.MET: 1, Outcome.UNKNOWN: 2, Outcome.NOT_MET: 3}


def _worst(outcomes: Iterable[Outcome], empty: Outcome = Outcome.NOT_APPLICABLE) -> Outcome:
    items = list(outcomes)
    return max(items, key=_SEVERITY.__getitem__) if items else empty


def _check_date(name: str, value: object) -> None:
    if value is not None and (not isinstance(value, date) or hasattr(value, "hour")):
        raise InputError(name, f"The {name.replace('_', ' ')} must be a calendar date.")


@dataclass(frozen=True)
class PriorTherapyRecord:
    """One prior (or current) therapy: drug, start, stop, why stopped, last dose, B cells.

    ``drug`` is the lower-case generic name ("infliximab"); it is normalised on
    construction. ``reason_stopped`` is one of ``REASONS_STOPPED`` or None. A record with
    neither a stop date nor a reason stopped is ongoing. Raises InputError (with the
    field name) for impossible combinations, e.g. a stop date before the start.
    """

    drug: str
    start: date | None
    stop: date | None = None
    reason_stopped: str | None = None
    last_dose_date: date | None = None
    b_cells_detectable: bool | None = None
    note: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.drug, str) or not self.drug.strip():
            raise InputError("drug", "Enter the drug's generic name.")
        object.__setattr__(self, "drug", " ".join(self.drug.strip().lower().split()))
        for name in ("start", "stop", "last_dose_date"):
            _check_date(name, getattr(self, name))
        if self.reason_stopped is not None and self.reason_stopped not in REASONS_STOPPED:
            allowed = ", ".join(REASON_LABELS[r] for r in REASONS_STOPPED)
            raise InputError(
                "reason_stopped",
                f'"{self.reason_stopped}" is not a reason stopped; use one of: {allowed}.',
            )
        if self.b_cells_detectable is not None and not isinstance(self.b_cells_detectable, bool):
            raise InputError("b_cells_detectable", "B cells detectable must be yes, no or blank.")
        if self.start and self.stop and self.stop < self.start:
            raise InputError(
                "stop",
                f"The stop date {self.stop.isoformat()} is before the start date "
                f"{self.start.isoformat()}.",
            )
        if self.start and self.last_dose_date and self.last_dose_date < self.start:
            raise InputError(
                "last_dose_date",
                f"The last dose {self.last_dose_date.isoformat()} is before the start date "
                f"{self.start.isoformat()}.",
            )
        if self.stop and self.last_dose_date and self.last_dose_date > self.stop:
            raise InputError(
                "last_dose_date",
                f"The last dose {self.last_dose_date.isoformat()} is after the stop date "
                f"{self.stop.isoformat()}.",
            )

    @property
    def ongoing(self) -> bool:
        return self.stop is None and self.reason_stopped is None

    def describe(self) -> str:
        """E.g. "infliximab (started 2025-01-10; stopped 2025-06-01 for inadequate
        response; last dose 2025-05-20)", a Sentence."""
        parts = [phrase(said.STARTED, self.start.isoformat()) if self.start
                 else phrase(said.START_NOT_RECORDED)]
        if self.ongoing:
            parts.append(phrase(said.ONGOING))
        else:
            stopped = (phrase(said.STOPPED, self.stop.isoformat()) if self.stop
                       else phrase(said.STOPPED_UNDATED))
            parts.append(
                phrase(said.STOPPED_FOR, stopped, phrase(REASON_LABELS[self.reason_stopped]))
                if self.reason_stopped
                else phrase(said.STOPPED_WHY_UNKNOWN, stopped, phrase(said.REASON_NOT_RECORDED))
            )
        if self.last_dose_date:
            parts.append(phrase(said.LAST_DOSE, self.last_dose_date.isoformat()))
        if self.b_cells_detectable is not None:
            parts.append(phrase(said.B_CELLS[self.b_cells_detectable]))
        return sentence(said.DESCRIBED, DrugName(self.drug), joined("; ", parts))


@dataclass(frozen=True)
class RuleFinding:
    """The outcome of one rule for one arm, with the reasons in plain words (Sentences)."""

    rule_id: str
    kind: PriorTherapyRuleKind
    outcome: Outcome
    reasons: tuple[str, ...]
    text: str  # the rule as written in the protocol
    source: str
    status: RuleStatus
    note: str = ""
    # First screening date on which a failing timing rule would be met (washout), or the
    # last date on which it is met (started-within); None when not a timing question.
    date_limit: date | None = None

    @property
    def provisional(self) -> bool:
        return self.status is RuleStatus.PROVISIONAL


@dataclass(frozen=True)
class ArmPriorTherapyResult:
    protocol_id: str
    arm_id: str
    option: str | None
    screening_date: date
    outcome: Outcome  # met / not_met / unknown (never not_applicable)
    findings: tuple[RuleFinding, ...]
    ignored: tuple[str, ...] = field(default=())

    @property
    def provisional(self) -> bool:
        return any(f.provisional for f in self.findings)

    @property
    def reasons(self) -> tuple[str, ...]:
        """Reasons of the rules that are not met or unknown, in rule order."""
        return tuple(
            r
            for f in self.findings
            if f.outcome in (Outcome.NOT_MET, Outcome.UNKNOWN)
            for r in f.reasons
        )


# --------------------------------------------------------------------------- helpers


def _rule_drugs(protocol: Protocol, rule: PriorTherapyRule, arm: Arm, option: str | None):
    named = tuple(dict.fromkeys((*rule.drugs, *protocol.group_drugs(rule.groups))))
    return named or arm.drugs_for(option)


def _names(drugs: Sequence[str], capitalised: bool = False) -> str | Phrase:
    """"a", "a or b", "a, b or c"; ``capitalised``: the first drug starting a sentence."""
    named = [DrugName(d) for d in drugs]
    if not named:
        return ""
    if capitalised:
        named[0] = DrugName(named[0].capitalize())
    if len(named) == 1:
        return named[0]
    first = named[0] if len(named) == 2 else joined(", ", named[:-1])
    return phrase(said.EITHER, first, named[-1])


def _months(n: int) -> Phrase:
    return phrase(said.MONTH) if n == 1 else phrase(said.MONTHS, str(n))


def _half_lives(rule: PriorTherapyRule) -> Phrase:
    low = rule.half_lives_min
    return phrase(said.HALF_LIVES, f"{low}", f"{rule.half_lives_max or low}")


def _finding(rule: PriorTherapyRule, outcome: Outcome, reasons: list[str], limit=None):
    return RuleFinding(
        rule.id,
        rule.kind,
        outcome,
        tuple(reasons),
        rule.text,
        rule.source,
        rule.status,
        rule.note,
        limit,
    )


def _requires_prior(protocol, rule, drugs, records, arm, option, day) -> RuleFinding:
    found = [r for r in records if r.drug in drugs]
    if found:
        listed = joined("; ", [r.describe() for r in found])
        return _finding(rule, Outcome.MET, [sentence(said.REQUIRED_RECORDED, listed)])
    return _finding(rule, Outcome.UNKNOWN, [sentence(said.REQUIRED_MISSING, _names(drugs))])


def _washout_alternatives(
    protocol: Protocol, rule: PriorTherapyRule, rec: PriorTherapyRecord
) -> tuple[list[tuple[date, Phrase]], Phrase | None]:
    """The washout alternatives for one stopped drug as (complete on, words), the longer
    first; and why the half-life alternative cannot be worked out (None when it can or
    the rule has none)."""
    months = rule.months or 0
    last = rec.last_dose_date
    assert last is not None
    by_month = add_months(last, months)
    alternatives = [(by_month, phrase(said.BY_MONTHS, _months(months), by_month.isoformat()))]
    problem = None
    if rule.half_lives_min is not None:
        low, high = rule.half_lives_min, rule.half_lives_max or rule.half_lives_min
        half = protocol.half_life(rec.drug)
        if half is None:
            problem = phrase(said.NO_HALF_LIFE, DrugName(rec.drug), _half_lives(rule))
        else:
            days_low, days_high = (math.ceil(n * half.days - 1e-9) for n in (low, high))
            start, end = last + timedelta(days=days_low), last + timedelta(days=days_high)
            half_life = phrase(said.HALF_LIFE, DrugName(rec.drug), Number(f"{half.days:g}"),
                               phrase(said.STATUS[half.status.value]), half.source)
            days = phrase(said.HALF_LIFE_DAYS, f"{days_low}", f"{days_high}",
                          start.isoformat(), f"{low}", end.isoformat(), f"{high}")
            alternatives.append(
                (end, phrase(said.BY_HALF_LIVES, _half_lives(rule), half_life, days))
            )
    alternatives.sort(key=lambda a: a[0], reverse=True)
    return alternatives, problem


def _washout(protocol, rule, drugs, records, arm, option, day) -> RuleFinding:
    months = rule.months or 0
    arm_drugs = set(arm.drugs_for(option))
    outcomes: list[Outcome] = []
    reasons: list[str] = []
    limits: list[date] = []
    wanted = _months(months)
    if rule.half_lives_min is not None:
        wanted = phrase(said.LONGER_OF, _half_lives(rule), _months(months))
    for rec in (r for r in records if r.drug in drugs):
        if rec.ongoing:
            if rec.drug in arm_drugs:
                continue  # just started the arm's own biologic: the started-within rule
            outcomes.append(Outcome.NOT_MET)
            reasons.append(sentence(said.STILL_GIVEN, rec.describe(), wanted))
            continue
        if rec.last_dose_date is None:
            outcomes.append(Outcome.UNKNOWN)
            reasons.append(sentence(said.NO_LAST_DOSE, rec.describe(), wanted))
            continue
        alternatives, problem = _washout_alternatives(protocol, rule, rec)
        earliest = alternatives[0][0]
        shown = (
            phrase(said.ALTERNATIVES, joined("; ", [words for _, words in alternatives]))
            if len(alternatives) > 1
            else ""
        )
        drug, last = DrugName(rec.drug), rec.last_dose_date.isoformat()
        if problem is not None:
            outcomes.append(Outcome.UNKNOWN)
            reasons.append(sentence(said.HALF_LIFE_UNKNOWN, drug, last, problem,
                                    _months(months), earliest.isoformat()))
            continue
        if earliest > day:
            outcomes.append(Outcome.NOT_MET)
            limits.append(earliest)
            if len(alternatives) > 1:
                reasons.append(sentence(said.WASHOUT_AFTER, drug, last, wanted,
                                        earliest.isoformat(), day.isoformat(), shown))
            else:
                reasons.append(sentence(said.WASHOUT_SHORT, drug, last, wanted,
                                        day.isoformat(), earliest.isoformat()))
            continue
        timing = (drug, last, wanted, day.isoformat(), earliest.isoformat())
        if not rule.b_cells_detectable:
            outcomes.append(Outcome.MET)
            reasons.append(sentence(said.WASHOUT_MET, *timing, shown))
            continue
        done = phrase(said.WASHOUT_DONE, *timing)
        if rec.b_cells_detectable is None:
            outcomes.append(Outcome.UNKNOWN)
            reasons.append(sentence(said.B_CELLS_NOT_RECORDED, done))
        elif not rec.b_cells_detectable:
            outcomes.append(Outcome.NOT_MET)
            reasons.append(sentence(said.B_CELLS_NOT_YET, done))
        else:
            outcomes.append(Outcome.MET)
            reasons.append(sentence(said.B_CELLS_BACK, done))
    if not outcomes:
        return _finding(rule, Outcome.NOT_APPLICABLE, [sentence(said.NO_STOPPED, _names(drugs))])
    outcome = _worst(outcomes)
    limit = max(limits) if outcome is Outcome.NOT_MET and limits else None
    return _finding(rule, outcome, reasons, limit)


def _judge_stopped(rule: PriorTherapyRule, rec: PriorTherapyRecord) -> Outcome:
    if rec.reason_stopped in rule.failure_reasons:
        return Outcome.NOT_MET
    if rec.reason_stopped in rule.allowed_reasons:
        return Outcome.MET
    return Outcome.UNKNOWN


def _excluded_after_failure(protocol, rule, drugs, records, arm, option, day) -> RuleFinding:
    outcomes: list[Outcome] = []
    reasons: list[str] = []
    for rec in (r for r in records if r.drug in drugs and not r.ongoing):
        outcome = _judge_stopped(rule, rec)
        outcomes.append(outcome)
        said_of = (rec.describe(), DrugName(rec.drug))
        if outcome is Outcome.NOT_MET:
            reasons.append(sentence(said.FAILURE_EXCLUDES, *said_of))
        elif outcome is Outcome.MET:
            reasons.append(sentence(said.BENEFIT_ALLOWS, *said_of))
        elif rec.reason_stopped is None:
            reasons.append(sentence(said.WHY_NOT_RECORDED, *said_of))
        else:
            reasons.append(sentence(said.FAILURE_UNSAID, rec.describe(),
                                    phrase(REASON_LABELS[rec.reason_stopped])))
    if not outcomes:
        return _finding(rule, Outcome.NOT_APPLICABLE,
                        [sentence(said.NOT_STOPPED, _names(drugs, capitalised=True))])
    return _finding(rule, _worst(outcomes), reasons)


def _different_agent_after_failure(protocol, rule, drugs, records, arm, option, day) -> RuleFinding:
    in_arm = [d for d in arm.drugs_for(option) if d in drugs]
    outcomes: list[Outcome] = []
    reasons: list[str] = []
    for rec in (r for r in records if r.drug in drugs and not r.ongoing):
        judged = _judge_stopped(rule, rec)
        others = [d for d in in_arm if d != rec.drug]
        described, drug = rec.describe(), DrugName(rec.drug)
        if judged is Outcome.MET:
            outcomes.append(Outcome.MET)
            reasons.append(sentence(said.BENEFIT_ANY_DRUG, described))
        elif rec.drug not in in_arm:
            outcomes.append(Outcome.MET)
            reasons.append(sentence(said.DIFFERENT_AGENT, described, _names(in_arm)))
        elif others:
            # The arm still offers the same drug: the option decides.
            outcomes.append(Outcome.UNKNOWN)
            reasons.append(
                sentence(said.CHOOSE_OTHER, described, _names(others))
                if judged is Outcome.NOT_MET
                else sentence(said.CHOOSE_OTHER_OR_DECIDE, described, _names(others), drug)
            )
        elif judged is Outcome.NOT_MET:
            outcomes.append(Outcome.NOT_MET)
            reasons.append(sentence(said.SAME_AGENT, described, drug))
        else:
            outcomes.append(Outcome.UNKNOWN)
            why = (
                phrase(said.WHY_STOPPED_UNKNOWN)
                if rec.reason_stopped is None
                else phrase(said.STOPPING_UNSAID, phrase(REASON_LABELS[rec.reason_stopped]))
            )
            reasons.append(sentence(said.SAME_AGAIN, described, drug, why))
    if not outcomes:
        return _finding(rule, Outcome.NOT_APPLICABLE, [sentence(said.NO_STOPPED, _names(drugs))])
    return _finding(rule, _worst(outcomes), reasons)


def _started_within(protocol, rule, drugs, records, arm, option, day) -> RuleFinding:
    months = rule.months or 0
    outcomes: list[Outcome] = []
    reasons: list[str] = []
    limits: list[date] = []
    for rec in (r for r in records if r.drug in drugs and r.ongoing):
        if rec.start is None:
            outcomes.append(Outcome.UNKNOWN)
            reasons.append(sentence(said.START_NEEDED, rec.describe(), _months(months)))
            continue
        latest = add_months(rec.start, months)
        limits.append(latest)
        drug, started = DrugName(rec.drug), rec.start.isoformat()
        if day <= latest:
            outcomes.append(Outcome.MET)
            reasons.append(sentence(said.WITHIN, drug, started, latest.isoformat(),
                                    _months(months), day.isoformat()))
        else:
            outcomes.append(Outcome.NOT_MET)
            reasons.append(sentence(said.NOT_WITHIN, drug, started, _months(months),
                                    day.isoformat(), latest.isoformat()))
    if not outcomes:
        return _finding(rule, Outcome.NOT_APPLICABLE,
                        [sentence(said.NOT_STARTED, _names(drugs, capitalised=True))])
    return _finding(rule, _worst(outcomes), reasons, min(limits) if limits else None)


def _known_drugs(protocol, rule, drugs, records, arm, option, day) -> RuleFinding:
    # ``drugs`` = the listed groups; the arm's own drugs are known too.
    known = set(drugs) | set(arm.drugs)
    unknown = [r for r in records if r.drug not in known]
    if not unknown:
        return _finding(rule, Outcome.MET, [sentence(said.ALL_KNOWN)])
    return _finding(rule, Outcome.UNKNOWN,
                    [sentence(said.NOT_KNOWN, r.describe()) for r in unknown])


_EVALUATORS = {
    PriorTherapyRuleKind.REQUIRES_PRIOR: _requires_prior,
    PriorTherapyRuleKind.WASHOUT: _washout,
    PriorTherapyRuleKind.EXCLUDED_AFTER_FAILURE: _excluded_after_failure,
    PriorTherapyRuleKind.DIFFERENT_AGENT_AFTER_FAILURE: _different_agent_after_failure,
    PriorTherapyRuleKind.STARTED_WITHIN: _started_within,
    PriorTherapyRuleKind.KNOWN_DRUGS: _known_drugs,
}


# --------------------------------------------------------------------------- public API


def _check_screening_date(screening_date: object) -> date:
    if not isinstance(screening_date, date) or hasattr(screening_date, "hour"):
        raise InputError("screening_date", "The screening date must be a calendar date.")
    return screening_date


def _relevant(records: Iterable[PriorTherapyRecord], day: date):
    kept: list[PriorTherapyRecord] = []
    ignored: list[str] = []
    for rec in records:
        if not isinstance(rec, PriorTherapyRecord):
            raise InputError("records", "Each prior therapy must be a PriorTherapyRecord.")
        if rec.start is not None and rec.start > day:
            ignored.append(sentence(said.STARTS_LATER, rec.describe(), day.isoformat()))
        else:
            kept.append(rec)
    return kept, ignored


def evaluate_rule(
    protocol: Protocol,
    rule: PriorTherapyRule,
    arm_id: str,
    records: Iterable[PriorTherapyRecord],
    screening_date: date,
    option: str | None = None,
) -> RuleFinding:
    """Evaluate one prior-therapy rule of ``protocol`` for an arm (and arm option, e.g.
    the TNF inhibitor chosen) on the screening date."""
    day = _check_screening_date(screening_date)
    arm = protocol.arm(arm_id)
    if option is not None:
        option = arm.option(option).id
    kept, _ = _relevant(records, day)
    drugs = _rule_drugs(protocol, rule, arm, option)
    return _EVALUATORS[rule.kind](protocol, rule, drugs, kept, arm, option, day)


def evaluate_arm(
    protocol: Protocol,
    arm_id: str,
    records: Iterable[PriorTherapyRecord],
    screening_date: date,
    option: str | None = None,
) -> ArmPriorTherapyResult:
    """All prior-therapy rules of an arm on the screening date (clinical-rules §1.2:
    washouts, same-agent failure, different TNF inhibitor, enrolment up to 1 month after
    starting the arm's biologic; conventional therapy tried).

    ``option`` is the choice within the arm (e.g. "adalimumab"); without it a rule that
    depends on the choice is "unknown" and says what to choose.
    """
    day = _check_screening_date(screening_date)
    arm = protocol.arm(arm_id)
    if option is not None:
        option = arm.option(option).id
    kept, ignored = _relevant(list(records), day)
    findings = tuple(
        _EVALUATORS[rule.kind](
            protocol, rule, _rule_drugs(protocol, rule, arm, option), kept, arm, option, day
        )
        for rule in protocol.prior_therapy_rules_for(arm.id)
    )
    outcome = _worst((f.outcome for f in findings), empty=Outcome.MET)
    if outcome is Outcome.NOT_APPLICABLE:
        outcome = Outcome.MET
    return ArmPriorTherapyResult(
        protocol.id, arm.id, option, day, outcome, findings, tuple(ignored)
    )


def evaluate_all_arms(
    protocol: Protocol,
    records: Iterable[PriorTherapyRecord],
    screening_date: date,
    options: dict[str, str] | None = None,
) -> dict[str, ArmPriorTherapyResult]:
    """``evaluate_arm`` for every arm, keyed by arm id; ``options`` maps arm id → option."""
    records = list(records)
    options = options or {}
    return {
        arm.id: evaluate_arm(protocol, arm.id, records, screening_date, options.get(arm.id))
        for arm in protocol.arms
    }
