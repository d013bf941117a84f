"""A patient enrolled on the persistent-skin-rash plan with its scheduled visits, built
directly through the ORM, and how the visit-form tests open and fill the form: shared by
the visit form, timeline and trend-chart tests."""

from __future__ import annotations

from datetime import date

from app.catalog import protocol_catalog
from app.db.models import ArmAssignment, Enrollment, Prescription, Screening, Visit
from app.db.patients import PatientInput, create_patient
from app.domain.schedule import visit_schedule

PROTOCOL_ID = "persistent-skin-rash"
# The visit-form tests' "today": fixed, so "in the future" and due dates never drift.
TODAY = date(2026, 11, 21)


def open_form(qtbot, database, visit_id, **kwargs):
    """The visit form of ``visit_id`` as the user "nurse", closed with the test."""
    from app.forms.visit_form import VisitFormWindow

    kwargs.setdefault("today", TODAY)
    window = VisitFormWindow(database, visit_id, "nurse", **kwargs)
    qtbot.addWidget(window)
    return window


def type_in(field, text):
    field.edit.clear()
    field.edit.setText(text)


def enrolled_patient(
    database,
    *,
    study_id="JDM-V01",
    arm="A",
    enrolled=date(2026, 5, 4),
    dob=date(2016, 2, 1),
    prescription=(40.0, "g", "dose", "ivig"),
    protocol_id=PROTOCOL_ID,
    arm_started=None,
):
    """Patient + screening + enrollment on arm ``arm`` + the protocol's visits, via the ORM.
    The arm starts on ``arm_started`` (default: the enrollment date)."""
    protocol = protocol_catalog().get(protocol_id)
    with database.session() as s:
        pid = create_patient(
            s,
            PatientInput(
                study_id=study_id,
                given_name="Ada",
                family_name="Okafor",
                date_of_birth=dob,
                sex="female",
                mrn="",
                site="Toronto",
            ),
            user="tester",
        )
        screening = Screening(
            patient_id=pid,
            protocol_id=protocol_id,
            protocol_version=protocol.version,
            protocol_hash=protocol.content_hash,
            status="complete",
            verdict="eligible",
            screened_by="tester",
            screening_date=enrolled,
        )
        enrollment = Enrollment(
            patient_id=pid,
            screening=screening,
            protocol_id=protocol_id,
            protocol_version=protocol.version,
            protocol_hash=protocol.content_hash,
            enrollment_date=enrolled,
            enrolled_by="tester",
        )
        arm_row = ArmAssignment(arm_id=arm, start_date=arm_started or enrolled,
                                created_by="tester")
        enrollment.arm_assignments.append(arm_row)
        s.add(enrollment)
        s.flush()
        visits = {}
        for v in visit_schedule(protocol, enrolled):
            row = Visit(
                enrollment_id=enrollment.id,
                visit_code=v.visit_id,
                label=v.label,
                target_date=v.target,
                window_start=v.window_start,
                window_end=v.window_end,
            )
            s.add(row)
            s.flush()
            visits[v.visit_id] = row.id
        if prescription:
            amount, unit, per, drug = prescription
            s.add(
                Prescription(
                    enrollment_id=enrollment.id,
                    arm_assignment_id=arm_row.id,
                    drug=drug,
                    role="arm",
                    amount=amount,
                    final_amount=amount,
                    unit=unit,
                    per=per,
                )
            )
        return pid, enrollment.id, visits
