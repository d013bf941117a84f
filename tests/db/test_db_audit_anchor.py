"""Anchors catch what the hash chain alone cannot: entries cut from its end, or a chain
recomputed from scratch."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from database_fixtures import add_people, lift_audit_protection, password_file
from sqlalchemy import select, text

from app import paths
from app.cli.audit import run_audit_verify
from app.db import audit, audit_anchor, backup, restore
from app.db.engine import Database
from app.db.models import AuditEntry
from app.db.opening import open_database

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")


def _record(database: Database, count: int) -> None:
    with database.session() as session:
        for number in range(count):
            audit.record(session, user="nurse", action="update", entity="patient",
                         entity_id=number, field="site", old="A", new="B")


def _remember(database: Database) -> audit_anchor.Anchor | None:
    with database.session() as session:
        return audit_anchor.remember_head(session, database.display_name)


def _check(database: Database) -> str | None:
    with database.session() as session:
        return audit_anchor.check_head(session, database.display_name)


def _anchor(database: Database) -> audit_anchor.Anchor | None:
    """This computer's anchor of the database, found by the database's own id."""
    with database.reading() as session:
        key = audit_anchor.database_id(session)
    assert key is not None
    return audit_anchor.load_anchors().anchor_of(key)


def test_no_anchor_yet_means_nothing_to_compare(database: Database) -> None:
    _record(database, 2)
    assert _check(database) is None
    assert audit_anchor.check_and_remember(database) is None
    anchor = _anchor(database)
    assert anchor is not None and anchor.entry_id == 3  # entry 1: the database's identity


def test_new_entries_after_the_anchor_are_fine(database: Database) -> None:
    _record(database, 2)
    _remember(database)
    _record(database, 3)
    assert _check(database) is None


def test_entries_cut_from_the_end_are_detected_though_the_chain_verifies(
    database: Database,
) -> None:
    _record(database, 4)
    anchor = _remember(database)
    assert anchor is not None and anchor.entry_id == 5
    with database.session() as session:
        lift_audit_protection(session)
        session.execute(text("DELETE FROM audit_entry WHERE id >= 4"))
    with database.session() as session:
        assert audit.verify_chain(session) == (True, None)  # the chain alone cannot tell
    message = _check(database)
    assert message is not None
    assert "cut short" in message and "entry 5" in message and "now ends at entry 3" in message
    # The start-up check reports it and keeps the anchor as evidence.
    assert audit_anchor.check_and_remember(database) == message
    assert _anchor(database) == anchor


def test_a_chain_recomputed_from_scratch_is_detected(database: Database) -> None:
    _record(database, 3)
    _remember(database)
    # A forger edits entry 3 and re-hashes it and every entry after it: a consistent chain.
    with database.session() as session:
        lift_audit_protection(session)
        rows = session.execute(
            select(*[getattr(AuditEntry, c) for c in audit.HASHED_COLUMNS])
            .order_by(AuditEntry.id)
        ).mappings().all()
        previous = audit.GENESIS_HASH
        for row in rows:
            values = dict(row, prev_hash=previous)
            if row["id"] == 3:
                values["new_value"] = "forged"
            entry_hash = audit.compute_hash(values)
            session.execute(
                text("UPDATE audit_entry SET new_value = :v, prev_hash = :p, entry_hash = :h "
                     "WHERE id = :i"),
                {"v": values["new_value"], "p": previous, "h": entry_hash, "i": row["id"]},
            )
            previous = entry_hash
    with database.session() as session:
        assert audit.verify_chain(session) == (True, None)
    message = _check(database)
    assert message is not None and "rewritten" in message and "entry 4" in message


def test_an_unreadable_anchor_file_counts_as_none(database: Database) -> None:
    _record(database, 1)
    (paths.data_dir() / audit_anchor.ANCHOR_FILE).write_text("{not json", encoding="utf-8")
    assert audit_anchor.load_anchors() == audit_anchor.Anchors()
    assert audit_anchor.check_and_remember(database) is None
    assert _anchor(database) is not None


def test_anchors_of_several_databases_are_kept_apart(tmp_path: Path) -> None:
    first = open_database(tmp_path / "a.sqlite3")
    second = open_database(tmp_path / "b.sqlite3")
    try:
        _record(first, 2)
        _record(second, 5)
        _remember(first)
        _remember(second)
        assert _anchor(first).entry_id == 3
        assert _anchor(second).entry_id == 6
    finally:
        first.dispose()
        second.dispose()


def test_restoring_a_backup_moves_the_anchor_and_keeps_its_history(
    sqlite_path: Path, tmp_path: Path, system_actor
) -> None:
    database = open_database(sqlite_path)
    try:
        _record(database, 1)
        copy = backup.backup_database(sqlite_path, tmp_path / "copy.sqlite3",
                                      actor=system_actor)
        _record(database, 2)
        before = _remember(database)
    finally:
        database.dispose()
    restore.restore_database(copy, sqlite_path, actor=system_actor)
    database = open_database(sqlite_path)
    try:
        # The anchor now is the restored trail's end (its restore entry) ...
        after = _anchor(database)
        assert after is not None and after != before
        with database.reading() as session:
            assert audit.head(session)[0] == after.entry_id
            key = audit_anchor.database_id(session)
        # ... and the anchor it replaced is kept, with the restore that moved it.
        history = audit_anchor.load_anchors().databases[key]["history"]
        assert history[-1]["event"] == "restore"
        assert history[-1]["anchor_before"]["entry_id"] == before.entry_id
        assert audit_anchor.check_and_remember(database) is None  # a rewind on purpose
    finally:
        database.dispose()


def test_audit_verify_command_reports_a_cut_trail(sqlite_path: Path, capsys,
                                                  tmp_path: Path) -> None:
    database = open_database(sqlite_path)
    try:
        add_people(database)
        _record(database, 3)
        _remember(database)
        with database.session() as session:
            last = audit.head(session)[0]
            lift_audit_protection(session)
            session.execute(text("DELETE FROM audit_entry WHERE id = :i"), {"i": last})
    finally:
        database.dispose()
    code = run_audit_verify(argparse.Namespace(
        db=str(sqlite_path), db_passphrase=None, user="admin",
        password_file=str(password_file(tmp_path))))
    out = capsys.readouterr().out
    assert code == 1
    assert out.startswith("BROKEN: The audit trail has been cut short")
