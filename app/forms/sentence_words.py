"""A Sentence (app.domain.phrases) whose templates app/forms/terms.py lists in more than one
context, in the interface's language: an enrollment check holding the screening's
sentences, a plan file's refusal of one key beside the file's own refusals. Each template
is said in the first context that has words for it."""

from __future__ import annotations

from collections.abc import Sequence

from app.domain.phrases import DrugName, Sentence
from app.forms.numbers import number_words
from app.forms.terms import drug_words, plan_text_words, term


def sentence_words(text: Sentence, contexts: Sequence[str]) -> str:
    """``text`` with its templates in the interface's words, a drug by the interface's
    name, a plan's text from the plan-text catalogue, a number with the interface's
    decimal mark; what a person or a file wrote as written."""

    def template_words(template: str) -> str:
        for context in contexts:
            words = term(context, template)
            if words != template:
                return words
        return template

    return text.phrase.words(template_words, _plan_words, number_words)


def _plan_words(value: str) -> str:
    return drug_words(value) if isinstance(value, DrugName) else plan_text_words(value)
