"""The enrollment's and the arm switch's checks in the interface's language.

A check is a Sentence of app.domain.enrollment_sentences (app/forms/terms.py lists them in
the context "Enrollment check"); it may hold the screening's and the prior-therapy rules'
sentences (the context "Screening") and the dose engine's (a corticosteroid dose refused:
"Dose derivation"), each said in its own words. Its English is what the
command line and a refused save say.
"""

from __future__ import annotations

from app.domain.phrases import Sentence
from app.forms.language import INTERFACE, explanation_in_words
from app.forms.sentence_words import sentence_words
from app.forms.terms import DOSE_DERIVATION, SCREENING

ENROLLMENT_CHECK = "Enrollment check"  # the context of its sentences in terms.LISTED


def check_words(text: str | None) -> str | None:
    """``text`` in the interface's language when it is a Sentence (its dates as the
    interface writes them); any other text as it is."""
    if not isinstance(text, Sentence) or INTERFACE.language == "en":
        return text
    # a dose refused by the dose engine (a corticosteroid above its maximum) in its words
    return explanation_in_words(sentence_words(text, (ENROLLMENT_CHECK, SCREENING,
                                                      DOSE_DERIVATION)))
