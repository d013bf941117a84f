"""The patient list names the arms on its first paint from the arms' names kept by the last
start (app.catalog), and loads the plans themselves just after that paint (issue 22: their
validation imports every instrument's module). What is kept is used only while every plan
file is as it was when it was kept; the plans, once loaded, name the arms again."""

from __future__ import annotations

import json
import os
from datetime import date

import pytest

import app.catalog as catalog
from app import paths
from app.db.demo import fill_demo_database
from app.forms.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("system_actor")

TODAY = date(2026, 11, 21)
# resources/protocols/moderate-jdm-2010.toml, [[arms]] id "mmp"; persistent-skin-rash.toml
# names its arms by letter: "A" is "IVIG", shown "Arm A — IVIG".
MMP = "IV methylprednisolone + methotrexate + prednisone (MMP)"


def _arm_cells(window: MainWindow) -> dict[str, str]:
    model = window.model
    return {model.index(r, model.STUDY_ID).data(): model.index(r, model.ARM).data()
            for r in range(model.rowCount())}


def _window(qtbot, database) -> MainWindow:
    window = MainWindow(database, user="nurse", today=TODAY)
    qtbot.addWidget(window)
    return window


@pytest.fixture
def enrolled(database):
    fill_demo_database(database, patients=12, seed=5, as_of=TODAY)
    return database


def _count_loads(monkeypatch) -> list[int]:
    import app.domain.protocol as plans  # app.catalog imports its loader when it loads

    loads: list[int] = []
    real = plans.load_protocol_catalog

    def counted(*args, **kwargs):
        loads.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(plans, "load_protocol_catalog", counted)
    catalog._cached.cache_clear()
    return loads


def test_the_first_start_loads_the_plans_before_the_list_and_keeps_the_arms_names(
        qtbot, enrolled, monkeypatch):
    loads = _count_loads(monkeypatch)
    assert catalog.remembered_arm_names() is None  # nothing kept yet
    window = _window(qtbot, enrolled)
    assert loads == [1]  # the plans, before the list was made
    kept = catalog.remembered_arm_names()
    assert kept["moderate-jdm-2010"]["mmp"] == MMP
    assert kept["persistent-skin-rash"]["a"] == "IVIG"  # arm ids as Protocol.arm finds them
    assert window._arm_label("persistent-skin-rash", "A") == "Arm A — IVIG"


def test_a_later_start_names_the_arms_from_what_was_kept_and_loads_the_plans_after_painting(
        qtbot, enrolled, monkeypatch):
    first = _window(qtbot, enrolled)
    first.show()
    qtbot.waitUntil(lambda: first.painted)
    shown_by_the_plans = _arm_cells(first)
    assert MMP in shown_by_the_plans.values() or "Arm A — IVIG" in shown_by_the_plans.values()

    loads = _count_loads(monkeypatch)
    window = _window(qtbot, enrolled)
    assert loads == []  # the list was made without the plans
    assert _arm_cells(window) == shown_by_the_plans
    window.show()
    qtbot.waitUntil(lambda: window.painted)
    assert loads == [1]  # just after the first paint
    assert window._plans_loaded and _arm_cells(window) == shown_by_the_plans


def test_names_kept_for_other_plan_files_are_not_used(qtbot, enrolled, monkeypatch):
    _window(qtbot, enrolled)  # keeps the names
    # A site plan file added since: what was kept no longer says what the plans are.
    (paths.site_protocol_dir() / "site-plan.toml").write_text("id = 'x'\n", encoding="utf-8")
    assert catalog.remembered_arm_names() is None
    loads = _count_loads(monkeypatch)
    window = _window(qtbot, enrolled)
    assert loads == [1]
    assert window.refused_plans_label.text().startswith("1 protocol file refused")


def test_a_plan_file_edited_in_place_is_noticed(qtbot, enrolled, tmp_path, monkeypatch):
    site = paths.site_protocol_dir()
    shipped = paths.builtin_protocol_dir() / "moderate-jdm-2010.toml"
    plan = site / "moderate-jdm-2010.toml"
    plan.write_text(shipped.read_text(encoding="utf-8").replace(
        'version = "0.2-provisional"', 'version = "0.2-site"', 1), encoding="utf-8")
    _window(qtbot, enrolled)
    assert catalog.remembered_arm_names()["moderate-jdm-2010"]["mmp"] == MMP
    stat = plan.stat()
    plan.write_text(plan.read_text(encoding="utf-8").replace(MMP, "MMP, site wording"),
                    encoding="utf-8")
    os.utime(plan, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert catalog.remembered_arm_names() is None


def test_a_wrong_kept_name_is_replaced_by_the_plans_after_the_first_paint(
        qtbot, enrolled):
    first = _window(qtbot, enrolled)
    right = _arm_cells(first)
    path = paths.cache_dir() / catalog.ARM_NAMES_FILE
    kept = json.loads(path.read_text(encoding="utf-8"))
    for arms in kept["arms"].values():  # the same plan files, other names
        for arm_id in arms:
            arms[arm_id] = f"kept, not the plan's words ({arm_id})"
    path.write_text(json.dumps(kept), encoding="utf-8")

    window = _window(qtbot, enrolled)
    before = _arm_cells(window)
    assert sum("not the plan's words" in cell for cell in before.values()) == sum(
        cell != "—" for cell in right.values()) > 0
    window.show()
    qtbot.waitUntil(lambda: window.painted)
    assert _arm_cells(window) == right


@pytest.mark.parametrize("kept", ["", "not json", "[]", '{"read from": [], "arms": {}}',
                                  '{"read from": null, "arms": {"p": {"a": 3}}}'])
def test_a_damaged_or_foreign_kept_file_is_not_used(kept):
    (paths.cache_dir() / catalog.ARM_NAMES_FILE).write_text(kept, encoding="utf-8")
    assert catalog.remembered_arm_names() is None


def test_a_kept_file_with_the_right_stamp_but_names_that_are_not_text_is_not_used():
    stamp = catalog._plan_files_stamp()
    (paths.cache_dir() / catalog.ARM_NAMES_FILE).write_text(
        json.dumps({"read from": stamp, "arms": {"moderate-jdm-2010": {"mmp": 3}}}),
        encoding="utf-8")
    assert catalog.remembered_arm_names() is None


def test_a_refused_file_is_reported_once_the_plans_load_after_the_first_paint(
        qtbot, enrolled):
    (paths.site_protocol_dir() / "bad.toml").write_text("id = 'x'\n", encoding="utf-8")
    catalog._cached.cache_clear()  # the demo data read the plans before that file was added
    _window(qtbot, enrolled)  # keeps the names, the refused file among what they came from
    window = _window(qtbot, enrolled)
    assert not window._plans_loaded
    window.show()
    qtbot.waitUntil(lambda: window.painted)
    assert window.refused_plans_label.isVisible()
    assert window.refused_plans_label.text().startswith("1 protocol file refused")
