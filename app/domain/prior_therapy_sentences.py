"""The prior-therapy rules' sentences (app.domain.prior_therapy, and the screening's summary
of them, app.domain.screening_prior_therapy), each given as a Sentence: its English is what
the screening stores with its answers and the command line prints; the interface shows its
own words (app/forms/terms.py lists ``SENTENCES`` in the screening's context "Screening").
A drug is a DrugName, a date ISO (the interface writes it in its language), a rule's text
and an arm option's label a plan text (the plan-text catalogue).
"""

from __future__ import annotations

# A therapy as recorded (PriorTherapyRecord.describe): the drug, then its facts
DESCRIBED = "%1 (%2)"
STARTED = "started %1"
START_NOT_RECORDED = "start date not recorded"
ONGOING = "ongoing"
STOPPED = "stopped %1"
STOPPED_UNDATED = "stopped (date not recorded)"
STOPPED_FOR = "%1 for %2"
STOPPED_WHY_UNKNOWN = "%1; %2"
REASON_NOT_RECORDED = "reason not recorded"
LAST_DOSE = "last dose %1"
B_CELLS = {True: "B cells detectable", False: "B cells not detectable"}
# Why a therapy was stopped (app.domain.protocol.REASONS_STOPPED) in words
REASON_LABELS = {
    "inadequate_response": "inadequate response",
    "toxicity": "toxicity",
    "benefit": "benefit (stopped while it was helping)",
    "other": "another reason",
}
# Drugs named in a rule: "a or b", "a, b or c" (the first part joined by ", ")
EITHER = "%1 or %2"
MONTH = "1 calendar month"
MONTHS = "%1 calendar months"
HALF_LIVES = "%1–%2 half-lives"
LONGER_OF = "%1 or %2, whichever is longer"
STATUS = {"seed": "seed", "published": "published", "provisional": "provisional"}

REQUIRED_RECORDED = "Recorded: %1."
REQUIRED_MISSING = ("No %1 is recorded in the prior-therapy history. Add it (drug, start, "
                    "stop, why stopped) before this can be checked.")

# Washout: its alternatives (by month, by half-lives), the longer first
BY_MONTHS = "%1: complete on %2"
BY_HALF_LIVES = "%1 (%2): %3"
HALF_LIFE = "half-life of %1 %2 days, %3: %4"
HALF_LIFE_DAYS = "%1–%2 days, complete on %3 (%4) to %5 (%6)"
NO_HALF_LIFE = ("the half-life of %1 is not in this plan's data, so the %2 alternative "
                "cannot be worked out")
ALTERNATIVES = " Washout alternatives, the longer first: %1."
STILL_GIVEN = ("%1 is still being given. It must be stopped and the last dose be at least %2 "
               "before the screening date.")
NO_LAST_DOSE = "%1: the last-dose date is not recorded, so the washout of %2 cannot be checked."
HALF_LIFE_UNKNOWN = ("%1: last dose %2; %3. %4 alone would be complete on %5. The treating "
                     "team decides and records why.")
WASHOUT_AFTER = ("%1: last dose %2; the washout (%3) is complete on %4, after the screening "
                 "date %5.%6")
WASHOUT_SHORT = ("%1: last dose %2 is less than %3 before the screening date %4; the washout "
                 "is complete on %5.")
WASHOUT_DONE = "%1: last dose %2, at least %3 before the screening date %4 (complete from %5)"
WASHOUT_MET = ("%1: last dose %2, at least %3 before the screening date %4 (complete from "
               "%5).%6")
B_CELLS_NOT_RECORDED = "%1, but whether B cells are detectable is not recorded."
B_CELLS_NOT_YET = "%1, but B cells are not yet detectable."
B_CELLS_BACK = "%1, and B cells are detectable (check that the B-cell result is recent)."
NO_STOPPED = "No stopped %1 in the history."

# Failure of the same drug, or of the same agent
FAILURE_EXCLUDES = "%1: a prior failure of %2 excludes this arm."
BENEFIT_ALLOWS = "%1: prior benefit from %2 allows this arm."
WHY_NOT_RECORDED = ("%1: why %2 was stopped is not recorded; a prior failure would exclude "
                    "this arm.")
FAILURE_UNSAID = ("%1: the plan does not say whether stopping for %2 counts as failure. The "
                  "treating team decides and records why.")
NOT_STOPPED = "%1 not stopped before."
BENEFIT_ANY_DRUG = "%1: prior benefit allows this arm with any of its drugs."
DIFFERENT_AGENT = "%1: %2 is a different agent, which is allowed."
CHOOSE_OTHER = "%1: choose %2 (a different agent) in this arm."
CHOOSE_OTHER_OR_DECIDE = ("%1: choose %2 (a different agent) in this arm; or decide whether "
                          "re-using %3 is acceptable and record why.")
SAME_AGENT = ("%1: after a failure of %2 this arm is open only with a different agent, and the "
              "chosen option gives the same one.")
WHY_STOPPED_UNKNOWN = "why it was stopped is not recorded"
STOPPING_UNSAID = "the plan does not say whether stopping for %1 counts as failure"
SAME_AGAIN = ("%1: the chosen option gives %2 again and %3. The treating team decides and "
              "records why.")

# Enrolment soon after starting the arm's own biologic
START_NEEDED = "%1: the start date is needed to check the %2 limit after starting."
WITHIN = ("%1 started %2: enrolment is possible up to %3 (%4 after starting); the screening "
          "date %5 is within it.")
NOT_WITHIN = "%1 started %2, more than %3 before the screening date %4 (the limit was %5)."
NOT_STARTED = "%1 not yet started: the limit after starting does not apply."

ALL_KNOWN = "Every drug in the history is in this plan's lists."
NOT_KNOWN = ("%1: not in this plan's drug lists, so no washout or failure rule was applied to "
             "it. The treating team decides whether a rule applies and records why.")
STARTS_LATER = "%1: starts after the screening date %2; not used for this screening."

# The screening's summary (app.domain.screening_prior_therapy)
WASHOUT_LIMIT = "washout complete on %1"
ENROL_LIMIT = "enrol no later than %1"
PLAN_WIDE = "Prior therapy: %1 %2"
ARM = "Arm %1"
ARM_OPTION = "Arm %1, option %2"
CLOSED = "%1 is closed by the prior therapies: %2"
CLOSED_UNTIL = "%1 is closed by the prior therapies (%2): %3"
TO_CHECK = "%1: to check before enrolling: %2"
ALL_CLOSED = ("Prior therapies: every arm of this plan is closed by the recorded history (see "
              "the arms listed below).")
PROVISIONAL = "The prior-therapy rules are provisional — verify against the published plan."

SENTENCES = (DESCRIBED, STARTED, START_NOT_RECORDED, ONGOING, STOPPED, STOPPED_UNDATED,
             STOPPED_FOR, STOPPED_WHY_UNKNOWN, REASON_NOT_RECORDED, LAST_DOSE,
             *B_CELLS.values(), *REASON_LABELS.values(), EITHER, MONTH, MONTHS, HALF_LIVES,
             LONGER_OF, *STATUS.values(), REQUIRED_RECORDED, REQUIRED_MISSING, BY_MONTHS,
             BY_HALF_LIVES,
             HALF_LIFE, HALF_LIFE_DAYS, NO_HALF_LIFE, ALTERNATIVES, STILL_GIVEN, NO_LAST_DOSE,
             HALF_LIFE_UNKNOWN, WASHOUT_AFTER, WASHOUT_SHORT, WASHOUT_DONE, WASHOUT_MET,
             B_CELLS_NOT_RECORDED, B_CELLS_NOT_YET, B_CELLS_BACK, NO_STOPPED, FAILURE_EXCLUDES,
             BENEFIT_ALLOWS, WHY_NOT_RECORDED, FAILURE_UNSAID, NOT_STOPPED, BENEFIT_ANY_DRUG,
             DIFFERENT_AGENT, CHOOSE_OTHER, CHOOSE_OTHER_OR_DECIDE, SAME_AGENT,
             WHY_STOPPED_UNKNOWN, STOPPING_UNSAID, SAME_AGAIN, START_NEEDED, WITHIN, NOT_WITHIN,
             NOT_STARTED, ALL_KNOWN, NOT_KNOWN, STARTS_LATER, WASHOUT_LIMIT, ENROL_LIMIT,
             PLAN_WIDE, ARM, ARM_OPTION, CLOSED, CLOSED_UNTIL, TO_CHECK, ALL_CLOSED,
             PROVISIONAL, "; ")
