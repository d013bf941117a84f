"""Enrollment: the draft, which arms are open and why, and the checks of each page.

Plain Python; the enrollment wizard only maps widgets to the draft. Sources: seed 000,
Table 2 (arms, rules across arms), clinical rules §1.1 and §4. The parts the arm switch
shares live beside it: the weight and height as typed (``app.domain.measurements``), the
planned doses with the clinician's final amounts (``app.domain.planned_doses``), the
concomitant medicines (``app.domain.concomitant_medicines``); the switch itself is
``app.domain.arm_switch``.

Decisions documented here:

* Arm availability comes from the protocol's arm rules evaluated on the screening's
  saved details: ``unavailable_if`` closes an arm (arm A when IVIG was already given for
  skin disease) and says why; ``may_consider`` re-opens it only when the clinician ticks
  the option (restarting previously stopped IVIG) and gives a reason. When the IVIG
  history for skin disease is Unknown, arm A stays open with a caution to confirm it.
* Plans with arm options and prior-therapy rules (refractory-biologic, moderate-JDM-2010):
  the prior-therapy rules are evaluated again on the ENROLLMENT date for the chosen arm
  and option (a 1-month "enrol after starting" window or a washout can change between
  screening and enrollment). "Not met" blocks the arm with the reasons; "unknown" needs
  the clinician's reason for going ahead (recorded in the arm notes).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from app.domain import enrollment_sentences as said
from app.domain.body import BodyMeasurements
from app.domain.concomitant_medicines import (
    ConcomitantItem,
    concomitant_items,
    corticosteroid_problem,
    pulse_problem,
)
from app.domain.errors import InputError
from app.domain.growth import GrowthReference, GrowthSubject
from app.domain.measurements import (
    describe_confirmed,
    measurement_plausibility,
    measurement_problems,
    plausibility_problems,
    protocol_needs_height,
    read_body,
)
from app.domain.phrases import (
    Joined,
    Phrase,
    PlanText,
    Sentence,
    joined,
    sentence,
    sentences,
)
from app.domain.planned_doses import DoseEntry, PlannedDose, dose_key, plan_arm_doses
from app.domain.prior_therapy import (
    ArmPriorTherapyResult,
    Outcome,
    PriorTherapyRecord,
    evaluate_arm,
)
from app.domain.protocol import ArmRuleKind, Protocol
from app.domain.schedule import ScheduledVisit, visit_schedule
from app.domain.screening import parse_iso_date
from app.domain.screening_sentences import CLOSED_BY_ANSWER, NOT_KNOWN_IF_APPLIES
from app.domain.treatment_course_record import (
    ArmChoiceReasons,
    arm_choice_problems,
    normalised_reasons,
)

# The enrollment date judged (app/forms/terms.py lists them in "Date check"): dates ISO.
ENTER_ENROLLMENT_DATE = "Enter the enrollment date (YYYY-MM-DD)."
ENROLLMENT_IN_FUTURE = "The enrollment date %1 is in the future."
ENROLLMENT_BEFORE_SCREENING = "The enrollment date cannot be before the screening date %1."
ENROLLMENT_DATE_SENTENCES = (ENTER_ENROLLMENT_DATE, ENROLLMENT_IN_FUTURE,
                             ENROLLMENT_BEFORE_SCREENING)

if TYPE_CHECKING:
    from app.domain.arm_switch import SwitchDraft

DRAFT_KIND = "enrollment"
PROVISIONAL_TAG = "provisional — verify against the published plan"


def draft_key(screening_id: int) -> str:
    return f"screening:{screening_id}"


def birth_date(subject: GrowthSubject | None) -> date | None:
    """The child's date of birth, for drugs labelled from an age (None when unknown)."""
    return None if subject is None else subject.date_of_birth


# --------------------------------------------------------------------------- arms


@dataclass(frozen=True)
class ArmChoice:
    """One arm as the clinician sees it on the arm page."""

    arm_id: str
    name: str
    summary: str
    open: bool  # selectable without anything else
    closed_reasons: tuple[str, ...]  # why it is not open (plain words)
    may_consider: str | None  # text of the exception the clinician may tick (restart IVIG)
    cautions: tuple[str, ...]
    may_continue: tuple[str, ...]  # e.g. "Current medications, including IVIG, may be continued."
    monitoring: tuple[str, ...]
    provisional: bool  # a dose rule of this arm is provisional

    @property
    def selectable(self) -> bool:
        return self.open or self.may_consider is not None


def arm_choices(protocol: Protocol, facts: dict[str, Any]) -> list[ArmChoice]:
    """Every arm with its rules applied to the screening facts (seed 000, Table 2)."""
    options = []
    for arm in protocol.arms:
        closed = tuple(_closed_reason(protocol, r.text, r.when.field, facts)
                       for r in arm.rules_of(ArmRuleKind.UNAVAILABLE_IF)
                       if r.when is not None and r.when.holds(facts))
        consider = None
        if closed:
            texts = [r.text for r in arm.rules_of(ArmRuleKind.MAY_CONSIDER)
                     if r.when is None or r.when.holds(facts)]
            consider = " ".join(texts) or None
        cautions = []
        for rule in arm.rules_of(ArmRuleKind.UNAVAILABLE_IF):
            cond = rule.when
            if cond is None or cond.field is None or closed:
                continue
            if facts.get(cond.field) == "unknown" or _criterion_unknown_for(protocol, cond.field,
                                                                             facts):
                cautions.append(sentence(NOT_KNOWN_IF_APPLIES, PlanText(rule.text)))
        options.append(ArmChoice(
            arm_id=arm.id,
            name=arm.name,
            summary=arm.summary,
            open=not closed,
            closed_reasons=closed,
            may_consider=consider,
            cautions=tuple(cautions),
            may_continue=tuple(r.text for r in arm.rules_of(ArmRuleKind.MAY_CONTINUE)),
            monitoring=tuple(r.text for r in arm.rules_of(ArmRuleKind.MONITORING)),
            provisional=any(d.status.value == "provisional" for d in arm.doses),
        ))
    return options


def _closed_reason(protocol: Protocol, text: str, field_id: str | None,
                   facts: dict[str, Any]) -> str:
    """The rule's text plus the screening answer that triggered it (a Sentence)."""
    if field_id is None:
        return text
    try:
        detail = protocol.detail_field(field_id)
    except KeyError:
        return text
    value = facts.get(field_id)
    shown = next((PlanText(c.label) for c in detail.choices if c.value == value), str(value))
    return sentence(CLOSED_BY_ANSWER, PlanText(text), PlanText(detail.label), shown)


def _criterion_unknown_for(protocol: Protocol, field_id: str, facts: dict[str, Any]) -> bool:
    """True when the criterion that owns ``field_id`` was answered Unknown."""
    for criterion in protocol.criteria:
        if any(d.id == field_id for d in criterion.details):
            return facts.get(criterion.id) == "unknown"
    return False



# --------------------------------------------------------------------------- draft


@dataclass
class EnrollmentDraft:
    """What the enrollment wizard edits; plain JSON via to_payload/from_payload."""

    patient_id: int
    screening_id: int
    protocol_id: str
    enrollment_date: str = ""
    weight: str = ""
    weight_unit: str = "kg"  # kg | lb
    height: str = ""
    height_unit: str = "cm"  # cm | in
    measured_on: str = ""
    arm_id: str = ""
    arm_option: str = ""  # e.g. "adalimumab" when the arm offers options
    prior_unknown_reason: str = ""  # why go ahead when a prior-therapy rule is unknown
    pulse_limit_id: str = ""  # which pulse/bridging methylprednisolone limit
    pulse_mg: str = ""  # the pulse dose to give (empty = the computed maximum)
    consider_exception: bool = False  # e.g. restart previously stopped IVIG
    exception_reason: str = ""
    start_date: str = ""  # first dose; empty = enrollment date
    doses: dict[str, DoseEntry] = field(default_factory=dict)
    corticosteroid_mg_per_day: str = ""  # empty = no daily corticosteroid
    pulse: bool = False  # a pulse of one of the plan's pulse limits (``pulse_limit_id``)
    continuing: list[str] = field(default_factory=list)  # drugs of ``continuing_choices``
    sun_protection_counselled: bool = False
    measures_confirmed: bool = False  # weight/height beyond ±3 SD for age checked and kept
    # Why this arm (codes of treatment_course_record.ARM_CHOICE_CODES) and "other" text.
    choice_reasons: list[str] = field(default_factory=list)
    choice_other: str = ""
    concomitant_seen: bool = False  # screening's current therapies offered once, then kept
    page: str = ""

    def dose_entry(self, drug: str) -> DoseEntry:
        return self.doses.setdefault(drug, DoseEntry())

    def to_payload(self) -> dict[str, Any]:
        data = {k: v for k, v in self.__dict__.items() if k != "doses"}
        data["doses"] = {d: {"final": e.final, "reason": e.reason} for d, e in self.doses.items()}
        return data

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> EnrollmentDraft:
        data = dict(payload)
        _read_legacy_keys(data)
        doses = {d: DoseEntry(**e) for d, e in (data.pop("doses", None) or {}).items()}
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known}, doses=doses)


# Drafts autosaved before the concomitant page was read from the plan named these drugs in
# their own keys; read back so nothing typed is lost.
_LEGACY_CONTINUING = {"continue_ivig": "ivig", "continue_hydroxychloroquine": "hydroxychloroquine",
                      "continue_methotrexate": "methotrexate"}


def _read_legacy_keys(data: dict[str, Any]) -> None:
    if "pulse_methylprednisolone" in data:
        data.setdefault("pulse", bool(data.pop("pulse_methylprednisolone")))
    continuing = list(data.get("continuing") or [])
    for key, drug in _LEGACY_CONTINUING.items():
        if data.pop(key, False) and drug not in continuing:
            continuing.append(drug)
    data["continuing"] = continuing




def draft_choice(draft: EnrollmentDraft | SwitchDraft) -> ArmChoiceReasons:
    """The reasons for the arm a wizard or the switch dialog is choosing."""
    return ArmChoiceReasons(tuple(draft.choice_reasons), draft.choice_other)


# --------------------------------------------------------------------------- validation


def option_problem(protocol: Protocol, arm_id: str, option_id: str) -> str | None:
    """An arm with options (drug, route or regimen) needs one chosen."""
    arm = protocol.arm(arm_id)
    if not arm.options:
        return None
    if option_id not in arm.option_ids:
        return sentence(said.OPTION_NEEDED, arm.id,
                        joined(", ", [PlanText(o.label) for o in arm.options]))
    return None


def at_enrollment(reasons: tuple[str, ...]) -> Sentence:
    """The prior-therapy rules' reasons (Sentences), which name the day judged "the
    screening date", said of an evaluation on the enrollment date (the same sentences
    naming that day: enrollment_sentences.ON_ENROLLMENT_DATE)."""
    return sentences(" ", [_on_enrollment_date(r.phrase) if isinstance(r, Sentence)
                           else PlanText(r) for r in reasons])


def _on_enrollment_date(text: str | Phrase | Joined) -> str | Phrase | Joined:
    if isinstance(text, Sentence):
        return _on_enrollment_date(text.phrase)
    if isinstance(text, Phrase):
        return Phrase(said.ON_ENROLLMENT_DATE.get(text.template, text.template),
                      tuple(_on_enrollment_date(v) for v in text.values))
    if isinstance(text, Joined):
        return Joined(text.separator, tuple(_on_enrollment_date(p) for p in text.parts))
    return text


def _closed(reasons: tuple[str, ...]) -> Sentence:
    """Why an arm is closed: each reason a Sentence, or the plan's rule as written."""
    return sentences(" ", [r if isinstance(r, Sentence) else PlanText(r) for r in reasons])


@dataclass(frozen=True)
class EnrollmentPage:
    DETAILS = "details"
    ARM = "arm"
    DOSES = "doses"
    CONCOMITANT = "concomitant"
    SUMMARY = "summary"


PAGES = (EnrollmentPage.DETAILS, EnrollmentPage.ARM, EnrollmentPage.DOSES,
         EnrollmentPage.CONCOMITANT, EnrollmentPage.SUMMARY)


@dataclass
class EnrollmentFlow:
    """Validation of each enrollment page on the draft (no Qt)."""

    protocol: Protocol
    facts: dict[str, Any]
    today: date
    screening_date: date | None = None
    prior_records: tuple[PriorTherapyRecord, ...] = ()
    subject: GrowthSubject | None = None  # age and sex for the plausibility check
    growth_reference: GrowthReference | None = None

    def prior_result(self, draft: EnrollmentDraft,
                     arm_id: str | None = None) -> ArmPriorTherapyResult | None:
        """The prior-therapy rules for the chosen arm and option on the ENROLLMENT date
        (None when the plan has none or the date/arm is not set)."""
        arm_id = arm_id or draft.arm_id
        day = self.enrollment_day(draft)
        if not self.protocol.prior_therapy_rules or day is None or not arm_id:
            return None
        arm = self.protocol.arm(arm_id)
        option = draft.arm_option if arm_id == draft.arm_id else ""
        if arm.options and option not in arm.option_ids:
            option = ""
        return evaluate_arm(self.protocol, arm.id, self.prior_records, day, option or None)

    def choices(self) -> list[ArmChoice]:
        return arm_choices(self.protocol, self.facts)

    @property
    def date_of_birth(self) -> date | None:
        """For drugs labelled from an age."""
        return birth_date(self.subject)

    def choice(self, arm_id: str) -> ArmChoice | None:
        return next((o for o in self.choices() if o.arm_id == arm_id), None)

    def enrollment_day(self, draft: EnrollmentDraft) -> date | None:
        return parse_iso_date(draft.enrollment_date)

    def start_day(self, draft: EnrollmentDraft) -> date | None:
        return parse_iso_date(draft.start_date) or self.enrollment_day(draft)

    def body(self, draft: EnrollmentDraft) -> BodyMeasurements:
        return read_body(draft.weight, draft.weight_unit, draft.height, draft.height_unit,
                         draft.measured_on)

    def details_problems(self, draft: EnrollmentDraft) -> dict[str, str]:
        problems: dict[str, str] = {}
        day = self.enrollment_day(draft)
        if day is None:
            problems["enrollment_date"] = sentence(ENTER_ENROLLMENT_DATE)
        elif day > self.today:
            problems["enrollment_date"] = sentence(ENROLLMENT_IN_FUTURE, day.isoformat())
        elif self.screening_date is not None and day < self.screening_date:
            problems["enrollment_date"] = sentence(ENROLLMENT_BEFORE_SCREENING,
                                                   self.screening_date.isoformat())
        problems.update(measurement_problems(
            draft.weight, draft.weight_unit, draft.height, draft.height_unit, draft.measured_on,
            day or self.today, protocol_needs_height(self.protocol)))
        hints, warnings = self.measurement_warnings(draft)
        return plausibility_problems(hints, warnings, problems, draft.measures_confirmed)

    def measurement_warnings(self, draft: EnrollmentDraft
                             ) -> tuple[dict[str, str], dict[str, str]]:
        """(unit hints, beyond-±3-SD warnings) for the draft's measurements."""
        return measurement_plausibility(draft.weight, draft.weight_unit, draft.height,
                                        draft.height_unit, draft.measured_on, self.subject,
                                        self.growth_reference)

    def arm_problems(self, draft: EnrollmentDraft) -> dict[str, str]:
        option = self.choice(draft.arm_id)
        if option is None:
            return {"arm": sentence(said.ARM_NEEDED)}
        reasons = arm_choice_problems(draft_choice(draft))
        if reasons:
            return {"choice": sentences(" ", reasons)}
        problem = option_problem(self.protocol, draft.arm_id, draft.arm_option)
        if problem:
            return {"arm_option": problem}
        prior = self.prior_result(draft)
        if prior is not None and prior.outcome is Outcome.NOT_MET:
            day = self.enrollment_day(draft)
            limits = [f.date_limit.isoformat() for f in prior.findings
                      if f.outcome is Outcome.NOT_MET and f.date_limit is not None]
            reasons_then = at_enrollment(prior.reasons)
            return {"arm": sentence(said.PRIOR_NOT_MET_UNTIL, str(day), ", ".join(limits),
                                    reasons_then) if limits
                    else sentence(said.PRIOR_NOT_MET, str(day), reasons_then)}
        if (prior is not None and prior.outcome is Outcome.UNKNOWN
                and not draft.prior_unknown_reason.strip()):
            return {"prior_reason": sentence(said.PRIOR_UNKNOWN, at_enrollment(prior.reasons))}
        if option.open:
            return {}
        if option.may_consider is None:
            return {"arm": sentence(said.ARM_CLOSED, option.arm_id,
                                    _closed(option.closed_reasons))}
        if not draft.consider_exception:
            return {"arm": sentence(said.ARM_CLOSED_EXCEPTION, option.arm_id,
                                    _closed(option.closed_reasons))}
        if not draft.exception_reason.strip():
            return {"exception_reason": sentence(said.EXCEPTION_REASON_NEEDED)}
        return {}

    def planned_doses(self, draft: EnrollmentDraft) -> list[PlannedDose]:
        return plan_arm_doses(self.protocol, draft.arm_id, self.body(draft), draft.doses,
                              self.start_day(draft), draft.arm_option, self.date_of_birth)

    def dose_problems(self, draft: EnrollmentDraft) -> dict[str, str]:
        problems: dict[str, str] = {}
        start = parse_iso_date(draft.start_date) if draft.start_date else None
        day = self.enrollment_day(draft)
        if draft.start_date and start is None:
            problems["start_date"] = sentence(said.FIRST_DOSE_DATE_NEEDED)
        elif start is not None and day is not None and start < day:
            problems["start_date"] = sentence(said.FIRST_DOSE_BEFORE_ENROLLMENT)
        for planned in self.planned_doses(draft):
            if planned.problem:
                problems[dose_key(planned.result)] = planned.problem
        return problems

    def concomitant_problems(self, draft: EnrollmentDraft) -> dict[str, str]:
        body = self.body(draft)
        problem = corticosteroid_problem(self.protocol, body, draft.corticosteroid_mg_per_day)
        problems = {"corticosteroid": problem} if problem else {}
        problems.update(pulse_problem(self.protocol, body, draft))
        return problems

    def page_problems(self, draft: EnrollmentDraft, page: str) -> dict[str, str]:
        """Problems of ``page`` given that earlier pages are valid (the wizard ensures it)."""
        if page == EnrollmentPage.DETAILS:
            return self.details_problems(draft)
        if page == EnrollmentPage.ARM:
            return self.arm_problems(draft)
        if page == EnrollmentPage.DOSES:
            return self.dose_problems(draft)
        if page == EnrollmentPage.CONCOMITANT:
            return self.concomitant_problems(draft)
        return {}

    def all_problems(self, draft: EnrollmentDraft) -> dict[str, str]:
        for page in PAGES:
            problems = self.page_problems(draft, page)
            if problems:
                return problems
        return {}

    def finalise(self, draft: EnrollmentDraft) -> EnrollmentPlan:
        """Everything to save, or InputError naming the first problem."""
        problems = self.all_problems(draft)
        if problems:
            field_name, message = next(iter(problems.items()))
            raise InputError(field_name, message)
        body = self.body(draft)
        arm = self.protocol.arm(draft.arm_id)
        day = self.enrollment_day(draft)
        assert day is not None
        notes = ""
        if arm.options and draft.arm_option:
            notes = f"Option: {arm.option(draft.arm_option).label}. "
        option = self.choice(draft.arm_id)
        if option is not None and not option.open:
            notes += (f"Exception used: {option.may_consider} Reason: "
                      f"{draft.exception_reason.strip()}")
        prior = self.prior_result(draft)
        if prior is not None:
            notes += (f" Prior-therapy rules on {day.isoformat()}: "
                      f"{prior.outcome.value.replace('_', ' ')}"
                      + (" (provisional)" if prior.provisional else "") + ".")
            if prior.outcome is Outcome.UNKNOWN:
                notes += (" Unknown: " + at_enrollment(prior.reasons) + " Reason for going "
                          f"ahead: {draft.prior_unknown_reason.strip()}")
            notes = notes.strip()
        _hints, warnings = self.measurement_warnings(draft)
        if warnings:
            notes = f"{notes} {describe_confirmed(warnings)}".strip()
        return EnrollmentPlan(
            enrollment_date=day,
            start_date=self.start_day(draft) or day,
            body=body,
            weight_unit=draft.weight_unit,
            height_unit=draft.height_unit,
            arm_id=arm.id,
            arm_notes=notes,
            doses=tuple(self.planned_doses(draft)),
            arm_option=draft.arm_option,
            concomitant=tuple(concomitant_items(self.protocol, draft, body, arm)),
            visits=tuple(visit_schedule(self.protocol, day)),
            sun_protection_counselled=draft.sun_protection_counselled,
            choice=normalised_reasons(draft_choice(draft)),
        )


@dataclass(frozen=True)
class EnrollmentPlan:
    """A validated enrollment, ready for ``app.db.enrollments.finish_enrollment``."""

    enrollment_date: date
    start_date: date
    body: BodyMeasurements
    weight_unit: str
    height_unit: str
    arm_id: str
    arm_notes: str
    doses: tuple[PlannedDose, ...]
    arm_option: str
    concomitant: tuple[ConcomitantItem, ...]
    visits: tuple[ScheduledVisit, ...]
    sun_protection_counselled: bool
    # Why this arm (app.domain.treatment_course_record): the confounders of the choice.
    choice: ArmChoiceReasons = ArmChoiceReasons()

