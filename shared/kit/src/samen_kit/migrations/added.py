"""A revision whose whole change is new columns on one table: its `upgrade` adds them in
order, its `downgrade` drops them in reverse (`upgrade, downgrade = added_columns(...)`).

Plain functions, not `functools.partial`: alembic logs each step by its `__name__`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from alembic import op


def added_columns(
    table: str, *columns: sa.Column[Any]
) -> tuple[Callable[[], None], Callable[[], None]]:
    def upgrade() -> None:
        for column in columns:
            op.add_column(table, column)

    def downgrade() -> None:
        for column in reversed(columns):
            op.drop_column(table, column.name)

    return upgrade, downgrade
