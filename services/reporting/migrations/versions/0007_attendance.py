"""The attendance sheet's read model (issue 13, report 8: сводная ведомость посещаемости): each (lesson, student)'s
latest attendance status as the journal's AttendanceRecorded told it, and each lesson's subject as schedule's lesson
events tell it; both with forced row-level security.

Revision ID: 0007
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

from services.common.schema import tenant_rls

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("rm_attendance", sa.Column("school_id", UUID(as_uuid=False), primary_key=True),
                    sa.Column("lesson_id", UUID(as_uuid=False), primary_key=True),
                    sa.Column("student_id", UUID(as_uuid=False), primary_key=True),
                    sa.Column("class_group_id", UUID(as_uuid=False), nullable=False),
                    sa.Column("lesson_date", sa.Date, nullable=False),
                    sa.Column("status", sa.Text, nullable=False))
    op.create_index("rm_attendance_class_group", "rm_attendance", ["class_group_id", "lesson_date"])
    op.create_table("rm_lessons", sa.Column("id", UUID(as_uuid=False), primary_key=True),
                    sa.Column("school_id", UUID(as_uuid=False), nullable=False),
                    sa.Column("subject_id", UUID(as_uuid=False), nullable=False))
    for table in ("rm_attendance", "rm_lessons"):
        tenant_rls(op, table)
