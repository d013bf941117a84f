"""The last stored weight and height as a new enrollment or an arm switch offers them
(one rule for both)."""

from datetime import date

import pytest

from app.domain.measurements import offered_measurement

DAY = date(2026, 11, 2)


@pytest.mark.parametrize(("kg", "cm", "expected"), [
    (20.5, 115.25, ("20.5", "115.25", "2026-11-02")),  # as stored, no trailing zeros
    # kg to 3 places (20.12345 -> 20.123), cm to 2 (115.256 -> 115.26)
    (20.12345, 115.256, ("20.123", "115.26", "2026-11-02")),
    (20.0, None, ("20", "", "2026-11-02")),  # no height stored: the field stays empty
    (None, None, ("", "", "2026-11-02")),
    (0.0, 0.0, ("", "", "2026-11-02")),  # a zero is no measurement: nothing offered
])
def test_offered_measurement(kg, cm, expected):
    assert offered_measurement(kg, cm, DAY) == expected


# Mosteller: √(115 cm × 20 kg / 3600) = √0.638888… = 0.79930… m² (0.80 to 2 places);
# √(115.25 × 20.125 / 3600) = √(2319.40625 / 3600) = √0.644279… = 0.80267… m²
@pytest.mark.parametrize(("kg", "cm", "english", "numbers"), [
    (20, 115, "BSA 0.80 m² (Mosteller: √(115 cm × 20 kg / 3600) = 0.7993 m²)",
     ("0.80", "115", "20", "0.7993")),
    (20.125, 115.25, "BSA 0.80 m² (Mosteller: √(115.25 cm × 20.125 kg / 3600) = 0.8027 m²)",
     ("0.80", "115.25", "20.125", "0.8027")),
    (20, None, "BSA: needs height", ()),
])
def test_the_bsa_line_is_a_phrase_whose_english_is_unchanged(kg, cm, english, numbers):
    """A Phrase with its numbers marked (the interface writes them with its own decimal
    mark); its English byte for byte what the f-string wrote."""
    from app.domain.body import BodyMeasurements
    from app.domain.measurements import describe_bsa
    from app.domain.phrases import Number, Phrase

    line = describe_bsa(BodyMeasurements(kg, cm))
    assert isinstance(line, Phrase)
    assert str(line) == english
    assert line.values == numbers
    assert all(isinstance(value, Number) for value in line.values)
