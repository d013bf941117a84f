"""Body measurements used for dosing, and body surface area.

Clinical rules §4: BSA by Mosteller, √(height cm × weight kg / 3600), recorded with every
dose; height is needed only for BSA-based rules; a weight older than a configurable age
(default 30 days) triggers a warning to re-measure.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from app.domain.dates import format_date
from app.domain.errors import InputError
from app.domain.phrases import Number, Phrase, joined, number, phrase, sentence
from app.domain.units import (
    height_cm_from_inches,
    validate_height_cm,
    validate_weight_kg,
    weight_kg_from_lb,
)

# The measurements as a dose derivation says them (translated in the interface:
# app/forms/terms.py).
WEIGHT = "weight %1 kg"
HEIGHT = "height %1 cm"
MEASURED = "%1 (measured %2)"
NOT_DATED = "%1 (measurement date not recorded)"
BSA_FORMULA = "Mosteller: √(height cm × weight kg / 3600)"
# The BSA line beside the measurements (app.domain.measurements.describe_bsa)
BSA_LINE = "BSA %1 m² (Mosteller: √(%2 cm × %3 kg / 3600) = %4 m²)"
BSA_NEEDS_HEIGHT = "BSA: needs height"
SENTENCES = (WEIGHT, HEIGHT, MEASURED, NOT_DATED, BSA_FORMULA, BSA_LINE, BSA_NEEDS_HEIGHT)
BSA_SOURCE = "Mosteller RD. N Engl J Med 1987;317:1098 (clinical rules §4)"
DEFAULT_MAX_MEASUREMENT_AGE_DAYS = 30
# A weight's date judged (app/forms/terms.py lists them in "Date check"): days Numbers,
# dates as format_date writes them (the interface shows them in its language).
WEIGHT_UNDATED = "The date this weight was measured is not recorded. Re-measure before dosing."
WEIGHT_AFTER_TODAY = ("The weight is dated %1, which is after today (%2). Check the date or "
                      "re-measure before dosing.")
WEIGHT_TOO_OLD = ("This weight was measured %1 days ago (on %2); weights older than %3 days "
                  "should be re-measured before dosing.")
WEIGHT_DATE_SENTENCES = (WEIGHT_UNDATED, WEIGHT_AFTER_TODAY, WEIGHT_TOO_OLD)


def mosteller_bsa(weight_kg: float, height_cm: float) -> float:
    """Body surface area in m², unrounded: √(height cm × weight kg / 3600).

    Source: clinical rules §4 (Mosteller). Inputs are validated first so that a bad value
    is reported rather than turned into a plausible-looking area.
    """
    weight = validate_weight_kg(weight_kg)
    height = validate_height_cm(height_cm)
    return math.sqrt(height * weight / 3600.0)


@dataclass(frozen=True)
class BodyMeasurements:
    """Weight (kg), optional height (cm) and the date they were measured.

    Construction validates the values (2-200 kg, 45-220 cm); nothing is clamped.
    """

    weight_kg: float
    height_cm: float | None = None
    measured_on: date | None = None

    def __post_init__(self) -> None:
        # Frozen dataclass: store the validated float (e.g. "20" or 20 become 20.0).
        object.__setattr__(self, "weight_kg", validate_weight_kg(self.weight_kg))
        if self.height_cm is not None:
            object.__setattr__(self, "height_cm", validate_height_cm(self.height_cm))
        if self.measured_on is not None and not isinstance(self.measured_on, date):
            raise InputError("measured_on", "The measurement date must be a calendar date.")

    @classmethod
    def from_imperial(
        cls,
        weight_lb: object,
        height_in: object | None = None,
        measured_on: date | None = None,
    ) -> BodyMeasurements:
        """Build from pounds and inches (exact factors 0.45359237 and 2.54)."""
        weight = weight_kg_from_lb(weight_lb)
        height = None if height_in is None else height_cm_from_inches(height_in)
        return cls(weight_kg=weight, height_cm=height, measured_on=measured_on)

    @property
    def bsa_m2(self) -> float | None:
        """Mosteller BSA in m² (unrounded), or None when height was not given."""
        if self.height_cm is None:
            return None
        return math.sqrt(self.height_cm * self.weight_kg / 3600.0)

    def describe(self) -> str:
        """Inputs in words for a derivation, e.g. "weight 20 kg, height 115 cm (measured …)"."""
        return str(self.describe_phrase())

    def describe_phrase(self) -> Phrase:
        parts = [phrase(WEIGHT, number(self.weight_kg, 3))]
        if self.height_cm is not None:
            parts.append(phrase(HEIGHT, number(self.height_cm, 2)))
        if self.measured_on is not None:
            return phrase(MEASURED, joined(", ", parts), format_date(self.measured_on))
        return phrase(NOT_DATED, joined(", ", parts))


def measurement_age_warning(
    measured_on: date | None,
    today: date,
    max_age_days: int = DEFAULT_MAX_MEASUREMENT_AGE_DAYS,
) -> str | None:
    """A re-measure warning when the weight is older than ``max_age_days``, else None.

    Source: clinical rules §4 (default 30 days, configurable). Exactly ``max_age_days``
    old is still acceptable; one day more is not. An unknown or future date also warns,
    because the age of the weight then cannot be trusted.
    """
    if measured_on is None:
        return sentence(WEIGHT_UNDATED)
    age = (today - measured_on).days
    if age < 0:
        return sentence(WEIGHT_AFTER_TODAY, format_date(measured_on), format_date(today))
    if age > max_age_days:
        return sentence(WEIGHT_TOO_OLD, Number(str(age)), format_date(measured_on),
                        Number(str(max_age_days)))
    return None
