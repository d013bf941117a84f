"""The data dictionary as data: the fields an instrument exports and how its stored items
map to them. Each instrument declares its own forms here (``export_forms`` of its
``VisitInstrument``); the REDCap dictionary, the wide codebook, the CSV headers and the
import's checks are all generated from these declarations (``app.reports.fields``).

A field is described in the coordinators' vocabulary (exports.md): a type (text, notes,
dropdown, yesno, checkbox), a validation (integer, number, date_ymd ...), a range, units,
and whether it is an identifier or computed by the application.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace

from app.domain.instruments.common import ItemDefinition, format_number

COMPUTED_NOTE = "Computed by jdm-ctp from the items; not entered"
# The reasons a required item may be blank (stored as the item's missing_reason).
MISSING_REASONS: tuple[tuple[str, str], ...] = (
    ("not_done", "Not done"),
    ("not_applicable", "Not applicable"),
    ("unknown", "Unknown"),
)
YES_NO_TEXT: tuple[tuple[str, str], ...] = (("yes", "Yes"), ("no", "No"))


_NAME_OK = re.compile(r"[^a-z0-9_]+")


def field_name(text: str) -> str:
    """A REDCap-safe field name part: lower case letters, digits and underscores."""
    name = _NAME_OK.sub("_", text.strip().lower()).strip("_")
    return name or "x"


# REDCap recommends variable names of at most 26 characters (SAS and Stata exports add
# suffixes to them); every exported name keeps to it.
MAX_NAME = 26
# Endings kept whole when a name is shortened, so that a field's unit, frequency and
# missing-reason fields still read as belonging to it ("_frequency" as "_freq").
_ENDINGS = {"_mr": "_mr", "_unit": "_unit", "_dose": "_dose", "_frequency": "_freq"}
_BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz"
_LONGEST_ENDINGS = len("_dose_mr")


def fit_name(name: str, limit: int = MAX_NAME) -> str:
    """``name`` itself when it has at most ``limit`` characters; otherwise its stem cut
    short, a 3-character tag of the whole stem (so two long stems that begin alike stay
    apart) and its known endings: ``scr_prior_corticosteroid_and_methotrexate`` ->
    ``scr_prior_cort_<tag>``; ``med_certolizumab_pegol_dose_mr`` ->
    ``med_certolizum_<tag>_dose_mr``. The same name always gives the same result."""
    if len(name) <= limit:
        return name
    stem, endings = name, ""
    while True:
        ending = next((e for e in _ENDINGS if stem.endswith(e) and len(stem) > len(e)), None)
        if ending is None:
            break
        stem = stem[: -len(ending)]
        endings = _ENDINGS[ending] + endings
    number = int(hashlib.sha256(stem.encode("utf-8")).hexdigest(), 16)
    tag = "".join(_BASE36[(number // 36**i) % 36] for i in range(3))
    # The stem is cut to the same length whatever its endings (at most "_dose_mr"), so
    # the fields of one drug or item share one short stem.
    room = min(limit - _LONGEST_ENDINGS, limit - len(endings)) - len(tag) - 1
    return f"{stem[:room].rstrip('_')}_{tag}{endings}"


@dataclass(frozen=True)
class Field:
    """One exported field (= one column, or one column per option for a checkbox)."""

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
    places: int | None = None  # decimals a computed number is written with
    # REDCap's Field Annotation beyond the @READONLY of a computed field: the rule a
    # computed column follows, where REDCap shows it to whoever builds the project.
    annotation: str = ""

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

    ``kind``: num (value_num), code_num (a number or a text code), text/code (value_text),
    date (value_text ISO date, a day offset when de-identified), check (value_num 1 ->
    checkbox column ``column``). ``form``: the export form the column belongs to.
    """

    instrument: str
    item: str
    column: str
    kind: str
    unit_column: str | None = None
    unit_codes: tuple[tuple[str, str], ...] = ()  # (csv code, stored unit); ("*",): as stored
    missing_column: str | None = None
    form: str = ""


@dataclass(frozen=True)
class Form:
    """An export form (a REDCap instrument): its fields and the stored items behind them."""

    name: str
    label: str
    repeating: bool = False
    fields: tuple[Field, ...] = ()
    items: tuple[ItemField, ...] = ()


@dataclass(frozen=True)
class ExportContext:
    """What shapes an instrument's export forms: the profile, and the drugs recorded on
    the medications form (an open vocabulary found in the data)."""

    identified: bool
    drugs: tuple[str, ...] = ()


def missing_reason_field(name: str, form: str, label: str, source: str) -> Field:
    return Field(f"{name}_mr", form, f"{label}: reason missing", "dropdown", MISSING_REASONS,
                 note="Blank when a value was recorded", source=source)


def date_field(stem: str, form: str, label: str, identified: bool, source: str,
               identifier: bool = False) -> Field:
    """A calendar date (identified) or its days since enrollment (de-identified)."""
    if identified:
        return Field(f"{stem}_date", form, label, validation="date_ymd", identifier=identifier,
                     note="YYYY-MM-DD", source=source)
    return Field(f"{stem}_day", form, f"{label} (days since enrollment)", validation="integer",
                 units="days", note="Days since the enrollment date (0 = enrollment day)",
                 source=source)


def item_field(form: str, d: ItemDefinition, source: str) -> Field:
    """The field of an entered item, from its definition (range, unit, VAS)."""
    kind = d.kind.value
    if kind in ("score", "yes_no"):
        return Field(d.code, form, d.display_name, validation="integer",
                     minimum=format_number(d.minimum), maximum=format_number(d.maximum or 0),
                     source=source)
    if kind == "seconds":
        return Field(d.code, form, d.display_name, validation="number", minimum="0",
                     units="seconds", source=source)
    if kind == "vas":
        # "number", not "number_1dp": REDCap's 1dp validation demands exactly one
        # decimal, and a stored 2.0 is written "2".
        return Field(d.code, form, d.label, validation="number",
                     minimum=format_number(d.minimum), maximum=format_number(d.maximum or 0),
                     units=d.unit, note="10 cm VAS, 0.1 cm steps", source=source)
    raise ValueError(kind)


@dataclass
class FormBuilder:
    """Collects a form's fields and item mappings in order (``build`` makes the Form)."""

    name: str
    label: str
    source: str
    repeating: bool = False
    fields: list[Field] = field(default_factory=list)
    items: list[ItemField] = field(default_factory=list)

    def add(self, *fields: Field) -> None:
        self.fields += [replace(f, form=self.name) for f in fields]

    def item(self, fld: Field, item: str, kind: str, unit_field: Field | None = None,
             unit_codes: tuple = (), *, missing: bool = True, instrument: str = "") -> None:
        """An entered item: its field, its unit field if any, its missing-reason field."""
        fld = replace(fld, form=self.name, source=fld.source or self.source)
        self.fields.append(fld)
        if unit_field is not None:
            unit_field = replace(unit_field, form=self.name,
                                 source=unit_field.source or self.source)
            self.fields.append(unit_field)
        mr = None
        if missing:
            mr_field = missing_reason_field(fld.name, self.name, fld.label, fld.source)
            self.fields.append(mr_field)
            mr = mr_field.name
        self.items.append(ItemField(instrument or self.source, item, fld.name, kind,
                                    unit_field.name if unit_field else None, unit_codes, mr,
                                    self.name))

    def check(self, column: str, item: str, *, instrument: str = "") -> None:
        """A stored flag (value 1) written as one checkbox column."""
        self.items.append(ItemField(instrument or self.source, item, column, "check",
                                    form=self.name))

    def build(self) -> Form:
        return Form(self.name, self.label, self.repeating, tuple(self.fields),
                    tuple(self.items))


__all__ = [
    "COMPUTED_NOTE",
    "MISSING_REASONS",
    "YES_NO_TEXT",
    "ExportContext",
    "Field",
    "Form",
    "FormBuilder",
    "ItemField",
    "date_field",
    "MAX_NAME",
    "field_name",
    "fit_name",
    "item_field",
    "missing_reason_field",
]
