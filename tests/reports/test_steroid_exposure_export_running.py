"""The export's cumulative steroid columns from one running pass per enrollment (issue 22)
are, text for text, those of the rule applied to each visit on its own (before: every
visit's exposure computed again over all the visits up to it): the visits that recorded
the steroid items dated on or before it, a visit not started counting only for itself;
several visits on one day, visits not started and visits out of day order included."""

from __future__ import annotations

from datetime import date, timedelta
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.instruments.steroid_exposure import (
    SteroidVisit,
    cumulative_columns,
    cumulative_steroid_exposure,
)
from app.exports.records import _cumulative_steroids, _text_of, catalogue_for, item_plan

PLAN = item_plan(catalogue_for(None, False), False)


def each_visit_on_its_own(visit_rows, steroid_visits):
    """The rule per visit, over all the enrollment's visits each time."""
    out = {}
    for vis in visit_rows:
        if vis.id not in steroid_visits:
            continue
        on = steroid_visits[vis.id].day
        upto = [steroid_visits[v.id] for v in visit_rows if v.id in steroid_visits
                and steroid_visits[v.id].day <= on
                and (v.status != "not_started" or v.id == vis.id)]
        out[vis.id] = {column: _text_of(value, PLAN.places.get(column)) for column, value
                       in cumulative_columns(cumulative_steroid_exposure(upto)).items()}
    return out


_amount = st.one_of(st.none(), st.just(0.0), st.floats(0.5, 60, allow_nan=False))


@st.composite
def enrollments(draw):
    count = draw(st.integers(0, 8))
    visit_rows, steroid_visits = [], {}
    for number in range(count):
        vis = SimpleNamespace(id=100 + number, status=draw(st.sampled_from(
            ["complete", "signed", "draft", "not_started"])))
        visit_rows.append(vis)
        if draw(st.booleans()) or number == 0:
            day = date(2025, 1, 1) + timedelta(days=draw(st.sampled_from([0, 0, 14, 30, 90])))
            steroid_visits[vis.id] = SteroidVisit(
                day, draw(_amount), draw(st.sampled_from([None, 0.0, 1.0, 3.0])),
                draw(_amount), draw(st.one_of(st.none(), st.floats(10, 80, allow_nan=False))))
    return visit_rows, steroid_visits


@settings(max_examples=400, deadline=None)
@given(enrollments())
def test_running_columns_are_those_of_each_visit_on_its_own(enrollment):
    visit_rows, steroid_visits = enrollment
    assert _cumulative_steroids(visit_rows, steroid_visits, PLAN) == \
        each_visit_on_its_own(visit_rows, steroid_visits)
