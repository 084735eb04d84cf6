"""Applying the roster facts to the projection, inside the consumer's transaction (the
kit's consumer has already dropped duplicates and facts older than one applied)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from uuid import UUID

from samen_contract import Envelope, Event
from sqlalchemy import Executable, Table, case, delete, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from samen_kit.consumer import Delivery
from samen_kit.roster.facts import (
    Enrolment,
    GroupChange,
    Guardianship,
    GuardianshipEnd,
    Leaving,
    RosterChange,
    roster_change,
)
from samen_kit.roster.tables import GUARDIANSHIP, PUPIL


async def apply_roster_fact(session: AsyncSession, envelope: Envelope, event: Event | None) -> bool:
    """Apply `event` if it is a roster fact; True when it was one."""
    change = roster_change(envelope, event)
    if change is None:
        return False
    await apply_change(session, change)
    return True


async def roster_handler(session: AsyncSession, delivery: Delivery) -> None:
    """A consumer handler (`runtime.add_consumer`) that keeps only the roster projection."""
    await apply_roster_fact(session, delivery.envelope, delivery.event)


async def apply_change(session: AsyncSession, change: RosterChange) -> None:
    stmt: Executable
    key = {"tenant": change.tenant, "pupil_id": change.pupil_id}
    match change:
        case Enrolment():
            values = {
                "school_id": change.school_id,
                "board_id": change.board_id,
                "enrolled_on": change.enrolled_on,
                "left_on": None,
            }
            row = {**key, **values, "group_code": change.group}
            stmt = _upsert(PUPIL, row, {**values, "group_code": _group_after_enrolment(change)})
        case GroupChange():
            stmt = (
                update(PUPIL)
                .where(
                    PUPIL.c.tenant == change.tenant,
                    PUPIL.c.pupil_id == change.pupil_id,
                    PUPIL.c.school_id == change.school_id,  # a move at a school since left
                )
                .values(group_code=change.group)
            )
        case Leaving():
            row = {**key, "school_id": change.school_id, "left_on": change.left_on}
            at_that_school = PUPIL.c.school_id == change.school_id
            stmt = _upsert(PUPIL, row, {"left_on": change.left_on}, where=at_that_school)
        case Guardianship():
            row = {**key, "guardian_id": change.guardian_id, "standing": change.standing}
            stmt = _upsert(GUARDIANSHIP, row, {"standing": change.standing})
        case GuardianshipEnd():
            stmt = delete(GUARDIANSHIP).where(
                GUARDIANSHIP.c.tenant == change.tenant,
                GUARDIANSHIP.c.pupil_id == change.pupil_id,
                GUARDIANSHIP.c.guardian_id == change.guardian_id,
            )
    await session.execute(stmt)


def _upsert(
    table: Table, row: dict[str, Any], set_: dict[str, Any], where: Any = None
) -> Executable:
    """Insert `row`, or update the one with the same primary key (the projection's key:
    tenant and pupil, and guardian for a guardianship) with `set_` where `where` holds."""
    keys = list(table.primary_key.columns)
    return (
        insert(table)
        .values(**row)
        .on_conflict_do_update(index_elements=keys, set_=set_, where=where)
    )


def _group_after_enrolment(change: Enrolment) -> Any:
    """The enrolment's group; without one, the group known at the same school (a roster
    that names no groups), and none after a move to another school."""
    if change.group is not None:
        return change.group
    return case((PUPIL.c.school_id == change.school_id, PUPIL.c.group_code), else_=None)


PLACED_PER_STATEMENT = 5000  # 3 parameters a row: within PostgreSQL's 32,767


async def place_pupils(
    session: AsyncSession, tenant: str, school_id: UUID, pupil_ids: Iterable[UUID]
) -> None:
    """Pupils the roster has not told of yet, at the school another source names (a
    fact about them, a contact import); once the roster has, it alone says where the
    pupil is. In pupil id order, the order in which consumers take these rows."""
    rows = [
        {"tenant": tenant, "pupil_id": pupil_id, "school_id": school_id}
        for pupil_id in sorted(set(pupil_ids))
    ]
    for start in range(0, len(rows), PLACED_PER_STATEMENT):
        stmt = insert(PUPIL).values(rows[start : start + PLACED_PER_STATEMENT])
        await session.execute(stmt.on_conflict_do_nothing())
