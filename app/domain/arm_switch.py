"""Arm switch: the dialog's draft, the arms the current one may move to, its checks and
the plan to save (seed 000, Table 2, rule 2c).

Plain Python; the arm-switch dialog only maps widgets to the draft. The new arm's weight,
height and doses are checked as at enrollment (``app.domain.measurements``,
``app.domain.planned_doses``); ``app.db.enrollments.switch_arm`` saves the plan.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.domain import enrollment_sentences as said
from app.domain.body import BodyMeasurements
from app.domain.enrollment import birth_date, draft_choice, option_problem
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
from app.domain.phrases import sentence, sentences
from app.domain.planned_doses import DoseEntry, PlannedDose, dose_key, plan_arm_doses
from app.domain.protocol import ArmRuleKind, Protocol
from app.domain.screening import parse_iso_date
from app.domain.treatment_course_record import (
    ArmChoiceReasons,
    arm_choice_problems,
    normalised_reasons,
)

SWITCH_REASONS = {
    "inadequate_response": "Inadequate response",
    "toxicity": "Toxicity",
}

# The switch date judged (app/forms/terms.py lists them in "Date check"): dates ISO.
ENTER_SWITCH_DATE = "Enter the date of the switch (YYYY-MM-DD)."
SWITCH_IN_FUTURE = "The switch date %1 is in the future."
SWITCH_BEFORE_ARM = "The switch date cannot be before the current arm started (%1)."
SWITCH_DATE_SENTENCES = (ENTER_SWITCH_DATE, SWITCH_IN_FUTURE, SWITCH_BEFORE_ARM)


@dataclass
class SwitchDraft:
    """What the arm-switch dialog edits (seed 000, Table 2, rule 2c)."""

    to_arm: str = ""
    arm_option: str = ""
    reason: str = ""  # inadequate_response | toxicity
    switch_date: str = ""
    notes: str = ""
    weight: str = ""
    weight_unit: str = "kg"
    height: str = ""
    height_unit: str = "cm"
    measured_on: str = ""
    doses: dict[str, DoseEntry] = field(default_factory=dict)
    measures_confirmed: bool = False
    choice_reasons: list[str] = field(default_factory=list)
    choice_other: str = ""


@dataclass(frozen=True)
class SwitchPlan:
    from_arm: str
    to_arm: str
    reason: str
    switch_date: date
    notes: str
    body: BodyMeasurements
    weight_unit: str
    height_unit: str
    doses: tuple[PlannedDose, ...]
    arm_option: str = ""
    choice: ArmChoiceReasons = ArmChoiceReasons()


def switch_targets(protocol: Protocol, from_arm: str) -> dict[str, tuple[str, ...]]:
    """{arm id: allowed reasons} the current arm may move to (``may_switch_to`` rules)."""
    targets: dict[str, tuple[str, ...]] = {}
    for rule in protocol.arm(from_arm).rules_of(ArmRuleKind.MAY_SWITCH_TO):
        for arm_id in rule.arms:
            targets[arm_id] = rule.reasons
    return targets
def switch_problems(protocol: Protocol, from_arm: str, draft: SwitchDraft, current_start: date,
                    today: date, subject: GrowthSubject | None = None,
                    reference: GrowthReference | None = None) -> dict[str, str]:
    problems: dict[str, str] = {}
    targets = switch_targets(protocol, from_arm)
    if not targets:
        return {"to_arm": sentence(said.NO_SWITCH, from_arm)}
    if draft.to_arm not in targets:
        problems["to_arm"] = sentence(said.SWITCH_ARM_NEEDED, ", ".join(sorted(targets)))
    else:
        if draft.reason not in targets[draft.to_arm]:
            problems["reason"] = sentence(said.SWITCH_REASON_NEEDED)
        reasons = arm_choice_problems(draft_choice(draft))
        if reasons:
            problems["choice"] = sentences(" ", reasons)
        problem = option_problem(protocol, draft.to_arm, draft.arm_option)
        if problem:
            problems["arm_option"] = problem
    day = parse_iso_date(draft.switch_date)
    if day is None:
        problems["switch_date"] = sentence(ENTER_SWITCH_DATE)
    elif day > today:
        problems["switch_date"] = sentence(SWITCH_IN_FUTURE, day.isoformat())
    elif day < current_start:
        problems["switch_date"] = sentence(SWITCH_BEFORE_ARM, current_start.isoformat())
    problems.update(measurement_problems(
        draft.weight, draft.weight_unit, draft.height, draft.height_unit, draft.measured_on,
        day or today, protocol_needs_height(protocol)))
    hints, warnings = measurement_plausibility(
        draft.weight, draft.weight_unit, draft.height, draft.height_unit, draft.measured_on,
        subject, reference)
    problems = plausibility_problems(hints, warnings, problems, draft.measures_confirmed)
    if not problems:
        body = read_body(draft.weight, draft.weight_unit, draft.height, draft.height_unit,
                         draft.measured_on)
        for planned in plan_arm_doses(protocol, draft.to_arm, body, draft.doses, day,
                                      draft.arm_option, birth_date(subject)):
            if planned.problem:
                problems[dose_key(planned.result)] = planned.problem
    return problems


def finalise_switch(protocol: Protocol, from_arm: str, draft: SwitchDraft, current_start: date,
                    today: date, subject: GrowthSubject | None = None,
                    reference: GrowthReference | None = None) -> SwitchPlan:
    problems = switch_problems(protocol, from_arm, draft, current_start, today, subject,
                               reference)
    if problems:
        field_name, message = next(iter(problems.items()))
        raise InputError(field_name, message)
    day = parse_iso_date(draft.switch_date)
    assert day is not None
    body = read_body(draft.weight, draft.weight_unit, draft.height, draft.height_unit,
                     draft.measured_on)
    notes = draft.notes.strip()
    arm = protocol.arm(draft.to_arm)
    if arm.options and draft.arm_option:
        notes = f"Option: {arm.option(draft.arm_option).label}. {notes}".strip()
    _hints, warnings = measurement_plausibility(
        draft.weight, draft.weight_unit, draft.height, draft.height_unit, draft.measured_on,
        subject, reference)
    if warnings:
        notes = f"{notes} {describe_confirmed(warnings)}".strip()
    return SwitchPlan(from_arm, draft.to_arm, draft.reason, day, notes, body,
                      draft.weight_unit, draft.height_unit,
                      tuple(plan_arm_doses(protocol, draft.to_arm, body, draft.doses, day,
                                           draft.arm_option, birth_date(subject))),
                      draft.arm_option,
                      normalised_reasons(draft_choice(draft)))
