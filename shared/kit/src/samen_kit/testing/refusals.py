"""The refused attempts a service counted in the kit's table, as its tests read them."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from samen_kit.refusal_table import TABLE_NAME

Counted = dict[tuple[str, str, str, str], int]


async def refusals_counted(sessions: async_sessionmaker[AsyncSession], tenant: str) -> Counted:
    """The tenant's refusals in the database of `sessions`, reported or not, counted by
    (reason, credential, method, route) over every minute and resource kind."""
    statement = text(
        f"SELECT reason, credential, method, route, sum(count) FROM {TABLE_NAME}"
        " WHERE tenant = :tenant GROUP BY reason, credential, method, route"
    )
    async with sessions() as session:
        rows = await session.execute(statement, {"tenant": tenant})
        return {(r[0], r[1], r[2], r[3]): int(r[4]) for r in rows}
