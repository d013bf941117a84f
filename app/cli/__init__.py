"""`jdm-ctp`: with no command, the desktop application; otherwise a headless command.

One module per command in this package, each with ``add_arguments(parser)`` and
``run(args) -> exit code``; ``COMMANDS`` below is the only list of them. Usage errors are
one line and exit 2 (``app.cli.common.Parser``); a refused command is one line and exit 1.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Collection, Sequence

from app import __version__, paths
from app.cli.common import Parser, usage_error

# command name -> (module in this package, help line)
COMMANDS: dict[str, tuple[str, str]] = {
    "dose": ("dose", "compute the doses of an arm"),
    "db": ("db", "database maintenance: upgrade, encrypt, decrypt, change-passphrase"),
    "demo-data": ("demo_data", "fill a database with synthetic children (demos, tests)"),
    "export": ("export", "CSV export for coordinators (de-identified by default)"),
    "dictionary": ("dictionary", "write the REDCap data dictionary of the installed plans"),
    "pdf": ("pdf", "visit summary, blank worksheet or dosing sheet"),
    "cohort": ("cohort", "outcomes by arm: PDF report, CSV tables or plot images"),
    "import": ("importing", "import a redcap-format export of this application"),
    "site-code": ("site_code", "show or set this installation's site code (exported ids)"),
    "pool": ("pool", "coordinator: pool de-identified exports of several sites"),
    "backup": ("backup", "copy the database safely (optionally encrypted)"),
    "restore": ("restore", "replace the database with a verified backup (the old file is kept)"),
    "audit": ("audit", "audit trail checks"),
    "protocols": ("protocols", "list the treatment plans offered, and any file refused"),
    "completion": ("completion", "print a shell completion script (bash)"),
}


def _module(name: str):  # noqa: ANN202 - a command module
    return importlib.import_module(f"app.cli.{COMMANDS[name][0]}")


def build_parser(commands_used: Collection[str] | None = None) -> argparse.ArgumentParser:
    """The whole command line; with ``commands_used``, only those commands get their
    options (every command is still listed): each command's module is imported to add
    them, and the desktop start, which names no command, needs none of those modules."""
    # --db is accepted before or after the command; SUPPRESS keeps the sub-parser's default
    # from overwriting a value given before the command.
    db_option = Parser(add_help=False)
    db_option.add_argument(
        "--db", default=argparse.SUPPRESS, metavar="PATH",
        help=f"database file (default: ${paths.DATABASE_URL_ENV} or the user data directory)")
    db_option.add_argument(
        "--db-passphrase-file", default=argparse.SUPPRESS, metavar="F",
        help="the database is encrypted (SQLCipher): file whose first line is its passphrase")

    parser = Parser(prog="jdm-ctp", parents=[db_option],
                    description="CARRA JDM consensus treatment plans. "
                                "With no command, starts the desktop application.")
    parser.add_argument("--version", action="version", version=f"jdm-ctp {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation without a display; exit 0 if it works")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for name, (_module_name, help_text) in COMMANDS.items():
        sub = commands.add_parser(name, parents=[db_option], help=help_text)
        if commands_used is not None and name not in commands_used:
            continue
        module = _module(name)
        if name in ("db", "audit"):  # commands with actions of their own
            module.add_arguments(sub, db_option)
        else:
            module.add_arguments(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _run(argv)
    except BrokenPipeError:  # output piped into `head` and the like: not an error
        sys.stderr.close()
        return 0
    except Exception as error:
        # A full disk, a read-only or damaged file met half-way through a command: one
        # plain line, never a traceback. Anything else is a bug and keeps its traceback.
        from app.db.file_health import storage_problem

        message = storage_problem(error, retry="run the command again")
        if message is None:
            raise
        print(f"jdm-ctp: {message}", file=sys.stderr)
        return 1


def _run(argv: Sequence[str] | None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    # A word that is a command's name (even as an option's value) gets its options added.
    args = build_parser(COMMANDS.keys() & set(argv)).parse_args(argv)
    if args.self_test:
        from app.cli.self_test import run_self_test

        return run_self_test()
    passphrase_file = getattr(args, "db_passphrase_file", None)
    args.db_passphrase = None
    if passphrase_file is not None:
        from app.db.encryption import PassphraseError, read_passphrase_file

        try:
            args.db_passphrase = read_passphrase_file(passphrase_file)
        except PassphraseError as error:
            return usage_error(error)
    if args.command is None:
        from app.gui import run_gui

        return run_gui(getattr(args, "db", None), args.db_passphrase)
    return _module(args.command).run(args)
