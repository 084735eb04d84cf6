"""Contact points of guardians and staff: the only place addresses are read or written."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Table, any_, or_, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from samen_notifications.adapters.tables import GuardianContactRow, StaffContactRow

GUARDIAN: Table = GuardianContactRow.__table__  # type: ignore[attr-defined]
STAFF: Table = StaffContactRow.__table__  # type: ignore[attr-defined]
GUARDIAN_FIELDS = (
    "email",
    "mobile",
    "language",
    "channel_choices",
    "quiet_start",
    "quiet_end",
    "do_not_contact",
)


async def guardian_contacts(
    session: AsyncSession, tenant: str, guardian_ids: Collection[UUID]
) -> dict[UUID, GuardianContactRow]:
    if not guardian_ids:
        return {}
    stmt = select(GuardianContactRow).where(
        col(GuardianContactRow.tenant) == tenant,
        col(GuardianContactRow.guardian_id).in_(list(guardian_ids)),
    )
    rows = (await session.execute(stmt)).scalars().all()
    return {row.guardian_id: row for row in rows}


async def guardian_contact(
    session: AsyncSession, tenant: str, guardian_id: UUID
) -> GuardianContactRow | None:
    return (await guardian_contacts(session, tenant, [guardian_id])).get(guardian_id)


async def save_guardian_contact(
    session: AsyncSession, tenant: str, guardian_id: UUID, values: dict[str, Any], now: datetime
) -> bool:
    """Insert or update; True when something changed (a re-import of the same row is not)."""
    current = await guardian_contact(session, tenant, guardian_id)
    if current is not None and all(getattr(current, k) == v for k, v in values.items()):
        return False
    row = {"tenant": tenant, "guardian_id": guardian_id, **values, "updated_at": now}
    stmt = insert(GUARDIAN).values(row)
    stmt = stmt.on_conflict_do_update(
        index_elements=[GUARDIAN.c.tenant, GUARDIAN.c.guardian_id],
        set_={key: stmt.excluded[key] for key in (*values, "updated_at")},
    )
    await session.execute(stmt)
    return True


GUARDIANS_PER_STATEMENT = 4000  # 7 parameters a row: within PostgreSQL's 32,767
KEY_FIELDS = frozenset({"tenant", "guardian_id"})


async def save_guardian_contacts(
    session: AsyncSession, tenant: str, values: dict[UUID, dict[str, Any]], now: datetime
) -> None:
    """Insert or update many guardians' contact points in one statement (per 4,000), in
    guardian id order: two imports that share guardians lock their rows in one order."""
    rows = [
        {"tenant": tenant, "guardian_id": guardian_id, **fields, "updated_at": now}
        for guardian_id, fields in sorted(values.items())
    ]
    for start in range(0, len(rows), GUARDIANS_PER_STATEMENT):
        stmt = insert(GUARDIAN).values(rows[start : start + GUARDIANS_PER_STATEMENT])
        stmt = stmt.on_conflict_do_update(
            index_elements=[GUARDIAN.c.tenant, GUARDIAN.c.guardian_id],
            set_={key: stmt.excluded[key] for key in rows[start] if key not in KEY_FIELDS},
        )
        await session.execute(stmt)


async def save_staff_contact(
    session: AsyncSession,
    tenant: str,
    staff_id: UUID,
    *,
    role: str,
    school_ids: Iterable[UUID],
    email: str,
    name: str | None = None,
    now: datetime,
) -> bool:
    values = {"role": role, "school_ids": sorted(set(school_ids)), "email": email, "name": name}
    current = await session.get(StaffContactRow, (tenant, staff_id))
    if current is not None and all(getattr(current, k) == v for k, v in values.items()):
        return False
    stmt = insert(STAFF).values(tenant=tenant, staff_id=staff_id, updated_at=now, **values)
    stmt = stmt.on_conflict_do_update(
        index_elements=[STAFF.c.tenant, STAFF.c.staff_id],
        set_={key: stmt.excluded[key] for key in (*values, "updated_at")},
    )
    await session.execute(stmt)
    return True


async def staff_for_school(
    session: AsyncSession, tenant: str, school_id: UUID, roles: Collection[str]
) -> list[StaffContactRow]:
    stmt = select(StaffContactRow).where(
        col(StaffContactRow.tenant) == tenant,
        col(StaffContactRow.role).in_(list(roles)),  # type: ignore[attr-defined]
        any_(STAFF.c.school_ids) == school_id,
    )
    return list((await session.execute(stmt)).scalars().all())


async def staff_to_invite(
    session: AsyncSession, tenant: str, school_id: UUID
) -> list[StaffContactRow]:
    """The school's staff and the tenant's trajectbegeleiders (who work at no one school)."""
    stmt = (
        select(StaffContactRow)
        .where(
            col(StaffContactRow.tenant) == tenant,
            or_(
                any_(STAFF.c.school_ids) == school_id,
                col(StaffContactRow.role) == "trajectbegeleider",
            ),
        )
        .order_by(col(StaffContactRow.staff_id))
    )
    return list((await session.execute(stmt)).scalars().all())


async def staff_contacts(
    session: AsyncSession, tenant: str, staff_ids: Collection[UUID]
) -> dict[UUID, StaffContactRow]:
    if not staff_ids:
        return {}
    stmt = select(StaffContactRow).where(
        col(StaffContactRow.tenant) == tenant,
        col(StaffContactRow.staff_id).in_(list(staff_ids)),
    )
    return {row.staff_id: row for row in (await session.execute(stmt)).scalars().all()}
