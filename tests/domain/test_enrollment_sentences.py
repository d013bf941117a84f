"""The enrollment's arm and dose checks and the arm-choice problems as Sentences
(app.domain.enrollment_sentences): their English is exactly what the wizard, the command
line and a refused save said before they were Sentences. The former code is kept below as
the reference and compared over every shipped plan's arms and options, histories judged
on several enrollment dates, the screening answers that close an arm, and the choice's
reasons."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from app.catalog import protocol_catalog
from app.domain import enrollment_sentences
from app.domain.enrollment import EnrollmentDraft, EnrollmentFlow, at_enrollment, draft_choice
from app.domain.phrases import Sentence
from app.domain.prior_therapy import Outcome, PriorTherapyRecord, evaluate_arm
from app.domain.protocol import Protocol
from app.domain.screening import parse_iso_date
from app.domain.treatment_course_record import (
    ARM_CHOICE_CODES,
    OTHER,
    ArmChoiceReasons,
    arm_choice_problems,
)

TODAY = date(2026, 11, 21)
D = date.fromisoformat


# ------------------------------------------------------------- the former code, as it was

def former_choice_problems(reasons: ArmChoiceReasons) -> list[str]:
    problems = []
    unknown = [c for c in reasons.codes if c not in ARM_CHOICE_CODES]
    if unknown:
        problems.append("Unknown reason code: " + ", ".join(unknown) + ".")
    if len(set(reasons.codes)) != len(reasons.codes):
        problems.append("A reason is listed twice.")
    has_other = OTHER in reasons.codes
    if has_other and not reasons.other_text.strip():
        problems.append("Say what the other reason is.")
    if reasons.other_text.strip() and not has_other:
        problems.append("Text was typed for another reason but \"Other\" is not ticked.")
    return problems


def former_option_problem(protocol: Protocol, arm_id: str, option_id: str) -> str | None:
    arm = protocol.arm(arm_id)
    if not arm.options:
        return None
    if option_id not in arm.option_ids:
        return f"Choose the option for arm {arm.id}: " + ", ".join(
            o.label for o in arm.options) + "."
    return None


def former_at_enrollment(reasons: tuple[str, ...]) -> str:
    return " ".join(reasons).replace("screening date", "enrollment date")


def former_arm_problems(flow: EnrollmentFlow, draft: EnrollmentDraft) -> dict[str, str]:
    option = flow.choice(draft.arm_id)
    if option is None:
        return {"arm": "Choose an arm."}
    reasons = former_choice_problems(draft_choice(draft))
    if reasons:
        return {"choice": " ".join(reasons)}
    problem = former_option_problem(flow.protocol, draft.arm_id, draft.arm_option)
    if problem:
        return {"arm_option": problem}
    prior = flow.prior_result(draft)
    if prior is not None and prior.outcome is Outcome.NOT_MET:
        day = flow.enrollment_day(draft)
        limits = [f.date_limit.isoformat() for f in prior.findings
                  if f.outcome is Outcome.NOT_MET and f.date_limit is not None]
        when = f" (boundary date {', '.join(limits)})" if limits else ""
        return {"arm": f"Not allowed on the enrollment date {day}{when} by the prior-"
                       "therapy rules: " + former_at_enrollment(prior.reasons)}
    if (prior is not None and prior.outcome is Outcome.UNKNOWN
            and not draft.prior_unknown_reason.strip()):
        return {"prior_reason": "Some prior-therapy rules cannot be checked: "
                + former_at_enrollment(prior.reasons)
                + " Give the treating team's reason for going ahead."}
    if option.open:
        return {}
    if option.may_consider is None:
        return {"arm": f"Arm {option.arm_id} is not available: "
                       + " ".join(option.closed_reasons)}
    if not draft.consider_exception:
        return {"arm": f"Arm {option.arm_id} is not available: "
                       + " ".join(option.closed_reasons)
                       + f" Tick the exception in arm {option.arm_id}'s box above if it "
                       "applies."}
    if not draft.exception_reason.strip():
        return {"exception_reason": "Give the reason for using this exception."}
    return {}


def former_start_problem(draft: EnrollmentDraft) -> str | None:
    start = parse_iso_date(draft.start_date) if draft.start_date else None
    day = parse_iso_date(draft.enrollment_date)
    if draft.start_date and start is None:
        return "Enter the first dose date (YYYY-MM-DD)."
    if start is not None and day is not None and start < day:
        return "The first dose cannot be before the enrollment date."
    return None


# ------------------------------------------------------------------------------- cases

def histories(protocol: Protocol) -> list[tuple[PriorTherapyRecord, ...]]:
    """No history; the conventional drugs ongoing; and each drug the plan's rules or arms
    name ongoing (started lately, start not recorded) or stopped for each reason (last
    dose recent or long ago, B cells not recorded or not detectable)."""
    drugs = sorted({d for arm in protocol.arms for d in arm.drugs}
                   | {d for rule in protocol.prior_therapy_rules for d in rule.drugs}
                   | {d for rule in protocol.prior_therapy_rules
                      for d in protocol.group_drugs(rule.groups)})
    base = (PriorTherapyRecord("prednisone", D("2025-01-01")),
            PriorTherapyRecord("methotrexate", D("2025-01-01")))
    found: list[tuple[PriorTherapyRecord, ...]] = [(), base]
    for drug in drugs:
        found.append((*base, PriorTherapyRecord(drug, D("2026-10-05"))))
        found.append((*base, PriorTherapyRecord(drug, None)))
        for reason, last, b_cells in itertools.product(
                ("inadequate_response", "toxicity", "benefit", "other", None),
                (None, D("2026-10-20"), D("2026-01-10")), (None, False)):
            found.append((*base, PriorTherapyRecord(drug, D("2025-03-01"), D("2026-10-20"),
                                                    reason, last, b_cells)))
    found.append((PriorTherapyRecord("an unlisted drug", D("2025-03-01")),))
    return found


FACTS = ({}, {"ivig": "no"}, {"ivig": "unknown"},
         {"ivig": "yes", "ivig_use": "current", "ivig_for_skin_disease": "yes"},
         {"ivig": "yes", "ivig_use": "previous", "ivig_for_skin_disease": "yes"})
# (consider the exception, its reason, the reason for going ahead, reasons ticked, other)
ANSWERS = ((False, "", "", [], ""), (True, "", "", [], ""), (True, "good response", "", [], ""),
           (False, "", "letter seen", [], ""), (True, "good response", "letter seen", [], ""),
           (False, "", "", ["other"], ""), (False, "", "", ["other"], "family"),
           (False, "", "", [], "family"), (False, "", "", ["not-a-code", "other", "other"], ""))


def drafts(protocol: Protocol) -> list[EnrollmentDraft]:
    found = []
    for arm in [*protocol.arms, None]:
        arm_id = arm.id if arm is not None else ""
        options = ["", "bogus", *(arm.option_ids if arm is not None else ())]
        for option, day, (exception, reason, unknown, codes, other) in itertools.product(
                options, ("2026-11-02", "2026-11-06", "2027-03-01"), ANSWERS):
            found.append(EnrollmentDraft(
                patient_id=1, screening_id=1, protocol_id=protocol.id, enrollment_date=day,
                weight="35", height="140", measured_on=day, arm_id=arm_id, arm_option=option,
                prior_unknown_reason=unknown, consider_exception=exception,
                exception_reason=reason, choice_reasons=list(codes), choice_other=other))
    return found


def cases(protocol: Protocol, limit: int = 20_000):
    """(flow, draft) pairs: every history with every set of answers, and about ``limit``
    drafts in all (each history a different share of them: all are judged)."""
    facts = FACTS if not protocol.prior_therapy_rules else FACTS[:3]
    flows = [EnrollmentFlow(protocol, f, TODAY, D("2026-11-01"), history)
             for history in (histories(protocol) if protocol.prior_therapy_rules else [()])
             for f in facts]
    every = drafts(protocol)
    step = max(1, len(flows) * len(every) // limit)
    for index, flow in enumerate(flows):
        for draft in every[index % step::step]:
            yield flow, draft


@pytest.mark.parametrize("plan_id", sorted(protocol_catalog().protocols))
def test_the_arm_checks_say_what_they_said_before(plan_id):
    protocol = protocol_catalog().protocols[plan_id]
    compared = 0
    for flow, draft in cases(protocol):
        problems = flow.arm_problems(draft)
        former = former_arm_problems(flow, draft)
        assert problems == former
        assert list(problems) == list(former)  # the same keys in the same order
        assert all(type(p) is Sentence for p in problems.values())
        compared += 1
    assert compared > 500


def test_every_arm_sentence_is_reached_by_the_cases():
    said = set()
    for protocol in protocol_catalog().protocols.values():
        for flow, draft in cases(protocol, 5_000):
            said |= {getattr(p.phrase, "template", "(reasons)")
                     for p in flow.arm_problems(draft).values()}
    assert {enrollment_sentences.ARM_NEEDED, enrollment_sentences.OPTION_NEEDED,
            enrollment_sentences.PRIOR_NOT_MET_UNTIL, enrollment_sentences.PRIOR_UNKNOWN,
            enrollment_sentences.ARM_CLOSED, enrollment_sentences.ARM_CLOSED_EXCEPTION,
            enrollment_sentences.EXCEPTION_REASON_NEEDED, "(reasons)"} <= said


@pytest.mark.parametrize("plan_id", sorted(protocol_catalog().protocols))
def test_the_prior_therapy_reasons_on_the_enrollment_date_say_what_they_said(plan_id):
    """Every reason of every rule, judged on two days: the enrollment-date sentences'
    English is the former text with "screening date" re-worded."""
    protocol = protocol_catalog().protocols[plan_id]
    for history in histories(protocol):
        for arm in protocol.arms:
            for option, day in itertools.product((None, *arm.option_ids),
                                                 (D("2026-11-02"), D("2027-03-01"))):
                result = evaluate_arm(protocol, arm.id, history, day, option)
                reasons = tuple(r for f in result.findings for r in f.reasons)
                assert at_enrollment(reasons) == former_at_enrollment(reasons)


@pytest.mark.parametrize(("codes", "other"), [
    ((), ""), (("other",), ""), (("other",), " "), ((), "family"), (("x", "y"), ""),
    (("other", "other"), ""), (("x", "other", "other"), "a"), (("x",), "typed")])
def test_the_choice_problems_say_what_they_said(codes, other):
    reasons = ArmChoiceReasons(codes, other)
    problems = arm_choice_problems(reasons)
    assert problems == former_choice_problems(reasons)
    assert all(type(p) is Sentence for p in problems)


@pytest.mark.parametrize(("start", "day"), [
    ("", "2026-11-02"), ("2026-13-01", "2026-11-02"), ("2026-11-01", "2026-11-02"),
    ("2026-11-02", "2026-11-02"), ("2026-11-03", "2026-11-02"), ("2026-11-01", "")])
def test_the_first_dose_date_checks_say_what_they_said(start, day):
    protocol = protocol_catalog().protocols["persistent-skin-rash"]
    flow = EnrollmentFlow(protocol, {"ivig": "no"}, TODAY, D("2026-11-01"))
    draft = EnrollmentDraft(patient_id=1, screening_id=1, protocol_id=protocol.id,
                            enrollment_date=day, weight="20", height="115",
                            measured_on="2026-11-02", arm_id="A", start_date=start)
    said = flow.dose_problems(draft).get("start_date")
    assert said == former_start_problem(draft)
    assert said is None or type(said) is Sentence


@pytest.mark.parametrize(("plan_id", "from_arm", "to_arm", "reason", "codes", "key", "english"), [
    ("persistent-skin-rash", "B", "", "", [], "to_arm",
     "The plan does not allow a switch from arm B."),
    ("persistent-skin-rash", "A", "", "", [], "to_arm", "Choose the arm to switch to: B, C."),
    ("persistent-skin-rash", "A", "Z", "", [], "to_arm", "Choose the arm to switch to: B, C."),
    ("persistent-skin-rash", "A", "B", "", [], "reason", "Choose the reason for the switch."),
    ("persistent-skin-rash", "A", "B", "benefit", [], "reason",
     "Choose the reason for the switch."),
    ("persistent-skin-rash", "A", "C", "toxicity", ["other", "x"], "choice",
     "Unknown reason code: x. Say what the other reason is."),
])
def test_the_switch_checks_say_what_they_said(plan_id, from_arm, to_arm, reason, codes, key,
                                              english):
    """The arm switch's checks, as the former f-strings wrote them."""
    from app.domain.arm_switch import SwitchDraft, switch_problems

    protocol = protocol_catalog().protocols[plan_id]
    draft = SwitchDraft(to_arm=to_arm, reason=reason, switch_date="2026-11-20", weight="22",
                        height="118", measured_on="2026-11-20", choice_reasons=codes)
    said = switch_problems(protocol, from_arm, draft, D("2026-11-02"), TODAY)[key]
    assert said == english
    assert type(said) is Sentence


def former_pulse_problem(protocol: Protocol, draft: EnrollmentDraft) -> str | None:
    """The former words of the pulse check's own refusals (a dose above its maximum is
    the dose engine's, unchanged)."""
    from app.domain.concomitant_medicines import pulse_limits

    limits = pulse_limits(protocol)
    if not limits:
        return "This plan gives no pulse methylprednisolone limit."
    if len(limits) > 1 and draft.pulse_limit_id not in {lim.id for lim in limits}:
        return "Choose the pulse schedule: " + " or ".join(lim.label for lim in limits) + "."
    return "The pulse dose must be more than zero."


@pytest.mark.parametrize("plan_id", sorted(protocol_catalog().protocols))
@pytest.mark.parametrize(("limit_id", "mg"), [("", ""), ("bogus", ""), ("", "0")])
def test_the_concomitant_checks_say_what_they_said(plan_id, limit_id, mg):
    from app.domain.concomitant_medicines import corticosteroid_problem, pulse_problem

    protocol = protocol_catalog().protocols[plan_id]
    flow = EnrollmentFlow(protocol, {"ivig": "no"}, TODAY, D("2026-11-01"))
    draft = EnrollmentDraft(patient_id=1, screening_id=1, protocol_id=protocol.id,
                            enrollment_date="2026-11-02", weight="20", height="115",
                            measured_on="2026-11-02", pulse=True, pulse_limit_id=limit_id,
                            pulse_mg=mg)
    said = pulse_problem(protocol, flow.body(draft), draft).get("pulse")
    if said is not None:
        assert said == former_pulse_problem(protocol, draft)
        assert type(said) is Sentence
    steroid = corticosteroid_problem(protocol, flow.body(draft), "10")
    assert steroid is None or steroid == ("This plan gives no daily corticosteroid limit; "
                                          "record the dose at the visit.")
