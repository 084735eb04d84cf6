"""What the plans service erased after a retention period, and the legal holds on
its pupils (`samen_kit.retention`).

Revision ID: 0003_retention
Revises: 0002
"""

from samen_kit.retention.migration import create_retention_tables, drop_retention_tables

revision = "0003_retention"
down_revision = "0002"

# The kit's steps are the whole revision.
upgrade = create_retention_tables
downgrade = drop_retention_tables
