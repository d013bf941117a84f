"""The installation's site code, and the coordinator's pooled database (issue 17).

``installation_setting``: settings of the database itself (not of one workstation), here
the site code an administrator sets once and the installation's random id, which tells
two sites that chose the same code apart. ``patient.site_code``: in a pooled database the
site a record came from; ``patient.pooled_age``: the age group that site exported (a
pooled database never holds a date of birth). ``pooled_site``: which export of each site
a pooled database holds.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'installation_setting',
        sa.Column('key', sa.String(length=64), nullable=False),
        sa.Column('value', sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint('key', name=op.f('pk_installation_setting')),
    )
    op.create_table(
        'pooled_site',
        sa.Column('site_code', sa.String(length=16), nullable=False),
        sa.Column('installation_id', sa.String(length=36), nullable=False),
        sa.Column('exported_at', sa.String(length=40), nullable=False),
        sa.Column('manifest_sha256', sa.String(length=64), nullable=False),
        sa.Column('dictionary_sha256', sa.String(length=64), nullable=False),
        sa.Column('records', sa.Integer(), nullable=False),
        sa.Column('loaded_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('site_code', name=op.f('pk_pooled_site')),
    )
    with op.batch_alter_table('patient') as batch:
        batch.add_column(sa.Column('site_code', sa.String(length=16), nullable=True))
        batch.add_column(sa.Column('pooled_age', sa.String(length=8), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('patient') as batch:
        batch.drop_column('pooled_age')
        batch.drop_column('site_code')
    op.drop_table('pooled_site')
    op.drop_table('installation_setting')
