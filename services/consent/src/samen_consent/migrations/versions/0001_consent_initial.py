"""The consent service's first tables (the kit's outbox, inbox, sequences, used tokens
and refusal counts come from the kit's branch).

Revision ID: 0001_consent_initial
Revises:
"""

from __future__ import annotations

from alembic import op
from samen_kit.migrations.columns import day, flag, integer, jsonb, moment, text, uuid

revision = "0001_consent_initial"
down_revision = None
depends_on = ("kit_0002", "kit_0003")


def upgrade() -> None:
    _roster()
    _purposes()
    _requests()
    _support()


def _roster() -> None:
    op.create_table(
        "pupil",
        text("tenant", 128, primary_key=True),
        uuid("pupil_id", primary_key=True),
        uuid("school_id", index=True),
        uuid("board_id", nullable=True),
        day("birth_date"),
        day("enrolled_on"),
        day("left_on", nullable=True),
    )
    op.create_table(
        "guardianship",
        text("tenant", 128, primary_key=True),
        uuid("pupil_id", primary_key=True),
        uuid("guardian_id", primary_key=True, index=True),
        uuid("school_id"),
        uuid("board_id", nullable=True),
        text("standing", 32),
        flag("active"),
    )


def _purposes() -> None:
    op.create_table(
        "purpose_version",
        text("tenant", 128, primary_key=True),
        text("code", 64, primary_key=True),
        integer("version", primary_key=True),
        jsonb("texts"),
        text("rule", 32),
        jsonb("validity"),
        jsonb("age_rule"),
        moment("created_at"),
    )


def _requests() -> None:
    op.create_table(
        "consent_request",
        uuid("request_id", primary_key=True),
        text("tenant", 128, index=True),
        uuid("school_id", index=True),
        uuid("board_id", nullable=True),
        uuid("pupil_id", index=True),
        text("purpose_code", 64),
        integer("purpose_version"),
        jsonb("parties"),
        uuid("requested_by"),
        moment("requested_at"),
        text("state", 16, index=True),
        moment("given_at", nullable=True),
        moment("ended_at", nullable=True),
        moment("expires_at", nullable=True),
        jsonb("reminders_sent"),
        text("cancel_reason", 32, nullable=True),
    )
    op.create_index("ix_consent_request_expires_at", "consent_request", ["expires_at"])
    op.create_table(
        "consent_evidence",
        uuid("evidence_id", primary_key=True),
        text("tenant", 128, index=True),
        uuid("school_id"),
        uuid("board_id", nullable=True),
        uuid("request_id", index=True),
        uuid("pupil_id"),
        text("purpose_code", 64),
        integer("text_version"),
        text("dutch_sha256", 64),
        text("shown_language", 16),
        text("shown_sha256", 64),
        flag("shown_reviewed"),
        uuid("party_id", index=True),
        text("role", 16),
        text("act", 16),
        moment("at"),
        text("channel", 32),
        text("token_id", 64, nullable=True),
        uuid("witness_id", nullable=True),
    )


def _support() -> None:
    op.create_table(
        "support_needs",
        uuid("support_id", primary_key=True),
        text("tenant", 128, index=True),
        uuid("school_id", index=True),
        uuid("board_id", nullable=True),
        uuid("pupil_id"),
        uuid("guardian_id"),
        uuid("request_id", nullable=True),
        jsonb("kinds"),
        text("note", nullable=True),
        moment("at"),
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
