"""Dated class memberships (issue 12, A1) in place of the student's one class group: the class a student was
placed in becomes a membership open at both ends.

Revision ID: 0004
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

from services.common.schema import tenant_rls

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("rm_class_memberships",
                    sa.Column("student_id", UUID(as_uuid=False), primary_key=True),
                    sa.Column("position", sa.Integer, primary_key=True),
                    sa.Column("school_id", UUID(as_uuid=False), nullable=False),
                    sa.Column("class_group_id", UUID(as_uuid=False), nullable=False),
                    sa.Column("date_from", sa.Date), sa.Column("date_to", sa.Date))
    op.create_index("rm_class_memberships_class_group", "rm_class_memberships", ["class_group_id"])
    # every school's students at once: the owner reads past the tenant policy for the copy only
    op.execute("ALTER TABLE rm_students NO FORCE ROW LEVEL SECURITY")
    op.execute("INSERT INTO rm_class_memberships (student_id, position, school_id, class_group_id) "
               "SELECT id, 0, school_id, class_group_id FROM rm_students WHERE class_group_id IS NOT NULL")
    op.execute("ALTER TABLE rm_students FORCE ROW LEVEL SECURITY")
    tenant_rls(op, "rm_class_memberships")
    op.drop_index("rm_students_class_group", table_name="rm_students")
    op.drop_column("rm_students", "class_group_id")
