"""Trend charts: small multiples from saved visits, arm changes as vertical lines."""

from __future__ import annotations

from datetime import date

import pytest
from visit_fixtures import enrolled_patient

from app.db.models import ArmAssignment
from app.db.visits import load_visit, save_visit
from app.domain.visit_form import ItemEntry
from app.forms.trend_charts import TrendChartsWidget

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")

TODAY = date(2026, 11, 21)


def test_trend_charts_plot_outcomes_and_arm_change(qtbot, database):
    pid, eid, visits = enrolled_patient(database)
    cmas = {f"cmas_{i}": ItemEntry(value_num=2) for i in range(1, 15)}  # 14 × 2 = 28
    for code, pga, on in (
        ("baseline", 5.0, date(2026, 5, 4)),
        ("month_1", 4.0, date(2026, 6, 4)),
        ("month_6", 2.0, date(2026, 11, 4)),
    ):
        with database.session() as s:
            version = load_visit(s, visits[code]).header.version_id
            save_visit(
                s,
                visits[code],
                {"global": {"pga_activity": ItemEntry(value_num=pga)}, "cmas": cmas},
                [],
                user="n",
                expected_version=version,
                visit_date=on,
            )
    with database.session() as s:
        first = s.query(ArmAssignment).filter_by(enrollment_id=eid).one()
        first.end_date = date(2026, 7, 1)
        s.add(
            ArmAssignment(
                enrollment_id=eid,
                arm_id="B",
                start_date=date(2026, 7, 1),
                reason="inadequate_response",
            )
        )
    widget = TrendChartsWidget(database, pid)
    qtbot.addWidget(widget)
    # PRINTO at each visit: CMAS 28 < 48 and PGA > 0.2 not met, CK and MMT8 not measured:
    # at most 2 of 4 can be met -> "not inactive" is decided, with 0 criteria met.
    assert widget.panels() == ["pga", "cmas", "printo_met"]
    assert widget.series.series["printo_met"] == [
        (date(2026, 5, 4), 0.0),
        (date(2026, 6, 4), 0.0),
        (date(2026, 11, 4), 0.0),
    ]
    axes = widget.figure.axes
    assert len(axes) == 3
    pga_line = axes[0].get_lines()[0]
    assert list(pga_line.get_ydata()) == [5.0, 4.0, 2.0]
    assert list(axes[1].get_lines()[0].get_ydata()) == [28.0, 28.0, 28.0]
    # one vertical dashed line per axis for the switch to arm B (+ PRINTO's 3-of-4 line)
    assert [len(ax.get_lines()) for ax in axes] == [2, 2, 3]
    assert all(ax.get_lines()[-1].get_xdata()[0] == date(2026, 7, 1) for ax in axes)
    assert "arm changes" in widget.note.text()
