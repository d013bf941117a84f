"""Enrollment flow: arms open or closed and why, doses, final-dose and steroid checks.

Expected values are computed by hand from seed 000, Table 2 (arithmetic in each test).
"""

from __future__ import annotations

import math
from datetime import date

import pytest

from app.catalog import protocol_catalog
from app.domain.arm_switch import SwitchDraft, finalise_switch, switch_problems, switch_targets
from app.domain.concomitant_medicines import continuing_choices
from app.domain.enrollment import EnrollmentDraft, EnrollmentFlow, arm_choices
from app.domain.errors import InputError
from app.domain.planned_doses import DoseEntry
from app.domain.prior_therapy import PriorTherapyRecord

TODAY = date(2026, 11, 21)


@pytest.fixture(scope="module")
def protocol():
    return protocol_catalog().protocols["persistent-skin-rash"]


def draft(arm="B", weight="20", height="115", **kw) -> EnrollmentDraft:
    base = EnrollmentDraft(patient_id=1, screening_id=1, protocol_id="persistent-skin-rash",
                           enrollment_date="2026-11-02", weight=weight, height=height,
                           measured_on="2026-11-02", arm_id=arm)
    for key, value in kw.items():
        setattr(base, key, value)
    return base


def flow(protocol, facts=None) -> EnrollmentFlow:
    return EnrollmentFlow(protocol, facts or {"ivig": "no"}, TODAY, date(2026, 11, 1))


def test_arm_b_dose_uses_the_greater_of_per_kg_and_per_m2(protocol):
    # BSA = √(115 × 20 / 3600) = √0.638889 = 0.79931 m²
    # 600 mg/m² × 0.79931 = 479.58 mg > 10 mg/kg × 20 kg = 200 mg → 480 mg (1 mg rounding)
    bsa = math.sqrt(115 * 20 / 3600)
    assert round(bsa, 5) == 0.79931
    plan = flow(protocol).finalise(draft("B"))
    (dose,) = plan.doses
    assert dose.result.drug == "mycophenolate mofetil"
    assert dose.result.calculated == pytest.approx(600 * bsa)
    assert dose.final_amount == 480
    assert "1500" in dose.result.derivation and "not reached" in dose.result.derivation
    assert "twice daily" in dose.headline


def test_arm_a_dose_and_infusion_dates(protocol):
    # 2 g/kg × 20 kg = 40 g (cap 70 g not reached); doses on day 0, 14, 28, then monthly
    plan = flow(protocol).finalise(draft("A"))
    (dose,) = plan.doses
    assert dose.final_amount == 40
    assert dose.schedule == (date(2026, 11, 2), date(2026, 11, 16), date(2026, 11, 30),
                             date(2026, 12, 30), date(2027, 1, 30), date(2027, 2, 28))


def test_arm_a_dose_is_capped_at_70_g(protocol):
    # 2 g/kg × 40 kg = 80 g > 70 g maximum → 70 g
    plan = flow(protocol).finalise(draft("A", weight="40", height="150"))
    assert plan.doses[0].final_amount == 70
    assert plan.doses[0].result.capped


def test_arm_c_dose(protocol):
    # at least 3 mg/kg/day × 20 kg = 60 mg/day
    plan = flow(protocol).finalise(draft("C"))
    (dose,) = plan.doses
    assert dose.final_amount == 60
    assert dose.result.per == "day"
    assert "at least" in dose.headline


def test_pounds_and_inches_are_accepted(protocol):
    # 44.0925 lb × 0.45359237 = 20.0 kg; 45.2756 in × 2.54 = 115.0 cm
    plan = flow(protocol).finalise(draft("C", weight="44.0925", height="45.2756",
                                         weight_unit="lb", height_unit="in"))
    assert plan.body.weight_kg == pytest.approx(20.0, abs=1e-3)
    assert plan.body.height_cm == pytest.approx(115.0, abs=1e-3)


def test_old_measurement_asks_for_a_new_one(protocol):
    d = draft("B", measured_on="2026-10-02")  # 31 days before 2026-11-02
    problems = flow(protocol).details_problems(d)
    assert "31 days" in problems["measured_on"]
    d.measured_on = "2026-10-03"  # 30 days: accepted
    assert flow(protocol).details_problems(d) == {}


def test_implausible_weight_is_refused(protocol):
    problems = flow(protocol).details_problems(draft("B", weight="0"))
    assert "between 2 and 200" in problems["weight"]


def test_height_is_required_because_arm_b_uses_bsa(protocol):
    problems = flow(protocol).details_problems(draft("B", height=""))
    assert "Height is needed" in problems["height"]


def test_enrollment_before_screening_is_refused(protocol):
    problems = flow(protocol).details_problems(draft(enrollment_date="2026-10-30"))
    assert "screening date" in problems["enrollment_date"]


def test_arm_a_closed_after_ivig_for_skin_disease(protocol):
    facts = {"ivig": "yes", "ivig_use": "current", "ivig_for_skin_disease": "yes"}
    options = {o.arm_id: o for o in arm_choices(protocol, facts)}
    assert not options["A"].open and options["A"].may_consider is None
    assert "not previously been treated with IVIG for skin disease" in \
        options["A"].closed_reasons[0]
    assert options["B"].open and options["C"].open
    assert "IVIG" in options["B"].may_continue[0]
    problems = flow(protocol, facts).arm_problems(draft("A"))
    assert "not available" in problems["arm"]


def test_arm_a_restart_of_stopped_ivig_needs_tick_and_reason(protocol):
    facts = {"ivig": "yes", "ivig_use": "previous", "ivig_for_skin_disease": "yes"}
    option = next(o for o in arm_choices(protocol, facts) if o.arm_id == "A")
    assert not option.open and option.selectable
    assert "Restarting IVIG" in option.may_consider
    f = flow(protocol, facts)
    assert "arm" in f.arm_problems(draft("A"))
    assert "exception_reason" in f.arm_problems(draft("A", consider_exception=True))
    d = draft("A", consider_exception=True, exception_reason="Good response before")
    assert f.arm_problems(d) == {}
    assert "Good response before" in f.finalise(d).arm_notes


def test_unknown_ivig_history_leaves_arm_a_open_with_a_caution(protocol):
    options = {o.arm_id: o for o in arm_choices(protocol, {"ivig": "unknown"})}
    assert options["A"].open
    assert options["A"].cautions


def test_cyclosporine_monitoring_reminder(protocol):
    options = {o.arm_id: o for o in arm_choices(protocol, {})}
    assert "blood pressure" in options["C"].monitoring[0]
    assert options["C"].provisional and not options["B"].provisional


def test_override_needs_a_reason(protocol):
    d = draft("B", doses={"mycophenolate mofetil": DoseEntry("450", "")})
    problems = flow(protocol).dose_problems(d)
    assert "Give a reason" in problems["mycophenolate mofetil"]
    d.doses["mycophenolate mofetil"].reason = "Rounded to tablet size"
    plan = flow(protocol).finalise(d)
    assert plan.doses[0].final_amount == 450
    assert plan.doses[0].override_reason == "Rounded to tablet size"


def test_final_equal_to_computed_needs_no_reason(protocol):
    d = draft("B", doses={"mycophenolate mofetil": DoseEntry("480", "")})
    assert flow(protocol).dose_problems(d) == {}


def test_dose_above_maximum_is_refused_with_the_maximum(protocol):
    d = draft("B", doses={"mycophenolate mofetil": DoseEntry("1600", "clinician wants more")})
    problem = flow(protocol).dose_problems(d)["mycophenolate mofetil"]
    assert "1500" in problem
    with pytest.raises(InputError):
        flow(protocol).finalise(d)


def test_corticosteroid_limit(protocol):
    # 2 mg/kg/day × 20 kg = 40 mg/day (< 60 mg cap): 40 accepted, 41 refused
    f = flow(protocol)
    assert f.concomitant_problems(draft("B", corticosteroid_mg_per_day="40")) == {}
    assert "40" in f.concomitant_problems(
        draft("B", corticosteroid_mg_per_day="41"))["corticosteroid"]
    # 2 mg/kg/day × 40 kg = 80 mg/day > 60 mg cap: 61 refused
    assert "60" in f.concomitant_problems(
        draft("B", weight="40", height="150", corticosteroid_mg_per_day="61"))["corticosteroid"]


def test_concomitant_items(protocol):
    # pulse methylprednisolone: 30 mg/kg × 20 kg = 600 mg (< 1000 mg cap)
    d = draft("B", corticosteroid_mg_per_day="10", pulse=True,
              continuing=["ivig", "hydroxychloroquine", "methotrexate"])
    items = {i.drug: i for i in flow(protocol).finalise(d).concomitant}
    assert items["prednisone"].final_amount == 10
    assert items["methylprednisolone"].amount == 600
    assert set(items) == {"prednisone", "methylprednisolone", "ivig", "hydroxychloroquine",
                          "methotrexate"}


def test_continuing_ivig_is_not_recorded_on_arm_a(protocol):
    d = draft("A", continuing=["ivig"])
    assert all(i.drug != "ivig" for i in flow(protocol).finalise(d).concomitant)


def test_visit_schedule_in_plan(protocol):
    plan = flow(protocol).finalise(draft("C"))
    assert [v.visit_id for v in plan.visits] == [
        "baseline", "month_1", "month_2", "month_6", "month_12", "month_18"]
    assert plan.visits[1].target == date(2026, 12, 2)


def test_draft_payload_round_trip():
    d = draft("B", doses={"mycophenolate mofetil": DoseEntry("450", "tablets")})
    again = EnrollmentDraft.from_payload(d.to_payload())
    assert again == d


def test_switch_from_a_to_b_recomputes_with_new_weight(protocol):
    assert switch_targets(protocol, "A") == {"B": ("inadequate_response", "toxicity"),
                                             "C": ("inadequate_response", "toxicity")}
    assert switch_targets(protocol, "B") == {}
    # 22 kg, 118 cm: BSA √(118 × 22 / 3600) = 0.84918 m²; 600 × 0.84918 = 509.51 → 510 mg
    d = SwitchDraft(to_arm="B", reason="inadequate_response", switch_date="2026-11-20",
                    weight="22", height="118", measured_on="2026-11-20")
    plan = finalise_switch(protocol, "A", d, date(2026, 11, 2), TODAY)
    assert plan.doses[0].final_amount == 510


def test_switch_needs_reason_and_valid_date(protocol):
    d = SwitchDraft(to_arm="B", switch_date="2026-10-01", weight="22", height="118",
                    measured_on="2026-11-20")
    problems = switch_problems(protocol, "A", d, date(2026, 11, 2), TODAY)
    assert "reason" in problems and "switch_date" in problems


def test_arm_with_options_needs_one_and_doses_only_that_option():
    protocol = protocol_catalog().protocols["refractory-biologic"]
    history = (PriorTherapyRecord("prednisone", date(2025, 1, 1)),
               PriorTherapyRecord("methotrexate", date(2025, 1, 1)))
    f = EnrollmentFlow(protocol, {}, TODAY, date(2026, 11, 1), history)
    d = EnrollmentDraft(patient_id=1, screening_id=1, protocol_id=protocol.id,
                        enrollment_date="2026-11-02", weight="20", height="115",
                        measured_on="2026-11-02", arm_id="tnf")
    assert "arm_option" in f.arm_problems(d)
    d.arm_option = "adalimumab"
    assert f.arm_problems(d) == {}
    # adalimumab, 15 to < 30 kg band: 20 mg every other week (label, clinical rules §1.2)
    doses = f.planned_doses(d)
    assert [(p.result.drug, p.final_amount) for p in doses] == [("adalimumab", 20)]


def test_prior_therapy_rules_are_checked_again_on_the_enrollment_date():
    protocol = protocol_catalog().protocols["refractory-biologic"]
    # Abatacept started 2026-10-05 (screened 2026-11-01): "enrol up to 1 calendar month
    # after starting" → the last day is 2026-11-05.
    history = (PriorTherapyRecord("prednisone", date(2025, 1, 1)),
               PriorTherapyRecord("methotrexate", date(2025, 1, 1)),
               PriorTherapyRecord("abatacept", date(2026, 10, 5)))
    f = EnrollmentFlow(protocol, {}, TODAY, date(2026, 11, 1), history)
    d = EnrollmentDraft(patient_id=1, screening_id=1, protocol_id=protocol.id,
                        enrollment_date="2026-11-05", weight="40", height="150",
                        measured_on="2026-11-05", arm_id="abatacept", arm_option="iv")
    assert f.arm_problems(d) == {}  # boundary day: still allowed
    d.enrollment_date = "2026-11-06"
    problem = f.arm_problems(d)["arm"]
    assert "2026-11-05" in problem and "more than 1 calendar month" in problem
    # No history at all: the plan-wide rules are unknown → a reason is needed.
    f = EnrollmentFlow(protocol, {}, TODAY, date(2026, 11, 1), ())
    d.enrollment_date = "2026-11-05"
    assert "prior_reason" in f.arm_problems(d)
    d.prior_unknown_reason = "Steroid and methotrexate courses given abroad, letter seen"
    assert f.arm_problems(d) == {}
    assert "Reason for going ahead" in f.finalise(d).arm_notes


def test_final_doses_of_two_options_of_one_drug_do_not_collide():
    protocol = protocol_catalog().protocols["refractory-biologic"]
    history = (PriorTherapyRecord("prednisone", date(2025, 1, 1)),
               PriorTherapyRecord("methotrexate", date(2025, 1, 1)))
    f = EnrollmentFlow(protocol, {}, TODAY, date(2026, 11, 1), history)
    d = EnrollmentDraft(patient_id=1, screening_id=1, protocol_id=protocol.id,
                        enrollment_date="2026-11-02", weight="40", height="150",
                        measured_on="2026-11-02", arm_id="tnf", arm_option="infliximab_6_10")
    # 6-10 mg/kg × 40 kg = 240 to 400 mg; 8 mg/kg × 40 = 320 mg chosen with a reason.
    d.doses["infliximab_6_10:infliximab"] = DoseEntry("320", "8 mg/kg, severe disease")
    (dose,) = f.planned_doses(d)
    assert (dose.result.amount, dose.result.range_max, dose.final_amount) == (240, 400, 320)
    d.arm_option = "infliximab_5"  # 5 mg/kg × 40 = 200 mg; the 320 mg entry is not reused
    (dose,) = f.planned_doses(d)
    assert (dose.result.amount, dose.final_amount) == (200, 200)
    d.arm_option = "infliximab_6_10"
    d.doses["infliximab_6_10:infliximab"] = DoseEntry("400.1", "too much")
    assert "400" in f.dose_problems(d)["infliximab_6_10:infliximab"]


def test_finite_schedule_lists_only_its_doses():
    protocol = protocol_catalog().protocols["refractory-biologic"]
    f = EnrollmentFlow(protocol, {}, TODAY, date(2026, 11, 1))
    arm = protocol.arm("rituximab")
    d = EnrollmentDraft(patient_id=1, screening_id=1, protocol_id=protocol.id,
                        enrollment_date="2026-11-02", weight="20", height="115",
                        measured_on="2026-11-02", arm_id="rituximab",
                        arm_option=arm.options[0].id)
    (dose,) = f.planned_doses(d)
    assert len(dose.schedule) == 2


def test_continuing_medicines_come_from_the_arm_rules_and_the_screening(protocol):
    # Arm B's may_continue rule names IVIG, hydroxychloroquine and methotrexate; the plan
    # asks about each at screening ("<drug>_use"), so each continues only when current.
    facts = {"ivig_use": "previous", "hydroxychloroquine_use": "current"}
    choices = {c.drug: c for c in continuing_choices(protocol, protocol.arm("B"), facts)}
    assert list(choices) == ["ivig", "hydroxychloroquine", "methotrexate"]
    assert [choices[d].allowed for d in choices] == [False, True, False]
    assert choices["ivig"].label == "IVIG" and choices["ivig"].unit == "g"  # arm A's IVIG rule
    assert "not record it as current" in choices["methotrexate"].why_not
    # Arm A doses IVIG itself: not offered as "continuing".
    assert "ivig" not in {c.drug for c in continuing_choices(protocol, protocol.arm("A"), facts)}


def test_a_draft_saved_with_the_former_drug_keys_keeps_what_was_ticked():
    payload = draft("B").to_payload()
    for key in ("pulse", "continuing"):
        payload.pop(key)
    payload |= {"pulse_methylprednisolone": True, "continue_ivig": True,
                "continue_hydroxychloroquine": False, "continue_methotrexate": True}
    again = EnrollmentDraft.from_payload(payload)
    assert again.pulse is True and again.continuing == ["ivig", "methotrexate"]
