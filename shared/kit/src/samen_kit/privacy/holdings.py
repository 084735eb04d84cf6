"""What a service holds about one pupil and one guardian, for the right of access.

Found from the service's own tables rather than listed by hand, so a table added later
is in the export the day it is made: a table with `tenant` and `pupil_id` holds data
about a pupil; one with `tenant` and a guardian column but no pupil, data about that
guardian. A row naming another guardian (their answer, their note) is that guardian's
own and stays out: each parent gets their child's data and their own.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from pydantic_core import to_jsonable_python
from sqlalchemy.ext.asyncio import AsyncSession

# Columns that name one guardian (a consent's party is a guardian too).
GUARDIAN_COLUMNS = ("guardian_id", "party_id")

Row = dict[str, Any]


@dataclass(frozen=True)
class Holding:
    """One table's rows about a pupil (`by_pupil`) or about a guardian only."""

    table: sa.Table
    guardian: str | None  # the column naming one guardian, if any
    by_pupil: bool

    @property
    def name(self) -> str:
        return self.table.name


def holdings_in(
    tables: Iterable[sa.Table],
    *,
    guardian_columns: Sequence[str] = GUARDIAN_COLUMNS,
    leave_out: Collection[str] = (),
) -> list[Holding]:
    """Of a service's tables (a name given twice counts once), those that hold data
    about a pupil or a guardian, by name."""
    by_name = {table.name: table for table in reversed(list(tables))}
    found = []
    for name in sorted(by_name.keys() - set(leave_out)):
        columns = by_name[name].c
        guardian = next((column for column in guardian_columns if column in columns), None)
        by_pupil = "pupil_id" in columns
        if "tenant" in columns and (by_pupil or guardian):
            found.append(Holding(by_name[name], guardian, by_pupil))
    return found


def _query(holding: Holding, tenant: str, pupil_id: UUID, guardian_id: UUID) -> sa.Select[Any]:
    table = holding.table
    query = sa.select(table).where(table.c.tenant == tenant)
    if holding.by_pupil:
        query = query.where(table.c.pupil_id == pupil_id)
    if holding.guardian is not None:
        column = table.c[holding.guardian]
        # Compared as text: some services keep a party's id as a string.
        named = sa.cast(column, sa.String) == str(guardian_id)
        query = query.where(sa.or_(column.is_(None), named) if holding.by_pupil else named)
    return query.order_by(*table.primary_key.columns)


async def read_holdings(
    session: AsyncSession,
    holdings: Sequence[Holding],
    tenant: str,
    pupil_id: UUID,
    guardian_id: UUID,
) -> dict[str, list[Row]]:
    """Per table, its rows about the pupil and this guardian, as JSON-ready values."""
    found: dict[str, list[Row]] = {}
    for holding in holdings:
        result = await session.execute(_query(holding, tenant, pupil_id, guardian_id))
        rows = [dict(row) for row in result.mappings()]
        found[holding.name] = to_jsonable_python(rows, bytes_mode="base64")
    return found
