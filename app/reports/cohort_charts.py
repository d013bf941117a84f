"""The cohort view's plots as ``app.reports.charts.Chart``s, drawn alike on screen
(``app.forms.chart_view``) and in the PDF (``app.reports.chart_pdf``): time to PRINTO
inactive disease (Kaplan–Meier, the share reached, with censoring marks), the MDAAT
cutaneous activity VAS by scheduled visit (median with its interquartile band) and the
TIS at months 6 and 12 (median and IQR)."""

from __future__ import annotations

from app.domain.cohort.outcomes import RESPONSE_MONTHS, CohortOutcomes
from app.domain.cohort.stats import DAYS_PER_MONTH, spread
from app.domain.phrases import sentence
from app.reports.charts import (
    BLUE,
    GREEN,
    RED,
    Axis,
    Band,
    Chart,
    Marker,
    Series,
    Shape,
)

ARM_COLOURS = (BLUE, RED, GREEN, "#7b3294", "#e66101", "#4d4d4d")


def arm_colour(out: CohortOutcomes, arm: str) -> str:
    return ARM_COLOURS[out.arms.index(arm) % len(ARM_COLOURS)]


def km_chart(out: CohortOutcomes) -> Chart:
    """Share reaching PRINTO inactive disease (1 − S) against months since enrollment."""
    series: list[Series] = []
    last = 12.0
    for arm in out.arms:
        km = out.km[arm].km
        points = [(0.0, 0.0)] + [(s.time / DAYS_PER_MONTH, 1 - s.survival) for s in km.steps]
        end = max(km.times, default=0.0) / DAYS_PER_MONTH
        if end > points[-1][0]:
            points.append((end, points[-1][1]))  # the curve runs on to the last follow-up
        last = max(last, end)
        colour = arm_colour(out, arm)
        series.append(Series(sentence("%1 (n = %2)", arm, str(km.n)), tuple(points),
                             Shape.STEP, Marker.NONE, colour, in_legend=True))
        censored = [(t / DAYS_PER_MONTH, 1 - km.survival_at(t)) for t in km.censored_times]
        if censored:
            series.append(Series(sentence("%1 censored", arm), tuple(censored), Shape.MARKERS,
                                 Marker.PLUS, colour, marker_size=3.0))
    return Chart("km", "Reached PRINTO clinically inactive disease (Kaplan–Meier)",
                 Axis(0.0, float(min(36.0, -(-last // 3) * 3)), title="months since enrollment",
                      whole_numbers=True),
                 Axis(0.0, 1.0, title="share reached"), tuple(series))


def skin_chart(out: CohortOutcomes) -> Chart:
    """MDAAT cutaneous activity VAS by scheduled visit: median line, IQR band."""
    series: list[Series] = []
    bands: list[Band] = []
    for arm in out.arms:
        points, band = [], []
        for visit in out.schedule:
            s = spread(v for _, v in out.skin[(arm, visit.code)])
            if s.n:
                points.append((float(visit.month), s.median))
                band.append((float(visit.month), s.q1, s.q3))
        colour = arm_colour(out, arm)
        series.append(Series(sentence("%1 median", arm), tuple(points), Shape.LINE,
                             Marker.CIRCLE, colour, in_legend=True))
        bands.append(Band(sentence("%1 IQR", arm), tuple(band), colour))
    months = [v.month for v in out.schedule] or [0]
    return Chart("skin", "MDAAT cutaneous activity VAS (median, IQR)",
                 Axis(float(min(months)), float(max(max(months), 1)), title="month",
                      whole_numbers=True),
                 Axis(0.0, 10.0, title="cm", always_labelled=(10.0,)), tuple(series),
                 tuple(bands))


def tis_chart(out: CohortOutcomes) -> Chart:
    """Total improvement score at months 6 and 12: median line, IQR band."""
    series: list[Series] = []
    bands: list[Band] = []
    for arm in out.arms:
        points, band = [], []
        for month in RESPONSE_MONTHS:
            s = out.response[(arm, month)].tis_spread
            if s.n:
                points.append((float(month), s.median))
                band.append((float(month), s.q1, s.q3))
        colour = arm_colour(out, arm)
        series.append(Series(sentence("%1 median", arm), tuple(points), Shape.LINE,
                             Marker.CIRCLE, colour, in_legend=True))
        bands.append(Band(sentence("%1 IQR", arm), tuple(band), colour))
    return Chart("tis", "Total improvement score (median, IQR)",
                 Axis(5.0, 13.0, title="month", always_labelled=(6.0, 12.0),
                      whole_numbers=True),
                 Axis(0.0, 100.0, title="TIS", always_labelled=(100.0,)), tuple(series),
                 tuple(bands))


def cohort_charts(out: CohortOutcomes) -> list[Chart]:
    return [km_chart(out), skin_chart(out), tis_chart(out)]
