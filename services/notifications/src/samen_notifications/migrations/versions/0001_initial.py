"""The notifications service's own tables as they first were (the kit's, up to its used
guardian tokens, come from the kit's branch); later revisions change them.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = "kit_0002"

TABLES = (
    "guardian_contact",
    "staff_contact",
    "pupil",
    "guardianship",
    "school",
    "item_state",
    "notification",
    "message",
    "short_link",
    "counter",
    "broadcast",
    "refusal_window",
)


def upgrade() -> None:
    op.create_table(
        "guardian_contact",
        sa.Column("tenant", sa.String(length=64), nullable=False),
        sa.Column("guardian_id", sa.Uuid(), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("mobile", sa.String(length=16), nullable=True),
        sa.Column("language", sa.String(length=35), nullable=False),
        sa.Column(
            "channel_choices",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default="{}",
            nullable=False,
        ),
        sa.Column("quiet_start", sa.Time(), nullable=True),
        sa.Column("quiet_end", sa.Time(), nullable=True),
        sa.Column("do_not_contact", sa.Boolean(), nullable=False),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("tenant", "guardian_id"),
    )
    op.create_table(
        "staff_contact",
        sa.Column("tenant", sa.String(length=64), nullable=False),
        sa.Column("staff_id", sa.Uuid(), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("school_ids", postgresql.ARRAY(sa.Uuid()), server_default="{}", nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("tenant", "staff_id"),
    )
    op.create_table(
        "pupil",
        sa.Column("tenant", sa.String(length=64), nullable=False),
        sa.Column("pupil_id", sa.Uuid(), nullable=False),
        sa.Column("school_id", sa.Uuid(), nullable=True),
        sa.Column("first_name", sa.String(length=100), nullable=True),
        sa.Column("left_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("tenant", "pupil_id"),
    )
    op.create_index("ix_pupil_school_id", "pupil", ["school_id"])
    op.create_table(
        "guardianship",
        sa.Column("tenant", sa.String(length=64), nullable=False),
        sa.Column("pupil_id", sa.Uuid(), nullable=False),
        sa.Column("guardian_id", sa.Uuid(), nullable=False),
        sa.Column("standing", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("tenant", "pupil_id", "guardian_id"),
    )
    op.create_index("guardianship_by_guardian", "guardianship", ["tenant", "guardian_id"])
    op.create_table(
        "school",
        sa.Column("tenant", sa.String(length=64), nullable=False),
        sa.Column("school_id", sa.Uuid(), nullable=False),
        sa.Column("board_id", sa.Uuid(), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.PrimaryKeyConstraint("tenant", "school_id"),
    )
    op.create_index("ix_school_board_id", "school", ["board_id"])
    op.create_table(
        "item_state",
        sa.Column("tenant", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=False),
        sa.Column("pupil_id", sa.Uuid(), nullable=True),
        sa.Column("facts", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column(
            "guardian_parties", postgresql.ARRAY(sa.Uuid()), server_default="{}", nullable=False
        ),
        sa.Column("answered", postgresql.ARRAY(sa.Uuid()), server_default="{}", nullable=False),
        sa.Column("closed", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("tenant", "kind", "item_id"),
    )
    op.create_table(
        "notification",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant", sa.String(length=64), nullable=False),
        sa.Column("pupil_id", sa.Uuid(), nullable=True),
        sa.Column("school_id", sa.Uuid(), nullable=True),
        sa.Column("recipient_kind", sa.String(length=16), nullable=False),
        sa.Column("recipient_id", sa.Uuid(), nullable=False),
        sa.Column("rule_key", sa.String(length=128), nullable=False),
        sa.Column("template", sa.String(length=64), nullable=False),
        sa.Column("cause_id", sa.Uuid(), nullable=False),
        sa.Column("cause_type", sa.String(length=128), nullable=True),
        sa.Column("command", sa.String(length=32), nullable=True),
        sa.Column("correlation_id", sa.String(length=128), nullable=False),
        sa.Column("urgent", sa.Boolean(), nullable=False),
        sa.Column("item_kind", sa.String(length=32), nullable=True),
        sa.Column("item_id", sa.String(length=64), nullable=True),
        sa.Column("facts", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("waiting_since", sa.DateTime(timezone=True), nullable=False),
        sa.Column("wait_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("notification_by_item", "notification", ["tenant", "item_kind", "item_id"])
    op.create_index("notification_by_pupil", "notification", ["tenant", "pupil_id"])
    op.create_index(
        "notification_by_recipient", "notification", ["tenant", "recipient_id", "status"]
    )
    op.create_index(
        "notification_waiting",
        "notification",
        ["wait_until"],
        postgresql_where=sa.text("status = 'waiting'"),
    )
    op.create_table(
        "message",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("notification_id", sa.Uuid(), nullable=False),
        sa.Column("tenant", sa.String(length=64), nullable=False),
        sa.Column("channel", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("not_before", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("fallback", sa.Boolean(), nullable=False),
        sa.Column("lang_used", sa.String(length=35), nullable=True),
        sa.Column("fell_back", sa.Boolean(), nullable=True),
        sa.Column("provider_id", sa.String(length=64), nullable=True),
        sa.Column("segments", sa.Integer(), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("failed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("failure_reason", sa.String(length=32), nullable=True),
        sa.Column("error_code", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["notification_id"],
            ["notification.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("notification_id", "channel", name="message_once_per_channel"),
    )
    op.create_index("message_by_provider_id", "message", ["provider_id"])
    op.create_index(
        "message_due",
        "message",
        ["not_before"],
        postgresql_where=sa.text("status IN ('planned', 'sending')"),
    )
    op.create_table(
        "short_link",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("message_id", sa.Uuid(), nullable=False),
        sa.Column("tenant", sa.String(length=64), nullable=False),
        sa.Column("target_url", sa.Text(), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("code"),
        sa.UniqueConstraint("message_id"),
    )
    op.create_table(
        "counter",
        sa.Column("tenant", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("label", sa.String(length=128), nullable=False),
        sa.Column("count", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("tenant", "name", "label"),
    )
    op.create_table(
        "broadcast",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant", sa.String(length=64), nullable=False),
        sa.Column("scope_kind", sa.String(length=16), nullable=False),
        sa.Column("scope_id", sa.Uuid(), nullable=True),
        sa.Column("sender_name", sa.String(length=200), nullable=False),
        sa.Column("texts", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("created_by", sa.String(length=160), nullable=False),
        sa.Column("recipients", sa.Integer(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_broadcast_tenant", "broadcast", ["tenant"])
    op.create_table(
        "refusal_window",
        sa.Column("tenant", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("credential", sa.String(length=32), nullable=False),
        sa.Column("method", sa.String(length=8), nullable=False),
        sa.Column("route", sa.String(length=200), nullable=False),
        sa.Column("resource_kind", sa.String(length=64), nullable=False),
        sa.Column("window_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("count", sa.BigInteger(), nullable=False),
        sa.Column("emitted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint(
            "tenant", "reason", "credential", "method", "route", "resource_kind", "window_start"
        ),
    )


def downgrade() -> None:
    for table in reversed(TABLES):
        op.drop_table(table)
