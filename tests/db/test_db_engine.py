"""Engine, URL resolution and the one-transaction-per-action session."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app import paths
from app.db.engine import READ_ONLY_OPTION, Database, resolve_database_url, sqlite_file_path
from app.db.models import Draft, PatientIdentity


def test_explicit_path_wins_over_environment(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(paths.DATABASE_URL_ENV, "sqlite:////somewhere/else.sqlite3")
    url = resolve_database_url(tmp_path / "mine.sqlite3")
    assert url.startswith("sqlite:///")
    assert sqlite_file_path(url) == (tmp_path / "mine.sqlite3").resolve()


def test_environment_wins_over_default(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(paths.DATABASE_URL_ENV, "postgresql://u@db.example/jdm")
    assert resolve_database_url(None) == "postgresql://u@db.example/jdm"
    # A plain path in the variable is accepted too.
    monkeypatch.setenv(paths.DATABASE_URL_ENV, str(tmp_path / "env.sqlite3"))
    assert sqlite_file_path(resolve_database_url(None)) == (tmp_path / "env.sqlite3").resolve()


def test_default_is_the_per_user_database(private_home: Path) -> None:
    path = sqlite_file_path(resolve_database_url(None))
    assert path == paths.default_database_path().resolve()
    assert private_home in path.parents  # the test's private home, never the real one


def test_path_with_spaces_round_trips(tmp_path: Path) -> None:
    target = tmp_path / "my clinic data" / "jdm ctp.sqlite3"
    assert sqlite_file_path(resolve_database_url(target)) == target.resolve()


def test_sqlite_pragmas_are_set_on_every_connection(sqlite_database: Database) -> None:
    # Read-only connections: a write transaction would hold SQLite's one write lock.
    connections = [
        sqlite_database.engine.connect().execution_options(**{READ_ONLY_OPTION: True})
        for _ in range(2)
    ]
    try:
        for connection in connections:
            pragma = connection.exec_driver_sql
            assert pragma("PRAGMA journal_mode").scalar() == "wal"
            assert pragma("PRAGMA foreign_keys").scalar() == 1
            assert pragma("PRAGMA synchronous").scalar() == 2  # FULL
            assert pragma("PRAGMA busy_timeout").scalar() == 5000
    finally:
        for connection in connections:
            connection.close()


def test_foreign_keys_are_enforced_in_sessions(database: Database) -> None:
    with pytest.raises(IntegrityError), database.session() as session:
        session.add(PatientIdentity(patient_id=999_999, given_name="A", family_name="B"))
        session.flush()


def test_session_commits_once_on_success(database: Database) -> None:
    with database.session() as session:
        draft = Draft(kind="screening", key="patient:1", payload={"step": 2})
        session.add(draft)
    # expire_on_commit=False: the object stays readable after the session closed.
    assert draft.payload == {"step": 2}
    with database.session() as session:
        assert session.scalars(select(Draft.key)).all() == ["patient:1"]


def test_session_rolls_back_everything_on_error(database: Database) -> None:
    with pytest.raises(RuntimeError), database.session() as session:
        session.add(Draft(kind="visit", key="visit:1", payload={}))
        session.flush()
        raise RuntimeError("user action failed half way")
    with database.session() as session:
        assert session.scalars(select(Draft)).all() == []


def test_timestamps_come_back_as_aware_utc(database: Database) -> None:
    moment = datetime(2025, 5, 1, 14, 30, 15, 123456, tzinfo=timezone(timedelta(hours=-4)))
    with database.session() as session:
        session.add(Draft(kind="visit", key="k", payload={}, updated_at=moment))
    with database.session() as session:
        stored = session.scalars(select(Draft.updated_at)).one()
    assert stored == moment
    assert stored.tzinfo is not None and stored.utcoffset() == timedelta(0)
    assert stored == datetime(2025, 5, 1, 18, 30, 15, 123456, tzinfo=UTC)


def test_naive_timestamps_are_refused(database: Database) -> None:
    with pytest.raises(Exception, match="timezone-aware"), database.session() as session:
        session.add(Draft(kind="visit", key="k", payload={}, updated_at=datetime(2025, 1, 1)))
        session.flush()


def test_in_memory_database_is_shared_by_sessions() -> None:
    from app.db.opening import open_database

    db = open_database("sqlite://")
    try:
        with db.session() as session:
            session.add(Draft(kind="k", key="1", payload={}))
        with db.session() as session:
            assert len(session.scalars(select(Draft)).all()) == 1
    finally:
        db.dispose()
