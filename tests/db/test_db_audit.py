"""The audit trail is a hash chain: intact chains verify, tampered ones name the bad entry."""

from __future__ import annotations

from datetime import date

import pytest
from database_fixtures import lift_audit_protection
from sqlalchemy import select, text

from app.db import audit
from app.db.engine import Database
from app.db.models import AuditEntry

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")


def _record_three(database: Database) -> None:
    with database.session() as session:
        audit.record(session, user="nurse", action="login", entity="session", entity_id=None)
        audit.record(
            session,
            user="nurse",
            action="update",
            entity="patient",
            entity_id=7,
            field="date_of_birth",
            old=date(2014, 3, 9),
            new=date(2014, 3, 19),
            reason="typo in day",
        )
    with database.session() as session:  # a later transaction extends the same chain
        audit.record(
            session,
            user="doctor",
            action="update",
            entity="visit",
            entity_id=3,
            field="signed",
            old=False,
            new=True,
        )


def test_empty_chain_verifies(database: Database) -> None:
    with database.session() as session:
        assert audit.verify_chain(session) == (True, None)


def test_chain_links_each_entry_to_the_previous(database: Database) -> None:
    _record_three(database)
    with database.session() as session:
        entries = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        assert audit.verify_chain(session) == (True, None)
    # Entry 1 is the database's identity, written by migration 0004.
    assert [e.id for e in entries] == [1, 2, 3, 4]
    assert entries[0].action == "database_identity"
    assert entries[0].prev_hash == audit.GENESIS_HASH
    assert entries[1].prev_hash == entries[0].entry_hash
    assert entries[2].prev_hash == entries[1].entry_hash
    assert entries[3].prev_hash == entries[2].entry_hash
    # Values are stored as stable text.
    assert (entries[2].old_value, entries[2].new_value) == ("2014-03-09", "2014-03-19")
    assert (entries[3].old_value, entries[3].new_value) == ("false", "true")
    assert entries[2].entity_id == "7" and entries[1].entity_id is None
    assert entries[1].occurred_at.tzinfo is not None


def test_tampered_value_is_detected_at_that_entry(database: Database) -> None:
    _record_three(database)
    with database.session() as session:
        lift_audit_protection(session)
        session.execute(text("UPDATE audit_entry SET new_value = '2015-01-01' WHERE id = 3"))
    with database.session() as session:
        assert audit.verify_chain(session) == (False, 3)


def test_tampered_timestamp_is_detected(database: Database) -> None:
    _record_three(database)
    with database.session() as session:
        lift_audit_protection(session)
        entry = session.get(AuditEntry, 4)
        assert entry is not None
        moved = entry.occurred_at.replace(year=2020)
        session.execute(
            AuditEntry.__table__.update().where(AuditEntry.id == 4).values(occurred_at=moved)
        )
    with database.session() as session:
        assert audit.verify_chain(session) == (False, 4)


def test_deleted_entry_is_detected_at_the_next_one(database: Database) -> None:
    _record_three(database)
    with database.session() as session:
        lift_audit_protection(session)
        session.execute(text("DELETE FROM audit_entry WHERE id = 3"))
    with database.session() as session:
        assert audit.verify_chain(session) == (False, 4)


def test_rehashed_forgery_still_breaks_the_link(database: Database) -> None:
    # A forger who recomputes the edited entry's own hash breaks the next entry's link.
    _record_three(database)
    with database.session() as session:
        lift_audit_protection(session)
        row = (
            session.execute(
                select(*[getattr(AuditEntry, c) for c in audit.HASHED_COLUMNS]).where(
                    AuditEntry.id == 3
                )
            )
            .mappings()
            .one()
        )
        forged = dict(row, new_value="2015-01-01")
        session.execute(
            text("UPDATE audit_entry SET new_value = :v, entry_hash = :h WHERE id = 3"),
            {"v": "2015-01-01", "h": audit.compute_hash(forged)},
        )
    with database.session() as session:
        assert audit.verify_chain(session) == (False, 4)


def test_orm_refuses_to_change_or_delete_entries(database: Database) -> None:
    _record_three(database)
    with pytest.raises(PermissionError), database.session() as session:
        entry = session.get(AuditEntry, 1)
        assert entry is not None
        entry.reason = "rewritten"
        session.flush()
    with pytest.raises(PermissionError), database.session() as session:
        session.delete(session.get(AuditEntry, 1))
        session.flush()
    with database.session() as session:
        assert audit.verify_chain(session) == (True, None)


def test_entries_need_a_user(database: Database) -> None:
    with pytest.raises(audit.AuditError), database.session() as session:
        audit.record(session, user="", action="update", entity="patient", entity_id=1)
