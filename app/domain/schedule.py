"""Dates: infusion schedules and study visits.

Months are calendar months; a day that does not exist in the target month (e.g. the
31st) is clamped to that month's last day. Monthly doses and visits are always counted
from a fixed anchor (the first monthly dose's anchor, or the enrollment date), never
chained from the previous clamped date, so 31 Jan → 28 Feb → 31 Mar does not drift to
the 28th.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from app.domain.errors import InputError
from app.domain.protocol import Protocol, ScheduleSpec, VisitDefinition


def add_months(start: date, months: int) -> date:
    """``start`` plus whole calendar months, clamping the day to the month's last day."""
    index = start.year * 12 + (start.month - 1) + months
    year, month = divmod(index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(start.day, last_day))


def is_at_least_months_before(earlier: date, later: date, months: int) -> bool:
    """True when ``earlier`` + ``months`` calendar months (month-end clamped) is on or
    before ``later``.

    Used for the eligibility timing rule "skin not improving at least 3 months after
    muscle involvement resolved" (seed 000, Table 1; kind
    ``at_least_months_before_screening``): resolved 2025-11-30 → 2026-02-28 is the first
    qualifying screening date.
    """
    return add_months(earlier, months) <= later


def total_doses(schedule: ScheduleSpec) -> int | None:
    """Number of doses in a finite schedule (e.g. rituximab: 2), None if open-ended."""
    if any(p.doses is None for p in schedule.phases):
        return None
    return sum(p.doses or 0 for p in schedule.phases)


def infusion_dates(
    schedule: ScheduleSpec, start: date, count: int, *, allow_fewer: bool = False
) -> list[date]:
    """The first ``count`` dose dates of an administration schedule.

    Source: seed 000, Table 2, Treatment A — IVIG "every 2 weeks × 3 doses, then
    monthly". Dose 1 is on ``start`` and belongs to the first phase; each later phase
    counts from the last dose of the phase before it. With the shipped IVIG schedule:
    start, +14 days, +28 days, then dose 3 + 1, 2, 3… calendar months (project choice:
    calendar months rather than every 28 or 30 days), e.g. 2026-01-05 → 01-05, 01-19,
    02-02, 03-02, 04-02.

    Loading schedules are phases too, e.g. abatacept IV weeks 0, 2, 4 then every 4 weeks
    = 14 days × 3 doses, then every 28 days: 2026-01-05 → 01-05, 01-19, 02-02, 03-02.
    A finite schedule (rituximab: two doses) has fewer dates than ``count`` asks for:
    InputError, or with ``allow_fewer=True`` all of its dates.
    """
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        raise InputError(
            "count",
            f"The number of doses must be a whole number of at least 1; {count!r} was entered.",
        )
    dates: list[date] = []
    anchor = start
    for index, phase in enumerate(schedule.phases):
        # The first phase includes the start date itself (k = 0); later phases begin one
        # interval after the previous phase's last dose (k = 1).
        first_k = 0 if index == 0 else 1
        k = first_k
        given = 0
        while len(dates) < count and (phase.doses is None or given < phase.doses):
            if phase.every_days is not None:
                dates.append(anchor + timedelta(days=phase.every_days * k))
            else:
                dates.append(add_months(anchor, (phase.every_months or 0) * k))
            k += 1
            given += 1
        if len(dates) >= count:
            return dates
        anchor = dates[-1]
    if len(dates) < count and not allow_fewer:
        raise InputError(
            "count",
            f'The schedule "{schedule.label}" has only {len(dates)} doses; {count} were asked for.',
        )
    return dates


@dataclass(frozen=True)
class ScheduledVisit:
    """One planned study visit: target date and the window it may fall in."""

    visit_id: str
    label: str
    target: date
    window_start: date
    window_end: date
    definition: VisitDefinition

    def contains(self, day: date) -> bool:
        return self.window_start <= day <= self.window_end


def visit_schedule(protocol: Protocol, enrollment_date: date) -> list[ScheduledVisit]:
    """Planned visits from the enrollment date (seed 000: baseline, then 1, 2, 6, 12 and
    18 months). Targets are enrollment + N calendar months (month-end clamped); windows
    come from the protocol data (provisional: ±7 days at months 1-2, ±28 days at 6-18,
    baseline from enrollment to +14 days)."""
    visits: list[ScheduledVisit] = []
    for visit in protocol.visits:
        target = add_months(enrollment_date, visit.offset_months)
        visits.append(
            ScheduledVisit(
                visit_id=visit.id,
                label=visit.label,
                target=target,
                window_start=target - timedelta(days=visit.window.before_days),
                window_end=target + timedelta(days=visit.window.after_days),
                definition=visit,
            )
        )
    return visits
