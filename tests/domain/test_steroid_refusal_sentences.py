"""A corticosteroid dose refused (app.domain.dosing.check_corticosteroid_dose) as a Sentence
(app.domain.dose_sentences): its English is exactly what the concomitant page, the command
line and a refused save said before. The former code is kept below as the reference and
compared over every shipped plan's corticosteroid and pulse limits, for several weights and
doses below zero and above the maximum."""

from __future__ import annotations

import pytest

from app.catalog import protocol_catalog
from app.domain import dose_sentences
from app.domain.body import BodyMeasurements
from app.domain.dosing import check_corticosteroid_dose, compute_limit
from app.domain.errors import DoseAboveMaximumError, InputError
from app.domain.phrases import DrugName, Sentence
from app.domain.units import format_number

WEIGHTS = (3.2, 12.5, 20, 33.333, 48.75, 150)
DOSES = ("-1", "-0.5", "60.5", "61", "1000.25", "1e4")


def former_refusal(limit, daily_mg: str) -> str | None:
    """check_corticosteroid_dose's message as it was written before it was a Sentence."""
    dose = float(daily_mg)
    unit = f"{limit.unit}/day" if limit.per == "day" else limit.unit
    if dose < 0:
        return f"The {limit.drug} dose cannot be negative; {format_number(dose)} was entered."
    if dose > limit.max_amount:
        return (f"The {limit.drug} dose cannot be above this protocol's maximum of "
                f"{format_number(limit.max_amount)} {unit} for "
                f"{format_number(limit.weight_kg, 3)} kg; {format_number(dose)} {unit} was "
                "entered.")
    return None


def shipped_limits():
    for plan in protocol_catalog().protocols.values():
        for limit in plan.concomitant_limits:
            yield pytest.param(limit, id=f"{plan.id}-{limit.id}")


@pytest.mark.parametrize("limit", list(shipped_limits()))
def test_the_english_is_what_it_was(limit):
    refused = 0
    for weight in WEIGHTS:
        result = compute_limit(limit, BodyMeasurements(weight))
        for typed in DOSES:
            expected = former_refusal(result, typed)
            if expected is None:
                assert check_corticosteroid_dose(result, typed) == float(typed)
                continue
            with pytest.raises(InputError) as raised:
                check_corticosteroid_dose(result, typed)
            refused += 1
            assert isinstance(raised.value.message, Sentence)
            assert str(raised.value) == raised.value.message == expected
            assert isinstance(raised.value, DoseAboveMaximumError) == (float(typed) >= 0)
    assert refused >= len(WEIGHTS) * 2  # both refusals met for every weight


def test_the_drug_and_the_numbers_are_values():
    limit = next(lim for plan in protocol_catalog().protocols.values()
                 for lim in plan.concomitant_limits if lim.rule.per == "day")
    with pytest.raises(DoseAboveMaximumError) as raised:
        check_corticosteroid_dose(compute_limit(limit, BodyMeasurements(20.5)), "60.5")
    said = raised.value.message.phrase
    assert said.template == dose_sentences.STEROID_ABOVE_MAXIMUM
    assert isinstance(said.values[0], DrugName)
    assert [str(v) for v in said.values[1:]] == ["41", "mg/day", "20.5", "60.5"]
