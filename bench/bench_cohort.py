"""Benchmark: the cohort view's whole computation (issue 19) on the demo database.

Times, in one process and after the file has been read once (no cold disk cache): the
reading and scoring of every enrollment (``app.exports.cohort_data.read_cohort``), the
statistics and tables (``app.domain.cohort``), and the PDF. Prints wall-clock and CPU
seconds per round and the medians: on a machine shared with other work the CPU time is
the steadier figure. A script, not a timed test:

    .venv/bin/python bench/bench_cohort.py [--db PATH] [--patients 10000] [--repeat 3]

The database is created with the demo-data generator when PATH does not exist.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--patients", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from app.db.demo import fill_demo_database
    from app.db.opening import open_database
    from app.domain.cohort.outcomes import cohort_outcomes, plan_layout, tables
    from app.domain.permissions import DEMO_DATA_TASK, Permission, system_task
    from app.exports.cohort_data import read_cohort
    from app.reports.cohort_report import build_cohort_pdf

    folder = Path(tempfile.mkdtemp(prefix="bench-cohort-"))
    db = args.db or folder / "demo.sqlite3"
    fresh = not db.exists()
    database = open_database(db)
    if fresh:
        database.actor = DEMO_DATA_TASK
        print(fill_demo_database(database, patients=args.patients))
    database.actor = system_task("cohort benchmark", Permission.VIEW_DATA)
    with open(db, "rb") as handle:  # warm the disk cache for every round alike
        while handle.read(1 << 24):
            pass
    walls, cpus = [], []
    for round_number in range(1, args.repeat + 1):
        wall, cpu = time.perf_counter(), time.process_time()
        data = read_cohort(database)
        read_wall = time.perf_counter() - wall
        arms, schedule = plan_layout(data.protocol)
        out = cohort_outcomes(data.patients, arms, schedule)
        tables(out)
        compute_wall = time.perf_counter() - wall
        cpu_used = time.process_time() - cpu
        pdf = time.perf_counter()
        build_cohort_pdf(out, folder / "cohort.pdf", title="benchmark")
        pdf_wall = time.perf_counter() - pdf
        walls.append(compute_wall)
        cpus.append(cpu_used)
        print(f"round {round_number}: {len(data.patients)} enrollments; read and score "
              f"{read_wall:.2f} s, whole computation {compute_wall:.2f} s wall / "
              f"{cpu_used:.2f} s CPU; PDF {pdf_wall:.2f} s")
    print(f"median whole computation: {statistics.median(walls):.2f} s wall, "
          f"{statistics.median(cpus):.2f} s CPU")
    database.dispose()


if __name__ == "__main__":
    main()
