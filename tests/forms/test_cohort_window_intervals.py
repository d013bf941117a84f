"""Cohort → Outcomes by arm, weighted comparison tab: the bootstrap intervals are computed
on request, off the interface thread with progress and Cancel, and then shown in the
table (the statistics themselves: tests/domain/test_cohort_bootstrap.py)."""

from __future__ import annotations

from datetime import date

import pytest

from app.db.demo import fill_demo_database
from app.domain.cohort.bootstrap import REPLICATES, SEED
from app.forms.cohort_window import CohortWindow

pytestmark = pytest.mark.usefixtures("system_actor")


@pytest.fixture
def demo(database):
    # 40 children: arms A and B have enough complete cases for a weighted comparison
    fill_demo_database(database, patients=40, seed=5, as_of=date(2026, 11, 1))
    return database


def cell(window, label, column=1):
    table = window.tables["propensity"]
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == label)
    return table.item(row, column).text().replace("\n", " ")  # lines split for the screen


def test_intervals_on_request_then_in_the_table(qtbot, demo):
    window = CohortWindow(demo, background=False)
    qtbot.addWidget(window)
    assert window.outcomes.propensity[("A", "B")].fit is not None
    assert window.intervals_button.isEnabled()
    assert str(REPLICATES) in window.intervals_button.text()
    assert cell(window, "95% intervals (bootstrap)").startswith("not computed")
    window.compute_intervals(replicates=40)
    result = window.outcomes.intervals[("A", "B")]
    assert result.replicates == 40 and result.seed == SEED
    assert cell(window, "95% intervals (bootstrap)").startswith(
        f"40 replicates resampled within arm, model re-fitted each time (seed {SEED}); "
        f"model not fitted in {result.not_fitted}")
    tis = result.interval("TIS at month 6")
    if tis.low is not None:
        assert f"95% CI {tis.low:+.1f} to {tis.high:+.1f}" in cell(window, "TIS at month 6")
    assert "Intervals computed in" in window.intervals_status.text()
    # a pair not shown gets no interval and says so
    assert window.outcomes.propensity[("A", "C")].fit is None
    assert cell(window, "95% intervals (bootstrap)", 2) == "—"


def test_cancel_keeps_the_table_as_it_was(qtbot, demo):
    window = CohortWindow(demo, background=True)
    qtbot.addWidget(window)
    window.job.wait_in_event_loop()
    before = cell(window, "TIS at month 6")
    window.compute_intervals(replicates=10_000_000)  # would run for hours
    assert not window.intervals_button.isEnabled()
    window.intervals_job.cancel()
    window.intervals_job.wait_in_event_loop()
    assert window.intervals_status.text() == "Cancelled: no interval was kept."
    assert window.outcomes.intervals == {}
    assert cell(window, "TIS at month 6") == before
    assert window.intervals_button.isEnabled()


@pytest.mark.usefixtures("french")
def test_intervals_in_french(qtbot, demo):
    window = CohortWindow(demo, background=False)
    qtbot.addWidget(window)
    assert "intervalles à 95 %" in window.intervals_button.text()
    window.compute_intervals(replicates=40)
    table = window.tables["propensity"]
    texts = [table.item(r, 1).text() for r in range(table.rowCount())]
    assert any(t.startswith("40 réplications rééchantillonnées dans chaque bras") for t in texts)
    # each interval rests on the replicates whose model was fitted (fewer than 40 here)
    assert any("IC à 95 %" in t and " réplications)" in t for t in texts)
    assert not any("95% CI" in t or "replicates" in t for t in texts)
