"""Coordinator export of the demo database against its floor.

Floor: ``sqlite3`` → ``csv.writer`` of every row of every table the export reads, in one
process, nothing of ours in between. The goal (issue 22) is ≤ 1.3× that floor on one
process; the 2-worker path is timed against the same one-process floor, so that it shows
whether workers help on the machine the suite runs on.
"""

from __future__ import annotations

import csv
import shutil
import sqlite3
from pathlib import Path

from bench.harness import BenchContext, BenchPath, warm_file_cache

TABLES = ("patient", "patient_identity", "screening", "screening_answer", "enrollment",
          "arm_assignment", "prescription", "visit", "instrument_value", "adverse_event",
          "prior_therapy")


def bare_dump(database: Path, out: Path) -> int:
    """Every row of the tables the export reads, written with sqlite3 + csv, nothing else."""
    out.mkdir(parents=True, exist_ok=True)
    rows = 0
    connection = sqlite3.connect(database)
    try:
        for table in TABLES:
            cursor = connection.execute(f"SELECT * FROM {table}")  # noqa: S608 - fixed names
            with open(out / f"{table}.csv", "w", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle)
                writer.writerow([d[0] for d in cursor.description])
                for row in cursor:
                    writer.writerow(row)
                    rows += 1
    finally:
        connection.close()
    return rows


def paths(context: BenchContext) -> list[BenchPath]:
    from app.db.opening import open_database
    from app.domain.permissions import Permission, system_task
    from app.exports.export import export_database

    warm_file_cache(context.database)
    floor_dir = context.workdir / "export-floor"
    app_dir = context.workdir / "export-app"

    def clean() -> None:
        shutil.rmtree(floor_dir, ignore_errors=True)
        shutil.rmtree(app_dir, ignore_errors=True)

    def floor() -> int:
        return bare_dump(context.database, floor_dir)

    def export(fmt: str, workers: int):  # noqa: ANN202 - a benchmark closure
        def run() -> None:
            database = open_database(context.database)
            database.actor = system_task("export benchmark", Permission.EXPORT_DEIDENTIFIED)
            try:
                export_database(database, app_dir, fmt=fmt, user="benchmark", workers=workers)
            finally:
                database.dispose()
        return run

    return [
        BenchPath("export redcap, 1 worker", export("redcap", 1), floor, goal_ratio=1.3,
                  prepare=clean),
        BenchPath("export redcap, 2 workers", export("redcap", 2), floor, prepare=clean,
                  note="timed against the one-process floor: shows whether workers help here"),
        BenchPath("export wide, 1 worker", export("wide", 1), floor, goal_ratio=1.3,
                  prepare=clean),
    ]
