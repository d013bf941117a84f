"""The cumulative steroid exposure up to each visit, in one running pass (issue 22: the
export computed it again over all earlier visits for every visit): each element is, to
the last bit, what the rule computed over those visits alone with one sum per list (the
reference below is that computation as it was written before the running pass), gaps
included; and a day's visits in the order given."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.instruments.steroid_exposure import (
    METHYLPREDNISOLONE_TO_PREDNISONE,
    SteroidExposure,
    SteroidVisit,
    cumulative_steroid_exposure,
    steroid_exposures,
)


def _sum(parts):
    return None if any(p is None for p in parts) else float(sum(parts))


def reference(visits) -> SteroidExposure:
    """The rule over ``visits`` with one sum per list (the computation before issue 22)."""
    ordered = sorted(visits, key=lambda v: v.day)
    if not ordered:
        return SteroidExposure(None, None, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
    gaps, oral, oral_kg = [], [], []
    for start, end in zip(ordered, ordered[1:], strict=False):
        days = (end.day - start.day).days
        if start.prednisone_mg_day is None:
            gaps.append(f"oral dose not recorded on {start.day.isoformat()}")
            oral.append(None)
            oral_kg.append(None)
            continue
        mg = start.prednisone_mg_day * days
        oral.append(mg)
        if start.weight_kg:
            oral_kg.append(mg / start.weight_kg)
        else:
            if mg:
                gaps.append(f"weight not recorded on {start.day.isoformat()}")
            oral_kg.append(None if mg else 0.0)
    iv, iv_kg = [], []
    for v in ordered:
        if v.ivmp_pulses is None:
            gaps.append(f"IV pulses not recorded on {v.day.isoformat()}")
            iv.append(None)
            iv_kg.append(None)
            continue
        if v.ivmp_pulses == 0:
            iv.append(0.0)
            iv_kg.append(0.0)
            continue
        if v.ivmp_dose_mg is None:
            gaps.append(f"IV pulse dose not recorded on {v.day.isoformat()}")
            iv.append(None)
            iv_kg.append(None)
            continue
        mg = v.ivmp_pulses * v.ivmp_dose_mg
        iv.append(mg)
        if v.weight_kg:
            iv_kg.append(mg / v.weight_kg)
        else:
            gaps.append(f"weight not recorded on {v.day.isoformat()}")
            iv_kg.append(None)
    oral_mg, oral_per_kg, iv_mg, iv_per_kg = _sum(oral), _sum(oral_kg), _sum(iv), _sum(iv_kg)
    k = METHYLPREDNISOLONE_TO_PREDNISONE
    total = None if oral_mg is None or iv_mg is None else oral_mg + k * iv_mg
    total_kg = None if oral_per_kg is None or iv_per_kg is None else oral_per_kg + k * iv_per_kg
    return SteroidExposure(ordered[0].day, ordered[-1].day, oral_mg, oral_per_kg, iv_mg,
                           iv_per_kg, total, total_kg, tuple(dict.fromkeys(gaps)))


_maybe = st.one_of(st.none(), st.just(0.0), st.floats(0.1, 200, allow_nan=False))
_visit = st.builds(
    SteroidVisit,
    st.integers(0, 400).map(lambda d: date(2025, 1, 1) + timedelta(days=d)),
    _maybe, st.one_of(st.none(), st.sampled_from([0.0, 1.0, 3.0])), _maybe,
    st.one_of(st.none(), st.just(0.0), st.floats(8, 90, allow_nan=False)))


@settings(max_examples=400, deadline=None)
@given(st.lists(_visit, max_size=9))
def test_each_running_exposure_is_the_rule_over_the_visits_up_to_it(visits):
    ordered = sorted(visits, key=lambda v: v.day)
    running = steroid_exposures(visits)
    assert len(running) == len(visits)
    for number, exposure in enumerate(running):
        assert exposure == reference(ordered[:number + 1])  # floats compared exactly
    assert cumulative_steroid_exposure(visits) == reference(visits)


def test_worked_by_hand_up_to_each_visit():
    """20 mg/day from day 0 to day 10, then 10 mg/day to day 40; one 500 mg pulse on day
    10; weight 25 kg throughout.
    Up to day 0: oral 0, IV 0.
    Up to day 10: oral 20 x 10 = 200 mg (8 mg/kg); IV 1 x 500 = 500 mg (20 mg/kg);
    total 200 + 1.25 x 500 = 825 mg (8 + 1.25 x 20 = 33 mg/kg).
    Up to day 40: oral 200 + 10 x 30 = 500 mg (20 mg/kg); IV 500 mg; total 1125 mg
    (20 + 25 = 45 mg/kg)."""
    start = date(2025, 3, 1)
    visits = [SteroidVisit(start, 20.0, 0.0, None, 25.0),
              SteroidVisit(start + timedelta(days=10), 10.0, 1.0, 500.0, 25.0),
              SteroidVisit(start + timedelta(days=40), 10.0, 0.0, None, 25.0)]
    got = [(e.oral_mg, e.oral_mg_per_kg, e.ivmp_mg, e.ivmp_mg_per_kg, e.total_prednisone_mg,
            e.total_prednisone_mg_per_kg) for e in steroid_exposures(visits)]
    assert got == [(0.0, 0.0, 0.0, 0.0, 0.0, 0.0),
                   (200.0, 8.0, 500.0, 20.0, 825.0, 33.0),
                   (500.0, 20.0, 500.0, 20.0, 1125.0, 45.0)]
