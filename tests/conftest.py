"""Test-wide set-up: headless Qt and a private data directory for every test."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

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
    # Qt's own settings (the file dialog keeps its column widths and recent folders there)
    # go to the test's folder too: they were written to the user's configuration, and a
    # test's dialog opened with what an earlier run had left.
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope,
                      str(home / "qt-config"))
    return home


@pytest.fixture(scope="session")
def migrated_sqlite_template(tmp_path_factory) -> Path:
    """A SQLite file that ``open_database`` created through every alembic migration, made
    once per test session (once per xdist worker).

    Running the migrations costs about 0.15 s per database, and most tests only need a
    database at head; copying this file's bytes takes a millisecond and gives the same
    file, which the test then opens through ``open_database`` like the application does.
    The migrations themselves are tested where databases are created from nothing
    (tests/db/test_db_migrations.py and every test that opens a new path itself).
    """
    from app.db.opening import open_database

    folder = tmp_path_factory.mktemp("migrated-template")
    path = folder / "template.sqlite3"
    # Session scope cannot use the per-test private home: give creation its own.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JDM_CTP_HOME", str(folder / "jdm-home"))
        patch.delenv("JDM_CTP_DATABASE_URL", raising=False)
        from database_fixtures import give_site_code

        give_site_code(open_database(path))
    # The last connection closed, so SQLite checkpointed and removed the journal: the
    # one file is the whole database.
    leftovers = [p.name for p in folder.iterdir() if p.name.startswith(f"{path.name}-")]
    assert leftovers == [], leftovers
    return path




def copy_of_migrated_database(template: Path, target: Path) -> Path:
    """Put a copy of the migrated template at ``target`` unless a database is already there
    (two fixtures of one test may name the same file, as opening it twice did)."""
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(template, target)
    return target


@pytest.fixture
def migrated_sqlite_file(migrated_sqlite_template: Path):
    """``copy(target)``: a fresh database at head at ``target`` (see migrated_sqlite_template)."""

    def copy(target: Path) -> Path:
        return copy_of_migrated_database(migrated_sqlite_template, target)

    return copy


# Tests that take tens of seconds each (the bundle build, the kill -9 and concurrent-writer
# soak loops). They run first, so that under pytest-xdist the other workers share out the
# many short tests meanwhile instead of waiting at the end for one worker still in a long
# test.
LONG_RUNNING_MARKERS = ("bundle", "slow")

# Modules whose tests must run on one pytest-xdist worker, one after the other (`make test`
# uses --dist loadgroup, whose scheduler below reads this). One group, "heavy":
# * the bundle is built once per module (a minute and a half), by the worker running it;
# * the soak tests commit to SQLite (an fsync each) from several processes as fast as they
#   can. While another of them, or the bundle build writing 300 MB, loads the disk, each
#   fsync slows down (ext4 flushes other files' data with it) and a writer can wait for
#   the write lock past the application's 5 s busy timeout ("database is locked").
# One after the other they never load the disk for each other; the other workers share
# out the short tests meanwhile.
# Keyed by module rather than by xdist_group marks because pytest 9.2 ignores the node id
# suffix by which pytest-xdist 3.8 passes those marks to its scheduler (pytest-xdist
# issue 1386), which then silently spreads a group over all workers.
XDIST_MODULE_GROUPS = {
    "tests/e2e/test_bundle.py": "heavy",
    "tests/db/test_db_crash_safety.py": "heavy",
    "tests/db/test_db_concurrent_writers.py": "heavy",
    "tests/db/test_db_outside_reader.py": "heavy",
}


def _module_of(nodeid: str) -> str:
    return nodeid.split("::", 1)[0]


@pytest.hookimpl(optionalhook=True)  # a pytest-xdist hook: absent without the plugin
def pytest_xdist_make_scheduler(config, log):
    """``--dist loadgroup`` with XDIST_MODULE_GROUPS as groups; other tests go one by one."""
    if config.getoption("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadGroupScheduling

    class ModuleGroupScheduling(LoadGroupScheduling):
        def _split_scope(self, nodeid: str) -> str:
            group = XDIST_MODULE_GROUPS.get(_module_of(nodeid))
            return group if group is not None else super()._split_scope(nodeid)

    return ModuleGroupScheduling(config, log)


def pytest_collection_modifyitems(config, items):
    """Tests marked ``postgres`` need a real server: without JDM_CTP_TEST_DATABASE_URL they
    are not collected at all (the SQLite pass); `make test` runs them in its server pass.
    Long-running tests are moved to the front (see LONG_RUNNING_MARKERS); the order of the
    others is kept."""
    if not os.environ.get("JDM_CTP_TEST_DATABASE_URL", "").strip():
        server_only = [item for item in items if item.get_closest_marker("postgres")]
        if server_only:
            config.hook.pytest_deselected(items=server_only)
            items[:] = [item for item in items if not item.get_closest_marker("postgres")]
    long_running = [item for item in items
                    if any(item.get_closest_marker(name) for name in LONG_RUNNING_MARKERS)]
    for item in long_running:
        if _module_of(item.nodeid) not in XDIST_MODULE_GROUPS:
            raise pytest.UsageError(
                f"{item.nodeid} is marked as long-running; add its module to "
                "XDIST_MODULE_GROUPS in tests/conftest.py so that it runs on one worker")
    items.sort(key=lambda item: item not in long_running)


# Qt tests run with Python's cyclic collector paused and collect once after teardown.
# Widgets a test leaves behind are often held only by reference cycles (slots that
# capture their owner), so the cyclic collector frees them whenever its threshold is
# crossed: inside another widget's constructor or inside pytest-qt's processEvents,
# while Qt is dispatching into the tree being freed. That crashed test workers under
# load (segmentation faults in wizard and visit-section constructors). Collecting in
# the gap between tests, where no Qt call is on the stack, frees the same objects at
# a point where nothing is using them. Tests of the application's own collector
# handling (marked app_collector) see the collector as the application would.
@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    import gc

    names = getattr(item, "fixturenames", ())
    pause = ("qapp" in names or "qtbot" in names) and \
        item.get_closest_marker("app_collector") is None and gc.isenabled()
    if pause:
        gc.disable()
    try:
        yield
    finally:
        if pause:
            gc.enable()
            gc.collect()
