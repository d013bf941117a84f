"""Unit conversion and input validation (clinical rules §4). Expected values by hand."""

from __future__ import annotations

import math

import pytest

from app.domain.errors import InputError
from app.domain.units import (
    format_number,
    height_cm_from_inches,
    inches_to_cm,
    lb_to_kg,
    parse_number,
    validate_height_cm,
    validate_weight_kg,
    weight_kg_from_lb,
)


@pytest.mark.parametrize(
    ("pounds", "kg"),
    [
        (1, 0.45359237),  # definition
        (44, 19.95806428),  # 44 × 0.45359237 = 18.1436948 + 1.81436948 = 19.95806428
        (100, 45.359237),  # 100 × 0.45359237
        (4.5, 2.041165665),  # 4.5 × 0.45359237 = 1.81436948 + 0.226796185
    ],
)
def test_lb_to_kg_uses_the_exact_factor(pounds, kg):
    assert lb_to_kg(pounds) == pytest.approx(kg, abs=1e-12)


@pytest.mark.parametrize(
    ("inches", "cm"),
    [
        (1, 2.54),  # definition
        (45.28, 115.0112),  # 45 × 2.54 = 114.3; 0.28 × 2.54 = 0.7112; sum 115.0112
        (60, 152.4),  # 60 × 2.54
    ],
)
def test_inches_to_cm_uses_the_exact_factor(inches, cm):
    assert inches_to_cm(inches) == pytest.approx(cm, abs=1e-12)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("20", 20.0), (" 20.5 ", 20.5), (20, 20.0), (20.5, 20.5), ("1e1", 10.0), ("-3", -3.0)],
)
def test_parse_number_accepts_plain_numbers(value, expected):
    assert parse_number("weight_kg", value) == expected


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("abc", 'Weight must be a number (for example 20.5); "abc" was entered.'),
        ("", "Weight is required; nothing was entered."),
        ("   ", "Weight is required; nothing was entered."),
        (None, "Weight is required and must be a number."),
        (True, "Weight is required and must be a number."),
        ("nan", 'Weight must be an ordinary number; "nan" was entered.'),
        (float("nan"), "Weight must be an ordinary number; nan was entered."),
        ("inf", 'Weight must be an ordinary number; "inf" was entered.'),
        (float("-inf"), "Weight must be an ordinary number; -inf was entered."),
        ("19,5", 'with a point for decimals (for example 20.5); "19,5" was entered.'),
        ([20], "Weight must be a number; [20] was entered."),
    ],
)
def test_parse_number_rejects_non_numbers_with_a_plain_message(value, fragment):
    with pytest.raises(InputError) as info:
        parse_number("weight_kg", value)
    assert info.value.field == "weight_kg"
    assert fragment in info.value.message
    assert str(info.value) == info.value.message


@pytest.mark.parametrize("kg", [2, 2.0, 20, 199.99, 200])
def test_weight_in_range_is_accepted_unchanged(kg):
    assert validate_weight_kg(kg) == float(kg)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (0, "Weight must be between 2 and 200 kg; 0 kg was entered."),
        (-5, "Weight must be between 2 and 200 kg; -5 kg was entered."),
        (1.9, "Weight must be between 2 and 200 kg; 1.9 kg was entered."),
        (200.1, "Weight must be between 2 and 200 kg; 200.1 kg was entered."),
        (250, "Weight must be between 2 and 200 kg; 250 kg was entered."),
        ("abc", 'Weight must be a number (for example 20.5); "abc" was entered.'),
        (float("nan"), "Weight must be an ordinary number; nan was entered."),
        (float("inf"), "Weight must be an ordinary number; inf was entered."),
    ],
)
def test_bad_weight_is_rejected_never_clamped(value, message):
    with pytest.raises(InputError) as info:
        validate_weight_kg(value)
    assert info.value.field == "weight_kg"
    assert info.value.message == message


@pytest.mark.parametrize("cm", [45, 115.01, 220])
def test_height_in_range_is_accepted_unchanged(cm):
    assert validate_height_cm(cm) == float(cm)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (44.9, "Height must be between 45 and 220 cm; 44.9 cm was entered."),
        (220.1, "Height must be between 45 and 220 cm; 220.1 cm was entered."),
        (0, "Height must be between 45 and 220 cm; 0 cm was entered."),
        (-100, "Height must be between 45 and 220 cm; -100 cm was entered."),
        ("tall", 'Height must be a number (for example 20.5); "tall" was entered.'),
    ],
)
def test_bad_height_is_rejected_never_clamped(value, message):
    with pytest.raises(InputError) as info:
        validate_height_cm(value)
    assert info.value.field == "height_cm"
    assert info.value.message == message


def test_weight_in_pounds_converts_exactly():
    # 44 lb × 0.45359237 = 19.95806428 kg
    assert weight_kg_from_lb("44") == pytest.approx(19.95806428, abs=1e-12)


def test_weight_in_pounds_out_of_range_names_both_units():
    # 500 lb × 0.45359237 = 226.796185 kg (> 200 kg).
    # Range in lb, rounded inwards: 2 / 0.45359237 = 4.40924 → 4.41;
    # 200 / 0.45359237 = 440.9245 → 440.92.
    with pytest.raises(InputError) as info:
        weight_kg_from_lb(500)
    assert info.value.field == "weight_lb"
    assert info.value.message == (
        "Weight must be between 2 and 200 kg (4.41 to 440.92 lb); 500 lb (226.8 kg) was entered."
    )


def test_height_in_inches_out_of_range_names_both_units():
    # 10 in × 2.54 = 25.4 cm (< 45 cm). 45 / 2.54 = 17.7165 → 17.72; 220 / 2.54 = 86.614 → 86.61
    with pytest.raises(InputError) as info:
        height_cm_from_inches(10)
    assert info.value.field == "height_in"
    assert info.value.message == (
        "Height must be between 45 and 220 cm (17.72 to 86.61 in); 10 in (25.4 cm) was entered."
    )


def test_height_in_inches_converts_exactly():
    assert height_cm_from_inches(45.28) == pytest.approx(115.0112, abs=1e-12)


def test_pounds_zero_and_text_rejected():
    with pytest.raises(InputError, match=r"0 lb \(0 kg\) was entered"):
        weight_kg_from_lb(0)
    with pytest.raises(InputError, match="Weight must be a number"):
        weight_kg_from_lb("forty")


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (20.0, 6, "20"),
        (0.1 + 0.2, 6, "0.3"),
        (479.58315, 2, "479.58"),
        (-0.0, 6, "0"),
        (1.5, 0, "2"),
        (200.0, 0, "200"),
        (1000.0, 2, "1000"),
    ],
)
def test_format_number(value, decimals, text):
    assert format_number(value, decimals) == text
    assert not math.isnan(value)


def test_an_out_of_range_measure_carries_its_sentence_with_its_numbers_marked():
    """The English above, as a Phrase whose numbers are Numbers (the interface writes them
    with its decimal mark) and whose label is a Label (the interface's word)."""
    from app.domain.phrases import Label, Number
    from app.domain.units import (
        AMOUNT_CONVERTED,
        OUT_OF_RANGE_CONVERTED,
        OutOfRangeError,
        weight_kg_from_lb,
    )

    with pytest.raises(OutOfRangeError) as caught:
        weight_kg_from_lb("600.5")  # 600.5 × 0.45359237 = 272.382… kg
    phrase = caught.value.phrase
    assert phrase.template == OUT_OF_RANGE_CONVERTED
    assert phrase.values[:7] == ("Weight", "2", "200", "kg", "4.41", "440.92", "lb")
    assert isinstance(phrase.values[0], Label)
    assert [type(v) for v in phrase.values[1:7]] == [Number, Number, str, Number, Number, str]
    entered = phrase.values[7]  # both amounts, each number marked
    assert entered.template == AMOUNT_CONVERTED
    assert entered.values == ("600.5", "lb", "272.38", "kg")
    assert [type(v) for v in entered.values] == [Number, str, Number, str]
    assert caught.value.message == ("Weight must be between 2 and 200 kg (4.41 to 440.92 lb); "
                                    "600.5 lb (272.38 kg) was entered.")
