"""A tiny service for proving the kit: enrolling a pupil is a state change that emits
`PupilEnrolled`; a consumer counts its effects per pupil (a count, not a unique key, so
a double effect would show as 2 rather than be masked)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from datetime import date
from uuid import UUID, uuid4

from samen_contract.events.consent import PupilEnrolled
from samen_kit.consumer import Delivery, Handler
from samen_kit.outbox import EventWriter
from samen_kit.testing import waiting
from samen_kit.testing.fixtures import run_blocking
from samen_kit.testing.schema import create_kit_tables
from sqlalchemy import Column, Connection, Integer, MetaData, Table, Uuid, select, text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

metadata = MetaData()
pupils = Table("proof_pupil", metadata, Column("pupil_id", Uuid, primary_key=True))
effects = Table(
    "proof_effect",
    metadata,
    Column("pupil_id", Uuid, primary_key=True),
    Column("count", Integer, nullable=False),
)
SCHOOL = UUID("00000000-0000-4000-8000-00000000000a")


def create_schema(url: str) -> None:
    async def main() -> None:
        engine = create_async_engine(url)
        async with engine.begin() as conn:
            await conn.run_sync(_create)
        await engine.dispose()

    run_blocking(main)


def _create(bind: Connection) -> None:
    create_kit_tables(bind)
    metadata.create_all(bind)


async def enroll(
    sessions: async_sessionmaker[AsyncSession],
    writer: EventWriter,
    tenant: str,
    pupil_id: UUID | None = None,
    *,
    fail_before_commit: bool = False,
) -> UUID:
    pupil_id = pupil_id or uuid4()
    async with sessions() as session, session.begin():
        await session.execute(pupils.insert().values(pupil_id=pupil_id))
        await writer.emit(
            session,
            PupilEnrolled(pupil_id=pupil_id, school_id=SCHOOL, enrolled_on=date(2026, 8, 24)),
            tenant=tenant,
            subject=str(pupil_id),
            actor="system:roster-import",
        )
        if fail_before_commit:
            raise RuntimeError("the transaction fails after writing")
    return pupil_id


def counting_handler(poison: Callable[[UUID], bool] = lambda _: False) -> Handler:
    async def handle(session: AsyncSession, delivery: Delivery) -> None:
        event = delivery.event
        if not isinstance(event, PupilEnrolled):
            return
        if poison(event.pupil_id):
            raise ValueError("this pupil cannot be handled")
        stmt = insert(effects).values(pupil_id=event.pupil_id, count=1)
        stmt = stmt.on_conflict_do_update(
            index_elements=[effects.c.pupil_id], set_={"count": effects.c.count + 1}
        )
        await session.execute(stmt)

    return handle


async def effect_counts(sessions: async_sessionmaker[AsyncSession]) -> dict[UUID, int]:
    async with sessions() as session:
        rows = (await session.execute(select(effects.c.pupil_id, effects.c.count))).all()
    return {row[0]: row[1] for row in rows}


async def outbox_state(sessions: async_sessionmaker[AsyncSession]) -> dict[str, int]:
    async with sessions() as session:
        row = (
            await session.execute(
                text("SELECT count(*) AS total, count(published_at) AS published FROM outbox")
            )
        ).one()
    return {"total": row[0], "published": row[1]}


# The kit's wait-for, with the patience these proofs across services need.
wait_for = functools.partial(waiting.wait_for, within=60.0, every=0.2)


def all_once(counts: dict[UUID, int], expected: Iterable[UUID]) -> bool:
    return all(counts.get(pupil) == 1 for pupil in expected)
