"""User accounts: creating them, signing in, lockout, roles; every step audited.

Passwords are hashed with argon2id (argon2-cffi ``PasswordHasher``); a stored hash made
with older parameters is re-hashed at the next successful sign-in. Policies (minimum
length 10, 5 failures -> locked 15 minutes) live in ``app.domain.permissions``.

A failed password check must be *kept* even though the attempt fails, but a failing
service call normally rolls its session back. So the functions that take a ``Session``
(``authenticate``, ``check_password``) record the failure and raise; callers that want
the failure counted use the ``Database``-level wrappers ``sign_in`` and
``confirm_password``, which commit the record and then raise.

An administrator's change to an account (role, deactivate, reactivate, unlock, reset
password) takes the ``version_id`` of the account as the users dialog listed it: an
account changed since (by another administrator, or by its own sign-in attempts) is
refused with ``ConcurrentEditError`` naming what changed, never overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import audit, write_lock
from app.db.conflicts import ConcurrentEditError, describe_conflict, load_current
from app.db.engine import Database
from app.db.models import User
from app.db.types import utcnow
from app.domain.permissions import (
    LOCKOUT_MINUTES,
    MAX_FAILED_LOGINS,
    Actor,
    Permission,
    Role,
    check_password_policy,
    parse_role,
    require,
    user_name_problem,
)

AUDIT_ENTITY = "user"
_USER_FIELD_MAX = 64

_hasher = PasswordHasher()  # argon2id, library defaults (RFC 9106 "low memory" profile)
_dummy_hash: str | None = None


def set_password_hasher(hasher: PasswordHasher) -> PasswordHasher:
    """Swap the hasher (tests use cheap parameters); returns the previous one."""
    global _hasher, _dummy_hash
    previous, _hasher, _dummy_hash = _hasher, hasher, None
    return previous


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _verify(stored_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def _burn_time(password: str) -> None:
    """Verify against a dummy hash so an unknown user name takes as long as a wrong password."""
    global _dummy_hash
    if _dummy_hash is None:
        _dummy_hash = _hasher.hash("not a real password")
    _verify(_dummy_hash, password)


# ------------------------------------------------------------------------ errors


class AccountError(Exception):
    """Base for account problems; the message is for the person at the screen."""


class LoginRefused(AccountError):
    """Wrong user name or password, locked or inactive account."""


class WrongPasswordError(LoginRefused):
    pass


class AccountLockedError(LoginRefused):
    def __init__(self, user_name: str, until: datetime) -> None:
        local = until.astimezone().strftime("%H:%M")
        super().__init__(
            f"The account {user_name} is locked after {MAX_FAILED_LOGINS} wrong passwords "
            f"until {local}. Try again then, or ask an administrator to unlock it."
        )
        self.until = until


class AccountInactiveError(LoginRefused):
    pass


class UserExistsError(AccountError):
    pass


class UserNotFoundError(AccountError):
    pass


class FirstAdministratorError(AccountError):
    pass


class LastAdministratorError(AccountError):
    pass


_WRONG = "The user name or password is not correct."


@dataclass(frozen=True)
class UserRow:
    """One account as the users dialog shows it (no password hash)."""

    user_name: str
    display_name: str
    role: str
    active: bool
    locked_until: datetime | None
    failed_logins: int
    last_login_at: datetime | None
    created_at: datetime
    version_id: int  # what an administrator's change passes back (see _as_listed)

    def is_locked(self, now: datetime | None = None) -> bool:
        return self.locked_until is not None and self.locked_until > (now or utcnow())


# ---------------------------------------------------------------------- queries


def has_users(session: Session) -> bool:
    return session.execute(select(User.id).limit(1)).first() is not None


def list_users(session: Session) -> list[UserRow]:
    return [
        UserRow(
            user_name=u.user_name,
            display_name=u.display_name,
            role=u.role,
            active=u.active,
            locked_until=u.locked_until,
            failed_logins=u.failed_logins,
            last_login_at=u.last_login_at,
            created_at=u.created_at,
            version_id=u.version_id,
        )
        for u in session.scalars(select(User).order_by(User.user_name))
    ]


def get_actor(session: Session, user_name: str) -> Actor:
    user = _find(session, user_name)
    if user is None:
        raise UserNotFoundError(f"There is no user {user_name!r}.")
    return _actor(user)


def _find(session: Session, user_name: str) -> User | None:
    return session.scalars(
        select(User).where(func.lower(User.user_name) == user_name.strip().lower())
    ).first()


def _actor(user: User) -> Actor:
    return Actor(user_name=user.user_name, display_name=user.display_name, role=Role(user.role))


def _active_administrators(session: Session) -> int:
    return session.execute(
        select(func.count(User.id)).where(
            User.role == Role.ADMINISTRATOR.value, User.active.is_(True)
        )
    ).scalar_one()


def _audit(
    session: Session,
    *,
    user: str,
    action: str,
    subject: str,
    field: str | None = None,
    old: object = None,
    new: object = None,
    reason: str | None = None,
) -> None:
    audit.record(
        session,
        user=user[:_USER_FIELD_MAX],
        action=action,
        entity=AUDIT_ENTITY,
        entity_id=subject[:_USER_FIELD_MAX],
        field=field,
        old=old,
        new=new,
        reason=reason,
    )


# --------------------------------------------------------------------- creating


def _new_user(
    session: Session, user_name: str, display_name: str, role: Role | str, password: str
) -> User:
    problem = user_name_problem(user_name)
    if problem:
        raise AccountError(problem)
    name = user_name.strip()
    check_password_policy(password, user_name=name)
    write_lock.hold(session)  # the name check below then sees every committed account
    if _find(session, name) is not None:
        raise UserExistsError(f"There is already a user called {name!r}.")
    user = User(
        user_name=name,
        display_name=display_name.strip(),
        role=parse_role(role).value,
        password_hash=hash_password(password),
        active=True,
        failed_logins=0,
    )
    session.add(user)
    session.flush()
    return user


def create_first_administrator(
    session: Session, user_name: str, display_name: str, password: str
) -> Actor:
    """At first start only (no accounts at all): create the administrator account."""
    write_lock.hold(session)  # two first starts at once: one administrator, one refusal
    if has_users(session):
        raise FirstAdministratorError(
            "User accounts already exist; an administrator must add new users."
        )
    user = _new_user(session, user_name, display_name, Role.ADMINISTRATOR, password)
    _audit(session, user=user.user_name, action="create_user", subject=user.user_name,
           field="role", new=user.role, reason="first administrator at first start")
    return _actor(user)


def create_user(
    session: Session,
    actor: Actor,
    user_name: str,
    display_name: str,
    role: Role | str,
    password: str,
) -> Actor:
    require(actor, Permission.MANAGE_USERS)
    user = _new_user(session, user_name, display_name, role, password)
    _audit(session, user=actor.user_name, action="create_user", subject=user.user_name,
           field="role", new=user.role)
    return _actor(user)


# --------------------------------------------------------------------- changing


def _existing(session: Session, user_name: str) -> User:
    user = _find(session, user_name)
    if user is None:
        raise UserNotFoundError(f"There is no user {user_name!r}.")
    return user


# What the users dialog shows of an account, in words (the fields a refusal can name).
FIELD_LABELS = {
    "display_name": "full name",
    "role": "role",
    "active": "active or deactivated",
    "locked_until": "locked",
    "failed_logins": "failed sign-ins",
    "last_login_at": "last sign-in",
}
# Sign-ins are audited without a field name.
_AUDIT_FIELDS: dict[str, str | None] = {"last_login_at": None}


def _as_listed(
    session: Session, user_name: str, expected_version: int, opened: UserRow | None
) -> User:
    """The account as stored now, if it is still the version the administrator saw."""
    found = _find(session, user_name)
    if found is None:
        raise UserNotFoundError(f"There is no user {user_name!r}.")
    user = load_current(session, User, found.id)
    assert user is not None  # accounts are never deleted
    if user.version_id != expected_version:
        raise _conflict(session, user, opened)
    return user


def _conflict(session: Session, user: User, opened: UserRow | None) -> ConcurrentEditError:
    return describe_conflict(
        session,
        record=f"The account {user.user_name}",
        entity=AUDIT_ENTITY,
        entity_id=user.user_name,
        stored={name: getattr(user, name) for name in FIELD_LABELS},
        opened=None if opened is None else {name: getattr(opened, name) for name in FIELD_LABELS},
        yours=None,
        labels=FIELD_LABELS,
        audit_fields=_AUDIT_FIELDS,
    )


def change_role(
    session: Session, actor: Actor, user_name: str, new_role: Role | str, reason: str = "",
    *, expected_version: int, opened: UserRow | None = None,
) -> None:
    require(actor, Permission.MANAGE_USERS)
    user = _as_listed(session, user_name, expected_version, opened)
    role = parse_role(new_role)
    if user.role == role.value:
        return
    if (
        user.role == Role.ADMINISTRATOR.value
        and user.active
        and _active_administrators(session) <= 1
    ):
        raise LastAdministratorError(
            f"{user.user_name} is the only active administrator; make someone else an "
            "administrator first."
        )
    old = user.role
    user.role = role.value
    session.flush()
    _audit(session, user=actor.user_name, action="change_role", subject=user.user_name,
           field="role", old=old, new=role.value, reason=reason or None)


def deactivate_user(
    session: Session, actor: Actor, user_name: str, reason: str = "",
    *, expected_version: int, opened: UserRow | None = None,
) -> None:
    """Accounts are never deleted (their names stay in the audit trail); they are deactivated."""
    require(actor, Permission.MANAGE_USERS)
    user = _as_listed(session, user_name, expected_version, opened)
    if not user.active:
        return
    if user.user_name == actor.user_name:
        raise AccountError("You cannot deactivate your own account.")
    if user.role == Role.ADMINISTRATOR.value and _active_administrators(session) <= 1:
        raise LastAdministratorError(
            f"{user.user_name} is the only active administrator and cannot be deactivated."
        )
    user.active = False
    session.flush()
    _audit(session, user=actor.user_name, action="deactivate_user", subject=user.user_name,
           field="active", old=True, new=False, reason=reason or None)


def reactivate_user(
    session: Session, actor: Actor, user_name: str,
    *, expected_version: int, opened: UserRow | None = None,
) -> None:
    require(actor, Permission.MANAGE_USERS)
    user = _as_listed(session, user_name, expected_version, opened)
    if user.active:
        return
    user.active = True
    user.failed_logins = 0
    user.locked_until = None
    session.flush()
    _audit(session, user=actor.user_name, action="reactivate_user", subject=user.user_name,
           field="active", old=False, new=True)


def unlock_account(
    session: Session, actor: Actor, user_name: str,
    *, expected_version: int, opened: UserRow | None = None,
) -> None:
    """An administrator lifts a lockout before it expires."""
    require(actor, Permission.MANAGE_USERS)
    user = _as_listed(session, user_name, expected_version, opened)
    old = user.locked_until
    user.failed_logins = 0
    user.locked_until = None
    session.flush()
    _audit(session, user=actor.user_name, action="unlock_account", subject=user.user_name,
           field="locked_until", old=old, new=None)


def reset_password(
    session: Session, actor: Actor, user_name: str, new_password: str,
    *, expected_version: int, opened: UserRow | None = None,
) -> None:
    """An administrator sets a new password for someone who forgot theirs."""
    require(actor, Permission.MANAGE_USERS)
    user = _as_listed(session, user_name, expected_version, opened)
    check_password_policy(new_password, user_name=user.user_name)
    user.password_hash = hash_password(new_password)
    user.failed_logins = 0
    user.locked_until = None
    session.flush()
    # Never the password or its hash in the audit trail: only that it changed.
    _audit(session, user=actor.user_name, action="reset_password", subject=user.user_name)


def change_own_password(
    session: Session, actor: Actor, old_password: str, new_password: str
) -> None:
    user = _existing(session, actor.user_name)
    if not _verify(user.password_hash, old_password):
        raise WrongPasswordError("The current password is not correct.")
    check_password_policy(new_password, user_name=user.user_name)
    user.password_hash = hash_password(new_password)
    session.flush()
    _audit(session, user=actor.user_name, action="change_password", subject=user.user_name)


# -------------------------------------------------------------------- signing in


def authenticate(
    session: Session,
    user_name: str,
    password: str,
    *,
    now: datetime | None = None,
    purpose: str = "login",
) -> Actor:
    """Check a user name and password; count failures, lock after too many; all audited.

    Raises ``LoginRefused`` (or a subclass) after recording the failure in ``session``;
    the caller must still commit for the failure to count (see ``sign_in``).
    ``purpose`` is audited with the event: "login", "unlock_screen", "signature".
    """
    now = now or utcnow()
    typed = user_name.strip()
    # Two workstations signing in to one account at once count both failures: the
    # counter is read under the write lock, after any other attempt committed.
    write_lock.hold(session)
    user = _find(session, typed) if typed else None
    if user is None:
        _burn_time(password)
        _audit(session, user=typed or "(blank)", action=f"{purpose}_failed",
               subject=typed or "(blank)", reason="unknown user name")
        raise WrongPasswordError(_WRONG)
    if user.locked_until is not None and user.locked_until > now:
        _audit(session, user=user.user_name, action=f"{purpose}_refused",
               subject=user.user_name, reason="account locked")
        raise AccountLockedError(user.user_name, user.locked_until)
    if user.locked_until is not None:  # the lock has run out: a fresh start
        user.locked_until = None
        user.failed_logins = 0
    if not _verify(user.password_hash, password):
        user.failed_logins = (user.failed_logins or 0) + 1
        _audit(session, user=user.user_name, action=f"{purpose}_failed",
               subject=user.user_name, field="failed_logins",
               old=user.failed_logins - 1, new=user.failed_logins, reason="wrong password")
        if user.failed_logins >= MAX_FAILED_LOGINS:
            user.locked_until = now + timedelta(minutes=LOCKOUT_MINUTES)
            session.flush()
            _audit(session, user=user.user_name, action="account_locked",
                   subject=user.user_name, field="locked_until", new=user.locked_until,
                   reason=f"{MAX_FAILED_LOGINS} wrong passwords in a row")
            raise AccountLockedError(user.user_name, user.locked_until)
        session.flush()
        raise WrongPasswordError(_WRONG)
    if not user.active:
        _audit(session, user=user.user_name, action=f"{purpose}_refused",
               subject=user.user_name, reason="account deactivated")
        raise AccountInactiveError(
            f"The account {user.user_name} has been deactivated. Ask an administrator."
        )
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.failed_logins = 0
    if purpose == "login":
        user.last_login_at = now
    session.flush()
    _audit(session, user=user.user_name, action=purpose, subject=user.user_name)
    return _actor(user)


def check_password(session: Session, actor: Actor, password: str, *, purpose: str) -> Actor:
    """Re-enter the password of the person already signed in (signature, screen unlock)."""
    return authenticate(session, actor.user_name, password, purpose=purpose)


def sign_in(
    database: Database, user_name: str, password: str, *, now: datetime | None = None
) -> Actor:
    """``authenticate`` in its own transaction; a failure is committed, then raised."""
    return _committing(database, lambda s: authenticate(s, user_name, password, now=now))


def confirm_password(
    database: Database,
    actor: Actor,
    password: str,
    *,
    purpose: str = "unlock_screen",
    now: datetime | None = None,
) -> Actor:
    """Re-check the signed-in person's password (screen unlock), counting failures."""
    return _committing(
        database,
        lambda s: authenticate(s, actor.user_name, password, now=now, purpose=purpose),
    )


def _committing(database: Database, attempt) -> Actor:  # type: ignore[no-untyped-def]
    refused: LoginRefused | None = None
    with database.session() as session:
        try:
            actor = attempt(session)
        except LoginRefused as exc:
            refused = exc
    if refused is not None:
        raise refused
    return actor


def record_event(
    session: Session, actor: Actor, action: str, reason: str | None = None
) -> None:
    """Audit a session event that changes no data: logout, screen_locked, ..."""
    _audit(session, user=actor.user_name, action=action, subject=actor.user_name, reason=reason)
