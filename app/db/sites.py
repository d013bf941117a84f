"""The site list: the clinic sites an administrator sets (audited), which the patient
dialog offers and the export codes a patient's site by (the site's id is its code).

A patient's site is stored as the site's name, as before; a name that is not on the list
(typed before the list existed, or the dialog's "other") is exported as "other" only when
de-identified (app.exports.records)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from app.db import audit, write_lock
from app.db.access import require_permission
from app.db.models import Site
from app.domain.errors import InputError
from app.domain.permissions import Permission
from app.domain.phrases import Number, sentence

AUDIT_ENTITY = "site"
NAME_LIMIT = 100

# The site list's refusals (app/forms/terms.py lists them: the site list window says them
# in the interface's language, anything else reads these words). A site's name is a value
# as typed: it is never translated.
ENTER_NAME = "Enter the site's name."
NO_BAR = "A site name cannot contain the character |."
TOO_LONG = "A site name has at most %1 characters."
ALREADY_LISTED = "%1 is already on the site list."
NO_SUCH_SITE = "There is no site number %1."
SITE_SENTENCES = (ENTER_NAME, NO_BAR, TOO_LONG, ALREADY_LISTED, NO_SUCH_SITE)


@dataclass(frozen=True)
class SiteRow:
    id: int
    name: str
    active: bool


def list_sites(session: Session, *, active_only: bool = False) -> list[SiteRow]:
    query = select(Site).order_by(Site.name)
    if active_only:
        query = query.where(Site.active.is_(True))
    return [SiteRow(s.id, s.name, s.active) for s in session.scalars(query)]


def site_codes(connection: Connection) -> tuple[tuple[str, str], ...]:
    """Every site ever listed as (code, name), for the export's dictionary."""
    rows = connection.execute(select(Site.id, Site.name).order_by(Site.id)).all()
    return tuple((str(row.id), row.name) for row in rows)


def _clean(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise InputError("site", sentence(ENTER_NAME))
    if "|" in name:  # the dictionary's choices are separated by "|"
        raise InputError("site", sentence(NO_BAR))
    if len(name) > NAME_LIMIT:
        raise InputError("site", sentence(TOO_LONG, Number(str(NAME_LIMIT))))
    return name


def add_site(session: Session, name: str, *, user: str) -> int:
    """Add a site to the list (administrators: the settings permission)."""
    require_permission(session, Permission.CHANGE_SETTINGS)
    write_lock.hold(session)
    name = _clean(name)
    existing = session.scalar(select(Site).where(Site.name == name))
    if existing is not None:
        raise InputError("site", sentence(ALREADY_LISTED, name))
    row = Site(name=name, active=True)
    session.add(row)
    session.flush()
    audit.record(session, user=user, action="create", entity=AUDIT_ENTITY, entity_id=row.id,
                 new={"name": name, "active": True})
    return row.id


def set_site_active(session: Session, site_id: int, active: bool, *, user: str) -> None:
    """Offer a site again, or stop offering it (its code stays in use by old records)."""
    require_permission(session, Permission.CHANGE_SETTINGS)
    write_lock.hold(session)
    row = session.get(Site, site_id)
    if row is None:
        raise InputError("site", sentence(NO_SUCH_SITE, Number(str(site_id))))
    if row.active != active:
        audit.record(session, user=user, action="update", entity=AUDIT_ENTITY,
                     entity_id=row.id, old={"active": row.active}, new={"active": active})
        row.active = active


__all__ = ["SiteRow", "add_site", "list_sites", "set_site_active", "site_codes"]
