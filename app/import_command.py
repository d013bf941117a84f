"""`jdm-ctp import --db PATH DIR`: load an identified redcap export made by jdm-ctp."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path


def add_import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("directory", metavar="DIR", help="folder of an identified redcap export")
    parser.add_argument("--user", default=None, help="who is importing (for the audit trail)")


def run_import(args: argparse.Namespace) -> int:
    from app.db.import_data import ImportRejected, import_directory
    from app.db.migrate import DatabaseOpenError, open_database

    directory = Path(args.directory)
    if not directory.is_dir():
        print(f"jdm-ctp: {directory} is not a folder", file=sys.stderr)
        return 2
    try:
        database = open_database(getattr(args, "db", None), getattr(args, "db_passphrase", None))
    except DatabaseOpenError as error:
        print(f"jdm-ctp: {error}", file=sys.stderr)
        return 1
    try:
        summary = import_directory(database, directory,
                                   user=getattr(args, "user", None) or getpass.getuser())
    except ImportRejected as error:
        print(f"jdm-ctp: {error}", file=sys.stderr)
        return 1
    finally:
        database.dispose()
    print(summary.describe())
    return 0
