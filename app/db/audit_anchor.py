"""Audit-trail anchors: catch entries removed from the END of the hash chain.

The hash chain (app.db.audit) proves that no entry was changed or removed from the
middle: every entry carries the hash of the one before. But deleting the newest entries
leaves a shorter chain that is still perfectly consistent, and so is a chain someone
recomputed from scratch. Only a copy of the chain's head kept *outside* the database
shows that.

So each workstation remembers, per database, the newest entry it has seen (id and hash)
in ``audit-anchors.json`` in its data folder: after the start-up check passes and when
the application closes. At the next start (and in ``jdm-ctp audit verify``) that entry
must still be in the database with the same hash. Entries only ever get added, so this
holds on every workstation of a server database too.

A restore legitimately rewinds the trail; ``restore_database`` forgets the anchor of
the database it replaces. The anchor file is not secret (ids and hashes only) and is not
proof against someone who can also edit this computer's files; exporting or printing the
head (``jdm-ctp audit verify`` prints it) gives an independent record.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import paths
from app.db import audit
from app.db.models import AuditEntry
from app.db.types import utcnow

ANCHOR_FILE = "audit-anchors.json"


@dataclass(frozen=True)
class Anchor:
    entry_id: int
    entry_hash: str
    seen_at: str  # UTC, ISO 8601


def _file(folder: Path | None) -> Path:
    return (folder or paths.data_dir()) / ANCHOR_FILE


def load_anchors(folder: Path | None = None) -> dict[str, Anchor]:
    """All anchors on this computer; an unreadable file counts as none (and is replaced)."""
    try:
        raw = json.loads(_file(folder).read_text(encoding="utf-8"))
        return {
            key: Anchor(int(value["entry_id"]), str(value["entry_hash"]), str(value["seen_at"]))
            for key, value in raw.items()
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _save(anchors: dict[str, Anchor], folder: Path | None) -> None:
    target = _file(folder)
    partial = target.with_name(f".{target.name}.{os.getpid()}")
    partial.write_text(
        json.dumps({key: asdict(anchor) for key, anchor in sorted(anchors.items())}, indent=1),
        encoding="utf-8",
    )
    os.replace(partial, target)


def remember_head(session: Session, database_key: str, folder: Path | None = None) -> Anchor | None:
    """Record the newest entry of this database's trail as seen now; None if it is empty."""
    top = audit.head(session)
    if top is None:
        return None
    anchor = Anchor(top[0], top[1], utcnow().isoformat(timespec="seconds"))
    anchors = load_anchors(folder)
    anchors[database_key] = anchor
    _save(anchors, folder)
    return anchor


def forget(database_key: str, folder: Path | None = None) -> None:
    anchors = load_anchors(folder)
    if anchors.pop(database_key, None) is not None:
        with contextlib.suppress(OSError):
            _save(anchors, folder)


def check_and_remember(database: Any, folder: Path | None = None) -> str | None:
    """Start-up check of an open ``Database``: the whole chain, then the anchor.

    None when both pass, and then the current head becomes the anchor; otherwise the
    message for the user, and the anchor is left as it was (it is the evidence).
    """
    message = audit.check_audit_on_start(database)
    if message is not None:
        return message
    key = database.display_name
    try:
        with database.session() as session:
            message = check_head(session, key, folder)
            if message is None:
                remember_head(session, key, folder)
    except Exception as exc:  # noqa: BLE001 - reported to the user, not swallowed silently
        return f"The audit trail could not be checked: {exc}"
    return message


def check_head(session: Session, database_key: str, folder: Path | None = None) -> str | None:
    """None when the trail still holds the entry this computer last saw, else a message."""
    anchor = load_anchors(folder).get(database_key)
    if anchor is None:
        return None
    stored = session.execute(
        select(AuditEntry.entry_hash).where(AuditEntry.id == anchor.entry_id)
    ).scalar_one_or_none()
    if stored is None:
        newest = audit.head(session)
        now = f"it now ends at entry {newest[0]}" if newest else "it is now empty"
        return (
            f"The audit trail has been cut short: this computer saw entry {anchor.entry_id} "
            f"on {anchor.seen_at} UTC, but {now}. Entries were removed outside jdm-ctp. "
            "Keep this database as it is and tell your administrator."
        )
    if stored != anchor.entry_hash:
        return (
            f"The audit trail has been rewritten: entry {anchor.entry_id} is not the entry "
            f"this computer saw on {anchor.seen_at} UTC. Keep this database as it is and "
            "tell your administrator."
        )
    return None
