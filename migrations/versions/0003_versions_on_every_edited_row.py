"""Optimistic locking on every row a person can edit.

Identity, prior therapies, arm assignments, prescriptions, instrument items, adverse
events and user accounts get the ``version_id`` that patients, screenings, enrollments
and visits already had; existing rows start at version 1. All ``version_id`` columns now
default to 1 in the database, so rows written outside the ORM get a version too.

SQLite adds a NOT NULL column with a default without rebuilding the table (instant even
for millions of instrument items); giving the four older columns their default does
rebuild those tables (batch mode).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02

"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NEW_VERSIONED = (
    'patient_identity',
    'prior_therapy',
    'arm_assignment',
    'prescription',
    'instrument_value',
    'adverse_event',
    'app_user',
)
ALREADY_VERSIONED = ('patient', 'screening', 'enrollment', 'visit')


def upgrade() -> None:
    for table in NEW_VERSIONED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('version_id', sa.Integer(), nullable=False,
                                          server_default=sa.text('1')))
    for table in ALREADY_VERSIONED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column('version_id', existing_type=sa.Integer(),
                                  existing_nullable=False, server_default=sa.text('1'))


def downgrade() -> None:
    for table in reversed(ALREADY_VERSIONED):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column('version_id', existing_type=sa.Integer(),
                                  existing_nullable=False, server_default=None)
    for table in reversed(NEW_VERSIONED):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('version_id')
