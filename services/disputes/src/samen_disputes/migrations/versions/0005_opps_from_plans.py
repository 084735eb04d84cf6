"""The OPP projection follows the plans service: an OPP is known from `SupportStarted`,
before any version is written, so its version may be empty.

Revision ID: 0005_opps_from_plans
Revises: 0004_roster_projection
"""

from __future__ import annotations

from alembic import op

revision: str = "0005_opps_from_plans"
down_revision: str | None = "0004_roster_projection"


def upgrade() -> None:
    op.alter_column("opp", "action_part_version", nullable=True)


def downgrade() -> None:
    op.execute("UPDATE opp SET action_part_version = 1 WHERE action_part_version IS NULL")
    op.alter_column("opp", "action_part_version", nullable=False)
