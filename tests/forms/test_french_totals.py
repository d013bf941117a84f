"""The CMAS and MMT8 totals' explanations, an outcome row's note on a total not computed
and the MMT8's own refusals (issue 21): the domain writes them as Sentences, so French
reads them template by template; before, they were plain English that no listed template
matched, and the French visit summary printed them in English."""

from __future__ import annotations

import re

from test_french import english_only_words

from app.domain.instruments.cmas import CMAS_SENTENCES, score_cmas
from app.domain.instruments.common import FIELD_SENTENCES, incomplete_note
from app.domain.instruments.mmt8 import (
    MMT8_SENTENCES,
    UNILATERAL_ITEMS,
    compare_mmt8,
    score_mmt8,
    validate_mmt8,
)
from app.domain.phrases import Sentence
from app.forms import terms

WORD = re.compile(r"[A-Za-zÀ-ÿ]{3,}")
CMAS_ALL = {f"cmas_{n}": 2 for n in range(1, 15)}
MMT8_ALL = {item.code: 9 for item in UNILATERAL_ITEMS}


def said(text: str) -> str:
    assert isinstance(text, Sentence), text
    return terms.phrases(terms.MESSAGE, text)


def english_in(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(text)} & english_only_words()


def test_every_cmas_and_mmt8_sentence_is_listed_and_translated(french):
    sentences = (*CMAS_SENTENCES, *MMT8_SENTENCES, *FIELD_SENTENCES)
    assert set(sentences) <= set(terms.LISTED[terms.MESSAGE])
    assert [s for s in sentences if terms.term(terms.MESSAGE, s) == s] == ["MMT8 (%1, 0-%2)"]


def test_the_cmas_total_and_why_it_is_not_computed_read_in_french(french):
    assert said(score_cmas(CMAS_ALL).explanation) == (
        "Total CMAS 28 sur 52 : somme des scores des 14 éléments "
        "(2 + 2 + 2 + 2 + 2 + 2 + 2 + 2 + 2 + 2 + 2 + 2 + 2 + 2).")
    missing = score_cmas({**CMAS_ALL, "cmas_3": None, "cmas_7": None})
    shown = said(missing.explanation)
    assert shown.startswith("Total CMAS non calculé : 2 des 14 éléments manquent (élément 3 (")
    assert shown.endswith("Somme des 12 éléments saisis : 24 (partielle, pas un total\u202f; "
                          "les éléments manquants ne sont jamais complétés).")
    assert not english_in(shown), shown
    wrong = score_cmas({**CMAS_ALL, "cmas_1": "9"})
    shown = said(wrong.explanation)
    assert shown.startswith("Total CMAS non calculé : 1 entrée n'est pas valide. CMAS, item 1 ")
    assert not english_in(shown), shown


def test_the_mmt8_total_and_why_it_is_not_computed_read_in_french(french):
    assert said(score_mmt8(MMT8_ALL).explanation) == (
        "Total MMT8 (unilatéral, 0-80) : 72 sur 80, somme de 8 cotes musculaires.")
    missing = score_mmt8({**MMT8_ALL, "mmt_quadriceps": None})
    shown = said(missing.explanation)
    assert shown == ("Total MMT8 (unilatéral, 0-80) non calculé : 1 des 8 cotes musculaires "
                     "manquent (mmt_quadriceps). Somme des cotes saisies : 63 (partielle, pas "
                     "un total\u202f; les cotes manquantes ne sont jamais complétées).")
    wrong = score_mmt8({**MMT8_ALL, "mmt_quadriceps": "11"})
    shown = said(wrong.explanation)
    assert shown.startswith("Total MMT8 (unilatéral, 0-80) non calculé : MMT8 : ")
    assert not english_in(shown), shown
    sides = validate_mmt8(MMT8_ALL, "unilateral", {"quadriceps": "up"})
    assert not english_in(said(sides["side:quadriceps"])), sides
    assert said(validate_mmt8(MMT8_ALL, "sideways")["mmt_variant"]).startswith(
        "La variante du MMT8 doit être")


def test_an_outcome_rows_note_and_an_mmt8_comparison_read_in_french(french):
    note = incomplete_note(score_cmas({**CMAS_ALL, "cmas_3": None}).explanation)
    assert said(note).startswith("incomplet : Total CMAS non calculé : 1 des 14 éléments")
    assert said(incomplete_note("")) == "incomplet : éléments manquants"
    complete, bilateral = score_mmt8(MMT8_ALL), score_mmt8({}, "bilateral")
    assert said(compare_mmt8(complete, bilateral).reason) == (
        "Les totaux du MMT8 ne peuvent pas être comparés : la visite initiale est en "
        "unilatéral (0-80) et le suivi en bilatéral (0-150). Utilisez la même variante à "
        "chaque visite.")
    assert said(compare_mmt8(complete, score_mmt8({})).reason).endswith(
        "le total du suivi est incomplet.")
    assert said(compare_mmt8(complete, complete).reason) == (
        "Variation du MMT8 (unilatéral) : 72 - 72 = +0.")


def _outcome_note(definition, result_key: str, result) -> str:
    from app.domain.visit_scores import VisitScores

    (row, *_) = definition.outcome_rows(VisitScores(results={result_key: result}), None, {}, None)
    return row.note


def test_the_chaq_and_cdasi_outcome_notes_read_in_french_and_count_in_english(french):
    """Found by this stop's walk: the printed summary's CHAQ and CDASI notes on a total not
    computed were plain English, so French printed « incomplet : 3 items not graded », and
    English said "1 items"."""
    from app.domain.instruments import cdasi, chaq

    every = {item.code: 1 for item in cdasi.ITEMS}
    one_missing = cdasi.score_cdasi({**every, cdasi.ITEMS[0].code: None})
    three_missing = cdasi.score_cdasi({**every, **{i.code: None for i in cdasi.ITEMS[:3]}})
    no_hands = cdasi.score_cdasi({c: g for c, g in every.items()
                                  if c not in cdasi.GOTTRON_HANDS_CODES})
    notes = [_outcome_note(cdasi.DEFINITION, "cdasi", r)
             for r in (one_missing, three_missing, no_hands)]
    others = sum(i.grade.maximum for i in cdasi.ITEMS_WITHOUT_GOTTRON_HANDS)
    graded = len(cdasi.ITEMS_WITHOUT_GOTTRON_HANDS)  # each graded 1
    assert [str(n) for n in notes] == [
        "incomplete: 1 item not graded", "incomplete: 3 items not graded",
        f"incomplete: Gottron's papules on the hands not graded; other items {graded} of "
        f"{others}"]
    assert [said(n) for n in notes] == [
        "incomplet : 1 élément non coté", "incomplet : 3 éléments non cotés",
        "incomplet : papules de Gottron sur les mains non cotées\u202f; autres éléments "
        f"{graded} sur {others}"]
    few = chaq.score_chaq({})
    note = _outcome_note(chaq.DEFINITION, "chaq", few)
    assert str(note) == "incomplete: " + str(few.explanation)
    shown = said(note)
    assert shown.startswith("incomplet : ") and not english_in(shown), shown
