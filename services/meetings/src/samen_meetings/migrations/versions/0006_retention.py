"""What the meetings service erased after a retention period, and the legal holds on
its pupils (`samen_kit.retention`).

Revision ID: 0006_retention
Revises: 0005_opps_from_plans
"""

from samen_kit.retention.migration import create_retention_tables, drop_retention_tables

revision = "0006_retention"
down_revision = "0005_opps_from_plans"

# The kit's steps are the whole revision.
upgrade = create_retention_tables
downgrade = drop_retention_tables
