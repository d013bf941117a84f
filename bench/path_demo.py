"""demo-data: synthetic patients written into a new database, per patient.

App: ``fill_demo_database`` of ``DEMO_PATIENTS`` children into a new file. Floor: bare
``sqlite3`` writing as many rows per child (one patient row, ~12 other rows and ~300 item
values from ``random``) in one transaction. Goal (issue 22): 50,000 patients under
4 minutes, i.e. ≤ 4.8 ms per patient; the memory goal (under 500 MB at 50,000) is
measured apart, as the peak resident size of the command in a process of its own:
``/usr/bin/time -v jdm-ctp demo-data --db NEW.sqlite3 --patients 50000``.
"""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

from bench.harness import BenchContext, BenchPath

DEMO_PATIENTS = 2000
ITEMS_PER_CHILD = 300
OTHER_ROWS_PER_CHILD = 12


def bare_fill(path: Path, patients: int) -> None:
    path.unlink(missing_ok=True)
    rng = random.Random(1)
    connection = sqlite3.connect(path)
    try:
        connection.execute("CREATE TABLE patient (id INTEGER PRIMARY KEY, study_id TEXT, "
                           "sex TEXT, site TEXT)")
        connection.execute("CREATE TABLE other (id INTEGER PRIMARY KEY, patient_id INTEGER, "
                           "kind TEXT, value REAL)")
        connection.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, visit_id INTEGER, "
                           "instrument TEXT, item TEXT, value_num REAL, value_text TEXT, "
                           "unit TEXT, UNIQUE (visit_id, instrument, item))")
        with connection:
            for child in range(1, patients + 1):
                connection.execute("INSERT INTO patient VALUES (?, ?, ?, ?)",
                                   (child, f"P{child:06d}", rng.choice(("female", "male")),
                                    "Site 01"))
                connection.executemany(
                    "INSERT INTO other (patient_id, kind, value) VALUES (?, ?, ?)",
                    [(child, "row", rng.random()) for _ in range(OTHER_ROWS_PER_CHILD)])
                connection.executemany(
                    "INSERT INTO item (visit_id, instrument, item, value_num, value_text, "
                    "unit) VALUES (?, ?, ?, ?, ?, ?)",
                    [(child * 20 + n // 30, "cmas", f"i{n % 30}", rng.uniform(0, 5), None,
                      None) for n in range(ITEMS_PER_CHILD)])
    finally:
        connection.close()


def paths(context: BenchContext) -> list[BenchPath]:
    from app.db.demo import fill_demo_database
    from app.db.opening import open_database
    from app.domain.permissions import DEMO_DATA_TASK

    app_file = context.workdir / "demo.sqlite3"
    floor_file = context.workdir / "demo-floor.sqlite3"

    def clean() -> None:
        for path in (app_file, floor_file):
            for suffix in ("", "-wal", "-shm"):
                path.with_name(path.name + suffix).unlink(missing_ok=True)

    def app() -> None:
        database = open_database(app_file)
        database.actor = DEMO_DATA_TASK
        try:
            fill_demo_database(database, patients=DEMO_PATIENTS, seed=1)
        finally:
            database.dispose()

    return [BenchPath(f"demo-data ({DEMO_PATIENTS} patients)", app,
                      lambda: bare_fill(floor_file, DEMO_PATIENTS), goal_ms=4.8,
                      per=DEMO_PATIENTS, unit="patient", prepare=clean)]
