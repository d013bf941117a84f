"""Enrollment, arm switch and the patient page's read model.

One module although long: enrolling, switching and stopping share the enrollment's
version check, its running arm and its audit entries.

``switch_arm`` takes the enrollment's version from when the switch dialog was opened:
an enrollment someone else switched meanwhile is refused (``ConcurrentEditError``).

``finish_enrollment`` saves the whole enrollment in the caller's ONE transaction:
enrollment (with protocol id/version/hash), initial arm assignment, anthropometrics,
prescriptions with derivations, the visit schedule, audit entries, and removes the
wizard draft. A second call for the same screening is refused (and the unique
``enrollment.screening_id`` backs that up), so a double click cannot enroll twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.db import audit, drafts, write_lock
from app.db.access import require_permission
from app.db.conflicts import (
    ConcurrentEditError,
    FieldChange,
    last_changed_by,
    load_current,
    refused_if_overtaken,
)
from app.db.models import (
    Anthropometric,
    ArmAssignment,
    Enrollment,
    Infusion,
    Patient,
    Prescription,
    Screening,
    Visit,
)
from app.db.screenings import (
    ScreeningSummary,
    last_enrollment_end,
    list_screenings,
    stale_screening,
)
from app.db.types import utcnow
from app.domain.arm_switch import SwitchPlan
from app.domain.body import BodyMeasurements
from app.domain.concomitant_medicines import ConcomitantItem
from app.domain.enrollment import DRAFT_KIND, EnrollmentDraft, EnrollmentPlan, draft_key
from app.domain.permissions import Permission
from app.domain.planned_doses import PlannedDose
from app.domain.protocol import Protocol
from app.domain.treatment_course_record import (
    END_REASON_CODES,
    OTHER,
    ArmChoiceReasons,
    DueLine,
    GivenInfusion,
    arm_choice_problems,
    due_vs_given,
    end_problems,
    infusion_problems,
    normalised_reasons,
)


class EnrollmentError(ValueError):
    pass


class AlreadyEnrolledError(EnrollmentError):
    pass


# --------------------------------------------------------------------------- drafts


def save_enrollment_draft(session: Session, draft: EnrollmentDraft, *, user: str) -> None:
    drafts.save_draft(session, DRAFT_KIND, draft_key(draft.screening_id), draft.to_payload(),
                      user=user)


def load_enrollment_draft(session: Session, screening_id: int) -> EnrollmentDraft | None:
    payload = drafts.load_draft(session, DRAFT_KIND, draft_key(screening_id))
    if payload is None:
        return None
    try:
        return EnrollmentDraft.from_payload(payload)
    except (KeyError, TypeError, ValueError):
        return None


def discard_enrollment_draft(session: Session, screening_id: int) -> None:
    drafts.delete_draft(session, DRAFT_KIND, draft_key(screening_id))


# --------------------------------------------------------------------------- writing


def _inputs(body: BodyMeasurements, weight_unit: str, height_unit: str) -> dict[str, Any]:
    return {
        "weight_kg": body.weight_kg,
        "height_cm": body.height_cm,
        "measured_on": body.measured_on.isoformat() if body.measured_on else None,
        "bsa_m2": body.bsa_m2,
        "entered_units": f"{weight_unit}/{height_unit}",
    }


def _add_anthropometric(session: Session, patient_id: int, body: BodyMeasurements,
                        weight_unit: str, height_unit: str, user: str) -> Anthropometric:
    assert body.measured_on is not None
    row = Anthropometric(patient_id=patient_id, measured_on=body.measured_on,
                         weight_kg=body.weight_kg, height_cm=body.height_cm,
                         entered_unit="metric" if (weight_unit, height_unit) == ("kg", "cm")
                         else f"{weight_unit}/{height_unit}", entered_by=user)
    session.add(row)
    session.flush()
    audit.record(session, user=user, action="create", entity="anthropometric", entity_id=row.id,
                 new=_inputs(body, weight_unit, height_unit))
    return row


def _dose_prescription(enrollment_id: int, assignment_id: int, planned: PlannedDose,
                       start: date, inputs: dict[str, Any], user: str) -> Prescription:
    r = planned.result
    return Prescription(
        enrollment_id=enrollment_id, arm_assignment_id=assignment_id, drug=r.drug, role="arm",
        calculated=True, amount=r.amount, unit=r.unit, per=r.per, frequency=r.frequency,
        route=r.route, capped=r.capped, derivation=r.derivation, source=r.source,
        status="active", final_amount=planned.final_amount,
        override_reason=planned.override_reason, start_date=start,
        inputs={**inputs, "rule_status": r.status.value, "calculated_raw": r.calculated,
                "arm_option": r.option or None, "range_max": r.range_max},
        schedule=[d.isoformat() for d in planned.schedule] or None, prescribed_by=user)


def _concomitant_prescription(enrollment_id: int, item: ConcomitantItem, start: date,
                              inputs: dict[str, Any], user: str) -> Prescription:
    return Prescription(
        enrollment_id=enrollment_id, arm_assignment_id=None, drug=item.drug, role="concomitant",
        calculated=item.calculated, amount=item.amount, unit=item.unit, per=item.per,
        frequency=item.frequency, route=item.route, capped=False, derivation=item.derivation,
        source=item.source, status="active", final_amount=item.final_amount,
        start_date=start, inputs={**inputs, "rule_status": item.status},
        schedule=[d.isoformat() for d in item.schedule] or None, prescribed_by=user)


def _audit_prescription(session: Session, p: Prescription, user: str) -> None:
    audit.record(session, user=user, action="create", entity="prescription", entity_id=p.id,
                 new={"enrollment_id": p.enrollment_id, "arm_assignment_id": p.arm_assignment_id,
                      "drug": p.drug, "role": p.role, "amount": p.amount, "unit": p.unit,
                      "per": p.per, "final_amount": p.final_amount,
                      "derivation": p.derivation, "schedule": p.schedule},
                 reason=p.override_reason)


def finish_enrollment(session: Session, protocol: Protocol, screening_id: int,
                      plan: EnrollmentPlan, *, user: str) -> int:
    """Save an enrollment and everything that goes with it; returns the enrollment id."""
    require_permission(session, Permission.ENTER_DATA)
    # Under the write lock the "already enrolled" checks below see every committed
    # enrollment, so a second workstation finishing the same patient is refused plainly.
    write_lock.hold(session)
    screening = session.get(Screening, screening_id)
    if screening is None:
        raise EnrollmentError(f"There is no screening number {screening_id}.")
    if screening.verdict != "eligible" or screening.status != "complete":
        raise EnrollmentError("Only an eligible, completed screening can be used to enroll.")
    if screening.protocol_id != protocol.id:
        raise EnrollmentError("The screening was made under a different protocol.")
    existing = session.scalar(select(Enrollment.id).where(Enrollment.screening_id == screening_id))
    if existing is not None:
        raise AlreadyEnrolledError("This screening has already been used to enroll the patient.")
    active = session.scalar(select(Enrollment.id).where(
        Enrollment.patient_id == screening.patient_id, Enrollment.status == "active"))
    if active is not None:
        raise AlreadyEnrolledError("The patient is already enrolled in a treatment plan.")
    stale = stale_screening(screening, last_enrollment_end(session, screening.patient_id))
    if stale is not None:
        raise EnrollmentError(stale)

    enrollment = Enrollment(
        patient_id=screening.patient_id, screening_id=screening_id, protocol_id=protocol.id,
        protocol_version=protocol.version, protocol_hash=protocol.content_hash,
        enrollment_date=plan.enrollment_date, enrolled_by=user,
        sun_protection_counselled=plan.sun_protection_counselled, status="active")
    session.add(enrollment)
    try:
        session.flush()
    except IntegrityError as error:  # a concurrent finish got there first
        raise AlreadyEnrolledError(
            "This screening has already been used to enroll the patient.") from error
    audit.record(session, user=user, action="create", entity="enrollment",
                 entity_id=enrollment.id, new={
                     "patient_id": enrollment.patient_id, "screening_id": screening_id,
                     "protocol": protocol.id, "protocol_version": protocol.version,
                     "protocol_hash": protocol.content_hash,
                     "enrollment_date": plan.enrollment_date,
                     "sun_protection_counselled": plan.sun_protection_counselled})

    choice = _checked_choice(plan.choice)
    assignment = ArmAssignment(enrollment_id=enrollment.id, arm_id=plan.arm_id,
                               start_date=plan.start_date, reason="initial",
                               notes=plan.arm_notes, created_by=user,
                               choice_reasons=list(choice.codes) or None,
                               choice_other=choice.other_text)
    session.add(assignment)
    session.flush()
    audit.record(session, user=user, action="create", entity="arm_assignment",
                 entity_id=assignment.id, new={"enrollment_id": enrollment.id,
                                               "arm_id": plan.arm_id,
                                               "start_date": plan.start_date,
                                               "reason": "initial", "notes": plan.arm_notes,
                                               "choice_reasons": list(choice.codes),
                                               "choice_other": choice.other_text})

    _add_anthropometric(session, enrollment.patient_id, plan.body, plan.weight_unit,
                        plan.height_unit, user)
    inputs = _inputs(plan.body, plan.weight_unit, plan.height_unit)
    rows = [_dose_prescription(enrollment.id, assignment.id, d, plan.start_date, inputs, user)
            for d in plan.doses]
    rows += [_concomitant_prescription(enrollment.id, c, plan.enrollment_date, inputs, user)
             for c in plan.concomitant]
    session.add_all(rows)
    session.flush()
    for row in rows:
        _audit_prescription(session, row, user)

    for v in plan.visits:
        visit = Visit(enrollment_id=enrollment.id, visit_code=v.visit_id, occurrence=1,
                      label=v.label, target_date=v.target, window_start=v.window_start,
                      window_end=v.window_end, status="not_started")
        session.add(visit)
        session.flush()
        audit.record(session, user=user, action="create", entity="visit", entity_id=visit.id,
                     new={"enrollment_id": enrollment.id, "visit_code": v.visit_id,
                          "target_date": v.target, "window_start": v.window_start,
                          "window_end": v.window_end})
    discard_enrollment_draft(session, screening_id)
    return enrollment.id


def switch_arm(session: Session, enrollment_id: int, plan: SwitchPlan, *, user: str,
               expected_version: int) -> int:
    """Move an enrollment to another arm (seed 000, Table 2, rule 2c): end the current
    assignment and its arm prescriptions on the switch date, start the new arm with doses
    recomputed from the current measurements. History is kept. Returns the new
    assignment id.

    ``expected_version`` is the enrollment's version when the switch was started
    (``EnrollmentOverview.version_id``); every switch advances it.
    """
    require_permission(session, Permission.ENTER_DATA)
    enrollment, current = _with_running_arm(session, enrollment_id)

    def refusal() -> ConcurrentEditError:
        return _switch_conflict(session, enrollment_id)

    if (enrollment.version_id != expected_version or current is None
            or current.arm_id != plan.from_arm):
        raise refusal()
    if plan.switch_date < current.start_date:
        raise EnrollmentError("The switch date is before the current arm started.")
    _checked_choice(plan.choice)
    with refused_if_overtaken(session, refusal, lambda: session.scalar(
            select(Enrollment.version_id).where(Enrollment.id == enrollment_id))
            != expected_version):
        new_id = _switch(session, enrollment, current, plan, user)
    return new_id


def _switch(session: Session, enrollment: Enrollment, current: ArmAssignment,
            plan: SwitchPlan, user: str) -> int:
    enrollment_id = enrollment.id
    # The enrollment's version is what the switch dialog holds: advance it with the arm.
    enrollment.updated_at = utcnow()
    current.end_date = plan.switch_date
    # A switch changes the treatment: the arm left ends for the switch's reason (a reason
    # outside the stop list, from a plan's own switch rule, is "other" with its code).
    current.stop_reason = plan.reason if plan.reason in END_REASON_CODES else OTHER
    current.stop_other = "" if plan.reason in END_REASON_CODES else plan.reason
    audit.record(session, user=user, action="update", entity="arm_assignment",
                 entity_id=current.id, field="end_date", old=None, new=plan.switch_date,
                 reason=plan.reason)
    audit.record(session, user=user, action="update", entity="arm_assignment",
                 entity_id=current.id, field="stop_reason", old=None, new=current.stop_reason,
                 reason=current.stop_other or None)
    for p in session.scalars(select(Prescription).where(
            Prescription.arm_assignment_id == current.id, Prescription.status == "active")):
        p.status = "stopped"
        p.stop_date = plan.switch_date
        audit.record(session, user=user, action="update", entity="prescription",
                     entity_id=p.id, field="status", old="active", new="stopped",
                     reason=f"arm switch {plan.from_arm} → {plan.to_arm}")
    session.flush()  # the partial unique index allows one open assignment at a time
    choice = normalised_reasons(plan.choice)
    new = ArmAssignment(enrollment_id=enrollment_id, arm_id=plan.to_arm,
                        start_date=plan.switch_date, reason=plan.reason, notes=plan.notes,
                        created_by=user, choice_reasons=list(choice.codes) or None,
                        choice_other=choice.other_text)
    session.add(new)
    session.flush()
    audit.record(session, user=user, action="create", entity="arm_assignment",
                 entity_id=new.id, new={"enrollment_id": enrollment_id, "arm_id": plan.to_arm,
                                        "from_arm": plan.from_arm,
                                        "start_date": plan.switch_date, "notes": plan.notes,
                                        "choice_reasons": list(choice.codes),
                                        "choice_other": choice.other_text},
                 reason=plan.reason)
    _add_anthropometric(session, enrollment.patient_id, plan.body, plan.weight_unit,
                        plan.height_unit, user)
    inputs = _inputs(plan.body, plan.weight_unit, plan.height_unit)
    rows = [_dose_prescription(enrollment_id, new.id, d, plan.switch_date, inputs, user)
            for d in plan.doses]
    session.add_all(rows)
    session.flush()
    for row in rows:
        _audit_prescription(session, row, user)
    return new.id


def _checked_choice(reasons: ArmChoiceReasons) -> ArmChoiceReasons:
    problems = arm_choice_problems(reasons)
    if problems:
        raise EnrollmentError("Why this arm was chosen: " + " ".join(problems))
    return normalised_reasons(reasons)


def stop_treatment(session: Session, enrollment_id: int, *, stop_date: date, reason: str,
                   other_text: str = "", user: str, expected_version: int,
                   today: date | None = None) -> None:
    """Stop the current arm's treatment (any arm) on ``stop_date`` for a coded reason:
    the arm assignment ends with the reason, its active arm prescriptions stop; the
    enrollment stays active (visits go on: the outcome after stopping is data too).
    One transaction, audited; refused when someone changed the enrollment meanwhile."""
    require_permission(session, Permission.ENTER_DATA)
    enrollment, current = _with_running_arm(session, enrollment_id)

    def refusal() -> ConcurrentEditError:
        return _switch_conflict(session, enrollment_id)

    if enrollment.version_id != expected_version:
        raise refusal()
    if current is None:
        raise EnrollmentError("No treatment is running: the current arm has already ended.")
    problems = end_problems(reason, other_text, stop_date, current.start_date,
                            today or date.today())
    if problems:
        raise EnrollmentError(" ".join(problems))
    with refused_if_overtaken(session, refusal, lambda: session.scalar(
            select(Enrollment.version_id).where(Enrollment.id == enrollment_id))
            != expected_version):
        enrollment.updated_at = utcnow()
        current.end_date = stop_date
        current.stop_reason = reason
        current.stop_other = other_text.strip() if reason == OTHER else ""
        for name, value in (("end_date", stop_date), ("stop_reason", reason),
                            ("stop_other", current.stop_other)):
            audit.record(session, user=user, action="update", entity="arm_assignment",
                         entity_id=current.id, field=name, old=None, new=value,
                         reason="treatment stopped")
        for p in session.scalars(select(Prescription).where(
                Prescription.arm_assignment_id == current.id,
                Prescription.status == "active")):
            p.status = "stopped"
            p.stop_date = stop_date
            audit.record(session, user=user, action="update", entity="prescription",
                         entity_id=p.id, field="status", old="active", new="stopped",
                         reason=f"treatment stopped: {reason}")


def record_infusion(session: Session, enrollment_id: int, infusion: GivenInfusion, *,
                    user: str, today: date | None = None) -> int:
    """Record an infusion actually given; it belongs to the arm running on its date.
    Returns its id."""
    require_permission(session, Permission.ENTER_DATA)
    arms = session.scalars(select(ArmAssignment).where(
        ArmAssignment.enrollment_id == enrollment_id)
        .order_by(ArmAssignment.start_date, ArmAssignment.id)).all()
    if not arms:
        raise EnrollmentError(f"There is no enrollment number {enrollment_id} with an arm.")
    on = infusion.given_on
    running = [a for a in arms if a.start_date <= on and (a.end_date is None
                                                          or a.end_date >= on)]
    problems = infusion_problems(on, infusion.dose, infusion.unit, infusion.drug,
                                 arms[0].start_date, today or date.today())
    if problems:
        raise InfusionError(problems)
    if not running:
        raise InfusionError({"given_on": f"No arm was running on {on.isoformat()}: the "
                             "infusion date must fall within an arm's treatment."})
    row = Infusion(arm_assignment_id=running[-1].id, drug=infusion.drug.strip(),
                   given_on=on, dose=infusion.dose, unit=infusion.unit.strip(),
                   entered_by=user)
    session.add(row)
    session.flush()
    audit.record(session, user=user, action="create", entity="infusion", entity_id=row.id,
                 new={"enrollment_id": enrollment_id, "arm_assignment_id": row.arm_assignment_id,
                      "drug": row.drug, "given_on": on, "dose": row.dose, "unit": row.unit})
    return row.id


class InfusionError(EnrollmentError):
    """An infusion that breaks a rule; ``problems`` by field."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__(" ".join(problems.values()))
        self.problems = problems


@dataclass(frozen=True)
class InfusionSchedule:
    """One arm drug's schedule beside the infusions given for it (due vs given)."""

    arm_id: str
    drug: str
    lines: tuple[DueLine, ...]


def infusions_due_and_given(session: Session, enrollment_id: int,
                            today: date | None = None) -> tuple[InfusionSchedule, ...]:
    """For each arm period and each drug with a schedule or an infusion: the planned dose
    dates (the prescription's schedule) beside the infusions given (read-only)."""
    require_permission(session, Permission.VIEW_DATA)
    today = today or date.today()
    arms = session.scalars(select(ArmAssignment).where(
        ArmAssignment.enrollment_id == enrollment_id)
        .order_by(ArmAssignment.start_date, ArmAssignment.id)).all()
    out = []
    for arm in arms:
        schedules: dict[str, list[date]] = {}
        for p in session.scalars(select(Prescription).where(
                Prescription.arm_assignment_id == arm.id).order_by(Prescription.id)):
            if p.schedule:
                schedules.setdefault(p.drug, []).extend(
                    date.fromisoformat(d) for d in p.schedule)
        given: dict[str, list[GivenInfusion]] = {}
        for i in arm.infusions:
            given.setdefault(i.drug, []).append(GivenInfusion(i.given_on, i.drug, i.dose, i.unit))
        for drug in [*schedules, *(d for d in given if d not in schedules)]:
            out.append(InfusionSchedule(arm.arm_id, drug, tuple(due_vs_given(
                schedules.get(drug, []), given.get(drug, []), today))))
    return tuple(out)


def _with_running_arm(session: Session, enrollment_id: int
                      ) -> tuple[Enrollment, ArmAssignment | None]:
    """The enrollment (EnrollmentError if there is none) and its running arm, if any."""
    enrollment = load_current(session, Enrollment, enrollment_id)
    if enrollment is None:
        raise EnrollmentError(f"There is no enrollment number {enrollment_id}.")
    current = session.scalar(select(ArmAssignment).where(
        ArmAssignment.enrollment_id == enrollment_id, ArmAssignment.end_date.is_(None)))
    return enrollment, current


def _switch_conflict(session: Session, enrollment_id: int) -> ConcurrentEditError:
    """The refusal of a switch: what happened to the enrollment's arm, and who did it."""
    enrollment = load_current(session, Enrollment, enrollment_id)
    assert enrollment is not None  # enrollments are never deleted
    study_id = session.scalar(select(Patient.study_id)
                              .where(Patient.id == enrollment.patient_id))
    assignment_ids = session.scalars(select(ArmAssignment.id)
                                     .where(ArmAssignment.enrollment_id == enrollment_id)).all()
    who = last_changed_by(session, "arm_assignment", assignment_ids, any_field=True)
    changes = [FieldChange("arm", "current arm", who)]
    return ConcurrentEditError(f"The enrollment of patient {study_id}", changes)


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class ArmPeriod:
    arm_id: str
    start_date: date
    end_date: date | None
    reason: str
    notes: str
    choice_reasons: tuple[str, ...] = ()
    choice_other: str = ""
    stop_reason: str | None = None
    stop_other: str = ""


@dataclass(frozen=True)
class DoseLine:
    drug: str
    role: str
    amount: float | None
    final_amount: float | None
    unit: str
    per: str
    frequency: str
    route: str
    derivation: str
    override_reason: str | None
    schedule: tuple[date, ...]
    start_date: date | None
    option: str = ""  # the arm option the dose belongs to ("" = none)


@dataclass(frozen=True)
class VisitLine:
    visit_code: str
    label: str
    target_date: date | None
    window_start: date | None
    window_end: date | None
    status: str


@dataclass(frozen=True)
class EnrollmentOverview:
    enrollment_id: int
    protocol_id: str
    protocol_version: str
    enrollment_date: date
    enrolled_by: str
    status: str
    sun_protection_counselled: bool
    current_arm: ArmPeriod | None
    arm_history: tuple[ArmPeriod, ...]
    doses: tuple[DoseLine, ...]  # active prescriptions
    visits: tuple[VisitLine, ...]
    version_id: int  # keep it with an open switch dialog (see switch_arm)
    protocol_hash: str = ""  # the plan file's SHA-256 it was made under


@dataclass(frozen=True)
class PastEnrollment:
    """An enrollment that ended (completed or withdrawn): kept on the patient page."""

    enrollment_id: int
    protocol_id: str
    protocol_version: str
    protocol_hash: str
    enrollment_date: date
    enrolled_by: str
    status: str  # completed / withdrawn
    ended_on: date | None
    end_reason: str
    arm_history: tuple[ArmPeriod, ...]

    @property
    def last_arm(self) -> str | None:
        return self.arm_history[-1].arm_id if self.arm_history else None


@dataclass(frozen=True)
class PatientOverview:
    patient_id: int
    study_id: str
    name: str
    date_of_birth: date | None
    sex: str
    site: str
    screenings: tuple[ScreeningSummary, ...]
    enrollment: EnrollmentOverview | None  # the current (active) enrollment
    latest_weight: tuple[float | None, float | None, date] | None  # kg, cm, measured on
    onset_date: date | None = None
    diagnosis_date: date | None = None
    race: str = ""
    ethnicity: str = ""
    past_enrollments: tuple[PastEnrollment, ...] = ()  # newest first


def _period(a: ArmAssignment) -> ArmPeriod:
    return ArmPeriod(a.arm_id, a.start_date, a.end_date, a.reason, a.notes,
                     tuple(a.choice_reasons or ()), a.choice_other or "", a.stop_reason,
                     a.stop_other or "")


def active_enrollment_id(session: Session, patient_id: int) -> int | None:
    return session.scalar(select(Enrollment.id).where(
        Enrollment.patient_id == patient_id, Enrollment.status == "active")
        .order_by(Enrollment.enrollment_date.desc(), Enrollment.id.desc()).limit(1))


def enrollment_overview(session: Session, enrollment_id: int) -> EnrollmentOverview:
    e = session.get(Enrollment, enrollment_id)
    if e is None:
        raise EnrollmentError(f"There is no enrollment number {enrollment_id}.")
    history = tuple(_period(a) for a in sorted(e.arm_assignments,
                                               key=lambda a: (a.start_date, a.id)))
    current = next((p for p in reversed(history) if p.end_date is None), None)
    doses = tuple(
        DoseLine(p.drug, p.role, p.amount, p.final_amount, p.unit, p.per, p.frequency, p.route,
                 p.derivation, p.override_reason,
                 tuple(date.fromisoformat(d) for d in (p.schedule or [])), p.start_date,
                 str((p.inputs or {}).get("arm_option") or ""))
        for p in e.prescriptions if p.status == "active")
    visits = tuple(VisitLine(v.visit_code, v.label, v.target_date, v.window_start, v.window_end,
                             v.status) for v in e.visits)
    return EnrollmentOverview(e.id, e.protocol_id, e.protocol_version, e.enrollment_date,
                              e.enrolled_by, e.status, e.sun_protection_counselled, current,
                              history, doses, visits, e.version_id, e.protocol_hash)


def latest_measurement(session: Session, patient_id: int
                       ) -> tuple[float | None, float | None, date] | None:
    """The newest stored weight/height (kg, cm, measured on), or None."""
    row = session.scalar(select(Anthropometric).where(Anthropometric.patient_id == patient_id)
                         .order_by(Anthropometric.measured_on.desc(), Anthropometric.id.desc())
                         .limit(1))
    return None if row is None else (row.weight_kg, row.height_cm, row.measured_on)


def patient_overview(session: Session, patient_id: int,
                     protocols: dict[str, Protocol] | None = None) -> PatientOverview:
    """Everything the patient page shows, as plain data."""
    patient = session.get(Patient, patient_id)
    if patient is None:
        raise EnrollmentError(f"There is no patient with record number {patient_id}.")
    identity = patient.identity
    name = f"{identity.family_name}, {identity.given_name}" if identity else ""
    enrollment_id = active_enrollment_id(session, patient_id)
    return PatientOverview(
        patient_id=patient.id, study_id=patient.study_id, name=name,
        date_of_birth=identity.date_of_birth if identity else None, sex=patient.sex,
        site=patient.site, screenings=tuple(list_screenings(session, patient_id, protocols)),
        enrollment=None if enrollment_id is None else enrollment_overview(session, enrollment_id),
        latest_weight=latest_measurement(session, patient_id),
        onset_date=patient.onset_date, diagnosis_date=patient.diagnosis_date,
        race=patient.race or "", ethnicity=patient.ethnicity or "",
        past_enrollments=past_enrollments(session, patient_id))


def past_enrollments(session: Session, patient_id: int) -> tuple[PastEnrollment, ...]:
    """The patient's ended enrollments, newest first, with their arm histories."""
    rows = session.scalars(select(Enrollment).where(
        Enrollment.patient_id == patient_id, Enrollment.status != "active")
        .order_by(Enrollment.enrollment_date.desc(), Enrollment.id.desc())).all()
    return tuple(PastEnrollment(
        e.id, e.protocol_id, e.protocol_version, e.protocol_hash, e.enrollment_date,
        e.enrolled_by, e.status, e.ended_on, e.end_reason or "",
        tuple(_period(a) for a in sorted(e.arm_assignments, key=lambda a: (a.start_date, a.id))))
        for e in rows)
