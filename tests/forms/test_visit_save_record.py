"""After a save the visit form holds exactly what is stored (issue 22): it no longer
reads the whole visit back after each save, so what it keeps as "the visit as opened"
(for the next save's version check and a conflict's explanation) is built from what it
saved, and must equal what ``load_visit`` reads, item by item."""

from __future__ import annotations

from datetime import date

import pytest
from visit_fixtures import enrolled_patient, open_form, type_in

from app.db.visits import AdverseEventData, load_visit

pytestmark = pytest.mark.usefixtures("system_actor")


def _stored(database, visit_id):
    with database.reading() as session:
        return load_visit(session, visit_id)


def _assert_holds_the_stored_visit(window, database):
    stored = _stored(database, window.visit_id)
    assert window.record.values == stored.values
    assert window.record.adverse_events == stored.adverse_events
    assert window.record.header == stored.header
    assert window.version_id == stored.header.version_id
    assert window.record == stored


def test_the_form_holds_the_stored_visit_after_each_save(qtbot, database):
    _pid, _eid, visits = enrolled_patient(database)
    window = open_form(qtbot, database, visits["month_1"])
    globals_ = window.section("globals")
    type_in(globals_.fields["pga_activity"], "3.4")
    type_in(window.visit_date, "2026-06-01")
    assert window.save()  # not started → draft, a date, one item
    _assert_holds_the_stored_visit(window, database)

    window.section("adverse_events").add_event(AdverseEventData(
        None, "Infusion headache", date(2026, 6, 1), None, False, "probable", "slowed",
        "infusion_reaction", "mild", "recovering"))
    type_in(globals_.fields["pga_activity"], "2.1")
    assert window.save()  # a new adverse event: its id comes from the database
    _assert_holds_the_stored_visit(window, database)

    type_in(globals_.fields["pga_activity"], "")  # an item cleared: no row stored
    enzymes = window.section("enzymes")
    type_in(enzymes.fields["ck"], "412")
    type_in(enzymes.fields["ck_uln"], "200")
    type_in(window.section("medications").fields["weight_kg"], "21.5")  # a measurement too
    assert window.save()
    _assert_holds_the_stored_visit(window, database)

    type_in(enzymes.fields["ck"], "398")
    assert window.save()  # one more: the version the form holds is the stored one
    _assert_holds_the_stored_visit(window, database)
    assert window.status == "draft"
