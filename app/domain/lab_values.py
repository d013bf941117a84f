"""Laboratory results reported against a detection limit: "<5", ">3000".

A laboratory reports an enzyme or a blood count below what it can detect as "<5" (or
above its range as ">3000"). Such a result is not the number 5: refusing it lost the
observation; storing it as 5 would invent one. It is stored as what was reported — a
value and a qualifier — and every use must say what it does with the qualifier:

* stored form: ``value`` (the number as typed, a decimal string) and ``qualifier``
  ("" exact, "<" below the detection limit, ">" above the reportable range); exports
  carry both, the qualifier in its own column, so nothing downstream mistakes "<5" for 5;
* for scores, ``bounds()`` gives the interval the true value lies in (``<5`` → [0, 5),
  ``>3000`` → (3000, ∞)); a score uses a qualified result only when the answer is the
  same anywhere in that interval (``known_below`` / ``known_above``), otherwise the score
  is not computed and says why. Nothing is ever imputed.

"≤" and "≥" are read as "<" and ">" (laboratories use both for the same meaning).
The visit form's lab fields read and write this form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum


class Qualifier(StrEnum):
    EXACT = ""
    BELOW = "<"  # below the detection limit
    ABOVE = ">"  # above the reportable range


class LabValueError(ValueError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


_SHAPE = re.compile(r"^\s*(<=?|>=?|≤|≥)?\s*([0-9]+(?:\.[0-9]+)?)\s*$")
_QUALIFIERS = {"<": Qualifier.BELOW, "<=": Qualifier.BELOW, "≤": Qualifier.BELOW,
               ">": Qualifier.ABOVE, ">=": Qualifier.ABOVE, "≥": Qualifier.ABOVE}


@dataclass(frozen=True)
class LabValue:
    value: Decimal  # the number reported (the limit, for a qualified result)
    qualifier: Qualifier = Qualifier.EXACT

    @property
    def exact(self) -> bool:
        return self.qualifier is Qualifier.EXACT

    def describe(self) -> str:
        """As the laboratory reported it: "<5", ">3000", "42.5"."""
        return f"{self.qualifier.value}{self.value}"

    def bounds(self) -> tuple[Decimal, Decimal | None, bool]:
        """(lowest, highest or None for no upper limit, whether the ends are included):
        exact 42 → (42, 42, True); <5 → (0, 5, False); >3000 → (3000, None, False)."""
        if self.qualifier is Qualifier.BELOW:
            return Decimal(0), self.value, False
        if self.qualifier is Qualifier.ABOVE:
            return self.value, None, False
        return self.value, self.value, True

    def known_below(self, threshold: Decimal) -> bool | None:
        """Is the true value below ``threshold``? None when the report cannot say."""
        low, high, _closed = self.bounds()
        if high is not None and (high < threshold or (high == threshold and not self.exact)):
            return True
        if low >= threshold:
            return False
        return None

    def known_above(self, threshold: Decimal) -> bool | None:
        """Is the true value above ``threshold``? None when the report cannot say."""
        low, high, _closed = self.bounds()
        if low > threshold or (low == threshold and self.qualifier is Qualifier.ABOVE):
            return True
        if high is not None and high <= threshold:
            return False
        return None

    def stored(self) -> dict[str, str]:
        return {"value": str(self.value), "qualifier": self.qualifier.value}


def parse_lab_value(text: str) -> LabValue | None:
    """A typed result ("42", "<5", "> 3000", "≤0.5"), None when empty; LabValueError in
    plain words otherwise."""
    if not text or not text.strip():
        return None
    match = _SHAPE.match(text.replace(",", "") if re.fullmatch(r"[<>≤≥=\s]*\d{1,3}(,\d{3})+"
                                                               r"(\.\d+)?\s*", text) else text)
    if not match:
        raise LabValueError(f'"{text.strip()}" is not a result: write a number (42 or 0.5), '
                            "or the laboratory's limit with < or > (<5, >3000).")
    sign, number = match.groups()
    try:
        value = Decimal(number)
    except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
        raise LabValueError(f'"{text.strip()}" is not a number.') from None
    return LabValue(value, _QUALIFIERS.get(sign or "", Qualifier.EXACT))


def from_stored(data: dict[str, str]) -> LabValue:
    return LabValue(Decimal(data["value"]), Qualifier(data.get("qualifier", "")))
