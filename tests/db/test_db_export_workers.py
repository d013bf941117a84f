"""Export worker processes (issue 22): an export with workers leaves no process behind.

Measured at 10,000 patients, a process of the command was still running after it had
exited (the workers' multiprocessing resource tracker, which outlives its parent until it
notices the parent has gone). Here: once ``export_database`` returns, none of the
processes it started may still run; and the command, run as a real process as a
coordinator runs it, leaves nothing behind (every process it starts inherits a marker in
its environment, so one still alive is found even once it has been re-parented).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from database_fixtures import add_people, db_argument, password_file

from app.db.demo import fill_demo_database

pytestmark = pytest.mark.usefixtures("system_actor")

REPO_ROOT = Path(__file__).resolve().parents[2]
MARKER = "JDM_CTP_EXPORT_PROBE"


def processes_marked(token: str) -> list[int]:
    """Ids of the live processes whose environment carries ``MARKER=token``."""
    needle = f"{MARKER}={token}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes()
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:  # gone meanwhile, or not ours to read
            continue
        if needle in environ.split(b"\0") and state != "Z":
            found.append(int(entry.name))
    return found


def children_of_this_process() -> set[int]:
    """The live child processes of this process (every thread's), from /proc."""
    found: set[int] = set()
    for task in Path("/proc/self/task").iterdir():
        found.update(int(pid) for pid in (task / "children").read_text().split())
    return {pid for pid in found
            if Path(f"/proc/{pid}/stat").exists()
            and Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"}


def test_export_with_two_workers_returns_with_no_process_of_its_own_running(database,
                                                                           tmp_path):
    from app.exports.export import export_database

    fill_demo_database(database, patients=12, seed=3)
    before = children_of_this_process()
    export_database(database, tmp_path / "export", user="t", workers=2)
    assert children_of_this_process() - before == set()


def test_an_export_with_two_workers_leaves_no_process_running(database, tmp_path):
    fill_demo_database(database, patients=12, seed=3)
    add_people(database)
    out = tmp_path / "export"
    token = uuid.uuid4().hex
    command = [sys.executable, "-m", "app", "export", "--db", db_argument(database),
               "--out", str(out), "--workers", "2", "--user", "coord",
               "--password-file", str(password_file(tmp_path))]
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT), **{MARKER: token})
    done = subprocess.run(command, cwd=REPO_ROOT, env=env, capture_output=True, text=True,
                          timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    assert (out / "redcap_data.csv").exists()
    # A helper exiting on its own once its parent has gone needs a moment; none may stay.
    deadline = time.monotonic() + 5
    while processes_marked(token) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert processes_marked(token) == [], "processes of the export are still running"
