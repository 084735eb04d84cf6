"""Refused attempts counted per group and minute until reported
(`samen_kit.refusal_table`). A service that counted them in a table of its own moves
its rows here in a revision that depends on this one (`samen_kit.refusal_migration`).

It follows kit_0001 beside kit_0002: the audit service counted refusals but never kept
used guardian tokens, so its databases have the one without the other.

Revision ID: kit_0003
Revises: kit_0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from samen_kit.migrations.columns import integer, moment, text
from samen_kit.refusal_migration import KEY

revision = "kit_0003"
down_revision = "kit_0001"

_TEXT = {
    "tenant": 128,
    "reason": 32,
    "credential": 32,
    "method": 8,
    "route": 200,
    "resource_kind": 64,
}


def upgrade() -> None:
    op.create_table(
        "access_refusal_count",
        moment("window_start"),
        *(text(name, length) for name, length in _TEXT.items()),
        integer("count"),
        moment("emitted_at", nullable=True),
        sa.PrimaryKeyConstraint(*KEY),
    )
    op.create_index("ix_access_refusal_count_emitted_at", "access_refusal_count", ["emitted_at"])


def downgrade() -> None:
    op.drop_table("access_refusal_count")
