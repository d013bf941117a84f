"""The last guard of the de-identified export: every cell written for a patient is
searched for that patient's own name, MRN and date of birth (in the usual ways of writing
a date), and the export is refused naming the column, never the value.

The export is de-identified by construction (only codes, numbers and day offsets where
text was typed: app.domain.coded_values); this guard catches what construction missed,
e.g. a name stored in a text field an earlier import brought in.

Matching: case is ignored; a name (2 characters or more) or an MRN (4 letters and digits
or more; found with another or no separator too) must stand as a whole word (not inside a
longer word or number; "_" separates words, so a name in a code such as
"quarrington_arm_1" is found), so a family name "Day" does not stop an export for
"Monday"; the date of birth is looked for as written by ``date_forms``. A name that is
itself a word of a code (a family name "Other", "Day" in "first_day") stops the export
too: rare, and the message names the column so the record can be checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date

MIN_NAME = 2
MIN_MRN = 4


class IdentityInExport(Exception):
    """A de-identified cell holds the exporting patient's own identifier; nothing kept."""

    def __init__(self, study_id: str | None, column: str, kind: str) -> None:
        self.study_id, self.column, self.kind = study_id, column, kind
        # A study id that is itself the identifier is not repeated in the message.
        where = f"record {study_id}" if study_id else "a record whose study id holds it"
        super().__init__(
            f"The de-identified export was stopped and nothing was written: column {column} "
            f"of {where} holds the patient's own {kind}. Correct that field in the "
            "patient's record (or export identified data with the permission for it).")


def date_forms(born: date) -> tuple[str, ...]:
    """The ways a date of birth is commonly written (ISO, day/month and month/day with
    /, - and ., with 4- and 2-digit years, compact, and with the month's name)."""
    d, m, y = born.day, born.month, born.year
    months = (born.strftime("%B"), born.strftime("%b"))
    forms = {born.isoformat(), f"{y}{m:02d}{d:02d}", f"{y}/{m:02d}/{d:02d}"}
    for sep in "/-.":
        for year in (f"{y}", f"{y % 100:02d}"):
            for day, month in ((f"{d:02d}", f"{m:02d}"), (str(d), str(m))):
                forms.add(f"{day}{sep}{month}{sep}{year}")
                forms.add(f"{month}{sep}{day}{sep}{year}")
    for month in months:
        forms |= {f"{d} {month} {y}", f"{month} {d}, {y}", f"{month} {d} {y}",
                  f"{d:02d} {month} {y}", f"{d}-{month}-{y}", f"{d:02d}-{month}-{y}"}
    return tuple(sorted(forms))


def _whole(text: str) -> str:
    return rf"(?<![^\W_]){re.escape(text)}(?![^\W_])"


class IdentityGuard:
    """One patient's identity values, compiled once, to search that patient's cells."""

    def __init__(self, given_name: str | None, family_name: str | None, mrn: str | None,
                 date_of_birth: date | None) -> None:
        # Each value as text to find as a whole word (written as a regular expression only
        # when compiled: most patients never need it), or (``regex``) a regular expression.
        patterns: list[tuple[str, str]] = []
        regex: set[int] = set()
        # Per pattern, a plain substring any hit of it contains: a row without any of them
        # is passed after a few fast substring tests (the regular expression is slower).
        needles: list[str] = []
        for name in (given_name, family_name):
            name = " ".join((name or "").split())
            if len(name) >= MIN_NAME:
                patterns.append((name.casefold(), "name"))
                needles.append(name.casefold())
        mrn = (mrn or "").strip()
        if len(re.sub(r"[\W_]", "", mrn)) >= MIN_MRN:
            # Its letters and digits with any one separator, or none, between their runs:
            # "MRN-77421" is also found as "mrn_77421", "MRN 77421" or "MRN77421".
            runs = re.findall(r"[^\W_]+", mrn.casefold())
            needles.append(max(runs, key=len))
            body = r"[\W_]?".join(map(re.escape, runs))
            patterns.append((rf"(?<![^\W_]){body}(?![^\W_])", "medical record number"))
            regex.add(len(patterns) - 1)
        always = set(needles)
        groups: dict[str, list[str]] = {}
        if date_of_birth is not None:
            forms = [form.casefold() for form in date_forms(date_of_birth)]
            patterns += [(form, "date of birth") for form in forms]
            needles += forms
            # The forms grouped behind a shorter text each of them holds (the year, a
            # separator seldom written, or the separator and the year's last 2 digits):
            # a row without it holds none of them, found with one search instead of ~40.
            year = str(date_of_birth.year)
            for form in dict.fromkeys(forms):
                if form not in always:
                    key = year if year in form else "/" if "/" in form else form[-3:]
                    groups.setdefault(key, []).append(form)
        self._patterns_of: dict[str, list[int]] = {}
        for number, needle in enumerate(needles):
            self._patterns_of.setdefault(needle, []).append(number)
        self._needles = tuple(self._patterns_of)
        self._always = tuple(n for n in self._needles if n in always)
        self._groups = tuple((key, tuple(group)) for key, group in groups.items())
        self._kinds = [kind for _pattern, kind in patterns]
        self._patterns = patterns
        self._regex = regex
        self._compiled: dict[tuple[int, ...], re.Pattern[str]] = {}

    def _source(self, number: int) -> str:
        text = self._patterns[number][0]
        return text if number in self._regex else _whole(text)

    def _search(self, text: str) -> str | None:
        """The kind of the first identity value in ``text`` (casefolded) as a whole word,
        if any. Only the patterns whose substring the text holds are compiled and searched
        (a pattern cannot match without it, so the first match is the same): most
        patients need none, and a regular expression of one or two is quick to compile."""
        present = [needle for needle in self._always if needle in text]
        for key, group in self._groups:
            if key in text:  # each needle of the group holds its key
                present += [needle for needle in group if needle in text]
        if not present:
            return None
        numbers = tuple(sorted(n for needle in present for n in self._patterns_of[needle]))
        compiled = self._compiled.get(numbers)
        if compiled is None:
            compiled = self._compiled[numbers] = re.compile(
                "|".join(f"({self._source(n)})" for n in numbers))
        found = compiled.search(text)
        return None if found is None else self._kinds[numbers[found.lastindex - 1]]  # type: ignore[operator]

    def check(self, study_id: str, header: Sequence[str], rows: Iterable[Sequence[str]]
              ) -> None:
        """Raise IdentityInExport for the first cell holding one of the values."""
        if not self._patterns:
            return
        search = self._search
        shown = None if search(study_id.casefold()) else study_id
        for row in rows:
            # The row's cells joined by a character no cell holds: one search; the column
            # is looked for only when something was found.
            if not search("\x00".join(filter(None, row)).casefold()):
                continue
            for column, cell in zip(header, row, strict=True):
                kind = search(cell.casefold()) if cell else None
                if kind:
                    raise IdentityInExport(shown, column, kind)


__all__ = ["IdentityGuard", "IdentityInExport", "date_forms"]
