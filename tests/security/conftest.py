"""Fixtures of the attack suite (issue 14 and issue 15, item 5).

The databases come from the shared plugin (tests/database_fixtures.py): SQLite by
default, the test server when JDM_CTP_TEST_DATABASE_URL is set. Nobody is signed in on
them; every test here acts as a real account of the database (one per role, see
PEOPLE) or as nobody, because that is what is being attacked.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "reports"))

from clinic_data import fill_clinic  # noqa: E402
from database_fixtures import add_people, password_file  # noqa: E402

from app.cli import main  # noqa: E402
from app.db.engine import Database  # noqa: E402
from app.domain.permissions import Actor  # noqa: E402


@pytest.fixture
def people(database: Database) -> dict[str, Actor]:
    """admin (administrator), doc (clinician), coord (coordinator), nurse (data entry)."""
    return add_people(database)


@pytest.fixture
def clinic(database: Database, people: dict[str, Actor]) -> Database:
    """Two patients with visits (tests/reports/clinic_data.py) and one account per role."""
    fill_clinic(database)
    return database


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """The staff password in a private file, as a scheduled job keeps it."""
    return password_file(tmp_path)


Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def cli(capsys) -> Run:
    """Run ``jdm-ctp`` in this process: (exit code, stdout, stderr)."""

    def run(*argv: object) -> tuple[int, str, str]:
        try:
            code = main([str(a) for a in argv])
        except SystemExit as stop:  # argparse: --help, --version, usage errors
            code = stop.code
        out, err = capsys.readouterr()
        return code, out, err

    return run
