"""The dose engine against the shipped persistent-skin-rash protocol (seed 000, Table 2).

Every expected value below was worked out by hand from the rule in the comment; none is
produced by the code under test. Shipped rounding (provisional data): IVIG nearest 0.1 g,
mycophenolate nearest 1 mg, cyclosporine up to 1 mg, limits down to 0.1 mg (prednisone)
and 1 mg (methylprednisolone).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.body import BodyMeasurements
from app.domain.dosing import (
    DOSE_DICT_KEYS,
    DoseResult,
    LimitResult,
    check_corticosteroid_dose,
    check_final_dose,
    compute_arm_doses,
    compute_concomitant_limits,
    compute_dose,
)
from app.domain.errors import (
    DoseAboveMaximumError,
    InputError,
    MissingMeasurementError,
    UnknownArmError,
)
from app.domain.protocol import (
    Band,
    DoseRule,
    Protocol,
    Rounding,
    RoundingMode,
    RuleKind,
    RuleStatus,
    load_protocol,
)

SHIPPED = (
    Path(__file__).resolve().parents[2] / "resources" / "protocols" / "persistent-skin-rash.toml"
)


@pytest.fixture(scope="module")
def protocol() -> Protocol:
    return load_protocol(SHIPPED)


def only(results: list[DoseResult]) -> DoseResult:
    assert len(results) == 1
    return results[0]


# --------------------------------------------------------------------------- arm A: IVIG
# 2 g/kg per dose, maximum 70 g. capped means the cap changed the amount (raw > cap): a
# dose exactly equal to the cap is given as computed and is NOT capped (issue 18).
@pytest.mark.parametrize(
    ("weight", "calculated", "amount", "capped"),
    [
        (20, 40.0, 40.0, False),  # 2 × 20 = 40 g
        (34.9, 69.8, 69.8, False),  # 2 × 34.9 = 69.8 g
        (34.96, 69.92, 69.9, False),  # 2 × 34.96 = 69.92 → nearest 0.1 g = 69.9
        (34.99, 69.98, 70.0, False),  # 2 × 34.99 = 69.98 → nearest 0.1 g = 70.0 (= cap, not above)
        (35, 70.0, 70.0, False),  # 2 × 35 = 70 g = cap exactly: the cap changed nothing
        (35.01, 70.02, 70.0, True),  # 2 × 35.01 = 70.02 g > 70 → 70 g (the cap applied)
        (50, 100.0, 70.0, True),  # 2 × 50 = 100 g > 70 → 70 g
        (2, 4.0, 4.0, False),  # 2 × 2 = 4 g (lowest accepted weight)
    ],
)
def test_ivig_dose(protocol, weight, calculated, amount, capped):
    result = only(compute_arm_doses(protocol, "A", BodyMeasurements(weight)))
    assert result.drug == "ivig"
    assert result.calculated == pytest.approx(calculated, abs=1e-9)
    assert result.amount == pytest.approx(amount, abs=1e-9)
    assert result.amount <= 70.0
    assert result.capped is capped
    assert result.cap == 70.0
    assert (result.unit, result.per, result.route) == ("g", "dose", "IV")
    assert result.frequency == "every 2 weeks × 3, then monthly"
    assert result.status is RuleStatus.SEED
    assert "Table 2" in result.source
    assert result.bsa_m2 is None and result.height_cm is None


def test_ivig_derivation_shows_every_step(protocol):
    body = BodyMeasurements(50, measured_on=date(2026, 1, 5))
    text = only(compute_arm_doses(protocol, "a", body)).derivation
    assert "2 g/kg × 50 kg = 100 g" in text
    assert "above the maximum of 70 g, so the maximum 70 g applies" in text
    assert "Dose: 70 g (every 2 weeks × 3, then monthly, IV)" in text
    assert "weight 50 kg" in text and "measured 05 Jan 2026" in text
    assert "Source: Huber et al. J Rheumatol 2017;44:110-16, Table 2" in text


def test_ivig_exact_cap_is_not_reported_as_capped(protocol):
    # 2 g/kg × 35 kg = 70 g, equal to the 70 g maximum: given as computed, not "capped".
    result = only(compute_arm_doses(protocol, "A", BodyMeasurements(35)))
    assert result.capped is False
    assert ("2 g/kg × 35 kg = 70 g; equal to the maximum of 70 g, not above it (the maximum "
            "did not change the dose)") in result.derivation
    assert "applies" not in result.derivation


def test_ivig_below_cap_says_not_reached(protocol):
    text = only(compute_arm_doses(protocol, "A", BodyMeasurements(20))).derivation
    assert "maximum 70 g not reached" in text


# --------------------------------------------------------------------------- arm B: MMF
# greater of 10 mg/kg/dose and 600 mg/m²/dose, twice daily, maximum 1500 mg per dose.
@pytest.mark.parametrize(
    ("weight", "height", "calculated", "amount", "capped"),
    [
        # BSA √(115×20/3600) = √0.638889 = 0.799305; 600 × 0.799305 = 479.583 > 10 × 20 = 200
        (20, 115, 479.5831523, 480.0, False),
        # BSA √(180×80/3600) = √4 = 2; 600 × 2 = 1200 > 10 × 80 = 800
        (80, 180, 1200.0, 1200.0, False),
        # BSA √(200×100/3600) = √5.5556 = 2.357023; 600 × 2.357023 = 1414.214 > 1000
        (100, 200, 1414.2135624, 1414.0, False),
        # BSA √(200×150/3600) = √8.3333 = 2.886751; 600 × 2.886751 = 1732.051 > 1500 → cap
        (150, 200, 1732.0508076, 1500.0, True),
        # weight (60 kg) > height (50 cm): BSA √(50×60/3600) = 0.912871; 600 × 0.912871 =
        # 547.72 < 10 × 60 = 600 → the per-kg rule wins (clinical rules §4)
        (60, 50, 600.0, 600.0, False),
    ],
)
def test_mycophenolate_dose(protocol, weight, height, calculated, amount, capped):
    result = only(compute_arm_doses(protocol, "B", BodyMeasurements(weight, height)))
    assert result.drug == "mycophenolate mofetil"
    assert result.calculated == pytest.approx(calculated, abs=1e-6)
    assert result.amount == pytest.approx(amount, abs=1e-9)
    assert result.capped is capped
    assert result.cap == 1500.0
    assert (result.unit, result.per, result.frequency, result.route) == (
        "mg",
        "dose",
        "twice daily",
        "oral",
    )


def test_mycophenolate_derivation(protocol):
    result = only(compute_arm_doses(protocol, "B", BodyMeasurements(20, 115, date(2026, 1, 5))))
    text = result.derivation
    assert "greater of (10 mg/kg × 20 kg = 200 mg; 600 mg/m² × 0.7993 m² = 479.58 mg)" in text
    assert "= 479.58 mg; maximum 1500 mg not reached" in text
    assert "rounded to the nearest 1 mg: 480 mg (provisional rounding)" in text
    assert "Dose: 480 mg (twice daily, oral)" in text
    assert "BSA 0.7993 m² = √(115 cm × 20 kg / 3600)" in text
    assert "Mosteller" in text
    assert result.bsa_m2 == pytest.approx(0.7993052538, abs=1e-9)
    assert result.height_cm == 115.0


def test_mycophenolate_without_height_asks_for_height(protocol):
    with pytest.raises(MissingMeasurementError) as info:
        compute_arm_doses(protocol, "B", BodyMeasurements(20))
    assert isinstance(info.value, InputError)
    assert info.value.field == "height_cm"
    assert "Height is needed to work out the mycophenolate mofetil dose" in info.value.message
    assert "body surface area" in info.value.message


def test_mycophenolate_from_imperial_inputs(protocol):
    # 44 lb = 19.95806428 kg; 45.28 in = 115.0112 cm.
    # BSA = √(115.0112 × 19.95806428 / 3600) = √(2295.4009 / 3600) = √0.6376114 = 0.7985058
    # 600 × 0.7985058 = 479.1035 mg > 10 × 19.958 = 199.58 mg → nearest 1 mg = 479 mg
    body = BodyMeasurements.from_imperial(44, 45.28)
    result = only(compute_arm_doses(protocol, "B", body))
    assert result.calculated == pytest.approx(479.1035, abs=1e-3)
    assert result.amount == 479.0


# --------------------------------------------------------------------------- arm C
@pytest.mark.parametrize(
    ("weight", "calculated", "amount"),
    [
        (20, 60.0, 60.0),  # 3 mg/kg/day × 20 kg = 60 mg/day
        (19.95806428, 59.87419284, 60.0),  # 3 × 19.958 = 59.874 → up to 60 (never below minimum)
        (33.35, 100.05, 101.0),  # 3 × 33.35 = 100.05 → up to 101
        (50, 150.0, 150.0),  # 3 × 50 = 150, no cap
    ],
)
def test_cyclosporine_is_at_least_3_mg_per_kg_per_day(protocol, weight, calculated, amount):
    result = only(compute_arm_doses(protocol, "C", BodyMeasurements(weight)))
    assert result.drug == "cyclosporine"
    assert result.calculated == pytest.approx(calculated, abs=1e-6)
    assert result.amount == pytest.approx(amount, abs=1e-9)
    assert result.amount >= result.calculated
    assert result.at_least is True
    assert result.minimum == pytest.approx(calculated, abs=1e-6)  # a final dose below it is flagged
    assert result.cap is None and result.capped is False
    assert (result.unit, result.per, result.route) == ("mg", "day", "oral")
    assert "at least 3 mg/kg/day × " in result.derivation
    assert "higher doses are at the provider's discretion" in result.derivation
    assert result.status is RuleStatus.PROVISIONAL  # '/day' is a reading of Table 2


def test_arm_ids_are_case_insensitive(protocol):
    assert only(compute_arm_doses(protocol, " b ", BodyMeasurements(80, 180))).amount == 1200.0


@pytest.mark.parametrize("arm", ["D", "", "IVIG", "1"])
def test_unknown_arm_is_refused_with_the_valid_arms(protocol, arm):
    with pytest.raises(UnknownArmError) as info:
        compute_arm_doses(protocol, arm, BodyMeasurements(20))
    assert isinstance(info.value, InputError)
    assert info.value.field == "arm"
    assert f'There is no treatment arm "{arm}"' in info.value.message
    assert "A (IVIG), B (Mycophenolate mofetil), C (Cyclosporine)" in info.value.message


def test_route_filter(protocol):
    body = BodyMeasurements(20)
    assert only(compute_arm_doses(protocol, "A", body, route="iv")).drug == "ivig"
    with pytest.raises(InputError) as info:
        compute_arm_doses(protocol, "A", body, route="oral")
    assert info.value.field == "route"
    assert (
        'Arm A (IVIG) has no dose given by the route "oral". Available: IV.' == info.value.message
    )


def test_to_dict_has_exactly_the_agreed_keys(protocol):
    result = only(compute_arm_doses(protocol, "A", BodyMeasurements(50)))
    data = result.to_dict()
    assert list(data) == [
        "drug",
        "calculated",
        "amount",
        "unit",
        "per",
        "frequency",
        "route",
        "capped",
        "derivation",
        "source",
        "status",
        "option",
        "warnings",
    ]
    assert tuple(data) == DOSE_DICT_KEYS
    assert data["option"] == "" and data["warnings"] == []
    assert data["amount"] == 70.0 and data["calculated"] == 100.0 and data["capped"] is True
    assert data["status"] == "seed"


# --------------------------------------------------------------------------- limits
@pytest.mark.parametrize(
    ("weight", "pred_calc", "pred_max", "pred_capped", "mp_calc", "mp_max", "mp_capped"),
    [
        # prednisone 2 mg/kg/day max 60; methylprednisolone 30 mg/kg max 1000
        (20, 40.0, 40.0, False, 600.0, 600.0, False),  # 2×20=40; 30×20=600
        (30, 60.0, 60.0, False, 900.0, 900.0, False),  # 2×30=60 = cap (not above); 30×30=900
        (33.3, 66.6, 60.0, True, 999.0, 999.0, False),  # 2×33.3=66.6→60; 30×33.3=999 exactly
        (40, 80.0, 60.0, True, 1200.0, 1000.0, True),  # 2×40=80→60; 30×40=1200→1000
        (45, 90.0, 60.0, True, 1350.0, 1000.0, True),  # 2×45=90→60; 30×45=1350→1000
        # 2×19.95806428 = 39.91612856 → down to 0.1 mg = 39.9; 30×19.958 = 598.74 → down = 598
        (19.95806428, 39.91612856, 39.9, False, 598.7419284, 598.0, False),
    ],
)
def test_concomitant_limits(
    protocol, weight, pred_calc, pred_max, pred_capped, mp_calc, mp_max, mp_capped
):
    pred, mp = compute_concomitant_limits(protocol, BodyMeasurements(weight))
    assert isinstance(pred, LimitResult) and isinstance(mp, LimitResult)
    assert (pred.drug, pred.per, pred.unit) == ("prednisone", "day", "mg")
    assert pred.calculated == pytest.approx(pred_calc, abs=1e-6)
    assert pred.max_amount == pytest.approx(pred_max, abs=1e-9)
    assert pred.amount == pred.max_amount
    assert pred.capped is pred_capped
    assert (mp.drug, mp.per, mp.route) == ("methylprednisolone", "dose", "IV")
    assert mp.calculated == pytest.approx(mp_calc, abs=1e-6)
    assert mp.max_amount == pytest.approx(mp_max, abs=1e-9)
    assert mp.capped is mp_capped
    assert mp.status is RuleStatus.PROVISIONAL  # pulse dose is not in seed 000
    assert pred.status is RuleStatus.SEED


def test_limit_to_dict_adds_max_amount(protocol):
    pred = compute_concomitant_limits(protocol, BodyMeasurements(45))[0]
    data = pred.to_dict()
    assert tuple(data) == (*DOSE_DICT_KEYS, "max_amount")
    assert data["max_amount"] == 60.0
    assert "2 mg/kg/day × 45 kg = 90 mg/day" in data["derivation"]
    assert "Maximum: 60 mg/day" in data["derivation"]


# --------------------------------------------------------------------------- final dose
def test_final_dose_equal_to_computed_needs_no_reason(protocol):
    result = only(compute_arm_doses(protocol, "A", BodyMeasurements(50)))
    check = check_final_dose(result, "70")
    assert check.differs is False and check.reason_required is False


def test_final_dose_below_computed_needs_a_reason(protocol):
    result = only(compute_arm_doses(protocol, "A", BodyMeasurements(50)))
    check = check_final_dose(result, 65)
    assert check.differs is True and check.reason_required is True
    assert "differs from the computed 70 g" in check.message


@pytest.mark.parametrize("final", [70.1, 71, 100])
def test_final_dose_above_the_maximum_is_refused(protocol, final):
    result = only(compute_arm_doses(protocol, "A", BodyMeasurements(50)))
    with pytest.raises(DoseAboveMaximumError) as info:
        check_final_dose(result, final)
    assert info.value.field == "final_amount"
    assert "cannot be above the protocol maximum of 70 g" in info.value.message
    assert f"{final:g} g was entered" in info.value.message


@pytest.mark.parametrize(
    ("final", "fragment"),
    [
        (0, "more than zero"),
        (-5, "more than zero"),
        ("abc", '"abc" was entered'),
        (float("nan"), "ordinary number"),
    ],
)
def test_final_dose_nonsense_is_refused(protocol, final, fragment):
    result = only(compute_arm_doses(protocol, "A", BodyMeasurements(20)))
    with pytest.raises(InputError) as info:
        check_final_dose(result, final)
    assert fragment in info.value.message


def test_final_cyclosporine_dose_above_minimum_allowed_with_reason(protocol):
    result = only(compute_arm_doses(protocol, "C", BodyMeasurements(20)))  # at least 60 mg/day
    higher = check_final_dose(result, 100)  # no protocol maximum: provider's discretion
    assert higher.reason_required and not higher.below_minimum
    lower = check_final_dose(result, 50)
    assert lower.reason_required and lower.below_minimum
    assert "below the protocol minimum of 60 mg/day" in lower.message


def test_cyclosporine_minimum_is_the_unrounded_3_mg_per_kg(protocol):
    # 3 × 19.95806428 = 59.87419284 mg/day; shown amount rounded up to 60 mg/day.
    result = only(compute_arm_doses(protocol, "C", BodyMeasurements(19.95806428)))
    assert result.amount == 60.0
    not_below = check_final_dose(result, 59.9)  # 59.9 ≥ 59.874: on protocol, but differs
    assert not_below.reason_required and not not_below.below_minimum
    below = check_final_dose(result, 59.8)  # 59.8 < 59.874
    assert below.below_minimum
    assert "below the protocol minimum of 59.87 mg/day" in below.message


def test_float_noise_is_removed_from_calculated(protocol):
    # 30 mg/kg × 33.3 kg = 999 mg exactly (binary floats give 998.9999999999999)
    mp = compute_concomitant_limits(protocol, BodyMeasurements(33.3))[1]
    assert mp.calculated == 999.0 and mp.max_amount == 999.0
    assert "30 mg/kg × 33.3 kg = 999 mg; maximum 1000 mg not reached" in mp.derivation


@pytest.mark.parametrize(("weight", "ok", "refused"), [(20, 40, 40.1), (45, 60, 60.5)])
def test_corticosteroid_dose_check(protocol, weight, ok, refused):
    # 20 kg: 2 × 20 = 40 mg/day. 45 kg: 2 × 45 = 90 → maximum 60 mg/day.
    pred = compute_concomitant_limits(protocol, BodyMeasurements(weight))[0]
    assert check_corticosteroid_dose(pred, ok) == ok
    assert check_corticosteroid_dose(pred, 0) == 0
    with pytest.raises(DoseAboveMaximumError) as info:
        check_corticosteroid_dose(pred, refused)
    assert info.value.field == "daily_mg"
    assert f"maximum of {ok:g} mg/day" in info.value.message
    assert f"{refused:g} mg/day was entered" in info.value.message


def test_corticosteroid_dose_check_rejects_negative_and_text(protocol):
    pred = compute_concomitant_limits(protocol, BodyMeasurements(20))[0]
    with pytest.raises(InputError, match="cannot be negative"):
        check_corticosteroid_dose(pred, -1)
    with pytest.raises(InputError, match="must be a number"):
        check_corticosteroid_dose(pred, "forty")


# --------------------------------------------------------------------------- rule kinds
# Synthetic rules (not from any protocol) to exercise every kind the engine supports.
def rule(**kw) -> DoseRule:
    base = dict(
        drug="testdrug",
        kind=RuleKind.PER_KG,
        unit="mg",
        per="dose",
        source="test",
        status=RuleStatus.PROVISIONAL,
    )
    base.update(kw)
    return DoseRule(**base)


def sub(kind: RuleKind, amount: float | None = None, **kw) -> DoseRule:
    return rule(kind=kind, amount=amount, **kw)


BANDS = rule(
    kind=RuleKind.WEIGHT_BANDS,
    bands=(
        # < 75 kg: 10 mg/kg; 75-100 kg inclusive: 750 mg; > 100 kg: 1000 mg
        Band(None, 75, False, False, sub(RuleKind.PER_KG, 10)),
        Band(75, 100, True, True, sub(RuleKind.FIXED, 750)),
        Band(100, None, False, False, sub(RuleKind.FIXED, 1000)),
    ),
)


@pytest.mark.parametrize(
    ("weight", "amount"),
    [(20, 200.0), (74.9, 749.0), (75, 750.0), (100, 750.0), (100.1, 1000.0), (150, 1000.0)],
    # 10 × 20 = 200; 10 × 74.9 = 749; 75 and 100 are inside the inclusive middle band
)
def test_weight_bands_respect_stated_inclusivity(weight, amount):
    assert compute_dose(BANDS, BodyMeasurements(weight)).amount == pytest.approx(amount)


def test_weight_band_gap_is_an_input_error():
    gap = rule(
        kind=RuleKind.WEIGHT_BANDS,
        bands=(Band(10, None, True, False, sub(RuleKind.FIXED, 50)),),
    )
    with pytest.raises(InputError) as info:
        compute_dose(gap, BodyMeasurements(5))
    assert info.value.field == "weight_kg"
    assert "no testdrug dose for a weight of 5 kg" in info.value.message
    assert "≥ 10 kg" in info.value.message


def test_lesser_of():
    # lesser of 2 mg/kg × 45 kg = 90 mg and fixed 60 mg = 60 mg
    r = rule(kind=RuleKind.LESSER_OF, rules=(sub(RuleKind.PER_KG, 2), sub(RuleKind.FIXED, 60)))
    result = compute_dose(r, BodyMeasurements(45))
    assert result.amount == 60.0 and result.capped is False
    assert "lesser of (2 mg/kg × 45 kg = 90 mg; fixed 60 mg) = 60 mg" in result.derivation


def test_absolute_minimum_is_applied_and_shown():
    # 1 mg/kg × 20 kg = 20 mg, below the minimum 25 mg → 25 mg
    result = compute_dose(rule(amount=1, minimum=25), BodyMeasurements(20))
    assert result.calculated == 20.0 and result.amount == 25.0 and result.minimum == 25.0
    assert "below the protocol minimum of 25 mg" in result.derivation


def test_rounding_never_exceeds_cap():
    # 1 mg/kg × 99.9 kg = 99.9 mg; cap 99.5 → 99.5; rounding up to 1 mg would give 100 > cap,
    # so it is rounded down to 99 instead.
    r = rule(
        amount=1, cap=99.5, rounding=Rounding(1, RoundingMode.UP, "test", RuleStatus.PROVISIONAL)
    )
    result = compute_dose(r, BodyMeasurements(99.9))
    assert result.amount == 99.0 and result.capped is True


def test_cap_that_only_holds_the_rounding_counts_as_capped():
    # 1 mg/kg × 99.2 kg = 99.2 mg, below the cap 99.5; rounding UP to 1 mg would give 100 >
    # 99.5, so the cap holds it at 99 mg: the cap changed the amount → capped.
    r = rule(
        amount=1, cap=99.5, rounding=Rounding(1, RoundingMode.UP, "test", RuleStatus.PROVISIONAL)
    )
    result = compute_dose(r, BodyMeasurements(99.2))
    assert result.calculated == 99.2 and result.amount == 99.0 and result.capped is True
    assert "rounding would have passed the maximum of 99.5 mg, so 99 mg" in result.derivation
    # 1 mg/kg × 98.2 kg = 98.2 mg → up to 99 mg, below the cap: the cap changed nothing.
    assert compute_dose(r, BodyMeasurements(98.2)).capped is False


def test_per_day_units_in_derivation():
    result = compute_dose(rule(amount=2, per="day", cap=60), BodyMeasurements(20))
    assert "2 mg/kg/day × 20 kg = 40 mg/day; maximum 60 mg/day not reached" in result.derivation


# --------------------------------------------------------------------------- properties
weights = st.floats(min_value=2, max_value=200, allow_nan=False, allow_infinity=False)
heights = st.floats(min_value=45, max_value=220, allow_nan=False, allow_infinity=False)


def all_results(protocol: Protocol, body: BodyMeasurements) -> list[DoseResult]:
    results: list[DoseResult] = []
    for arm in protocol.arms:
        results += compute_arm_doses(protocol, arm.id, body)
    return results + list(compute_concomitant_limits(protocol, body))


@settings(max_examples=300, deadline=None)
@given(weight=weights, height=heights)
def test_no_amount_exceeds_its_cap(protocol, weight, height):
    for result in all_results(protocol, BodyMeasurements(weight, height)):
        assert result.amount > 0
        if result.cap is not None:
            assert result.amount <= result.cap
            # capped exactly when the cap changed the amount
            assert result.capped == (result.calculated > result.cap)
        if isinstance(result, LimitResult):
            # a maximum is never shown above the true weight-based limit
            assert result.max_amount <= result.calculated + 1e-9


@settings(max_examples=300, deadline=None)
@given(w1=weights, w2=weights, height=heights)
def test_amount_is_non_decreasing_in_weight(protocol, w1, w2, height):
    low, high = sorted((w1, w2))
    for a, b in zip(
        all_results(protocol, BodyMeasurements(low, height)),
        all_results(protocol, BodyMeasurements(high, height)),
        strict=True,
    ):
        assert a.drug == b.drug
        assert a.amount <= b.amount


# --------------------------------------------------------------------------- dose ranges
# Issue 7: a per_kg / per_m2 rule may give a range (amount .. amount_max); the computed
# amount is the lower end and the final dose may not exceed the top (nor the cap).
@pytest.mark.parametrize(
    ("weight", "cap", "amount", "top"),
    [
        (20, None, 120.0, 200.0),  # 6 × 20 = 120 mg to 10 × 20 = 200 mg
        (20, 150, 120.0, 150.0),  # top 200 > cap 150 → 150 mg
        (30, 150, 150.0, 150.0),  # 6 × 30 = 180 > cap → 150; top 300 → 150
    ],
)
def test_dose_range_with_and_without_cap(weight, cap, amount, top):
    result = compute_dose(rule(amount=6, amount_max=10, cap=cap), BodyMeasurements(weight))
    assert (result.amount, result.range_max) == (amount, top)
    assert result.amount <= result.range_max
    with pytest.raises(DoseAboveMaximumError):
        check_final_dose(result, top + 0.1)
    assert check_final_dose(result, top).reason_required is (top != amount)


def test_rule_without_range_has_no_range_max():
    result = compute_dose(rule(amount=6), BodyMeasurements(20))
    assert result.range_max is None and result.option == ""
