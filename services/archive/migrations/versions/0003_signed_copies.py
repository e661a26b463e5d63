"""Packages per record class (the class journals kept 5 years, the summary sheets 25), signed by the director before
they are built, kept as two copies in two object stores, and re-checked by the fixity job.

- archive_packages: `record_class` (existing rows are summary sheets); one package per school, year and record class;
  the state `awaiting_signature` (the director confirms, then the builder builds); who signed and when; the
  software version that formed the package.
- archive_copies: one row per package and store (`primary`, `replica`): pending until sealed there, with its version
  id, the copy attempts, and the last fixity check's outcome. Existing sealed packages get their primary copy.
- fixity_checks: every check of a copy (ok, damaged, missing, unreachable), with what was repaired.
- disposal_acts: the acts of destruction (акт о выделении к уничтожению) of packages whose retention has ended:
  proposed by the school, approved by the authority, executed by the worker; kept for good, with what they listed.
  A disposed package keeps its registry row (state `disposed`).

Revision ID: 0003
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID

from services.common.schema import system_access, tenant_rls

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("archive_packages", sa.Column("record_class", sa.Text, nullable=False,
                                                server_default="summary_sheet"))
    op.alter_column("archive_packages", "record_class", server_default=None)
    op.drop_constraint("archive_packages_one_per_year", "archive_packages")
    op.create_unique_constraint("archive_packages_one_per_year", "archive_packages",
                                ["school_id", "academic_year_id", "record_class"])
    op.create_check_constraint("archive_packages_record_class", "archive_packages",
                               "record_class IN ('journal', 'summary_sheet')")
    op.drop_constraint("archive_packages_status", "archive_packages")
    op.create_check_constraint("archive_packages_status", "archive_packages",
                               "status IN ('awaiting_signature', 'building', 'sealed', 'failed', 'disposed')")
    op.add_column("archive_packages", sa.Column("signed_by", UUID(as_uuid=False)))  # the director's person id
    op.add_column("archive_packages", sa.Column("signed_at", sa.DateTime(timezone=True)))
    op.add_column("archive_packages", sa.Column("software_version", sa.Text))

    op.create_table(
        "archive_copies",
        sa.Column("package_id", UUID(as_uuid=False), sa.ForeignKey("archive_packages.id"), primary_key=True),
        sa.Column("store", sa.Text, primary_key=True),
        sa.Column("school_id", UUID(as_uuid=False), nullable=False),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("bucket", sa.Text, nullable=False),
        sa.Column("object_key", sa.Text, nullable=False),
        sa.Column("version_id", sa.Text),
        sa.Column("sealed_at", sa.DateTime(timezone=True)),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.Column("last_error", sa.Text),
        sa.Column("checked_at", sa.DateTime(timezone=True)),
        sa.Column("check_outcome", sa.Text),
        sa.CheckConstraint("store IN ('primary', 'replica')", name="archive_copies_store"),
        sa.CheckConstraint("status IN ('pending', 'sealed')", name="archive_copies_status"),
    )
    op.create_index("archive_copies_pending", "archive_copies", ["next_attempt_at"],
                    postgresql_where=sa.text("status = 'pending'"))
    op.execute("""INSERT INTO archive_copies (package_id, store, school_id, status, bucket, object_key, version_id,
                                              sealed_at)
                  SELECT id, 'primary', school_id, 'sealed', bucket, object_key, version_id, created_at
                  FROM archive_packages WHERE status = 'sealed'""")

    op.create_table(
        "fixity_checks",
        sa.Column("id", UUID(as_uuid=False), primary_key=True),
        sa.Column("package_id", UUID(as_uuid=False), sa.ForeignKey("archive_packages.id"), nullable=False),
        sa.Column("store", sa.Text, nullable=False),
        sa.Column("school_id", UUID(as_uuid=False), nullable=False),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("outcome", sa.Text, nullable=False),
        sa.Column("detail", sa.Text, nullable=False, server_default=""),
        sa.Column("repaired_version_id", sa.Text),
        sa.CheckConstraint("outcome IN ('ok', 'damaged', 'missing', 'unreachable')", name="fixity_checks_outcome"),
    )
    op.create_index("fixity_checks_of_package", "fixity_checks", ["package_id", "checked_at"])

    op.create_table(
        "disposal_acts",
        sa.Column("id", UUID(as_uuid=False), primary_key=True),
        sa.Column("school_id", UUID(as_uuid=False), nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("package_ids", ARRAY(UUID(as_uuid=False)), nullable=False),
        sa.Column("content", JSONB, nullable=False),  # what the act lists, as it was approved
        sa.Column("proposed_by", UUID(as_uuid=False), nullable=False),  # a person of the school
        sa.Column("proposed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("approved_by", sa.Text),  # the authority operator's login
        sa.Column("approved_at", sa.DateTime(timezone=True)),
        sa.Column("executed_at", sa.DateTime(timezone=True)),
        sa.Column("error", sa.Text),
        sa.UniqueConstraint("school_id", "number", name="disposal_acts_number"),
        sa.CheckConstraint("status IN ('proposed', 'approved', 'executed')", name="disposal_acts_status"),
    )
    for table in ("archive_copies", "fixity_checks", "disposal_acts"):
        tenant_rls(op, table)
        # the builder copies and checks packages of every school (then works in each school's tenant session)
        system_access(op, table)
