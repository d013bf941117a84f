"""`jdm-ctp backup --db PATH --out FILE [--passphrase-file F]` and
`jdm-ctp restore --db PATH FILE [--passphrase-file F]`, each with
``[--user NAME] [--password-file F]``.

The passphrase is read from a file (its first line), never from the command line,
where it would sit in the shell history and the process list.

A backup is taken by a coordinator or an administrator (a scheduled backup signs in
with a dedicated service account, see the README); a restore by an administrator of
the database being replaced, or of the backup when there is no readable database to
replace (the password is then checked in the backup, without writing). The restore
itself is audited in the restored database.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli.account import add_account_arguments, refusal_types
from app.cli.progress import add_quiet_argument, progress, working

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def _passphrase_argument(parser: argparse.ArgumentParser, verb: str) -> None:
    parser.add_argument(
        "--passphrase-file", metavar="F", default=None,
        help=f"file whose first line is the passphrase to {verb} the backup with")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", required=True, metavar="FILE", help="where to write the backup")
    _passphrase_argument(parser, "encrypt")
    add_account_arguments(parser)
    add_quiet_argument(parser)


def add_restore_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("backup", metavar="FILE", help="the backup file to restore")
    _passphrase_argument(parser, "decrypt")
    parser.add_argument(
        "--allow-broken-audit", action="store_true",
        help="restore even if the backup's audit trail fails verification (it is reported)")
    parser.add_argument(
        "--allow-unencrypted", action="store_true",
        help="confirm that an encrypted database may be replaced by an unencrypted backup "
             "(the database is then unencrypted until encrypted again)")
    add_account_arguments(parser)
    add_quiet_argument(parser)


def _sqlite_target(args: argparse.Namespace) -> Path | None:
    from app.db.engine import resolve_database_url, sqlite_file_path

    return sqlite_file_path(resolve_database_url(getattr(args, "db", None)))


def _passphrase(args: argparse.Namespace) -> str | None:
    from app.db.backup import read_passphrase_file

    source = getattr(args, "passphrase_file", None)
    return read_passphrase_file(source) if source else None


def _error(message: object) -> int:
    print(f"jdm-ctp: {message}", file=sys.stderr)
    return EXIT_FAILED


def run(args: argparse.Namespace) -> int:
    from app.db.backup import BackupError, backup_database
    from app.db.file_health import (
        DatabaseFileProblem,
        check_database_path,
        read_revision,
        require_sound_file,
    )
    from app.db.migrate import DatabaseOpenError

    db_path = _sqlite_target(args)
    if db_path is None:
        return _error("backup works on SQLite database files; back up a server database "
                      "with the server's tools (pg_dump).")
    db_passphrase = getattr(args, "db_passphrase", None)
    try:
        check_database_path(db_path)
        # A copy of a damaged file is no backup; say which backup to restore instead.
        # (The passphrase is proved first so a wrong one is not taken for damage.)
        read_revision(db_path, db_passphrase)
        require_sound_file(db_path, db_passphrase)
    except (DatabaseFileProblem, DatabaseOpenError) as exc:
        return _error(exc)
    try:
        actor = _signed_in(db_path, db_passphrase, args, "backup")
        passphrase = _passphrase(args)
        with progress(args, "Backing up", unit="pages") as report:
            out = backup_database(db_path, Path(args.out), passphrase,
                                  db_passphrase=getattr(args, "db_passphrase", None),
                                  actor=actor, progress=report)
    except (BackupError, DatabaseOpenError, DatabaseFileProblem, OSError,
            *refusal_types()) as exc:
        return _error(exc)
    kind = "Encrypted backup" if passphrase else "Backup"
    if getattr(args, "db_passphrase", None):
        kind += " (keyed with the database passphrase)"
    print(f"{kind} of {db_path} written to {out}.")
    return EXIT_OK


def run_restore(args: argparse.Namespace) -> int:
    from app.db.backup import BackupError
    from app.db.migrate import DatabaseOpenError
    from app.db.restore import restore_database

    db_path = _sqlite_target(args)
    if db_path is None:
        return _error("restore works on SQLite database files; restore a server database "
                      "with the server's tools (pg_restore).")
    db_passphrase = getattr(args, "db_passphrase", None)
    try:
        backup_passphrase = _passphrase(args)
        actor = _restorer(db_path, db_passphrase, Path(args.backup), backup_passphrase, args)
        with working(args, "Restoring (checking the backup, then replacing the database)"):
            report = restore_database(
                Path(args.backup), db_path, backup_passphrase,
                allow_broken_audit=bool(getattr(args, "allow_broken_audit", False)),
                db_passphrase=db_passphrase,
                allow_unencrypted=bool(getattr(args, "allow_unencrypted", False)),
                actor=actor)
    except (BackupError, DatabaseOpenError, OSError, *refusal_types()) as exc:
        return _error(exc)
    print(report.describe())
    if not report.check.audit_ok:
        print("WARNING: the restored database's audit trail does not verify; "
              "run `jdm-ctp audit verify` and tell your administrator.", file=sys.stderr)
    return EXIT_OK


def _signed_in(db_path: Path, db_passphrase: str | None, args: argparse.Namespace,
               command: str):  # noqa: ANN202 - an Actor
    """Sign the person in to the database at ``db_path`` (counted and audited); the
    database is closed again before the file itself is worked on."""
    from app.cli.account import sign_in
    from app.db.file_health import open_existing

    database = open_existing(db_path, db_passphrase, check_damage=False)
    try:
        return sign_in(database, args, command)
    finally:
        database.dispose()


def _restorer(db_path: Path, db_passphrase: str | None, backup: Path,
              backup_passphrase: str | None, args: argparse.Namespace):  # noqa: ANN202
    """Who restores: signed in to the database being replaced when it can be opened,
    else checked (without writing) against the accounts in the backup itself."""
    from app.db.file_health import DatabaseFileProblem
    from app.db.migrate import DatabaseOpenError
    from app.db.restore import backup_credentials

    try:
        return _signed_in(db_path, db_passphrase, args, "restore")
    except (DatabaseFileProblem, DatabaseOpenError):
        pass  # no usable database here: what a restore is for
    from app.cli.account import credentials

    name, password = credentials(args, "restore")
    return backup_credentials(backup, backup_passphrase, db_passphrase, name, password)
