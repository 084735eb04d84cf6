"""OPPs with their versions, consent links and answers, evaluations and the groeidocument
(the kit's tables — outbox, inbox, used guardian tokens, refusal counts and the roster
projection — come from the kit's branch, up to kit_0004).

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from samen_kit.migrations.columns import day as _day
from samen_kit.migrations.columns import moment as _instant
from samen_kit.migrations.columns import text as _text
from samen_kit.migrations.columns import uuid as _uuid
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
depends_on = "kit_0004"

JSONB = postgresql.JSONB()


def _opps() -> None:
    op.create_table(
        "opp",
        _text("tenant", 128),
        _uuid("opp_id"),
        _uuid("pupil_id"),
        _uuid("school_id"),
        _text("board_id", 128, nullable=True),
        _day("support_started_on"),
        _day("opp_due_on"),
        _text("status", 16),
        sa.Column("latest_version", sa.Integer(), nullable=False),
        sa.Column("offered_version", sa.Integer(), nullable=True),
        sa.Column("set_version", sa.Integer(), nullable=True),
        _day("first_set_on", nullable=True),
        _day("evaluation_due_on", nullable=True),
        _day("closed_on", nullable=True),
        _text("opp_reported", 32, nullable=True),
        _text("evaluation_reported", 32, nullable=True),
        _day("evaluation_reported_for", nullable=True),
        _text("created_by", 200),
        _instant("created_at"),
        sa.PrimaryKeyConstraint("tenant", "opp_id"),
    )
    op.create_index("ix_opp_school_id", "opp", ["school_id"])
    op.create_index(
        "opp_one_open_per_pupil",
        "opp",
        ["tenant", "pupil_id"],
        unique=True,
        postgresql_where=sa.text("closed_on IS NULL"),
    )
    op.create_table(
        "opp_version",
        _text("tenant", 128),
        _uuid("opp_id"),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("basis", JSONB, nullable=False),
        sa.Column("action_part", JSONB, nullable=False),
        _text("action_part_sha256", 64),
        _text("written_by", 200),
        _instant("written_at"),
        _instant("offered_at", nullable=True),
        _day("answer_by", nullable=True),
        sa.PrimaryKeyConstraint("tenant", "opp_id", "version"),
    )


def _consent() -> None:
    op.create_table(
        "consent_link",
        _text("tenant", 128),
        _uuid("request_id"),
        _uuid("opp_id"),
        sa.Column("version", sa.Integer(), nullable=False),
        _text("sha256", 64),
        sa.Column("parties", JSONB, nullable=False),
        _text("rule", 32),
        _instant("requested_at"),
        sa.Column("given", sa.Boolean(), nullable=False),
        _text("outcome", 16, nullable=True),
        _instant("outcome_at", nullable=True),
        sa.PrimaryKeyConstraint("tenant", "request_id"),
    )
    op.create_index("ix_consent_link_opp_id", "consent_link", ["opp_id"])
    op.create_table(
        "consent_answer",
        _text("tenant", 128),
        _uuid("event_id"),
        _uuid("request_id"),
        _uuid("party_id"),
        _text("party_role", 16),
        _text("answer", 16),
        _text("channel", 32),
        _instant("answered_at"),
        sa.PrimaryKeyConstraint("tenant", "event_id"),
    )
    op.create_index("ix_consent_answer_request_id", "consent_answer", ["request_id"])


def _evaluations_and_groeidocument() -> None:
    op.create_table(
        "opp_evaluation",
        _text("tenant", 128),
        _uuid("evaluation_id"),
        _uuid("opp_id"),
        _uuid("school_id"),
        _day("held_on"),
        sa.Column("with_parents", sa.Boolean(), nullable=False),
        _day("due_on", nullable=True),
        sa.Column("guardians_present", JSONB, nullable=False),
        sa.Column("guardians_declined", JSONB, nullable=False),
        _text("recorded_by", 200),
        _instant("recorded_at"),
        sa.PrimaryKeyConstraint("tenant", "evaluation_id"),
    )
    op.create_index("ix_opp_evaluation_opp_id", "opp_evaluation", ["opp_id"])
    op.create_table(
        "groeidocument_entry",
        _text("tenant", 128),
        _uuid("entry_id"),
        _uuid("pupil_id"),
        _uuid("school_id"),
        _text("board_id", 128, nullable=True),
        _text("kind", 32),
        sa.Column("text", sa.Text(), nullable=False),
        _text("test_name", 200, nullable=True),
        _day("taken_on", nullable=True),
        _text("by_role", 16),
        _text("author", 200),
        _instant("added_at"),
        sa.Column("position", sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.PrimaryKeyConstraint("tenant", "entry_id"),
    )
    op.create_index("ix_groeidocument_entry_pupil_id", "groeidocument_entry", ["pupil_id"])


def upgrade() -> None:
    _opps()
    _consent()
    _evaluations_and_groeidocument()


def downgrade() -> None:
    for table in (
        "groeidocument_entry",
        "opp_evaluation",
        "consent_answer",
        "consent_link",
        "opp_version",
        "opp",
    ):
        op.drop_table(table)
