"""Import jobs beat while they run, so a job whose process is gone can be told from a live one.

Revision ID: 0009
"""
import sqlalchemy as sa
from alembic import op

from services.common.schema import system_access

revision = "0009"
down_revision = "0008"


def upgrade() -> None:
    # set while the job runs (every few seconds) by the process running it; jobs running when this revision
    # is applied get the time of the upgrade, so they are judged from then on
    op.add_column("import_jobs", sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=False,
                                           server_default=sa.func.now()))
    op.create_index("import_jobs_running", "import_jobs", ["heartbeat_at"], postgresql_where=sa.text("status = 'running'"))
    system_access(op, "import_jobs")  # the reaper finds stale jobs of every school


def downgrade() -> None:
    raise NotImplementedError("released migrations are not reverted")
