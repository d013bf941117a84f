"""`jdm-ctp`: with no command, the desktop application; otherwise headless commands."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

from app import __version__, paths

EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error on ONE plain line and exits 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: {message}\n")


def _fail(message: str) -> int:
    print(f"jdm-ctp: {message}", file=sys.stderr)
    return EXIT_USAGE


def build_parser() -> argparse.ArgumentParser:
    # --db is accepted before or after the command; SUPPRESS keeps the sub-parser's default
    # from overwriting a value given before the command.
    db_option = _Parser(add_help=False)
    db_option.add_argument(
        "--db", default=argparse.SUPPRESS, metavar="PATH",
        help=f"database file (default: ${paths.DATABASE_URL_ENV} or the user data directory)")
    db_option.add_argument(
        "--db-passphrase-file", default=argparse.SUPPRESS, metavar="F",
        help="the database is encrypted (SQLCipher): file whose first line is its passphrase")

    parser = _Parser(prog="jdm-ctp", parents=[db_option],
                     description="CARRA JDM consensus treatment plans. "
                                 "With no command, starts the desktop application.")
    parser.add_argument("--version", action="version", version=f"jdm-ctp {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation without a display; exit 0 if it works")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    dose = commands.add_parser("dose", parents=[db_option], help="compute the doses of an arm")
    dose.add_argument("--protocol", required=True, help="protocol id, e.g. persistent-skin-rash")
    dose.add_argument("--arm", required=True, help="arm id, e.g. A, B or C")
    dose.add_argument("--route", help="route where an arm offers several (e.g. iv, sc)")
    dose.add_argument("--option", help="choice within an arm, e.g. adalimumab or infliximab_5 "
                                       "(tnf); without it the plan's default option if it "
                                       "names one (rituximab), else every option")
    weight = dose.add_mutually_exclusive_group(required=True)
    weight.add_argument("--weight-kg", metavar="KG")
    weight.add_argument("--weight-lb", metavar="LB")
    height = dose.add_mutually_exclusive_group()
    height.add_argument("--height-cm", metavar="CM")
    height.add_argument("--height-in", metavar="IN")
    dose.add_argument("--date-of-birth", metavar="YYYY-MM-DD",
                      help="the child's date of birth, for drugs labelled from an age "
                           "(abatacept IV from 6 years)")
    dose.add_argument("--on", metavar="YYYY-MM-DD",
                      help="the day the dose is for (age on that day; default today)")
    dose.add_argument("--json", action="store_true", help="print one JSON object")

    db = commands.add_parser("db", parents=[db_option], help="database maintenance")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", parser_class=_Parser,
                                    required=True)
    db_commands.add_parser("upgrade", parents=[db_option],
                           help="upgrade the database to this version (backup taken first)")
    from app.encryption_command import add_encryption_commands

    add_encryption_commands(db_commands, db_option)

    demo = commands.add_parser("demo-data", parents=[db_option],
                               help="fill a database with synthetic children (demos, tests)")
    demo.add_argument("--patients", type=int, required=True, metavar="N")
    demo.add_argument("--seed", type=int, default=1, metavar="S")

    from app.export_command import add_export_arguments
    from app.import_command import add_import_arguments
    from app.pdf_command import add_pdf_arguments

    add_export_arguments(commands.add_parser(
        "export", parents=[db_option], help="CSV export for coordinators (de-identified)"))
    add_pdf_arguments(commands.add_parser(
        "pdf", parents=[db_option], help="visit summary, blank worksheet or dosing sheet"))
    add_import_arguments(commands.add_parser(
        "import", parents=[db_option], help="import a redcap-format export of this app"))

    from app.backup_command import add_backup_arguments, add_restore_arguments

    add_backup_arguments(commands.add_parser(
        "backup", parents=[db_option], help="copy the database safely (optionally encrypted)"))
    add_restore_arguments(commands.add_parser(
        "restore", parents=[db_option],
        help="replace the database with a verified backup (the old file is kept)"))
    audit = commands.add_parser("audit", parents=[db_option], help="audit trail checks")
    audit_commands = audit.add_subparsers(dest="audit_command", metavar="ACTION",
                                          parser_class=_Parser, required=True)
    audit_commands.add_parser("verify", parents=[db_option],
                              help="check the hash chain: OK or the first broken entry")

    protocols = commands.add_parser("protocols", help="list the protocol files offered")
    protocols.add_argument("--json", action="store_true")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _run(argv)
    except BrokenPipeError:  # output piped into `head` and the like: not an error
        sys.stderr.close()
        return 0


def _run(argv: Sequence[str] | None) -> int:
    args = build_parser().parse_args(argv)
    if args.self_test:
        from app.self_test import run_self_test

        return run_self_test()
    db_path = getattr(args, "db", None)
    passphrase_file = getattr(args, "db_passphrase_file", None)
    args.db_passphrase = None
    if passphrase_file is not None:
        from app.db.encryption import PassphraseError, read_passphrase_file

        try:
            args.db_passphrase = read_passphrase_file(passphrase_file)
        except PassphraseError as error:
            return _fail(str(error))
    if args.command is None:
        from app.gui import run_gui

        return run_gui(db_path, args.db_passphrase)
    if args.command == "dose":
        from app.dose_command import run_dose

        return run_dose(args)
    if args.command == "db" and args.db_command != "upgrade":
        from app.encryption_command import run_encryption_command

        return run_encryption_command(args)
    if args.command == "db":
        return _db_upgrade(db_path, args.db_passphrase)
    if args.command == "demo-data":
        return _demo_data(db_path, args.patients, args.seed, args.db_passphrase)
    if args.command == "protocols":
        return _list_protocols(args.json)
    if args.command == "backup":
        from app.backup_command import run_backup

        return run_backup(args)
    if args.command == "restore":
        from app.backup_command import run_restore

        return run_restore(args)
    if args.command == "audit":
        from app.audit_command import run_audit_verify

        return run_audit_verify(args)
    if args.command == "export":
        from app.export_command import run_export

        return run_export(args)
    if args.command == "pdf":
        from app.pdf_command import run_pdf

        return run_pdf(args)
    if args.command == "import":
        from app.import_command import run_import

        return run_import(args)
    return _fail(f"unknown command {args.command!r}")


def _db_upgrade(db_path: str | None, passphrase: str | None) -> int:
    from app.db.migrate import DatabaseOpenError, upgrade_database

    try:
        report = upgrade_database(db_path, passphrase)
    except DatabaseOpenError as error:
        print(f"jdm-ctp: {error}", file=sys.stderr)
        return 1
    print(report.describe())
    return 0


def _demo_data(db_path: str | None, patients: int, seed: int, passphrase: str | None) -> int:
    if db_path is None and not os.environ.get(paths.DATABASE_URL_ENV):
        return _fail("demo-data needs --db PATH (it never fills your clinic database by default)")
    if patients < 1:
        return _fail("--patients must be at least 1")
    from app.db.demo import fill_demo_database
    from app.db.migrate import DatabaseOpenError, open_database

    try:
        database = open_database(db_path, passphrase)
    except DatabaseOpenError as error:
        print(f"jdm-ctp: {error}", file=sys.stderr)
        return 1
    try:
        summary = fill_demo_database(database, patients=patients, seed=seed)
    finally:
        database.dispose()
    print(summary)
    return 0


def _list_protocols(as_json: bool) -> int:
    from app.catalog import protocol_catalog

    catalog = protocol_catalog()
    if as_json:
        print(json.dumps({
            "protocols": [{"id": p.id, "version": p.version, "title": p.title,
                           "content_hash": p.content_hash}
                          for p in catalog.protocols.values()],
            "rejected": [str(error) for error in catalog.rejected],
        }, indent=2))
        return 0
    for protocol in catalog.protocols.values():
        print(f"{protocol.id}  version {protocol.version}  {protocol.title}")
    for error in catalog.rejected:
        print(f"REJECTED: {error}", file=sys.stderr)
    return 0
