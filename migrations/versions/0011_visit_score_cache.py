"""A stored cache of each visit's computed scores (issue 22: score once, not per export).

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0011'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'visit_score',
        sa.Column('visit_id', sa.Integer(), nullable=False),
        sa.Column('stamp', sa.String(length=255), nullable=False),
        sa.Column('scores', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], ondelete='CASCADE',
                                name=op.f('fk_visit_score_visit_id_visit')),
        sa.PrimaryKeyConstraint('visit_id', name=op.f('pk_visit_score')),
    )


def downgrade() -> None:
    op.drop_table('visit_score')
