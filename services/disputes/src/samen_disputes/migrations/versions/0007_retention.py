"""What the disputes service erased after a retention period, and the legal holds on
its pupils (`samen_kit.retention`).

Revision ID: 0007_retention
Revises: 0006_school_kinds
"""

from samen_kit.retention.migration import create_retention_tables, drop_retention_tables

revision = "0007_retention"
down_revision = "0006_school_kinds"

# The kit's steps are the whole revision.
upgrade = create_retention_tables
downgrade = drop_retention_tables
