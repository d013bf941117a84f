"""The audit table refuses UPDATE and DELETE in the database itself.

SQLite: two triggers that abort any UPDATE or DELETE of ``audit_entry``. They stop the
application, an SQL console and a careless script alike; someone who can write the file
can still drop them (which the hash chain and the anchors then have to catch).
Note for later migrations: a batch operation that rebuilds ``audit_entry`` (copy, drop,
rename) drops its triggers; such a migration must create them again.

PostgreSQL (server mode): UPDATE, DELETE and TRUNCATE on ``audit_entry`` are revoked from
PUBLIC, from every role that was granted them, and from the role running the migration
(the table's owner keeps only the right to grant them back, which an application role
that does not own the tables never has); a trigger refuses them as well, even for a
superuser. The README describes the separate owner role that runs ``jdm-ctp db upgrade``
and the application role that only reads and appends.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03

"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REFUSED = 'the audit trail is append-only: its entries cannot be changed or removed'

SQLITE_TRIGGERS = {
    'audit_entry_no_update': 'UPDATE',
    'audit_entry_no_delete': 'DELETE',
}

PG_FUNCTION = 'jdm_ctp_audit_append_only'


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == 'sqlite':
        for name, statement in SQLITE_TRIGGERS.items():
            op.execute(
                f"CREATE TRIGGER {name} BEFORE {statement} ON audit_entry "
                f"BEGIN SELECT RAISE(ABORT, '{REFUSED}'); END"
            )
        return
    if bind.dialect.name != 'postgresql':
        return
    op.execute(
        f"CREATE OR REPLACE FUNCTION {PG_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN RAISE EXCEPTION '{REFUSED}' USING ERRCODE = 'insufficient_privilege'; END $$"
    )
    op.execute(
        "CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry "
        f"FOR EACH ROW EXECUTE FUNCTION {PG_FUNCTION}()"
    )
    op.execute(
        "CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {PG_FUNCTION}()"
    )
    op.execute("REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM PUBLIC")
    op.execute(
        "DO $$ DECLARE grantee_name text; BEGIN "
        "FOR grantee_name IN SELECT DISTINCT grantee FROM information_schema.role_table_grants "
        "WHERE table_schema = current_schema() AND table_name = 'audit_entry' "
        "AND privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE') AND grantee <> 'PUBLIC' LOOP "
        "EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM %I', grantee_name); "
        "END LOOP; END $$"
    )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == 'sqlite':
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        return
    if bind.dialect.name != 'postgresql':
        return
    op.execute("DROP TRIGGER IF EXISTS audit_entry_no_truncate ON audit_entry")
    op.execute("DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_entry")
    op.execute("GRANT UPDATE, DELETE, TRUNCATE ON audit_entry TO CURRENT_USER")
