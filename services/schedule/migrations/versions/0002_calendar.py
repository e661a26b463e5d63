"""Holidays, day transfers, the schedule policy, calendar feeds; lessons get a status.

Revision ID: 0002
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

from services.common.schema import SYSTEM, tenant_rls

revision = "0002"
down_revision = "0001"

TENANT_TABLES = ("holidays", "day_transfers", "schedule_policy", "calendar_feeds")


def uuid_column(name: str, **kw) -> sa.Column:
    return sa.Column(name, UUID(as_uuid=False), nullable=False, **kw)


def ref(name: str, table: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, UUID(as_uuid=False), sa.ForeignKey(f"{table}.id"), nullable=nullable)


def upgrade() -> None:
    op.add_column("lessons", sa.Column("status", sa.Text, nullable=False, server_default="scheduled"))
    op.create_check_constraint("lessons_status", "lessons", "status IN ('scheduled', 'cancelled')")
    # a cancelled lesson no longer holds its class's slot: a transferred day may put another lesson there
    op.drop_constraint("lessons_class_group_id_date_lesson_number_key", "lessons", type_="unique")
    op.execute("CREATE UNIQUE INDEX lessons_class_slot ON lessons (class_group_id, date, lesson_number) "
               "WHERE status = 'scheduled'")
    op.create_table(
        "holidays", uuid_column("id", primary_key=True), uuid_column("school_id"),
        ref("academic_year_id", "academic_years"),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("start_date", sa.Date, nullable=False),
        sa.Column("end_date", sa.Date, nullable=False),
        sa.CheckConstraint("start_date <= end_date", name="holidays_dates"),
    )
    op.create_index("holidays_year", "holidays", ["academic_year_id", "start_date"])
    op.create_table(
        "day_transfers", uuid_column("id", primary_key=True), uuid_column("school_id"),
        ref("academic_year_id", "academic_years"),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("works_as_weekday", sa.Integer, nullable=False),
        sa.UniqueConstraint("academic_year_id", "date"),
        sa.CheckConstraint("works_as_weekday BETWEEN 0 AND 6", name="day_transfers_weekday"),
    )
    op.create_table(
        "schedule_policy", uuid_column("school_id"),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("school_id", "key"),
    )
    op.create_table(
        "calendar_feeds", uuid_column("id", primary_key=True), uuid_column("school_id"),
        sa.Column("token_hash", sa.Text, nullable=False, unique=True),
        sa.Column("owner_subject", sa.Text, nullable=False),
        ref("class_group_id", "class_groups", nullable=True),
        sa.Column("teacher_id", UUID(as_uuid=False)),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.Column("revoked_at", sa.DateTime(timezone=True)),
        sa.CheckConstraint("(class_group_id IS NULL) <> (teacher_id IS NULL)", name="calendar_feeds_scope"),
    )
    for table in TENANT_TABLES:
        tenant_rls(op, table)
    # the one cross-school read of this service: the system session finds a feed's school by its token hash
    op.execute(f"CREATE POLICY feed_lookup ON calendar_feeds FOR SELECT USING ({SYSTEM})")


def downgrade() -> None:
    for table in reversed(TENANT_TABLES):
        op.drop_table(table)
    op.drop_index("lessons_class_slot", "lessons")
    op.execute("DELETE FROM lessons WHERE status = 'cancelled'")
    op.create_unique_constraint("lessons_class_group_id_date_lesson_number_key", "lessons",
                                ["class_group_id", "date", "lesson_number"])
    op.drop_constraint("lessons_status", "lessons", type_="check")
    op.drop_column("lessons", "status")
