"""Refused attempts are counted in the kit's one table, `access_refusal_count`
(`samen_kit.refusal_table`, the kit's revision kit_0003): the rows of `refusal_window`
move there.

Revision ID: 0002_refusal_counts
Revises: 0001
"""

from __future__ import annotations

from samen_kit.refusal_migration import move_refusals_v1, return_refusals_v1

revision = "0002_refusal_counts"
down_revision = "0001"
branch_labels = None
depends_on = "kit_0003"


def upgrade() -> None:
    move_refusals_v1("refusal_window", emitted_flag=True)


def downgrade() -> None:
    return_refusals_v1("refusal_window", emitted_flag=True, minute_last=True)
