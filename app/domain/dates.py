"""Dates as clinic staff type and read them: one parser, one display format, ages.

Every date field of the application reads typed text through ``parse_date`` and every
screen shows a date through ``format_date`` ("14 Mar 2015"), so a nurse never meets two
formats for the same thing. Storage and drafts keep ISO text (2015-03-14).

Accepted input:

* ISO, ``2015-03-14`` (also with ``/`` or ``.`` between the parts);
* the same digits without separators, ``20150314``;
* the locale's short form, e.g. ``14/03/2015`` (day first) or ``3/14/2015`` (month
  first): the order of day and month comes from the caller (the Qt widget reads the
  system locale), so "03/04/2015" is never guessed. A two-digit year is taken as the most
  recent year ending in those digits that is not after the reference year (children's
  dates lie in the past).

A date that has the right shape but does not exist ("2026-02-30") is reported as an
impossible date, not as a wrong format.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

ISO_SHAPE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
COMPACT_SHAPE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
LOCAL_SHAPE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$")

DAY_FIRST, MONTH_FIRST = "dmy", "mdy"
# Written out rather than taken from ``calendar``: Qt sets the C locale from the system, which
# would turn calendar.month_name into the system language.
MONTH_NAMES = ("", "January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
SHORT_MONTHS = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                "Nov", "Dec")
# French (Canada) abbreviations as the Office québécois de la langue française writes them
# ("14 mars 2015"); the interface passes its language in (the domain knows no Qt).
SHORT_MONTHS_BY_LANGUAGE = {
    "en": SHORT_MONTHS,
    "fr": ("", "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.",
           "oct.", "nov.", "déc."),
}
# How an age reads beside a date, per language: (years, months, days, "old", "before birth",
# "before the date of birth").
AGE_WORDS = {
    "en": ("y", "m", "d", "{date}, {age} old", "before birth",
           "{date}, before the date of birth {born}"),
    "fr": ("a", "m", "j", "{date}, {age}", "avant la naissance",
           "{date}, avant la date de naissance {born}"),
}


class DateProblem(ValueError):
    """Typed text is not a usable date; ``message`` says why in plain words."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class DateRange:
    """Earliest and latest allowed date, each with the words used when it is crossed
    (e.g. "the date of birth", "today")."""

    earliest: date | None = None
    latest: date | None = None
    earliest_name: str = ""
    latest_name: str = ""

    def problem(self, day: date) -> str | None:
        if self.earliest is not None and day < self.earliest:
            what = f" ({self.earliest_name})" if self.earliest_name else ""
            return (f"{format_date(day)} is before the earliest date allowed here, "
                    f"{format_date(self.earliest)}{what}.")
        if self.latest is not None and day > self.latest:
            what = f" ({self.latest_name})" if self.latest_name else ""
            return (f"{format_date(day)} is after the latest date allowed here, "
                    f"{format_date(self.latest)}{what}.")
        return None


def example_text(order: str = DAY_FIRST) -> str:
    local = "14/03/2015" if order == DAY_FIRST else "03/14/2015"
    return f"2015-03-14, 20150314 or {local}"


def parse_date(text: str, order: str = DAY_FIRST, reference: date | None = None) -> date | None:
    """The date typed, None when nothing was typed, or DateProblem in plain words.

    ``order`` is the locale's order of day and month in its short form (``DAY_FIRST`` or
    ``MONTH_FIRST``); ``reference`` (default today) resolves two-digit years.
    """
    cleaned = (text or "").strip()
    if not cleaned:
        return None
    match = ISO_SHAPE.match(cleaned) or COMPACT_SHAPE.match(cleaned)
    if match:
        year, month, day = (int(part) for part in match.groups())
        return _build(year, month, day, cleaned)
    match = LOCAL_SHAPE.match(cleaned)
    if match:
        first, second, year_text = match.groups()
        day, month = (int(first), int(second)) if order == DAY_FIRST else (int(second),
                                                                              int(first))
        year = int(year_text)
        if len(year_text) == 2:
            year = _full_year(year, reference or date.today())
        return _build(year, month, day, cleaned)
    raise DateProblem(f'"{cleaned}" is not a date. Write it as {example_text(order)}.')


def _full_year(two_digits: int, reference: date) -> int:
    century = reference.year - reference.year % 100
    year = century + two_digits
    return year if year <= reference.year else year - 100


def _build(year: int, month: int, day: int, typed: str) -> date:
    if year < 1:
        raise DateProblem(f'"{typed}": the year must be written in full, e.g. 2015.')
    if not 1 <= month <= 12:
        raise DateProblem(f'"{typed}" is an impossible date: there is no month {month} '
                          "(months run from 1 to 12).")
    days_in_month = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days_in_month:
        raise DateProblem(f'"{typed}" is an impossible date: {MONTH_NAMES[month]} {year} has '
                          f"{days_in_month} days.")
    return date(year, month, day)


def format_date(day: date | None, empty: str = "—", language: str = "en") -> str:
    """The one display format of the application: "14 Mar 2015", "14 mars 2015" in French.
    The month names are written out here, not read from the system, so they follow the
    interface's language (``language``), never the computer's locale."""
    if day is None:
        return empty
    months = SHORT_MONTHS_BY_LANGUAGE.get(language, SHORT_MONTHS)
    return f"{day.day:02d} {months[day.month]} {day.year}"


def parse_iso(text: str) -> date | None:
    """A stored ISO date, or None when the text is not one (e.g. "2026-02-30")."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def age_in_months(born: date, on: date) -> int:
    """Completed months between ``born`` and ``on`` (negative when ``on`` is earlier)."""
    months = (on.year - born.year) * 12 + (on.month - born.month)
    if on.day < born.day:
        months -= 1
    return months


def describe_age(born: date, on: date, language: str = "en") -> str:
    """Age in words for a date beside a field: "11 y 2 m", "7 m", "12 d" ("11 a 2 m" in
    French)."""
    y, m, d, _old, before, _before_birth = AGE_WORDS.get(language, AGE_WORDS["en"])
    months = age_in_months(born, on)
    if months < 0:
        return before
    if months == 0:
        return f"{(on - born).days} {d}"
    years, rest = divmod(months, 12)
    if years == 0:
        return f"{rest} {m}"
    return f"{years} {y} {rest} {m}"


def describe_date(day: date, born: date | None = None, language: str = "en") -> str:
    """A parsed date in words with the age on that day when a birth date is known:
    "14 Mar 2015, 11 y 2 m old" ("14 mars 2015, 11 a 2 m")."""
    words = AGE_WORDS.get(language, AGE_WORDS["en"])
    text = format_date(day, language=language)
    if born is None:
        return text
    if day < born:
        return words[5].format(date=text, born=format_date(born, language=language))
    return words[3].format(date=text, age=describe_age(born, day, language))
