"""The consent projection, requests with their advice, registrations and absences (the
kit's tables — outbox, inbox, used guardian tokens, refusal counts and the roster
projection — come from the kit's branch, up to kit_0004).

Revision ID: 0001
Revises:
"""

from typing import Any

import sqlalchemy as sa
from alembic import op
from samen_kit.migrations.columns import day, flag, moment, text, uuid

revision = "0001"
down_revision = None
depends_on = "kit_0004"


def _about_a_pupil() -> list[sa.Column[Any]]:
    return [
        uuid("id", primary_key=True),
        text("tenant", 128),
        uuid("school_id"),
        text("board_id", 128, nullable=True),
        uuid("pupil_id"),
    ]


def _indexes(table: str) -> None:
    for column in ("tenant", "school_id", "pupil_id"):
        op.create_index(f"ix_{table}_{column}", table, [column])


def _consent() -> None:
    op.create_table(
        "consent_fact",
        text("tenant", 128),
        uuid("pupil_id"),
        text("purpose", 64),
        text("status", 16),
        moment("at"),
        moment("valid_until", nullable=True),
        sa.PrimaryKeyConstraint("tenant", "pupil_id", "purpose"),
    )


def _requests() -> None:
    op.create_table(
        "admission_request",
        *_about_a_pupil(),
        text("kind", 16),
        text("category", 64),
        text("status", 16),
        uuid("opp_id", nullable=True),
        text("motivation"),
        text("parents_view", nullable=True),
        uuid("parents_view_by", nullable=True),
        moment("drafted_at"),
        day("submitted_on", nullable=True),
        day("decided_on", nullable=True),
        day("start_date", nullable=True),
        day("end_date", nullable=True),
        text("refusal_reasons", nullable=True),
        day("objection_lodged_on", nullable=True),
        flag("objection_in_time", nullable=True),
        flag("objection_advisory_step", nullable=True),
        text("objection_stage", 16, nullable=True),
        text("objection_advice", 16, nullable=True),
        text("objection_outcome", 16, nullable=True),
        text("objection_grounds", nullable=True),
    )
    _indexes("admission_request")
    op.create_table(
        "expert_advice",
        uuid("id", primary_key=True),
        text("tenant", 128),
        uuid("request_id", sa.ForeignKey("admission_request.id")),
        text("expert", 128),
        text("discipline", 32),
        text("field_of_expertise", 128, nullable=True),
        text("advice", 16),
        text("text"),
        moment("given_at"),
    )
    op.create_index("ix_expert_advice_request_id", "expert_advice", ["request_id"])


def _care() -> None:
    op.create_table(
        "registration",
        *_about_a_pupil(),
        day("registered_on"),
        flag("extended"),
        day("decide_by"),
        text("outcome", 32, nullable=True),
        day("decided_on", nullable=True),
    )
    _indexes("registration")
    op.create_table(
        "absence",
        *_about_a_pupil(),
        day("home_since"),
        day("ended_on", nullable=True),
        day("reported_on", nullable=True),
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
