"""Progress of the long commands: drawn on stderr when stderr is a terminal, never into a
pipe or a file, never with --quiet; and the commands' own output is the same either way."""

from __future__ import annotations

import io
import os
import pty
import select
import subprocess
import sys

import pytest
from database_fixtures import add_people, password_file

from app.cli import main
from app.db.demo import fill_demo_database
from app.db.opening import open_database
from app.domain.permissions import DEMO_DATA_TASK

PATIENTS = 120


class Terminal(io.StringIO):
    """What a person's terminal is to the command: a stream that says it is one."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def clinic(tmp_path, migrated_sqlite_file):
    """A clinic database with PATIENTS demo children and one account per role."""
    path = migrated_sqlite_file(tmp_path / "clinic.sqlite3")
    database = open_database(str(path))
    database.actor = DEMO_DATA_TASK
    fill_demo_database(database, patients=PATIENTS, seed=2)
    add_people(database)
    database.dispose()
    return path


def commands(clinic, tmp_path, migrated_sqlite_file) -> dict[str, tuple[list[str], str]]:
    """command -> (arguments, the progress label it shows)."""
    pw = str(password_file(tmp_path))
    coord = ["--user", "coord", "--password-file", pw]
    identified = tmp_path / "identified"
    assert main(["--db", str(clinic), "export", "--out", str(identified), "--profile",
                 "identified", "--confirm-identified", "--quiet", *coord]) == 0
    target = migrated_sqlite_file(tmp_path / "target.sqlite3")
    target_db = open_database(str(target))
    add_people(target_db)
    target_db.dispose()
    return {
        "export": (["--db", str(clinic), "export", "--out", str(tmp_path / "out"), *coord],
                   "Exporting"),
        "backup": (["--db", str(clinic), "backup", "--out", str(tmp_path / "b.sqlite3"),
                    *coord], "Backing up"),
        "audit verify": (["--db", str(clinic), "audit", "verify", *coord],
                         "Checking the audit trail"),
        "demo-data": (["--db", str(tmp_path / "new.sqlite3"), "demo-data", "--patients", "60"],
                      "Creating demo data"),
        "import": (["--db", str(target), "import", str(identified), *coord], "Importing"),
    }


def run_with(stream, argv, monkeypatch) -> tuple[int, str, str]:
    out = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stream)
    monkeypatch.setattr(sys, "stdout", out)
    code = main(argv)
    monkeypatch.undo()
    return code, out.getvalue(), stream.getvalue()


@pytest.mark.parametrize("name", ["export", "backup", "audit verify", "demo-data", "import"])
def test_progress_on_a_terminal_only_and_never_with_quiet(name, clinic, tmp_path,
                                                          migrated_sqlite_file, monkeypatch):
    argv, label = commands(clinic, tmp_path, migrated_sqlite_file)[name]
    # A file or pipe (what a scheduler gives): nothing but the command's own messages.
    code, piped_out, err = run_with(io.StringIO(), argv, monkeypatch)
    assert code == 0, err
    assert err == ""
    # A terminal: the label and, where the work can be counted, a bar reaching 100%.
    if name == "demo-data":
        argv[1] = str(tmp_path / "new2.sqlite3")
    elif name in ("export", "backup"):
        argv[argv.index("--out") + 1] += "-2"
    elif name == "import":
        argv[1] = str(migrated_sqlite_file(tmp_path / "target2.sqlite3"))
        target = open_database(argv[1])
        add_people(target)
        target.dispose()
    code, tty_out, err = run_with(Terminal(), argv, monkeypatch)
    assert code == 0, err
    assert label in err
    assert "100%|" in err
    assert "\r" in err  # redrawn in place, not line after line
    # The command's own report is unchanged by the bar (paths aside).
    assert tty_out.splitlines()[0].split(" ")[0] == piped_out.splitlines()[0].split(" ")[0]
    # A terminal and --quiet: nothing drawn.
    if name == "demo-data":
        argv[1] = str(tmp_path / "new3.sqlite3")
    elif name in ("export", "backup"):
        argv[argv.index("--out") + 1] += "-3"
    elif name == "import":
        argv[1] = str(migrated_sqlite_file(tmp_path / "target3.sqlite3"))
        target = open_database(argv[1])
        add_people(target)
        target.dispose()
    code, _out, err = run_with(Terminal(), [*argv, "--quiet"], monkeypatch)
    assert code == 0, err
    assert err == ""


def test_demo_data_reports_every_step_up_to_its_total(tmp_path, migrated_sqlite_file):
    database = open_database(str(migrated_sqlite_file(tmp_path / "demo.sqlite3")))
    database.actor = DEMO_DATA_TASK
    reports: list[tuple[int, int]] = []
    fill_demo_database(database, patients=120, seed=1, progress=lambda d, t: reports.append((d, t)))
    database.dispose()
    # 120 children: a report at 50 and 100 made up (every 50), then the rows written.
    assert reports[:2] == [(50, 120), (100, 120)]
    done = [d for d, _t in reports]
    assert done == sorted(done) and len(set(done[2:])) == len(done[2:])
    assert reports[-1][0] == reports[-1][1] > 120  # ends at its total, past the children


def test_a_real_terminal_shows_the_bar(tmp_path):
    """Through a pseudo-terminal, as in a shell: the bar is on stderr, stdout is clean."""
    master, slave = pty.openpty()
    env = dict(os.environ, COLUMNS="100")
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "--db", str(tmp_path / "demo.sqlite3"), "demo-data",
         "--patients", "80"], stdout=subprocess.PIPE, stderr=slave, stdin=subprocess.DEVNULL,
        env=env)
    os.close(slave)
    seen = b""
    while True:
        ready, _, _ = select.select([master], [], [], 1)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        elif proc.poll() is not None:
            break
    os.close(master)
    out = proc.stdout.read().decode()
    assert proc.wait() == 0
    terminal = seen.decode(errors="replace")
    assert "Creating demo data" in terminal and "100%|" in terminal
    assert out.startswith("Added 80 synthetic patients") and "Creating" not in out


def copy_of(path, copy) -> str:
    """A copy made by SQLite itself (nothing left in a journal is lost)."""
    import sqlite3

    with sqlite3.connect(path) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    return str(copy)


def work_without_steps(name: str, clinic, tmp_path, run: str) -> tuple[list[str], str]:
    """Commands whose work cannot count its steps (one SQLCipher export, a restore's check
    and swap, reading a cohort): (arguments for this run, the label they show)."""
    pw = str(password_file(tmp_path))
    admin = ["--user", "admin", "--password-file", pw]
    if name == "restore":
        backup = tmp_path / "b.sqlite3"
        if not backup.exists():
            assert main(["--db", str(clinic), "backup", "--out", str(backup), "--quiet",
                         *admin]) == 0
        return ["--db", copy_of(clinic, tmp_path / f"r-{run}.sqlite3"), "restore",
                str(backup), *admin], "Restoring"
    if name.startswith("db "):
        key = password_file(tmp_path, "a database passphrase 42", name="key")
        plain = copy_of(clinic, tmp_path / f"e-{run}.sqlite3")
        if name == "db encrypt":
            return ["--db", plain, "db", "encrypt", "--new-passphrase-file", str(key),
                    *admin], "Encrypting the database"
        assert main(["--db", plain, "db", "encrypt", "--new-passphrase-file", str(key),
                     "--quiet", *admin]) == 0
        return ["--db", plain, "--db-passphrase-file", str(key), "db", "decrypt", *admin], \
            "Storing the database unencrypted"
    return ["--db", str(clinic), "cohort", "--out", str(tmp_path / f"cohort-{run}"), *admin], \
        "Computing the cohort outcomes"


@pytest.mark.parametrize("name", ["restore", "db encrypt", "db decrypt", "cohort"])
def test_work_without_steps_shows_its_time_on_a_terminal_only(name, clinic, tmp_path,
                                                              monkeypatch):
    code, piped_out, err = run_with(io.StringIO(), work_without_steps(name, clinic, tmp_path,
                                                                      "pipe")[0], monkeypatch)
    assert code == 0, err
    assert err == ""
    argv, label = work_without_steps(name, clinic, tmp_path, "terminal")
    code, tty_out, err = run_with(Terminal(), argv, monkeypatch)
    assert code == 0, err
    assert label in err and "\r" in err
    assert "0it" not in err  # the time taken, never a count it does not have
    assert tty_out.splitlines()[0].split(" ")[0] == piped_out.splitlines()[0].split(" ")[0]
    argv, _label = work_without_steps(name, clinic, tmp_path, "quiet")
    code, _out, err = run_with(Terminal(), [*argv, "--quiet"], monkeypatch)
    assert code == 0, err
    assert err == ""
