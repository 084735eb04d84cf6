"""The role of whoever viewed a pupil's file, for the parents' "who looked" (views
recorded before this revision have none: shown as someone from the school's side).

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("portal_file_view", sa.Column("viewer_role", sa.String(32), nullable=True))


def downgrade() -> None:
    op.drop_column("portal_file_view", "viewer_role")
