"""The chain's head is read once per writing transaction and carried from entry to entry
(issue 22: a save's audit entries cost one read of the head, not one each).

What could go wrong, and is attacked here: a head carried past a savepoint that rolled
back (the next entry would link to an entry that no longer exists), a head carried into
a later transaction after another workstation appended (a fork, or a duplicate id), two
workstations appending at once (each must see the other's entries), entries written
from a read-only session (which neither holds the write lock nor keeps anything).
"""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from app.db import audit
from app.db.engine import Database, ReadOnlySessionError
from app.db.models import AuditEntry

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")


def _entry(session: Session, n: int, user: str = "nurse") -> AuditEntry:
    return audit.record(session, user=user, action="update", entity="visit", entity_id=n,
                        field="cmas", old={"cmas_1": n}, new={"cmas_1": n + 1}, reason="typo")


def _head_reads(database: Database) -> tuple[list[str], object]:
    reads: list[str] = []

    def before(_conn, _cursor, statement, *_args):
        flat = " ".join(statement.split())
        if flat.startswith("SELECT audit_entry.id, audit_entry.entry_hash FROM audit_entry"):
            reads.append(flat)

    event.listen(database.engine, "before_cursor_execute", before)
    return reads, lambda: event.remove(database.engine, "before_cursor_execute", before)


def _chain(session: Session) -> list[tuple[int, str, str]]:
    return [tuple(r) for r in session.execute(
        select(AuditEntry.id, AuditEntry.prev_hash, AuditEntry.entry_hash)
        .order_by(AuditEntry.id))]


def test_one_read_of_the_head_per_transaction_and_the_same_chain_as_before(database):
    reads, stop = _head_reads(database)
    try:
        with database.session() as s:
            first = _entry(s, 1)
            second = _entry(s, 2)
            more = audit.record_many(s, [
                audit.Change(user="nurse", action="update", entity="visit", entity_id=3,
                             field="mmt8", old=None, new={"mmt_x1": 7}),
                audit.Change(user="nurse", action="state", entity="record_state",
                             entity_id=None, new_text='{"visit":{"3":{}}}'),
            ])
    finally:
        stop()
    assert len(reads) == 1
    with database.reading() as s:
        chain = _chain(s)
        assert audit.verify_chain(s) == (True, None)
        stored = s.execute(select(*(getattr(AuditEntry, name) for name in (
            *audit.HASHED_COLUMNS, "entry_hash"))).where(AuditEntry.id >= first.id)
            .order_by(AuditEntry.id)).all()
    # Each entry links to the one before it, ids consecutive, as one entry at a time did.
    assert [e.id for e in (first, second, *more)] == [first.id + i for i in range(4)]
    assert [c[1] for c in chain[1:]] == [c[2] for c in chain[:-1]]
    # What record() returns is what is stored, and the hash is over the stored columns.
    for returned, row in zip((first, second, *more), stored, strict=True):
        assert row.entry_hash == returned.entry_hash == audit.compute_hash(row._mapping)
        assert (row.id, row.prev_hash) == (returned.id, returned.prev_hash)
    assert stored[0].old_value == '{"cmas_1": 1}' and stored[0].reason == "typo"
    assert stored[3].new_value == '{"visit":{"3":{}}}' and stored[3].entity_id is None


def test_a_savepoint_rolled_back_takes_its_entries_and_the_carried_head_with_it(database):
    class Undone(Exception):
        pass

    with database.session() as s:
        kept = _entry(s, 1)
        with pytest.raises(Undone), s.begin_nested():
            _entry(s, 2)
            _entry(s, 3)
            raise Undone
        after = _entry(s, 4)
    assert (after.id, after.prev_hash) == (kept.id + 1, kept.entry_hash)
    with database.reading() as s:
        assert audit.verify_chain(s) == (True, None)
        assert s.scalar(select(func.max(AuditEntry.id))) == after.id


def test_a_savepoint_released_keeps_its_entries_and_the_head_carries_on(database):
    with database.session() as s:
        with s.begin_nested():
            inside = _entry(s, 1)
        after = _entry(s, 2)
    assert (after.id, after.prev_hash) == (inside.id + 1, inside.entry_hash)
    with database.reading() as s:
        assert audit.verify_chain(s) == (True, None)


def test_a_head_is_never_carried_into_the_next_transaction(database):
    """One Session object, two transactions; another workstation appends in between."""
    other = Database(database.url)
    other.actor = database.actor
    try:
        with Session(database.engine) as s:
            s.info["actor"] = database.actor
            with s.begin():
                _entry(s, 1)
            with other.session() as o:
                between = _entry(o, 2, user="nurse")
            with s.begin():
                later = _entry(s, 3)
        assert (later.id, later.prev_hash) == (between.id + 1, between.entry_hash)
        with database.reading() as s:
            assert audit.verify_chain(s) == (True, None)
    finally:
        other.dispose()


def test_a_failed_transaction_forgets_its_head(database):
    class Failed(Exception):
        pass

    with Session(database.engine) as s:
        s.info["actor"] = database.actor
        with pytest.raises(Failed), s.begin():
            _entry(s, 1)
            raise Failed
        with s.begin():
            kept = _entry(s, 2)
    with database.reading() as s:
        assert _chain(s)[-1][0] == kept.id
        assert audit.verify_chain(s) == (True, None)


def test_a_reading_session_cannot_write_an_entry(database):
    with pytest.raises(ReadOnlySessionError), database.reading() as s:
        _entry(s, 1)
    with database.reading() as s:
        assert s.scalar(select(func.count(AuditEntry.id))) == 1  # the database's identity


def test_two_workstations_appending_at_once_keep_one_chain(database):
    """Each transaction writes three entries with pauses between them (its head carried
    all along); the other workstation's transactions must wait for it, never fork."""
    per_workstation, errors = 15, []
    workstations = [database, Database(database.url)]
    workstations[1].actor = database.actor
    barrier = threading.Barrier(2)

    def append(db: Database, name: str) -> None:
        barrier.wait()
        for n in range(per_workstation):
            try:
                with db.session() as s:
                    for k in range(3):
                        _entry(s, n * 10 + k, user=name)
                        time.sleep(0.002)
            except BaseException as error:  # noqa: BLE001 - asserted below
                errors.append(error)

    threads = [threading.Thread(target=append, args=(db, f"nurse_{i}"))
               for i, db in enumerate(workstations)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    finally:
        workstations[1].dispose()
    assert errors == []
    with database.reading() as s:
        assert audit.verify_chain(s) == (True, None)
        users = s.scalars(select(AuditEntry.user_name).where(AuditEntry.id > 1)
                          .order_by(AuditEntry.id)).all()
    assert len(users) == 2 * per_workstation * 3
    # One transaction's three entries are never interleaved with the other's.
    assert all(len(set(users[i:i + 3])) == 1 for i in range(0, len(users), 3))
