"""Permission checks where the data changes: in the services, inside their transaction.

The desktop application signs a person in and sets ``Database.actor``; a command of
``jdm-ctp`` does the same after asking for a user name and password. Every session then
carries that actor in ``session.info`` and each service calls ``require_permission``
before it reads what it guards or changes anything.

The check never trusts the role the actor object was given at sign-in: it reads the
account as it is *now* in the database, in the service's own transaction. An account
demoted or deactivated at another workstation loses its rights at its next action, not
at its next sign-in.

Nobody signed in means nothing permission-gated may be done. Where there is genuinely
no person (demo data on a new file), a ``SystemTask`` names its purpose and holds only
the permissions that purpose needs; it is never an account and cannot sign.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, column, func, select, table

from app.domain.permissions import (
    AccountNotActive,
    Actor,
    NotSignedIn,
    Permission,
    Role,
    SystemTask,
    require,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

Principal = Actor | SystemTask


def session_actor(session: Session) -> Principal | None:
    return session.info.get("actor")


def is_person(actor: Any) -> bool:
    return isinstance(actor, Actor)


def current_actor(session: Session, actor: Principal | None,
                  permission: Permission | str) -> Principal:
    """The actor as the database knows it now, if it may do ``permission``; else raise.

    NotSignedIn without an actor; AccountNotActive for an account deactivated or gone
    since sign-in; PermissionDenied (naming the *current* role) for a role that may not.
    """
    needed = Permission(permission)
    if actor is None:
        raise NotSignedIn(needed)
    if isinstance(actor, SystemTask):
        require(actor, needed)
        return actor
    row = _account(session, actor.user_name)
    if row is None:
        raise AccountNotActive(actor.user_name, needed, missing=True)
    if not row.active:
        raise AccountNotActive(row.user_name, needed)
    now = Actor(user_name=row.user_name, display_name=row.display_name, role=Role(row.role))
    require(now, needed)
    return now


def account_now(session: Session, actor: Actor) -> Actor | None:
    """The signed-in person's account as the database holds it now (role and name re-read,
    perhaps changed at another workstation); None when it is deactivated or gone. For the
    screens, which follow it; the services check ``current_actor`` at every action."""
    row = _account(session, actor.user_name)
    if row is None or not row.active:
        return None
    return Actor(user_name=row.user_name, display_name=row.display_name, role=Role(row.role))


def _account(session: Session, user_name: str) -> Any:
    """The account's name, display name, role and whether it is active, as stored now."""
    # The models on first use: the start shows its list before it imports them (issue 22).
    from app.db.models import User

    return session.execute(
        select(User.user_name, User.display_name, User.role, User.active)
        .where(func.lower(User.user_name) == user_name.strip().lower())
    ).first()


def has_accounts(connection: Connection) -> bool:
    """Whether anyone can sign in yet (a new database first asks for its administrator), on
    a plain connection: the sign-in is shown before the models are imported (issue 22)."""
    accounts = table("app_user", column("id"))  # app.db.models.User, checked by the tests
    return connection.execute(select(accounts.c.id).limit(1)).first() is not None


def require_permission(session: Session, permission: Permission | str) -> Principal:
    """Raise (plain words) unless the session's actor may do this now; return that actor."""
    return current_actor(session, session_actor(session), permission)


def authorise_file(path: Any, passphrase: str | None, actor: Principal | None,
                   permission: Permission | str) -> Principal:
    """The same check against the SQLite file at ``path`` (backup, restore, encryption:
    work on files rather than an open ``Database``)."""
    from sqlalchemy.orm import Session
    from sqlalchemy.pool import NullPool

    from app.db.engine import make_engine, resolve_database_url

    engine = make_engine(resolve_database_url(path), passphrase=passphrase, poolclass=NullPool)
    try:
        with Session(engine) as session:
            return current_actor(session, actor, permission)
    finally:
        engine.dispose()


def authorise(database: Any, permission: Permission | str,
              actor: Principal | None = None) -> Principal:
    """The same check for services that receive the ``Database`` rather than a Session.

    ``actor`` defaults to ``database.actor``. Reads the account in its own short
    read-only transaction; the caller's action follows at once."""
    who = database.actor if actor is None else actor
    with database.reading() as session:
        return current_actor(session, who, permission)
