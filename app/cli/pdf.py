"""`jdm-ctp pdf --db PATH --patient STUDYID --visit NAME --out FILE|-
[--kind summary|worksheet|dosing] [--paper letter|a4] [--language en|fr] [--user NAME]
[--password-file F]`.

The person printing is checked by name and password; reading the visit needs view_data,
checked by the service against that account as it is now. Printing writes nothing into
the database (as in the desktop application, where printing is not audited either), so
the password is checked without recording a sign-in: the command works on read-only
media and never grows the database file.

``--language fr`` prints the document in French (Canada), with the desktop application's
translations (the same words as a French interface prints); English is the default.

``--out -`` writes the PDF to standard output (``... | lp``, ``> visit.pdf``), never to a
terminal. It is rendered in the user's private print folder first (readable by the user
only, emptied at once and at the next start of the application: the same place the print
preview uses), not in the shared temporary folder: the PDF holds the child's name."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from app.cli.account import add_account_arguments, refusal_types, signed_in_reading
from app.cli.common import usage_error
from app.reports.documents import KINDS, write_pdf
from app.reports.words import ENGLISH, Words

STDOUT = "-"  # --out -: standard output
LANGUAGES = ("en", "fr")
_QT: list = []


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--patient", required=True, metavar="STUDYID",
                        help="the patient's study id, e.g. JDM-001")
    parser.add_argument("--visit", required=True, metavar="NAME",
                        help="visit code, e.g. baseline, month_6, unscheduled:2")
    parser.add_argument("--out", required=True, metavar="FILE",
                        help=f"the PDF file to write; {STDOUT} writes it to standard output "
                             "(a pipe or a redirection, not a terminal)")
    parser.add_argument("--kind", choices=KINDS, default="summary",
                        help="summary (default): the visit's results and derivations; "
                             "worksheet: a blank form to fill in by hand; dosing: the dosing "
                             "sheet")
    parser.add_argument("--paper", choices=("letter", "a4"), default="letter",
                        help="paper size (default letter)")
    parser.add_argument("--language", choices=LANGUAGES, default="en",
                        help="the document's language: en (English, default) or fr (French, "
                             "Canada)")
    add_account_arguments(parser)


def run(args: argparse.Namespace) -> int:
    if args.out == STDOUT and _is_terminal(sys.stdout):
        # Binary PDF bytes would garble the terminal; said before anything is read.
        return usage_error("--out - writes the PDF to standard output, which is a terminal "
                           "here: redirect it (> visit.pdf) or pipe it (| lp)")
    from app.db.file_health import DatabaseFileProblem, open_existing, storage_problem
    from app.db.migrate import DatabaseOpenError
    from app.exports.visit_report_data import VisitNotFoundError, gather_visit_report
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
        signed_in_reading(database, args, "pdf")
        with database.reading() as session:
            report = gather_visit_report(session, args.patient, args.visit)
    except (VisitNotFoundError, DatabaseFileProblem, *refusal_types()) as error:
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
    kind, paper = getattr(args, "kind", "summary"), getattr(args, "paper", "letter")
    words = document_words(getattr(args, "language", "en"))
    if isinstance(words, str):  # the translation could not be loaded
        print(f"jdm-ctp: {words}", file=sys.stderr)
        return 1
    try:
        if args.out == STDOUT:
            _write_to_stdout(report, kind, paper, words)
            return 0
        out = write_pdf(report, kind, Path(args.out), paper, words)
    except OutputWriteError as error:
        print(f"jdm-ctp: {error}", file=sys.stderr)
        return 1
    print(f"Wrote {out}")
    return 0



def _is_terminal(stream) -> bool:  # noqa: ANN001 - a text stream
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def document_words(language: str) -> Words | str:
    """The document's words: English as written, or the interface's translations loaded
    for ``language`` (Qt's core application, no window; Qt is imported only then); the
    problem in words when the translation cannot be loaded."""
    if language == "en":
        return ENGLISH
    from PySide6.QtCore import QCoreApplication

    from app.forms.language import INTERFACE, LanguageError
    from app.forms.print_words import print_words

    if QCoreApplication.instance() is None:
        _QT.append(QCoreApplication([]))  # kept: the translators live on it
    try:
        INTERFACE.switch(language)
    except LanguageError as error:
        return str(error)
    return print_words(language)


def _write_to_stdout(report, kind: str, paper: str,  # noqa: ANN001 - a VisitReport
                     words: Words = ENGLISH) -> None:
    """Render in the private print folder, then hand the bytes over whole: nothing partial
    reaches the pipe if rendering fails, and no copy stays behind."""
    from app import paths

    with tempfile.TemporaryDirectory(dir=paths.private_print_dir(), prefix="cli-") as folder:
        data = write_pdf(report, kind, Path(folder) / "visit.pdf", paper, words).read_bytes()
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
