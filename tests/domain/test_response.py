"""Derived outcomes (clinical-rules §3). Expected values worked out by hand; the
arithmetic is written beside each case."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.instruments.cmas import score_cmas
from app.domain.instruments.mmt8 import score_mmt8
from app.domain.response import (
    TIS_PERCENT_CHANGE_RULE,
    CoreMeasure,
    CoreSetValues,
    ImprovementStatus,
    MeasureChange,
    MuscleInstrument,
    MuscleScore,
    PrintoStatus,
    ResponseInputError,
    TisCategory,
    imacs_improvement,
    muscle_from_cmas,
    muscle_from_mmt8,
    points_for,
    printo_inactive,
    tis_category,
    total_improvement_score,
)

UNI = MuscleInstrument.MMT8_UNILATERAL
BI = MuscleInstrument.MMT8_BILATERAL
CMAS = MuscleInstrument.CMAS


def visit(**kw) -> CoreSetValues:
    return CoreSetValues(**kw)


# ============================================================== TIS: rule and table


def test_percent_change_rule_is_one_provisional_named_object():
    rule = TIS_PERCENT_CHANGE_RULE
    assert rule.status == "provisional"
    assert "§3.2" in rule.source
    assert rule.full_range == {
        "physician_global": 10,
        "parent_global": 10,
        "extramuscular": 10,
        "chaq": 3,
        "mmt8_unilateral": 80,
        "mmt8_bilateral": 150,
        "cmas": 52,
    }
    assert rule.relative_measures == {"enzyme"}


# Points per band, Rider 2017 Table 3 / clinical-rules §3.2:
#                 >5-15  >15-25  >25-40  >40
POINTS = {
    CoreMeasure.PHYSICIAN_GLOBAL: (7.5, 15, 17.5, 20),
    CoreMeasure.PARENT_GLOBAL: (2.5, 5, 7.5, 10),
    CoreMeasure.CHAQ: (5, 7.5, 7.5, 10),
    CoreMeasure.ENZYME: (2.5, 5, 7.5, 7.5),
    CoreMeasure.EXTRAMUSCULAR: (7.5, 12.5, 15, 20),
}


@pytest.mark.parametrize("measure", list(POINTS))
@pytest.mark.parametrize(
    ("percent", "band"),
    [
        (-50, None),  # worsening -> 0
        (0, None),
        (5, None),  # exactly 5: not above 5 -> 0
        ("5.000001", 0),  # just above 5
        (15, 0),  # exactly 15 is still in >5-15
        ("15.000001", 1),
        (25, 1),
        ("25.000001", 2),
        (40, 2),
        ("40.000001", 3),
        (100, 3),
    ],
)
def test_standard_band_edges(measure, percent, band):
    points, _label = points_for(measure, Decimal(str(percent)))
    expected = 0 if band is None else POINTS[measure][band]
    assert points == Decimal(str(expected))


@pytest.mark.parametrize(
    ("percent", "expected"),
    [
        (-10, 0),
        (2, 0),  # exactly 2: not above 2
        ("2.000001", 10),
        (10, 10),
        ("10.000001", 20),
        (20, 20),
        ("20.000001", 27.5),
        (30, 27.5),
        ("30.000001", 32.5),
        (100, 32.5),
    ],
)
def test_muscle_band_edges(percent, expected):
    points, _ = points_for(CoreMeasure.MUSCLE, Decimal(str(percent)))
    assert points == Decimal(str(expected))


def test_band_labels():
    assert points_for(CoreMeasure.PHYSICIAN_GLOBAL, 10)[1] == ">5-15%"
    assert points_for(CoreMeasure.PHYSICIAN_GLOBAL, 41)[1] == ">40%"
    assert points_for(CoreMeasure.MUSCLE, 25)[1] == ">20-30%"
    assert points_for(CoreMeasure.MUSCLE, -1)[1] == "worsened"


def test_max_points_sum_to_100():
    # 20 + 10 + 32.5 + 10 + 7.5 + 20 = 100
    total = sum(points_for(m, 1000)[0] for m in CoreMeasure)
    assert total == 100


# =============================================== TIS: percent change from the values

# A baseline where nothing else changes; each test changes one measure.
BASE = visit(
    physician_global=8.0,
    parent_global=8.0,
    muscle=MuscleScore(UNI, 40),
    chaq_di=2.0,
    enzyme=4.0,
    enzyme_code="ck",
    extramuscular=8.0,
)


def only(measure: CoreMeasure, tis_result):
    return next(m for m in tis_result.measures if m.measure is measure)


@pytest.mark.parametrize(
    ("field", "measure", "follow", "percent", "points"),
    [
        # VAS, full range 10 cm: improvement / 10 x 100
        ("physician_global", CoreMeasure.PHYSICIAN_GLOBAL, 7.5, 5, 0),  # 0.5/10 = 5%
        ("physician_global", CoreMeasure.PHYSICIAN_GLOBAL, 7.4, 6, 7.5),  # 0.6/10 = 6%
        ("physician_global", CoreMeasure.PHYSICIAN_GLOBAL, 6.5, 15, 7.5),  # 1.5/10
        ("physician_global", CoreMeasure.PHYSICIAN_GLOBAL, 6.4, 16, 15),  # 1.6/10
        ("physician_global", CoreMeasure.PHYSICIAN_GLOBAL, 5.5, 25, 15),  # 2.5/10
        ("physician_global", CoreMeasure.PHYSICIAN_GLOBAL, 5.4, 26, 17.5),  # 2.6/10
        ("physician_global", CoreMeasure.PHYSICIAN_GLOBAL, 4.0, 40, 17.5),  # 4.0/10
        ("physician_global", CoreMeasure.PHYSICIAN_GLOBAL, 3.9, 41, 20),  # 4.1/10
        ("physician_global", CoreMeasure.PHYSICIAN_GLOBAL, 9.0, -10, 0),  # worse
        ("parent_global", CoreMeasure.PARENT_GLOBAL, 7.5, 5, 0),
        ("parent_global", CoreMeasure.PARENT_GLOBAL, 7.4, 6, 2.5),
        ("parent_global", CoreMeasure.PARENT_GLOBAL, 6.5, 15, 2.5),
        ("parent_global", CoreMeasure.PARENT_GLOBAL, 6.4, 16, 5),
        ("parent_global", CoreMeasure.PARENT_GLOBAL, 5.5, 25, 5),
        ("parent_global", CoreMeasure.PARENT_GLOBAL, 5.4, 26, 7.5),
        ("parent_global", CoreMeasure.PARENT_GLOBAL, 4.0, 40, 7.5),
        ("parent_global", CoreMeasure.PARENT_GLOBAL, 3.9, 41, 10),
        ("parent_global", CoreMeasure.PARENT_GLOBAL, 8.1, -1, 0),
        ("extramuscular", CoreMeasure.EXTRAMUSCULAR, 7.5, 5, 0),
        ("extramuscular", CoreMeasure.EXTRAMUSCULAR, 7.4, 6, 7.5),
        ("extramuscular", CoreMeasure.EXTRAMUSCULAR, 6.5, 15, 7.5),
        ("extramuscular", CoreMeasure.EXTRAMUSCULAR, 6.4, 16, 12.5),
        ("extramuscular", CoreMeasure.EXTRAMUSCULAR, 5.5, 25, 12.5),
        ("extramuscular", CoreMeasure.EXTRAMUSCULAR, 5.4, 26, 15),
        ("extramuscular", CoreMeasure.EXTRAMUSCULAR, 4.0, 40, 15),
        ("extramuscular", CoreMeasure.EXTRAMUSCULAR, 3.9, 41, 20),
        ("extramuscular", CoreMeasure.EXTRAMUSCULAR, 10.0, -20, 0),
        # CHAQ, full range 3: improvement / 3 x 100 from baseline 2.0
        ("chaq_di", CoreMeasure.CHAQ, 1.85, 5, 0),  # 0.15/3 = 5%
        ("chaq_di", CoreMeasure.CHAQ, 1.84, "5.333333", 5),  # 0.16/3 = 5.3333%
        ("chaq_di", CoreMeasure.CHAQ, 1.55, 15, 5),  # 0.45/3 = 15%
        ("chaq_di", CoreMeasure.CHAQ, 1.54, "15.333333", 7.5),  # 0.46/3
        ("chaq_di", CoreMeasure.CHAQ, 1.25, 25, 7.5),  # 0.75/3 = 25%
        ("chaq_di", CoreMeasure.CHAQ, 1.24, "25.333333", 7.5),  # 0.76/3
        ("chaq_di", CoreMeasure.CHAQ, 0.8, 40, 7.5),  # 1.2/3 = 40%
        ("chaq_di", CoreMeasure.CHAQ, 0.79, "40.333333", 10),  # 1.21/3
        ("chaq_di", CoreMeasure.CHAQ, 2.5, "-16.666667", 0),  # worse
        # enzyme: relative (4.0 - f) / 4.0 x 100
        ("enzyme", CoreMeasure.ENZYME, 3.8, 5, 0),  # 0.2/4 = 5%
        ("enzyme", CoreMeasure.ENZYME, 3.78, "5.5", 2.5),  # 0.22/4 = 5.5%
        ("enzyme", CoreMeasure.ENZYME, 3.4, 15, 2.5),  # 0.6/4 = 15%
        ("enzyme", CoreMeasure.ENZYME, 3.38, "15.5", 5),  # 0.62/4
        ("enzyme", CoreMeasure.ENZYME, 3.0, 25, 5),  # 1/4 = 25%
        ("enzyme", CoreMeasure.ENZYME, 2.98, "25.5", 7.5),  # 1.02/4
        ("enzyme", CoreMeasure.ENZYME, 2.4, 40, 7.5),  # 1.6/4 = 40%
        ("enzyme", CoreMeasure.ENZYME, 2.38, "40.5", 7.5),  # 1.62/4
        ("enzyme", CoreMeasure.ENZYME, 6.0, -50, 0),  # worse
    ],
)
def test_tis_percent_change_and_points_per_measure(field, measure, follow, percent, points):
    result = total_improvement_score(BASE, dataclasses.replace(BASE, **{field: follow}))
    m = only(measure, result)
    assert Decimal(str(m.percent_change)) == Decimal(str(percent))
    assert m.points == points
    # every other measure unchanged -> 0 points, so TIS = this measure's points
    assert result.tis == points


@pytest.mark.parametrize(
    ("instrument", "base", "follow", "percent", "points"),
    [
        # MMT8 unilateral, range 80: (f - b) / 80 x 100
        (UNI, 40, 41, "1.25", 0),  # 1/80
        (UNI, 40, 42, "2.5", 10),  # 2/80
        (UNI, 40, 48, 10, 10),  # 8/80 = 10% exactly
        (UNI, 40, 49, "11.25", 20),  # 9/80
        (UNI, 40, 56, 20, 20),  # 16/80 = 20% exactly
        (UNI, 40, 57, "21.25", 27.5),  # 17/80
        (UNI, 40, 64, 30, 27.5),  # 24/80 = 30% exactly
        (UNI, 40, 65, "31.25", 32.5),  # 25/80
        (UNI, 40, 30, "-12.5", 0),  # worse
        # MMT8 bilateral, range 150: edges 2/10/20/30% = 3/15/30/45 points of MMT
        (BI, 60, 63, 2, 0),  # 3/150 = 2% exactly
        (BI, 60, 64, "2.666667", 10),  # 4/150
        (BI, 60, 75, 10, 10),  # 15/150
        (BI, 60, 76, "10.666667", 20),  # 16/150
        (BI, 60, 90, 20, 20),  # 30/150
        (BI, 60, 91, "20.666667", 27.5),  # 31/150
        (BI, 60, 105, 30, 27.5),  # 45/150
        (BI, 60, 106, "30.666667", 32.5),  # 46/150
        # CMAS, range 52: (f - b) / 52 x 100
        (CMAS, 20, 21, "1.923077", 0),  # 1/52
        (CMAS, 20, 22, "3.846154", 10),  # 2/52
        (CMAS, 20, 25, "9.615385", 10),  # 5/52
        (CMAS, 20, 26, "11.538462", 20),  # 6/52
        (CMAS, 20, 30, "19.230769", 20),  # 10/52
        (CMAS, 20, 31, "21.153846", 27.5),  # 11/52
        (CMAS, 20, 35, "28.846154", 27.5),  # 15/52
        (CMAS, 20, 36, "30.769231", 32.5),  # 16/52
        (CMAS, 20, 19.48, -1, 0),  # hypothetical (19.48 - 20)/52 = -1% -> worse
    ],
)
def test_tis_muscle_bands(instrument, base, follow, percent, points):
    b = dataclasses.replace(BASE, muscle=MuscleScore(instrument, base))
    f = dataclasses.replace(BASE, muscle=MuscleScore(instrument, follow))
    m = only(CoreMeasure.MUSCLE, total_improvement_score(b, f))
    assert Decimal(str(m.percent_change)) == Decimal(str(percent))
    assert m.points == points
    assert m.instrument == instrument.value


def test_tis_exact_edges_at_muscle_percentages_via_fractional_totals():
    # exact 2% on MMT8 unilateral: 1.6 / 80 = 2% -> 0 ; 10% on CMAS: 5.2 / 52 -> 10
    b = dataclasses.replace(BASE, muscle=MuscleScore(UNI, 40))
    f = dataclasses.replace(BASE, muscle=MuscleScore(UNI, 41.6))
    assert only(CoreMeasure.MUSCLE, total_improvement_score(b, f)).points == 0
    b = dataclasses.replace(BASE, muscle=MuscleScore(CMAS, 20))
    f = dataclasses.replace(BASE, muscle=MuscleScore(CMAS, 25.2))
    assert only(CoreMeasure.MUSCLE, total_improvement_score(b, f)).points == 10


def test_float_noise_does_not_cross_band_edges():
    # In binary floats (6.0 - 5.4) / 10 * 100 = 5.999999999999996 and
    # (2.0 - 1.9) / 2.0 * 100 = 5.000000000000004; decimal-safe: exactly 6 and 5.
    assert (6.0 - 5.4) / 10 * 100 != 6
    assert (2.0 - 1.9) / 2.0 * 100 != 5
    b = dataclasses.replace(BASE, physician_global=6.0, enzyme=2.0)
    f = dataclasses.replace(b, physician_global=5.4, enzyme=1.9)
    result = total_improvement_score(b, f)
    pga = only(CoreMeasure.PHYSICIAN_GLOBAL, result)
    enzyme = only(CoreMeasure.ENZYME, result)
    assert pga.percent_change == 6.0 and pga.points == 7.5
    assert enzyme.percent_change == 5.0 and enzyme.points == 0  # 5% is not above 5


# Category thresholds, built from real inputs. From BASE:
#   PGA 8.0 -> 3.9: 4.1/10 = 41%  -> 20    PGA 8.0 -> 5.0: 3/10 = 30% -> 17.5
#   parent 8.0 -> 3.9: 41%        -> 10
#   CHAQ 2.0 -> 1.4: 0.6/3 = 20%  -> 7.5   CHAQ 2.0 -> 1.7: 0.3/3 = 10% -> 5
#   enzyme 4.0 -> 2.0: 2/4 = 50%  -> 7.5
#   MMT8 40 -> 65: 25/80 = 31.25% -> 32.5
@pytest.mark.parametrize(
    ("changes", "tis", "category"),
    [
        ({"physician_global": 5.0, "parent_global": 3.9}, 27.5, TisCategory.NONE),  # 17.5+10
        ({"physician_global": 3.9, "parent_global": 3.9}, 30, TisCategory.MINIMAL),  # 20+10
        (
            {"physician_global": 3.9, "parent_global": 3.9, "chaq_di": 1.7, "enzyme": 2.0},
            42.5,  # 20 + 10 + 5 + 7.5
            TisCategory.MINIMAL,
        ),
        (
            {"physician_global": 3.9, "parent_global": 3.9, "chaq_di": 1.4, "enzyme": 2.0},
            45,  # 20 + 10 + 7.5 + 7.5
            TisCategory.MODERATE,
        ),
        (
            {"physician_global": 5.0, "parent_global": 3.9, "enzyme": 2.0, "muscle": 65},
            67.5,  # 17.5 + 10 + 7.5 + 32.5
            TisCategory.MODERATE,
        ),
        (
            {"physician_global": 3.9, "parent_global": 3.9, "enzyme": 2.0, "muscle": 65},
            70,  # 20 + 10 + 7.5 + 32.5
            TisCategory.MAJOR,
        ),
        (
            {
                "physician_global": 0.0,
                "parent_global": 0.0,
                "chaq_di": 0.0,
                "enzyme": 1.0,
                "muscle": 80,
                "extramuscular": 0.0,
            },
            100,  # 20 + 10 + 10 + 7.5 + 32.5 + 20
            TisCategory.MAJOR,
        ),
        ({}, 0, TisCategory.NONE),
    ],
)
def test_tis_totals_and_categories(changes, tis, category):
    if "muscle" in changes:
        changes = {**changes, "muscle": MuscleScore(UNI, changes["muscle"])}
    result = total_improvement_score(BASE, dataclasses.replace(BASE, **changes))
    assert result.tis == tis
    assert result.category is category
    assert result.missing == () and result.not_comparable == ()
    assert result.provisional is True
    assert "Rider" in result.source
    assert "PROVISIONAL" in result.explanation


@pytest.mark.parametrize(
    ("tis", "category"),
    [
        (0, TisCategory.NONE),
        (29.9, TisCategory.NONE),
        (30, TisCategory.MINIMAL),
        (44.9, TisCategory.MINIMAL),
        (45, TisCategory.MODERATE),
        (69.9, TisCategory.MODERATE),
        (70, TisCategory.MAJOR),
        (100, TisCategory.MAJOR),
    ],
)
def test_category_thresholds(tis, category):
    assert tis_category(tis) is category


MEASURE_FIELDS = {
    CoreMeasure.PHYSICIAN_GLOBAL: "physician_global",
    CoreMeasure.PARENT_GLOBAL: "parent_global",
    CoreMeasure.MUSCLE: "muscle",
    CoreMeasure.CHAQ: "chaq_di",
    CoreMeasure.ENZYME: "enzyme",
    CoreMeasure.EXTRAMUSCULAR: "extramuscular",
}


@pytest.mark.parametrize("measure", list(MEASURE_FIELDS))
@pytest.mark.parametrize("which", ["baseline", "follow-up", "both"])
def test_each_missing_measure_is_listed_and_tis_is_none(measure, which):
    blank = {MEASURE_FIELDS[measure]: None}
    b = dataclasses.replace(BASE, **blank) if which in ("baseline", "both") else BASE
    f = dataclasses.replace(BASE, **blank) if which in ("follow-up", "both") else BASE
    result = total_improvement_score(b, f)
    assert result.tis is None and result.category is None
    assert result.missing == (measure.value,)
    m = only(measure, result)
    assert m.points is None and m.reason is not None
    expected_where = {"baseline": "baseline", "follow-up": "follow-up"}.get(
        which, "baseline and follow-up"
    )
    assert f"not available at {expected_where}." in m.reason
    # the other five are still shown with their points
    assert sum(1 for x in result.measures if x.points is not None) == 5


def test_two_missing_measures_both_listed():
    f = dataclasses.replace(BASE, chaq_di=None, extramuscular=None)
    result = total_improvement_score(BASE, f)
    assert result.missing == ("chaq", "extramuscular")
    assert result.tis is None


@pytest.mark.parametrize(
    ("b", "f"),
    [
        ({"muscle": MuscleScore(UNI, 40)}, {"muscle": MuscleScore(BI, 80)}),
        ({"muscle": MuscleScore(UNI, 40)}, {"muscle": MuscleScore(CMAS, 40)}),
        ({"enzyme_code": "ck"}, {"enzyme_code": "ldh"}),
        ({"enzyme": 0.0}, {"enzyme": 1.0}),
    ],
)
def test_not_comparable_measures_block_the_tis(b, f):
    result = total_improvement_score(dataclasses.replace(BASE, **b), dataclasses.replace(BASE, **f))
    assert result.tis is None
    assert len(result.not_comparable) == 1
    assert result.missing == ()


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"physician_global": 10.5}, "baseline.physician_global"),
        ({"chaq_di": 3.1}, "baseline.chaq"),
        ({"muscle": MuscleScore(UNI, 81)}, "baseline.muscle_strength"),
        ({"muscle": MuscleScore(CMAS, 53)}, "baseline.muscle_strength"),
        ({"enzyme": -1.0}, "baseline.enzyme"),
        ({"extramuscular": float("nan")}, "baseline.extramuscular"),
    ],
)
def test_out_of_range_inputs_are_refused(changes, key):
    with pytest.raises(ResponseInputError) as info:
        total_improvement_score(dataclasses.replace(BASE, **changes), BASE)
    assert key in info.value.messages


def test_muscle_helpers_from_instrument_results():
    mmt = score_mmt8({f"mmt_{g}": 10 for g in ("neck_flexors",)}, "unilateral")
    assert muscle_from_mmt8(mmt) is None  # incomplete
    cmas = score_cmas({f"cmas_{n}": 0 for n in range(1, 15)})
    assert muscle_from_cmas(cmas) == MuscleScore(CMAS, 0)


vas = st.integers(0, 100).map(lambda n: n / 10)


@st.composite
def core_sets(draw, instrument):
    maximum = {UNI: 80, BI: 150, CMAS: 52}[instrument]
    return CoreSetValues(
        physician_global=draw(vas),
        parent_global=draw(vas),
        muscle=MuscleScore(instrument, draw(st.integers(0, maximum))),
        chaq_di=draw(st.integers(0, 24).map(lambda n: n / 8)),
        enzyme=draw(st.floats(0.01, 50, allow_nan=False)),
        enzyme_code="ck",
        extramuscular=draw(vas),
    )


@given(st.sampled_from([UNI, BI, CMAS]).flatmap(lambda i: st.tuples(core_sets(i), core_sets(i))))
def test_property_tis_between_0_and_100(pair):
    baseline, follow_up = pair
    result = total_improvement_score(baseline, follow_up)
    assert result.tis is not None
    assert 0 <= result.tis <= 100
    assert result.tis == sum(m.points for m in result.measures)


# ========================================================== PRINTO inactive disease


@pytest.mark.parametrize(
    ("kwargs", "status", "met"),
    [
        # 4 met: CK 100 <= 150, CMAS 50 >= 48, MMT8 80 >= 78, PGA 0 <= 0.2
        (
            dict(ck=100, cmas=50, mmt8=80, pga=0),
            PrintoStatus.INACTIVE,
            ("ck", "cmas", "mmt8", "pga"),
        ),
        # 3 met exactly at the edges; CK 200 > 150 not met
        (dict(ck=200, cmas=48, mmt8=78, pga=0.2), PrintoStatus.INACTIVE, ("cmas", "mmt8", "pga")),
        # 2 met: CK 151 > 150, CMAS 47 < 48 not met; MMT8 78, PGA 0.2 met
        (dict(ck=151, cmas=47, mmt8=78, pga=0.2), PrintoStatus.NOT_INACTIVE, ("mmt8", "pga")),
        # 2.5 µkat/L x 60 = 150 U/L -> met (with CMAS, MMT8 met: 3)
        (
            dict(ck=2.5, ck_unit="µkat/L", cmas=52, mmt8=80, pga=1.0),
            PrintoStatus.INACTIVE,
            ("ck", "cmas", "mmt8"),
        ),
        # 2.51 µkat/L x 60 = 150.6 U/L -> not met; PGA 0.3 not met -> 2 met
        (
            dict(ck=2.51, ck_unit="µkat/L", cmas=52, mmt8=80, pga=0.3),
            PrintoStatus.NOT_INACTIVE,
            ("cmas", "mmt8"),
        ),
        # 2 met + 1 missing + 1 not met: the missing one decides -> undetermined
        (dict(ck=100, cmas=50, mmt8=None, pga=0.5), PrintoStatus.UNDETERMINED, ("ck", "cmas")),
        # 3 met + 1 missing -> inactive whatever the missing one is
        (dict(ck=None, cmas=50, mmt8=79, pga=0.1), PrintoStatus.INACTIVE, ("cmas", "mmt8", "pga")),
        # 1 met + 1 missing + 2 not met: at most 2 -> not inactive
        (dict(ck=None, cmas=30, mmt8=60, pga=0.1), PrintoStatus.NOT_INACTIVE, ("pga",)),
        # 2 met + 2 missing -> undetermined
        (dict(cmas=50, pga=0), PrintoStatus.UNDETERMINED, ("cmas", "pga")),
        # nothing entered -> undetermined
        ({}, PrintoStatus.UNDETERMINED, ()),
    ],
)
def test_printo(kwargs, status, met):
    result = printo_inactive(**kwargs)
    assert result.status is status
    assert (
        result.inactive
        is {
            PrintoStatus.INACTIVE: True,
            PrintoStatus.NOT_INACTIVE: False,
            PrintoStatus.UNDETERMINED: None,
        }[status]
    )
    assert result.met == met
    assert len(result.met) + len(result.not_met) + len(result.missing) == 4
    assert "Lazarevic" in result.source


def test_printo_undetermined_names_the_missing_criteria():
    result = printo_inactive(ck=100, cmas=50, mmt8=None, pga=0.5)
    assert result.missing == ("mmt8",)
    assert result.not_met == ("pga",)
    assert "Undetermined" in result.explanation and "mmt8" in result.explanation


def test_printo_ck_conversion_shown():
    result = printo_inactive(ck=2.5, ck_unit="µkat/L")
    ck = result.criteria[0]
    assert ck.value == 150.0 and ck.met is True
    assert "2.5 µkat/L × 60 = 150 U/L" in ck.detail


def test_printo_bilateral_mmt8_is_not_rescaled():
    result = printo_inactive(ck=100, cmas=50, mmt8=148, mmt8_variant="bilateral", pga=0.5)
    assert "mmt8" in result.missing
    assert result.status is PrintoStatus.UNDETERMINED  # 2 met + mmt8 unknown + pga not met


@pytest.mark.parametrize(
    "kwargs",
    [dict(cmas=53), dict(mmt8=81), dict(pga=10.1), dict(ck=-1), dict(ck=10, ck_unit="mg")],
)
def test_printo_refuses_out_of_range(kwargs):
    with pytest.raises(ResponseInputError):
        printo_inactive(**kwargs)


# ================================================ IMACS definition of improvement

# Baseline for the IMACS cases
B2 = visit(
    physician_global=5.0,
    parent_global=5.0,
    muscle=MuscleScore(UNI, 60),
    chaq_di=1.0,
    enzyme=3.0,
    enzyme_code="ck",
    extramuscular=4.0,
)


def test_mmt_among_worsened_means_not_improved():
    # MMT8 60 -> 45: (45 - 60)/60 = -25% -> worsened.
    # PGA 5 -> 2 (60%), parent 5 -> 2 (60%), CHAQ 1 -> 0.5 (50%), enzyme 3 -> 1 (66.7%),
    # extramuscular 4 -> 1 (75%) all improved -> 5 improved, but MMT worsened.
    f = visit(
        physician_global=2.0,
        parent_global=2.0,
        muscle=MuscleScore(UNI, 45),
        chaq_di=0.5,
        enzyme=1.0,
        enzyme_code="ck",
        extramuscular=1.0,
    )
    result = imacs_improvement(B2, f)
    assert result.status is ImprovementStatus.NOT_IMPROVED
    assert result.improved is False
    assert result.worsened_measures == ("muscle_strength",)
    assert len(result.improved_measures) == 5
    assert "MMT8 worsened" in result.explanation


def test_three_improved_two_worsened_is_improved():
    # PGA 5 -> 4: (5-4)/5 = 20% improved (exactly 20)
    # parent 5 -> 4: 20% improved; CHAQ 1.0 -> 0.8: 20% improved (float gives 19.999..)
    # enzyme 3 -> 3.75: (3-3.75)/3 = -25% worsened (exactly 25)
    # extramuscular 4 -> 5: (4-5)/4 = -25% worsened; MMT8 60 -> 60: 0% neither
    f = visit(
        physician_global=4.0,
        parent_global=4.0,
        muscle=MuscleScore(UNI, 60),
        chaq_di=0.8,
        enzyme=3.75,
        enzyme_code="ck",
        extramuscular=5.0,
    )
    result = imacs_improvement(B2, f)
    assert result.improved_measures == ("physician_global", "parent_global", "chaq")
    assert result.worsened_measures == ("enzyme", "extramuscular")
    assert result.status is ImprovementStatus.IMPROVED and result.improved is True
    chaq = next(m for m in result.measures if m.measure is CoreMeasure.CHAQ)
    assert chaq.percent_change == 20.0


def test_three_worsened_is_not_improved():
    # improved: PGA 5 -> 4 (20%), parent 5 -> 4 (20%), MMT8 60 -> 72: (72-60)/60 = 20%
    # worsened: CHAQ 1.0 -> 1.25 (-25%), enzyme 3 -> 3.75 (-25%), extramuscular 4 -> 5 (-25%)
    f = visit(
        physician_global=4.0,
        parent_global=4.0,
        muscle=MuscleScore(UNI, 72),
        chaq_di=1.25,
        enzyme=3.75,
        enzyme_code="ck",
        extramuscular=5.0,
    )
    result = imacs_improvement(B2, f)
    assert len(result.improved_measures) == 3
    assert result.worsened_measures == ("chaq", "enzyme", "extramuscular")
    assert result.status is ImprovementStatus.NOT_IMPROVED


def test_just_below_thresholds_counts_as_neither():
    # PGA 5 -> 4.1: 0.9/5 = 18% (neither); parent 5 -> 6.2: -1.2/5 = -24% (neither)
    f = dataclasses.replace(B2, physician_global=4.1, parent_global=6.2)
    result = imacs_improvement(B2, f)
    changes = {m.measure: m.change for m in result.measures}
    assert changes[CoreMeasure.PHYSICIAN_GLOBAL] is MeasureChange.NEITHER
    assert changes[CoreMeasure.PARENT_GLOBAL] is MeasureChange.NEITHER
    assert result.status is ImprovementStatus.NOT_IMPROVED  # 0 improved


THREE_IMPROVED = dict(physician_global=4.0, parent_global=4.0, chaq_di=0.8)  # each 20%


@pytest.mark.parametrize(
    ("base_changes", "follow_changes", "status", "missing"),
    [
        # 3 improved, extramuscular missing (could at worst be 1 worsened) -> improved
        (
            {},
            {**THREE_IMPROVED, "extramuscular": None},
            ImprovementStatus.IMPROVED,
            ("extramuscular",),
        ),
        # MMT8 missing: it might have worsened -> undetermined
        (
            {},
            {**THREE_IMPROVED, "muscle": None},
            ImprovementStatus.UNDETERMINED,
            ("muscle_strength",),
        ),
        # CMAS at both visits is not MMT -> MMT missing -> undetermined
        (
            {"muscle": MuscleScore(CMAS, 40)},
            {**THREE_IMPROVED, "muscle": MuscleScore(CMAS, 40)},
            ImprovementStatus.UNDETERMINED,
            ("muscle_strength",),
        ),
        # 2 improved + 1 missing: the missing one decides -> undetermined
        (
            {},
            {"physician_global": 4.0, "parent_global": 4.0, "extramuscular": None},
            ImprovementStatus.UNDETERMINED,
            ("extramuscular",),
        ),
        # 1 improved + 1 missing: at most 2 improved -> not improved
        (
            {},
            {"physician_global": 4.0, "extramuscular": None},
            ImprovementStatus.NOT_IMPROVED,
            ("extramuscular",),
        ),
        # 3 improved, 2 worsened, MMT8 missing: could be a 3rd worsened -> undetermined
        (
            {},
            {**THREE_IMPROVED, "enzyme": 3.75, "extramuscular": 5.0, "muscle": None},
            ImprovementStatus.UNDETERMINED,
            ("muscle_strength",),
        ),
    ],
)
def test_imacs_missing_measures(base_changes, follow_changes, status, missing):
    b = dataclasses.replace(B2, **base_changes)
    f = dataclasses.replace(B2, **follow_changes)
    result = imacs_improvement(b, f)
    assert result.status is status
    assert result.missing == missing


def test_imacs_zero_baseline_rule():
    # CHAQ 0 -> 0: neither; CHAQ 0 -> 0.25: worsened (relative change undefined from 0)
    b = dataclasses.replace(B2, chaq_di=0.0)
    same = imacs_improvement(b, dataclasses.replace(b, chaq_di=0.0))
    worse = imacs_improvement(b, dataclasses.replace(b, chaq_di=0.25))
    chaq = lambda r: next(m for m in r.measures if m.measure is CoreMeasure.CHAQ)  # noqa: E731
    assert chaq(same).change is MeasureChange.NEITHER and chaq(same).percent_change == 0
    assert chaq(worse).change is MeasureChange.WORSENED and chaq(worse).percent_change is None
    assert "judgement" in chaq(worse).calculation


def test_imacs_mmt_variant_mismatch_is_missing():
    f = dataclasses.replace(B2, muscle=MuscleScore(BI, 120))
    result = imacs_improvement(B2, f)
    assert "muscle_strength" in result.missing
