"""The read model (pupils, facts, worklist), sign-in sessions and views of pupils' files
(the kit's tables — outbox, inbox, sequences, refusal counts — come from the kit's
branch, up to kit_0004).

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0001"
down_revision = None
depends_on = "kit_0004"


def _instant(name: str, *, nullable: bool = False) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "portal_pupil",
        sa.Column("tenant", sa.String(128), primary_key=True),
        sa.Column("pupil_id", sa.Uuid(), primary_key=True),
        sa.Column("school_id", sa.Uuid(), nullable=False),
        sa.Column("board_id", sa.String(128), nullable=True),
        sa.Column("group_code", sa.String(64), nullable=True),
        sa.Column("enrolled_on", sa.Date(), nullable=True),
        sa.Column("left_on", sa.Date(), nullable=True),
        _instant("changed_at"),
    )
    op.create_index("ix_portal_pupil_school", "portal_pupil", ["tenant", "school_id"])
    op.create_table(
        "portal_fact",
        sa.Column("event_id", sa.Uuid(), primary_key=True),
        sa.Column("tenant", sa.String(128), nullable=False),
        sa.Column("pupil_id", sa.Uuid(), nullable=False),
        sa.Column("school_id", sa.Uuid(), nullable=True),
        sa.Column("source", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(64), nullable=False),
        _instant("at"),
        sa.Column("ref_id", sa.Uuid(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("details", JSONB(), nullable=False),
    )
    op.create_index("ix_portal_fact_pupil", "portal_fact", ["tenant", "pupil_id", "at"])
    op.create_table(
        "portal_work_item",
        sa.Column("tenant", sa.String(128), primary_key=True),
        sa.Column("pupil_id", sa.Uuid(), primary_key=True),
        sa.Column("kind", sa.String(32), primary_key=True),
        sa.Column("ref", sa.String(160), primary_key=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        _instant("opened_at"),
        _instant("closed_at", nullable=True),
    )
    op.create_index("ix_portal_work_item_open", "portal_work_item", ["tenant", "closed_at"])
    op.create_table(
        "portal_session",
        sa.Column("sid_hash", sa.String(64), primary_key=True),
        sa.Column("tenant", sa.String(128), nullable=False),
        sa.Column("subject", sa.String(128), nullable=False),
        sa.Column("access_token", sa.Text(), nullable=False),
        sa.Column("refresh_token", sa.Text(), nullable=True),
        sa.Column("id_token", sa.Text(), nullable=True),
        sa.Column("csrf", sa.String(64), nullable=False),
        _instant("created_at"),
        _instant("expires_at"),
    )
    op.create_table(
        "portal_file_view",
        sa.Column("tenant", sa.String(128), primary_key=True),
        sa.Column("pupil_id", sa.Uuid(), primary_key=True),
        sa.Column("viewer", sa.String(160), primary_key=True),
        sa.Column("day", sa.Date(), primary_key=True),
        sa.Column("views", sa.Integer(), nullable=False),
    )


def downgrade() -> None:
    for table in (
        "portal_file_view",
        "portal_session",
        "portal_work_item",
        "portal_fact",
        "portal_pupil",
    ):
        op.drop_table(table)
