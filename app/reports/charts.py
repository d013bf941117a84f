"""Charts as plain data: what a chart shows — lines, step curves, shaded ranges, reference
lines, and axes with their ticks — decided here without Qt, so that the screen
(``app.forms.chart_view``), a printed report or a cohort view draw the same thing and a
test can read it without looking at pixels.

Coordinates are floats. On a date axis they are day numbers (``date.toordinal()``), and
its ticks fall on the first day of months. The drawing side only maps numbers to pixels;
it asks ``Axis.ticks(max_labels)`` how to label the room it has.

Shapes cover the patient trends and the cohort plots still to come: ``LINE`` for an
outcome over time, ``STEP`` for a Kaplan–Meier curve (with ``MARKERS`` of ``PLUS`` for
censored children), a ``Band`` for an interquartile range under a median line.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

BLUE = "#1f5f99"
RED = "#b00020"
GREEN = "#2e7d32"
GREY = "#8a8a8a"

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Label every month, or every 2nd, 3rd, ... month: steps that divide a year keep the
# labelled months the same each year (every 3rd = Jan, Apr, Jul, Oct).
MONTH_STEPS = (1, 2, 3, 4, 6, 12, 24, 60, 120)
NICE_FACTORS = (1.0, 2.0, 2.5, 5.0)


class Scale(StrEnum):
    VALUE = "value"
    DATE = "date"  # values are date.toordinal() day numbers


class Shape(StrEnum):
    LINE = "line"  # points joined in order
    STEP = "step"  # horizontal then vertical: a survival curve
    MARKERS = "markers"  # points only


class Marker(StrEnum):
    CIRCLE = "circle"
    PLUS = "plus"  # a censoring mark
    NONE = "none"


class Orientation(StrEnum):
    HORIZONTAL = "horizontal"  # at a y value: an upper limit of normal, a threshold
    VERTICAL = "vertical"  # at an x value: an arm change


class Stroke(StrEnum):
    SOLID = "solid"
    DASHED = "dashed"
    DOTTED = "dotted"


@dataclass(frozen=True)
class Tick:
    at: float
    label: str  # "" for a tick mark without a label


@dataclass(frozen=True)
class Axis:
    low: float
    high: float
    scale: Scale = Scale.VALUE
    title: str = ""
    # Values always labelled, e.g. an instrument's maximum (CMAS 52): nearby round ticks
    # give way to them.
    always_labelled: tuple[float, ...] = ()
    whole_numbers: bool = False  # counts: no tick at 2.5

    def ticks(self, max_labels: int, month_names: Sequence[str] = MONTHS) -> tuple[Tick, ...]:
        """At most ``max_labels`` labelled ticks (at least 2 are always asked for)."""
        if self.scale is Scale.DATE:
            return month_ticks(self.low, self.high, max_labels, month_names)
        return value_ticks(self.low, self.high, max_labels, always=self.always_labelled,
                           whole_numbers=self.whole_numbers)

    def fraction(self, value: float) -> float:
        """Where ``value`` lies between low (0.0) and high (1.0)."""
        span = self.high - self.low
        return 0.5 if span <= 0 else (value - self.low) / span

    def text(self, value: float, month_names: Sequence[str] = MONTHS) -> str:
        """``value`` as a reader would say it: "4 May 2026" on a date axis, else "28"."""
        if self.scale is Scale.DATE:
            day = date.fromordinal(round(value))
            return f"{day.day} {month_names[day.month - 1]} {day.year}"
        return number_text(value)


@dataclass(frozen=True)
class Series:
    label: str
    points: tuple[tuple[float, float], ...]
    shape: Shape = Shape.LINE
    marker: Marker = Marker.CIRCLE
    colour: str = BLUE
    marker_size: float = 3.0  # radius in device-independent pixels
    in_legend: bool = False


@dataclass(frozen=True)
class Band:
    """A shaded range: (x, lower, upper) per point, e.g. the interquartile range."""

    label: str
    points: tuple[tuple[float, float, float], ...]
    colour: str = BLUE
    in_legend: bool = False


@dataclass(frozen=True)
class Rule:
    """A reference line across the whole plot, with a short label."""

    orientation: Orientation
    at: float
    label: str
    colour: str = GREY
    stroke: Stroke = Stroke.DOTTED


@dataclass(frozen=True)
class Chart:
    key: str  # a stable name ("cmas"), for tests and for saving a view's choices
    title: str
    x: Axis
    y: Axis
    series: tuple[Series, ...] = ()
    bands: tuple[Band, ...] = ()
    rules: tuple[Rule, ...] = ()
    empty_text: str = "no data"

    @property
    def has_data(self) -> bool:
        return any(s.points for s in self.series) or any(b.points for b in self.bands)

    @property
    def legend(self) -> tuple[Series | Band, ...]:
        return tuple(e for e in (*self.bands, *self.series) if e.in_legend)


# ------------------------------------------------------------------------------ ticks


def day(when: date) -> float:
    return float(when.toordinal())


def date_axis(dates: Iterable[date], pad_days: int = 20, title: str = "") -> Axis:
    """A date axis over ``dates`` with ``pad_days`` either side, so the first and last
    points are not on the frame and at least one month starts inside it. Without any
    date the axis is empty (no ticks)."""
    days = [d.toordinal() for d in dates]
    if not days:
        return Axis(0.0, 1.0, Scale.DATE, title)
    return Axis(float(min(days) - pad_days), float(max(days) + pad_days), Scale.DATE, title)


def _month_index(when: date) -> int:
    return when.year * 12 + when.month - 1


def month_ticks(low: float, high: float, max_labels: int,
                month_names: Sequence[str] = MONTHS) -> tuple[Tick, ...]:
    """A tick on the first day of every month in [low, high]; each labelled month once
    ("May '26"), every month if they fit in ``max_labels``, else every 2nd, 3rd, 4th, 6th,
    12th... month, on the same months each year."""
    if high < low or low < 1:  # an empty axis (date_axis of no dates) has no months
        return ()
    first = date.fromordinal(max(1, math.ceil(low)))
    last = date.fromordinal(math.floor(high))
    start = _month_index(first) + (0 if first.day == 1 else 1)
    months = [date(i // 12, i % 12 + 1, 1) for i in range(start, _month_index(last) + 1)]
    if not months:
        return ()
    wanted = max(1, max_labels)
    labelled: set[date] = {months[0]}  # no step fits (room for one label): the first month
    for step in MONTH_STEPS:
        chosen = {m for m in months if _month_index(m) % step == 0}
        if 1 <= len(chosen) <= wanted:
            labelled = chosen
            break
    return tuple(
        Tick(day(m), f"{month_names[m.month - 1]} '{m.year % 100:02d}" if m in labelled else "")
        for m in months
    )


def nice_step(span: float, max_labels: int, whole_numbers: bool = False) -> float:
    """The smallest of 1, 2, 2.5, 5 × 10^k giving at most ``max_labels`` ticks on ``span``."""
    intervals = max(1, max_labels - 1)
    if span <= 0:
        return 1.0
    raw = span / intervals
    exponent = math.floor(math.log10(raw))
    for e in (exponent, exponent + 1):
        for factor in NICE_FACTORS:
            step = factor * 10.0**e
            if whole_numbers and (step < 1 or step != int(step)):
                continue
            if step >= raw * (1 - 1e-9):
                return step
    return 10.0 ** (exponent + 2)


def number_text(value: float) -> str:
    """12 -> "12", 2.5 -> "2.5", 0.30000000000000004 -> "0.3"."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def value_ticks(low: float, high: float, max_labels: int, *, always: Sequence[float] = (),
                whole_numbers: bool = False) -> tuple[Tick, ...]:
    """Round ticks from ``low`` to ``high``, plus every value in ``always`` (which is
    labelled even if that makes one more than ``max_labels``); a round tick closer than
    half a step to one of those is dropped so that labels do not collide."""
    step = nice_step(high - low, max_labels, whole_numbers)
    first = math.ceil(low / step - 1e-9)
    values: list[float] = []
    index = first
    while index * step <= high + 1e-9 * step:
        values.append(round(index * step, 9))
        index += 1
    for fixed in always:
        if low <= fixed <= high:
            values = [v for v in values if v == fixed or abs(v - fixed) >= step / 2]
            values.append(float(fixed))
    return tuple(Tick(v, number_text(v)) for v in sorted(set(values)))


def upper_limit(values: Iterable[float], at_least: float, headroom: float = 0.1) -> float:
    """An axis top above the largest value by ``headroom`` (a fraction), never below
    ``at_least``: e.g. an enzyme axis always shows its ULN line with room above it."""
    largest = max(values, default=None)
    return at_least if largest is None else max(at_least, largest * (1 + headroom))
