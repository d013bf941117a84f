"""`jdm-ctp export --db PATH --out DIR [--profile deidentified|identified]
[--format redcap|wide] [--bom]`: coordinator exports from the command line.

The identified profile needs the permission the security issue will define; until then
the command line asks for ``--confirm-identified`` (the GUI asks in a dialog).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", required=True, metavar="DIR", help="folder for the files")
    parser.add_argument("--profile", choices=("deidentified", "identified"),
                        default="deidentified",
                        help="deidentified (default): no names, MRN, dates of birth, free "
                             "text; dates as days since enrollment")
    parser.add_argument("--format", dest="format", choices=("redcap", "wide"), default="redcap",
                        help="redcap (default): REDCap data import file with its data "
                             "dictionary and events; wide: one row per patient with a "
                             "codebook, for spreadsheets and statistics packages")
    parser.add_argument("--bom", action="store_true",
                        help="start each CSV with a byte-order mark (for Excel)")
    parser.add_argument("--confirm-identified", action="store_true",
                        help="confirm that an identified export (names, MRN, dates of birth) "
                             "is intended; it is recorded in the audit trail")
    parser.add_argument("--user", default=None, help="who is exporting (for the audit trail)")
    parser.add_argument("--workers", type=int, default=None, metavar="N",
                        help="compute scores in N worker processes (default: 2 for databases "
                             "of 2,000+ patients on a machine with 2+ cores, "
                             "else 1)")


def run(args: argparse.Namespace) -> int:
    from app.db.export_data import default_workers, export_database
    from app.db.file_health import DatabaseFileProblem, open_existing
    from app.db.migrate import DatabaseOpenError
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
        workers = default_workers(database, getattr(args, "workers", None))
        result = export_database(
            database, Path(args.out), profile=args.profile, fmt=args.format,
            bom=bool(getattr(args, "bom", False)),
            user=getattr(args, "user", None) or getpass.getuser(),
            workers=workers)
    except (DatabaseFileProblem, OutputWriteError) as error:
        print(f"jdm-ctp: {error}", file=sys.stderr)
        return 1
    finally:
        database.dispose()
    print(f"Exported {result.records} patients ({args.profile}, {args.format}) to {args.out}:")
    for entry in result.files:
        print(f"  {entry.name}  {entry.rows} rows  sha256 {entry.sha256[:16]}…")
    if result.manifest.get("unmapped_values"):
        print(f"  note: {result.manifest['unmapped_values']} stored values have no export "
              "column and were not exported (see manifest.json)")
    return 0
