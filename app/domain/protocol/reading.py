"""Reading one table of a protocol file against its description in ``file_format``.

The reader collects problems instead of stopping at the first: a site author fixing a
file sees every problem at once, each with its dotted key path (``arms[0].doses[0].cap``)
and a reason in plain words. A value with a problem reads as None, so the section
readers can go on and report what else is wrong.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from app.domain import phrases
from app.domain.errors import ProtocolProblem
from app.domain.phrases import Phrase, phrase, sentence
from app.domain.protocol import key_refusals as why
from app.domain.protocol import table_refusals as how
from app.domain.protocol.key_types import (
    Boolean,
    DrugName,
    Ident,
    Integer,
    Key,
    Number,
    OneOf,
    OneOrMany,
    Table,
    Tables,
    TableSpec,
    Text,
    TextList,
)
from app.domain.protocol.provenance import RuleStatus


def join(base: str, name: str) -> str:
    return f"{base}.{name}" if base else name


def type_name(value: object) -> Phrase | str:
    """A value's TOML type in a site author's words (a date's: Python's name for it)."""
    if isinstance(value, bool):
        return phrase(why.TYPES["bool"])
    if isinstance(value, (int, float)):
        return phrase(why.TYPES["number"])
    if isinstance(value, str):
        return phrase(why.TYPES["text"])
    if isinstance(value, list):
        return phrase(why.TYPES["list"])
    if isinstance(value, dict):
        return phrase(why.TYPES["table"])
    return type(value).__name__


def _found(value: float) -> phrases.Number:
    """A number as the file wrote it, read by TOML ("-1.5", "0")."""
    return phrases.Number(f"{value}")


# Two refusals every section shares, as Sentences (app.domain.protocol.loading.SENTENCES).
UNKNOWN_KEY = 'unknown key "%1" (allowed here: %2)'
MISSING = "is missing (required)"


class Reader:
    """Collects the problems of one file."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[ProtocolProblem] = []

    def problem(self, key: str, reason: str) -> None:
        self.problems.append(ProtocolProblem(self.file, key, reason))

    def read(self, tbl: dict[str, Any], path: str, spec: TableSpec) -> Section:
        """Check the table's keys, the value of each key that is not itself a table, and
        the rules of the table's variants; nested tables are read by the section's own
        reader through ``Section.tables`` and ``Section.table``."""
        for key in tbl:
            if key not in spec.allowed:
                self.problem(join(path, key),
                             sentence(UNKNOWN_KEY, key, ", ".join(spec.allowed)))
        for key in spec.required:
            if key not in tbl:
                self.problem(join(path, key), sentence(MISSING))
        values: dict[str, Any] = {}
        for key in spec.keys:
            if key.name not in tbl or isinstance(key.type, (Table, Tables, OneOrMany)):
                continue
            if key.refused:
                self.problem(join(path, key.name), key.refused)
                continue
            values[key.name] = self._value(tbl[key.name], join(path, key.name), key)
        section = Section(self, tbl, path, spec, values)
        self._check_variants(section)
        self._check_source(section)
        return section

    def _check_source(self, section: Section) -> None:
        """A rule's source names where it comes from: a status of seed or published is a
        claim about a paper or a label, and "-" or "?" names none."""
        source = section.values.get("source")
        if isinstance(source, str) and source.strip() and not any(c.isalnum() for c in source):
            status = section.values.get("status") or phrase(how.THIS)
            self.problem(section.where("source"), sentence(how.NAMES_NO_SOURCE, source, status))

    def _value(self, value: object, where: str, key: Key) -> Any:
        kind = key.type
        if isinstance(kind, (Text, Ident, DrugName, OneOf)):
            return self._text(value, where, kind)
        if isinstance(kind, Number):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                return self._wrong(where, sentence(why.NOT_A_NUMBER, type_name(value)))
            if value != value or value in (float("inf"), float("-inf")):
                return self._wrong(where, sentence(why.NOT_ORDINARY))
            if kind.positive and value <= 0:
                return self._wrong(where, sentence(why.NOT_POSITIVE, _found(value)))
            return float(value)
        if isinstance(kind, Integer):
            if isinstance(value, bool) or not isinstance(value, int):
                return self._wrong(where, sentence(why.NOT_WHOLE, type_name(value)))
            if value < kind.minimum:
                return self._wrong(where, sentence(why.BELOW_MINIMUM, _found(kind.minimum),
                                                   _found(value)))
            if kind.only is not None and value != kind.only:
                return self._wrong(where, sentence(why.ONLY_READS, key.name,
                                                   _found(kind.only), _found(value)))
            return value
        if isinstance(kind, Boolean):
            if not isinstance(value, bool):
                return self._wrong(where, sentence(why.NOT_BOOLEAN, type_name(value)))
            return value
        if isinstance(kind, TextList):
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                return self._wrong(where, sentence(why.NOT_TEXT_LIST))
            if isinstance(kind.item, (DrugName, OneOf)):
                # Each wrong item is reported; the list is still read (what else is wrong).
                for item in value:
                    self._text(item, where, kind.item, blank_ok=True)
            return tuple(value)
        raise TypeError(f"no reader for {kind!r}")  # a new type in file_format needs one

    def _text(
        self, value: object, where: str, kind: Text | Ident | DrugName | OneOf, blank_ok=False
    ) -> Any:
        if not isinstance(value, str):
            return self._wrong(where, sentence(why.NOT_TEXT, type_name(value)))
        blank_ok = blank_ok or (isinstance(kind, Text) and kind.blank_ok)
        if not blank_ok and not value.strip():
            return self._wrong(where, sentence(why.EMPTY))
        if isinstance(kind, Ident) and not kind.pattern.fullmatch(value):
            return self._wrong(where, sentence(why.NOT_AN_ID, value))
        if isinstance(kind, DrugName) and value != value.strip().lower():
            # Reported, but the dose is still read: its other problems are worth seeing.
            self.problem(where, sentence(why.DRUG_CASE, value))
        if isinstance(kind, OneOf):
            if value not in kind.options:
                options = ", ".join(kind.options)
                return self._wrong(where, sentence(kind.unknown, value, options))
            return kind.enum(value) if kind.enum else value
        return value

    def _wrong(self, where: str, reason: str) -> None:
        self.problem(where, reason)
        return None

    def _check_variants(self, section: Section) -> None:
        tbl, path, spec = section.tbl, section.path, section.spec
        for variant in spec.variants:
            value = section.get(variant.key)
            if value is None or value not in variant.values:
                continue
            for need in variant.needs:
                given = tbl.get(need.key)
                if need.key not in tbl or (
                    need.min_items and (not isinstance(given, list) or len(given) < need.min_items)
                ):
                    self.problem(join(path, need.key), sentence(need.message, value))
            for key in variant.forbids:
                if key in tbl:
                    self.problem(join(path, key), sentence(variant.forbidden, value, key))
            if variant.needs_any and not any(section.get(k) for k in variant.needs_any):
                self.problem(path, sentence(variant.needs_any_message, value))
        if spec.forms_message and sum(_has_form(tbl, form, spec) for form in spec.forms) != 1:
            self.problem(path, sentence(spec.forms_message))

    def table(self, value: object, path: str) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.problem(path, sentence(why.NOT_A_TABLE, type_name(value)))
            return None
        return value

    def unique(self, ids: list[tuple[str, str | None]], what: str, *, fold: bool = False) -> None:
        """Report each id seen before; ``ids`` holds (path of the id key, id)."""
        seen: dict[str, str] = {}
        for path, value in ids:
            if value is None:
                continue
            norm = value.casefold() if fold else value
            if norm in seen:
                self.problem(path, sentence(how.DUPLICATE_ID, phrase(what), value, seen[norm]))
            else:
                seen[norm] = path


class Section:
    """One table as read: its checked values (None when absent or wrong) and its nested
    tables, which the section's reader reads in its own way."""

    def __init__(
        self,
        reader: Reader,
        tbl: dict[str, Any],
        path: str,
        spec: TableSpec,
        values: dict[str, Any],
    ) -> None:
        self.reader = reader
        self.tbl = tbl
        self.path = path
        self.spec = spec
        self.values = values

    def get(self, key: str, default: Any = None) -> Any:
        value = self.values.get(key)
        return default if value is None else value

    def missing(self, *keys: str) -> bool:
        """True when any of these keys is absent or wrong (the table cannot be built)."""
        return any(self.values.get(k) is None for k in keys)

    def fields(self, *keys: str, **defaults: Any) -> dict[str, Any]:
        """Keyword arguments for the model: these keys' values, then the keys with a
        default (used when absent or wrong); "source" and "status" as ``provenance``."""
        out = {k: self.get(k) for k in keys}
        out.update({k: self.get(k, default) for k, default in defaults.items()})
        if "source" in self.spec.allowed:
            out["source"], out["status"] = self.provenance
        return out

    @property
    def provenance(self) -> tuple[str, RuleStatus]:
        """(source, status); a missing or wrong status reads as provisional (and the file
        is refused anyway, the problem being reported)."""
        return self.get("source", ""), self.get("status", RuleStatus.PROVISIONAL)

    def where(self, key: str) -> str:
        return join(self.path, key)

    def tables(self, key: str) -> Iterator[tuple[str, dict[str, Any]]]:
        """(path, table) for each entry of an array of tables."""
        if key not in self.tbl:
            return
        value = self.tbl[key]
        where = self.where(key)
        kind = self.spec.key(key).type
        assert isinstance(kind, Tables), key
        if not isinstance(value, list):
            self.reader.problem(where, sentence(why.NOT_TABLES, type_name(value)))
            return
        if kind.non_empty and not value:
            self.reader.problem(where, sentence(why.EMPTY))
        for i, item in enumerate(value):
            item_path = f"{where}[{i}]"
            if isinstance(item, dict):
                yield item_path, item
            else:
                self.reader.problem(item_path, sentence(why.NOT_A_TABLE, type_name(item)))

    def table(self, key: str) -> tuple[str, dict[str, Any]] | None:
        """(path, table) of an inline table, None when absent or not a table."""
        if key not in self.tbl:
            return None
        where = self.where(key)
        tbl = self.reader.table(self.tbl[key], where)
        return None if tbl is None else (where, tbl)

    def ids(self, key: str, id_key: str = "id") -> list[tuple[str, str | None]]:
        """(path, id) for each entry of an array of tables, for duplicate checks."""
        return ids_of(self.tbl, key, id_key, self.path)


def ids_of(
    tbl: dict[str, Any], key: str, id_key: str = "id", path: str = ""
) -> list[tuple[str, str | None]]:
    """(path, id) for each entry of an array of tables, for duplicate checks."""
    items = tbl.get(key)
    if not isinstance(items, list):
        return []
    out: list[tuple[str, str | None]] = []
    for i, item in enumerate(items):
        value = item.get(id_key) if isinstance(item, dict) else None
        out.append((f"{join(path, key)}[{i}].{id_key}", value if isinstance(value, str) else None))
    return out


def _has_form(tbl: dict[str, Any], form: tuple[str, ...], spec: TableSpec) -> bool:
    """The table has every key of this form and no key of another."""
    others = {k for f in spec.forms if f is not form for k in f} - set(form)
    return all(k in tbl for k in form) and not any(k in tbl for k in others)
