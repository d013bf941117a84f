"""The enrollment wizard's checks (app.domain.enrollment, the arm and dose pages) and the
arm-choice reasons' problems (app.domain.treatment_course_record), each given as a
Sentence: its English is what the command line, the import and a refused save say; the
interface shows its own words (app/forms/terms.py lists ``SENTENCES`` in the context
"Enrollment check"). A date is ISO (the interface writes it in its language); an arm
option's label and a rule's text are plan texts (the plan-text catalogue).
"""

from __future__ import annotations

from app.domain import prior_therapy_sentences

# The arm page
ARM_NEEDED = "Choose an arm."
OPTION_NEEDED = "Choose the option for arm %1: %2."
PRIOR_NOT_MET = "Not allowed on the enrollment date %1 by the prior-therapy rules: %2"
PRIOR_NOT_MET_UNTIL = ("Not allowed on the enrollment date %1 (boundary date %2) by the prior-"
                       "therapy rules: %3")
PRIOR_UNKNOWN = ("Some prior-therapy rules cannot be checked: %1 Give the treating team's "
                 "reason for going ahead.")
ARM_CLOSED = "Arm %1 is not available: %2"
ARM_CLOSED_EXCEPTION = ("Arm %1 is not available: %2 Tick the exception in arm %1's box above "
                        "if it applies.")
EXCEPTION_REASON_NEEDED = "Give the reason for using this exception."
# The doses page
FIRST_DOSE_DATE_NEEDED = "Enter the first dose date (YYYY-MM-DD)."
FIRST_DOSE_BEFORE_ENROLLMENT = "The first dose cannot be before the enrollment date."
# The concomitant medicines page (app.domain.concomitant_medicines)
NO_PULSE_LIMIT = "This plan gives no pulse methylprednisolone limit."
PULSE_SCHEDULE_NEEDED = "Choose the pulse schedule: %1."
PULSE_OR = " or "  # between the pulse schedules offered
PULSE_NOT_POSITIVE = "The pulse dose must be more than zero."
NO_STEROID_LIMIT = "This plan gives no daily corticosteroid limit; record the dose at the visit."
# The arm switch (app.domain.arm_switch)
NO_SWITCH = "The plan does not allow a switch from arm %1."
SWITCH_ARM_NEEDED = "Choose the arm to switch to: %1."
SWITCH_REASON_NEEDED = "Choose the reason for the switch."
# Why an arm was chosen (the reasons ticked), on the arm page and in the arm switch
UNKNOWN_REASON_CODE = "Unknown reason code: %1."
REASON_TWICE = "A reason is listed twice."
OTHER_REASON_NEEDED = "Say what the other reason is."
OTHER_NOT_TICKED = "Text was typed for another reason but \"Other\" is not ticked."

# The prior-therapy rules' reasons name the day they judge "the screening date"; judged on
# the enrollment date (the arm page), the same sentences name that day instead.
ON_ENROLLMENT_DATE = {
    template: template.replace("screening date", "enrollment date")
    for template in prior_therapy_sentences.SENTENCES if "screening date" in template}

SENTENCES = (ARM_NEEDED, OPTION_NEEDED, PRIOR_NOT_MET, PRIOR_NOT_MET_UNTIL, PRIOR_UNKNOWN,
             ARM_CLOSED, ARM_CLOSED_EXCEPTION, EXCEPTION_REASON_NEEDED, FIRST_DOSE_DATE_NEEDED,
             FIRST_DOSE_BEFORE_ENROLLMENT, NO_PULSE_LIMIT, PULSE_SCHEDULE_NEEDED, PULSE_OR,
             PULSE_NOT_POSITIVE, NO_STEROID_LIMIT, NO_SWITCH, SWITCH_ARM_NEEDED,
             SWITCH_REASON_NEEDED, UNKNOWN_REASON_CODE, REASON_TWICE, OTHER_REASON_NEEDED,
             OTHER_NOT_TICKED, *ON_ENROLLMENT_DATE.values())
