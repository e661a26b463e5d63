"""Individual homework of one student on a lesson, and homework files (kept in the object store under the school's
prefix; the table holds what they are and where) (J1); the ledger records added files.

Revision ID: 0008
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

from services.common.schema import tenant_rls

revision = "0008"
down_revision = "0007"

LEDGER_ENTITIES = ("mark", "attendance", "topic", "homework", "term_mark", "unlock_request", "policy", "work_type",
                   "final_mark", "student_plan", "attachment")


def uuid_column(name: str, nullable: bool = False, **kw) -> sa.Column:
    return sa.Column(name, UUID(as_uuid=False), nullable=nullable, **kw)


def upgrade() -> None:
    op.create_table(
        "student_homework",
        uuid_column("school_id", primary_key=True), uuid_column("lesson_id", primary_key=True),
        uuid_column("student_id", primary_key=True),
        sa.Column("homework", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "homework_attachments",
        uuid_column("id", primary_key=True), uuid_column("school_id"), uuid_column("lesson_id"),
        uuid_column("class_group_id"), uuid_column("student_id", nullable=True),
        sa.Column("filename", sa.Text, nullable=False),
        sa.Column("media_type", sa.Text, nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("object_key", sa.Text, nullable=False),
        uuid_column("uploaded_by"),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("homework_attachments_lesson", "homework_attachments", ["school_id", "lesson_id"])
    for table in ("student_homework", "homework_attachments"):
        tenant_rls(op, table)
    op.drop_constraint("ledger_entity", "ledger", type_="check")
    op.create_check_constraint("ledger_entity", "ledger", "entity IN ({})".format(
        ", ".join(f"'{e}'" for e in LEDGER_ENTITIES)))
