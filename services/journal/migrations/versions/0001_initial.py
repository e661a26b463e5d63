"""Journal tables: lesson records, marks, attendance and the append-only change ledger.

Revision ID: 0001
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID

from services.common.schema import create_messaging, tenant_rls

revision = "0001"
down_revision = None

TENANT_TABLES = ("lesson_records", "marks", "attendance", "ledger")


def uuid_column(name: str, nullable: bool = False, **kw) -> sa.Column:
    return sa.Column(name, UUID(as_uuid=False), nullable=nullable, **kw)


def upgrade() -> None:
    op.create_table(
        "lesson_records",
        uuid_column("school_id", primary_key=True), uuid_column("lesson_id", primary_key=True),
        uuid_column("class_group_id"), uuid_column("subject_id"),
        sa.Column("subject_name", sa.Text, nullable=False),
        uuid_column("teacher_id"),
        sa.Column("lesson_date", sa.Date, nullable=False),
        sa.Column("lesson_number", sa.Integer, nullable=False),
        sa.Column("topic", sa.Text, nullable=False),
        sa.Column("homework", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("lesson_records_class_group", "lesson_records", ["school_id", "class_group_id", "lesson_date"])
    op.create_table(
        "marks",
        uuid_column("id", primary_key=True), uuid_column("school_id"), uuid_column("lesson_id"),
        uuid_column("student_id"),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("work_type", sa.Text, nullable=False),
        sa.Column("comment", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("school_id", "lesson_id", "student_id", "work_type"),
        sa.CheckConstraint("value IN ('1', '2', '3', '4', '5')", name="marks_value"),
    )
    op.create_index("marks_student", "marks", ["school_id", "student_id"])
    op.create_table(
        "attendance",
        uuid_column("school_id", primary_key=True), uuid_column("lesson_id", primary_key=True),
        uuid_column("student_id", primary_key=True),
        sa.Column("status", sa.Text, nullable=False),
        sa.CheckConstraint("status IN ('absent', 'late', 'ill', 'excused', 'unexcused')", name="attendance_status"),
    )
    op.create_table(
        "ledger",
        uuid_column("id", primary_key=True), uuid_column("school_id"),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_subject", sa.Text, nullable=False),
        sa.Column("actor_roles", ARRAY(sa.Text), nullable=False),
        sa.Column("client_address", sa.Text, nullable=False),
        sa.Column("entity", sa.Text, nullable=False),
        uuid_column("entity_id", nullable=True),
        uuid_column("lesson_id"),
        uuid_column("student_id", nullable=True),
        sa.Column("old_value", JSONB),
        sa.Column("new_value", JSONB),
        sa.Column("reason", sa.Text, nullable=False),
        sa.CheckConstraint("entity IN ('mark', 'attendance', 'topic', 'homework')", name="ledger_entity"),
        comment="append-only change ledger of marks, attendance, topics and homework (who, when, from where, "
                "old and new value, reason)",
    )
    op.create_index("ledger_lesson", "ledger", ["school_id", "lesson_id", "occurred_at"])
    for table in TENANT_TABLES:
        tenant_rls(op, table)
    create_messaging(op)
