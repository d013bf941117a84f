"""The database's own identity, recorded in the audit trail.

A table with one row: a random ``database_id`` (the audit anchors are keyed by it, not
by the file's path) and a random key for the tag that stands in for an unknown user
name in the trail. The id is also appended to the audit trail as a
``database_identity`` entry, together with where value tracking starts: rows that exist
now (ids below ``values_covered_from``) were written before the trail recorded every
value, so ``audit verify`` can only check them from their next change on.

The entry is hashed here with the chain's canonical hash, written out below rather than
imported: migrations do not import application code that may change later, and the
hash itself can never change without breaking every existing chain.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03

"""

from __future__ import annotations

import hashlib
import json
import secrets
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SYSTEM_USER = 'jdm-ctp (database set-up)'
GENESIS_HASH = '0' * 64
# Tables whose rows the trail records value by value from now on.
TRACKED_TABLES = (
    'patient', 'patient_identity', 'prior_therapy', 'screening', 'enrollment',
    'arm_assignment', 'prescription', 'visit', 'instrument_value', 'adverse_event',
    'anthropometric', 'app_user',
)
HASHED_COLUMNS = (
    'id', 'occurred_at', 'user_name', 'action', 'entity', 'entity_id', 'field',
    'old_value', 'new_value', 'reason', 'prev_hash',
)

audit_entry = sa.table(
    'audit_entry',
    sa.column('id', sa.Integer), sa.column('occurred_at', sa.DateTime(timezone=True)),
    sa.column('user_name', sa.String), sa.column('action', sa.String),
    sa.column('entity', sa.String), sa.column('entity_id', sa.String),
    sa.column('field', sa.String), sa.column('old_value', sa.Text),
    sa.column('new_value', sa.Text), sa.column('reason', sa.Text),
    sa.column('prev_hash', sa.String), sa.column('entry_hash', sa.String),
)


def _entry_hash(values: dict) -> str:
    content = {name: values[name] for name in HASHED_COLUMNS}
    content['occurred_at'] = values['occurred_at'].astimezone(UTC).isoformat(
        timespec='microseconds')
    canonical = json.dumps(content, sort_keys=True, separators=(',', ':'), ensure_ascii=False)
    return hashlib.sha256(canonical.encode('utf-8')).hexdigest()


def upgrade() -> None:
    op.create_table(
        'database_identity',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('database_id', sa.String(length=36), nullable=False),
        sa.Column('name_tag_key', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_database_identity')),
        sa.UniqueConstraint('database_id', name=op.f('uq_database_identity_database_id')),
    )
    bind = op.get_bind()
    now = datetime.now(UTC)
    stored_now = now.replace(tzinfo=None) if bind.dialect.name == 'sqlite' else now
    database_id = str(uuid.uuid4())
    op.bulk_insert(sa.table(
        'database_identity', sa.column('id', sa.Integer), sa.column('database_id', sa.String),
        sa.column('name_tag_key', sa.String),
        sa.column('created_at', sa.DateTime(timezone=True)),
    ), [{'id': 1, 'database_id': database_id, 'name_tag_key': secrets.token_hex(32),
         'created_at': stored_now}])
    covered_from = {
        table: bind.execute(sa.text(f'SELECT COALESCE(MAX(id), 0) + 1 FROM {table}')).scalar_one()  # noqa: S608 - our table names
        for table in TRACKED_TABLES
    }
    last = bind.execute(sa.text(
        'SELECT id, entry_hash FROM audit_entry ORDER BY id DESC LIMIT 1')).first()
    values = {
        'id': (last.id + 1) if last else 1,
        'occurred_at': now,
        'user_name': SYSTEM_USER,
        'action': 'database_identity',
        'entity': 'database',
        'entity_id': database_id,
        'field': 'database_id',
        'old_value': None,
        'new_value': json.dumps({'database_id': database_id, 'values_covered_from': covered_from},
                                sort_keys=True, ensure_ascii=False),
        'reason': 'the database\u2019s own id (audit anchors are kept per database, not per path)',
        'prev_hash': last.entry_hash if last else GENESIS_HASH,
    }
    row = dict(values, entry_hash=_entry_hash(values), occurred_at=stored_now)
    bind.execute(audit_entry.insert().values(**row))


def downgrade() -> None:
    # The identity entry stays in the trail: the trail is append-only.
    op.drop_table('database_identity')
