"""The words of a printed document in the language it is printed in.

The PDF writers take a ``Words`` object and write every word through it: their own
fixed words (headings, column titles, the footer) marked for translation where they are
written, the domain's labels and sentences, dates and numbers. ``ENGLISH``, the default,
gives every text back as it is, so the English documents (the command line's default)
are exactly what they were. The forms layer builds the French one
(app/forms/print_words.py) from the interface's translations (app/forms/terms.py and
resources/translations/jdm_ctp_fr.ts): this layer imports no Qt and holds no dictionary.

The fixed words are marked ``translate("PDF", "text")`` (``translate = words.translate``)
or, where a constant is defined, ``QT_TRANSLATE_NOOP("PDF", "text")`` (the plain function
below):
``pyside6-lupdate`` collects both from app/reports into the .ts (installer/translations.py).
A value inside a fixed sentence is a Qt placeholder (%1, %2…) filled by ``fill``.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Protocol

from app.domain.phrases import Joined, Phrase

# The context of the printed documents' own words in the .ts: one for every document, so
# a heading they share ("Study ID", "Signature") is translated once. lupdate reads only a
# literal context: the writers write "PDF" where they mark a word, this name elsewhere.
PDF = "PDF"

# Contexts of the domain's words, as app/forms/terms.py lists them (same names).
SEX = "Sex"
RACE = "Race"
ETHNICITY = "Ethnicity"
VISIT_STATUS = "Visit status"
DRUG = "Drug"
INSTRUMENT_ITEM = "Instrument item"
MESSAGE = "Instrument message"
FINDING = "Instrument finding"
SECTION = "Section"
OUTCOME_ROW = "Outcome row"
PAPER = "Worksheet"
COHORT = "Cohort figure"
COHORT_TABLE = "Cohort table"
ARM_CHOICE = "Arm choice"
CITATION = "Citation"
REASON = "Reason"

_PLACE = re.compile(r"%(\d)")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate reads
    """Marks ``text`` for the translation catalogue; gives it back unchanged."""
    return text


# A dose's stored derivation in a document printed in another language: it is stored as
# English text without its values kept apart, so it cannot be translated faithfully; it is
# printed as recorded and said to be English (the screen shows it as recorded too).
RECORDED_IN_ENGLISH = QT_TRANSLATE_NOOP("PDF", "As recorded, in English: %1")


# The rules' citations are references: printed as published (English), the document in
# another language says so once; only the words about a citation (what it is, that it is
# provisional) are translated (app/forms/terms.py lists them, "Citation").
CITED_AS_PUBLISHED = QT_TRANSLATE_NOOP("PDF", "References are cited as published, in English.")


def fill(template: str, *values: object) -> str:
    """``template`` with %1, %2… replaced by ``values`` in one pass (a value holding "%1"
    is never filled in again)."""
    shown = [str(v) for v in values]
    return _PLACE.sub(lambda m: shown[int(m.group(1)) - 1], template)


class Words(Protocol):
    language: str

    def translate(self, context: str, text: str) -> str:
        """A fixed text (a printed document's own, or a domain label listed in the
        interface's terms) in the document's language. (lupdate collects plural forms
        only from ``tr()``: a printed count is written so it needs none, "Entrées : 3".)"""

    def sentences(self, context: str, text: str | Phrase | Joined) -> str:
        """A domain text made of listed sentences with values in them, each sentence
        translated when recognised, the rest left as written; or a domain ``Phrase`` (or
        text that carries one), its template translated in ``context``."""

    def phrase(self, text: Phrase | Joined) -> str:
        """A domain ``Phrase`` in the document's language."""

    def band(self, label: str) -> str:
        """A measure's band of the total improvement score (">20-30%", "worsened")."""

    def drug(self, drug: str) -> str:
        """A drug named as the plans write it, in the document's language."""

    def plan_text(self, text: str) -> str:
        """A plan file's own words (a title, an arm's name, a frequency)."""

    def derivation(self, text: str) -> str:
        """A stored dose derivation: its arithmetic as stored, its sources in words; in a
        language other than English, said to be recorded in English (RECORDED_IN_ENGLISH)."""

    def citation(self, text: str) -> str:
        """A rule's citation: its references as published, the words about them in the
        document's language."""

    def source(self, text: str) -> str:
        """A dose rule's source as the screen shows it (app.domain.source_words: the paper
        named, not the project's file) in a language other than English; a citation."""

    def translation_notice(self, instrument: str) -> tuple[str, ...]:
        """What the document says, once, where it prints ``instrument``'s item wording
        (an instrument id of app.domain.instruments.registry) translated by the project:
        the visit form's notice and its second line (app/forms/terms.py,
        TRANSLATION_NOTICES); nothing in English."""

    def date(self, day: date | None) -> str:
        """A date as the document prints it ("—" when there is none)."""

    def number(self, text: str) -> str:
        """A number already written with a decimal point, with the language's mark."""


class EnglishWords:
    """Every text as written: the English the domain and the documents write."""

    language = "en"

    def translate(self, context: str, text: str) -> str:
        return text

    def sentences(self, context: str, text: str | Phrase | Joined) -> str:
        return text if isinstance(text, str) else str(text)

    def phrase(self, text: Phrase | Joined) -> str:
        return str(text)

    def band(self, label: str) -> str:
        return label

    def drug(self, drug: str) -> str:
        return drug

    def plan_text(self, text: str) -> str:
        return text

    def derivation(self, text: str) -> str:
        return text

    def citation(self, text: str) -> str:
        return text

    def source(self, text: str) -> str:
        return text

    def translation_notice(self, instrument: str) -> tuple[str, ...]:
        return ()

    def date(self, day: date | None) -> str:
        return day.isoformat() if day else "—"

    def number(self, text: str) -> str:
        return text


ENGLISH: Words = EnglishWords()
