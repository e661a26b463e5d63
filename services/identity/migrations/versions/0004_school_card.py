"""The school card's registration data (INN, OGRN, address, licence, accreditation).

Revision ID: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"

TEXTS = ("inn", "ogrn", "address", "licence_number", "accreditation_number")


def upgrade() -> None:
    for column in TEXTS:
        op.add_column("schools", sa.Column(column, sa.Text, nullable=False, server_default=""))
    for column in ("licence_date", "accreditation_date"):
        op.add_column("schools", sa.Column(column, sa.Date))


def downgrade() -> None:
    raise NotImplementedError("released migrations are not reverted")
