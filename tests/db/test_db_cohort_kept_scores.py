"""The cohort read keeps the cohort's values of the visits it scored (issue 19), so that a
site that never exported pays the slow read once: the next read is lean and gives the
same figures (the fingerprint of main's code); the rows never stand in for the export's
scores; a person who may not enter data, or a database that cannot be written, still
gets the figures and writes nothing; a stale row is never read."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import OperationalError
from test_db_cohort_fingerprint import (
    AS_OF,
    MOMENT,
    PATIENTS,
    SEED,
    compare,
    first_difference,
    plain,
)

from app.db import score_cache
from app.db.demo import fill_demo_database
from app.db.models import VisitScore
from app.domain.cohort.outcomes import cohort_outcomes, plan_layout, tables
from app.domain.permissions import Permission, system_task
from app.exports import cohort_data
from app.exports.cohort_data import COHORT_ONLY
from app.exports.export import export_database

pytestmark = pytest.mark.usefixtures("system_actor")


@pytest.fixture(scope="module")
def expected() -> dict:
    import json

    from test_db_cohort_fingerprint import EXPECTED
    return json.loads(EXPECTED.read_text(encoding="utf-8"))


@pytest.fixture
def demo(database):
    fill_demo_database(database, patients=PATIENTS, seed=SEED, as_of=AS_OF)
    return database


def fingerprint(database, keep_scores: bool = True) -> dict:
    """The fingerprint test's, read as the window reads (keeping what it scored)."""
    data = cohort_data.read_cohort(database, keep_scores=keep_scores)
    arms, schedule = plan_layout(data.protocol)
    out = cohort_outcomes(data.patients, arms, schedule)
    return {"outcomes": plain(out), "tables": plain(tables(out))}


def kept_rows(database) -> dict[int, tuple[str, str]]:
    with database.reading() as session:
        return {r.visit_id: (r.stamp, r.scores) for r in session.execute(
            select(VisitScore.visit_id, VisitScore.stamp, VisitScore.scores))}


def counting_scores(monkeypatch) -> list[int]:
    calls: list[int] = []
    original = cohort_data.score_visit

    def counted(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(cohort_data, "score_visit", counted)
    return calls


def test_a_second_read_scores_nothing_again_and_gives_mains_figures(demo, expected,
                                                                    monkeypatch):
    calls = counting_scores(monkeypatch)
    compare(fingerprint(demo), expected)
    first = len(calls)
    rows = kept_rows(demo)
    assert rows and all(stamp.startswith(COHORT_ONLY) for stamp, _ in rows.values())
    calls.clear()
    compare(fingerprint(demo), expected)
    # Only the enrollments without a baseline visit done are scored again (the demo has
    # a few: enrolled, baseline not yet completed): their visits are few next to the
    # hundreds the first read scored (460 and 0 when written).
    assert first > 400
    assert len(calls) < first / 20, len(calls)
    assert kept_rows(demo) == rows  # the second read had nothing new to keep


def test_the_export_never_takes_the_cohorts_rows_for_its_own(demo, tmp_path):
    """The export after a cohort read writes the same files as an export that scored
    every visit itself, and its whole scores replace the cohort's rows."""
    cohort_data.read_cohort(demo, keep_scores=True)
    assert any(s.startswith(COHORT_ONLY) for s, _ in kept_rows(demo).values())
    export_database(demo, tmp_path / "after_cohort", fmt="redcap", user="t", now=MOMENT)
    assert not any(s.startswith(COHORT_ONLY) for s, _ in kept_rows(demo).values())
    with demo.session() as session:
        session.execute(delete(VisitScore))
    export_database(demo, tmp_path / "scored_here", fmt="redcap", user="t", now=MOMENT)
    files = sorted(p.name for p in (tmp_path / "scored_here").iterdir()
                   if p.name != "manifest.json")
    assert "redcap_data.csv" in files
    for name in files:
        assert (tmp_path / "after_cohort" / name).read_bytes() == \
            (tmp_path / "scored_here" / name).read_bytes(), name


def test_the_cohort_leaves_the_exports_current_rows_as_they_are(demo, tmp_path, expected):
    export_database(demo, tmp_path / "export", fmt="redcap", user="t", now=MOMENT)
    before = kept_rows(demo)
    compare(fingerprint(demo), expected)
    assert kept_rows(demo) == before


def test_without_keeping_asked_the_read_writes_nothing(demo, expected):
    """The command and the reports only read (tests/e2e/test_cli_cohort.py checks the
    file byte for byte)."""
    compare(fingerprint(demo, keep_scores=False), expected)
    assert kept_rows(demo) == {}


def test_a_reader_who_may_not_enter_data_gets_the_figures_and_writes_nothing(demo,
                                                                             expected):
    demo.actor = system_task("cohort viewer", Permission.VIEW_DATA)
    compare(fingerprint(demo), expected)
    assert kept_rows(demo) == {}


def test_a_database_that_cannot_be_written_still_gives_the_figures(demo, expected,
                                                                   monkeypatch):
    def read_only(*_args, **_kwargs):  # noqa: ANN002, ANN003, ANN202
        raise OperationalError("INSERT INTO visit_score", {},
                               sqlite3.OperationalError("attempt to write a readonly database"))

    monkeypatch.setattr(score_cache, "store", read_only)
    compare(fingerprint(demo), expected)
    assert kept_rows(demo) == {}


def test_nothing_is_kept_when_data_changed_since_the_read(demo, monkeypatch):
    """A save committed between the read and the keeping: the rows could be older than
    the data, so none are kept (app.db.score_cache.store checks the audit head)."""
    heads = iter(range(1000, 1010))  # the head moves between the read and the keeping
    monkeypatch.setattr(score_cache, "audit_head_id", lambda _connection: next(heads))
    cohort_data.read_cohort(demo, keep_scores=True)
    assert kept_rows(demo) == {}


def test_a_stale_row_is_never_read_and_a_current_one_is(demo, expected):
    """Every kept row's values made absurd (TIS 99, never inactive): with stamps of an
    earlier visit version they are not read (mains figures); with their own stamps they
    are (the figures change), so the first result is not a lean read ignoring them."""
    cohort_data.read_cohort(demo, keep_scores=True)
    absurd = ('{"_cohort":{"printo_inactive":false,"tis":99.0,"tis_category":"major",'
              '"imacs_improved":true,"response":true,"cmas":1.0,"chaq":3.0,"mmt8":1.0,'
              '"pga":10.0}}')
    with demo.session() as session:
        rows = session.execute(select(VisitScore.visit_id, VisitScore.stamp)).all()
        for visit_id, stamp in rows:
            prefix, scores_version, visit_version, rest = stamp.split("|", 3)
            stale = "|".join((prefix, scores_version, str(int(visit_version) + 1), rest))
            session.execute(update(VisitScore).where(VisitScore.visit_id == visit_id)
                            .values(stamp=stale, scores=absurd))
    compare(fingerprint(demo), expected)
    with demo.session() as session:
        session.execute(delete(VisitScore))
    cohort_data.read_cohort(demo, keep_scores=True)
    with demo.session() as session:
        assert session.scalar(select(func.count()).select_from(VisitScore)) > 400
        session.execute(update(VisitScore).values(scores=absurd))
    assert first_difference(fingerprint(demo), expected) is not None
