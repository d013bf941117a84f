"""Commands refuse what they cannot do safely: one plain line on stderr, exit 1, and the
database and the output folder exactly as they were.

Attacked with real files: a folder, a named pipe, a mistyped path and an empty file as
``--db``; damaged copies of a real database (tests/damaged_files.py); a database SQLite
can only open read-only; a disk that fills up while an export or a PDF is written
(ENOSPC where the bytes are written, and a real kernel refusal through RLIMIT_FSIZE).
"""

from __future__ import annotations

import os
import resource
import signal
import sqlite3
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from damaged_files import (
    DAMAGES,
    audit_count,
    build_demo_database,
    copy_database,
    damaged_copy,
    sha256,
)
from database_fixtures import add_people, password_file
from full_disk import FillingDisk

from app.cli import main

READING_COMMANDS = {
    "export": lambda tmp: ["export", "--out", str(tmp / "out")],
    "pdf": lambda tmp: ["pdf", "--patient", "DEMO-00001", "--visit", "baseline",
                        "--out", str(tmp / "out.pdf")],
    "audit verify": lambda tmp: ["audit", "verify"],
    "backup": lambda tmp: ["backup", "--out", str(tmp / "out.sqlite3")],
    "import": lambda tmp: ["import", str(tmp)],
    "cohort": lambda tmp: ["cohort", "--out", str(tmp / "out")],
}
OUTPUTS = ("out", "out.pdf", "out.sqlite3")


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    return build_demo_database(tmp_path_factory.mktemp("template") / "clinic.sqlite3")


@pytest.fixture
def clinic(template, tmp_path) -> Path:
    """A copy of the demo database in this test's folder."""
    folder = tmp_path / "db"
    folder.mkdir()
    return copy_database(template, folder / "clinic.sqlite3")


# Who runs each command (issue 14): a coordinator, an administrator where only one may.
_ACCOUNT_FOR = {"export": "coord", "pdf": "coord", "cohort": "coord", "import": "coord",
                "backup": "coord", "audit": "coord", "demo-data": "coord", "restore": "admin",
                "db": "admin"}
_PASSWORD = password_file(Path(tempfile.mkdtemp(prefix="cli-refusals-")))


def run(capsys, *argv: str) -> tuple[int, str, str]:
    """The command as its user runs it: signed in with the account for that command."""
    argv = list(argv)
    if argv[0] in _ACCOUNT_FOR and argv[:2] != ["db", "upgrade"] and "--user" not in argv:
        argv += ["--user", _ACCOUNT_FOR[argv[0]], "--password-file", str(_PASSWORD)]
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_refusal(code: int, err: str, *phrases: str) -> None:
    assert code == 1, err
    assert err.startswith("jdm-ctp: ") and err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err
    for phrase in phrases:
        assert phrase in err, err


def listing(folder: Path) -> list[str]:
    """What is in a test's folder, without its private data/settings folder."""
    return sorted(p.name for p in folder.iterdir() if p.name != "jdm-home")


def assert_no_output(folder: Path) -> None:
    leftovers = [p.name for p in folder.iterdir()
                 if p.name in OUTPUTS or ".partial-" in p.name]
    assert leftovers == []


# ---------------------------------------------------- no database at the given path


def _folder(path: Path) -> None:
    path.mkdir()
    (path / "letter.txt").write_text("not a database")


def _pipe(path: Path) -> None:
    os.mkfifo(path)


def _empty(path: Path) -> None:
    path.touch()


def _missing(path: Path) -> None:
    pass


def _snapshot(path: Path):
    if path.is_dir():
        return ("folder", sorted(p.name for p in path.iterdir()))
    if path.is_fifo():
        return ("pipe",)
    if path.exists():
        return ("file", path.stat().st_size)
    return ("missing",)


NOT_A_DATABASE = {"folder": (_folder, "it is a folder"),
                  "named pipe": (_pipe, "it is a named pipe"),
                  "mistyped path": (_missing, "there is no such file"),
                  "empty file": (_empty, "the file is empty")}


@pytest.mark.parametrize("command", READING_COMMANDS)
@pytest.mark.parametrize("kind", NOT_A_DATABASE)
def test_a_reading_command_never_makes_a_database_up(capsys, tmp_path, command, kind):
    make, words = NOT_A_DATABASE[kind]
    path = tmp_path / "clinic.sqlite3"
    make(path)
    before = _snapshot(path)
    code, out, err = run(capsys, *READING_COMMANDS[command](tmp_path), "--db", str(path))
    assert_one_line_refusal(code, err, f"no database at {path}", words)
    assert "0 patients" not in out
    assert _snapshot(path) == before
    assert listing(tmp_path) == ([] if kind == "mistyped path" else ["clinic.sqlite3"])


@pytest.mark.parametrize("kind", ["folder", "named pipe"])
@pytest.mark.parametrize("command", [["db", "upgrade"], ["demo-data", "--patients", "2"],
                                     ["db", "encrypt", "--new-passphrase-file", "KEY"]])
def test_commands_that_create_never_replace_a_folder_or_a_pipe(capsys, tmp_path, command,
                                                               kind):
    make, words = NOT_A_DATABASE[kind]
    path = tmp_path / "clinic.sqlite3"
    make(path)
    before = _snapshot(path)
    key = tmp_path / "key.txt"
    key.write_text("violet kestrel over the ward\n", encoding="utf-8")
    argv = [str(key) if part == "KEY" else part for part in command]
    code, _, err = run(capsys, *argv, "--db", str(path))
    assert_one_line_refusal(code, err, f"no database at {path}", words)
    assert _snapshot(path) == before


def test_db_upgrade_still_creates_a_new_database(capsys, tmp_path):
    path = tmp_path / "new.sqlite3"
    code, out, _ = run(capsys, "db", "upgrade", "--db", str(path))
    assert code == 0 and "Created a new database" in out and path.is_file()


def test_import_needs_an_existing_target(capsys, clinic, tmp_path):
    exported = tmp_path / "export"
    code, _, err = run(capsys, "export", "--db", str(clinic), "--out", str(exported),
                       "--profile", "identified", "--confirm-identified")
    assert code == 0, err
    target = tmp_path / "mistyped.sqlite3"
    code, _, err = run(capsys, "import", "--db", str(target), str(exported))
    assert_one_line_refusal(code, err, f"no database at {target}", "db upgrade")
    assert not target.exists()
    # The way to import into a new database: create it first (and its accounts).
    assert run(capsys, "db", "upgrade", "--db", str(target))[0] == 0
    _with_accounts(target)
    code, out, err = run(capsys, "import", "--db", str(target), str(exported))
    assert code == 0, err


# ------------------------------------------------------------------ damaged files


def _with_accounts(path: Path) -> None:
    from app.db.opening import open_database

    database = open_database(path)
    try:
        add_people(database)
    finally:
        database.dispose()


def _automatic_backups(clinic: Path) -> Path:
    """Two automatic backups of the sound file; returns the newer."""
    from app.db.automatic_backups import automatic_backup

    automatic_backup(clinic, now=datetime(2026, 3, 1, 7, 0, tzinfo=UTC))
    return automatic_backup(clinic, now=datetime(2026, 3, 2, 7, 0, tzinfo=UTC))


@pytest.mark.parametrize("damage", DAMAGES, ids=lambda d: d.label)
def test_export_refuses_every_damaged_copy_and_names_the_backup(capsys, template, clinic,
                                                                tmp_path, damage):
    newest = _automatic_backups(clinic)
    damaged_copy(template, clinic, damage)
    before = sha256(clinic)
    code, out, err = run(capsys, "export", "--db", str(clinic), "--out", str(tmp_path / "out"))
    assert_one_line_refusal(code, err)
    if damage.names_backup:
        assert "is damaged" in err
        assert f"jdm-ctp restore --db {clinic} {newest}" in err
    assert out == ""
    assert sha256(clinic) == before  # no audit entry appended, nothing checkpointed
    assert listing(clinic.parent) == ["clinic.sqlite3"]
    assert_no_output(tmp_path)


@pytest.mark.parametrize("command", ["backup", "import", "audit verify", "demo-data"])
def test_other_commands_refuse_a_damaged_database(capsys, template, clinic, tmp_path,
                                                  command):
    newest = _automatic_backups(clinic)
    exported = tmp_path / "export"
    assert run(capsys, "export", "--db", str(clinic), "--out", str(exported), "--profile",
               "identified", "--confirm-identified")[0] == 0
    damaged_copy(template, clinic, DAMAGES[5])  # item values root
    before = sha256(clinic)
    argv = {"backup": ["backup", "--out", str(tmp_path / "out.sqlite3")],
            "import": ["import", str(exported)],
            "audit verify": ["audit", "verify"],
            "demo-data": ["demo-data", "--patients", "2"]}[command]
    code, _, err = run(capsys, *argv, "--db", str(clinic))
    assert_one_line_refusal(code, err, "is damaged", str(newest))
    assert sha256(clinic) == before
    assert_no_output(tmp_path)


def test_pdf_reading_a_damaged_page_names_the_backup(capsys, template, clinic, tmp_path):
    # pdf reads one visit and skips the whole-file check; a damaged page it does need is
    # still one line naming the backup, and no PDF.
    newest = _automatic_backups(clinic)
    damaged_copy(template, clinic, DAMAGES[1])  # the patient table's root
    code, out, err = run(capsys, "pdf", "--db", str(clinic), "--patient", "DEMO-00001",
                         "--visit", "baseline", "--out", str(tmp_path / "out.pdf"))
    assert_one_line_refusal(code, err, "is damaged", f"jdm-ctp restore --db {clinic} {newest}")
    assert out == ""
    assert_no_output(tmp_path)


def test_cohort_reading_a_damaged_page_names_the_backup(capsys, template, clinic, tmp_path):
    # The cohort reads every visit's items and skips the whole-file check, like pdf.
    newest = _automatic_backups(clinic)
    damaged_copy(template, clinic, DAMAGES[5])  # item values root
    before = sha256(clinic)
    code, out, err = run(capsys, "cohort", "--db", str(clinic), "--out", str(tmp_path / "out"))
    assert_one_line_refusal(code, err, "is damaged", f"jdm-ctp restore --db {clinic} {newest}")
    assert out == "" and sha256(clinic) == before
    assert_no_output(tmp_path)


# ------------------------------------------------------------ read-only database


def test_export_refuses_a_read_only_database_before_writing_any_file(capsys, clinic,
                                                                     tmp_path):
    # mode=ro: SQLite opens the file read-only, as on read-only media or without write
    # permission; unlike chmod this also binds the administrator (CI runs as root).
    before, entries = sha256(clinic), audit_count(clinic)
    url = f"sqlite:///file:{clinic}?mode=ro&uri=true"
    code, out, err = run(capsys, "export", "--db", url, "--out", str(tmp_path / "out"))
    assert_one_line_refusal(code, err, "read-only", "Nothing was written")
    assert out == ""
    assert_no_output(tmp_path)
    assert (sha256(clinic), audit_count(clinic)) == (before, entries)


def test_import_refuses_a_read_only_database(capsys, clinic, tmp_path):
    exported = tmp_path / "export"
    assert run(capsys, "export", "--db", str(clinic), "--out", str(exported), "--profile",
               "identified", "--confirm-identified")[0] == 0
    target = tmp_path / "target.sqlite3"
    assert run(capsys, "db", "upgrade", "--db", str(target))[0] == 0
    _with_accounts(target)
    before = audit_count(target)
    code, _, err = run(capsys, "import", "--db", f"sqlite:///file:{target}?mode=ro&uri=true",
                       str(exported))
    assert_one_line_refusal(code, err, "read-only")
    assert audit_count(target) == before


def test_chmod_read_only_export_matches_what_the_file_allows(capsys, clinic, tmp_path):
    # Without write permission (an ordinary user) the export must be refused before any
    # file is written; the administrator can still write, so there it must succeed and be
    # audited. The verdict is compared with what this process can really do.
    folder = clinic.parent
    entries = audit_count(clinic)
    clinic.chmod(0o444)
    folder.chmod(0o555)
    try:
        can_write = os.access(clinic, os.W_OK) and os.access(folder, os.W_OK)
        code, _, err = run(capsys, "export", "--db", str(clinic), "--out",
                           str(tmp_path / "out"))
    finally:
        folder.chmod(0o755)
        clinic.chmod(0o644)
    if can_write:
        assert code == 0, err
        assert audit_count(clinic) == entries + 1
        assert (tmp_path / "out" / "manifest.json").is_file()
    else:
        assert_one_line_refusal(code, err, "read-only")
        assert audit_count(clinic) == entries
        assert_no_output(tmp_path)


# ------------------------------------------------------------------- full disk


def _fill_csv_disk(monkeypatch, room: int) -> FillingDisk:
    import app.reports.csv_safety as csv_safety

    disk = FillingDisk(room)
    monkeypatch.setattr(csv_safety, "open", disk.open, raising=False)
    return disk


@pytest.mark.parametrize("room", [0, 20_000, 120_000], ids=["at once", "in the data file",
                                                             "in the dictionary"])
def test_export_onto_a_full_disk_leaves_nothing(capsys, monkeypatch, clinic, tmp_path, room):
    entries = audit_count(clinic)
    disk = _fill_csv_disk(monkeypatch, room)
    code, out, err = run(capsys, "export", "--db", str(clinic), "--out",
                         str(tmp_path / "exports" / "march"))
    assert disk.failures == 1
    assert_one_line_refusal(code, err, "is full: nothing was written")
    assert out == ""
    assert_no_output(tmp_path)
    assert not (tmp_path / "exports").exists()  # not even the folder it would have made
    assert audit_count(clinic) == entries


def test_export_disk_full_at_the_manifest(capsys, monkeypatch, clinic, tmp_path):
    import errno

    import app.exports.export as export_data

    def manifest_on_full_disk(directory, data):
        (directory / "manifest.json").write_text("{\"applica")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(export_data, "write_manifest", manifest_on_full_disk)
    entries = audit_count(clinic)
    code, _, err = run(capsys, "export", "--db", str(clinic), "--out", str(tmp_path / "out"))
    assert_one_line_refusal(code, err, "is full")
    assert_no_output(tmp_path)
    assert audit_count(clinic) == entries


def test_export_into_an_existing_folder_on_a_full_disk_keeps_the_earlier_export(
        capsys, monkeypatch, clinic, tmp_path):
    out = tmp_path / "out"
    assert run(capsys, "export", "--db", str(clinic), "--out", str(out))[0] == 0
    earlier = {p.name: sha256(p) for p in out.iterdir()}
    entries = audit_count(clinic)
    _fill_csv_disk(monkeypatch, 50_000)
    code, _, err = run(capsys, "export", "--db", str(clinic), "--out", str(out))
    assert_one_line_refusal(code, err, "is full")
    assert {p.name: sha256(p) for p in out.iterdir()} == earlier
    assert audit_count(clinic) == entries


def test_export_whose_audit_entry_fails_takes_its_files_back(capsys, monkeypatch, clinic,
                                                             tmp_path):
    # The database's own disk fills up at the very end: the export is not audited, so it
    # must not be there either.
    from sqlalchemy.exc import OperationalError

    import app.exports.export as export_data

    def record(*args, **kwargs):
        full = sqlite3.OperationalError("database or disk is full")
        full.sqlite_errorcode = 13  # SQLITE_FULL, as the driver sets it
        raise OperationalError("INSERT INTO audit_entry ...", {}, full)

    monkeypatch.setattr(export_data.audit, "record", record)
    code, _, err = run(capsys, "export", "--db", str(clinic), "--out", str(tmp_path / "out"))
    assert_one_line_refusal(code, err, "The disk is full", "run the command again")
    assert_no_output(tmp_path)


@pytest.mark.parametrize("kind", ["summary", "worksheet", "dosing"])
@pytest.mark.parametrize("room", [0, 3000])
def test_pdf_onto_a_full_disk_leaves_no_pdf_and_keeps_an_earlier_one(capsys, monkeypatch,
                                                                     clinic, tmp_path, kind,
                                                                     room):
    import reportlab.pdfbase.pdfdoc as pdfdoc

    target = tmp_path / "out.pdf"
    target.write_bytes(b"%PDF earlier document")
    disk = FillingDisk(room)
    monkeypatch.setattr(pdfdoc, "open", disk.open, raising=False)
    code, out, err = run(capsys, "pdf", "--db", str(clinic), "--patient", "DEMO-00001",
                         "--visit", "baseline", "--kind", kind, "--out", str(target))
    assert disk.failures == 1
    assert_one_line_refusal(code, err, "is full: nothing was written")
    assert target.read_bytes() == b"%PDF earlier document"
    assert listing(tmp_path) == ["db", "out.pdf"]


def _limited(max_bytes: int):
    def limit() -> None:
        # The kernel refuses to grow any file past max_bytes (EFBIG): a write that fails
        # half-way, for real, without a full disk or root.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (max_bytes, max_bytes))
    return limit


def _run_limited(argv: list[str], max_bytes: int, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "JDM_CTP_HOME": str(home), "PYTHONDONTWRITEBYTECODE": "1"}
    argv = [*argv, "--user", "coord", "--password-file", str(_PASSWORD)]
    return subprocess.run([sys.executable, "-m", "app", *argv], capture_output=True,
                          text=True, env=env, preexec_fn=_limited(max_bytes), timeout=300)


def test_export_with_writes_refused_by_the_kernel(clinic, tmp_path, private_home):
    entries = audit_count(clinic)
    # Room for SQLite's 32 KiB shared-memory file; the data file needs more.
    result = _run_limited(["export", "--db", str(clinic), "--out", str(tmp_path / "out")],
                          48 * 1024, private_home)
    assert_one_line_refusal(result.returncode, result.stderr, "nothing was written")
    assert_no_output(tmp_path)
    assert audit_count(clinic) == entries


def test_pdf_with_writes_refused_by_the_kernel(clinic, tmp_path, private_home):
    # The database is open elsewhere (as when the desktop application runs), so SQLite's
    # side files already exist and the first file to grow is the PDF itself.
    other = sqlite3.connect(clinic)
    try:
        other.execute("PRAGMA journal_mode=WAL").fetchall()
        other.execute("SELECT count(*) FROM patient").fetchall()
        target = tmp_path / "out.pdf"
        result = _run_limited(["pdf", "--db", str(clinic), "--patient", "DEMO-00001",
                               "--visit", "baseline", "--out", str(target)], 2048,
                              private_home)
    finally:
        other.close()
    assert_one_line_refusal(result.returncode, result.stderr, str(target),
                            "nothing was written")
    assert listing(tmp_path) == ["db"]


def test_a_database_sqlite_cannot_grow_its_files_for_is_one_line(clinic, tmp_path,
                                                                  private_home):
    # Nobody has the database open: SQLite must create its 32 KiB shared-memory file
    # first, and the kernel refuses (a full disk does the same): no traceback.
    result = _run_limited(["pdf", "--db", str(clinic), "--patient", "DEMO-00001", "--visit",
                           "baseline", "--out", str(tmp_path / "out.pdf")], 2048, private_home)
    assert_one_line_refusal(result.returncode, result.stderr, "disk I/O error",
                            "nothing was saved")
    assert listing(tmp_path) == ["db"]
