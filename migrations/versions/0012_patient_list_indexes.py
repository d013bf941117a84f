"""Indexes the patient list reads by (issue 22): each patient's current enrollment, and
its earliest open visit, found by index, so the list's query grows linearly with the
number of patients (no temporary B-tree, no automatic index built at every refresh).
And the open visits whose window opens by a date, for the visits-due list (issue 20).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03

"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0012'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index('ix_enrollment_patient_current', 'enrollment',
                    ['patient_id', 'status', 'enrollment_date', 'id'])
    op.create_index('ix_visit_enrollment_open', 'visit',
                    ['enrollment_id', 'status', 'target_date'])
    op.create_index('ix_visit_status_window_start', 'visit', ['status', 'window_start'])


def downgrade() -> None:
    op.drop_index('ix_visit_status_window_start', table_name='visit')
    op.drop_index('ix_visit_enrollment_open', table_name='visit')
    op.drop_index('ix_enrollment_patient_current', table_name='enrollment')
