"""Plain floats are computed in floats only where that provably gives the exact decimal
result (``round_for_comparison_float``); and ``explain=False`` changes only the words.

There is one scoring path (``app.domain.visit_scores``). Inside it, a percent change, a
×ULN ratio or a threshold comparison on plain floats takes a float route when the float
result is provably the exact decimal result rounded to 6 places, and exact decimals
otherwise. These tests attack that guard: each expected value is worked out here in exact
decimal arithmetic from the rule, never by the code under test, over the input ranges
and at the rounding and band edges.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from hypothesis import example, given, settings
from hypothesis import strategies as st

from app.domain.instruments.chaq import AIDS_BY_CODE, CHAQ_ITEMS, DOMAINS_BY_CODE, score_chaq
from app.domain.instruments.cmas import (
    CMAS_ITEMS,
    CMAS_SECONDS_ITEMS,
    CMAS_SIT_UP_ITEMS,
    score_cmas,
)
from app.domain.instruments.common import (
    InstrumentInputError,
    round_for_comparison,
    round_for_comparison_float,
)
from app.domain.instruments.common import to_decimal as dec
from app.domain.instruments.enzymes import ENZYMES, EnzymeMeasurement, times_uln
from app.domain.instruments.mmt8 import BILATERAL_ITEMS, UNILATERAL_ITEMS, score_mmt8
from app.domain.response import (
    CoreMeasure,
    CoreSetValues,
    MuscleInstrument,
    MuscleScore,
    ResponseInputError,
    imacs_improvement,
    points_for,
    printo_inactive,
    total_improvement_score,
)
from app.domain.response.core_set import percent_change

TEXT_FIELDS = {"explanation", "calculation", "band", "note", "derivation", "reason", "detail"}
# Per-item and per-domain detail is built only when explaining (bulk exports skip it).
DETAIL_FIELDS = {"items", "domains"}


def numbers(value: object) -> object:
    """A result with its worded fields removed (recursively), for comparison."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: numbers(getattr(value, f.name)) for f in dataclasses.fields(value)
                if f.name not in TEXT_FIELDS | DETAIL_FIELDS}
    if isinstance(value, tuple) and hasattr(value, "_fields"):  # NamedTuple results
        return {name: numbers(getattr(value, name)) for name in value._fields
                if name not in TEXT_FIELDS}
    if isinstance(value, tuple | list):
        return [numbers(v) for v in value]
    if isinstance(value, dict):
        return {k: numbers(v) for k, v in value.items()}
    return value


def same(explained, bare) -> None:
    """Both raise the same error type, or both give the same numbers."""
    try:
        expected = ("ok", numbers(explained()))
    except Exception as exc:  # noqa: BLE001 - the error type is what is compared
        expected = ("error", type(exc))
    try:
        got = ("ok", numbers(bare()))
    except Exception as exc:  # noqa: BLE001
        got = ("error", type(exc))
    assert got == expected


# Values as the visit form stores them: 0.1 cm VAS steps, whole scores, and some noise
# (floats with many decimals, edges of every band) to reach the rounding boundaries.
vas = st.one_of(
    st.integers(0, 100).map(lambda n: n / 10),
    st.floats(0, 10, allow_nan=False),
    st.sampled_from([0.2, 0.2000004, 0.2000005, 0.2000006, 0.19999995, 9.9999996]),
)
noisy = st.floats(-1, 1e7, allow_nan=False) | st.just(float("inf"))


@settings(max_examples=2000, deadline=None)
@given(st.floats(-1e7, 1e7, allow_nan=False))
@example(5.999999999999996)
@example(0.0000005)
@example(12.3456785)
def test_float_rounding_is_the_decimal_rounding_or_declines(x):
    rounded = round_for_comparison_float(x, abs(x) * 1e-14)
    if rounded is not None:
        assert rounded == float(round_for_comparison(dec(x)))


@settings(max_examples=2000, deadline=None)
@given(
    a=vas | st.floats(0, 200, allow_nan=False),
    b=vas | st.floats(0, 200, allow_nan=False),
    d=st.sampled_from([10.0, 3.0, 80.0, 150.0, 52.0]) | st.floats(0.001, 1000),
)
@example(6.0, 5.4, 10.0)  # (6.0 - 5.4) / 10 × 100 = 6 exactly, 5.999999999999996 in floats
@example(1.5, 1.35, 3.0)  # 5% exactly: a TIS band edge
@example(0.3, 0.1, 1.0)
def test_percent_change_of_floats_is_the_exact_decimal_result(a, b, d):
    # The rule (clinical-rules §3.2): (a - b) / d × 100, rounded to 6 decimals half-even.
    exact = round_for_comparison((dec(a) - dec(b)) / dec(d) * 100)
    got = percent_change(a, b, d)
    assert dec(got) == exact if isinstance(got, Decimal) else got == float(exact)


@settings(max_examples=1000, deadline=None)
@given(
    measure=st.sampled_from(list(CoreMeasure)),
    x=st.sampled_from([2.0, 5.0, 10.0, 15.0, 20.0, 25.0, 30.0, 40.0]).flatmap(
        lambda edge: st.sampled_from([edge, edge + 1e-7, edge - 1e-7, edge + 4e-7, edge + 5e-7,
                                      edge - 5e-7, edge + 6e-7])) | st.floats(-100, 100),
)
def test_tis_points_of_a_float_are_those_of_its_decimal(measure, x):
    assert points_for(measure, x) == points_for(measure, dec(x))


enzyme_value = st.one_of(
    st.integers(0, 5000), st.floats(0, 1e5), st.floats(-1, 1e9), st.just(float("inf")),
    st.sampled_from([0.0000005, 1.2345675, 300.0000015]),
)


@settings(max_examples=1500, deadline=None)
@given(
    code=st.sampled_from([e.code for e in ENZYMES] + ["xyz"]),
    value=enzyme_value,
    uln=enzyme_value,
    unit=st.sampled_from(["U/L", "µkat/L", "ukat/L", "g"]),
    uln_unit=st.sampled_from([None, "U/L", "µkat/L"]),
)
@example("ck", 300.0000015, 100.0, "U/L", None)
def test_times_uln_is_the_exact_decimal_ratio(code, value, uln, unit, uln_unit):
    m = EnzymeMeasurement(code, value, unit, uln, uln_unit)
    try:
        got = times_uln(m, explain=False)
    except InstrumentInputError:
        same(lambda: times_uln(m), lambda: times_uln(m, explain=False))  # both refuse
        return
    # The rule (clinical-rules §2.5): both in U/L (µkat/L × 60), value ÷ ULN, 6 decimals.
    def u_per_l(x, u):
        return dec(x) * 60 if u in ("µkat/L", "ukat/L") else dec(x)
    exact = round_for_comparison(u_per_l(value, unit) / u_per_l(uln, uln_unit or unit))
    assert got.times_uln == float(exact)
    same(lambda: times_uln(m), lambda: times_uln(m, explain=False))


@settings(max_examples=1500, deadline=None)
@given(
    ck=st.none() | st.floats(0, 400) | st.integers(0, 400) | st.sampled_from(
        [150, 150.0000004, 150.0000005, 150.0000006, 2.5, 2.5000000001, -1.0]),
    unit=st.sampled_from(["U/L", "µkat/L"]),
    cmas=st.none() | st.integers(40, 52) | st.floats(47.9999, 48.0001),
    mmt8=st.none() | st.integers(70, 80),
    pga=st.none() | vas,
)
def test_printo_criteria_are_decided_on_the_exact_decimals(ck, unit, cmas, mmt8, pga):
    try:
        result = printo_inactive(ck=ck, ck_unit=unit, cmas=cmas, mmt8=mmt8, pga=pga,
                                 explain=False)
    except ResponseInputError:
        assert any(v is not None and v < 0 for v in (ck, cmas, mmt8, pga))
        return
    # The rule (clinical-rules §3.1), each value rounded to 6 decimals first.
    def r(x):
        return round_for_comparison(dec(x))
    ck_u = None if ck is None else (dec(ck) * 60 if unit == "µkat/L" else dec(ck))
    expected = {
        "ck": None if ck_u is None else round_for_comparison(ck_u) <= 150,
        "cmas": None if cmas is None else r(cmas) >= 48,
        "mmt8": None if mmt8 is None else r(mmt8) >= 78,
        "pga": None if pga is None else r(pga) <= Decimal("0.2"),
    }
    assert {c.code: c.met for c in result.criteria} == expected
    same(lambda: printo_inactive(ck=ck, ck_unit=unit, cmas=cmas, mmt8=mmt8, pga=pga),
         lambda: result)


chaq_di = st.one_of(st.fractions(0, 3, max_denominator=8).map(float), st.floats(0, 3))


def core(muscle: st.SearchStrategy) -> st.SearchStrategy[CoreSetValues]:
    return st.builds(
        CoreSetValues,
        physician_global=st.none() | vas,
        parent_global=st.none() | vas,
        muscle=st.none() | muscle,
        chaq_di=st.none() | chaq_di,
        enzyme=st.none() | st.floats(0, 1000, allow_nan=False) | st.integers(0, 30),
        enzyme_code=st.sampled_from([None, "ck", "ldh"]),
        extramuscular=st.none() | vas | noisy,
    )


muscles = st.one_of(
    st.builds(MuscleScore, st.just(MuscleInstrument.MMT8_UNILATERAL), st.integers(0, 80)),
    st.builds(MuscleScore, st.just(MuscleInstrument.MMT8_BILATERAL), st.integers(0, 150)),
    st.builds(MuscleScore, st.just(MuscleInstrument.CMAS), st.integers(0, 52)),
    st.builds(MuscleScore, st.sampled_from(list(MuscleInstrument)), st.floats(-5, 200)),
)


@settings(max_examples=400, deadline=None)
@given(core(muscles), core(muscles))
@example(CoreSetValues(6.0, 6.0, None, 1.5, 2.0, "ck", 6.0),
         CoreSetValues(5.4, 5.4, None, 1.35, 1.9, "ck", 5.4))  # (6.0-5.4)/10 = 6% exactly
def test_tis_and_imacs_without_words_give_the_same_numbers(baseline, follow_up):
    for function in (total_improvement_score, imacs_improvement):
        same(lambda f=function: f(baseline, follow_up),
             lambda f=function: f(baseline, follow_up, explain=False))


item_value = st.one_of(st.none(), st.integers(-1, 7), st.floats(-1, 7), st.just("na"))


@settings(max_examples=300, deadline=None)
@given(st.fixed_dictionaries(
    {i.code: item_value for i in CMAS_ITEMS + CMAS_SIT_UP_ITEMS}
    | {i.code: st.none() | st.floats(-1, 200) | st.integers(0, 200) for i in CMAS_SECONDS_ITEMS}
))
def test_cmas_without_words_gives_the_same_numbers(values):
    same(lambda: score_cmas(values), lambda: score_cmas(values, explain=False))


@settings(max_examples=300, deadline=None)
@given(
    st.fixed_dictionaries(
        {i.code: st.one_of(st.none(), st.integers(-1, 4), st.just("na"), st.floats(0, 3))
         for i in CHAQ_ITEMS}
        | {"chaq_pain_vas": st.none() | vas | noisy, "chaq_wellbeing_vas": st.none() | vas}
    ),
    st.lists(st.sampled_from(sorted(AIDS_BY_CODE)), max_size=3),
    st.lists(st.sampled_from(sorted(DOMAINS_BY_CODE) + ["nowhere"]), max_size=3),
)
def test_chaq_without_words_gives_the_same_numbers(values, aids, helped):
    same(lambda: score_chaq(values, aids, helped),
         lambda: score_chaq(values, aids, helped, explain=False))


@settings(max_examples=300, deadline=None)
@given(
    st.fixed_dictionaries({i.code: st.none() | st.integers(-1, 11) | st.floats(0, 10)
                           for i in UNILATERAL_ITEMS + BILATERAL_ITEMS}),
    st.sampled_from(["unilateral", "bilateral", "other"]),
)
def test_mmt8_without_words_gives_the_same_numbers(values, variant):
    same(lambda: score_mmt8(values, variant), lambda: score_mmt8(values, variant, explain=False))


def test_out_of_range_values_are_refused_with_or_without_words():
    bad = CoreSetValues(physician_global=11.0)
    for function in (total_improvement_score, imacs_improvement):
        for explain in (True, False):
            try:
                function(bad, CoreSetValues(), explain=explain)
            except ResponseInputError:
                continue
            raise AssertionError("out-of-range value accepted")
    for explain in (True, False):
        try:
            times_uln(EnzymeMeasurement("ck", -1.0, "U/L", 200), explain=explain)
        except InstrumentInputError:
            continue
        raise AssertionError("negative enzyme accepted")
