"""Fixtures for the report/export tests: a private database, filled or empty."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from clinic_data import fill_clinic  # noqa: E402

from app.db.engine import Database  # noqa: E402
from app.db.opening import open_database  # noqa: E402


@pytest.fixture
def database(tmp_path: Path, migrated_sqlite_file) -> Iterator[Database]:
    """A fresh database file at head of the migrations (a copy of the session's template)."""
    db = open_database(migrated_sqlite_file(tmp_path / "clinic.sqlite3"))
    try:
        yield db
    finally:
        db.dispose()


@pytest.fixture
def clinic(database: Database) -> Database:
    fill_clinic(database)
    return database
