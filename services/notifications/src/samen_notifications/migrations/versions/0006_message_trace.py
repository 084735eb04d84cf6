"""A message keeps the trace context of the event that planned it, so the dispatcher's
send (later, in another task) continues that event's trace.

Revision ID: 0006_message_trace
Revises: 0005_retention
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_message_trace"
down_revision = "0005_retention"


def upgrade() -> None:
    # A W3C traceparent is 55 characters; nullable: untraced messages carry none.
    op.add_column("message", sa.Column("traceparent", sa.String(64), nullable=True))


def downgrade() -> None:
    op.drop_column("message", "traceparent")
