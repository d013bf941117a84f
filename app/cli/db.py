"""`jdm-ctp db upgrade | encrypt | decrypt | change-passphrase`: database maintenance.

* ``db upgrade``: bring the database to this version's schema (a backup is taken first).

* ``db encrypt --new-passphrase-file F``: encrypt a plain database with SQLCipher (or
  create a new, encrypted one when there is no file yet).
* ``db decrypt --db-passphrase-file F``: store it unencrypted again (the default).
* ``db change-passphrase --db-passphrase-file OLD --new-passphrase-file NEW``.

Passphrases come from files (first line), never from the command line. Close the
application first: a database open elsewhere is refused and left as it was. The work
itself is in app.db.encryption_setup.

``db upgrade`` runs the migrations (a backup is taken first); it changes the schema,
never a clinical value, and needs no account, like the desktop application that upgrades
a database before anyone can sign in. Encrypting, decrypting and changing the passphrase
of an existing database need an administrator (``--user``, ``--password-file``), are
checked by the service against that account as stored in the database, and are audited.
"""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.account import add_account_arguments, refusal_types
from app.cli.common import EXIT_OK, Parser, fail
from app.cli.progress import add_quiet_argument, working


def add_arguments(parser: argparse.ArgumentParser, db_option: argparse.ArgumentParser) -> None:
    db_commands = parser.add_subparsers(dest="db_command", metavar="ACTION", parser_class=Parser,
                                        required=True)
    db_commands.add_parser("upgrade", parents=[db_option],
                           help="upgrade the database to this version (backup taken first)")
    _add_encryption_commands(db_commands, db_option)


def _add_encryption_commands(db_commands: Any, db_option: argparse.ArgumentParser) -> None:
    def new_passphrase(parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "--new-passphrase-file", required=True, metavar="F",
            help="file whose first line is the new database passphrase (10+ characters)")

    encrypt = db_commands.add_parser(
        "encrypt", parents=[db_option],
        help="encrypt the database file with a passphrase (SQLCipher)")
    new_passphrase(encrypt)
    decrypt = db_commands.add_parser(
        "decrypt", parents=[db_option],
        help="store the database unencrypted again (needs --db-passphrase-file)")
    change = db_commands.add_parser(
        "change-passphrase", parents=[db_option],
        help="change the database passphrase (needs --db-passphrase-file)")
    new_passphrase(change)
    for parser in (encrypt, decrypt, change):
        add_account_arguments(parser)
        add_quiet_argument(parser)


def run(args: argparse.Namespace) -> int:
    if args.db_command == "upgrade":
        return _upgrade(getattr(args, "db", None), args.db_passphrase)
    return _change_encryption(args)


def _upgrade(db_path: str | None, passphrase: str | None) -> int:
    from app.db.file_health import DatabaseFileProblem, check_database_path
    from app.db.migrate import DatabaseOpenError, upgrade_database

    try:
        # May create a new database, but never in place of a folder or a named pipe.
        check_database_path(db_path, must_exist=False)
        report = upgrade_database(db_path, passphrase)
    except (DatabaseOpenError, DatabaseFileProblem) as error:
        return fail(error)
    print(report.describe())
    return EXIT_OK


def _change_encryption(args: argparse.Namespace) -> int:
    from app.db import encryption
    from app.db.encryption_setup import (
        change_database_passphrase,
        decrypt_database,
        encrypt_database,
    )
    from app.db.engine import resolve_database_url, sqlite_file_path
    from app.db.migrate import DatabaseOpenError

    path = sqlite_file_path(resolve_database_url(getattr(args, "db", None)))
    if path is None:
        return fail("encryption at rest is for SQLite database files; a server database is "
                      "protected by the server (disk encryption, TLS, access rules).")
    current = getattr(args, "db_passphrase", None)
    from app.db.file_health import DatabaseFileProblem, check_database_path

    try:
        # Encrypting may create a new database, never in place of a folder or a pipe; the
        # other two need one that exists.
        check_database_path(path, must_exist=args.db_command != "encrypt")
    except DatabaseFileProblem as exc:
        return fail(exc)
    try:
        if args.db_command == "encrypt":
            if current is not None:
                return fail("the database is already encrypted (a --db-passphrase-file was "
                              "given); use 'db change-passphrase' to change its passphrase.")
            new = encryption.read_passphrase_file(args.new_passphrase_file)
            encryption.check_new_passphrase(new)  # a plain refusal before any sign-in
            # A new file has no accounts and no data: creating it encrypted asks nobody.
            actor = _administrator(path, None, args) if path.exists() and \
                path.stat().st_size > 0 else None
            with working(args, "Encrypting the database"):
                report = encrypt_database(path, new, actor=actor)
        elif args.db_command == "decrypt":
            if current is None:
                return fail("give the database passphrase with --db-passphrase-file F.")
            actor = _administrator(path, current, args)
            with working(args, "Storing the database unencrypted"):
                report = decrypt_database(path, current, actor=actor)
        else:
            if current is None:
                return fail("give the current database passphrase with --db-passphrase-file F.")
            new = encryption.read_passphrase_file(args.new_passphrase_file)
            encryption.check_new_passphrase(new)
            actor = _administrator(path, current, args)
            with working(args, "Changing the database passphrase"):
                report = change_database_passphrase(path, current, new, actor=actor)
    except (encryption.PassphraseError, DatabaseOpenError, DatabaseFileProblem, OSError,
            *refusal_types()) as exc:
        return fail(exc)
    print(report.describe())
    return EXIT_OK



def _administrator(path, passphrase: str | None, args: argparse.Namespace):  # noqa: ANN001, ANN202
    """Sign the administrator in to the database (counted, audited), then close it again:
    the conversion needs the file to itself."""
    from app.cli.account import sign_in
    from app.db.file_health import open_existing

    database = open_existing(path, passphrase, check_damage=False)
    try:
        return sign_in(database, args, f"db {args.db_command}")
    finally:
        database.dispose()
