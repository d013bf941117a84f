"""Audit-trail anchors: catch entries removed from the END of the hash chain.

The hash chain (app.db.audit) proves that no entry was changed or removed from the
middle: every entry carries the hash of the one before. But deleting the newest entries
leaves a shorter chain that is still perfectly consistent, and so is a chain someone
recomputed from scratch. Only a copy of the chain's head kept *outside* the database
shows that.

So each workstation remembers the newest entry it has seen (id and hash) of every
database in ``audit-anchors.json`` in its data folder: after the start-up check passes
and when the application closes. At the next start (and in ``jdm-ctp audit verify``)
that entry must still be in the database with the same hash. Entries only ever get
added, so this holds on every workstation of a server database too.

Anchors are keyed by the database's own id (``database_identity``, which every copy of
the file keeps and which the trail itself records), not by a path: the same file reached
through a hard link, another path or another workstation's drive letter is still the
same database. The file also remembers which database each path held, so a different
database put in place of a known one (or an id changed by hand) is reported too.

A restore legitimately rewinds the trail: ``restore_moved_anchor`` moves the anchor to the
restored trail and keeps the one it replaces in the anchor's history (the restore is
also an entry of the restored trail). The anchor file is not secret (ids and hashes
only) and is no proof against someone who can also edit this computer's files; the head
printed on every PDF and written into every export manifest gives records held
elsewhere.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from app import paths
from app.db import audit
from app.db.models import AuditEntry, DatabaseIdentity
from app.db.types import utcnow

ANCHOR_FILE = "audit-anchors.json"
FORMAT_VERSION = 2
HISTORY_KEPT = 50


@dataclass(frozen=True)
class Anchor:
    entry_id: int
    entry_hash: str
    seen_at: str  # UTC, ISO 8601


@dataclass
class Anchors:
    """The whole anchor file: per database id, per path (and anchors of old files)."""

    databases: dict[str, dict[str, Any]] = field(default_factory=dict)
    paths: dict[str, str] = field(default_factory=dict)
    # Files that have no id yet (schema before 0004), by path as before.
    by_label: dict[str, Anchor] = field(default_factory=dict)

    def anchor_of(self, database_id: str) -> Anchor | None:
        found = self.databases.get(database_id, {}).get("anchor")
        if not found:
            return None
        return Anchor(int(found["entry_id"]), str(found["entry_hash"]), str(found["seen_at"]))


def _file(folder: Path | None) -> Path:
    return (folder or paths.data_dir()) / ANCHOR_FILE


def load_anchors(folder: Path | None = None) -> Anchors:
    """All anchors on this computer; an unreadable file counts as none (and is replaced)."""
    try:
        raw = json.loads(_file(folder).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Anchors()
    if not isinstance(raw, dict):
        return Anchors()
    try:
        if raw.get("version") == FORMAT_VERSION:
            return Anchors(
                databases={str(k): dict(v) for k, v in raw.get("databases", {}).items()},
                paths={str(k): str(v) for k, v in raw.get("paths", {}).items()},
                by_label={k: Anchor(int(v["entry_id"]), str(v["entry_hash"]),
                                    str(v["seen_at"]))
                          for k, v in raw.get("by_label", {}).items()},
            )
        # Version 1: {path: anchor}.
        return Anchors(by_label={
            key: Anchor(int(value["entry_id"]), str(value["entry_hash"]), str(value["seen_at"]))
            for key, value in raw.items()
        })
    except (KeyError, TypeError, ValueError, AttributeError):
        return Anchors()


def _save(anchors: Anchors, folder: Path | None) -> None:
    target = _file(folder)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}")
    partial.write_text(json.dumps({
        "version": FORMAT_VERSION,
        "databases": dict(sorted(anchors.databases.items())),
        "paths": dict(sorted(anchors.paths.items())),
        "by_label": {key: asdict(a) for key, a in sorted(anchors.by_label.items())},
    }, indent=1), encoding="utf-8")
    os.replace(partial, target)


# ---------------------------------------------------------------- the database's id


def database_id(session: Session) -> str | None:
    """This database's own id, or None for a file from before it had one (schema 0003)."""
    if not inspect(session.connection()).has_table(DatabaseIdentity.__tablename__):
        return None
    return session.scalar(select(DatabaseIdentity.database_id).order_by(DatabaseIdentity.id)
                          .limit(1))


def recorded_database_id(session: Session) -> str | None:
    """The id the audit trail recorded for this database (its first identity entry)."""
    return session.scalar(
        select(AuditEntry.entity_id)
        .where(AuditEntry.action == "database_identity", AuditEntry.entity == "database")
        .order_by(AuditEntry.id).limit(1))


def identity_problem(session: Session) -> str | None:
    """None when the stored id is the one the trail recorded, else a message."""
    stored = database_id(session)
    if stored is None:
        return None
    recorded = recorded_database_id(session)
    if recorded is None:
        return ("The database's id is not recorded in its audit trail (the entry that "
                "recorded it was removed). Keep this database as it is and tell your "
                "administrator.")
    if recorded != stored:
        return (f"The database's id was changed outside jdm-ctp: it is {stored}, but its "
                f"audit trail recorded {recorded}. Keep this database as it is and tell your "
                "administrator.")
    return None


# ------------------------------------------------------------------------ anchors


def _now() -> str:
    return utcnow().isoformat(timespec="seconds")


def remember_head(session: Session, label: str, folder: Path | None = None) -> Anchor | None:
    """Record the newest entry of this database's trail as seen now; None if it is empty."""
    top = audit.head(session)
    if top is None:
        return None
    anchor = Anchor(top[0], top[1], _now())
    anchors = load_anchors(folder)
    key = database_id(session)
    if key is None:
        anchors.by_label[label] = anchor
    else:
        record = anchors.databases.setdefault(key, {})
        record["anchor"] = asdict(anchor)
        record["label"] = label
        anchors.paths[label] = key
    _save(anchors, folder)
    return anchor


def restore_moved_anchor(session: Session, label: str, note: str,
                         folder: Path | None = None) -> None:
    """After a restore: the anchor of the restored database becomes its new head; the
    anchor it had (and the database the path held before) stay in the history."""
    top = audit.head(session)
    key = database_id(session)
    anchors = load_anchors(folder)
    when = _now()
    previous_id = anchors.paths.get(label)
    if previous_id is not None and previous_id != key and previous_id in anchors.databases:
        history = anchors.databases[previous_id].setdefault("history", [])
        history.append({"event": f"replaced at {label} by a restore of another database",
                        "at": when, "note": note})
        del history[:-HISTORY_KEPT]
    if key is None:
        anchors.by_label.pop(label, None)
        if top is not None:
            anchors.by_label[label] = Anchor(top[0], top[1], when)
    else:
        record = anchors.databases.setdefault(key, {})
        history = record.setdefault("history", [])
        if record.get("anchor"):
            history.append({"event": "restore", "at": when, "note": note,
                            "anchor_before": record["anchor"]})
            del history[:-HISTORY_KEPT]
        if top is not None:
            record["anchor"] = asdict(Anchor(top[0], top[1], when))
        record["label"] = label
        anchors.paths[label] = key
    with contextlib.suppress(OSError):
        _save(anchors, folder)


def check_head(session: Session, label: str, folder: Path | None = None) -> str | None:
    """None when the trail still holds the entry this computer last saw, else a message."""
    anchors = load_anchors(folder)
    key = database_id(session)
    if key is None:
        anchor = anchors.by_label.get(label)
    else:
        known = anchors.paths.get(label)
        if known is not None and known != key and known in anchors.databases:
            return (
                f"The database at {label} is not the one this computer last saw there (its id "
                f"was {known}, it is now {key}): it was replaced outside jdm-ctp, or its id "
                "was changed. Keep this database as it is and tell your administrator.")
        anchor = anchors.anchor_of(key)
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


def check_and_remember(database: Any, folder: Path | None = None) -> str | None:
    """Start-up check of an open ``Database``: the whole chain, its id, then the anchor.

    None when all pass, and then the current head becomes the anchor; otherwise the
    message for the user, and the anchor is left as it was (it is the evidence).
    """
    message = audit.check_audit_on_start(database)
    if message is not None:
        return message
    label = database.display_name
    try:
        with database.session() as session:
            message = identity_problem(session) or check_head(session, label, folder)
            if message is None:
                remember_head(session, label, folder)
    except Exception as exc:  # noqa: BLE001 - reported to the user, not swallowed silently
        return f"The audit trail could not be checked: {exc}"
    return message
