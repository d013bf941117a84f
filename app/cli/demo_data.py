"""`jdm-ctp demo-data --db PATH --patients N [--seed S]`: synthetic children for demos,
training and benchmarks. It never fills the clinic's default database.

A new database (no accounts, no patients) is filled with no one signed in, as the
application's demo-data task; adding to a database that already has accounts or
patients needs a person with the right to enter data (``--user``, ``--password-file``)."""

from __future__ import annotations

import argparse
import os

from app import paths
from app.cli.account import add_account_arguments, refusal_types, sign_in
from app.cli.common import fail, usage_error
from app.cli.progress import add_quiet_argument, progress


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--patients", type=int, required=True, metavar="N",
                        help="how many synthetic children to add")
    parser.add_argument("--seed", type=int, default=1, metavar="S",
                        help="random seed: the same seed gives the same children (default 1)")
    parser.add_argument("--site-code", default=None, metavar="CODE",
                        help="the site code of a new demo database (default DEMO); an "
                             "existing database keeps its own")
    add_account_arguments(parser)
    add_quiet_argument(parser)


def run(args: argparse.Namespace) -> int:
    return _demo_data(getattr(args, "db", None), args.patients, args.seed, args.db_passphrase,
                      args)


def _demo_data(db_path: str | None, patients: int, seed: int, passphrase: str | None,
               args: argparse.Namespace) -> int:
    if db_path is None and not os.environ.get(paths.DATABASE_URL_ENV):
        return usage_error(
            "demo-data needs --db PATH (it never fills your clinic database by default)")
    if patients < 1:
        return usage_error("--patients must be at least 1")
    from app.db.demo import fill_demo_database, is_new_database
    from app.db.file_health import (
        DatabaseFileProblem,
        check_database_path,
        read_revision,
        require_sound_file,
        require_writable,
    )
    from app.db.migrate import DatabaseOpenError
    from app.db.opening import open_database
    from app.db.site_code import set_site_code, site_code
    from app.domain.errors import InputError
    from app.domain.permissions import DEMO_DATA_TASK

    try:
        path = check_database_path(db_path, must_exist=False)
        if path is not None and path.exists() and read_revision(path, passphrase) is not None:
            require_sound_file(path, passphrase)  # adding to an existing file: never a damaged one
        database = open_database(db_path, passphrase)
    except (DatabaseOpenError, DatabaseFileProblem) as error:
        return fail(error)
    try:
        require_writable(database)
        if is_new_database(database):
            database.actor = DEMO_DATA_TASK
            # A demo installation, like a real one, exports under its site code.
            with database.session() as session:
                if site_code(session) is None:
                    set_site_code(session, getattr(args, "site_code", None) or "DEMO",
                                  user=DEMO_DATA_TASK.user_name)
        else:
            if getattr(args, "site_code", None):
                return usage_error("--site-code is only for a new demo database; set an "
                                   "existing database's code with jdm-ctp site-code set")
            sign_in(database, args, "demo-data")
        with progress(args, "Creating demo data", unit="steps") as report:
            summary = fill_demo_database(database, patients=patients, seed=seed,
                                         progress=report)
    except InputError as error:
        return fail(error.message)
    except (DatabaseFileProblem, *refusal_types()) as error:
        return fail(error)
    finally:
        database.dispose()
    print(summary)
    return 0
