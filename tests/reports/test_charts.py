"""Charts as plain data (app.reports.charts, app.reports.outcome_charts): ticks, scales and
reference lines worked out by hand, without Qt."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.reports.charts import (
    Axis,
    Orientation,
    Scale,
    date_axis,
    day,
    month_ticks,
    nice_step,
    number_text,
    upper_limit,
    value_ticks,
)
from app.reports.outcome_charts import (
    PANELS,
    TIS_MAXIMUM,
    arm_change_note,
    outcome_charts,
    shown_panels,
)


def labels(ticks):
    return [t.label for t in ticks if t.label]


# max_labels -> intervals = max_labels - 1; raw step = span / intervals; the step is the
# smallest of 1, 2, 2.5, 5 x 10^k at least that large.
@pytest.mark.parametrize(("low", "high", "most", "always", "whole", "expected"), [
    # CMAS: 52/6 = 8.7 -> 10; 50 is within half a step (5) of 52, so 52 replaces it.
    (0, 52, 7, (0, 52), False, ["0", "10", "20", "30", "40", "52"]),
    # CMAS, little room: 52/3 = 17.3 -> 20; 40 is 12 from 52 (>= 10): both stay.
    (0, 52, 4, (0, 52), False, ["0", "20", "40", "52"]),
    # MMT8 unilateral: 80/5 = 16 -> 20, the maximum is a round tick already.
    (0, 80, 6, (0, 80), False, ["0", "20", "40", "60", "80"]),
    # MMT8 bilateral: 150/5 = 30 -> 50.
    (0, 150, 6, (0, 150), False, ["0", "50", "100", "150"]),
    # CHAQ DI: 3/6 = 0.5 -> 0.5; with 4 labels 3/3 = 1 -> 1.
    (0, 3, 7, (0, 3), False, ["0", "0.5", "1", "1.5", "2", "2.5", "3"]),
    (0, 3, 4, (0, 3), False, ["0", "1", "2", "3"]),
    # 10 cm VAS: 10/5 = 2 -> 2.
    (0, 10, 6, (0, 10), False, ["0", "2", "4", "6", "8", "10"]),
    # TIS 0-100: 100/5 = 20.
    (0, 100, 6, (0, 100), False, ["0", "20", "40", "60", "80", "100"]),
    # PRINTO count 0-4: 4/8 = 0.5 but counts take whole steps -> 1; little room: 4/2 -> 2.
    (0, 4, 9, (0, 4), True, ["0", "1", "2", "3", "4"]),
    (0, 4, 3, (0, 4), True, ["0", "2", "4"]),
    # enzyme x ULN up to 8.8: 8.8/5 = 1.76 -> 2; 8.8 is no tick (no fixed maximum).
    (0, 8.8, 6, (0,), False, ["0", "2", "4", "6", "8"]),
    # enzyme below the ULN: axis 0-1.2, 1.2/5 = 0.24 -> 0.25.
    (0, 1.2, 6, (0,), False, ["0", "0.25", "0.5", "0.75", "1"]),
])
def test_value_ticks(low, high, most, always, whole, expected):
    ticks = value_ticks(low, high, most, always=always, whole_numbers=whole)
    assert labels(ticks) == expected
    assert all(low <= t.at <= high for t in ticks)


def test_nice_step_never_gives_more_ticks_than_asked():
    assert nice_step(52, 7) == 10  # 52 / 6 = 8.67
    assert nice_step(1.2, 6) == 0.25  # 1.2 / 5 = 0.24
    assert nice_step(4, 9, whole_numbers=True) == 1
    assert nice_step(0, 5) == 1  # a flat axis still gets a step


@given(st.floats(0.5, 1e5), st.integers(2, 12))
def test_round_ticks_fit_in_the_room_given(high, most):
    ticks = value_ticks(0, high, most)
    assert 1 <= len(ticks) <= most
    assert len({t.label for t in ticks}) == len(ticks)  # no label twice


def test_numbers_are_written_without_float_noise():
    assert [number_text(v) for v in (0.30000000000000004, 2.5, 52.0, -0.0, 1e-9)] == [
        "0.3", "2.5", "52", "0", "0"]


# ---------------------------------------------------------------------------- dates


def test_a_date_axis_is_padded_by_twenty_days():
    axis = date_axis([date(2026, 5, 4), date(2026, 11, 4), date(2026, 6, 4)])
    assert axis.scale is Scale.DATE
    assert axis.low == date(2026, 4, 14).toordinal()  # 4 May - 20 days
    assert axis.high == date(2026, 11, 24).toordinal()  # 4 Nov + 20 days


def test_every_month_is_labelled_once_when_there_is_room():
    # 14 Apr - 24 Nov 2026: months starting inside are May .. Nov = 7.
    axis = date_axis([date(2026, 5, 4), date(2026, 11, 4)])
    ticks = axis.ticks(12)
    assert labels(ticks) == ["May '26", "Jun '26", "Jul '26", "Aug '26", "Sep '26",
                             "Oct '26", "Nov '26"]
    assert [date.fromordinal(int(t.at)).day for t in ticks] == [1] * 7


def test_a_short_span_has_each_month_once_not_the_same_month_repeated():
    # The defect: matplotlib put four "Oct '26" labels on a 5 Oct - 4 Nov chart.
    axis = date_axis([date(2026, 10, 5), date(2026, 11, 4)])  # 15 Sep - 24 Nov
    assert labels(axis.ticks(8)) == ["Oct '26", "Nov '26"]


def test_with_little_room_every_second_month_is_labelled_on_the_same_months():
    axis = date_axis([date(2026, 5, 4), date(2026, 11, 4)])
    ticks = axis.ticks(4)
    # 7 months > 4; every 2nd month counted from January: May, Jul, Sep, Nov = 4.
    assert labels(ticks) == ["May '26", "Jul '26", "Sep '26", "Nov '26"]
    assert len(ticks) == 7  # the other months keep an unlabelled tick mark


def test_a_long_span_labels_every_fourth_month():
    # 25 Nov 2024 - 6 Jul 2026: Dec 2024 .. Jul 2026 = 20 months. Room for 5: every 3rd
    # month (Jan/Apr/Jul/Oct) gives 7, every 4th (Jan/May/Sep) gives 5.
    axis = date_axis([date(2024, 12, 15), date(2026, 6, 16)])
    assert labels(axis.ticks(5)) == ["Jan '25", "May '25", "Sep '25", "Jan '26", "May '26"]


@given(st.dates(date(2000, 1, 1), date(2090, 1, 1)), st.integers(0, 4000),
       st.integers(1, 12))
def test_month_labels_never_repeat_and_fit(first, days, most):
    axis = date_axis([first, date.fromordinal(first.toordinal() + days)])
    ticks = axis.ticks(most)
    shown = labels(ticks)
    assert 1 <= len(shown) <= most  # 40 days of padding always hold a first of the month
    assert len(set(shown)) == len(shown)
    assert all(axis.low <= t.at <= axis.high for t in ticks)


def test_an_empty_date_axis_has_no_ticks():
    assert date_axis([]).ticks(5) == ()
    assert month_ticks(10.0, 5.0, 5) == ()


def test_axis_text_for_tooltips():
    assert date_axis([date(2026, 5, 4)]).text(day(date(2026, 5, 4))) == "4 May 2026"
    assert Axis(0, 52).text(28.0) == "28"
    assert Axis(0, 52).fraction(13) == 0.25


# ------------------------------------------------------------------- outcome charts

MAY, JUN, JUL, NOV = date(2026, 5, 4), date(2026, 6, 4), date(2026, 7, 1), date(2026, 11, 4)


def test_scales_come_from_the_instruments_and_their_maxima_are_labelled():
    series = {"cutaneous_vas": [(MAY, 6.0)], "pga": [(MAY, 5.0)], "cmas": [(MAY, 52.0)],
              "chaq_di": [(MAY, 3.0)], "mmt8_unilateral": [(MAY, 80.0)],
              "mmt8_bilateral": [(MAY, 150.0)], "tis": [(MAY, 100.0)],
              "printo_met": [(MAY, 4.0)]}
    charts = {c.key: c for c in outcome_charts(series, None, [(MAY, "A")])}
    tops = {k: (c.y.low, c.y.high) for k, c in charts.items()}
    assert tops == {"cutaneous_vas": (0, 10), "pga": (0, 10), "cmas": (0, 52),
                    "chaq_di": (0, 3), "mmt8_unilateral": (0, 80), "mmt8_bilateral": (0, 150),
                    "tis": (0, 100), "printo_met": (0, 4)}
    for key, chart in charts.items():
        # the scale maximum is a labelled tick however little room there is
        assert chart.y.high in [t.at for t in chart.y.ticks(3) if t.label], key
    assert charts["cmas"].title == "CMAS (0-52)"
    assert charts["mmt8_bilateral"].title == "MMT8 bilateral (0-150)"


def test_tis_maximum_is_the_sum_of_the_top_bands():
    # Rider 2017, Table 3: 20 (physician) + 10 (parent) + 32.5 (muscle) + 10 (CHAQ)
    # + 7.5 (enzyme) + 20 (extramuscular) = 100.
    assert TIS_MAXIMUM == 100.0


@pytest.mark.parametrize(("values", "top"), [
    ([5.0, 8.0], 8.8),  # far above the ULN: 0 .. 8.0 x 1.1, the ULN line at 1 still shown
    ([0.4, 0.6], 1.2),  # all normal: 0 .. 1.2, the ULN with a fifth of the axis above it
    ([1.0], 1.2),  # 1.0 x 1.1 = 1.1 < 1.2
    ([250.0], 275.0),  # a CK at 250 x ULN: the axis still starts at zero
])
def test_the_enzyme_axis_starts_at_zero_and_shows_the_uln(values, top):
    points = [(date(2026, 5 + i, 4), v) for i, v in enumerate(values)]
    (chart,) = outcome_charts({"enzyme_x_uln": points}, "ck", [(MAY, "A")])
    assert chart.y.low == 0
    assert chart.y.high == pytest.approx(top)
    (uln,) = [r for r in chart.rules if r.orientation is Orientation.HORIZONTAL]
    assert (uln.at, uln.label) == (1.0, "ULN")
    assert chart.y.low <= uln.at <= chart.y.high
    assert chart.title == "CK (× ULN, most abnormal)"
    assert "0" in labels(chart.y.ticks(5))


def test_enzyme_titles_use_the_enzyme_registry_names():
    (chart,) = outcome_charts({"enzyme_x_uln": [(MAY, 2.0)]}, "aldolase", [])
    assert chart.title == "Aldolase (× ULN, most abnormal)"


def test_arm_changes_are_vertical_lines_on_every_chart_and_the_dates_are_shared():
    series = {"pga": [(MAY, 5.0), (JUN, 4.0), (NOV, 2.0)], "cmas": [(MAY, 28.0), (JUN, 28.0)]}
    charts = outcome_charts(series, None, [(MAY, "A"), (JUL, "B")])
    assert [c.key for c in charts] == ["pga", "cmas"]
    for chart in charts:
        verticals = [r for r in chart.rules if r.orientation is Orientation.VERTICAL]
        assert [(r.at, r.label) for r in verticals] == [(day(JUL), "arm B")]  # not arm A
        assert (chart.x.low, chart.x.high) == (day(MAY) - 20, day(NOV) + 20)
    assert charts[0].series[0].points == ((day(MAY), 5.0), (day(JUN), 4.0), (day(NOV), 2.0))
    assert arm_change_note([(MAY, "A"), (JUL, "B")]).startswith("Dashed red lines")
    assert arm_change_note([(MAY, "A")]).startswith("No arm changes.")


def test_an_arm_change_after_the_last_visit_widens_the_dates():
    charts = outcome_charts({"pga": [(MAY, 5.0)]}, None, [(MAY, "A"), (NOV, "B")])
    assert charts[0].x.high == day(NOV) + 20


def test_printo_shows_the_inactive_visits_and_the_three_of_four_line():
    series = {"printo_met": [(MAY, 2.0), (JUN, 3.0), (NOV, 4.0)],
              "printo_inactive": [(JUN, 3.0), (NOV, 4.0)]}
    (chart,) = outcome_charts(series, None, [])
    criteria, inactive = chart.series
    assert criteria.points == ((day(MAY), 2.0), (day(JUN), 3.0), (day(NOV), 4.0))
    assert inactive.points == ((day(JUN), 3.0), (day(NOV), 4.0))
    assert chart.legend == (inactive,) and inactive.label == "inactive"
    assert [(r.at, r.label) for r in chart.rules] == [(3.0, "inactive: 3 of 4")]
    assert labels(chart.y.ticks(9)) == ["0", "1", "2", "3", "4"]


def test_tis_shows_the_jdm_response_thresholds():
    (chart,) = outcome_charts({"tis": [(JUN, 37.5)]}, None, [])
    assert sorted((r.at, r.label) for r in chart.rules) == [
        (30.0, "minimal"), (45.0, "moderate"), (70.0, "major")]
    assert "provisional" in chart.title


def test_only_outcomes_with_data_are_charted_and_nothing_gives_one_empty_chart():
    assert shown_panels({"cmas": [(MAY, 30.0)], "pga": [], "tis": [(JUN, 20.0)]}) == [
        "cmas", "tis"]
    (empty,) = outcome_charts({}, None, [])
    assert empty.key == PANELS[0].key == "cutaneous_vas"
    assert not empty.has_data and empty.empty_text == "no data"
    assert empty.x.ticks(5) == ()


def test_upper_limit():
    assert upper_limit([], at_least=1.2) == 1.2
    assert upper_limit([10.0], at_least=1.2) == pytest.approx(11.0)
