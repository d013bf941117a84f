"""`jdm-ctp db encrypt | decrypt | change-passphrase`: encryption at rest of the database file.

* ``db encrypt --new-passphrase-file F``: encrypt a plain database with SQLCipher (or
  create a new, encrypted one when there is no file yet).
* ``db decrypt --db-passphrase-file F``: store it unencrypted again (the default).
* ``db change-passphrase --db-passphrase-file OLD --new-passphrase-file NEW``.

Passphrases come from files (first line), never from the command line. Close the
application first: a database open elsewhere is refused and left as it was. The work
itself is in app.db.encryption_setup.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

EXIT_OK = 0
EXIT_FAILED = 1


def add_encryption_commands(db_commands: Any, db_option: argparse.ArgumentParser) -> None:
    def new_passphrase(parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "--new-passphrase-file", required=True, metavar="F",
            help="file whose first line is the new database passphrase (10+ characters)")

    new_passphrase(db_commands.add_parser(
        "encrypt", parents=[db_option],
        help="encrypt the database file with a passphrase (SQLCipher)"))
    db_commands.add_parser(
        "decrypt", parents=[db_option],
        help="store the database unencrypted again (needs --db-passphrase-file)")
    new_passphrase(db_commands.add_parser(
        "change-passphrase", parents=[db_option],
        help="change the database passphrase (needs --db-passphrase-file)"))


def _error(message: object) -> int:
    print(f"jdm-ctp: {message}", file=sys.stderr)
    return EXIT_FAILED


def run_encryption_command(args: argparse.Namespace) -> int:
    from app.db import encryption
    from app.db.encryption_setup import (
        change_database_passphrase,
        decrypt_database,
        encrypt_database,
    )
    from app.db.engine import resolve_database_url, sqlite_file_path
    from app.db.migrate import DatabaseOpenError
    from app.gui import current_user

    path = sqlite_file_path(resolve_database_url(getattr(args, "db", None)))
    if path is None:
        return _error("encryption at rest is for SQLite database files; a server database is "
                      "protected by the server (disk encryption, TLS, access rules).")
    current = getattr(args, "db_passphrase", None)
    user = current_user()
    from app.db.file_health import DatabaseFileProblem, check_database_path

    try:
        # Encrypting may create a new database, never in place of a folder or a pipe; the
        # other two need one that exists.
        check_database_path(path, must_exist=args.db_command != "encrypt")
    except DatabaseFileProblem as exc:
        return _error(exc)
    try:
        if args.db_command == "encrypt":
            if current is not None:
                return _error("the database is already encrypted (a --db-passphrase-file was "
                              "given); use 'db change-passphrase' to change its passphrase.")
            new = encryption.read_passphrase_file(args.new_passphrase_file)
            report = encrypt_database(path, new, user=user)
        elif args.db_command == "decrypt":
            if current is None:
                return _error("give the database passphrase with --db-passphrase-file F.")
            report = decrypt_database(path, current, user=user)
        else:
            if current is None:
                return _error("give the current database passphrase with --db-passphrase-file F.")
            new = encryption.read_passphrase_file(args.new_passphrase_file)
            report = change_database_passphrase(path, current, new, user=user)
    except (encryption.PassphraseError, DatabaseOpenError, OSError) as exc:
        return _error(exc)
    print(report.describe())
    return EXIT_OK

