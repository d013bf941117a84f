"""Is a weight, height or BMI plausible for this child's age and sex?

Reference: the CDC 2000 growth charts for the United States, LMS parameters by sex and
month of age — weight-for-age and stature-for-age 2 to 20 years (wtage, statage), BMI-for-
age 2 to 20 years (bmiagerev), and weight-for-age and length-for-age from birth to 2 years
(wtageinf, lenageinf). Kuczmarski RJ, Ogden CL, Guo SS, et al. 2000 CDC growth charts for
the United States: methods and development. Vital Health Stat 11. 2002;(246):1-190. The
table is shipped as ``resources/growth/cdc2000_lms.csv`` (see the SOURCE file beside it).

How far a value is from the median is the CDC's *modified z-score*, the measure CDC uses
to flag biologically implausible values in its SAS program for the 2000 growth charts:
half the distance from the median to the ±2 SD line is one unit, so the scale keeps
growing for extreme values where the ordinary LMS z-score flattens out (for BMI in
teenagers the LMS z-score can never reach +3, however large the BMI). A value more than
3 such units from the median is called implausible here and must be confirmed; the
ordinary LMS z-score (Cole TJ. Eur J Clin Nutr 1990;44:45-60) is given alongside.

A unit slip is suggested when reading the same number in the other unit (lb for kg, in
for cm, or metres for cm) lands clearly closer to the median: "440 — did you mean lb?".

Nothing here refuses a value: the hard limits stay in ``app.domain.units`` (2-200 kg,
45-220 cm); this module adds warnings that a person confirms.
"""

from __future__ import annotations

import csv
import math
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.domain.dates import age_in_months
from app.domain.phrases import Joined, Number, Phrase, joined, number, phrase
from app.domain.units import (
    CM_PER_INCH,
    HEIGHT_MAX_CM,
    HEIGHT_MIN_CM,
    KG_PER_LB,
    WEIGHT_MAX_KG,
    WEIGHT_MIN_KG,
)

SOURCE = ("CDC 2000 growth charts, LMS parameters (Kuczmarski RJ et al. Vital Health Stat 11. "
          "2002;(246)); distance from the median as CDC's modified z-score")
IMPLAUSIBLE_SD = 3.0
DAYS_PER_MONTH = 30.4375  # CDC's month: 365.25 / 12
CHILD_TABLE_FROM_MONTHS = 24.0  # under 2 years: the infant tables (weight, length)

WEIGHT, HEIGHT, BMI = "weight", "height", "bmi"
# The sentences this module writes, once, in English (as kept in a record's notes); the
# interface shows them translated (app/forms/terms.py lists SENTENCES). %1, %2…: values
# already formatted.
MEASURE_WORDS = {WEIGHT: "Weight", HEIGHT: "Height", BMI: "BMI"}
WHO_WORDS = {"male": "a boy", "female": "a girl", "": "a child"}
AGE_WORDS = {"years": "%1 y %2 m", "months": "%1 m", "days": "%1 d"}
FAR = {"above": ("%1 %2 is far above what is usual for %3 of %4 (median %5; about %6 SD "
                 "above it, CDC 2000). Check the value and its unit."),
       "below": ("%1 %2 is far below what is usual for %3 of %4 (median %5; about %6 SD "
                 "below it, CDC 2000). Check the value and its unit.")}
WITHIN = "%1 %2: within 3 SD for %3 of %4 (median %5, CDC 2000)."
MEANT_METRES = "Did you mean %1 metres? That is %2 cm: type %2 in cm."
MEANT_UNIT = "Did you mean %1 %2?"
MEANT_CONVERTED = "Did you mean %1 %2 (%3 %4)?"
STILL_FAR = "That too would be far from what is usual for this age."
SENTENCES = (*MEASURE_WORDS.values(), *WHO_WORDS.values(), *AGE_WORDS.values(),
             *FAR.values(), WITHIN, MEANT_METRES, MEANT_UNIT, MEANT_CONVERTED, STILL_FAR)
UNIT_WORDS = {WEIGHT: "kg", HEIGHT: "cm", BMI: "kg/m²"}
SEX_CODES = {"male": 1, "female": 2}


@dataclass(frozen=True)
class Lms:
    L: float  # noqa: N815 - the method's own letters
    M: float  # noqa: N815
    S: float  # noqa: N815

    def z_score(self, value: float) -> float:
        """Cole's LMS z-score: ((X/M)^L − 1) / (L·S), or ln(X/M)/S when L is 0."""
        if abs(self.L) < 1e-12:
            return math.log(value / self.M) / self.S
        return ((value / self.M) ** self.L - 1.0) / (self.L * self.S)

    def value_at(self, z: float) -> float:
        """The measurement at z SD: M·(1 + L·S·z)^(1/L)."""
        if abs(self.L) < 1e-12:
            return self.M * math.exp(self.S * z)
        return self.M * (1.0 + self.L * self.S * z) ** (1.0 / self.L)

    def modified_z(self, value: float) -> float:
        """CDC's modified z-score: (X − M) over half the distance from M to the +2 SD line
        (above the median) or to the −2 SD line (below it)."""
        if value >= self.M:
            return (value - self.M) / ((self.value_at(2.0) - self.M) / 2.0)
        return (value - self.M) / ((self.M - self.value_at(-2.0)) / 2.0)


@dataclass(frozen=True)
class GrowthReference:
    """LMS rows by (measure, sex code, table kind): ``infant`` or ``child``."""

    rows: dict[tuple[str, int, str], tuple[tuple[float, Lms], ...]]

    def lms(self, measure: str, sex_code: int, age_months: float) -> Lms | None:
        """LMS at ``age_months``, interpolated linearly between the table's months; None
        outside the table (BMI under 2 years, anything over 20 years)."""
        kind = "child" if age_months >= CHILD_TABLE_FROM_MONTHS else "infant"
        table = self.rows.get((measure, sex_code, kind))
        if not table or age_months < table[0][0] or age_months > table[-1][0]:
            return None
        months = [m for m, _lms in table]
        i = bisect_right(months, age_months) - 1
        if i >= len(table) - 1:
            return table[-1][1]
        (m0, a), (m1, b) = table[i], table[i + 1]
        t = (age_months - m0) / (m1 - m0)
        return Lms(a.L + t * (b.L - a.L), a.M + t * (b.M - a.M), a.S + t * (b.S - a.S))


_TABLE_KINDS = {"wtageinf": (WEIGHT, "infant"), "lenageinf": (HEIGHT, "infant"),
                "wtage": (WEIGHT, "child"), "statage": (HEIGHT, "child"),
                "bmiagerev": (BMI, "child")}


def read_reference(lines: Iterable[str]) -> GrowthReference:
    """Parse the shipped CSV (table, measure, sex, agemos, L, M, S)."""
    collected: dict[tuple[str, int, str], list[tuple[float, Lms]]] = {}
    for row in csv.DictReader(lines):
        measure, kind = _TABLE_KINDS[row["table"]]
        key = (measure, int(row["sex"]), kind)
        collected.setdefault(key, []).append(
            (float(row["agemos"]), Lms(float(row["L"]), float(row["M"]), float(row["S"]))))
    return GrowthReference({k: tuple(sorted(v, key=lambda r: r[0]))
                            for k, v in collected.items()})


def load_reference(path: Path) -> GrowthReference:
    with path.open(encoding="utf-8", newline="") as handle:
        return read_reference(handle)


# --------------------------------------------------------------------------- the check


@dataclass(frozen=True)
class GrowthSubject:
    """Who was measured: date of birth and sex as recorded on the patient."""

    date_of_birth: date | None
    sex: str  # "female" | "male" | "other" (other: judged against both references)


@dataclass(frozen=True)
class Finding:
    """One measure judged against the reference."""

    measure: str  # weight | height | bmi
    value: float  # kg, cm or kg/m²
    median: float
    sd_units: float  # CDC modified z-score (signed)
    z_score: float  # ordinary LMS z-score
    implausible: bool
    words: Phrase  # the finding in a sentence (str(): the English)

    @property
    def message(self) -> str:
        return str(self.words)


def age_months(born: date, on: date) -> float:
    return (on - born).days / DAYS_PER_MONTH


def _age_phrase(born: date, on: date) -> Phrase:
    """"11 y 2 m", "7 m", "12 d" (app.domain.dates.describe_age) as a phrase."""
    months = age_in_months(born, on)
    if months == 0:
        return phrase(AGE_WORDS["days"], str((on - born).days))
    years, rest = divmod(months, 12)
    if years == 0:
        return phrase(AGE_WORDS["months"], str(rest))
    return phrase(AGE_WORDS["years"], str(years), str(rest))


def _sex_codes(sex: str) -> tuple[int, ...]:
    code = SEX_CODES.get(sex)
    return (code,) if code else (1, 2)


def _judge(reference: GrowthReference, subject: GrowthSubject, on: date, measure: str,
           value: float) -> Finding | None:
    if subject.date_of_birth is None or on < subject.date_of_birth:
        return None
    months = age_months(subject.date_of_birth, on)
    judged = []
    for code in _sex_codes(subject.sex):
        lms = reference.lms(measure, code, months)
        if lms is not None:
            judged.append((abs(lms.modified_z(value)), lms))
    if not judged:
        return None
    # For "other / not stated" the reference that fits better decides (never a warning
    # that one of the two references would not give).
    _distance, lms = min(judged, key=lambda pair: pair[0])
    units = lms.modified_z(value)
    implausible = abs(units) > IMPLAUSIBLE_SD
    who = phrase(WHO_WORDS.get(subject.sex, WHO_WORDS[""]))
    age = _age_phrase(subject.date_of_birth, on)
    unit = UNIT_WORDS[measure]
    shown = joined(" ", [number(value, 1), unit])
    median = joined(" ", [number(lms.M, 1), unit])
    if implausible:
        message = phrase(FAR["above" if units > 0 else "below"], phrase(MEASURE_WORDS[measure]),
                         shown, who, age, median, Number(f"{abs(units):.1f}"))
    else:
        message = phrase(WITHIN, phrase(MEASURE_WORDS[measure]), shown, who, age, median)
    return Finding(measure, value, lms.M, units, lms.z_score(value), implausible, message)


def judge_measurements(reference: GrowthReference, subject: GrowthSubject, on: date,
                       weight_kg: float | None, height_cm: float | None) -> list[Finding]:
    """Weight, height and (with both) BMI judged for age and sex on the measurement day.
    Nothing is judged without a date of birth, before birth, or beyond the tables."""
    findings = []
    if weight_kg is not None:
        findings.append(_judge(reference, subject, on, WEIGHT, weight_kg))
    if height_cm is not None:
        findings.append(_judge(reference, subject, on, HEIGHT, height_cm))
    if weight_kg is not None and height_cm:
        findings.append(_judge(reference, subject, on, BMI, weight_kg / (height_cm / 100) ** 2))
    return [f for f in findings if f is not None]


def implausible_warnings(findings: Iterable[Finding]) -> dict[str, str]:
    """{"weight" | "height" | "bmi": message} for the values beyond ±3 SD."""
    return {f.measure: f.message for f in findings if f.implausible}


def implausible_phrases(findings: Iterable[Finding]) -> dict[str, Phrase]:
    """``implausible_warnings`` as phrases, for the interface to show in its language."""
    return {f.measure: f.words for f in findings if f.implausible}


# --------------------------------------------------------------------------- unit slips


def _distance(reference: GrowthReference, subject: GrowthSubject, on: date, measure: str,
              value: float) -> float | None:
    finding = _judge(reference, subject, on, measure, value)
    return None if finding is None else abs(finding.sd_units)


def unit_slip(reference: GrowthReference, subject: GrowthSubject, on: date, measure: str,
              typed: float, unit: str) -> str | None:
    """"Did you mean …?" when the number typed fits this child far better in another unit
    (or is out of the allowed range in this one and in range in the other)."""
    words = unit_slip_words(reference, subject, on, measure, typed, unit)
    return None if words is None else str(words)


def unit_slip_words(reference: GrowthReference, subject: GrowthSubject, on: date,
                    measure: str, typed: float, unit: str) -> Phrase | Joined | None:
    """``unit_slip`` as a phrase, for the interface to show in its language."""
    if measure == WEIGHT:
        readings = {"kg": typed, "lb": typed * KG_PER_LB}
        low, high, shown = WEIGHT_MIN_KG, WEIGHT_MAX_KG, "kg"
    else:
        readings = {"cm": typed, "in": typed * CM_PER_INCH, "m": typed * 100.0}
        low, high, shown = HEIGHT_MIN_CM, HEIGHT_MAX_CM, "cm"
    here = readings.get(unit)
    if here is None:
        return None
    here_in_range = low <= here <= high
    here_distance = _distance(reference, subject, on, measure, here) if here_in_range else None
    best: tuple[float, str, float] | None = None
    for other, value in readings.items():
        if other == unit or not low <= value <= high:
            continue
        distance = _distance(reference, subject, on, measure, value)
        if distance is None:
            continue
        # Only a clear improvement: the other reading within 3 SD while this one is not
        # (or this one is out of range altogether).
        if here_in_range and (here_distance is None or here_distance <= IMPLAUSIBLE_SD
                              or distance > IMPLAUSIBLE_SD):
            continue
        if best is None or distance < best[0]:
            best = (distance, other, value)
    if best is None:
        return None
    distance, other, value = best
    if other == "m":
        question = phrase(MEANT_METRES, number(typed), number(value, 1))
    elif other == shown:
        question = phrase(MEANT_UNIT, number(typed), other)
    else:
        question = phrase(MEANT_CONVERTED, number(typed), other,
                          number(value, 1), shown)
    if distance > IMPLAUSIBLE_SD:
        return joined(" ", [question, phrase(STILL_FAR)])
    return question
