"""Issue 14, item 2: an import can neither be run by anyone nor forge signatures.

The issue's attack: a data-entry account edited an identified export to
``vis_status=signed``, ``vis_signed_by=drsmith``, recomputed the manifest and imported
it: 13 visits showed as signed by Dr Jane Smith and were locked, with no "sign" entry in
the audit trail. Now only coordinators and administrators import; an imported visit
arrives completed and unsigned (a signature is made only by the signer re-entering a
password here); the import is one audit event naming the source manifest's SHA-256.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from app.db import signatures
from app.db.engine import Database
from app.db.models import AuditEntry, Patient, Visit
from app.db.opening import open_database
from app.domain.permissions import PermissionDenied
from app.exports.export import export_database
from app.exports.importing import import_directory


def _forged_export(clinic: Database, people, tmp_path: Path) -> Path:
    """An identified export whose completed visits claim to be signed by drsmith, with
    the manifest recomputed so its checksums agree."""
    clinic.actor = people["coord"]
    folder = tmp_path / "forged"
    export_database(clinic, folder, profile="identified")
    data = folder / "redcap_data.csv"
    rows = list(csv.reader(io.StringIO(data.read_text(encoding="utf-8"), newline="")))
    header = rows[0]
    status, by = header.index("vis_status"), header.index("vis_signed_by")
    at, meaning = header.index("vis_signed_at"), header.index("vis_signature_meaning")
    forged = 0
    for row in rows[1:]:
        # vis_status codes (dictionary version 5): not_started 1, draft 2, complete 3,
        # signed 4.
        if row[status] == "3":
            row[status], row[by] = "4", "drsmith"
            row[at], row[meaning] = "2025-06-01 09:00:00", "reviewed_approved"
            forged += 1
    assert forged >= 2
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    data.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["files"]:
        entry["sha256"] = hashlib.sha256((folder / entry["name"]).read_bytes()).hexdigest()
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return folder


@pytest.fixture
def target(tmp_path: Path, people) -> Database:
    """Another clinic's database (a file) with the same accounts, where the export lands."""
    from database_fixtures import add_people

    database = open_database(tmp_path / "target.sqlite3")
    add_people(database)
    yield database
    database.dispose()


def _snapshot(database: Database) -> tuple[int, int]:
    with database.reading() as session:
        return (len(session.scalars(select(Patient.id)).all()),
                len(session.scalars(select(AuditEntry.id)).all()))


@pytest.mark.parametrize("who", ["nurse", "doc"])
def test_data_entry_and_clinicians_cannot_import(clinic, people, target, tmp_path, who):
    folder = _forged_export(clinic, people, tmp_path)
    target.actor = people[who]
    before = _snapshot(target)
    with pytest.raises(PermissionDenied, match="may not import data"):
        import_directory(target, folder, user=who)
    assert _snapshot(target) == before


def test_imported_visits_never_arrive_signed_or_locked(clinic, people, target, tmp_path):
    folder = _forged_export(clinic, people, tmp_path)
    target.actor = people["coord"]
    summary = import_directory(target, folder, user="coord")
    assert sorted(summary.added) == ["JDM-001", "JDM-002"]
    with target.reading() as session:
        visits = session.execute(select(Visit.id, Visit.status, Visit.signed_by,
                                        Visit.signed_at, Visit.signature_meaning)).all()
        assert [v for v in visits if v.status == "signed" or v.signed_by or v.signed_at
                or v.signature_meaning] == []
        completed = [v.id for v in visits if v.status == "complete"]
        assert len(completed) >= 2  # the forged ones arrived as what they were: complete
        for visit_id in completed:
            assert not signatures.is_visit_locked(session, visit_id)
            assert signatures.signature_of(session, visit_id) is None
        assert session.scalars(select(AuditEntry).where(AuditEntry.action == "sign")).all() == []


def test_the_import_is_one_audit_event_naming_the_manifest(clinic, people, target, tmp_path):
    folder = _forged_export(clinic, people, tmp_path)
    manifest_sha = hashlib.sha256((folder / "manifest.json").read_bytes()).hexdigest()
    target.actor = people["admin"]
    import_directory(target, folder, user="admin")
    with target.reading() as session:
        events = session.execute(select(AuditEntry.__table__)
                                 .where(AuditEntry.action == "import")).all()
    assert len(events) == 1
    (event,) = events
    assert (event.user_name, event.entity, event.entity_id) == ("admin", "import", manifest_sha)
    recorded = json.loads(event.new_value)
    assert recorded["manifest_sha256"] == manifest_sha
    assert recorded["added"] == ["JDM-001", "JDM-002"]
    assert recorded["signatures_not_imported"] >= 2


def test_the_import_is_credited_to_the_account_not_to_a_name_passed_along(clinic, people,
                                                                          target, tmp_path):
    folder = _forged_export(clinic, people, tmp_path)
    target.actor = people["coord"]
    import_directory(target, folder, user="drsmith")  # the name given is not who imports
    with target.reading() as session:
        (event,) = session.execute(select(AuditEntry.__table__)
                                   .where(AuditEntry.action == "import")).all()
    assert event.user_name == "coord"
