"""A decimal comma (the French interface) is read only where it cannot be misread
(issue 21): parse_number takes the mark the interface accepts; English, the command line
and imports keep refusing the comma. Each case gives its reason."""

from __future__ import annotations

import pytest

from app.domain.errors import InputError
from app.domain.units import (
    AMBIGUOUS_COMMA,
    COMMA_REFUSED,
    MANY_COMMAS,
    MIXED_MARKS,
    NumberEntryError,
    parse_number,
)

READ_WITH_A_COMMA = [
    # (typed, value, reason)
    ("20,5", 20.5, "one comma, one digit after: only a decimal mark reads so"),
    (" 20,5 ", 20.5, "spaces around are ignored, as with a point"),
    ("0,125", 0.125, "three digits after, but 0 cannot start an English thousands group"),
    ("1234,567", 1234.567, "four digits before: an English group would be 1,234,567"),
    ("1,5000", 1.5, "four digits after: not a thousands group"),
    ("1,50", 1.5, "two digits after: not a thousands group"),
    (",5", 0.5, "nothing before the comma: as '.5' is 0.5"),
    ("20,", 20.0, "nothing after the comma: as '20.' is 20"),
    ("-2,5", -2.5, "a sign is kept (a range check refuses it later)"),
    ("20.5", 20.5, "a point stays accepted in French: the data standard's mark"),
    ("1.500", 1.5, "a point is always the decimal mark, as in English"),
    ("20", 20.0, "no mark at all"),
]


@pytest.mark.parametrize(("typed", "value", "reason"), READ_WITH_A_COMMA,
                         ids=[case[0] for case in READ_WITH_A_COMMA])
def test_a_comma_that_cannot_be_misread_is_a_decimal_mark(typed, value, reason):
    assert parse_number("weight_kg", typed, decimal_mark=",") == value, reason


REFUSED_WITH_A_COMMA = [
    # (typed, template, what the message says, reason)
    ("1,500", AMBIGUOUS_COMMA,
     'Weight: "1,500" could mean 1.5 or 1500 (a comma before three digits can separate '
     "thousands); write 1500 for the whole number, or 1.5 with a point for the decimal.",
     "1.5 kg or 1500 kg: a thousandfold apart"),
    ("12,125", AMBIGUOUS_COMMA, '"12,125" could mean 12.125 or 12125',
     "two digits then a group of three: 12.125 or 12125"),
    ("999,999", AMBIGUOUS_COMMA, '"999,999" could mean 999.999 or 999999',
     "the largest first group (three digits)"),
    ("-1,500", AMBIGUOUS_COMMA, '"-1,500" could mean -1.5 or -1500', "a sign changes nothing"),
    ("1.500,5", MIXED_MARKS, '"1.500,5" has both a point and a comma',
     "the point a thousands separator (German) or a decimal mark: cannot tell"),
    ("1,500.5", MIXED_MARKS, '"1,500.5" has both a point and a comma',
     "the comma an English thousands separator: refused, not guessed"),
    ("1,500,000", MANY_COMMAS, '"1,500,000" has more than one comma',
     "thousands groups: a decimal number has one mark"),
    ("2,5,", MANY_COMMAS, '"2,5," has more than one comma', "a stray second comma"),
]


@pytest.mark.parametrize(("typed", "template", "words", "reason"), REFUSED_WITH_A_COMMA,
                         ids=[case[0] for case in REFUSED_WITH_A_COMMA])
def test_a_comma_that_could_be_misread_is_refused_at_the_field(typed, template, words, reason):
    with pytest.raises(NumberEntryError) as info:
        parse_number("weight_kg", typed, decimal_mark=",")
    assert info.value.field == "weight_kg", reason
    assert info.value.template == template, reason
    assert words in info.value.message, reason
    assert info.value.values[:2] == ("Weight", typed)


@pytest.mark.parametrize("typed", ["20,5", "0,125", "1,500", ",5"])
def test_english_keeps_refusing_every_comma(typed):
    """The default (English, CLI, imports): a comma is never a decimal mark."""
    with pytest.raises(NumberEntryError) as info:
        parse_number("weight_kg", typed)
    assert info.value.template == COMMA_REFUSED
    assert info.value.message == (
        f'Weight must be a number written with a point for decimals (for example 20.5); '
        f'"{typed}" was entered.')


@pytest.mark.parametrize(("typed", "reason"), [
    ("abc", "words are not a number in any language"),
    (",", "a comma alone holds no digit"),
    ("nan", "not an ordinary number"),
])
def test_what_is_not_a_number_stays_refused_in_french(typed, reason):
    with pytest.raises(InputError):
        parse_number("weight_kg", typed, decimal_mark=",")


def test_only_a_point_or_a_comma_can_be_the_mark():
    with pytest.raises(ValueError, match="decimal_mark"):
        parse_number("weight_kg", "20", decimal_mark=";")
