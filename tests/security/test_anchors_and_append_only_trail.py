"""Issue 14, item 8: deletion from the trail, anchors, and copies of the head elsewhere.

The issue's findings: trailing entries removed were caught only against a per-workstation
anchor kept by *path* (a hard link or another workstation defeated it), ``restore``
forgot the anchor without an audit entry, and nothing stopped an UPDATE or DELETE on the
audit table. Now anchors are keyed by the database's own id (recorded in the trail),
a restore is audited and keeps the anchor's history, the head is printed on every PDF
and written into every export manifest, and the audit table refuses UPDATE and DELETE
in the database itself (SQLite triggers; on a server, revoked privileges and a trigger).
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from pathlib import Path

import pytest
from database_fixtures import add_people, lift_audit_protection, password_file
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from app.db import audit, audit_anchor
from app.db.engine import Database
from app.db.models import AuditEntry, DatabaseIdentity
from app.db.opening import open_database
from app.exports.export import export_database
from app.exports.visit_report_data import gather_visit_report
from app.reports.documents import KINDS, write_pdf

sys.path.insert(0, str(Path(__file__).parents[1] / "reports"))
from pdf_text import pdf_text  # noqa: E402

# ------------------------------------------------------------------ append-only table


def test_sqlite_refuses_to_change_or_delete_audit_entries(sqlite_database: Database):
    add_people(sqlite_database)
    path = sqlite_database.file_path
    connection = sqlite3.connect(path)
    try:
        for statement in ("UPDATE audit_entry SET user_name = 'nobody' WHERE id = 1",
                          "DELETE FROM audit_entry WHERE id = (SELECT MAX(id) FROM audit_entry)"):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                connection.execute(statement)
        connection.execute("INSERT INTO audit_entry (id, occurred_at, user_name, action, "
                           "entity, prev_hash, entry_hash) VALUES (9999, '2025-01-01', 'x', "
                           "'x', 'x', 'x', 'x')")  # appending is what the table is for
        connection.rollback()
    finally:
        connection.close()


def test_the_refusal_survives_encryption_and_backups(sqlite_path: Path, tmp_path: Path):
    from database_fixtures import TEST_FIXTURE_TASK

    from app.db import backup, encryption, encryption_setup

    database = open_database(sqlite_path)
    add_people(database)
    database.dispose()
    encryption_setup.encrypt_database(sqlite_path, "a long database passphrase",
                                      actor=TEST_FIXTURE_TASK)
    copy = backup.backup_database(sqlite_path, tmp_path / "copy.sqlite3",
                                  db_passphrase="a long database passphrase",
                                  actor=TEST_FIXTURE_TASK)
    for path in (sqlite_path, copy):
        connection = encryption.connect(path, "a long database passphrase")
        try:
            with pytest.raises(encryption.database_errors(), match="append-only"):
                connection.execute("DELETE FROM audit_entry")
        finally:
            connection.close()


@pytest.mark.postgres
def test_the_server_refuses_update_delete_and_truncate_of_the_trail(database: Database,
                                                                   people):
    for statement in ("UPDATE audit_entry SET user_name = 'nobody'",
                      "DELETE FROM audit_entry", "TRUNCATE audit_entry"):
        with pytest.raises(DBAPIError) as refused, database.session() as session:
            session.execute(text(statement))
        assert "append-only" in str(refused.value) or "permission denied" in str(refused.value)
    with database.reading() as session:
        privileges = session.execute(text(
            "SELECT privilege_type FROM information_schema.role_table_grants "
            "WHERE table_name = 'audit_entry' AND grantee IN (current_user, 'PUBLIC')")).all()
    assert {p[0] for p in privileges}.isdisjoint({"UPDATE", "DELETE", "TRUNCATE"})
    with database.reading() as session:
        assert audit.verify_chain(session) == (True, None)


# ---------------------------------------------------------------- anchors by database id


def _cut_the_last_entry(database: Database) -> int:
    with database.session() as session:
        last = audit.head(session)[0]
        lift_audit_protection(session)
        session.execute(text("DELETE FROM audit_entry WHERE id = :i"), {"i": last})
    return last


def test_the_anchor_follows_the_database_through_a_hard_link(sqlite_database: Database, cli,
                                                            tmp_path: Path):
    add_people(sqlite_database)
    assert audit_anchor.check_and_remember(sqlite_database) is None  # the start-up check
    path = sqlite_database.file_path
    cut = _cut_the_last_entry(sqlite_database)
    sqlite_database.dispose()
    other = tmp_path / "elsewhere" / "same-database.sqlite3"
    other.parent.mkdir()
    os.link(path, other)  # the same file under another name: an anchor by path missed it
    code, out, _err = cli("audit", "verify", "--db", other, "--user", "admin",
                          "--password-file", password_file(tmp_path))
    assert code == 1
    assert f"BROKEN: The audit trail has been cut short: this computer saw entry {cut}" in out


def test_changing_the_database_id_in_the_file_is_detected(sqlite_database: Database):
    add_people(sqlite_database)
    with sqlite_database.session() as session:
        session.execute(text("UPDATE database_identity SET database_id = "
                             "'00000000-0000-0000-0000-000000000000'"))
    message = audit_anchor.check_and_remember(sqlite_database)
    assert message is not None and "id was changed outside jdm-ctp" in message


def test_a_different_database_put_in_place_of_a_known_one_is_reported(tmp_path: Path):
    first = open_database(tmp_path / "clinic.sqlite3")
    add_people(first)
    assert audit_anchor.check_and_remember(first) is None
    label = first.display_name
    first.dispose()
    (tmp_path / "clinic.sqlite3").unlink()
    second = open_database(tmp_path / "clinic.sqlite3")  # a new database at the same path
    try:
        add_people(second)
        with second.reading() as session:
            message = audit_anchor.check_head(session, label)
    finally:
        second.dispose()
    assert message is not None and "not the one this computer last saw there" in message


def test_the_id_is_recorded_in_the_trail(database: Database):
    with database.reading() as session:
        stored = session.scalar(select(DatabaseIdentity.database_id))
        first = session.execute(select(AuditEntry.__table__).order_by(AuditEntry.id)).first()
    assert first.action == "database_identity" and first.entity_id == stored
    assert json.loads(first.new_value)["database_id"] == stored


# ------------------------------------------------------------- the head, held elsewhere


def test_every_pdf_carries_the_head_of_the_trail(clinic, people, tmp_path: Path):
    clinic.actor = people["nurse"]
    with clinic.reading() as session:
        head = audit.head(session)
        report = gather_visit_report(session, "JDM-001", "baseline")
    for kind in KINDS:
        text_of = " ".join(pdf_text(write_pdf(report, kind, tmp_path / f"{kind}.pdf",
                                              "a4")).split())
        assert f"Audit trail head: entry {head[0]}, SHA-256 {head[1]}" in text_of, kind


def test_the_audit_trail_pdf_carries_the_head_too(tmp_path: Path):
    from datetime import UTC, datetime

    from app.reports.audit_pdf import write_audit_pdf
    from app.reports.pdf_common import audit_head_text

    written = write_audit_pdf(["When"], [["today"]], tmp_path / "trail.pdf", title="Audit",
                              scope="all", printed=datetime(2025, 1, 1, tzinfo=UTC),
                              audit_head=audit_head_text(7, "ab" * 32))
    assert f"entry 7, SHA-256 {'ab' * 32}" in " ".join(pdf_text(written).split())


def test_every_export_manifest_carries_the_head_of_the_trail(clinic, people, tmp_path: Path):
    clinic.actor = people["coord"]
    for fmt in ("redcap", "wide"):
        result = export_database(clinic, tmp_path / fmt, fmt=fmt)
        manifest = json.loads((tmp_path / fmt / "manifest.json").read_text(encoding="utf-8"))
        with clinic.reading() as session:
            head = audit.head(session)
            (entry,) = session.execute(select(AuditEntry.action, AuditEntry.entity_id).where(
                AuditEntry.id == head[0])).all()
        assert manifest["audit_trail_head"] == {"entry_id": head[0], "entry_hash": head[1]}
        assert tuple(entry) == ("export", "deidentified")  # the export's own entry
        assert result.manifest == manifest


def test_an_older_database_gets_its_id_and_keeps_a_valid_chain(tmp_path: Path):
    """Upgrading from 0003: the identity entry extends the existing chain, and rows that
    were there before are counted as written before values were recorded."""
    from alembic import command

    from app.db.engine import resolve_database_url
    from app.db.migrate import alembic_config
    from app.db.record_states import check_states

    path = tmp_path / "old.sqlite3"
    url = resolve_database_url(path)
    command.upgrade(alembic_config(url), "0003")
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("INSERT INTO patient (id, study_id, sex, site, created_at, "
                           "updated_at, version_id) VALUES (1, 'OLD-1', 'male', '', "
                           "'2024-01-01 00:00:00', '2024-01-01 00:00:00', 1)")
    connection.close()
    database = open_database(path)
    try:
        with database.reading() as session:
            assert audit.verify_chain(session) == (True, None)
            recorded = json.loads(session.scalar(select(AuditEntry.new_value).where(
                AuditEntry.action == "database_identity")))
            check = check_states(session)
    finally:
        database.dispose()
    assert recorded["values_covered_from"]["patient"] == 2
    assert check.not_covered == 1 and check.divergences == []
