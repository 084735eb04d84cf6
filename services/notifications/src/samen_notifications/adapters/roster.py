"""Pupils as this service knows them (the kit's roster projection and the first names
from the roster import), schools, and the projection of items' states."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from samen_kit.roster import Roster, place_pupils
from sqlalchemy import Table, any_, func, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from samen_notifications.adapters.tables import ItemStateRow, PupilNameRow, SchoolRow

PUPIL_NAME: Table = PupilNameRow.__table__  # type: ignore[attr-defined]
SCHOOL: Table = SchoolRow.__table__  # type: ignore[attr-defined]
ITEM: Table = ItemStateRow.__table__  # type: ignore[attr-defined]
NAMES_PER_STATEMENT = 10000  # 3 parameters a row: within PostgreSQL's 32,767


@dataclass(frozen=True)
class PupilOnFile:
    """What this service knows of a pupil: where they are enrolled and whether they
    left (the kit's roster projection), and their first name (the roster import)."""

    pupil_id: UUID
    school_id: UUID | None
    first_name: str | None
    left_on: date | None


async def save_pupils(
    session: AsyncSession, tenant: str, school_id: UUID, first_names: dict[UUID, str | None]
) -> None:
    """The roster's pupils of one school with their first names, in pupil id order.

    Where the roster projection does not know a pupil yet, it places them at this
    school (its consumer locks these rows as it applies enrolments: taking them in one
    fixed order, at the end of the import, keeps the window for a deadlock small).
    """
    rows = [
        {"tenant": tenant, "pupil_id": pupil_id, "first_name": name}
        for pupil_id, name in sorted(first_names.items())
    ]
    for start in range(0, len(rows), NAMES_PER_STATEMENT):
        stmt = insert(PUPIL_NAME).values(rows[start : start + NAMES_PER_STATEMENT])
        stmt = stmt.on_conflict_do_update(
            index_elements=[PUPIL_NAME.c.tenant, PUPIL_NAME.c.pupil_id],
            set_={"first_name": stmt.excluded.first_name},
        )
        await session.execute(stmt)
    await place_pupils(session, tenant, school_id, first_names)


async def pupils(
    session: AsyncSession, tenant: str, pupil_ids: Collection[UUID]
) -> dict[UUID, PupilOnFile]:
    if not pupil_ids:
        return {}
    enrolled = await Roster(session).pupils(tenant, pupil_ids)
    stmt = select(PUPIL_NAME.c.pupil_id, PUPIL_NAME.c.first_name).where(
        PUPIL_NAME.c.tenant == tenant, PUPIL_NAME.c.pupil_id.in_(list(pupil_ids))
    )
    names: dict[UUID, str | None] = {
        row.pupil_id: row.first_name for row in await session.execute(stmt)
    }
    found: dict[UUID, PupilOnFile] = {}
    for pupil_id in sorted(enrolled.keys() | names.keys()):
        pupil = enrolled.get(pupil_id)
        found[pupil_id] = PupilOnFile(
            pupil_id,
            pupil.school_id if pupil else None,
            names.get(pupil_id),
            pupil.left_on if pupil else None,
        )
    return found


async def guardians_of(
    session: AsyncSession, tenant: str, pupil_id: UUID, standings: Collection[str] | None = None
) -> list[UUID]:
    return sorted(await Roster(session).guardians(tenant, pupil_id, standings))


async def pupils_of_guardian(session: AsyncSession, tenant: str, guardian_id: UUID) -> list[UUID]:
    return await Roster(session).pupils_of_guardian(tenant, guardian_id)


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
