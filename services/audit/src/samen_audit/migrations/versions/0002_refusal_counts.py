"""The working counters of refused attempts (`refusal_count`, not part of the log) move to
the kit's `access_refusal_count` (kit_0003); the writer may count there as it did in its
own table.

Revision ID: 0002_refusal_counts
Revises: 0001
"""

from __future__ import annotations

from alembic import op
from samen_audit.adapters.roles import WRITER_ROLE
from samen_kit.refusal_migration import move_refusals_v1, return_refusals_v1

revision = "0002_refusal_counts"
down_revision = "0001"
depends_on = "kit_0003"


def upgrade() -> None:
    move_refusals_v1("refusal_count", emitted_flag=False)
    op.execute(f"GRANT SELECT, INSERT, UPDATE ON access_refusal_count TO {WRITER_ROLE}")


def downgrade() -> None:
    return_refusals_v1("refusal_count", emitted_flag=False)
    op.execute(f"GRANT SELECT, INSERT, UPDATE ON refusal_count TO {WRITER_ROLE}")
