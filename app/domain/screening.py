"""Eligibility screening: the wizard's flow, what is valid on each page, and the verdict.

Plain Python (no Qt, no SQLAlchemy) so the clinical logic is unit tested on its own; the
wizard pages only copy widgets into a ``ScreeningDraft`` and show what this module says.

Source of the criteria: the protocol file (seed 000, Table 1 for the persistent skin
rash plan). Decisions made here, documented for the clinical lead:

* Verdict (seed 000, Table 1): every *required* criterion must be "yes" and
  every *exclusion* "no". A "no" on a required criterion, a "yes" on an exclusion, or a
  failed timing rule makes the patient **not eligible**. Otherwise an "Unknown" on a
  required criterion **or on an exclusion** makes the patient **not yet eligible** — an
  exclusion that has not been ruled out cannot be treated as absent. "Allowed" criteria
  ("patients may have") are recorded as baseline characteristics and never decide.
* A timing rule (muscle involvement resolved ≥ 3 calendar months before the screening
  date) that is not met is a failing criterion, listed with the first date on which it
  would be met.
* Detail fields: a field with ``required_when`` is asked only while its condition holds;
  a field without a condition is asked when the criterion is answered "yes", or always
  when the field is marked ``required``. When a criterion is answered "Unknown" nothing
  is demanded (the reason for "Unknown" is that the data is missing). Values of fields
  that no longer apply (the answer changed) are kept in the draft, so going back restores
  them, but they are not saved with the screening.
* Dates are kept as ISO text ("2026-08-01") so the draft is plain JSON.
* Consistency rules (protocol data, ``[[criteria.consistency]]``) are read on
  the details that apply to the answer: a **contradiction** (e.g. criterion 1 answered
  Yes with the skin recorded as improving) makes the patient not eligible, whatever the
  group of its criterion; a **query** (a CMAS below 48 recorded as normal with no reason)
  is shown with the verdict and at the criterion, and changes nothing. Both are worded
  with the values recorded.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.domain import screening_sentences as said
from app.domain.phrases import (
    Joined,
    Number,
    Phrase,
    PlanText,
    Shortened,
    joined,
    phrase,
    sentence,
)
from app.domain.protocol import (
    Condition,
    ConsistencyKind,
    ConsistencyRule,
    Criterion,
    CriterionGroup,
    DetailField,
    FieldType,
    Protocol,
)
from app.domain.schedule import add_months, is_at_least_months_before
from app.domain.screening_prior_therapy import PriorAssessment

ANSWERS = ("yes", "no", "unknown")
ANSWER_LABELS = {"yes": "Yes", "no": "No", "unknown": "Unknown"}

ELIGIBLE = "eligible"
NOT_ELIGIBLE = "not_eligible"
NOT_YET_ELIGIBLE = "not_yet_eligible"
VERDICT_LABELS = {
    ELIGIBLE: "ELIGIBLE",
    NOT_ELIGIBLE: "NOT ELIGIBLE",
    NOT_YET_ELIGIBLE: "NOT YET ELIGIBLE",
}

# Wizard pages, in order. Criteria pages are keyed by their group.
SETUP_PAGE = "setup"
PRIOR_PAGE = "prior_therapy"
VERDICT_PAGE = "verdict"
# The prior-therapy evaluation is saved with the screening as one extra ScreeningAnswer
# under this id (answer yes = rules met / no = no arm open / unknown; details = the
# per-arm and per-option outcomes with their reasons and the history used).
PRIOR_ANSWER_ID = "prior_therapy_rules"
GROUP_PAGES = (CriterionGroup.REQUIRED, CriterionGroup.ALLOWED, CriterionGroup.EXCLUSION)
GROUP_TITLES = {
    CriterionGroup.REQUIRED: "Patients should have (all required)",
    CriterionGroup.ALLOWED: "Patients may have (recorded as baseline characteristics)",
    CriterionGroup.EXCLUSION: "Patients should not have (exclusions)",
}
GROUP_SHORT = {
    CriterionGroup.REQUIRED: "Should have",
    CriterionGroup.ALLOWED: "May have",
    CriterionGroup.EXCLUSION: "Should not have",
}

DRAFT_KIND = "screening"


def draft_key(patient_id: int) -> str:
    return f"patient:{patient_id}"


def parse_iso_date(text: object) -> date | None:
    """An ISO date from the draft, or None when empty or not a date."""
    if isinstance(text, date):
        return text
    if not isinstance(text, str) or not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


# --------------------------------------------------------------------------- draft


@dataclass
class CriterionAnswer:
    answer: str | None = None  # "yes" | "no" | "unknown" | None (not answered yet)
    details: dict[str, Any] = field(default_factory=dict)


@dataclass
class ScreeningDraft:
    """Everything typed so far in one screening; plain JSON via to_payload/from_payload."""

    patient_id: int
    protocol_id: str
    screening_date: str  # ISO date
    answers: dict[str, CriterionAnswer] = field(default_factory=dict)
    page: str = SETUP_PAGE  # where the user was, to resume there
    confirmed: bool = False

    def answer_for(self, criterion_id: str) -> CriterionAnswer:
        return self.answers.setdefault(criterion_id, CriterionAnswer())

    def to_payload(self) -> dict[str, Any]:
        return {
            "patient_id": self.patient_id,
            "protocol_id": self.protocol_id,
            "screening_date": self.screening_date,
            "page": self.page,
            "answers": {
                cid: {"answer": a.answer, "details": dict(a.details)}
                for cid, a in self.answers.items()
            },
        }

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> ScreeningDraft:
        answers = {
            cid: CriterionAnswer(value.get("answer"), dict(value.get("details") or {}))
            for cid, value in (payload.get("answers") or {}).items()
        }
        return cls(
            patient_id=int(payload["patient_id"]),
            protocol_id=str(payload["protocol_id"]),
            screening_date=str(payload.get("screening_date") or ""),
            answers=answers,
            page=str(payload.get("page") or SETUP_PAGE),
        )


# --------------------------------------------------------------------------- detail fields


def _is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value is False


def field_applies(
    detail: DetailField, answer: str | None, values: dict[str, Any]
) -> bool:
    """Whether a detail field is asked, given the criterion's answer and values so far."""
    if detail.required_when is not None:
        return detail.required_when.holds(values, answer)
    return detail.required or answer == "yes"


def field_required(detail: DetailField, answer: str | None, values: dict[str, Any]) -> bool:
    """Whether an applicable field must be filled in (never when the answer is Unknown)."""
    if answer == "unknown" or detail.type is FieldType.BOOL:
        return False  # a checkbox always has a value (unticked = no)
    if detail.required_when is not None:
        return detail.required_when.holds(values, answer)
    return detail.required


def applicable_details(criterion: Criterion, answer: CriterionAnswer) -> dict[str, Any]:
    """The detail values that apply to the current answer (what is saved), in field order.

    Conditions are evaluated against the applicable values only, so a stale value in a
    field that no longer applies cannot switch another field on.
    """
    kept: dict[str, Any] = {}
    for detail in criterion.details:
        if not field_applies(detail, answer.answer, kept):
            continue
        value = answer.details.get(detail.id)
        if detail.type is FieldType.BOOL:
            value = bool(value)
        if not _is_empty(value) or detail.type is FieldType.BOOL:
            kept[detail.id] = value
    return kept


# A number answer that cannot be used: %1 the field's label (the plan's text), then what
# was entered and the limit; Phrases, so the interface says them in its words with its
# decimal mark (app/forms/numbers.py lists them). The number typed is the domain's
# ("47.5"): the interface reads its own decimal mark before (numbers.as_typed_by_the_domain).
NUMBER_NEEDED = '%1: enter a number; "%2" was entered.'
NUMBER_AT_LEAST = "%1: must be at least %2; %3 was entered."
NUMBER_AT_MOST = "%1: must be at most %2; %3 was entered."

def where(criterion: Criterion) -> Phrase:
    """"Should have 1": a criterion's group and number."""
    return phrase(said.WHERE[criterion.group], criterion.number)


def _check_value(
    detail: DetailField, value: Any, screening_date: date | None
) -> str | Phrase | None:
    """The problem with one entered value, in plain words, or None."""
    if detail.type is FieldType.DATE:
        day = parse_iso_date(value)
        if day is None:
            return sentence(said.DATE_NEEDED, PlanText(detail.label))
        if screening_date is not None and day > screening_date:
            return sentence(said.DATE_AFTER_SCREENING, PlanText(detail.label), day.isoformat(),
                            screening_date.isoformat())
    elif detail.type is FieldType.NUMBER:
        label = PlanText(detail.label)
        try:
            number = float(str(value).strip())
        except ValueError:
            return phrase(NUMBER_NEEDED, label, str(value))
        if detail.min is not None and number < detail.min:
            return phrase(NUMBER_AT_LEAST, label, Number(f"{detail.min:g}"),
                          Number(f"{number:g}"))
        if detail.max is not None and number > detail.max:
            return phrase(NUMBER_AT_MOST, label, Number(f"{detail.max:g}"),
                          Number(f"{number:g}"))
    elif detail.type is FieldType.CHOICE:
        allowed = {c.value for c in detail.choices}
        chosen = value if isinstance(value, list) else [value]
        if any(v not in allowed for v in chosen):
            return sentence(said.CHOICE_NEEDED, PlanText(detail.label))
    return None


def field_problems(
    criterion: Criterion, answer: CriterionAnswer, screening_date: date | None
) -> dict[str, str | Phrase]:
    """{field id: problem} for the criterion's applicable detail fields (a number's as a
    Phrase: ``str()`` its English)."""
    problems: dict[str, str | Phrase] = {}
    kept: dict[str, Any] = {}
    for detail in criterion.details:
        if not field_applies(detail, answer.answer, kept):
            continue
        value = answer.details.get(detail.id)
        if detail.type is FieldType.BOOL:
            kept[detail.id] = bool(value)
            continue
        if _is_empty(value):
            if field_required(detail, answer.answer, kept):
                problems[detail.id] = sentence(said.REQUIRED_WHEN_YES if (
                    detail.required_when is not None and detail.required_when.field is None
                ) else said.REQUIRED, PlanText(detail.label))
            continue
        problem = _check_value(detail, value, screening_date)
        if problem:
            problems[detail.id] = problem
        else:
            kept[detail.id] = value
    return problems


def criterion_problems(
    criterion: Criterion, answer: CriterionAnswer, screening_date: date | None
) -> dict[str, str | Phrase]:
    """Everything that keeps this criterion's entry from being complete.

    Key "answer" for the Yes/No/Unknown choice, otherwise the detail field id.
    """
    if answer.answer not in ANSWERS:
        return {"answer": "Answer Yes, No or Unknown."}
    return field_problems(criterion, answer, screening_date)


# --------------------------------------------------------------------------- timing rules


@dataclass(frozen=True)
class TimingResult:
    rule_id: str
    met: bool
    message: str  # a Sentence
    provisional: bool


def timing_results(
    criterion: Criterion, answer: CriterionAnswer, screening_date: date | None
) -> list[TimingResult]:
    """Date rules of a criterion (e.g. muscle resolved ≥ 3 calendar months before the
    screening date; seed 000, Table 1, should have 1), with a message either way."""
    results: list[TimingResult] = []
    if screening_date is None:
        return results
    values = applicable_details(criterion, answer)
    for rule in criterion.date_rules:
        day = parse_iso_date(values.get(rule.field))
        if day is None:
            continue
        earliest = add_months(day, rule.months)
        met = is_at_least_months_before(day, screening_date, rule.months)
        label = next((d.label for d in criterion.details if d.id == rule.field), rule.field)
        message = sentence(said.TIMING_MET if met else said.TIMING_NOT_MET, PlanText(label),
                           day.isoformat(), str(rule.months), screening_date.isoformat(),
                           earliest.isoformat())
        results.append(TimingResult(rule.id, met, message, rule.status.value == "provisional"))
    return results


# --------------------------------------------------------------------------- consistency


@dataclass(frozen=True)
class ConsistencyFinding:
    """A consistency rule whose conditions hold, worded with the values recorded."""

    rule_id: str
    kind: str  # ConsistencyKind value: contradiction / query
    message: str  # a Sentence
    provisional: bool


def _shown(detail: DetailField | None, value: Any) -> str | Phrase | Joined:
    if detail is None:
        return str(value)
    if detail.type is FieldType.BOOL:
        return phrase(said.TICKED[bool(value)])
    if detail.type is FieldType.NUMBER:
        return Number(str(value))
    labels = {c.value: PlanText(c.label) for c in detail.choices}
    if isinstance(value, list):
        return joined(", ", [labels.get(v, str(v)) for v in value])
    return labels.get(value, str(value))


def _recorded(criterion: Criterion, cond: Condition, values: dict[str, Any],
              answer: str | None) -> str | Phrase:
    """What was recorded that makes one condition hold, in plain words."""
    if cond.field is None:
        return phrase(said.ANSWERED[answer]) if answer in said.ANSWERED else f"answered {answer}"
    detail = next((d for d in criterion.details if d.id == cond.field), None)
    label = PlanText(detail.label) if detail is not None else cond.field
    if cond.blank is not None:
        return phrase(said.LEFT_BLANK if cond.blank else said.FILLED_IN, label)
    shown = _shown(detail, values.get(cond.field))
    if cond.below is not None:
        return phrase(said.BELOW, label, shown, Number(f"{cond.below:g}"))
    return phrase(said.RECORDED_AS, label, shown)


def consistency_findings(criterion: Criterion, answer: CriterionAnswer
                         ) -> list[ConsistencyFinding]:
    """The criterion's consistency rules that hold for this answer and its applicable
    details (seed 000, Table 1), each worded with what was recorded."""
    if answer.answer not in ANSWERS:
        return []
    values = applicable_details(criterion, answer)
    found: list[ConsistencyFinding] = []
    for rule in criterion.consistency:
        if not all(c.holds(values, answer.answer) for c in rule.conditions):
            continue
        recorded = joined(", ", [_recorded(criterion, c, values, answer.answer)
                                 for c in rule.conditions])
        found.append(ConsistencyFinding(rule.id, rule.kind.value, sentence(
            said.RECORDED, recorded, PlanText(rule.text)), _provisional(rule)))
    return found


def _provisional(rule: ConsistencyRule) -> bool:
    return rule.status.value == "provisional"


# --------------------------------------------------------------------------- flow


@dataclass(frozen=True)
class ScreeningFlow:
    """Which pages the screening wizard shows and whether each is complete."""

    protocol: Protocol

    def pages(self) -> list[str]:
        groups = [g.value for g in GROUP_PAGES if self.protocol.criteria_in(g)]
        prior = [PRIOR_PAGE] if self.protocol.prior_therapy_rules else []
        return [SETUP_PAGE, *groups, *prior, VERDICT_PAGE]

    def next_page(self, page: str) -> str | None:
        pages = self.pages()
        index = pages.index(page)
        return pages[index + 1] if index + 1 < len(pages) else None

    def criteria_on(self, page: str) -> tuple[Criterion, ...]:
        if page in (SETUP_PAGE, PRIOR_PAGE, VERDICT_PAGE):
            return ()
        return self.protocol.criteria_in(page)

    def setup_problems(self, draft: ScreeningDraft, today: date) -> dict[str, str]:
        day = parse_iso_date(draft.screening_date)
        if day is None:
            return {"screening_date": sentence(said.SCREENING_DATE_NEEDED)}
        if day > today:
            return {"screening_date": sentence(said.SCREENING_DATE_FUTURE, day.isoformat())}
        return {}

    def page_problems(
        self, draft: ScreeningDraft, page: str, today: date
    ) -> dict[str, dict[str, str | Phrase]]:
        """{criterion id (or "setup"): {field: problem}} for one page; empty = complete."""
        if page == SETUP_PAGE:
            problems = self.setup_problems(draft, today)
            return {"setup": problems} if problems else {}
        if page == VERDICT_PAGE:
            return {} if draft.confirmed else {"verdict": {"confirm": "Confirm the verdict."}}
        if page == PRIOR_PAGE:
            return {}  # the history is shown and evaluated; the verdict accounts for it
        day = parse_iso_date(draft.screening_date)
        out: dict[str, dict[str, str | Phrase]] = {}
        for criterion in self.criteria_on(page):
            problems = criterion_problems(criterion, draft.answer_for(criterion.id), day)
            if problems:
                out[criterion.id] = problems
        return out

    def is_page_complete(self, draft: ScreeningDraft, page: str, today: date) -> bool:
        return not self.page_problems(draft, page, today)

    def first_incomplete_page(self, draft: ScreeningDraft, today: date) -> str | None:
        for page in self.pages()[:-1]:
            if not self.is_page_complete(draft, page, today):
                return page
        return None


# --------------------------------------------------------------------------- verdict


@dataclass(frozen=True)
class VerdictItem:
    criterion_id: str
    group: str
    number: str
    kind: str  # "failed" | "contradiction" | "unknown" | "query"
    text: str  # plain words for the screening log and the verdict page (a Sentence, but
    # for the prior-therapy evaluation's lines)


@dataclass(frozen=True)
class Verdict:
    outcome: str  # ELIGIBLE | NOT_ELIGIBLE | NOT_YET_ELIGIBLE
    failed: tuple[VerdictItem, ...]  # including contradictions between answer and details
    unknown: tuple[VerdictItem, ...]
    notes: tuple[str, ...]  # timing rules met, etc.
    queries: tuple[VerdictItem, ...] = ()  # to look at again; they change nothing

    @property
    def label(self) -> str:
        return VERDICT_LABELS[self.outcome]

    def explanation(self) -> str:
        queries = (" Queries are listed below: answer them or record why; they do not "
                   "change the verdict.") if self.queries else ""
        if self.outcome == ELIGIBLE:
            return ("Every required criterion is met and every exclusion is absent. "
                    "The patient can be enrolled and an arm chosen." + queries)
        if self.outcome == NOT_YET_ELIGIBLE:
            return ("No criterion has failed, but some are Unknown. Find out the missing "
                    "information and screen again." + queries)
        return "The patient does not meet the criteria listed below." + queries

    def lines(self) -> list[str]:
        return [item.text for item in (*self.failed, *self.unknown, *self.queries)]


def _answered(criteria: Iterable[Criterion], draft: ScreeningDraft):
    for criterion in criteria:
        yield criterion, draft.answers.get(criterion.id, CriterionAnswer())


def decide(protocol: Protocol, draft: ScreeningDraft,
           prior: PriorAssessment | None = None) -> Verdict:
    """The verdict (seed 000, Table 1): required all "yes" with timing rules met, exclusions
    all "no", no contradiction between an answer and its details; failures → not
    eligible; otherwise any Unknown → not yet eligible. Queries are listed, never decide.

    ``prior`` (plans with prior-therapy rules): a plan-wide rule (e.g. "methotrexate
    has been given") that is unknown makes the patient not yet eligible; when every arm is
    closed by the history the patient is not eligible; an arm (or option) closed by it is
    listed in the notes with the reason. A plan with such rules screened without the
    evaluation is never eligible (not yet eligible, "evaluate the prior therapies").
    """
    day = parse_iso_date(draft.screening_date)
    failed: list[VerdictItem] = []
    unknown: list[VerdictItem] = []
    queries: list[VerdictItem] = []
    notes: list[str] = []
    if prior is not None:
        failed.extend(VerdictItem(PRIOR_ANSWER_ID, "prior_therapy", "", "failed", line)
                      for line in prior.failed)
        unknown.extend(VerdictItem(PRIOR_ANSWER_ID, "prior_therapy", "", "unknown", line)
                       for line in prior.unknown)
        notes.extend(prior.notes)
    elif protocol.prior_therapy_rules:
        unknown.append(VerdictItem(
            PRIOR_ANSWER_ID, "prior_therapy", "", "unknown",
            sentence(said.PRIOR_NOT_EVALUATED)))
    for criterion, answer in _answered(protocol.criteria, draft):
        group = criterion.group
        place = where(criterion)
        if criterion.caution and answer.answer == "yes":
            notes.append(sentence(said.CAUTION_NOTE, place, PlanText(criterion.caution)))
        for finding in consistency_findings(criterion, answer):
            if finding.kind == ConsistencyKind.CONTRADICTION.value:
                template = (said.CONTRADICTION_PROVISIONAL if finding.provisional
                            else said.CONTRADICTION)
                failed.append(VerdictItem(criterion.id, group.value, criterion.number,
                                          "contradiction",
                                          sentence(template, place, finding.message)))
            else:
                template = said.QUERY_PROVISIONAL if finding.provisional else said.QUERY
                queries.append(VerdictItem(criterion.id, group.value, criterion.number,
                                           "query", sentence(template, place, finding.message)))
        if group is CriterionGroup.ALLOWED:
            continue
        text = Shortened(criterion.text, 160)
        value = answer.answer
        if value is None or value == "unknown":
            template = (said.UNKNOWN_HAS if group is CriterionGroup.REQUIRED
                        else said.UNKNOWN_FREE_OF)
            unknown.append(VerdictItem(criterion.id, group.value, criterion.number, "unknown",
                                       sentence(template, place, text)))
            continue
        if group is CriterionGroup.REQUIRED and value == "no":
            failed.append(VerdictItem(criterion.id, group.value, criterion.number, "failed",
                                      sentence(said.NOT_MET, place, text)))
            continue
        if group is CriterionGroup.EXCLUSION and value == "yes":
            failed.append(VerdictItem(criterion.id, group.value, criterion.number, "failed",
                                      sentence(said.EXCLUSION_PRESENT, place, text)))
            continue
        if group is CriterionGroup.REQUIRED:
            for result in timing_results(criterion, answer, day):
                if result.met:
                    notes.append(result.message)
                else:
                    failed.append(VerdictItem(
                        criterion.id, group.value, criterion.number, "failed",
                        sentence(said.NOT_MET, place, result.message)))
    if failed:
        outcome = NOT_ELIGIBLE
    elif unknown:
        outcome = NOT_YET_ELIGIBLE
    else:
        outcome = ELIGIBLE
    return Verdict(outcome, tuple(failed), tuple(unknown), tuple(notes), tuple(queries))


def saved_answers(protocol: Protocol, draft: ScreeningDraft) -> dict[str, CriterionAnswer]:
    """What is stored for each criterion: the answer and only the applicable details."""
    out: dict[str, CriterionAnswer] = {}
    for criterion, answer in _answered(protocol.criteria, draft):
        if answer.answer not in ANSWERS:
            raise ValueError(f"criterion {criterion.id} is not answered")
        out[criterion.id] = CriterionAnswer(answer.answer, applicable_details(criterion, answer))
    return out


def screening_facts(answers: dict[str, CriterionAnswer]) -> dict[str, Any]:
    """All saved detail values by field id, plus each criterion's answer under its id.

    Arm rules are conditions on these (e.g. ``ivig_for_skin_disease`` is "yes" → arm A
    unavailable; seed 000, Table 2).
    """
    facts: dict[str, Any] = {}
    for criterion_id, answer in answers.items():
        facts[criterion_id] = answer.answer
        facts.update(answer.details)
    return facts
