"""The municipal authority's aggregates: school_aggregates (one row per school × academic year name × period key ×
grade, 0 = the whole school: counts and rates only, no person), the schools whose data changed since their
aggregates were computed (school_aggregate_changes: the refresher's dirty flags), the persons' kinds and whether their
account is activated (rm_person_accounts: staff, student or guardian), the sealed archives (rm_sealed_archives) and
when a lesson's topic was first recorded (rm_lessons.recorded_at: the lessons filled on time). All under forced
row-level security; the system session reads (only reads) the aggregates and the flags across schools.

Revision ID: 0013
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB, UUID

from services.common.schema import SYSTEM, tenant_rls

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

ID = UUID(as_uuid=False)


def system_reads(table: str) -> None:
    """The system session (the authority's overview, the refresher's list of changed schools) reads every school's
    rows; it writes none (the refresher writes in the school's own session)."""
    op.execute(f"CREATE POLICY system_reads ON {table} FOR SELECT USING ({SYSTEM})")


def upgrade() -> None:
    op.add_column("rm_lessons", sa.Column("recorded_at", sa.DateTime(timezone=True)))
    op.create_table(
        "rm_person_accounts",
        sa.Column("person_id", ID, primary_key=True),
        sa.Column("school_id", ID, nullable=False),
        sa.Column("kind", sa.Text, nullable=False, server_default=""),  # staff | student | guardian; "" = not told
        sa.Column("activated", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    tenant_rls(op, "rm_person_accounts")
    op.create_table(
        "rm_sealed_archives",
        sa.Column("archive_id", ID, primary_key=True),
        sa.Column("school_id", ID, nullable=False),
        sa.Column("academic_year_name", sa.Text, nullable=False, server_default=""),
    )
    tenant_rls(op, "rm_sealed_archives")
    op.create_table(
        "school_aggregate_changes",
        sa.Column("school_id", ID, primary_key=True),
        sa.Column("version", sa.BigInteger, nullable=False, server_default="1"),  # +1 on every change
    )
    tenant_rls(op, "school_aggregate_changes")
    system_reads("school_aggregate_changes")
    op.create_table(
        "school_aggregates",
        sa.Column("school_id", ID, primary_key=True),
        sa.Column("academic_year_name", sa.Text, primary_key=True),
        sa.Column("period_key", sa.Text, primary_key=True),  # q1..q4, h1, h2, t1..t3, p<n>, year
        sa.Column("grade", sa.Integer, primary_key=True),  # 0 = the whole school
        sa.Column("period_name", sa.Text, nullable=False, server_default=""),
        sa.Column("date_from", sa.Date),
        sa.Column("date_to", sa.Date),
        sa.Column("classes", sa.Integer, nullable=False, server_default="0"),
        sa.Column("students", sa.Integer, nullable=False, server_default="0"),
        sa.Column("categories", JSONB, nullable=False, server_default="{}"),  # {category: students}
        sa.Column("quality", sa.Numeric(4, 1)),  # NULL = nobody with a result
        sa.Column("pass_rate", sa.Numeric(4, 1)),
        sa.Column("mark_sum", sa.Numeric(12, 2), nullable=False, server_default="0"),
        sa.Column("mark_count", sa.Integer, nullable=False, server_default="0"),
        sa.Column("average", sa.Numeric(4, 2)),
        sa.Column("lessons_missed", sa.Integer, nullable=False, server_default="0"),
        sa.Column("missed_by_reason", JSONB, nullable=False, server_default="{}"),  # {reason: lessons}
        sa.Column("missed_per_student", sa.Numeric(8, 2)),
        sa.Column("lessons_to_date", sa.Integer, nullable=False, server_default="0"),
        sa.Column("lessons_on_time", sa.Integer, nullable=False, server_default="0"),
        sa.Column("fill_rate", sa.Numeric(4, 1)),
        sa.Column("staff", sa.Integer, nullable=False, server_default="0"),
        sa.Column("staff_activated", sa.Integer, nullable=False, server_default="0"),
        sa.Column("families", sa.Integer, nullable=False, server_default="0"),
        sa.Column("families_activated", sa.Integer, nullable=False, server_default="0"),
        sa.Column("archives_sealed", sa.Integer, nullable=False, server_default="0"),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
    )
    op.create_index("school_aggregates_period", "school_aggregates", ["academic_year_name", "period_key", "grade"])
    tenant_rls(op, "school_aggregates")
    system_reads("school_aggregates")
    op.execute("INSERT INTO school_aggregate_changes (school_id) SELECT school_id FROM rm_schools "
               "ON CONFLICT DO NOTHING")  # every school known so far is computed once


def downgrade() -> None:
    raise NotImplementedError("released migrations are not reverted")
