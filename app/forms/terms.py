"""Words defined once in app/domain (English, the data standard of the exports) that the
interface shows translated: listed here so ``pyside6-lupdate`` collects them, and read
through ``term(context, text)``. tests/forms/test_french.py checks that every label of
the domain tables below is listed, so a new one cannot stay English by accident.

Instrument names keep their published acronyms (CMAS, CHAQ, MMT8): the French-Canadian
CHAQ and the French CMAS are cited by the same acronyms.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from app.domain.body import BodyMeasurements
from app.domain.phrases import Joined, Phrase

PLAN_TEXT_PROPERTY = "jdm_plan_text"
SEX = "Sex"
ANSWER = "Answer"
SECTION = "Section"
GROUP = "Criteria group"
VERDICT = "Verdict"
PAGE = "Criteria page"
EXPLANATION = "Verdict explanation"
PATIENT_CHECK = "Patient check"
RACE = "Race"
ETHNICITY = "Ethnicity"
REASON = "Reason"
VISIT_STATUS = "Visit status"
ROLE = "Role"
MEASUREMENT_CHECK = "Measurement check"
ARM_CHOICE = "Arm choice"
DOSE_DERIVATION = "Dose derivation"
DRUG = "Drug"
CONTINUING = "Continuing medicine"

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
             QT_TRANSLATE_NOOP("Reason", "Family choice")),
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
                 QT_TRANSLATE_NOOP("Arm choice", "Severe ulcerative disease")),
    # app.domain.measurements.measurement_problems: its fixed messages for empty fields
    MEASUREMENT_CHECK: (
        QT_TRANSLATE_NOOP("Measurement check", "Weight is required; nothing was entered."),
        QT_TRANSLATE_NOOP("Measurement check",
                          "Height is needed: a dose in this plan uses body surface area "
                          "(mg/m²). Enter the height in cm or inches."),
        QT_TRANSLATE_NOOP("Measurement check",
                          "Enter the date the weight was measured (YYYY-MM-DD).")),
    # the dose engine's sentences (app.domain.dose_sentences, body and age SENTENCES): the
    # derivation and the warnings shown with a dose (English as stored and printed)
    DOSE_DERIVATION: (
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
        QT_TRANSLATE_NOOP("Dose derivation", "%1 year old on %2 (from the date of birth)"),
        QT_TRANSLATE_NOOP("Dose derivation", "%1 years old on %2 (from the date of birth)"),
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
    ),
}


def plan_text(widget: QWidget) -> QWidget:
    """Mark a widget that shows the treatment plan's own words (criteria, their help, the
    verdict's reasons) or a person's entries: these stay as written in the plan file, and
    the French-interface test does not look for English there."""
    widget.setProperty(PLAN_TEXT_PROPERTY, True)
    return widget


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

    return plan_words(text, INTERFACE.language)


def drug_words(drug: str) -> str:
    """A drug (its generic name as the plans write it) in the interface's language."""
    from app.domain.display_words import drug_name

    return term(DRUG, drug_name(drug))


def phrase_words(text: Phrase | Joined) -> str:
    """A sentence of the dose engine in the interface's language: its values as written,
    dates in the interface's language, the plan's own words from the plan-text catalogue."""
    from app.forms.language import explanation_in_words

    return explanation_in_words(text.words(lambda template: term(DOSE_DERIVATION, template),
                                           plan_text_words))


def body_in_words(body: BodyMeasurements) -> str:
    """"weight 20 kg, height 115 cm (measured …)" in the interface's language."""
    return phrase_words(body.describe_phrase())
