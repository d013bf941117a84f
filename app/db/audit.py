"""The audit trail: an append-only, hash-chained log of who changed what, when and why.

Each entry's ``entry_hash`` is SHA-256 over its canonical content (including its id and
the previous entry's hash). Editing any stored entry, or deleting one from the middle,
breaks the chain at that point and ``verify_chain`` names the first entry that no
longer checks out. (Removing entries from the *end* cannot be detected by the chain
alone: the anchors of app.db.audit_anchor, and the head printed on PDFs and written into
export manifests, close that gap.) Besides the entries the services write, every commit
appends the recorded values of the records it changed (app.db.record_states); all checks
together are app.db.audit_check (`jdm-ctp audit verify`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import event, insert, select
from sqlalchemy.orm import Session

from app.db import write_lock
from app.db.engine import ReadingSession, ReadOnlySessionError
from app.db.models import AuditEntry
from app.db.types import utcnow
from app.domain.display_words import counted
from app.domain.permissions import Actor

GENESIS_HASH = "0" * 64
VERIFY_BLOCK = 1000  # entries checked between two progress reports
# session.info key: who the last entry of the transaction was credited to (the record
# states written at commit are credited to the same person when no actor is set).
LAST_USER_KEY = "audit_last_user"


class AuditError(RuntimeError):
    pass


def as_text(value: Any) -> str | None:
    """How a value is written into the audit trail: stable text, ISO dates, None kept."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, float | int | Decimal | str):
        return str(value)
    return json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)


# The columns covered by the hash, i.e. everything but the hash itself.
HASHED_COLUMNS = (
    "id",
    "occurred_at",
    "user_name",
    "action",
    "entity",
    "entity_id",
    "field",
    "old_value",
    "new_value",
    "reason",
    "prev_hash",
)


def compute_hash(values: Mapping[str, Any]) -> str:
    """SHA-256 of the canonical JSON of an entry's hashed columns (keys sorted, UTC µs time)."""
    content = {name: values[name] for name in HASHED_COLUMNS}
    content["occurred_at"] = (
        values["occurred_at"].astimezone(UTC).isoformat(timespec="microseconds")
    )
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def record(
    session: Session,
    *,
    user: str,
    action: str,
    entity: str,
    entity_id: Any,
    field: str | None = None,
    old: Any = None,
    new: Any = None,
    reason: str | None = None,
    new_text: str | None = None,
) -> AuditEntry:
    """Append one entry to the chain in the caller's transaction (committed with the change).

    Whatever the session holds pending is flushed first, then the entry is written at once
    (see ``record_many``). Returns the entry as written (not attached to the session).
    """
    session.flush()
    return record_many(session, [Change(user=user, action=action, entity=entity,
                                        entity_id=entity_id, field=field, old=old, new=new,
                                        reason=reason, new_text=new_text)])[0]


@dataclass(frozen=True)
class Change:
    """One entry to append: who changed what (the arguments of ``record``)."""

    user: str
    action: str
    entity: str
    entity_id: Any
    field: str | None = None
    old: Any = None
    new: Any = None
    reason: str | None = None
    new_text: str | None = None


def record_many(session: Session, changes: Sequence[Change]) -> list[AuditEntry]:
    """Append entries to the chain, in order, with one INSERT (committed with the change).

    Appends are serialised by ``write_lock`` (on a server, another workstation's
    transaction waits here until this one ends; a SQLite write transaction holds the
    file's write lock from its BEGIN IMMEDIATE), so the chain's head cannot move under a
    writing transaction: it is read once per transaction and carried from entry to entry
    (forgotten when the transaction or a savepoint of it rolls back). The session's
    pending changes are not flushed here (``record`` does).
    """
    if isinstance(session, ReadingSession):
        raise ReadOnlySessionError("a read-only session cannot write audit entries")
    actor = session.info.get("actor")
    for change in changes:
        if not change.user:
            raise AuditError("every audited change needs the name of the user who made it")
        if isinstance(actor, Actor) and change.user != actor.user_name:
            # A change is credited to the person signed in, never to a name passed along
            # (the command line once took ``--user drsmith`` on trust).
            raise AuditError(f"an audit entry for {actor.user_name}'s session cannot be "
                             f"credited to {change.user!r}")
    if not changes:
        return []
    write_lock.hold(session)
    last_id, last_hash = _chain_head(session)
    rows: list[dict[str, Any]] = []
    for change in changes:
        values: dict[str, Any] = {
            "id": last_id + 1,
            "occurred_at": utcnow(),
            "user_name": change.user,
            "action": change.action,
            "entity": change.entity,
            "entity_id": as_text(change.entity_id),
            "field": change.field,
            "old_value": as_text(change.old),
            "new_value": change.new_text if change.new_text is not None else as_text(change.new),
            "reason": change.reason,
            "prev_hash": last_hash,
        }
        values["entry_hash"] = last_hash = compute_hash(values)
        last_id = values["id"]
        rows.append(values)
    # Core, not the unit of work: an entry is never changed after it is written.
    session.connection().execute(_INSERT, rows)
    session.info[_HEAD_KEY] = (session.get_transaction(), last_id, last_hash)
    session.info[LAST_USER_KEY] = changes[-1].user
    return [AuditEntry(**row) for row in rows]


_INSERT = insert(AuditEntry.__table__)
_HEAD = select(AuditEntry.id, AuditEntry.entry_hash).order_by(AuditEntry.id.desc()).limit(1)
# session.info key: (the transaction, id, hash) of the chain's newest entry as this
# transaction last read or wrote it.
_HEAD_KEY = "audit_chain_head"


def _chain_head(session: Session) -> tuple[int, str]:
    transaction = session.get_transaction()
    cached = session.info.get(_HEAD_KEY)
    if cached is not None and cached[0] is transaction:
        return cached[1], cached[2]
    last = session.connection().execute(_HEAD).first()
    return (last.id, last.entry_hash) if last else (0, GENESIS_HASH)


@event.listens_for(Session, "after_rollback")
def _forget_head_on_rollback(session: Session) -> None:
    # Also called when a savepoint rolls back: the entries written in it are gone.
    session.info.pop(_HEAD_KEY, None)


@event.listens_for(Session, "after_transaction_end")
def _forget_head_at_end(session: Session, transaction: Any) -> None:
    if transaction.parent is None:
        session.info.pop(_HEAD_KEY, None)


def verify_chain(session: Session, progress: Callable[[int, int], None] | None = None,
                 total: int = 0) -> tuple[bool, int | None]:
    """Check every entry in id order; return (True, None) or (False, id of the first bad one).
    ``progress(checked, total)`` is called every VERIFY_BLOCK entries."""
    # Plain column rows, not ORM objects: the identity map could hand back cached values
    # instead of what is actually stored.
    columns = [getattr(AuditEntry, name) for name in (*HASHED_COLUMNS, "entry_hash")]
    rows = session.execute(
        select(*columns).order_by(AuditEntry.id).execution_options(yield_per=1000)
    ).mappings()
    expected_prev = GENESIS_HASH
    for checked, row in enumerate(rows, 1):
        if row["prev_hash"] != expected_prev or compute_hash(row) != row["entry_hash"]:
            return False, row["id"]
        expected_prev = row["entry_hash"]
        if progress is not None and checked % VERIFY_BLOCK == 0:
            progress(checked, total)
    return True, None


def head(session: Session) -> tuple[int, str] | None:
    """(id, hash) of the newest entry: print or export it to detect removal from the end."""
    row = session.execute(
        select(AuditEntry.id, AuditEntry.entry_hash).order_by(AuditEntry.id.desc()).limit(1)
    ).first()
    return (row.id, row.entry_hash) if row else None


def describe_entry(session: Session, entry_id: int) -> str:
    """One line naming an entry (for "the chain breaks at ..." messages)."""
    row = session.execute(
        select(
            AuditEntry.id,
            AuditEntry.occurred_at,
            AuditEntry.user_name,
            AuditEntry.action,
            AuditEntry.entity,
            AuditEntry.entity_id,
            AuditEntry.field,
        ).where(AuditEntry.id == entry_id)
    ).first()
    if row is None:
        return f"entry {entry_id} (missing)"
    what = f"{row.entity} {row.entity_id or ''}".strip()
    if row.field:
        what += f" field {row.field}"
    when = row.occurred_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    return f"entry {row.id} ({when}, {row.user_name}, {row.action} {what})"


def broken_chain_message(session: Session, first_bad_id: int) -> str:
    return (
        f"The audit trail has been altered: {describe_entry(session, first_bad_id)} does not "
        "match the history recorded before it (an entry was changed or removed outside "
        "jdm-ctp). Keep this database as it is and tell your administrator; restore from a "
        "backup only after they have looked at it."
    )


def check_audit_on_start(database: Any) -> str | None:
    """Start-up check: None if the audit chain verifies, else a message for the user.

    ``database`` is an ``app.db.engine.Database``. Never raises for a broken chain;
    a database that cannot be read at all is reported as a message too.
    """
    try:
        with database.reading() as session:
            ok, first_bad = verify_chain(session)
            if ok:
                return None
            assert first_bad is not None
            return broken_chain_message(session, first_bad)
    except Exception as exc:  # noqa: BLE001 - reported to the user, not swallowed silently
        return f"The audit trail could not be checked: {exc}"


@contextlib.contextmanager
def read_only_session(url: str, passphrase: str | None = None) -> Iterator[Session]:
    """A session on the database at ``url`` that cannot write to it.

    A SQLite file is opened read-only (its bytes are never changed); a file that is not a
    jdm-ctp database raises ``app.db.migrate.DatabaseOpenError``. ``passphrase`` opens
    an encrypted file.
    """
    from sqlalchemy import create_engine

    from app.db.engine import make_engine, sqlite_file_path
    from app.db.migrate import current_revision, known_revisions

    path = sqlite_file_path(url)
    if path is not None:
        from app.db import encryption
        from app.db.migrate import DatabaseOpenError

        if not path.exists():
            raise DatabaseOpenError(f"There is no database file at {path}.")
        # Refuses non-databases and missing or wrong passphrases without changing the file.
        revision = current_revision(url, passphrase)
        if revision is None or revision not in known_revisions():
            raise DatabaseOpenError(
                f"The file {path} is not a jdm-ctp database this version can read "
                f"(schema {revision or 'none'})."
            )
        uri = f"{path.resolve().as_uri()}?mode=ro"
        engine = create_engine(
            "sqlite://",
            hide_parameters=True,
            module=encryption.driver(passphrase),
            creator=lambda: encryption.connect(uri, passphrase, uri=True),
        )
    else:
        engine = make_engine(url)
    try:
        with Session(engine) as session:
            yield session
    finally:
        engine.dispose()


def verify_url(url: str, passphrase: str | None = None) -> tuple[bool, int, str]:
    """Verify the chain of the database at ``url`` without writing to it.

    Returns (ok, number of entries, message); see ``read_only_session`` for what is refused.
    """
    from sqlalchemy import func

    with read_only_session(url, passphrase) as session:
        count = session.execute(select(func.count(AuditEntry.id))).scalar_one()
        ok, first_bad = verify_chain(session)
        if ok:
            top = head(session)
            tail = f", newest entry {top[0]} hash {top[1]}" if top else ""
            return True, count, (f"OK: the audit trail is intact "
                                 f"({counted(count, 'entry', 'entries')}{tail}).")
        assert first_bad is not None
        return False, count, broken_chain_message(session, first_bad)
