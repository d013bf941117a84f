"""Every in-process path that looks at, copies, checks or replaces the database file while
the application has it open (tests/db/test_db_outside_reader.py).

Each step takes the open ``Database`` and its file path. A step that must be refused while
the file is open checks that it was, with the plain message, and goes on.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from app.db import encryption
from app.db.audit import check_audit_on_start, verify_url
from app.db.audit_anchor import check_and_remember
from app.db.automatic_backups import daily_backup_if_due
from app.db.backup import backup_database
from app.db.backup_check import verify_backup
from app.db.encryption_setup import encrypt_database
from app.db.engine import Database
from app.db.file_checks import network_share_warning
from app.db.migrate import DatabaseInUseError, current_revision, upgrade_to_head
from app.db.opening import open_database
from app.db.restore import restore_database


def _backup_now(database: Database, path: Path) -> None:
    backup_database(path, path.with_name("manual.bak.sqlite3"),
                    db_passphrase=database.passphrase,
                    actor=database.actor)


def _daily_backup(database: Database, path: Path) -> None:
    outcome = daily_backup_if_due(path, db_passphrase=database.passphrase)
    assert outcome is not None and outcome.ok, outcome


def _verify_a_backup(database: Database, path: Path) -> None:
    copy = path.with_name("verify.bak.sqlite3")
    backup_database(path, copy, db_passphrase=database.passphrase,
                    actor=database.actor)
    verify_backup(copy, db_passphrase=database.passphrase)


def _header_checks(database: Database, path: Path) -> None:
    assert encryption.has_plain_header(path) is (database.passphrase is None)
    assert encryption.looks_encrypted(path) is (database.passphrase is not None)


def _schema_checks(database: Database, path: Path) -> None:
    assert current_revision(database.url, database.passphrase) is not None
    assert not upgrade_to_head(database.url, database.passphrase).upgraded


def _open_again(database: Database, path: Path) -> None:
    open_database(path, database.passphrase).dispose()


def _audit_checks(database: Database, path: Path) -> None:
    assert check_audit_on_start(database) is None
    assert check_and_remember(database) is None
    ok, _count, _message = verify_url(database.url, database.passphrase)
    assert ok


def _network_share_check(database: Database, path: Path) -> None:
    assert network_share_warning(path) is None


def _restore_refused(database: Database, path: Path) -> None:
    copy = path.with_name("restore.bak.sqlite3")
    backup_database(path, copy, db_passphrase=database.passphrase,
                    actor=database.actor)
    with pytest.raises(DatabaseInUseError, match="open in this program"):
        restore_database(copy, path, db_passphrase=database.passphrase,
                         actor=database.actor)


def _encrypt_refused(database: Database, path: Path) -> None:
    # Converting needs the file closed; through the other SQLite library it would silently
    # drop this process's locks, so it is refused before the file is touched.
    if database.passphrase is None:
        with pytest.raises(DatabaseInUseError, match="open in this program"):
            encrypt_database(path, "a long enough passphrase", actor=database.actor)


STEPS: dict[str, Callable[[Database, Path], None]] = {
    "daily backup": _daily_backup,
    "back up now": _backup_now,
    "verify a backup": _verify_a_backup,
    "header checks": _header_checks,
    "schema checks": _schema_checks,
    "open again": _open_again,
    "audit checks": _audit_checks,
    "network share check": _network_share_check,
    "restore refused": _restore_refused,
    "encrypt refused": _encrypt_refused,
}
