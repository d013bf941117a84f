"""Two processes saving different patients into one SQLite file at the same time.

Each save reads before it writes (is the study id taken? what is the audit chain's
head?). Inside a deferred BEGIN the read takes a shared lock, and the write that follows
cannot wait for the other writer without risking a deadlock, so SQLite fails it at once
with "database is locked": the busy timeout never applies. Write transactions therefore
start with BEGIN IMMEDIATE. Both writers must finish every save.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.db import audit
from app.db.models import Patient
from app.db.opening import open_database

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")

WRITER = Path(__file__).with_name("concurrent_writer.py")
REPO_ROOT = Path(__file__).resolve().parents[2]
SAVES_PER_WRITER = 300


def _start(path: Path, prefix: str) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, str(WRITER), str(path), prefix, str(SAVES_PER_WRITER)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=REPO_ROOT,
        env=dict(os.environ, PYTHONPATH=str(REPO_ROOT)),
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "ready"
    return process


@pytest.mark.slow
def test_two_writer_processes_lose_no_save(tmp_path):
    path = tmp_path / "clinic.sqlite3"
    open_database(path).dispose()
    writers = [_start(path, prefix) for prefix in ("WS1", "WS2")]
    for writer in writers:
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.flush()
    results = []
    for writer in writers:
        out, _ = writer.communicate(timeout=600)
        results.append(out.strip())
    for line in results:
        fields = line.split(maxsplit=7)
        assert fields[0:2] == ["ok", str(SAVES_PER_WRITER)], line
        assert fields[2:4] == ["failed", "0"], line
    database = open_database(path)
    try:
        with database.session() as session:
            assert session.execute(select(func.count(Patient.id))).scalar_one() == 600
            assert audit.verify_chain(session) == (True, None)
    finally:
        database.dispose()


def _patient_count(session) -> int:
    return session.execute(select(func.count(Patient.id))).scalar_one()


def _new_patient(study_id: str):
    from datetime import date

    from app.db.patients import PatientInput

    return PatientInput(study_id=study_id, given_name="Lock", family_name="Holder",
                        date_of_birth=date(2016, 2, 3), sex="male", mrn=study_id, site="x")


def test_reading_does_not_wait_for_another_writer(tmp_path):
    """Lists and reports read a snapshot while another process holds the write lock."""
    import sqlite3

    path = tmp_path / "clinic.sqlite3"
    database = open_database(path)
    other = sqlite3.connect(path, isolation_level=None, timeout=0)
    try:
        other.execute("BEGIN IMMEDIATE")  # another program is in the middle of a save
        with database.reading() as session:
            assert _patient_count(session) == 0
    finally:
        other.execute("ROLLBACK")
        other.close()
        database.dispose()


def test_reading_cannot_save(tmp_path):
    from app.db.engine import ReadOnlySessionError
    from app.db.patients import create_patient

    database = open_database(tmp_path / "clinic.sqlite3")
    try:
        with pytest.raises(ReadOnlySessionError), database.reading() as session:
            create_patient(session, _new_patient("RO-1"), user="test")
        with database.reading() as session:
            assert _patient_count(session) == 0
    finally:
        database.dispose()


def test_a_save_waits_for_a_writer_that_finishes(tmp_path):
    """The busy timeout applies: a save started while another holds the lock goes through."""
    import sqlite3
    import threading

    from app.db.patients import create_patient

    path = tmp_path / "clinic.sqlite3"
    database = open_database(path)
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.5, lambda: other.execute("COMMIT"))
    release.start()
    try:
        with database.session() as session:
            create_patient(session, _new_patient("WAITED-1"), user="test")
        with database.reading() as session:
            assert _patient_count(session) == 1
    finally:
        release.join()
        other.close()
        database.dispose()
