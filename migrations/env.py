"""Alembic environment for jdm-ctp.

Used two ways:
* by the application (``app.db.migrate``), which builds the alembic ``Config`` in code
  and hands over an open connection in ``config.attributes["connection"]`` so the whole
  upgrade runs in one transaction it controls (and works in a frozen bundle);
* by developers running ``alembic`` from the repository root (``alembic.ini``); the URL
  then comes from ``-x url=...``, ``sqlalchemy.url``, or the app's usual resolution
  ($JDM_CTP_DATABASE_URL, then the per-user default database). That path takes no
  backup: use ``jdm-ctp db upgrade`` for real data.
"""

from __future__ import annotations

from logging.config import fileConfig
from typing import Any

from alembic import context
from sqlalchemy.engine import Connection

from app.db.engine import make_migration_engine, resolve_database_url
from app.db.models import Base
from app.db.types import UTCDateTime

config = context.config
if config.config_file_name is not None and config.attributes.get("configure_logger", True):
    fileConfig(config.config_file_name, disable_existing_loggers=False)
target_metadata = Base.metadata


def _render_item(type_: str, obj: Any, _autogen_context: Any) -> str | bool:
    # Migrations must not import app code that may change later; UTCDateTime is a
    # Python-side wrapper around a plain timezone-aware DATETIME column.
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def _configure(**kwargs: Any) -> None:
    context.configure(
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things: batch mode rebuilds the table instead.
        render_as_batch=True,
        compare_type=True,
        render_item=_render_item,
        # app.db.engine makes SQLite emit a real BEGIN, so DDL is transactional there too:
        # run the whole upgrade as one transaction instead of alembic's SQLite default.
        transactional_ddl=True,
        **kwargs,
    )


def _url() -> str:
    url = (
        config.attributes.get("url")
        or context.get_x_argument(as_dictionary=True).get("url")
        or config.get_main_option("sqlalchemy.url")
    )
    return url or resolve_database_url(None)


def _run(connection: Connection) -> None:
    _configure(connection=connection)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    _configure(url=_url(), literal_binds=True, dialect_opts={"paramstyle": "named"})
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_migration_engine(_url())
    try:
        with engine.connect() as connection:
            _run(connection)
            connection.commit()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
