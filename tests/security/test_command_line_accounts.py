"""Issue 14, item 1: the command line asks for an account, and the services check it.

Attacked as the issue found it: ``export --profile identified --confirm-identified
--user drsmith`` ran with no password and credited "drsmith"; backup, pdf, restore and
db decrypt asked for no account at all. Every command that reads or changes clinical
data now signs a user of the database in (name + password from a terminal prompt or
``--password-file``) and the *service* checks that account's role; a missing actor is
refused by the services themselves. Exempt: dose, protocols, --version, --self-test and
demo-data on a new file.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from database_fixtures import STAFF_PASSWORD, add_people, db_argument, password_file
from sqlalchemy import select

from app.db import backup, patients, users
from app.db.engine import Database
from app.db.models import AuditEntry, Patient
from app.db.opening import open_database
from app.domain.permissions import NotSignedIn
from app.exports.export import export_database


def _entries(database: Database, action: str) -> list:
    """The entries of one action, as plain rows (usable after the session ends)."""
    with database.reading() as session:
        return list(session.execute(select(AuditEntry.__table__)
                                    .where(AuditEntry.action == action)
                                    .order_by(AuditEntry.id)))


def _export_folder(clinic: Database, people, tmp_path: Path) -> Path:
    clinic.actor = people["coord"]
    folder = tmp_path / "to-import"
    export_database(clinic, folder, profile="identified", user="coord")
    clinic.actor = None
    return folder


def _commands(clinic: Database, people, tmp_path: Path) -> dict[str, list[object]]:
    return {
        "export": ["export", "--out", tmp_path / "out"],
        "identified export": ["export", "--out", tmp_path / "out", "--profile", "identified",
                              "--confirm-identified"],
        "pdf": ["pdf", "--patient", "JDM-001", "--visit", "baseline", "--out",
                tmp_path / "visit.pdf"],
        "import": ["import", _export_folder(clinic, people, tmp_path)],
        "audit verify": ["audit", "verify"],
        "cohort": ["cohort", "--out", tmp_path / "out"],
    }


def _one_line(err: str) -> str:
    assert err.startswith("jdm-ctp: ") and err.count("\n") == 1, err
    return err


def test_every_clinical_command_refuses_to_run_without_an_account(clinic, people, cli,
                                                                  tmp_path):
    commands = _commands(clinic, people, tmp_path)
    for name, argv in commands.items():
        code, out, err = cli(*argv, "--db", db_argument(clinic))
        assert code == 1, name
        assert "needs a jdm-ctp account" in _one_line(err), name
        assert "--password-file" in err
    assert not (tmp_path / "out").exists() and not (tmp_path / "visit.pdf").exists()


def test_a_user_name_alone_is_not_an_account(clinic, people, cli, tmp_path):
    # The exact command: --user names someone, no password is given.
    code, _out, err = cli("export", "--db", db_argument(clinic), "--out", tmp_path / "out",
                          "--profile", "identified", "--confirm-identified", "--user", "drsmith")
    assert code == 1 and "needs the password of drsmith" in _one_line(err)
    # With a password, an account that does not exist is refused like a wrong password.
    code, _out, err = cli("export", "--db", db_argument(clinic), "--out", tmp_path / "out",
                          "--user", "drsmith", "--password-file", password_file(tmp_path))
    assert code == 1 and "user name or password is not correct" in _one_line(err)
    assert not (tmp_path / "out").exists()
    assert _entries(clinic, "export") == []


def test_a_password_is_never_taken_from_the_command_line(clinic, people, cli, tmp_path):
    code, _out, err = cli("export", "--db", db_argument(clinic), "--out", tmp_path / "out",
                          "--user", "coord", "--password", STAFF_PASSWORD)
    assert code == 2 and "unrecognized arguments" in err


def test_a_password_file_other_users_can_read_is_refused(clinic, people, cli, tmp_path):
    readable = password_file(tmp_path)
    readable.chmod(0o644)
    code, _out, err = cli("export", "--db", db_argument(clinic), "--out", tmp_path / "out",
                          "--user", "coord", "--password-file", readable)
    assert code == 1 and "chmod 600" in _one_line(err)


@pytest.mark.parametrize(("command", "who", "allowed"), [
    ("export", "nurse", False),              # data entry: no export at all
    ("export", "doc", True),                 # clinician: de-identified
    ("identified export", "doc", False),     # ... but not identified
    ("identified export", "admin", False),   # administrators do not export identified data
    ("identified export", "coord", True),
    ("import", "nurse", False),              # item 2: coordinators and administrators only
    ("import", "doc", False),
    ("import", "coord", True),
    ("pdf", "nurse", True),                  # everyone may view data
    ("cohort", "nurse", True),               # aggregate outcomes: view data
    ("audit verify", "nurse", False),        # the trail is identified data: view_audit
    ("audit verify", "doc", True),
])
def test_each_command_passes_the_same_permission_check_as_the_gui(
        clinic, people, cli, tmp_path, secret, command, who, allowed):
    argv = _commands(clinic, people, tmp_path)[command]
    code, out, err = cli(*argv, "--db", db_argument(clinic), "--user", who,
                         "--password-file", secret)
    if allowed:
        assert code == 0, err
        return
    assert code == 1
    assert "may not" in _one_line(err) and who.title() in err
    assert not (tmp_path / "out").exists()


def test_an_export_is_credited_to_the_account_that_signed_in(clinic, people, cli, tmp_path,
                                                             secret):
    code, _out, err = cli("export", "--db", db_argument(clinic), "--out", tmp_path / "out",
                          "--profile", "identified", "--confirm-identified",
                          "--user", "coord", "--password-file", secret)
    assert code == 0, err
    (export,) = _entries(clinic, "export")
    assert export.user_name == "coord" and export.entity_id == "identified"
    # The sign-in itself is audited, naming the command.
    logins = [e for e in _entries(clinic, "login") if e.user_name == "coord"]
    assert logins and logins[-1].reason == "command line: jdm-ctp export"


def test_a_wrong_password_on_the_command_line_counts_towards_the_lockout(clinic, people, cli,
                                                                        tmp_path):
    wrong = password_file(tmp_path, "not the password", name="wrong")
    code, _out, err = cli("export", "--db", db_argument(clinic), "--out", tmp_path / "out",
                          "--user", "coord", "--password-file", wrong)
    assert code == 1 and "not correct" in err
    with clinic.reading() as session:
        assert users.list_users(session)[1].user_name == "coord"
        assert {u.user_name: u.failed_logins for u in users.list_users(session)}["coord"] == 1


# ------------------------------------------------------------- file-level commands


@pytest.fixture
def clinic_file(sqlite_database: Database) -> Database:
    """Backups, restores and encryption work on SQLite files: always a file here."""
    from clinic_data import fill_clinic

    add_people(sqlite_database)
    fill_clinic(sqlite_database)
    return sqlite_database


def test_backup_needs_a_coordinator_or_administrator(clinic_file, cli, tmp_path, secret):
    db = str(clinic_file.file_path)
    code, _out, err = cli("backup", "--db", db, "--out", tmp_path / "b.sqlite3")
    assert code == 1 and "needs a jdm-ctp account" in err
    code, _out, err = cli("backup", "--db", db, "--out", tmp_path / "b.sqlite3",
                          "--user", "nurse", "--password-file", secret)
    assert code == 1 and "may not back up the database" in _one_line(err)
    assert not (tmp_path / "b.sqlite3").exists()
    code, _out, err = cli("backup", "--db", db, "--out", tmp_path / "b.sqlite3",
                          "--user", "coord", "--password-file", secret)
    assert code == 0, err and (tmp_path / "b.sqlite3").is_file()


def test_restore_needs_an_administrator_and_is_audited(clinic_file, cli, tmp_path, secret):
    db = clinic_file.file_path
    clinic_file.dispose()
    assert cli("backup", "--db", db, "--out", tmp_path / "b.sqlite3", "--user", "coord",
               "--password-file", secret)[0] == 0
    for who in ("coord", "doc", "nurse"):
        code, _out, err = cli("restore", "--db", db, tmp_path / "b.sqlite3", "--user", who,
                              "--password-file", secret)
        assert code == 1 and "may not restore the database" in _one_line(err), who
    code, out, err = cli("restore", "--db", db, tmp_path / "b.sqlite3", "--user", "admin",
                         "--password-file", secret)
    assert code == 0, err
    restored = open_database(db)
    try:
        (entry,) = _entries(restored, "restore")
        assert entry.user_name == "admin"
        recorded = json.loads(entry.new_value)
        assert recorded["backup"].endswith("b.sqlite3") and len(recorded["backup_sha256"]) == 64
        assert recorded["replaced_copy"] and recorded["replaced_trail_ended_at"]["entry_id"] > 0
    finally:
        restored.dispose()


def test_restore_onto_a_lost_database_checks_the_administrator_in_the_backup(
        clinic_file, cli, tmp_path, secret):
    db = clinic_file.file_path
    clinic_file.dispose()
    assert cli("backup", "--db", db, "--out", tmp_path / "b.sqlite3", "--user", "coord",
               "--password-file", secret)[0] == 0
    db.unlink()  # the disaster a restore is for: there is no database to sign in to
    code, _out, err = cli("restore", "--db", db, tmp_path / "b.sqlite3", "--user", "coord",
                          "--password-file", secret)
    assert code == 1 and "may not restore" in err and not db.exists()
    code, _out, err = cli("restore", "--db", db, tmp_path / "b.sqlite3", "--user", "admin",
                          "--password-file", password_file(tmp_path, "wrong password!", "w"))
    assert code == 1 and "not correct" in err and not db.exists()
    code, _out, err = cli("restore", "--db", db, tmp_path / "b.sqlite3", "--user", "admin",
                          "--password-file", secret)
    assert code == 0, err


def test_db_decrypt_needs_an_administrator_and_is_audited(sqlite_path, cli, tmp_path, secret):
    key = password_file(tmp_path, "a long database passphrase", name="key")
    database = open_database(sqlite_path, "a long database passphrase")
    add_people(database)
    database.dispose()
    base = ["--db", sqlite_path, "--db-passphrase-file", key]
    code, _out, err = cli("db", "decrypt", *base)
    assert code == 1 and "needs a jdm-ctp account" in err
    code, _out, err = cli("db", "decrypt", *base, "--user", "coord", "--password-file", secret)
    assert code == 1 and "may not encrypt, decrypt or re-key the database" in _one_line(err)
    code, _out, err = cli("db", "decrypt", *base, "--user", "admin", "--password-file", secret)
    assert code == 0, err
    plain = open_database(sqlite_path)
    try:
        (entry,) = _entries(plain, "database_decrypted")
        assert entry.user_name == "admin"
    finally:
        plain.dispose()


# ---------------------------------------------------------------- what is exempt


def test_commands_that_touch_no_patient_data_need_no_account(cli, tmp_path):
    assert cli("dose", "--protocol", "persistent-skin-rash", "--arm", "A",
               "--weight-kg", "20")[0] == 0
    assert cli("protocols")[0] == 0
    code, out, _err = cli("demo-data", "--db", tmp_path / "new.sqlite3", "--patients", "2")
    assert code == 0 and "Added 2 synthetic patients" in out
    assert cli("--version")[0] == 0


def test_demo_data_into_an_existing_clinic_database_needs_an_account(clinic_file, cli,
                                                                     secret):
    db = clinic_file.file_path
    code, _out, err = cli("demo-data", "--db", db, "--patients", "2")
    assert code == 1 and "needs a jdm-ctp account" in err
    with clinic_file.reading() as session:
        assert session.scalar(select(Patient.id).where(Patient.study_id.like("DEMO-%"))) is None
    code, _out, err = cli("demo-data", "--db", db, "--patients", "2", "--user", "nurse",
                          "--password-file", secret)
    assert code == 0, err
    (entry,) = [e for e in _entries(clinic_file, "create") if e.entity == "demo_data"]
    assert entry.user_name == "nurse"


# ------------------------------------------------------------ the services themselves


SERVICES = {
    "add a patient": lambda db: _in_session(db, lambda s: patients.create_patient(
        s, patients.PatientInput("JDM-900", "Ada", "Byron", date(2014, 1, 1), "female"),
        user="someone")),
    "export": lambda db: export_database(db, Path(db.url.split("///")[-1]).parent / "x",
                                         user="someone"),
    "back up": lambda db: backup.backup_database(db.file_path, db.file_path.with_name("b"),
                                                 actor=db.actor),
}


def _in_session(database: Database, work) -> None:  # noqa: ANN001
    with database.session() as session:
        work(session)


@pytest.mark.parametrize("service", SERVICES)
def test_a_service_refuses_when_nobody_is_signed_in(clinic_file, service):
    # No actor is "the machine's owner" any more: nobody signed in may do nothing gated.
    assert clinic_file.actor is None
    with pytest.raises(NotSignedIn, match="Nobody is signed in"):
        SERVICES[service](clinic_file)
    with clinic_file.reading() as session:
        assert session.scalar(select(Patient.id).where(Patient.study_id == "JDM-900")) is None
