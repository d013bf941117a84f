"""Permission checks where the data changes: in the services, inside their transaction.

The desktop application signs a person in and sets ``Database.actor``; every session then
carries that actor in ``session.info`` and each service calls ``require_permission`` before
it changes anything. Headless commands run by the machine's owner (demo data, import by
IT, tests) have no actor: anyone who can run them can already read the database file, so
a role check there would protect nothing (identified export still needs an explicit flag).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.domain.permissions import Actor, Permission, require


def session_actor(session: Session) -> Actor | None:
    return session.info.get("actor")


def require_permission(session: Session, permission: Permission) -> None:
    """Raise PermissionDenied (plain words) when the signed-in person may not do this."""
    actor = session_actor(session)
    if actor is not None:
        require(actor, permission)


def require_actor_permission(actor: Actor | None, permission: Permission) -> None:
    """The same check for services that receive the Database rather than a Session."""
    if actor is not None:
        require(actor, permission)
