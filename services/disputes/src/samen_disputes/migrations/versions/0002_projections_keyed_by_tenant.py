"""The roster and OPP projections keyed by (tenant, id): roster ids are unique only
within a tenant, so a second tenant's pupil with the same id must not take over the
first one's row.

Revision ID: 0002
Revises: 0001
"""

from alembic import op
from samen_kit.migrations import rekey

revision = "0002"
down_revision = "0001"

_NEW_KEYS = {
    "pupil": ["tenant", "pupil_id"],
    "guardian": ["tenant", "pupil_id", "guardian_id"],
    "opp": ["tenant", "opp_id"],
}
_OLD_KEYS = {
    "pupil": ["pupil_id"],
    "guardian": ["pupil_id", "guardian_id"],
    "opp": ["opp_id"],
}


def upgrade() -> None:
    rekey(op, _NEW_KEYS)
    # The key now starts with the tenant, which serves every lookup the index did.
    op.drop_index("ix_pupil_tenant", table_name="pupil")


def downgrade() -> None:
    op.create_index("ix_pupil_tenant", "pupil", ["tenant"])
    rekey(op, _OLD_KEYS)
