"""The export field catalogue: every column either export format can carry, as data.

One list drives the REDCap data dictionary, the wide codebook, the CSV headers, the
import's validation and the mapping between stored instrument items and columns, so a
column cannot appear in a file without being documented (exports.md).

The catalogue depends on the profile (identified adds names/MRN/DOB, staff names, free
text and calendar dates; de-identified has ``*_day`` = days since enrollment instead of
``*_date``) and on the installed plans: their screening criteria, the drugs they name
(the medications form's fields) and their visits (``plan_catalogue``). Never on the
data: a REDCap project's dictionary cannot change once in production, and sites with
the same plans pool into one project.

Pure Python. The visit's instrument forms are declared by the instruments themselves
(``app.domain.instruments.registry``); this module adds the forms of the patient,
screening, prior therapy, enrollment, arm history, prescription, visit and adverse event.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from app.domain.coded_values import DOSE_UNITS, drug_choices, with_other
from app.domain.disease_history import ETHNICITY_CHOICES, RACE_CHOICES
from app.domain.instruments.adverse_events import CATEGORIES as AE_CATEGORIES
from app.domain.instruments.adverse_events import CODING_SOURCE as AE_CODING_SOURCE
from app.domain.instruments.adverse_events import OUTCOMES as AE_OUTCOMES
from app.domain.instruments.adverse_events import RELATIONS
from app.domain.instruments.adverse_events import SEVERITIES as AE_SEVERITIES
from app.domain.instruments.data_dictionary import (
    MAX_NAME,
    ExportContext,
    Field,
    Form,
    ItemField,
    date_field,
    field_name,
    fit_name,
)
from app.domain.instruments.registry import visit_export_forms
from app.domain.prior_therapy import REASON_LABELS
from app.domain.protocol import REASONS_STOPPED, Protocol
from app.domain.protocol.vocabulary import plan_criteria, plan_drugs
from app.domain.treatment_course_record import ARM_CHOICE_REASONS, END_REASONS
from app.domain.visit_events import UNSCHEDULED, VisitEvent, visit_events

# "2" added the repeating prior_therapy form (registration event); "3" the CHAQ field of
# the domains an "other" aid helps with, and the blood-pressure ranges the visit form
# accepts; "4" takes the criteria and drugs from the plans instead of the data, names
# its version in the record id's note, and writes the REDCap import file without
# spreadsheet escaping; "5" numeric choice codes with labels (numeric_codes); "6" coded
# values where text was typed (site, prior-therapy drug, medications, creatinine unit) so
# no typed text becomes a column name or a de-identified value, and ages over 89 grouped.
# "7" issue 18: the visit forms (CDASI activity, sun protection, steroid exposure) and the
# adverse events' category, severity and outcome; the study's patient- and
# enrollment-level records: disease onset and diagnosis dates with the disease duration
# at enrollment, race and ethnicity, why each arm was chosen and why it stopped, and the
# repeating infusion form.
# "8" the site as the installation's site code (text) instead of a list read from the
# database, so the dictionary no longer depends on the data (the identified profile keeps
# the clinic as recorded in ``pt_clinic``); record ids ``SITE-studyid`` and a
# ``redcap_data_access_group`` column in the data file.
# "9" the CDASI out of 100 with its Gottron's papules on the hands row (three items) and
# the 47 other items' sum (``cdasi_activity_93``); the cumulative steroid exposure at each
# visit (``ster_cum_*``, the rule in their Field Annotation).
# The import still reads versions 1 to 8 (app.exports.legacy_dictionaries).
DICTIONARY_VERSION = "9"
VERSION_NOTE = "data dictionary version "

# HIPAA Safe Harbor: ages over 89 are exported as one group.
AGE_GROUPED_FROM = 90
AGE_TOP_CODE = "90+"

RECORD_ID_NOTE = ("SITE-studyid: the site code, a hyphen and the study id; never derived "
                  "from identifiers")
SITE_NOTE = ("The code of the site the record comes from, set once by its administrator; "
             "the record id is SITE-studyid and the data access group the code in lower "
             "case")
REGISTRATION_EVENT = "registration"
ENROLLMENT_EVENT = "enrollment"
READONLY = "@READONLY"


@dataclass
class Catalogue:
    identified: bool
    forms: list[Form]
    item_fields: list[ItemField]
    criteria: tuple[str, ...]
    drugs: tuple[str, ...]
    # Dictionary 6 only (the import reads it): the site list as (code, name).
    sites: tuple[tuple[str, str], ...] = ()
    # The most prior therapies any one patient has: how many numbered groups of prior-
    # therapy columns the wide format carries (the REDCap format repeats a form instead).
    prior_therapy_slots: int = 0
    # The visit events, from the plans (app.domain.visit_events), in time order.
    visits: tuple[VisitEvent, ...] = ()
    # De-identified: the only texts written in the columns of PLAN_TEXT_COLUMNS (the
    # installed plans' words and the application's own: app.domain.coded_values.plan_words).
    plan_words: frozenset[str] = frozenset()
    # Names over 26 characters as they were shortened (app.domain.instruments.
    # data_dictionary.fit_name): full name -> exported name.
    short_names: dict[str, str] = field(default_factory=dict)
    # REDCap files write dropdown and radio codes as numbers (numeric_codes); the stored
    # text codes stay the catalogue's own. False: the text codes of versions 1 to 4.
    numeric_codes: bool = True
    # Not part of the dictionary: the installation's site code the records are exported
    # under (app.db.site_code); "" in a pooled database, whose records keep their own.
    site_code: str = ""
    # Dictionary 7 on: record ids ``SITE-studyid`` and the redcap_data_access_group column.
    data_access_groups: bool = True
    item_map: dict[tuple[str, str], ItemField] = field(default_factory=dict)
    fields_by_name: dict[str, Field] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.item_map = {(f.instrument, f.item): f for f in self.item_fields}
        self.fields_by_name = {f.name: f for form in self.forms for f in form.fields}

    def form(self, name: str) -> Form:
        return next(f for f in self.forms if f.name == name)

    def has_form(self, name: str) -> bool:
        return any(f.name == name for f in self.forms)

    @property
    def all_fields(self) -> list[Field]:
        return [f for form in self.forms for f in form.fields]

    def criterion_column(self, criterion: str) -> str:
        """The screening field of a criterion."""
        name = f"scr_{field_name(criterion)}"
        return self.short_names.get(name, name)


# Fields whose codes stay text in every version: the adverse event's visit names a REDCap
# event (its codes are the events' own names, which the import reads back).
TEXT_CODED = frozenset({"ae_visit"})
# In a list that mixes numbers with words (CHAQ: 0-3 and "na"), the words are numbered
# from here, clear of any score.
WORD_CODES_FROM = 90


def numeric_codes(f: Field) -> dict[str, str]:
    """Stored code -> the number a REDCap file writes, for a dropdown or radio field:
    words numbered 1, 2, ... in the listed order (female 1, male 2, other 3); in a list
    that mixes numbers with words the numbers stay and the words are numbered from 90
    (CHAQ 0-3, na 90); numbers alone and yes/no fields are left as they are (empty)."""
    if f.type not in ("dropdown", "radio") or f.name in TEXT_CODED:
        return {}
    codes = [code for code, _label in f.choices]
    numbers = [c for c in codes if c.lstrip("-").isdigit()]
    if len(numbers) == len(codes):
        return {}
    words = [c for c in codes if c not in numbers]
    start = WORD_CODES_FROM if numbers else 1
    return {word: str(start + i) for i, word in enumerate(words)}


def renamed(catalogue: Catalogue, names: dict[str, str],
            short_names: dict[str, str]) -> Catalogue:
    """``catalogue`` with its fields (and checkbox, unit and missing-reason columns)
    renamed by ``names`` (old -> new), recording ``short_names``."""

    def new(column: str | None) -> str | None:
        if column is None:
            return None
        base, sep, code = column.partition("___")
        return names.get(base, base) + sep + code

    def item(i: ItemField) -> ItemField:
        return replace(i, column=new(i.column), unit_column=new(i.unit_column),
                       missing_column=new(i.missing_column))

    forms = [replace(form, fields=tuple(replace(f, name=new(f.name)) for f in form.fields),
                     items=tuple(map(item, form.items))) for form in catalogue.forms]
    return replace(catalogue, forms=forms,
                   item_fields=[item(i) for i in catalogue.item_fields],
                   short_names=dict(short_names))


def _short_names(catalogue: Catalogue) -> Catalogue:
    """Every name within REDCap's recommended 26 characters (fit_name); ValueError if two
    fields would share a name."""
    names = {f.name: fit_name(f.name) for f in catalogue.all_fields if len(f.name) > MAX_NAME}
    result = renamed(catalogue, names, names)
    all_names = [f.name for f in result.all_fields]
    if len(set(all_names)) != len(all_names):
        raise ValueError("two exported fields would share a name")
    return result


def short_named(catalogue: Catalogue) -> Catalogue:
    """``catalogue`` with any name still over 26 characters shortened (fit_name), the
    names it had shortened already kept."""
    result = _short_names(catalogue)
    return replace(result, short_names={**catalogue.short_names, **result.short_names})


VISIT_STATUSES = (("not_started", "Not started"), ("draft", "Draft"),
                  ("complete", "Complete"), ("signed", "Signed"))
SCREENING_STATUSES = (("draft", "Draft"), ("complete", "Complete"))
SCREENING_VERDICTS = (("eligible", "Eligible"), ("not_eligible", "Not eligible"),
                      ("not_yet_eligible", "Not yet eligible"))
SCREENING_ANSWERS = (("yes", "Yes"), ("no", "No"), ("unknown", "Unknown"))
ENROLLMENT_STATUSES = (("active", "Active"), ("withdrawn", "Withdrawn"),
                       ("completed", "Completed"))
SEXES = (("female", "Female"), ("male", "Male"), ("other", "Other"))
RX_ROLES = (("arm", "Arm (study treatment)"), ("concomitant", "Concomitant"))
# The stored codes and the wording the prior-therapy dialog shows, capitalised.
PRIOR_REASONS = tuple((code, REASON_LABELS[code][:1].upper() + REASON_LABELS[code][1:])
                      for code in REASONS_STOPPED)
PRIOR_THERAPY_FORM = "prior_therapy"
INFUSION_FORM = "infusion"
# Checkbox codes are numbers (as the CHAQ's): the reasons in list order from 1, "other" 99
# so a reason added to the list later does not renumber it.
ARM_CHOICE_OTHER_CODE = "99"
ARM_CHOICE_CODE: dict[str, str] = {
    **{r.code: str(i) for i, r in enumerate(ARM_CHOICE_REASONS, start=1)},
    "other": ARM_CHOICE_OTHER_CODE}
ARM_CHOICE_FIELD_CHOICES: tuple[tuple[str, str], ...] = (
    *((str(i), r.label) for i, r in enumerate(ARM_CHOICE_REASONS, start=1)),
    (ARM_CHOICE_OTHER_CODE, "Other (text not exported when de-identified)"))

# The adverse event coding of dictionary "7" (issue 18); blank for an event stored
# before it (its category "not recorded").
AE_CODING_FIELDS: tuple[Field, ...] = (
    Field("ae_category", "adverse_event", "Category", "dropdown", AE_CATEGORIES,
          note="Blank: not recorded (events stored before the coding). " + AE_CODING_SOURCE,
          source="adverse_event"),
    Field("ae_severity", "adverse_event", "Severity (CTCAE grade)", "dropdown", AE_SEVERITIES,
          source="adverse_event"),
    Field("ae_outcome", "adverse_event", "Outcome", "dropdown", AE_OUTCOMES,
          source="adverse_event"),
)


def build_catalogue(identified: bool, criteria: Iterable[str] = (),
                    drugs: Iterable[str] = (), prior_therapy_slots: int = 0,
                    visits: Iterable[VisitEvent] = (),
                    sites: Iterable[tuple[str, str]] = ()) -> Catalogue:
    """The forms, fields and item mapping for a profile and the vocabularies given
    (``drugs``: the plans' drugs; ``prior_therapy_slots``: the most prior therapies of one
    patient, for the wide format; ``visits``: the visit events, from the plans and the data;
    ``sites``: the administrator's site list as (code, name))."""
    sites = tuple(sites)
    visits = tuple(visits)
    criteria = tuple(sorted(set(criteria)))
    drugs = tuple(sorted(set(drugs)))
    forms: list[Form] = []
    items: list[ItemField] = []
    ident = identified

    # ------------------------------------------------------------- registration
    f: list[Field] = [Field("record_id", "patient", "Study ID",
                            note=f"{RECORD_ID_NOTE} ({VERSION_NOTE}{DICTIONARY_VERSION})",
                            source="patient")]
    if ident:
        f += [
            Field("pt_given_name", "patient", "Given name", identifier=True,
                  source="patient_identity"),
            Field("pt_family_name", "patient", "Family name", identifier=True,
                  source="patient_identity"),
            Field("pt_mrn", "patient", "Medical record number", identifier=True,
                  source="patient_identity"),
            Field("pt_date_of_birth", "patient", "Date of birth", validation="date_ymd",
                  identifier=True, note="YYYY-MM-DD", source="patient_identity"),
        ]
    f += [
        Field("pt_sex", "patient", "Sex", "dropdown", SEXES, source="patient"),
        # The same field in every database (issue 17): the site's code as a value, never
        # a list of choices read from one database (app.db.site_code says why).
        Field("pt_site", "patient", "Site code", note=SITE_NOTE, source="patient"),
    ]
    if ident:
        f += [Field("pt_clinic", "patient", "Clinic (as recorded)", source="patient"),
              Field("pt_age_at_enrollment", "patient", "Age at enrollment",
                    validation="integer", minimum="0", units="years", computed=True,
                    note="Whole years at the first enrollment", source="patient_identity")]
    else:
        # HIPAA Safe Harbor groups every age over 89 into one category.
        f.append(Field("pt_age_at_enrollment", "patient", "Age at enrollment", units="years",
                       computed=True, note=f"Whole years at the first enrollment; "
                       f"{AGE_TOP_CODE} for {AGE_GROUPED_FROM} and over (HIPAA Safe Harbor)",
                       source="patient_identity"))
    f += [
        date_field("pt_onset", "patient", "Disease onset (first symptoms)", ident, "patient"),
        date_field("pt_diagnosis", "patient", "Diagnosis of JDM", ident, "patient"),
        Field("pt_disease_months", "patient", "Disease duration at enrollment",
              validation="number", minimum="0", units="months", computed=True, places=1,
              note="Months (365.25/12 days) from disease onset to the first enrollment, one "
                   "decimal (app.domain.disease_history)", source="patient"),
        Field("pt_race", "patient", "Race (self-reported)", "dropdown", RACE_CHOICES,
              note="NIH/OMB categories; blank = not recorded", source="patient"),
        Field("pt_ethnicity", "patient", "Ethnicity (self-reported)", "dropdown",
              ETHNICITY_CHOICES, note="NIH/OMB categories; blank = not recorded",
              source="patient"),
    ]
    forms.append(Form("patient", "Patient", fields=tuple(f)))

    f = [
        Field("scr_protocol_id", "screening", "Protocol id", source="screening"),
        Field("scr_protocol_version", "screening", "Protocol version", source="screening"),
        Field("scr_protocol_hash", "screening", "Protocol file SHA-256", source="screening"),
        Field("scr_status", "screening", "Screening status", "dropdown", SCREENING_STATUSES,
              source="screening"),
        Field("scr_verdict", "screening", "Eligibility verdict", "dropdown", SCREENING_VERDICTS,
              note="not_eligible = screen failure", source="screening"),
        date_field("scr", "screening", "Screening date", ident, "screening"),
    ]
    if ident:
        f += [Field("scr_by", "screening", "Screened by (user)", source="screening"),
              Field("scr_details_json", "screening", "Criterion details (JSON)", "notes",
                    note="Free text and dates: identified export only", source="screening")]
    for criterion in criteria:
        f.append(Field(f"scr_{field_name(criterion)}", "screening", f"Criterion: {criterion}",
                       "dropdown", SCREENING_ANSWERS, source=f"screening_answer {criterion}"))
    forms.append(Form("screening", "Screening", repeating=True, fields=tuple(f)))

    # Prior therapies: repeating, in the registration event. They belong to the patient,
    # not to an enrollment (entered once, reused by every screening, and screen failures
    # have them too), and they are what the screening's eligibility is judged on; the
    # enrollment and baseline events exist only for enrolled patients.
    pt = PRIOR_THERAPY_FORM

    def priordate_field(stem: str, label: str) -> Field:
        # Same rule as every other date; the note adds that these offsets are usually
        # negative (the therapy came before enrollment) and what a screen failure's are.
        fld = date_field(stem, pt, label, ident, pt)
        if ident:
            return fld
        return replace(fld, note="Days since the enrollment date (0 = enrollment day, "
                       "negative = before it; never enrolled: since the first screening)")

    f = [
        Field("prior_drug", pt, "Drug", "dropdown", with_other(drug_choices(drugs)),
              note="The drugs the plans name", source=pt),
        priordate_field("prior_start", "Started"),
        priordate_field("prior_stop", "Stopped"),
        Field("prior_reason_stopped", pt, "Why it was stopped", "dropdown", PRIOR_REASONS,
              note="Blank while the therapy is ongoing", source=pt),
        priordate_field("prior_last_dose", "Last dose"),
        Field("prior_b_cells", pt, "B cells detectable", "yesno",
              note="Rituximab only; blank = not recorded", source=pt),
        Field("prior_for_skin", pt, "Given for skin disease", "yesno", source=pt),
    ]
    if ident:
        f += [Field("prior_drug_other", pt, "Drug (other, as typed)", source=pt),
              Field("prior_notes", pt, "Notes", "notes", source=pt)]
    forms.append(Form(pt, "Prior therapy", repeating=True, fields=tuple(f)))

    # --------------------------------------------------------------- enrollment
    f = [
        Field("enr_screening_instance", "enrollment", "Screening instance it was made from",
              validation="integer", minimum="1", note="Which screening (instance number)",
              source="enrollment"),
        Field("enr_protocol_id", "enrollment", "Protocol id", source="enrollment"),
        Field("enr_protocol_version", "enrollment", "Protocol version", source="enrollment"),
        Field("enr_protocol_hash", "enrollment", "Protocol file SHA-256", source="enrollment"),
        date_field("enr", "enrollment", "Enrollment date", ident, "enrollment"),
        Field("enr_sun_counselled", "enrollment", "Sun protection counselled", "yesno",
              source="enrollment"),
        Field("enr_status", "enrollment", "Enrollment status", "dropdown", ENROLLMENT_STATUSES,
              source="enrollment"),
        date_field("enr_ended", "enrollment", "Enrollment ended", ident, "enrollment"),
    ]
    if ident:
        f += [Field("enr_by", "enrollment", "Enrolled by (user)", source="enrollment"),
              Field("enr_end_reason", "enrollment", "Reason enrollment ended", "notes",
                    source="enrollment")]
    forms.append(Form("enrollment", "Enrollment", fields=tuple(f)))

    f = [
        Field("arm_id", "arm_history", "Treatment arm", note="Protocol arm id, e.g. A, B, C",
              source="arm_assignment"),
        date_field("arm_start", "arm_history", "Arm start", ident, "arm_assignment"),
        date_field("arm_end", "arm_history", "Arm end", ident, "arm_assignment"),
        Field("arm_reason", "arm_history", "Reason for this arm",
              note="initial / inadequate_response / toxicity / other", source="arm_assignment"),
        Field("arm_choice", "arm_history", "Why this arm was chosen", "checkbox",
              ARM_CHOICE_FIELD_CHOICES,
              note="Seed 000 (why not IVIG) and seed 003 (why a biologic); none ticked = "
                   "not recorded", source="arm_assignment"),
        Field("arm_stop_reason", "arm_history", "Why the treatment was stopped or changed",
              "dropdown", END_REASONS, note="Blank while the arm is running",
              source="arm_assignment"),
    ]
    if ident:
        f += [Field("arm_notes", "arm_history", "Notes", "notes", source="arm_assignment"),
              Field("arm_created_by", "arm_history", "Recorded by (user)",
                    source="arm_assignment"),
              Field("arm_choice_other", "arm_history", "Why this arm: other (as typed)",
                    "notes", source="arm_assignment"),
              Field("arm_stop_other", "arm_history", "Why stopped: other (as typed)",
                    "notes", source="arm_assignment")]
    forms.append(Form("arm_history", "Arm history", repeating=True, fields=tuple(f)))

    f = [
        Field("rx_drug", "prescription", "Drug", source="prescription"),
        Field("rx_role", "prescription", "Role", "dropdown", RX_ROLES, source="prescription"),
        Field("rx_arm_instance", "prescription", "Arm history instance", validation="integer",
              note="Which arm_history instance the dose belongs to", source="prescription"),
        Field("rx_calculated", "prescription", "Computed by a protocol dose rule", "yesno",
              source="prescription"),
        Field("rx_amount", "prescription", "Computed dose (after cap and rounding)",
              validation="number", source="prescription"),
        Field("rx_final_amount", "prescription", "Final dose given", validation="number",
              source="prescription"),
        Field("rx_unit", "prescription", "Dose unit", source="prescription"),
        Field("rx_per", "prescription", "Dose per", note="dose / day", source="prescription"),
        Field("rx_frequency", "prescription", "Frequency", source="prescription"),
        Field("rx_route", "prescription", "Route", source="prescription"),
        Field("rx_capped", "prescription", "Protocol maximum applied", "yesno",
              source="prescription"),
        Field("rx_status", "prescription", "Status", source="prescription"),
        Field("rx_source", "prescription", "Rule source", source="prescription"),
        # Written with the decimals the dose derivation shows them with (the BSA is
        # stored unrounded: 16 decimals of a square root are not a measurement).
        Field("rx_weight_kg", "prescription", "Weight used", validation="number", units="kg",
              source="prescription inputs", places=3),
        Field("rx_height_cm", "prescription", "Height used", validation="number", units="cm",
              source="prescription inputs", places=2),
        Field("rx_bsa_m2", "prescription", "Body surface area used (Mosteller)",
              validation="number", units="m²", note="Rounded to 4 decimals",
              source="prescription inputs", places=4),
        date_field("rx_start", "prescription", "Start", ident, "prescription"),
        date_field("rx_stop", "prescription", "Stop", ident, "prescription"),
    ]
    if ident:
        f += [
            Field("rx_derivation", "prescription", "Derivation", "notes",
                  note="Holds measurement dates: identified export only", source="prescription"),
            Field("rx_override_reason", "prescription", "Reason the final dose differs", "notes",
                  source="prescription"),
            Field("rx_inputs_json", "prescription", "Inputs (JSON)", "notes",
                  source="prescription"),
            Field("rx_schedule_json", "prescription", "Planned dose dates (JSON)", "notes",
                  source="prescription"),
            Field("rx_prescribed_by", "prescription", "Prescribed by (user)",
                  source="prescription"),
        ]
    forms.append(Form("prescription", "Prescription", repeating=True, fields=tuple(f)))

    # Infusions actually given (IVIG, biologics), each in the arm running on its date.
    f = [
        Field("inf_arm_instance", INFUSION_FORM, "Arm history instance", validation="integer",
              minimum="1", note="Which arm_history instance it was given under",
              source="infusion"),
        Field("inf_drug", INFUSION_FORM, "Drug", "dropdown", with_other(drug_choices(drugs)),
              note="The drugs the plans name", source="infusion"),
        date_field("inf_given", INFUSION_FORM, "Given on", ident, "infusion"),
        Field("inf_dose", INFUSION_FORM, "Dose given", validation="number", minimum="0",
              source="infusion"),
        Field("inf_unit", INFUSION_FORM, "Dose unit", "dropdown", with_other(DOSE_UNITS),
              source="infusion"),
    ]
    if ident:
        f += [Field("inf_drug_other", INFUSION_FORM, "Drug (other, as typed)",
                    source="infusion"),
              Field("inf_unit_other", INFUSION_FORM, "Dose unit (other, as typed)",
                    source="infusion"),
              Field("inf_entered_by", INFUSION_FORM, "Recorded by (user)", source="infusion")]
    forms.append(Form(INFUSION_FORM, "Infusion given", repeating=True, fields=tuple(f)))

    # ------------------------------------------------------------------- visits
    f = [
        Field("vis_label", "visit", "Visit", source="visit"),
        Field("vis_status", "visit", "Visit status", "dropdown", VISIT_STATUSES, source="visit"),
        date_field("vis_target", "visit", "Target date", ident, "visit"),
        date_field("vis_window_start", "visit", "Window opens", ident, "visit"),
        date_field("vis_window_end", "visit", "Window closes", ident, "visit"),
        date_field("vis", "visit", "Visit date", ident, "visit"),
        Field("vis_signature_meaning", "visit", "Signature meaning", source="visit"),
    ]
    if ident:
        f += [
            Field("vis_completed_at", "visit", "Completed at (UTC)",
                  validation="datetime_seconds_ymd", source="visit"),
            Field("vis_completed_by", "visit", "Completed by (user)", source="visit"),
            Field("vis_signed_at", "visit", "Signed at (UTC)", validation="datetime_seconds_ymd",
                  source="visit"),
            Field("vis_signed_by", "visit", "Signed by (user)", source="visit"),
        ]
    forms.append(Form("visit", "Visit", fields=tuple(f)))

    # The visit's instruments: each declares its own forms (app.domain.instruments).
    for form in visit_export_forms(ExportContext(ident, drugs)):
        forms.append(form)
        items += form.items

    # adverse events (repeating, in the enrollment event: REDCap does not allow a repeating
    # instrument inside the repeating "unscheduled" event, so each names its visit)
    f = [
        Field("ae_visit", "adverse_event", "Visit at which it was reported", "dropdown",
              tuple((v.code, v.label) for v in visits), source="adverse_event"),
        Field("ae_visit_occurrence", "adverse_event", "Visit occurrence",
              validation="integer", minimum="1", note="Numbers repeated unscheduled visits",
              source="adverse_event"),
        date_field("ae_onset", "adverse_event", "Onset", ident, "adverse_event"),
        date_field("ae_resolved", "adverse_event", "Resolved", ident, "adverse_event"),
        Field("ae_serious", "adverse_event", "Serious", "yesno", source="adverse_event"),
        Field("ae_relation", "adverse_event", "Relation to treatment", "dropdown",
              RELATIONS, source="adverse_event"),
        *AE_CODING_FIELDS,
    ]
    if ident:
        f += [
            Field("ae_description", "adverse_event", "Description", "notes",
                  source="adverse_event"),
            Field("ae_action", "adverse_event", "Action taken", "notes", source="adverse_event"),
            Field("ae_reported_by", "adverse_event", "Reported by (user)",
                  source="adverse_event"),
        ]
    forms.append(Form("adverse_event", "Adverse event", repeating=True, fields=tuple(f)))
    # Keep the catalogue in event order: the adverse events belong to the enrollment event.
    forms.insert(forms.index(next(x for x in forms if x.name == "visit")), forms.pop())

    # A form without fields (e.g. no drugs recorded and no free text when de-identified)
    # cannot exist in REDCap: leave it out of the project.
    forms = [form for form in forms if form.fields]
    if ident:
        # Every field the de-identified profile leaves out (names, MRN, every calendar
        # date, free text, staff names) is an identifier.
        kept = {f.name for f in build_catalogue(False, criteria, drugs, 0, visits).all_fields}
        forms = [replace(form, fields=tuple(
            replace(f, identifier=True) if fit_name(f.name) not in kept else f
            for f in form.fields))
            for form in forms]
    return _short_names(Catalogue(ident, forms, items, criteria, drugs, sites,
                                  max(0, prior_therapy_slots), visits))


def plan_catalogue(protocols: Iterable[Protocol], identified: bool,
                   prior_therapy_slots: int = 0,
                   sites: Iterable[tuple[str, str]] = ()) -> Catalogue:
    """The catalogue of the installed ``protocols``: every criterion and drug they name,
    their visits, and the administrator's site list; identical for every database with the
    same plans and sites."""
    protocols = tuple(protocols)
    return build_catalogue(identified, plan_criteria(protocols), plan_drugs(protocols),
                           prior_therapy_slots, visit_events(protocols), sites)


# Text columns a person never types but an import stores as given: de-identified, a value
# that is not one of the plans' or the application's words is written as "other".
PLAN_TEXT_COLUMNS = frozenset({
    "scr_protocol_id", "scr_protocol_version", "enr_protocol_id", "enr_protocol_version",
    "arm_id", "arm_reason", "rx_drug", "rx_unit", "rx_per", "rx_frequency", "rx_route",
    "rx_status", "rx_source", "vis_label", "vis_signature_meaning"})

REGISTRATION_FORMS = ("patient", "screening", PRIOR_THERAPY_FORM)
ENROLLMENT_FORMS = ("enrollment", "arm_history", "prescription", INFUSION_FORM,
                    "adverse_event")
# The visit event's forms: the visit itself, then each instrument's (registry order).
VISIT_FORMS = ("visit", *(form.name for form in visit_export_forms(ExportContext(True))))


def event_name(kind: str, arm: int) -> str:
    """REDCap unique event name: ``baseline_arm_1``; ``kind`` is a visit code or a fixed event."""
    return f"{kind}_arm_{arm}"


def visit_codes(catalogue: Catalogue) -> tuple[str, ...]:
    return tuple(v.code for v in catalogue.visits)


def repeats(kind: str) -> bool:
    """The unscheduled visit is the one event that repeats (instances numbered from 1)."""
    return kind == UNSCHEDULED


def event_forms(kind: str) -> tuple[str, ...]:
    if kind == REGISTRATION_EVENT:
        return REGISTRATION_FORMS
    if kind == ENROLLMENT_EVENT:
        return ENROLLMENT_FORMS
    return VISIT_FORMS
