"""The meetings service's tables (the kit's come from the kit's branch, up to its used
guardian tokens).

Revision ID: 0001
Revises:
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = "kit_0002"


def upgrade() -> None:
    op.create_table(
        "access_refusal",
        sa.Column("tenant", sa.String(length=128), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("credential", sa.String(length=32), nullable=False),
        sa.Column("method", sa.String(length=8), nullable=False),
        sa.Column("route", sa.String(length=200), nullable=False),
        sa.Column("resource_kind", sa.String(length=64), nullable=False),
        sa.Column("window_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("emitted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint(
            "tenant", "reason", "credential", "method", "route", "resource_kind", "window_start"
        ),
    )
    op.create_table(
        "agreement",
        sa.Column("agreement_id", sa.Uuid(), nullable=False),
        sa.Column("tenant", sa.String(length=128), nullable=False),
        sa.Column("school_id", sa.Uuid(), nullable=False),
        sa.Column("pupil_id", sa.Uuid(), nullable=False),
        sa.Column("meeting_id", sa.Uuid(), nullable=False),
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("responsible_id", sa.Uuid(), nullable=False),
        sa.Column("responsible_role", sa.String(length=32), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("evaluate_on", sa.Date(), nullable=False),
        sa.Column("evaluated_on", sa.Date(), nullable=True),
        sa.Column("notified_kind", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("agreement_id"),
    )
    op.create_index(
        "agreement_to_evaluate",
        "agreement",
        ["evaluate_on"],
        unique=False,
        postgresql_where=sa.text("evaluated_on IS NULL"),
    )
    op.create_index(op.f("ix_agreement_pupil_id"), "agreement", ["pupil_id"], unique=False)
    op.create_table(
        "consent_state",
        sa.Column("pupil_id", sa.Uuid(), nullable=False),
        sa.Column("purpose", sa.String(length=64), nullable=False),
        sa.Column("tenant", sa.String(length=128), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("request_id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("pupil_id", "purpose"),
    )
    op.create_table(
        "guardianship",
        sa.Column("pupil_id", sa.Uuid(), nullable=False),
        sa.Column("guardian_id", sa.Uuid(), nullable=False),
        sa.Column("tenant", sa.String(length=128), nullable=False),
        sa.Column("standing", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("pupil_id", "guardian_id"),
    )
    op.create_table(
        "invitation_answer",
        sa.Column("answer_id", sa.Uuid(), nullable=False),
        sa.Column("meeting_id", sa.Uuid(), nullable=False),
        sa.Column("tenant", sa.String(length=128), nullable=False),
        sa.Column("guardian_id", sa.Uuid(), nullable=False),
        sa.Column("answer", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("answer_id"),
    )
    op.create_index(
        op.f("ix_invitation_answer_meeting_id"), "invitation_answer", ["meeting_id"], unique=False
    )
    op.create_table(
        "meeting",
        sa.Column("meeting_id", sa.Uuid(), nullable=False),
        sa.Column("tenant", sa.String(length=128), nullable=False),
        sa.Column("school_id", sa.Uuid(), nullable=False),
        sa.Column("pupil_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("planned", sa.Boolean(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("location_kind", sa.String(length=16), nullable=False),
        sa.Column("interpreter_needed", sa.Boolean(), nullable=False),
        sa.Column("interpreter_language", sa.String(length=35), nullable=True),
        sa.Column("participants", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("evaluates_opp_id", sa.Uuid(), nullable=True),
        sa.Column(
            "evaluates_agreement_ids", postgresql.JSONB(astext_type=sa.Text()), nullable=False
        ),
        sa.Column("hold_reasons", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("cancel_reason", sa.String(length=32), nullable=True),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("scheduled_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reminded_for", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("meeting_id"),
    )
    op.create_index("meeting_pupil", "meeting", ["tenant", "pupil_id"], unique=False)
    op.create_index(
        "meeting_scheduled_start",
        "meeting",
        ["starts_at"],
        unique=False,
        postgresql_where=sa.text("status = 'scheduled'"),
    )
    op.create_table(
        "meeting_record",
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("meeting_id", sa.Uuid(), nullable=False),
        sa.Column("tenant", sa.String(length=128), nullable=False),
        sa.Column("school_id", sa.Uuid(), nullable=False),
        sa.Column("pupil_id", sa.Uuid(), nullable=False),
        sa.Column("recorded_by", sa.Uuid(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attended", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("strengths", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("concerns", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("guardian_view", sa.Text(), nullable=False),
        sa.Column("guardian_support_needs", sa.Text(), nullable=False),
        sa.Column("goals", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("next_steps", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("agreement_ids", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.PrimaryKeyConstraint("record_id"),
        sa.UniqueConstraint("meeting_id"),
    )
    op.create_table(
        "opp",
        sa.Column("opp_id", sa.Uuid(), nullable=False),
        sa.Column("tenant", sa.String(length=128), nullable=False),
        sa.Column("school_id", sa.Uuid(), nullable=False),
        sa.Column("pupil_id", sa.Uuid(), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("action_part_version", sa.Integer(), nullable=False),
        sa.Column("parents_approved", sa.Boolean(), nullable=False),
        sa.Column("last_evaluated_on", sa.Date(), nullable=True),
        sa.Column("cycle_start", sa.Date(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("notified_kind", sa.String(length=32), nullable=True),
        sa.Column("notified_cycle_start", sa.Date(), nullable=True),
        sa.Column("registered_by", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("opp_id"),
    )
    op.create_index(
        "opp_open_cycle",
        "opp",
        ["cycle_start"],
        unique=False,
        postgresql_where=sa.text("closed_on IS NULL"),
    )
    op.create_index("opp_pupil", "opp", ["tenant", "pupil_id"], unique=False)
    op.create_table(
        "opp_dispute",
        sa.Column("dispute_id", sa.Uuid(), nullable=False),
        sa.Column("tenant", sa.String(length=128), nullable=False),
        sa.Column("pupil_id", sa.Uuid(), nullable=False),
        sa.Column("opp_id", sa.Uuid(), nullable=True),
        sa.Column("subject", sa.String(length=64), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("dispute_id"),
    )
    op.create_index(
        "opp_dispute_open",
        "opp_dispute",
        ["pupil_id"],
        unique=False,
        postgresql_where=sa.text("closed_at IS NULL"),
    )
    op.create_table(
        "parent_comment",
        sa.Column("comment_id", sa.Uuid(), nullable=False),
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("tenant", sa.String(length=128), nullable=False),
        sa.Column("guardian_id", sa.Uuid(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("comment_id"),
    )
    op.create_index(
        op.f("ix_parent_comment_record_id"), "parent_comment", ["record_id"], unique=False
    )
    op.create_table(
        "pupil",
        sa.Column("pupil_id", sa.Uuid(), nullable=False),
        sa.Column("tenant", sa.String(length=128), nullable=False),
        sa.Column("school_id", sa.Uuid(), nullable=False),
        sa.Column("enrolled_on", sa.Date(), nullable=True),
        sa.Column("left_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("pupil_id"),
    )
    op.create_index(op.f("ix_pupil_tenant"), "pupil", ["tenant"], unique=False)
    op.create_table(
        "record_acknowledgement",
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("guardian_id", sa.Uuid(), nullable=False),
        sa.Column("tenant", sa.String(length=128), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("record_id", "guardian_id"),
    )
    op.create_table(
        "staff_member",
        sa.Column("tenant", sa.String(length=128), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("school_ids", postgresql.ARRAY(sa.UUID()), server_default="{}", nullable=False),
        sa.PrimaryKeyConstraint("tenant", "person_id"),
    )
    op.create_table(
        "tenant_settings",
        sa.Column("tenant", sa.String(length=128), nullable=False),
        sa.Column("evaluation_interval_months", sa.Integer(), nullable=False),
        sa.Column("evaluation_lead_weeks", sa.Integer(), nullable=False),
        sa.Column("agreement_lead_days", sa.Integer(), nullable=False),
        sa.Column("reminder_local_time", sa.Time(), nullable=False),
        sa.PrimaryKeyConstraint("tenant"),
    )


_TABLES = (
    "access_refusal",
    "agreement",
    "consent_state",
    "guardianship",
    "invitation_answer",
    "meeting",
    "meeting_record",
    "opp",
    "opp_dispute",
    "parent_comment",
    "pupil",
    "record_acknowledgement",
    "staff_member",
    "tenant_settings",
)


def downgrade() -> None:
    for table in reversed(_TABLES):
        op.drop_table(table)
