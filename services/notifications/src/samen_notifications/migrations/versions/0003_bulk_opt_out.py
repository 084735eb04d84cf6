"""Guardians who stopped bulk messages (broadcasts): the List-Unsubscribe preference.

Revision ID: 0003_bulk_opt_out
Revises: 0002_refusal_counts
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from samen_kit.migrations.columns import moment, text, uuid

revision = "0003_bulk_opt_out"
down_revision = "0002_refusal_counts"


def upgrade() -> None:
    op.create_table(
        "bulk_opt_out",
        text("tenant", 64),
        uuid("guardian_id"),
        moment("opted_out_at"),
        sa.PrimaryKeyConstraint("tenant", "guardian_id"),
    )


def downgrade() -> None:
    op.drop_table("bulk_opt_out")
