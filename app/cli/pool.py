"""`jdm-ctp pool --db coordinator.sqlite3 SITE_EXPORT_DIR... [--user NAME]
[--password-file F]`: a coordinator's pooled database (app.exports.pooling). Loads the
de-identified REDCap exports of several sites, each checked (manifest, checksums,
dictionary version and hash, site code) before anything is written; a newer export of a
site replaces that site's records in one transaction. Coordinators and administrators
only (checked by the service against the signed-in account as it is now). Export the
pooled REDCap file with `jdm-ctp export` on the same database."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.account import add_account_arguments, refusal_types, sign_in
from app.cli.common import fail
from app.cli.progress import add_quiet_argument, working


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("directories", nargs="+", metavar="SITE_EXPORT_DIR",
                        help="folders of the sites' de-identified redcap exports")
    add_account_arguments(parser)
    add_quiet_argument(parser)


def run(args: argparse.Namespace) -> int:
    from app.db.file_health import DatabaseFileProblem, open_existing, require_writable
    from app.db.migrate import DatabaseOpenError
    from app.exports.import_files import ImportRejected
    from app.exports.pooling import pool_exports

    folders = [Path(d) for d in args.directories]
    for folder in folders:
        if not folder.is_dir():
            return fail(f"{folder} is not a folder", 2)
    try:
        database = open_existing(getattr(args, "db", None), getattr(args, "db_passphrase", None))
    except (DatabaseOpenError, DatabaseFileProblem) as error:
        return fail(error)
    try:
        require_writable(database)
        actor = sign_in(database, args, "pool")
        with working(args, "Pooling"):
            summary = pool_exports(database, folders, user=actor.user_name)
    except ImportRejected as rejected:
        return fail(str(rejected).replace("The import was rejected", "Nothing was pooled", 1))
    except (DatabaseFileProblem, *refusal_types()) as error:
        return fail(error)
    finally:
        database.dispose()
    print(f"Pooled {summary.describe()}")
    return 0
