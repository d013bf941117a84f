"""Plausible body measures for age and sex (issue 20.5), CDC 2000 LMS reference.

The rows used below are copied from the CDC files (wtage.csv, statage.csv) so the
arithmetic can be followed by hand; the test also checks that the shipped table has them.
"""

from __future__ import annotations

import math
from datetime import date

import pytest

from app.catalog import growth_reference
from app.domain.growth import (
    BMI,
    HEIGHT,
    WEIGHT,
    GrowthSubject,
    Lms,
    age_months,
    implausible_warnings,
    judge_measurements,
    unit_slip,
)

# CDC wtage.csv, Sex 1, Agemos 24 and 24.5; statage.csv, Sex 1, Agemos 24.
WT_BOY_24 = Lms(-0.20615245, 12.6707633, 0.108125811)
WT_BOY_24_5 = Lms(-0.216501213, 12.74154396, 0.108166006)
HT_BOY_24 = Lms(0.941523967, 86.45220101, 0.040321528)

BOY_11 = GrowthSubject(date(2015, 1, 10), "male")
MEASURED = date(2026, 3, 14)  # 11 y 2 m


@pytest.fixture(scope="module")
def reference():
    return growth_reference()


def test_shipped_table_holds_the_cdc_rows(reference):
    assert reference.lms(WEIGHT, 1, 24.0) == WT_BOY_24
    assert reference.lms(WEIGHT, 1, 24.5) == WT_BOY_24_5
    assert reference.lms(HEIGHT, 1, 24.0) == HT_BOY_24
    # wtageinf.csv, Sex 1, Agemos 0 (birth): M = 3.530203168 kg.
    assert reference.lms(WEIGHT, 1, 0.0).M == pytest.approx(3.530203168)
    assert reference.lms(BMI, 2, 12.0) is None  # no BMI reference under 2 years
    assert reference.lms(WEIGHT, 2, 241.0) is None  # nor over 20 years


def test_interpolation_between_months(reference):
    # Halfway between Agemos 24 and 24.5: the mean of the two rows.
    mid = reference.lms(WEIGHT, 1, 24.25)
    assert mid.M == pytest.approx((12.6707633 + 12.74154396) / 2)
    assert mid.L == pytest.approx((-0.20615245 + -0.216501213) / 2)


def test_lms_z_score_by_hand():
    # X = 15 kg at 24 months: ((15 / 12.6707633) ** -0.20615245 - 1) / (-0.20615245 * 0.108125811)
    #   = (0.965808 - 1) / -0.0222904 = 1.5339
    assert WT_BOY_24.z_score(15.0) == pytest.approx(1.5339, abs=1e-4)
    assert WT_BOY_24.z_score(WT_BOY_24.M) == pytest.approx(0.0)


def test_modified_z_score_by_hand():
    # +2 SD line: M * (1 + L*S*2) ** (1/L) = 12.6707633 * (1 - 0.0445808) ** (-4.850779)
    #   = 12.6707633 * 1.247600 = 15.8080
    plus2 = 12.6707633 * (1 + 2 * -0.20615245 * 0.108125811) ** (1 / -0.20615245)
    assert plus2 == pytest.approx(15.8080, abs=1e-3)
    # X = 20 kg: (20 - M) / ((plus2 - M) / 2) = 7.3292 / 1.5686 = 4.672
    assert WT_BOY_24.modified_z(20.0) == pytest.approx((20 - 12.6707633) / ((plus2 - 12.6707633)
                                                                             / 2))
    assert WT_BOY_24.modified_z(20.0) == pytest.approx(4.672, abs=1e-3)
    minus2 = 12.6707633 * (1 - 2 * -0.20615245 * 0.108125811) ** (1 / -0.20615245)
    # X = 8 kg, below the median: (8 - M) / ((M - minus2) / 2)
    assert WT_BOY_24.modified_z(8.0) == pytest.approx((8 - 12.6707633) / ((12.6707633 - minus2)
                                                                            / 2))


def test_age_in_cdc_months():
    # 745 days / 30.4375 = 24.476 months
    assert age_months(date(2020, 1, 1), date(2022, 1, 15)) == pytest.approx(745 / 30.4375)


def test_issue_example_440_lb_boy_of_11_is_implausible(reference):
    # 440 lb × 0.45359237 = 199.58 kg; 140 cm → BMI 199.58 / 1.4² = 101.8 kg/m².
    kg = 440 * 0.45359237
    findings = {f.measure: f for f in judge_measurements(reference, BOY_11, MEASURED, kg, 140.0)}
    assert findings[WEIGHT].implausible and findings[WEIGHT].sd_units > 3
    assert findings[BMI].implausible and findings[BMI].value == pytest.approx(kg / 1.96)
    assert not findings[HEIGHT].implausible  # 140 cm is ordinary at 11
    assert -1 < findings[HEIGHT].sd_units < 1
    warnings = implausible_warnings(findings.values())
    assert set(warnings) == {WEIGHT, BMI}
    assert warnings[WEIGHT].startswith("Weight 199.6 kg is far above what is usual for a boy "
                                       "of 11 y 2 m (median ")
    assert "Check the value and its unit." in warnings[WEIGHT]


@pytest.mark.parametrize(("kg", "cm", "flagged"), [
    (36.0, 143.0, set()),  # near the medians at 11 y 2 m
    (90.0, 143.0, {WEIGHT, BMI}),  # weight about +4.7, BMI 44 about +6 (modified z)
    (36.0, 110.0, {HEIGHT}),  # 110 cm is about 5 SD short; BMI 29.8 stays within 3
    (14.0, 143.0, {WEIGHT, BMI}),
])
def test_three_sd_either_way(reference, kg, cm, flagged):
    found = judge_measurements(reference, BOY_11, MEASURED, kg, cm)
    assert set(implausible_warnings(found)) == flagged


def test_bmi_of_a_teenage_girl_can_be_flagged(reference):
    # bmiagerev for girls near 20 y has L·S ≈ -0.36: the LMS z-score can never pass
    # -1/(L·S) ≈ 2.8, so a BMI of 80 would pass on z alone. The modified score flags it.
    girl = GrowthSubject(date(2007, 1, 1), "female")
    found = {f.measure: f for f in judge_measurements(reference, girl, date(2026, 6, 1),
                                                      80.0 * 1.6 ** 2, 160.0)}
    assert found[BMI].z_score < 3
    assert found[BMI].implausible


def test_nothing_judged_without_a_birth_date_or_before_birth(reference):
    assert judge_measurements(reference, GrowthSubject(None, "male"), MEASURED, 500, 300) == []
    assert judge_measurements(reference, BOY_11, date(2014, 1, 1), 5, 50) == []


def test_sex_not_stated_uses_the_reference_that_fits_better(reference):
    other = GrowthSubject(BOY_11.date_of_birth, "other")
    found = judge_measurements(reference, other, MEASURED, 36.0, 143.0)
    assert implausible_warnings(found) == {}
    assert "for a child of 11 y 2 m" in found[0].message


@pytest.mark.parametrize(("measure", "typed", "unit", "words"), [
    # 440 kg is out of range; 440 lb = 199.6 kg is in range (still far above usual).
    (WEIGHT, 440, "kg", "Did you mean 440 lb (199.6 kg)? That too would be far from what "
                        "is usual for this age."),
    # 30 lb = 13.6 kg, far below usual at 11; 30 kg would be ordinary.
    (WEIGHT, 30, "lb", "Did you mean 30 kg?"),
    # 55 cm at 11 years, but 55 in = 139.7 cm.
    (HEIGHT, 55, "cm", "Did you mean 55 in (139.7 cm)?"),
    # 140 in = 355.6 cm is out of range; 140 cm is ordinary.
    (HEIGHT, 140, "in", "Did you mean 140 cm?"),
    # 1.4 typed as cm: metres.
    (HEIGHT, 1.4, "cm", "Did you mean 1.4 metres? That is 140 cm: type 140 in cm."),
])
def test_unit_slips_are_suggested(reference, measure, typed, unit, words):
    assert unit_slip(reference, BOY_11, MEASURED, measure, typed, unit) == words


@pytest.mark.parametrize(("measure", "typed", "unit"), [
    (WEIGHT, 36, "kg"), (WEIGHT, 80, "lb"), (HEIGHT, 143, "cm"), (HEIGHT, 56, "in"),
])
def test_no_suggestion_for_plausible_values(reference, measure, typed, unit):
    assert unit_slip(reference, BOY_11, MEASURED, measure, typed, unit) is None


def test_lms_round_trip():
    for z in (-3, -1, 0, 1.5, 3):
        assert WT_BOY_24.z_score(WT_BOY_24.value_at(z)) == pytest.approx(z)
    assert math.isclose(HT_BOY_24.value_at(0), HT_BOY_24.M)


def test_the_sentences_are_phrases_a_translation_fills_with_the_same_values(reference):
    """440 lb typed as kg for a boy of 11 y 2 m: a translation replaces each template
    (the measure, the child, the age, the hint) and keeps the numbers exactly."""
    from app.domain import growth
    from app.domain.growth import unit_slip_words

    words = {"Weight": "Poids", "a boy": "un garçon", "%1 y %2 m": "%1 a %2 m",
             growth.FAR["above"]: "%1 %2 : loin au-dessus pour %3 de %4 (médiane %5; %6 ET)",
             growth.MEANT_CONVERTED: "Vouliez-vous dire %1 %2 (%3 %4)?",
             growth.STILL_FAR: "Ce serait aussi loin de l'habituel."}
    found = judge_measurements(reference, BOY_11, MEASURED, 440 * 0.45359237, None)
    weight = found[0]
    assert weight.message.startswith("Weight 199.6 kg is far above what is usual for a boy "
                                     "of 11 y 2 m (median ")
    median = f"{weight.median:.1f}"
    french = weight.words.words(lambda t: words.get(t, t))
    assert french == (f"Poids 199.6 kg : loin au-dessus pour un garçon de 11 a 2 m (médiane "
                      f"{median} kg; {abs(weight.sd_units):.1f} ET)")
    hint = unit_slip_words(reference, BOY_11, MEASURED, WEIGHT, 440, "kg")
    assert hint.words(lambda t: words.get(t, t)) == (
        "Vouliez-vous dire 440 lb (199.6 kg)? Ce serait aussi loin de l'habituel.")
