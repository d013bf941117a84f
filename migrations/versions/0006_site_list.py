"""The site list an administrator keeps: the patient dialog offers its names and
the export codes a patient's site by it, so typed text never leaves as a site.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03

"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'site',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=100), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_site')),
        sa.UniqueConstraint('name', name=op.f('uq_site_name')),
    )


def downgrade() -> None:
    op.drop_table('site')
