"""Electronic signature of a completed visit, and the lock that follows from it.

21 CFR Part 11 habits (§11.50, §11.200): a signature names the printed name of the
signer, the date and time, and its meaning; it is made by re-entering the password at
the moment of signing; a signed visit is locked, and unlocking it needs a reason and is
audited. The visit save service calls ``assert_visit_editable`` before changing a visit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from app.db import audit, users
from app.db.conflicts import load_current
from app.db.engine import Database
from app.db.models import Visit
from app.db.types import utcnow
from app.db.visits import VisitRecord, visit_conflict
from app.domain.permissions import Actor, Permission, require

AUDIT_ENTITY = "visit"

# code -> words shown in the dialog and printed under the signature
SIGNATURE_MEANINGS: dict[str, str] = {
    "reviewed_approved": "Reviewed and approved",
    "author": "Author of the recorded data",
    "reviewed": "Reviewed",
}
DEFAULT_MEANING = "reviewed_approved"


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
    signed_at: datetime
    meaning_code: str
    meaning: str

    def describe(self) -> str:
        when = self.signed_at.astimezone().strftime("%Y-%m-%d %H:%M %Z")
        return f"Signed by {self.printed_name} ({self.signed_by}) on {when}: {self.meaning}"


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
    require(actor, Permission.SIGN_VISIT)
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
    require(actor, Permission.UNLOCK_VISIT)
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
    if visit.status != "signed" or visit.signed_at is None or visit.signed_by is None:
        return None
    try:
        printed = users.get_actor(session, visit.signed_by).printed_name
    except users.UserNotFoundError:
        printed = visit.signed_by
    code = visit.signature_meaning or ""
    return SignatureInfo(
        signed_by=visit.signed_by,
        printed_name=printed,
        signed_at=visit.signed_at,
        meaning_code=code,
        meaning=meaning_text(code),
    )


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
    visit may be corrected only with a reason (issue 6: "the reason, required when
    editing a completed or signed visit"). Returns the cleaned reason to audit.
    """
    require(actor, Permission.ENTER_DATA)
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
