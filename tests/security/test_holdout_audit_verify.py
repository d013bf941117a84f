"""The independent tester's check for issue 14: tamper, then run ``jdm-ctp audit verify``.

A clinic database as the application leaves it (accounts, two patients, a visit signed
by the clinician, the start-up check run so this computer holds an anchor), then one
kind of tampering per test, done the way someone with the file would do it, with
sqlite3 and nothing of jdm-ctp. Each must end in exit 1 and a clear "BROKEN:" line.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from database_fixtures import STAFF_PASSWORD, add_people, password_file
from sqlalchemy import select

from app.cli import main
from app.db import audit_anchor, signatures
from app.db.engine import Database
from app.db.models import Visit


@pytest.fixture
def clinic_file(sqlite_database: Database) -> Path:
    from clinic_data import fill_clinic

    people = add_people(sqlite_database)
    fill_clinic(sqlite_database)
    with sqlite_database.reading() as session:
        baseline = session.scalar(select(Visit.id).where(Visit.visit_code == "baseline"))
    sqlite_database.actor = people["doc"]
    signatures.sign_visit_committing(sqlite_database, people["doc"], baseline, STAFF_PASSWORD)
    assert audit_anchor.check_and_remember(sqlite_database) is None  # as at start-up
    path = sqlite_database.file_path
    sqlite_database.dispose()
    return path


def _verify(path: Path, tmp_path: Path, capsys) -> tuple[int, str]:  # noqa: ANN001
    code = main(["audit", "verify", "--db", str(path), "--user", "admin",
                 "--password-file", str(password_file(tmp_path))])
    out, err = capsys.readouterr()
    return code, out + err


def _by_hand(path: Path, *statements: str) -> None:
    """What a person with the file does: the triggers go first, then the edit."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("DROP TRIGGER IF EXISTS audit_entry_no_update")
        connection.execute("DROP TRIGGER IF EXISTS audit_entry_no_delete")
        for statement in statements:
            connection.execute(statement)
        connection.commit()
    finally:
        connection.close()


def test_the_untouched_file_verifies(clinic_file, tmp_path, capsys):
    code, out = _verify(clinic_file, tmp_path, capsys)
    assert code == 0, out
    assert "1 signed visit: every signature valid." in out


def test_a_changed_audit_row(clinic_file, tmp_path, capsys):
    _by_hand(clinic_file, "UPDATE audit_entry SET new_value = 'administrator' "
                          "WHERE id = (SELECT MIN(id) FROM audit_entry "
                          "WHERE action = 'create_user' AND entity_id = 'nurse')")
    code, out = _verify(clinic_file, tmp_path, capsys)
    assert code == 1
    assert out.startswith("BROKEN: The audit trail has been altered: entry ")


def test_a_changed_clinical_value(clinic_file, tmp_path, capsys):
    _by_hand(clinic_file, "UPDATE instrument_value SET value_num = 1 WHERE item = 'cmas_1' "
                          "AND visit_id = (SELECT id FROM visit WHERE visit_code = 'month_6')")
    code, out = _verify(clinic_file, tmp_path, capsys)
    assert code == 1
    assert "BROKEN: the data does not match the audit trail: instrument_value of visit" in out
    assert "field cmas/cmas_1: its value differs from the last value the audit trail " \
           "recorded (changed outside jdm-ctp)" in out


def test_a_changed_signed_visit(clinic_file, tmp_path, capsys):
    _by_hand(clinic_file, "UPDATE instrument_value SET value_num = 0 WHERE instrument = 'cmas' "
                          "AND visit_id = (SELECT id FROM visit WHERE status = 'signed')")
    code, out = _verify(clinic_file, tmp_path, capsys)
    assert code == 1
    assert "(Baseline): content changed after signing" in out


def test_entries_cut_from_the_end_against_the_anchor(clinic_file, tmp_path, capsys):
    _by_hand(clinic_file, "DELETE FROM audit_entry WHERE id > (SELECT MAX(id) - 3 "
                          "FROM audit_entry)")
    code, out = _verify(clinic_file, tmp_path, capsys)
    assert code == 1
    assert "BROKEN: The audit trail has been cut short: this computer saw entry" in out


def test_a_tampered_anchor(clinic_file, tmp_path, capsys, private_home):
    anchors = private_home / "data" / audit_anchor.ANCHOR_FILE
    if not anchors.exists():  # the data folder's exact place is the platform's
        anchors = next(private_home.rglob(audit_anchor.ANCHOR_FILE))
    content = json.loads(anchors.read_text(encoding="utf-8"))
    (record,) = content["databases"].values()
    record["anchor"]["entry_hash"] = "0" * 64
    anchors.write_text(json.dumps(content), encoding="utf-8")
    code, out = _verify(clinic_file, tmp_path, capsys)
    assert code == 1
    assert "BROKEN: The audit trail has been rewritten: entry " in out
