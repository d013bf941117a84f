"""The visit form's weight and height judged for age and sex (issue 20.5), as the
enrollment wizard judges them: 440 "lb" became 199.6 kg for a child of 140 cm (BMI about
100) with no word; 440 in kg was refused with no "did you mean lb?".

The child: a girl born 2016-02-01, seen on 2026-05-04, so 10 y 3 m old. CDC 2000 medians
at that age (resources/growth/cdc2000_lms.csv): weight 34 kg, BMI 17 kg/m². 440 lb =
440 × 0.45359237 = 199.58 kg; BMI = 199.58 / 1.40² = 101.8 kg/m²; 60 kg at 140 cm gives a
BMI of 60 / 1.96 = 30.6, about 3.1 modified SD above the median (over the ±3 SD limit)."""

from __future__ import annotations

import pytest
from visit_fixtures import enrolled_patient, open_form, type_in

from app.db.visits import load_visit

pytestmark = pytest.mark.usefixtures("system_actor")


def visit_with(qtbot, database, weight, unit="kg", height="140"):
    _pid, _eid, visits = enrolled_patient(database)
    window = open_form(qtbot, database, visits["baseline"])
    type_in(window.visit_date, "2026-05-04")
    meds = window.section("medications")
    meds.weight.set_unit(unit)
    type_in(meds.weight, weight)
    type_in(meds.height, height)
    return window, meds, visits["baseline"]


def stored_vitals(database, visit_id):
    with database.reading() as s:
        return load_visit(s, visit_id).values.get("vitals", {})


def test_440_in_kg_is_refused_with_did_you_mean_lb(qtbot, database):
    window, meds, _visit = visit_with(qtbot, database, "440")
    assert meds.weight.validate()  # over the 200 kg limit
    assert meds.plausibility.isVisibleTo(meds)
    assert "Did you mean 440 lb (199.6 kg)?" in meds.plausibility.text()
    assert not window.save()


def test_440_lb_is_far_above_usual_and_needs_a_tick(qtbot, database):
    window, meds, visit_id = visit_with(qtbot, database, "440", unit="lb")
    assert meds.weight.validate() is None  # 199.6 kg is inside the hard limits
    text = meds.plausibility.text()
    assert "Weight 199.6 kg is far above what is usual for a girl of 10 y 3 m" in text
    assert "BMI 101.8 kg/m²" in text
    assert meds.confirm.isVisibleTo(meds)
    assert not window.save()
    assert "tick the box under the weight and height" in window.message.text()
    assert stored_vitals(database, visit_id) == {}
    meds.confirm.setChecked(True)
    assert window.save(), window.message.text()
    assert round(stored_vitals(database, visit_id)["weight_kg"].value_num, 1) == 199.6


def test_a_usual_weight_and_height_say_nothing(qtbot, database):
    window, meds, _visit = visit_with(qtbot, database, "32")
    assert not meds.plausibility.isVisibleTo(meds)
    assert not meds.confirm.isVisibleTo(meds)
    assert "vitals:confirm_measures" not in window.errors()


def test_a_confirmed_stored_value_is_pointed_out_not_asked_again(qtbot, database):
    window, meds, visit_id = visit_with(qtbot, database, "60")
    assert "BMI 30.6 kg/m² is far above" in meds.plausibility.text()
    meds.confirm.setChecked(True)
    assert window.save(), window.message.text()
    again = open_form(qtbot, database, visit_id)
    meds = again.section("medications")
    assert "BMI 30.6 kg/m² is far above" in meds.plausibility.text()
    assert not meds.confirm.isVisibleTo(meds)
    assert again.errors() == {}
    # Typed again (a new value), it must be confirmed again.
    type_in(meds.weight, "61")
    assert "vitals:confirm_measures" in again.errors()
