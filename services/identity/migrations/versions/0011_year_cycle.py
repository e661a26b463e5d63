"""The school year as a cycle (issue 12): dated class memberships (backfilled from persons.class_group_id, which
they replace), the movement register (orders and their lines, append-only), person corrections (append-only) and
the year transitions.

Revision ID: 0011
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB, UUID

from services.common.schema import tenant_rls

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

ID = UUID(as_uuid=False)


def _school():
    return sa.Column("school_id", ID, sa.ForeignKey("schools.school_id"), nullable=False)


def upgrade() -> None:
    op.create_table(
        "class_memberships",
        _school(),
        sa.Column("id", ID, primary_key=True),
        sa.Column("student_id", ID, sa.ForeignKey("persons.id"), nullable=False),
        sa.Column("class_group_id", ID, nullable=False),  # a class group of the schedule service
        sa.Column("date_from", sa.Date),  # NULL: since the class began
        sa.Column("date_to", sa.Date),  # NULL: still there
        sa.Column("order_id", ID),  # the movement order that started it (NULL: placed without one)
    )
    op.create_index("class_memberships_student", "class_memberships", ["school_id", "student_id"])
    op.create_index("class_memberships_class", "class_memberships", ["school_id", "class_group_id"])
    op.create_table(
        "movement_orders",
        _school(),
        sa.Column("id", ID, primary_key=True),
        sa.Column("seq", sa.BigInteger, sa.Identity(always=True), nullable=False),  # signing order
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("number", sa.Text, nullable=False),
        sa.Column("order_date", sa.Date, nullable=False),
        sa.Column("effective_date", sa.Date, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("cancels_order_id", ID),
        sa.Column("academic_year_id", ID, nullable=False),
        sa.Column("deadline", sa.Date, nullable=False),
        sa.Column("late", sa.Boolean, nullable=False),
        sa.Column("signed_by", sa.Text, nullable=False),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.UniqueConstraint("school_id", "number", name="movement_orders_number"),
        comment="append-only register of movement orders (книга движения): a mistake is cancelled by a later order",
    )
    op.create_index("movement_orders_year", "movement_orders", ["school_id", "academic_year_id"])
    op.create_table(
        "order_lines",
        _school(),
        sa.Column("order_id", ID, sa.ForeignKey("movement_orders.id"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("student_id", ID, sa.ForeignKey("persons.id"), nullable=False),
        sa.Column("student_name", sa.Text, nullable=False),
        sa.Column("from_class_group_id", ID),
        sa.Column("to_class_group_id", ID),
        sa.Column("debts", JSONB, nullable=False, server_default="[]"),
        sa.Column("document", sa.Text, nullable=False, server_default=""),
        sa.Column("destination", sa.Text, nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("order_id", "position"),
        comment="append-only students of the movement orders",
    )
    op.create_index("order_lines_student", "order_lines", ["school_id", "student_id"])
    op.create_table(
        "person_corrections",
        _school(),
        sa.Column("id", sa.BigInteger, sa.Identity(always=True), primary_key=True),
        sa.Column("person_id", ID, sa.ForeignKey("persons.id"), nullable=False),
        sa.Column("field", sa.Text, nullable=False),
        sa.Column("old_value", sa.Text, nullable=False),
        sa.Column("new_value", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("corrected_by", sa.Text, nullable=False),
        sa.Column("corrected_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        comment="append-only corrections of a person's name, gender or birth date, with the old values",
    )
    op.create_index("person_corrections_person", "person_corrections", ["school_id", "person_id"])
    op.create_table(
        "year_transitions",
        _school(),
        sa.Column("source_year_id", ID, nullable=False),
        sa.Column("target_year_id", ID, nullable=False),
        sa.Column("transition", sa.LargeBinary, nullable=False),  # the YearTransition message as done
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.PrimaryKeyConstraint("school_id", "source_year_id"),
        comment="append-only year transitions: one per source year",
    )
    for table in ("class_memberships", "movement_orders", "order_lines", "person_corrections", "year_transitions"):
        tenant_rls(op, table)
    # every student placed in a class today is in it since the class began; the owner reads across schools only
    # inside this migration
    for table in ("persons", "class_memberships"):
        op.execute(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY")
    op.execute("INSERT INTO class_memberships (school_id, id, student_id, class_group_id) "
               "SELECT school_id, gen_random_uuid(), id, class_group_id FROM persons WHERE class_group_id IS NOT NULL")
    for table in ("persons", "class_memberships"):
        op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
    op.drop_column("persons", "class_group_id")


def downgrade() -> None:
    raise NotImplementedError("released migrations are not reverted")
