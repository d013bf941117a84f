"""Doses of the 2010 initial-treatment plans MP, MMP and MMPI (clinical-rules §1.3).

All provisional. Expected values worked out by hand from the rules in the comments:
methylprednisolone 30 mg/kg (max 1000 mg, rounded down to 1 mg); methotrexate the LESSER
of 15 mg/m² and 1 mg/kg (max 40 mg, nearest 0.1 mg); prednisone 2 mg/kg/day (max 60 mg,
rounded down to 0.1 mg); IVIG 2 g/kg (max 70 g, nearest 0.1 g).
BSA = Mosteller √(height cm × weight kg / 3600).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.body import BodyMeasurements
from app.domain.dosing import compute_arm_doses, compute_concomitant_limits
from app.domain.errors import MissingMeasurementError
from app.domain.protocol import RuleKind, RuleStatus, load_protocol
from app.domain.schedule import infusion_dates, visit_schedule

SHIPPED = Path(__file__).resolve().parents[2] / "resources" / "protocols" / "moderate-jdm-2010.toml"
D = date.fromisoformat


@pytest.fixture(scope="module")
def protocol():
    return load_protocol(SHIPPED)


def by_drug(protocol, arm, weight, height):
    results = compute_arm_doses(protocol, arm, BodyMeasurements(weight, height_cm=height))
    return {r.drug: r for r in results}


def test_plans_by_composition_and_all_provisional(protocol):
    assert protocol.id == "moderate-jdm-2010" and protocol.provisional
    assert protocol.arm_ids == ("mp", "mmp", "mmpi")  # no unconfirmed letters A/B/C
    compositions = {a.id: a.drugs for a in protocol.arms}
    assert compositions == {
        "mp": ("methotrexate", "prednisone"),
        "mmp": ("methylprednisolone", "methotrexate", "prednisone"),
        "mmpi": ("methylprednisolone", "methotrexate", "prednisone", "ivig"),
    }
    for arm in protocol.arms:
        assert arm.status is RuleStatus.PROVISIONAL
        for rule in arm.doses:
            assert rule.status is RuleStatus.PROVISIONAL and rule.source
    assert protocol.concomitant_limits == ()
    assert protocol.prior_therapy_rules == ()


def test_methotrexate_is_lesser_of_15_per_m2_and_1_per_kg_max_40(protocol):
    for arm in protocol.arms:
        (mtx,) = [d for d in arm.doses if d.drug == "methotrexate"]
        assert mtx.kind is RuleKind.LESSER_OF
        assert [(r.kind, r.amount) for r in mtx.rules] == [
            (RuleKind.PER_M2, 15),
            (RuleKind.PER_KG, 1),
        ]
        assert (mtx.cap, mtx.route, mtx.unit, mtx.per) == (40, "SC", "mg", "dose")


@pytest.mark.parametrize(
    ("weight", "height", "amount", "capped", "picked"),
    [
        # √(115 × 20 / 3600) = 0.7993053 m²; 15 × 0.7993053 = 11.99 mg < 1 × 20 = 20 mg
        # → 11.99 → nearest 0.1 = 12.0 mg
        (20, 115, 12.0, False, "15 mg/m²"),
        # √(160 × 50 / 3600) = 1.4907120; 15 × 1.490712 = 22.36 mg < 50 mg → 22.4 mg
        (50, 160, 22.4, False, "15 mg/m²"),
        # √(100 × 5 / 3600) = 0.3726780; 15 × 0.372678 = 5.59 mg > 1 × 5 = 5 mg → 5 mg
        (5, 100, 5.0, False, "1 mg/kg"),
        # √(220 × 200 / 3600) = 3.4960295; 15 × 3.496 = 52.44 mg < 200 mg; > 40 → 40 mg
        (200, 220, 40.0, True, "15 mg/m²"),
    ],
)
def test_methotrexate_doses(protocol, weight, height, amount, capped, picked):
    mtx = by_drug(protocol, "mp", weight, height)["methotrexate"]
    assert mtx.amount == pytest.approx(amount, abs=1e-9)
    assert mtx.capped is capped and mtx.amount <= 40
    assert "lesser of" in mtx.derivation and picked in mtx.derivation
    assert mtx.frequency == "once weekly (subcutaneous preferred)"


def test_methotrexate_needs_height(protocol):
    with pytest.raises(MissingMeasurementError):
        compute_arm_doses(protocol, "mp", BodyMeasurements(20))


@pytest.mark.parametrize(
    ("weight", "amount", "capped"),
    [
        (20, 40.0, False),  # 2 × 20 = 40 mg/day
        (23.456, 46.9, False),  # 2 × 23.456 = 46.912 → down to 46.9 mg/day
        (29.99, 59.9, False),  # 2 × 29.99 = 59.98 → down to 59.9 (never above 2 mg/kg/day)
        (30, 60.0, False),  # 2 × 30 = 60 = maximum exactly: the cap changed nothing
        (50, 60.0, True),  # 100 → 60 mg/day
    ],
)
def test_prednisone_doses(protocol, weight, amount, capped):
    for arm in ("mp", "mmp", "mmpi"):
        pred = by_drug(protocol, arm, weight, 120)["prednisone"]
        assert pred.amount == pytest.approx(amount, abs=1e-9)
        assert pred.capped is capped and pred.per == "day"
        assert pred.frequency == "daily for 4 weeks, then taper"


@pytest.mark.parametrize(
    ("weight", "amount", "capped"),
    [
        (20, 600.0, False),  # 30 × 20 = 600 mg
        (33.3, 999.0, False),  # 30 × 33.3 = 999 mg
        (33.34, 1000.0, True),  # 30 × 33.34 = 1000.2 → 1000 mg
        (23.456, 703.0, False),  # 30 × 23.456 = 703.68 → down to 703 mg
    ],
)
def test_methylprednisolone_doses(protocol, weight, amount, capped):
    for arm in ("mmp", "mmpi"):
        mp = by_drug(protocol, arm, weight, 140)["methylprednisolone"]
        assert mp.amount == pytest.approx(amount, abs=1e-9)
        assert mp.capped is capped and mp.route == "IV"
    assert "methylprednisolone" not in by_drug(protocol, "mp", 20, 115)


@pytest.mark.parametrize(
    ("weight", "amount", "capped"),
    [
        (20, 40.0, False),  # 2 × 20 = 40 g
        (34.96, 69.9, False),  # 69.92 → 69.9 g
        (35, 70.0, False),  # 2 × 35 = 70 g = maximum exactly: not capped
        (60, 70.0, True),  # 120 → 70 g
    ],
)
def test_ivig_only_in_mmpi(protocol, weight, amount, capped):
    ivig = by_drug(protocol, "mmpi", weight, 150)["ivig"]
    assert ivig.amount == pytest.approx(amount, abs=1e-9) and ivig.capped is capped
    assert ivig.unit == "g"
    assert "ivig" not in by_drug(protocol, "mmp", weight, 150)


def test_every_plan_for_one_child(protocol):
    # 20 kg, 115 cm (BSA 0.7993 m²): MTX 12.0 mg, prednisone 40 mg/day, IVMP 600 mg, IVIG 40 g
    expected = {
        "mp": {"methotrexate": 12.0, "prednisone": 40.0},
        "mmp": {"methylprednisolone": 600.0, "methotrexate": 12.0, "prednisone": 40.0},
        "mmpi": {
            "methylprednisolone": 600.0,
            "methotrexate": 12.0,
            "prednisone": 40.0,
            "ivig": 40.0,
        },
    }
    for arm, doses in expected.items():
        got = {d: r.amount for d, r in by_drug(protocol, arm, 20, 115).items()}
        assert got == pytest.approx(doses)
    assert compute_concomitant_limits(protocol, BodyMeasurements(20)) == []


@pytest.mark.parametrize(
    ("schedule", "expected"),
    [
        # days 0, 1, 2, then weekly from the third pulse: 01-07 + 7 = 01-14, 01-21
        (
            "methylprednisolone_daily_x3_then_weekly",
            ["2026-01-05", "2026-01-06", "2026-01-07", "2026-01-14", "2026-01-21"],
        ),
        (
            "methotrexate_weekly",
            ["2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02"],
        ),
        # 14 days × 3, then calendar months from dose 3 (02-02): 03-02, 04-02
        (
            "ivig_q2w_x3_then_monthly",
            ["2026-01-05", "2026-01-19", "2026-02-02", "2026-03-02", "2026-04-02"],
        ),
    ],
)
def test_schedules(protocol, schedule, expected):
    got = infusion_dates(protocol.schedule(schedule), D("2026-01-05"), 5)
    assert got == [D(x) for x in expected]


def test_visits_reuse_the_visit_ids_and_are_provisional(protocol):
    visits = visit_schedule(protocol, D("2026-01-31"))
    assert [v.visit_id for v in visits] == [
        "baseline",
        "month_1",
        "month_2",
        "month_6",
        "month_12",
        "month_18",
    ]
    assert visits[1].target == D("2026-02-28")  # month-end clamp
    assert all(v.definition.status is RuleStatus.PROVISIONAL for v in visits)
    assert all(v.definition.window.status is RuleStatus.PROVISIONAL for v in visits)


@settings(max_examples=200, deadline=None)
@given(
    weight=st.floats(min_value=2, max_value=200, allow_nan=False),
    height=st.floats(min_value=45, max_value=220, allow_nan=False),
)
def test_no_2010_dose_exceeds_its_maximum(protocol, weight, height):
    body = BodyMeasurements(weight, height_cm=height)
    caps = {"methotrexate": 40, "prednisone": 60, "methylprednisolone": 1000, "ivig": 70}
    for arm in protocol.arms:
        for r in compute_arm_doses(protocol, arm.id, body):
            assert 0 < r.amount <= caps[r.drug]
            if r.drug == "methotrexate":  # lesser of: never above either rule
                assert r.amount <= min(15 * (body.bsa_m2 or 0), weight) + 0.05 + 1e-9
            if r.drug == "prednisone":
                assert r.amount <= 2 * weight + 1e-9  # rounded down
