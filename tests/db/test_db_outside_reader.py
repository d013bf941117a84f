"""Saves are never lost because something in the application's process looked at its file.

POSIX file locks belong to the process: one close() of any descriptor of the database file
inside the application (a header read with open(), or SQLCipher's copy of SQLite opening
a plain file) drops every lock SQLite holds on it. The next program that opens and closes
the file (`jdm-ctp export`, `audit verify`, any SQLite tool) then checkpoints and deletes
the -wal file under the application, whose later commits say "saved" and vanish.

These tests run every in-process path that touches the file while it is open
(tests/db/outside_reader_steps.py), then attack: an outside process opens and closes the
file, the application saves, and is killed with SIGKILL. Every acknowledged save must be
in the file. They always use SQLite files (the subject is SQLite's locking), plain and
SQLCipher-encrypted.
"""

from __future__ import annotations

import os
import select
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from outside_reader_steps import STEPS

from app.db import database_file, encryption
from app.db.opening import open_database
from app.db.patients import PatientInput, create_patient

PASSPHRASE = "outside reader passphrase"
CHILD = Path(__file__).with_name("outside_reader_child.py")
REPO_ROOT = Path(__file__).resolve().parents[2]
READ_TIMEOUT_S = 60.0

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="reads /proc/locks and uses SIGKILL")

# An outside program reading the file and closing it: the last close of a WAL database
# checkpoints and deletes the -wal file if it can take the exclusive lock.
_OUTSIDE_READER = """
import sys
path, key = sys.argv[1], sys.argv[2]
if key:
    import sqlcipher3.dbapi2 as sqlite
else:
    import sqlite3 as sqlite
c = sqlite.connect(path)
if key:
    c.execute("PRAGMA key = '" + key.replace("'", "''") + "'")
ids = [r[0] for r in c.execute("SELECT study_id FROM patient ORDER BY id")]
c.close()
print("\\n".join(ids))
"""


def outside_read(path: Path, passphrase: str | None) -> list[str]:
    """Open the file in another process, list the patients, close it."""
    done = subprocess.run(
        [sys.executable, "-c", _OUTSIDE_READER, str(path), passphrase or ""],
        capture_output=True, text=True, timeout=60, check=True,
    )
    return [line for line in done.stdout.splitlines() if line]


def locks_held_here(path: Path) -> int:
    """How many POSIX locks this process holds on the file (Linux /proc/locks)."""
    inode = os.stat(path).st_ino
    pid = str(os.getpid())
    count = 0
    for line in Path("/proc/locks").read_text().splitlines():
        fields = line.split()
        # "1: POSIX  ADVISORY  READ 1234 fd:01:5678 128 128" (a "->" marks waiters)
        if "->" in fields:
            continue
        if len(fields) >= 6 and fields[4] == pid and fields[5].split(":")[-1] == str(inode):
            count += 1
    return count


def _add(database, study_id: str) -> None:
    with database.session() as session:
        create_patient(
            session,
            PatientInput(study_id=study_id, given_name="Lock", family_name="Test",
                         date_of_birth=date(2015, 1, 1), sex="male", mrn=study_id,
                         site="lock test"),
            user="test",
        )


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
@pytest.mark.parametrize("step", list(STEPS))
def test_the_application_keeps_its_locks_through_every_path(tmp_path, step, encrypted):
    path = tmp_path / "clinic.sqlite3"
    passphrase = PASSPHRASE if encrypted else None
    database = open_database(path, passphrase)
    try:
        _add(database, "BEFORE")
        assert locks_held_here(path) > 0, "an open WAL database holds a shared lock"
        STEPS[step](database, path)
        assert locks_held_here(path) > 0, f"{step!r} released SQLite's locks on the file"
        # The attack: another program opens and closes the file, then we save.
        assert outside_read(path, passphrase) == ["BEFORE"]
        _add(database, "AFTER")
        assert Path(f"{path}-wal").exists(), "the -wal file was deleted under the app"
        assert outside_read(path, passphrase) == ["BEFORE", "AFTER"]
    finally:
        database.dispose()


class Child:
    """outside_reader_child.py, read line by line."""

    def __init__(self, path: Path, passphrase: str | None, steps: list[str]) -> None:
        env = dict(os.environ, PYTHONPATH=str(REPO_ROOT),
                   JDM_CTP_TEST_PASSPHRASE=passphrase or "")
        self.process = subprocess.Popen(
            [sys.executable, str(CHILD), str(path), *steps],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, cwd=REPO_ROOT,
        )
        assert self.process.stdout is not None
        self._fd = self.process.stdout.fileno()
        self._buffer = b""

    def read_line(self) -> str:
        deadline = time.monotonic() + READ_TIMEOUT_S
        while b"\n" not in self._buffer:
            remaining = deadline - time.monotonic()
            ready, _, _ = select.select([self._fd], [], [], max(remaining, 0))
            if not ready:
                raise AssertionError("the application process stopped answering")
            chunk = os.read(self._fd, 4096)
            if not chunk:
                raise AssertionError(f"the application process exited ({self.process.wait()})")
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        return line.decode()

    def send(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write((line + "\n").encode())
        self.process.stdin.flush()


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_no_acknowledged_save_is_lost_after_outside_readers_and_kill_9(tmp_path, encrypted):
    path = tmp_path / "clinic.sqlite3"
    passphrase = PASSPHRASE if encrypted else None
    steps = list(STEPS)
    child = Child(path, passphrase, steps)
    acknowledged = []
    try:
        line = child.read_line()
        assert line == "saved FIRST", line
        acknowledged.append("FIRST")
        for step in steps:
            assert child.read_line() == f"step {step}"
            outside_read(path, passphrase)
            child.send("go on")
            line = child.read_line()
            assert line == f"saved AFTER-{step}", line
            acknowledged.append(f"AFTER-{step}")
        assert child.read_line() == "done"
    finally:
        child.process.send_signal(signal.SIGKILL)
        child.process.wait()
    present = outside_read(path, passphrase)
    missing = [study_id for study_id in acknowledged if study_id not in present]
    assert missing == [], f"acknowledged saves lost, the first after: {missing[:1]}"
    if not encrypted:
        check = sqlite3.connect(path)
        try:
            assert check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        finally:
            check.close()


# ------------------------------------------------------ the record of open files


def test_a_file_open_through_one_sqlite_library_is_refused_to_the_other(tmp_path):
    path = tmp_path / "clinic.sqlite3"
    database = open_database(path)
    try:
        _add(database, "P1")
        with pytest.raises(database_file.OtherLibraryOpenError, match="sqlite3"):
            encryption.connect(path, "")  # SQLCipher's SQLite, plain file
        assert locks_held_here(path) > 0
    finally:
        database.dispose()
    # Once the application's connections are closed, the other library may open it.
    encryption.connect(path, "").close()


def test_the_header_is_read_from_the_record_while_the_file_is_open(tmp_path, monkeypatch):
    path = tmp_path / "clinic.sqlite3"
    database = open_database(path)
    try:
        _add(database, "P1")
        assert database_file.open_here(path)

        def no_open(*_args, **_kwargs):
            raise AssertionError("the file was opened with open() while SQLite had it open")

        monkeypatch.setattr(Path, "open", no_open)
        assert database_file.has_plain_header(path)
        assert database_file.read_head(path, 6) == b"SQLite"
        monkeypatch.undo()
    finally:
        database.dispose()
    assert not database_file.open_here(path)
    assert database_file.has_plain_header(path)


def test_a_new_encrypted_file_reads_as_encrypted_while_open(tmp_path):
    path = tmp_path / "new.sqlite3"
    database = open_database(path, PASSPHRASE)
    try:
        _add(database, "P1")
        assert not database_file.has_plain_header(path)
        assert encryption.looks_encrypted(path)
    finally:
        database.dispose()
    assert not database_file.has_plain_header(path)


def test_copying_the_bytes_of_a_file_open_here_is_refused(tmp_path):
    path = tmp_path / "clinic.sqlite3"
    database = open_database(path)
    try:
        _add(database, "P1")
        with pytest.raises(database_file.FileOpenHereError, match="open in this program"):
            database_file.fsync_file(path)
        assert locks_held_here(path) > 0
    finally:
        database.dispose()
