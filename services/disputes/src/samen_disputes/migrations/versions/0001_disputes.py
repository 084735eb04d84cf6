"""The projections, disputes with their moves and notes, tenant settings, the deadline
log and refusal counts (the kit's tables, up to its used guardian tokens, come from the
kit's branch).

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op
from samen_kit.migrations.columns import day, flag, integer, jsonb, moment, text, uuid
from samen_kit.migrations.indexes import partial_index

revision = "0001"
down_revision = None
depends_on = "kit_0002"


def _projections() -> None:
    op.create_table(
        "pupil",
        uuid("pupil_id", primary_key=True),
        text("tenant", 128),
        uuid("school_id"),
        text("board_id", 128, nullable=True),
        day("enrolled_on", nullable=True),
        day("left_on", nullable=True),
    )
    op.create_index("ix_pupil_tenant", "pupil", ["tenant"])
    op.create_table(
        "guardian",
        uuid("pupil_id", primary_key=True),
        uuid("guardian_id", primary_key=True),
        text("tenant", 128),
        text("standing", 64),
    )
    op.create_table(
        "opp",
        uuid("opp_id", primary_key=True),
        text("tenant", 128),
        uuid("pupil_id"),
        day("started_on"),
        integer("action_part_version"),
    )
    op.create_index("ix_opp_pupil_id", "opp", ["pupil_id"])


def _disputes() -> None:
    op.create_table(
        "dispute",
        uuid("id", primary_key=True),
        text("tenant", 128),
        uuid("school_id"),
        text("board_id", 128, nullable=True),
        uuid("pupil_id"),
        text("subject", 64),
        text("opened_by", 16),
        text("opener_actor", 200),
        text("description"),
        day("decision_date", nullable=True),
        uuid("opp_id", nullable=True),
        moment("opened_at"),
        moment("last_moved_at"),
        jsonb("tracks"),
        text("ending", 16, nullable=True),
        text("outcome", 32, nullable=True),
        moment("ended_at", nullable=True),
    )
    op.create_index("ix_dispute_school_id", "dispute", ["school_id"])
    op.create_index("ix_dispute_pupil_id", "dispute", ["pupil_id"])
    partial_index("dispute_open", "dispute", ["tenant"], "ending IS NULL")
    op.create_table(
        "dispute_move",
        uuid("id", primary_key=True),
        uuid("dispute_id", sa.ForeignKey("dispute.id")),
        text("tenant", 128),
        text("move", 64),
        text("kind", 32),
        text("actor", 200),
        moment("at"),
        text("reason", nullable=True),
        text("outcome", 32, nullable=True),
        text("advice", 32, nullable=True),
        flag("departs_from_advice"),
        jsonb("stages_before"),
        jsonb("stages_after"),
    )
    op.create_index("ix_dispute_move_dispute_id", "dispute_move", ["dispute_id"])
    op.create_table(
        "dispute_note",
        uuid("id", primary_key=True),
        uuid("dispute_id", sa.ForeignKey("dispute.id")),
        text("tenant", 128),
        text("author", 200),
        text("side", 16),
        moment("at"),
        text("text"),
    )
    op.create_index("ix_dispute_note_dispute_id", "dispute_note", ["dispute_id"])


def _operations() -> None:
    op.create_table(
        "tenant_config",
        text("tenant", 128),
        jsonb("rules"),
        jsonb("deadlines"),
        text("consultants_contact", 200),
        moment("updated_at"),
        sa.PrimaryKeyConstraint("tenant"),
    )
    op.create_table(
        "due_emitted",
        text("key", 200),
        uuid("dispute_id"),
        uuid("event_id"),
        moment("emitted_at"),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_index("ix_due_emitted_dispute_id", "due_emitted", ["dispute_id"])
    op.create_table(
        "access_refusal",
        moment("window_start"),
        text("tenant", 128),
        text("reason", 32),
        text("credential", 32),
        text("method", 8),
        text("route", 200),
        text("resource_kind", 64),
        integer("count"),
        moment("emitted_at", nullable=True),
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
