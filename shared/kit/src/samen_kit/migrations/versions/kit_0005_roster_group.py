"""The roster projection knows each pupil's class group (`PupilEnrolled.group`,
`PupilGroupChanged`), so a message can go to the parents of one group.

Revision ID: kit_0005
Revises: kit_0004
"""

from __future__ import annotations

from alembic import op
from samen_kit.migrations.columns import text

revision = "kit_0005"
down_revision = "kit_0004"


def upgrade() -> None:
    op.add_column("roster_pupil", text("group_code", 32, nullable=True))
    op.create_index("roster_pupil_group", "roster_pupil", ["tenant", "school_id", "group_code"])


def downgrade() -> None:
    op.drop_index("roster_pupil_group", table_name="roster_pupil")
    op.drop_column("roster_pupil", "group_code")
