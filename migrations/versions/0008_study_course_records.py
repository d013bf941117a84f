"""What a comparative study of the plans records at patient and enrollment level.

Disease onset and diagnosis dates, race and ethnicity on the patient; why each arm was
chosen and why it was stopped or changed on the arm assignment; the infusions actually
given (issue 18).

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('patient') as batch:
        batch.add_column(sa.Column('onset_date', sa.Date(), nullable=True))
        batch.add_column(sa.Column('diagnosis_date', sa.Date(), nullable=True))
        batch.add_column(sa.Column('race', sa.String(64), nullable=False,
                                   server_default=''))
        batch.add_column(sa.Column('ethnicity', sa.String(64), nullable=False,
                                   server_default=''))
    with op.batch_alter_table('arm_assignment') as batch:
        batch.add_column(sa.Column('choice_reasons', sa.JSON(), nullable=True))
        batch.add_column(sa.Column('choice_other', sa.Text(), nullable=False,
                                   server_default=''))
        batch.add_column(sa.Column('stop_reason', sa.String(64), nullable=True))
        batch.add_column(sa.Column('stop_other', sa.Text(), nullable=False,
                                   server_default=''))
    op.create_table(
        'infusion',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('arm_assignment_id', sa.Integer(), nullable=False),
        sa.Column('drug', sa.String(64), nullable=False),
        sa.Column('given_on', sa.Date(), nullable=False),
        sa.Column('dose', sa.Float(), nullable=False),
        sa.Column('unit', sa.String(16), nullable=False),
        sa.Column('entered_by', sa.String(64), nullable=False),
        sa.Column('version_id', sa.Integer(), server_default=sa.text('1'), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint('dose > 0', name=op.f('ck_infusion_dose')),
        sa.ForeignKeyConstraint(['arm_assignment_id'], ['arm_assignment.id'],
                                name=op.f('fk_infusion_arm_assignment_id_arm_assignment')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_infusion')),
    )
    op.create_index(op.f('ix_infusion_arm_assignment_id'), 'infusion', ['arm_assignment_id'])


def downgrade() -> None:
    op.drop_index(op.f('ix_infusion_arm_assignment_id'), table_name='infusion')
    op.drop_table('infusion')
    with op.batch_alter_table('arm_assignment') as batch:
        for column in ('stop_other', 'stop_reason', 'choice_other', 'choice_reasons'):
            batch.drop_column(column)
    with op.batch_alter_table('patient') as batch:
        for column in ('ethnicity', 'race', 'diagnosis_date', 'onset_date'):
            batch.drop_column(column)
