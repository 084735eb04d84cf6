"""Projections of the roster and of items: pupils, guardianships, schools, item states."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import Any
from uuid import UUID

from sqlalchemy import Table, any_, delete, func, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from samen_notifications.adapters.tables import (
    GuardianshipRow,
    ItemStateRow,
    PupilRow,
    SchoolRow,
)

PUPIL: Table = PupilRow.__table__  # type: ignore[attr-defined]
GUARDIANSHIP: Table = GuardianshipRow.__table__  # type: ignore[attr-defined]
SCHOOL: Table = SchoolRow.__table__  # type: ignore[attr-defined]
ITEM: Table = ItemStateRow.__table__  # type: ignore[attr-defined]
PUPILS_PER_STATEMENT = 5000  # 4 parameters a row: within PostgreSQL's 32,767


async def save_pupil(session: AsyncSession, tenant: str, pupil_id: UUID, **values: Any) -> None:
    """Upsert only the given columns (school from events, first name from the roster)."""
    stmt = insert(PUPIL).values(tenant=tenant, pupil_id=pupil_id, **values)
    stmt = stmt.on_conflict_do_update(
        index_elements=[PUPIL.c.tenant, PUPIL.c.pupil_id],
        set_={key: stmt.excluded[key] for key in values},
    )
    await session.execute(stmt)


async def save_pupils(
    session: AsyncSession, tenant: str, school_id: UUID, first_names: dict[UUID, str | None]
) -> None:
    """The roster's pupils of one school with their first names, in pupil id order.

    The consumer locks these rows as it applies enrolments: taking them in one fixed
    order, at the end of the import, keeps the window for a deadlock small.
    """
    rows = [
        {"tenant": tenant, "pupil_id": pupil_id, "school_id": school_id, "first_name": name}
        for pupil_id, name in sorted(first_names.items())
    ]
    for start in range(0, len(rows), PUPILS_PER_STATEMENT):
        stmt = insert(PUPIL).values(rows[start : start + PUPILS_PER_STATEMENT])
        stmt = stmt.on_conflict_do_update(
            index_elements=[PUPIL.c.tenant, PUPIL.c.pupil_id],
            set_={"school_id": stmt.excluded.school_id, "first_name": stmt.excluded.first_name},
        )
        await session.execute(stmt)


async def pupil_left(session: AsyncSession, tenant: str, pupil_id: UUID, left_on: date) -> None:
    await save_pupil(session, tenant, pupil_id, left_on=left_on)


async def pupils(
    session: AsyncSession, tenant: str, pupil_ids: Collection[UUID]
) -> dict[UUID, PupilRow]:
    if not pupil_ids:
        return {}
    stmt = select(PupilRow).where(
        col(PupilRow.tenant) == tenant,
        col(PupilRow.pupil_id).in_(list(pupil_ids)),
    )
    return {row.pupil_id: row for row in (await session.execute(stmt)).scalars().all()}


async def record_guardianship(
    session: AsyncSession, tenant: str, pupil_id: UUID, guardian_id: UUID, standing: str
) -> None:
    stmt = insert(GUARDIANSHIP).values(
        tenant=tenant, pupil_id=pupil_id, guardian_id=guardian_id, standing=standing
    )
    stmt = stmt.on_conflict_do_update(
        index_elements=[GUARDIANSHIP.c.tenant, GUARDIANSHIP.c.pupil_id, GUARDIANSHIP.c.guardian_id],
        set_={"standing": standing},
    )
    await session.execute(stmt)


async def end_guardianship(
    session: AsyncSession, tenant: str, pupil_id: UUID, guardian_id: UUID
) -> None:
    await session.execute(
        delete(GUARDIANSHIP).where(
            GUARDIANSHIP.c.tenant == tenant,
            GUARDIANSHIP.c.pupil_id == pupil_id,
            GUARDIANSHIP.c.guardian_id == guardian_id,
        )
    )


async def guardians_of(
    session: AsyncSession, tenant: str, pupil_id: UUID, standings: Collection[str] | None = None
) -> list[UUID]:
    stmt = select(GUARDIANSHIP.c.guardian_id).where(
        GUARDIANSHIP.c.tenant == tenant, GUARDIANSHIP.c.pupil_id == pupil_id
    )
    if standings is not None:
        stmt = stmt.where(GUARDIANSHIP.c.standing.in_(list(standings)))
    return sorted((await session.execute(stmt)).scalars().all())


async def pupils_of_guardian(session: AsyncSession, tenant: str, guardian_id: UUID) -> list[UUID]:
    stmt = select(GUARDIANSHIP.c.pupil_id).where(
        GUARDIANSHIP.c.tenant == tenant, GUARDIANSHIP.c.guardian_id == guardian_id
    )
    return sorted((await session.execute(stmt)).scalars().all())


async def save_school(
    session: AsyncSession, tenant: str, school_id: UUID, values: dict[str, Any]
) -> None:
    stmt = insert(SCHOOL).values(tenant=tenant, school_id=school_id, **values)
    if values:
        stmt = stmt.on_conflict_do_update(
            index_elements=[SCHOOL.c.tenant, SCHOOL.c.school_id],
            set_={key: stmt.excluded[key] for key in values},
        )
    else:
        stmt = stmt.on_conflict_do_nothing()
    await session.execute(stmt)


async def schools(
    session: AsyncSession, tenant: str, school_ids: Collection[UUID]
) -> dict[UUID, SchoolRow]:
    if not school_ids:
        return {}
    stmt = select(SchoolRow).where(
        col(SchoolRow.tenant) == tenant,
        col(SchoolRow.school_id).in_(list(school_ids)),
    )
    return {row.school_id: row for row in (await session.execute(stmt)).scalars().all()}


async def school(session: AsyncSession, tenant: str, school_id: UUID) -> SchoolRow | None:
    return await session.get(SchoolRow, (tenant, school_id))


async def schools_of_board(session: AsyncSession, tenant: str, board_id: UUID) -> list[UUID]:
    stmt = select(SCHOOL.c.school_id).where(
        SCHOOL.c.tenant == tenant, SCHOOL.c.board_id == board_id
    )
    return list((await session.execute(stmt)).scalars().all())


async def open_item(
    session: AsyncSession,
    tenant: str,
    kind: str,
    item_id: str,
    *,
    pupil_id: UUID,
    facts: dict[str, Any],
    guardian_parties: list[UUID],
) -> None:
    stmt = insert(ITEM).values(
        tenant=tenant,
        kind=kind,
        item_id=item_id,
        pupil_id=pupil_id,
        facts=facts,
        guardian_parties=guardian_parties,
        answered=[],
        closed=False,
    )
    await session.execute(stmt.on_conflict_do_nothing())


async def item_state(
    session: AsyncSession, tenant: str, kind: str, item_id: str
) -> ItemStateRow | None:
    return await session.get(ItemStateRow, (tenant, kind, item_id))


async def mark_answered(
    session: AsyncSession, tenant: str, kind: str, item_id: str, party_id: UUID
) -> None:
    await session.execute(
        update(ITEM)
        .where(ITEM.c.tenant == tenant, ITEM.c.kind == kind, ITEM.c.item_id == item_id)
        .where(~(any_(ITEM.c.answered) == party_id))
        .values(answered=func.array_append(ITEM.c.answered, party_id))
    )


async def close_item(session: AsyncSession, tenant: str, kind: str, item_id: str) -> None:
    await session.execute(
        update(ITEM)
        .where(ITEM.c.tenant == tenant, ITEM.c.kind == kind, ITEM.c.item_id == item_id)
        .values(closed=True)
    )
