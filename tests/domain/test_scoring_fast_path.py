"""The numbers-only path (``explain=False``, used by bulk exports) gives exactly the
numbers of the explained path, over the input ranges and at the rounding edges.

Every numeric and status field of the results is compared; only the worded texts
(explanation, calculation, band label, notes, derivations) may differ.
"""

from __future__ import annotations

import dataclasses

from hypothesis import example, given, settings
from hypothesis import strategies as st

from app.domain.instruments.chaq import (
    AIDS_BY_CODE,
    CHAQ_ITEMS,
    DOMAINS_BY_CODE,
    ChaqIndex,
    chaq_index,
    score_chaq,
)
from app.domain.instruments.cmas import (
    CMAS_ITEMS,
    CMAS_SECONDS_ITEMS,
    CMAS_SIT_UP_ITEMS,
    CmasTotal,
    cmas_total,
    score_cmas,
)
from app.domain.instruments.common import (
    InstrumentInputError,
    round_for_comparison,
    round_for_comparison_float,
)
from app.domain.instruments.common import to_decimal as dec
from app.domain.instruments.enzymes import ENZYMES, EnzymeMeasurement, most_abnormal, times_uln
from app.domain.instruments.mmt8 import (
    BILATERAL_ITEMS,
    UNILATERAL_ITEMS,
    Mmt8Total,
    mmt8_total,
    score_mmt8,
)
from app.domain.response import (
    CoreSetValues,
    MuscleInstrument,
    MuscleScore,
    ResponseInputError,
    imacs_improvement,
    printo_inactive,
    total_improvement_score,
)

TEXT_FIELDS = {"explanation", "calculation", "band", "note", "derivation", "reason", "detail"}


def numbers(value: object) -> object:
    """A result with its worded fields removed (recursively), for comparison."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: numbers(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name not in TEXT_FIELDS
        }
    if isinstance(value, tuple | list):
        return [numbers(v) for v in value]
    if isinstance(value, dict):
        return {k: numbers(v) for k, v in value.items()}
    return value


def same(slow, fast) -> None:
    """Both raise the same error type, or both give the same numbers."""
    try:
        expected = ("ok", numbers(slow()))
    except Exception as exc:  # noqa: BLE001 - the error type is what is compared
        expected = ("error", type(exc))
    try:
        got = ("ok", numbers(fast()))
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


@settings(max_examples=1500, deadline=None)
@given(core(muscles), core(muscles))
@example(CoreSetValues(6.0, 6.0, None, 1.5, 2.0, "ck", 6.0),
         CoreSetValues(5.4, 5.4, None, 1.35, 1.9, "ck", 5.4))  # (6.0-5.4)/10 = 6% exactly
@example(CoreSetValues(physician_global=0.5), CoreSetValues(physician_global=0.0))
def test_tis_and_imacs_numbers_match(baseline, follow_up):
    for function in (total_improvement_score, imacs_improvement):
        same(lambda f=function: f(baseline, follow_up),
             lambda f=function: f(baseline, follow_up, explain=False))


@settings(max_examples=1500, deadline=None)
@given(
    ck=st.none() | st.floats(0, 400) | st.integers(0, 400) | st.sampled_from(
        [150, 150.0000004, 150.0000005, 150.0000006, 2.5, 2.5000000001, -1.0]),
    unit=st.sampled_from(["U/L", "µkat/L", "IU/L", "mg"]),
    cmas=st.none() | st.integers(40, 53) | st.floats(47.9999, 48.0001),
    mmt8=st.none() | st.integers(70, 151),
    variant=st.sampled_from(["unilateral", "bilateral", "both"]),
    pga=st.none() | vas,
)
def test_printo_numbers_match(ck, unit, cmas, mmt8, variant, pga):
    kwargs = dict(ck=ck, ck_unit=unit, cmas=cmas, mmt8=mmt8, mmt8_variant=variant, pga=pga)
    same(lambda: printo_inactive(**kwargs), lambda: printo_inactive(**kwargs, explain=False))


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
def test_times_uln_numbers_match(code, value, uln, unit, uln_unit):
    m = EnzymeMeasurement(code, value, unit, uln, uln_unit)
    same(lambda: times_uln(m), lambda: times_uln(m, explain=False))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([e.code for e in ENZYMES]), st.integers(0, 3000),
                          st.integers(1, 400)), max_size=5, unique_by=lambda t: t[0]))
def test_most_abnormal_matches(results):
    ms = [EnzymeMeasurement(c, v, "U/L", u) for c, v, u in results]
    same(lambda: most_abnormal(ms), lambda: most_abnormal(ms, explain=False))


item_value = st.one_of(st.none(), st.integers(-1, 7), st.floats(-1, 7), st.just("na"))


@settings(max_examples=1000, deadline=None)
@given(st.fixed_dictionaries(
    {i.code: item_value for i in CMAS_ITEMS + CMAS_SIT_UP_ITEMS}
    | {i.code: st.none() | st.floats(-1, 200) | st.integers(0, 200) for i in CMAS_SECONDS_ITEMS}
))
def test_cmas_numbers_match(values):
    same(lambda: score_cmas(values), lambda: score_cmas(values, explain=False))
    same(lambda: CmasTotal(score_cmas(values).total, score_cmas(values).partial_sum),
         lambda: cmas_total(values))


whole = st.none() | st.integers(0, 6)


@settings(max_examples=1000, deadline=None)
@given(st.fixed_dictionaries(  # mostly valid whole scores: the short path of cmas_total
    {i.code: whole for i in CMAS_ITEMS}
    | {i.code: st.none() | st.integers(0, 1) for i in CMAS_SIT_UP_ITEMS}
    | {i.code: st.none() | st.integers(0, 130) | st.floats(0, 130) for i in CMAS_SECONDS_ITEMS}
))
def test_cmas_total_matches_on_mostly_valid_entries(values):
    result = score_cmas(values)
    assert cmas_total(values) == (result.total, result.partial_sum)


@settings(max_examples=1000, deadline=None)
@given(
    st.fixed_dictionaries(
        {i.code: st.one_of(st.none(), st.integers(-1, 4), st.just("na"), st.floats(0, 3))
         for i in CHAQ_ITEMS}
        | {"chaq_pain_vas": st.none() | vas | noisy, "chaq_wellbeing_vas": st.none() | vas}
    ),
    st.lists(st.sampled_from(sorted(AIDS_BY_CODE)), max_size=3),
    st.lists(st.sampled_from(sorted(DOMAINS_BY_CODE)), max_size=3),
)
def test_chaq_numbers_match(values, aids, helped):
    same(lambda: score_chaq(values, aids, helped),
         lambda: score_chaq(values, aids, helped, explain=False))

    def slow():
        r = score_chaq(values, aids, helped)
        return ChaqIndex(r.disability_index, r.domains_answered, r.domain_sum)

    same(slow, lambda: chaq_index(values, aids, helped))


@settings(max_examples=1000, deadline=None)
@given(
    st.fixed_dictionaries({i.code: st.none() | st.integers(0, 3) | st.just("na")
                           for i in CHAQ_ITEMS}),
    st.lists(st.sampled_from(sorted(AIDS_BY_CODE)), max_size=2),
    st.lists(st.sampled_from(sorted(DOMAINS_BY_CODE) + ["nowhere"]), max_size=2),
)
def test_chaq_index_matches_on_valid_answers(values, aids, helped):
    r = score_chaq(values, aids, helped)
    expected = (r.disability_index, r.domains_answered, r.domain_sum)
    assert chaq_index(values, aids, helped) == expected


@settings(max_examples=500, deadline=None)
@given(
    st.fixed_dictionaries({i.code: st.none() | st.integers(-1, 11) | st.floats(0, 10)
                           for i in UNILATERAL_ITEMS + BILATERAL_ITEMS}),
    st.sampled_from(["unilateral", "bilateral", "other"]),
)
def test_mmt8_numbers_match(values, variant):
    same(lambda: score_mmt8(values, variant), lambda: score_mmt8(values, variant, explain=False))

    def slow():
        r = score_mmt8(values, variant)
        return Mmt8Total(r.variant, r.total, r.partial_sum)

    same(slow, lambda: mmt8_total(values, variant))


@settings(max_examples=3000, deadline=None)
@given(st.floats(-1e7, 1e7, allow_nan=False))
@example(5.999999999999996)
@example(0.0000005)
@example(12.3456785)
def test_float_rounding_is_the_decimal_rounding_or_declines(x):
    rounded = round_for_comparison_float(x, abs(x) * 1e-14)
    if rounded is not None:
        assert rounded == float(round_for_comparison(dec(x)))


def test_fast_path_rejects_what_the_checked_path_rejects():
    bad = CoreSetValues(physician_global=11.0)
    for function in (total_improvement_score, imacs_improvement):
        for explain in (True, False):
            try:
                function(bad, CoreSetValues(), explain=explain)
            except ResponseInputError:
                continue
            raise AssertionError("out-of-range value accepted")
    try:
        times_uln(EnzymeMeasurement("ck", -1.0, "U/L", 200), explain=False)
    except InstrumentInputError:
        pass
    else:
        raise AssertionError("negative enzyme accepted")
