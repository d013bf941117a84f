"""Search folds accents and case (issue 20.6)."""

import pytest

from app.domain.search_text import fold, search_words


@pytest.mark.parametrize(("stored", "typed"), [
    ("Nguyễn", "nguyen"),
    ("Zoé", "Zoe"),
    ("ZOË", "zoe"),
    ("Łódź", "lodz"),
    ("Đặng", "dang"),
    ("Søren", "soren"),
    ("Müller", "MULLER"),
    ("Straße", "strasse"),
    ("Ἀθηνᾶ", "αθηνα"),  # Greek loses its breathings and accents too
    ("Crème Brûlée", "creme brulee"),
])
def test_typed_plain_text_finds_the_accented_name(stored, typed):
    assert fold(typed) in fold(stored)


def test_words_are_split_and_folded():
    assert search_words("  Nguyễn   Zoé ") == ["nguyen", "zoe"]
    assert search_words("") == []


def test_different_letters_stay_different():
    assert fold("Lee") != fold("Lea")
