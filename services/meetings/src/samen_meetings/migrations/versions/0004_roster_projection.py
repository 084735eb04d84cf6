"""The kit's roster projection (`roster_pupil`, `roster_guardianship`, the kit's
revision kit_0004) takes the place of the service's own `pupil` and `guardianship`
tables: every row moves across with its tenant, and the old tables go.

Revision ID: 0004_roster_projection
Revises: 0003_refusal_counts
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from samen_kit.migrations.columns import day, text, uuid
from samen_kit.roster.migration import move_into_roster, move_out_of_roster

revision = "0004_roster_projection"
down_revision = "0003_refusal_counts"
depends_on = "kit_0004"

PUPIL_COLUMNS = ("tenant", "pupil_id", "school_id", "enrolled_on", "left_on")


def upgrade() -> None:
    move_into_roster("pupil", "guardianship", PUPIL_COLUMNS)


def downgrade() -> None:
    op.create_table(
        "pupil",
        text("tenant", 128),
        uuid("pupil_id"),
        uuid("school_id"),
        day("enrolled_on", nullable=True),
        day("left_on", nullable=True),
        sa.PrimaryKeyConstraint("tenant", "pupil_id"),
    )
    op.create_table(
        "guardianship",
        text("tenant", 128),
        uuid("pupil_id"),
        uuid("guardian_id"),
        text("standing", 32),
        sa.PrimaryKeyConstraint("tenant", "pupil_id", "guardian_id"),
    )
    move_out_of_roster("pupil", "guardianship", PUPIL_COLUMNS)
