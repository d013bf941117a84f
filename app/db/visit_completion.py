"""Marking a visit complete: refused while a required item is neither entered nor
explained. Signing a completed visit and unlocking a signed one: app.db.signatures.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from app.db import audit
from app.db.access import require_permission
from app.db.conflicts import load_current
from app.db.models import Visit
from app.db.types import utcnow
from app.db.visits import VisitError
from app.domain.permissions import Permission


class IncompleteVisitError(VisitError):
    def __init__(self, missing: list[str]) -> None:
        self.missing = missing
        super().__init__(
            "The visit cannot be marked complete: enter these or give a reason why each is "
            "missing: " + "; ".join(missing) + "."
        )


def mark_complete(
    session: Session,
    visit_id: int,
    unmet: list[str],
    *,
    user: str,
) -> None:
    """Set the visit complete. ``unmet`` are labels of required items still neither
    entered nor explained (computed by the caller from ``app.domain.visit_form``, after
    saving any reasons as missing-reason rows); a non-empty list refuses."""
    require_permission(session, Permission.ENTER_DATA)
    if unmet:
        raise IncompleteVisitError(list(unmet))
    visit = load_current(session, Visit, visit_id)
    if visit is None:
        raise VisitError(f"Visit {visit_id} does not exist.")
    if visit.status in ("complete", "signed"):
        return
    old = visit.status
    visit.status = "complete"
    visit.completed_at = utcnow()
    visit.completed_by = user
    if visit.visit_date is None:
        visit.visit_date = date.today()
    audit.record(
        session,
        user=user,
        action="complete",
        entity="visit",
        entity_id=visit_id,
        field="status",
        old=old,
        new="complete",
    )
    session.flush()
