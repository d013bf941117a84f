"""Below-detection laboratory results (issue 20.11): stored as reported, used explicitly."""

from decimal import Decimal

import pytest

from app.domain.lab_values import (
    LabValue,
    LabValueError,
    Qualifier,
    from_stored,
    parse_lab_value,
)


@pytest.mark.parametrize(("typed", "value", "qualifier", "shown"), [
    ("42", "42", Qualifier.EXACT, "42"),
    ("0.5", "0.5", Qualifier.EXACT, "0.5"),
    ("<5", "5", Qualifier.BELOW, "<5"),
    ("< 5", "5", Qualifier.BELOW, "<5"),
    ("≤0.5", "0.5", Qualifier.BELOW, "<0.5"),
    (">3000", "3000", Qualifier.ABOVE, ">3000"),
    (">=3,000", "3000", Qualifier.ABOVE, ">3000"),
])
def test_typed_results(typed, value, qualifier, shown):
    lab = parse_lab_value(typed)
    assert lab == LabValue(Decimal(value), qualifier)
    assert lab.describe() == shown
    assert from_stored(lab.stored()) == lab  # the stored form keeps both parts


@pytest.mark.parametrize("typed", ["five", "<", "5-10", "-3", "<<5", "1,5"])
def test_not_a_result(typed):
    with pytest.raises(LabValueError) as raised:
        parse_lab_value(typed)
    assert "<5" in raised.value.message  # the message shows how to write one


def test_empty_is_not_entered():
    assert parse_lab_value("") is None and parse_lab_value("  ") is None


def test_below_detection_is_an_interval_not_a_number():
    below = parse_lab_value("<5")
    assert below.bounds() == (Decimal(0), Decimal(5), False)
    # CK "<5" with an upper limit of normal of 200: certainly below it.
    assert below.known_below(Decimal(200)) is True
    assert below.known_below(Decimal(5)) is True  # "<5" is below 5
    # Against a threshold of 3 the report cannot say: the score must not guess.
    assert below.known_below(Decimal(3)) is None
    assert below.known_above(Decimal(3)) is None
    assert below.known_above(Decimal(5)) is False


def test_above_range():
    above = parse_lab_value(">3000")
    assert above.known_above(Decimal(3000)) is True
    assert above.known_above(Decimal(2000)) is True
    assert above.known_above(Decimal(4000)) is None
    assert above.known_below(Decimal(3000)) is False


def test_exact_values_answer_plainly():
    exact = parse_lab_value("42")
    assert exact.known_below(Decimal(42)) is False
    assert exact.known_below(Decimal(43)) is True
    assert exact.known_above(Decimal(41)) is True
    assert exact.known_above(Decimal(42)) is False
