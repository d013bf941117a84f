"""A ``Chart`` (``app.reports.charts``) as a reportlab Drawing, for printed reports: the
same plain chart the screen draws with QPainter, so both show the same thing."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.graphics.shapes import Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors

from app.reports.charts import Band, Chart, Marker, Series, Shape
from app.reports.pdf_common import FONT, FONT_BOLD

LEFT, BOTTOM, TOP, RIGHT = 34.0, 26.0, 26.0, 8.0


def _colour(hex_colour: str, alpha: float = 1.0) -> colors.Color:
    c = colors.HexColor(hex_colour)
    return colors.Color(c.red, c.green, c.blue, alpha)


def _as_written(text: str) -> str:
    return text


def chart_drawing(chart: Chart, width: float, height: float,
                  number: Callable[[str], str] = _as_written) -> Drawing:
    """``number``: a tick's label as the document writes numbers ("0,5" in French, as the
    screen's chart_view writes it)."""
    d = Drawing(width, height)
    x0, y0 = LEFT, BOTTOM
    w, h = width - LEFT - RIGHT, height - BOTTOM - TOP

    def px(x: float) -> float:
        return x0 + chart.x.fraction(x) * w

    def py(y: float) -> float:
        return y0 + chart.y.fraction(y) * h

    d.add(String(0, height - 10, chart.title, fontName=FONT_BOLD, fontSize=8.5))
    legend_x = width - RIGHT
    for entry in reversed(chart.legend):
        text_width = 5.2 * len(entry.label) * 0.8
        legend_x -= text_width + 14
        d.add(Rect(legend_x, height - 10, 8, 5, fillColor=_colour(entry.colour),
                   strokeColor=None))
        d.add(String(legend_x + 10, height - 10, entry.label, fontName=FONT, fontSize=6.5))
    d.add(Rect(x0, y0, w, h, fillColor=None, strokeColor=colors.black, strokeWidth=0.5))
    if not chart.has_data:
        d.add(String(x0 + w / 2, y0 + h / 2, chart.empty_text, fontName=FONT, fontSize=8,
                     textAnchor="middle"))
        return d
    for tick in chart.x.ticks(max(2, int(w // 40))):
        x = px(tick.at)
        d.add(Line(x, y0, x, y0 - 3, strokeWidth=0.5))
        if tick.label:
            d.add(String(x, y0 - 11, number(tick.label), fontName=FONT, fontSize=6.5,
                         textAnchor="middle"))
    for tick in chart.y.ticks(max(2, int(h // 22))):
        y = py(tick.at)
        d.add(Line(x0 - 3, y, x0, y, strokeWidth=0.5))
        d.add(Line(x0, y, x0 + w, y, strokeWidth=0.2, strokeColor=colors.lightgrey))
        if tick.label:
            d.add(String(x0 - 5, y - 2, number(tick.label), fontName=FONT, fontSize=6.5,
                         textAnchor="end"))
    if chart.x.title:
        d.add(String(x0 + w / 2, 2, chart.x.title, fontName=FONT, fontSize=7,
                     textAnchor="middle"))
    if chart.y.title:
        d.add(String(x0 - 5, y0 + h + 5, chart.y.title, fontName=FONT, fontSize=7))
    for band in chart.bands:
        _band(d, band, px, py)
    for series in chart.series:
        _series(d, series, px, py)
    return d


def _band(d: Drawing, band: Band, px, py) -> None:  # noqa: ANN001 - local mappers
    if not band.points:
        return
    if len(band.points) == 1:
        x, low, high = band.points[0]
        d.add(Line(px(x), py(low), px(x), py(high), strokeColor=_colour(band.colour, 0.5),
                   strokeWidth=4))
        return
    upper = [(px(x), py(high)) for x, _low, high in band.points]
    lower = [(px(x), py(low)) for x, low, _high in reversed(band.points)]
    d.add(Polygon([c for point in upper + lower for c in point],
                  fillColor=_colour(band.colour, 0.18), strokeColor=None))


def _series(d: Drawing, series: Series, px, py) -> None:  # noqa: ANN001 - local mappers
    colour = _colour(series.colour)
    points = [(px(x), py(y)) for x, y in series.points]
    if series.shape is Shape.STEP and points:
        corners = [points[0]]
        for x, y in points[1:]:
            corners += [(x, corners[-1][1]), (x, y)]
        points_drawn = corners
    else:
        points_drawn = points
    if series.shape is not Shape.MARKERS and len(points_drawn) > 1:
        d.add(PolyLine([c for p in points_drawn for c in p], strokeColor=colour,
                       strokeWidth=1.1))
    size = series.marker_size * 0.75
    for x, y in points:
        if series.marker is Marker.CIRCLE:
            d.add(Rect(x - size / 2, y - size / 2, size, size, fillColor=colour,
                       strokeColor=None))
        elif series.marker is Marker.PLUS:
            d.add(Line(x - size, y, x + size, y, strokeColor=colour, strokeWidth=0.6))
            d.add(Line(x, y - size, x, y + size, strokeColor=colour, strokeWidth=0.6))
