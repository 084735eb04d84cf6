"""The projections, disputes with their moves and notes, tenant settings, the deadline
log and refusal counts (the kit's tables, up to its used guardian tokens, come from the
kit's branch).

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = "kit_0002"

JSONB = postgresql.JSONB()


def _instant(name: str, *, nullable: bool = False) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _text(name: str, length: int, *, nullable: bool = False) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.String(length), nullable=nullable)


def _projections() -> None:
    op.create_table(
        "pupil",
        sa.Column("pupil_id", sa.Uuid(), primary_key=True),
        _text("tenant", 128),
        sa.Column("school_id", sa.Uuid(), nullable=False),
        _text("board_id", 128, nullable=True),
        sa.Column("enrolled_on", sa.Date(), nullable=True),
        sa.Column("left_on", sa.Date(), nullable=True),
    )
    op.create_index("ix_pupil_tenant", "pupil", ["tenant"])
    op.create_table(
        "guardian",
        sa.Column("pupil_id", sa.Uuid(), primary_key=True),
        sa.Column("guardian_id", sa.Uuid(), primary_key=True),
        _text("tenant", 128),
        _text("standing", 64),
    )
    op.create_table(
        "opp",
        sa.Column("opp_id", sa.Uuid(), primary_key=True),
        _text("tenant", 128),
        sa.Column("pupil_id", sa.Uuid(), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("action_part_version", sa.Integer(), nullable=False),
    )
    op.create_index("ix_opp_pupil_id", "opp", ["pupil_id"])


def _disputes() -> None:
    op.create_table(
        "dispute",
        sa.Column("id", sa.Uuid(), primary_key=True),
        _text("tenant", 128),
        sa.Column("school_id", sa.Uuid(), nullable=False),
        _text("board_id", 128, nullable=True),
        sa.Column("pupil_id", sa.Uuid(), nullable=False),
        _text("subject", 64),
        _text("opened_by", 16),
        _text("opener_actor", 200),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("decision_date", sa.Date(), nullable=True),
        sa.Column("opp_id", sa.Uuid(), nullable=True),
        _instant("opened_at"),
        _instant("last_moved_at"),
        sa.Column("tracks", JSONB, nullable=False),
        _text("ending", 16, nullable=True),
        _text("outcome", 32, nullable=True),
        _instant("ended_at", nullable=True),
    )
    op.create_index("ix_dispute_school_id", "dispute", ["school_id"])
    op.create_index("ix_dispute_pupil_id", "dispute", ["pupil_id"])
    op.create_index(
        "dispute_open", "dispute", ["tenant"], postgresql_where=sa.text("ending IS NULL")
    )
    op.create_table(
        "dispute_move",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("dispute_id", sa.Uuid(), sa.ForeignKey("dispute.id"), nullable=False),
        _text("tenant", 128),
        _text("move", 64),
        _text("kind", 32),
        _text("actor", 200),
        _instant("at"),
        sa.Column("reason", sa.Text(), nullable=True),
        _text("outcome", 32, nullable=True),
        _text("advice", 32, nullable=True),
        sa.Column("departs_from_advice", sa.Boolean(), nullable=False),
        sa.Column("stages_before", JSONB, nullable=False),
        sa.Column("stages_after", JSONB, nullable=False),
    )
    op.create_index("ix_dispute_move_dispute_id", "dispute_move", ["dispute_id"])
    op.create_table(
        "dispute_note",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("dispute_id", sa.Uuid(), sa.ForeignKey("dispute.id"), nullable=False),
        _text("tenant", 128),
        _text("author", 200),
        _text("side", 16),
        _instant("at"),
        sa.Column("text", sa.Text(), nullable=False),
    )
    op.create_index("ix_dispute_note_dispute_id", "dispute_note", ["dispute_id"])


def _operations() -> None:
    op.create_table(
        "tenant_config",
        _text("tenant", 128),
        sa.Column("rules", JSONB, nullable=False),
        sa.Column("deadlines", JSONB, nullable=False),
        _text("consultants_contact", 200),
        _instant("updated_at"),
        sa.PrimaryKeyConstraint("tenant"),
    )
    op.create_table(
        "due_emitted",
        _text("key", 200),
        sa.Column("dispute_id", sa.Uuid(), nullable=False),
        sa.Column("event_id", sa.Uuid(), nullable=False),
        _instant("emitted_at"),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_index("ix_due_emitted_dispute_id", "due_emitted", ["dispute_id"])
    op.create_table(
        "access_refusal",
        _instant("window_start"),
        _text("tenant", 128),
        _text("reason", 32),
        _text("credential", 32),
        _text("method", 8),
        _text("route", 200),
        _text("resource_kind", 64),
        sa.Column("count", sa.Integer(), nullable=False),
        _instant("emitted_at", nullable=True),
        sa.PrimaryKeyConstraint(
            "window_start", "tenant", "reason", "credential", "method", "route", "resource_kind"
        ),
    )


def upgrade() -> None:
    _projections()
    _disputes()
    _operations()


def downgrade() -> None:
    for table in (
        "access_refusal",
        "due_emitted",
        "tenant_config",
        "dispute_note",
        "dispute_move",
        "dispute",
        "opp",
        "guardian",
        "pupil",
    ):
        op.drop_table(table)
