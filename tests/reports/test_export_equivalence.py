"""An export scored without the worded explanations (``explain=False``, the bulk path) is
byte-identical to one scored with them (what the visit form and the PDF visit summary
use): the words never change a number."""

from __future__ import annotations

from datetime import date

import pytest

import app.exports.records as export_data
from app.db.demo import fill_demo_database
from app.exports.export import export_database

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")


@pytest.fixture
def demo(database):
    fill_demo_database(database, patients=60, seed=11, as_of=date(2026, 6, 1))
    return database


def _explained(monkeypatch) -> None:
    """Force explain=True wherever the export asks for numbers only."""
    real_score, real_compare = export_data.score_visit, export_data.compare_to_baseline
    real_of = export_data.Baseline.of.__func__

    def score_visit(values, *, explain=True):
        return real_score(values, explain=True)

    def compare_to_baseline(baseline, now, *, is_baseline, explain=True):
        return real_compare(baseline, now, is_baseline=is_baseline, explain=True)

    def of(cls, scores, *, explain=True):
        return real_of(cls, scores, explain=True)

    monkeypatch.setattr(export_data, "score_visit", score_visit)
    monkeypatch.setattr(export_data, "compare_to_baseline", compare_to_baseline)
    monkeypatch.setattr(export_data.Baseline, "of", classmethod(of))


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
