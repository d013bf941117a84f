"""A sentence the domain writes once, in English, with its values kept apart, so the
interface can show it in its own language while the English (stored with a record,
printed, exported) is exactly what the domain writes.

A template marks its values %1, %2… (Qt's placeholders, so the translation catalogue
checks them); a value is a ready-formatted string (a number keeps its exact digits and
unit) or another phrase. ``str(phrase)`` is the English; ``phrase.words(translate)``
translates each template and fills in the values. The domain imports no Qt: the
translation function comes from the interface (app/forms/terms.py lists the templates).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

Translate = Callable[[str], str]
_PLACE = re.compile(r"%(\d)")


def _same(template: str) -> str:
    return template


class PlanText(str):
    """A plan file's own text inside a phrase (a dose's label or frequency): the same
    English in ``str()``; the interface may show it from its plan-text catalogue."""


class Shortened(PlanText):
    """A plan file's text inside a phrase cut to ``limit`` characters ("…" at the end) as
    the English has it; ``full`` is the text as the plan file writes it, the one the
    interface looks up before cutting its own words the same way."""

    full: str
    limit: int

    def __new__(cls, text: str, limit: int) -> Shortened:
        shortened = super().__new__(cls, shorten(text, limit))
        shortened.full = text
        shortened.limit = limit
        return shortened


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut to ``limit`` characters with "…" when longer."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class Number(str):
    """A number inside a phrase, written with a point for decimals as the English (and
    every stored or exported copy) has it ("87.5"); the interface may show it with its
    own decimal mark. Only the mark changes: the digits stay exactly as the domain wrote
    them."""


class Grouped(Number):
    """A whole number written with thousands commas, as the English has it
    ("10,000,000"); the interface groups the digits its own way (French: "10 000 000",
    where a comma would read as a decimal mark)."""


class ClockTime(Number):
    """An hour of the day inside a phrase, as the English (and the command line) writes it
    on a 24-hour clock ("14:30", "09:05"); the interface may write it its own way (French
    Canada: "14 h 30")."""


class Label(PlanText):
    """A label the domain defines once (an instrument's item, a vital sign) inside a
    phrase; the interface shows its own word for it (app/forms/terms.py lists them)."""


class Lowered(Label):
    """A Label written in lower case inside a sentence ("iv methylprednisolone pulses since
    the last visit 0 pulses"): the English is the label lowered, as the domain has always
    printed it; ``label`` is the label as defined, the one the interface looks up (its
    word then starts in lower case)."""

    label: str

    def __new__(cls, label: str) -> Lowered:
        text = super().__new__(cls, label.lower())
        text.label = label
        return text


class DrugName(PlanText):
    """A plan's drug inside a phrase, as people write it ("IVIG", not the code "ivig":
    app.domain.display_words.drug_name); the interface shows its own spelling."""


class Typed(PlanText):
    """What a person typed, inside a phrase: the English quotes it ('"abc"', as the
    messages have always read); ``typed`` is the text as typed, which the interface quotes
    its own way (French: « abc »)."""

    typed: str

    def __new__(cls, typed: str) -> Typed:
        typed = as_typed(typed)
        text = super().__new__(cls, f'"{typed}"')
        text.typed = typed
        return text


class ReadAs(str):
    """Typed text given to the domain as the domain reads numbers ("12.5") where the
    person typed it the interface's way ("12,5", a French decimal comma read at the
    field): the domain reads the text; ``typed`` is what was typed, the text a message
    quotes (Typed), so a refusal never quotes digits nobody typed."""

    typed: str

    def __new__(cls, text: str, typed: str) -> ReadAs:
        read = super().__new__(cls, text)
        read.typed = typed
        return read


def as_typed(value: object) -> str:
    """What a person typed, for a message that quotes it: a ReadAs's own typing, else
    the value's text."""
    return value.typed if isinstance(value, ReadAs) else str(value)


class LineBreak(str):
    """A Joined's separator where a narrow screen may start a new line (a long cell of a
    table: "…, n = 12; mean 3.5 (SD 1.1)"): the English as written; the interface may put
    a line break in its place (app/forms/terms.py ``phrases(…, lines=True)``)."""


class CodedWord(PlanText):
    """A coded value's stored word inside a phrase (a dose frequency, "twice weekly":
    app.domain.coded_values): the English as stored; the interface shows its own word
    (app/forms/terms.py lists them)."""


def _value(value: str | Phrase | Joined, translate: Translate, plan: Translate,
           number: Translate) -> str:
    if isinstance(value, Sentence):  # a sentence inside another: its own words
        if translate is plan is number is _same:
            return str.__str__(value)  # its English, already written
        return value.phrase.words(translate, plan, number)
    if isinstance(value, PlanText):
        return plan(value)
    if isinstance(value, Number):
        return number(value)
    return value if isinstance(value, str) else value.words(translate, plan, number)


@dataclass(frozen=True)
class Phrase:
    template: str
    values: tuple[str | Phrase | Joined, ...] = ()

    def words(self, translate: Translate = _same, plan: Translate = _same,
              number: Translate = _same) -> str:
        """``translate``: a template's words; ``plan``: a plan file's text's words;
        ``number``: a Number as the interface writes it."""
        if translate is plan is number is _same:
            return str(self)
        return self._words(translate, plan, number)

    def _words(self, translate: Translate, plan: Translate, number: Translate) -> str:
        shown = [_value(v, translate, plan, number) for v in self.values]
        return _fill(translate(self.template), shown)

    def __str__(self) -> str:
        return _english(self)


@dataclass(frozen=True)
class Joined:
    """Phrases (or plain values) one after the other with a separator ("; ")."""

    separator: str
    parts: tuple[str | Phrase | Joined, ...]

    def words(self, translate: Translate = _same, plan: Translate = _same,
              number: Translate = _same) -> str:
        if translate is plan is number is _same:
            return str(self)
        return self._words(translate, plan, number)

    def _words(self, translate: Translate, plan: Translate, number: Translate) -> str:
        # the separator is translated too: French spaces a ";" ("40 g ; maximum …")
        return translate(self.separator).join(_value(p, translate, plan, number)
                                              for p in self.parts)

    def __str__(self) -> str:
        return _english(self)


def _english(text: Phrase | Joined) -> str:
    """The English, written once per phrase (frozen: it cannot change), so a phrase
    inside others (an explanation's parts) is not written again for each."""
    written = text.__dict__.get("_english")
    if written is None:
        if isinstance(text, Phrase):
            written = _fill(text.template, [_english_value(v) for v in text.values])
        else:
            written = text.separator.join(_english_value(p) for p in text.parts)
        object.__setattr__(text, "_english", written)
    return written


def _english_value(value: str | Phrase | Joined) -> str:
    # a str (a Number, a Label, a Sentence…) is its own English
    return str.__str__(value) if isinstance(value, str) else _english(value)


_SPLIT: dict[str, tuple[str, ...]] = {}  # a template's text and places, split once


def _fill(template: str, shown: list[str]) -> str:
    """``template`` with %1, %2… replaced by ``shown`` in one pass (a value that itself
    contains "%1" is never filled in again)."""
    parts = _SPLIT.get(template)
    if parts is None:
        parts = tuple(_PLACE.split(template))
        if len(_SPLIT) < 10_000:  # templates are few; a translation's too
            _SPLIT[template] = parts
    if len(parts) == 1:
        return template
    out = [parts[0]]
    for index in range(1, len(parts), 2):
        out.append(shown[int(parts[index]) - 1])
        out.append(parts[index + 1])
    return "".join(out)


def number(value: float, max_decimals: int = 6) -> Number:
    """A computed value as a phrase's Number: app.domain.units.format_number's digits
    (no float noise, no trailing zeros)."""
    from app.domain.units import format_number

    return Number(format_number(value, max_decimals))


def phrase(template: str, *values: str | Phrase | Joined) -> Phrase:
    return Phrase(template, tuple(values))


def joined(separator: str, parts: Sequence[str | Phrase | Joined]) -> Joined:
    return Joined(separator, tuple(parts))


class Sentence(str):
    """A phrase given where the domain has always given text (a field's problem in a
    ``{code: message}`` map, a score's explanation): the string is exactly the phrase's
    English, so whatever stores, compares, joins or exports it reads what it read before;
    ``.phrase`` keeps the template and its values for the interface to translate
    (app/forms/terms.py ``phrases``). Text made from it (a join, a slice) is plain text."""

    phrase: Phrase | Joined

    def __new__(cls, phrase: Phrase | Joined | str) -> Sentence:
        text = super().__new__(cls, str(phrase))
        # from a plain string (a copy or a pickle gives the text back): the text as it is
        text.phrase = phrase if isinstance(phrase, Phrase | Joined) else Phrase("%1", (str(text),))
        return text


def sentence(template: str, *values: str | Phrase | Joined) -> Sentence:
    """``phrase(template, *values)`` given as text (a Sentence)."""
    return Sentence(Phrase(template, tuple(values)))


def sentence_of(error: BaseException) -> Sentence | None:
    """The Sentence ``error`` was raised with, or None (``str(error)`` would give only its
    English, without the phrase the interface translates)."""
    said = error.args[0] if len(error.args) == 1 else None
    return said if isinstance(said, Sentence) else None


def said_by(error: BaseException) -> str:
    """What ``error`` says, as a value inside another sentence or for a window: its own
    Sentence when it has one (its phrase kept), else its text."""
    said = sentence_of(error)
    return said if said is not None else str(error)


def sentences(separator: str, parts: Sequence[str | Phrase | Joined]) -> Sentence:
    """Sentences one after the other (``joined``) given as text: a Sentence part keeps
    its phrase."""
    return Sentence(Joined(separator, tuple(_phrase_of(p) for p in parts)))


def _phrase_of(part: str | Phrase | Joined) -> str | Phrase | Joined:
    return part.phrase if isinstance(part, Sentence) else part
