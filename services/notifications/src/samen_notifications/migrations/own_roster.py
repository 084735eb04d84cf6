"""The service's own `pupil` and `guardianship` tables as revision 0001 created them:
0001 makes them, and 0004 (which moved their rows into the kit's roster projection)
makes them again on the way down. One definition, so the two cannot drift apart."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from samen_kit.migrations.columns import day, text, uuid


def create_own_roster_tables() -> None:
    op.create_table(
        "pupil",
        text("tenant", 64),
        uuid("pupil_id"),
        uuid("school_id", nullable=True),
        text("first_name", 100, nullable=True),
        day("left_on", nullable=True),
        sa.PrimaryKeyConstraint("tenant", "pupil_id"),
    )
    op.create_index("ix_pupil_school_id", "pupil", ["school_id"])
    op.create_table(
        "guardianship",
        text("tenant", 64),
        uuid("pupil_id"),
        uuid("guardian_id"),
        text("standing", 32),
        sa.PrimaryKeyConstraint("tenant", "pupil_id", "guardian_id"),
    )
    op.create_index("guardianship_by_guardian", "guardianship", ["tenant", "guardian_id"])
