"""A visit saved by someone else since it was opened: the refusal that names the sections,
adverse events, date or status they changed, and who (app.db.conflicts)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from app.db.conflicts import ConcurrentEditError, describe_conflict
from app.db.visits import INSTRUMENTS, VisitRecord, event_tuple, load_visit, stored_entries
from app.domain.visit_form import VisitValues, stored_instrument_label

CONFLICT_LABELS: dict[str, str] = {
    **{instrument: stored_instrument_label(instrument) for instrument in INSTRUMENTS},
    "adverse_events": "Adverse events",
    "visit_date": "visit date",
    "status": "status (completed, signed or unlocked)",
}


def _comparable(
    values: VisitValues, events: Any, visit_date: date | None, status: str
) -> dict[str, Any]:
    """A visit's contents keyed as the audit trail records them (instrument, events, ...)."""
    out: dict[str, Any] = {instrument: {} for instrument in INSTRUMENTS}
    for (instrument, item), entry in stored_entries(values).items():
        out.setdefault(instrument, {})[item] = entry
    out["adverse_events"] = [event_tuple(e) for e in events]
    out["visit_date"] = visit_date
    out["status"] = status
    return out


def visit_conflict(
    session: Session,
    visit_id: int,
    opened: VisitRecord | None,
    yours: tuple[VisitValues, Any, date | None] | None = None,
) -> ConcurrentEditError:
    """The refusal for a visit saved by someone else since ``opened`` was loaded: the
    sections, adverse events, date or status they changed, and who (the audit trail).
    Without ``opened``, what differs from ``yours`` (values, adverse events, visit date)."""
    now = load_visit(session, visit_id)
    stored = _comparable(now.values, now.adverse_events, now.header.visit_date,
                         now.header.status)
    before = None
    if opened is not None:
        before = _comparable(opened.values, opened.adverse_events, opened.header.visit_date,
                             opened.header.status)
    header = now.header
    return describe_conflict(
        session,
        record=f"The {header.label or header.visit_code} visit of patient {header.study_id}",
        entity="visit",
        entity_id=visit_id,
        stored=stored,
        opened=before,
        yours=None if yours is None else _comparable(*yours, header.status),
        labels=CONFLICT_LABELS,
    )
