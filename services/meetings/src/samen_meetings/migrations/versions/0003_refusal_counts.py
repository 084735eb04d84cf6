"""Refused attempts are counted in the kit's one table, `access_refusal_count`
(`samen_kit.refusal_table`), with the same columns in every service.

Revision ID: 0003_refusal_counts
Revises: 0002
"""

from __future__ import annotations

from samen_kit.refusal_migration import adopt_refusal_table_v1, return_refusal_table_v1

revision: str = "0003_refusal_counts"
down_revision: str | None = "0002"
branch_labels = None
depends_on = None

OLD = "access_refusal"


def upgrade() -> None:
    adopt_refusal_table_v1(OLD, emitted_flag=True, minute_last=True)


def downgrade() -> None:
    return_refusal_table_v1(OLD, emitted_flag=True, minute_last=True)
