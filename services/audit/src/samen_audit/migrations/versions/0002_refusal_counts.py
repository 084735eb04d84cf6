"""Refused attempts are counted in the kit's one table, `access_refusal_count`
(`samen_kit.refusal_table`), with the same columns in every service.

Revision ID: 0002_refusal_counts
Revises: 0001
"""

from __future__ import annotations

from samen_kit.refusal_migration import adopt_refusal_table_v1, return_refusal_table_v1

revision: str = "0002_refusal_counts"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None

OLD = "refusal_count"


def upgrade() -> None:
    adopt_refusal_table_v1(OLD, emitted_flag=False)


def downgrade() -> None:
    return_refusal_table_v1(OLD, emitted_flag=False)
