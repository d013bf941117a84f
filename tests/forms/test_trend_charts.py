"""Trend charts: small multiples from saved visits, arm changes as vertical lines, drawn by
ChartView. The tests read what is drawn — series, axis ranges, labels and where each one
lands in the widget — from ChartView.chart_layout(), never pixels."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest
from PySide6.QtCore import QPointF, QRectF, QSize
from visit_fixtures import enrolled_patient

from app.db.models import ArmAssignment
from app.db.visit_saving import save_visit
from app.db.visits import load_visit
from app.domain.visit_form import ItemEntry
from app.forms.chart_view import ChartView
from app.forms.trend_charts import TrendChartsWidget, columns_for
from app.reports.charts import (
    Axis,
    Band,
    Chart,
    Marker,
    Orientation,
    Series,
    Shape,
    date_axis,
    day,
)
from app.reports.outcome_charts import outcome_charts

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")

MAY, JUN, JUL, NOV = date(2026, 5, 4), date(2026, 6, 4), date(2026, 7, 1), date(2026, 11, 4)
# From the smallest a chart may be (ChartView's minimum) to a whole laptop screen.
SIZES = [QSize(200, 150), QSize(260, 330), QSize(330, 250), QSize(683, 384), QSize(1366, 768)]


def _save(database, visit_id, items, on):
    with database.session() as s:
        version = load_visit(s, visit_id).header.version_id
        save_visit(s, visit_id, items, [], user="n", expected_version=version, visit_date=on)


def _switch_to_b(database, enrollment_id, on):
    with database.session() as s:
        first = s.query(ArmAssignment).filter_by(enrollment_id=enrollment_id).one()
        first.end_date = on
        s.add(ArmAssignment(enrollment_id=enrollment_id, arm_id="B", start_date=on,
                            reason="inadequate_response"))


def view_of(qtbot, chart: Chart, size: QSize | None = None) -> ChartView:
    view = ChartView(chart)
    qtbot.addWidget(view)
    view.resize(size or QSize(330, 300))
    return view


def label_texts(placed):
    return [p.text for p in placed]


def test_trend_charts_plot_outcomes_and_arm_change(qtbot, database):
    pid, eid, visits = enrolled_patient(database)
    cmas = {f"cmas_{i}": ItemEntry(value_num=2) for i in range(1, 15)}  # 14 × 2 = 28
    for code, pga, on in (("baseline", 5.0, MAY), ("month_1", 4.0, JUN), ("month_6", 2.0, NOV)):
        _save(database, visits[code], {"global": {"pga_activity": ItemEntry(value_num=pga)},
                                       "cmas": cmas}, on)
    _switch_to_b(database, eid, JUL)
    widget = TrendChartsWidget(database, pid)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    # PRINTO at each visit: CMAS 28 < 48 and PGA > 0.2 not met, CK and MMT8 not measured:
    # at most 2 of 4 can be met -> "not inactive" is decided, with 0 criteria met.
    assert widget.panels() == ["pga", "cmas", "printo_met"]
    assert widget.series.series["printo_met"] == [(MAY, 0.0), (JUN, 0.0), (NOV, 0.0)]
    assert [v.chart.key for v in widget.views] == ["pga", "cmas", "printo_met"]
    pga, cmas_view, printo = widget.views
    assert [y for _x, y in pga.chart.series[0].points] == [5.0, 4.0, 2.0]
    assert [y for _x, y in cmas_view.chart.series[0].points] == [28.0, 28.0, 28.0]
    assert (cmas_view.chart.y.low, cmas_view.chart.y.high) == (0, 52)
    for view in widget.views:
        layout = view.chart_layout()
        drawn = {(rule.orientation, rule.at, label.text) for rule, _line, label in layout.rules}
        # one dashed line on every chart for the switch to arm B (the first arm is no change)
        assert (Orientation.VERTICAL, day(JUL), "arm B") in drawn
        (line,) = layout.lines[:1]
        assert len(line[2]) == 3  # three visits, three markers
    assert (Orientation.HORIZONTAL, 3.0, "inactive: 3 of 4") in {
        (r.orientation, r.at, label.text) for r, _l, label in printo.chart_layout().rules}
    assert "arm changes" in widget.note.text()


def test_a_patient_without_visits_shows_one_empty_chart(qtbot, database):
    pid, _eid, _visits = enrolled_patient(database)
    widget = TrendChartsWidget(database, pid)
    qtbot.addWidget(widget)
    (view,) = widget.views
    layout = view.chart_layout(QSize(400, 300))
    assert view.chart.key == "cutaneous_vas"
    assert layout.message is not None and layout.message.text == "no data"
    assert layout.x_labels == [] and layout.lines[0][1] == []
    assert widget.note.text().startswith("No arm changes.")


def test_refresh_follows_new_visits(qtbot, database):
    pid, _eid, visits = enrolled_patient(database)
    _save(database, visits["baseline"], {"global": {"pga_activity": ItemEntry(value_num=5.0)}},
          MAY)
    widget = TrendChartsWidget(database, pid)
    qtbot.addWidget(widget)
    assert [v.chart.key for v in widget.views] == ["pga"]
    _save(database, visits["month_1"], {"global": {
        "pga_activity": ItemEntry(value_num=4.0),
        "mdaat_cutaneous_vas": ItemEntry(value_num=3.5)}}, JUN)
    widget.refresh()
    assert [v.chart.key for v in widget.views] == ["cutaneous_vas", "pga"]
    assert widget.views[1].chart.series[0].points == ((day(MAY), 5.0), (day(JUN), 4.0))


def _all_outcomes() -> list[Chart]:
    """Every outcome at its scale maximum at least once, an arm change, a long span."""
    first, last = date(2024, 12, 15), date(2026, 6, 16)
    series = {key: [(first, 0.0), (MAY, top), (last, top / 2)] for key, top in (
        ("cutaneous_vas", 10.0), ("pga", 10.0), ("cmas", 52.0), ("chaq_di", 3.0),
        ("mmt8_unilateral", 80.0), ("mmt8_bilateral", 150.0), ("tis", 100.0),
        ("printo_met", 4.0))}
    series["enzyme_x_uln"] = [(first, 7.5), (MAY, 0.8), (last, 1.0)]
    series["printo_inactive"] = [(MAY, 4.0)]
    return outcome_charts(series, "ck", [(first, "A"), (JUL, "B")])


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_nothing_is_cut_and_no_labels_overlap_at_any_size(qtbot, size):
    view = view_of(qtbot, _all_outcomes()[0], size)
    widget_area = QRectF(0, 0, size.width(), size.height())
    for chart in [*_all_outcomes(), outcome_charts({}, None, [])[0]]:
        view.set_chart(chart)
        layout = view.chart_layout()
        assert widget_area.contains(layout.frame), chart.key
        for placed in layout.texts():
            assert widget_area.contains(placed.rect), (chart.key, placed.text, placed.rect)
        for labels in (layout.x_labels, layout.y_labels):
            rects = [p.rect for p in labels]
            assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1:]), \
                (chart.key, label_texts(labels))
        assert layout.x_labels or not chart.has_data, chart.key  # dates are always readable
        assert len(layout.y_labels) >= 2, chart.key  # at least the bottom and the top


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_points_at_the_scale_maximum_are_drawn_whole_inside_the_frame(qtbot, size):
    # The defect: matplotlib put CMAS 52 and MMT8 80 on the frame, half cut off.
    for chart in _all_outcomes():
        layout = view_of(qtbot, chart, size).chart_layout()
        for series, _drawn, markers in layout.lines:
            r = series.marker_size
            for centre in markers:
                marker = QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r)
                assert layout.frame.contains(marker), (chart.key, series.label)
        if chart.y.always_labelled and chart.key != "enzyme_x_uln":
            top = max(chart.y.always_labelled)
            # the maximum is a labelled tick, level with the point drawn at it
            (label,) = [p for p in layout.y_labels if p.text == f"{top:g}"]
            (point,) = [c for s, _d, m in layout.lines[:1] for (x, y), c in
                        zip(s.points, m, strict=True) if y == top]
            assert abs(label.rect.center().y() - point.y()) < 0.5, chart.key


def test_the_enzyme_axis_starts_at_zero_with_the_uln_line_in_view(qtbot):
    (enzyme,) = [c for c in _all_outcomes() if c.key == "enzyme_x_uln"]
    layout = view_of(qtbot, enzyme).chart_layout()
    bottom = layout.y_labels[0]
    assert bottom.text == "0"
    assert abs(bottom.rect.center().y() - layout.inner.bottom()) < 0.5
    (uln,) = [(line, label) for rule, line, label in layout.rules if label.text == "ULN"]
    line, label = uln
    assert layout.frame.top() < line.y1() < layout.frame.bottom()
    assert layout.frame.contains(label.rect)
    # 7.5 x ULN at the top, so the ULN sits low but clearly above zero: 1 / 8.25 of the way
    expected = layout.inner.bottom() - layout.inner.height() * 1.0 / (7.5 * 1.1)
    assert abs(line.y1() - expected) < 0.5


def test_each_month_is_labelled_once_under_its_first_day(qtbot):
    short = outcome_charts({"pga": [(date(2026, 10, 5), 6.0), (NOV, 5.0)]}, None, [])[0]
    layout = view_of(qtbot, short, QSize(260, 300)).chart_layout()
    assert label_texts(layout.x_labels) == ["Oct '26", "Nov '26"]
    for long_chart in _all_outcomes():
        layout = view_of(qtbot, long_chart, QSize(260, 300)).chart_layout()
        texts = label_texts(layout.x_labels)
        assert len(texts) == len(set(texts)) >= 2
        # every label is centred on a month tick (unless pushed inside at the very edge)
        for placed in layout.x_labels:
            centre = placed.rect.center().x()
            assert min(abs(centre - x) for x in layout.x_marks) < 0.5 or \
                placed.rect.left() == 0 or placed.rect.right() == 260


def test_reference_labels_keep_clear_of_points_and_lines(qtbot):
    # CMAS at 52 across the arm change: "arm B" must not sit on the line or its points.
    chart = outcome_charts({"cmas": [(MAY, 52.0), (JUN, 52.0), (NOV, 50.0)]}, None,
                           [(MAY, "A"), (JUL, "B")])[0]
    layout = view_of(qtbot, chart).chart_layout()
    (arm,) = [label for rule, _l, label in layout.rules if label.text == "arm B"]
    _series, drawn, markers = layout.lines[0]
    for a, b in zip(drawn, drawn[1:], strict=False):
        for i in range(21):
            f = i / 20
            assert not arm.rect.contains(QPointF(a.x() + f * (b.x() - a.x()),
                                                 a.y() + f * (b.y() - a.y())))
    assert not any(arm.rect.contains(m) for m in markers)


def test_a_legend_names_the_inactive_visits(qtbot):
    (printo,) = [c for c in _all_outcomes() if c.key == "printo_met"]
    layout = view_of(qtbot, printo).chart_layout()
    assert [(entry.label, label.text) for entry, _swatch, label in layout.legend] == [
        ("inactive", "inactive")]
    assert not layout.legend[0][2].rect.intersects(layout.title.rect)


def test_a_long_title_is_shortened_not_cut(qtbot):
    chart = Chart("x", "A title far too long for the smallest chart a screen would show",
                  date_axis([MAY]), Axis(0, 10), series=(Series("x", ((day(MAY), 5.0),)),))
    layout = view_of(qtbot, chart, QSize(200, 150)).chart_layout()
    assert layout.title.text.endswith("…") and len(layout.title.text) < len(chart.title)
    assert layout.full_title == chart.title


def test_hovering_a_point_tells_its_date_and_value(qtbot):
    chart = outcome_charts({"cmas": [(MAY, 28.0), (NOV, 41.0)]}, None, [])[0]
    view = view_of(qtbot, chart)
    centre = view.chart_layout().lines[0][2][1]
    assert view.describe_point_at(centre + QPointF(3, -2)) == "CMAS (0-52)\n4 Nov 2026: 41"
    assert view.describe_point_at(QPointF(1, 1)) is None


def test_the_cohort_shapes_step_curves_censoring_marks_and_ranges(qtbot):
    # What a cohort view will draw: a Kaplan-Meier curve (months since enrollment, share
    # still on the arm), censored children as + marks, a median line over its IQR band.
    km = Series("arm A", ((0, 1.0), (3, 0.8), (7, 0.6)), shape=Shape.STEP, marker=Marker.NONE,
                in_legend=True)
    censored = Series("censored", ((5, 0.8),), shape=Shape.MARKERS, marker=Marker.PLUS)
    iqr = Band("IQR", ((0, 0.7, 0.9), (3, 0.5, 0.8), (7, 0.4, 0.7)), in_legend=True)
    chart = Chart("km", "On arm A", Axis(0, 12, title="months"), Axis(0, 1),
                  series=(km, censored), bands=(iqr,))
    layout = view_of(qtbot, chart).chart_layout()
    (_s, steps, no_markers), (_c, _none, plus) = layout.lines
    # 3 points -> 5 corners: across at the old level, then down
    assert len(steps) == 5 and no_markers == []
    assert steps[1].y() == steps[0].y() and steps[1].x() == steps[2].x()
    assert steps[3].y() == steps[2].y() and steps[3].x() == steps[4].x()
    assert len(plus) == 1
    (_band, polygon), = layout.bands
    assert polygon.size() == 6  # upper edge out, lower edge back
    assert [label.text for _e, _sw, label in layout.legend] == ["IQR", "arm A"]
    assert label_texts(layout.x_labels)[:3] == ["0", "2", "4"]


def test_nine_charts_take_two_rows():
    assert [columns_for(n) for n in (1, 3, 4, 8, 9)] == [1, 3, 4, 4, 5]


def test_repainting_the_charts_keeps_the_reference_count_of_none(qtbot, database):
    # PySide6 6.12.0 on Python 3.11 lost a reference to None per painter call: a few
    # hundred repaints of these charts ended the session with "none_dealloc".
    pid, _eid, visits = enrolled_patient(database)
    _save(database, visits["baseline"], {"global": {"pga_activity": ItemEntry(value_num=5.0)}},
          MAY)
    widget = TrendChartsWidget(database, pid)
    qtbot.addWidget(widget)
    widget.resize(800, 500)
    widget.grab()
    before = sys.getrefcount(None)
    for _ in range(50):
        widget.grab()
    assert before - sys.getrefcount(None) < 50


def test_the_main_window_starts_without_a_plotting_library():
    # matplotlib with numpy cost a fifth of the start-up CPU and most of the bundle.
    code = ("import sys, app.forms.main_window, app.forms.trend_charts; "
            "print(sorted(m for m in ('matplotlib', 'numpy', 'PySide6.QtCharts') "
            "if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""})
    assert result.stdout.strip() == "[]"
