"""Gather one visit of one patient into a ``VisitReport`` (plain data) for the PDFs."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.access import require_permission
from app.db.audit import head
from app.db.models import (
    AdverseEvent,
    Anthropometric,
    ArmAssignment,
    Enrollment,
    Infusion,
    InstrumentValue,
    Patient,
    PatientIdentity,
    Prescription,
    Visit,
)
from app.db.signatures import signature_of
from app.domain.coded_values import label_of
from app.domain.disease_history import ETHNICITY_CHOICES, RACE_CHOICES, disease_duration_at
from app.domain.permissions import Permission
from app.domain.protocol import record_origin_words
from app.domain.treatment_course_record import chosen_phrase, stopped_phrase
from app.domain.visit_events import visit_events, visit_order
from app.domain.visit_values import ItemEntry
from app.reports.pdf_common import audit_head_text
from app.reports.visit_report import AdverseEventLine, ArmLine, DoseLine, PastVisit, VisitReport
from app.reports.words import ETHNICITY, RACE


class VisitNotFoundError(LookupError):
    """The patient or visit asked for does not exist; the message says which."""


def _items(session: Session, visit_id: int) -> dict[str, dict[str, ItemEntry]]:
    out: dict[str, dict[str, ItemEntry]] = defaultdict(dict)
    rows = session.execute(select(
        InstrumentValue.instrument, InstrumentValue.item, InstrumentValue.value_num,
        InstrumentValue.value_text, InstrumentValue.unit, InstrumentValue.missing_reason,
    ).where(InstrumentValue.visit_id == visit_id).order_by(InstrumentValue.id))
    for instrument, item, num, text, unit, missing in rows:
        out[instrument][item] = ItemEntry(num, text, unit, missing)
    return dict(out)


def _parse_visit_name(name: str) -> tuple[str, int]:
    """"month_6", "Month 6", "unscheduled:2" -> (visit code, occurrence)."""
    text = name.strip()
    occurrence = 1
    if ":" in text:
        text, _, number = text.partition(":")
        occurrence = int(number)
    code = text.strip().lower().replace(" ", "_")
    return code, occurrence


# The dose engine ends every derivation with "Source: … [status]." (app.domain.dosing).
_RULE_STATUS = re.compile(r"\[(seed|published|provisional)\]\.?\s*$", re.MULTILINE)


def provisional_notes(plan_provisional: bool, plan_title: str,
                      doses: list[DoseLine]) -> tuple[str, ...]:
    """Plain-words list of what on a printout rests on a provisional rule."""
    notes = []
    if plan_provisional:
        notes.append(f"The plan \u201c{plan_title}\u201d is provisional: its rules have not "
                     "been confirmed against the published plan.")
    for dose in doses:
        statuses = _RULE_STATUS.findall(dose.derivation or "")
        if "provisional" in statuses:
            notes.append(f"The {dose.drug} dose rule is provisional.")
        elif "provisional rounding" in (dose.derivation or ""):
            notes.append(f"The rounding of the {dose.drug} dose is provisional.")
    return tuple(notes)


def gather_visit_report(session: Session, study_id: str, visit_name: str) -> VisitReport:
    """The report data of ``visit_name`` (code such as ``month_6``, or its label) of the
    patient's most recent enrollment that has that visit."""
    require_permission(session, Permission.VIEW_DATA)
    patient = session.scalar(select(Patient).where(Patient.study_id == study_id))
    if patient is None:
        raise VisitNotFoundError(f'There is no patient with study ID "{study_id}".')
    code, occurrence = _parse_visit_name(visit_name)
    enrollments = session.scalars(select(Enrollment).where(Enrollment.patient_id == patient.id)
                                  .order_by(Enrollment.enrollment_date.desc())).all()
    visit = None
    enrollment = None
    for e in enrollments:
        visits = session.scalars(select(Visit).where(Visit.enrollment_id == e.id)).all()
        for v in visits:
            if (v.visit_code == code or v.label.lower() == visit_name.strip().lower()) and \
                    v.occurrence == occurrence:
                visit, enrollment = v, e
                break
        if visit is not None:
            break
    if visit is None or enrollment is None:
        raise VisitNotFoundError(
            f'Patient {study_id} has no visit "{visit_name}" (use a visit code such as '
            "baseline, month_6 or unscheduled:2).")
    identity = session.scalar(select(PatientIdentity).where(
        PatientIdentity.patient_id == patient.id))
    arms = session.scalars(select(ArmAssignment).where(
        ArmAssignment.enrollment_id == enrollment.id).order_by(ArmAssignment.start_date)).all()
    on = visit.visit_date or visit.target_date or date.today()
    current = [a for a in arms if a.start_date <= on and (a.end_date is None or a.end_date >= on)]
    arm_names = {}
    title = enrollment.protocol_id
    plan_origin = ""
    protocol_is_provisional = False
    protocol = None
    try:
        from app.catalog import protocol_catalog

        protocol = protocol_catalog().protocols.get(enrollment.protocol_id)
        if protocol is not None:
            title = protocol.title
            origin = record_origin_words(protocol_catalog().protocols, protocol.id,
                                         enrollment.protocol_hash)
            plan_origin = f", {origin}" if origin else ""
            arm_names = {a.id: a.name for a in protocol.arms}
            protocol_is_provisional = protocol.provisional
    except Exception:  # noqa: BLE001 - a missing protocol file must not stop a printout
        pass
    arm_label = ""
    if current:
        arm_label = current[-1].arm_id
        if arm_names.get(arm_label):
            arm_label += f" — {arm_names[arm_label]}"
    order = visit_order(visit_events([protocol] if protocol is not None else []))
    all_visits = sorted(
        session.scalars(select(Visit).where(Visit.enrollment_id == enrollment.id)).all(),
        key=lambda v: (v.visit_date or v.target_date or date.max, order.get(v.visit_code, 99)))
    baseline = next((v for v in all_visits if v.visit_code == "baseline"), None)
    items = _items(session, visit.id)
    baseline_items = None
    if baseline is not None and baseline.id != visit.id:
        baseline_items = _items(session, baseline.id) or None
    elif baseline is not None:
        baseline_items = items
    history = []
    for v in all_visits:
        if v.status == "not_started" and v.id != visit.id:
            continue
        if (v.visit_date or v.target_date or date.max) > on and v.id != visit.id:
            continue
        past_items = items if v.id == visit.id else _items(session, v.id)
        if past_items:
            history.append(PastVisit(v.label or v.visit_code, v.visit_code,
                                     v.visit_date or v.target_date, past_items))
    doses = []
    for rx in session.scalars(select(Prescription).where(
            Prescription.enrollment_id == enrollment.id).order_by(Prescription.id)):
        if rx.status != "active":
            continue
        if rx.start_date and rx.start_date > on:
            continue
        if rx.stop_date and rx.stop_date < on:
            continue
        doses.append(DoseLine(rx.drug, rx.role, rx.amount, rx.final_amount, rx.unit, rx.per,
                              rx.frequency, rx.route, rx.capped, rx.derivation, rx.source,
                              rx.override_reason, dict(rx.inputs or {}), rx.start_date,
                              rx.status, rx.calculated))
    events = [AdverseEventLine(a.description, a.onset_date, a.resolved_date, a.serious,
                               a.relation, a.action_taken, a.category, a.severity,
                               a.outcome)
              for a in session.scalars(select(AdverseEvent).where(
                  AdverseEvent.visit_id == visit.id).order_by(AdverseEvent.id))]
    latest = session.scalars(select(Anthropometric).where(
        Anthropometric.patient_id == patient.id, Anthropometric.measured_on <= on)
        .order_by(Anthropometric.measured_on.desc())).first()
    due: tuple[str, ...] = ()
    try:
        from app.catalog import protocol_catalog

        protocol = protocol_catalog().protocols.get(enrollment.protocol_id)
        if protocol is not None:
            definition = next((d for d in protocol.visits if d.id == visit.visit_code), None)
            if definition is not None:
                # Optional instruments are printed too: paper cannot be added to later.
                due = tuple(definition.instruments) + tuple(definition.optional_instruments)
    except Exception:  # noqa: BLE001
        pass
    name = ""
    if identity is not None:
        name = f"{identity.family_name}, {identity.given_name}"
    signature = signature_of(session, visit.id)
    provisional = provisional_notes(protocol_is_provisional, title, doses)
    given = [i.given_on for i in session.scalars(select(Infusion).where(
        Infusion.arm_assignment_id.in_([a.id for a in arms]), Infusion.given_on <= on))]
    months = disease_duration_at(patient.onset_date, enrollment.enrollment_date)
    return VisitReport(
        onset_date=patient.onset_date, diagnosis_date=patient.diagnosis_date,
        disease_months=months,
        background=tuple((context, label_of(code, choices) or code)
                         for code, choices, context in (
                             (patient.race, RACE_CHOICES, RACE),
                             (patient.ethnicity, ETHNICITY_CHOICES, ETHNICITY)) if code),
        infusions_given=len(given), last_infusion=max(given, default=None),
        site=patient.site, study_id=patient.study_id, patient_name=name,
        date_of_birth=identity.date_of_birth if identity else None, sex=patient.sex,
        protocol_id=enrollment.protocol_id, protocol_title=title,
        protocol_version=enrollment.protocol_version, plan_origin=plan_origin,
        enrollment_date=enrollment.enrollment_date, arm=arm_label,
        arms=[ArmLine(a.arm_id, arm_names.get(a.arm_id, ""), a.start_date, a.end_date, a.reason,
                      chosen_phrase(a.choice_reasons or (), a.choice_other or ""),
                      stopped_phrase(a.stop_reason, a.stop_other or ""))
              for a in arms],
        visit_code=visit.visit_code, visit_label=visit.label or visit.visit_code,
        occurrence=visit.occurrence, visit_date=visit.visit_date,
        target_date=visit.target_date, window_start=visit.window_start,
        window_end=visit.window_end, status=visit.status, items=items,
        baseline_items=baseline_items, history=history, doses=doses, adverse_events=events,
        instruments_due=due, provisional_notes=provisional,
        signed_by=f"{signature.printed_name} ({signature.signed_by})" if signature else None,
        signed_at=signature.signed_at if signature else None,
        signature_meaning=signature.meaning if signature else None,
        signature_status=signature.verdict if signature else None,
        audit_head=audit_head_text(*(head(session) or (None, None))),
        weight_kg=latest.weight_kg if latest else None,
        weight_measured_on=latest.measured_on if latest else None,
        height_cm=latest.height_cm if latest else None,
    )
