"""One writing transaction at a time, on a PostgreSQL server as in a SQLite file.

SQLite lets one transaction write at a time; PostgreSQL lets many, and two things in
jdm-ctp must happen one at a time:

* the audit trail is a hash chain: each entry's id and ``prev_hash`` come from the newest
  entry, so two transactions appending at once pick the same id, and one user's save
  fails with a duplicate key on ``audit_entry`` (two workstations adding different
  patients at once: half of the saves failed);
* a save compares the version the form was opened with to the stored one and then
  writes; another workstation's commit in between would make that check stale.

So every writing transaction on PostgreSQL takes one transaction-scoped advisory lock
(``pg_advisory_xact_lock``) and keeps it until it commits or rolls back. It is taken
before the transaction's first write, not only before its first audit entry, so every
writer takes its locks in the same order (this lock, then rows) and two writers can never
deadlock. Under it, READ COMMITTED reads see every earlier writer's committed data.

Save services call ``hold`` first, before reading the version they check. The session
hooks at the bottom take it before any flush or ORM statement that writes, so code that
does not call ``hold`` still writes one transaction at a time.

A lock taken inside a SAVEPOINT is released if that savepoint is rolled back, so only a
lock taken outside any savepoint is remembered for the rest of the transaction.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, event, text
from sqlalchemy.orm import ORMExecuteState, Session

# Any 64-bit number: advisory locks are per database, and nothing else in jdm-ctp's
# database takes one. These are the bytes of "jdm-ctp".
LOCK_KEY = int.from_bytes(b"jdm-ctp", "big")
_HELD_IN = "write_lock_held_in"  # session.info key: the transaction that holds the lock


def hold(target: Session | Connection) -> None:
    """Wait until this transaction is the only writer; held until it ends. Idempotent.

    Does nothing on SQLite, where the file's own lock already lets one transaction write
    at a time.
    """
    if isinstance(target, Session):
        if target.get_bind().dialect.name != "postgresql":
            return
        transaction = target.get_transaction()
        if transaction is not None and target.info.get(_HELD_IN) is transaction:
            return
        target.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
        if not target.in_nested_transaction():
            target.info[_HELD_IN] = target.get_transaction()
        return
    if target.dialect.name == "postgresql":
        target.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    if session.new or session.dirty or session.deleted:
        hold(session)


@event.listens_for(Session, "do_orm_execute")
def _before_orm_statement(state: ORMExecuteState) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        hold(state.session)
