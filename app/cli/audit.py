"""`jdm-ctp audit verify --db PATH`: check the audit trail's hash chain; exit 0 if intact.

Prints "OK: ..." and exits 0, or names the first broken entry and exits 1. The
database is only read (a SQLite file is opened read-only), so it can be run on a
suspect file or a backup without changing it. ``args.db`` comes from the CLI's shared
``--db`` option (``db_option`` parent in app/cli.py); no other arguments are needed.
"""

from __future__ import annotations

import argparse
import sys

EXIT_OK = 0
EXIT_BROKEN = 1


def add_arguments(parser: argparse.ArgumentParser, db_option: argparse.ArgumentParser) -> None:
    from app.cli.common import Parser

    actions = parser.add_subparsers(dest="audit_command", metavar="ACTION", parser_class=Parser,
                                    required=True)
    actions.add_parser("verify", parents=[db_option],
                       help="check the hash chain: OK or the first broken entry")


def run(args: argparse.Namespace) -> int:
    return run_audit_verify(args)


def run_audit_verify(args: argparse.Namespace) -> int:
    from app.db.audit import verify_url
    from app.db.engine import resolve_database_url
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
        ok, _count, message = verify_url(url, passphrase)
    except (DatabaseOpenError, DatabaseFileProblem) as error:
        print(f"jdm-ctp: {error}", file=sys.stderr)
        return EXIT_BROKEN
    except Exception as error:  # noqa: BLE001 - a damaged file must give a message, not a trace
        print(f"jdm-ctp: the audit trail could not be read: {error}", file=sys.stderr)
        return EXIT_BROKEN
    if ok:
        # The chain is consistent; has its end been cut off since this computer last saw it?
        try:
            cut = anchor_problem(url, getattr(args, "db_passphrase", None))
        except Exception as error:  # noqa: BLE001 - same reasoning as above
            cut = f"the end of the audit trail could not be checked: {error}"
        if cut is not None:
            print(f"BROKEN: {cut}")
            return EXIT_BROKEN
        print(message)
        return EXIT_OK
    print(f"BROKEN: {message}")
    return EXIT_BROKEN


def anchor_problem(url: str, passphrase: str | None) -> str | None:
    """The anchor check (app.db.audit_anchor) on a read-only connection; None if fine."""
    from app.db.audit import read_only_session
    from app.db.audit_anchor import check_head
    from app.db.engine import database_label

    with read_only_session(url, passphrase) as session:
        return check_head(session, database_label(url))
