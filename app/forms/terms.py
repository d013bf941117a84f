"""Words defined once in app/domain (English, the data standard of the exports) that the
interface shows translated: listed here so ``pyside6-lupdate`` collects them, and read
through ``term(context, text)``. tests/forms/test_french.py checks that every label of
the domain tables below is listed, so a new one cannot stay English by accident.

Instrument names keep their published acronyms (CMAS, CHAQ, MMT8): the French-Canadian
CHAQ and the French CMAS are cited by the same acronyms.

The French of these words (resources/translations/jdm_ctp_fr.ts) is the project's own
translation, not checked by a French-speaking clinician; none is a validated French
version of an instrument (see the CHAQ note at INSTRUMENT_ITEM). The skin answers are
nouns ("présence", "aggravation") so that they agree with every finding.

One module although long: it is one list of the domain's words and sentences, entry by
entry, which the French test reads whole to check nothing shown stays English.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from app.domain.body import BodyMeasurements
from app.domain.phrases import (
    CodedWord,
    DrugName,
    Joined,
    Label,
    LineBreak,
    Lowered,
    Phrase,
    Sentence,
    Shortened,
    Typed,
    shorten,
)

PLAN_TEXT_PROPERTY = "jdm_plan_text"
# A widget whose tooltip is the plan file's English of the text it shows translated: the
# English is authoritative (the French is not checked by a clinician), shown on demand.
PLAN_ENGLISH_PROPERTY = "jdm_plan_english"
SEX = "Sex"
ANSWER = "Answer"
SECTION = "Section"
GROUP = "Criteria group"
VERDICT = "Verdict"
PAGE = "Criteria page"
EXPLANATION = "Verdict explanation"
SCREENING = "Screening"
PLAN_FILE = "Plan file"
PATIENT_CHECK = "Patient check"
RACE = "Race"
ETHNICITY = "Ethnicity"
REASON = "Reason"
VISIT_STATUS = "Visit status"
ROLE = "Role"
MEASUREMENT_CHECK = "Measurement check"
DATE_CHECK = "Date check"
DATE_LIMIT = "Date limit"
ARM_CHOICE = "Arm choice"
DOSE_DERIVATION = "Dose derivation"
GROWTH = "Growth"
DRUG = "Drug"
CONTINUING = "Continuing medicine"
INSTRUMENT_ITEM = "Instrument item"
MESSAGE = "Instrument message"
FINDING = "Instrument finding"
COHORT = "Cohort figure"
OUTCOME_ROW = "Outcome row"
WORKSHEET = "Worksheet"
COHORT_TABLE = "Cohort table"
TIS_BAND = "TIS band"
CITATION = "Citation"
ERROR = "Error message"
PASSPHRASE_CHECK = "Passphrase check"
CODED = "Coded value"
ACCOUNT_CHECK = "Account check"
SITE_CHECK = "Site list check"
FILE_HEALTH = "File health"
IMPORT_CHECK = "Import check"
USERS_CHECK = "User accounts check"
BACKUP_CHECK = "Backup check"
ACCESS_CHECK = "Access check"
OPENING = "Database opening"
SETTINGS_ROLES = "Settings and roles check"

LISTED = {
    # app.domain.patient.SEX_CHOICES
    SEX: (QT_TRANSLATE_NOOP("Sex", "Female"), QT_TRANSLATE_NOOP("Sex", "Male"),
          QT_TRANSLATE_NOOP("Sex", "Other / not stated")),
    # app.domain.disease_history.RACE_CHOICES (NIH/OMB categories)
    RACE: (QT_TRANSLATE_NOOP("Race", "American Indian or Alaska Native"),
           QT_TRANSLATE_NOOP("Race", "Asian"),
           QT_TRANSLATE_NOOP("Race", "Black or African American"),
           QT_TRANSLATE_NOOP("Race", "Native Hawaiian or Other Pacific Islander"),
           QT_TRANSLATE_NOOP("Race", "White"), QT_TRANSLATE_NOOP("Race", "More than one race"),
           QT_TRANSLATE_NOOP("Race", "Unknown"), QT_TRANSLATE_NOOP("Race", "Prefer not to say")),
    # app.domain.disease_history.ETHNICITY_CHOICES
    ETHNICITY: (QT_TRANSLATE_NOOP("Ethnicity", "Hispanic or Latino"),
                QT_TRANSLATE_NOOP("Ethnicity", "Not Hispanic or Latino"),
                QT_TRANSLATE_NOOP("Ethnicity", "Unknown"),
                QT_TRANSLATE_NOOP("Ethnicity", "Prefer not to say")),
    # app.domain.screening.ANSWER_LABELS
    ANSWER: (QT_TRANSLATE_NOOP("Answer", "Yes"), QT_TRANSLATE_NOOP("Answer", "No"),
             QT_TRANSLATE_NOOP("Answer", "Unknown")),
    # app.domain.screening.GROUP_SHORT
    GROUP: (QT_TRANSLATE_NOOP("Criteria group", "Should have"),
            QT_TRANSLATE_NOOP("Criteria group", "May have"),
            QT_TRANSLATE_NOOP("Criteria group", "Should not have")),
    # app.domain.screening.GROUP_TITLES
    PAGE: (
        QT_TRANSLATE_NOOP("Criteria page", "Patients should have (all required)"),
        QT_TRANSLATE_NOOP("Criteria page",
                          "Patients may have (recorded as baseline characteristics)"),
        QT_TRANSLATE_NOOP("Criteria page", "Patients should not have (exclusions)")),
    # app.domain.screening.VERDICT_LABELS
    VERDICT: (QT_TRANSLATE_NOOP("Verdict", "ELIGIBLE"),
              QT_TRANSLATE_NOOP("Verdict", "NOT ELIGIBLE"),
              QT_TRANSLATE_NOOP("Verdict", "NOT YET ELIGIBLE")),
    # app.domain.screening.Verdict.explanation(): its sentences, translated piece by piece
    EXPLANATION: (
        QT_TRANSLATE_NOOP("Verdict explanation",
                          "Every required criterion is met and every exclusion is absent. "
                          "The patient can be enrolled and an arm chosen."),
        QT_TRANSLATE_NOOP("Verdict explanation",
                          "No criterion has failed, but some are Unknown. Find out the missing "
                          "information and screen again."),
        QT_TRANSLATE_NOOP("Verdict explanation",
                          "The patient does not meet the criteria listed below."),
        QT_TRANSLATE_NOOP("Verdict explanation",
                          " Queries are listed below: answer them or record why; they do not "
                          "change the verdict.")),
    # app.domain.screening_sentences.SENTENCES: a screening's field problems, timing lines,
    # consistency findings and verdict lines (Sentences: screening_words)
    SCREENING: (
        QT_TRANSLATE_NOOP("Screening", "%1: enter a date (YYYY-MM-DD)."),
        QT_TRANSLATE_NOOP("Screening", "%1: %2 is after the screening date %3."),
        QT_TRANSLATE_NOOP("Screening", "%1: choose one of the listed options."),
        QT_TRANSLATE_NOOP("Screening", "%1: required when the answer is Yes."),
        QT_TRANSLATE_NOOP("Screening", "%1: required."),
        QT_TRANSLATE_NOOP("Screening",
                          "%1 %2: at least %3 calendar months before the screening date "
                          "%4 (met from %5)."),
        QT_TRANSLATE_NOOP("Screening",
                          "%1 %2 is less than %3 calendar months before the screening "
                          "date %4: the criterion is not met before %5."),
        QT_TRANSLATE_NOOP("Screening", "Should have %1"),
        QT_TRANSLATE_NOOP("Screening", "May have %1"),
        QT_TRANSLATE_NOOP("Screening", "Should not have %1"),
        QT_TRANSLATE_NOOP("Screening", "Recorded: %1. %2"),
        QT_TRANSLATE_NOOP("Screening", "answered Yes"),
        QT_TRANSLATE_NOOP("Screening", "answered No"),
        QT_TRANSLATE_NOOP("Screening", "answered Unknown"),
        QT_TRANSLATE_NOOP("Screening", "“%1” left blank"),
        QT_TRANSLATE_NOOP("Screening", "“%1” filled in"),
        QT_TRANSLATE_NOOP("Screening", "“%1” %2 (below %3)"),
        QT_TRANSLATE_NOOP("Screening", "“%1”: %2"),
        QT_TRANSLATE_NOOP("Screening", "yes"),
        QT_TRANSLATE_NOOP("Screening", "no"),
        QT_TRANSLATE_NOOP("Screening", "Contradiction (%1): %2"),
        QT_TRANSLATE_NOOP("Screening", "Contradiction (%1) (provisional rule): %2"),
        QT_TRANSLATE_NOOP("Screening", "Query (%1): %2"),
        QT_TRANSLATE_NOOP("Screening", "Query (%1) (provisional rule): %2"),
        QT_TRANSLATE_NOOP("Screening", "Unknown (%1): not known whether the patient has: %2"),
        QT_TRANSLATE_NOOP("Screening",
                          "Unknown (%1): not known whether the patient is free of: %2"),
        QT_TRANSLATE_NOOP("Screening", "Not met (%1): %2"),
        QT_TRANSLATE_NOOP("Screening", "Exclusion present (%1): %2"),
        QT_TRANSLATE_NOOP("Screening", "%1: %2"),
        QT_TRANSLATE_NOOP("Screening",
                          "Prior therapies: not evaluated. Record the prior-therapy "
                          "history and screen again."),
        QT_TRANSLATE_NOOP("Screening", "Enter the screening date (YYYY-MM-DD)."),
        QT_TRANSLATE_NOOP("Screening", "The screening date %1 is in the future."),
        QT_TRANSLATE_NOOP("Screening", "%1 The screening recorded: \"%2\" %3."),
        QT_TRANSLATE_NOOP("Screening",
                          "Not known whether this applies: %1 Confirm before choosing this arm."),
        QT_TRANSLATE_NOOP("Screening", ", "),
        # app.domain.prior_therapy_sentences.SENTENCES: the prior-therapy rules' reasons, a
        # therapy as recorded and the screening's summary of them
        QT_TRANSLATE_NOOP("Screening", "%1 (%2)"),
        QT_TRANSLATE_NOOP("Screening", "started %1"),
        QT_TRANSLATE_NOOP("Screening", "start date not recorded"),
        QT_TRANSLATE_NOOP("Screening", "ongoing"),
        QT_TRANSLATE_NOOP("Screening", "stopped %1"),
        QT_TRANSLATE_NOOP("Screening", "stopped (date not recorded)"),
        QT_TRANSLATE_NOOP("Screening", "%1 for %2"),
        QT_TRANSLATE_NOOP("Screening", "%1; %2"),
        QT_TRANSLATE_NOOP("Screening", "reason not recorded"),
        QT_TRANSLATE_NOOP("Screening", "last dose %1"),
        QT_TRANSLATE_NOOP("Screening", "B cells detectable"),
        QT_TRANSLATE_NOOP("Screening", "B cells not detectable"),
        QT_TRANSLATE_NOOP("Screening", "inadequate response"),
        QT_TRANSLATE_NOOP("Screening", "toxicity"),
        QT_TRANSLATE_NOOP("Screening", "benefit (stopped while it was helping)"),
        QT_TRANSLATE_NOOP("Screening", "another reason"),
        QT_TRANSLATE_NOOP("Screening", "%1 or %2"),
        QT_TRANSLATE_NOOP("Screening", "1 calendar month"),
        QT_TRANSLATE_NOOP("Screening", "%1 calendar months"),
        QT_TRANSLATE_NOOP("Screening", "%1–%2 half-lives"),
        QT_TRANSLATE_NOOP("Screening", "%1 or %2, whichever is longer"),
        QT_TRANSLATE_NOOP("Screening", "seed"),
        QT_TRANSLATE_NOOP("Screening", "published"),
        QT_TRANSLATE_NOOP("Screening", "provisional"),
        QT_TRANSLATE_NOOP("Screening", "Recorded: %1."),
        QT_TRANSLATE_NOOP("Screening",
                          "No %1 is recorded in the prior-therapy history. Add it (drug, start, "
                          "stop, why stopped) before this can be checked."),
        QT_TRANSLATE_NOOP("Screening", "%1: complete on %2"),
        QT_TRANSLATE_NOOP("Screening", "%1 (%2): %3"),
        QT_TRANSLATE_NOOP("Screening", "half-life of %1 %2 days, %3: %4"),
        QT_TRANSLATE_NOOP("Screening", "%1–%2 days, complete on %3 (%4) to %5 (%6)"),
        QT_TRANSLATE_NOOP("Screening",
                          "the half-life of %1 is not in this plan's data, so the %2 alternative "
                          "cannot be worked out"),
        QT_TRANSLATE_NOOP("Screening", " Washout alternatives, the longer first: %1."),
        QT_TRANSLATE_NOOP("Screening",
                          "%1 is still being given. It must be stopped and the last dose be at "
                          "least %2 before the screening date."),
        QT_TRANSLATE_NOOP("Screening",
                          "%1: the last-dose date is not recorded, so the washout of %2 cannot be "
                          "checked."),
        QT_TRANSLATE_NOOP("Screening",
                          "%1: last dose %2; %3. %4 alone would be complete on %5. The treating "
                          "team decides and records why."),
        QT_TRANSLATE_NOOP("Screening",
                          "%1: last dose %2; the washout (%3) is complete on %4, after the "
                          "screening date %5.%6"),
        QT_TRANSLATE_NOOP("Screening",
                          "%1: last dose %2 is less than %3 before the screening date %4; the "
                          "washout is complete on %5."),
        QT_TRANSLATE_NOOP("Screening",
                          "%1: last dose %2, at least %3 before the screening date %4 (complete "
                          "from %5)"),
        QT_TRANSLATE_NOOP("Screening",
                          "%1: last dose %2, at least %3 before the screening date %4 (complete "
                          "from %5).%6"),
        QT_TRANSLATE_NOOP("Screening", "%1, but whether B cells are detectable is not recorded."),
        QT_TRANSLATE_NOOP("Screening", "%1, but B cells are not yet detectable."),
        QT_TRANSLATE_NOOP("Screening",
                          "%1, and B cells are detectable (check that the B-cell result is "
                          "recent)."),
        QT_TRANSLATE_NOOP("Screening", "No stopped %1 in the history."),
        QT_TRANSLATE_NOOP("Screening", "%1: a prior failure of %2 excludes this arm."),
        QT_TRANSLATE_NOOP("Screening", "%1: prior benefit from %2 allows this arm."),
        QT_TRANSLATE_NOOP("Screening",
                          "%1: why %2 was stopped is not recorded; a prior failure would exclude "
                          "this arm."),
        QT_TRANSLATE_NOOP("Screening",
                          "%1: the plan does not say whether stopping for %2 counts as failure. "
                          "The treating team decides and records why."),
        QT_TRANSLATE_NOOP("Screening", "%1 not stopped before."),
        QT_TRANSLATE_NOOP("Screening", "%1: prior benefit allows this arm with any of its drugs."),
        QT_TRANSLATE_NOOP("Screening", "%1: %2 is a different agent, which is allowed."),
        QT_TRANSLATE_NOOP("Screening", "%1: choose %2 (a different agent) in this arm."),
        QT_TRANSLATE_NOOP("Screening",
                          "%1: choose %2 (a different agent) in this arm; or decide whether "
                          "re-using %3 is acceptable and record why."),
        QT_TRANSLATE_NOOP("Screening",
                          "%1: after a failure of %2 this arm is open only with a different "
                          "agent, and the chosen option gives the same one."),
        QT_TRANSLATE_NOOP("Screening", "why it was stopped is not recorded"),
        QT_TRANSLATE_NOOP("Screening",
                          "the plan does not say whether stopping for %1 counts as failure"),
        QT_TRANSLATE_NOOP("Screening",
                          "%1: the chosen option gives %2 again and %3. The treating team decides "
                          "and records why."),
        QT_TRANSLATE_NOOP("Screening",
                          "%1: the start date is needed to check the %2 limit after starting."),
        QT_TRANSLATE_NOOP("Screening",
                          "%1 started %2: enrolment is possible up to %3 (%4 after starting); the "
                          "screening date %5 is within it."),
        QT_TRANSLATE_NOOP("Screening",
                          "%1 started %2, more than %3 before the screening date %4 (the limit "
                          "was %5)."),
        QT_TRANSLATE_NOOP("Screening",
                          "%1 not yet started: the limit after starting does not apply."),
        QT_TRANSLATE_NOOP("Screening", "Every drug in the history is in this plan's lists."),
        QT_TRANSLATE_NOOP("Screening",
                          "%1: not in this plan's drug lists, so no washout or failure rule was "
                          "applied to it. The treating team decides whether a rule applies and "
                          "records why."),
        QT_TRANSLATE_NOOP("Screening",
                          "%1: starts after the screening date %2; not used for this screening."),
        QT_TRANSLATE_NOOP("Screening", "washout complete on %1"),
        QT_TRANSLATE_NOOP("Screening", "enrol no later than %1"),
        QT_TRANSLATE_NOOP("Screening", "Prior therapy: %1 %2"),
        QT_TRANSLATE_NOOP("Screening", "Arm %1"),
        QT_TRANSLATE_NOOP("Screening", "Arm %1, option %2"),
        QT_TRANSLATE_NOOP("Screening", "%1 is closed by the prior therapies: %2"),
        QT_TRANSLATE_NOOP("Screening", "%1 is closed by the prior therapies (%2): %3"),
        QT_TRANSLATE_NOOP("Screening", "%1: to check before enrolling: %2"),
        QT_TRANSLATE_NOOP("Screening",
                          "Prior therapies: every arm of this plan is closed by the recorded "
                          "history (see the arms listed below)."),
        QT_TRANSLATE_NOOP("Screening",
                          "The prior-therapy rules are provisional — verify against the "
                          "published plan."),
        QT_TRANSLATE_NOOP("Screening", "; ")),
    # app.domain.protocol.loading.SENTENCES: why a plan file is refused (the Treatment
    # plans window; the command line prints the English)
    PLAN_FILE: (
        QT_TRANSLATE_NOOP("Plan file", "the file is not UTF-8 text (%1)"),
        QT_TRANSLATE_NOOP("Plan file", "TOML syntax error: %1"),
        QT_TRANSLATE_NOOP("Plan file",
                          "lists or tables are nested too deeply (more than %1 levels)"),
        QT_TRANSLATE_NOOP("Plan file", "not a regular file (%1); only regular files are read"),
        QT_TRANSLATE_NOOP("Plan file", "cannot read the file: %1"),
        QT_TRANSLATE_NOOP("Plan file", "the file is larger than %1 bytes (1 MiB)"),
        QT_TRANSLATE_NOOP("Plan file", "cannot list the folder: %1"),
        QT_TRANSLATE_NOOP("Plan file", "the loader failed on this file (%1); the other files "
                          "are unaffected; please report it"),
        QT_TRANSLATE_NOOP("Plan file", "protocol id \"%1\" is already defined by %2 in the "
                          "same folder"),
        QT_TRANSLATE_NOOP("Plan file", "\"%1\" version \"%2\" is the shipped plan (%3); a site "
                          "file may not reuse a shipped plan's id and version: give the site "
                          "plan its own version"),
        QT_TRANSLATE_NOOP("Plan file", "a folder"), QT_TRANSLATE_NOOP("Plan file", "a FIFO"),
        QT_TRANSLATE_NOOP("Plan file", "a device"), QT_TRANSLATE_NOOP("Plan file", "a socket"),
        QT_TRANSLATE_NOOP("Plan file", "not a plain file"),
        QT_TRANSLATE_NOOP("Plan file", "unknown key \"%1\" (allowed here: %2)"),
        QT_TRANSLATE_NOOP("Plan file", "is missing (required)"),
        # app.domain.protocol.dose_refusals.SENTENCES: a dose rule's keys refused
        QT_TRANSLATE_NOOP("Plan file",
                          "is missing: this amount rises without limit with weight or body "
                          "surface area, so it needs a cap (its maximum), or uncapped = true "
                          "with uncapped_reason"),
        QT_TRANSLATE_NOOP("Plan file", "a rule with a cap is not uncapped: keep one of them"),
        QT_TRANSLATE_NOOP("Plan file", "is missing (say why this rule has no cap)"),
        QT_TRANSLATE_NOOP("Plan file", "given without uncapped = true"),
        QT_TRANSLATE_NOOP("Plan file", "a dose range is given only on a top-level rule"),
        QT_TRANSLATE_NOOP("Plan file", "amount_max %1 must be above amount %2"),
        QT_TRANSLATE_NOOP("Plan file", "a dose range cannot also be at_least"),
        QT_TRANSLATE_NOOP("Plan file", "the cap (maximum) %1 is below the minimum %2"),
        QT_TRANSLATE_NOOP("Plan file", "the cap %1 is below the fixed amount %2"),
        QT_TRANSLATE_NOOP("Plan file", "the minimum %1 is above the fixed amount %2"),
        QT_TRANSLATE_NOOP("Plan file",
                          "%1 %2%3 is above %4 mg%3, the largest amount this application "
                          "accepts in any plan (a bound for every drug, not this drug's dose)"),
        QT_TRANSLATE_NOOP("Plan file",
                          "%1 %2%3 is below %4 mg%3, the smallest amount this application "
                          "accepts in any plan (a bound for every drug, not this drug's dose)")),
    # app.domain.patient.validate_patient_fields: its fixed messages
    PATIENT_CHECK: (
        QT_TRANSLATE_NOOP("Patient check", "Study id is required."),
        QT_TRANSLATE_NOOP("Patient check",
                          "Study id may use only letters, digits, '-' and '_' (up to 32 "
                          "characters), starting with a letter or digit."),
        QT_TRANSLATE_NOOP("Patient check", "Family name is required."),
        QT_TRANSLATE_NOOP("Patient check", "Given name is required."),
        QT_TRANSLATE_NOOP("Patient check", "Date of birth is required."),
        QT_TRANSLATE_NOOP("Patient check", "Choose the patient's sex.")),
    # app.domain.visit_form.SECTION_LABELS (the instrument registry's labels)
    SECTION: (QT_TRANSLATE_NOOP("Section", "Global assessments"),
              QT_TRANSLATE_NOOP("Section", "CMAS"), QT_TRANSLATE_NOOP("Section", "CHAQ"),
              QT_TRANSLATE_NOOP("Section", "MMT8"),
              QT_TRANSLATE_NOOP("Section", "Muscle enzymes"),
              QT_TRANSLATE_NOOP("Section", "Skin detail"),
              QT_TRANSLATE_NOOP("Section", "CDASI activity"),
              QT_TRANSLATE_NOOP("Section", "Sun protection"), QT_TRANSLATE_NOOP("Section", "MRI"),
              QT_TRANSLATE_NOOP("Section", "Autoantibodies"),
              QT_TRANSLATE_NOOP("Section", "Medications"),
              QT_TRANSLATE_NOOP("Section", "Steroid exposure"),
              QT_TRANSLATE_NOOP("Section", "Adverse events"),
              QT_TRANSLATE_NOOP("Section", "Response")),
    # why an arm began or a therapy stopped: app.domain.arm_switch.SWITCH_REASONS, the
    # codes of app.domain.protocol.prior_therapy_rules.REASONS_STOPPED, in words
    REASON: (QT_TRANSLATE_NOOP("Reason", "Initial"),
             QT_TRANSLATE_NOOP("Reason", "Inadequate response"),
             QT_TRANSLATE_NOOP("Reason", "Toxicity"), QT_TRANSLATE_NOOP("Reason", "Benefit"),
             QT_TRANSLATE_NOOP("Reason", "Other"),
             # app.domain.treatment_course_record.END_REASONS: why a treatment stopped
             QT_TRANSLATE_NOOP("Reason", "Remission"),
             QT_TRANSLATE_NOOP("Reason", "Family choice"),
             # treatment_course_record.OTHER_REASON: "other" with what was typed
             QT_TRANSLATE_NOOP("Reason", "other: %1")),
    # app.db.models.VISIT_STATUSES in words
    VISIT_STATUS: (QT_TRANSLATE_NOOP("Visit status", "Not started"),
                   QT_TRANSLATE_NOOP("Visit status", "Draft"),
                   QT_TRANSLATE_NOOP("Visit status", "Complete"),
                   QT_TRANSLATE_NOOP("Visit status", "Signed")),
    # app.domain.permissions.ROLE_LABELS
    ROLE: (QT_TRANSLATE_NOOP("Role", "Data entry"),
           QT_TRANSLATE_NOOP("Role", "Clinician (may sign visits)"),
           QT_TRANSLATE_NOOP("Role", "Study coordinator (may export identified data)"),
           QT_TRANSLATE_NOOP("Role", "Administrator (manages users and settings)")),
    # app.domain.treatment_course_record: ARM_CHOICE_GROUPS and ARM_CHOICE_REASONS labels
    ARM_CHOICE: (QT_TRANSLATE_NOOP("Arm choice", "Why not IVIG"),
                 QT_TRANSLATE_NOOP("Arm choice", "Why escalate to a biologic"),
                 QT_TRANSLATE_NOOP("Arm choice", "IVIG intolerance"),
                 QT_TRANSLATE_NOOP("Arm choice", "IVIG not available"),
                 QT_TRANSLATE_NOOP("Arm choice", "No venous access"),
                 QT_TRANSLATE_NOOP("Arm choice", "Care provider preference"),
                 QT_TRANSLATE_NOOP("Arm choice", "Uncontrolled disease"),
                 QT_TRANSLATE_NOOP("Arm choice", "Steroid or methotrexate toxicity"),
                 QT_TRANSLATE_NOOP("Arm choice", "Steroid dependence"),
                 QT_TRANSLATE_NOOP("Arm choice", "Family request"),
                 QT_TRANSLATE_NOOP("Arm choice", "Internal organ involvement"),
                 QT_TRANSLATE_NOOP("Arm choice", "Severe ulcerative disease"),
                 # treatment_course_record.chosen_phrase: "other" with what was typed, and
                 # between the reasons
                 QT_TRANSLATE_NOOP("Arm choice", "other: %1"),
                 QT_TRANSLATE_NOOP("Arm choice", "; ")),
    # app.domain.measurements.measurement_problems: its fixed messages for empty fields
    MEASUREMENT_CHECK: (
        QT_TRANSLATE_NOOP("Measurement check", "Weight is required; nothing was entered."),
        QT_TRANSLATE_NOOP("Measurement check",
                          "Height is needed: a dose in this plan uses body surface area "
                          "(mg/m²). Enter the height in cm or inches."),
        QT_TRANSLATE_NOOP("Measurement check",
                          "Enter the date the weight was measured (YYYY-MM-DD).")),
    # the dates of an enrollment, an arm switch and a weight checked by the domain
    # (app.domain.enrollment.details_problems, arm_switch.switch_problems,
    # body.measurement_age_warning with measurements.measurement_problems' last words):
    # sentences with holes, read by date_check_words
    DATE_CHECK: (
        QT_TRANSLATE_NOOP("Date check", "Enter the enrollment date (YYYY-MM-DD)."),
        QT_TRANSLATE_NOOP("Date check", "The enrollment date %1 is in the future."),
        QT_TRANSLATE_NOOP("Date check",
                          "The enrollment date cannot be before the screening date %1."),
        QT_TRANSLATE_NOOP("Date check", "Enter the date of the switch (YYYY-MM-DD)."),
        QT_TRANSLATE_NOOP("Date check", "The switch date %1 is in the future."),
        QT_TRANSLATE_NOOP("Date check",
                          "The switch date cannot be before the current arm started (%1)."),
        QT_TRANSLATE_NOOP("Date check",
                          "This weight was measured %1 days ago (on %2); weights older than %3 "
                          "days should be re-measured before dosing."),
        QT_TRANSLATE_NOOP("Date check",
                          "The weight is dated %1, which is after today (%2). Check the date "
                          "or re-measure before dosing."),
        QT_TRANSLATE_NOOP("Date check", "The date this weight was measured is not recorded. "
                                        "Re-measure before dosing."),
        QT_TRANSLATE_NOOP("Date check", "Enter a new measurement."),
    ),
    # the names app.domain.visit_form.visit_date_range gives a visit date's limits
    DATE_LIMIT: (QT_TRANSLATE_NOOP("Date limit", "the enrollment date"),
                 QT_TRANSLATE_NOOP("Date limit", "the date of birth"),
                 QT_TRANSLATE_NOOP("Date limit", "today")),
    # the dose engine's sentences (app.domain.dose_sentences, body and age SENTENCES): the
    # derivation and the warnings shown with a dose (English as stored and printed)
    DOSE_DERIVATION: (
        QT_TRANSLATE_NOOP("Dose derivation", "; "),  # between the parts of a derivation
        QT_TRANSLATE_NOOP("Dose derivation", "%1: %2 %3, %4"),
        QT_TRANSLATE_NOOP("Dose derivation", "%1: %2 %3"),
        QT_TRANSLATE_NOOP("Dose derivation", "%1: %2, %3"),
        QT_TRANSLATE_NOOP("Dose derivation", "%1: %2"),
        QT_TRANSLATE_NOOP("Dose derivation", "%1: %2."),
        QT_TRANSLATE_NOOP("Dose derivation", "%1/%2/day"),
        QT_TRANSLATE_NOOP("Dose derivation", "%1/day"),
        QT_TRANSLATE_NOOP("Dose derivation", "at least %1"),
        QT_TRANSLATE_NOOP("Dose derivation", "fixed %1 %2"),
        QT_TRANSLATE_NOOP("Dose derivation", "greater of (%1) = %2 %3"),
        QT_TRANSLATE_NOOP("Dose derivation", "lesser of (%1) = %2 %3"),
        QT_TRANSLATE_NOOP("Dose derivation", "weight %1 kg is in the band %2: %3"),
        QT_TRANSLATE_NOOP("Dose derivation", "BSA %1 m² is in the band %2: %3"),
        # a dose band's two bounds (app.domain.dose_sentences.BAND_BOUNDS)
        QT_TRANSLATE_NOOP("Dose derivation", "%1 and %2"),
        QT_TRANSLATE_NOOP("Dose derivation", "below the protocol minimum of %1 %2, so %1 %2"),
        QT_TRANSLATE_NOOP("Dose derivation",
                          "above the maximum of %1 %2, "
                          "so the maximum %1 %2 applies"),
        QT_TRANSLATE_NOOP("Dose derivation",
                          "equal to the maximum of %1 %2, not "
                          "above it (the maximum did not change the dose)"),
        QT_TRANSLATE_NOOP("Dose derivation", "maximum %1 %2 not reached"),
        QT_TRANSLATE_NOOP("Dose derivation", "no maximum: %1"),
        QT_TRANSLATE_NOOP("Dose derivation", "rounded to the nearest %1 %2: %3 %4 (%5 rounding)"),
        QT_TRANSLATE_NOOP("Dose derivation", "rounded down to %1 %2: %3 %4 (%5 rounding)"),
        QT_TRANSLATE_NOOP("Dose derivation", "rounded up to %1 %2: %3 %4 (%5 rounding)"),
        QT_TRANSLATE_NOOP("Dose derivation",
                          "rounding would have passed the maximum "
                          "of %1 %2, so %3 %4"),
        QT_TRANSLATE_NOOP("Dose derivation", "top of the range: %1"),
        QT_TRANSLATE_NOOP("Dose derivation", "above the maximum of %1 %2, so %1 %2"),
        QT_TRANSLATE_NOOP("Dose derivation", "rounded down to %1 %2: %3 %4"),
        QT_TRANSLATE_NOOP("Dose derivation", "Dose: %1."),
        QT_TRANSLATE_NOOP("Dose derivation", "Maximum: %1."),
        QT_TRANSLATE_NOOP("Dose derivation", "Dose: %1 (%2)."),
        QT_TRANSLATE_NOOP("Dose derivation", "Maximum: %1 (%2)."),
        QT_TRANSLATE_NOOP("Dose derivation", "at least %1 %2"),
        QT_TRANSLATE_NOOP("Dose derivation", "%1 to %2 %3"),
        QT_TRANSLATE_NOOP("Dose derivation",
                          "This is the minimum; higher "
                          "doses are at the provider's discretion."),
        QT_TRANSLATE_NOOP("Dose derivation",
                          "This is a dose range: the computed dose is its lower end; a "
                          "dose within the range needs a reason, a dose above its top is refused."),
        QT_TRANSLATE_NOOP("Dose derivation", "Inputs: %1."),
        QT_TRANSLATE_NOOP("Dose derivation",
                          "Inputs: %1; BSA %2 m² = √(%3 "
                          "cm × %4 kg / 3600) (%5)."),
        QT_TRANSLATE_NOOP("Dose derivation",
                          "%1 is labelled from age %2 years, and the child's age is "
                          "not known: enter the date of birth and check before giving it %3."),
        QT_TRANSLATE_NOOP("Dose derivation",
                          "%1 is labelled from age %2 years; this child is "
                          "%3. Below the labelled age: check before giving it %4."),
        QT_TRANSLATE_NOOP("Dose derivation", "Labelled age: %1"),
        QT_TRANSLATE_NOOP("Dose derivation", "WARNING: %1"),
        QT_TRANSLATE_NOOP("Dose derivation",
                          "Labelled age: from %1 years; the "
                          "child is %2, within the label %3."),
        QT_TRANSLATE_NOOP("Dose derivation", "(source: %1 [%2])"),
        QT_TRANSLATE_NOOP("Dose derivation", "Note: %1"),
        QT_TRANSLATE_NOOP("Dose derivation", "Source: %1 [%2]."),
        QT_TRANSLATE_NOOP("Dose derivation", "seed"),
        QT_TRANSLATE_NOOP("Dose derivation", "published"),
        QT_TRANSLATE_NOOP("Dose derivation", "provisional"),
        QT_TRANSLATE_NOOP("Dose derivation", "weight %1 kg"),
        QT_TRANSLATE_NOOP("Dose derivation", "height %1 cm"),
        QT_TRANSLATE_NOOP("Dose derivation", "%1 (measured %2)"),
        QT_TRANSLATE_NOOP("Dose derivation", "%1 (measurement date not recorded)"),
        QT_TRANSLATE_NOOP("Dose derivation", "Mosteller: √(height cm × weight kg / 3600)"),
        QT_TRANSLATE_NOOP("Dose derivation",
                          "BSA %1 m² (Mosteller: √(%2 cm × %3 kg / 3600) = %4 m²)"),
        QT_TRANSLATE_NOOP("Dose derivation", "BSA: needs height"),
        # app.domain.dosing.final_dose_words: the check of a final dose
        QT_TRANSLATE_NOOP("Dose derivation",
                          "The final dose must be more than zero; %1 %2 was entered."),
        QT_TRANSLATE_NOOP("Dose derivation",
                          "The final %1 dose cannot be above the protocol maximum of %2 %3; "
                          "%4 %3 was entered."),
        QT_TRANSLATE_NOOP("Dose derivation", "The final dose matches the computed dose."),
        QT_TRANSLATE_NOOP("Dose derivation",
                          "The final dose %1 %2 is below the protocol minimum of %3 %2. Give a "
                          "reason for the difference."),
        QT_TRANSLATE_NOOP("Dose derivation",
                          "The final dose %1 %2 differs from the computed %3 %2. Give a reason "
                          "for the difference."),
        QT_TRANSLATE_NOOP("Dose derivation", "The protocol gives no %1 dose for a weight of %2 "
                          "kg (dose bands: %3)."),
        QT_TRANSLATE_NOOP("Dose derivation", "The protocol gives no %1 dose for a body surface "
                          "area of %2 m² (dose bands: %3)."),
        QT_TRANSLATE_NOOP("Dose derivation", "%1 year old on %2 (from the date of birth)"),
        QT_TRANSLATE_NOOP("Dose derivation", "%1 years old on %2 (from the date of birth)"),
        # sign-in, dosing, drugs: a corticosteroid dose refused (check_corticosteroid_dose)
        QT_TRANSLATE_NOOP("Dose derivation", "The %1 dose cannot be negative; %2 was entered."),
        QT_TRANSLATE_NOOP("Dose derivation",
                          "The %1 dose cannot be above this protocol's maximum of %2 %3 for %4 "
                          "kg; %5 %3 was entered."),
    ),
    # app.domain.growth SENTENCES: a weight or height judged for age and sex, unit slips
    # (a context of their own: shown through phrase_words with the dose engine's)
    GROWTH: (
        QT_TRANSLATE_NOOP("Growth", "Weight"),
        QT_TRANSLATE_NOOP("Growth", "Height"),
        QT_TRANSLATE_NOOP("Growth", "BMI"),
        QT_TRANSLATE_NOOP("Growth", "a boy"),
        QT_TRANSLATE_NOOP("Growth", "a girl"),
        QT_TRANSLATE_NOOP("Growth", "a child"),
        QT_TRANSLATE_NOOP("Growth", "%1 y %2 m"),
        QT_TRANSLATE_NOOP("Growth", "%1 m"),
        QT_TRANSLATE_NOOP("Growth", "%1 d"),
        QT_TRANSLATE_NOOP("Growth",
                          "%1 %2 is far above what is usual for %3 of %4 (median %5; about %6 "
                          "SD above it, CDC 2000). Check the value and its unit."),
        QT_TRANSLATE_NOOP("Growth",
                          "%1 %2 is far below what is usual for %3 of %4 (median %5; about %6 "
                          "SD below it, CDC 2000). Check the value and its unit."),
        QT_TRANSLATE_NOOP("Growth",
                          "%1 %2: within 3 SD for %3 of %4 (median %5, CDC 2000)."),
        QT_TRANSLATE_NOOP("Growth",
                          "Did you mean %1 metres? That is %2 cm: type %2 in cm."),
        QT_TRANSLATE_NOOP("Growth", "Did you mean %1 %2?"),
        QT_TRANSLATE_NOOP("Growth", "Did you mean %1 %2 (%3 %4)?"),
        QT_TRANSLATE_NOOP("Growth",
                          "That too would be far from what is usual for this age."),
    ),
    # app.domain.concomitant_medicines.continuing_choices: why a current medicine is not offered
    CONTINUING: (QT_TRANSLATE_NOOP("Continuing medicine",
                                   "the plan's condition for continuing it is not met"),
                 QT_TRANSLATE_NOOP("Continuing medicine",
                                   "the screening did not record it as current")),
    # drug names as app.domain.display_words.drug_name shows them, for the drugs of the
    # shipped plans (the Canadian French monographs' spelling)
    DRUG: (
        QT_TRANSLATE_NOOP("Drug", "IVIG"),
        QT_TRANSLATE_NOOP("Drug", "methotrexate"),
        QT_TRANSLATE_NOOP("Drug", "hydroxychloroquine"),
        QT_TRANSLATE_NOOP("Drug", "prednisone"),
        QT_TRANSLATE_NOOP("Drug", "methylprednisolone"),
        QT_TRANSLATE_NOOP("Drug", "cyclosporine"),
        QT_TRANSLATE_NOOP("Drug", "mycophenolate mofetil"),
        QT_TRANSLATE_NOOP("Drug", "rituximab"),
        QT_TRANSLATE_NOOP("Drug", "adalimumab"),
        QT_TRANSLATE_NOOP("Drug", "abatacept"),
        QT_TRANSLATE_NOOP("Drug", "tocilizumab"),
        QT_TRANSLATE_NOOP("Drug", "infliximab"),
        # sign-in, dosing, drugs: the other drugs the shipped plans name (their lists of
        # prior therapies, app.domain.protocol.vocabulary.plan_drug_names)
        QT_TRANSLATE_NOOP("Drug", "anakinra"),
        QT_TRANSLATE_NOOP("Drug", "azathioprine"),
        QT_TRANSLATE_NOOP("Drug", "canakinumab"),
        QT_TRANSLATE_NOOP("Drug", "certolizumab pegol"),
        QT_TRANSLATE_NOOP("Drug", "cyclophosphamide"),
        QT_TRANSLATE_NOOP("Drug", "etanercept"),
        QT_TRANSLATE_NOOP("Drug", "golimumab"),
        QT_TRANSLATE_NOOP("Drug", "mycophenolic acid"),
        QT_TRANSLATE_NOOP("Drug", "prednisolone"),
        QT_TRANSLATE_NOOP("Drug", "tacrolimus"),
    ),
    # The visit-form sections' words from the instrument registry (app.domain.instruments
    # and app.domain.response): item labels, answers, anchors, help and units in words;
    # tests/forms/instrument_words.py collects them and test_french_visit.py checks that
    # each one is listed here. The domain, the exports and the printouts keep English.
    # CHAQ: these French labels are a faithful translation made for this application, NOT
    # the validated French-Canadian CHAQ; the validated wording (licensed through its
    # authors / PRINTO) should replace the CHAQ entries of this context in
    # resources/translations/jdm_ctp_fr.ts (the items, the answers, the domains, the aids
    # and the two VAS) once the clinic holds it. Published French versions found (none
    # French-Canadian, none with its wording publicly reproduced): France, Pouchot J et
    # al., Clin Exp Rheumatol 2001;19(4 Suppl 23):S60-S65 (PRINTO; validation: Rev Rhum
    # 2002, "Validation de la version française du CHAQ…"); Switzerland, Hofer M et al.,
    # Clin Exp Rheumatol 2001;19(4 Suppl 23):S151-S157. The interface and the French PDFs
    # say so (TRANSLATION_NOTICES, after LISTED).
    INSTRUMENT_ITEM: (
        QT_TRANSLATE_NOOP("Instrument item", "0 of 6 sit-up variants done"),
        QT_TRANSLATE_NOOP("Instrument item", "0: no contraction felt"),
        QT_TRANSLATE_NOOP("Instrument item", "1 of 6 sit-up variants done"),
        QT_TRANSLATE_NOOP("Instrument item", "1-9 seconds"),
        QT_TRANSLATE_NOOP("Instrument item", "10-29 seconds"),
        QT_TRANSLATE_NOOP("Instrument item", "2 minutes (120 seconds) or more"),
        QT_TRANSLATE_NOOP("Instrument item", "2 of 6 sit-up variants done"),
        QT_TRANSLATE_NOOP("Instrument item", "3 of 6 sit-up variants done"),
        QT_TRANSLATE_NOOP("Instrument item", "30-59 seconds"),
        QT_TRANSLATE_NOOP("Instrument item", "4 of 6 sit-up variants done"),
        QT_TRANSLATE_NOOP("Instrument item", "5 of 6 sit-up variants done"),
        QT_TRANSLATE_NOOP("Instrument item", "6 of 6 sit-up variants done"),
        QT_TRANSLATE_NOOP("Instrument item", "60 seconds or more"),
        QT_TRANSLATE_NOOP("Instrument item", "60-119 seconds"),
        QT_TRANSLATE_NOOP("Instrument item", "ALT (alanine aminotransferase)"),
        QT_TRANSLATE_NOOP("Instrument item", "AST (aspartate aminotransferase)"),
        QT_TRANSLATE_NOOP("Instrument item", "Able: no table support and no hands on knee/thigh"),
        QT_TRANSLATE_NOOP("Instrument item", "Absent"),
        QT_TRANSLATE_NOOP("Instrument item", "Activities"),
        QT_TRANSLATE_NOOP("Instrument item", "Aldolase"),
        QT_TRANSLATE_NOOP("Instrument item", "Alopecia"),
        QT_TRANSLATE_NOOP("Instrument item", "Always or nearly always"),
        QT_TRANSLATE_NOOP("Instrument item", "Anti-HMGCR"),
        QT_TRANSLATE_NOOP("Instrument item", "Anti-Jo-1"),
        QT_TRANSLATE_NOOP("Instrument item", "Anti-Ku"),
        QT_TRANSLATE_NOOP("Instrument item", "Anti-MDA5"),
        QT_TRANSLATE_NOOP("Instrument item", "Anti-Mi-2"),
        QT_TRANSLATE_NOOP("Instrument item", "Anti-NXP2"),
        QT_TRANSLATE_NOOP("Instrument item", "Anti-PM-Scl"),
        QT_TRANSLATE_NOOP("Instrument item", "Anti-Ro52"),
        QT_TRANSLATE_NOOP("Instrument item", "Anti-SAE"),
        QT_TRANSLATE_NOOP("Instrument item", "Anti-SRP"),
        QT_TRANSLATE_NOOP("Instrument item", "Anti-TIF1-γ"),
        QT_TRANSLATE_NOOP("Instrument item", "Anti-U1-RNP"),
        QT_TRANSLATE_NOOP("Instrument item", "Arising"),
        QT_TRANSLATE_NOOP("Instrument item", "Barely able to assume and hold all-fours"),
        QT_TRANSLATE_NOOP("Instrument item", "Bathtub bar"),
        QT_TRANSLATE_NOOP("Instrument item", "Bathtub seat"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "Bend down to pick up clothing or a piece of paper from the floor?"),
        QT_TRANSLATE_NOOP("Instrument item", "Blood pressure, diastolic"),
        QT_TRANSLATE_NOOP("Instrument item", "Blood pressure, systolic"),
        QT_TRANSLATE_NOOP("Instrument item", "Bone: fracture, osteoporosis or avascular necrosis"),
        QT_TRANSLATE_NOOP("Instrument item", "Brush teeth?"),
        QT_TRANSLATE_NOOP("Instrument item", "Built-up pencil or special utensils"),
        QT_TRANSLATE_NOOP("Instrument item", "CHAQ disability index"),
        QT_TRANSLATE_NOOP("Instrument item", "CHAQ item activities 1 (Run errands and shop?)"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "CHAQ item activities 2 (Get in and out of a car or toy car or "
                          "school bus?)"),
        QT_TRANSLATE_NOOP("Instrument item", "CHAQ item activities 3 (Ride bike or tricycle?)"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "CHAQ item activities 4 (Do household chores (e.g. wash dishes, take "
                          "out trash, vacuum, do yardwork, make bed, clean room)?)"),
        QT_TRANSLATE_NOOP("Instrument item", "CHAQ item activities 5 (Run and play?)"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "CHAQ item arising 1 (Stand up from a low chair or floor?)"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "CHAQ item arising 2 (Get in and out of bed or crib?)"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "CHAQ item dressing 1 (Dress, including tying shoelaces and doing "
                          "buttons?)"),
        QT_TRANSLATE_NOOP("Instrument item", "CHAQ item dressing 2 (Shampoo his/her hair?)"),
        QT_TRANSLATE_NOOP("Instrument item", "CHAQ item dressing 3 (Remove socks?)"),
        QT_TRANSLATE_NOOP("Instrument item", "CHAQ item dressing 4 (Cut fingernails?)"),
        QT_TRANSLATE_NOOP("Instrument item", "CHAQ item eating 1 (Cut his/her own meat?)"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "CHAQ item eating 2 (Lift up a cup or glass to mouth?)"),
        QT_TRANSLATE_NOOP("Instrument item", "CHAQ item eating 3 (Open a new cereal box?)"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "CHAQ item grip 1 (Write or scribble with pen or pencil?)"),
        QT_TRANSLATE_NOOP("Instrument item", "CHAQ item grip 2 (Open car doors?)"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "CHAQ item grip 3 (Open jars which have been previously opened?)"),
        QT_TRANSLATE_NOOP("Instrument item", "CHAQ item grip 4 (Turn faucets on and off?)"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "CHAQ item grip 5 (Push open a door when he/she has to turn a door "
                          "knob?)"),
        QT_TRANSLATE_NOOP("Instrument item", "CHAQ item hygiene 1 (Wash and dry entire body?)"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "CHAQ item hygiene 2 (Take a tub bath (get in and out of tub)?)"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "CHAQ item hygiene 3 (Get on and off the toilet or potty chair?)"),
        QT_TRANSLATE_NOOP("Instrument item", "CHAQ item hygiene 4 (Brush teeth?)"),
        QT_TRANSLATE_NOOP("Instrument item", "CHAQ item hygiene 5 (Comb/brush hair?)"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "CHAQ item reach 1 (Reach and get down a heavy object such as a "
                          "large game or books from just above his/her head?)"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "CHAQ item reach 2 (Bend down to pick up clothing or a piece of "
                          "paper from the floor?)"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "CHAQ item reach 3 (Pull on a sweater over his/her head?)"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "CHAQ item reach 4 (Turn neck to look back over shoulder?)"),
        QT_TRANSLATE_NOOP("Instrument item", "CHAQ item walking 1 (Walk outdoors on flat ground?)"),
        QT_TRANSLATE_NOOP("Instrument item", "CHAQ item walking 2 (Climb up five steps?)"),
        QT_TRANSLATE_NOOP("Instrument item", "CHAQ: overall well-being (VAS)"),
        QT_TRANSLATE_NOOP("Instrument item", "CHAQ: pain in the past week (VAS)"),
        QT_TRANSLATE_NOOP("Instrument item", "CK (creatine kinase)"),
        QT_TRANSLATE_NOOP("Instrument item", "CMAS (0-52)"),
        QT_TRANSLATE_NOOP("Instrument item", "CMAS item 1 (head elevation)"),
        QT_TRANSLATE_NOOP("Instrument item", "CMAS item 1 (head elevation, seconds held)"),
        QT_TRANSLATE_NOOP("Instrument item", "CMAS item 10 (all-fours manoeuvre)"),
        QT_TRANSLATE_NOOP("Instrument item", "CMAS item 11 (floor rise)"),
        QT_TRANSLATE_NOOP("Instrument item", "CMAS item 12 (chair rise)"),
        QT_TRANSLATE_NOOP("Instrument item", "CMAS item 13 (stool step)"),
        QT_TRANSLATE_NOOP("Instrument item", "CMAS item 14 (pick-up)"),
        QT_TRANSLATE_NOOP("Instrument item", "CMAS item 2 (leg raise / touch object)"),
        QT_TRANSLATE_NOOP("Instrument item", "CMAS item 3 (straight leg lift duration)"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "CMAS item 3 (straight leg lift duration, seconds held)"),
        QT_TRANSLATE_NOOP("Instrument item", "CMAS item 4 (supine to prone)"),
        QT_TRANSLATE_NOOP("Instrument item", "CMAS item 5 (sit-ups)"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "CMAS item 5a (sit-up: hands on thighs, with counterbalance)"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "CMAS item 5b (sit-up: hands across chest, with counterbalance)"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "CMAS item 5c (sit-up: hands behind head, with counterbalance)"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "CMAS item 5d (sit-up: hands on thighs, without counterbalance)"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "CMAS item 5e (sit-up: hands across chest, without counterbalance)"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "CMAS item 5f (sit-up: hands behind head, without counterbalance)"),
        QT_TRANSLATE_NOOP("Instrument item", "CMAS item 6 (supine to sit)"),
        QT_TRANSLATE_NOOP("Instrument item", "CMAS item 7 (arm raise / straighten)"),
        QT_TRANSLATE_NOOP("Instrument item", "CMAS item 8 (arm raise duration)"),
        QT_TRANSLATE_NOOP("Instrument item", "CMAS item 8 (arm raise duration, seconds held)"),
        QT_TRANSLATE_NOOP("Instrument item", "CMAS item 9 (floor sit)"),
        QT_TRANSLATE_NOOP("Instrument item", "Calcinosis"),
        QT_TRANSLATE_NOOP("Instrument item", "Cane"),
        QT_TRANSLATE_NOOP("Instrument item", "Cannot raise wrists"),
        QT_TRANSLATE_NOOP("Instrument item", "Cataract"),
        QT_TRANSLATE_NOOP("Instrument item", "Clears the table but cannot touch the object"),
        QT_TRANSLATE_NOOP("Instrument item", "Climb up five steps?"),
        QT_TRANSLATE_NOOP("Instrument item", "Comb/brush hair?"),
        QT_TRANSLATE_NOOP("Instrument item", "Crutches"),
        QT_TRANSLATE_NOOP("Instrument item", "Cushingoid features"),
        QT_TRANSLATE_NOOP("Instrument item", "Cut fingernails?"),
        QT_TRANSLATE_NOOP("Instrument item", "Cut his/her own meat?"),
        QT_TRANSLATE_NOOP("Instrument item", "Cutaneous ulceration"),
        QT_TRANSLATE_NOOP("Instrument item", "Daily hydroxychloroquine; 0 if none."),
        QT_TRANSLATE_NOOP("Instrument item", "Death (grade 5)"),
        QT_TRANSLATE_NOOP("Instrument item", "Definite"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "Devices used for dressing (button hook, zipper pull, long-handled "
                          "shoe horn, etc.)"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "Do household chores (e.g. wash dishes, take out trash, vacuum, do "
                          "yardwork, make bed, clean room)?"),
        QT_TRANSLATE_NOOP("Instrument item", "Dress, including tying shoelaces and doing buttons?"),
        QT_TRANSLATE_NOOP("Instrument item", "Dressing & grooming"),
        QT_TRANSLATE_NOOP("Instrument item", "Eating"),
        QT_TRANSLATE_NOOP("Instrument item", "Erythematous rash with secondary changes"),
        QT_TRANSLATE_NOOP("Instrument item", "Erythematous rash without secondary changes"),
        QT_TRANSLATE_NOOP("Instrument item", "Erythroderma"),
        QT_TRANSLATE_NOOP("Instrument item", "Extramuscular activity"),
        QT_TRANSLATE_NOOP("Instrument item", "Extremely active or severe"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "Fair (F): holds the test position against gravity, no added pressure"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "Fair+ (F+): holds the test position against slight pressure"),
        QT_TRANSLATE_NOOP("Instrument item", "Fatal"),
        QT_TRANSLATE_NOOP("Instrument item", "Get in and out of a car or toy car or school bus?"),
        QT_TRANSLATE_NOOP("Instrument item", "Get in and out of bed or crib?"),
        QT_TRANSLATE_NOOP("Instrument item", "Get on and off the toilet or potty chair?"),
        QT_TRANSLATE_NOOP("Instrument item", "Good (G): holds against moderate pressure"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "Good+ (G+): holds against moderate to strong pressure"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "Good- (G-): holds against slight to moderate pressure"),
        QT_TRANSLATE_NOOP("Instrument item", "Gottron's papules or Gottron's sign"),
        QT_TRANSLATE_NOOP("Instrument item", "Grip"),
        QT_TRANSLATE_NOOP("Instrument item", "Growth impairment"),
        QT_TRANSLATE_NOOP("Instrument item", "Height"),
        QT_TRANSLATE_NOOP("Instrument item", "Heliotrope rash"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "Holds all-fours with back straight and head up, cannot crawl forward"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "Holds all-fours, looks straight ahead and crawls forward"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "How many pulses were given since the last visit (at baseline: since "
                          "enrollment); 0 if none."),
        QT_TRANSLATE_NOOP("Instrument item", "Hydroxychloroquine dose"),
        QT_TRANSLATE_NOOP("Instrument item", "Hygiene"),
        QT_TRANSLATE_NOOP("Instrument item", "Hyperglycaemia"),
        QT_TRANSLATE_NOOP("Instrument item", "Hypertension"),
        QT_TRANSLATE_NOOP("Instrument item", "IV methylprednisolone dose per pulse"),
        QT_TRANSLATE_NOOP("Instrument item", "IV methylprednisolone pulses since the last visit"),
        QT_TRANSLATE_NOOP("Instrument item", "Improving"),
        QT_TRANSLATE_NOOP("Instrument item", "Inactive"),
        QT_TRANSLATE_NOOP("Instrument item", "Infection, not serious"),
        QT_TRANSLATE_NOOP("Instrument item", "Infection, serious"),
        QT_TRANSLATE_NOOP("Instrument item", "Infusion reaction"),
        QT_TRANSLATE_NOOP("Instrument item", "Is your child able to ... (over the past week)"),
        QT_TRANSLATE_NOOP("Instrument item", "Jar opener (for jars previously opened)"),
        QT_TRANSLATE_NOOP("Instrument item", "Keeps balance while lifting and extending a leg"),
        QT_TRANSLATE_NOOP("Instrument item", "Kendall 0-10"),
        QT_TRANSLATE_NOOP("Instrument item", "LDH (lactate dehydrogenase)"),
        QT_TRANSLATE_NOOP("Instrument item", "Life-threatening (grade 4)"),
        QT_TRANSLATE_NOOP("Instrument item", "Lift up a cup or glass to mouth?"),
        QT_TRANSLATE_NOOP("Instrument item", "Lifts the leg high enough to touch the object"),
        QT_TRANSLATE_NOOP("Instrument item", "Lipoatrophy"),
        QT_TRANSLATE_NOOP("Instrument item", "Long-handled appliances for reach"),
        QT_TRANSLATE_NOOP("Instrument item", "Long-handled appliances in bathroom"),
        QT_TRANSLATE_NOOP("Instrument item", "MDAAT cutaneous disease activity (physician VAS)"),
        QT_TRANSLATE_NOOP("Instrument item", "MDAAT extramuscular global activity (physician VAS)"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8 (bilateral, 0-150)"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8 (unilateral, 0-80)"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8 ankle dorsiflexors"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8 ankle dorsiflexors, left"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8 ankle dorsiflexors, right"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8 biceps brachii"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8 biceps brachii, left"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8 biceps brachii, right"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8 gluteus maximus"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8 gluteus maximus, left"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8 gluteus maximus, right"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8 gluteus medius"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8 gluteus medius, left"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8 gluteus medius, right"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8 middle deltoid"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8 middle deltoid, left"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8 middle deltoid, right"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8 neck flexors"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8 quadriceps"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8 quadriceps, left"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8 quadriceps, right"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8 wrist extensors"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8 wrist extensors, left"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8 wrist extensors, right"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8: ankle dorsiflexors"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8: ankle dorsiflexors, left"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8: ankle dorsiflexors, right"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8: biceps brachii"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8: biceps brachii, left"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8: biceps brachii, right"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8: gluteus maximus"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8: gluteus maximus, left"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8: gluteus maximus, right"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8: gluteus medius"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8: gluteus medius, left"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8: gluteus medius, right"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8: middle deltoid"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8: middle deltoid, left"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8: middle deltoid, right"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8: neck flexors"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8: quadriceps"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8: quadriceps, left"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8: quadriceps, right"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8: wrist extensors"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8: wrist extensors, left"),
        QT_TRANSLATE_NOOP("Instrument item", "MMT8: wrist extensors, right"),
        QT_TRANSLATE_NOOP("Instrument item", "MRI date"),
        QT_TRANSLATE_NOOP("Instrument item", "MRI done"),
        QT_TRANSLATE_NOOP("Instrument item", "MRI: active myositis"),
        QT_TRANSLATE_NOOP("Instrument item", "Mechanic's hands"),
        QT_TRANSLATE_NOOP("Instrument item", "Methotrexate dose"),
        QT_TRANSLATE_NOOP("Instrument item", "Mild"),
        QT_TRANSLATE_NOOP("Instrument item", "Mild (grade 1)"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "Mild difficulty: no hands needed, but some difficulty"),
        QT_TRANSLATE_NOOP("Instrument item", "Moderate (grade 2)"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "Moderate difficulty: needs hands on knees/thighs, not the chair"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "Moderate difficulty: no chair, but hands on thighs/knees or floor"),
        QT_TRANSLATE_NOOP("Instrument item", "More than mild"),
        QT_TRANSLATE_NOOP("Instrument item", "Most abnormal muscle enzyme"),
        QT_TRANSLATE_NOOP("Instrument item", "Most days"),
        QT_TRANSLATE_NOOP("Instrument item", "Much difficulty: needs a chair for support"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "Much difficulty: needs a chair for support on the way down"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "Much difficulty: needs a hand on the exam table or examiner's hand"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "Much difficulty: needs hands on the sides of the chair"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "Much difficulty: relies heavily on hands on knees/thighs"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "Much difficulty: very slow, struggles greatly, barely makes it"),
        QT_TRANSLATE_NOOP("Instrument item", "Muscle strength (MMT8 or CMAS)"),
        QT_TRANSLATE_NOOP("Instrument item", "Nailfold capillary abnormalities"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "Needed for the 2016 ACR/EULAR response criteria (total improvement "
                          "score)."),
        QT_TRANSLATE_NOOP("Instrument item", "Negative"),
        QT_TRANSLATE_NOOP("Instrument item", "New"),
        QT_TRANSLATE_NOOP("Instrument item", "No"),
        QT_TRANSLATE_NOOP("Instrument item", "No difficulty"),
        QT_TRANSLATE_NOOP("Instrument item", "No difficulty: no compensatory manoeuvre"),
        QT_TRANSLATE_NOOP("Instrument item", "No pain"),
        QT_TRANSLATE_NOOP("Instrument item", "None"),
        QT_TRANSLATE_NOOP("Instrument item", "Normal (N): holds against strong pressure"),
        QT_TRANSLATE_NOOP("Instrument item", "Not applicable"),
        QT_TRANSLATE_NOOP("Instrument item", "Not done"),
        QT_TRANSLATE_NOOP("Instrument item", "Not known"),
        QT_TRANSLATE_NOOP("Instrument item", "Not recovered / not resolved"),
        QT_TRANSLATE_NOOP("Instrument item", "Not tested"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "One point for each of the six sit-up variants done (items 5a-5f)."),
        QT_TRANSLATE_NOOP("Instrument item", "Open a new cereal box?"),
        QT_TRANSLATE_NOOP("Instrument item", "Open car doors?"),
        QT_TRANSLATE_NOOP("Instrument item", "Open jars which have been previously opened?"),
        QT_TRANSLATE_NOOP("Instrument item", "Oral prednisone-equivalent dose today"),
        QT_TRANSLATE_NOOP("Instrument item", "Other"),
        QT_TRANSLATE_NOOP("Instrument item", "Other aid or device (name the domain it helps with)"),
        QT_TRANSLATE_NOOP("Instrument item", "Other anti-synthetase"),
        QT_TRANSLATE_NOOP("Instrument item", "Panniculitis"),
        QT_TRANSLATE_NOOP("Instrument item", "Patient/parent global activity"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "Patient/parent global assessment of disease activity"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "Patient/parent global assessment of skin disease activity"),
        QT_TRANSLATE_NOOP("Instrument item", "Periungual capillary changes"),
        QT_TRANSLATE_NOOP("Instrument item", "Physician global activity"),
        QT_TRANSLATE_NOOP("Instrument item", "Physician global assessment of disease activity"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "Physician global assessment of skin disease activity"),
        QT_TRANSLATE_NOOP("Instrument item", "Poor (P): full range of motion, gravity minimised"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "Poor+ (P+): gradual release from the test position against gravity"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "Poor- (P-): partial range of motion, gravity minimised"),
        QT_TRANSLATE_NOOP("Instrument item", "Positive"),
        QT_TRANSLATE_NOOP("Instrument item", "Possible"),
        QT_TRANSLATE_NOOP("Instrument item", "Present"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "Primary outcome of the persistent-skin-rash CTP (seed 000, Table 3)."),
        QT_TRANSLATE_NOOP("Instrument item", "Probable"),
        QT_TRANSLATE_NOOP("Instrument item", "Pull on a sweater over his/her head?"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "Push open a door when he/she has to turn a door knob?"),
        QT_TRANSLATE_NOOP("Instrument item", "Raised toilet seat"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "Raises arms straight above head, elbows fully extended"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "Raises wrists above top of head but elbows not fully straight"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "Raises wrists to shoulder (acromioclavicular) level, not above top "
                          "of head"),
        QT_TRANSLATE_NOOP("Instrument item", "Rarely or never"),
        QT_TRANSLATE_NOOP("Instrument item", "Reach"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "Reach and get down a heavy object such as a large game or books "
                          "from just above his/her head?"),
        QT_TRANSLATE_NOOP("Instrument item", "Recovered / resolved"),
        QT_TRANSLATE_NOOP("Instrument item", "Recovered with sequelae"),
        QT_TRANSLATE_NOOP("Instrument item", "Recovering / resolving"),
        QT_TRANSLATE_NOOP("Instrument item", "Remove socks?"),
        QT_TRANSLATE_NOOP("Instrument item", "Renal"),
        QT_TRANSLATE_NOOP("Instrument item", "Ride bike or tricycle?"),
        QT_TRANSLATE_NOOP("Instrument item", "Run and play?"),
        QT_TRANSLATE_NOOP("Instrument item", "Run errands and shop?"),
        QT_TRANSLATE_NOOP("Instrument item", "Same"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "Seconds held; the item score is derived from the bands (whole "
                          "seconds)."),
        QT_TRANSLATE_NOOP("Instrument item", "Serum creatinine"),
        QT_TRANSLATE_NOOP("Instrument item", "Severe (grade 3)"),
        QT_TRANSLATE_NOOP("Instrument item", "Shampoo his/her hair?"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "Some difficulty: able, but somewhat slow, struggles some"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "Some difficulty: briefly needs hands on knees/thighs, somewhat slow"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "Some difficulty: no table support, but a hand on knee/thigh"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "Some difficulty: sits down somewhat slowly or gingerly, no chair "
                          "needed"),
        QT_TRANSLATE_NOOP("Instrument item", "Sometimes"),
        QT_TRANSLATE_NOOP("Instrument item", "Special or built-up chair"),
        QT_TRANSLATE_NOOP("Instrument item", "Stand up from a low chair or floor?"),
        QT_TRANSLATE_NOOP("Instrument item", "Sun avoidance and sunscreen since the last visit"),
        QT_TRANSLATE_NOOP("Instrument item", "Sun-protection counselling given at this visit"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "Supine, neck flexed (chin towards chest): time the head is held off "
                          "the table."),
        QT_TRANSLATE_NOOP("Instrument item",
                          "Supine: time the straight leg is held off the table."),
        QT_TRANSLATE_NOOP("Instrument item", "Take a tub bath (get in and out of tub)?"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "The daily oral glucocorticoid dose, as prednisone (0 if none)."),
        QT_TRANSLATE_NOOP("Instrument item",
                          "The dose of each pulse (the plans cap it at 1000 mg)."),
        QT_TRANSLATE_NOOP("Instrument item", "Time the wrists are held above the top of the head."),
        QT_TRANSLATE_NOOP("Instrument item",
                          "Trace (T): contraction felt or tendon prominent, no visible movement"),
        QT_TRANSLATE_NOOP("Instrument item", "Turn faucets on and off?"),
        QT_TRANSLATE_NOOP("Instrument item", "Turn neck to look back over shoulder?"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "Turns easily; some difficulty freeing arms but fully prone"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "Turns onto side fairly easily but cannot fully free arms or lie "
                          "fully prone"),
        QT_TRANSLATE_NOOP("Instrument item", "Turns over easily and frees arms with no difficulty"),
        QT_TRANSLATE_NOOP("Instrument item", "Unable"),
        QT_TRANSLATE_NOOP("Instrument item", "Unable by self"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "Unable to bend over and pick up a pencil from the floor"),
        QT_TRANSLATE_NOOP("Instrument item", "Unable to do"),
        QT_TRANSLATE_NOOP("Instrument item", "Unable to go from prone to all-fours"),
        QT_TRANSLATE_NOOP("Instrument item", "Unable to lift leg off table"),
        QT_TRANSLATE_NOOP("Instrument item", "Unable, even with a chair for support"),
        QT_TRANSLATE_NOOP("Instrument item", "Unable, even with hands on the sides of the chair"),
        QT_TRANSLATE_NOOP("Instrument item", "Unable: afraid even to try sitting on the floor"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "Unable: difficulty even turning onto side; frees arms little or not "
                          "at all"),
        QT_TRANSLATE_NOOP("Instrument item", "Unknown"),
        QT_TRANSLATE_NOOP("Instrument item", "Unlikely"),
        QT_TRANSLATE_NOOP("Instrument item", "Unrelated"),
        QT_TRANSLATE_NOOP("Instrument item", "Very poor"),
        QT_TRANSLATE_NOOP("Instrument item", "Very severe pain"),
        QT_TRANSLATE_NOOP("Instrument item", "Very well"),
        QT_TRANSLATE_NOOP("Instrument item", "Walk outdoors on flat ground?"),
        QT_TRANSLATE_NOOP("Instrument item", "Walker"),
        QT_TRANSLATE_NOOP("Instrument item", "Walking"),
        QT_TRANSLATE_NOOP("Instrument item", "Wash and dry entire body?"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "Weekly methotrexate (oral or subcutaneous); 0 if none."),
        QT_TRANSLATE_NOOP("Instrument item", "Weight"),
        QT_TRANSLATE_NOOP("Instrument item", "Wheelchair"),
        QT_TRANSLATE_NOOP("Instrument item", "With much difficulty"),
        QT_TRANSLATE_NOOP("Instrument item", "With some difficulty"),
        QT_TRANSLATE_NOOP("Instrument item", "Without any difficulty"),
        QT_TRANSLATE_NOOP("Instrument item", "Worse"),
        QT_TRANSLATE_NOOP("Instrument item", "Write or scribble with pen or pencil?"),
        QT_TRANSLATE_NOOP("Instrument item", "Yes"),
        QT_TRANSLATE_NOOP("Instrument item", "able"),
        QT_TRANSLATE_NOOP("Instrument item", "all-fours manoeuvre"),
        QT_TRANSLATE_NOOP("Instrument item", "ankle dorsiflexors"),
        QT_TRANSLATE_NOOP("Instrument item", "ankle dorsiflexors, left"),
        QT_TRANSLATE_NOOP("Instrument item", "ankle dorsiflexors, right"),
        QT_TRANSLATE_NOOP("Instrument item", "arm raise / straighten"),
        QT_TRANSLATE_NOOP("Instrument item", "arm raise duration"),
        QT_TRANSLATE_NOOP("Instrument item", "arm raise duration, seconds held"),
        QT_TRANSLATE_NOOP("Instrument item", "biceps brachii"),
        QT_TRANSLATE_NOOP("Instrument item", "biceps brachii, left"),
        QT_TRANSLATE_NOOP("Instrument item", "biceps brachii, right"),
        QT_TRANSLATE_NOOP("Instrument item", "chair rise"),
        QT_TRANSLATE_NOOP("Instrument item", "erosions, vesiculobullous change, necrosis"),
        QT_TRANSLATE_NOOP("Instrument item", "floor rise"),
        QT_TRANSLATE_NOOP("Instrument item", "floor sit"),
        QT_TRANSLATE_NOOP("Instrument item", "gluteus maximus"),
        QT_TRANSLATE_NOOP("Instrument item", "gluteus maximus, left"),
        QT_TRANSLATE_NOOP("Instrument item", "gluteus maximus, right"),
        QT_TRANSLATE_NOOP("Instrument item", "gluteus medius"),
        QT_TRANSLATE_NOOP("Instrument item", "gluteus medius, left"),
        QT_TRANSLATE_NOOP("Instrument item", "gluteus medius, right"),
        QT_TRANSLATE_NOOP("Instrument item", "head elevation"),
        QT_TRANSLATE_NOOP("Instrument item", "head elevation, seconds held"),
        QT_TRANSLATE_NOOP("Instrument item", "leg raise / touch object"),
        QT_TRANSLATE_NOOP("Instrument item",
                          "malar/facial, linear extensor, V-sign, shawl sign, periungual "
                          "erythema"),
        QT_TRANSLATE_NOOP("Instrument item", "mg"),
        QT_TRANSLATE_NOOP("Instrument item", "mg/day"),
        QT_TRANSLATE_NOOP("Instrument item", "mg/week"),
        QT_TRANSLATE_NOOP("Instrument item", "middle deltoid"),
        QT_TRANSLATE_NOOP("Instrument item", "middle deltoid, left"),
        QT_TRANSLATE_NOOP("Instrument item", "middle deltoid, right"),
        QT_TRANSLATE_NOOP("Instrument item", "neck flexors"),
        QT_TRANSLATE_NOOP("Instrument item", "overall well-being (VAS)"),
        QT_TRANSLATE_NOOP("Instrument item", "pain in the past week (VAS)"),
        QT_TRANSLATE_NOOP("Instrument item", "pick-up"),
        QT_TRANSLATE_NOOP("Instrument item", "pulses"),
        QT_TRANSLATE_NOOP("Instrument item", "quadriceps"),
        QT_TRANSLATE_NOOP("Instrument item", "quadriceps, left"),
        QT_TRANSLATE_NOOP("Instrument item", "quadriceps, right"),
        QT_TRANSLATE_NOOP("Instrument item", "sit-up: hands across chest, with counterbalance"),
        QT_TRANSLATE_NOOP("Instrument item", "sit-up: hands across chest, without counterbalance"),
        QT_TRANSLATE_NOOP("Instrument item", "sit-up: hands behind head, with counterbalance"),
        QT_TRANSLATE_NOOP("Instrument item", "sit-up: hands behind head, without counterbalance"),
        QT_TRANSLATE_NOOP("Instrument item", "sit-up: hands on thighs, with counterbalance"),
        QT_TRANSLATE_NOOP("Instrument item", "sit-up: hands on thighs, without counterbalance"),
        QT_TRANSLATE_NOOP("Instrument item", "sit-ups"),
        QT_TRANSLATE_NOOP("Instrument item", "stool step"),
        QT_TRANSLATE_NOOP("Instrument item", "straight leg lift duration"),
        QT_TRANSLATE_NOOP("Instrument item", "straight leg lift duration, seconds held"),
        QT_TRANSLATE_NOOP("Instrument item", "supine to prone"),
        QT_TRANSLATE_NOOP("Instrument item", "supine to sit"),
        QT_TRANSLATE_NOOP("Instrument item", "unable"),
        QT_TRANSLATE_NOOP("Instrument item", "wrist extensors"),
        QT_TRANSLATE_NOOP("Instrument item", "wrist extensors, left"),
        QT_TRANSLATE_NOOP("Instrument item", "wrist extensors, right"),
    ),
    # <instrument messages>
    # Sentences of the domain shown in the visit sections (problems at fields, scores' working,
    # the response's explanations), with holes (%1, %2…) for numbers, what was typed and
    # labels: read through phrases(MESSAGE, text), which fills each hole back in.
    MESSAGE: (
        QT_TRANSLATE_NOOP("Instrument message",
                          "\"%1\" is an impossible date: %2 %3 has %4 days."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "\"%1\" is an impossible date: there is no month %2 (months run "
                          "from 1 to 12)."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "\"%1\" is not a date. Write it as 2015-03-14, 20150314 or %2."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "\"%1\": the year must be written in full, e.g. 2015."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "%1 (the most abnormal enzyme at baseline) was not measured at "
                          "this visit; another enzyme is not substituted."),
        QT_TRANSLATE_NOOP("Instrument message", "%1 does not meet %2."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "%1 is after the latest date allowed here, %2 (%3)."),
        QT_TRANSLATE_NOOP("Instrument message", "%1 is after the latest date allowed here, %2."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "%1 is before the earliest date allowed here, %2 (%3)."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "%1 is before the earliest date allowed here, %2."),
        QT_TRANSLATE_NOOP("Instrument message", "%1 is entered in %2 or %3, not %4."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "%1 is marked absent but its change is '%2'; correct one of them."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "%1 measures worsened by 25% or more (at most 2 allowed)"),
        QT_TRANSLATE_NOOP("Instrument message", "%1 meets %2."),
        QT_TRANSLATE_NOOP("Instrument message", "%1 mg/day"),
        QT_TRANSLATE_NOOP("Instrument message", "%1 must be 0 (%2) or 1 (%3); %4 was entered."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "%1 must be 0, 1, 2, 3 or not applicable; %2 was entered."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "%1 must be a number (for example 20.5); \"%2\" was entered."),
        # app.domain.units.NUMBER_SENTENCES: a typed value that is not a number at all
        QT_TRANSLATE_NOOP("Instrument message", "%1 is required and must be a number."),
        QT_TRANSLATE_NOOP("Instrument message", "%1 is required; nothing was entered."),
        QT_TRANSLATE_NOOP("Instrument message", "%1 must be a number; %2 was entered."),
        QT_TRANSLATE_NOOP("Instrument message", "%1 must be an ordinary number; %2 was entered."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "%1 must be a number from %2 to %3 %4, in steps of %5 %6; %7 was "
                          "entered."),
        QT_TRANSLATE_NOOP("Instrument message", "%1 must be a number in %2; \"%3\" was entered."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "%1 must be a number of seconds, 0 or more; %2 was entered."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "%1 must be a number written with a point for decimals (for "
                          "example 20.5); \"%2\" was entered."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "%1 must be a whole number from %2 to %3 %4; \"%5\" was entered."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "%1 must be a whole number from %2 to %3; %4 was entered."),
        QT_TRANSLATE_NOOP("Instrument message", "%1 must be a whole number; \"%2\" was entered."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "%1 must be between %2 and %3 %4 (%5 to %6 %7); %8 was entered."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "%1 must be between %2 and %3 %4; %5 was entered."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "%1 must be from %2 to %3 %4; \"%5\" was entered."),
        QT_TRANSLATE_NOOP("Instrument message", "%1 not available at baseline and follow-up."),
        QT_TRANSLATE_NOOP("Instrument message", "%1 not available at baseline."),
        QT_TRANSLATE_NOOP("Instrument message", "%1 not available at follow-up."),
        QT_TRANSLATE_NOOP("Instrument message", "%1 not available."),
        QT_TRANSLATE_NOOP("Instrument message", "%1 of 4 PRINTO criteria met"),
        QT_TRANSLATE_NOOP("Instrument message", "%1 of 6 sit-up variants done"),
        QT_TRANSLATE_NOOP("Instrument message",
                          "%1 of 6 sit-up variants entered; not entered: %2"),
        QT_TRANSLATE_NOOP("Instrument message", "%1 result"),
        QT_TRANSLATE_NOOP("Instrument message", "%1 results"),
        QT_TRANSLATE_NOOP("Instrument message",
                          "%1, change since last visit: answer must be one of %2; %3 was "
                          "entered."),
        QT_TRANSLATE_NOOP("Instrument message", "%1: %2 -> improved."),
        QT_TRANSLATE_NOOP("Instrument message", "%1: %2 -> neither."),
        QT_TRANSLATE_NOOP("Instrument message", "%1: %2 -> worsened."),
        QT_TRANSLATE_NOOP("Instrument message", "%1: %2 ÷ ULN %3 = %4 × ULN"),
        QT_TRANSLATE_NOOP("Instrument message",
                          "%1: ULN unit must be U/L or µkat/L; %2 was entered."),
        QT_TRANSLATE_NOOP("Instrument message", "%1: answer must be one of %2; %3 was entered."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "%1: relative change cannot be computed from a baseline of 0."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "%1: the result must be a number from 0 to %2; %3 was entered."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "%1: the score entered (%2) does not match the seconds entered "
                          "(%3 s scores %4). Correct or clear one of them."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "%1: the score entered (%2) does not match the sit-up variants "
                          "entered (%3 done of %4 entered). Correct or clear one of them."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "%1: the upper limit of normal must be a number from %2 to %3; "
                          "%4 was entered."),
        QT_TRANSLATE_NOOP("Instrument message", "%1: unit must be U/L or µkat/L; %2 was entered."),
        QT_TRANSLATE_NOOP("Instrument message", "-> %1 points"),
        QT_TRANSLATE_NOOP("Instrument message", "-> improved"),
        QT_TRANSLATE_NOOP("Instrument message", "-> neither"),
        QT_TRANSLATE_NOOP("Instrument message", "-> worsened"),
        QT_TRANSLATE_NOOP("Instrument message", "; not available: %1"),
        QT_TRANSLATE_NOOP("Instrument message", "; not met: %1"),
        QT_TRANSLATE_NOOP("Instrument message",
                          "Adverse event %1: a life-threatening or fatal event is serious; "
                          "answer Serious? yes."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "Adverse event %1: a serious infection is a serious event; "
                          "answer Serious? yes, or choose Infection, not serious."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "Adverse event %1: category %2 is not one of the listed "
                          "categories; choose one."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "Adverse event %1: category not recorded; choose one."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "Adverse event %1: it has a resolved date, so its outcome cannot "
                          "be not recovered."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "Adverse event %1: outcome %2 is not a listed outcome."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "Adverse event %1: resolved %2 is before its onset %3."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "Adverse event %1: severity %2 is not a listed grade."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "Adverse event %1: severity and outcome disagree about a death; "
                          "correct one of them."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "Adverse event %1: the onset date %2 is before the enrollment on "
                          "%3."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "Adverse event %1: the onset date %2 is in the future."),
        QT_TRANSLATE_NOOP("Instrument message", "Adverse event %1: the onset date: %2"),
        QT_TRANSLATE_NOOP("Instrument message",
                          "Adverse event %1: the resolved date %2 is before the enrollment "
                          "on %3."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "Adverse event %1: the resolved date %2 is in the future."),
        QT_TRANSLATE_NOOP("Instrument message", "Adverse event %1: the resolved date: %2"),
        QT_TRANSLATE_NOOP("Instrument message",
                          "Age under %1 years: healthy 4-year-olds average about %2 on the "
                          "CMAS, not %3 (head lift and sit-ups depend on age). Compare "
                          "with this child's own earlier scores."),
        QT_TRANSLATE_NOOP("Instrument message", "April"),
        QT_TRANSLATE_NOOP("Instrument message", "August"),
        QT_TRANSLATE_NOOP("Instrument message", "CHAQ disability index"),
        QT_TRANSLATE_NOOP("Instrument message",
                          "CHAQ disability index not computed: %1 entries are not valid."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "CHAQ disability index not computed: %1 entry is not valid."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "CHAQ disability index not computed: only %1 of %2 domains "
                          "answered; at least %3 are needed (%4 rule: a project choice, as "
                          "the IMACS CHAQ instructions set no minimum: the disability "
                          "index only when at least 6 of the 8 domains are answered)."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "Clinically inactive disease (at least 3 of 4 met)."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "Creatinine must be a number from %1 to %2 %3; \"%4\" was "
                          "entered."),
        QT_TRANSLATE_NOOP("Instrument message", "DI %1"),
        QT_TRANSLATE_NOOP("Instrument message", "December"),
        QT_TRANSLATE_NOOP("Instrument message", "Diastolic blood pressure"),
        QT_TRANSLATE_NOOP("Instrument message", "Enter today's weight to re-check the dose."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "Enzyme not comparable: baseline %1 vs follow-up %2."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "Enzyme not comparable: baseline %1 vs follow-up %2; follow the "
                          "baseline's most abnormal enzyme."),
        QT_TRANSLATE_NOOP("Instrument message", "Extramuscular activity"),
        QT_TRANSLATE_NOOP("Instrument message", "February"),
        QT_TRANSLATE_NOOP("Instrument message",
                          "IV methylprednisolone: pulses were given since the last visit; "
                          "enter the dose of each pulse in mg."),
        QT_TRANSLATE_NOOP("Instrument message", "Improved (IMACS definition)."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "Improved by 20% or more: %1; worsened by 25% or more: %2"),
        QT_TRANSLATE_NOOP("Instrument message", "January"),
        QT_TRANSLATE_NOOP("Instrument message", "July"),
        QT_TRANSLATE_NOOP("Instrument message", "June"),
        QT_TRANSLATE_NOOP("Instrument message",
                          "MMT8 criterion is defined on the 0-80 unilateral scale; a "
                          "bilateral (0-150) total is not converted, so this criterion is "
                          "not available."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "MMT8 not available: a CMAS total does not stand in for manual "
                          "muscle testing in the IMACS definition."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "MMT8 not comparable: baseline %1 vs follow-up %2."),
        QT_TRANSLATE_NOOP("Instrument message", "Manual muscle testing (MMT8)"),
        QT_TRANSLATE_NOOP("Instrument message", "March"),
        QT_TRANSLATE_NOOP("Instrument message", "May"),
        QT_TRANSLATE_NOOP("Instrument message",
                          "Most abnormal enzyme at baseline: %1, %2 × ULN (%3)."),
        QT_TRANSLATE_NOOP("Instrument message", "Most abnormal muscle enzyme"),
        QT_TRANSLATE_NOOP("Instrument message", "Muscle strength (MMT8 or CMAS)"),
        QT_TRANSLATE_NOOP("Instrument message",
                          "Muscle strength not comparable: baseline %1 vs follow-up %2; "
                          "use the same instrument and variant at both visits."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "Muscle strength: CMAS (MMT8 not complete and comparable at both "
                          "visits)."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "Muscle strength: MMT8 (complete at both visits)."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "Muscle strength: neither MMT8 nor CMAS is complete at both "
                          "visits."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "No baseline enzyme result with a ULN: the enzyme measure is "
                          "missing."),
        QT_TRANSLATE_NOOP("Instrument message", "No baseline enzyme results entered."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "Not clinically inactive: fewer than 3 of 4 can be met."),
        QT_TRANSLATE_NOOP("Instrument message", "Not improved (IMACS definition): %1."),
        QT_TRANSLATE_NOOP("Instrument message", "November"),
        QT_TRANSLATE_NOOP("Instrument message", "OUTSIDE THE PROTOCOL RULE"),
        QT_TRANSLATE_NOOP("Instrument message", "October"),
        QT_TRANSLATE_NOOP("Instrument message", "Patient/parent global activity"),
        QT_TRANSLATE_NOOP("Instrument message",
                          "Percent change rule is PROVISIONAL: Absolute percent change = "
                          "improvement ÷ the measure's full range × 100 (physician/parent "
                          "global and extramuscular 10 cm, CHAQ 3, MMT8 80 or 150, CMAS "
                          "52); most abnormal enzyme: relative change (baseline - "
                          "follow-up) ÷ baseline × 100. Source: clinical-rules §3.2 "
                          "(provisional; verify against the IMACS calculator)."),
        QT_TRANSLATE_NOOP("Instrument message", "Physical function (CHAQ)"),
        QT_TRANSLATE_NOOP("Instrument message", "Physician global activity"),
        QT_TRANSLATE_NOOP("Instrument message", "Physician global activity %1 does not meet %2."),
        QT_TRANSLATE_NOOP("Instrument message", "Physician global activity %1 meets %2."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "Please check: %1 is marked %2, but %3 is higher than at %4: %5 "
                          "cm then, %6 cm now."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "Please check: %1 is marked %2, but %3 is lower than at %4: %5 "
                          "cm then, %6 cm now."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "Protocol dose for today's weight: %1. No %2 prescription "
                          "recorded."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "Protocol dose for today's weight: %1. Prescribed %2 is in other "
                          "units: check by hand."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "Protocol minimum for today's weight: %1. No %2 prescription "
                          "recorded."),
        QT_TRANSLATE_NOOP("Instrument message", "Saving is not blocked."),
        QT_TRANSLATE_NOOP("Instrument message", "September"),
        QT_TRANSLATE_NOOP("Instrument message", "Source: %1."),
        QT_TRANSLATE_NOOP("Instrument message", "Systolic blood pressure"),
        QT_TRANSLATE_NOOP("Instrument message", "TIS %1 %2"),
        QT_TRANSLATE_NOOP("Instrument message", "The clinician may choose another."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "The dose of %1 is a number only; \"%2\" was stored with it."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "The dose of %1 must be a number above 0 (for example 7.5; a "
                          "range or a word goes in \"Other (free text)\"); \"%2\" was "
                          "entered."),
        QT_TRANSLATE_NOOP("Instrument message", "This visit: %1"),
        QT_TRANSLATE_NOOP("Instrument message",
                          "This visit: %1 (the most abnormal enzyme at baseline) was not "
                          "measured at this visit; another enzyme is not substituted."),
        QT_TRANSLATE_NOOP("Instrument message", "This visit: %1: %2 ÷ ULN %3 = %4 × ULN"),
        QT_TRANSLATE_NOOP("Instrument message",
                          "Tied with %1; %2 chosen by the fixed order CK, aldolase, LDH, "
                          "AST, ALT."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "Total improvement score %1 = %2; category: %3 (JDM: minimal >= "
                          "30, moderate >= 45, major >= 70)."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "Total improvement score not computed (never estimated from "
                          "partial data)."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "Unanswered (all items blank or not applicable): %1."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "Undetermined: the criteria not available (%1) decide whether 3 "
                          "of 4 are met."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "Undetermined: the measures not available (%1) decide the result."),
        QT_TRANSLATE_NOOP("Instrument message", "check by hand"),
        # app.domain.dose_recheck.CHECKED and app.domain.course's dose-check sentences
        QT_TRANSLATE_NOOP("Instrument message", "%1; prescribed %2: %3 — %4."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "day %1 of the course, taper phase (%2%3) of \"%4\" [%5: "
                          "%6]"),
        QT_TRANSLATE_NOOP("Instrument message",
                          "day %1 of the course, full-dose phase (%2%3) of \"%4\" "
                          "[%5: %6]"),
        QT_TRANSLATE_NOOP("Instrument message", " to %1"),
        QT_TRANSLATE_NOOP("Instrument message", "Protocol dose for today's weight: %1"),
        QT_TRANSLATE_NOOP("Instrument message", "Protocol dose for today's weight: %1 (%2)"),
        QT_TRANSLATE_NOOP("Instrument message", "Protocol maximum for today's weight: %1 (%2)"),
        QT_TRANSLATE_NOOP("Instrument message", "Protocol minimum for today's weight: %1"),
        QT_TRANSLATE_NOOP("Instrument message", "Protocol minimum for today's weight: %1 (%2)"),
        QT_TRANSLATE_NOOP("Instrument message",
                          "The course \"%1\" ended on %2 [%3: %4]; no dose is "
                          "expected now"),
        QT_TRANSLATE_NOOP("Instrument message", "above the protocol maximum of %1"),
        QT_TRANSLATE_NOOP("Instrument message",
                          "a dose now is beyond this plan's schedule: check by hand "
                          "and record why"),
        QT_TRANSLATE_NOOP("Instrument message", "at or below the maximum, as a taper may be"),
        QT_TRANSLATE_NOOP("Instrument message", "above the maximum of %1"),
        QT_TRANSLATE_NOOP("Instrument message", "at or above the minimum"),
        QT_TRANSLATE_NOOP("Instrument message", "below the protocol minimum"),
        QT_TRANSLATE_NOOP("Instrument message", "within %1% of it"),
        QT_TRANSLATE_NOOP("Instrument message",
                          "%1% below it: inside the rule once the taper has started, "
                          "but the first dose date is not known, so the phase cannot be told"),
        QT_TRANSLATE_NOOP("Instrument message",
                          "%1% away from it (more than %2%, provisional "
                          "rule)"),
        QT_TRANSLATE_NOOP("Instrument message", "seed"),
        QT_TRANSLATE_NOOP("Instrument message", "published"),
        QT_TRANSLATE_NOOP("Instrument message", "dose flag"),
        QT_TRANSLATE_NOOP("Instrument message", "improving"),
        QT_TRANSLATE_NOOP("Instrument message", "incomplete"),
        QT_TRANSLATE_NOOP("Instrument message", "major"),
        QT_TRANSLATE_NOOP("Instrument message", "minimal"),
        QT_TRANSLATE_NOOP("Instrument message", "moderate"),
        QT_TRANSLATE_NOOP("Instrument message", "no"),
        QT_TRANSLATE_NOOP("Instrument message", "no dose"),
        QT_TRANSLATE_NOOP("Instrument message", "no index"),
        QT_TRANSLATE_NOOP("Instrument message", "no weight"),
        QT_TRANSLATE_NOOP("Instrument message", "none"),
        QT_TRANSLATE_NOOP("Instrument message", "only %1 improved by 20% or more (3 needed)"),
        QT_TRANSLATE_NOOP("Instrument message", "provisional"),
        QT_TRANSLATE_NOOP("Instrument message", "score entered: %1"),
        # the CMAS and MMT8 totals' explanations (app.domain.instruments.cmas
        # CMAS_SENTENCES, mmt8 MMT8_SENTENCES) and an outcome row's note on a total not
        # computed (common.INCOMPLETE)
        QT_TRANSLATE_NOOP("Instrument message",
                          "Age must be a number of years, 0 or more; %1 was entered."),
        QT_TRANSLATE_NOOP("Instrument message", "CMAS total not computed: %1 entry is not valid."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "CMAS total not computed: %1 entries are not valid."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "CMAS total not computed: %1 of %2 items missing (%3). Sum of the %4 "
                          "items entered: %5 (partial, not a total; missing items are never "
                          "filled in)."),
        QT_TRANSLATE_NOOP("Instrument message", "item %1 (%2)"),
        QT_TRANSLATE_NOOP("Instrument message",
                          "CMAS total %1 of %2: sum of the 14 item scores (%3)."),
        QT_TRANSLATE_NOOP("Instrument message", "CMAS items without a score: %1"),
        QT_TRANSLATE_NOOP("Instrument message", "incomplete: %1"),
        QT_TRANSLATE_NOOP("Instrument message", "items missing"),
        # the CDASI's (app.domain.instruments.cdasi CDASI_SENTENCES)
        QT_TRANSLATE_NOOP("Instrument message",
                          "Gottron's papules on the hands not graded; other items %1 of %2"),
        QT_TRANSLATE_NOOP("Instrument message", "%1 item not graded"),
        QT_TRANSLATE_NOOP("Instrument message", "%1 items not graded"),
        QT_TRANSLATE_NOOP("Instrument message", "MMT8 (%1, 0-%2)"),
        QT_TRANSLATE_NOOP("Instrument message", "unilateral"),
        QT_TRANSLATE_NOOP("Instrument message", "bilateral"),
        QT_TRANSLATE_NOOP("Instrument message",
                          "MMT8 variant must be 'unilateral' (0-80) or 'bilateral' (0-150); %1 "
                          "was entered."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "%1: side tested must be right or left; %2 was entered."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "MMT8: %1 is not a muscle group tested on one side; choose one of: "
                          "%2."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "MMT8: sides are recorded only for the unilateral variant; the "
                          "bilateral variant has its own right and left fields."),
        QT_TRANSLATE_NOOP("Instrument message", "%1 total not computed: %2"),
        QT_TRANSLATE_NOOP("Instrument message",
                          "%1 total not computed: %2 of %3 muscle grades missing (%4). Sum of "
                          "the grades entered: %5 (partial, not a total; missing grades are "
                          "never filled in)."),
        QT_TRANSLATE_NOOP("Instrument message", "%1 total %2 of %3: sum of %4 muscle grades."),
        QT_TRANSLATE_NOOP("Instrument message", "Left side tested for: %1."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "MMT8 totals cannot be compared: baseline is %1 (0-%2) and follow-up "
                          "is %3 (0-%4). Use the same variant at every visit."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "MMT8 totals cannot be compared: the baseline total is incomplete."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "MMT8 totals cannot be compared: the follow-up total is incomplete."),
        QT_TRANSLATE_NOOP("Instrument message",
                          "MMT8 totals cannot be compared: the baseline and follow-up total is "
                          "incomplete."),
        QT_TRANSLATE_NOOP("Instrument message", "MMT8 (%1) change: %2 - %3 = %4."),
        QT_TRANSLATE_NOOP("Instrument message", "MMT8 groups without a grade: %1"),
        QT_TRANSLATE_NOOP("Instrument message", "the last visit"),
        QT_TRANSLATE_NOOP("Instrument message", "within the protocol rule"),
        QT_TRANSLATE_NOOP("Instrument message", "worse"),
        QT_TRANSLATE_NOOP("Instrument message", "yes"),
    ),
    # </instrument messages>
    # The instruments' findings printed on a visit summary (``findings`` of the registry),
    # Sentences whose templates are these; a finding still written as plain English
    # prints whole, never with listed words swapped inside it (phrases(FINDING, text)).
    FINDING: (
        QT_TRANSLATE_NOOP("Instrument finding", "; "),
        QT_TRANSLATE_NOOP("Instrument finding", "%1."),
        QT_TRANSLATE_NOOP("Instrument finding", "%1: %2"),
        QT_TRANSLATE_NOOP("Instrument finding", "%1: %2 (%3)"),
        QT_TRANSLATE_NOOP("Instrument finding", "%1 %2 %3"),
        QT_TRANSLATE_NOOP("Instrument finding", "nothing recorded."),
        QT_TRANSLATE_NOOP("Instrument finding", "Sun protection: %1."),
        QT_TRANSLATE_NOOP("Instrument finding", "Sun protection: nothing recorded."),
        QT_TRANSLATE_NOOP("Instrument finding", "Vital signs: %1"),
        QT_TRANSLATE_NOOP("Instrument finding", "weight %1"),
        QT_TRANSLATE_NOOP("Instrument finding", "height %1"),
        QT_TRANSLATE_NOOP("Instrument finding", "BP %1/%2"),
        QT_TRANSLATE_NOOP("Instrument finding", "creatinine %1"),
        QT_TRANSLATE_NOOP("Instrument finding", "Medications recorded: %1"),
        QT_TRANSLATE_NOOP("Instrument finding", "other: %1"),
        QT_TRANSLATE_NOOP("Instrument finding", "MRI: %1"),
        QT_TRANSLATE_NOOP("Instrument finding", "MRI: %1 on %2"),
        QT_TRANSLATE_NOOP("Instrument finding", "MRI: %1, active myositis %2"),
        QT_TRANSLATE_NOOP("Instrument finding", "MRI: %1 on %2, active myositis %3"),
        QT_TRANSLATE_NOOP("Instrument finding", "Autoantibodies: %1"),
        QT_TRANSLATE_NOOP("Instrument finding", "%1 %2"),
    ),
    # <cohort figures>
    # The cohort window's figures (app.domain.cohort: row labels, cells, notes) and its
    # charts' words (app.reports.cohort_charts), read through phrases(COHORT, text): a
    # text with values is a Sentence (its templates below), any other a whole entry.
    COHORT: (
        QT_TRANSLATE_NOOP("Cohort figure", "%1 (n = %2)"),
        QT_TRANSLATE_NOOP("Cohort figure", "%1 IQR"),
        QT_TRANSLATE_NOOP("Cohort figure", "%1 censored"),
        QT_TRANSLATE_NOOP("Cohort figure", "%1 median"),
        QT_TRANSLATE_NOOP("Cohort figure", "%1 positive (of tested)"),
        QT_TRANSLATE_NOOP("Cohort figure", "%1: events (per patient-year)"),
        QT_TRANSLATE_NOOP("Cohort figure", "Active"),
        QT_TRANSLATE_NOOP("Cohort figure",
                          "Adverse events per patient-year: all, serious, related "
                          "(possible, probable or definite) and by category as coded at "
                          "the visit; events recorded before the coding existed are "
                          "counted under 'category not recorded'."),
        QT_TRANSLATE_NOOP("Cohort figure", "Age at enrollment, years"),
        QT_TRANSLATE_NOOP("Cohort figure", "Age, years"),
        QT_TRANSLATE_NOOP("Cohort figure", "All adverse events"),
        QT_TRANSLATE_NOOP("Cohort figure",
                          "All, serious, related and by category (as coded at the visit)."),
        QT_TRANSLATE_NOOP("Cohort figure", "CHAQ disability index (0-3)"),
        QT_TRANSLATE_NOOP("Cohort figure", "Category not recorded"),
        QT_TRANSLATE_NOOP("Cohort figure",
                          "Censored at the last follow-up visit with a PRINTO status."),
        QT_TRANSLATE_NOOP("Cohort figure", "Completed"),
        QT_TRANSLATE_NOOP("Cohort figure",
                          "Continuous: median (IQR), n; mean (SD). Binary: n/N (%). SMD: "
                          "standardized mean difference, |SMD| > 0.1 suggests imbalance."),
        QT_TRANSLATE_NOOP("Cohort figure",
                          "Cumulative corticosteroid exposure to month 12: oral "
                          "prednisone-equivalent dose of each visit carried to the next "
                          "visit, plus IV methylprednisolone pulses × dose × 1.25 (4 mg "
                          "methylprednisolone = 5 mg prednisone (Liu D et al., Allergy "
                          "Asthma Clin Immunol 2013;9:30, Table 1); provisional), per kg "
                          "of the weight at that visit, from the first visit to the "
                          "month-12 visit; a child with a dose or weight missing on the "
                          "way is counted apart, not estimated (provisional project rule, "
                          "issue 18)."),
        QT_TRANSLATE_NOOP("Cohort figure",
                          "Cumulative prednisone-equivalent to month 12, mg/kg: median "
                          "(IQR)"),
        QT_TRANSLATE_NOOP("Cohort figure",
                          "Cumulative: oral dose carried to the next visit plus IV "
                          "methylprednisolone × 1.25, per kg, first visit to the month-12 "
                          "visit (provisional rule)."),
        QT_TRANSLATE_NOOP("Cohort figure", "Daily corticosteroid at enrollment, mg/kg/day"),
        QT_TRANSLATE_NOOP("Cohort figure", "Disease duration at enrollment, months"),
        QT_TRANSLATE_NOOP("Cohort figure",
                          "Disease duration: months from the recorded disease onset to "
                          "enrollment."),
        QT_TRANSLATE_NOOP("Cohort figure", "Dose at enrollment, mg/kg/day: median (IQR)"),
        QT_TRANSLATE_NOOP("Cohort figure",
                          "Each enrollment is analysed under the arm it started on; "
                          "switches are counted, not re-assigned."),
        QT_TRANSLATE_NOOP("Cohort figure", "Enrolled"),
        QT_TRANSLATE_NOOP("Cohort figure", "Female"),
        QT_TRANSLATE_NOOP("Cohort figure", "Follow-up per patient, months: median (IQR)"),
        QT_TRANSLATE_NOOP("Cohort figure", "Follow-up, patient-years"),
        QT_TRANSLATE_NOOP("Cohort figure", "Follow-up: enrollment to the last visit done."),
        QT_TRANSLATE_NOOP("Cohort figure", "In the analysis (not inactive at baseline)"),
        QT_TRANSLATE_NOOP("Cohort figure", "Inactive at baseline (not at risk)"),
        QT_TRANSLATE_NOOP("Cohort figure", "Inactive by month %1 (KM, day %2)"),
        QT_TRANSLATE_NOOP("Cohort figure", "Inactive disease (PRINTO) by month %1"),
        QT_TRANSLATE_NOOP("Cohort figure", "MDAAT cutaneous activity VAS (0-10)"),
        QT_TRANSLATE_NOOP("Cohort figure", "MDAAT cutaneous activity VAS (median, IQR)"),
        QT_TRANSLATE_NOOP("Cohort figure", "MDAAT cutaneous activity VAS, cm"),
        QT_TRANSLATE_NOOP("Cohort figure", "MMT8 unilateral (0-80)"),
        QT_TRANSLATE_NOOP("Cohort figure",
                          "Median (IQR), n: patients with the VAS recorded at that visit."),
        QT_TRANSLATE_NOOP("Cohort figure",
                          "Medians with interquartile range (quartiles by linear "
                          "interpolation, type 7). Standardized mean difference: (m1 − "
                          "m2)/√((s1² + s2²)/2); binary: (p1 − p2)/√((p1(1 − p1) + p2(1 − "
                          "p2))/2); |SMD| > 0.1 is the usual mark of imbalance."),
        QT_TRANSLATE_NOOP("Cohort figure", "Month %1: %2 improvement or better"),
        QT_TRANSLATE_NOOP("Cohort figure", "Month %1: IMACS improvement"),
        QT_TRANSLATE_NOOP("Cohort figure", "Month %1: TIS, median (IQR)"),
        QT_TRANSLATE_NOOP("Cohort figure", "Month %1: major improvement"),
        QT_TRANSLATE_NOOP("Cohort figure", "Month %1: visit done"),
        QT_TRANSLATE_NOOP("Cohort figure",
                          "Month-12 visit done, cumulative not computable (a dose or "
                          "weight missing)"),
        QT_TRANSLATE_NOOP("Cohort figure",
                          "Nothing is imputed: each figure gives the number of patients it "
                          "rests on (n)."),
        QT_TRANSLATE_NOOP("Cohort figure", "Number at risk, month %1"),
        QT_TRANSLATE_NOOP("Cohort figure",
                          "Off daily corticosteroid at month 12 (medications recorded)"),
        QT_TRANSLATE_NOOP("Cohort figure",
                          "On a daily corticosteroid at enrollment (prescription or "
                          "baseline visit)"),
        QT_TRANSLATE_NOOP("Cohort figure",
                          "Only completed or signed visits count, with their adverse "
                          "events (a draft may be half entered); follow-up runs from "
                          "enrollment to the last of them."),
        QT_TRANSLATE_NOOP("Cohort figure", "PRINTO status not determinable (left out)"),
        QT_TRANSLATE_NOOP("Cohort figure", "Patient-years of follow-up"),
        QT_TRANSLATE_NOOP("Cohort figure",
                          "Patients with every covariate recorded (of those enrolled)"),
        QT_TRANSLATE_NOOP("Cohort figure", "Physician global activity VAS (0-10)"),
        QT_TRANSLATE_NOOP("Cohort figure",
                          "Reached PRINTO clinically inactive disease (Kaplan–Meier)"),
        QT_TRANSLATE_NOOP("Cohort figure", "Reached inactive disease"),
        QT_TRANSLATE_NOOP("Cohort figure", "Related (possible, probable, definite)"),
        QT_TRANSLATE_NOOP("Cohort figure", "SMD before → after weighting: %1"),
        QT_TRANSLATE_NOOP("Cohort figure", "Serious"),
        QT_TRANSLATE_NOOP("Cohort figure",
                          "Shares of the patients with a TIS (or an IMACS decision) at "
                          "that visit; the rest of the visits done lacked a core set "
                          "measure."),
        QT_TRANSLATE_NOOP("Cohort figure", "Stabilised weights after truncation: range"),
        QT_TRANSLATE_NOOP("Cohort figure", "Stopped (withdrawn)"),
        QT_TRANSLATE_NOOP("Cohort figure", "Switched arm"),
        QT_TRANSLATE_NOOP("Cohort figure", "TIS at month %1"),
        QT_TRANSLATE_NOOP("Cohort figure",
                          "TIS categories (JDM, Rider 2017): minimal ≥ 30, moderate ≥ 45, "
                          "major ≥ 70; IMACS improvement as defined by the IMACS group "
                          "(both provisional where the visit form says so)."),
        QT_TRANSLATE_NOOP("Cohort figure",
                          "Time to PRINTO clinically inactive disease: from enrollment to "
                          "the first follow-up visit found inactive (Lazarevic 2013: 3 of "
                          "CK ≤ 150 U/L, CMAS ≥ 48, MMT8 ≥ 78, PGA ≤ 0.2), censored at the "
                          "last follow-up visit with a PRINTO status; children inactive at "
                          "baseline are not at risk."),
        QT_TRANSLATE_NOOP("Cohort figure", "Total improvement score (median, IQR)"),
        QT_TRANSLATE_NOOP("Cohort figure", "Weighted comparison"),
        QT_TRANSLATE_NOOP("Cohort figure", "crude %1 vs %2; n = %3/%4"),
        QT_TRANSLATE_NOOP("Cohort figure", "mean %1 (SD %2)"),
        QT_TRANSLATE_NOOP("Cohort figure", "minimal"),
        QT_TRANSLATE_NOOP("Cohort figure", "moderate"),
        QT_TRANSLATE_NOOP("Cohort figure", "month"),
        QT_TRANSLATE_NOOP("Cohort figure", "months since enrollment"),
        QT_TRANSLATE_NOOP("Cohort figure", "no data"),
        QT_TRANSLATE_NOOP("Cohort figure",
                          "not shown: fewer than %1 patients with every covariate recorded "
                          "on an arm (%2)"),
        QT_TRANSLATE_NOOP("Cohort figure", "share reached"),
        QT_TRANSLATE_NOOP("Cohort figure", "shown (exploratory)"),
        QT_TRANSLATE_NOOP("Cohort figure", "weighted %1 %2 vs %3 %4 (%5)"),
        QT_TRANSLATE_NOOP("Cohort figure", "%1 points"),
        QT_TRANSLATE_NOOP("Cohort figure", "n = %1/%2: not enough to compare"),
        QT_TRANSLATE_NOOP("Cohort figure", "no interval: %1 usable replicates"),
        # a figure's parts (a cell: "…, n = 12; mean 3.5 (SD 1.1)"), a count after its
        # reason or arm ("A: 6")
        QT_TRANSLATE_NOOP("Cohort figure", "; "),
        QT_TRANSLATE_NOOP("Cohort figure", "%1: %2"),
        # the bootstrap intervals (app.domain.cohort.bootstrap)
        QT_TRANSLATE_NOOP("Cohort figure", "%1 replicates resampled within arm, model "
                                           "re-fitted each time"),
        QT_TRANSLATE_NOOP("Cohort figure", "(seed %1); model not fitted in %2"),
        QT_TRANSLATE_NOOP("Cohort figure", "(seed %1); model not fitted in %2 (%3)"),
        QT_TRANSLATE_NOOP("Cohort figure", "95% CI %1 to %2 from %3 replicates"),
        QT_TRANSLATE_NOOP("Cohort figure", "95% intervals (bootstrap)"),
        QT_TRANSLATE_NOOP("Cohort figure",
                          "not computed (on request: a minute or more on a large cohort)"),
        # the weighted comparison's caveats (app.domain.cohort.propensity.CAVEATS) and why
        # a model could not be fitted (NOT_FITTED_REASONS: in the table, and counted by
        # the bootstrap after "model not fitted in …")
        QT_TRANSLATE_NOOP("Cohort figure",
                          "Exploratory: an observational comparison. Weighting balances only "
                          "the covariates measured and listed here; anything else that guided "
                          "the choice of arm (severity not captured, family preference, access "
                          "to infusions) is not accounted for."),
        QT_TRANSLATE_NOOP("Cohort figure",
                          "Logistic model of the arm on the baseline covariates listed, fitted "
                          "on the patients with every covariate recorded (complete cases; "
                          "nothing imputed). Stabilised weights P(arm) / P(arm | covariates), "
                          "truncated at their 1st and 99th percentiles."),
        QT_TRANSLATE_NOOP("Cohort figure",
                          "|SMD| ≤ 0.1 after weighting is the usual mark of adequate balance. "
                          "95% intervals of the weighted differences: bootstrap percentiles, "
                          "the patients resampled within each arm and the model re-fitted in "
                          "every replicate (a fixed seed, so the same data give the same "
                          "interval); replicates whose model could not be fitted are counted "
                          "and left out. They are computed on request."),
        QT_TRANSLATE_NOOP("Cohort figure", "not shown: %1"),
        QT_TRANSLATE_NOOP("Cohort figure", "the covariates are collinear"),
        QT_TRANSLATE_NOOP("Cohort figure", "no patients"),
        QT_TRANSLATE_NOOP("Cohort figure", "a covariate has the same value for everyone"),
        QT_TRANSLATE_NOOP("Cohort figure", "the covariates separate the arms"),
        QT_TRANSLATE_NOOP("Cohort figure", "the model did not converge"),
    ),
    # </cohort figures>
    # The cohort report's table titles and empty cells (app.domain.cohort.outcomes
    # tables(): the PDF prints them, the window names its tabs itself).
    COHORT_TABLE: (
        QT_TRANSLATE_NOOP("Cohort table", "Patients and follow-up by arm"),
        QT_TRANSLATE_NOOP("Cohort table", "Baseline characteristics by arm"),
        QT_TRANSLATE_NOOP("Cohort table", "Time to PRINTO clinically inactive disease "
                                          "(Kaplan–Meier)"),
        QT_TRANSLATE_NOOP("Cohort table", "Total improvement score and IMACS improvement"),
        QT_TRANSLATE_NOOP("Cohort table", "MDAAT cutaneous activity VAS (0-10 cm) by "
                                          "scheduled visit"),
        QT_TRANSLATE_NOOP("Cohort table", "Corticosteroid exposure"),
        QT_TRANSLATE_NOOP("Cohort table", "Adverse events per patient-year"),
        QT_TRANSLATE_NOOP("Cohort table", "Exploratory: propensity-score weighted comparison"),
        QT_TRANSLATE_NOOP("Cohort table", "not recorded"),
    ),
    # The printed worksheet's own words (``paper`` of the instrument registry: block
    # headings, column titles, row labels, tick-box options), each read whole through
    # term(WORKSHEET, text) before the instruments' item words.
    WORKSHEET: (
        QT_TRANSLATE_NOOP("Worksheet", "Global assessments (mark the 10 cm line, then measure)"),
        QT_TRANSLATE_NOOP("Worksheet", "Inactive"),
        QT_TRANSLATE_NOOP("Worksheet", "CMAS — Childhood Myositis Assessment Scale (0-52)"),
        QT_TRANSLATE_NOOP("Worksheet", "CMAS item"),
        QT_TRANSLATE_NOOP("Worksheet", "Score (tick one)"),
        QT_TRANSLATE_NOOP("Worksheet", "Seconds / score"),
        QT_TRANSLATE_NOOP("Worksheet", "0 Unable"),
        QT_TRANSLATE_NOOP("Worksheet", "score ____"),
        QT_TRANSLATE_NOOP("Worksheet", "CHAQ — 0 without difficulty, 1 some, 2 much, 3 unable"),
        QT_TRANSLATE_NOOP("Worksheet", "Domain"),
        QT_TRANSLATE_NOOP("Worksheet", "Item"),
        QT_TRANSLATE_NOOP("Worksheet", "Aids or devices:"),
        QT_TRANSLATE_NOOP("Worksheet", "Help from another person for:"),
        QT_TRANSLATE_NOOP("Worksheet", "Dressing and grooming"),
        QT_TRANSLATE_NOOP("Worksheet", "Gripping and opening things"),
        QT_TRANSLATE_NOOP("Worksheet", "Errands and chores"),
        QT_TRANSLATE_NOOP("Worksheet", "MMT8 — variant:"),
        QT_TRANSLATE_NOOP("Worksheet", "unilateral (0-80)"),
        QT_TRANSLATE_NOOP("Worksheet", "bilateral (0-150)"),
        QT_TRANSLATE_NOOP("Worksheet", "Muscle group (Kendall 0-10)"),
        QT_TRANSLATE_NOOP("Worksheet", "Right"),
        QT_TRANSLATE_NOOP("Worksheet", "Left"),
        QT_TRANSLATE_NOOP("Worksheet", "Neck / axial"),
        QT_TRANSLATE_NOOP("Worksheet", "Neck flexors"),
        QT_TRANSLATE_NOOP("Worksheet", "Middle deltoid"),
        QT_TRANSLATE_NOOP("Worksheet", "Biceps brachii"),
        QT_TRANSLATE_NOOP("Worksheet", "Gluteus maximus"),
        QT_TRANSLATE_NOOP("Worksheet", "Gluteus medius"),
        QT_TRANSLATE_NOOP("Worksheet", "Quadriceps"),
        QT_TRANSLATE_NOOP("Worksheet", "Wrist extensors"),
        QT_TRANSLATE_NOOP("Worksheet", "Ankle dorsiflexors"),
        QT_TRANSLATE_NOOP("Worksheet", "Muscle enzymes — blood collected on: ____________"),
        QT_TRANSLATE_NOOP("Worksheet", "Enzyme"),
        QT_TRANSLATE_NOOP("Worksheet", "Value"),
        QT_TRANSLATE_NOOP("Worksheet", "Unit (U/L or µkat/L)"),
        QT_TRANSLATE_NOOP("Worksheet", "Lab upper limit of normal"),
        QT_TRANSLATE_NOOP("Worksheet", "ULN unit"),
        QT_TRANSLATE_NOOP("Worksheet", "Aldolase"),
        QT_TRANSLATE_NOOP("Worksheet", "Skin (MDAAT cutaneous items)"),
        QT_TRANSLATE_NOOP("Worksheet", "Skin finding"),
        QT_TRANSLATE_NOOP("Worksheet", "Answer"),
        QT_TRANSLATE_NOOP("Worksheet", "Change since last visit"),
        QT_TRANSLATE_NOOP("Worksheet", "Absent"),
        QT_TRANSLATE_NOOP("Worksheet", "CDASI activity (erythema 0-3, scale 0-2, "
                                       "erosion/ulceration 0-1)"),
        QT_TRANSLATE_NOOP("Worksheet", "Location"),
        QT_TRANSLATE_NOOP("Worksheet", "Erythema"),
        QT_TRANSLATE_NOOP("Worksheet", "Scale"),
        QT_TRANSLATE_NOOP("Worksheet", "Erosion/ulceration"),
        QT_TRANSLATE_NOOP("Worksheet", "Scalp"),
        QT_TRANSLATE_NOOP("Worksheet", "Malar area"),
        QT_TRANSLATE_NOOP("Worksheet", "Periorbital"),
        QT_TRANSLATE_NOOP("Worksheet", "Rest of the face"),
        QT_TRANSLATE_NOOP("Worksheet", "V-area of the neck (front)"),
        QT_TRANSLATE_NOOP("Worksheet", "Posterior neck"),
        QT_TRANSLATE_NOOP("Worksheet", "Upper back and shoulders"),
        QT_TRANSLATE_NOOP("Worksheet", "Rest of back and buttocks"),
        QT_TRANSLATE_NOOP("Worksheet", "Abdomen"),
        QT_TRANSLATE_NOOP("Worksheet", "Lateral upper thigh"),
        QT_TRANSLATE_NOOP("Worksheet", "Rest of leg and feet"),
        QT_TRANSLATE_NOOP("Worksheet", "Arm"),
        QT_TRANSLATE_NOOP("Worksheet", "Mechanic's hand"),
        QT_TRANSLATE_NOOP("Worksheet", "Dorsum of hands (not over joints)"),
        QT_TRANSLATE_NOOP("Worksheet", "Gottron's, not on the hands"),
        QT_TRANSLATE_NOOP("Worksheet", "Gottron's papules on the hands (erythema doubled if "
                                       "papules; papules present: yes / no)"),
        QT_TRANSLATE_NOOP("Worksheet", "Periungual changes (0-2)"),
        QT_TRANSLATE_NOOP("Worksheet", "Recent hair loss, last 30 days (0-1)"),
        QT_TRANSLATE_NOOP("Worksheet", "Sun protection"),
        QT_TRANSLATE_NOOP("Worksheet", "Counselling given:"),
        QT_TRANSLATE_NOOP("Worksheet", "yes"),
        QT_TRANSLATE_NOOP("Worksheet", "Adherence since the last visit:"),
        QT_TRANSLATE_NOOP("Worksheet", "Muscle MRI"),
        QT_TRANSLATE_NOOP("Worksheet", "Done:"),
        QT_TRANSLATE_NOOP("Worksheet", "   Date: ____________   Active myositis:"),
        QT_TRANSLATE_NOOP("Worksheet", "Autoantibodies"),
        QT_TRANSLATE_NOOP("Worksheet", "Autoantibody"),
        QT_TRANSLATE_NOOP("Worksheet", "Vital signs"),
        QT_TRANSLATE_NOOP("Worksheet", "Measurement"),
        QT_TRANSLATE_NOOP("Worksheet", "Unit"),
        QT_TRANSLATE_NOOP("Worksheet", "µmol/L or mg/dL"),
        QT_TRANSLATE_NOOP("Worksheet", "Medications taken"),
        QT_TRANSLATE_NOOP("Worksheet", "Medication"),
        QT_TRANSLATE_NOOP("Worksheet", "Dose"),
        QT_TRANSLATE_NOOP("Worksheet", "Frequency"),
        QT_TRANSLATE_NOOP("Worksheet", "Steroid exposure and background medicines"),
        QT_TRANSLATE_NOOP("Worksheet", "Adverse events since the last visit"),
        QT_TRANSLATE_NOOP("Worksheet", "Adverse event"),
        QT_TRANSLATE_NOOP("Worksheet", "Category"),
        QT_TRANSLATE_NOOP("Worksheet", "Onset"),
        QT_TRANSLATE_NOOP("Worksheet", "Resolved (blank = ongoing)"),
        QT_TRANSLATE_NOOP("Worksheet", "Serious?"),
        QT_TRANSLATE_NOOP("Worksheet", "Severity"),
        QT_TRANSLATE_NOOP("Worksheet", "Relation"),
        QT_TRANSLATE_NOOP("Worksheet", "Outcome"),
        QT_TRANSLATE_NOOP("Worksheet", "Action taken"),
    ),
    # The printed visit summary's outcome rows (``outcome_rows`` of the instrument
    # registry), read through phrases(OUTCOME_ROW, label); a hole is an instrument's label.
    OUTCOME_ROW: (
        QT_TRANSLATE_NOOP("Outcome row", "%1 (0-10 cm)"),
        QT_TRANSLATE_NOOP("Outcome row", "%1 (× ULN)"),
        QT_TRANSLATE_NOOP("Outcome row", "CMAS total"),
        QT_TRANSLATE_NOOP("Outcome row", "CHAQ disability index (0-%1)"),
        QT_TRANSLATE_NOOP("Outcome row", "CHAQ pain (0-10 cm)"),
        QT_TRANSLATE_NOOP("Outcome row", "MMT8 total (unilateral)"),
        QT_TRANSLATE_NOOP("Outcome row", "MMT8 total (bilateral)"),
        QT_TRANSLATE_NOOP("Outcome row", "Oral prednisone-equivalent dose (mg/day)"),
        QT_TRANSLATE_NOOP("Outcome row", "CDASI activity (provisional)"),
    ),
    # app.domain.response.total_improvement.BAND_SENTENCES: a measure's band of the total
    # improvement score, read through band_words
    TIS_BAND: (QT_TRANSLATE_NOOP("TIS band", ">%1%"), QT_TRANSLATE_NOOP("TIS band", ">%1-%2%"),
               QT_TRANSLATE_NOOP("TIS band", "<=%1% or worse"),
               QT_TRANSLATE_NOOP("TIS band", "worsened")),
    # The words about the rules' citations, which a printed document keeps as published
    # (app/reports/words.py CITED_AS_PUBLISHED): total_improvement.TIS_SOURCE and
    # TIS_PERCENT_CHANGE_RULE.source, steroid_exposure.EQUIVALENCE_SOURCE
    # app.logs.error_message: what an error no form handled is said with
    ERROR: (QT_TRANSLATE_NOOP("Error message", "Something unexpected went wrong: %1"),
            QT_TRANSLATE_NOOP("Error message",
                              "What you entered stays in the open window; forms that autosave "
                              "also keep a draft. The details are in the log file (%1); "
                              "please send it to your IT contact."),
            QT_TRANSLATE_NOOP("Error message",
                              "The window stays open with what you entered. The details are "
                              "in the log file (%1).")),
    # app.db.encryption.check_new_passphrase: a new database passphrase refused
    PASSPHRASE_CHECK: (
        QT_TRANSLATE_NOOP("Passphrase check",
                          "The database passphrase must be at least %1 characters long. A "
                          "short sentence is easy to remember and hard to guess."),
        QT_TRANSLATE_NOOP("Passphrase check",
                          "The database passphrase must be at most %1 characters."),
        QT_TRANSLATE_NOOP("Passphrase check",
                          "The database passphrase cannot begin or end with a space: it would "
                          "be too easy to lose when typed again."),
        QT_TRANSLATE_NOOP("Passphrase check",
                          "The two passphrases are not the same; type them again.")),
    # app.domain.coded_values: the dose units and frequencies offered on the medications
    # form, shown in words, stored (and exported) as the English label
    CODED: (
        QT_TRANSLATE_NOOP("Coded value", "once daily"),
        QT_TRANSLATE_NOOP("Coded value", "twice daily"),
        QT_TRANSLATE_NOOP("Coded value", "three times daily"),
        QT_TRANSLATE_NOOP("Coded value", "four times daily"),
        QT_TRANSLATE_NOOP("Coded value", "every other day"),
        QT_TRANSLATE_NOOP("Coded value", "weekly"),
        QT_TRANSLATE_NOOP("Coded value", "twice weekly"),
        QT_TRANSLATE_NOOP("Coded value", "every 2 weeks"),
        QT_TRANSLATE_NOOP("Coded value", "every 4 weeks"),
        QT_TRANSLATE_NOOP("Coded value", "monthly"),
        QT_TRANSLATE_NOOP("Coded value", "as needed"),
        QT_TRANSLATE_NOOP("Coded value", "once"),
        QT_TRANSLATE_NOOP("Coded value", "mg"),
        QT_TRANSLATE_NOOP("Coded value", "g"),
        QT_TRANSLATE_NOOP("Coded value", "mcg"),
        QT_TRANSLATE_NOOP("Coded value", "mg/kg"),
        QT_TRANSLATE_NOOP("Coded value", "mg/m²"),
        QT_TRANSLATE_NOOP("Coded value", "mL"),
        QT_TRANSLATE_NOOP("Coded value", "IU"),
        QT_TRANSLATE_NOOP("Coded value", "units"),
        QT_TRANSLATE_NOOP("Coded value", "tablet"),
        QT_TRANSLATE_NOOP("Coded value", "application"),
        QT_TRANSLATE_NOOP("Coded value", "drop"),
        QT_TRANSLATE_NOOP("Coded value", "puff")),
    # app.domain.permissions.ACCOUNT_SENTENCES: a user name or password refused
    ACCOUNT_CHECK: (
        QT_TRANSLATE_NOOP("Account check", "The password must be at least %1 characters long."),
        QT_TRANSLATE_NOOP("Account check", "The password must be at most %1 characters long."),
        QT_TRANSLATE_NOOP("Account check", "The password cannot be only spaces."),
        QT_TRANSLATE_NOOP("Account check", "The password cannot be the same as the user name."),
        QT_TRANSLATE_NOOP("Account check", "A user name is required."),
        QT_TRANSLATE_NOOP("Account check", "The user name must be at most %1 characters long."),
        QT_TRANSLATE_NOOP("Account check", "The user name cannot contain spaces."),
        QT_TRANSLATE_NOOP("Account check",
                          "The user name contains characters that cannot be printed.")),
    CITATION: (
        QT_TRANSLATE_NOOP("Citation",
                          "(2016 ACR/EULAR juvenile dermatomyositis response criteria)"),
        QT_TRANSLATE_NOOP("Citation", "(provisional; verify against the IMACS calculator)"),
        QT_TRANSLATE_NOOP("Citation", "4 mg methylprednisolone = 5 mg prednisone"),
        QT_TRANSLATE_NOOP("Citation", "); provisional")),
    # app.domain.enrollment_sentences.SENTENCES: the enrollment's arm and dose pages' checks,
    # the arm-choice reasons' problems and the prior-therapy reasons judged on the enrollment
    # date (app/forms/enrollment/check_words.py)
    "Enrollment check": (
        QT_TRANSLATE_NOOP("Enrollment check", "Choose an arm."),
        QT_TRANSLATE_NOOP("Enrollment check", "Choose the option for arm %1: %2."),
        QT_TRANSLATE_NOOP("Enrollment check",
                          "Not allowed on the enrollment date %1 by the prior-therapy rules: %2"),
        QT_TRANSLATE_NOOP("Enrollment check",
                          "Not allowed on the enrollment date %1 (boundary date %2) by the "
                          "prior-therapy rules: %3"),
        QT_TRANSLATE_NOOP("Enrollment check",
                          "Some prior-therapy rules cannot be checked: %1 Give the treating "
                          "team's reason for going ahead."),
        QT_TRANSLATE_NOOP("Enrollment check", "Arm %1 is not available: %2"),
        QT_TRANSLATE_NOOP("Enrollment check",
                          "Arm %1 is not available: %2 Tick the exception in arm %1's box above "
                          "if it applies."),
        QT_TRANSLATE_NOOP("Enrollment check", "Give the reason for using this exception."),
        QT_TRANSLATE_NOOP("Enrollment check", "Enter the first dose date (YYYY-MM-DD)."),
        QT_TRANSLATE_NOOP("Enrollment check",
                          "The first dose cannot be before the enrollment date."),
        QT_TRANSLATE_NOOP("Enrollment check", "This plan gives no pulse methylprednisolone limit."),
        QT_TRANSLATE_NOOP("Enrollment check", "Choose the pulse schedule: %1."),
        QT_TRANSLATE_NOOP("Enrollment check", " or "),
        QT_TRANSLATE_NOOP("Enrollment check", "The pulse dose must be more than zero."),
        QT_TRANSLATE_NOOP("Enrollment check",
                          "This plan gives no daily corticosteroid limit; record the dose at "
                          "the visit."),
        QT_TRANSLATE_NOOP("Enrollment check", "The plan does not allow a switch from arm %1."),
        QT_TRANSLATE_NOOP("Enrollment check", "Choose the arm to switch to: %1."),
        QT_TRANSLATE_NOOP("Enrollment check", "Choose the reason for the switch."),
        QT_TRANSLATE_NOOP("Enrollment check", "Unknown reason code: %1."),
        QT_TRANSLATE_NOOP("Enrollment check", "A reason is listed twice."),
        QT_TRANSLATE_NOOP("Enrollment check", "Say what the other reason is."),
        QT_TRANSLATE_NOOP("Enrollment check",
                          "Text was typed for another reason but \"Other\" is not ticked."),
        QT_TRANSLATE_NOOP("Enrollment check",
                          "%1 is still being given. It must be stopped and the last dose be at "
                          "least %2 before the enrollment date."),
        QT_TRANSLATE_NOOP("Enrollment check",
                          "%1: last dose %2; the washout (%3) is complete on %4, after the "
                          "enrollment date %5.%6"),
        QT_TRANSLATE_NOOP("Enrollment check",
                          "%1: last dose %2 is less than %3 before the enrollment date %4; the "
                          "washout is complete on %5."),
        QT_TRANSLATE_NOOP("Enrollment check",
                          "%1: last dose %2, at least %3 before the enrollment date %4 (complete "
                          "from %5)"),
        QT_TRANSLATE_NOOP("Enrollment check",
                          "%1: last dose %2, at least %3 before the enrollment date %4 (complete "
                          "from %5).%6"),
        QT_TRANSLATE_NOOP("Enrollment check",
                          "%1 started %2: enrolment is possible up to %3 (%4 after starting); "
                          "the enrollment date %5 is within it."),
        QT_TRANSLATE_NOOP("Enrollment check",
                          "%1 started %2, more than %3 before the enrollment date %4 (the limit "
                          "was %5)."),
        QT_TRANSLATE_NOOP("Enrollment check",
                          "%1: starts after the enrollment date %2; not used for this "
                          "screening.")),
    # app.domain.protocol.key_refusals.SENTENCES: a plan file's key refused for its value
    # (the Treatment plans window, beside PLAN_FILE)
    "Plan file key": (
        QT_TRANSLATE_NOOP("Plan file key", "must be a number, not %1"),
        QT_TRANSLATE_NOOP("Plan file key", "must be an ordinary number"),
        QT_TRANSLATE_NOOP("Plan file key", "must be greater than zero (found %1)"),
        QT_TRANSLATE_NOOP("Plan file key", "must be a whole number, not %1"),
        QT_TRANSLATE_NOOP("Plan file key", "must be at least %1 (found %2)"),
        QT_TRANSLATE_NOOP("Plan file key", "this application reads %1 %2, not %3"),
        QT_TRANSLATE_NOOP("Plan file key", "must be true or false, not %1"),
        QT_TRANSLATE_NOOP("Plan file key", "must be a list of text values"),
        QT_TRANSLATE_NOOP("Plan file key", "must be text, not %1"),
        QT_TRANSLATE_NOOP("Plan file key", "must not be empty"),
        QT_TRANSLATE_NOOP("Plan file key",
                          "\"%1\" is not a valid id (letters, digits, \"_\" or \"-\"; see "
                          "the schema)"),
        QT_TRANSLATE_NOOP("Plan file key", "drug names are lower-case generic names (\"%1\")"),
        QT_TRANSLATE_NOOP("Plan file key", "must be a table, not %1"),
        QT_TRANSLATE_NOOP("Plan file key", "must be a list of tables, not %1"),
        QT_TRANSLATE_NOOP("Plan file key",
                          "must be \"yes\", \"no\", \"unknown\" or a list of them"),
        QT_TRANSLATE_NOOP("Plan file key", "must be text, true/false, or a list of them"),
        QT_TRANSLATE_NOOP("Plan file key", "max %1 is below min %2"),
        QT_TRANSLATE_NOOP("Plan file key", "is missing (say whether %1 is included)"),
        QT_TRANSLATE_NOOP("Plan file key", "given without %1"),
        QT_TRANSLATE_NOOP("Plan file key", "%1 %2 must be above %3 %4"),
        QT_TRANSLATE_NOOP("Plan file key", "a reason cannot both fail and allow"),
        QT_TRANSLATE_NOOP("Plan file key", "is missing (given with %1)"),
        QT_TRANSLATE_NOOP("Plan file key", "half_lives_max %1 is below half_lives_min %2"),
        QT_TRANSLATE_NOOP("Plan file key", "true/false"),
        QT_TRANSLATE_NOOP("Plan file key", "a number"),
        QT_TRANSLATE_NOOP("Plan file key", "text"),
        QT_TRANSLATE_NOOP("Plan file key", "a list"),
        QT_TRANSLATE_NOOP("Plan file key", "a table"),
        # app.domain.protocol.table_refusals.SENTENCES: how a plan file's keys and
        # tables fit together (what a kind needs, names the file does not define)
        QT_TRANSLATE_NOOP("Plan file key", "is missing (a \"choice\" field needs its choices)"),
        QT_TRANSLATE_NOOP("Plan file key", "only a \"choice\" field has choices (this is \"%1\")"),
        QT_TRANSLATE_NOOP("Plan file key", "only a \"number\" field has min/max (this is \"%1\")"),
        QT_TRANSLATE_NOOP("Plan file key", "a \"%1\" rule has no %2"),
        QT_TRANSLATE_NOOP("Plan file key", "is missing (a \"%1\" rule needs an amount)"),
        QT_TRANSLATE_NOOP("Plan file key", "a \"%1\" rule needs at least two sub-rules"),
        QT_TRANSLATE_NOOP("Plan file key", "a \"weight_bands\" rule needs at least one band"),
        QT_TRANSLATE_NOOP("Plan file key", "a \"bsa_bands\" rule needs at least one band"),
        QT_TRANSLATE_NOOP("Plan file key",
                          "a dose range (amount_max) is allowed only on \"per_kg\" and "
                          "\"per_m2\" rules"),
        QT_TRANSLATE_NOOP("Plan file key", "is missing (a \"%1\" rule needs it)"),
        QT_TRANSLATE_NOOP("Plan file key", "a \"%1\" rule needs drugs or groups"),
        QT_TRANSLATE_NOOP("Plan file key", "only a washout rule has %2"),
        QT_TRANSLATE_NOOP("Plan file key", "give exactly one of every_days or every_months"),
        QT_TRANSLATE_NOOP("Plan file key", "\"%1\" is not allowed (use one of: %2)"),
        QT_TRANSLATE_NOOP("Plan file key", "unknown rule kind \"%1\" (use one of: %2)"),
        QT_TRANSLATE_NOOP("Plan file key",
                          "use either \"answer\" or \"field\" with \"is\", not "
                          "both"),
        QT_TRANSLATE_NOOP("Plan file key",
                          "use one of: answer; field with is; field with below; field "
                          "with blank"),
        QT_TRANSLATE_NOOP("Plan file key", "no detail field \"%1\" to test"),
        QT_TRANSLATE_NOOP("Plan file key", "\"%1\" is a %2 field; test a choice or bool"),
        QT_TRANSLATE_NOOP("Plan file key", "%1 is not a possible value of \"%2\""),
        QT_TRANSLATE_NOOP("Plan file key", "\"%1\" is a %2 field, not a number"),
        QT_TRANSLATE_NOOP("Plan file key", "\"%1\" is a yes/no field, never blank"),
        QT_TRANSLATE_NOOP("Plan file key", "no detail field \"%1\" here"),
        QT_TRANSLATE_NOOP("Plan file key", "\"%1\" is not a date field"),
        QT_TRANSLATE_NOOP("Plan file key", "the protocol must be a table of keys"),
        QT_TRANSLATE_NOOP("Plan file key", "duplicate %1 id \"%2\" (first used at %3)"),
        QT_TRANSLATE_NOOP("Plan file key", "no schedule \"%1\""),
        QT_TRANSLATE_NOOP("Plan file key", "no arm \"%1\""),
        QT_TRANSLATE_NOOP("Plan file key", "no drug group \"%1\""),
        QT_TRANSLATE_NOOP("Plan file key", "arm \"%1\" cannot switch to itself"),
        QT_TRANSLATE_NOOP("Plan file key",
                          "\"%1\" is not an instrument this application can record; "
                          "known instruments: %2"),
        QT_TRANSLATE_NOOP("Plan file key", "no instrument \"%1\" in [[instruments]]"),
        QT_TRANSLATE_NOOP("Plan file key", "visits must be listed in time order"),
        QT_TRANSLATE_NOOP("Plan file key", "\"%1\" already has a half-life (half_lives[%2])"),
        QT_TRANSLATE_NOOP("Plan file key", "no [[half_lives]] entry for %1"),
        QT_TRANSLATE_NOOP("Plan file key",
                          "\"%1\" names no source; a %2 rule says which paper, table "
                          "or label it comes from"),
        QT_TRANSLATE_NOOP("Plan file key", "a band needs %1, %2 or both"),
        QT_TRANSLATE_NOOP("Plan file key", "this band overlaps another (%1 / %2)"),
        QT_TRANSLATE_NOOP("Plan file key", "is missing (only the last phase may be open-ended)"),
        QT_TRANSLATE_NOOP("Plan file key", "only one option may be the default (%1)"),
        QT_TRANSLATE_NOOP("Plan file key", "no option \"%1\" in this arm's options"),
        QT_TRANSLATE_NOOP("Plan file key", "option \"%1\" has no dose naming it"),
        QT_TRANSLATE_NOOP("Plan file key", "this"),
        QT_TRANSLATE_NOOP("Plan file key", "criterion"),
        QT_TRANSLATE_NOOP("Plan file key", "arm"),
        QT_TRANSLATE_NOOP("Plan file key", "limit"),
        QT_TRANSLATE_NOOP("Plan file key", "schedule"),
        QT_TRANSLATE_NOOP("Plan file key", "visit"),
        QT_TRANSLATE_NOOP("Plan file key", "instrument"),
        QT_TRANSLATE_NOOP("Plan file key", "counselling"),
        QT_TRANSLATE_NOOP("Plan file key", "note"),
        QT_TRANSLATE_NOOP("Plan file key", "drug group"),
        QT_TRANSLATE_NOOP("Plan file key", "prior-therapy rule"),
        QT_TRANSLATE_NOOP("Plan file key", "detail field"),
        QT_TRANSLATE_NOOP("Plan file key", "date rule"),
        QT_TRANSLATE_NOOP("Plan file key", "consistency rule"),
        QT_TRANSLATE_NOOP("Plan file key", "choice"),
        QT_TRANSLATE_NOOP("Plan file key", "option")),
    # app.db.sites.SITE_SENTENCES: a site refused or not found
    SITE_CHECK: (
        QT_TRANSLATE_NOOP("Site list check", "Enter the site's name."),
        QT_TRANSLATE_NOOP("Site list check", "A site name cannot contain the character |."),
        QT_TRANSLATE_NOOP("Site list check", "A site name has at most %1 characters."),
        QT_TRANSLATE_NOOP("Site list check", "%1 is already on the site list."),
        QT_TRANSLATE_NOOP("Site list check", "There is no site number %1."),
        # app.db.site_code.SITE_CODE_SENTENCES: the installation's site code refused
        QT_TRANSLATE_NOOP("Site list check",
                          "A site code is 2 to %1 letters and digits, starting with a letter "
                          "(for example TOR or SICK2)."),
        QT_TRANSLATE_NOOP("Site list check",
                          "This is a coordinator's pooled database: its records keep the site "
                          "codes they arrived with."),
        QT_TRANSLATE_NOOP("Site list check",
                          "%1 exports already name this site %2; records exported as %3 will "
                          "not match them at the coordinator. Confirm the change if that is "
                          "intended.")),
    # app.db.file_health_sentences: a database file missing, damaged or read-only, a full or
    # failing disk
    FILE_HEALTH: (
        QT_TRANSLATE_NOOP("File health", "press Save again"),
        QT_TRANSLATE_NOOP("File health", "%1 (and %2 more)"),
        QT_TRANSLATE_NOOP("File health",
                          "no database at %1: there is no such file (check the path; 'jdm-ctp db "
                          "upgrade --db PATH' creates a new database)"),
        QT_TRANSLATE_NOOP("File health",
                          "no database at %1: part of the path is a file, not a folder"),
        QT_TRANSLATE_NOOP("File health", "no database at %1: %2"),
        QT_TRANSLATE_NOOP("File health", "no database at %1: %2; nothing was created there"),
        QT_TRANSLATE_NOOP("File health", "it is a folder"),
        QT_TRANSLATE_NOOP("File health", "it is a named pipe"),
        QT_TRANSLATE_NOOP("File health", "it is a socket"),
        QT_TRANSLATE_NOOP("File health", "it is a device"),
        QT_TRANSLATE_NOOP("File health", "it is not a regular file"),
        QT_TRANSLATE_NOOP("File health", "no database at %1: the file is empty"),
        QT_TRANSLATE_NOOP("File health",
                          "no database at %1: the file holds no jdm-ctp data (it has no schema "
                          "version)"),
        QT_TRANSLATE_NOOP("File health",
                          "The database %1 could not be checked: %2. Nothing was written to it."),
        QT_TRANSLATE_NOOP("File health",
                          "There is no automatic backup of it in the backups folder: ask your IT "
                          "contact to restore the newest backup you have."),
        QT_TRANSLATE_NOOP("File health",
                          "Restore the newest automatic backup: jdm-ctp restore --db %1 %2 (the "
                          "damaged file is kept beside it)."),
        QT_TRANSLATE_NOOP("File health", "Restore the newest backup (see the README)."),
        QT_TRANSLATE_NOOP("File health",
                          "The database %1 is damaged (SQLite's check found: %2). jdm-ctp writes "
                          "nothing to it. %3"),
        QT_TRANSLATE_NOOP("File health",
                          "The database file is damaged: jdm-ctp writes nothing to it. %1"),
        QT_TRANSLATE_NOOP("File health",
                          "The database %1 is read-only here (SQLite could only open it for "
                          "reading), so nothing can be saved or exported with an audit entry. "
                          "Nothing was written. Copy it to a folder you may write to, or ask your "
                          "IT contact for write permission."),
        QT_TRANSLATE_NOOP("File health",
                          "The database %1 is read-only here (its file %2 may not be written), so "
                          "nothing can be saved or exported with an audit entry. Nothing was "
                          "written. Copy it to a folder you may write to, or ask your IT contact "
                          "for write permission."),
        QT_TRANSLATE_NOOP("File health",
                          "The database %1 is read-only here (its folder %2 may not be written), "
                          "so nothing can be saved or exported with an audit entry. Nothing was "
                          "written. Copy it to a folder you may write to, or ask your IT contact "
                          "for write permission."),
        QT_TRANSLATE_NOOP("File health",
                          "The database %1 cannot be written to now (%2). Nothing was written; "
                          "try again."),
        QT_TRANSLATE_NOOP("File health",
                          "The database %1 only allows reading (a read-only server or session). "
                          "Nothing was written."),
        QT_TRANSLATE_NOOP("File health",
                          "The disk is full: free space, then %1; nothing was saved."),
        QT_TRANSLATE_NOOP("File health",
                          "The database is read-only here: nothing was saved. Ask your IT contact "
                          "for write permission, then %1."),
        QT_TRANSLATE_NOOP("File health",
                          "The disk holding the database failed a read or write (disk I/O error; "
                          "a full disk or a removed drive does this): nothing was saved. Free "
                          "space or reconnect the drive, then %1."),
        # app.db.fallback_drafts.FALLBACK_SENTENCES: where a copy of a refused save was kept
        QT_TRANSLATE_NOOP("File health",
                          "No copy was written elsewhere: the database is encrypted and a copy "
                          "outside it would not be."),
        QT_TRANSLATE_NOOP("File health",
                          "No copy could be kept elsewhere: your data folder (%1) is on the same "
                          "full disk. Keep this window open."),
        QT_TRANSLATE_NOOP("File health",
                          "No copy could be kept elsewhere (%1). Keep this window open."),
        QT_TRANSLATE_NOOP("File health",
                          "No copy could be kept elsewhere either (%1). Keep this window open."),
        QT_TRANSLATE_NOOP("File health",
                          "A copy of what you entered is kept in %1; it comes back when this "
                          "form is opened again.")),
    # app.db.backup_sentences.BACKUP_SENTENCES: Back up now refused
    BACKUP_CHECK: (
        QT_TRANSLATE_NOOP("Backup check", "There is no database file at %1."),
        QT_TRANSLATE_NOOP("Backup check", "%1 is empty; there is nothing to back up."),
        QT_TRANSLATE_NOOP("Backup check", "The backup cannot be written over the database itself."),
        QT_TRANSLATE_NOOP("Backup check", "Could not back up %1: %2")),
    # app.db.users.USERS_SENTENCES: an account change refused in the user accounts window
    USERS_CHECK: (
        QT_TRANSLATE_NOOP("User accounts check", "There is already a user called %1."),
        QT_TRANSLATE_NOOP("User accounts check", "There is no user %1."),
        QT_TRANSLATE_NOOP("User accounts check",
                          "User accounts already exist; an administrator must add new users."),
        QT_TRANSLATE_NOOP("User accounts check",
                          "%1 is the only active administrator; make someone else an "
                          "administrator first."),
        QT_TRANSLATE_NOOP("User accounts check", "You cannot deactivate your own account."),
        QT_TRANSLATE_NOOP("User accounts check",
                          "%1 is the only active administrator and cannot be deactivated.")),
    # app.exports.import_sentences: why an import folder is refused, file by file
    IMPORT_CHECK: (
        QT_TRANSLATE_NOOP("Import check", "is not a folder"),
        QT_TRANSLATE_NOOP("Import check", "manifest.json is missing"),
        QT_TRANSLATE_NOOP("Import check", "manifest.json is not a file"),
        QT_TRANSLATE_NOOP("Import check",
                          "manifest.json is larger than %1 bytes; this application writes a few "
                          "hundred"),
        QT_TRANSLATE_NOOP("Import check", "not valid JSON: %1"),
        QT_TRANSLATE_NOOP("Import check", "must be a JSON object, not %1"),
        QT_TRANSLATE_NOOP("Import check", "only the redcap format can be imported"),
        QT_TRANSLATE_NOOP("Import check",
                          "is a %1 export; a pooled database takes de-identified exports only (it "
                          "never holds identities)"),
        QT_TRANSLATE_NOOP("Import check",
                          "only an identified export can be imported (a de-identified one has no "
                          "dates or names to restore)"),
        QT_TRANSLATE_NOOP("Import check", "must be a list of the export's files, not %1"),
        QT_TRANSLATE_NOOP("Import check", "lists %1 files; an export has a few"),
        QT_TRANSLATE_NOOP("Import check", "must be an object, not %1"),
        QT_TRANSLATE_NOOP("Import check", "has no file name"),
        QT_TRANSLATE_NOOP("Import check", "%1 is not a plain file name (no folders or paths)"),
        QT_TRANSLATE_NOOP("Import check", "%1 is listed twice"),
        QT_TRANSLATE_NOOP("Import check", "%1 has no SHA-256 (64 hexadecimal digits)"),
        QT_TRANSLATE_NOOP("Import check",
                          "does not list %1: every file of the export must be listed with its "
                          "SHA-256"),
        QT_TRANSLATE_NOOP("Import check", "%1 or %2"),
        QT_TRANSLATE_NOOP("Import check", "a JSON object"),
        QT_TRANSLATE_NOOP("Import check", "a list"),
        QT_TRANSLATE_NOOP("Import check", "a string"),
        QT_TRANSLATE_NOOP("Import check", "a true/false"),
        QT_TRANSLATE_NOOP("Import check", "a null"),
        QT_TRANSLATE_NOOP("Import check", "a number"),
        QT_TRANSLATE_NOOP("Import check", "a value"),
        QT_TRANSLATE_NOOP("Import check",
                          "this folder is not listed in manifest.json (an export holds only the "
                          "files its manifest lists)"),
        QT_TRANSLATE_NOOP("Import check",
                          "this file is not listed in manifest.json (an export holds only the "
                          "files its manifest lists)"),
        QT_TRANSLATE_NOOP("Import check", "listed in manifest.json but missing"),
        QT_TRANSLATE_NOOP("Import check", "listed in manifest.json but not a regular file"),
        QT_TRANSLATE_NOOP("Import check", "larger than %1 MiB; not read"),
        QT_TRANSLATE_NOOP("Import check",
                          "the file was changed after export (SHA-256 differs from manifest.json)"),
        QT_TRANSLATE_NOOP("Import check", "a line longer than %1 MiB; not read further"),
        QT_TRANSLATE_NOOP("Import check",
                          "bad encoding: byte 0x%1 is not UTF-8 (save the file as UTF-8)"),
        QT_TRANSLATE_NOOP("Import check", "file is missing"),
        QT_TRANSLATE_NOOP("Import check", "not a regular file"),
        QT_TRANSLATE_NOOP("Import check",
                          "a cell of %1 characters; the longest any field may hold is %2"),
        QT_TRANSLATE_NOOP("Import check",
                          "a cell longer than %1 characters; the longest any field may hold is %2"),
        QT_TRANSLATE_NOOP("Import check", "has %1 cells; the header has %2"),
        QT_TRANSLATE_NOOP("Import check", "not a readable CSV file here (%1)"),
        # app.exports.import_sentences.VALUE_SENTENCES: a value refused by its field
        QT_TRANSLATE_NOOP("Import check",
                          "the value in this cell (not shown: it may identify the patient)"),
        QT_TRANSLATE_NOOP("Import check", "%1 must be 0 or 1"),
        QT_TRANSLATE_NOOP("Import check", "%1 is not one of %2"),
        QT_TRANSLATE_NOOP("Import check", "%1 is not a date (YYYY-MM-DD)"),
        QT_TRANSLATE_NOOP("Import check", "%1 is not a date and time (YYYY-MM-DD HH:MM:SS)"),
        QT_TRANSLATE_NOOP("Import check",
                          "%1 is not a SHA-256 (64 lower-case hexadecimal digits)"),
        QT_TRANSLATE_NOOP("Import check", "is not valid JSON"),
        QT_TRANSLATE_NOOP("Import check", "must be a JSON object"),
        QT_TRANSLATE_NOOP("Import check", "must be a JSON list"),
        QT_TRANSLATE_NOOP("Import check", "%1 characters; this field holds at most %2"),
        QT_TRANSLATE_NOOP("Import check", "holds a control character (U+%1)"),
        QT_TRANSLATE_NOOP("Import check",
                          "%1 is not a study id: letters, digits, '-' and '_', up to 32 "
                          "characters, starting with a letter or digit"),
        QT_TRANSLATE_NOOP("Import check", "%1… is not a number"),
        QT_TRANSLATE_NOOP("Import check", "%1 is not a number"),
        QT_TRANSLATE_NOOP("Import check", "%1 is not a whole number"),
        QT_TRANSLATE_NOOP("Import check", "%1 has more than one decimal"),
        QT_TRANSLATE_NOOP("Import check", "value %1 is out of range: below the minimum %2"),
        QT_TRANSLATE_NOOP("Import check", "value %1 is out of range: above the maximum %2"),
        QT_TRANSLATE_NOOP("Import check", "%1 must be a number from 1"),
        # app.exports.import_sentences.ROW_SENTENCES: the dictionary's and the data file's shape
        QT_TRANSLATE_NOOP("Import check",
                          "wrong header: expected the 18 REDCap dictionary columns"),
        QT_TRANSLATE_NOOP("Import check",
                          "data dictionary version %1 is not one this application reads (%2)"),
        QT_TRANSLATE_NOOP("Import check",
                          "does not match this application's data dictionary (expected field %1)"),
        QT_TRANSLATE_NOOP("Import check", "the dictionary has a different number of fields"),
        QT_TRANSLATE_NOOP("Import check",
                          "wrong header: the columns are not the ones this application exports "
                          "(same names, same order)"),
        QT_TRANSLATE_NOOP("Import check", "duplicate of row %1 (same record, event and instance)"),
        QT_TRANSLATE_NOOP("Import check", "the study id is empty"),
        QT_TRANSLATE_NOOP("Import check", "unknown event %1"),
        QT_TRANSLATE_NOOP("Import check", "%1 does not repeat at %2"),
        QT_TRANSLATE_NOOP("Import check",
                          "belongs to form %1, which is not recorded at this row (%2)"),
        QT_TRANSLATE_NOOP("Import check", "%1 must be 0, 1 or 2")),
    # sign-in, dosing, drugs: app.domain.permissions ACCESS_SENTENCES and PERMISSION_ACTIONS
    # (an action refused for lack of a person, an account or a role; a role is said in
    # ROLE) and app.db.users SIGN_IN_SENTENCES (a sign-in, an unlock or a signature refused)
    ACCESS_CHECK: (
        QT_TRANSLATE_NOOP("Access check", "Nobody is signed in; sign in to %1."),
        QT_TRANSLATE_NOOP("Access check",
                          "The account %1 no longer exists, so it may not %2. Nothing was "
                          "changed."),
        QT_TRANSLATE_NOOP("Access check",
                          "The account %1 has been deactivated by an administrator, so it may "
                          "not %2. Nothing was changed."),
        QT_TRANSLATE_NOOP("Access check", "%1 may not %2; a person must sign in to do that."),
        QT_TRANSLATE_NOOP("Access check",
                          "%1 is signed in as %2, which may not %3. Ask a user with the right "
                          "role."),
        QT_TRANSLATE_NOOP("Access check", "view patient data"),
        QT_TRANSLATE_NOOP("Access check", "enter or change clinical data"),
        QT_TRANSLATE_NOOP("Access check", "sign a visit"),
        QT_TRANSLATE_NOOP("Access check", "unlock a signed visit"),
        QT_TRANSLATE_NOOP("Access check", "export de-identified data"),
        QT_TRANSLATE_NOOP("Access check", "export identified data (names, MRN, dates of birth)"),
        QT_TRANSLATE_NOOP("Access check", "view or check the audit trail"),
        QT_TRANSLATE_NOOP("Access check", "import data from another jdm-ctp export"),
        QT_TRANSLATE_NOOP("Access check", "back up the database"),
        QT_TRANSLATE_NOOP("Access check", "restore the database from a backup"),
        QT_TRANSLATE_NOOP("Access check", "encrypt, decrypt or re-key the database"),
        QT_TRANSLATE_NOOP("Access check", "manage user accounts"),
        QT_TRANSLATE_NOOP("Access check", "change the application settings"),
        QT_TRANSLATE_NOOP("Access check", "The user name or password is not correct."),
        QT_TRANSLATE_NOOP("Access check", "The current password is not correct."),
        QT_TRANSLATE_NOOP("Access check",
                          "The account %1 is locked after %2 wrong passwords until %3. Try "
                          "again then, or ask an administrator to unlock it."),
        QT_TRANSLATE_NOOP("Access check",
                          "The account %1 has been deactivated. Ask an administrator.")),
    # sign-in, dosing, drugs: app.db.opening_sentences (why a database cannot be opened,
    # upgraded or created: said at start)
    OPENING: (
        QT_TRANSLATE_NOOP("Database opening",
                          "The database %1 is encrypted. Give its database passphrase to open "
                          "it. It has not been changed."),
        QT_TRANSLATE_NOOP("Database opening",
                          "The file %1 is not a jdm-ctp database (it is not a SQLite file). It "
                          "has not been changed. Choose a different file."),
        QT_TRANSLATE_NOOP("Database opening",
                          "The database %1 is not encrypted, but a database passphrase was "
                          "given. Open it without a passphrase (or encrypt it first with "
                          "'jdm-ctp db encrypt'). It has not been changed."),
        QT_TRANSLATE_NOOP("Database opening",
                          "The passphrase does not open the database %1: either the passphrase "
                          "is wrong or the file is not a jdm-ctp database. It has not been "
                          "changed."),
        QT_TRANSLATE_NOOP("Database opening",
                          "The file %1 looks like a SQLite database but cannot be read (%2). It "
                          "may be damaged. It has not been changed; restore it from a backup."),
        QT_TRANSLATE_NOOP("Database opening",
                          "The database %1 has several schema versions (%2), which this version "
                          "of jdm-ctp does not understand. It has not been changed."),
        QT_TRANSLATE_NOOP("Database opening",
                          "The database %1 is open in this program. Close it first. Nothing has "
                          "been changed."),
        QT_TRANSLATE_NOOP("Database opening",
                          "The database %1 is being changed by another program or another copy "
                          "of jdm-ctp. Close it there and try again. Nothing has been changed."),
        QT_TRANSLATE_NOOP("Database opening", "the upgraded copy was not closed cleanly (%1)"),
        QT_TRANSLATE_NOOP("Database opening",
                          "%1 is open in another program or another copy of jdm-ctp; close it "
                          "and try again"),
        QT_TRANSLATE_NOOP("Database opening", "No database migrations were found in %1."),
        QT_TRANSLATE_NOOP("Database opening",
                          "The database %1 contains tables but was not created by jdm-ctp (it "
                          "has no schema version). It has not been changed."),
        QT_TRANSLATE_NOOP("Database opening",
                          "The database %1 was created or upgraded by a newer version of "
                          "jdm-ctp (schema %2; this version knows up to %3). It has not been "
                          "changed. Install the newer version of jdm-ctp to open it."),
        QT_TRANSLATE_NOOP("Database opening", "the copy failed its integrity check: %1"),
        QT_TRANSLATE_NOOP("Database opening", "empty"),
        QT_TRANSLATE_NOOP("Database opening",
                          "Upgrading the database from schema %1 to %2 failed: %3. The upgrade "
                          "ran in one transaction and was rolled back, so the database is as it "
                          "was."),
        QT_TRANSLATE_NOOP("Database opening",
                          "Could not make a backup of %1 before upgrading it (%2), so the "
                          "upgrade was not started. The database has not been changed."),
        QT_TRANSLATE_NOOP("Database opening",
                          "Upgrading the database %1 from schema %2 to %3 failed: %4. The "
                          "database has not been changed. A backup taken before the attempt is "
                          "at %5."),
        QT_TRANSLATE_NOOP("Database opening",
                          "The upgraded database could not replace %1 (%2). The database has "
                          "not been changed. A backup taken before the attempt is at %3."),
        QT_TRANSLATE_NOOP("Database opening", "Could not create a new database at %1: %2"),
        QT_TRANSLATE_NOOP("Database opening", "foreign key check failed after upgrade: %1"),
        QT_TRANSLATE_NOOP("Database opening", "integrity check failed after upgrade: %1")),
    # settings, roles, lock time: app.domain.permissions.SETTINGS_ROLE_SENTENCES (the
    # automatic lock's minutes refused in the Settings window, an unknown role in the user
    # accounts window; a locked account's hour is a ClockTime, app.forms.numbers.clock_words)
    SETTINGS_ROLES: (
        QT_TRANSLATE_NOOP("Settings and roles check", "Unknown role %1; choose one of: %2."),
        QT_TRANSLATE_NOOP("Settings and roles check",
                          "The inactivity time must be a whole number of minutes."),
        QT_TRANSLATE_NOOP("Settings and roles check",
                          "The inactivity time must be between %1 and %2 minutes.")),
}

# instrument translation notice: in a language other than English, the visit-form section
# of each instrument whose item wording is the project's own translation says so in one
# line at its top (visit_sections.Section), and a printed document that prints that
# wording says it once (app/reports/words.py, translation_notice); nothing is said in
# English. By the instrument's id (app.domain.instruments.registry): the notice, then what
# it names, if anything (the CHAQ's published French versions, see INSTRUMENT_ITEM).
TRANSLATION_NOTICE = "Instrument translation notice"
TRANSLATION_NOTICES: dict[str, tuple[str, ...]] = {
    "chaq": (
        QT_TRANSLATE_NOOP("Instrument translation notice",
                          "These CHAQ questions and answers are this application's own "
                          "translation, not the validated French version of the CHAQ; no "
                          "clinician has checked them. Where the clinic holds the validated "
                          "paper form, collect the answers on it."),
        QT_TRANSLATE_NOOP("Instrument translation notice",
                          "Published French versions of the CHAQ (France, Switzerland), not "
                          "used here: %1")),
    "cmas": (QT_TRANSLATE_NOOP("Instrument translation notice",
                               "The CMAS items and grades here are this application's own "
                               "translation; no clinician has checked them."),),
    "mmt8": (QT_TRANSLATE_NOOP("Instrument translation notice",
                               "The MMT8 muscle groups and grades here are this application's "
                               "own translation; no clinician has checked them."),),
    "skin": (QT_TRANSLATE_NOOP("Instrument translation notice",
                               "The skin findings and their answers here are this "
                               "application's own translation; no clinician has checked "
                               "them."),),
    "cdasi": (QT_TRANSLATE_NOOP("Instrument translation notice",
                                "The CDASI areas, measures and grades here are this "
                                "application's own translation; no clinician has checked "
                                "them."),),
    "globals": (QT_TRANSLATE_NOOP("Instrument translation notice",
                                  "The global assessments' questions and anchors here are this "
                                  "application's own translation; no clinician has checked "
                                  "them."),),
}
# The references a second line names (its %1), cited as published: not translated (their
# ";" and ":" take no French spacing).
TRANSLATION_NOTICE_REFERENCES = {
    "chaq": "Pouchot J et al., Clin Exp Rheumatol 2001;19(4 Suppl 23):S60-S65; Hofer M et al., "
            "Clin Exp Rheumatol 2001;19(4 Suppl 23):S151-S157",
}
LISTED[TRANSLATION_NOTICE] = tuple(text for texts in TRANSLATION_NOTICES.values()
                                   for text in texts)

# import and backup
# app.exports.import_sentences.RECORD_SENTENCES: a whole record, a pooled export's site ids,
# a patient the database already holds
LISTED[IMPORT_CHECK] += (
    QT_TRANSLATE_NOOP("Import check",
                      "%1 is not SITE-studyid (a site code of capitals and digits, a hyphen, "
                      "the study id)"),
    QT_TRANSLATE_NOOP("Import check",
                      "the data access group %1 is not the record's site code %2 in lower "
                      "case"),
    QT_TRANSLATE_NOOP("Import check", "records of several sites (%1) in one export"),
    QT_TRANSLATE_NOOP("Import check", "%1: sex is required"),
    QT_TRANSLATE_NOOP("Import check", "%1: prior therapy %2 names no drug"),
    QT_TRANSLATE_NOOP("Import check",
                      "infusion %1 of %2 names arm history instance %3; the file has %4"),
    QT_TRANSLATE_NOOP("Import check", "(none)"),
    QT_TRANSLATE_NOOP("Import check", "infusion %1 of %2 has no date given"),
    QT_TRANSLATE_NOOP("Import check", "infusion %1 of %2 has no dose above zero"),
    QT_TRANSLATE_NOOP("Import check",
                      "adverse event of %1 names a visit not in the file (%2 %3)"),
    QT_TRANSLATE_NOOP("Import check", "record %1 is incomplete or inconsistent (%2)"),
    QT_TRANSLATE_NOOP("Import check",
                      "conflict: patient %1 was added to the database while this import was "
                      "running; nothing was imported"),
    QT_TRANSLATE_NOOP("Import check",
                      "conflict: patient %1 was added to the database by %2 while this import "
                      "was running; nothing was imported"),
    QT_TRANSLATE_NOOP("Import check",
                      "conflict: patient %1 is already in the database with %2 here, the file "
                      "has %3; nothing was overwritten"),
    QT_TRANSLATE_NOOP("Import check",
                      "conflict: patient %1 is already in the database with another value in "
                      "this column (not shown: it may identify the patient); nothing was "
                      "overwritten"),
    # (the import result window counts the rows with its own plural forms)
    QT_TRANSLATE_NOOP("Import check",
                      "conflict: patient %1 is already in the database with %2 rows, the file "
                      "has %3; nothing was overwritten"))
# app.db.encryption.SAME_AS_CURRENT: a change of passphrase to the same one
LISTED[PASSPHRASE_CHECK] += (
    QT_TRANSLATE_NOOP("Passphrase check", "The new passphrase is the same as the current one."),)
# app.db.encryption_setup.CONVERT_FAILED: a change of the database's encryption failed
ENCRYPTION_CHECK = "Encryption check"
LISTED[ENCRYPTION_CHECK] = (
    QT_TRANSLATE_NOOP("Encryption check",
                      "Changing the encryption of %1 failed: %2. The database has not been "
                      "changed."),)
# app.db.backup_sentences: a backup, a verification or a restore refused
LISTED[BACKUP_CHECK] += (
    QT_TRANSLATE_NOOP("Backup check", "The backup copy failed its integrity check: %1"),
    QT_TRANSLATE_NOOP("Backup check", "At least one automatic backup must be kept."),
    QT_TRANSLATE_NOOP("Backup check", "The backup passphrase cannot be empty."),
    QT_TRANSLATE_NOOP("Backup check",
                      "The encrypted backup's header asks for far more memory to unlock it than "
                      "a jdm-ctp backup ever does: it is damaged or not a jdm-ctp backup."),
    QT_TRANSLATE_NOOP("Backup check", "This file is not an encrypted jdm-ctp backup."),
    QT_TRANSLATE_NOOP("Backup check", "The encrypted backup is truncated (too short)."),
    QT_TRANSLATE_NOOP("Backup check",
                      "This encrypted backup uses format %1, which this version of jdm-ctp does "
                      "not know. Use a newer jdm-ctp to restore it."),
    QT_TRANSLATE_NOOP("Backup check", "The encrypted backup's header is damaged."),
    QT_TRANSLATE_NOOP("Backup check",
                      "The passphrase is wrong, or the backup file has been damaged or cut "
                      "short: it could not be decrypted. Nothing has been changed."),
    QT_TRANSLATE_NOOP("Backup check", "There is no backup file at %1."),
    QT_TRANSLATE_NOOP("Backup check",
                      "%1 is an encrypted backup; give its passphrase (--passphrase-file) to "
                      "restore it."),
    QT_TRANSLATE_NOOP("Backup check",
                      "The backup %1 is of an encrypted database; give the database passphrase "
                      "it was taken under to check or restore it. Nothing has been changed."),
    QT_TRANSLATE_NOOP("Backup check",
                      "The database passphrase does not open the backup %1: it may have been "
                      "taken under an earlier passphrase, or it is not a jdm-ctp backup. "
                      "Nothing has been changed."),
    QT_TRANSLATE_NOOP("Backup check", "The backup %1 is not usable: %2"),
    QT_TRANSLATE_NOOP("Backup check", "The backup %1 is not a jdm-ctp database."),
    QT_TRANSLATE_NOOP("Backup check",
                      "The backup %1 is not a jdm-ctp database this version can read."),
    QT_TRANSLATE_NOOP("Backup check",
                      "The backup %1 was made by a newer version of jdm-ctp (schema %2; this "
                      "version knows up to %3). Nothing has been changed."),
    QT_TRANSLATE_NOOP("Backup check", "The backup %1 is damaged: %2"),
    QT_TRANSLATE_NOOP("Backup check",
                      "The backup %1 failed its integrity check (%2); it is damaged. Nothing "
                      "has been changed."),
    QT_TRANSLATE_NOOP("Backup check",
                      "The backup %1 has broken references between records; nothing has been "
                      "changed."),
    QT_TRANSLATE_NOOP("Backup check",
                      "The audit trail in the backup %1 has been altered (first bad entry %2); "
                      "it was not restored. Nothing has been changed."),
    QT_TRANSLATE_NOOP("Backup check",
                      "%1 is encrypted, but the backup %2 is not: restoring it would leave the "
                      "database unencrypted. If that is intended, confirm it "
                      "(--allow-unencrypted), then encrypt the database again with 'jdm-ctp db "
                      "encrypt'. Nothing has been changed."),
    QT_TRANSLATE_NOOP("Backup check",
                      "%1 is open in this program; close it and restore again. Nothing has been "
                      "changed."),
    QT_TRANSLATE_NOOP("Backup check",
                      "%1 is open in jdm-ctp or another program; close it and restore again. "
                      "Nothing has been changed."))


def plan_text(widget: QWidget) -> QWidget:
    """Mark a widget that shows the treatment plan's own words (criteria, their help, the
    verdict's reasons) or a person's entries: these stay as written in the plan file, and
    the French-interface test does not look for English there."""
    widget.setProperty(PLAN_TEXT_PROPERTY, True)
    return widget


def plan_words_on(widget: QWidget, english: str) -> QWidget:
    """Mark a widget that shows a plan file's text (``english``) in the interface's words
    (plan_text_words): translated, its tooltip is the plan's English, which stays
    authoritative; in English, or a text the catalogue has no entry for (a site's own plan
    file), it is plan_text, shown in the plan's own words."""
    if plan_text_words(english) == english or not plan_text_known(english):
        return plan_text(widget)
    widget.setToolTip(english)
    widget.setProperty(PLAN_ENGLISH_PROPERTY, True)
    return widget


def account_words(problem: str) -> str:
    """A user name's or password's problem (app.domain.permissions, a Sentence) in the
    interface's language; any other text as it is."""
    return phrases(ACCOUNT_CHECK, problem) if isinstance(problem, Sentence) else problem


def term(context: str, text: str) -> str:
    """The interface's word for a domain label (the label itself when not translated)."""
    return QCoreApplication.translate(context, text)


def sentences(context: str, text: str) -> str:
    """A domain text made of listed sentences, each replaced by its translation."""
    for piece in sorted(LISTED[context], key=len, reverse=True):
        text = text.replace(piece, term(context, piece))
    return text


def arm_title(arm_id: str, name: str) -> str:
    """"Arm A — IVIG" ("Bras A — IgIV") where the plan names its arms by letter, else the
    arm's name (app.domain.display_words.arm_title, in the interface's language)."""
    name = plan_text_words(name)
    if len(arm_id) == 1 and arm_id.isalpha():
        return (QCoreApplication.translate("Arm", "Arm %1 — %2")
                .replace("%1", arm_id.upper()).replace("%2", name))
    return name


def plan_text_words(text: str) -> str:
    """A plan file's title or arm name in the interface's language (app.catalog.plan_words:
    a catalogue beside the plan files, which stay the single source)."""
    from app.catalog import plan_words
    from app.forms.language import INTERFACE

    if isinstance(text, Shortened):  # the whole text's words, cut as the English is
        return shorten(plan_words(text.full, INTERFACE.language), text.limit)
    return plan_words(text, INTERFACE.language)


def plan_text_known(text: str) -> bool:
    """Whether a plan file's text is shown in the interface's words (in English always;
    otherwise when the plan-text catalogue has it, a site's own plan's text not)."""
    from app.catalog import plan_words_known
    from app.forms.language import INTERFACE

    return plan_words_known(text, INTERFACE.language)


_UNSCHEDULED = re.compile(r"Unscheduled (\d+)")


def visit_words(label: str) -> str:
    """A visit's name in the interface's language: a plan's visit ("Month 6") from the
    plan-text catalogue, an unscheduled one ("Unscheduled 2", app.db.visit_timeline) in words."""
    numbered = _UNSCHEDULED.fullmatch(label or "")
    if numbered:
        return QCoreApplication.translate("Visit", "Unscheduled %1").replace(
            "%1", numbered.group(1))
    return plan_text_words(label) if label else label


def drug_words(drug: str) -> str:
    """A drug (its generic name as the plans write it, or the code it is stored under:
    "mycophenolate_mofetil") in the interface's language."""
    from app.domain.display_words import drug_name

    return term(DRUG, drug_name(drug.replace("_", " ")))


def coded_words(label: str) -> str:
    """A dose unit or frequency as stored (app.domain.coded_values) in the interface's
    language; anything typed instead as it is."""
    return term(CODED, label)


def _plan_value_words(value: str) -> str:
    """A plan file's text inside a phrase: a drug by the interface's name, a coded word in
    its words, any other from the plan-text catalogue."""
    if isinstance(value, DrugName):
        return drug_words(value)
    if isinstance(value, CodedWord):
        return coded_words(value)
    if isinstance(value, Typed):
        return QCoreApplication.translate("Typed", "\"%1\"").replace("%1", value.typed)
    return plan_text_words(value)


def phrase_words(text: Phrase | Joined) -> str:
    """A sentence of the dose engine or the growth check in the interface's language: its
    values as written (numbers with the interface's decimal mark), dates in the interface's
    language, the plan's own words from the plan-text catalogue; each template translated
    in its own context (_PHRASE_CONTEXTS)."""
    from app.forms.language import explanation_in_words

    def plan(value: str) -> str:
        return drug_words(value) if isinstance(value, DrugName) else plan_text_words(value)

    from app.forms.numbers import number_words

    return explanation_in_words(text.words(
        lambda template: term(_PHRASE_CONTEXTS.get(template, DOSE_DERIVATION), template), plan,
        number_words))


# The context of each phrase template phrase_words shows (no template is in two).
_PHRASE_CONTEXTS = {template: context for context in (DOSE_DERIVATION, GROWTH)
                    for template in LISTED[context]}


def date_check_words(text: str | None) -> str | None:
    """A date's problem written by the domain (DATE_CHECK) in the interface's language,
    its dates too."""
    from app.forms.language import explanation_in_words

    return explanation_in_words(phrases(DATE_CHECK, text)) if text else text


def screening_words(text: str | None) -> str | None:
    """A sentence of the screening (a field's problem, a timing line, a verdict's reason:
    app.domain.screening_sentences) in the interface's language: the plan's own texts from
    the plan-text catalogue, its dates as the interface writes them. A text that is not
    one of them (a prior-therapy line) is shown as the domain wrote it."""
    from app.forms.language import INTERFACE, explanation_in_words

    if not isinstance(text, Sentence) or INTERFACE.language == "en":
        return text
    return explanation_in_words(phrases(SCREENING, text))


def body_in_words(body: BodyMeasurements) -> str:
    """"weight 20 kg, height 115 cm (measured …)" in the interface's language."""
    return phrase_words(body.describe_phrase())
def band_words(label: str) -> str:
    """A measure's band of the total improvement score (">20-30%", "worsened") in the
    interface's language; any other text as it is."""
    from app.domain.response.total_improvement import band_phrase

    found = band_phrase(label)
    return phrases(TIS_BAND, found) if found is not None else label


def translation_notice(instrument: str, language: str | None = None) -> tuple[str, ...]:
    """What the interface says of ``instrument``'s translated wording (TRANSLATION_NOTICES)
    in its language (or ``language``, a printed document's): the notice, then its second
    line if any; nothing in English or for an instrument whose wording is not
    translated."""
    from app.forms.language import INTERFACE

    texts = TRANSLATION_NOTICES.get(instrument, ())
    if (language or INTERFACE.language) == "en" or not texts:
        return ()
    notice, *more = (term(TRANSLATION_NOTICE, text) for text in texts)
    references = TRANSLATION_NOTICE_REFERENCES.get(instrument, "")
    return (notice, *(line.replace("%1", references) for line in more))


def item_words(text: str) -> str:
    """An instrument's label, answer, anchor or help in the interface's language."""
    return term(INSTRUMENT_ITEM, text)


# Contexts whose plain texts are whole entries (or shown as written): their sentences with
# values come as Phrases, never matched against the templates.
_WHOLE_ONLY = frozenset({FINDING, COHORT})
_HOLE = re.compile(r"%(\d)")
_PATTERNS: dict[str, list[tuple[re.Pattern[str], str, str]]] = {}


def _patterns(context: str) -> list[tuple[re.Pattern[str], str, str]]:
    """The context's listed sentences as patterns, the longest first, each with its
    longest fixed piece (looked for first: most sentences are not in a given text); a
    hole (%1, %2…) matches any text, the last one up to the end of the sentence."""
    found = _PATTERNS.get(context)
    if found is None:
        found = []
        for template in sorted(LISTED[context], key=len, reverse=True):
            parts = _HOLE.split(template)
            fixed = max(parts[::2], key=len)
            if len(parts) == 1 and " " not in template:
                continue  # one word ("major", "no"): a hole's word only, never inside text
            pattern = ""
            for index, part in enumerate(parts):
                if index % 2 == 0:
                    pattern += re.escape(part)
                else:
                    last = index == len(parts) - 2 and parts[-1] == ""
                    # within one sentence; a sentence already translated (\0N\0) whole
                    hole = f"(?P<h{part}>(?!\\s)(?:\\0\\d+\\0|(?:(?!\\. )[^\\0])+?))"
                    pattern += hole + ("(?=$|\\. |; |\\0)" if last else "")
            if len(parts) == 1:  # words without holes: whole words only
                pattern = (r"\b" if template[0].isalnum() else "") + pattern + (
                    r"\b" if template[-1].isalnum() else "")
            found.append((re.compile(pattern), template, fixed))
        _PATTERNS[context] = found
    return found


def phrases(context: str, text: str | Phrase | Joined, *, lines: bool = False) -> str:
    """A domain text made of listed sentences, some with holes for what changes (%1, %2…:
    a number, what was typed, an item's label): each sentence is replaced by its
    translation with its holes filled in, a hole that is an instrument's label translated
    too. Text matching no listed sentence is left as it is.

    A sentence the domain already writes as a Phrase (or a Sentence carrying one) is
    translated template by template in ``context``, its Label values as the interface's
    words; with ``lines``, a LineBreak separator as a new line (a long cell on a narrow
    screen). In FINDING and COHORT a plain text is never matched piece by piece: whole or
    as written (their sentences with values are all Phrases)."""
    from app.forms.language import INTERFACE

    if isinstance(text, Sentence):  # a Phrase given as its English text
        text = text.phrase
    if isinstance(text, Phrase | Joined):
        from app.forms.numbers import number_words

        return text.words(lambda template: "\n" if lines and isinstance(template, LineBreak)
                          else _template_words(context, template),
                          lambda value: _label_words(context, value)
                          if isinstance(value, Label) else _plan_value_words(value),
                          number_words)
    if not text or INTERFACE.language == "en":  # the domain's own words
        return text
    whole = term(context, text)
    if whole != text or context in _WHOLE_ONLY:  # one listed entry ("incomplete", "Enrolled");
        # a finding not yet a Sentence: its English whole, never half-swapped
        return whole

    done: list[str] = []  # translated sentences, held out of the text until the end

    def fill(match: re.Match[str], template: str) -> str:
        out = term(context, template)
        for name, value in match.groupdict().items():
            out = out.replace("%" + name[1:], _restore(_hole_words(context, value), done))
        done.append(out)
        return f"\0{len(done) - 1}\0"

    for pattern, template, fixed in _patterns(context):
        if fixed in text:
            text = pattern.sub(lambda m, t=template: fill(m, t), text)
    return _restore(text, done)


def _template_words(context: str, template: str) -> str:
    """A phrase's template (or label) in the context's words; a finding may say an
    instrument's message (listed under MESSAGE); a dose-engine sentence inside another
    message (a dose band, why no dose can be computed) is said in its own context (not
    a bare separator: a context keeps its own)."""
    words = term(context, template)
    if words == template and context == FINDING:
        words = term(MESSAGE, template)
    if words == template and "%" in template and template in _PHRASE_CONTEXTS:
        words = term(_PHRASE_CONTEXTS[template], template)
    return words


def _label_words(context: str, label: str) -> str:
    """A Label inside a phrase: an instrument's word, else one of the context's; a
    Lowered label's word starting in lower case ("bolus de …", not "IV …" lowered)."""
    if isinstance(label, Lowered):
        words = _label_words(context, label.label)
        if words == label.label:  # no word of its own: the English as the domain wrote it
            return str.__str__(label)
        return words if words[1:2].isupper() else words[:1].lower() + words[1:]
    words = item_words(label)
    return words if words != label else _template_words(context, label)


def _hole_words(context: str, value: str) -> str:
    """What fills a hole: an instrument's word, a word of the context, a list of them
    ("Arising, Grip"), else as it is (a number, what was typed)."""
    if "\0" in value:  # holds a sentence already translated (Qt would cut the text there)
        return value
    for words in (item_words(value), term(context, value)):
        if words != value:
            return words
    if " " in value:  # a sentence of its own (a date's problem in an event's message)
        sentence = phrases(context, value)
        if sentence != value:
            return sentence
    if ", " in value:
        return ", ".join(_hole_words(context, piece) for piece in value.split(", "))
    return value


def _restore(text: str, done: list[str]) -> str:
    return re.sub("\0(\\d+)\0", lambda m: done[int(m.group(1))], text)
