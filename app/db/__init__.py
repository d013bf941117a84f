"""Storage: SQLAlchemy models, engine/session, migrations, repositories, audit trail.

Import what you need from the submodules; the commonly used entry points are
re-exported here. No Qt in this package (import-linter contract).
"""

# The session hooks of the audit trail (app.db.record_states) and of the score cache are
# registered by app.db.models, which every write needs: the start reads its patient list
# without the models (issue 22).
from app.db.engine import Database, make_engine, resolve_database_url
from app.db.opening import (
    DatabaseInUseError,
    DatabaseOpenError,
    DatabaseTooNewError,
    DatabaseUpgradeError,
    NotADatabaseError,
    UnversionedDatabaseError,
    UpgradeReport,
    open_database,
)

# alembic is imported only when a migration is needed (not at every start of the app).
_FROM_MIGRATE = ("current_revision", "head_revision", "upgrade_database", "upgrade_to_head")


def __getattr__(name: str):  # noqa: ANN202 - PEP 562: the migration functions, on first use
    if name in _FROM_MIGRATE:
        from app.db import migrate

        return getattr(migrate, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

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
