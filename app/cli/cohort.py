"""`jdm-ctp cohort --db PATH --out DIR [--protocol ID] [--format pdf|csv|png]
[--paper letter|a4] [--language en|fr] [--bootstrap N] [--user NAME] [--password-file F]`:
outcomes by arm.

``--bootstrap N`` adds the 95% intervals of the exploratory weighted comparison (N
replicates per pair of arms, each re-fitting the propensity model, fixed seed): minutes on
a large cohort, so asked for, with a progress bar on a terminal.

The person running it is checked by name and password; reading needs view_data, checked
by the service (``app.exports.cohort_data``) against that account as it is now. Like
printing, it writes nothing into the database. The files hold aggregates only: no names
and no study ids.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from app.cli.account import add_account_arguments, refusal_types, signed_in_reading
from app.cli.progress import add_quiet_argument, progress, working


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", required=True, metavar="DIR", help="folder for the files")
    parser.add_argument("--protocol", metavar="ID", default=None,
                        help="treatment plan id (default: the plan with most enrollments)")
    parser.add_argument("--format", dest="format", choices=("pdf", "csv", "png"),
                        default="pdf",
                        help="pdf (default): tables and plots; csv: one file per table and "
                             "the Kaplan-Meier steps; png: the plots as images")
    parser.add_argument("--paper", choices=("letter", "a4"), default="letter",
                        help="paper size of the PDF (default letter)")
    parser.add_argument("--language", choices=("en", "fr"), default="en",
                        help="the PDF's language: en (English, default) or fr (French, "
                             "Canada); the CSV files stay English")
    parser.add_argument("--bootstrap", type=int, default=0, metavar="N",
                        help="95%% intervals of the weighted comparison from N bootstrap "
                             "replicates per pair of arms (1000 is usual); default 0: none "
                             "(minutes on a large cohort)")
    add_quiet_argument(parser)
    add_account_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from app import __version__
    from app.db.file_health import DatabaseFileProblem, open_existing, storage_problem
    from app.db.migrate import DatabaseOpenError
    from app.domain.cohort.outcomes import cohort_outcomes, plan_layout
    from app.exports.cohort_data import CohortDataError, read_cohort
    from app.reports.cohort_report import build_cohort_pdf, cohort_title, write_cohort_csv
    from app.reports.output_files import OutputWriteError
    from app.reports.words import ENGLISH

    if args.bootstrap < 0 or args.bootstrap == 1:
        from app.cli.common import usage_error

        return usage_error(f"--bootstrap {args.bootstrap} is not a number of replicates: "
                           "0 (none) or at least 2")
    try:
        database = open_existing(getattr(args, "db", None), getattr(args, "db_passphrase", None),
                                 check_damage=False)
    except (DatabaseOpenError, DatabaseFileProblem) as error:
        print(f"jdm-ctp: {error}", file=sys.stderr)
        return 1
    started = time.perf_counter()
    try:
        signed_in_reading(database, args, "cohort")
        with working(args, "Computing the cohort outcomes"):
            data = read_cohort(database, getattr(args, "protocol", None))
            arms, schedule = plan_layout(data.protocol)
            outcomes = cohort_outcomes(data.patients, arms, schedule)
    except (CohortDataError, DatabaseFileProblem, *refusal_types()) as error:
        print(f"jdm-ctp: {error}", file=sys.stderr)
        return 1
    except Exception as error:
        problem = storage_problem(error, database, retry="run the command again")
        if problem is None:
            raise
        print(f"jdm-ctp: {problem}", file=sys.stderr)
        return 1
    finally:
        database.dispose()
    seconds = time.perf_counter() - started
    bootstrap_seconds = None
    if args.bootstrap:
        from app.domain.cohort.outcomes import add_intervals

        started = time.perf_counter()
        with progress(args, "Bootstrap", unit="replicates") as report:
            add_intervals(outcomes, data.patients, replicates=args.bootstrap,
                          progress=lambda done, total: report(done, total) or True)
        bootstrap_seconds = time.perf_counter() - started
    out = Path(args.out)
    words = ENGLISH
    if args.format == "pdf" and getattr(args, "language", "en") != "en":
        from app.cli.pdf import document_words

        words = document_words(args.language)
        if isinstance(words, str):  # the translation could not be loaded
            print(f"jdm-ctp: {words}", file=sys.stderr)
            return 1
    title = cohort_title(data.protocol.title, words)
    try:
        out.mkdir(parents=True, exist_ok=True)
        with working(args, "Writing the files"):
            if args.format == "pdf":
                files = [build_cohort_pdf(outcomes, out / f"cohort_{data.protocol.id}.pdf",
                                          title=title, paper=args.paper, version=__version__,
                                          words=words)]
            elif args.format == "csv":
                files = write_cohort_csv(outcomes, out)
            else:
                from app.forms.cohort_images import write_chart_images

                files = write_chart_images(outcomes, out)
    except (OSError, OutputWriteError) as error:
        print(f"jdm-ctp: {error}", file=sys.stderr)
        return 1
    print(f"Cohort outcomes of {len(data.patients)} enrollments in {data.protocol.id} "
          f"computed in {seconds:.1f} s"
          + ("" if bootstrap_seconds is None else
             f", bootstrap intervals ({args.bootstrap} replicates per pair) in "
             f"{bootstrap_seconds:.1f} s") + "; wrote:")
    for path in files:
        print(f"  {path}")
    return 0
