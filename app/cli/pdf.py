"""`jdm-ctp pdf --db PATH --patient STUDYID --visit NAME --out FILE
[--kind summary|worksheet|dosing] [--paper letter|a4]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.reports.documents import KINDS, write_pdf


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--patient", required=True, metavar="STUDYID",
                        help="the patient's study id, e.g. JDM-001")
    parser.add_argument("--visit", required=True, metavar="NAME",
                        help="visit code, e.g. baseline, month_6, unscheduled:2")
    parser.add_argument("--out", required=True, metavar="FILE", help="the PDF file to write")
    parser.add_argument("--kind", choices=KINDS, default="summary",
                        help="summary (default): the visit's results and derivations; "
                             "worksheet: a blank form to fill in by hand; dosing: the dosing "
                             "sheet")
    parser.add_argument("--paper", choices=("letter", "a4"), default="letter",
                        help="paper size (default letter)")


def run(args: argparse.Namespace) -> int:
    from app.db.file_health import DatabaseFileProblem, open_existing, storage_problem
    from app.db.migrate import DatabaseOpenError
    from app.db.visit_report_data import VisitNotFoundError, gather_visit_report
    from app.reports.output_files import OutputWriteError

    try:
        # Reads one visit and writes nothing into the database: no whole-file damage check
        # (seconds on a large file); a damaged page it does read is reported below.
        database = open_existing(getattr(args, "db", None), getattr(args, "db_passphrase", None),
                                 check_damage=False)
    except (DatabaseOpenError, DatabaseFileProblem) as error:
        print(f"jdm-ctp: {error}", file=sys.stderr)
        return 1
    try:
        with database.reading() as session:
            report = gather_visit_report(session, args.patient, args.visit)
    except VisitNotFoundError as error:
        print(f"jdm-ctp: {error}", file=sys.stderr)
        return 1
    except Exception as error:
        # A damaged page met while reading: one line naming the backup to restore.
        problem = storage_problem(error, database, retry="run the command again")
        if problem is None:
            raise
        print(f"jdm-ctp: {problem}", file=sys.stderr)
        return 1
    finally:
        database.dispose()
    try:
        out = write_pdf(report, getattr(args, "kind", "summary"), Path(args.out),
                        getattr(args, "paper", "letter"))
    except OutputWriteError as error:
        print(f"jdm-ctp: {error}", file=sys.stderr)
        return 1
    print(f"Wrote {out}")
    return 0
