"""Reporting read models (academic years, class groups, subjects, students, marks), outbox and inbox.

Revision ID: 0001
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

from services.common.schema import create_messaging, tenant_rls

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def ids(*names: str) -> list[sa.Column]:
    return [sa.Column(name, UUID(as_uuid=False), nullable=False) for name in names]


def text(name: str) -> sa.Column:
    return sa.Column(name, sa.Text, nullable=False, server_default="")


def key() -> sa.Column:
    return sa.Column("id", UUID(as_uuid=False), primary_key=True)


def upgrade() -> None:
    op.create_table("rm_academic_years", key(), *ids("school_id"), text("name"))
    op.create_table("rm_class_groups", key(), *ids("school_id"), text("name"),
                    sa.Column("academic_year_id", UUID(as_uuid=False)))
    op.create_table("rm_subjects", key(), *ids("school_id"), text("name"))
    op.create_table("rm_students", key(), *ids("school_id"), text("full_name"),
                    sa.Column("class_group_id", UUID(as_uuid=False)))
    op.create_index("rm_students_class_group", "rm_students", ["class_group_id"])
    op.create_table("rm_marks", sa.Column("mark_id", UUID(as_uuid=False), primary_key=True),
                    *ids("school_id", "student_id", "subject_id", "class_group_id"),
                    sa.Column("lesson_date", sa.Date, nullable=False), text("value"), text("work_type"))
    op.create_index("rm_marks_class_group", "rm_marks", ["class_group_id"])
    for table in ("rm_academic_years", "rm_class_groups", "rm_subjects", "rm_students", "rm_marks"):
        tenant_rls(op, table)
    create_messaging(op)
