"""The inbox: a consumer records each handled event in the transaction of its effect.

A redelivered event then finds its id already there and does nothing; an event older
than one already applied for the same pupil is ignored, so it cannot undo a later fact.

Each function is one statement per batch, sent as arrays on the session's own asyncpg
connection: a batch of 500 costs three round trips, and the applied sequences are
found by an index join on the keys rather than a 500-term row IN list.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from samen_kit.driver import driver_connection

_CLAIM = """
INSERT INTO inbox (consumer, event_id)
SELECT $1::text, id FROM unnest($2::uuid[]) AS id
ON CONFLICT DO NOTHING
RETURNING event_id
"""

_APPLIED = """
SELECT a.source, a.tenant, a.subject, a.last
FROM applied_sequence AS a
JOIN unnest($2::text[], $3::text[], $4::text[]) AS k(source, tenant, subject)
  ON a.consumer = $1::text AND a.source = k.source AND a.tenant = k.tenant
 AND a.subject = k.subject
ORDER BY a.source, a.tenant, a.subject
FOR UPDATE OF a
"""

_STORE = """
INSERT INTO applied_sequence AS a (consumer, source, tenant, subject, last)
SELECT $1::text, source, tenant, subject, last
FROM unnest($2::text[], $3::text[], $4::text[], $5::bigint[])
     AS k(source, tenant, subject, last)
ORDER BY source, tenant, subject
ON CONFLICT (consumer, source, tenant, subject)
DO UPDATE SET last = excluded.last WHERE a.last < excluded.last
"""


async def claim_many(session: AsyncSession, consumer: str, event_ids: Sequence[UUID]) -> set[UUID]:
    """The ids among `event_ids` that `consumer` sees for the first time (one statement)."""
    if not event_ids:
        return set()
    conn = await driver_connection(session)
    rows = await conn.fetch(_CLAIM, consumer, sorted(set(event_ids)))
    return {row["event_id"] for row in rows}


async def applied_sequences(
    session: AsyncSession, consumer: str, keys: Iterable[tuple[str, str, str]]
) -> dict[tuple[str, str, str], int]:
    """The highest applied sequence per (source, tenant, subject), locked for this batch."""
    wanted = sorted(set(keys))
    if not wanted:
        return {}
    sources, tenants, subjects = (list(column) for column in zip(*wanted, strict=True))
    conn = await driver_connection(session)
    rows = await conn.fetch(_APPLIED, consumer, sources, tenants, subjects)
    return {(r["source"], r["tenant"], r["subject"]): int(r["last"]) for r in rows}


async def store_sequences(
    session: AsyncSession, consumer: str, latest: dict[tuple[str, str, str], int]
) -> None:
    if not latest:
        return
    keys = sorted(latest)
    conn = await driver_connection(session)
    await conn.execute(
        _STORE,
        consumer,
        [k[0] for k in keys],
        [k[1] for k in keys],
        [k[2] for k in keys],
        [latest[k] for k in keys],
    )
