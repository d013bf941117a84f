"""The data dictionaries of earlier exports, so the import still reads them: each version
as the differences from the current catalogue (app.reports.fields), told apart by what the
dictionary itself holds.

  "1"  no repeating prior_therapy form (otherwise as "2")
  "2"  no CHAQ field of the domains an "other" aid helps with (the aid was exported, its
       domains were not), and the blood-pressure ranges 40-260 / 20-180 mmHg that the
       dictionary listed before it took the visit form's own
  "3"  typed text where "4" has codes: the site and the prior-therapy drug as text, the
       creatinine unit as typed, and per recorded drug (its typed name in the column
       name) ``med_<drug>_dose`` / ``_unit`` / ``_frequency`` as text, plus ``med_other``
       (otherwise as "4")
  "4"  the current one
"""

from __future__ import annotations

from dataclasses import replace

from app.domain.instruments.data_dictionary import Field, FormBuilder, ItemField, field_name
from app.domain.instruments.medications import MEDICATION_FORM, OTHER_RECORDED
from app.reports.fields import PRIOR_THERAPY_FORM, Catalogue, Form

AID_OTHER_FIELD = "chaq_aid_other"
# The blood-pressure ranges of dictionaries "1" and "2": field -> (minimum, maximum).
_V2_RANGES = {"vit_bp_systolic": ("40", "260"), "vit_bp_diastolic": ("20", "180")}
# Dictionary "3": fields typed as text, and the fields "4" added.
_V3_TEXT = {
    "pt_site": Field("pt_site", "patient", "Site (clinic)", source="patient"),
    "prior_drug": Field("prior_drug", PRIOR_THERAPY_FORM, "Drug",
                        note="Lower-case generic name, e.g. methotrexate",
                        source=PRIOR_THERAPY_FORM),
    "vit_creatinine_unit": Field("vit_creatinine_unit", "vitals", "Creatinine unit",
                                 note="as recorded, e.g. µmol/L or mg/dL", source="vitals"),
}
_V4_ADDED = {"pt_site_other", "prior_drug_other"}


def version_of(rows: list[list[str]]) -> str:
    """The version of a dictionary file's rows (header included)."""
    names = {row[0] for row in rows[1:] if row}
    forms = {row[1] for row in rows[1:] if len(row) > 1}
    if PRIOR_THERAPY_FORM not in forms:
        return "1"
    if AID_OTHER_FIELD not in names:
        return "2"
    return "4" if OTHER_RECORDED in names else "3"


def as_version(catalogue: Catalogue, version: str) -> Catalogue:
    """The current catalogue as dictionary ``version`` had it (``catalogue.drugs``: the
    drugs named in that dictionary's columns)."""
    if version == "4":
        return catalogue
    forms = [_form_v3(form, catalogue.drugs) for form in catalogue.forms]
    items = [_item_v3(f) for f in catalogue.item_fields]
    items += next(f for f in forms if f.name == MEDICATION_FORM).items
    if version in ("1", "2"):
        forms = [_form_v2(form) for form in forms
                 if version == "2" or form.name != PRIOR_THERAPY_FORM]
        items = [f for f in items
                 if not (f.instrument == "chaq" and f.item.startswith("aid_other_"))]
    return Catalogue(catalogue.identified, forms, items, catalogue.criteria, catalogue.drugs,
                     catalogue.sites, catalogue.prior_therapy_slots, catalogue.visits)


def _item_v3(item: ItemField) -> ItemField:
    if item.unit_column == "vit_creatinine_unit":
        return replace(item, unit_codes=("*",))
    return item


def _medications_v3(drugs: tuple[str, ...]) -> Form:
    medications = FormBuilder(MEDICATION_FORM, "Medications", MEDICATION_FORM)
    for drug in drugs:
        stem = f"med_{field_name(drug)}"
        medications.item(Field(f"{stem}_dose", MEDICATION_FORM, f"{drug}: dose",
                               validation="number", minimum="0"), f"{drug}_dose", "num",
                         Field(f"{stem}_unit", MEDICATION_FORM, f"{drug}: dose unit"), ("*",))
        medications.item(Field(f"{stem}_frequency", MEDICATION_FORM, f"{drug}: frequency"),
                         f"{drug}_frequency", "text", missing=False)
    medications.item(Field("med_other", MEDICATION_FORM, "Other medications (free text)",
                           "notes"), "other", "text", missing=False)
    return medications.build()


def _form_v3(form: Form, drugs: tuple[str, ...]) -> Form:
    if form.name == MEDICATION_FORM:
        return _medications_v3(drugs)
    fields = tuple(_V3_TEXT.get(f.name, f) for f in form.fields if f.name not in _V4_ADDED)
    return replace(form, fields=fields, items=tuple(_item_v3(i) for i in form.items))


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
