"""Electronic signature of a completed visit, and the lock that follows from it.

21 CFR Part 11 habits (§11.50, §11.200, §11.70): a signature names the printed name of
the signer, the date and time, and its meaning; it is made by re-entering the password
at the moment of signing; a signed visit is locked, and unlocking it needs a reason and
is audited. The visit save service calls ``assert_visit_editable`` before changing a
visit.

A signature is bound to what was signed (§11.70): signing records, in the hash-chained
audit trail, a SHA-256 digest of the visit's content (every item value, the adverse
events, the scores computed from them, the signer, the meaning and the time). Wherever a
signature is shown (the visit page, the PDF, ``jdm-ctp audit verify``) the digest is
computed again from what is stored now: "signature valid", or "content changed after
signing", or, for a visit marked signed without such an entry, "no signature was made in
jdm-ctp". The status flag alone is never taken as a signature.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import audit, users
from app.db.access import current_actor
from app.db.conflicts import load_current
from app.db.engine import Database
from app.db.models import AdverseEvent, AuditEntry, InstrumentValue, Visit
from app.db.record_states import KIND_BY_NAME, canonical, current_states, state_text
from app.db.types import utcnow
from app.db.visit_conflicts import visit_conflict
from app.db.visits import VisitRecord
from app.domain.instruments.common import InstrumentInputError
from app.domain.permissions import Actor, Permission
from app.domain.visit_scores import score_visit
from app.domain.visit_values import ItemEntry

AUDIT_ENTITY = "visit"

# code -> words shown in the dialog and printed under the signature
SIGNATURE_MEANINGS: dict[str, str] = {
    "reviewed_approved": "Reviewed and approved",
    "author": "Author of the recorded data",
    "reviewed": "Reviewed",
}
DEFAULT_MEANING = "reviewed_approved"

# What is shown wherever a signature is (visit page, PDF, audit verify).
SIGNATURE_VALID = "signature valid"
CONTENT_CHANGED = "content changed after signing"
NO_SIGNATURE = "no signature was made in jdm-ctp for this visit"
SIGNATURE_FIELD = "signature"  # the audit entry that holds the digest


class SignatureError(Exception):
    """Signing or unlocking was refused; the message says why in plain words."""


class VisitNotFoundError(SignatureError):
    pass


class VisitLockedError(SignatureError):
    def __init__(self, visit: Visit) -> None:
        when = visit.signed_at.astimezone().strftime("%Y-%m-%d %H:%M") if visit.signed_at else ""
        super().__init__(
            f"This visit was signed by {visit.signed_by} on {when} and is locked. "
            "A clinician must unlock it (giving a reason) before it can be changed."
        )
        self.visit_pk = visit.id


@dataclass(frozen=True)
class SignatureInfo:
    """What is shown on screen and printed on the PDF under a signed visit."""

    signed_by: str
    printed_name: str
    signed_at: datetime | None  # None only for a visit marked signed outside jdm-ctp
    meaning_code: str
    meaning: str
    verdict: str = SIGNATURE_VALID  # SIGNATURE_VALID, CONTENT_CHANGED or NO_SIGNATURE

    @property
    def valid(self) -> bool:
        return self.verdict == SIGNATURE_VALID

    def describe(self) -> str:
        when = (self.signed_at.astimezone().strftime("%Y-%m-%d %H:%M %Z")
                if self.signed_at else "an unknown date")
        text = f"Signed by {self.printed_name} ({self.signed_by}) on {when}: {self.meaning}"
        if self.valid:
            return f"{text} — {self.verdict}."
        return f"{text} — NOT VALID: {self.verdict}."


def _visit(session: Session, visit_pk: int) -> Visit:
    visit = session.get(Visit, visit_pk)
    if visit is None:
        raise VisitNotFoundError(f"There is no visit with record number {visit_pk}.")
    return visit


def meaning_text(code: str) -> str:
    return SIGNATURE_MEANINGS.get(code, code)


def sign_visit(
    session: Session,
    actor: Actor,
    visit_pk: int,
    password: str,
    meaning: str = DEFAULT_MEANING,
    *,
    expected_version: int | None = None,
    opened: VisitRecord | None = None,
) -> SignatureInfo:
    """Sign a completed visit: permission, status, then the password, then the signature.

    A wrong password raises ``users.LoginRefused`` after recording the failure in
    ``session`` (use ``sign_visit_committing`` so it is kept). Everything is checked
    before anything is written, so a refusal changes nothing else.
    """
    # The signer's account as it is now: a clinician demoted elsewhere cannot sign.
    actor = current_actor(session, actor, Permission.SIGN_VISIT)
    if meaning not in SIGNATURE_MEANINGS:
        raise SignatureError(
            "Choose what the signature means: " + ", ".join(SIGNATURE_MEANINGS.values()) + "."
        )
    # Signing covers the values the signer saw: a visit saved elsewhere since the form
    # loaded it (``opened``) is refused like any other save, naming what changed.
    visit = load_current(session, Visit, visit_pk)
    if visit is None:
        raise VisitNotFoundError(f"There is no visit with record number {visit_pk}.")
    if expected_version is not None and visit.version_id != expected_version:
        raise visit_conflict(session, visit_pk, opened)
    if visit.status == "signed":
        raise SignatureError(f"This visit is already signed by {visit.signed_by}.")
    if visit.status != "complete":
        raise SignatureError(
            f"Only a completed visit can be signed; this one is {visit.status.replace('_', ' ')}."
        )
    signer = users.check_password(session, actor, password, purpose="signature")
    now = utcnow()
    before = {
        "status": visit.status,
        "signed_at": visit.signed_at,
        "signed_by": visit.signed_by,
        "signature_meaning": visit.signature_meaning,
    }
    visit.status = "signed"
    visit.signed_at = now
    visit.signed_by = signer.user_name
    visit.signature_meaning = meaning
    session.flush()
    for name, old in before.items():
        audit.record(
            session,
            user=signer.user_name,
            action="sign",
            entity=AUDIT_ENTITY,
            entity_id=visit.id,
            field=name,
            old=old,
            new=getattr(visit, name),
            reason=f"{meaning_text(meaning)} — signed by {signer.printed_name}",
        )
    # What was signed, bound into the chain: the digest is computed again wherever the
    # signature is shown.
    content = signed_content(session, visit.id)
    audit.record(
        session,
        user=signer.user_name,
        action="sign",
        entity=AUDIT_ENTITY,
        entity_id=visit.id,
        field=SIGNATURE_FIELD,
        new={"digest": content_digest(content), "scores": content["scores"],
             "signer": signer.user_name, "meaning": meaning,
             "signed_at": content["signed_at"]},
        reason=f"{meaning_text(meaning)} — signed by {signer.printed_name}",
    )
    return SignatureInfo(
        signed_by=signer.user_name,
        printed_name=signer.printed_name,
        signed_at=now,
        meaning_code=meaning,
        meaning=meaning_text(meaning),
    )


def sign_visit_committing(
    database: Database, actor: Actor, visit_pk: int, password: str, meaning: str = DEFAULT_MEANING,
    *, opened: VisitRecord | None = None,
) -> SignatureInfo:
    """``sign_visit`` in its own transaction; a wrong password is committed, then raised.

    ``opened``: the visit as the signer's form loaded it; its version must still be the
    stored one."""
    refused: users.LoginRefused | None = None
    expected = opened.header.version_id if opened is not None else None
    with database.session() as session:
        try:
            info = sign_visit(session, actor, visit_pk, password, meaning,
                              expected_version=expected, opened=opened)
        except users.LoginRefused as exc:
            refused = exc
    if refused is not None:
        raise refused
    return info


def unlock_signed_visit(session: Session, actor: Actor, visit_pk: int, reason: str) -> None:
    """Unlock a signed visit for correction; the signature is cleared, history keeps it."""
    actor = current_actor(session, actor, Permission.UNLOCK_VISIT)
    why = (reason or "").strip()
    if not why:
        raise SignatureError("Give the reason for unlocking this signed visit.")
    # As stored now, under the write lock: of two people unlocking the same visit at
    # once, the second is told it is not signed, not shown a raw version error.
    visit = load_current(session, Visit, visit_pk)
    if visit is None:
        raise VisitNotFoundError(f"There is no visit with record number {visit_pk}.")
    if visit.status != "signed":
        raise SignatureError("This visit is not signed, so there is nothing to unlock.")
    before = {
        "status": visit.status,
        "signed_at": visit.signed_at,
        "signed_by": visit.signed_by,
        "signature_meaning": visit.signature_meaning,
    }
    # Back to "complete": the data stay as signed until someone edits them (audited with
    # a reason, since the visit is complete), and it must be signed again.
    visit.status = "complete"
    visit.signed_at = None
    visit.signed_by = None
    visit.signature_meaning = None
    session.flush()
    for name, old in before.items():
        audit.record(
            session,
            user=actor.user_name,
            action="unlock",
            entity=AUDIT_ENTITY,
            entity_id=visit.id,
            field=name,
            old=old,
            new=getattr(visit, name),
            reason=why,
        )


def signature_of(session: Session, visit_pk: int) -> SignatureInfo | None:
    """The signature to show/print for a visit, or None if it is not signed."""
    visit = _visit(session, visit_pk)
    if visit.status != "signed":
        return None
    # A visit marked signed is shown with its verdict even when the signature's fields
    # are missing (set by hand): the status flag alone is never a signature.
    signer = visit.signed_by or "(nobody)"
    try:
        printed = users.get_actor(session, signer).printed_name
    except users.UserNotFoundError:
        printed = signer
    code = visit.signature_meaning or ""
    return SignatureInfo(
        signed_by=signer,
        printed_name=printed,
        signed_at=visit.signed_at,
        meaning_code=code,
        meaning=meaning_text(code),
        verdict=signature_verdict(session, visit_pk),
    )


# ------------------------------------------------------- what a signature is bound to


def _visit_values(session: Session, visit_pk: int) -> dict[str, dict[str, ItemEntry]]:
    values: dict[str, dict[str, ItemEntry]] = {}
    for row in session.execute(
        select(InstrumentValue.instrument, InstrumentValue.item, InstrumentValue.value_num,
               InstrumentValue.value_text, InstrumentValue.unit,
               InstrumentValue.missing_reason)
        .where(InstrumentValue.visit_id == visit_pk)
    ):
        values.setdefault(row[0], {})[row[1]] = ItemEntry(row[2], row[3], row[4], row[5])
    return values


def _scores(values: dict[str, dict[str, ItemEntry]]) -> dict[str, Any]:
    """The totals the signer saw, by the one path from items to scores (app.domain)."""
    try:
        scores = score_visit(values, explain=False)
    except (InstrumentInputError, ValueError, TypeError):
        return {"cmas_total": None, "chaq_disability_index": None, "mmt8_total": None}
    return {
        "cmas_total": None if scores.cmas is None else canonical(scores.cmas.total),
        "chaq_disability_index": (None if scores.chaq is None
                                  else canonical(scores.chaq.disability_index)),
        "mmt8_total": None if scores.mmt8 is None else canonical(scores.mmt8.total),
    }


def signed_content(session: Session, visit_pk: int) -> dict[str, Any]:
    """Everything a signature of this visit covers, as canonical JSON-ready data."""
    visit = session.execute(
        select(Visit.id, Visit.enrollment_id, Visit.visit_code, Visit.occurrence,
               Visit.visit_date, Visit.signed_by, Visit.signature_meaning, Visit.signed_at)
        .where(Visit.id == visit_pk)).one()
    items = dict(current_states(session, KIND_BY_NAME["instrument_value"], [visit_pk]))
    # The coding (issue 18) is covered when recorded; an event without it reads as before,
    # so a visit signed before the coding existed still verifies.
    events = [
        [canonical(value) for value in (row[:6] if not any(row[6:]) else row)]
        for row in session.execute(
            select(AdverseEvent.description, AdverseEvent.onset_date,
                   AdverseEvent.resolved_date, AdverseEvent.serious, AdverseEvent.relation,
                   AdverseEvent.action_taken, AdverseEvent.category, AdverseEvent.severity,
                   AdverseEvent.outcome)
            .where(AdverseEvent.visit_id == visit_pk).order_by(AdverseEvent.id))
    ]
    return {
        "visit": visit.id, "enrollment": visit.enrollment_id, "visit_code": visit.visit_code,
        "occurrence": visit.occurrence, "visit_date": canonical(visit.visit_date),
        "items": items.get(visit_pk, {}), "adverse_events": events,
        "scores": _scores(_visit_values(session, visit_pk)),
        "signer": visit.signed_by, "meaning": visit.signature_meaning,
        "signed_at": canonical(visit.signed_at),
    }


def content_digest(content: dict[str, Any]) -> str:
    return hashlib.sha256(state_text(content).encode("utf-8")).hexdigest()


def recorded_signature(session: Session, visit_pk: int) -> dict[str, Any] | None:
    """The digest entry of the visit's current signature: the newest one made after the
    last unlock, or None when the visit was not signed in jdm-ctp since then."""
    entries = session.execute(
        select(AuditEntry.action, AuditEntry.field, AuditEntry.new_value)
        .where(AuditEntry.entity == AUDIT_ENTITY, AuditEntry.entity_id == str(visit_pk),
               AuditEntry.action.in_(("sign", "unlock")))
        .order_by(AuditEntry.id.desc())).all()
    for action, field, new_value in entries:
        if action == "unlock":
            return None
        if field == SIGNATURE_FIELD:
            try:
                recorded = json.loads(new_value or "{}")
            except ValueError:
                return None
            return recorded if isinstance(recorded, dict) else None
    return None


def signature_verdict(session: Session, visit_pk: int) -> str:
    """SIGNATURE_VALID, CONTENT_CHANGED or NO_SIGNATURE for a visit marked signed."""
    recorded = recorded_signature(session, visit_pk)
    if recorded is None:
        return NO_SIGNATURE
    if recorded.get("digest") != content_digest(signed_content(session, visit_pk)):
        return CONTENT_CHANGED
    return SIGNATURE_VALID


def signature_problems(session: Session) -> list[str]:
    """Every visit marked signed whose signature is not valid, in words (audit verify)."""
    problems = []
    for visit_pk, label in session.execute(
        select(Visit.id, Visit.label).where(Visit.status == "signed").order_by(Visit.id)
    ):
        verdict = signature_verdict(session, visit_pk)
        if verdict != SIGNATURE_VALID:
            problems.append(f"visit record {visit_pk} ({label}): {verdict}")
    return problems


def is_visit_locked(session: Session, visit_pk: int) -> bool:
    return _visit(session, visit_pk).status == "signed"


def assert_visit_editable(session: Session, visit_pk: int) -> None:
    """Raise ``VisitLockedError`` if the visit is signed (call before saving a visit)."""
    visit = _visit(session, visit_pk)
    if visit.status == "signed":
        raise VisitLockedError(visit)


class ReasonRequiredError(SignatureError):
    pass


def check_visit_edit(
    session: Session, actor: Actor, visit_pk: int, reason: str | None
) -> str | None:
    """Everything the visit save service must check before changing a visit's data.

    Permission enter_data; a signed visit is locked (``VisitLockedError``); a completed
    visit may be corrected only with a reason (the reason is
    required when editing a completed or signed visit). Returns the cleaned reason to audit.
    """
    current_actor(session, actor, Permission.ENTER_DATA)
    visit = _visit(session, visit_pk)
    if visit.status == "signed":
        raise VisitLockedError(visit)
    why = (reason or "").strip() or None
    if visit.status == "complete" and why is None:
        raise ReasonRequiredError(
            "This visit is complete; give the reason for changing it (it is kept in the "
            "audit trail with the change)."
        )
    return why
