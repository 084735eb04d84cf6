"""The rows of `access_refusal` (reported: a boolean; its key ended with the minute) move
to the kit's one table of refused attempts, `access_refusal_count` (kit_0003).

Revision ID: 0003_refusal_counts
Revises: 0002
"""

from __future__ import annotations

from samen_kit.refusal_migration import move_refusals_v1, return_refusals_v1

revision = "0003_refusal_counts"
down_revision = "0002"
depends_on = "kit_0003"


def upgrade() -> None:
    move_refusals_v1("access_refusal", emitted_flag=True)


def downgrade() -> None:
    return_refusals_v1("access_refusal", emitted_flag=True, minute_last=True)
