"""Guardians who stopped bulk messages (broadcasts): the List-Unsubscribe preference.

The first revision creates the service's tables as the code defines them, so a new
database has `bulk_opt_out` by the time this one runs; one made before gets it here.

Revision ID: 0003_bulk_opt_out
Revises: 0002_refusal_counts
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_bulk_opt_out"
down_revision = "0002_refusal_counts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if sa.inspect(op.get_bind()).has_table("bulk_opt_out"):
        return
    op.create_table(
        "bulk_opt_out",
        sa.Column("tenant", sa.String(length=64), nullable=False),
        sa.Column("guardian_id", sa.Uuid(), nullable=False),
        sa.Column("opted_out_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("tenant", "guardian_id"),
    )


def downgrade() -> None:
    op.drop_table("bulk_opt_out", if_exists=True)
