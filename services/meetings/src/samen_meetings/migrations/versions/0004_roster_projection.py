"""The kit's roster projection (`roster_pupil`, `roster_guardianship`) takes the place of
the service's own `pupil` and `guardianship` tables: every row moves across with its
tenant, and the old tables go.

Revision ID: 0004_roster_projection
Revises: 0003_refusal_counts
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from samen_kit.roster.migration import create_roster_tables_v1, drop_roster_tables_v1

revision: str = "0004_roster_projection"
down_revision: str | None = "0003_refusal_counts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    create_roster_tables_v1()
    op.execute(
        "INSERT INTO roster_pupil (tenant, pupil_id, school_id, enrolled_on, left_on)"
        " SELECT tenant, pupil_id, school_id, enrolled_on, left_on FROM pupil"
    )
    op.execute(
        "INSERT INTO roster_guardianship (tenant, pupil_id, guardian_id, standing)"
        " SELECT tenant, pupil_id, guardian_id, standing FROM guardianship"
    )
    op.drop_table("guardianship")
    op.drop_table("pupil")


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
    op.execute(
        "INSERT INTO pupil (tenant, pupil_id, school_id, enrolled_on, left_on)"
        " SELECT tenant, pupil_id, school_id, enrolled_on, left_on FROM roster_pupil"
    )
    op.execute(
        "INSERT INTO guardianship (tenant, pupil_id, guardian_id, standing)"
        " SELECT tenant, pupil_id, guardian_id, standing FROM roster_guardianship"
    )
    drop_roster_tables_v1()
