"""A long session does not wear down None's reference count (issue 22).

A binding that drops a reference to None in a call the visit sections make (PySide6
6.12.0 did, in every method returning nothing) ends a long clinic session in "Fatal
Python error: none_dealloc". Here visit forms are opened, every section built and shown,
and closed again, many times; None's reference count must not fall with the cycles.
tests/forms/test_qt_binding.py checks the single calls."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from visit_fixtures import TODAY, enrolled_patient

from app.forms.visit_form import VisitFormWindow

pytestmark = pytest.mark.usefixtures("system_actor")

CYCLES = 12
# Objects alive at the end may hold a few more or fewer references to None than at the
# start; a defective binding loses hundreds per cycle (every section sets items, labels
# and tables), thousands over the session.
TOLERANCE = 300


def open_and_close_every_section(qtbot, database, visit_id) -> None:
    window = VisitFormWindow(database, visit_id, "nurse", today=TODAY)
    window.setAttribute(Qt.WA_DeleteOnClose)
    window.show()
    for key in window.section_keys:
        window.show_section(key)
    window.dirty = False
    window.close()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    qtbot.wait(1)


def test_none_keeps_its_references_over_a_long_session(qtbot, database):
    _pid, _eid, visits = enrolled_patient(database)
    opened = [visits["baseline"], visits["month_6"]]
    for visit_id in opened:  # warm up: caches, translations, shared models
        open_and_close_every_section(qtbot, database, visit_id)
    before = sys.getrefcount(None)
    for cycle in range(CYCLES):
        open_and_close_every_section(qtbot, database, opened[cycle % 2])
    assert before - sys.getrefcount(None) < TOLERANCE
