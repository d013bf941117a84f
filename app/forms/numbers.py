"""Numbers on screen in the interface's language, and numbers typed in it (issue 21).

Shown: the domain's digits exactly, with the interface language's decimal mark (QLocale:
French Canada writes 87,5). Thousands are not grouped: a number on screen can then be
typed back as it is shown, and a group separator is never mistaken for a decimal mark.
Exports, stored text and the command line keep the domain's point.

Typed: app.domain.units.parse_number with the interface's mark: in French "20,5" is
20.5, and a comma that could be misread ("1,500": 1.5 or 1500?) is refused at the field
with the reason, in the interface's words.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from app.domain import units
from app.domain.errors import InputError
from app.domain.phrases import ClockTime, Grouped, Phrase, ReadAs
from app.domain.units import NumberEntryError

NUMBER_ENTRY = "Number entry"
# app.domain.units: why a typed number is refused (the French of each in the .ts file).
LISTED = (
    QT_TRANSLATE_NOOP("Number entry", "%1 must be a number written with a point for decimals "
                      "(for example 20.5); \"%2\" was entered."),
    QT_TRANSLATE_NOOP("Number entry", "%1: \"%2\" could mean %3 or %4 (a comma before three "
                      "digits can separate thousands); write %4 for the whole number, or %5 "
                      "with a point for the decimal."),
    QT_TRANSLATE_NOOP("Number entry", "%1: \"%2\" has both a point and a comma; write the "
                      "number with one decimal mark and no thousands separator (for example "
                      "1500.5)."),
    QT_TRANSLATE_NOOP("Number entry", "%1: \"%2\" has more than one comma; write the number "
                      "with one decimal mark and no thousands separator (for example 1500.5)."),
)
# app.domain.units: a weight or height outside its plausible range.
OUT_OF_RANGE = (
    QT_TRANSLATE_NOOP("Number entry", "%1 must be between %2 and %3 %4; %5 was entered."),
    QT_TRANSLATE_NOOP("Number entry", "%1 must be between %2 and %3 %4 (%5 to %6 %7); %8 was "
                      "entered."),
)
# app.domain.screening: a screening answer's number that cannot be used.
SCREENING_NUMBER = (
    QT_TRANSLATE_NOOP("Number entry", "%1: enter a number; \"%2\" was entered."),
    QT_TRANSLATE_NOOP("Number entry", "%1: must be at least %2; %3 was entered."),
    QT_TRANSLATE_NOOP("Number entry", "%1: must be at most %2; %3 was entered."),
)
# The values of a refusal shown as numbers (the others are what was typed or the advice,
# which must keep its point): %3, the decimal reading.
_SHOWN_AS_NUMBERS = {units.AMBIGUOUS_COMMA: (2,)}
_POINT_BETWEEN_DIGITS = re.compile(r"(?<=\d)\.(?=\d)")


def _language() -> str:
    from app.forms.language import INTERFACE

    return INTERFACE.language


def decimal_mark(language: str | None = None) -> str:
    """The interface language's decimal mark (QLocale: "," for French Canada)."""
    language = language or _language()
    if language == "en":
        return "."
    return QLocale("fr_CA").decimalPoint()


def number_words(text: str, language: str | None = None) -> str:
    """A number the domain wrote ("87.5", "-0.25", "12") as the interface (or a document
    printed in ``language``) writes it: only the decimal mark changes (an hour of the day,
    a ClockTime: clock_words). The hook of app.domain.phrases.Phrase.words."""
    if isinstance(text, ClockTime):
        return clock_words(text, language)
    mark = decimal_mark(language)
    if isinstance(text, Grouped):  # "10,000,000": the comma groups, never a decimal mark
        return text if mark == "." else text.replace(",", "\u202f")
    return text if mark == "." else _POINT_BETWEEN_DIGITS.sub(mark, text, count=1)


def clock_words(text: str, language: str | None = None) -> str:
    """An hour of the day the domain wrote on a 24-hour clock ("14:30", "09:05") as the
    interface writes it: French Canada puts "h" between hours and minutes, the hours
    without a leading zero ("14 h 30", "9 h 05"), with no-break spaces so the hour stays on
    one line."""
    if (language or _language()) == "en":
        return text
    hours, _colon, minutes = text.partition(":")
    return f"{int(hours)}\u00a0h\u00a0{minutes}"


def numbers_in_words(text: str, language: str | None = None) -> str:
    """A text the domain computed made only of numbers, units and fixed words ("BSA
    0.80 m² (Mosteller: …)", "CMAS 37.5 / 52"): every point between digits is a decimal
    mark. Never for a plan's own text or what a person typed (a version "v1.2")."""
    mark = decimal_mark(language)
    return text if mark == "." else _POINT_BETWEEN_DIGITS.sub(mark, text)


def decimal(value: float, max_decimals: int = 6) -> str:
    """A value the forms computed: app.domain.units.format_number's digits (no float
    noise, no trailing zeros), in the interface's writing."""
    return number_words(units.format_number(value, max_decimals))


def fixed(value: float, decimals: int) -> str:
    """A value with a fixed number of decimals ("0.80", "1.25") in the interface's
    writing."""
    return number_words(f"{value:.{decimals}f}")


def typed_number(field: str, text: str) -> float:
    """What a person typed, read with the interface's decimal mark (InputError, in the
    domain's English, when it cannot be read: see ``entry_problem`` for its words)."""
    return units.parse_number(field, text, decimal_mark=decimal_mark())


def as_typed_by_the_domain(text: str) -> str:
    """Typed text the domain reads as written: "20,5" (French) as "20.5", the same
    digits, remembering what was typed (a ReadAs: a refusal quotes « 20,5 »); text that
    cannot be read safely stays as typed, so the domain refuses it and nothing typed is
    lost."""
    if "," not in text or decimal_mark() != ",":
        return text
    try:
        units.parse_number("number", text, decimal_mark=",")
    except InputError:
        return text
    typed = text.strip()
    return ReadAs(typed.replace(",", "."), typed)


def shown_as_typed(text: str) -> str:
    """A stored typed number ("20.5") as the field shows it again ("20,5" in French);
    anything else (words, an ambiguous entry kept as typed) unchanged."""
    if decimal_mark() == "." or not re.fullmatch(r"\s*[+-]?\d*\.\d+\s*", text or ""):
        return text
    return number_words(text)


def entry_problem(error: InputError, label: str) -> str | None:
    """The interface's words for a refused decimal comma or a measure out of its range,
    named ``label`` (None for another problem)."""
    if isinstance(error, units.OutOfRangeError):
        return error.phrase.words(
            lambda template: QCoreApplication.translate(NUMBER_ENTRY, template),
            lambda _label: label, number_words)
    if not isinstance(error, NumberEntryError):
        return None
    values = list(error.values)
    values[0] = label
    for index in _SHOWN_AS_NUMBERS.get(error.template, ()):
        values[index] = number_words(values[index])
    out = QCoreApplication.translate(NUMBER_ENTRY, error.template)
    for index, value in reversed(list(enumerate(values, 1))):
        out = out.replace(f"%{index}", value)
    return out


def phrase_in_words(text: Phrase) -> str:
    """A domain sentence about a number (a screening answer out of its limits) in the
    interface's words: its template from this module's list, the plan's own text from
    the plan catalogue, its Numbers with the interface's decimal mark."""
    from app.forms.terms import plan_text_words

    return text.words(lambda template: QCoreApplication.translate(NUMBER_ENTRY, template),
                      plan_text_words, number_words)


def typed_problem(field: str, text: str, label: str) -> str | None:
    """Why a typed number cannot be read with the interface's mark, in its words (None
    when it reads, or when the problem is not the decimal mark's)."""
    try:
        typed_number(field, text)
    except InputError as error:
        return entry_problem(error, label)
    return None


def parsed_value(field: str, text: str, unit: str) -> str:
    """"= 20,5 kg": the value that will be used, beside a dose-relevant field (empty
    while nothing readable is typed)."""
    try:
        value = typed_number(field, text)
    except InputError:
        return ""
    return f"= {decimal(value)} {unit}".rstrip()
