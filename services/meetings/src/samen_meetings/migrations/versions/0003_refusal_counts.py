"""Refused attempts are counted in the kit's one table, `access_refusal_count`
(`samen_kit.refusal_table`), with the same columns in every service.

Revision ID: 0003_refusal_counts
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003_refusal_counts"
down_revision: str | None = "0002"
branch_labels = None
depends_on = None

OLD = "access_refusal"
NEW = "access_refusal_count"
KEY = ["window_start", "tenant", "reason", "credential", "method", "route", "resource_kind"]
_TEXT = (
    ("tenant", 128),
    ("reason", 32),
    ("credential", 32),
    ("method", 8),
    ("route", 200),
    ("resource_kind", 64),
)


def upgrade() -> None:
    op.rename_table(OLD, NEW)
    op.drop_constraint(f"{OLD}_pkey", NEW, type_="primary")
    # The kit's key starts with the minute, as the reporter reads and prunes by it.
    op.create_primary_key(f"{NEW}_pkey", NEW, KEY)
    for name, length in _TEXT:
        op.alter_column(NEW, name, type_=sa.String(length), existing_nullable=False)
    op.alter_column(NEW, "count", type_=sa.Integer(), existing_nullable=False)
    op.add_column(NEW, sa.Column("emitted_at", sa.DateTime(timezone=True), nullable=True))
    op.execute(f"UPDATE {NEW} SET emitted_at = now() WHERE emitted")
    op.drop_column(NEW, "emitted")
    op.execute(f"DROP INDEX IF EXISTS ix_{OLD}_emitted_at")
    op.create_index(f"ix_{NEW}_emitted_at", NEW, ["emitted_at"])


def downgrade() -> None:
    op.drop_constraint(f"{NEW}_pkey", NEW, type_="primary")
    op.create_primary_key(f"{NEW}_pkey", NEW, [*KEY[1:], KEY[0]])
    op.drop_index(f"ix_{NEW}_emitted_at", NEW)
    op.add_column(NEW, sa.Column("emitted", sa.Boolean(), nullable=False, server_default="false"))
    op.execute(f"UPDATE {NEW} SET emitted = emitted_at IS NOT NULL")
    op.drop_column(NEW, "emitted_at")
    op.execute(f"ALTER TABLE {NEW} RENAME CONSTRAINT {NEW}_pkey TO {OLD}_pkey")
    op.rename_table(NEW, OLD)
