"""Accounts: first administrator, roles, argon2id hashing, lockout; every step audited."""

from __future__ import annotations

from datetime import timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from app.db import audit, users
from app.db.engine import Database
from app.db.models import AuditEntry, User
from app.db.types import utcnow
from app.domain.permissions import (
    LOCKOUT_MINUTES,
    MAX_FAILED_LOGINS,
    Actor,
    PasswordPolicyError,
    PermissionDenied,
    Role,
)

ADMIN_PW = "correct horse battery"
PW = "staple-gun-42"


def listed(session, user_name: str) -> int:
    """The account's version as the users dialog lists it (what its changes pass back)."""
    return next(r.version_id for r in users.list_users(session) if r.user_name == user_name)


def _entries(database: Database) -> list[AuditEntry]:
    with database.session() as session:
        return list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))


@pytest.fixture
def admin(database: Database) -> Actor:
    with database.session() as session:
        return users.create_first_administrator(session, "admin", "Ada Admin", ADMIN_PW)


@pytest.fixture
def clinician(database: Database, admin: Actor) -> Actor:
    with database.session() as session:
        return users.create_user(session, admin, "drsmith", "Dr Sam Smith", "clinician", PW)


def test_first_administrator_only_when_no_users(database: Database, admin: Actor) -> None:
    assert admin.role is Role.ADMINISTRATOR
    with pytest.raises(users.FirstAdministratorError), database.session() as session:
        users.create_first_administrator(session, "intruder", "", "another long password")
    with database.session() as session:
        assert [u.user_name for u in users.list_users(session)] == ["admin"]
        stored = session.scalars(select(User)).one()
    assert stored.password_hash.startswith("$argon2id$")
    assert ADMIN_PW not in stored.password_hash
    entry = _entries(database)[-1]
    assert (entry.action, entry.entity, entry.entity_id, entry.new_value) == (
        "create_user", "user", "admin", "administrator")


def test_has_users(database: Database) -> None:
    with database.session() as session:
        assert not users.has_users(session)
        users.create_first_administrator(session, "admin", "", ADMIN_PW)
        assert users.has_users(session)


def test_password_policy_enforced(database: Database, admin: Actor) -> None:
    with pytest.raises(PasswordPolicyError, match="at least 10"), database.session() as s:
        users.create_user(s, admin, "nurse", "", "data_entry", "short")


def test_duplicate_user_names_refused_ignoring_case(database: Database, admin: Actor) -> None:
    with pytest.raises(users.UserExistsError), database.session() as s:
        users.create_user(s, admin, "ADMIN", "", "data_entry", PW)


@pytest.mark.parametrize("role", ["data_entry", "clinician", "coordinator"])
def test_only_administrators_manage_users(database: Database, admin: Actor, role: str) -> None:
    with database.session() as s:
        actor = users.create_user(s, admin, "someone", "", role, PW)
    for action in (
        lambda s: users.create_user(s, actor, "other", "", "data_entry", PW),
        lambda s: users.change_role(s, actor, "admin", "data_entry", expected_version=1),
        lambda s: users.deactivate_user(s, actor, "admin", expected_version=1),
        lambda s: users.unlock_account(s, actor, "admin", expected_version=1),
        lambda s: users.reset_password(s, actor, "admin", "new password 123",
                                       expected_version=1),
    ):
        with pytest.raises(PermissionDenied), database.session() as s:
            action(s)


def test_login_success_is_audited_and_stamps_last_login(
    database: Database, clinician: Actor
) -> None:
    actor = users.sign_in(database, "DrSmith", PW)  # user name ignores case
    assert actor == Actor("drsmith", "Dr Sam Smith", Role.CLINICIAN)
    with database.session() as s:
        row = next(u for u in users.list_users(s) if u.user_name == "drsmith")
    assert row.last_login_at is not None and row.failed_logins == 0
    last = _entries(database)[-1]
    assert (last.action, last.user_name, last.entity_id) == ("login", "drsmith", "drsmith")


def test_wrong_password_counted_audited_and_kept(database: Database, clinician: Actor) -> None:
    with pytest.raises(users.WrongPasswordError, match="not correct"):
        users.sign_in(database, "drsmith", "wrong password!")
    with database.session() as s:
        assert s.scalars(select(User).where(User.user_name == "drsmith")).one().failed_logins == 1
    last = _entries(database)[-1]
    assert (last.action, last.field, last.old_value, last.new_value, last.reason) == (
        "login_failed", "failed_logins", "0", "1", "wrong password")


def test_unknown_user_is_audited_with_same_message(database: Database, admin: Actor) -> None:
    with pytest.raises(users.WrongPasswordError, match="user name or password is not correct"):
        users.sign_in(database, "nobody", PW)
    last = _entries(database)[-1]
    assert (last.action, last.entity_id, last.reason) == (
        "login_failed", "nobody", "unknown user name")


def test_lockout_after_five_failures_then_expiry(database: Database, clinician: Actor) -> None:
    start = utcnow()
    for attempt in range(1, MAX_FAILED_LOGINS):
        with pytest.raises(users.WrongPasswordError):
            users.sign_in(database, "drsmith", f"wrong {attempt} xxxxxxx", now=start)
    with pytest.raises(users.AccountLockedError, match="locked"):
        users.sign_in(database, "drsmith", "wrong 5 xxxxxxx", now=start)
    actions = [e.action for e in _entries(database)]
    assert actions[-1] == "account_locked"
    # Locked: even the right password is refused until the lock runs out.
    later = start + timedelta(minutes=LOCKOUT_MINUTES - 1)
    with pytest.raises(users.AccountLockedError):
        users.sign_in(database, "drsmith", PW, now=later)
    assert _entries(database)[-1].action == "login_refused"
    after = start + timedelta(minutes=LOCKOUT_MINUTES, seconds=1)
    assert users.sign_in(database, "drsmith", PW, now=after).user_name == "drsmith"
    with database.session() as s:
        row = s.scalars(select(User).where(User.user_name == "drsmith")).one()
    assert row.failed_logins == 0 and row.locked_until is None


def test_administrator_unlocks_account(database: Database, admin: Actor, clinician: Actor) -> None:
    for _ in range(MAX_FAILED_LOGINS):
        with pytest.raises(users.LoginRefused):
            users.sign_in(database, "drsmith", "wrong wrong wrong")
    with database.session() as s:
        users.unlock_account(s, admin, "drsmith", expected_version=listed(s, "drsmith"))
    assert users.sign_in(database, "drsmith", PW).user_name == "drsmith"
    unlock = [e for e in _entries(database) if e.action == "unlock_account"]
    assert unlock[0].user_name == "admin" and unlock[0].new_value is None
    assert unlock[0].old_value is not None  # the lock time it lifted


def test_change_role_audited_with_old_and_new(
    database: Database, admin: Actor, clinician: Actor
) -> None:
    with database.session() as s:
        users.change_role(s, admin, "drsmith", "coordinator", reason="now runs the study",
                          expected_version=listed(s, "drsmith"))
    entry = _entries(database)[-1]
    assert (entry.action, entry.user_name, entry.entity_id, entry.old_value, entry.new_value,
            entry.reason) == ("change_role", "admin", "drsmith", "clinician", "coordinator",
                              "now runs the study")
    assert users.sign_in(database, "drsmith", PW).role is Role.COORDINATOR


def test_last_administrator_cannot_be_demoted_or_deactivated(
    database: Database, admin: Actor, clinician: Actor
) -> None:
    with pytest.raises(users.LastAdministratorError), database.session() as s:
        users.change_role(s, admin, "admin", "clinician", expected_version=listed(s, "admin"))
    with database.session() as s:
        users.create_user(s, admin, "admin2", "", "administrator", PW)
    with pytest.raises(users.LastAdministratorError), database.session() as s:
        users.deactivate_user(s, Actor("admin2", "", "administrator"), "admin",
                              expected_version=listed(s, "admin"))
        users.deactivate_user(s, admin, "admin2", expected_version=listed(s, "admin2"))


def test_cannot_deactivate_self(database: Database, admin: Actor) -> None:
    with pytest.raises(users.AccountError, match="your own"), database.session() as s:
        users.deactivate_user(s, admin, "admin", expected_version=listed(s, "admin"))


def test_deactivated_user_cannot_sign_in(
    database: Database, admin: Actor, clinician: Actor
) -> None:
    with database.session() as s:
        users.deactivate_user(s, admin, "drsmith", reason="left the clinic",
                              expected_version=listed(s, "drsmith"))
    entry = _entries(database)[-1]
    assert (entry.action, entry.old_value, entry.new_value, entry.reason) == (
        "deactivate_user", "true", "false", "left the clinic")
    with pytest.raises(users.AccountInactiveError, match="deactivated"):
        users.sign_in(database, "drsmith", PW)
    with database.session() as s:
        users.reactivate_user(s, admin, "drsmith", expected_version=listed(s, "drsmith"))
    assert users.sign_in(database, "drsmith", PW).user_name == "drsmith"


def test_reset_and_change_password_never_audit_the_secret(
    database: Database, admin: Actor, clinician: Actor
) -> None:
    with database.session() as s:
        users.reset_password(s, admin, "drsmith", "brand new password",
                             expected_version=listed(s, "drsmith"))
    with database.session() as s:
        users.change_own_password(s, clinician, "brand new password", "another new one!")
    with pytest.raises(users.WrongPasswordError), database.session() as s:
        users.change_own_password(s, clinician, "not the password", "whatever 123456")
    assert users.sign_in(database, "drsmith", "another new one!").user_name == "drsmith"
    texts = " ".join(f"{e.old_value} {e.new_value} {e.reason}" for e in _entries(database))
    assert "brand new password" not in texts and "another new one!" not in texts


def test_hash_upgraded_when_parameters_change(database: Database, clinician: Actor) -> None:
    with database.session() as s:
        old_hash = s.scalars(select(User.password_hash).where(User.user_name == "drsmith")).one()
    previous = users.set_password_hasher(PasswordHasher(time_cost=2, memory_cost=128,
                                                        parallelism=1))
    try:
        users.sign_in(database, "drsmith", PW)
        with database.session() as s:
            new_hash = s.scalars(
                select(User.password_hash).where(User.user_name == "drsmith")).one()
    finally:
        users.set_password_hasher(previous)
    assert new_hash != old_hash and "m=128,t=2" in new_hash
    assert "m=64,t=1" in old_hash


def test_confirm_password_counts_failures(database: Database, clinician: Actor) -> None:
    with pytest.raises(users.WrongPasswordError):
        users.confirm_password(database, clinician, "nope nope nope")
    assert _entries(database)[-1].action == "unlock_screen_failed"
    assert users.confirm_password(database, clinician, PW) == clinician
    assert _entries(database)[-1].action == "unlock_screen"


def test_record_event_and_chain_verifies(database: Database, clinician: Actor) -> None:
    with database.session() as s:
        users.record_event(s, clinician, "screen_locked", reason="10 minutes inactive")
        users.record_event(s, clinician, "logout")
        assert audit.verify_chain(s) == (True, None)
    assert [e.action for e in _entries(database)[-2:]] == ["screen_locked", "logout"]
