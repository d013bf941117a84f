"""The partial unique index on the current arm keeps its WHERE on PostgreSQL, although the
model no longer names the PostgreSQL option at import (that import loaded SQLAlchemy's
whole PostgreSQL dialect into every desktop start, issue 22): a PostgreSQL engine adds it.
No server is needed: making an engine does not connect."""

from __future__ import annotations

import subprocess
import sys

from sqlalchemy.dialects import sqlite
from sqlalchemy.schema import CreateIndex

from app.db.engine import make_engine
from app.db.models import ArmAssignment

ONE_CURRENT_ARM = ("CREATE UNIQUE INDEX uq_arm_assignment_current ON arm_assignment "
                   "(enrollment_id) WHERE end_date IS NULL")


def _current_arm_index():
    return next(index for index in ArmAssignment.__table__.indexes
                if index.name == "uq_arm_assignment_current")


def test_a_postgresql_engine_creates_the_index_for_the_current_arm_only():
    engine = make_engine("postgresql+psycopg://nobody:none@localhost:1/no_such_database")
    try:
        ddl = str(CreateIndex(_current_arm_index()).compile(dialect=engine.dialect))
    finally:
        engine.dispose()
    assert " ".join(ddl.split()) == ONE_CURRENT_ARM


def test_sqlite_has_the_same_index_from_the_declaration():
    ddl = str(CreateIndex(_current_arm_index()).compile(dialect=sqlite.dialect()))
    assert " ".join(ddl.split()) == ONE_CURRENT_ARM


def test_importing_the_models_and_opening_sqlite_loads_no_postgresql_dialect():
    code = ("import sys\nfrom app.db.models import Base\nfrom app.db.engine import make_engine\n"
            "make_engine('sqlite://').dispose()\n"
            "print(sorted(m for m in sys.modules if 'postgresql' in m))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=120)
    assert done.stdout.strip() == "[]"
