"""One-time codes that confirm a guardian before a sensitive action (ADR 0012).

Revision ID: 0008_step_up
Revises: 0007_staff_name
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_step_up"
down_revision = "0007_staff_name"


def upgrade() -> None:
    moment = sa.DateTime(timezone=True)
    op.create_table(
        "step_up_challenge",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("tenant", sa.String(64), nullable=False),
        sa.Column("guardian_id", sa.Uuid(), nullable=False),
        sa.Column("pupil_id", sa.Uuid(), nullable=False),
        sa.Column("item", sa.String(200), nullable=False),
        sa.Column("code_hash", sa.String(64), nullable=False),
        sa.Column("issued_at", moment, nullable=False),
        sa.Column("expires_at", moment, nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", moment, nullable=True),
        sa.Column("confirmed_at", moment, nullable=True),
    )
    op.create_index(
        "step_up_challenge_by_item",
        "step_up_challenge",
        ["tenant", "guardian_id", "item", "issued_at"],
    )


def downgrade() -> None:
    op.drop_table("step_up_challenge")
