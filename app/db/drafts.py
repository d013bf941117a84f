"""Autosaved drafts of unfinished wizards and forms, so closing the app or a crash loses nothing.

A draft is plain JSON keyed by (kind, key), e.g. ("screening", "patient:12"). Saving
replaces the previous draft; finishing the real action deletes it in the same transaction.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, select
from sqlalchemy.orm import Session

from app.db import write_lock
from app.db.access import require_permission
from app.db.models import Draft
from app.db.types import utcnow
from app.domain.permissions import Permission


def save_draft(session: Session, kind: str, key: str, payload: dict[str, Any], *,
               user: str) -> None:
    # A draft holds clinical data being typed: the same right as saving it.
    require_permission(session, Permission.ENTER_DATA)
    # On a server, two workstations autosaving one draft at once would both insert it;
    # under the write lock the second sees the first's row and replaces it.
    write_lock.hold(session)
    draft = session.scalar(select(Draft).where(Draft.kind == kind, Draft.key == key))
    if draft is None:
        session.add(Draft(kind=kind, key=key, payload=payload, updated_by=user,
                          updated_at=utcnow()))
    else:
        draft.payload = payload
        draft.updated_by = user
        draft.updated_at = utcnow()


def load_draft(session: Session, kind: str, key: str) -> dict[str, Any] | None:
    return session.scalar(select(Draft.payload).where(Draft.kind == kind, Draft.key == key))


def draft_saved_at(session: Session, kind: str, key: str) -> datetime | None:
    return session.scalar(select(Draft.updated_at).where(Draft.kind == kind, Draft.key == key))


_DELETE = delete(Draft).where(Draft.kind == bindparam("kind"), Draft.key == bindparam("key"))


def delete_draft(session: Session, kind: str, key: str) -> None:
    # No draft is held as an object by a session that deletes one (they are read as
    # payloads): nothing in the session to bring in step with the deletion, so the
    # statement goes straight to the connection (the ORM's execution was a tenth of a
    # visit save), after what the session holds (a draft just added is deleted too) and
    # once this transaction is the writer.
    session.flush()
    write_lock.hold(session)
    session.connection().execute(_DELETE, {"kind": kind, "key": key})


def list_drafts(session: Session, kind: str) -> list[tuple[str, datetime]]:
    rows = session.execute(
        select(Draft.key, Draft.updated_at).where(Draft.kind == kind).order_by(Draft.key))
    return [(key, updated_at) for key, updated_at in rows]
