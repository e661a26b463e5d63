"""Reports formed in the background (report_jobs: kind, params, progress, the file in MinIO and when it expires) and
the school's report schedule (report_schedules: the day of the month the summary sheets are formed), both under
forced row-level security; the workers, the reaper and the scheduler of every school reach them (and rm_schools)
through the system session.

Revision ID: 0010
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB, UUID

from services.common.schema import system_access, tenant_rls

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

ID = UUID(as_uuid=False)


def upgrade() -> None:
    op.create_table(
        "report_jobs",
        sa.Column("id", ID, primary_key=True),
        sa.Column("school_id", ID, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("params", JSONB, nullable=False),
        sa.Column("params_key", sa.Text, nullable=False),  # kind + params: the same request
        sa.Column("status", sa.Text, nullable=False, server_default="queued"),  # queued|running|done|failed|expired
        sa.Column("done", sa.Integer, nullable=False, server_default="0"),
        sa.Column("total", sa.Integer, nullable=False, server_default="0"),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("reason", sa.Text, nullable=False, server_default=""),
        sa.Column("object_key", sa.Text, nullable=False, server_default=""),
        sa.Column("filename", sa.Text, nullable=False, server_default=""),
        sa.Column("media_type", sa.Text, nullable=False, server_default=""),
        sa.Column("size", sa.BigInteger, nullable=False, server_default="0"),
        sa.Column("requested_by", sa.Text, nullable=False),
        sa.Column("scheduled_for", sa.Date),  # the day of the schedule that started it; NULL = a person did
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.Column("finished_at", sa.DateTime(timezone=True)),
        sa.Column("expires_at", sa.DateTime(timezone=True)),
    )
    # one queued or running job per request: the same request again gets it
    op.create_index("report_jobs_active", "report_jobs", ["school_id", "params_key"], unique=True,
                    postgresql_where=sa.text("status IN ('queued', 'running')"))
    # a school's scheduled job of a day is formed once, by whichever replica comes first
    op.create_index("report_jobs_scheduled", "report_jobs", ["school_id", "kind", "scheduled_for"], unique=True,
                    postgresql_where=sa.text("scheduled_for IS NOT NULL"))
    op.create_index("report_jobs_recent", "report_jobs", ["school_id", "created_at"])
    op.create_index("report_jobs_queue", "report_jobs", ["created_at"], postgresql_where=sa.text("status = 'queued'"))
    tenant_rls(op, "report_jobs")
    system_access(op, "report_jobs")
    op.create_table(
        "report_schedules",
        sa.Column("school_id", ID, primary_key=True),
        sa.Column("summary_sheets_day", sa.Integer, nullable=False),  # 1..28; 0 = not formed on schedule
    )
    tenant_rls(op, "report_schedules")
    system_access(op, "report_schedules")
    system_access(op, "rm_schools")  # the scheduler walks every school reporting knows


def downgrade() -> None:
    raise NotImplementedError("released migrations are not reverted")
