"""Test-wide set-up: headless Qt and a private data directory for every test."""

from __future__ import annotations

import os

# Must happen before anything imports Qt: tests run with no display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

# The database fixtures (a database per test, on SQLite or the test server) are shared by
# tests/db, tests/security and the others.
pytest_plugins = ["database_fixtures"]


@pytest.fixture(autouse=True)
def cheap_password_hashing():
    """argon2id with tiny parameters: the same code paths, milliseconds instead of 50 ms."""
    from argon2 import PasswordHasher

    from app.db import users

    previous = users.set_password_hasher(
        PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)
    )
    try:
        yield
    finally:
        users.set_password_hasher(previous)


@pytest.fixture(autouse=True)
def private_home(tmp_path, monkeypatch):
    """Each test gets its own data/config/log folders; the user's real files are never touched."""
    home = tmp_path / "jdm-home"
    monkeypatch.setenv("JDM_CTP_HOME", str(home))
    monkeypatch.delenv("JDM_CTP_DATABASE_URL", raising=False)
    return home


def pytest_collection_modifyitems(config, items):
    """Tests marked ``postgres`` need a real server: without JDM_CTP_TEST_DATABASE_URL they
    are not collected at all (the SQLite pass); `make test` runs them in its server pass."""
    if os.environ.get("JDM_CTP_TEST_DATABASE_URL", "").strip():
        return
    server_only = [item for item in items if item.get_closest_marker("postgres")]
    if server_only:
        config.hook.pytest_deselected(items=server_only)
        items[:] = [item for item in items if not item.get_closest_marker("postgres")]
