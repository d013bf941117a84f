"""`jdm-ctp pdf --db PATH --patient STUDYID --visit NAME --out FILE
[--kind summary|worksheet|dosing] [--paper letter|a4]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app import __version__

KINDS = ("summary", "worksheet", "dosing")


def add_pdf_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--patient", required=True, metavar="STUDYID")
    parser.add_argument("--visit", required=True, metavar="NAME",
                        help="visit code, e.g. baseline, month_6, unscheduled:2")
    parser.add_argument("--out", required=True, metavar="FILE")
    parser.add_argument("--kind", choices=KINDS, default="summary")
    parser.add_argument("--paper", choices=("letter", "a4"), default="letter")


def write_pdf(report, kind: str, out: Path, paper: str) -> Path:
    """Render one of the three documents from a VisitReport."""
    if kind == "summary":
        from app.reports.visit_summary_pdf import build_visit_summary

        return build_visit_summary(report, out, paper=paper, version=__version__)
    if kind == "worksheet":
        from app.reports.worksheet_pdf import build_worksheet

        return build_worksheet(report, out, paper=paper, version=__version__)
    from app.reports.dosing_sheet_pdf import build_dosing_sheet

    return build_dosing_sheet(report, out, paper=paper, version=__version__)


def run_pdf(args: argparse.Namespace) -> int:
    from app.db.migrate import DatabaseOpenError, open_database
    from app.db.visit_report_data import VisitNotFoundError, gather_visit_report

    try:
        database = open_database(getattr(args, "db", None), getattr(args, "db_passphrase", None))
    except DatabaseOpenError as error:
        print(f"jdm-ctp: {error}", file=sys.stderr)
        return 1
    try:
        with database.reading() as session:
            report = gather_visit_report(session, args.patient, args.visit)
    except VisitNotFoundError as error:
        print(f"jdm-ctp: {error}", file=sys.stderr)
        return 1
    finally:
        database.dispose()
    out = write_pdf(report, getattr(args, "kind", "summary"), Path(args.out),
                    getattr(args, "paper", "letter"))
    print(f"Wrote {out}")
    return 0
