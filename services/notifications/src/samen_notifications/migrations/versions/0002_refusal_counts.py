"""Refused attempts are counted in the kit's one table, `access_refusal_count`
(`samen_kit.refusal_table`), with the same columns in every service.

A database made before this revision has `refusal_window`, which is renamed and brought
to the kit's columns; a fresh one gets the kit's table directly.

Revision ID: 0002_refusal_counts
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from samen_kit.refusal_migration import adopt_refusal_table_v1, return_refusal_table_v1
from samen_kit.refusal_table import AccessRefusalCount

revision: str = "0002_refusal_counts"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None

OLD = "refusal_window"


def upgrade() -> None:
    bind = op.get_bind()
    if not sa.inspect(bind).has_table(OLD):
        # Revision 0001 creates the tables the models name today, and they no longer
        # name `refusal_window`: a fresh database gets the kit's table as it is.
        AccessRefusalCount.__table__.create(bind, checkfirst=True)  # type: ignore[attr-defined]
        return
    adopt_refusal_table_v1(OLD, emitted_flag=True)


def downgrade() -> None:
    return_refusal_table_v1(OLD, emitted_flag=True)
