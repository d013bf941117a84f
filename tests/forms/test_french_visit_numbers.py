"""A weight or height at the visit form that is out of range or not a number at all, said
in French (issue 21): app.domain.units writes every refusal as a Sentence, so none relies
on matching English text; "Height must be an ordinary number" had no listed template and
stayed English in the French form."""

from __future__ import annotations

import pytest
from test_french import WORD, assert_french, english_only_words, plain
from visit_fixtures import enrolled_patient, open_form, type_in

from app.domain.errors import InputError
from app.domain.phrases import Sentence
from app.domain.units import NUMBER_SENTENCES, parse_number
from app.forms import terms

pytestmark = pytest.mark.usefixtures("system_actor")


def english_in(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(text)} & english_only_words()


def test_every_number_refusal_is_a_listed_and_translated_sentence(french):
    assert set(NUMBER_SENTENCES) <= set(terms.LISTED[terms.MESSAGE])
    assert [s for s in NUMBER_SENTENCES if terms.term(terms.MESSAGE, s) == s] == []
    for typed in (None, "", "abc", "nan", "1,5", [20]):
        with pytest.raises(InputError) as refused:
            parse_number("weight_kg", typed)
        assert isinstance(refused.value.message, Sentence), typed
        shown = terms.phrases(terms.MESSAGE, refused.value.message)
        assert not english_in(shown), shown


def test_a_weight_out_of_range_and_a_height_not_a_number_in_the_french_visit_form(
        qtbot, database, french):
    _pid, _eid, visits = enrolled_patient(database)
    window = open_form(qtbot, database, visits["baseline"])
    window.resize(1366, 768)
    window.show()
    medications = window.section("medications")
    type_in(medications.weight, "250")
    type_in(medications.height, "nan")
    window.show_section("medications")
    weight, height = (plain(medications.weight.message.text()),
                      plain(medications.height.message.text()))
    assert "200 kg" in weight and "250 kg a été saisi" in weight, weight
    assert height == "Taille doit être un nombre ordinaire\u202f; « nan » a été saisi.", height
    assert not english_in(weight) and not english_in(height)
    assert_french(window, data=("JDM-V01", "Baseline", "IVIG", "Ada", "Okafor"))
