"""The guardian tokens already used (`samen_kit.access.used_tokens_sql`): a link token
works once.

Revision ID: kit_0002
Revises: kit_0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "kit_0002"
down_revision = "kit_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "guardian_token_use",
        sa.Column("jti", sa.String(64), primary_key=True),
        sa.Column("tenant", sa.String(64), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_guardian_token_use_expires_at", "guardian_token_use", ["expires_at"])


def downgrade() -> None:
    op.drop_table("guardian_token_use")
