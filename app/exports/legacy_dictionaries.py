"""The data dictionaries of earlier exports, so the import still reads them: each version
as the differences from the current catalogue (app.reports.fields), told apart by what the
dictionary itself holds.

  "1"  no repeating prior_therapy form (otherwise as "2")
  "2"  no CHAQ field of the domains an "other" aid helps with (the aid was exported, its
       domains were not), and the blood-pressure ranges 40-260 / 20-180 mmHg that the
       dictionary listed before it took the visit form's own
  "3"  criteria and drugs found in the data (the file itself lists them, so the import
       reads them as before), no version in the record id's note, and a data file with
       spreadsheet escaping (told by its manifest, app.exports.importing)
  "4"  the version named in the record id's note, names of at most 26 characters
       (app.domain.instruments.data_dictionary.fit_name), every field de-identification
       leaves out flagged an identifier, the BSA rounded to 4 decimals; text choice codes
  "5"  numeric choice codes with labels (app.reports.fields.numeric_codes); typed text
       where "6" has codes: the site and the prior-therapy drug as text, the creatinine
       unit as typed, and per drug ``med_<drug>_dose`` / ``_unit`` / ``_frequency`` as
       text, plus ``med_other`` in the identified profile; the de-identified age a whole
       number with no 90+ group
  "6"  without issue 18's records: no CDASI, sun-protection or steroid-exposure form, no
       adverse event category, severity or outcome; no disease onset and diagnosis dates,
       disease duration, race or ethnicity on the patient; no reasons an arm was chosen
       or stopped on the arm history; no infusion form
  "7"  the site a dropdown of the site list read from the exporting database (so the
       dictionary changed with the data), ``pt_site_other`` where "8" has ``pt_clinic``,
       record ids without the site code and no ``redcap_data_access_group`` column
  "8"  the CDASI out of 93, without the Gottron's papules on the hands row and the sum of
       the other items; no cumulative steroid exposure columns
  "9"  the current one
"""

from __future__ import annotations

import re
from dataclasses import replace

from app.domain.coded_values import with_other
from app.domain.instruments.cdasi import GOTTRON_HANDS_CODES, WITHOUT_HANDS_FIELD
from app.domain.instruments.data_dictionary import Field, FormBuilder, ItemField, field_name
from app.domain.instruments.medications import MEDICATION_FORM
from app.domain.instruments.steroid_exposure import CUMULATIVE_COLUMNS, CUMULATIVE_MISSING
from app.reports.fields import (
    AE_CODING_FIELDS,
    DICTIONARY_VERSION,
    INFUSION_FORM,
    PRIOR_THERAPY_FORM,
    VERSION_NOTE,
    Catalogue,
    Form,
    renamed,
    short_named,
)

AID_OTHER_FIELD = "chaq_aid_other"
# The blood-pressure ranges of dictionaries "1" and "2": field -> (minimum, maximum).
_V2_RANGES = {"vit_bp_systolic": ("40", "260"), "vit_bp_diastolic": ("20", "180")}
# Up to dictionary "5": fields typed as text, and the fields "6" added.
_V5_TEXT = {
    "pt_site": Field("pt_site", "patient", "Site (clinic)", source="patient"),
    "prior_drug": Field("prior_drug", PRIOR_THERAPY_FORM, "Drug",
                        note="Lower-case generic name, e.g. methotrexate",
                        source=PRIOR_THERAPY_FORM),
    "vit_creatinine_unit": Field("vit_creatinine_unit", "vitals", "Creatinine unit",
                                 note="as recorded, e.g. µmol/L or mg/dL", source="vitals"),
    "pt_age_at_enrollment": Field("pt_age_at_enrollment", "patient", "Age at enrollment",
                                  validation="integer", minimum="0", units="years",
                                  computed=True, note="Whole years at the first enrollment",
                                  source="patient_identity"),
}
_V6_ADDED = {"pt_site_other", "prior_drug_other"}
# Dictionary "7" added these fields and the infusion form.
_V7_ADDED = {"pt_onset_date", "pt_onset_day", "pt_diagnosis_date", "pt_diagnosis_day",
             "pt_disease_months", "pt_race", "pt_ethnicity", "arm_choice", "arm_stop_reason",
             "arm_choice_other", "arm_stop_other"}


# The visit forms dictionary "7" added (issue 18).
_V7_FORMS = frozenset({"cdasi", "sun_protection", "steroid_exposure"})

# Dictionary "9" added these fields (the CDASI hands row and the cumulative steroid
# exposure), and changed the CDASI activity score's range and note (``_V8_CDASI``).
_V9_ADDED = frozenset({
    *(f"cdasi_{code}{end}" for code in GOTTRON_HANDS_CODES for end in ("", "_mr")),
    WITHOUT_HANDS_FIELD, *(column for column, *_ in CUMULATIVE_COLUMNS), CUMULATIVE_MISSING})
_V9_ITEMS = frozenset(("cdasi", code) for code in GOTTRON_HANDS_CODES)
_V8_CDASI = Field(
    "cdasi_activity", "cdasi", "CDASI activity score (0-93, provisional)", validation="integer",
    minimum="0", maximum="93", computed=True, source="cdasi",
    note="Computed by jdm-ctp from the items; not entered; blank if any item is not graded. "
         "CDASI v2 activity (Klein RQ et al., J Invest Dermatol 2008;128:1058-63; Yassaee M "
         "et al., Br J Dermatol 2010;162:669-73); provisional: the Gottron's papules on the "
         "hands row is not recorded")

VERSIONS = ("1", "2", "3", "4", "5", "6", "7", "8", DICTIONARY_VERSION)
_V7_RECORD_ID_NOTE = "The study id; never derived from identifiers"


def version_of(rows: list[list[str]]) -> str:
    """The version of a dictionary file's rows (header included)."""
    first = rows[1] if len(rows) > 1 else []
    note = first[6] if len(first) > 6 and first[0] == "record_id" else ""
    if VERSION_NOTE in note:
        return note.split(VERSION_NOTE, 1)[1].rstrip(")").strip()
    names = {row[0] for row in rows[1:] if row}
    forms = {row[1] for row in rows[1:] if len(row) > 1}
    if PRIOR_THERAPY_FORM not in forms:
        return "1"
    return "2" if AID_OTHER_FIELD not in names else "3"


def as_version(catalogue: Catalogue, version: str) -> Catalogue:
    """The current catalogue as dictionary ``version`` had it (up to "5" ``catalogue.drugs``
    are the drugs named in that dictionary's medication columns)."""
    if version == DICTIONARY_VERSION:
        return catalogue
    catalogue = _noted(_before_v9(catalogue), "8")
    if version == "8":
        return catalogue
    catalogue = _noted(_site_list(catalogue), "7")
    if version == "7":
        return catalogue
    catalogue = _noted(_before_v7(_without_v7_forms(catalogue)), "6")
    if version == "6":
        return catalogue
    catalogue = _noted(_typed_text(catalogue), "5")
    if version == "5":
        return catalogue
    catalogue = _noted(replace(catalogue, numeric_codes=False), "4")
    if version == "4":
        return catalogue
    # Up to version 3 names were not shortened to 26 characters.
    catalogue = renamed(catalogue, {short: full for full, short in
                                    catalogue.short_names.items()}, {})
    forms = [_form_v3(form) for form in catalogue.forms]
    if version == "3":
        return replace(catalogue, forms=forms)
    forms = [_form_v2(form) for form in forms
             if version == "2" or form.name != PRIOR_THERAPY_FORM]
    items = [f for f in catalogue.item_fields
             if not (f.instrument == "chaq" and f.item.startswith("aid_other_"))]
    return replace(catalogue, forms=forms, item_fields=items)


def _noted(catalogue: Catalogue, version: str) -> Catalogue:
    """``catalogue`` with the record id's note naming dictionary ``version``."""
    named = re.compile(re.escape(VERSION_NOTE) + r"\d+")
    forms = [replace(form, fields=tuple(
        replace(f, note=named.sub(f"{VERSION_NOTE}{version}", f.note))
        if f.name == "record_id" else f
        for f in form.fields)) for form in catalogue.forms]
    return replace(catalogue, forms=forms)


def _before_v9(catalogue: Catalogue) -> Catalogue:
    """Up to version 8: without the fields and items "9" added, the CDASI out of 93."""
    forms = [replace(form, fields=tuple(_V8_CDASI if f.name == _V8_CDASI.name else f
                                        for f in form.fields if f.name not in _V9_ADDED),
                     items=tuple(i for i in form.items
                                 if (i.instrument, i.item) not in _V9_ITEMS))
             for form in catalogue.forms]
    items = [i for i in catalogue.item_fields if (i.instrument, i.item) not in _V9_ITEMS]
    return replace(catalogue, forms=forms, item_fields=items)


def _without_v7_forms(catalogue: Catalogue) -> Catalogue:
    """Up to version 6: no form of ``_V7_FORMS``, no adverse event coding."""
    coding = {f.name for f in AE_CODING_FIELDS}
    forms = [replace(f, fields=tuple(x for x in f.fields if x.name not in coding))
             for f in catalogue.forms if f.name not in _V7_FORMS]
    return replace(catalogue, forms=forms,
                   item_fields=[i for i in catalogue.item_fields if i.form not in _V7_FORMS])


def _before_v7(catalogue: Catalogue) -> Catalogue:
    """Up to version 6: without the fields and the form that "7" added."""
    forms = [replace(form, fields=tuple(f for f in form.fields if f.name not in _V7_ADDED))
             for form in catalogue.forms if form.name != INFUSION_FORM]
    return replace(catalogue, forms=forms)
def _site_list(catalogue: Catalogue) -> Catalogue:
    """Up to version 7: the site a dropdown of ``catalogue.sites`` (the list the dictionary
    file names) with "other", its typed text in ``pt_site_other`` (identified), plain
    study ids."""
    v7 = {
        "pt_site": Field("pt_site", "patient", "Site (clinic)", "dropdown",
                         with_other(catalogue.sites),
                         note="From the site list an administrator keeps", source="patient"),
        "pt_clinic": Field("pt_site_other", "patient", "Site (other, as typed)",
                           source="patient"),
    }
    forms = []
    for form in catalogue.forms:
        fields = []
        for f in form.fields:
            if f.name in v7:
                f = replace(v7[f.name], identifier=f.identifier)
            elif f.name == "record_id":
                f = replace(f, note=f"{_V7_RECORD_ID_NOTE} ({VERSION_NOTE}7)")
            fields.append(f)
        forms.append(replace(form, fields=tuple(fields)))
    return replace(catalogue, forms=forms, data_access_groups=False)


def _typed_text(catalogue: Catalogue) -> Catalogue:
    """Up to version 5: the site, the prior-therapy drug, the creatinine unit and the
    medications as typed text, the age a whole number (names shortened as then)."""
    forms = []
    for form in catalogue.forms:
        if form.name == MEDICATION_FORM:
            form = _medications_v5(catalogue.drugs, catalogue.identified)
            if not form.fields:
                continue
        else:
            fields = tuple(replace(_V5_TEXT[f.name], identifier=f.identifier)
                           if f.name in _V5_TEXT else f
                           for f in form.fields if f.name not in _V6_ADDED)
            form = replace(form, fields=fields, items=tuple(_item_v5(i) for i in form.items))
        forms.append(form)
    items = [_item_v5(f) for f in catalogue.item_fields]
    items += next((f.items for f in forms if f.name == MEDICATION_FORM), ())
    return short_named(replace(catalogue, forms=forms, item_fields=items))


def _item_v5(item: ItemField) -> ItemField:
    if item.unit_column == "vit_creatinine_unit":
        return replace(item, unit_codes=("*",))
    return item


def _medications_v5(drugs: tuple[str, ...], identified: bool) -> Form:
    medications = FormBuilder(MEDICATION_FORM, "Medications", MEDICATION_FORM)
    for drug in drugs:
        stem = f"med_{field_name(drug)}"
        medications.item(Field(f"{stem}_dose", MEDICATION_FORM, f"{drug}: dose",
                               validation="number", minimum="0"), f"{drug}_dose", "num",
                         Field(f"{stem}_unit", MEDICATION_FORM, f"{drug}: dose unit"), ("*",))
        medications.item(Field(f"{stem}_frequency", MEDICATION_FORM, f"{drug}: frequency"),
                         f"{drug}_frequency", "text", missing=False)
    if identified:
        # Free text: an identifier (every field de-identification leaves out, version 4 on).
        medications.item(Field("med_other", MEDICATION_FORM, "Other medications (free text)",
                               "notes", identifier=True), "other", "text", missing=False)
    return medications.build()


# Up to version 3 only these were flagged identifiers, and the BSA was labelled so.
_V3_IDENTIFIERS = {"pt_given_name", "pt_family_name", "pt_mrn", "pt_date_of_birth"}
_V3_BSA = ("Body surface area used", "")


def _form_v3(form: Form) -> Form:
    """Up to version 3 the record id's note named no version, only names, MRN and date
    of birth were flagged identifiers, and the BSA's label named no formula."""
    fields = []
    for f in form.fields:
        if f.name == "record_id":
            f = replace(f, note="The study id; never derived from identifiers")
        elif f.name == "rx_bsa_m2":
            f = replace(f, label=_V3_BSA[0], note=_V3_BSA[1])
        fields.append(replace(f, identifier=f.name in _V3_IDENTIFIERS))
    return replace(form, fields=tuple(fields))


def _form_v2(form: Form) -> Form:
    fields = []
    for f in form.fields:
        if f.name == AID_OTHER_FIELD:
            continue
        if f.name in _V2_RANGES:
            minimum, maximum = _V2_RANGES[f.name]
            f = replace(f, minimum=minimum, maximum=maximum)
        fields.append(f)
    items = tuple(i for i in form.items if i.column.split("___")[0] != AID_OTHER_FIELD)
    return replace(form, fields=tuple(fields), items=items)


__all__ = ["VERSIONS", "as_version", "version_of"]
