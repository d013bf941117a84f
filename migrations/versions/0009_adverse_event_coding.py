"""Adverse events coded: category, severity (CTCAE grade words) and outcome (issue 18).

Nullable: events stored before this revision keep no category and are shown as
"category not recorded" at the field.

Revision ID: 0009
Revises: 0007
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('adverse_event') as batch:
        batch.add_column(sa.Column('category', sa.String(32), nullable=True))
        batch.add_column(sa.Column('severity', sa.String(32), nullable=True))
        batch.add_column(sa.Column('outcome', sa.String(32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('adverse_event') as batch:
        batch.drop_column('outcome')
        batch.drop_column('severity')
        batch.drop_column('category')
