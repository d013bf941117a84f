"""The screening's sentences (app.domain.screening), each given as a Sentence: its English
is what the screening log stores (``Verdict.lines``) and the command line prints; the
interface shows its own words (app/forms/terms.py lists ``SENTENCES`` in the context
"Screening"), the plan's texts from the plan-text catalogue. %1 is a field's label or a
criterion's place ("Should have 1").
"""

from __future__ import annotations

from app.domain.protocol import CriterionGroup

DATE_NEEDED = "%1: enter a date (YYYY-MM-DD)."
DATE_AFTER_SCREENING = "%1: %2 is after the screening date %3."
CHOICE_NEEDED = "%1: choose one of the listed options."
REQUIRED_WHEN_YES = "%1: required when the answer is Yes."
REQUIRED = "%1: required."
TIMING_MET = ("%1 %2: at least %3 calendar months before the screening date %4 (met from "
              "%5).")
TIMING_NOT_MET = ("%1 %2 is less than %3 calendar months before the screening date %4: the "
                  "criterion is not met before %5.")
WHERE = {CriterionGroup.REQUIRED: "Should have %1", CriterionGroup.ALLOWED: "May have %1",
         CriterionGroup.EXCLUSION: "Should not have %1"}
RECORDED = "Recorded: %1. %2"
ANSWERED = {"yes": "answered Yes", "no": "answered No", "unknown": "answered Unknown"}
LEFT_BLANK = "“%1” left blank"
FILLED_IN = "“%1” filled in"
BELOW = "“%1” %2 (below %3)"
RECORDED_AS = "“%1”: %2"
TICKED = {True: "yes", False: "no"}
CONTRADICTION = "Contradiction (%1): %2"
CONTRADICTION_PROVISIONAL = "Contradiction (%1) (provisional rule): %2"
QUERY = "Query (%1): %2"
QUERY_PROVISIONAL = "Query (%1) (provisional rule): %2"
UNKNOWN_HAS = "Unknown (%1): not known whether the patient has: %2"
UNKNOWN_FREE_OF = "Unknown (%1): not known whether the patient is free of: %2"
NOT_MET = "Not met (%1): %2"
EXCLUSION_PRESENT = "Exclusion present (%1): %2"
CAUTION_NOTE = "%1: %2"
PRIOR_NOT_EVALUATED = ("Prior therapies: not evaluated. Record the prior-therapy history and "
                       "screen again.")
SCREENING_DATE_NEEDED = "Enter the screening date (YYYY-MM-DD)."
SCREENING_DATE_FUTURE = "The screening date %1 is in the future."
# An arm closed by a screening answer (app.domain.enrollment.arm_choices): the plan's rule,
# then the detail's label and the answer recorded.
CLOSED_BY_ANSWER = '%1 The screening recorded: "%2" %3.'
# An arm rule whose screening answer is unknown (arm_choices' cautions): the plan's rule
NOT_KNOWN_IF_APPLIES = "Not known whether this applies: %1 Confirm before choosing this arm."
SENTENCES = (DATE_NEEDED, DATE_AFTER_SCREENING, CHOICE_NEEDED, REQUIRED_WHEN_YES, REQUIRED,
             TIMING_MET, TIMING_NOT_MET, *WHERE.values(), RECORDED, *ANSWERED.values(),
             LEFT_BLANK, FILLED_IN, BELOW, RECORDED_AS, *TICKED.values(), CONTRADICTION,
             CONTRADICTION_PROVISIONAL, QUERY, QUERY_PROVISIONAL, UNKNOWN_HAS,
             UNKNOWN_FREE_OF, NOT_MET, EXCLUSION_PRESENT, CAUTION_NOTE, PRIOR_NOT_EVALUATED,
             SCREENING_DATE_NEEDED, SCREENING_DATE_FUTURE, CLOSED_BY_ANSWER,
             NOT_KNOWN_IF_APPLIES, ", ")
