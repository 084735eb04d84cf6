"""The roster tables in a service's migrations: call these from a revision of its own.

The columns are spelled out here as they were when the tables came (`_v1`), not taken
from the models: a later change to the tables gets a step of its own.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


def create_roster_tables_v1() -> None:
    op.create_table(
        "roster_pupil",
        sa.Column("tenant", sa.String(length=128), nullable=False),
        sa.Column("pupil_id", sa.Uuid(), nullable=False),
        sa.Column("school_id", sa.Uuid(), nullable=False),
        sa.Column("board_id", sa.String(length=128), nullable=True),
        sa.Column("enrolled_on", sa.Date(), nullable=True),
        sa.Column("left_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("tenant", "pupil_id"),
    )
    op.create_index("roster_pupil_school", "roster_pupil", ["tenant", "school_id"])
    op.create_table(
        "roster_guardianship",
        sa.Column("tenant", sa.String(length=128), nullable=False),
        sa.Column("pupil_id", sa.Uuid(), nullable=False),
        sa.Column("guardian_id", sa.Uuid(), nullable=False),
        sa.Column("standing", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("tenant", "pupil_id", "guardian_id"),
    )
    op.create_index(
        "roster_guardianship_guardian", "roster_guardianship", ["tenant", "guardian_id"]
    )


def drop_roster_tables_v1() -> None:
    op.drop_table("roster_guardianship")
    op.drop_table("roster_pupil")
