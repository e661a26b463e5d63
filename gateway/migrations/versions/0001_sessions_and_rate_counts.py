"""The gateway's own state (docs/gateway.md): browser sessions kept on the server — the cookie carries only an opaque
id, the table its SHA-256 — and the rate limits' counters, shared by every worker and replica.

Revision ID: 0001
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "browser_sessions",
        sa.Column("id_hash", sa.Text, primary_key=True),  # hex SHA-256 of the cookie's session id
        sa.Column("data", JSONB, nullable=False),  # the tokens, the CSRF token, the login in progress, the consent
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
    )
    op.create_index("browser_sessions_expiry", "browser_sessions", ["expires_at"])
    op.create_table(
        "rate_counts",
        sa.Column("key", sa.Text, primary_key=True),  # limit:user or limit:address
        sa.Column("window_end", sa.DateTime(timezone=True), primary_key=True),
        sa.Column("hits", sa.Integer, nullable=False),
    )
    op.create_index("rate_counts_window", "rate_counts", ["window_end"])


def downgrade() -> None:
    raise NotImplementedError("released migrations are not reverted")
