"""One chart (``app.reports.charts.Chart``) drawn with QPainter.

``ChartView.chart_layout()`` decides where everything goes for the widget's size — the
plot frame, each tick label, reference line, point and legend entry — and ``paintEvent``
draws exactly that, so tests check what is drawn without comparing pixels. The layout
guarantees what small charts most often get wrong: every label inside the widget (nothing
cut at the bottom or the sides), no two tick labels overlapping (fewer are labelled
instead), and the frame inset by a marker's size so that a point at the scale maximum
(CMAS 52) is drawn whole inside it.

Plain QPainter rather than QtCharts: no extra library in the bundle (QtCharts: 3.4 MB, and
deprecated since Qt 6.10), nothing to import at start-up, and the layout is ours to test.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QEvent, QLineF, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from app.forms.numbers import numbers_in_words
from app.reports.charts import (
    Axis,
    Band,
    Chart,
    Marker,
    Orientation,
    Rule,
    Series,
    Shape,
    Stroke,
    Tick,
)

MARGIN = 4.0  # around everything, in device-independent pixels
TICK = 3.0  # tick mark length
GAP = 3.0  # between a tick mark and its label
LABEL_SPACING = 10.0  # least horizontal space between two x labels
Y_LABEL_SPACING = 40.0  # about one y label per this many pixels
SWATCH = 10.0  # legend marker width
TOOLTIP_REACH = 8.0  # how near the pointer must be to a point to describe it
BAND_ALPHA = 60


def _ticks(axis: Axis, max_labels: int) -> tuple[Tick, ...]:
    """The axis's ticks with their numbers written in the interface's language ("0,5");
    the chart itself stays in the English of the printed copy."""
    return tuple(replace(t, label=numbers_in_words(t.label)) for t in axis.ticks(max_labels))


@dataclass(frozen=True)
class PlacedText:
    text: str
    rect: QRectF


@dataclass
class ChartLayout:
    """Where everything of one chart goes in a widget of ``size``."""

    size: QSize
    frame: QRectF  # the plot's border
    inner: QRectF  # where the axes' low..high are mapped (the frame, inset)
    title: PlacedText
    full_title: str
    x_labels: list[PlacedText] = field(default_factory=list)
    y_labels: list[PlacedText] = field(default_factory=list)
    x_marks: list[float] = field(default_factory=list)  # every x tick, labelled or not
    y_marks: list[float] = field(default_factory=list)
    rules: list[tuple[Rule, QLineF, PlacedText]] = field(default_factory=list)
    # per series: the line as drawn (a step curve has its corners) and the marker centres
    lines: list[tuple[Series, list[QPointF], list[QPointF]]] = field(default_factory=list)
    bands: list[tuple[Band, QPolygonF]] = field(default_factory=list)
    legend: list[tuple[Series | Band, QRectF, PlacedText]] = field(default_factory=list)
    message: PlacedText | None = None  # "no data"

    def texts(self) -> list[PlacedText]:
        """Every piece of text drawn."""
        out = [self.title, *self.x_labels, *self.y_labels]
        out += [label for _r, _l, label in self.rules]
        out += [label for _e, _s, label in self.legend]
        return out + ([self.message] if self.message else [])


def _overlapping(rects: list[QRectF]) -> bool:
    return any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1:])


class ChartView(QWidget):
    """Draws one ``Chart``; ``set_chart`` replaces it."""

    def __init__(self, chart: Chart | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart: Chart | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(200, 150)
        if chart is not None:
            self.set_chart(chart)

    def set_chart(self, chart: Chart) -> None:
        self.chart = chart
        self.setAccessibleName(chart.title)
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(320, 240)

    # ----- fonts ----------------------------------------------------------------------
    def _title_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def _small_font(self) -> QFont:
        font = QFont(self.font())
        size = font.pointSizeF()
        if size > 0:
            font.setPointSizeF(max(7.0, size * 0.85))
        return font

    # ----- layout ---------------------------------------------------------------------
    def chart_layout(self, size: QSize | None = None) -> ChartLayout:
        """Where everything goes at ``size`` (default: the widget's size)."""
        chart = self.chart
        if chart is None:
            raise ValueError("ChartView has no chart")
        size = size or self.size()
        width, height = float(size.width()), float(size.height())
        title_metrics = QFontMetricsF(self._title_font())
        small = QFontMetricsF(self._small_font())
        line_height = small.height()

        # Title, with the legend on its line if both fit, else on a line of its own.
        top = MARGIN
        title_room = width - 2 * MARGIN
        legend_width = sum(SWATCH + 4 + small.horizontalAdvance(e.label) + 10
                           for e in chart.legend)
        title_width = title_metrics.horizontalAdvance(chart.title)
        legend_own_line = bool(chart.legend) and title_width + legend_width > title_room
        if chart.legend and not legend_own_line:
            title_room -= legend_width
        title_text = title_metrics.elidedText(chart.title, Qt.TextElideMode.ElideRight,
                                              max(0.0, title_room))
        title = PlacedText(title_text, QRectF(MARGIN, top, title_room, title_metrics.height()))
        top += title_metrics.height()
        legend_top = title.rect.top() if not legend_own_line else top
        if legend_own_line:
            top += line_height
        top += 4

        # Bottom: the x labels under the frame; left: the widest y label.
        frame_bottom = height - MARGIN - line_height - TICK - GAP
        pad = max((s.marker_size for s in chart.series), default=3.0) + 2
        inner_height = max(1.0, frame_bottom - top - 2 * pad)
        y_room = int(inner_height // max(3 * line_height, Y_LABEL_SPACING)) + 1
        y_ticks = _ticks(chart.y, max(2, y_room))
        y_label_width = max((small.horizontalAdvance(t.label) for t in y_ticks), default=0.0)
        frame_left = MARGIN + y_label_width + GAP + TICK
        sample = max((small.horizontalAdvance(t.label) for t in _ticks(chart.x, 120) if t.label),
                     default=0.0)
        frame_right = width - MARGIN - max(0.0, sample / 2 - MARGIN)
        frame = QRectF(frame_left, top, max(1.0, frame_right - frame_left),
                       max(1.0, frame_bottom - top))
        inner = frame.adjusted(pad, pad, -pad, -pad)

        def x_pixel(value: float) -> float:
            return inner.left() + chart.x.fraction(value) * inner.width()

        def y_pixel(value: float) -> float:
            return inner.bottom() - chart.y.fraction(value) * inner.height()

        layout = ChartLayout(size, frame, inner, title, chart.title)

        # y labels, right-aligned against the frame, centred on their tick; fewer if they
        # would touch.
        room = max(2, len(y_ticks))
        while True:
            placed = [PlacedText(t.label, QRectF(MARGIN, y_pixel(t.at) - line_height / 2,
                                                 y_label_width, line_height))
                      for t in y_ticks if t.label]
            if room <= 2 or not _overlapping([p.rect for p in placed]):
                break
            room -= 1
            y_ticks = _ticks(chart.y, room)
        layout.y_labels = placed
        layout.y_marks = [y_pixel(t.at) for t in y_ticks]

        # x labels centred under their tick, kept inside the widget; fewer if they touch.
        room = max(1, int(inner.width() // (sample + LABEL_SPACING))) if sample else 1
        while True:
            x_ticks = _ticks(chart.x, room)
            placed = []
            for t in x_ticks:
                if not t.label:
                    continue
                w = small.horizontalAdvance(t.label)
                left = min(max(0.0, x_pixel(t.at) - w / 2), width - w)
                placed.append(PlacedText(t.label, QRectF(left, frame.bottom() + TICK + GAP, w,
                                                         line_height)))
            spaced = [p.rect.adjusted(-LABEL_SPACING / 2, 0, LABEL_SPACING / 2, 0)
                      for p in placed]
            if room <= 1 or not _overlapping(spaced):
                break
            room -= 1
        layout.x_labels = placed
        layout.x_marks = [x_pixel(t.at) for t in x_ticks]

        for band in chart.bands:
            upper = [QPointF(x_pixel(x), y_pixel(hi)) for x, _lo, hi in band.points]
            lower = [QPointF(x_pixel(x), y_pixel(lo)) for x, lo, _hi in reversed(band.points)]
            layout.bands.append((band, QPolygonF(upper + lower)))
        for series in chart.series:
            centres = [QPointF(x_pixel(x), y_pixel(y)) for x, y in series.points]
            drawn: list[QPointF] = []
            if series.shape is Shape.LINE:
                drawn = list(centres)
            elif series.shape is Shape.STEP:
                for i, point in enumerate(centres):
                    if i:
                        drawn.append(QPointF(point.x(), drawn[-1].y()))
                    drawn.append(point)
            markers = centres if series.marker is not Marker.NONE else []
            layout.lines.append((series, drawn, markers))

        # Reference lines, each label at the first place along its line (inside the frame)
        # where it covers no point, no drawn line and no other label.
        markers = [QRectF(c.x() - s.marker_size - 1, c.y() - s.marker_size - 1,
                          2 * s.marker_size + 2, 2 * s.marker_size + 2)
                   for s, _drawn, centres in layout.lines for c in centres]
        paths = [drawn for _s, drawn, _c in layout.lines if len(drawn) > 1]
        taken: list[QRectF] = []

        def clear(rect: QRectF, avoid_data: bool) -> bool:
            if any(rect.intersects(o) for o in taken):
                return False
            return not avoid_data or not (any(rect.intersects(m) for m in markers)
                                          or any(_crosses(rect, drawn) for drawn in paths))

        for rule in chart.rules:
            w = small.horizontalAdvance(rule.label)
            if rule.orientation is Orientation.HORIZONTAL:
                if not chart.y.low <= rule.at <= chart.y.high:
                    continue
                y = y_pixel(rule.at)
                line = QLineF(frame.left(), y, frame.right(), y)
                span = frame.width() - w - 6
                lefts = [frame.left() + 3 + f * span for f in (1.0, 0.0, 0.5, 0.75, 0.25)]
                tops = (y - line_height - 2, y + 2)
                candidates = [QRectF(left, top, w, line_height) for left in lefts
                              for top in tops]
            else:
                if not chart.x.low <= rule.at <= chart.x.high:
                    continue
                x = x_pixel(rule.at)
                line = QLineF(x, frame.top(), x, frame.bottom())
                lefts = (x + 3, x - 3 - w)
                tops = [frame.top() + 1 + i * line_height for i in range(3)]
                tops.append(frame.bottom() - line_height - 1)
                candidates = [QRectF(left, top, w, line_height) for top in tops
                              for left in lefts]
            inside = [r for r in candidates if frame.contains(r)] or candidates[:1]
            rect = next((r for r in inside if clear(r, True)),
                        next((r for r in inside if clear(r, False)), inside[0]))
            taken.append(rect)
            layout.rules.append((rule, line, PlacedText(rule.label, rect)))

        x = MARGIN if legend_own_line else title.rect.right()
        for entry in chart.legend:
            text_width = small.horizontalAdvance(entry.label)
            swatch = QRectF(x + 2, legend_top + (title_metrics.height() - SWATCH) / 2,
                            SWATCH, SWATCH)
            text = QRectF(swatch.right() + 4, legend_top, text_width, title_metrics.height())
            layout.legend.append((entry, swatch, PlacedText(entry.label, text)))
            x = text.right() + 10

        if not chart.has_data:
            w = small.horizontalAdvance(chart.empty_text)
            layout.message = PlacedText(chart.empty_text, QRectF(
                frame.center().x() - w / 2, frame.center().y() - line_height / 2, w,
                line_height))
        return layout

    # ----- drawing --------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        if self.chart is None:
            return
        layout = self.chart_layout()
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._paint(painter, layout)
        finally:
            painter.end()

    def _paint(self, painter: QPainter, layout: ChartLayout) -> None:
        palette = self.palette()
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        faint = palette.color(QPalette.ColorRole.Mid)
        painter.fillRect(layout.frame, palette.color(QPalette.ColorRole.Base))

        painter.setPen(QPen(QColor(faint.red(), faint.green(), faint.blue(), 70), 1))
        for y in layout.y_marks:  # light grid at the y ticks
            painter.drawLine(QLineF(layout.frame.left(), y, layout.frame.right(), y))

        painter.setClipRect(layout.frame)
        for band, polygon in layout.bands:
            colour = QColor(band.colour)
            colour.setAlpha(BAND_ALPHA)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawPolygon(polygon)
        for rule, line, _label in layout.rules:
            painter.setPen(_pen(rule.colour, 1.0, rule.stroke))
            painter.drawLine(line)
        for series, drawn, markers in layout.lines:
            colour = QColor(series.colour)
            if len(drawn) > 1:
                painter.setPen(QPen(colour, 1.5))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                path = QPainterPath(drawn[0])
                for point in drawn[1:]:
                    path.lineTo(point)
                painter.drawPath(path)
            _draw_markers(painter, series, markers)
        painter.setClipping(False)

        painter.setPen(QPen(faint, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(layout.frame)
        bottom = layout.frame.bottom()
        for x in layout.x_marks:
            painter.drawLine(QLineF(x, bottom, x, bottom + TICK))
        for y in layout.y_marks:
            painter.drawLine(QLineF(layout.frame.left() - TICK, y, layout.frame.left(), y))

        painter.setFont(self._title_font())
        painter.setPen(text_colour)
        painter.drawText(layout.title.rect, Qt.AlignmentFlag.AlignLeft
                         | Qt.AlignmentFlag.AlignVCenter, layout.title.text)
        painter.setFont(self._small_font())
        for label in layout.x_labels:
            painter.drawText(label.rect, Qt.AlignmentFlag.AlignCenter, label.text)
        for label in layout.y_labels:
            painter.drawText(label.rect, Qt.AlignmentFlag.AlignRight
                             | Qt.AlignmentFlag.AlignVCenter, label.text)
        for rule, _line, label in layout.rules:
            painter.setPen(QColor(rule.colour))
            painter.drawText(label.rect, Qt.AlignmentFlag.AlignCenter, label.text)
        for entry, swatch, label in layout.legend:
            _draw_swatch(painter, entry, swatch)
            painter.setPen(text_colour)
            painter.drawText(label.rect, Qt.AlignmentFlag.AlignLeft
                             | Qt.AlignmentFlag.AlignVCenter, label.text)
        if layout.message is not None:
            painter.setPen(faint)
            painter.drawText(layout.message.rect, Qt.AlignmentFlag.AlignCenter,
                             layout.message.text)

    # ----- reading values -------------------------------------------------------------
    def describe_point_at(self, position: QPointF) -> str | None:
        """The nearest point's series, date and value, if the pointer is on one."""
        if self.chart is None:
            return None
        layout = self.chart_layout()
        best: tuple[float, Series, int] | None = None
        for series, _drawn, markers in layout.lines:
            for index, centre in enumerate(markers):
                distance = math.hypot(centre.x() - position.x(), centre.y() - position.y())
                if distance <= TOOLTIP_REACH and (best is None or distance < best[0]):
                    best = (distance, series, index)
        if best is None:
            return None
        _d, series, index = best
        x, y = series.points[index]
        return (f"{series.label}\n{numbers_in_words(self.chart.x.text(x))}: "
                f"{numbers_in_words(self.chart.y.text(y))}")

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.describe_point_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)


def _crosses(rect: QRectF, polyline: list[QPointF]) -> bool:
    """Whether a line through ``polyline``'s points passes through ``rect``."""
    for a, b in zip(polyline, polyline[1:], strict=False):
        steps = max(1, int(math.hypot(b.x() - a.x(), b.y() - a.y()) // 2))
        for i in range(steps + 1):  # a point every 2 px is finer than any label
            f = i / steps
            if rect.contains(QPointF(a.x() + f * (b.x() - a.x()), a.y() + f * (b.y() - a.y()))):
                return True
    return False


def _pen(colour: str, width: float, stroke: Stroke) -> QPen:
    pen = QPen(QColor(colour), width)
    pen.setStyle({Stroke.SOLID: Qt.PenStyle.SolidLine, Stroke.DASHED: Qt.PenStyle.DashLine,
                  Stroke.DOTTED: Qt.PenStyle.DotLine}[stroke])
    return pen


def _draw_swatch(painter: QPainter, entry: Series | Band, swatch: QRectF) -> None:
    colour = QColor(entry.colour)
    if isinstance(entry, Band):
        colour.setAlpha(BAND_ALPHA)
        painter.fillRect(swatch, colour)
    elif entry.marker is Marker.NONE:
        painter.setPen(QPen(colour, 1.5))
        middle = swatch.center().y()
        painter.drawLine(QLineF(swatch.left(), middle, swatch.right(), middle))
    else:
        _draw_markers(painter, entry, [swatch.center()])


def _draw_markers(painter: QPainter, series: Series, centres: list[QPointF]) -> None:
    colour = QColor(series.colour)
    r = series.marker_size
    if series.marker is Marker.CIRCLE:
        painter.setPen(QPen(colour, 1))
        painter.setBrush(QBrush(colour))
        for c in centres:
            painter.drawEllipse(c, r, r)
    elif series.marker is Marker.PLUS:
        painter.setPen(QPen(colour, 1.5))
        for c in centres:
            painter.drawLine(QLineF(c.x() - r, c.y(), c.x() + r, c.y()))
            painter.drawLine(QLineF(c.x(), c.y() - r, c.x(), c.y() + r))
