"""Alembic steps that turn a service's own table of refused attempts into the kit's
`access_refusal_count` (`samen_kit.refusal_table`), version 1 of that table.

The services' tables differed in name, key order, text sizes and how they marked a
reported row; these steps take each one to the same shape. A later change to the kit's
table gets steps of its own (`_v2`), so revisions already written keep their meaning.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from samen_kit.refusal_table import TABLE_NAME as NEW

# The kit's key starts with the minute, as the reporter reads and prunes by it.
KEY = ("window_start", "tenant", "reason", "credential", "method", "route", "resource_kind")
_TEXT = (
    ("tenant", 128),
    ("reason", 32),
    ("credential", 32),
    ("method", 8),
    ("route", 200),
    ("resource_kind", 64),
)


def adopt_refusal_table_v1(old: str, *, emitted_flag: bool, minute_last: bool = False) -> None:
    """Rename `old` and bring it to the kit's columns. `emitted_flag`: it marked reported
    rows with a boolean, not a time; `minute_last`: its key ends with the minute."""
    op.rename_table(old, NEW)
    if minute_last:
        op.drop_constraint(f"{old}_pkey", NEW, type_="primary")
        op.create_primary_key(f"{NEW}_pkey", NEW, list(KEY))
    else:
        op.execute(f"ALTER TABLE {NEW} RENAME CONSTRAINT {old}_pkey TO {NEW}_pkey")
    for name, length in _TEXT:
        op.alter_column(NEW, name, type_=sa.String(length), existing_nullable=False)
    op.alter_column(NEW, "count", type_=sa.Integer(), existing_nullable=False)
    if emitted_flag:
        op.add_column(NEW, sa.Column("emitted_at", sa.DateTime(timezone=True), nullable=True))
        op.execute(f"UPDATE {NEW} SET emitted_at = now() WHERE emitted")
        op.drop_column(NEW, "emitted")
    op.execute(f"DROP INDEX IF EXISTS ix_{old}_emitted_at")
    op.create_index(f"ix_{NEW}_emitted_at", NEW, ["emitted_at"])


def return_refusal_table_v1(old: str, *, emitted_flag: bool, minute_last: bool = False) -> None:
    """The way back: the kit's table under its old name, key and reported-mark again."""
    if minute_last:
        op.drop_constraint(f"{NEW}_pkey", NEW, type_="primary")
        op.create_primary_key(f"{NEW}_pkey", NEW, [*KEY[1:], KEY[0]])
    op.drop_index(f"ix_{NEW}_emitted_at", NEW)
    if emitted_flag:
        op.add_column(
            NEW, sa.Column("emitted", sa.Boolean(), nullable=False, server_default="false")
        )
        op.execute(f"UPDATE {NEW} SET emitted = emitted_at IS NOT NULL")
        op.drop_column(NEW, "emitted_at")
    op.execute(f"ALTER TABLE {NEW} RENAME CONSTRAINT {NEW}_pkey TO {old}_pkey")
    op.rename_table(NEW, old)
