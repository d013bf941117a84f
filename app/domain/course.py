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
from app.domain.phrases import Joined, Number, Phrase, PlanText, joined, phrase, sentence
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


# The dose check's sentences (app.domain.dose_recheck lists them with its own; the
# interface shows them in its language): amounts Numbers, the course's name the plan's
# text, its source as published.
PHASE = {PhaseDose.MAXIMUM: 'day %1 of the course, taper phase (%2%3) of "%4" [%5: %6]',
         PhaseDose.TARGET: 'day %1 of the course, full-dose phase (%2%3) of "%4" [%5: %6]'}
UNTIL = " to %1"
DOSE_TODAY = "Protocol dose for today's weight: %1"
DOSE_TODAY_IN_PHASE = "Protocol dose for today's weight: %1 (%2)"
MAXIMUM_TODAY = "Protocol maximum for today's weight: %1 (%2)"
MINIMUM_TODAY = "Protocol minimum for today's weight: %1"
MINIMUM_TODAY_IN_PHASE = "Protocol minimum for today's weight: %1 (%2)"
PER_DAY = "%1 mg/day"  # French writes the day
ENDED = 'The course "%1" ended on %2 [%3: %4]; no dose is expected now'
ABOVE_CAP = "above the protocol maximum of %1"
BEYOND_SCHEDULE = "a dose now is beyond this plan's schedule: check by hand and record why"
AT_OR_BELOW_MAXIMUM = "at or below the maximum, as a taper may be"
ABOVE_MAXIMUM = "above the maximum of %1"
AT_OR_ABOVE_MINIMUM = "at or above the minimum"
BELOW_MINIMUM = "below the protocol minimum"
WITHIN = "within %1% of it"
BELOW_PHASE_UNKNOWN = ("%1% below it: inside the rule once the taper has started, but the "
                       "first dose date is not known, so the phase cannot be told")
AWAY = "%1% away from it (more than %2%, provisional rule)"
STATUS_WORDS = {"seed": "seed", "published": "published", "provisional": "provisional"}
COURSE_SENTENCES = (*PHASE.values(), UNTIL, DOSE_TODAY, DOSE_TODAY_IN_PHASE, MAXIMUM_TODAY,
                    MINIMUM_TODAY, MINIMUM_TODAY_IN_PHASE, ENDED, ABOVE_CAP, BEYOND_SCHEDULE,
                    AT_OR_BELOW_MAXIMUM, ABOVE_MAXIMUM, AT_OR_ABOVE_MINIMUM, BELOW_MINIMUM,
                    WITHIN, BELOW_PHASE_UNKNOWN, AWAY, *STATUS_WORDS.values())


@dataclass(frozen=True)
class CourseDoseCheck:
    """A prescribed amount judged against today's protocol dose in the course phase."""

    within: bool | None  # None: cannot tell (course over, or the phase is not known)
    today: str  # what the protocol gives today, e.g. "Protocol maximum for today's ..."
    why: str  # the judgement in plain words (both Sentences: the English as always)


def amount_words(amount: float, unit: str) -> Phrase | Joined:
    """A dose and its unit ("60 mg/day" a phrase: French writes the day)."""
    if unit == "mg/day":
        return phrase(PER_DAY, Number(f"{amount:g}"))
    return joined(" ", (Number(f"{amount:g}"), unit))


def _percent(fraction: float) -> Number:
    return Number(f"{fraction * 100:.0f}")


def _source(spec: ScheduleSpec) -> tuple[Phrase, str]:
    """The course's status in words and its source as published."""
    return phrase(STATUS_WORDS[spec.status.value]), source_in_words(spec.source)


def _phase_words(spec: ScheduleSpec, day: CourseDay) -> Phrase:
    phase = day.phase
    assert phase is not None
    until = (phrase(UNTIL, format_date(phase.ends - timedelta(days=1))) if phase.ends
             else "")
    kind = PhaseDose.MAXIMUM if phase.computed_dose is PhaseDose.MAXIMUM else PhaseDose.TARGET
    return phrase(PHASE[kind], Number(str(day.day)), format_date(phase.starts), until,
                  PlanText(spec.label), *_source(spec))


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
    shown = amount_words(amount, unit)
    if cap is not None and prescribed > cap + 1e-9:
        return CourseDoseCheck(False, sentence(DOSE_TODAY, shown),
                               sentence(ABOVE_CAP, amount_words(cap, unit)))
    day = course_day(spec, started_on, on) if spec and started_on and on else None
    if day is not None and day.phase is None:
        assert spec is not None
        ended = format_date(day.ended_on) if day.ended_on else "?"
        return CourseDoseCheck(None, sentence(ENDED, PlanText(spec.label), ended,
                                              *_source(spec)),
                               sentence(BEYOND_SCHEDULE))
    role = day.computed_dose if day is not None else None
    if role is PhaseDose.MAXIMUM:
        assert day is not None and spec is not None
        today = sentence(MAXIMUM_TODAY, shown, _phase_words(spec, day))
        if prescribed <= amount + 1e-9:
            return CourseDoseCheck(True, today, sentence(AT_OR_BELOW_MAXIMUM))
        return CourseDoseCheck(False, today, sentence(ABOVE_MAXIMUM, shown))
    phase = (_phase_words(spec, day),) if day is not None and spec is not None else ()
    if at_least:
        ok = prescribed >= amount - 1e-9
        return CourseDoseCheck(ok, sentence(MINIMUM_TODAY_IN_PHASE if phase else MINIMUM_TODAY,
                                            shown, *phase),
                               sentence(AT_OR_ABOVE_MINIMUM if ok else BELOW_MINIMUM))
    today = sentence(DOSE_TODAY_IN_PHASE if phase else DOSE_TODAY, shown, *phase)
    off = abs(prescribed - amount) / amount if amount else float("inf")
    if off <= tolerance + 1e-12:
        return CourseDoseCheck(True, today, sentence(WITHIN, _percent(tolerance)))
    tapers = spec is not None and any(p.computed_dose is PhaseDose.MAXIMUM for p in spec.phases)
    if day is None and tapers and prescribed < amount:
        return CourseDoseCheck(None, today, sentence(BELOW_PHASE_UNKNOWN, _percent(off)))
    return CourseDoseCheck(False, today, sentence(AWAY, _percent(off), _percent(tolerance)))
