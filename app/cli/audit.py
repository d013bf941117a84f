"""`jdm-ctp audit verify --db PATH [--user NAME] [--password-file F]`: check the audit trail.

Checks, in order: the hash chain; the database's id against the one the trail
recorded; this computer's anchor (entries removed from the end); every recorded value
against the data as stored now (table, record, field of each difference); every
signature against the content it signed. Prints "OK: ..." and exits 0, or one line per
problem starting "BROKEN:" and exits 1.

The database is only read (a SQLite file is opened read-only), so it can be run on a
suspect file or a backup without changing it: the person checking (view_audit:
clinicians, coordinators, administrators) is checked by password without the sign-in
being recorded there. A wrong password is the exception: it counts toward the lock-out
as at the desktop (written on a separate connection; the trail is then not checked), so
the command is no unlimited password-guessing oracle. On read-only media it cannot be
counted.
"""

from __future__ import annotations

import argparse
import sys

from app.cli.account import (
    WrongPassword,
    add_account_arguments,
    check_without_writing,
    count_wrong_password,
    refusal_types,
)
from app.cli.progress import add_quiet_argument, progress

EXIT_OK = 0
EXIT_BROKEN = 1


def add_arguments(parser: argparse.ArgumentParser, db_option: argparse.ArgumentParser) -> None:
    from app.cli.common import Parser

    actions = parser.add_subparsers(dest="audit_command", metavar="ACTION", parser_class=Parser,
                                    required=True)
    verify = actions.add_parser(
        "verify", parents=[db_option],
        help="check the chain, the anchor, every recorded value and every signature")
    add_account_arguments(verify)
    add_quiet_argument(verify)


def run(args: argparse.Namespace) -> int:
    return run_audit_verify(args)


def _counted(args: argparse.Namespace, wrong: WrongPassword) -> BaseException:
    """A wrong password counts toward the lock-out as at the desktop sign-in: written on
    a connection of its own once the read-only one is closed (the trail is not checked
    then, so the one change is the refused attempt). The refusal to print."""
    from app.db.file_health import open_existing

    try:
        database = open_existing(getattr(args, "db", None), getattr(args, "db_passphrase", None),
                                 check_damage=False)
    except Exception:  # noqa: BLE001 - cannot be opened for writing: the refusal stands
        return wrong.refusal
    try:
        count_wrong_password(database, wrong, "audit verify")
    except refusal_types() as refusal:
        return refusal
    finally:
        database.dispose()
    return wrong.refusal


def run_audit_verify(args: argparse.Namespace) -> int:
    from app.db.audit import read_only_session
    from app.db.audit_check import check_trail
    from app.db.engine import database_label, resolve_database_url
    from app.db.file_health import (
        DatabaseFileProblem,
        check_database_path,
        read_revision,
        require_sound_file,
    )
    from app.db.migrate import DatabaseOpenError

    url = resolve_database_url(getattr(args, "db", None))
    passphrase = getattr(args, "db_passphrase", None)
    try:
        path = check_database_path(getattr(args, "db", None))
        if path is not None:
            # An intact chain in a damaged file is no clean bill of health. (The file's
            # kind and passphrase are proved first, so neither is taken for damage.)
            read_revision(path, passphrase)
            require_sound_file(path, passphrase)
        with read_only_session(url, passphrase) as session:
            from app.db.access import current_actor
            from app.domain.permissions import Permission

            actor = check_without_writing(session, args, "audit verify")
            current_actor(session, actor, Permission.VIEW_AUDIT)
            session.rollback()
            with progress(args, "Checking the audit trail", unit="entries") as report_step:
                report = check_trail(session, database_label(url), report_step)
    except WrongPassword as wrong:
        print(f"jdm-ctp: {_counted(args, wrong)}", file=sys.stderr)
        return EXIT_BROKEN
    except (DatabaseOpenError, DatabaseFileProblem, *refusal_types()) as error:
        print(f"jdm-ctp: {error}", file=sys.stderr)
        return EXIT_BROKEN
    except Exception as error:  # noqa: BLE001 - a damaged file must give a message, not a trace
        print(f"jdm-ctp: the audit trail could not be read: {error}", file=sys.stderr)
        return EXIT_BROKEN
    if report.ok:
        print(report.summary())
        return EXIT_OK
    for problem in report.problems:
        print(f"BROKEN: {problem}")
    return EXIT_BROKEN
