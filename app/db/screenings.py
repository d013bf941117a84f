"""Screenings: save every screening (screen failures included), drafts, the screening log.

Functions take the caller's Session and never commit (one transaction per user action);
every change is audited in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import audit, drafts
from app.db.access import require_permission
from app.db.models import Enrollment, Patient, Screening, ScreeningAnswer
from app.db.prior_therapies import prior_therapy_records
from app.db.types import utcnow
from app.domain.permissions import Permission
from app.domain.protocol import Protocol
from app.domain.screening import (
    DRAFT_KIND,
    PRIOR_ANSWER_ID,
    CriterionAnswer,
    ScreeningDraft,
    Verdict,
    decide,
    draft_key,
    parse_iso_date,
    saved_answers,
    screening_facts,
)
from app.domain.screening_prior_therapy import PriorAssessment, assess_prior_therapy

AUDIT_ENTITY = "screening"


class ScreeningError(ValueError):
    pass


@dataclass(frozen=True)
class ScreeningSummary:
    """One line of a patient's screening log (plain data for the GUI)."""

    screening_id: int
    patient_id: int
    protocol_id: str
    protocol_version: str
    screening_date: date | None
    verdict: str | None
    screened_by: str
    screened_at: datetime | None
    reasons: tuple[str, ...]  # failing / unknown criteria and queries, in plain words
    enrolled: bool
    protocol_hash: str = ""  # the plan file's SHA-256 it was screened under


@dataclass(frozen=True)
class ScreeningRecord:
    """A saved screening with its answers, for the enrollment wizard."""

    summary: ScreeningSummary
    protocol_hash: str
    answers: dict[str, CriterionAnswer]
    prior: PriorAssessment | None = None  # prior-therapy evaluation saved with it

    @property
    def facts(self) -> dict[str, Any]:
        return screening_facts(self.answers)


# --------------------------------------------------------------------------- drafts


def save_screening_draft(session: Session, draft: ScreeningDraft, *, user: str) -> None:
    drafts.save_draft(session, DRAFT_KIND, draft_key(draft.patient_id), draft.to_payload(),
                      user=user)


def load_screening_draft(session: Session, patient_id: int) -> ScreeningDraft | None:
    payload = drafts.load_draft(session, DRAFT_KIND, draft_key(patient_id))
    if payload is None:
        return None
    try:
        return ScreeningDraft.from_payload(payload)
    except (KeyError, TypeError, ValueError):
        return None  # an unreadable draft is dropped rather than crashing the wizard


def discard_screening_draft(session: Session, patient_id: int) -> None:
    drafts.delete_draft(session, DRAFT_KIND, draft_key(patient_id))


# --------------------------------------------------------------------------- saving


def complete_screening(session: Session, protocol: Protocol, draft: ScreeningDraft, *,
                       user: str) -> tuple[int, Verdict]:
    """Save a finished screening (any verdict) with who screened it and when; delete the
    draft in the same transaction. Returns (screening id, verdict)."""
    require_permission(session, Permission.ENTER_DATA)
    if session.get(Patient, draft.patient_id) is None:
        raise ScreeningError(f"There is no patient with record number {draft.patient_id}.")
    if draft.protocol_id != protocol.id:
        raise ScreeningError("The draft belongs to a different protocol.")
    day = parse_iso_date(draft.screening_date)
    if day is None:
        raise ScreeningError("The screening date is missing.")
    answers = saved_answers(protocol, draft)
    prior = None
    if protocol.prior_therapy_rules:
        # The history is the patient's stored record (entered once, reused by every
        # screening), judged on this screening's date.
        prior = assess_prior_therapy(
            protocol, prior_therapy_records(session, draft.patient_id), day)
    verdict = decide(protocol, draft, prior)
    screening = Screening(
        patient_id=draft.patient_id,
        protocol_id=protocol.id,
        protocol_version=protocol.version,
        protocol_hash=protocol.content_hash,
        status="complete",
        verdict=verdict.outcome,
        screened_by=user,
        screened_at=utcnow(),
        screening_date=day,
    )
    for criterion_id, answer in answers.items():
        screening.answers.append(ScreeningAnswer(
            criterion_id=criterion_id, answer=answer.answer, details=answer.details or None))
    if prior is not None:
        screening.answers.append(ScreeningAnswer(
            criterion_id=PRIOR_ANSWER_ID, answer=prior.outcome, details=prior.to_details()))
    session.add(screening)
    session.flush()
    audit.record(session, user=user, action="create", entity=AUDIT_ENTITY,
                 entity_id=screening.id, new={
                     "patient_id": draft.patient_id, "protocol": protocol.id,
                     "protocol_version": protocol.version, "screening_date": day,
                     "verdict": verdict.outcome,
                     "answers": {cid: {"answer": a.answer, "details": a.details}
                                 for cid, a in answers.items()},
                     "prior_therapy": prior.to_details() if prior is not None else None,
                     "reasons": verdict.lines()})
    discard_screening_draft(session, draft.patient_id)
    return screening.id, verdict


# --------------------------------------------------------------------------- reading


def _summary(screening: Screening, protocol: Protocol | None, enrolled: bool) -> ScreeningSummary:
    reasons: tuple[str, ...] = ()
    if protocol is not None and protocol.content_hash != screening.protocol_hash:
        # The plan file changed since: recomputing the reasons could misstate them (the
        # audit trail keeps the reasons given at the time).
        protocol = None
        if screening.verdict not in (None, "eligible"):
            reasons = (f"Screened under plan version {screening.protocol_version}; see the "
                       "audit trail for the reasons given then.",)
    if protocol is not None and screening.verdict is not None:
        # An eligible screening has reasons too when a detail was queried.
        draft = ScreeningDraft(
            patient_id=screening.patient_id, protocol_id=screening.protocol_id,
            screening_date=screening.screening_date.isoformat() if screening.screening_date
            else "",
            answers={a.criterion_id: CriterionAnswer(a.answer, dict(a.details or {}))
                     for a in screening.answers if a.criterion_id != PRIOR_ANSWER_ID})
        reasons = tuple(decide(protocol, draft, stored_prior(screening)).lines())
    return ScreeningSummary(
        screening_id=screening.id,
        patient_id=screening.patient_id,
        protocol_id=screening.protocol_id,
        protocol_version=screening.protocol_version,
        screening_date=screening.screening_date,
        verdict=screening.verdict,
        screened_by=screening.screened_by,
        screened_at=screening.screened_at,
        reasons=reasons,
        enrolled=enrolled,
        protocol_hash=screening.protocol_hash,
    )


def stored_prior(screening: Screening) -> PriorAssessment | None:
    """The prior-therapy evaluation saved with a screening, if any."""
    for a in screening.answers:
        if a.criterion_id == PRIOR_ANSWER_ID and a.details:
            return PriorAssessment.from_details(a.details)
    return None


def _enrolled_ids(session: Session, patient_id: int) -> set[int]:
    return set(session.scalars(
        select(Enrollment.screening_id).where(Enrollment.patient_id == patient_id)))


def list_screenings(session: Session, patient_id: int,
                    protocols: dict[str, Protocol] | None = None) -> list[ScreeningSummary]:
    """The patient's screening log, newest first (screen failures included)."""
    enrolled = _enrolled_ids(session, patient_id)
    rows = session.scalars(
        select(Screening).where(Screening.patient_id == patient_id,
                                Screening.status == "complete")
        .order_by(Screening.screened_at.desc(), Screening.id.desc()))
    protocols = protocols or {}
    return [_summary(s, protocols.get(s.protocol_id), s.id in enrolled) for s in rows]


def get_screening(session: Session, screening_id: int) -> ScreeningRecord:
    screening = session.get(Screening, screening_id)
    if screening is None:
        raise ScreeningError(f"There is no screening number {screening_id}.")
    enrolled = screening_id in _enrolled_ids(session, screening.patient_id)
    return ScreeningRecord(
        summary=_summary(screening, None, enrolled),
        protocol_hash=screening.protocol_hash,
        answers={a.criterion_id: CriterionAnswer(a.answer, dict(a.details or {}))
                 for a in screening.answers if a.criterion_id != PRIOR_ANSWER_ID},
        prior=stored_prior(screening),
    )


def enrollable_screening(session: Session, patient_id: int) -> ScreeningRecord | None:
    """The newest eligible screening not yet used for an enrollment and not made before an
    earlier enrollment of the patient ended (``stale_screening``), if the patient has no
    active enrollment; else None."""
    active = session.scalar(select(Enrollment.id).where(
        Enrollment.patient_id == patient_id, Enrollment.status == "active"))
    if active is not None:
        return None
    enrolled = _enrolled_ids(session, patient_id)
    candidates = session.scalars(
        select(Screening).where(Screening.patient_id == patient_id,
                                Screening.status == "complete",
                                Screening.verdict == "eligible",
                                Screening.id.not_in(enrolled) if enrolled else True)
        .order_by(Screening.screened_at.desc(), Screening.id.desc()))
    ended = last_enrollment_end(session, patient_id)
    screening = next((c for c in candidates if stale_screening(c, ended) is None), None)
    return None if screening is None else get_screening(session, screening.id)


def last_enrollment_end(session: Session, patient_id: int) -> date | None:
    """When the patient's latest ended enrollment ended (its start when no end date was
    recorded); None for a patient never enrolled before."""
    rows = session.execute(select(Enrollment.ended_on, Enrollment.enrollment_date).where(
        Enrollment.patient_id == patient_id, Enrollment.status != "active")).all()
    return max((ended or started for ended, started in rows), default=None)


def stale_screening(screening: Screening, ended: date | None) -> str | None:
    """Why a screening cannot open a new enrollment: made before the patient's previous
    enrollment ended, its answers (prior therapies, disease duration) describe the child
    before that course. None when it can."""
    made = screening.screening_date or (screening.screened_at.date()
                                        if screening.screened_at else None)
    if ended is None or made is None or made >= ended:
        return None
    return (f"This screening was made on {made.isoformat()}, before the patient's previous "
            f"enrollment ended on {ended.isoformat()}: its answers describe the child before "
            "that treatment. Screen the patient again.")
