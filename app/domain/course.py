"""Where a child is in a treatment course on a given day, from the protocol's schedule
data: which phase (prednisone at the full dose for 4 weeks, then tapered), whether the
computed dose is the target or only a maximum in it, and whether a finite course (the
2010 plan's IV methylprednisolone pulses) has ended.

Phases are laid out as ``schedule.infusion_dates`` lays out doses: the first phase
starts on the first dose day; each later phase counts from the last dose of the phase
before. A phase lasts until the next phase's first dose is due; a finite course is over
one interval after its last dose (the next dose would have been due then).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from app.domain.dates import format_date
from app.domain.protocol import PhaseDose, SchedulePhase, ScheduleSpec
from app.domain.schedule import add_months
from app.domain.source_words import source_in_words


def _step(anchor: date, phase: SchedulePhase, k: int) -> date:
    if phase.every_days is not None:
        return anchor + timedelta(days=phase.every_days * k)
    return add_months(anchor, (phase.every_months or 0) * k)


@dataclass(frozen=True)
class CoursePhase:
    """One phase of a course laid out in time: its first day and the day after its last
    (None for an open-ended phase)."""

    index: int
    phase: SchedulePhase
    starts: date
    ends: date | None  # exclusive: the first day no longer in this phase

    @property
    def computed_dose(self) -> PhaseDose:
        return self.phase.computed_dose


def course_phases(spec: ScheduleSpec, start: date) -> tuple[CoursePhase, ...]:
    """The phases of ``spec`` from the first dose on ``start``.

    E.g. prednisone "4 weeks, then taper" (daily × 28, then daily as a maximum) from
    2026-01-05: full dose 01-05 to 02-01, taper from 02-02 (day 28). IV methylprednisolone
    daily × 3 then weekly × 7 from 2026-01-05: pulses on days 0-2, then days 9 to 51;
    the course is over from day 58 (2026-03-04).
    """
    out: list[CoursePhase] = []
    anchor = start
    for index, phase in enumerate(spec.phases):
        first_k = 0 if index == 0 else 1
        first = _step(anchor, phase, first_k)
        if phase.doses is None:
            out.append(CoursePhase(index, phase, first, None))
            break
        last = _step(anchor, phase, first_k + phase.doses - 1)
        following = spec.phases[index + 1] if index + 1 < len(spec.phases) else phase
        out.append(CoursePhase(index, phase, first, _step(last, following, 1)))
        anchor = last
    return tuple(out)


@dataclass(frozen=True)
class CourseDay:
    """A day seen from a course: its phase, or that the course has not begun or is over."""

    on: date
    start: date
    phase: CoursePhase | None  # None before the first dose or after a finite course
    ended_on: date | None  # the first day after a finite course, when ``on`` is past it

    @property
    def day(self) -> int:
        """Days since the first dose (0 = the first dose day)."""
        return (self.on - self.start).days

    @property
    def computed_dose(self) -> PhaseDose | None:
        return None if self.phase is None else self.phase.computed_dose


def course_day(spec: ScheduleSpec, start: date, on: date) -> CourseDay:
    """The phase of the course (first dose on ``start``) that ``on`` falls in. Before the
    first dose the first phase is returned (the dose to start with)."""
    phases = course_phases(spec, start)
    if on < start:
        return CourseDay(on, start, phases[0], None)
    for phase in phases:
        if phase.ends is None or on < phase.ends:
            return CourseDay(on, start, phase, None)
    return CourseDay(on, start, None, phases[-1].ends)


# --------------------------------------------------------------------------- dose check


@dataclass(frozen=True)
class CourseDoseCheck:
    """A prescribed amount judged against today's protocol dose in the course phase."""

    within: bool | None  # None: cannot tell (course over, or the phase is not known)
    today: str  # what the protocol gives today, e.g. "Protocol maximum for today's ..."
    why: str  # the judgement in plain words


def _phase_words(spec: ScheduleSpec, day: CourseDay) -> str:
    phase = day.phase
    assert phase is not None
    kind = "taper" if phase.computed_dose is PhaseDose.MAXIMUM else "full-dose"
    until = f" to {format_date(phase.ends - timedelta(days=1))}" if phase.ends else ""
    return (f"day {day.day} of the course, {kind} phase ({format_date(phase.starts)}{until}) of "
            f"\"{spec.label}\" [{spec.status.value}: {source_in_words(spec.source)}]")


def check_dose_in_course(
    amount: float,
    unit: str,
    cap: float | None,
    at_least: bool,
    prescribed: float,
    tolerance: float,
    spec: ScheduleSpec | None,
    started_on: date | None,
    on: date | None,
) -> CourseDoseCheck:
    """Judge a prescribed amount against today's protocol dose ``amount`` (its ``cap``
    and ``at_least``), in the course phase of ``on`` (clinical-rules §1.3).

    In a phase where the computed dose is a MAXIMUM (prednisone after the first 4 weeks,
    tapered at the clinician's discretion) any amount up to it is inside the rule; a
    maximum is not a target. In a TARGET phase the amount must be within ``tolerance``
    (a fraction) of the dose; an "at least" rule needs only the minimum. Above the cap is
    always outside. After a finite course (the 2010 plan's pulses) nothing is expected:
    "cannot tell" with the end date. Without the first dose date the phase is unknown: a
    dose below the target but within the maximum is then "cannot tell".
    """
    shown = f"{amount:g} {unit}"
    if cap is not None and prescribed > cap + 1e-9:
        return CourseDoseCheck(False, f"Protocol dose for today's weight: {shown}",
                               f"above the protocol maximum of {cap:g} {unit}")
    day = course_day(spec, started_on, on) if spec and started_on and on else None
    if day is not None and day.phase is None:
        ended = format_date(day.ended_on) if day.ended_on else "?"
        return CourseDoseCheck(
            None,
            f"The course \"{spec.label}\" ended on {ended} [{spec.status.value}: "
            f"{source_in_words(spec.source)}]; no dose is expected now",
            "a dose now is beyond this plan's schedule: check by hand and record why",
        )
    role = day.computed_dose if day is not None else None
    if role is PhaseDose.MAXIMUM:
        assert day is not None and spec is not None
        today = f"Protocol maximum for today's weight: {shown} ({_phase_words(spec, day)})"
        if prescribed <= amount + 1e-9:
            return CourseDoseCheck(True, today, "at or below the maximum, as a taper may be")
        return CourseDoseCheck(False, today, f"above the maximum of {shown}")
    where = f" ({_phase_words(spec, day)})" if day is not None and spec is not None else ""
    if at_least:
        ok = prescribed >= amount - 1e-9
        return CourseDoseCheck(ok, f"Protocol minimum for today's weight: {shown}{where}",
                               "at or above the minimum" if ok else "below the protocol minimum")
    today = f"Protocol dose for today's weight: {shown}{where}"
    off = abs(prescribed - amount) / amount if amount else float("inf")
    if off <= tolerance + 1e-12:
        return CourseDoseCheck(True, today, f"within {tolerance:.0%} of it")
    tapers = spec is not None and any(p.computed_dose is PhaseDose.MAXIMUM for p in spec.phases)
    if day is None and tapers and prescribed < amount:
        return CourseDoseCheck(
            None, today,
            f"{off:.0%} below it: inside the rule once the taper has started, but the first "
            "dose date is not known, so the phase cannot be told",
        )
    return CourseDoseCheck(
        False, today, f"{off:.0%} away from it (more than {tolerance:.0%}, provisional rule)")
