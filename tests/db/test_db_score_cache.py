"""The stored score cache (issue 22): an export scores a visit once and reads the scores
back after, byte for byte the same; any change to a visit, its items or its baseline is
followed by the next export; scores computed from an old snapshot are never kept."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select, update

from app.db import score_cache
from app.db.demo import fill_demo_database
from app.db.models import InstrumentValue, Visit, VisitScore
from app.db.visit_saving import save_visit
from app.db.visits import load_visit
from app.domain.visit_values import ItemEntry
from app.exports.export import export_database

pytestmark = pytest.mark.usefixtures("system_actor")

MOMENT = datetime(2026, 11, 1, tzinfo=UTC)


def export(database, folder: Path, fmt: str = "redcap") -> dict[str, bytes]:
    """The export's files (the manifest aside: each export has its own audit entry)."""
    export_database(database, folder, fmt=fmt, user="t", now=MOMENT)
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.name != "manifest.json"}


def fresh_export(database, folder: Path, fmt: str = "redcap") -> dict[str, bytes]:
    """The export with nothing stored: every visit scored from its items."""
    with database.session() as session:
        session.execute(delete(VisitScore))
    return export(database, folder, fmt)


def stored_count(database) -> int:
    with database.reading() as session:
        return session.scalar(select(func.count()).select_from(VisitScore))


@pytest.fixture
def demo(database):
    fill_demo_database(database, patients=8, seed=5)
    return database


def _done_visit(database, code: str) -> int:
    """A completed visit with CMAS items, of a patient whose baseline has them too."""
    with database.reading() as session:
        return session.scalars(
            select(Visit.id).join(InstrumentValue, InstrumentValue.visit_id == Visit.id)
            .where(Visit.visit_code == code, Visit.status == "complete",
                   InstrumentValue.instrument == "cmas")
            .order_by(Visit.id)).first()


def _resave(database, visit_id: int, change) -> None:  # noqa: ANN001 - values -> None
    with database.session() as session:
        record = load_visit(session, visit_id)
        values = {k: dict(v) for k, v in record.values.items()}
        change(values)
        save_visit(session, visit_id, values, list(record.adverse_events), user="system",
                   expected_version=record.header.version_id,
                   visit_date=record.header.visit_date, reason="corrected item",
                   opened=record)


def _weaker_cmas(values: dict) -> None:
    values["cmas"] = {item: ItemEntry(0.0) for item in values["cmas"]}


@pytest.mark.parametrize("fmt", ["redcap", "wide", "odm"])
def test_stored_scores_give_the_same_export_byte_for_byte_and_are_read(demo, tmp_path, fmt):
    first = fresh_export(demo, tmp_path / "first", fmt)
    with demo.reading() as session:
        visits = session.scalar(select(func.count()).select_from(Visit))
    assert stored_count(demo) == visits  # every visit of the installed plan scored once
    assert export(demo, tmp_path / "second", fmt) == first
    # The second export did read them: a stored value altered in place (stamp kept) shows.
    with demo.session() as session:
        visit_id, text = session.execute(
            select(VisitScore.visit_id, VisitScore.scores).where(
                VisitScore.scores.like('%"cmas_total":%')).limit(1)).one()
        scores = json.loads(text)
        scores["cmas"]["cmas_total"] = "STORED"
        session.execute(update(VisitScore).where(VisitScore.visit_id == visit_id)
                        .values(scores=json.dumps(scores)))
    third = export(demo, tmp_path / "third", fmt)
    assert b"STORED" in b"".join(third.values()) and b"STORED" not in b"".join(first.values())


def test_an_item_changed_after_an_export_is_followed_by_the_next_export(demo, tmp_path):
    before = export(demo, tmp_path / "before")
    visit_id = _done_visit(demo, "month_6")
    _resave(demo, visit_id, _weaker_cmas)
    after = export(demo, tmp_path / "after")
    assert after != before
    assert after == fresh_export(demo, tmp_path / "fresh")


def test_a_changed_cdasi_item_is_followed_by_the_next_export(demo, tmp_path):
    """CDASI (issue 18) is scored through score_visit: its computed activity score is in
    the stored scores, and a changed grade is followed like any other item."""
    before = export(demo, tmp_path / "before")
    with demo.reading() as session:
        visit_id = session.scalars(
            select(Visit.id).join(InstrumentValue, InstrumentValue.visit_id == Visit.id)
            .where(Visit.visit_code == "month_6", Visit.status == "complete",
                   InstrumentValue.instrument == "cdasi").order_by(Visit.id)).first()
        stored = json.loads(session.scalar(select(VisitScore.scores)
                                           .where(VisitScore.visit_id == visit_id)))
    assert "cdasi_activity" in stored["cdasi"]

    def regraded(values: dict) -> None:
        # every CDASI item one grade up where it can go (the activity score rises)
        values["cdasi"] = {item: ItemEntry((entry.value_num or 0.0) + 1.0)
                           if (entry.value_num or 0.0) < 1.0 else entry
                           for item, entry in values["cdasi"].items()}

    _resave(demo, visit_id, regraded)
    after = export(demo, tmp_path / "after")
    assert after != before
    assert after == fresh_export(demo, tmp_path / "fresh")


def test_a_changed_baseline_is_followed_by_the_responses_of_the_later_visits(demo, tmp_path):
    export(demo, tmp_path / "before")
    baseline = _done_visit(demo, "baseline")
    with demo.reading() as session:
        enrollment = session.scalar(select(Visit.enrollment_id).where(Visit.id == baseline))
        later = session.scalars(select(Visit.id).where(Visit.enrollment_id == enrollment,
                                                       Visit.id != baseline)).all()
    assert later
    _resave(demo, baseline, _weaker_cmas)
    with demo.reading() as session:  # the whole enrollment's stored scores are gone
        assert session.scalar(select(func.count()).select_from(VisitScore).where(
            VisitScore.visit_id.in_([baseline, *later]))) == 0
    after = export(demo, tmp_path / "after")
    assert after == fresh_export(demo, tmp_path / "fresh")


def test_an_item_changed_without_a_new_visit_version_is_still_followed(demo, tmp_path):
    """An item written by some other path than the visit save (the visit's version stays):
    the flush hook forgets the stored scores all the same."""
    before = export(demo, tmp_path / "before")
    visit_id = _done_visit(demo, "month_6")
    with demo.session() as session:
        version = session.scalar(select(Visit.version_id).where(Visit.id == visit_id))
        for row in session.scalars(select(InstrumentValue).where(
                InstrumentValue.visit_id == visit_id, InstrumentValue.instrument == "cmas")):
            row.value_num = 0.0
    with demo.reading() as session:
        assert session.scalar(select(Visit.version_id).where(Visit.id == visit_id)) == version
    after = export(demo, tmp_path / "after")
    assert after != before
    assert after == fresh_export(demo, tmp_path / "fresh")


def test_a_row_with_another_stamp_is_never_used(demo, tmp_path):
    expected = fresh_export(demo, tmp_path / "fresh")
    with demo.session() as session:
        session.execute(update(VisitScore).values(stamp="0|1|none|other plan",
                                                  scores='{"cmas": {"cmas_total": "OLD"}}'))
    assert export(demo, tmp_path / "again") == expected


def test_scores_read_before_a_change_are_not_kept(demo):
    """Computed from a snapshot older than the last commit: they could be stale."""
    with demo.reading() as session:
        head = score_cache.audit_head_id(session.connection())
        visit_id = session.scalar(select(Visit.id).limit(1))
    _resave(demo, _done_visit(demo, "month_6"), _weaker_cmas)  # a commit after the read
    with demo.session() as session:
        kept = score_cache.store(session, [(visit_id, "stamp", "{}")], head)
    assert kept == 0 and stored_count(demo) == 0
    with demo.session() as session:  # with nothing committed since, they are kept
        head = score_cache.audit_head_id(session.connection())
        assert score_cache.store(session, [(visit_id, "stamp", "{}")], head) == 1


def cohort(database):
    from app.exports.cohort_data import read_cohort

    return read_cohort(database).patients


def test_the_cohort_reads_the_stored_scores_and_gives_the_same_outcomes(demo, tmp_path):
    scored_from_items = cohort(demo)
    export(demo, tmp_path / "export")  # stores every visit's scores
    assert cohort(demo) == scored_from_items
    # Read lean, the cohort still has what the scores do not give (issue 18): every visit's
    # steroid doses and weight for the cumulative exposure, the disease duration.
    assert any(s.prednisone_mg_day for p in scored_from_items for s in p.steroid_visits)
    assert any(s.weight_kg for p in scored_from_items for s in p.steroid_visits)
    assert any(p.baseline.disease_duration_months for p in scored_from_items)
    # It did read them: a stored TIS altered in place (stamp kept) shows in its outcome.
    visit_id = _done_visit(demo, "month_6")
    with demo.session() as session:
        scores = json.loads(session.scalar(select(VisitScore.scores)
                                           .where(VisitScore.visit_id == visit_id)))
        scores["_cohort"]["tis"] = 99.5
        session.execute(update(VisitScore).where(VisitScore.visit_id == visit_id)
                        .values(scores=json.dumps(scores)))
    assert 99.5 in [v.tis for p in cohort(demo) for v in p.visits]


def test_the_cohort_follows_a_changed_baseline(demo, tmp_path):
    export(demo, tmp_path / "export")
    _resave(demo, _done_visit(demo, "baseline"), _weaker_cmas)
    after_change = cohort(demo)  # that enrollment scored from its items, the rest stored
    with demo.session() as session:
        session.execute(delete(VisitScore))
    assert after_change == cohort(demo)
