"""The kit's tables, the roster projection, OPPs with their versions, consent links and
answers, evaluations, the groeidocument, refusal counts and used guardian tokens.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from samen_kit.migrations import create_kit_tables
from samen_kit.roster.migration import create_roster_tables_v1, drop_roster_tables_v1
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

JSONB = postgresql.JSONB()


def _instant(name: str, *, nullable: bool = False) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _text(name: str, length: int, *, nullable: bool = False) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.String(length), nullable=nullable)


def _uuid(name: str, *, nullable: bool = False) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.Uuid(), nullable=nullable)


def _day(name: str, *, nullable: bool = False) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.Date(), nullable=nullable)


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


def _operations() -> None:
    """The kit's refusal counts (version 1) and used guardian tokens."""
    op.create_table(
        "access_refusal_count",
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
    op.create_index("ix_access_refusal_count_emitted_at", "access_refusal_count", ["emitted_at"])
    op.create_table(
        "guardian_token_use",
        _text("jti", 64),
        _text("tenant", 64),
        _instant("used_at"),
        _instant("expires_at"),
        sa.PrimaryKeyConstraint("jti"),
    )
    op.create_index("ix_guardian_token_use_expires_at", "guardian_token_use", ["expires_at"])


def upgrade() -> None:
    create_kit_tables(op.get_bind())
    create_roster_tables_v1()
    _opps()
    _consent()
    _evaluations_and_groeidocument()
    _operations()


def downgrade() -> None:
    for table in (
        "guardian_token_use",
        "access_refusal_count",
        "groeidocument_entry",
        "opp_evaluation",
        "consent_answer",
        "consent_link",
        "opp_version",
        "opp",
    ):
        op.drop_table(table)
    drop_roster_tables_v1()
