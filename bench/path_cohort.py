"""The cohort view's whole computation (issue 19) on the demo database.

App: read and score every enrollment of the plan (``app.exports.cohort_data.read_cohort``),
then the statistics and tables (``app.domain.cohort``). Floor: ``sqlite3`` reading the
rows it needs — the plan's completed visits and their item values — into Python tuples.
Goal (issues 19 and 22): under 3 s at 10,000 patients. The read is lean with the scores an
export stored (app.db.score_cache), or that the cohort window kept for someone who may
enter data: run an export of the benchmark database first to time that path; without them
every baseline and month-6/12 visit is scored from its items. The benchmark reads as the
command does (keeping nothing), so each repetition takes the same path.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bench.harness import BenchContext, BenchPath, warm_file_cache

FLOOR_SQL = (
    "SELECT iv.visit_id, iv.instrument, iv.item, iv.value_num, iv.value_text, iv.unit, "
    "iv.missing_reason FROM instrument_value iv JOIN visit v ON v.id = iv.visit_id "
    "WHERE v.status IN ('complete', 'signed') AND v.visit_date IS NOT NULL "
    "ORDER BY iv.visit_id, iv.instrument, iv.item")


def bare_read(database: Path) -> int:
    connection = sqlite3.connect(database)
    try:
        enrollments = connection.execute(
            "SELECT e.id, e.patient_id, e.enrollment_date, e.status, p.study_id, p.sex "
            "FROM enrollment e JOIN patient p ON p.id = e.patient_id").fetchall()
        items = connection.execute(FLOOR_SQL).fetchall()
    finally:
        connection.close()
    return len(enrollments) + len(items)


def paths(context: BenchContext) -> list[BenchPath]:
    from app.db.opening import open_database
    from app.domain.cohort.outcomes import cohort_outcomes, plan_layout, tables
    from app.domain.permissions import Permission, system_task
    from app.exports.cohort_data import read_cohort

    warm_file_cache(context.database)
    database = open_database(context.database)
    database.actor = system_task("cohort benchmark", Permission.VIEW_DATA)

    def app() -> None:
        data = read_cohort(database)
        arms, schedule = plan_layout(data.protocol)
        tables(cohort_outcomes(data.patients, arms, schedule))

    return [BenchPath("cohort computation", app, lambda: bare_read(context.database),
                      goal_ms=3000.0)]
