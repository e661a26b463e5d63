"""Journal policy per school, unlock requests for locked lessons, term marks; the ledger also records
term marks, unlock decisions and policy changes (so its lesson_id becomes optional).

Revision ID: 0002
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

from services.common.schema import tenant_rls

revision = "0002"
down_revision = "0001"

TENANT_TABLES = ("journal_policy", "unlock_requests", "term_marks")
LEDGER_ENTITIES = ("mark", "attendance", "topic", "homework", "term_mark", "unlock_request", "policy")


def uuid_column(name: str, nullable: bool = False, **kw) -> sa.Column:
    return sa.Column(name, UUID(as_uuid=False), nullable=nullable, **kw)


def upgrade() -> None:
    op.create_table(
        "journal_policy",
        uuid_column("school_id", primary_key=True),
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "unlock_requests",
        uuid_column("id", primary_key=True), uuid_column("school_id"), uuid_column("lesson_id"),
        uuid_column("teacher_id"), uuid_column("class_group_id"),
        sa.Column("subject_name", sa.Text, nullable=False),
        sa.Column("lesson_date", sa.Date, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True)),
        sa.Column("decided_by", sa.Text),
        sa.Column("decision_comment", sa.Text, nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True)),
        sa.CheckConstraint("status IN ('pending', 'approved', 'refused')", name="unlock_requests_status"),
        sa.CheckConstraint("(status = 'approved') = (expires_at IS NOT NULL)", name="unlock_requests_expiry"),
    )
    op.create_index("unlock_requests_lesson", "unlock_requests", ["school_id", "lesson_id", "teacher_id"])
    op.create_index("unlock_requests_pending", "unlock_requests", ["school_id", "requested_at"],
                    postgresql_where=sa.text("status = 'pending'"))
    op.create_table(
        "term_marks",
        uuid_column("id", primary_key=True), uuid_column("school_id"), uuid_column("student_id"),
        uuid_column("subject_id"), uuid_column("term_id"), uuid_column("class_group_id"),
        sa.Column("value", sa.Text, nullable=False),
        uuid_column("set_by"),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("school_id", "student_id", "subject_id", "term_id"),
        sa.CheckConstraint("value IN ('1', '2', '3', '4', '5', 'ОСВ', 'Н/А')", name="term_marks_value"),
    )
    op.create_index("term_marks_class_group", "term_marks", ["school_id", "class_group_id", "term_id", "subject_id"])
    for table in TENANT_TABLES:
        tenant_rls(op, table)
    op.alter_column("ledger", "lesson_id", nullable=True)
    op.drop_constraint("ledger_entity", "ledger", type_="check")
    op.create_check_constraint("ledger_entity", "ledger", "entity IN ({})".format(
        ", ".join(f"'{e}'" for e in LEDGER_ENTITIES)))

