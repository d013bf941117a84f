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

from app.domain.instruments import common
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
