"""Each outcome over time as small charts, arm changes as vertical lines; the TIS at
follow-ups. Embed ``TrendChartsWidget(database, patient_id)``.

What each chart shows is decided in ``app.reports.outcome_charts`` (plain data); this
widget reads the visits, lays the charts out in a grid and draws each with ``ChartView``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from app.db.engine import Database
from app.db.outcome_trends import TrendSeries, trend_data, trend_series
from app.forms.chart_view import ChartView
from app.reports.charts import Chart
from app.reports.outcome_charts import arm_change_note, outcome_charts, shown_panels


def columns_for(count: int) -> int:
    """Five columns for nine charts (two rows fit a laptop screen), four for up to eight."""
    return 5 if count > 8 else (4 if count > 3 else max(1, count))


class TrendChartsWidget(QWidget):
    def __init__(self, database: Database, patient_id: int, parent=None) -> None:
        super().__init__(parent)
        self.database = database
        self.patient_id = patient_id
        self.series: TrendSeries | None = None
        self.charts: list[Chart] = []
        self.views: list[ChartView] = []
        self._grid_host = QWidget()
        self._grid = QGridLayout(self._grid_host)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(6)
        # Below the charts' minimum size the page scrolls instead of squeezing them.
        scroll = QScrollArea()
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._grid_host)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.note)
        self.refresh()

    def refresh(self) -> None:
        with self.database.reading() as session:
            data = trend_data(session, self.patient_id)
        self.series = trend_series(data)
        self.draw()

    def panels(self) -> list[str]:
        assert self.series is not None
        return shown_panels(self.series.series)

    def draw(self) -> None:
        assert self.series is not None
        self.charts = outcome_charts(self.series.series, self.series.followed_enzyme,
                                     self.series.arm_changes)
        while len(self.views) < len(self.charts):
            self.views.append(ChartView())
        for view in self.views[len(self.charts):]:
            self._grid.removeWidget(view)
            view.deleteLater()
        self.views = self.views[:len(self.charts)]
        columns = columns_for(len(self.charts))
        for index, (chart, view) in enumerate(zip(self.charts, self.views, strict=True)):
            view.set_chart(chart)
            self._grid.addWidget(view, index // columns, index % columns)
        self.note.setText(arm_change_note(self.series.arm_changes))
