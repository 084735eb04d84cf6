"""The roster projection (`samen_kit.roster`): pupils and their guardianships keyed by
tenant. A service that kept its own moves its rows here in a revision that depends on
this one. It joins the two lines after kit_0001 (used tokens, refusal counts) again.

Revision ID: kit_0004
Revises: kit_0002, kit_0003
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "kit_0004"
down_revision = ("kit_0002", "kit_0003")
branch_labels = None
depends_on = None


def _key(*names: str) -> list[sa.Column[Any]]:
    tenant = sa.Column("tenant", sa.String(128), primary_key=True)
    return [tenant, *(sa.Column(name, sa.Uuid(), primary_key=True) for name in names)]


def upgrade() -> None:
    op.create_table(
        "roster_pupil",
        *_key("pupil_id"),
        sa.Column("school_id", sa.Uuid(), nullable=False),
        sa.Column("board_id", sa.String(128), nullable=True),
        sa.Column("enrolled_on", sa.Date(), nullable=True),
        sa.Column("left_on", sa.Date(), nullable=True),
    )
    op.create_index("roster_pupil_school", "roster_pupil", ["tenant", "school_id"])
    op.create_table(
        "roster_guardianship",
        *_key("pupil_id", "guardian_id"),
        sa.Column("standing", sa.String(32), nullable=False),
    )
    op.create_index(
        "roster_guardianship_guardian", "roster_guardianship", ["tenant", "guardian_id"]
    )


def downgrade() -> None:
    op.drop_table("roster_guardianship")
    op.drop_table("roster_pupil")
