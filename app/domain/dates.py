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

from app.domain.phrases import Label, Number, Sentence, sentence

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


# The date problems' sentences (app/forms/terms.py lists them in "Instrument message"):
# what was typed as typed, a month's name a Label, counts Numbers, a range's limit's name
# a Label.
NOT_A_DATE = '"%1" is not a date. Write it as 2015-03-14, 20150314 or %2.'
YEAR_IN_FULL = '"%1": the year must be written in full, e.g. 2015.'
NO_MONTH = '"%1" is an impossible date: there is no month %2 (months run from 1 to 12).'
MONTH_DAYS = '"%1" is an impossible date: %2 %3 has %4 days.'
BEFORE_EARLIEST = ("%1 is before the earliest date allowed here, %2.",
                   "%1 is before the earliest date allowed here, %2 (%3).")
AFTER_LATEST = ("%1 is after the latest date allowed here, %2.",
                "%1 is after the latest date allowed here, %2 (%3).")
DATE_SENTENCES = (NOT_A_DATE, YEAR_IN_FULL, NO_MONTH, MONTH_DAYS, *BEFORE_EARLIEST,
                  *AFTER_LATEST)


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
            return _beyond(BEFORE_EARLIEST, day, self.earliest, self.earliest_name)
        if self.latest is not None and day > self.latest:
            return _beyond(AFTER_LATEST, day, self.latest, self.latest_name)
        return None


def _beyond(templates: tuple[str, str], day: date, limit: date, name: str) -> Sentence:
    if name:
        return sentence(templates[1], format_date(day), format_date(limit), Label(name))
    return sentence(templates[0], format_date(day), format_date(limit))


def example_text(order: str = DAY_FIRST) -> str:
    return f"2015-03-14, 20150314 or {_local_example(order)}"


def _local_example(order: str) -> str:
    return "14/03/2015" if order == DAY_FIRST else "03/14/2015"


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
    raise DateProblem(sentence(NOT_A_DATE, cleaned, _local_example(order)))


def _full_year(two_digits: int, reference: date) -> int:
    century = reference.year - reference.year % 100
    year = century + two_digits
    return year if year <= reference.year else year - 100


def _build(year: int, month: int, day: int, typed: str) -> date:
    if year < 1:
        raise DateProblem(sentence(YEAR_IN_FULL, typed))
    if not 1 <= month <= 12:
        raise DateProblem(sentence(NO_MONTH, typed, Number(str(month))))
    days_in_month = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days_in_month:
        raise DateProblem(sentence(MONTH_DAYS, typed, Label(MONTH_NAMES[month]), str(year),
                                   Number(str(days_in_month))))
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
