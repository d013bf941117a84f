"""Someone else saved this record after you opened it: one refusal for every record.

Every row a person can edit is ``Versioned`` (see ``app.db.models``). A form keeps the
version it opened the record with (and the values it showed); each save runs in a fresh
session, so the save service

1. takes the write lock and reads the row as committed now (``load_current``),
2. refuses with ``ConcurrentEditError`` when the version moved on, naming the fields that
   changed since the form was opened and who changed them (from the audit trail),
3. (patients, prior therapies, visits, arm switches) writes inside
   ``refused_if_overtaken``, so on a server a writer that slipped past the check (one
   that does not take the write lock) is caught by the ``version_id`` in the UPDATE and
   refused the same way, never surfacing as a raw database error. (In a SQLite file no
   writer can slip past: the file's write lock is held from BEGIN IMMEDIATE.)

The form keeps what the user typed. The message holds no patient data: only the study
id, the names of fields and the user names of the people who changed them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.db import write_lock
from app.db.models import AuditEntry

Row = TypeVar("Row")

# Said of a change the form does not show (a password reset, a deletion's details).
NOT_SHOWN = "details not shown in this form"


@dataclass(frozen=True)
class FieldChange:
    """One field another person's save changed after the form was opened."""

    field: str  # the stored field's code
    label: str  # the field in plain words
    changed_by: str | None  # who last changed it, per the audit trail (None: not recorded)


class ConcurrentEditError(RuntimeError):
    """A save refused because the record changed after the form was opened."""

    def __init__(self, record: str, changes: Sequence[FieldChange] = ()) -> None:
        lines = [
            f"{record} was changed by someone else after you opened it, so your changes "
            "were not saved. Nothing was overwritten."
        ]
        if changes:
            lines.append("What changed meanwhile:")
            for change in changes:
                who = f" (by {change.changed_by})" if change.changed_by else ""
                lines.append(f"  - {change.label}{who}")
        lines.append("Reopen it to see the latest details, then make your changes again.")
        super().__init__("\n".join(lines))
        self.record = record
        self.changes = tuple(changes)

    @property
    def changed_fields(self) -> tuple[str, ...]:
        return tuple(c.field for c in self.changes)

    @property
    def changed_by(self) -> tuple[str, ...]:
        """Everyone who changed the record meanwhile, in the order of the fields."""
        return tuple(dict.fromkeys(c.changed_by for c in self.changes if c.changed_by))

    def change_of(self, field: str) -> FieldChange | None:
        return next((c for c in self.changes if c.field == field), None)


def load_current(session: Session, model: type[Row], pk: Any, *options: Any) -> Row | None:
    """The row as committed now, for a save: after the write lock, never a cached copy.

    ``options`` are loader options (e.g. ``selectinload`` of a child the save also
    changes), refreshed the same way.
    """
    write_lock.hold(session)
    return session.get(model, pk, options=options, populate_existing=True)


def last_changed_by(
    session: Session, entity: str, entity_ids: Iterable[Any], field: str | None = None,
    *, any_field: bool = False,
) -> str | None:
    """Who made the newest audit entry about ``field`` of these records (None: nobody).

    ``field`` None matches entries that name no field (creations, sign-ins, password
    resets); ``any_field`` matches every entry about the records.
    """
    ids = [str(i) for i in entity_ids]
    if not ids:
        return None
    statement = select(AuditEntry.user_name).where(
        AuditEntry.entity == entity, AuditEntry.entity_id.in_(ids)
    )
    if not any_field:
        statement = statement.where(
            AuditEntry.field.is_(None) if field is None else AuditEntry.field == field
        )
    return session.execute(statement.order_by(AuditEntry.id.desc()).limit(1)).scalar_one_or_none()


def describe_conflict(
    session: Session,
    *,
    record: str,
    entity: str,
    entity_id: Any,
    stored: Mapping[str, Any],
    opened: Mapping[str, Any] | None,
    yours: Mapping[str, Any] | None,
    labels: Mapping[str, str],
    audit_fields: Mapping[str, str | None] | None = None,
) -> ConcurrentEditError:
    """The refusal for a record whose version moved on since it was opened.

    The fields named are those whose stored value differs from the one the form was
    ``opened`` with, i.e. what the other person changed; a caller that does not know what
    was opened passes None and the fields named are those that differ from ``yours``.
    ``audit_fields`` maps a field to the audit entries' field recording it (default: the
    same name). A change the compared fields do not show is still named, as the record's
    newest change and who made it.
    """
    base = opened if opened is not None else yours
    names = [n for n in labels if base is not None and n in stored and stored[n] != base.get(n)]
    fields_audited = audit_fields or {}
    changes = [
        FieldChange(n, labels[n],
                    last_changed_by(session, entity, [entity_id], fields_audited.get(n, n)))
        for n in names
    ]
    if not changes:
        changes.append(FieldChange("", NOT_SHOWN,
                                   last_changed_by(session, entity, [entity_id], any_field=True)))
    return ConcurrentEditError(record, changes)


@contextmanager
def refused_if_overtaken(
    session: Session, refusal: Callable[[], ConcurrentEditError], overtaken: Callable[[], bool]
) -> Iterator[None]:
    """Run a save's writes in a savepoint; if another writer got there first, refuse
    (on a server: see below for SQLite).

    Make the changes inside the block: beginning the savepoint flushes whatever is
    already pending, outside it.

    "Got there first" is a row whose version moved on under the UPDATE (``StaleDataError``)
    or a duplicate row (``IntegrityError``) while ``overtaken()`` says the record's version
    moved on. The savepoint is rolled back and ``refusal()`` (which reads the record as
    it is now) is raised instead of the raw error; any other failure is re-raised.
    """
    if session.get_bind().dialect.name == "sqlite":
        # Nobody can be first here: a SQLite write transaction holds the file's write
        # lock from its BEGIN IMMEDIATE (app.db.engine), so no other connection, ours or
        # not, can write between the caller's version check and these writes.
        yield
        session.flush()
        return
    try:
        with session.begin_nested():
            yield
            session.flush()
    except StaleDataError as error:
        session.expire_all()
        raise refusal() from error
    except IntegrityError as error:
        session.expire_all()
        if overtaken():
            raise refusal() from error
        raise
