"""The instruments' sentences move to Phrases (issue 21, one mechanism for domain
sentences) without changing a byte of their English: a message still reaches every
``{code: message}`` map as text (a ``Sentence``: the phrase's English as a str), so what is
stored, compared, joined and exported reads exactly what it read before, while the
interface translates ``.phrase`` template by template. The English below is worked out
by hand from each instrument's rule."""

from __future__ import annotations

import copy
import pickle

import pytest

from app.domain.instruments import chaq, cmas, common
from app.domain.instruments.chaq import score_chaq
from app.domain.instruments.cmas import score_cmas
from app.domain.instruments.common import InstrumentInputError
from app.domain.instruments.globals import GLOBALS_BY_CODE, validate_global
from app.domain.instruments.mmt8 import validate_mmt8
from app.domain.phrases import Label, Number, Phrase, Sentence, phrase, sentence, sentences

# ------------------------------------------------------------------ the carrier itself

def test_a_sentence_is_its_english_and_keeps_its_phrase():
    text = sentence("%1 must be %2 cm", Label("Height"), Number("12.5"))
    assert text == "Height must be 12.5 cm" and isinstance(text, str)
    assert text.phrase == phrase("%1 must be %2 cm", Label("Height"), Number("12.5"))
    # a join, a slice, an f-string: plain text (the interface falls back to it as written)
    assert type(" ".join([text, text])) is str and type(text[:6]) is str


def test_a_copy_or_a_pickle_keeps_the_english_and_the_phrase():
    text = sentence("%1 of %2", Number("3.5"), Number("4"))
    for again in (copy.copy(text), copy.deepcopy(text), pickle.loads(pickle.dumps(text))):
        assert again == "3.5 of 4" and again.phrase == text.phrase


def test_a_sentence_from_plain_text_reads_as_written_even_with_a_placeholder():
    text = Sentence("50% of %1")  # "%1" in a plain text is not a place to fill
    # nor a template to translate: the text is a value, given back as it is
    assert text == "50% of %1" and text.phrase.words(str.upper) == "50% of %1"


def test_sentences_joined_keep_their_phrases():
    one = sentence("A %1.", Number("1.5"))
    both = sentences(" ", [one, "B."])
    assert both == "A 1.5. B."
    assert both.phrase.parts[0] == one.phrase
    assert both.phrase.words(number=lambda n: n.replace(".", ",")) == "A 1,5. B."


def test_a_sentence_inside_a_phrase_gives_its_own_words():
    inner = sentence("%1 cm", Number("0.1"))
    outer = phrase("steps of %1", inner)
    assert str(outer) == "steps of 0.1 cm"
    assert outer.words(number=lambda n: n.replace(".", ",")) == "steps of 0,1 cm"


# ---------------------------------------------- the shared field messages (common.py)

PGA = GLOBALS_BY_CODE["pga_activity"]


@pytest.mark.parametrize(("message", "english", "template"), [
    # VAS: 0 to 10 cm in steps of 0.1 cm (clinical-rules §2.4); 10.05 has two decimals
    (validate_global("pga_activity", "10.05"),
     "Physician global assessment of disease activity must be a number from 0 to 10 cm, "
     'in steps of 0.1 cm; "10.05" was entered.', common.VAS_RANGE),
    # a float from a stored value is shown without quotes: 12.5 > 10
    (common.vas_message(PGA, 12.5),
     "Physician global assessment of disease activity must be a number from 0 to 10 cm, "
     "in steps of 0.1 cm; 12.5 was entered.", common.VAS_RANGE),
    # MMT8 (Kendall 0-10): 11 is out of range
    (validate_mmt8({"mmt_neck_flexors": "11"}, "unilateral").get("mmt_neck_flexors"),
     'MMT8: neck flexors must be a whole number from 0 to 10; "11" was entered.',
     common.WHOLE_NUMBER),
])
def test_field_messages_keep_their_english(message, english, template):
    assert isinstance(message, Sentence)
    assert message == english
    assert message.phrase.template == template and template in common.FIELD_SENTENCES


def test_the_limits_are_numbers_and_the_name_a_label():
    message = common.vas_message(PGA, "x").phrase
    assert message.values[0] == PGA.display_name and isinstance(message.values[0], Label)
    # 0, 10, cm, 0.1, cm: the three numbers marked, the units not
    assert [isinstance(v, Number) for v in message.values[1:6]] == [
        True, True, False, True, False]
    assert message.values[4] == "0.1"


def test_the_error_carries_the_sentences_and_its_text_is_their_english():
    with pytest.raises(InstrumentInputError) as caught:
        common.parse_vas(PGA, "11")
    message = caught.value.messages[PGA.code]
    assert isinstance(message, Sentence) and isinstance(message.phrase, Phrase)
    assert str(caught.value) == str(message)


# ------------------------------------------------------------------------------ CMAS

def _cmas(values, age=None):
    return score_cmas(values, age)


@pytest.mark.parametrize(("message", "english", "template"), [
    # head elevation held 5 s: band 1 (1-9 s, clinical-rules §2.1), but 3 was entered
    (lambda: _cmas({"cmas_1": 3, "cmas_1_sec": "5"}).errors["cmas_1"],
     'CMAS item 1 (head elevation): the score entered (3) does not match the seconds entered '
     '("5" s scores 1). Correct or clear one of them.', cmas.SCORE_VS_SECONDS),
    (lambda: _cmas({"cmas_1_sec": "-1"}).errors["cmas_1_sec"],
     'CMAS item 1 (head elevation, seconds held) must be a number of seconds, 0 or more; "-1" was '
     "entered.", cmas.SECONDS),
    # item 5 scored 2 while 3 variants were done (3 entered, 3 left blank: 3 to 6 allowed)
    (lambda: _cmas({"cmas_5": 2, "cmas_5a": 1, "cmas_5b": 1, "cmas_5c": 1}).errors["cmas_5"],
     "CMAS item 5 (sit-ups): the score entered (2) does not match the sit-up variants "
     "entered (3 done of 3 entered). Correct or clear one of them.", cmas.SCORE_VS_SIT_UPS),
    (lambda: _cmas({"cmas_2": 2}).items[1].derivation, "score entered: 2", cmas.SCORE_ENTERED),
    # four of six variants done, all six entered: score 4
    (lambda: _cmas({"cmas_5a": 1, "cmas_5b": 1, "cmas_5c": 1, "cmas_5d": 1, "cmas_5e": 0,
                    "cmas_5f": 0}).items[4].derivation,
     "4 of 6 sit-up variants done", cmas.SIT_UPS_DONE),
    (lambda: _cmas({"cmas_5a": 1, "cmas_5b": 0}).items[4].derivation,
     "2 of 6 sit-up variants entered; not entered: 5c, 5d, 5e, 5f", cmas.SIT_UPS_ENTERED),
])
def test_cmas_sentences_keep_their_english(message, english, template):
    written = message()
    assert isinstance(written, Sentence) and written == english
    assert written.phrase.template == template and template in cmas.CMAS_SENTENCES


def test_the_cmas_age_caveat_keeps_its_english_and_marks_its_numbers():
    # under 5 years: healthy 4-year-olds average 46.6 of 52 (Rennebohm 2004)
    caveat = cmas.age_caveat(4)
    assert caveat == (
        "Age under 5 years: healthy 4-year-olds average about 46.6 on the CMAS, not 52 "
        "(head lift and sit-ups depend on age). Compare with this child's own earlier "
        f"scores. Source: {cmas.AGE_CAVEAT_SOURCE}.")
    rule, source = caveat.phrase.parts
    assert rule.values == ("5", "46.6", "52") and all(isinstance(v, Number) for v in rule.values)
    assert source.template == common.SOURCE_NOTE
    assert cmas.age_caveat(5) is None


# ------------------------------------------------------------------------------ CHAQ

def test_chaq_item_message_and_invalid_entries_keep_their_english():
    result = score_chaq({"chaq_dressing_1": "7"})
    item = result.errors["chaq_dressing_1"]
    assert isinstance(item, Sentence) and item.phrase.template == chaq.ITEM_ANSWER
    assert item == ('CHAQ item dressing 1 (Dress, including tying shoelaces and doing '
                    'buttons?) must be 0, 1, 2, 3 or not applicable; "7" was entered.')
    # one invalid entry: "entry is"; the item's own message follows, as a phrase of its own
    assert result.explanation == "CHAQ disability index not computed: 1 entry is not valid. " + item
    head, same = result.explanation.phrase.parts
    assert head.template == chaq.ENTRY_NOT_VALID and same == item.phrase
    two = score_chaq({"chaq_dressing_1": "7", "chaq_dressing_2": "x"}).explanation
    assert two.startswith("CHAQ disability index not computed: 2 entries are not valid. ")
    assert two.phrase.parts[0].template == chaq.ENTRIES_NOT_VALID


def test_chaq_too_few_domains_keeps_its_english():
    # dressing and arising answered: 2 of 8, the provisional minimum is 6
    result = score_chaq({"chaq_dressing_1": 1, "chaq_arising_1": 2})
    assert result.explanation == (
        "CHAQ disability index not computed: only 2 of 8 domains answered; at least 6 are "
        "needed (provisional rule: a project choice, as the IMACS CHAQ instructions set no "
        "minimum: the disability index only when at least 6 of the 8 domains are answered). "
        "Unanswered (all items blank or not applicable): Eating, Walking, Hygiene, Reach, "
        "Grip, Activities.")
    rule, unanswered = result.explanation.phrase.parts
    assert rule.template == chaq.TOO_FEW_DOMAINS and rule.values[:3] == ("2", "8", "6")
    assert all(isinstance(v, Label) for v in unanswered.values[0].parts)
