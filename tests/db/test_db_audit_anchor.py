"""Anchors catch what the hash chain alone cannot: entries cut from its end, or a chain
recomputed from scratch."""

from __future__ import annotations

import argparse
from pathlib import Path

from sqlalchemy import select, text

from app import paths
from app.cli.audit import run_audit_verify
from app.db import audit, audit_anchor, backup
from app.db.engine import Database
from app.db.migrate import open_database
from app.db.models import AuditEntry


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


def test_no_anchor_yet_means_nothing_to_compare(database: Database) -> None:
    _record(database, 2)
    assert _check(database) is None
    assert audit_anchor.check_and_remember(database) is None
    anchor = audit_anchor.load_anchors()[database.display_name]
    assert anchor.entry_id == 2


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
    assert anchor is not None and anchor.entry_id == 4
    with database.session() as session:
        session.execute(text("DELETE FROM audit_entry WHERE id >= 3"))
    with database.session() as session:
        assert audit.verify_chain(session) == (True, None)  # the chain alone cannot tell
    message = _check(database)
    assert message is not None
    assert "cut short" in message and "entry 4" in message and "now ends at entry 2" in message
    # The start-up check reports it and keeps the anchor as evidence.
    assert audit_anchor.check_and_remember(database) == message
    assert audit_anchor.load_anchors()[database.display_name] == anchor


def test_a_chain_recomputed_from_scratch_is_detected(database: Database) -> None:
    _record(database, 3)
    _remember(database)
    # A forger edits entry 2 and re-hashes it and every entry after it: a consistent chain.
    with database.session() as session:
        rows = session.execute(
            select(*[getattr(AuditEntry, c) for c in audit.HASHED_COLUMNS])
            .order_by(AuditEntry.id)
        ).mappings().all()
        previous = audit.GENESIS_HASH
        for row in rows:
            values = dict(row, prev_hash=previous)
            if row["id"] == 2:
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
    assert message is not None and "rewritten" in message and "entry 3" in message


def test_an_unreadable_anchor_file_counts_as_none(database: Database) -> None:
    _record(database, 1)
    (paths.data_dir() / audit_anchor.ANCHOR_FILE).write_text("{not json", encoding="utf-8")
    assert audit_anchor.load_anchors() == {}
    assert audit_anchor.check_and_remember(database) is None
    assert database.display_name in audit_anchor.load_anchors()


def test_anchors_of_several_databases_are_kept_apart(tmp_path: Path) -> None:
    first = open_database(tmp_path / "a.sqlite3")
    second = open_database(tmp_path / "b.sqlite3")
    try:
        _record(first, 2)
        _record(second, 5)
        _remember(first)
        _remember(second)
        anchors = audit_anchor.load_anchors()
        assert anchors[first.display_name].entry_id == 2
        assert anchors[second.display_name].entry_id == 5
    finally:
        first.dispose()
        second.dispose()


def test_restoring_a_backup_forgets_the_anchor(sqlite_path: Path, tmp_path: Path) -> None:
    database = open_database(sqlite_path)
    try:
        _record(database, 1)
        copy = backup.backup_database(sqlite_path, tmp_path / "copy.sqlite3")
        _record(database, 2)
        _remember(database)
    finally:
        database.dispose()
    backup.restore_database(copy, sqlite_path)
    assert str(sqlite_path.resolve()) not in audit_anchor.load_anchors()
    database = open_database(sqlite_path)
    try:
        assert audit_anchor.check_and_remember(database) is None  # a rewind on purpose
    finally:
        database.dispose()


def test_audit_verify_command_reports_a_cut_trail(sqlite_path: Path, capsys) -> None:
    database = open_database(sqlite_path)
    try:
        _record(database, 3)
        _remember(database)
        with database.session() as session:
            session.execute(text("DELETE FROM audit_entry WHERE id = 3"))
    finally:
        database.dispose()
    code = run_audit_verify(argparse.Namespace(db=str(sqlite_path), db_passphrase=None))
    out = capsys.readouterr().out
    assert code == 1
    assert out.startswith("BROKEN: The audit trail has been cut short")
