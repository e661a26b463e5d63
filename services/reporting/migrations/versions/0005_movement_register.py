"""The movement register's read model (issue 12, A1: книга движения учащихся): the schools' names, the orders
identity signed and their students' lines.

Revision ID: 0005
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB, UUID

from services.common.schema import tenant_rls

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def text(name: str) -> sa.Column:
    return sa.Column(name, sa.Text, nullable=False, server_default="")


def upgrade() -> None:
    op.create_table("rm_schools", sa.Column("school_id", UUID(as_uuid=False), primary_key=True), text("name"))
    op.create_table("rm_movement_orders", sa.Column("id", UUID(as_uuid=False), primary_key=True),
                    sa.Column("school_id", UUID(as_uuid=False), nullable=False), text("kind"), text("number"),
                    sa.Column("order_date", sa.Date), sa.Column("effective_date", sa.Date), text("reason"),
                    sa.Column("academic_year_id", UUID(as_uuid=False)),
                    sa.Column("late", sa.Boolean, nullable=False, server_default=sa.false()),
                    sa.Column("cancels_order_id", UUID(as_uuid=False)),
                    sa.Column("cancelled_by_order_id", UUID(as_uuid=False)))
    op.create_index("rm_movement_orders_year", "rm_movement_orders", ["academic_year_id"])
    op.create_table("rm_order_lines", sa.Column("order_id", UUID(as_uuid=False), primary_key=True),
                    sa.Column("position", sa.Integer, primary_key=True),
                    sa.Column("school_id", UUID(as_uuid=False), nullable=False),
                    sa.Column("student_id", UUID(as_uuid=False), nullable=False), text("student_name"),
                    sa.Column("from_class_group_id", UUID(as_uuid=False)),
                    sa.Column("to_class_group_id", UUID(as_uuid=False)),
                    sa.Column("debts", JSONB, nullable=False, server_default="[]"), text("document"),
                    text("destination"))
    for table in ("rm_schools", "rm_movement_orders", "rm_order_lines"):
        tenant_rls(op, table)
