"""What the plans service erased after a retention period, and the legal holds on
its pupils (`samen_kit.retention`).

Revision ID: 0003_retention
Revises: 0002
"""

from __future__ import annotations

from samen_kit.retention.migration import create_retention_tables, drop_retention_tables

revision = "0003_retention"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_retention_tables()


def downgrade() -> None:
    drop_retention_tables()
