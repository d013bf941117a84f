"""Issue 14, item 4: simultaneous wrong passwords are all counted (PostgreSQL).

The issue's attack: 20 wrong passwords sent at once from several workstations were all
checked, and the failed-sign-in counter ended at 1, so the lock-out after five never
came. The count is now one atomic ``UPDATE … SET failed_logins = failed_logins + 1 …
RETURNING`` made after the password check.

The test makes the race as tight as it can be: another transaction holds the write
lock while 20 workstations (one connection each) read the account and check their wrong
password; only when all 20 are waiting to count is the lock released. A count read in
Python and written back would lose increments here; every one must land.
"""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import select, text

from app.db import users, write_lock
from app.db.engine import Database
from app.db.models import AuditEntry, User
from app.domain.permissions import MAX_FAILED_LOGINS

ATTEMPTS = 20


def _waiting_for_a_lock(database: Database) -> int:
    with database.engine.connect() as watcher:
        waiting = watcher.execute(text(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
            "AND datname = current_database()")).scalar_one()
        watcher.rollback()
        return waiting


@pytest.mark.postgres
def test_twenty_simultaneous_wrong_passwords_are_all_counted(database: Database, people):
    workstations = [Database(database.url) for _ in range(ATTEMPTS)]
    refusals: list[BaseException] = []
    unexpected: list[BaseException] = []

    def attempt(workstation: Database) -> None:
        try:
            users.sign_in(workstation, "coord", "a wrong password")
        except users.LoginRefused as refused:
            refusals.append(refused)
        except BaseException as error:  # noqa: BLE001 - collected for the assertion
            unexpected.append(error)

    try:
        with database.session() as holder:
            write_lock.hold(holder)  # every counting UPDATE must now wait for this
            threads = [threading.Thread(target=attempt, args=(w,)) for w in workstations]
            for thread in threads:
                thread.start()
            deadline = time.monotonic() + 60
            while _waiting_for_a_lock(database) < ATTEMPTS:
                assert time.monotonic() < deadline, "the attempts never all reached the count"
                assert not unexpected, unexpected
                time.sleep(0.05)
        for thread in threads:  # the lock is released: all 20 count at once
            thread.join(timeout=120)
    finally:
        for workstation in workstations:
            workstation.dispose()
    assert unexpected == []
    assert len(refusals) == ATTEMPTS
    with database.reading() as session:
        account = session.execute(select(User.failed_logins, User.locked_until)
                                  .where(User.user_name == "coord")).one()
        counted = session.execute(select(AuditEntry.new_value).where(
            AuditEntry.action == "login_failed", AuditEntry.user_name == "coord")).all()
    assert account.failed_logins == ATTEMPTS  # none of the 20 was lost
    assert len(counted) == ATTEMPTS
    assert sorted(int(e.new_value) for e in counted) == list(range(1, ATTEMPTS + 1))
    assert account.locked_until is not None  # locked from the 5th on
    assert ATTEMPTS >= MAX_FAILED_LOGINS
    with pytest.raises(users.AccountLockedError):
        users.sign_in(database, "coord", "long enough secret")
