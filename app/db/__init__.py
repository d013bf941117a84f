"""Storage: SQLAlchemy models, engine/session, migrations, repositories, audit trail.

Import what you need from the submodules; the commonly used entry points are
re-exported here. No Qt in this package (import-linter contract).
"""

# Session hooks that record every audited record's values in the audit trail at commit,
# registered whenever storage is used at all.
from app.db import record_states as _record_states  # noqa: E402, F401
from app.db.engine import Database, make_engine, resolve_database_url
from app.db.migrate import (
    DatabaseInUseError,
    DatabaseOpenError,
    DatabaseTooNewError,
    DatabaseUpgradeError,
    NotADatabaseError,
    UnversionedDatabaseError,
    UpgradeReport,
    current_revision,
    head_revision,
    upgrade_database,
    upgrade_to_head,
)
from app.db.opening import open_database

__all__ = [
    "Database",
    "DatabaseInUseError",
    "DatabaseOpenError",
    "DatabaseTooNewError",
    "DatabaseUpgradeError",
    "NotADatabaseError",
    "UnversionedDatabaseError",
    "UpgradeReport",
    "current_revision",
    "head_revision",
    "make_engine",
    "open_database",
    "resolve_database_url",
    "upgrade_database",
    "upgrade_to_head",
]
