"""app.db.file_health attacked with real files: folders, pipes, empty files, damaged
pages, read-only connections, a database whose disk fills up (SQLite's own SQLITE_FULL)."""

from __future__ import annotations

import errno
import os
import socket
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from damaged_files import (
    DAMAGES,
    build_demo_database,
    copy_database,
    damaged_copy,
    quick_check,
    sha256,
)
from sqlalchemy import event, func, select, text

from app.db import file_health
from app.db.automatic_backups import automatic_backup
from app.db.engine import Database, resolve_database_url
from app.db.models import AuditEntry, Patient
from app.db.opening import open_database
from app.db.patients import PatientInput, create_patient

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    return build_demo_database(tmp_path_factory.mktemp("template") / "clinic.sqlite3")


def _patient(study_id: str) -> PatientInput:
    return PatientInput(study_id=study_id, given_name="Test", family_name="Child",
                        date_of_birth=datetime(2015, 3, 1).date(), sex="female", mrn="",
                        site="Toronto")


# ------------------------------------------------------------------------ presence


def test_a_folder_is_no_database(tmp_path):
    with pytest.raises(file_health.NoDatabaseError, match="no database at .*it is a folder"):
        file_health.check_database_path(tmp_path)
    # Not even for a command that may create one.
    with pytest.raises(file_health.NoDatabaseError, match="folder"):
        file_health.check_database_path(tmp_path, must_exist=False)


def test_a_named_pipe_is_no_database_and_stays_a_pipe(tmp_path):
    pipe = tmp_path / "db.fifo"
    os.mkfifo(pipe)
    for must_exist in (True, False):
        with pytest.raises(file_health.NoDatabaseError, match="named pipe"):
            file_health.check_database_path(pipe, must_exist=must_exist)
    assert pipe.is_fifo()


def test_a_socket_is_no_database(tmp_path):
    path = tmp_path / "db.sock"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        with pytest.raises(file_health.NoDatabaseError, match="socket"):
            file_health.check_database_path(path)


def test_a_missing_file_is_refused_only_where_it_must_exist(tmp_path):
    missing = tmp_path / "mistyped.sqlite3"
    with pytest.raises(file_health.NoDatabaseError, match="no database at .*no such file"):
        file_health.check_database_path(missing)
    assert file_health.check_database_path(missing, must_exist=False) == missing
    assert not missing.exists()


def test_a_path_through_a_file_is_refused(tmp_path):
    plain = tmp_path / "notes.txt"
    plain.write_text("x")
    with pytest.raises(file_health.NoDatabaseError, match="part of the path is a file"):
        file_health.check_database_path(plain / "clinic.sqlite3")


def test_an_empty_file_is_no_database_to_read(tmp_path):
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    with pytest.raises(file_health.NoDatabaseError, match="the file is empty"):
        file_health.check_database_path(empty)
    assert file_health.check_database_path(empty, must_exist=False) == empty


def test_open_existing_refuses_a_sqlite_file_without_jdm_data(tmp_path):
    bare = tmp_path / "bare.sqlite3"
    sqlite3.connect(bare).execute("PRAGMA user_version = 1").connection.close()
    with pytest.raises(file_health.NoDatabaseError, match="no jdm-ctp data"):
        file_health.open_existing(bare)


def test_a_real_database_is_found(template, tmp_path):
    path = copy_database(template, tmp_path / "clinic.sqlite3")
    assert file_health.check_database_path(path) == path.resolve()
    database = file_health.open_existing(path)
    try:
        with database.session() as session:
            assert session.scalar(select(func.count()).select_from(Patient)) == 12
    finally:
        database.dispose()


# -------------------------------------------------------------------------- damage


def test_a_sound_file_passes_and_is_left_exactly_as_it_was(template, tmp_path):
    path = copy_database(template, tmp_path / "clinic.sqlite3")
    before = sha256(path)
    assert file_health.check_file(path).ok
    assert sha256(path) == before
    # immutable read: no -wal / -shm files appear next to it
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clinic.sqlite3"]


@pytest.mark.parametrize("damage", DAMAGES, ids=lambda d: d.label)
def test_every_damaged_copy_is_found_and_left_unchanged(template, tmp_path, damage):
    path = damaged_copy(template, tmp_path / "clinic.sqlite3", damage)
    before = sha256(path)
    report = file_health.check_file(path)
    assert not report.ok
    assert report.summary() and "\n" not in report.summary()
    assert sha256(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clinic.sqlite3"]


def test_a_file_open_elsewhere_is_checked_with_locks(template, tmp_path):
    # Another program has the database open (its -wal exists): the check must read
    # through SQLite's locks and see the WAL, not the bare file.
    path = copy_database(template, tmp_path / "clinic.sqlite3")
    other = sqlite3.connect(path)
    try:
        other.execute("PRAGMA journal_mode=WAL")
        other.execute("CREATE TABLE wal_probe (x)")  # un-checkpointed WAL frames
        other.execute("INSERT INTO wal_probe VALUES (1)")
        other.commit()
        wal = Path(f"{path}-wal")
        frames = wal.stat().st_size
        assert frames > 0
        assert file_health.check_file(path).ok
        assert wal.stat().st_size == frames  # read only: nothing checkpointed or added
    finally:
        other.close()


def test_require_sound_file_names_the_newest_automatic_backup(template, tmp_path):
    path = copy_database(template, tmp_path / "clinic.sqlite3")
    older = automatic_backup(path, now=datetime(2026, 1, 5, 8, 0, tzinfo=UTC))
    newer = automatic_backup(path, now=datetime(2026, 1, 6, 8, 0, tzinfo=UTC))
    DAMAGES[5].apply(path)  # item values root
    with pytest.raises(file_health.DamagedDatabaseError) as refused:
        file_health.require_sound_file(path)
    message = str(refused.value)
    assert str(newer) in message and str(older) not in message
    assert f"jdm-ctp restore --db {path} {newer}" in message
    assert "\n" not in message


def test_require_sound_file_without_backups_says_so(template, tmp_path):
    path = damaged_copy(template, tmp_path / "clinic.sqlite3", DAMAGES[1])
    with pytest.raises(file_health.DamagedDatabaseError, match="no automatic backup"):
        file_health.require_sound_file(path)


def test_check_open_database_uses_the_open_engine(template, tmp_path):
    path = copy_database(template, tmp_path / "clinic.sqlite3")
    database = Database(resolve_database_url(path))
    try:
        assert file_health.check_open_database(database).ok
        database.dispose()
        DAMAGES[9].apply(path)  # a page in the middle zeroed
        assert quick_check(path) != ["ok"]
        assert not file_health.check_open_database(database).ok
    finally:
        database.dispose()


# --------------------------------------------------------------------- writability


def _audit_entries(database: Database) -> int:
    with database.session() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry))


def test_a_read_only_connection_is_refused_before_anything_is_written(template, tmp_path):
    path = copy_database(template, tmp_path / "clinic.sqlite3")
    before = sha256(path)
    # mode=ro: SQLite opens the file read-only, as it does on read-only media or without
    # write permission; unlike chmod it also holds for the administrator (tests run as root).
    url = f"sqlite:///file:{path}?mode=ro&uri=true"
    database = open_database(url)
    try:
        with pytest.raises(file_health.ReadOnlyDatabaseError, match="read-only"):
            file_health.require_writable(database)
    finally:
        database.dispose()
    assert sha256(path) == before


def test_a_writable_database_passes_and_is_not_changed_by_the_probe(template, tmp_path):
    path = copy_database(template, tmp_path / "clinic.sqlite3")
    database = open_database(path)
    try:
        entries = _audit_entries(database)
        file_health.require_writable(database)
        assert _audit_entries(database) == entries
        with database.session() as session:
            assert session.execute(text("PRAGMA user_version")).scalar() == 0
    finally:
        database.dispose()


def test_a_read_only_file_system_is_refused_even_for_the_administrator(template, tmp_path,
                                                                       monkeypatch):
    # access(2) answers EROFS for a read-only mount whoever asks, root included; this is
    # that answer, for the database's folder.
    path = copy_database(template, tmp_path / "clinic.sqlite3")
    database = open_database(path)
    real_access = os.access

    def access(target, mode, *args, **kwargs):
        if Path(target) == path.parent and mode & os.W_OK:
            return False
        return real_access(target, mode, *args, **kwargs)

    monkeypatch.setattr(file_health.os, "access", access)
    try:
        with pytest.raises(file_health.ReadOnlyDatabaseError, match="its folder"):
            file_health.require_writable(database)
    finally:
        database.dispose()


def test_chmod_read_only_is_refused_exactly_when_it_stops_writes(template, tmp_path):
    # Without write permission on file and folder SQLite cannot write, and the check must
    # say so; the administrator (CI runs as root) can still write, and then the check must
    # not refuse a database that works. Either way the verdict matches reality.
    folder = tmp_path / "ro"
    folder.mkdir()
    path = copy_database(template, folder / "clinic.sqlite3")
    database = open_database(path)
    path.chmod(0o444)
    folder.chmod(0o555)
    try:
        writes_work = os.access(path, os.W_OK) and os.access(folder, os.W_OK)
        if writes_work:
            file_health.require_writable(database)
            with database.session() as session:
                create_patient(session, _patient("JDM-RO1"), user="t")
        else:
            with pytest.raises(file_health.ReadOnlyDatabaseError):
                file_health.require_writable(database)
    finally:
        database.dispose()
        folder.chmod(0o755)
        path.chmod(0o644)


def test_a_damaged_open_database_refuses_every_write_but_still_reads(template, tmp_path):
    path = copy_database(template, tmp_path / "clinic.sqlite3")
    database = open_database(path)
    try:
        file_health.refuse_writes(database, "The database is damaged; restore X.")
        with pytest.raises(file_health.DamagedDatabaseError, match="restore X"):
            file_health.require_writable(database)
        with pytest.raises(Exception) as refused, database.session() as session:
            create_patient(session, _patient("JDM-DMG"), user="t")
        assert file_health.storage_problem(refused.value, database) == (
            "The database is damaged; restore X.")
        with database.session() as session:  # viewing goes on
            assert session.scalar(select(func.count()).select_from(Patient)) == 12
    finally:
        database.dispose()


# ------------------------------------------------------------------ storage errors


def _fill_the_disk(database: Database) -> None:
    """SQLite's own "database or disk is full": no page may be added to the file."""

    @event.listens_for(database.engine, "connect")
    def _limit(dbapi_connection, _record):
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    database.engine.dispose()


def test_a_full_database_disk_is_explained_truthfully(tmp_path):
    database = open_database(tmp_path / "clinic.sqlite3")
    try:
        _fill_the_disk(database)
        with pytest.raises(Exception) as full:  # noqa: PT012 - the save is the block
            for number in range(400):
                with database.session() as session:
                    create_patient(session, _patient(f"JDM-{number:03d}"), user="t")
        assert file_health.is_disk_full(full.value)
        message = file_health.storage_problem(full.value, database)
        assert message == ("The disk is full: free space, then press Save again; "
                           "nothing was saved.")
        assert "draft" not in message
    finally:
        database.dispose()


@pytest.mark.parametrize(("error", "expected"), [
    (OSError(errno.ENOSPC, "No space left on device"), "The disk is full"),
    (OSError(errno.EDQUOT, "Disk quota exceeded"), "The disk is full"),
    (OSError(errno.EROFS, "Read-only file system"), "read-only"),
])
def test_operating_system_storage_errors(error, expected):
    assert expected in file_health.storage_problem(error)


def test_server_storage_errors():
    # What psycopg raises when PostgreSQL's disk is full or the server is read-only (a hot
    # standby), wrapped as SQLAlchemy wraps it.
    import psycopg.errors
    from sqlalchemy.exc import InternalError, OperationalError

    full = OperationalError("INSERT ...", {}, psycopg.errors.DiskFull("could not extend file"))
    assert file_health.storage_problem(full) == (
        "The disk is full: free space, then press Save again; nothing was saved.")
    read_only = InternalError("INSERT ...", {}, psycopg.errors.ReadOnlySqlTransaction(
        "cannot execute INSERT in a read-only transaction"))
    assert "read-only" in file_health.storage_problem(read_only)


def test_other_errors_are_not_storage_problems():
    assert file_health.storage_problem(ValueError("bad weight")) is None
    assert file_health.storage_problem(OSError(errno.ENOENT, "No such file")) is None
