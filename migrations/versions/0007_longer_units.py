"""A unit typed as "other" may be longer than 16 characters.

The visit form's unit boxes take a listed unit or any typed text (kept as "other" and never
exported when de-identified); PostgreSQL refused such text over 16 characters, which
SQLite never checked.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('instrument_value') as batch:
        batch.alter_column('unit', existing_type=sa.String(16), type_=sa.String(120),
                           existing_nullable=True)


def downgrade() -> None:
    with op.batch_alter_table('instrument_value') as batch:
        batch.alter_column('unit', existing_type=sa.String(120), type_=sa.String(16),
                           existing_nullable=True)
