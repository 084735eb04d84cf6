"""The consent projection, requests with their advice, registrations and absences (the
kit's tables — outbox, inbox, used guardian tokens, refusal counts and the roster
projection — come from the kit's branch, up to kit_0004).

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
depends_on = "kit_0004"


def _instant(name: str, *, nullable: bool = False) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _text(name: str, length: int, *, nullable: bool = False) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.String(length), nullable=nullable)


def _about_a_pupil() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("id", sa.Uuid(), primary_key=True),
        _text("tenant", 128),
        sa.Column("school_id", sa.Uuid(), nullable=False),
        _text("board_id", 128, nullable=True),
        sa.Column("pupil_id", sa.Uuid(), nullable=False),
    ]


def _indexes(table: str) -> None:
    for column in ("tenant", "school_id", "pupil_id"):
        op.create_index(f"ix_{table}_{column}", table, [column])


def _consent() -> None:
    op.create_table(
        "consent_fact",
        _text("tenant", 128),
        sa.Column("pupil_id", sa.Uuid(), nullable=False),
        _text("purpose", 64),
        _text("status", 16),
        _instant("at"),
        _instant("valid_until", nullable=True),
        sa.PrimaryKeyConstraint("tenant", "pupil_id", "purpose"),
    )


def _requests() -> None:
    op.create_table(
        "admission_request",
        *_about_a_pupil(),
        _text("kind", 16),
        _text("category", 64),
        _text("status", 16),
        sa.Column("opp_id", sa.Uuid(), nullable=True),
        sa.Column("motivation", sa.Text(), nullable=False),
        sa.Column("parents_view", sa.Text(), nullable=True),
        sa.Column("parents_view_by", sa.Uuid(), nullable=True),
        _instant("drafted_at"),
        sa.Column("submitted_on", sa.Date(), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("refusal_reasons", sa.Text(), nullable=True),
        sa.Column("objection_lodged_on", sa.Date(), nullable=True),
        sa.Column("objection_in_time", sa.Boolean(), nullable=True),
        sa.Column("objection_advisory_step", sa.Boolean(), nullable=True),
        _text("objection_stage", 16, nullable=True),
        _text("objection_advice", 16, nullable=True),
        _text("objection_outcome", 16, nullable=True),
        sa.Column("objection_grounds", sa.Text(), nullable=True),
    )
    _indexes("admission_request")
    op.create_table(
        "expert_advice",
        sa.Column("id", sa.Uuid(), primary_key=True),
        _text("tenant", 128),
        sa.Column("request_id", sa.Uuid(), sa.ForeignKey("admission_request.id"), nullable=False),
        _text("expert", 128),
        _text("discipline", 32),
        _text("field_of_expertise", 128, nullable=True),
        _text("advice", 16),
        sa.Column("text", sa.Text(), nullable=False),
        _instant("given_at"),
    )
    op.create_index("ix_expert_advice_request_id", "expert_advice", ["request_id"])


def _care() -> None:
    op.create_table(
        "registration",
        *_about_a_pupil(),
        sa.Column("registered_on", sa.Date(), nullable=False),
        sa.Column("extended", sa.Boolean(), nullable=False),
        sa.Column("decide_by", sa.Date(), nullable=False),
        _text("outcome", 32, nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
    )
    _indexes("registration")
    op.create_table(
        "absence",
        *_about_a_pupil(),
        sa.Column("home_since", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("reported_on", sa.Date(), nullable=True),
    )
    _indexes("absence")


def upgrade() -> None:
    _consent()
    _requests()
    _care()


def downgrade() -> None:
    for table in (
        "absence",
        "registration",
        "expert_advice",
        "admission_request",
        "consent_fact",
    ):
        op.drop_table(table)
