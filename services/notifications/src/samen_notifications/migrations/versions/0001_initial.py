"""The notifications service's own tables as they first were (the kit's, up to its used
guardian tokens, come from the kit's branch); later revisions change them.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from samen_kit.migrations.columns import flag, integer, jsonb, moment, text, uuid
from samen_notifications.migrations.own_roster import create_own_roster_tables
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
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
        text("tenant", 64),
        uuid("guardian_id"),
        text("email", 254, nullable=True),
        text("mobile", 16, nullable=True),
        text("language", 35),
        jsonb("channel_choices", server_default="{}"),
        sa.Column("quiet_start", sa.Time(), nullable=True),
        sa.Column("quiet_end", sa.Time(), nullable=True),
        flag("do_not_contact"),
        moment("updated_at", server_default=sa.text("now()")),
        sa.PrimaryKeyConstraint("tenant", "guardian_id"),
    )
    op.create_table(
        "staff_contact",
        text("tenant", 64),
        uuid("staff_id"),
        text("role", 32),
        sa.Column("school_ids", postgresql.ARRAY(sa.Uuid()), server_default="{}", nullable=False),
        text("email", 254),
        moment("updated_at", server_default=sa.text("now()")),
        sa.PrimaryKeyConstraint("tenant", "staff_id"),
    )
    create_own_roster_tables()
    op.create_table(
        "school",
        text("tenant", 64),
        uuid("school_id"),
        uuid("board_id", nullable=True),
        text("name", 200, nullable=True),
        text("phone", 40, nullable=True),
        text("email", 254, nullable=True),
        text("address", 300, nullable=True),
        sa.PrimaryKeyConstraint("tenant", "school_id"),
    )
    op.create_index("ix_school_board_id", "school", ["board_id"])
    op.create_table(
        "item_state",
        text("tenant", 64),
        text("kind", 32),
        text("item_id", 64),
        uuid("pupil_id", nullable=True),
        jsonb("facts"),
        sa.Column(
            "guardian_parties", postgresql.ARRAY(sa.Uuid()), server_default="{}", nullable=False
        ),
        sa.Column("answered", postgresql.ARRAY(sa.Uuid()), server_default="{}", nullable=False),
        flag("closed"),
        sa.PrimaryKeyConstraint("tenant", "kind", "item_id"),
    )
    op.create_table(
        "notification",
        uuid("id"),
        text("tenant", 64),
        uuid("pupil_id", nullable=True),
        uuid("school_id", nullable=True),
        text("recipient_kind", 16),
        uuid("recipient_id"),
        text("rule_key", 128),
        text("template", 64),
        uuid("cause_id"),
        text("cause_type", 128, nullable=True),
        text("command", 32, nullable=True),
        text("correlation_id", 128),
        flag("urgent"),
        text("item_kind", 32, nullable=True),
        text("item_id", 64, nullable=True),
        jsonb("facts"),
        text("status", 16),
        moment("waiting_since"),
        moment("wait_until", nullable=True),
        moment("created_at", server_default=sa.text("now()")),
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
        uuid("id"),
        uuid("notification_id"),
        text("tenant", 64),
        text("channel", 8),
        text("status", 16),
        moment("not_before"),
        integer("attempts", server_default="0"),
        moment("lease_until", nullable=True),
        flag("fallback"),
        text("lang_used", 35, nullable=True),
        flag("fell_back", nullable=True),
        text("provider_id", 64, nullable=True),
        integer("segments", nullable=True),
        moment("sent_at", nullable=True),
        moment("delivered_at", nullable=True),
        moment("failed_at", nullable=True),
        text("failure_reason", 32, nullable=True),
        integer("error_code", nullable=True),
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
        text("code", 16),
        uuid("message_id"),
        text("tenant", 64),
        text("target_url"),
        moment("expires_at"),
        sa.PrimaryKeyConstraint("code"),
        sa.UniqueConstraint("message_id"),
    )
    op.create_table(
        "counter",
        text("tenant", 64),
        text("name", 64),
        text("label", 128),
        sa.Column("count", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("tenant", "name", "label"),
    )
    op.create_table(
        "broadcast",
        uuid("id"),
        text("tenant", 64),
        text("scope_kind", 16),
        uuid("scope_id", nullable=True),
        text("sender_name", 200),
        jsonb("texts"),
        text("created_by", 160),
        integer("recipients"),
        moment("created_at", server_default=sa.text("now()")),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_broadcast_tenant", "broadcast", ["tenant"])
    op.create_table(
        "refusal_window",
        text("tenant", 64),
        text("reason", 32),
        text("credential", 32),
        text("method", 8),
        text("route", 200),
        text("resource_kind", 64),
        moment("window_start"),
        sa.Column("count", sa.BigInteger(), nullable=False),
        flag("emitted"),
        sa.PrimaryKeyConstraint(
            "tenant", "reason", "credential", "method", "route", "resource_kind", "window_start"
        ),
    )


def downgrade() -> None:
    for table in reversed(TABLES):
        op.drop_table(table)
