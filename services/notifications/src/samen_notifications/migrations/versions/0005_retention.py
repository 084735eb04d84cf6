"""What the notifications service erased after a retention period, and the legal holds
on its pupils (`samen_kit.retention`).

Revision ID: 0005_retention
Revises: 0004_roster_projection
"""

from samen_kit.retention.migration import create_retention_tables, drop_retention_tables

revision = "0005_retention"
down_revision = "0004_roster_projection"

# The kit's steps are the whole revision.
upgrade = create_retention_tables
downgrade = drop_retention_tables
