"""Column types shared by the models.

SQLite has no time-zone aware timestamp; PostgreSQL does. ``UTCDateTime`` makes both
behave the same way from Python: every timestamp goes in and comes out as an aware
UTC ``datetime``. That matters beyond tidiness: the audit trail hashes its timestamps,
so the value read back must be exactly the value that was hashed, on either database.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


def utcnow() -> datetime:
    """The current instant as an aware UTC datetime (the only kind stored)."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored in UTC and always returned time-zone aware."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            # A naive value's zone is a guess; refusing it keeps the stored clock honest.
            raise ValueError("timestamps must be timezone-aware (use app.db.types.utcnow())")
        value = value.astimezone(UTC)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)
