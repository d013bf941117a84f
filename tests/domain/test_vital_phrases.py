"""The medications section's vital-sign messages (app.domain.instruments.medications.
validate_vital) are Phrases (issue 21, one mechanism for domain sentences): the English is
byte-identical to what the domain wrote before (worked out by hand below), the template is
one of the module's VITAL_SENTENCES, and the numbers are marked (Number) so that the
interface may show its own decimal mark."""

from __future__ import annotations

import pytest

from app.domain.instruments.medications import VITAL_SENTENCES, validate_vital
from app.domain.phrases import Label, Number, Phrase


@pytest.mark.parametrize(("item", "text", "unit", "english"), [
    # 120.5 is not a whole number; the range 50-250 mmHg ("{lo:g}" writes 50, not 50.0)
    ("bp_systolic", "120.5", None,
     'Systolic blood pressure must be a whole number from 50 to 250 mmHg; "120.5" was '
     'entered.'),
    ("bp_diastolic", "10", None,
     'Diastolic blood pressure must be a whole number from 20 to 150 mmHg; "10" was '
     'entered.'),
    # creatinine in mg/dL: 0.05 to 25 (µmol/L: 5 to 2000)
    ("creatinine", "50", "mg/dL",
     'Creatinine must be a number from 0.05 to 25 mg/dL; "50" was entered.'),
    ("creatinine", "1", None,
     'Creatinine must be a number from 5 to 2000 µmol/L; "1" was entered.'),
    ("weight_kg", "3", "stone", "Weight is entered in kg or lb, not stone."),
    ("height_cm", "120", "mg/dL", "Height is entered in cm or in, not mg/dL."),
])
def test_vital_messages_are_phrases_with_the_same_english(item, text, unit, english):
    message = validate_vital(item, text, unit)
    assert isinstance(message, Phrase)
    assert str(message) == english
    assert message.template in VITAL_SENTENCES


def test_the_numbers_and_the_label_are_marked():
    message = validate_vital("creatinine", "50", "mg/dL")
    assert [type(v) for v in message.values[:2]] == [Number, Number]
    assert message.values[:2] == ("0.05", "25")
    label = validate_vital("bp_systolic", "300").values[0]
    assert isinstance(label, Label) and label == "Systolic blood pressure"

