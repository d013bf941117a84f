"""Every dose and concomitant maximum of the shipped plans for a spread of children, with
the derivation and warnings the dose engine writes (English, as stored and printed), and
what the check of a final dose and the dose's headline say.

``dose_derivations_en.json`` beside the tests holds these texts as the engine wrote them
before its sentences became templates; test_dose_phrases checks they are unchanged."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.domain.age import age_on
from app.domain.body import BodyMeasurements
from app.domain.dosing import (
    check_final_dose,
    compute_concomitant_limits,
    compute_dose,
    dose_headline,
)
from app.domain.errors import InputError
from app.domain.protocol import load_protocol

PLANS = Path(__file__).resolve().parents[2] / "resources" / "protocols"
GOLDEN = Path(__file__).resolve().parent / "data" / "dose_derivations_en.json"
MEASURED = date(2026, 11, 2)
BODIES = ((8, 70), (20, 115), (35.5, 140.2), (60, 165), (150, 190))
BORN = (None, date(2022, 12, 1), date(2016, 5, 4))  # age unknown, 3 and 10 years


def cases():
    """(case id, computed result) for every plan, arm dose and concomitant limit."""
    for path in sorted(PLANS.glob("*.toml")):
        protocol = load_protocol(path)
        for weight, height in BODIES:
            body = BodyMeasurements(weight, height, MEASURED)
            for arm in protocol.arms:
                for number, rule in enumerate(arm.doses):
                    # the age matters only to a drug labelled from an age
                    for born in BORN if rule.labelled_age is not None else BORN[:1]:
                        case = (f"{protocol.id}/{arm.id}/{number}:{rule.drug}/{weight}kg/"
                                f"{height}cm/born {born}")
                        try:
                            yield case, compute_dose(rule, body, age_on(born, MEASURED))
                        except InputError as error:  # no dose band for this weight
                            yield case, error
            for limit in compute_concomitant_limits(protocol, body):
                yield f"{protocol.id}/limit {limit.limit_id}/{weight}kg/{height}cm", limit


def final_checks(result) -> list[str]:  # noqa: ANN001 - a DoseResult
    """What the check of a clinician's final dose says for zero, the computed amount, a
    tenth below and above it, and just above the maximum."""
    top = result.range_max if result.range_max is not None else result.cap
    said = []
    for final in (0, result.amount, result.amount * 0.9, result.amount * 1.1,
                  *((top + 1,) if top is not None else ())):
        try:
            said.append(check_final_dose(result, final).message)
        except InputError as error:
            said.append(f"refused: {error}")
    return said


def texts() -> dict[str, dict[str, object]]:
    return {case: ({"error": str(r)} if isinstance(r, InputError) else
                   {"derivation": r.derivation, "warnings": list(r.warnings),
                    "final dose": final_checks(r),
                    # as computed, and with a final amount typed (a tenth more)
                    "headline": [str(dose_headline(r, r.amount, True)),
                                 str(dose_headline(r, r.amount * 1.1, False))]})
            for case, r in cases()}
