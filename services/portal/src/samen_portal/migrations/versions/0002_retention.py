"""The legal holds on the portal's pupils, which keep their file views past five years,
and the kit's table of erasures beside them (`samen_kit.retention`).

Revision ID: 0002_retention
Revises: 0001
"""

from samen_kit.retention.migration import create_retention_tables, drop_retention_tables

revision = "0002_retention"
down_revision = "0001"

# The kit's steps are the whole revision.
upgrade = create_retention_tables
downgrade = drop_retention_tables
