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
    """A visit event: ``day_offset`` is its distance from baseline in days (the plan's
    calendar months at the mean month of 365.25 / 12 days, rounded), ``before_days`` and
    ``after_days`` its window (REDCap's offset_min / offset_max)."""

    code: str
    label: str
    day_offset: int = 0
    before_days: int = 0
    after_days: int = 0


DAYS_PER_MONTH = 365.25 / 12


def month_days(months: int) -> int:
    """Calendar months from baseline as whole days (1 -> 30, 6 -> 183, 18 -> 548)."""
    return round(months * DAYS_PER_MONTH)


def visit_events(
    protocols: Iterable[Protocol], found: Iterable[str] = ()
) -> tuple[VisitEvent, ...]:
    """The visit events of ``protocols`` ordered by their offset from baseline (the
    earliest offset a code has in any plan; ties by code), labelled as the first plan (by
    id) names them, with the widest window any plan gives the code; then the codes in
    ``found`` no plan defines, alphabetically, labelled from the code (no offset, no
    window); then the unscheduled visit, at the latest planned offset so that it lists
    last, without a window."""
    offsets: dict[str, int] = {}
    labels: dict[str, str] = {}
    before: dict[str, int] = {}
    after: dict[str, int] = {}
    for protocol in sorted(protocols, key=lambda p: p.id):
        for visit in protocol.visits:
            offsets[visit.id] = min(offsets.get(visit.id, visit.offset_months),
                                    visit.offset_months)
            labels.setdefault(visit.id, visit.label)
            before[visit.id] = max(before.get(visit.id, 0), visit.window.before_days)
            after[visit.id] = max(after.get(visit.id, 0), visit.window.after_days)
    planned = sorted(offsets, key=lambda code: (offsets[code], code))
    extra = sorted(set(found) - set(offsets) - {UNSCHEDULED})
    last = max((month_days(offsets[code]) for code in planned), default=0)
    return (
        *(VisitEvent(code, labels[code], month_days(offsets[code]), before[code], after[code])
          for code in planned),
        *(VisitEvent(code, code.replace("_", " ").capitalize()) for code in extra),
        VisitEvent(UNSCHEDULED, UNSCHEDULED_LABEL, last),
    )


def visit_order(events: Iterable[VisitEvent]) -> dict[str, int]:
    """Position of each visit code (for sorting a patient's visits)."""
    return {event.code: i for i, event in enumerate(events)}


__all__ = ["DAYS_PER_MONTH", "UNSCHEDULED", "UNSCHEDULED_LABEL", "VisitEvent", "month_days",
           "visit_events", "visit_order"]
