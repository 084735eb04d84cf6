"""Partial indexes for the timer scan: each half of its UNION reads only open OPPs
whose date is within the lead time, not the whole table.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op
from samen_kit.migrations.indexes import partial_index

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    partial_index(
        "ix_opp_timer_opp_due", "opp", ["opp_due_on"], "closed_on IS NULL AND first_set_on IS NULL"
    )
    partial_index(
        "ix_opp_timer_evaluation_due",
        "opp",
        ["evaluation_due_on"],
        "closed_on IS NULL AND evaluation_due_on IS NOT NULL",
    )


def downgrade() -> None:
    op.drop_index("ix_opp_timer_evaluation_due", table_name="opp")
    op.drop_index("ix_opp_timer_opp_due", table_name="opp")
