"""Benchmark: coordinator export of the 10,000-patient demo database vs a bare dump.

Issue 5 asks that exporting the 10,000-patient demo database take no more than 1.5× the
time of a bare ``sqlite3`` + ``csv`` dump of the same rows. Like with like: both run in
the same process, on the same file, after the whole file has been read once (so neither
pays for a cold disk cache), with the same garbage-collector state, every row of every
table the export reads (the bare dump even writes all columns); each of ``--repeat``
rounds times the bare dump and then the export, and the medians and their ratio are
printed. A script, not a timed test:

    .venv/bin/python bench/bench_export.py [--db PATH] [--patients 10000] [--format redcap]
                                            [--repeat 3]

The database is created with the demo-data generator when PATH does not exist.
"""

from __future__ import annotations

import argparse
import csv
import gc
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

TABLES = ("patient", "patient_identity", "screening", "screening_answer", "enrollment",
          "arm_assignment", "prescription", "visit", "instrument_value", "adverse_event",
          "prior_therapy")


def bare_dump(db: Path, out: Path) -> tuple[float, int]:
    """Every row of the tables the export reads, written with sqlite3 + csv, nothing else."""
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    rows = 0
    connection = sqlite3.connect(db)
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
    return time.perf_counter() - start, rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path,
                        default=Path(tempfile.gettempdir()) / "jdm-ctp-bench-10k.sqlite3")
    parser.add_argument("--patients", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--format", choices=("redcap", "wide"), default="redcap")
    parser.add_argument("--profile", choices=("deidentified", "identified"),
                        default="deidentified")
    parser.add_argument("--workers", type=int, default=1,
                        help="worker processes for the export (default 1 = the default "
                             "export path)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="rounds of (bare dump, export); medians are compared")
    args = parser.parse_args(argv)
    os.environ.setdefault("JDM_CTP_HOME", str(Path(tempfile.gettempdir()) / "jdm-ctp-bench"))

    from app.db.opening import open_database
    from app.exports.export import export_database

    if not args.db.exists():
        from app.db.demo import fill_demo_database

        print(f"creating {args.patients} demo patients in {args.db} …", flush=True)
        database = open_database(args.db)
        print(fill_demo_database(database, patients=args.patients, seed=args.seed))
        database.dispose()

    warm_file_cache(args.db)
    bare_times: list[float] = []
    export_times: list[float] = []
    for round_number in range(1, max(1, args.repeat) + 1):
        work = Path(tempfile.mkdtemp(prefix="jdm-ctp-bench-"))
        try:
            gc.collect()
            bare_seconds, rows = bare_dump(args.db, work / "bare")
            gc.collect()
            database = open_database(args.db)
            start = time.perf_counter()
            result = export_database(database, work / "export", profile=args.profile,
                                     fmt=args.format, user="benchmark", workers=args.workers)
            export_seconds = time.perf_counter() - start
            database.dispose()
        finally:
            shutil.rmtree(work, ignore_errors=True)
        bare_times.append(bare_seconds)
        export_times.append(export_seconds)
        if args.repeat > 1:
            print(f"round {round_number}: bare {bare_seconds:.2f} s, export "
                  f"{export_seconds:.2f} s, ratio {export_seconds / bare_seconds:.2f}")
    bare_seconds = statistics.median(bare_times)
    export_seconds = statistics.median(export_times)
    ratio = export_seconds / bare_seconds
    print(f"bare sqlite3 + csv dump: {rows} rows in {bare_seconds:.2f} s")
    print(f"jdm-ctp export ({args.format}, {args.profile}, {args.workers} worker(s)): "
          f"{result.records} patients, "
          f"{sum(f.rows for f in result.files)} rows in {export_seconds:.2f} s")
    print(f"ratio export / bare dump: {ratio:.2f} (target ≤ 1.5)")
    return 0 if ratio <= 1.5 else 1


def warm_file_cache(db: Path) -> None:
    """Read the database file (and its WAL) once, so both timings start warm."""
    for path in (db, db.with_name(db.name + "-wal")):
        if path.exists():
            with open(path, "rb") as handle:
                while handle.read(1 << 24):
                    pass


if __name__ == "__main__":
    sys.exit(main())
