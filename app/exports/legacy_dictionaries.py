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
  "5"  the current one: numeric choice codes with labels (app.reports.fields.numeric_codes)
"""

from __future__ import annotations

from dataclasses import replace

from app.reports.fields import (
    DICTIONARY_VERSION,
    PRIOR_THERAPY_FORM,
    VERSION_NOTE,
    Catalogue,
    Form,
    renamed,
)

AID_OTHER_FIELD = "chaq_aid_other"
# The blood-pressure ranges of dictionaries "1" and "2": field -> (minimum, maximum).
_V2_RANGES = {"vit_bp_systolic": ("40", "260"), "vit_bp_diastolic": ("20", "180")}


VERSIONS = ("1", "2", "3", "4", DICTIONARY_VERSION)


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
    """The current catalogue as dictionary ``version`` had it."""
    if version == DICTIONARY_VERSION:
        return catalogue
    catalogue = _text_codes(catalogue)
    if version == "4":
        return catalogue
    # Up to version 3 names were not shortened to 26 characters.
    catalogue = renamed(catalogue, {short: full for full, short in
                                    catalogue.short_names.items()}, {})
    forms = [_form_v3(form) for form in catalogue.forms]
    if version == "3":
        return _catalogue(catalogue, forms, catalogue.item_fields)
    forms = [_form_v2(form) for form in forms
             if version == "2" or form.name != PRIOR_THERAPY_FORM]
    items = [f for f in catalogue.item_fields
             if not (f.instrument == "chaq" and f.item.startswith("aid_other_"))]
    return _catalogue(catalogue, forms, items)


def _catalogue(catalogue: Catalogue, forms: list[Form], items: list,
               numeric: bool = False) -> Catalogue:
    return Catalogue(catalogue.identified, forms, items, catalogue.criteria, catalogue.drugs,
                     catalogue.prior_therapy_slots, catalogue.visits, catalogue.short_names,
                     numeric)


def _text_codes(catalogue: Catalogue) -> Catalogue:
    """Up to version 4 choice codes were the stored text codes, and the record id's note
    named version 4 (versions 1 to 3 named none: _form_v3)."""
    forms = [replace(form, fields=tuple(
        replace(f, note=f.note.replace(f"{VERSION_NOTE}{DICTIONARY_VERSION}",
                                       f"{VERSION_NOTE}4")) if f.name == "record_id" else f
        for f in form.fields)) for form in catalogue.forms]
    return _catalogue(catalogue, forms, catalogue.item_fields)


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
