"""The adverse event coding (migration 0009) keeps what was recorded before it valid: an
uncoded event's audited state and signed content are what they were before the columns
existed, so upgraded databases verify and old signatures hold; a coded event's coding is
covered, so a category changed in the file is reported and breaks the signed content."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import select, text

from app.db import record_states, signatures
from app.db.engine import Database
from app.db.models import AdverseEvent, Visit
from app.db.visit_saving import save_visit
from app.db.visits import AdverseEventData, load_visit

pytestmark = pytest.mark.usefixtures("system_actor")


@pytest.fixture
def visit_pk(database: Database, saved_patient: int, enroll: Callable[..., int],
             add_visit: Callable[..., Visit]) -> int:
    with database.session() as s:
        enrollment = enroll(s, saved_patient)
        return add_visit(s, enrollment, "month_1", date(2025, 2, 6), status="complete").id


def _save_events(database: Database, pk: int, events: list[AdverseEventData]) -> None:
    with database.session() as s:
        record = load_visit(s, pk)
        save_visit(s, pk, {}, events, user="nurse", expected_version=record.header.version_id,
                   visit_date=record.header.visit_date, reason="adverse event reported")


def _state(database: Database, event_id: int) -> dict:
    with database.reading() as s:
        return dict(record_states.current_states(
            s, record_states.KIND_BY_NAME["adverse_event"], [event_id]))[event_id]


def _event_ids(database: Database) -> list[int]:
    with database.reading() as s:
        return list(s.scalars(select(AdverseEvent.id).order_by(AdverseEvent.id)))


def test_an_uncoded_event_keeps_its_pre_0009_state_and_signed_content(database, visit_pk):
    _save_events(database, visit_pk, [AdverseEventData(None, "Rash", date(2025, 2, 1))])
    [event_id] = _event_ids(database)
    state = _state(database, event_id)
    # The fields recorded before 0009, and no others.
    assert set(state) == {"visit_id", "description", "onset_date", "resolved_date", "serious",
                          "relation", "action_taken", "reported_by"}
    with database.reading() as s:
        [event] = signatures.signed_content(s, visit_pk)["adverse_events"]
        assert len(event) == 6  # description, onset, resolved, serious, relation, action
        assert record_states.check_states(s).divergences == []


def test_a_coded_event_is_covered_by_the_trail_and_the_signature(database, visit_pk):
    _save_events(database, visit_pk, [AdverseEventData(
        None, "Pneumonia", date(2025, 2, 1), None, True, "possible", None,
        "infection_serious", "severe", "recovering")])
    [event_id] = _event_ids(database)
    assert _state(database, event_id)["category"] == "infection_serious"
    with database.reading() as s:
        before = signatures.signed_content(s, visit_pk)["adverse_events"]
        assert before[0][6:] == ["infection_serious", "severe", "recovering"]
    with database.session() as s:  # changed in the file, outside jdm-ctp
        s.execute(text("UPDATE adverse_event SET category = 'infection' WHERE id = :i"),
                  {"i": event_id})
    with database.reading() as s:
        divergences = record_states.check_states(s).divergences
        assert [(d.table, d.record, d.field, d.what) for d in divergences] == [
            ("adverse_event", event_id, "category", "changed")]
        assert signatures.signed_content(s, visit_pk)["adverse_events"] != before
