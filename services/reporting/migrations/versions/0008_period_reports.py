"""The period reports' read model (issue 13): a term's end date, each lesson's class, date, teacher, cancellation and
whether the journal recorded it (TopicSet), and the school's mark scale and weighted work types
(JournalSettingsChanged); the new table under forced row-level security.

Revision ID: 0008
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB, UUID

from services.common.schema import tenant_rls

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("rm_terms", sa.Column("end_date", sa.Date))
    op.alter_column("rm_lessons", "subject_id", nullable=True)
    op.add_column("rm_lessons", sa.Column("class_group_id", UUID(as_uuid=False)))
    op.add_column("rm_lessons", sa.Column("lesson_date", sa.Date))
    op.add_column("rm_lessons", sa.Column("teacher_id", UUID(as_uuid=False)))
    op.add_column("rm_lessons", sa.Column("cancelled", sa.Boolean, nullable=False, server_default=sa.false()))
    op.add_column("rm_lessons", sa.Column("recorded", sa.Boolean, nullable=False, server_default=sa.false()))
    op.create_index("rm_lessons_class_group", "rm_lessons", ["class_group_id", "lesson_date"])
    op.create_table("rm_school_settings", sa.Column("school_id", UUID(as_uuid=False), primary_key=True),
                    sa.Column("mark_scale", sa.Text, nullable=False, server_default="five_point"),
                    sa.Column("work_types", JSONB, nullable=False, server_default="[]"))
    tenant_rls(op, "rm_school_settings")
