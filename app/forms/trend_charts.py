"""Each outcome over time as small charts (matplotlib), arm changes as vertical lines;
the TIS at follow-ups (issue 8). Embed ``TrendChartsWidget(database, patient_id)``."""

from __future__ import annotations

from datetime import timedelta

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.dates import DateFormatter
from matplotlib.figure import Figure
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.db.engine import Database
from app.db.visits import TrendSeries, trend_data, trend_series

PANELS: tuple[tuple[str, str, tuple[float, float] | None], ...] = (
    ("cutaneous_vas", "Cutaneous activity VAS (cm)", (0, 10)),
    ("pga", "Physician global activity (cm)", (0, 10)),
    ("cmas", "CMAS (0-52)", (0, 52)),
    ("chaq_di", "CHAQ disability index (0-3)", (0, 3)),
    ("mmt8_unilateral", "MMT8 unilateral (0-80)", (0, 80)),
    ("mmt8_bilateral", "MMT8 bilateral (0-150)", (0, 150)),
    ("enzyme_x_uln", "Most abnormal enzyme (× ULN)", None),
    ("tis", "Total improvement score (provisional)", (0, 100)),
    ("printo_met", "PRINTO criteria met (of 4)", (0, 4.3)),
)


class TrendChartsWidget(QWidget):
    def __init__(self, database: Database, patient_id: int, parent=None) -> None:
        super().__init__(parent)
        self.database = database
        self.patient_id = patient_id
        self.figure = Figure(figsize=(9, 5), layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.note)
        self.series: TrendSeries | None = None
        self.refresh()

    def refresh(self) -> None:
        with self.database.reading() as session:
            data = trend_data(session, self.patient_id)
        self.series = trend_series(data)
        self.draw()

    def panels(self) -> list[str]:
        assert self.series is not None
        shown = [k for k, _t, _r in PANELS if self.series.series.get(k)]
        return shown or ["cutaneous_vas"]

    def draw(self) -> None:
        assert self.series is not None
        self.figure.clear()
        keys = self.panels()
        titles = {k: t for k, t, _r in PANELS}
        ranges = {k: r for k, _t, r in PANELS}
        columns = 5 if len(keys) > 8 else (4 if len(keys) > 3 else len(keys))
        rows = (len(keys) + columns - 1) // columns
        arm_changes = self.series.arm_changes[1:]  # the first is the initial arm
        dates = [d for points in self.series.series.values() for d, _v in points]
        dates += [d for d, _arm in arm_changes]
        span = (min(dates) - timedelta(days=20), max(dates) + timedelta(days=20)) if dates else None
        for i, key in enumerate(keys, start=1):
            ax = self.figure.add_subplot(rows, columns, i)
            points = self.series.series.get(key, [])
            title = titles[key]
            if key == "enzyme_x_uln" and self.series.followed_enzyme:
                title = f"{self.series.followed_enzyme.upper()} (× ULN, most abnormal)"
            ax.set_title(title, fontsize=8)
            if points:
                xs, ys = zip(*points, strict=True)
                ax.plot(xs, ys, marker="o", markersize=3, linewidth=1.2, color="#1f5f99")
            else:
                ax.text(
                    0.5,
                    0.5,
                    "no data",
                    ha="center",
                    va="center",
                    fontsize=8,
                    transform=ax.transAxes,
                    color="#888",
                )
            if ranges[key]:
                ax.set_ylim(*ranges[key])
            if key == "enzyme_x_uln":
                ax.axhline(1.0, color="#999", linewidth=0.8, linestyle=":")
                # From zero, with the ULN line always in view: a truncated axis makes a
                # normal-range wobble look like a flare.
                ax.set_ylim(0, max(1.2, ax.get_ylim()[1]))
            if key == "printo_met":
                ax.axhline(3, color="#999", linewidth=0.8, linestyle=":")
                inactive = self.series.series.get("printo_inactive", [])
                if inactive:
                    xs, ys = zip(*inactive, strict=True)
                    ax.plot(xs, ys, "o", color="#2e7d32", markersize=5, label="inactive")
                    ax.legend(fontsize=6, loc="lower right")
            if span is not None:
                ax.set_xlim(*span)
            ax.xaxis.set_major_formatter(DateFormatter("%b '%y"))
            for when, arm in arm_changes:
                ax.axvline(when, color="#b00020", linewidth=0.9, linestyle="--")
                ax.text(
                    when, ax.get_ylim()[1], f" arm {arm}", fontsize=6, color="#b00020", va="top"
                )
            ax.tick_params(labelsize=6)
            for label in ax.get_xticklabels():
                label.set_rotation(30)
        self.canvas.draw_idle()
        note = "Dashed red lines: arm changes."
        if not arm_changes:
            note = "No arm changes."
        self.note.setText(note + " Incomplete totals are not plotted (never imputed).")
