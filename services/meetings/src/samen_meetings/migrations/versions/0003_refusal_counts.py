"""The rows of `access_refusal` (reported: a boolean; its key ended with the minute) move
to the kit's one table of refused attempts, `access_refusal_count` (kit_0003).

Revision ID: 0003_refusal_counts
Revises: 0002
"""

from __future__ import annotations

from samen_kit.refusal_migration import refusal_revision

revision = "0003_refusal_counts"
down_revision = "0002"
depends_on = "kit_0003"


upgrade, downgrade = refusal_revision("access_refusal", emitted_flag=True, minute_last=True)
