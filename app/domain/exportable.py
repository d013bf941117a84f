"""What a stored visit item must be so that every export writes it exactly (issue 17,
"entry that cannot lose data on the way out").

Each exported column has a type (a number, a date, a code); a stored value that does not
fit it would leave blank with no missing reason. So the fit is checked where the value
comes in (the visit form, ``db.visit_saving.save_visit``, the import), not at export: the visit
form shows the message at the field, the service refuses the save with it. The types are
the ones the instruments declare for their export columns (``ItemField.kind``); the
medications form's dose columns are numbers (``medications.dose_problem``).
"""

from __future__ import annotations

import math
from datetime import date
from functools import cache, lru_cache

from app.domain.instruments.data_dictionary import ExportContext
from app.domain.instruments.medications import MEDICATION_FORM, dose_problem
from app.domain.instruments.registry import item_labels, visit_export_forms
from app.domain.visit_values import ItemEntry, VisitValues


@cache
def item_kinds() -> dict[tuple[str, str], str]:
    """(stored instrument, item) -> the kind of its export column (num, code_num, date,
    check, text), as the instruments declare them; the same in both profiles."""
    return {(spec.instrument, spec.item): spec.kind
            for form in visit_export_forms(ExportContext(identified=True))
            for spec in form.items}


@cache
def item_codes() -> dict[tuple[str, str], frozenset[str]]:
    """(stored instrument, item) -> the codes its list column (dropdown, radio) holds, for
    the items of kind code and code_num."""
    out: dict[tuple[str, str], frozenset[str]] = {}
    for form in visit_export_forms(ExportContext(identified=True)):
        fields = {f.name: f for f in form.fields}
        for spec in form.items:
            column = fields.get(spec.column)
            if spec.kind in ("code", "code_num") and column is not None and column.choices:
                out[(spec.instrument, spec.item)] = frozenset(c for c, _ in column.choices)
    return out


def _label(item: str) -> str:
    return item_labels().get(item, item.replace("_", " "))


def item_problem(instrument: str, item: str, entry: ItemEntry) -> str | None:
    """Why ``entry`` cannot be exported exactly, in plain words naming the item and what
    was entered; None when it can. A missing reason alone always fits."""
    return _problem(instrument, item, entry)


# A save checks every item of the visit twice (the form to mark its fields, the service as
# the guard for every way in), and the next save the same items again: the answer depends
# only on the item and its entry, so it is remembered (a few thousand entries at most).
@lru_cache(maxsize=8192)
def _problem(instrument: str, item: str, entry: ItemEntry) -> str | None:
    num, text = entry.value_num, entry.value_text
    if num is not None and not math.isfinite(num):
        return f'{_label(item)} must be a number; "{num}" cannot be stored.'
    if instrument == MEDICATION_FORM:
        drug, _, kind = item.rpartition("_")
        if kind == "dose" and (num is not None or text):
            return dose_problem(drug.replace("_", " "), text if num is None else num,
                                with_text=text if num is not None else None)
        return None
    kind = item_kinds().get((instrument, item))
    if kind == "num" and text:
        return f'{_label(item)} must be a number; "{text}" was entered.'
    if kind == "date" and text:
        try:
            date.fromisoformat(text)
        except ValueError:
            return f'{_label(item)} must be a date (YYYY-MM-DD); "{text}" was entered.'
    if kind in ("code", "code_num") and (num is not None or text):
        codes = item_codes().get((instrument, item))
        number = None if num is None else float(num)
        shown = text if number is None else (
            str(int(number)) if number.is_integer() else repr(number))
        if codes is not None and (shown not in codes or (num is not None and text)):
            return (f'{_label(item)} must be one of {", ".join(sorted(codes))}; '
                    f'"{text or shown}" was entered.')
    if kind == "check" and num is not None and num not in (0.0, 1.0):
        return f'{_label(item)} is ticked or not; "{num:g}" cannot be stored.'
    return None


def visit_value_problems(values: VisitValues) -> dict[str, str]:
    """Every item of a visit's values that cannot be exported exactly: "instrument:item"
    (the visit form's field key) -> the message."""
    out: dict[str, str] = {}
    for instrument, items in values.items():
        for item, entry in items.items():
            problem = _problem(instrument, item, entry)
            if problem:
                out[f"{instrument}:{item}"] = problem
    return out


__all__ = ["item_codes", "item_kinds", "item_problem", "visit_value_problems"]
