"""The guardian tokens already used (`samen_kit.access.used_tokens_sql`): a link token
works once.

Revision ID: kit_0002
Revises: kit_0001
"""

from __future__ import annotations

from alembic import op
from samen_kit.migrations.columns import moment, text

revision = "kit_0002"
down_revision = "kit_0001"


def upgrade() -> None:
    op.create_table(
        "guardian_token_use",
        text("jti", 64, primary_key=True),
        text("tenant", 64),
        moment("used_at"),
        moment("expires_at"),
    )
    op.create_index("ix_guardian_token_use_expires_at", "guardian_token_use", ["expires_at"])


def downgrade() -> None:
    op.drop_table("guardian_token_use")
