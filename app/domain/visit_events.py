"""The visits an export has events for, from the plans (architecture, "Protocols are
data"): every visit of the installed protocol files, in time order, then any visit code
found only in the data (a plan no longer installed), then the unscheduled visit.

A plan with a ``month_3`` visit thus gives ``month_3`` events in the REDCap events file,
the instrument-event mapping and the adverse events' visit choices, and the import reads
its own export back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from app.domain.protocol import Protocol

UNSCHEDULED = "unscheduled"
UNSCHEDULED_LABEL = "Unscheduled"


@dataclass(frozen=True)
class VisitEvent:
    code: str
    label: str


def visit_events(
    protocols: Iterable[Protocol], found: Iterable[str] = ()
) -> tuple[VisitEvent, ...]:
    """The visit events of ``protocols`` ordered by their offset from baseline (the
    earliest offset a code has in any plan; ties by code), labelled as the first plan (by
    id) names them; then the codes in ``found`` no plan defines, alphabetically, labelled
    from the code; then the unscheduled visit."""
    offsets: dict[str, int] = {}
    labels: dict[str, str] = {}
    for protocol in sorted(protocols, key=lambda p: p.id):
        for visit in protocol.visits:
            offsets[visit.id] = min(offsets.get(visit.id, visit.offset_months),
                                    visit.offset_months)
            labels.setdefault(visit.id, visit.label)
    planned = sorted(offsets, key=lambda code: (offsets[code], code))
    extra = sorted(set(found) - set(offsets) - {UNSCHEDULED})
    return (
        *(VisitEvent(code, labels[code]) for code in planned),
        *(VisitEvent(code, code.replace("_", " ").capitalize()) for code in extra),
        VisitEvent(UNSCHEDULED, UNSCHEDULED_LABEL),
    )


def visit_order(events: Iterable[VisitEvent]) -> dict[str, int]:
    """Position of each visit code (for sorting a patient's visits)."""
    return {event.code: i for i, event in enumerate(events)}


__all__ = ["UNSCHEDULED", "UNSCHEDULED_LABEL", "VisitEvent", "visit_events", "visit_order"]
