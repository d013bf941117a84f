"""The patient list's query grows linearly with the number of patients (issue 22): it
scans the patients once and finds everything else by index. At 10,000 patients the old
query built temporary B-trees over every visit and automatic indexes at each refresh
(15.6 times slower from 1,000 to 10,000 patients). SQLite's plan says which it does."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import event

from app.db.demo import fill_demo_database
from app.db.opening import open_database
from app.db.patients import list_patient_rows

pytestmark = pytest.mark.usefixtures("system_actor")


def _list_sql(database, read=None) -> tuple[str, object]:
    statements: list[tuple[str, object]] = []
    read = read or list_patient_rows

    def capture(_conn, _cursor, statement, parameters, _context, _many):
        statements.append((statement, parameters))

    event.listen(database.engine, "before_cursor_execute", capture)
    try:
        with database.reading() as session:
            rows = read(session)
    finally:
        event.remove(database.engine, "before_cursor_execute", capture)
    assert rows
    (statement,) = [s for s in statements if "FROM patient" in s[0] or "FROM visit" in s[0]]
    return statement


def _plan(database, sql, parameters) -> list[str]:
    with database.engine.connect() as connection:
        return [row[3] for row in connection.exec_driver_sql(
            "EXPLAIN QUERY PLAN " + sql, parameters)]


@pytest.fixture
def demo(migrated_sqlite_file, tmp_path):
    """A SQLite file (the plan checked is SQLite's, also in the server pass)."""
    database = open_database(migrated_sqlite_file(tmp_path / "plan.sqlite3"))
    try:
        fill_demo_database(database, patients=40, seed=3, as_of=date(2026, 11, 1))
        yield database
    finally:
        database.dispose()


def test_the_list_reads_patients_once_and_the_rest_by_index(demo):
    plan = _plan(demo, *_list_sql(demo))
    assert not [step for step in plan if "TEMP B-TREE" in step], plan
    assert not [step for step in plan if "AUTOMATIC" in step], plan
    scans = [step for step in plan if step.startswith("SCAN")]
    assert len(scans) == 1 and scans[0].startswith("SCAN patient"), plan
    assert any("ix_enrollment_patient_current" in step for step in plan), plan
    assert any("ix_visit_enrollment_open" in step for step in plan), plan


def test_the_due_list_reads_only_the_open_visits_due_by_index(demo):
    """Issue 20: the due list read every open visit (all future visits of every patient)
    to keep those due within the week; now both of its conditions are index ranges.
    Issue 22: the visits found are then read by id, in stored order (no sort)."""
    from app.db.due_visits import due_visits

    plan = _plan(demo, *_list_sql(demo, lambda session: due_visits(session, date(2026, 11, 1))))
    assert not [step for step in plan if step.startswith("SCAN")], plan
    assert not [step for step in plan if "TEMP B-TREE" in step or "AUTOMATIC" in step], plan
    assert any("ix_visit_status_target_date (status=? AND target_date<?)" in step
               for step in plan), plan
    assert any("ix_visit_status_window_start" in step for step in plan), plan
    assert plan[0] == "SEARCH visit USING INTEGER PRIMARY KEY (rowid=?)", plan
