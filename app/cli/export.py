"""`jdm-ctp export --db PATH --out DIR [--profile deidentified|identified]
[--format redcap|wide|odm] [--bom] [--user NAME] [--password-file F]`: coordinator exports.

The person exporting signs in (app.cli.account); the export service checks their
account's current role: de-identified exports for clinicians, coordinators and
administrators, identified ones for coordinators only, who also confirm with
``--confirm-identified`` (the GUI asks in a dialog). The export's audit entry is
credited to that account.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli.account import add_account_arguments, refusal_types, sign_in
from app.cli.progress import add_quiet_argument, progress
from app.domain.display_words import counted


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", required=True, metavar="DIR", help="folder for the files")
    parser.add_argument("--profile", choices=("deidentified", "identified"),
                        default="deidentified",
                        help="deidentified (default): no names, MRN, dates of birth, free "
                             "text; dates as days since enrollment")
    parser.add_argument("--format", dest="format", choices=("redcap", "wide", "odm"),
                        default="redcap",
                        help="redcap (default): REDCap data import file with its data "
                             "dictionary and events; wide: one row per patient with a "
                             "codebook, for spreadsheets and statistics packages; odm: CDISC "
                             "ODM 1.3.2 clinical data with the REDCap project XML its "
                             "OIDs refer to (audit records and signatures when identified)")
    parser.add_argument("--bom", action="store_true",
                        help="start each CSV with a byte-order mark (for Excel)")
    parser.add_argument("--confirm-identified", action="store_true",
                        help="confirm that an identified export (names, MRN, dates of birth) "
                             "is intended; it is recorded in the audit trail")
    add_account_arguments(parser)
    parser.add_argument("--workers", type=int, default=None, metavar="N",
                        help="render the export in N worker processes (default 1: on 2 "
                             "cores, workers were measured not to make it faster)")
    add_quiet_argument(parser)


def run(args: argparse.Namespace) -> int:
    from app.db.file_health import DatabaseFileProblem, open_existing, require_writable
    from app.db.migrate import DatabaseOpenError
    from app.db.site_code import SiteCodeMissing
    from app.exports.export import UnexportableValues, default_workers, export_database
    from app.reports.identity_guard import IdentityInExport
    from app.reports.output_files import OutputWriteError

    if args.profile == "identified" and not getattr(args, "confirm_identified", False):
        print("jdm-ctp: an identified export contains names, MRN and dates of birth; "
              "repeat the command with --confirm-identified if that is intended.",
              file=sys.stderr)
        return 2
    try:
        # An export ends by writing its audit entry: the file must exist and be sound.
        database = open_existing(getattr(args, "db", None), getattr(args, "db_passphrase", None))
    except (DatabaseOpenError, DatabaseFileProblem) as error:
        print(f"jdm-ctp: {error}", file=sys.stderr)
        return 1
    try:
        # An export ends with its audit entry: refused on a read-only database before
        # anything, the sign-in included, is written.
        require_writable(database)
        actor = sign_in(database, args, "export")
        workers = default_workers(database, getattr(args, "workers", None))
        with progress(args, "Exporting", unit="patients") as report:
            result = export_database(
                database, Path(args.out), profile=args.profile, fmt=args.format,
                bom=bool(getattr(args, "bom", False)), user=actor.user_name, workers=workers,
                progress=report)
    except (DatabaseFileProblem, OutputWriteError, IdentityInExport, UnexportableValues,
            SiteCodeMissing,
            *refusal_types()) as error:
        print(f"jdm-ctp: {error}", file=sys.stderr)
        return 1
    finally:
        database.dispose()
    print(f"Exported {counted(result.records, 'patient')} ({args.profile}, {args.format}) "
          f"to {args.out}:")
    for entry in result.files:
        print(f"  {entry.name}  {counted(entry.rows, 'row')}  sha256 {entry.sha256[:16]}…")
    return 0
