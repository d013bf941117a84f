"""The steps of a treatment plan opened on one patient from the main window: screening,
enrollment and an arm switch, each with the draft kept from last time, or else with the
patient's last stored weight and height offered (``app.domain.measurements``).

Separate from the window so tests can drive each step without a modal event loop.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from app.db.engine import Database
from app.db.enrollments import (
    active_enrollment_id,
    enrollment_overview,
    latest_measurement,
    load_enrollment_draft,
)
from app.db.patients import get_patient_input
from app.db.screenings import enrollable_screening, load_screening_draft
from app.domain.enrollment import EnrollmentDraft
from app.domain.growth import GrowthSubject
from app.domain.measurements import offered_measurement
from app.domain.protocol import Protocol

if TYPE_CHECKING:  # imported when first opened
    from app.forms.arm_switch_dialog import ArmSwitchDialog
    from app.forms.enrollment.wizard import EnrollmentWizard
    from app.forms.screening_wizard import ScreeningWizard


def screening_wizard(database: Database, protocols: dict[str, Protocol], user: str,
                     today: date, patient_id: int, patient_text: str,
                     parent: QWidget) -> ScreeningWizard:
    from app.forms.screening_wizard import ScreeningWizard

    with database.session() as session:
        draft = load_screening_draft(session, patient_id)
    wizard = ScreeningWizard(database, patient_id, user, protocols, today=today, draft=draft,
                             patient_text=patient_text, parent=parent)
    wizard.start_at_saved_page()
    return wizard


def _growth_subject(session, patient_id: int) -> GrowthSubject:
    """Age and sex for judging weight and height."""
    identity = get_patient_input(session, patient_id)
    return GrowthSubject(identity.date_of_birth, identity.sex)


def enrollment_wizard(database: Database, protocols: dict[str, Protocol], user: str,
                      today: date, patient_id: int, patient_text: str,
                      parent: QWidget) -> EnrollmentWizard | None:
    """None when the patient has no eligible screening to enroll from (or its plan is no
    longer installed)."""
    from app.forms.enrollment.wizard import EnrollmentWizard

    with database.session() as session:
        record = enrollable_screening(session, patient_id)
        if record is None:
            return None
        draft = load_enrollment_draft(session, record.summary.screening_id)
        latest = latest_measurement(session, patient_id)
        subject = _growth_subject(session, patient_id)
    protocol = protocols.get(record.summary.protocol_id)
    if protocol is None:
        return None
    if draft is None:
        draft = EnrollmentDraft(patient_id, record.summary.screening_id, protocol.id)
        if latest is not None:  # offered, and refused on the page if older than 30 days
            draft.weight, draft.height, draft.measured_on = offered_measurement(*latest)
    note = ""
    if record.protocol_hash != protocol.content_hash:
        note = (f"The plan file has changed since this screening (now version "
                f"{protocol.version}). Check that the eligibility criteria still hold, or "
                "screen again.")
    wizard = EnrollmentWizard(database, protocol, draft, record.facts,
                              record.summary.screening_date, user, today=today,
                              patient_text=patient_text, protocol_changed_note=note,
                              parent=parent, subject=subject)
    wizard.start_at_saved_page()
    return wizard


def arm_switch_dialog(database: Database, protocols: dict[str, Protocol], user: str,
                      today: date, patient_id: int, patient_text: str,
                      parent: QWidget) -> ArmSwitchDialog | None:
    """None when the patient is not enrolled on an arm (of a plan still installed)."""
    from app.forms.arm_switch_dialog import ArmSwitchDialog

    with database.session() as session:
        enrollment_id = active_enrollment_id(session, patient_id)
        if enrollment_id is None:
            return None
        overview = enrollment_overview(session, enrollment_id)
        latest = latest_measurement(session, patient_id)
        subject = _growth_subject(session, patient_id)
    protocol = protocols.get(overview.protocol_id)
    if protocol is None or overview.current_arm is None:
        return None
    dialog = ArmSwitchDialog(database, protocol, enrollment_id,
                             overview.current_arm.arm_id, overview.current_arm.start_date,
                             user, today=today, patient_text=patient_text,
                             parent=parent, enrollment_version=overview.version_id,
                             subject=subject)
    if latest is not None:  # a weight older than 30 days is refused there
        weight, height, measured_on = offered_measurement(*latest)
        dialog.measurements.load(weight, "kg", height, "cm", measured_on)
    return dialog
