"""Identity tables: schools, persons, role grants, guardianships, the cross-school directory, messaging.

Revision ID: 0001
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

from services.common.schema import create_messaging, system_access, tenant_rls

revision = "0001"
down_revision = None

ID = UUID(as_uuid=False)


def _school_id() -> sa.Column:
    return sa.Column("school_id", ID, sa.ForeignKey("schools.school_id"), nullable=False)


def upgrade() -> None:
    op.create_table(
        "schools",
        sa.Column("school_id", ID, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("short_name", sa.Text, nullable=False),
        sa.Column("organization_id", sa.Text, nullable=False),
        sa.Column("status", sa.Text, nullable=False, server_default="active"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.CheckConstraint("status IN ('active', 'suspended')", name="schools_status"),
    )
    op.create_table(
        "persons",
        sa.Column("id", ID, primary_key=True),
        _school_id(),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("last_name", sa.Text, nullable=False),
        sa.Column("first_name", sa.Text, nullable=False),
        sa.Column("middle_name", sa.Text, nullable=False, server_default=""),
        sa.Column("gender", sa.Text),
        sa.Column("birth_date", sa.Date),
        sa.Column("snils", sa.Text),
        sa.Column("class_group_id", ID),
        sa.Column("subject", sa.Text),
        sa.Column("username", sa.Text),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.CheckConstraint("kind IN ('staff', 'student', 'guardian')", name="persons_kind"),
        sa.CheckConstraint("gender IN ('male', 'female')", name="persons_gender"),
    )
    op.create_index("persons_snils", "persons", ["school_id", "kind", "snils"], unique=True,
                    postgresql_where=sa.text("snils IS NOT NULL"))
    op.create_index("persons_subject", "persons", ["school_id", "subject"])
    op.create_index("persons_class_group", "persons", ["school_id", "class_group_id"])
    op.create_table(
        "role_grants",
        _school_id(),
        sa.Column("person_id", ID, sa.ForeignKey("persons.id"), nullable=False),
        sa.Column("role", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("school_id", "person_id", "role"),
    )
    op.create_table(
        "guardianships",
        _school_id(),
        sa.Column("guardian_id", ID, sa.ForeignKey("persons.id"), nullable=False),
        sa.Column("student_id", ID, sa.ForeignKey("persons.id"), nullable=False),
        sa.Column("relation", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("school_id", "guardian_id", "student_id"),
    )
    op.create_table(
        "directory",
        _school_id(),
        sa.Column("person_id", ID, sa.ForeignKey("persons.id"), primary_key=True),
        sa.Column("subject", sa.Text),
        sa.Column("snils", sa.Text),
    )
    op.create_index("directory_subject", "directory", ["subject"])
    op.create_index("directory_snils", "directory", ["snils"])
    for table in ("schools", "persons", "role_grants", "guardianships", "directory"):
        tenant_rls(op, table)
    for table in ("schools", "directory"):  # read across schools only through system_session
        system_access(op, table)
    create_messaging(op)


def downgrade() -> None:
    raise NotImplementedError("released migrations are not reverted")
