"""Pure visit-form rules: sections from the protocol, required items, missing reasons,
dose re-check with the out-of-protocol flag, arm C monitoring, response inputs."""

from __future__ import annotations

import pytest

from app.catalog import protocol_catalog
from app.domain.visit_form import (
    ItemEntry,
    PrescribedDose,
    monitoring_for,
    recheck_arm_doses,
    requirements_for,
    sections_for,
    unmet_requirements,
    validate_vital,
)
from app.domain.visit_response import visit_response


@pytest.fixture
def protocol():
    return protocol_catalog().get("persistent-skin-rash")


def test_sections_follow_the_protocol(protocol):
    baseline = sections_for(protocol.visit("baseline"), is_baseline=True)
    assert "mri" in baseline and "autoantibodies" in baseline and "response" not in baseline
    month6 = sections_for(protocol.visit("month_6"), is_baseline=False)
    assert "mri" not in month6 and "autoantibodies" not in month6 and "response" in month6
    assert "cmas" in sections_for(None, is_baseline=False)  # unscheduled: follow-up set


def test_requirements_and_reasons(protocol):
    reqs = requirements_for(protocol.visit("month_1"))
    codes = {r.code for r in reqs}
    # 5 required globals (extramuscular optional) + 14 CMAS + 30 CHAQ items + 2 VAS + 8 MMT8
    # + enzymes (any, date) + 13 skin + weight = 5 + 14 + 32 + 8 + 2 + 13 + 1 = 75
    assert len(reqs) == 75
    assert "global:mdaat_extramuscular" not in codes
    assert "mri:done" not in codes
    values = {
        "cmas": {"cmas_1_sec": ItemEntry(value_num=30)},
        "enzymes": {"aldolase": ItemEntry(missing_reason="not_done")},
    }
    unmet = {r.code for r in unmet_requirements(reqs, values)}
    assert "cmas:cmas_1" not in unmet  # seconds satisfy the item
    assert "enzymes:any" not in unmet  # explained by a reason
    assert "cmas:cmas_2" in unmet
    bilateral = requirements_for(protocol.visit("month_1"), mmt8_variant="bilateral")
    assert len(bilateral) == 75 - 8 + 15
    assert monitoring_for(protocol, "C") == ("blood_pressure", "creatinine")
    arm_c = requirements_for(protocol.visit("month_1"), monitoring=("blood_pressure", "creatinine"))
    assert len(arm_c) == 78
    assert len(requirements_for(None)) == 0


@pytest.mark.parametrize(
    ("arm", "weight", "height", "prescribed", "within"),
    [
        ("A", 20, None, PrescribedDose("ivig", 40, "g", "dose"), True),  # 2 g/kg × 20 = 40
        ("A", 22, None, PrescribedDose("ivig", 40, "g", "dose"), True),  # 44 g: 9.1% off
        ("A", 23, None, PrescribedDose("ivig", 40, "g", "dose"), False),  # 46 g: 13% off
        ("A", 40, None, PrescribedDose("ivig", 75, "g", "dose"), False),  # above 70 g cap
        ("C", 20, None, PrescribedDose("cyclosporine", 60, "mg", "day"), True),  # ≥ 60
        ("C", 21, None, PrescribedDose("cyclosporine", 60, "mg", "day"), False),  # ≥ 63
        ("C", 20, None, PrescribedDose("cyclosporine", 90, "mg", "day"), True),  # higher ok
        # MMF: greater of 10 mg/kg (250) and 600 mg/m² (BSA √(120×25/3600)=0.9129 -> 548)
        ("B", 25, 120, PrescribedDose("mycophenolate mofetil", 550, "mg", "dose"), True),
        ("B", 25, 120, PrescribedDose("mycophenolate mofetil", 250, "mg", "dose"), False),
    ],
)
def test_dose_recheck(protocol, arm, weight, height, prescribed, within):
    [check] = recheck_arm_doses(protocol, arm, weight, height, [prescribed])
    assert check.within_protocol is within
    assert ("OUTSIDE THE PROTOCOL RULE" in check.message) is (not within)


def test_dose_recheck_without_weight_or_prescription(protocol):
    [check] = recheck_arm_doses(protocol, "A", None, None, [])
    assert check.within_protocol is None and "weight" in check.message
    [check] = recheck_arm_doses(protocol, "A", 20, None, [])
    assert check.within_protocol is None and "No ivig prescription" in check.message
    [check] = recheck_arm_doses(protocol, "A", 500, None, [])
    assert check.within_protocol is None and "200" in check.message


def test_vitals_validation():
    assert validate_vital("bp_systolic", "120") is None
    assert "whole number from 50 to 250" in str(validate_vital("bp_systolic", "120.5"))
    assert validate_vital("creatinine", "0.5", "mg/dL") is None
    assert "0.05 to 25 mg/dL" in str(validate_vital("creatinine", "50", "mg/dL"))


def n(v, unit=None):
    return ItemEntry(value_num=v, unit=unit)


def test_response_uses_baseline_most_abnormal_enzyme_and_never_mixes_muscle():
    base = {
        "global": {
            "pga_activity": n(5),
            "parent_global_activity": n(6),
            "mdaat_extramuscular": n(4),
        },
        "enzymes": {
            "ck": n(600, "U/L"),
            "ck_uln": n(200, "U/L"),
            "ldh": n(700, "U/L"),
            "ldh_uln": n(350, "U/L"),
        },
    }
    now = {
        "global": {
            "pga_activity": n(2),
            "parent_global_activity": n(3),
            "mdaat_extramuscular": n(1),
        },
        "enzymes": {"ck": n(300, "U/L"), "ck_uln": n(200, "U/L")},
    }
    r = visit_response(base, now)
    # CK 3 × ULN beats LDH 2 ×: followed; (3 - 1.5)/3 = 50% -> enzyme measure present
    assert r.baseline.enzyme_code == "ck" and r.follow_up.enzyme == pytest.approx(1.5)
    assert r.tis.tis is None  # muscle and CHAQ missing: never estimated
    assert set(r.tis.missing) == {"muscle_strength", "chaq"}


def test_cmas_item_5_needs_its_score_or_all_six_variants(protocol):
    reqs = [r for r in requirements_for(protocol.visit("month_1")) if r.code == "cmas:cmas_5"]
    five = {"cmas": {f"cmas_5{x}": ItemEntry(value_num=1) for x in "abcde"}}
    assert unmet_requirements(tuple(reqs), five)  # 5 of 6 variants: not enough
    five["cmas"]["cmas_5f"] = ItemEntry(value_num=0)
    assert not unmet_requirements(tuple(reqs), five)
    assert not unmet_requirements(tuple(reqs), {"cmas": {"cmas_5": ItemEntry(value_num=3)}})
