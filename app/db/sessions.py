"""The ORM sessions of ``Database.session`` and ``Database.reading``.

Apart from app.db.engine so that connecting needs no ORM: the desktop start reads its
patient list on a plain connection and imports the ORM after the first paint (issue 22).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session, sessionmaker

from app.db.engine import READ_ONLY_OPTION, ReadOnlySessionError


class ReadingSession(Session):
    """A Session that refuses to flush changes: reading() must stay read-only, because
    on SQLite it does not hold the write lock a change would need."""


def _refuse_changes(_session: Session, _context: Any, _instances: Any) -> None:
    # Only called when there is something to flush.
    raise ReadOnlySessionError("a read-only session cannot save changes")


def session_makers(engine: Engine) -> tuple[sessionmaker[Session], sessionmaker[Session]]:
    """Makers of the writing sessions and of the read-only ones, for ``engine``."""
    return (
        sessionmaker(engine, expire_on_commit=False),
        sessionmaker(engine.execution_options(**{READ_ONLY_OPTION: True}),
                     class_=ReadingSession, expire_on_commit=False),
    )


# Registered with the class, so every read-only session has it.
event.listen(ReadingSession, "before_flush", _refuse_changes)
