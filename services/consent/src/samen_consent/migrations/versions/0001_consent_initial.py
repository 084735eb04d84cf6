"""The consent service's first tables (the kit's outbox, inbox, sequences, used tokens
and refusal counts come from the kit's branch).

Revision ID: 0001_consent_initial
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0001_consent_initial"
down_revision = None
branch_labels = None
depends_on = ("kit_0002", "kit_0003")

_TENANT = sa.String(128)


def _moment(name: str, *, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    _roster()
    _purposes()
    _requests()
    _support()


def _roster() -> None:
    op.create_table(
        "pupil",
        sa.Column("tenant", _TENANT, primary_key=True),
        sa.Column("pupil_id", sa.Uuid(), primary_key=True),
        sa.Column("school_id", sa.Uuid(), nullable=False, index=True),
        sa.Column("board_id", sa.Uuid(), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=False),
        sa.Column("enrolled_on", sa.Date(), nullable=False),
        sa.Column("left_on", sa.Date(), nullable=True),
    )
    op.create_table(
        "guardianship",
        sa.Column("tenant", _TENANT, primary_key=True),
        sa.Column("pupil_id", sa.Uuid(), primary_key=True),
        sa.Column("guardian_id", sa.Uuid(), primary_key=True, index=True),
        sa.Column("school_id", sa.Uuid(), nullable=False),
        sa.Column("board_id", sa.Uuid(), nullable=True),
        sa.Column("standing", sa.String(32), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
    )


def _purposes() -> None:
    op.create_table(
        "purpose_version",
        sa.Column("tenant", _TENANT, primary_key=True),
        sa.Column("code", sa.String(64), primary_key=True),
        sa.Column("version", sa.Integer(), primary_key=True),
        sa.Column("texts", JSONB(), nullable=False),
        sa.Column("rule", sa.String(32), nullable=False),
        sa.Column("validity", JSONB(), nullable=False),
        sa.Column("age_rule", JSONB(), nullable=False),
        _moment("created_at"),
    )


def _requests() -> None:
    op.create_table(
        "consent_request",
        sa.Column("request_id", sa.Uuid(), primary_key=True),
        sa.Column("tenant", _TENANT, nullable=False, index=True),
        sa.Column("school_id", sa.Uuid(), nullable=False, index=True),
        sa.Column("board_id", sa.Uuid(), nullable=True),
        sa.Column("pupil_id", sa.Uuid(), nullable=False, index=True),
        sa.Column("purpose_code", sa.String(64), nullable=False),
        sa.Column("purpose_version", sa.Integer(), nullable=False),
        sa.Column("parties", JSONB(), nullable=False),
        sa.Column("requested_by", sa.Uuid(), nullable=False),
        _moment("requested_at"),
        sa.Column("state", sa.String(16), nullable=False, index=True),
        _moment("given_at", nullable=True),
        _moment("ended_at", nullable=True),
        _moment("expires_at", nullable=True),
        sa.Column("reminders_sent", JSONB(), nullable=False),
        sa.Column("cancel_reason", sa.String(32), nullable=True),
    )
    op.create_index("ix_consent_request_expires_at", "consent_request", ["expires_at"])
    op.create_table(
        "consent_evidence",
        sa.Column("evidence_id", sa.Uuid(), primary_key=True),
        sa.Column("tenant", _TENANT, nullable=False, index=True),
        sa.Column("school_id", sa.Uuid(), nullable=False),
        sa.Column("board_id", sa.Uuid(), nullable=True),
        sa.Column("request_id", sa.Uuid(), nullable=False, index=True),
        sa.Column("pupil_id", sa.Uuid(), nullable=False),
        sa.Column("purpose_code", sa.String(64), nullable=False),
        sa.Column("text_version", sa.Integer(), nullable=False),
        sa.Column("dutch_sha256", sa.String(64), nullable=False),
        sa.Column("shown_language", sa.String(16), nullable=False),
        sa.Column("shown_sha256", sa.String(64), nullable=False),
        sa.Column("shown_reviewed", sa.Boolean(), nullable=False),
        sa.Column("party_id", sa.Uuid(), nullable=False, index=True),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("act", sa.String(16), nullable=False),
        _moment("at"),
        sa.Column("channel", sa.String(32), nullable=False),
        sa.Column("token_id", sa.String(64), nullable=True),
        sa.Column("witness_id", sa.Uuid(), nullable=True),
    )


def _support() -> None:
    op.create_table(
        "support_needs",
        sa.Column("support_id", sa.Uuid(), primary_key=True),
        sa.Column("tenant", _TENANT, nullable=False, index=True),
        sa.Column("school_id", sa.Uuid(), nullable=False, index=True),
        sa.Column("board_id", sa.Uuid(), nullable=True),
        sa.Column("pupil_id", sa.Uuid(), nullable=False),
        sa.Column("guardian_id", sa.Uuid(), nullable=False),
        sa.Column("request_id", sa.Uuid(), nullable=True),
        sa.Column("kinds", JSONB(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        _moment("at"),
    )


def downgrade() -> None:
    for table in (
        "support_needs",
        "consent_evidence",
        "consent_request",
        "purpose_version",
        "guardianship",
        "pupil",
    ):
        op.drop_table(table)
