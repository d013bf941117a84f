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
