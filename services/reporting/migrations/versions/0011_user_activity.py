"""The weekly user-activity report (issue 13, R3; seed 003 §8): the school's staff as identity's events name them
(rm_staff: full name, roles, the Keycloak login once known) and the count of each actor's activity per day and kind
(rm_activity: sign-ins, topics, marks, attendance, homework, term and final marks); both under forced row-level
security.

Revision ID: 0011
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import ARRAY, UUID

from services.common.schema import tenant_rls

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

ID = UUID(as_uuid=False)


def upgrade() -> None:
    op.create_table(
        "rm_staff",
        sa.Column("id", ID, primary_key=True),
        sa.Column("school_id", ID, nullable=False),
        sa.Column("full_name", sa.Text, nullable=False, server_default=""),
        sa.Column("roles", ARRAY(sa.Text), nullable=False, server_default="{}"),
        sa.Column("subject", sa.Text),  # the Keycloak login; NULL until an activation or a sign-in tells it
    )
    tenant_rls(op, "rm_staff")
    op.create_table(
        "rm_activity",
        sa.Column("school_id", ID, primary_key=True),
        sa.Column("actor", sa.Text, primary_key=True),  # the envelope's actor: a Keycloak subject or service:<name>
        sa.Column("day", sa.Date, primary_key=True),  # in the schools' time zone
        sa.Column("kind", sa.Text, primary_key=True),  # domain/user_activity.py: sign_in, topic, mark_recorded, ...
        sa.Column("count", sa.Integer, nullable=False),
    )
    op.create_index("rm_activity_week", "rm_activity", ["school_id", "day"])
    tenant_rls(op, "rm_activity")


def downgrade() -> None:
    raise NotImplementedError("released migrations are not reverted")
