"""Reading and writing the retention tables inside the caller's transaction."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from sqlalchemy import ColumnElement, Table, TextClause, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.engine import CursorResult
from sqlalchemy.ext.asyncio import AsyncSession

from samen_kit.retention.decision import Hold
from samen_kit.retention.tables import ERASURE, HOLD
from samen_kit.roster.tables import PUPIL


@dataclass(frozen=True)
class Ending:
    """A clock that runs: the pupil and the day its starting fact happened."""

    tenant: str
    pupil_id: UUID
    ended_on: date


async def holds_of(session: AsyncSession, tenant: str, pupil_id: UUID) -> list[Hold]:
    """The pupil's holds, locked against a change until the caller's transaction ends."""
    query = (
        select(HOLD.c.placed_on, HOLD.c.lifted_on)
        .where(HOLD.c.tenant == tenant, HOLD.c.pupil_id == pupil_id)
        .with_for_update()
    )
    return [Hold(row.placed_on, row.lifted_on) for row in await session.execute(query)]


async def place_hold(
    session: AsyncSession, tenant: str, pupil_id: UUID, hold_id: str, on: date
) -> None:
    """Idempotent: placing a hold again keeps its first day; a lifted one opens again."""
    stmt = insert(HOLD).values(tenant=tenant, pupil_id=pupil_id, hold_id=hold_id, placed_on=on)
    await session.execute(
        stmt.on_conflict_do_update(
            index_elements=[HOLD.c.tenant, HOLD.c.pupil_id, HOLD.c.hold_id],
            set_={"lifted_on": None},
        )
    )


async def lift_hold(
    session: AsyncSession, tenant: str, pupil_id: UUID, hold_id: str, on: date
) -> None:
    await session.execute(
        update(HOLD)
        .where(HOLD.c.tenant == tenant, HOLD.c.pupil_id == pupil_id, HOLD.c.hold_id == hold_id)
        .where(HOLD.c.lifted_on.is_(None))
        .values(lifted_on=on)
    )


@dataclass(frozen=True)
class Claim:
    tenant: str
    pupil_id: UUID
    kind: str
    basis: str
    reason: str


async def claim_erasure(session: AsyncSession, claim: Claim, now: datetime) -> bool:
    """The unique claim: True for the one transaction that may erase; a second sweep
    waits on the key until the first commits, then gets False."""
    stmt = (
        insert(ERASURE)
        .values(
            tenant=claim.tenant,
            pupil_id=claim.pupil_id,
            kind=claim.kind,
            basis=claim.basis,
            reason=claim.reason,
            count=0,
            erased_at=now,
        )
        .on_conflict_do_nothing()
        .returning(ERASURE.c.pupil_id)
    )
    return (await session.execute(stmt)).first() is not None


async def record_count(session: AsyncSession, claim: Claim, count: int) -> None:
    await session.execute(
        update(ERASURE)
        .where(
            ERASURE.c.tenant == claim.tenant,
            ERASURE.c.pupil_id == claim.pupil_id,
            ERASURE.c.kind == claim.kind,
        )
        .values(count=count)
    )


def not_erased(kind: str, tenant_column: object, pupil_column: object) -> ColumnElement[bool]:
    """A clause for an eraser's candidate query: no erasure of `kind` on record yet."""
    return ~(
        select(ERASURE.c.pupil_id)
        .where(
            ERASURE.c.tenant == tenant_column,
            ERASURE.c.pupil_id == pupil_column,
            ERASURE.c.kind == kind,
        )
        .exists()
    )


Endings = Callable[[AsyncSession], Awaitable[Sequence[Ending]]]


def pupils_left(kind: str, pupils: Table = PUPIL) -> Endings:
    """The clocks `PupilLeft` starts: every pupil who left (by default from the kit's roster
    projection; any table with `tenant`, `pupil_id` and `left_on` will do) whose `kind`
    of data is not yet erased."""

    async def endings(session: AsyncSession) -> Sequence[Ending]:
        c = pupils.c
        query = select(c.tenant, c.pupil_id, c.left_on).where(
            c.left_on.is_not(None), not_erased(kind, c.tenant, c.pupil_id)
        )
        return [Ending(*row) for row in await session.execute(query)]

    return endings


def endings_from(query: TextClause, kind: str) -> Endings:
    """The clocks a service's own query starts: rows of (tenant, pupil, ending day), the
    query leaving out pupils whose `kind` is erased (it is given `:kind`)."""

    async def endings(session: AsyncSession) -> Sequence[Ending]:
        return [Ending(*row) for row in await session.execute(query, {"kind": kind})]

    return endings


Erase = Callable[[AsyncSession, str, UUID], Awaitable[int]]


def erasing(*statements: TextClause) -> Erase:
    """An eraser's `erase` that runs `statements` in order for one pupil (`:t` the tenant,
    `:p` the pupil) and counts the rows they changed."""

    async def erase(session: AsyncSession, tenant: str, pupil_id: UUID) -> int:
        return await rows_changed(session, *statements, t=tenant, p=pupil_id)

    return erase


async def rows_changed(session: AsyncSession, *statements: object, **params: object) -> int:
    """Run `statements` with `params`; how many rows they changed together."""
    total = 0
    for statement in statements:
        result = await session.execute(statement, params)  # type: ignore[call-overload]
        assert isinstance(result, CursorResult)
        total += int(result.rowcount)
    return total


async def erased_kinds(session: AsyncSession, tenant: str, pupil_id: UUID) -> set[str]:
    """The kinds of data about the pupil already erased (by a sweep or on request)."""
    query = select(ERASURE.c.kind).where(ERASURE.c.tenant == tenant, ERASURE.c.pupil_id == pupil_id)
    return set((await session.execute(query)).scalars())
