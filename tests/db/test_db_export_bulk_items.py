"""The visit's item rows written in bulk (issue 22: ``app.exports.records._fast_columns``,
a pass in C per step instead of Python per row) write exactly what the row-by-row loop
writes: the same columns with the same texts in the same order, the same forms with data,
the same scored items, and every value no column can hold counted at the same place, in
either profile and whatever numbers were seen before."""

from __future__ import annotations

import dataclasses
from datetime import date
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.exports import records
from app.exports.records import ExtractStats, _Dates, _visit_record, catalogue_for, item_plan

PLANS = {identified: item_plan(catalogue_for(None, identified), escape)
         for identified, escape in ((False, False), (True, True))}
VISIT = SimpleNamespace(id=7, visit_code="baseline", occurrence=1, status="complete",
                        label="Baseline", target_date=date(2026, 1, 5),
                        window_start=date(2026, 1, 1), window_end=date(2026, 1, 9),
                        visit_date=date(2026, 1, 6), signature_meaning=None,
                        completed_at=None, completed_by=None, signed_at=None, signed_by=None)


def write(rows, plan, *, bulk: bool):
    """(columns and texts in order, forms with data, scored items, what was counted)."""
    if not bulk:
        plan = dataclasses.replace(plan, fast={})
    stats = ExtractStats()
    dates = _Dates(plan.identified)
    dates.reference = date(2026, 1, 1)
    sfx = "_date" if plan.identified else "_day"
    vr, scoring = _visit_record(VISIT, rows, {}, plan, stats, dates, sfx, "S-1")
    return (list(vr.values.items()), vr.forms_with_data, scoring,
            (stats.unmapped_values, stats.unmapped_places, stats.unmapped_where))


def test_the_plan_writes_the_usual_instruments_in_bulk():
    """Not a loop that is never used: the forms with the most stored items go in bulk."""
    for plan in PLANS.values():
        assert {"cdasi", "cmas", "chaq", "global", "skin"} <= set(plan.fast)
        assert "enzymes" not in plan.fast  # units: the loop


def _rows_strategy():
    plan = PLANS[False]
    instruments = sorted(plan.fast) + ["enzymes", "mmt8"]

    @st.composite
    def rows(draw):
        out = []
        for instrument in draw(st.lists(st.sampled_from(instruments), unique=True,
                                        max_size=3)):
            steps = plan.instruments[instrument][1]
            items = draw(st.lists(st.sampled_from(sorted(steps) + ["not_an_item"]),
                                  unique=True, min_size=1, max_size=8))
            for item in sorted(items):
                step = steps.get(item)
                codes = sorted(step[5]) if step is not None and step[5] else ["x"]
                num = draw(st.one_of(
                    st.sampled_from([0.0, 1.0, 2.0, 3.0, 7.0, 2.5, -0.0]),
                    st.floats(-1e6, 1e6, allow_nan=False),
                    st.just(float("inf")), st.none()))  # (a REAL column: floats)
                text = draw(st.one_of(st.none(), st.just(""), st.sampled_from(codes),
                                      st.sampled_from(["na", "present", "=1+1", "a little",
                                                       "2026-01-20", "20-01-2026"])))
                missing = draw(st.sampled_from([None, None, None, "", "not_done"]))
                unit = draw(st.sampled_from([None, "U/L", "mg/dL"]))
                out.append((VISIT.id, instrument, item, num, text, unit, missing))
        return out

    return rows()


@pytest.mark.parametrize("identified", [False, True])
@settings(max_examples=150, deadline=None)
@given(rows=_rows_strategy(), forget=st.booleans())
def test_bulk_and_row_by_row_write_the_same(rows, forget, identified):
    plan = PLANS[identified]
    if forget:  # numbers not seen before: the loop formats them, the bulk pass gives way
        records._NUM_TEXT.clear()
    first = write(rows, plan, bulk=True)
    assert write(rows, plan, bulk=False) == first
    assert write(rows, plan, bulk=True) == first  # now with every number seen


def test_a_code_outside_its_list_in_a_bulk_visit_is_counted_where_it_is():
    """Every CHAQ item a number already seen, one of them outside its list (7); a skin
    item outside its list beside a blank one: each counted once, at its column."""
    plan = PLANS[False]
    chaq = plan.instruments["chaq"][1]
    numbered = [item for item, step in sorted(chaq.items()) if step[1] == "code_num"][:3]
    skin = plan.instruments["skin"][1]
    coded = [item for item, step in sorted(skin.items()) if step[5]][:2]
    rows = [(7, "chaq", item, value, None, None, None)
            for item, value in zip(numbered, (1.0, 7.0, 2.0), strict=True)]
    rows += [(7, "skin", coded[0], None, "sometimes", None, None),
             (7, "skin", coded[1], None, None, None, None)]
    records._num_text(7.0)  # seen before: the bulk pass takes the visit
    values, forms, _scoring, counted = write(rows, plan, bulk=True)
    assert counted == (2, 2, [("S-1", chaq[numbered[1]][0]), ("S-1", skin[coded[0]][0])])
    assert dict(values)[chaq[numbered[1]][0]] == "7"  # written, and the export refused
    assert {"chaq", "skin"} <= forms
