"""Who runs a command: a user of the database, signed in with name and password.

Every command that reads or changes clinical data signs a person in first, exactly as
the desktop application does, and then sets ``Database.actor``: the services check that
account's *current* role, and every audit entry is credited to it. The user name comes
from ``--user`` or a prompt; the password from a prompt on a terminal or from
``--password-file F`` (its first line) for scheduled jobs, never from the command line,
where it would stay in the shell history and be visible in the process list.

A password file must be readable by its owner only (like an SSH key): the README's
"service account" pattern is a dedicated account whose password file only the
operating-system account that runs the scheduled job can read.
"""

from __future__ import annotations

import argparse
import getpass
import os
import stat
import sys
from pathlib import Path
from typing import Any

MAX_PASSWORD_FILE_BYTES = 4096


class CommandRefused(Exception):
    """The command cannot run as asked; the message is one plain line."""


def add_account_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--user", default=None, metavar="NAME",
        help="your jdm-ctp user name (asked for on a terminal when not given)")
    parser.add_argument(
        "--password-file", default=None, metavar="F",
        help="file whose first line is your jdm-ctp password, readable only by you (for "
             "scheduled jobs); otherwise the password is asked for on the terminal")


def read_password_file(source: str | Path) -> str:
    """The first line of a private file (without its line ending)."""
    path = Path(source)
    try:
        info = path.stat()
    except OSError as error:
        raise CommandRefused(f"the password file {path} cannot be read ({error.strerror})"
                             ) from None
    if not stat.S_ISREG(info.st_mode):
        raise CommandRefused(f"the password file {path} is not a regular file")
    if os.name == "posix" and info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise CommandRefused(
            f"the password file {path} can be read by other users of this computer; make it "
            f"readable only by you (chmod 600 {path})")
    if info.st_size > MAX_PASSWORD_FILE_BYTES:
        raise CommandRefused(f"the password file {path} is too large to hold a password")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CommandRefused(f"the password file {path} cannot be read: {error}") from None
    password = text.splitlines()[0] if text else ""
    if not password:
        raise CommandRefused(f"the password file {path} is empty")
    return password


def credentials(args: argparse.Namespace, command: str) -> tuple[str, str]:
    name = (getattr(args, "user", None) or "").strip()
    password_file = getattr(args, "password_file", None)
    interactive = sys.stdin is not None and sys.stdin.isatty()
    if not name:
        if not interactive:
            raise CommandRefused(
                f"'jdm-ctp {command}' needs a jdm-ctp account: give --user NAME and "
                "--password-file F (or run it on a terminal to be asked)")
        name = input("jdm-ctp user name: ").strip()
    if password_file:
        return name, read_password_file(password_file)
    if not interactive:
        raise CommandRefused(
            f"'jdm-ctp {command}' needs the password of {name}: give --password-file F "
            "(or run it on a terminal to be asked)")
    return name, getpass.getpass(f"Password for {name}: ")


def _require_accounts(database: Any) -> None:
    from app.db.users import has_users

    with database.reading() as session:
        if not has_users(session):
            raise CommandRefused(
                f"the database {database.display_name} has no user accounts yet: start the "
                "application once to create the first administrator, then run this again")


def sign_in(database: Any, args: argparse.Namespace, command: str) -> Any:
    """Sign the person in (counted and audited like the desktop sign-in); set and return
    ``database.actor``. Raises CommandRefused or ``users.LoginRefused``."""
    from app.db.users import sign_in as sign_in_account

    _require_accounts(database)
    name, password = credentials(args, command)
    actor = sign_in_account(database, name, password, reason=f"command line: jdm-ctp {command}")
    database.actor = actor
    return actor


def signed_in_reading(database: Any, args: argparse.Namespace, command: str) -> Any:
    """For a reading command: check name and password without recording a sign-in (the
    command works on read-only media); a wrong password is still counted toward the
    lock-out (``count_wrong_password``). Set and return the actor."""
    with database.reading() as session:
        try:
            actor = check_without_writing(session, args, command)
        except WrongPassword as wrong:
            refused = wrong
        else:
            refused = None
    if refused is not None:  # counted after the reading transaction, which holds no lock
        count_wrong_password(database, refused, command)
    database.actor = actor
    return actor


def check_without_writing(session: Any, args: argparse.Namespace, command: str) -> Any:
    """Check name and password on a read-only session (``audit verify``): nothing is written
    here, so a suspect file or a read-only copy is examined exactly as it is. A wrong
    password raises ``WrongPassword`` carrying what was typed, for the caller to count
    once the read-only session is closed (``count_wrong_password``)."""
    from app.db.users import WrongPasswordError, has_users, verify_credentials

    if not has_users(session):
        raise CommandRefused(
            "the database has no user accounts yet: start the application once to create "
            "the first administrator, then run this again")
    name, password = credentials(args, command)
    try:
        return verify_credentials(session, name, password)
    except WrongPasswordError as error:
        raise WrongPassword(error, name, password) from None


class WrongPassword(Exception):
    """A wrong password (or unknown name) at a reading command, not yet counted."""

    def __init__(self, refusal: Exception, name: str, password: str) -> None:
        super().__init__(str(refusal))
        self.refusal, self.name, self.password = refusal, name, password


def count_wrong_password(database: Any, wrong: WrongPassword, command: str) -> None:
    """Count a reading command's wrong password exactly as the desktop sign-in does: the
    attempt goes through the same sign-in (which fails again, counts, audits and locks
    after too many) and its refusal is raised. A database that cannot be written
    (read-only media) cannot count it: the refusal then stands as it was."""
    from sqlalchemy.exc import SQLAlchemyError

    from app.db.users import LoginRefused
    from app.db.users import sign_in as sign_in_account

    try:
        sign_in_account(database, wrong.name, wrong.password,
                        reason=f"command line: jdm-ctp {command}")
    except LoginRefused:
        raise
    except SQLAlchemyError:
        raise wrong.refusal from None
    raise wrong.refusal  # not reached: the same password cannot be right a moment later


def refusal_types() -> tuple[type[BaseException], ...]:
    """What a sign-in or a permission check raises, each with a plain message."""
    from app.db.users import LoginRefused
    from app.domain.permissions import AccessRefused

    return (CommandRefused, LoginRefused, AccessRefused)
