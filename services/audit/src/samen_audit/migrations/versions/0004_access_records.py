"""The writer may delete a reported window of refused attempts once its five years have
run out (`samen_kit.retention.purge`); nothing else in the log can be deleted.

Revision ID: 0004_access_records
Revises: 0003_retention
"""

from __future__ import annotations

from alembic import op
from samen_audit.adapters.roles import WRITER_ROLE

revision = "0004_access_records"
down_revision = "0003_retention"


def upgrade() -> None:
    op.execute(f"GRANT DELETE ON access_refusal_count TO {WRITER_ROLE}")


def downgrade() -> None:
    op.execute(f"REVOKE DELETE ON access_refusal_count FROM {WRITER_ROLE}")
