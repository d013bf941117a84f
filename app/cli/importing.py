"""`jdm-ctp import --db PATH DIR [--user NAME] [--password-file F]`: load an identified
redcap export made by jdm-ctp. Coordinators and administrators only (checked by the
import service against the signed-in account as it is now)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli.account import add_account_arguments, refusal_types, sign_in
from app.cli.progress import add_quiet_argument, progress


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("directory", metavar="DIR", help="folder of an identified redcap export")
    add_account_arguments(parser)
    add_quiet_argument(parser)


def run(args: argparse.Namespace) -> int:
    from app.db.file_health import DatabaseFileProblem, open_existing, require_writable
    from app.db.migrate import DatabaseOpenError
    from app.exports.importing import ImportRejected, import_directory

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
        actor = sign_in(database, args, "import")
        # Every file is checked before anything is written, then the patients are
        # compared or written in one transaction, counted as they go.
        with progress(args, "Importing", unit="patients") as report:
            summary = import_directory(database, directory, user=actor.user_name,
                                       progress=report)
    except ImportRejected as rejected:
        # One line: the first problem and how many more (the desktop lists them all).
        print(f"jdm-ctp: {rejected.first_line}", file=sys.stderr)
        return 1
    except (DatabaseFileProblem, *refusal_types()) as error:
        print(f"jdm-ctp: {error}", file=sys.stderr)
        return 1
    finally:
        database.dispose()
    print(summary.describe())
    return 0
