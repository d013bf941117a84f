"""The terms a protocol file's format is described in (``file_format``): what a key can
hold, which keys a table has, and what a table needs depending on its kind. The loader
(``reading``) and the JSON Schema (``json_schema``) each give every term its meaning, so a
new term needs both."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from app.domain.protocol import table_refusals as how


@dataclass(frozen=True)
class Text:
    """Text; names and labels must not be blank, notes and help texts may be."""

    blank_ok: bool = False


@dataclass(frozen=True)
class Ident:
    """An id: the whole value matches ``pattern``."""

    pattern: re.Pattern[str]


@dataclass(frozen=True)
class DrugName:
    """A lower-case generic drug name ("methotrexate"), so prior therapies, limits and
    doses name a drug one way."""


@dataclass(frozen=True)
class OneOf:
    """Text that is one of ``options``; ``unknown`` words the refusal."""

    options: tuple[str, ...]
    unknown: str = how.NOT_ALLOWED  # a Sentence's template: %1 the value, %2 the options
    enum: type[StrEnum] | None = None  # the value is read as this enum's member

    @classmethod
    def of(cls, enum: type[StrEnum], unknown: str = "") -> OneOf:
        options = tuple(m.value for m in enum)
        return cls(options, unknown or cls.unknown, enum)


@dataclass(frozen=True)
class Number:
    """An ordinary number (not NaN or infinite); ``positive``: greater than zero."""

    positive: bool = False


@dataclass(frozen=True)
class Integer:
    minimum: int = 0
    only: int | None = None  # the one value this application reads (schema_version)


@dataclass(frozen=True)
class Boolean:
    pass


@dataclass(frozen=True)
class TextList:
    """A list of non-empty texts, each also checked as ``item``."""

    item: Text | DrugName | OneOf = Text()


@dataclass(frozen=True)
class OneOrMany:
    """A value or a list of values (a condition's ``answer`` and ``is``); read by the
    condition reader itself, described here for the schema."""

    item: OneOf | Text | Boolean | tuple[Text, Boolean]


@dataclass(frozen=True)
class Table:
    """An inline table (``window = { ... }``), described by the table named ``name``."""

    name: str


@dataclass(frozen=True)
class Tables:
    """An array of tables (``[[arms]]``) described by the table named ``name``."""

    name: str
    non_empty: bool = False


ValueType = (
    Text
    | Ident
    | DrugName
    | OneOf
    | Number
    | Integer
    | Boolean
    | TextList
    | OneOrMany
    | Table
    | Tables
)


@dataclass(frozen=True)
class Key:
    name: str
    type: ValueType
    required: bool = False
    doc: str = ""
    # A key this table recognises but refuses, with the reason (e.g. an arm option on a
    # concomitant limit, which belongs to no arm).
    refused: str = ""


@dataclass(frozen=True)
class Need:
    """A key a variant needs: present, and for a list at least ``min_items`` entries."""

    key: str
    message: str  # a Sentence's template: %1 the variant's value
    min_items: int = 0


@dataclass(frozen=True)
class Variant:
    """What a table needs, or must not have, when its ``key`` is one of ``values``."""

    key: str
    values: tuple[str, ...]
    needs: tuple[Need, ...] = ()
    forbids: tuple[str, ...] = ()
    forbidden: str = ""  # a Sentence's template for a forbidden key: %1 the value, %2 it
    # At least one of these keys with a non-empty value (message at the table's path).
    needs_any: tuple[str, ...] = ()
    needs_any_message: str = ""


@dataclass(frozen=True)
class Bounds:
    """Drug-independent sanity bounds on numbers of a dose table, in milligrams (a number
    in a "g" rule is read as 1000 times that): not a drug's dose range, but what no plan
    can mean (20 g/kg of IVIG, a cap in grams written as milligrams). ``kinds``: only when
    the table's rule kind is one of these (empty: always); ``per``: the words after the
    unit in a refusal (" per kg")."""

    keys: tuple[str, ...]
    low_mg: float
    high_mg: float
    kinds: tuple[str, ...] = ()
    per: str = ""


@dataclass(frozen=True)
class TableSpec:
    name: str
    doc: str
    keys: tuple[Key, ...]
    variants: tuple[Variant, ...] = ()
    # The table takes exactly one of these forms (sets of keys), e.g. a schedule phase
    # repeats every N days or every N months. With ``forms_message`` the reader checks
    # it; without, the table's own reader does (a condition, whose forms differ in type).
    forms: tuple[tuple[str, ...], ...] = ()
    forms_message: str = ""
    # Bounds on numbers in mg; the unit is the table's ``unit`` key, or its dose's unit
    # for a sub-rule or a rounding (checked by the dose reader, which knows that unit).
    bounds: tuple[Bounds, ...] = ()
    # Rules between keys that the section reader checks in code, given to editors as
    # JSON Schema fragments (e.g. ``uncapped = true`` needs ``uncapped_reason``).
    schema_rules: tuple[dict, ...] = ()

    @property
    def allowed(self) -> tuple[str, ...]:
        return tuple(k.name for k in self.keys)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(k.name for k in self.keys if k.required)

    def key(self, name: str) -> Key:
        return next(k for k in self.keys if k.name == name)
