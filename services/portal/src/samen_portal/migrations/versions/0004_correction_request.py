"""Guardians' correction requests (AVG art. 16), with their free text, kept by the
portal that owns them.

Revision ID: 0004_correction_request
Revises: 0003_file_view_role
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_correction_request"
down_revision = "0003_file_view_role"


def upgrade() -> None:
    op.create_table(
        "portal_correction_request",
        sa.Column("request_id", sa.Uuid(), primary_key=True),
        sa.Column("tenant", sa.String(128), nullable=False),
        sa.Column("pupil_id", sa.Uuid(), nullable=False),
        sa.Column("school_id", sa.Uuid(), nullable=False),
        sa.Column("guardian_id", sa.Uuid(), nullable=False),
        sa.Column("area", sa.String(32), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("answer_by", sa.Date(), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index(
        "ix_portal_correction_request_pupil", "portal_correction_request", ["tenant", "pupil_id"]
    )


def downgrade() -> None:
    op.drop_table("portal_correction_request")
