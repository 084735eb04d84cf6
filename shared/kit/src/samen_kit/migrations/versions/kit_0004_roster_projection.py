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
from samen_kit.migrations.columns import day, text, uuid

revision = "kit_0004"
down_revision = ("kit_0002", "kit_0003")


def _key(*names: str) -> list[sa.Column[Any]]:
    tenant = text("tenant", 128, primary_key=True)
    return [tenant, *(uuid(name, primary_key=True) for name in names)]


def upgrade() -> None:
    op.create_table(
        "roster_pupil",
        *_key("pupil_id"),
        uuid("school_id"),
        text("board_id", 128, nullable=True),
        day("enrolled_on", nullable=True),
        day("left_on", nullable=True),
    )
    op.create_index("roster_pupil_school", "roster_pupil", ["tenant", "school_id"])
    op.create_table(
        "roster_guardianship",
        *_key("pupil_id", "guardian_id"),
        text("standing", 32),
    )
    op.create_index(
        "roster_guardianship_guardian", "roster_guardianship", ["tenant", "guardian_id"]
    )


def downgrade() -> None:
    op.drop_table("roster_guardianship")
    op.drop_table("roster_pupil")
