"""The bulk export's numbers-only scoring path writes byte-identical files to an export
whose scores are computed by the explained path (the one the PDF visit summary uses)."""

from __future__ import annotations

from datetime import date

import pytest

import app.exports.records as export_data
from app.db.demo import fill_demo_database
from app.exports.export import export_database
from app.reports import outcomes


@pytest.fixture
def demo(database):
    fill_demo_database(database, patients=60, seed=11, as_of=date(2026, 6, 1))
    return database


def _explained(monkeypatch) -> None:
    """Force explain=True wherever the export asks for numbers only."""

    def score_visit(items, *, explain=True):
        return outcomes.score_visit(items, explain=True)

    def compare_to_baseline(baseline, now, *, is_baseline, most=True, explain=True):
        return outcomes.compare_to_baseline(baseline, now, is_baseline=is_baseline, most=most,
                                            explain=True)

    def baseline_enzyme(baseline, *, explain=True):
        return outcomes.baseline_enzyme(baseline, explain=True)

    monkeypatch.setattr(export_data, "score_visit", score_visit)
    monkeypatch.setattr(export_data, "compare_to_baseline", compare_to_baseline)
    monkeypatch.setattr(export_data, "baseline_enzyme", baseline_enzyme)


@pytest.mark.parametrize("fmt", ["redcap", "wide"])
@pytest.mark.parametrize("profile", ["deidentified", "identified"])
def test_fast_export_equals_explained_export(demo, tmp_path, monkeypatch, fmt, profile):
    export_database(demo, tmp_path / "fast", fmt=fmt, profile=profile, user="t")
    with monkeypatch.context() as patch:
        _explained(patch)
        export_database(demo, tmp_path / "slow", fmt=fmt, profile=profile, user="t")
    names = sorted(p.name for p in (tmp_path / "fast").glob("*.csv"))
    assert names
    for name in names:
        fast = (tmp_path / "fast" / name).read_bytes()
        assert fast == (tmp_path / "slow" / name).read_bytes(), name
    data = (tmp_path / "fast" / f"{fmt}_data.csv").read_text(encoding="utf-8")
    assert "resp_tis" in data.splitlines()[0]
