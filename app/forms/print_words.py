"""The printed documents' words in the interface's language (app/reports/words.py): the
interface's own translations (resources/translations/jdm_ctp_fr.ts through
``QCoreApplication.translate``, the domain's words through app/forms/terms.py), so a PDF
says what the screen says. English gives the reports' own ``ENGLISH``: the documents stay
exactly as the command line prints them."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from app.domain.phrases import Joined, Phrase
from app.forms import numbers, terms
from app.reports.words import ENGLISH, PDF, RECORDED_IN_ENGLISH, Words, fill


class InterfaceWords:
    """A document's words in ``language`` (the translators installed for it: the
    interface's, app/forms/language.py)."""

    def __init__(self, language: str) -> None:
        self.language = language

    def translate(self, context: str, text: str) -> str:
        return QCoreApplication.translate(context, text) if text else text

    def sentences(self, context: str, text: str | Phrase | Joined) -> str:
        if not text:
            return str(text)
        if context in terms.LISTED or not isinstance(text, str):
            return terms.phrases(context, text)
        return self.translate(context, text)

    def phrase(self, text: Phrase | Joined) -> str:
        return terms.phrase_words(text)

    def band(self, label: str) -> str:
        return terms.band_words(label)

    def drug(self, drug: str) -> str:
        return terms.drug_words(drug)

    def plan_text(self, text: str) -> str:
        return terms.plan_text_words(text)

    def derivation(self, text: str) -> str:
        from app.forms.language import explanation_in_words

        return fill(self.translate(PDF, RECORDED_IN_ENGLISH),
                    explanation_in_words(text)) if text else text

    def citation(self, text: str) -> str:
        return terms.sentences(terms.CITATION, text) if text else text

    def source(self, text: str) -> str:
        from app.domain.source_words import source_in_words

        return self.citation(source_in_words(text)) if text else text

    def translation_notice(self, instrument: str) -> tuple[str, ...]:
        return terms.translation_notice(instrument, self.language)

    def date(self, day: date | None) -> str:
        from app.domain import dates

        return dates.format_date(day, language=self.language)

    def number(self, text: str) -> str:
        # A number, or a band of numbers with their units ("2.0-3.0 mg/kg").
        return numbers.numbers_in_words(text, self.language)


def print_words(language: str | None = None) -> Words:
    """The words a document is printed in: the interface's language unless told."""
    from app.forms.language import INTERFACE

    language = language or INTERFACE.language
    return ENGLISH if language == "en" else InterfaceWords(language)
