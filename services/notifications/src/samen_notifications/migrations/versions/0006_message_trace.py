"""A message keeps the trace context of the event that planned it, so the dispatcher's
send (later, in another task) continues that event's trace.

Revision ID: 0006_message_trace
Revises: 0005_retention
"""

from __future__ import annotations

from samen_kit.migrations.added import added_columns
from samen_kit.migrations.columns import text

revision = "0006_message_trace"
down_revision = "0005_retention"


# A W3C traceparent is 55 characters; nullable: untraced messages carry none.
upgrade, downgrade = added_columns("message", text("traceparent", 64, nullable=True))
