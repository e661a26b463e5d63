"""Tables of the archive service: the package registry, the copies of each package in the object stores and the
fixity checks."""
import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID

from services.common.schema import messaging_tables

metadata = sa.MetaData()
outbox, inbox = messaging_tables(metadata)

packages = sa.Table(
    "archive_packages", metadata,
    sa.Column("id", UUID(as_uuid=False), primary_key=True),
    sa.Column("school_id", UUID(as_uuid=False), nullable=False),
    sa.Column("academic_year_id", UUID(as_uuid=False), nullable=False),
    sa.Column("academic_year_name", sa.Text, nullable=False),
    sa.Column("record_class", sa.Text, nullable=False),  # journal | summary_sheet
    sa.Column("class_group_ids", ARRAY(UUID(as_uuid=False)), nullable=False),
    sa.Column("status", sa.Text, nullable=False),  # awaiting_signature | building | sealed | failed | disposed
    sa.Column("bucket", sa.Text),
    sa.Column("object_key", sa.Text),
    sa.Column("version_id", sa.Text),
    sa.Column("sha256", sa.Text),
    sa.Column("retain_until", sa.Date),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
    sa.Column("error", sa.Text),
    sa.Column("signed_by", UUID(as_uuid=False)),  # the director (person id) who confirmed the package
    sa.Column("signed_at", sa.DateTime(timezone=True)),
    sa.Column("software_version", sa.Text),
    sa.Column("period_id", sa.Text, nullable=False, server_default=""),  # a semester's term id; '' = the whole year
    sa.Column("period_name", sa.Text, nullable=False, server_default=""),
    sa.Column("date_from", sa.Date),
    sa.Column("date_to", sa.Date),
    sa.UniqueConstraint("school_id", "academic_year_id", "record_class", "period_id",
                        name="archive_packages_one_per_period"),
)

policies = sa.Table(
    "archive_policies", metadata,
    sa.Column("school_id", UUID(as_uuid=False), primary_key=True),
    sa.Column("semester_packages", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
)

copies = sa.Table(
    "archive_copies", metadata,
    sa.Column("package_id", UUID(as_uuid=False), primary_key=True),
    sa.Column("store", sa.Text, primary_key=True),  # primary | replica
    sa.Column("school_id", UUID(as_uuid=False), nullable=False),
    sa.Column("status", sa.Text, nullable=False),  # pending | sealed
    sa.Column("bucket", sa.Text, nullable=False),
    sa.Column("object_key", sa.Text, nullable=False),
    sa.Column("version_id", sa.Text),
    sa.Column("sealed_at", sa.DateTime(timezone=True)),
    sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
    sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
    sa.Column("last_error", sa.Text),
    sa.Column("checked_at", sa.DateTime(timezone=True)),
    sa.Column("check_outcome", sa.Text),  # the last fixity check: ok | damaged | missing | unreachable
)

fixity_checks = sa.Table(
    "fixity_checks", metadata,
    sa.Column("id", UUID(as_uuid=False), primary_key=True),
    sa.Column("package_id", UUID(as_uuid=False), nullable=False),
    sa.Column("store", sa.Text, nullable=False),
    sa.Column("school_id", UUID(as_uuid=False), nullable=False),
    sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("outcome", sa.Text, nullable=False),
    sa.Column("detail", sa.Text, nullable=False, server_default=""),
    sa.Column("repaired_version_id", sa.Text),
)

disposal_acts = sa.Table(
    "disposal_acts", metadata,
    sa.Column("id", UUID(as_uuid=False), primary_key=True),
    sa.Column("school_id", UUID(as_uuid=False), nullable=False),
    sa.Column("number", sa.Integer, nullable=False),
    sa.Column("status", sa.Text, nullable=False),  # proposed | approved | executed
    sa.Column("package_ids", ARRAY(UUID(as_uuid=False)), nullable=False),
    sa.Column("content", JSONB, nullable=False),
    sa.Column("proposed_by", UUID(as_uuid=False), nullable=False),
    sa.Column("proposed_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("approved_by", sa.Text),
    sa.Column("approved_at", sa.DateTime(timezone=True)),
    sa.Column("executed_at", sa.DateTime(timezone=True)),
    sa.Column("error", sa.Text),
)
