"""A staff contact may carry the colleague's name, so those who plan a meeting choose
people by name (read on demand from here, never copied onto the bus).

Revision ID: 0007_staff_name
Revises: 0006_message_trace
"""

from __future__ import annotations

from samen_kit.migrations.added import added_columns
from samen_kit.migrations.columns import text

revision = "0007_staff_name"
down_revision = "0006_message_trace"


upgrade, downgrade = added_columns("staff_contact", text("name", 120, nullable=True))
