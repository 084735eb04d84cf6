"""The roster and consent projections keyed by (tenant, id): roster ids are unique only
within a tenant, so a second tenant's pupil with the same id must not take over the
first one's row.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op
from samen_kit.migrations import rekey

revision: str = "0002"
down_revision: str | None = "0001"

_NEW_KEYS = {
    "pupil": ["tenant", "pupil_id"],
    "guardianship": ["tenant", "pupil_id", "guardian_id"],
    "consent_state": ["tenant", "pupil_id", "purpose"],
}
_OLD_KEYS = {
    "pupil": ["pupil_id"],
    "guardianship": ["pupil_id", "guardian_id"],
    "consent_state": ["pupil_id", "purpose"],
}


def upgrade() -> None:
    rekey(op, _NEW_KEYS)
    # The key now starts with the tenant, which serves every lookup the index did.
    op.drop_index("ix_pupil_tenant", table_name="pupil")


def downgrade() -> None:
    op.create_index("ix_pupil_tenant", "pupil", ["tenant"], unique=False)
    rekey(op, _OLD_KEYS)
