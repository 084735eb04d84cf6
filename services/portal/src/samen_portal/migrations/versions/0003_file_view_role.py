"""The role of whoever viewed a pupil's file, for the parents' "who looked" (views
recorded before this revision have none: shown as someone from the school's side).

Revision ID: 0003_file_view_role
Revises: 0002_retention
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_file_view_role"
down_revision = "0002_retention"


def upgrade() -> None:
    op.add_column("portal_file_view", sa.Column("viewer_role", sa.String(32), nullable=True))


def downgrade() -> None:
    op.drop_column("portal_file_view", "viewer_role")
