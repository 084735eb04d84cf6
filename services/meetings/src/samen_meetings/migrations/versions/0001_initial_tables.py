"""The meetings service's tables (the kit's come from the kit's branch, up to its used
guardian tokens).

Revision ID: 0001
Revises:
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from samen_kit.migrations.columns import day, flag, integer, jsonb, moment, text, uuid
from samen_kit.migrations.indexes import partial_index
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
depends_on: str | Sequence[str] | None = "kit_0002"


def upgrade() -> None:
    op.create_table(
        "access_refusal",
        text("tenant", 128),
        text("reason", 32),
        text("credential", 32),
        text("method", 8),
        text("route", 200),
        text("resource_kind", 64),
        moment("window_start"),
        integer("count"),
        flag("emitted"),
        sa.PrimaryKeyConstraint(
            "tenant", "reason", "credential", "method", "route", "resource_kind", "window_start"
        ),
    )
    op.create_table(
        "agreement",
        uuid("agreement_id"),
        text("tenant", 128),
        uuid("school_id"),
        uuid("pupil_id"),
        uuid("meeting_id"),
        uuid("record_id"),
        text("what"),
        uuid("responsible_id"),
        text("responsible_role", 32),
        day("due_on"),
        day("evaluate_on"),
        day("evaluated_on", nullable=True),
        text("notified_kind", 32, nullable=True),
        sa.PrimaryKeyConstraint("agreement_id"),
    )
    partial_index("agreement_to_evaluate", "agreement", ["evaluate_on"], "evaluated_on IS NULL")
    op.create_index(op.f("ix_agreement_pupil_id"), "agreement", ["pupil_id"], unique=False)
    op.create_table(
        "consent_state",
        uuid("pupil_id"),
        text("purpose", 64),
        text("tenant", 128),
        text("status", 16),
        day("valid_until", nullable=True),
        uuid("request_id"),
        sa.PrimaryKeyConstraint("pupil_id", "purpose"),
    )
    op.create_table(
        "guardianship",
        uuid("pupil_id"),
        uuid("guardian_id"),
        text("tenant", 128),
        text("standing", 32),
        sa.PrimaryKeyConstraint("pupil_id", "guardian_id"),
    )
    op.create_table(
        "invitation_answer",
        uuid("answer_id"),
        uuid("meeting_id"),
        text("tenant", 128),
        uuid("guardian_id"),
        text("answer", 16),
        text("note"),
        integer("revision"),
        moment("answered_at"),
        sa.PrimaryKeyConstraint("answer_id"),
    )
    op.create_index(
        op.f("ix_invitation_answer_meeting_id"), "invitation_answer", ["meeting_id"], unique=False
    )
    op.create_table(
        "meeting",
        uuid("meeting_id"),
        text("tenant", 128),
        uuid("school_id"),
        uuid("pupil_id"),
        text("kind", 32),
        text("status", 16),
        flag("planned"),
        moment("starts_at"),
        moment("ends_at"),
        text("location_kind", 16),
        flag("interpreter_needed"),
        text("interpreter_language", 35, nullable=True),
        jsonb("participants"),
        uuid("evaluates_opp_id", nullable=True),
        jsonb("evaluates_agreement_ids"),
        jsonb("hold_reasons"),
        text("cancel_reason", 32, nullable=True),
        integer("revision"),
        moment("scheduled_at"),
        moment("reminded_for", nullable=True),
        text("created_by", 200),
        sa.PrimaryKeyConstraint("meeting_id"),
    )
    op.create_index("meeting_pupil", "meeting", ["tenant", "pupil_id"], unique=False)
    partial_index("meeting_scheduled_start", "meeting", ["starts_at"], "status = 'scheduled'")
    op.create_table(
        "meeting_record",
        uuid("record_id"),
        uuid("meeting_id"),
        text("tenant", 128),
        uuid("school_id"),
        uuid("pupil_id"),
        uuid("recorded_by"),
        moment("recorded_at"),
        jsonb("attended"),
        jsonb("strengths"),
        jsonb("concerns"),
        text("guardian_view"),
        text("guardian_support_needs"),
        jsonb("goals"),
        jsonb("next_steps"),
        jsonb("agreement_ids"),
        sa.PrimaryKeyConstraint("record_id"),
        sa.UniqueConstraint("meeting_id"),
    )
    op.create_table(
        "opp",
        uuid("opp_id"),
        text("tenant", 128),
        uuid("school_id"),
        uuid("pupil_id"),
        day("started_on"),
        integer("action_part_version"),
        flag("parents_approved"),
        day("last_evaluated_on", nullable=True),
        day("cycle_start"),
        day("closed_on", nullable=True),
        text("notified_kind", 32, nullable=True),
        day("notified_cycle_start", nullable=True),
        text("registered_by", 200),
        sa.PrimaryKeyConstraint("opp_id"),
    )
    partial_index("opp_open_cycle", "opp", ["cycle_start"], "closed_on IS NULL")
    op.create_index("opp_pupil", "opp", ["tenant", "pupil_id"], unique=False)
    op.create_table(
        "opp_dispute",
        uuid("dispute_id"),
        text("tenant", 128),
        uuid("pupil_id"),
        uuid("opp_id", nullable=True),
        text("subject", 64),
        moment("opened_at"),
        moment("closed_at", nullable=True),
        sa.PrimaryKeyConstraint("dispute_id"),
    )
    partial_index("opp_dispute_open", "opp_dispute", ["pupil_id"], "closed_at IS NULL")
    op.create_table(
        "parent_comment",
        uuid("comment_id"),
        uuid("record_id"),
        text("tenant", 128),
        uuid("guardian_id"),
        text("text"),
        moment("added_at"),
        sa.PrimaryKeyConstraint("comment_id"),
    )
    op.create_index(
        op.f("ix_parent_comment_record_id"), "parent_comment", ["record_id"], unique=False
    )
    op.create_table(
        "pupil",
        uuid("pupil_id"),
        text("tenant", 128),
        uuid("school_id"),
        day("enrolled_on", nullable=True),
        day("left_on", nullable=True),
        sa.PrimaryKeyConstraint("pupil_id"),
    )
    op.create_index(op.f("ix_pupil_tenant"), "pupil", ["tenant"], unique=False)
    op.create_table(
        "record_acknowledgement",
        uuid("record_id"),
        uuid("guardian_id"),
        text("tenant", 128),
        moment("acknowledged_at"),
        sa.PrimaryKeyConstraint("record_id", "guardian_id"),
    )
    op.create_table(
        "staff_member",
        text("tenant", 128),
        uuid("person_id"),
        text("role", 32),
        sa.Column("school_ids", postgresql.ARRAY(sa.UUID()), server_default="{}", nullable=False),
        sa.PrimaryKeyConstraint("tenant", "person_id"),
    )
    op.create_table(
        "tenant_settings",
        text("tenant", 128),
        integer("evaluation_interval_months"),
        integer("evaluation_lead_weeks"),
        integer("agreement_lead_days"),
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
