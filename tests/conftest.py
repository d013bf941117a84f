"""Test-wide set-up: headless Qt and a private data directory for every test."""

from __future__ import annotations

import os

# Must happen before anything imports Qt: tests run with no display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def private_home(tmp_path, monkeypatch):
    """Each test gets its own data/config/log folders; the user's real files are never touched."""
    home = tmp_path / "jdm-home"
    monkeypatch.setenv("JDM_CTP_HOME", str(home))
    monkeypatch.delenv("JDM_CTP_DATABASE_URL", raising=False)
    return home
