"""Opening a database that is already at this application's schema reads its revision
with one SELECT and never imports alembic (issue 22: a second of imports at each start);
a database behind it still goes through alembic's upgrade."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from app.db.migrate import head_revision
from app.db.opening import schema_head

pytestmark = pytest.mark.usefixtures("system_actor")

OPEN_AND_LIST_MODULES = textwrap.dedent("""
    import sys
    from app.db.opening import open_database
    database = open_database(sys.argv[1])
    print(database.upgrade_report.previous_revision, database.upgrade_report.new_revision)
    print(sorted(name for name in sys.modules if name.split(".")[0] == "alembic")[:3])
    database.dispose()
""")


def _open_in_a_new_process(path) -> list[str]:
    done = subprocess.run([sys.executable, "-c", OPEN_AND_LIST_MODULES, str(path)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.splitlines()


def test_the_scripts_text_names_the_same_head_as_alembic():
    assert schema_head() == head_revision()


def test_a_database_at_head_opens_without_alembic(migrated_sqlite_file, tmp_path):
    path = migrated_sqlite_file(tmp_path / "clinic.sqlite3")
    head = head_revision()
    assert _open_in_a_new_process(path) == [f"{head} {head}", "[]"]


def test_a_database_behind_is_upgraded_through_alembic(tmp_path):
    from alembic import command

    from app.db.engine import make_migration_engine, resolve_database_url
    from app.db.migrate import alembic_config

    path = tmp_path / "old.sqlite3"
    engine = make_migration_engine(resolve_database_url(path))
    try:
        with engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "0006")
    finally:
        engine.dispose()
    previous_and_new, alembic_modules = _open_in_a_new_process(path)
    assert previous_and_new == f"0006 {head_revision()}"
    assert alembic_modules != "[]"
