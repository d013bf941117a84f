"""The cohort report: outcomes by arm as a PDF (tables and plots) or CSV files, from the
plain results of ``app.domain.cohort``. Patients appear only as counts: no names, and no
study ids either (the desktop window lists the patients behind a number)."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from reportlab.lib.pagesizes import landscape
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, SimpleDocTemplate

from app.domain.cohort.outcomes import CohortOutcomes, Table, tables
from app.reports.chart_pdf import chart_drawing
from app.reports.charts import Chart
from app.reports.cohort_charts import cohort_charts
from app.reports.csv_safety import escape_text
from app.reports.output_files import atomic_file
from app.reports.pdf_common import (
    MARGIN,
    esc,
    grid,
    numbered_canvas,
    p,
    page_size,
    section,
    spacer,
)
from app.reports.words import COHORT, COHORT_TABLE, ENGLISH, QT_TRANSLATE_NOOP, Words, fill

# What the footer says the report holds: only counts and statistics (the desktop window,
# not this file, lists the patients behind a number).
AGGREGATE_REPORT = QT_TRANSLATE_NOOP(
    "PDF", "Aggregate report: counts and statistics by arm, no names or study ids")


def cohort_title(plan_title: str, words: Words = ENGLISH) -> str:
    return fill(words.translate("PDF", "Outcomes by arm — %1"), words.plan_text(plan_title))


def figure_words(text: str, words: Words) -> str:
    """A figure of app.domain.cohort (a row's label, a cell, a note) in ``words``' language,
    its numbers (computed, never typed) with the language's decimal mark (the cohort
    window reads them the same way)."""
    return words.number(_line_words(text, words))


def _line_words(line: str, words: Words) -> str:
    whole = words.translate(COHORT_TABLE, line)  # a table's title, "not recorded"
    if whole != line:
        return whole
    said = words.sentences(COHORT, line)
    # a row named by a plan's visit ("Month 6"): the plan-text catalogue's words
    return said if said != line else words.plan_text(line)


def _header(text: str, words: Words) -> str:
    """A column's title: "A: IVIG" with the arm's name in ``words``' language (the
    plan-text catalogue), "SMD A–B", "A vs B" (as the cohort window titles them)."""
    if text.startswith("SMD "):
        return fill(words.translate("PDF", "SMD %1"), text.removeprefix("SMD "))
    if " vs " in text:
        return fill(words.translate("PDF", "%1 vs %2"), *text.split(" vs ", 1))
    arm, sep, name = text.partition(": ")
    if sep:
        return fill(words.translate("PDF", "%1: %2"), arm, words.plan_text(name))
    return figure_words(text, words)


def chart_in_words(chart: Chart, words: Words) -> Chart:
    """A cohort chart with its title, axis titles and legend in ``words``' language."""
    if words.language == "en":
        return chart

    def w(text: str) -> str:
        return figure_words(text, words)

    return replace(chart, title=w(chart.title), x=replace(chart.x, title=w(chart.x.title)),
                   y=replace(chart.y, title=w(chart.y.title)),
                   series=tuple(replace(s, label=w(s.label)) for s in chart.series),
                   bands=tuple(replace(b, label=w(b.label)) for b in chart.bands),
                   empty_text=w(chart.empty_text))


def _table_flowables(table: Table, width: float, arms: int, words: Words = ENGLISH) -> list:
    """The table, the arms sharing the room and SMD columns (after the arms) narrow."""
    columns = len(table.header)
    label_width = 0.27 * width
    narrow = columns - 1 - arms
    narrow_width = 0.07 * width
    arm_width = (width - label_width - narrow * narrow_width) / max(1, arms)
    rows = [[p(esc(_header(h, words)), "cellb") for h in table.header]]
    rows += [[p(esc(figure_words(cell.text, words))) for cell in row] for row in table.rows]
    out = [section(figure_words(table.title, words)),
           grid(rows, [label_width] + [arm_width] * arms + [narrow_width] * narrow)]
    if table.note:
        out.append(p(esc(figure_words(table.note, words)), "small"))
    return out


def build_cohort_pdf(out: CohortOutcomes, target: Path | str, *, title: str,
                     paper: str = "letter", version: str = "",
                     generated: datetime | None = None, words: Words = ENGLISH) -> Path:
    """Write the report (landscape, so three arms and their SMDs fit) whole or not at all,
    in ``words``' language (``title``: as ``cohort_title`` writes it)."""
    target = Path(target)
    size = landscape(page_size(paper))
    width = size[0] - 2 * MARGIN
    generated = generated or datetime.now(UTC)
    enrolled = sum(len(c.enrolled) for c in out.counts.values())
    arm_list = ", ".join(f"{a} {words.plan_text(out.arm_names[a])}" for a in out.arms)
    story: list = [p(f"<b>{esc(title)}</b>", "title"),
                   p(esc(fill(words.translate("PDF", "%1 enrollments; arms: %2"), enrolled,
                              arm_list)), "body"), spacer()]
    story += [p(esc("• " + figure_words(note, words)), "small") for note in out.notes]
    charts = [chart_in_words(chart, words) for chart in cohort_charts(out)]
    by_key = {t.key: t for t in tables(out)}
    order: Sequence[tuple[str, str | None]] = (
        ("counts", None), ("baseline", None), ("km", "km"), ("response", "tis"),
        ("skin", "skin"), ("steroids", None), ("adverse", None), ("propensity", None))
    chart_of = {c.key: c for c in charts}
    for key, chart_key in order:
        part = _table_flowables(by_key[key], width, len(out.arms), words)
        if chart_key is not None:
            part += [spacer(), chart_drawing(chart_of[chart_key], width * 0.7, 62 * mm,
                                                 words.number)]
        story.append(KeepTogether(part))  # a plot stays with its table
    with atomic_file(target) as partial:
        doc = SimpleDocTemplate(str(partial), pagesize=size, leftMargin=MARGIN,
                                rightMargin=MARGIN, topMargin=15 * mm, bottomMargin=16 * mm,
                                title=title, author="jdm-ctp")
        doc.build(story, canvasmaker=numbered_canvas(
            words.translate("PDF", "Cohort outcomes by arm (aggregate, no patient "
                                   "identifiers)"),
            generated, version, title, holds=AGGREGATE_REPORT, words=words))
    return target


def write_cohort_csv(out: CohortOutcomes, folder: Path | str) -> list[Path]:
    """One CSV per table (label column, one column per arm; its note in a last row of one
    cell) and the Kaplan–Meier steps."""
    folder = Path(folder)
    written: list[Path] = []
    for table in tables(out):
        target = folder / f"cohort_{table.key}.csv"
        with atomic_file(target) as partial, partial.open("w", newline="",
                                                          encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow([escape_text(h) for h in table.header])
            for row in table.rows:
                writer.writerow([escape_text(c.text) for c in row])
            if table.note:  # how to read the figures travels with them
                writer.writerow([escape_text(f"Note: {table.note}")])
        written.append(target)
    target = folder / "cohort_km_steps.csv"
    with atomic_file(target) as partial, partial.open("w", newline="",
                                                      encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["arm", "day", "at_risk", "events", "censored", "survival",
                         "share_reached"])
        for arm in out.arms:
            for step in out.km[arm].km.steps:
                writer.writerow([escape_text(arm), f"{step.time:g}", step.at_risk, step.events,
                                 step.censored, f"{step.survival:.4f}",
                                 f"{1 - step.survival:.4f}"])
    written.append(target)
    return written
