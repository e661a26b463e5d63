"""The week's diary of a class printed for families without electronic access (issue 14, T9): what the read models
lacked of a lesson (its number and time, its subgroup's name, the topic and homework texts the journal tells), a
mark's lesson and comment, each student's own homework, the subgroups' students (schedule's SubgroupStudentsSet) and
the school events (schedule's SchoolEvent* events).

Revision ID: 0016
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import ARRAY, UUID

from services.common.schema import tenant_rls

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

ID = UUID(as_uuid=False)


def upgrade() -> None:
    op.add_column("rm_lessons", sa.Column("lesson_number", sa.Integer))
    op.add_column("rm_lessons", sa.Column("starts_at", sa.Time))
    op.add_column("rm_lessons", sa.Column("subgroup_name", sa.Text, nullable=False, server_default=""))
    op.add_column("rm_lessons", sa.Column("topic", sa.Text, nullable=False, server_default=""))
    op.add_column("rm_lessons", sa.Column("homework", sa.Text, nullable=False, server_default=""))
    op.add_column("rm_marks", sa.Column("lesson_id", ID))
    op.add_column("rm_marks", sa.Column("comment", sa.Text, nullable=False, server_default=""))
    op.create_table(
        "rm_student_homework",
        sa.Column("school_id", ID, primary_key=True),
        sa.Column("lesson_id", ID, primary_key=True),
        sa.Column("student_id", ID, primary_key=True),
        sa.Column("homework", sa.Text, nullable=False),
    )
    op.create_table(
        "rm_subgroups",
        sa.Column("id", ID, primary_key=True),
        sa.Column("school_id", ID, nullable=False),
        sa.Column("class_group_id", ID, nullable=False),
        sa.Column("name", sa.Text, nullable=False, server_default=""),
        sa.Column("student_ids", ARRAY(ID), nullable=False, server_default="{}"),
    )
    op.create_table(
        "rm_school_events",
        sa.Column("id", ID, primary_key=True),
        sa.Column("school_id", ID, nullable=False),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("starts_at", sa.Time),
        sa.Column("ends_at", sa.Time),
        sa.Column("title", sa.Text, nullable=False, server_default=""),
        sa.Column("kind_name", sa.Text, nullable=False, server_default=""),
        sa.Column("place", sa.Text, nullable=False, server_default=""),
        sa.Column("audience_scope", sa.Text, nullable=False, server_default="school"),
        sa.Column("audience_grades", ARRAY(sa.Integer), nullable=False, server_default="{}"),
        sa.Column("audience_class_group_ids", ARRAY(ID), nullable=False, server_default="{}"),
        sa.Column("audience_people", sa.Text, nullable=False, server_default="everyone"),
        sa.Column("cancelled", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("revision", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("rm_school_events_date", "rm_school_events", ["school_id", "date"])
    for table in ("rm_student_homework", "rm_subgroups", "rm_school_events"):
        tenant_rls(op, table)


def downgrade() -> None:
    raise NotImplementedError("released migrations are not reverted")
