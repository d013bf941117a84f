"""The export field catalogue: every column either export format can carry, as data.

One list drives the REDCap data dictionary, the wide codebook, the CSV headers, the
import's validation and the mapping between stored instrument items and columns, so a
column cannot appear in a file without being documented (exports.md).

The catalogue depends on the profile (identified adds names/MRN/DOB, staff names, free
text and calendar dates; de-identified has ``*_day`` = days since enrollment instead of
``*_date``) and on two open vocabularies found in the data: the screening criteria of
the protocol files and the drugs recorded on the medications form.

Pure Python: item definitions come from ``app.domain.instruments``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from app.domain.instruments import chaq, cmas, enzymes, globals, mmt8, skin
from app.domain.prior_therapy import REASON_LABELS
from app.domain.protocol import REASONS_STOPPED

# "2" added the repeating prior_therapy form (registration event). The import still reads
# version "1" exports, which lack it (app.exports.importing).
DICTIONARY_VERSION = "2"

MISSING_REASONS = (
    ("not_done", "Not done"),
    ("not_applicable", "Not applicable"),
    ("unknown", "Unknown"),
)
VISIT_CODES = ("baseline", "month_1", "month_2", "month_6", "month_12", "month_18", "unscheduled")
VISIT_LABELS = {
    "baseline": "Baseline",
    "month_1": "Month 1",
    "month_2": "Month 2",
    "month_6": "Month 6",
    "month_12": "Month 12",
    "month_18": "Month 18",
    "unscheduled": "Unscheduled",
}
REGISTRATION_EVENT = "registration"
ENROLLMENT_EVENT = "enrollment"
READONLY = "@READONLY"
COMPUTED_NOTE = "Computed by jdm-ctp from the items; not entered"


@dataclass(frozen=True)
class Field:
    """One REDCap field (= one column, or one column per option for a checkbox)."""

    name: str
    form: str
    label: str
    type: str = "text"  # text, notes, dropdown, yesno, checkbox, ...
    choices: tuple[tuple[str, str], ...] = ()
    validation: str = ""  # date_ymd, integer, number, number_1dp, datetime_seconds_ymd
    minimum: str = ""
    maximum: str = ""
    identifier: bool = False
    note: str = ""
    units: str = ""
    section: str = ""
    computed: bool = False
    source: str = ""  # the instrument/table it comes from (codebook)

    @property
    def columns(self) -> tuple[str, ...]:
        if self.type == "checkbox":
            return tuple(f"{self.name}___{code}" for code, _ in self.choices)
        return (self.name,)

    @property
    def choices_text(self) -> str:
        return " | ".join(f"{code}, {label}" for code, label in self.choices)


@dataclass(frozen=True)
class ItemField:
    """How one stored instrument item (InstrumentValue row) maps to a column.

    ``kind``: num (value_num), text/code (value_text), date (value_text ISO date, a day
    offset when de-identified), check (value_num 1 -> checkbox column ``column``).
    """

    instrument: str
    item: str
    column: str
    kind: str
    unit_column: str | None = None
    unit_codes: tuple[tuple[str, str], ...] = ()  # (csv code, stored unit)
    missing_column: str | None = None


@dataclass(frozen=True)
class Form:
    name: str
    label: str
    repeating: bool = False
    fields: tuple[Field, ...] = ()


@dataclass
class Catalogue:
    identified: bool
    forms: list[Form]
    item_fields: list[ItemField]
    criteria: tuple[str, ...]
    drugs: tuple[str, ...]
    # The most prior therapies any one patient has: how many numbered groups of prior-
    # therapy columns the wide format carries (the REDCap format repeats a form instead).
    prior_therapy_slots: int = 0
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


ENZYME_UNITS = (("u_l", enzymes.EnzymeUnit.U_PER_L.value), ("ukat_l", "µkat/L"))
ENZYME_UNIT_CHOICES = (("u_l", "U/L"), ("ukat_l", "µkat/L (1 µkat/L = 60 U/L)"))
YES_NO_TEXT = (("yes", "Yes"), ("no", "No"))
AUTOANTIBODIES = (
    ("tif1g", "Anti-TIF1-γ"), ("nxp2", "Anti-NXP2"), ("mda5", "Anti-MDA5"),
    ("mi2", "Anti-Mi-2"), ("sae", "Anti-SAE"), ("srp", "Anti-SRP"), ("hmgcr", "Anti-HMGCR"),
    ("jo1", "Anti-Jo-1"), ("other_synthetase", "Other anti-synthetase"),
    ("pmscl", "Anti-PM-Scl"), ("ku", "Anti-Ku"), ("u1rnp", "Anti-U1-RNP"), ("ro52", "Anti-Ro52"),
)
ANTIBODY_RESULTS = (("positive", "Positive"), ("negative", "Negative"),
                    ("not_tested", "Not tested"))
VITALS = (
    ("weight_kg", "Weight", "number", "2", "200", "kg"),
    ("height_cm", "Height", "number", "45", "220", "cm"),
    ("bp_systolic", "Blood pressure, systolic", "integer", "40", "260", "mmHg"),
    ("bp_diastolic", "Blood pressure, diastolic", "integer", "20", "180", "mmHg"),
    ("creatinine", "Serum creatinine", "number", "0", "", ""),
)
VISIT_STATUSES = (("not_started", "Not started"), ("draft", "Draft"),
                  ("complete", "Complete"), ("signed", "Signed"))
SCREENING_STATUSES = (("draft", "Draft"), ("complete", "Complete"))
SCREENING_VERDICTS = (("eligible", "Eligible"), ("not_eligible", "Not eligible"),
                      ("not_yet_eligible", "Not yet eligible"))
SCREENING_ANSWERS = (("yes", "Yes"), ("no", "No"), ("unknown", "Unknown"))
ENROLLMENT_STATUSES = (("active", "Active"), ("withdrawn", "Withdrawn"),
                       ("completed", "Completed"))
SEXES = (("female", "Female"), ("male", "Male"), ("other", "Other"))
AE_RELATIONS = (("unrelated", "Unrelated"), ("unlikely", "Unlikely"), ("possible", "Possible"),
                ("probable", "Probable"), ("definite", "Definite"))
RX_ROLES = (("arm", "Arm (study treatment)"), ("concomitant", "Concomitant"))
TIS_CATEGORIES = (("none", "None"), ("minimal", "Minimal (TIS ≥ 30)"),
                  ("moderate", "Moderate (TIS ≥ 45)"), ("major", "Major (TIS ≥ 70)"))
PRINTO_STATUSES = (("inactive", "Clinically inactive"), ("not_inactive", "Not inactive"),
                   ("undetermined", "Undetermined (criteria missing)"))
IMACS_STATUSES = (("improved", "Improved"), ("not_improved", "Not improved"),
                  ("undetermined", "Undetermined (measures missing)"))
MMT8_VARIANTS = (("unilateral", "Unilateral (0-80)"), ("bilateral", "Bilateral (0-150)"))
# The stored codes and the wording the prior-therapy dialog shows, capitalised.
PRIOR_REASONS = tuple((code, REASON_LABELS[code][:1].upper() + REASON_LABELS[code][1:])
                      for code in REASONS_STOPPED)
PRIOR_THERAPY_FORM = "prior_therapy"

_NAME_OK = re.compile(r"[^a-z0-9_]+")


def field_name(text: str) -> str:
    """A REDCap-safe field name part: lower case letters, digits and underscores."""
    name = _NAME_OK.sub("_", text.strip().lower()).strip("_")
    return name or "x"


def _mr(name: str, form: str, label: str, source: str) -> Field:
    return Field(f"{name}_mr", form, f"{label}: reason missing", "dropdown", MISSING_REASONS,
                 note="Blank when a value was recorded", source=source)


def _date(stem: str, form: str, label: str, identified: bool, source: str,
          identifier: bool = False) -> Field:
    """A calendar date (identified) or its days since enrollment (de-identified)."""
    if identified:
        return Field(f"{stem}_date", form, label, validation="date_ymd", identifier=identifier,
                     note="YYYY-MM-DD", source=source)
    return Field(f"{stem}_day", form, f"{label} (days since enrollment)", validation="integer",
                 units="days", note="Days since the enrollment date (0 = enrollment day)",
                 source=source)


def build_catalogue(identified: bool, criteria: Iterable[str] = (),
                    drugs: Iterable[str] = (), prior_therapy_slots: int = 0) -> Catalogue:
    """The forms, fields and item mapping for a profile and the open vocabularies given
    (``prior_therapy_slots``: the most prior therapies of one patient, for the wide format)."""
    criteria = tuple(sorted(set(criteria)))
    drugs = tuple(sorted(set(drugs)))
    forms: list[Form] = []
    items: list[ItemField] = []
    ident = identified

    # ------------------------------------------------------------- registration
    f: list[Field] = [Field("record_id", "patient", "Study ID",
                            note="The study id; never derived from identifiers",
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
        Field("pt_site", "patient", "Site (clinic)", source="patient"),
        Field("pt_age_at_enrollment", "patient", "Age at enrollment", validation="integer",
              minimum="0", units="years", computed=True,
              note="Whole years at the first enrollment", source="patient_identity"),
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
        _date("scr", "screening", "Screening date", ident, "screening"),
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

    def prior_date(stem: str, label: str) -> Field:
        # Same rule as every other date; the note adds that these offsets are usually
        # negative (the therapy came before enrollment) and what a screen failure's are.
        fld = _date(stem, pt, label, ident, pt)
        if ident:
            return fld
        return replace(fld, note="Days since the enrollment date (0 = enrollment day, "
                       "negative = before it; never enrolled: since the first screening)")

    f = [
        Field("prior_drug", pt, "Drug", note="Lower-case generic name, e.g. methotrexate",
              source=pt),
        prior_date("prior_start", "Started"),
        prior_date("prior_stop", "Stopped"),
        Field("prior_reason_stopped", pt, "Why it was stopped", "dropdown", PRIOR_REASONS,
              note="Blank while the therapy is ongoing", source=pt),
        prior_date("prior_last_dose", "Last dose"),
        Field("prior_b_cells", pt, "B cells detectable", "yesno",
              note="Rituximab only; blank = not recorded", source=pt),
        Field("prior_for_skin", pt, "Given for skin disease", "yesno", source=pt),
    ]
    if ident:
        f.append(Field("prior_notes", pt, "Notes", "notes", source=pt))
    forms.append(Form(pt, "Prior therapy", repeating=True, fields=tuple(f)))

    # --------------------------------------------------------------- enrollment
    f = [
        Field("enr_screening_instance", "enrollment", "Screening instance it was made from",
              validation="integer", minimum="1", note="Which screening (instance number)",
              source="enrollment"),
        Field("enr_protocol_id", "enrollment", "Protocol id", source="enrollment"),
        Field("enr_protocol_version", "enrollment", "Protocol version", source="enrollment"),
        Field("enr_protocol_hash", "enrollment", "Protocol file SHA-256", source="enrollment"),
        _date("enr", "enrollment", "Enrollment date", ident, "enrollment"),
        Field("enr_sun_counselled", "enrollment", "Sun protection counselled", "yesno",
              source="enrollment"),
        Field("enr_status", "enrollment", "Enrollment status", "dropdown", ENROLLMENT_STATUSES,
              source="enrollment"),
        _date("enr_ended", "enrollment", "Enrollment ended", ident, "enrollment"),
    ]
    if ident:
        f += [Field("enr_by", "enrollment", "Enrolled by (user)", source="enrollment"),
              Field("enr_end_reason", "enrollment", "Reason enrollment ended", "notes",
                    source="enrollment")]
    forms.append(Form("enrollment", "Enrollment", fields=tuple(f)))

    f = [
        Field("arm_id", "arm_history", "Treatment arm", note="Protocol arm id, e.g. A, B, C",
              source="arm_assignment"),
        _date("arm_start", "arm_history", "Arm start", ident, "arm_assignment"),
        _date("arm_end", "arm_history", "Arm end", ident, "arm_assignment"),
        Field("arm_reason", "arm_history", "Reason for this arm",
              note="initial / inadequate_response / toxicity / other", source="arm_assignment"),
    ]
    if ident:
        f += [Field("arm_notes", "arm_history", "Notes", "notes", source="arm_assignment"),
              Field("arm_created_by", "arm_history", "Recorded by (user)",
                    source="arm_assignment")]
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
        Field("rx_weight_kg", "prescription", "Weight used", validation="number", units="kg",
              source="prescription inputs"),
        Field("rx_height_cm", "prescription", "Height used", validation="number", units="cm",
              source="prescription inputs"),
        Field("rx_bsa_m2", "prescription", "Body surface area used", validation="number",
              units="m²", source="prescription inputs"),
        _date("rx_start", "prescription", "Start", ident, "prescription"),
        _date("rx_stop", "prescription", "Stop", ident, "prescription"),
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

    # ------------------------------------------------------------------- visits
    f = [
        Field("vis_label", "visit", "Visit", source="visit"),
        Field("vis_status", "visit", "Visit status", "dropdown", VISIT_STATUSES, source="visit"),
        _date("vis_target", "visit", "Target date", ident, "visit"),
        _date("vis_window_start", "visit", "Window opens", ident, "visit"),
        _date("vis_window_end", "visit", "Window closes", ident, "visit"),
        _date("vis", "visit", "Visit date", ident, "visit"),
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

    def add_item(form_fields: list[Field], fld: Field, instrument: str, item: str, kind: str,
                 unit_field: Field | None = None, unit_codes=(), missing: bool = True) -> None:
        form_fields.append(fld)
        if unit_field is not None:
            form_fields.append(unit_field)
        mr = None
        if missing:
            mr_field = _mr(fld.name, fld.form, fld.label, fld.source)
            form_fields.append(mr_field)
            mr = mr_field.name
        items.append(ItemField(instrument, item, fld.name, kind,
                               unit_field.name if unit_field else None, unit_codes, mr))

    def item_field(form: str, d, source: str) -> Field:
        kind = d.kind.value
        if kind in ("score", "yes_no"):
            return Field(d.code, form, d.display_name, validation="integer",
                         minimum=str(d.minimum), maximum=str(d.maximum), source=source)
        if kind == "seconds":
            return Field(d.code, form, d.display_name, validation="number", minimum="0",
                         units="seconds", source=source)
        if kind == "vas":
            # "number", not "number_1dp": REDCap's 1dp validation demands exactly one
            # decimal, and a stored 2.0 is written "2".
            return Field(d.code, form, d.label, validation="number", minimum="0",
                         maximum="10", units="cm", note="10 cm VAS, 0.1 cm steps", source=source)
        raise ValueError(kind)

    # globals
    f = []
    for d in globals.GLOBAL_ASSESSMENTS:
        add_item(f, item_field("globals", d, "global"), "global", d.code, "num")
    forms.append(Form("globals", "Global assessments", fields=tuple(f)))

    # CMAS
    f = []
    for d in cmas.ALL_FIELDS:
        add_item(f, item_field("cmas", d, "cmas"), "cmas", d.code, "num")
    f += [
        Field("cmas_total", "cmas", "CMAS total (0-52)", validation="integer", minimum="0",
              maximum="52", computed=True, note=COMPUTED_NOTE + "; blank if any item missing",
              source="cmas"),
        Field("cmas_partial_sum", "cmas", "CMAS sum of the items entered (partial)",
              validation="integer", computed=True, note=COMPUTED_NOTE, source="cmas"),
    ]
    forms.append(Form("cmas", "CMAS", fields=tuple(f)))

    # CHAQ
    f = []
    answer_choices = tuple((str(a.value), a.label) for a in chaq.ANSWER_ANCHORS)
    if not any(code == chaq.NOT_APPLICABLE for code, _ in answer_choices):
        answer_choices += ((chaq.NOT_APPLICABLE, "Not applicable"),)
    for d in chaq.CHAQ_ITEMS:
        add_item(f, Field(d.code, "chaq", d.display_name, "dropdown", answer_choices,
                          source="chaq"), "chaq", d.code, "code_num")
    for d in chaq.VAS_ITEMS:
        add_item(f, item_field("chaq", d, "chaq"), "chaq", d.code, "num")
    aid_choices = tuple((str(i + 1), aid.label) for i, aid in enumerate(chaq.AIDS))
    help_choices = tuple((str(i + 1), dom.help_label) for i, dom in enumerate(chaq.DOMAINS))
    f.append(Field("chaq_aids", "chaq", "Aids or devices used", "checkbox", aid_choices,
                   source="chaq"))
    f.append(Field("chaq_help", "chaq", "Help from another person needed for", "checkbox",
                   help_choices, source="chaq"))
    for (code, _), aid in zip(aid_choices, chaq.AIDS, strict=True):
        items.append(ItemField("chaq", aid.code, f"chaq_aids___{code}", "check"))
    for (code, _), dom in zip(help_choices, chaq.DOMAINS, strict=True):
        items.append(ItemField("chaq", f"help_{dom.code}", f"chaq_help___{code}", "check"))
    f.append(Field("chaq_di", "chaq", "CHAQ disability index (0-3)", validation="number",
                   minimum="0", maximum="3", computed=True,
                   note=COMPUTED_NOTE + "; blank if fewer than 6 domains answered",
                   source="chaq"))
    forms.append(Form("chaq", "CHAQ", fields=tuple(f)))

    # MMT8
    f = [Field("mmt_variant", "mmt8", "MMT8 variant", "dropdown", MMT8_VARIANTS, source="mmt8")]
    items.append(ItemField("mmt8", "variant", "mmt_variant", "code"))
    seen: set[str] = set()
    for d in mmt8.items_for("unilateral") + mmt8.items_for("bilateral"):
        if d.code in seen:
            continue
        seen.add(d.code)
        add_item(f, item_field("mmt8", d, "mmt8"), "mmt8", d.code, "num")
    f.append(Field("mmt8_total", "mmt8", "MMT8 total (0-80 unilateral, 0-150 bilateral)",
                   validation="integer", minimum="0", maximum="150", computed=True,
                   note=COMPUTED_NOTE + "; blank if any muscle group missing", source="mmt8"))
    forms.append(Form("mmt8", "MMT8", fields=tuple(f)))

    # enzymes
    f = []
    for e in enzymes.ENZYMES:
        stem = f"enz_{e.code}"
        add_item(f, Field(stem, "enzymes", e.label, validation="number", minimum="0",
                          source="enzymes"), "enzymes", e.code, "num",
                 Field(f"{stem}_unit", "enzymes", f"{e.short} unit", "dropdown",
                       ENZYME_UNIT_CHOICES, source="enzymes"), ENZYME_UNITS)
        add_item(f, Field(f"{stem}_uln", "enzymes", f"{e.short} upper limit of normal",
                          validation="number", minimum="0", source="enzymes"),
                 "enzymes", f"{e.code}_uln", "num",
                 Field(f"{stem}_uln_unit", "enzymes", f"{e.short} ULN unit", "dropdown",
                       ENZYME_UNIT_CHOICES, source="enzymes"), ENZYME_UNITS, missing=False)
        f.append(Field(f"{stem}_xuln", "enzymes", f"{e.short} × ULN", validation="number",
                       computed=True, note=COMPUTED_NOTE, source="enzymes"))
    collected = _date("enz_collected", "enzymes", "Blood collected", ident, "enzymes")
    add_item(f, collected, "enzymes", "collected_on", "date", missing=False)
    f += [
        Field("enz_most_abnormal", "enzymes", "Most abnormal enzyme at baseline", "dropdown",
              tuple((e.code, e.short) for e in enzymes.ENZYMES), computed=True,
              note=COMPUTED_NOTE + " (highest × ULN at baseline)", source="enzymes"),
        Field("enz_followed_xuln", "enzymes", "Most abnormal enzyme × ULN at this visit",
              validation="number", computed=True, note=COMPUTED_NOTE, source="enzymes"),
    ]
    forms.append(Form("enzymes", "Muscle enzymes", fields=tuple(f)))

    # skin
    f = []
    change_choices = tuple((str(a.value), a.label) for a in skin.CHANGE_ANSWERS)
    for s in skin.SKIN_ITEMS:
        add_item(f, Field(s.code, "skin", s.label, "dropdown",
                          tuple((str(a.value), a.label) for a in s.answers), source="skin"),
                 "skin", s.code, "code")
        if s.change_code:
            add_item(f, Field(s.change_code, "skin", f"{s.label}: change since last visit",
                              "dropdown", change_choices, source="skin"),
                     "skin", s.change_code, "code", missing=False)
    forms.append(Form("skin", "Skin (MDAAT cutaneous items)", fields=tuple(f)))

    # MRI
    f = []
    add_item(f, Field("mri_done", "mri", "Muscle MRI done", "dropdown", YES_NO_TEXT,
                      source="mri"), "mri", "done", "code")
    add_item(f, _date("mri", "mri", "MRI date", ident, "mri"), "mri", "date", "date",
             missing=False)
    add_item(f, Field("mri_active_myositis", "mri", "MRI shows active myositis", "dropdown",
                      YES_NO_TEXT, source="mri"), "mri", "active_myositis", "code")
    forms.append(Form("mri", "Muscle MRI", fields=tuple(f)))

    # autoantibodies
    f = []
    for code, label in AUTOANTIBODIES:
        add_item(f, Field(f"aab_{code}", "autoantibodies", label, "dropdown", ANTIBODY_RESULTS,
                          source="autoantibodies"), "autoantibodies", code, "code")
    forms.append(Form("autoantibodies", "Autoantibodies", fields=tuple(f)))

    # vitals
    f = []
    for code, label, validation, lo, hi, unit in VITALS:
        unit_field = None
        if code == "creatinine":
            unit_field = Field("vit_creatinine_unit", "vitals", "Creatinine unit",
                               note="as recorded, e.g. µmol/L or mg/dL", source="vitals")
        add_item(f, Field(f"vit_{code}", "vitals", label, validation=validation, minimum=lo,
                          maximum=hi, units=unit, source="vitals"),
                 "vitals", code, "num", unit_field, ("*",) if unit_field else ())
    forms.append(Form("vitals", "Vital signs", fields=tuple(f)))

    # medications (drugs as found in the data)
    f = []
    for drug in drugs:
        stem = f"med_{field_name(drug)}"
        add_item(f, Field(f"{stem}_dose", "medications", f"{drug}: dose", validation="number",
                          minimum="0", source="medications"), "medications", f"{drug}_dose",
                 "num", Field(f"{stem}_unit", "medications", f"{drug}: dose unit",
                              source="medications"), ("*",))
        add_item(f, Field(f"{stem}_frequency", "medications", f"{drug}: frequency",
                          source="medications"), "medications", f"{drug}_frequency", "text",
                 missing=False)
    if ident:
        add_item(f, Field("med_other", "medications", "Other medications (free text)", "notes",
                          source="medications"), "medications", "other", "text", missing=False)
    forms.append(Form("medications", "Medications", fields=tuple(f)))

    # response (issue 8): computed only
    src = "computed (app.domain.response)"
    f = [
        Field("resp_tis", "response", "ACR/EULAR Total Improvement Score (0-100) vs baseline",
              validation="number", minimum="0", maximum="100", computed=True,
              note="PROVISIONAL percent-change rule (clinical-rules §3.2); blank if a core "
              "measure is missing or not comparable", source=src),
        Field("resp_tis_category", "response", "JDM response category", "dropdown",
              TIS_CATEGORIES, computed=True, note="Rider 2017: minimal ≥ 30, moderate ≥ 45, "
              "major ≥ 70", source=src),
        Field("resp_tis_provisional", "response", "TIS uses the provisional rule", "yesno",
              computed=True, source=src),
        Field("resp_tis_missing", "response", "Core measures missing or not comparable",
              computed=True, note="Measure codes separated by ';'", source=src),
        Field("resp_printo_status", "response", "PRINTO clinically inactive disease",
              "dropdown", PRINTO_STATUSES, computed=True,
              note="≥ 3 of 4: CK ≤ 150 U/L, CMAS ≥ 48, MMT8 ≥ 78, PGA ≤ 0.2 cm (Lazarevic 2013)",
              source=src),
        Field("resp_printo_met", "response", "PRINTO criteria met", computed=True,
              note="Criterion codes separated by ';'", source=src),
        Field("resp_imacs_status", "response", "IMACS definition of improvement vs baseline",
              "dropdown", IMACS_STATUSES, computed=True,
              note="≥ 3 of 6 improved ≥ 20%, ≤ 2 worse ≥ 25%, MMT not worse (Rider 2004)",
              source=src),
        Field("resp_imacs_improved", "response", "IMACS measures improved", computed=True,
              note="Measure codes separated by ';'", source=src),
        Field("resp_imacs_worsened", "response", "IMACS measures worsened", computed=True,
              note="Measure codes separated by ';'", source=src),
    ]
    forms.append(Form("response", "Response criteria (computed)", fields=tuple(f)))

    # adverse events (repeating, in the enrollment event: REDCap does not allow a repeating
    # instrument inside the repeating "unscheduled" event, so each names its visit)
    f = [
        Field("ae_visit", "adverse_event", "Visit at which it was reported", "dropdown",
              tuple((code, VISIT_LABELS[code]) for code in VISIT_CODES), source="adverse_event"),
        Field("ae_visit_occurrence", "adverse_event", "Visit occurrence",
              validation="integer", minimum="1", note="Numbers repeated unscheduled visits",
              source="adverse_event"),
        _date("ae_onset", "adverse_event", "Onset", ident, "adverse_event"),
        _date("ae_resolved", "adverse_event", "Resolved", ident, "adverse_event"),
        Field("ae_serious", "adverse_event", "Serious", "yesno", source="adverse_event"),
        Field("ae_relation", "adverse_event", "Relation to treatment", "dropdown",
              AE_RELATIONS, source="adverse_event"),
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
    return Catalogue(ident, forms, items, criteria, drugs, max(0, prior_therapy_slots))


REGISTRATION_FORMS = ("patient", "screening", PRIOR_THERAPY_FORM)
ENROLLMENT_FORMS = ("enrollment", "arm_history", "prescription", "adverse_event")
VISIT_FORMS = ("visit", "globals", "cmas", "chaq", "mmt8", "enzymes", "skin", "mri",
               "autoantibodies", "vitals", "medications", "response")
# Which stored instrument fills which form.
INSTRUMENT_FORM = {
    "global": "globals", "cmas": "cmas", "chaq": "chaq", "mmt8": "mmt8", "enzymes": "enzymes",
    "skin": "skin", "mri": "mri", "autoantibodies": "autoantibodies", "vitals": "vitals",
    "medications": "medications",
}
FORM_INSTRUMENT = {form: instrument for instrument, form in INSTRUMENT_FORM.items()}


def event_name(kind: str, arm: int) -> str:
    """REDCap unique event name: ``baseline_arm_1``; ``kind`` is a visit code or a fixed event."""
    return f"{kind}_arm_{arm}"


def event_forms(kind: str) -> tuple[str, ...]:
    if kind == REGISTRATION_EVENT:
        return REGISTRATION_FORMS
    if kind == ENROLLMENT_EVENT:
        return ENROLLMENT_FORMS
    return VISIT_FORMS
