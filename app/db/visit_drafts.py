"""A visit's autosaved draft: what the form keeps of an unsaved visit (app.db.drafts
stores it), and reading it back exactly."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.db.visits import AdverseEventData
from app.domain.visit_form import ItemEntry, VisitValues

DRAFT_KIND = "visit"


def draft_key(visit_id: int) -> str:
    return f"visit:{visit_id}"


def draft_payload(
    values: VisitValues, adverse_events: list[AdverseEventData], visit_date: date | None
) -> dict[str, Any]:
    """JSON for the autosaved draft (restored exactly by ``values_from_payload``)."""
    return {
        "values": {
            inst: {
                item: [e.value_num, e.value_text, e.unit, e.missing_reason]
                for item, e in items.items()
            }
            for inst, items in values.items()
        },
        "adverse_events": [
            [
                e.id,
                e.description,
                e.onset_date.isoformat() if e.onset_date else None,
                e.resolved_date.isoformat() if e.resolved_date else None,
                e.serious,
                e.relation,
                e.action_taken,
                e.category,
                e.severity,
                e.outcome,
            ]
            for e in adverse_events
        ],
        "visit_date": visit_date.isoformat() if visit_date else None,
    }


def values_from_payload(
    payload: dict[str, Any],
) -> tuple[VisitValues, list[AdverseEventData], date | None]:
    values: VisitValues = {
        inst: {item: ItemEntry(*row) for item, row in items.items()}
        for inst, items in payload.get("values", {}).items()
    }
    events = [
        AdverseEventData(
            r[0],
            r[1],
            date.fromisoformat(r[2]) if r[2] else None,
            date.fromisoformat(r[3]) if r[3] else None,
            bool(r[4]),
            r[5],
            r[6],
            *r[7:10],  # the coding; absent from payloads written before it existed
        )
        for r in payload.get("adverse_events", [])
    ]
    visit_date = payload.get("visit_date")
    return values, events, (date.fromisoformat(visit_date) if visit_date else None)
