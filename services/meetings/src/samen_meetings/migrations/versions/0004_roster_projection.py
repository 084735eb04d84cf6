"""The kit's roster projection (`roster_pupil`, `roster_guardianship`, the kit's
revision kit_0004) takes the place of the service's own `pupil` and `guardianship`
tables: every row moves across with its tenant, and the old tables go.

Revision ID: 0004_roster_projection
Revises: 0003_refusal_counts
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from samen_kit.roster.migration import move_into_roster, move_out_of_roster

revision = "0004_roster_projection"
down_revision = "0003_refusal_counts"
branch_labels = None
depends_on = "kit_0004"

PUPIL_COLUMNS = ("tenant", "pupil_id", "school_id", "enrolled_on", "left_on")


def upgrade() -> None:
    move_into_roster("pupil", "guardianship", PUPIL_COLUMNS)


def downgrade() -> None:
    op.create_table(
        "pupil",
        sa.Column("tenant", sa.String(length=128), nullable=False),
        sa.Column("pupil_id", sa.Uuid(), nullable=False),
        sa.Column("school_id", sa.Uuid(), nullable=False),
        sa.Column("enrolled_on", sa.Date(), nullable=True),
        sa.Column("left_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("tenant", "pupil_id"),
    )
    op.create_table(
        "guardianship",
        sa.Column("tenant", sa.String(length=128), nullable=False),
        sa.Column("pupil_id", sa.Uuid(), nullable=False),
        sa.Column("guardian_id", sa.Uuid(), nullable=False),
        sa.Column("standing", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("tenant", "pupil_id", "guardian_id"),
    )
    move_out_of_roster("pupil", "guardianship", PUPIL_COLUMNS)
