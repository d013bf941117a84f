"""A phrase's English is exactly what the domain wrote; the interface's hooks change only
the parts marked for them (a template, a plan's text, a number's decimal mark)."""

from app.domain.phrases import DrugName, Number, joined, phrase


def comma(text: str) -> str:
    return text.replace(".", ",")


def test_a_number_keeps_its_english_digits_in_str():
    sentence = phrase("CMAS %1 of %2", Number("37.5"), Number("52"))
    assert str(sentence) == "CMAS 37.5 of 52"


def test_the_number_hook_changes_only_numbers():
    # "v1.2" is a plain value (not a Number): its point must stay.
    sentence = phrase("%1 at %2 (%3)", Number("2.5"), "v1.2", DrugName("IVIG"))
    assert sentence.words(number=comma) == "2,5 at v1.2 (IVIG)"


def test_numbers_inside_nested_and_joined_phrases_reach_the_hook():
    inner = phrase("%1 mg", Number("12.5"))
    both = joined("; ", [phrase("dose %1", inner), Number("0.5")])
    assert both.words(number=comma) == "dose 12,5 mg; 0,5"
    assert str(both) == "dose 12.5 mg; 0.5"
