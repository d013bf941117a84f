"""Demo children made up in a process of their own while the previous batch is written
(issue 22: 50,000 children under 4 minutes on two cores): the same children, the same
trail, nothing left running, and nothing written when the writing fails half-way."""

from __future__ import annotations

import json
import multiprocessing
from datetime import date

import pytest
from sqlalchemy import func, select

import app.db.demo as demo
from app.db.models import AuditEntry, Patient
from app.db.opening import open_database
from app.db.record_states import STATE_ACTION, check_states

pytestmark = pytest.mark.usefixtures("system_actor")

AS_OF = date(2026, 11, 1)
PATIENTS = 11  # batches of 4: 4 + 4 + 3, the last one partial


def _every_row(database):
    rows = {}
    with database.reading() as s:
        for model in demo.MODELS:
            columns = [c for c in model.__table__.columns if not c.name.endswith("_at")]
            rows[model.__tablename__] = s.execute(
                select(*columns).order_by(model.__table__.c.id)).all()
    return rows


def _state_records(database):
    """(kind, key) → state of every record the trail's state entries hold, without the
    moment of writing (fields named *_at)."""
    found = {}
    with database.reading() as s:
        for text in s.scalars(select(AuditEntry.new_value)
                              .where(AuditEntry.action == STATE_ACTION)
                              .order_by(AuditEntry.id)):
            for name, records in json.loads(text).items():
                for key, state in records.items():
                    if isinstance(state, dict):
                        state = {k: v for k, v in state.items() if not k.endswith("_at")}
                    found[(name, key)] = state
    return found


def _fill(tmp_path, name, *, separate: bool, monkeypatch, seed=7):
    monkeypatch.setattr(demo, "BATCH", 4)
    monkeypatch.setattr(demo, "MAKER_PROCESS_FROM", 1 if separate else 10**9)
    monkeypatch.setattr(demo.os, "cpu_count", lambda: 2)
    database = open_database(str(tmp_path / name))
    demo.fill_demo_database(database, patients=PATIENTS, seed=seed, as_of=AS_OF)
    return database


def test_children_made_in_another_process_are_the_same_children(tmp_path, monkeypatch):
    import app.processes

    pools = []
    process_pool = app.processes.process_pool
    monkeypatch.setattr(app.processes, "process_pool",
                        lambda workers: pools.append(workers) or process_pool(workers))
    made_here = _fill(tmp_path, "here.sqlite3", separate=False, monkeypatch=monkeypatch)
    assert pools == []
    made_apart = _fill(tmp_path, "apart.sqlite3", separate=True, monkeypatch=monkeypatch)
    assert pools == [1]  # made up apart, in one process
    rows = _every_row(made_apart)
    assert rows == _every_row(made_here)
    assert len(rows["patient"]) == PATIENTS and len(rows["instrument_value"]) > 1000
    # The generators' states crossed between batches: a batch made apart does not start
    # the seed over (its children differ from the first batch's).
    ages = [row.date_of_birth for row in rows["patient_identity"]]
    assert ages[:4] != ages[4:8]
    assert _state_records(made_apart) == _state_records(made_here)
    with made_apart.reading() as s:
        states = check_states(s)
    assert states.divergences == [] and states.records > 100
    assert multiprocessing.active_children() == []


def test_a_failed_write_leaves_nothing_and_no_process(tmp_path, monkeypatch):
    """The second batch's item values fail to write (a full disk, say): the whole fill is
    rolled back, no child is left in the database, and the maker process is gone."""
    calls = {"items": 0}
    insert_items = demo._insert_items

    def failing(connection, items):
        calls["items"] += 1
        if calls["items"] == 2:
            raise OSError("disk full")
        return insert_items(connection, items)

    monkeypatch.setattr(demo, "_insert_items", failing)
    with pytest.raises(OSError, match="disk full"):
        _fill(tmp_path, "failed.sqlite3", separate=True, monkeypatch=monkeypatch)
    database = open_database(str(tmp_path / "failed.sqlite3"))
    with database.reading() as s:
        assert s.scalar(select(func.count()).select_from(Patient)) == 0
        assert s.scalar(select(func.count()).select_from(AuditEntry)
                        .where(AuditEntry.action == STATE_ACTION)) == 0
    assert multiprocessing.active_children() == []
