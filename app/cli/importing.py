"""`jdm-ctp import --db PATH DIR`: load an identified redcap export made by jdm-ctp."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("directory", metavar="DIR", help="folder of an identified redcap export")
    parser.add_argument("--user", default=None, help="who is importing (for the audit trail)")


def run(args: argparse.Namespace) -> int:
    from app.db.file_health import DatabaseFileProblem, open_existing, require_writable
    from app.db.import_data import ImportRejected, import_directory
    from app.db.migrate import DatabaseOpenError

    directory = Path(args.directory)
    if not directory.is_dir():
        print(f"jdm-ctp: {directory} is not a folder", file=sys.stderr)
        return 2
    try:
        # The target must exist (create a new one with `jdm-ctp db upgrade`), be sound and
        # be writable: a mistyped --db never becomes a new database holding the import.
        database = open_existing(getattr(args, "db", None), getattr(args, "db_passphrase", None))
    except (DatabaseOpenError, DatabaseFileProblem) as error:
        print(f"jdm-ctp: {error}", file=sys.stderr)
        return 1
    try:
        require_writable(database)
        summary = import_directory(database, directory,
                                   user=getattr(args, "user", None) or getpass.getuser())
    except (ImportRejected, DatabaseFileProblem) as error:
        print(f"jdm-ctp: {error}", file=sys.stderr)
        return 1
    finally:
        database.dispose()
    print(summary.describe())
    return 0
