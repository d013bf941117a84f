"""The cohort plots as PNG images (``jdm-ctp cohort --format png``), drawn by the same
QPainter chart the window shows. Works without a display (Qt's offscreen platform)."""

from __future__ import annotations

import os
from pathlib import Path

from app.domain.cohort.outcomes import CohortOutcomes
from app.reports.cohort_charts import cohort_charts
from app.reports.output_files import OutputWriteError, atomic_file

IMAGE_SIZE = (900, 560)


def write_chart_images(out: CohortOutcomes, folder: Path | str) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        # A command line run: draw off screen, whatever display there is.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(["jdm-ctp"])
    from app.forms.chart_view import ChartView

    folder = Path(folder)
    written: list[Path] = []
    for chart in cohort_charts(out):
        view = ChartView(chart)
        view.resize(*IMAGE_SIZE)
        view.setStyleSheet("background: white")
        image = view.grab()
        target = folder / f"cohort_{chart.key}.png"
        with atomic_file(target) as partial:
            if not image.save(str(partial), "PNG"):
                raise OutputWriteError(f"{target}: the image could not be written")
        written.append(target)
        view.deleteLater()
    app.processEvents()
    return written
