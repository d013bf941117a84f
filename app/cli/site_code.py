"""`jdm-ctp site-code show` / `jdm-ctp site-code set CODE [--confirm-change] [--user NAME]
[--password-file F]`: the installation's site code (app.db.site_code), which every
exported record id starts with. Setting it is an administrator's act, checked by the
service; a change after exports exist needs ``--confirm-change`` and is audited."""

from __future__ import annotations

import argparse

from app.cli.account import add_account_arguments, refusal_types, sign_in
from app.cli.common import fail


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("show", "set"), help="show or set the site code")
    parser.add_argument("code", nargs="?", default=None, metavar="CODE",
                        help="set: 2 to 10 letters and digits, starting with a letter")
    parser.add_argument("--confirm-change", action="store_true",
                        help="confirm changing a code that exports already carry")
    add_account_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from app.db.file_health import DatabaseFileProblem, open_existing, require_writable
    from app.db.migrate import DatabaseOpenError
    from app.db.site_code import HOW_TO_SET, is_pooled, set_site_code, site_code
    from app.domain.errors import InputError

    if args.action == "set" and not args.code:
        return fail("give the site code: jdm-ctp site-code set CODE", 2)
    try:
        database = open_existing(getattr(args, "db", None), getattr(args, "db_passphrase", None))
    except (DatabaseOpenError, DatabaseFileProblem) as error:
        return fail(error)
    try:
        if args.action == "show":
            with database.reading() as session:
                code, pooled = site_code(session), is_pooled(session)
            if pooled:
                print("This is a coordinator's pooled database: each record keeps its site's "
                      "code.")
            else:
                print(f"Site code: {code}" if code else f"No site code is set. {HOW_TO_SET}")
            return 0
        require_writable(database)
        actor = sign_in(database, args, "site-code")
        with database.session() as session:
            code = set_site_code(session, args.code, user=actor.user_name,
                                 confirm_change=args.confirm_change)
    except InputError as error:
        extra = " (repeat with --confirm-change)" if "Confirm" in error.message else ""
        return fail(error.message + extra)
    except (DatabaseFileProblem, *refusal_types()) as error:
        return fail(error)
    finally:
        database.dispose()
    print(f"Site code set to {code}.")
    return 0
