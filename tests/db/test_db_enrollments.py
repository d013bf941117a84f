"""Finishing an enrollment in one transaction, arm switch, and the patient overview."""

from __future__ import annotations

from datetime import date

import pytest
from screening_answers import eligible_answers
from sqlalchemy import func, select

from app.catalog import protocol_catalog
from app.db import audit
from app.db.enrollments import (
    AlreadyEnrolledError,
    enrollment_overview,
    finish_enrollment,
    load_enrollment_draft,
    patient_overview,
    save_enrollment_draft,
    switch_arm,
)
from app.db.models import Anthropometric, ArmAssignment, Enrollment, Prescription, Visit
from app.db.screenings import complete_screening
from app.domain.arm_switch import SwitchDraft, finalise_switch
from app.domain.enrollment import EnrollmentDraft, EnrollmentFlow
from app.domain.screening import ScreeningDraft

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")

TODAY = date(2026, 11, 21)


@pytest.fixture
def protocol():
    return protocol_catalog().protocols["persistent-skin-rash"]


@pytest.fixture
def screening_id(database, saved_patient, protocol):
    draft = ScreeningDraft(saved_patient, protocol.id, "2026-11-01", eligible_answers())
    with database.session() as session:
        sid, _ = complete_screening(session, protocol, draft, user="nurse")
    return sid


def enrollment_draft(patient_id, screening_id, arm="A"):
    return EnrollmentDraft(patient_id=patient_id, screening_id=screening_id,
                           protocol_id="persistent-skin-rash", enrollment_date="2026-11-02",
                           weight="20", height="115", measured_on="2026-11-02", arm_id=arm,
                           corticosteroid_mg_per_day="10", sun_protection_counselled=True)


def plan_for(protocol, draft):
    return EnrollmentFlow(protocol, {"ivig": "no"}, TODAY, date(2026, 11, 1)).finalise(draft)


def test_finish_saves_everything_once(database, saved_patient, screening_id, protocol):
    draft = enrollment_draft(saved_patient, screening_id)
    with database.session() as session:
        save_enrollment_draft(session, draft, user="dr.ito")
    plan = plan_for(protocol, draft)
    with database.session() as session:
        enrollment_id = finish_enrollment(session, protocol, screening_id, plan, user="dr.ito")
    with pytest.raises(AlreadyEnrolledError), database.session() as session:
        finish_enrollment(session, protocol, screening_id, plan, user="dr.ito")
    with database.session() as session:
        e = session.get(Enrollment, enrollment_id)
        assert (e.protocol_id, e.protocol_hash) == (protocol.id, protocol.content_hash)
        assert e.sun_protection_counselled
        assert session.scalar(select(func.count()).select_from(Enrollment)) == 1
        assert [a.arm_id for a in e.arm_assignments] == ["A"]
        prescriptions = {p.drug: p for p in e.prescriptions}
        ivig = prescriptions["ivig"]
        # 2 g/kg × 20 kg = 40 g
        assert (ivig.amount, ivig.final_amount, ivig.unit, ivig.role) == (40, 40, "g", "arm")
        assert ivig.schedule[:3] == ["2026-11-02", "2026-11-16", "2026-11-30"]
        assert "2 g/kg × 20 kg = 40 g" in ivig.derivation
        assert prescriptions["prednisone"].final_amount == 10
        assert prescriptions["prednisone"].role == "concomitant"
        assert [v.visit_code for v in e.visits] == [
            "baseline", "month_1", "month_2", "month_6", "month_12", "month_18"]
        assert session.scalar(select(func.count()).select_from(Anthropometric)) == 1
        assert load_enrollment_draft(session, screening_id) is None
        assert audit.verify_chain(session) == (True, None)


def test_failed_finish_leaves_nothing(database, saved_patient, screening_id, protocol):
    plan = plan_for(protocol, enrollment_draft(saved_patient, screening_id))
    with pytest.raises(RuntimeError), database.session() as session:
        finish_enrollment(session, protocol, screening_id, plan, user="dr.ito")
        raise RuntimeError("crash before commit")
    with database.session() as session:
        for model in (Enrollment, ArmAssignment, Prescription, Visit, Anthropometric):
            assert session.scalar(select(func.count()).select_from(model)) == 0


def test_switch_a_to_b_keeps_history(database, saved_patient, screening_id, protocol):
    plan = plan_for(protocol, enrollment_draft(saved_patient, screening_id))
    with database.session() as session:
        enrollment_id = finish_enrollment(session, protocol, screening_id, plan, user="dr.ito")
    # 22 kg, 118 cm: BSA √(118 × 22 / 3600) = 0.84918 m²; 600 × 0.84918 = 509.51 → 510 mg
    switch = finalise_switch(protocol, "A", SwitchDraft(
        to_arm="B", reason="inadequate_response", switch_date="2026-11-20", weight="22",
        height="118", measured_on="2026-11-20", notes="rash worse"), date(2026, 11, 2), TODAY)
    with database.session() as session:
        version = enrollment_overview(session, enrollment_id).version_id
        switch_arm(session, enrollment_id, switch, user="dr.ito", expected_version=version)
    with database.session() as session:
        overview = patient_overview(session, saved_patient, {protocol.id: protocol})
    e = overview.enrollment
    assert [(p.arm_id, p.end_date, p.reason) for p in e.arm_history] == [
        ("A", date(2026, 11, 20), "initial"), ("B", None, "inadequate_response")]
    assert e.current_arm.arm_id == "B"
    arm_doses = [d for d in e.doses if d.role == "arm"]
    assert [(d.drug, d.final_amount) for d in arm_doses] == [("mycophenolate mofetil", 510)]
    assert overview.latest_weight[0] == 22
    with database.session() as session:
        stopped = session.scalar(select(Prescription).where(Prescription.drug == "ivig"))
        assert (stopped.status, stopped.stop_date) == ("stopped", date(2026, 11, 20))
