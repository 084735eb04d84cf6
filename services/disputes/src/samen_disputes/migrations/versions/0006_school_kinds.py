"""Each school's kind (public or private), which decides the guardians' legal route; a
school without a row counts as public.

Revision ID: 0006_school_kinds
Revises: 0005_opps_from_plans
"""

from __future__ import annotations

from alembic import op
from samen_kit.migrations.columns import moment, text, uuid

revision: str = "0006_school_kinds"
down_revision: str | None = "0005_opps_from_plans"


def upgrade() -> None:
    op.create_table(
        "school_kind",
        text("tenant", 128, primary_key=True),
        uuid("school_id", primary_key=True),
        text("kind", 16),
        moment("updated_at"),
    )


def downgrade() -> None:
    op.drop_table("school_kind")
