"""The data dictionaries of earlier exports, so the import still reads them: each version
as the differences from the current catalogue (app.reports.fields), told apart by what the
dictionary itself holds.

  "1"  no repeating prior_therapy form (otherwise as "2")
  "2"  no CHAQ field of the domains an "other" aid helps with (the aid was exported, its
       domains were not), and the blood-pressure ranges 40-260 / 20-180 mmHg that the
       dictionary listed before it took the visit form's own
  "3"  the current one
"""

from __future__ import annotations

from dataclasses import replace

from app.reports.fields import PRIOR_THERAPY_FORM, Catalogue, Form

AID_OTHER_FIELD = "chaq_aid_other"
# The blood-pressure ranges of dictionaries "1" and "2": field -> (minimum, maximum).
_V2_RANGES = {"vit_bp_systolic": ("40", "260"), "vit_bp_diastolic": ("20", "180")}


def version_of(rows: list[list[str]]) -> str:
    """The version of a dictionary file's rows (header included)."""
    names = {row[0] for row in rows[1:] if row}
    forms = {row[1] for row in rows[1:] if len(row) > 1}
    if PRIOR_THERAPY_FORM not in forms:
        return "1"
    return "2" if AID_OTHER_FIELD not in names else "3"


def as_version(catalogue: Catalogue, version: str) -> Catalogue:
    """The current catalogue as dictionary ``version`` had it."""
    if version == "3":
        return catalogue
    forms = [_form_v2(form) for form in catalogue.forms
             if version == "2" or form.name != PRIOR_THERAPY_FORM]
    items = [f for f in catalogue.item_fields
             if not (f.instrument == "chaq" and f.item.startswith("aid_other_"))]
    return Catalogue(catalogue.identified, forms, items, catalogue.criteria, catalogue.drugs,
                     catalogue.prior_therapy_slots, catalogue.visits)


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


__all__ = ["as_version", "version_of"]
