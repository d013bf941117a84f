"""User accounts: creating them, signing in, lockout, roles; every step audited.

One module although long: accounts, sign-in and lock-out share one audited record of each
person and must change together.

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
refused with ``ConcurrentEditError`` naming what changed, never overwritten. Every
administrator action checks the administrator's *current* account (``app.db.access``).

Wrong passwords are counted with one atomic ``UPDATE … SET failed_logins =
failed_logins + 1 … RETURNING``, after the (slow) password check and without holding
the write lock during it: simultaneous wrong passwords from several workstations are
all counted, and the lock-out cannot be raced.

A user name that matches no account is never written into the audit trail: it may be a
password typed into the wrong box. The entry says that an unknown name was tried, with
a short keyed tag (``unknown_name_tag``) so repeated tries of the same name can be told
apart without the name being recoverable from the trail.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.db import audit, write_lock
from app.db.access import current_actor
from app.db.conflicts import ConcurrentEditError, describe_conflict, load_current
from app.db.engine import Database
from app.db.models import DatabaseIdentity, User
from app.db.types import utcnow
from app.domain.permissions import (
    LOCKOUT_MINUTES,
    MAX_FAILED_LOGINS,
    Actor,
    Permission,
    Role,
    check_password_policy,
    parse_role,
    user_name_problem,
)
from app.domain.phrases import ClockTime, Number, sentence

AUDIT_ENTITY = "user"
_USER_FIELD_MAX = 64
# What the audit trail says instead of a user name that matches no account.
UNKNOWN_USER = "(unknown user name)"
BLANK_USER = "(blank)"
# Hex digits of the keyed tag of an unknown name: enough to tell a handful of names
# apart, far too few to confirm a guessed password (1 in 65,536 strings share a tag).
UNKNOWN_TAG_DIGITS = 4

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

# The user accounts window's refusals (app/forms/terms.py lists them: the window says them
# in the interface's language, the command line in these words). A user name is a value.
USER_EXISTS = "There is already a user called %1."
NO_SUCH_USER = "There is no user %1."
USERS_EXIST = "User accounts already exist; an administrator must add new users."
ONLY_ADMINISTRATOR = ("%1 is the only active administrator; make someone else an administrator "
                      "first.")
NOT_YOUR_OWN = "You cannot deactivate your own account."
LAST_ADMINISTRATOR = "%1 is the only active administrator and cannot be deactivated."
USERS_SENTENCES = (USER_EXISTS, NO_SUCH_USER, USERS_EXIST, ONLY_ADMINISTRATOR, NOT_YOUR_OWN,
                   LAST_ADMINISTRATOR)
# A sign-in, a screen unlock or a signature refused (listed beside app.domain.permissions'
# refusals): the hour an account is locked until is a value, as this computer's clock reads.
WRONG_PASSWORD = "The user name or password is not correct."
WRONG_CURRENT_PASSWORD = "The current password is not correct."
ACCOUNT_LOCKED = ("The account %1 is locked after %2 wrong passwords until %3. Try again then, "
                  "or ask an administrator to unlock it.")
ACCOUNT_INACTIVE = "The account %1 has been deactivated. Ask an administrator."
SIGN_IN_SENTENCES = (WRONG_PASSWORD, WRONG_CURRENT_PASSWORD, ACCOUNT_LOCKED, ACCOUNT_INACTIVE)


class AccountError(Exception):
    """Base for account problems; the message is for the person at the screen."""


class LoginRefused(AccountError):
    """Wrong user name or password, locked or inactive account."""


class WrongPasswordError(LoginRefused):
    pass


class AccountLockedError(LoginRefused):
    def __init__(self, user_name: str, until: datetime) -> None:
        local = ClockTime(until.astimezone().strftime("%H:%M"))
        super().__init__(sentence(ACCOUNT_LOCKED, user_name, Number(str(MAX_FAILED_LOGINS)),
                                  local))
        self.until = until


class AccountInactiveError(LoginRefused):
    def __init__(self, user_name: str) -> None:
        super().__init__(sentence(ACCOUNT_INACTIVE, user_name))


class UserExistsError(AccountError):
    pass


class UserNotFoundError(AccountError):
    pass


class FirstAdministratorError(AccountError):
    pass


class LastAdministratorError(AccountError):
    pass


_WRONG = sentence(WRONG_PASSWORD)


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
        raise UserNotFoundError(sentence(NO_SUCH_USER, repr(user_name)))
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
        raise UserExistsError(sentence(USER_EXISTS, repr(name)))
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
        raise FirstAdministratorError(sentence(USERS_EXIST))
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
    actor = current_actor(session, actor, Permission.MANAGE_USERS)
    user = _new_user(session, user_name, display_name, role, password)
    _audit(session, user=actor.user_name, action="create_user", subject=user.user_name,
           field="role", new=user.role)
    return _actor(user)


# --------------------------------------------------------------------- changing


def _existing(session: Session, user_name: str) -> User:
    user = _find(session, user_name)
    if user is None:
        raise UserNotFoundError(sentence(NO_SUCH_USER, repr(user_name)))
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
        raise UserNotFoundError(sentence(NO_SUCH_USER, repr(user_name)))
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
    actor = current_actor(session, actor, Permission.MANAGE_USERS)
    user = _as_listed(session, user_name, expected_version, opened)
    role = parse_role(new_role)
    if user.role == role.value:
        return
    if (
        user.role == Role.ADMINISTRATOR.value
        and user.active
        and _active_administrators(session) <= 1
    ):
        raise LastAdministratorError(sentence(ONLY_ADMINISTRATOR, user.user_name))
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
    actor = current_actor(session, actor, Permission.MANAGE_USERS)
    user = _as_listed(session, user_name, expected_version, opened)
    if not user.active:
        return
    if user.user_name == actor.user_name:
        raise AccountError(sentence(NOT_YOUR_OWN))
    if user.role == Role.ADMINISTRATOR.value and _active_administrators(session) <= 1:
        raise LastAdministratorError(sentence(LAST_ADMINISTRATOR, user.user_name))
    user.active = False
    session.flush()
    _audit(session, user=actor.user_name, action="deactivate_user", subject=user.user_name,
           field="active", old=True, new=False, reason=reason or None)


def reactivate_user(
    session: Session, actor: Actor, user_name: str,
    *, expected_version: int, opened: UserRow | None = None,
) -> None:
    actor = current_actor(session, actor, Permission.MANAGE_USERS)
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
    actor = current_actor(session, actor, Permission.MANAGE_USERS)
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
    actor = current_actor(session, actor, Permission.MANAGE_USERS)
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
        raise WrongPasswordError(sentence(WRONG_CURRENT_PASSWORD))
    check_password_policy(new_password, user_name=user.user_name)
    user.password_hash = hash_password(new_password)
    session.flush()
    _audit(session, user=actor.user_name, action="change_password", subject=user.user_name)


# -------------------------------------------------------------------- signing in


def unknown_name_tag(session: Session, typed: str) -> str | None:
    """A short keyed tag of a user name that matched no account (never the name itself).

    HMAC-SHA256 with this database's own random key (``database_identity``), cut to
    UNKNOWN_TAG_DIGITS hex digits: the same name gives the same tag, so repeated tries
    show, while the tag cannot be turned back into what was typed."""
    key = session.scalar(select(DatabaseIdentity.name_tag_key).limit(1))
    if not key:
        return None
    digest = hmac.new(bytes.fromhex(key), typed.casefold().encode("utf-8"), hashlib.sha256)
    return digest.hexdigest()[:UNKNOWN_TAG_DIGITS]


def authenticate(
    session: Session,
    user_name: str,
    password: str,
    *,
    now: datetime | None = None,
    purpose: str = "login",
    reason: str | None = None,
) -> Actor:
    """Check a user name and password; count failures, lock after too many; all audited.

    Raises ``LoginRefused`` (or a subclass) after recording the failure in ``session``;
    the caller must still commit for the failure to count (see ``sign_in``).
    ``purpose`` is audited with the event: "login", "unlock_screen", "signature";
    ``reason`` adds where it came from (e.g. which command of the command line).
    """
    now = now or utcnow()
    typed = user_name.strip()
    user = _find(session, typed) if typed else None
    if user is None:
        _burn_time(password)
        tag = unknown_name_tag(session, typed) if typed else None
        _audit(session, user=UNKNOWN_USER if typed else BLANK_USER, action=f"{purpose}_failed",
               subject=UNKNOWN_USER if typed else BLANK_USER,
               reason=_joined("unknown user name" + (f" (tag {tag})" if tag else ""), reason))
        raise WrongPasswordError(_WRONG)
    if user.locked_until is not None and user.locked_until > now:
        _audit(session, user=user.user_name, action=f"{purpose}_refused",
               subject=user.user_name, reason=_joined("account locked", reason))
        raise AccountLockedError(user.user_name, user.locked_until)
    # The password is checked before any lock is taken: argon2 is deliberately slow, and
    # other workstations' saves must not wait for it.
    if not _verify(user.password_hash, password):
        failed, locked_until = _count_failure(session, user, now)
        _audit(session, user=user.user_name, action=f"{purpose}_failed",
               subject=user.user_name, field="failed_logins",
               old=failed - 1, new=failed, reason=_joined("wrong password", reason))
        if locked_until is not None and locked_until > now:
            _audit(session, user=user.user_name, action="account_locked",
                   subject=user.user_name, field="locked_until", new=locked_until,
                   reason=f"{MAX_FAILED_LOGINS} wrong passwords in a row")
            raise AccountLockedError(user.user_name, locked_until)
        raise WrongPasswordError(_WRONG)
    write_lock.hold(session)
    user = load_current(session, User, user.id)
    assert user is not None  # accounts are never deleted
    if user.locked_until is not None and user.locked_until > now:
        # Locked by another workstation's wrong passwords while this one was checked.
        _audit(session, user=user.user_name, action=f"{purpose}_refused",
               subject=user.user_name, reason=_joined("account locked", reason))
        raise AccountLockedError(user.user_name, user.locked_until)
    if not user.active:
        _audit(session, user=user.user_name, action=f"{purpose}_refused",
               subject=user.user_name, reason=_joined("account deactivated", reason))
        raise AccountInactiveError(user.user_name)
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.failed_logins = 0
    user.locked_until = None
    if purpose == "login":
        user.last_login_at = now
    session.flush()
    _audit(session, user=user.user_name, action=purpose, subject=user.user_name, reason=reason)
    return _actor(user)


def _count_failure(session: Session, user: User, now: datetime) -> tuple[int, datetime | None]:
    """One more wrong password, counted in the database itself; (count, locked until).

    ``failed_logins = failed_logins + 1 … RETURNING``: attempts from many workstations at
    once each add one, none overwrites another's count (on PostgreSQL the statement also
    waits for the write lock, so the audit entries follow in the same order).
    """
    user_id = user.id
    session.expire(user)  # the statements below change the row behind the ORM's back
    # A lock that has run out: a fresh start, then this failure counts as the first.
    session.execute(
        update(User)
        .where(User.id == user_id, User.locked_until.is_not(None), User.locked_until <= now)
        .values(failed_logins=0, locked_until=None, version_id=User.version_id + 1)
        .execution_options(synchronize_session=False)
    )
    failed = session.execute(
        update(User)
        .where(User.id == user_id)
        .values(failed_logins=func.coalesce(User.failed_logins, 0) + 1,
                version_id=User.version_id + 1)
        .returning(User.failed_logins)
        .execution_options(synchronize_session=False)
    ).scalar_one()
    locked_until = None
    if failed >= MAX_FAILED_LOGINS:
        locked_until = now + timedelta(minutes=LOCKOUT_MINUTES)
        locked_until = session.execute(
            update(User)
            .where(User.id == user_id)
            # Of several attempts crossing the limit at once, the first sets the time.
            .values(locked_until=func.coalesce(User.locked_until, locked_until),
                    version_id=User.version_id + 1)
            .returning(User.locked_until)
            .execution_options(synchronize_session=False)
        ).scalar_one()
    session.expire(user)
    return failed, locked_until


def _joined(first: str, second: str | None) -> str:
    return f"{first}; {second}" if second else first


def verify_credentials(
    session: Session, user_name: str, password: str, *, now: datetime | None = None
) -> Actor:
    """Check a user name and password WITHOUT writing anything (read-only commands).

    For ``jdm-ctp audit verify``, which must not change the file it examines (it may be
    evidence, or a read-only copy). Nothing is counted or audited here; whoever can run
    that command can read the database file anyway. A locked or deactivated account is
    refused as at sign-in.
    """
    now = now or utcnow()
    typed = user_name.strip()
    user = _find(session, typed) if typed else None
    if user is None:
        _burn_time(password)
        raise WrongPasswordError(_WRONG)
    if user.locked_until is not None and user.locked_until > now:
        raise AccountLockedError(user.user_name, user.locked_until)
    if not _verify(user.password_hash, password):
        raise WrongPasswordError(_WRONG)
    if not user.active:
        raise AccountInactiveError(user.user_name)
    return _actor(user)


def check_password(session: Session, actor: Actor, password: str, *, purpose: str) -> Actor:
    """Re-enter the password of the person already signed in (signature, screen unlock)."""
    return authenticate(session, actor.user_name, password, purpose=purpose)


def sign_in(
    database: Database, user_name: str, password: str, *, now: datetime | None = None,
    reason: str | None = None,
) -> Actor:
    """``authenticate`` in its own transaction; a failure is committed, then raised.

    Runs with no actor in the session (nobody is signed in yet)."""
    def attempt(session: Session) -> Actor:
        session.info["actor"] = None
        return authenticate(session, user_name, password, now=now, reason=reason)

    return _committing(database, attempt)


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
