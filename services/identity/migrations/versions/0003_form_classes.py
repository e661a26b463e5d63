"""Form teachers: which staff member leads which class group (one per class group).

Revision ID: 0003
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

from services.common.schema import tenant_rls

revision = "0003"
down_revision = "0002"

ID = UUID(as_uuid=False)


def upgrade() -> None:
    op.create_table(
        "form_classes",
        sa.Column("school_id", ID, sa.ForeignKey("schools.school_id"), nullable=False),
        sa.Column("class_group_id", ID, nullable=False),  # a class group of the schedule service
        sa.Column("person_id", ID, sa.ForeignKey("persons.id"), nullable=False),
        sa.PrimaryKeyConstraint("school_id", "class_group_id"),
    )
    op.create_index("form_classes_person", "form_classes", ["school_id", "person_id"])
    tenant_rls(op, "form_classes")


def downgrade() -> None:
    raise NotImplementedError("released migrations are not reverted")
