"""A visit's stored items as plain values: what the visit form edits, the database keeps,
the scores are computed from and the exports write.

``VisitValues`` maps a stored instrument (``cmas``, ``chaq``, ``mmt8``, ``enzymes``,
``global``, ``skin``, ``mri``, ``autoantibodies``, ``vitals``, ``medications``) to its
items, each an ``ItemEntry``: a number, a text answer, a unit, or the reason it is missing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple


class ItemEntry(NamedTuple):
    """One stored item (a NamedTuple: an export builds millions of these from rows)."""

    value_num: float | None = None
    value_text: str | None = None
    unit: str | None = None
    missing_reason: str | None = None

    @property
    def has_value(self) -> bool:
        return self.value_num is not None or (self.value_text not in (None, ""))

    @property
    def value(self) -> float | str | None:
        return self.value_num if self.value_num is not None else self.value_text


VisitValues = dict[str, dict[str, ItemEntry]]
EntriesOf = dict[str, ItemEntry]  # one instrument's items


def entry_value(entry: ItemEntry | None) -> object:
    """What a scorer reads for a stored item: a whole number as an int (the scorers take a
    stored whole score exactly as typed), another number as it is, else the text."""
    if entry is None:
        return None
    num = entry[0]
    if num is not None:
        return int(num) if num.is_integer() else num
    return entry[1]


def entry_values(entries: Mapping[str, ItemEntry]) -> dict[str, object]:
    """``entry_value`` of every item (the same rule, in one pass: exports read millions)."""
    return {code: (e[1] if (n := e[0]) is None else (int(n) if n.is_integer() else n))
            for code, e in entries.items()}


__all__ = ["EntriesOf", "ItemEntry", "VisitValues", "entry_value", "entry_values"]
