"""The visit summary PDF of one visit, in process, against its floor, per page.

App: read the visit's report data in one reading session and write its summary PDF.
Floor: bare reportlab — one table and one line chart per page, the same number of pages.
Goal (issue 22): ≤ 3× the floor per page.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from bench.harness import BenchContext, BenchPath, warm_file_cache

_PAGE = re.compile(rb"/Type /Page\b(?!s)")


def pages_of(pdf: Path) -> int:
    return len(_PAGE.findall(pdf.read_bytes()))


def bare_pages(out: Path, pages: int) -> None:
    """``pages`` pages of bare reportlab: a 25-row table and a line chart on each."""
    from reportlab.graphics.charts.linecharts import HorizontalLineChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.pagesizes import letter
    from reportlab.platypus import PageBreak, SimpleDocTemplate, Table

    story: list = []
    for page in range(pages):
        story.append(Table([[f"item {r}", str(r * 2), str(page), "unit", "note"]
                            for r in range(25)]))
        drawing = Drawing(400, 120)
        chart = HorizontalLineChart()
        chart.x, chart.y, chart.width, chart.height = 30, 20, 350, 90
        chart.data = [[40.0, 44.0, 47.0, 50.0, 51.0]]
        chart.categoryAxis.categoryNames = ["BL", "M1", "M3", "M6", "M12"]
        drawing.add(chart)
        story.append(drawing)
        if page < pages - 1:
            story.append(PageBreak())
    SimpleDocTemplate(str(out), pagesize=letter).build(story)


def _a_long_visit(database: Path) -> tuple[str, str]:
    """A patient's month-12 visit: the fullest summary (history for every trend chart)."""
    connection = sqlite3.connect(database)
    try:
        row = connection.execute(
            "SELECT p.study_id FROM visit v JOIN enrollment e ON e.id = v.enrollment_id "
            "JOIN patient p ON p.id = e.patient_id WHERE v.visit_code = 'month_12' "
            "AND v.visit_date IS NOT NULL ORDER BY p.study_id LIMIT 1").fetchone()
    finally:
        connection.close()
    return row[0], "month_12"


def paths(context: BenchContext) -> list[BenchPath]:
    from app.db.opening import open_database
    from app.domain.permissions import Permission, system_task
    from app.exports.visit_report_data import gather_visit_report
    from app.reports.visit_summary_pdf import build_visit_summary

    warm_file_cache(context.database)
    study_id, visit = _a_long_visit(context.database)
    database = open_database(context.database)
    database.actor = system_task("PDF benchmark", Permission.VIEW_DATA)
    app_out = context.workdir / "summary.pdf"
    floor_out = context.workdir / "floor.pdf"

    def app() -> None:
        with database.reading() as session:
            report = gather_visit_report(session, study_id, visit)
        build_visit_summary(report, app_out)

    app()
    pages = pages_of(app_out)
    return [BenchPath(f"visit summary PDF ({pages} pages)", app,
                      lambda: bare_pages(floor_out, pages), goal_ratio=3.0, per=pages,
                      unit="page")]
