from __future__ import annotations

import pytest

from app.db.migrate import open_database


@pytest.fixture
def database(tmp_path):
    """A fresh database file created through the migrations."""
    return open_database(str(tmp_path / "clinic.sqlite3"))
