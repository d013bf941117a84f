"""The lean visit save (issue 22) keeps every guarantee of the save it replaced.

* Its statements are counted (a regression guard, no clock): one read of the audit
  chain's head, the entries in one INSERT, no savepoint on SQLite, no read-back of the
  visit's items for their recorded state.
* The recorded state, taken from what the save wrote instead of read back, is what the
  database holds: for numbers, texts, units, reasons, deletions; and when the same
  transaction changes the items again after the save, that change is what is recorded.
* A save that fails after writing leaves neither its audit entries nor its changes.
* Without the savepoint on SQLite, nobody can slip a write in between the version check
  and the save's writes: the file's write lock is held from BEGIN IMMEDIATE. On a server
  the savepoint is still there and a writer that ignores the lock is still refused.
"""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import date

import pytest
from sqlalchemy import event, func, select, text
from sqlalchemy.orm import Session
from test_db_visits import enrolled, n, t

from app.db import audit, record_states, score_cache, visit_saving
from app.db.conflicts import ConcurrentEditError
from app.db.engine import ReadOnlySessionError, sqlite_file_path
from app.db.models import AuditEntry, InstrumentValue, Visit, VisitScore
from app.db.visit_saving import save_visit
from app.db.visits import AdverseEventData, as_stored, load_visit
from app.domain.visit_form import ItemEntry

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")

ITEMS = record_states.KIND_BY_NAME["instrument_value"]


def _full_visit() -> dict[str, dict[str, ItemEntry]]:
    return {"mmt8": {f"mmt_x{i}": n(8) for i in range(20)},
            "chaq": {f"chaq_grip_{i}": n(1) for i in range(20)},
            "global": {"pga_activity": n(2.5)}}


def _statements(database):
    statements: list[str] = []

    def before(_conn, _cursor, statement, *_args):
        statements.append(" ".join(statement.split()))

    event.listen(database.engine, "before_cursor_execute", before)
    return statements, lambda: event.remove(database.engine, "before_cursor_execute", before)


def _saved_visit(database, values=None):
    _pid, _eid, visit_ids = enrolled(database)
    visit_id = visit_ids["baseline"]
    with database.session() as s:
        opened = load_visit(s, visit_id)
        save_visit(s, visit_id, values or _full_visit(), [], user="nurse",
                   expected_version=opened.header.version_id, visit_date=date(2026, 5, 4))
    with database.session() as s:
        return visit_id, load_visit(s, visit_id)


def _recorded_items(session, visit_id: int):
    """The visit's items as the newest state entry recorded them."""
    for text_ in session.scalars(select(AuditEntry.new_value).where(
            AuditEntry.action == record_states.STATE_ACTION).order_by(AuditEntry.id.desc())):
        recorded = json.loads(text_).get("instrument_value", {})
        if str(visit_id) in recorded:
            return recorded[str(visit_id)]
    return None


def _stored_items(session, visit_id: int):
    return dict(record_states.current_states(session, ITEMS, [visit_id])).get(visit_id, {})


def test_one_item_changed_costs_one_head_read_one_insert_and_no_read_back(database):
    visit_id, opened = _saved_visit(database)
    values = _full_visit()
    values["global"]["pga_activity"] = n(2.6)
    statements, stop = _statements(database)
    try:
        with database.session() as s:
            save_visit(s, visit_id, values, [], user="nurse",
                       expected_version=opened.header.version_id, visit_date=date(2026, 5, 4),
                       opened=opened)
    finally:
        stop()
    head_reads = [st for st in statements if st.startswith(
        "SELECT audit_entry.id, audit_entry.entry_hash FROM audit_entry")]
    inserts = [st for st in statements if st.startswith("INSERT INTO audit_entry")]
    # The state entry is written at commit by its own INSERT; the head is read once.
    assert (len(head_reads), len(inserts)) == (1, 2)
    # The visit's items are read once (to compare), never again: neither as objects to
    # change nor for their recorded state.
    item_reads = [st for st in statements if st.startswith("SELECT instrument_value.")]
    assert len(item_reads) == 1
    # The visit and the item written by plain UPDATEs, each checking the version read.
    updates = [st for st in statements if st.startswith("UPDATE")]
    assert [st.split(" SET ")[0] for st in updates] == ["UPDATE visit", "UPDATE instrument_value"]
    for st in updates:
        assert re.search(r"WHERE (\w+)\.id = \S+ AND \1\.version_id = \S+$", st), st
    if database.engine.dialect.name == "sqlite":
        assert not [st for st in statements if "SAVEPOINT" in st]
        # BEGIN IMMEDIATE, visit, items, events, UPDATE visit, UPDATE item, delete draft,
        # forget stored scores, head, 2 INSERTs (12 through the unit of work, which also
        # read the changed item again as an object; 16 before with the savepoint, a head
        # read per entry and the items read back)
        assert len(statements) == 11, statements
    else:
        assert len([st for st in statements if "SAVEPOINT" in st]) == 2
        # The savepoint holds every write of the save (a refusal rolls them all back).
        begun = next(i for i, st in enumerate(statements) if st.startswith("SAVEPOINT"))
        assert all(i > begun for i, st in enumerate(statements)
                   if st.startswith(("UPDATE", "DELETE", "INSERT INTO instrument_value")))
        assert len(statements) <= 14, statements
    with database.reading() as s:
        assert audit.verify_chain(s) == (True, None)
        assert _recorded_items(s, visit_id) == _stored_items(s, visit_id)


STATE_CASES = {
    "numbers, ints as typed and floats": {"mmt8": {"mmt_x1": n(7), "mmt_x2": n(7.5)},
                                          "global": {"pga_activity": n(0.1)}},
    "units and texts": {"enzymes": {"ck": n(1200, "U/L"), "collected_on": t("2026-05-04")},
                        "skin": {"skin_gottron": t("present")}},
    "reasons for missing values": {"cmas": {
        "cmas_1": ItemEntry(None, None, None, "not_done"),
        "cmas_2": ItemEntry(None, None, None, "unknown")}},
    "a value with a unit and a text": {"medications": {
        "other": t("hydroxychloroquine"), "mtx_dose": n(15, "mg")}},
    # What the save keeps of an entry that is not plain: a value given a reason as well
    # is stored as the value alone; an empty text is no value (not stored without a
    # reason, stored as its reason with one).
    "a value with a reason, empty texts": {"cmas": {
        "cmas_1": ItemEntry(3.0, None, None, "not_done"),
        "cmas_2": ItemEntry(None, "", None, None),
        "cmas_3": ItemEntry(None, "", None, "unknown")}},
}


@pytest.mark.parametrize("values", STATE_CASES.values(), ids=STATE_CASES.keys())
def test_the_state_recorded_from_the_save_is_what_the_database_holds(database, values):
    visit_id, opened = _saved_visit(database)
    # Some items kept, some changed, some removed (each instrument of the full visit
    # but one is dropped), some added.
    on_screen = {"mmt8": dict(_full_visit()["mmt8"]), **values}
    with database.session() as s:
        saved = save_visit(s, visit_id, on_screen, [], user="nurse",
                           expected_version=opened.header.version_id,
                           visit_date=date(2026, 5, 4))
    with database.reading() as s:
        # What the save says is stored (the form keeps it instead of reading it back).
        assert saved.stored_values == load_visit(s, visit_id).values
        if values is STATE_CASES["a value with a reason, empty texts"]:
            assert saved.stored_values["cmas"] == {
                "cmas_1": ItemEntry(3.0), "cmas_3": ItemEntry(missing_reason="unknown")}
        stored = _stored_items(s, visit_id)
        assert _recorded_items(s, visit_id) == stored
        assert "chaq" not in stored and "mmt8" in stored
        assert record_states.check_states(s).divergences == []


def test_a_change_after_the_save_in_the_same_transaction_is_what_is_recorded(database):
    visit_id, opened = _saved_visit(database)
    values = _full_visit()
    values["global"]["pga_activity"] = n(3.0)
    with database.session() as s:
        save_visit(s, visit_id, values, [], user="nurse",
                   expected_version=opened.header.version_id, visit_date=date(2026, 5, 4))
        row = s.scalars(select(InstrumentValue).where(
            InstrumentValue.visit_id == visit_id, InstrumentValue.item == "mmt_x3")).one()
        row.value_num = 4.0  # e.g. a later step of the same user action
        s.add(InstrumentValue(visit_id=visit_id, instrument="cmas", item="cmas_1",
                              value_num=3.0, updated_by="nurse"))
    with database.reading() as s:
        stored = _stored_items(s, visit_id)
        assert stored["mmt8"]["mmt_x3"] == 4.0 and stored["cmas"]["cmas_1"] == 3.0
        assert _recorded_items(s, visit_id) == stored


def test_a_save_rolled_back_in_a_savepoint_records_what_is_left(database):
    visit_id, opened = _saved_visit(database)
    values = _full_visit()
    values["global"]["pga_activity"] = n(3.3)

    class Undone(Exception):
        pass

    with database.session() as s:
        with pytest.raises(Undone), s.begin_nested():
            save_visit(s, visit_id, values, [], user="nurse",
                       expected_version=opened.header.version_id,
                       visit_date=date(2026, 5, 4))
            raise Undone
        row = s.scalars(select(InstrumentValue).where(
            InstrumentValue.visit_id == visit_id, InstrumentValue.item == "mmt_x3")).one()
        row.value_num = 5.0
    with database.reading() as s:
        stored = _stored_items(s, visit_id)
        assert stored["global"]["pga_activity"] == 2.5 and stored["mmt8"]["mmt_x3"] == 5.0
        assert _recorded_items(s, visit_id) == stored
        assert audit.verify_chain(s) == (True, None)


def test_a_failed_save_leaves_neither_its_audit_entries_nor_its_changes(database, monkeypatch):
    visit_id, opened = _saved_visit(database)
    with database.reading() as s:
        entries_before = s.scalar(select(func.count(AuditEntry.id)))
    values = _full_visit()
    values["global"]["pga_activity"] = n(9.9)
    written = []
    real = audit.record_many

    def then_the_disk_fails(session, changes):
        written.extend(real(session, changes))
        raise OSError("disk full")

    monkeypatch.setattr(audit, "record_many", then_the_disk_fails)
    with pytest.raises(OSError), database.session() as s:
        save_visit(s, visit_id, values, [AdverseEventData(None, "Rash", date(2026, 5, 4))],
                   user="nurse", expected_version=opened.header.version_id,
                   visit_date=date(2026, 5, 5))
    assert [e.field for e in written] == ["global", "adverse_events", "visit_date"]
    with database.reading() as s:
        after = load_visit(s, visit_id)
        assert s.scalar(select(func.count(AuditEntry.id))) == entries_before
        assert audit.verify_chain(s) == (True, None)
    assert after.values == opened.values and after.adverse_events == ()
    assert (after.header.version_id, after.header.visit_date) == (
        opened.header.version_id, date(2026, 5, 4))


def test_nobody_writes_the_sqlite_file_between_the_version_check_and_the_save(
        sqlite_database, monkeypatch):
    """The savepoint is skipped on SQLite because nothing can overtake the save there: a
    program that ignores jdm-ctp's locks altogether still cannot write during it."""
    database = sqlite_database
    path = sqlite_file_path(database.url)
    assert path is not None
    visit_id, opened = _saved_visit(database)
    refused = []
    real = visit_saving.visit_value_problems

    def outside_writer_strikes(values):
        outside = sqlite3.connect(path, isolation_level=None, timeout=0)
        try:
            outside.execute("UPDATE visit SET label = 'outside', version_id = version_id + 1 "
                            "WHERE id = ?", (visit_id,))
        except sqlite3.OperationalError as error:
            refused.append(str(error))
        finally:
            outside.close()
        return real(values)

    monkeypatch.setattr(visit_saving, "visit_value_problems", outside_writer_strikes)
    values = _full_visit()
    values["global"]["pga_activity"] = n(2.7)
    with database.session() as s:
        saved = save_visit(s, visit_id, values, [], user="nurse",
                           expected_version=opened.header.version_id,
                           visit_date=date(2026, 5, 4))
    assert refused == ["database is locked"]
    with database.reading() as s:
        visit = s.get_one(Visit, visit_id)
        assert visit.label == opened.header.label != "outside"
        assert visit.version_id == saved.version_id == opened.header.version_id + 1


@pytest.mark.postgres
def test_on_a_server_a_writer_that_ignores_the_lock_is_refused_by_the_version(
        database, monkeypatch):
    visit_id, opened = _saved_visit(database)
    real = visit_saving.visit_value_problems

    def raw_writer_strikes(values):
        with database.engine.connect() as raw:
            raw.execute(text("UPDATE visit SET label = 'outside', version_id = version_id + 1 "
                             "WHERE id = :id"), {"id": visit_id})
            raw.commit()
        return real(values)

    monkeypatch.setattr(visit_saving, "visit_value_problems", raw_writer_strikes)
    values = _full_visit()
    values["global"]["pga_activity"] = n(2.8)
    with pytest.raises(ConcurrentEditError), database.session() as s:
        save_visit(s, visit_id, values, [], user="nurse",
                   expected_version=opened.header.version_id, visit_date=date(2026, 5, 4))
    with database.reading() as s:
        stored = load_visit(s, visit_id)
        assert stored.values["global"]["pga_activity"] == n(2.5)
        assert audit.verify_chain(s) == (True, None)


def test_a_change_flushed_before_a_savepoint_rolled_back_is_still_recorded(database):
    visit_id, _opened = _saved_visit(database)

    class Undone(Exception):
        pass

    with database.session() as s:
        row = s.scalars(select(InstrumentValue).where(
            InstrumentValue.visit_id == visit_id, InstrumentValue.item == "mmt_x4")).one()
        row.value_num = 6.0
        s.flush()
        with pytest.raises(Undone), s.begin_nested():
            s.add(InstrumentValue(visit_id=visit_id, instrument="cmas", item="cmas_2",
                                  value_num=1.0, updated_by="nurse"))
            s.flush()
            raise Undone
    with database.reading() as s:
        stored = _stored_items(s, visit_id)
        assert stored["mmt8"]["mmt_x4"] == 6.0 and "cmas" not in stored
        assert _recorded_items(s, visit_id) == stored
        assert record_states.check_states(s).divergences == []


# ------------------------------------------- the guarantees the unit of work used to give
# The visit and its items are written by plain UPDATE / INSERT / DELETE statements: each
# guarantee the session's hooks gave the save is attacked here (on SQLite and, with the
# test server configured, on PostgreSQL).


def _trail(session):
    return session.scalars(select(AuditEntry.id).order_by(AuditEntry.id)).all()


def test_two_sessions_saving_one_visit_the_second_is_refused_and_writes_nothing(database):
    visit_id, opened = _saved_visit(database)
    with database.reading() as s:
        opened_again = load_visit(s, visit_id)  # the second workstation opens it too
    first = _full_visit()
    first["global"]["pga_activity"] = n(4.0)
    with database.session() as s:
        saved = save_visit(s, visit_id, first, [], user="nurse",
                           expected_version=opened.header.version_id,
                           visit_date=date(2026, 5, 4), opened=opened)
    with database.reading() as s:
        trail_after_first = _trail(s)
    second = _full_visit()
    second["global"]["pga_activity"] = n(7.0)
    second["cmas"] = {"cmas_1": n(3)}
    del second["chaq"]
    with pytest.raises(ConcurrentEditError) as refused, database.session() as s:
        save_visit(s, visit_id, second, [AdverseEventData(None, "Rash", date(2026, 5, 4))],
                   user="nurse", expected_version=opened_again.header.version_id,
                   visit_date=date(2026, 5, 6), opened=opened_again)
    assert refused.value.changed_fields == ("global",)
    with database.reading() as s:
        stored = load_visit(s, visit_id)
        assert _trail(s) == trail_after_first
        assert audit.verify_chain(s) == (True, None)
        assert record_states.check_states(s).divergences == []
    assert stored.values == as_stored(first)
    assert stored.adverse_events == ()
    assert (stored.header.version_id, stored.header.visit_date) == (
        saved.version_id, date(2026, 5, 4))


def test_the_update_itself_refuses_a_visit_whose_version_moved_after_it_was_read(
        database, monkeypatch):
    """The version read at the start of the save moves before its UPDATE (in the same
    transaction, so on SQLite too): the UPDATE's WHERE clause matches no row, the save is
    refused, and even a caller that carries on and commits finds nothing of it written."""
    visit_id, opened = _saved_visit(database)
    real = visit_saving.visit_value_problems
    with database.reading() as s:
        trail_before = _trail(s)

    def version_moves(values):  # runs after the version check, before any write
        connection = session.connection()
        connection.execute(text("UPDATE visit SET version_id = version_id + 1 WHERE id = :id"),
                           {"id": visit_id})
        return real(values)

    monkeypatch.setattr(visit_saving, "visit_value_problems", version_moves)
    values = _full_visit()
    values["global"]["pga_activity"] = n(6.5)
    values["cmas"] = {"cmas_1": n(3)}
    with database.session() as session:
        with pytest.raises(ConcurrentEditError):
            save_visit(session, visit_id, values, [AdverseEventData(None, "Rash", None)],
                       user="nurse", expected_version=opened.header.version_id,
                       visit_date=date(2026, 5, 5), opened=opened)
    with database.reading() as s:
        stored = load_visit(s, visit_id)
        assert _trail(s) == trail_before
        assert record_states.check_states(s).divergences == []
    assert stored.values == opened.values and stored.adverse_events == ()
    assert stored.header.visit_date == date(2026, 5, 4)
    # Only the version step made behind the save's back is there.
    assert stored.header.version_id == opened.header.version_id + 1


@pytest.mark.postgres
def test_on_a_server_an_item_changed_behind_the_save_is_refused_with_nothing_written(
        database, monkeypatch):
    """A raw writer changes one stored item (its version, not the visit's) between the
    save's read and its writes: that item's UPDATE matches no row, the save's savepoint
    is rolled back and it is refused; the raw change is all that is stored."""
    visit_id, opened = _saved_visit(database)
    real = visit_saving._event_changes

    def item_changed_behind(*args):  # runs after the items were read, before any write
        with database.engine.connect() as raw:
            raw.execute(text("UPDATE instrument_value SET value_num = 2.9, "
                             "version_id = version_id + 1 WHERE visit_id = :id "
                             "AND item = 'pga_activity'"), {"id": visit_id})
            raw.commit()
        return real(*args)

    monkeypatch.setattr(visit_saving, "_event_changes", item_changed_behind)
    values = _full_visit()
    values["global"]["pga_activity"] = n(3.1)
    with database.reading() as s:
        trail_before = _trail(s)
    with database.session() as session:
        with pytest.raises(ConcurrentEditError):
            save_visit(session, visit_id, values, [], user="nurse",
                       expected_version=opened.header.version_id,
                       visit_date=date(2026, 5, 4), opened=opened)
    with database.reading() as s:
        stored = load_visit(s, visit_id)
        assert _trail(s) == trail_before
    assert stored.values["global"]["pga_activity"] == n(2.9)
    assert stored.header.version_id == opened.header.version_id


@pytest.mark.parametrize("fails_in", ["forget_enrollments", "record_many"])
def test_a_failure_between_the_updates_and_the_audit_insert_leaves_nothing(
        database, monkeypatch, fails_in):
    """The visit and its items are written, then the disk fails before (or while) the
    audit entries are: nothing of the save is left, not even the stored scores it was to
    forget."""
    visit_id, opened = _saved_visit(database)
    with database.session() as s:
        s.add(VisitScore(visit_id=visit_id, stamp="kept", scores="{}"))
    with database.reading() as s:
        trail_before = _trail(s)
    target = score_cache if fails_in == "forget_enrollments" else audit
    real = getattr(target, fails_in)
    reached = []

    def then_the_disk_fails(*args):
        # The save's UPDATEs are written by now: this transaction sees them.
        session = args[0] if isinstance(args[0], Session) else None
        connection = session.connection() if session is not None else args[0]
        reached.append(connection.execute(select(InstrumentValue.value_num).where(
            InstrumentValue.visit_id == visit_id,
            InstrumentValue.item == "pga_activity")).scalar_one())
        real(*args)
        raise OSError("disk full")

    monkeypatch.setattr(target, fails_in, then_the_disk_fails)
    values = _full_visit()
    values["global"]["pga_activity"] = n(8.8)
    del values["chaq"]
    values["cmas"] = {"cmas_1": n(4)}
    with pytest.raises(OSError), database.session() as s:
        save_visit(s, visit_id, values, [], user="nurse",
                   expected_version=opened.header.version_id, visit_date=date(2026, 5, 6))
    assert reached == [8.8]
    with database.reading() as s:
        stored = load_visit(s, visit_id)
        assert _trail(s) == trail_before
        assert audit.verify_chain(s) == (True, None)
        assert record_states.check_states(s).divergences == []
        assert s.scalar(select(VisitScore.stamp).where(VisitScore.visit_id == visit_id)) == "kept"
    assert stored.values == opened.values
    assert (stored.header.version_id, stored.header.visit_date) == (
        opened.header.version_id, date(2026, 5, 4))


def test_a_save_forgets_the_stored_scores_of_its_enrollment_and_only_those(database):
    visit_id, opened = _saved_visit(database)
    _pid, _eid, others = enrolled(database, study_id="JDM-D02")
    with database.reading() as s:
        sibling = s.scalar(select(Visit.id).where(
            Visit.enrollment_id == s.get_one(Visit, visit_id).enrollment_id,
            Visit.id != visit_id).limit(1))
    elsewhere = others["baseline"]
    with database.session() as s:
        for vid in (visit_id, sibling, elsewhere):
            s.add(VisitScore(visit_id=vid, stamp="cached", scores="{}"))
    values = _full_visit()
    values["global"]["pga_activity"] = n(1.5)
    with database.session() as s:
        save_visit(s, visit_id, values, [], user="nurse",
                   expected_version=opened.header.version_id, visit_date=date(2026, 5, 4))
    with database.reading() as s:
        cached = set(s.scalars(select(VisitScore.visit_id)))
    # The saved visit's entry is gone, and its sibling's (a changed baseline changes the
    # responses of the visits after it); another patient's is kept.
    assert cached == {elsewhere}


def test_objects_the_session_holds_are_in_step_with_what_the_save_wrote(database):
    """A caller that holds the visit and its items as objects in the same session sees
    the saved version and values, and a deleted item is no longer held."""
    visit_id, opened = _saved_visit(database)
    values = _full_visit()
    values["global"]["pga_activity"] = n(5.5)
    del values["chaq"]["chaq_grip_0"]
    with database.session() as s:
        visit = s.get_one(Visit, visit_id)
        items = {row.item: row for row in s.scalars(select(InstrumentValue).where(
            InstrumentValue.visit_id == visit_id))}
        saved = save_visit(s, visit_id, values, [], user="nurse",
                           expected_version=visit.version_id, visit_date=date(2026, 5, 4))
        assert visit.version_id == saved.version_id == opened.header.version_id + 1
        assert items["pga_activity"].value_num == 5.5
        assert items["chaq_grip_0"] not in s
        # A later change through the held objects is a normal versioned write.
        items["mmt_x1"].value_num = 7.0
        visit.label = "renamed"
    with database.reading() as s:
        stored = load_visit(s, visit_id)
        assert _recorded_items(s, visit_id) == _stored_items(s, visit_id)
        assert record_states.check_states(s).divergences == []
    assert stored.values["mmt8"]["mmt_x1"] == n(7.0) and "chaq_grip_0" not in stored.values["chaq"]
    assert stored.header.label == "renamed"
    assert stored.header.version_id == saved.version_id + 1


def test_a_reading_session_cannot_save_a_visit(database):
    """Its flush refuses ORM changes; the save's plain statements are refused as well."""
    visit_id, opened = _saved_visit(database)
    values = _full_visit()
    values["global"]["pga_activity"] = n(9.0)
    statements, stop = _statements(database)
    try:
        with pytest.raises(ReadOnlySessionError), database.reading() as s:
            save_visit(s, visit_id, values, [], user="nurse",
                       expected_version=opened.header.version_id, visit_date=date(2026, 5, 4))
    finally:
        stop()
    # Refused before anything is written, not only by the audit entry at the end.
    assert not [st for st in statements if st.startswith(("UPDATE", "INSERT", "DELETE"))]
    with database.reading() as s:
        assert load_visit(s, visit_id) == opened
