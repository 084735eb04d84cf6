"""The kit's tables and the notifications service's own (first revision).

Later changes get revisions of their own with explicit operations; this one creates the
tables as `adapters/tables.py` first defined them.

Revision ID: 0001
"""

from __future__ import annotations

from alembic import op
from samen_kit.migrations import create_kit_tables
from samen_notifications.adapters.tables import SERVICE_TABLES

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    create_kit_tables(bind)
    for table in SERVICE_TABLES:
        table.create(bind, checkfirst=True)


def downgrade() -> None:
    bind = op.get_bind()
    for table in reversed(SERVICE_TABLES):
        table.drop(bind, checkfirst=True)
