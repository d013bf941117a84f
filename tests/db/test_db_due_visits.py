"""The due list (visits due this week and overdue, across all patients), read in stored
order for speed at 50,000 patients (issue 22): still exactly the open visits of active
enrollments whose target date or window opening is within the week, with the overdue
and due-soon marks the patient's own timeline shows, overdue first."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select, update

from app.db.demo import fill_demo_database
from app.db.due_visits import due_visits
from app.db.models import Enrollment, PatientIdentity, Visit
from app.db.opening import open_database
from app.db.visit_timeline import patient_timeline
from tests.db.test_db_visits import enrolled

pytestmark = pytest.mark.usefixtures("system_actor")

AS_OF = date(2026, 11, 1)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    database = open_database(str(tmp_path_factory.mktemp("due") / "demo.sqlite3"))
    from app.domain.permissions import DEMO_DATA_TASK

    database.actor = DEMO_DATA_TASK
    fill_demo_database(database, patients=150, seed=5, as_of=AS_OF)
    yield database
    database.dispose()


@pytest.mark.parametrize("days_after", [0, 20, 200])
def test_the_due_list_is_every_open_visit_of_an_active_enrollment_due_by_the_week(
        demo, days_after):
    """Worked out apart from the query, from every visit: open (not started or draft),
    of an active enrollment, target date or window opening on or before today + 7 days.
    Overdue = window end (or target date without a window) before today."""
    today = AS_OF + timedelta(days=days_after)
    horizon = today + timedelta(days=7)
    with demo.reading() as s:
        got = due_visits(s, today)
        every = s.execute(select(Visit.id, Visit.status, Visit.target_date,
                                 Visit.window_start, Visit.window_end, Enrollment.status)
                          .join(Enrollment)).all()
    expected = {
        visit_id: (window_end or target) < today
        for visit_id, status, target, window_start, window_end, enrollment_status in every
        if status in ("not_started", "draft") and enrollment_status == "active"
        and (target <= horizon or (window_start is not None and window_start <= horizon))}
    assert {row.visit_id: row.overdue for row in got} == expected
    assert len(got) == len(expected) and any(expected.values())
    if days_after == 200:  # the month-12 visits have come due: some not overdue yet
        assert not all(expected.values())
    # Overdue first, then by target date, study id and visit.
    keys = [(not r.overdue, r.target_date, r.study_id, r.visit_id) for r in got]
    assert keys == sorted(keys)


def test_each_due_row_is_the_row_the_patients_timeline_shows(demo):
    """Same rule in both places: the due list's row of a visit (marks, dates, name) is
    the patient timeline's row of it, field by field."""
    today = AS_OF + timedelta(days=30)
    with demo.reading() as s:
        got = due_visits(s, today)
        patients = {row.patient_id for row in got}
        timeline = {row.visit_id: row for patient in sorted(patients)[:40]
                    for row in patient_timeline(s, patient, today)}
    compared = [row for row in got if row.visit_id in timeline]
    assert len(compared) >= 40
    assert [timeline[row.visit_id] for row in compared] == compared
    assert all(row.patient_name.count(", ") == 1 for row in compared)


def test_windows_unscheduled_visits_missing_names_and_ended_enrollments(database):
    """The edges: a visit whose window opens within the week is listed though its target
    is later; an unscheduled visit (no window) is overdue once its date has passed; a
    patient without a name on file is still listed; a withdrawn enrollment's visits are
    not."""
    pid, eid, visits = enrolled(database, enrolled_on=date(2026, 5, 4))
    today = date(2026, 6, 25)
    with database.session() as s:
        month_2 = s.get(Visit, visits["month_2"])  # target 4 Jul, window from 27 Jun
        assert month_2.target_date > today + timedelta(days=7) >= month_2.window_start
        s.add(Visit(enrollment_id=eid, visit_code="unscheduled", occurrence=1,
                    label="Unscheduled 1", target_date=date(2026, 6, 20),
                    status="not_started"))
    with database.reading() as s:
        rows = {r.visit_code: r for r in due_visits(s, today)}
    # Listed, not yet marked due soon: that mark waits for the window to open (as on the
    # patient's timeline).
    assert not rows["month_2"].overdue and not rows["month_2"].due_soon
    assert rows["unscheduled"].overdue and rows["unscheduled"].window_start is None
    assert rows["month_1"].overdue and rows["month_2"].patient_name == "Okafor, Ada"
    with database.session() as s:
        s.execute(update(PatientIdentity).where(PatientIdentity.patient_id == pid)
                  .values(family_name="", given_name=""))
    with database.reading() as s:
        assert {r.patient_name for r in due_visits(s, today)} == {""}
    with database.session() as s:
        s.get(Enrollment, eid).status = "withdrawn"
    with database.reading() as s:
        assert due_visits(s, today) == []
