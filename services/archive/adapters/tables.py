"""Tables of the archive service: the package registry."""
import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY, UUID

from services.common.schema import messaging_tables

metadata = sa.MetaData()
outbox, inbox = messaging_tables(metadata)

packages = sa.Table(
    "archive_packages", metadata,
    sa.Column("id", UUID(as_uuid=False), primary_key=True),
    sa.Column("school_id", UUID(as_uuid=False), nullable=False),
    sa.Column("academic_year_id", UUID(as_uuid=False), nullable=False),
    sa.Column("academic_year_name", sa.Text, nullable=False),
    sa.Column("class_group_ids", ARRAY(UUID(as_uuid=False)), nullable=False),
    sa.Column("status", sa.Text, nullable=False),  # building | sealed | failed
    sa.Column("bucket", sa.Text),
    sa.Column("object_key", sa.Text),
    sa.Column("version_id", sa.Text),
    sa.Column("sha256", sa.Text),
    sa.Column("retain_until", sa.Date),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
    sa.Column("error", sa.Text),
    sa.UniqueConstraint("school_id", "academic_year_id", name="archive_packages_one_per_year"),
)
