"""A broadcast to one class group, and the event it invites to (a parents' evening),
whose calendar file goes with every e-mail.

Revision ID: 0009_broadcast_event
Revises: 0008_step_up
"""

from __future__ import annotations

from samen_kit.migrations.added import added_columns
from samen_kit.migrations.columns import jsonb, text

revision = "0009_broadcast_event"
down_revision = "0008_step_up"
depends_on = "kit_0005"  # the roster projection's class groups


upgrade, downgrade = added_columns(
    "broadcast", text("group_code", 32, nullable=True), jsonb("event", nullable=True)
)
