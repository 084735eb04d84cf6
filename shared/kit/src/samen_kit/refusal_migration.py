"""Alembic steps that move a service's own table of refused attempts into the kit's
`access_refusal_count` (`samen_kit.refusal_table`, created by the kit's revision
`kit_0003`), and back.

The services' tables differed in name, key order and how they marked a reported row
(a boolean or a time); the rows keep their counts and whether they were reported. A
later change to the kit's table is a kit revision, so these steps keep their meaning.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from alembic import op

from samen_kit.refusal_table import TABLE_NAME as NEW

# The kit's key starts with the minute, as the reporter reads and prunes by it.
KEY = ("window_start", "tenant", "reason", "credential", "method", "route", "resource_kind")
_COLUMNS = ", ".join((*KEY, "count"))


def move_refusals_v1(old: str, *, emitted_flag: bool) -> None:
    """Move the rows of `old` into the kit's table and drop it. `emitted_flag`: it marked
    reported rows with a boolean (they count as reported now), not a time."""
    reported = "CASE WHEN emitted THEN now() END" if emitted_flag else "emitted_at"
    op.execute(
        f"INSERT INTO {NEW} ({_COLUMNS}, emitted_at) SELECT {_COLUMNS}, {reported} FROM {old}"
    )
    op.drop_table(old)


def return_refusals_v1(old: str, *, emitted_flag: bool, minute_last: bool = False) -> None:
    """The way back: `old` with the kit's columns, its own key and reported-mark, holding
    the rows the kit's table held (which is left empty). `minute_last`: its key ends with
    the minute."""
    op.execute(f"CREATE TABLE {old} (LIKE {NEW})")
    op.create_primary_key(f"{old}_pkey", old, [*KEY[1:], KEY[0]] if minute_last else list(KEY))
    marked = ("emitted", "emitted_at IS NOT NULL") if emitted_flag else ("emitted_at",) * 2
    if emitted_flag:
        op.add_column(old, sa.Column("emitted", sa.Boolean(), nullable=False))
        op.drop_column(old, "emitted_at")
    op.execute(
        f"INSERT INTO {old} ({_COLUMNS}, {marked[0]}) SELECT {_COLUMNS}, {marked[1]} FROM {NEW}"
    )
    op.execute(f"DELETE FROM {NEW}")


Step = Callable[[], None]


def refusal_revision(
    old: str, *, emitted_flag: bool, minute_last: bool = False
) -> tuple[Step, Step]:
    """A service's whole revision that moves `old` into the kit's table: its `upgrade`
    and `downgrade` (`upgrade, downgrade = refusal_revision(...)`).

    Plain functions, not `functools.partial`: alembic logs each step by its `__name__`,
    which a partial lacks, so a run with alembic's log at INFO would fail mid-upgrade."""

    def upgrade() -> None:
        move_refusals_v1(old, emitted_flag=emitted_flag)

    def downgrade() -> None:
        return_refusals_v1(old, emitted_flag=emitted_flag, minute_last=minute_last)

    return upgrade, downgrade
