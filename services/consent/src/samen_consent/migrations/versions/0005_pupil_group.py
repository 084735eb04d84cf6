"""Each pupil's class group as the school's roster names it, so a move to another group
is noticed (`PupilGroupChanged`).

Revision ID: 0005_pupil_group
Revises: 0004_retention
"""

from __future__ import annotations

from samen_kit.migrations.added import added_columns
from samen_kit.migrations.columns import text

revision = "0005_pupil_group"
down_revision = "0004_retention"


upgrade, downgrade = added_columns("pupil", text("group_code", 32, nullable=True))
