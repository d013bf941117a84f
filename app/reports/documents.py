"""The printed documents of a visit, by kind: one entry point for the CLI and the GUI."""

from __future__ import annotations

from pathlib import Path

from app import __version__
from app.reports.output_files import atomic_file
from app.reports.visit_report import VisitReport
from app.reports.words import ENGLISH, Words

KINDS = ("summary", "worksheet", "dosing")


def write_pdf(report: VisitReport, kind: str, out: Path, paper: str,
              words: Words = ENGLISH) -> Path:
    """Render one of the three documents from a VisitReport into ``out``, in ``words``'
    language, whole or not at all: a full disk leaves no 0-byte or cut-off PDF
    (OutputWriteError)."""
    if kind == "summary":
        from app.reports.visit_summary_pdf import build_visit_summary as build
    elif kind == "worksheet":
        from app.reports.worksheet_pdf import build_worksheet as build
    elif kind == "dosing":
        from app.reports.dosing_sheet_pdf import build_dosing_sheet as build
    else:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}; {kind!r} was given")
    with atomic_file(out) as partial:
        build(report, partial, paper=paper, version=__version__, words=words)
    return out
