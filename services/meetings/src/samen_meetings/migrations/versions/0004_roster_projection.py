"""The kit's roster projection (`roster_pupil`, `roster_guardianship`, the kit's
revision kit_0004) takes the place of the service's own `pupil` and `guardianship`
tables: every row moves across with its tenant, and the old tables go.

Revision ID: 0004_roster_projection
Revises: 0003_refusal_counts
"""

from __future__ import annotations

from samen_kit.roster.migration import back_out_of_roster, move_into_roster

revision = "0004_roster_projection"
down_revision = "0003_refusal_counts"
depends_on = "kit_0004"

PUPIL_COLUMNS = ("tenant", "pupil_id", "school_id", "enrolled_on", "left_on")


def upgrade() -> None:
    move_into_roster("pupil", "guardianship", PUPIL_COLUMNS)


def downgrade() -> None:
    back_out_of_roster("pupil", "guardianship", PUPIL_COLUMNS, standing_length=32)
