"""Tables and row-level-security DDL that every service's database has: the outbox and the inbox.

Used from each service's models (table definitions) and Alembic migrations (DDL helpers).
"""
import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import UUID

TENANT = "NULLIF(current_setting('app.school_id', true), '')::uuid"
SYSTEM = "current_setting('app.system', true) = 'on'"


def messaging_tables(metadata: sa.MetaData) -> tuple[sa.Table, sa.Table]:
    outbox = sa.Table(
        "outbox", metadata,
        sa.Column("id", UUID(as_uuid=False), primary_key=True),
        sa.Column("seq", sa.BigInteger, sa.Identity(always=True), nullable=False),  # publication order
        sa.Column("school_id", UUID(as_uuid=False), nullable=False),
        sa.Column("topic", sa.Text, nullable=False),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("type", sa.Text, nullable=False),
        sa.Column("payload", sa.LargeBinary, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.Column("published_at", sa.DateTime(timezone=True)),
    )
    inbox = sa.Table(
        "inbox", metadata,
        sa.Column("event_id", UUID(as_uuid=False), primary_key=True),
        sa.Column("school_id", UUID(as_uuid=False), nullable=False),
        sa.Column("type", sa.Text, nullable=False),
        sa.Column("processed_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.Column("error", sa.Text),
    )
    return outbox, inbox


def tenant_rls(op, table: str) -> None:
    """Puts a table under row-level security keyed by school_id (the owner is bound too)."""
    op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
    op.execute(f"CREATE POLICY tenant_isolation ON {table} USING (school_id = {TENANT}) WITH CHECK (school_id = {TENANT})")


def system_access(op, table: str) -> None:
    """Lets the service's own plumbing (system_session) read and write every row of a table."""
    op.execute(f"CREATE POLICY system_access ON {table} USING ({SYSTEM}) WITH CHECK ({SYSTEM})")


def create_messaging(op) -> None:
    """Creates the outbox (with a NOTIFY that wakes the relay on commit) and the inbox."""
    metadata = sa.MetaData()
    outbox, inbox = messaging_tables(metadata)
    metadata.create_all(op.get_bind())
    op.execute("CREATE INDEX outbox_unpublished ON outbox (seq) WHERE published_at IS NULL")
    op.execute("""
        CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM pg_notify('outbox', ''); RETURN NULL; END $$""")
    op.execute("CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()")
    for table in (outbox.name, inbox.name):
        tenant_rls(op, table)
        system_access(op, table)


def index_messaging_for_retention(op) -> None:
    """Indexes what retention deletes by: outbox rows by when they were published, handled (not parked) inbox
    rows by when they were handled. Built concurrently, so a big outbox keeps taking writes meanwhile."""
    with op.get_context().autocommit_block():
        op.execute("CREATE INDEX CONCURRENTLY IF NOT EXISTS outbox_published ON outbox (published_at) "
                   "WHERE published_at IS NOT NULL")
        op.execute("CREATE INDEX CONCURRENTLY IF NOT EXISTS inbox_handled ON inbox (processed_at) WHERE error IS NULL")
