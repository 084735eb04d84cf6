"""The role of whoever viewed a pupil's file, for the parents' "who looked" (views
recorded before this revision have none: shown as someone from the school's side).

Revision ID: 0003_file_view_role
Revises: 0002_retention
"""

from samen_kit.migrations.added import added_columns
from samen_kit.migrations.columns import text

revision = "0003_file_view_role"
down_revision = "0002_retention"


upgrade, downgrade = added_columns("portal_file_view", text("viewer_role", 32, nullable=True))
