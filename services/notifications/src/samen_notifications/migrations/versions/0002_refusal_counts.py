"""The rows of `refusal_window` (reported: a boolean) move to the kit's one table of
refused attempts, `access_refusal_count` (kit_0003).

Revision ID: 0002_refusal_counts
Revises: 0001
"""

from __future__ import annotations

from samen_kit.refusal_migration import refusal_revision

revision = "0002_refusal_counts"
down_revision = "0001"
depends_on = "kit_0003"


upgrade, downgrade = refusal_revision("refusal_window", emitted_flag=True, minute_last=True)
