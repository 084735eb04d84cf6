"""The read model in PostgreSQL: pupils' places, their facts and the worklist."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from samen_portal.adapters.tables import fact, file_view, pupil, work_item
from samen_portal.domain.facts import PupilFact
from samen_portal.domain.scope import Place, Reach
from samen_portal.domain.worklist import Change, Close, ItemKind, Open

LIVE_CHANNEL = "samen_portal_pupil"


@dataclass(frozen=True)
class PupilRow:
    tenant: str
    pupil_id: UUID
    school_id: UUID
    board_id: str | None
    group: str | None
    enrolled_on: date | None
    left_on: date | None

    @property
    def place(self) -> Place:
        return Place(self.tenant, self.school_id, self.board_id, self.group)


@dataclass(frozen=True)
class WorkRow:
    pupil_id: UUID
    school_id: UUID
    kind: ItemKind
    ref: str
    due_on: date | None
    opened_at: datetime


class ReadModel:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    # Writing -------------------------------------------------------------------------

    async def enrol(
        self,
        tenant: str,
        pupil_id: UUID,
        school_id: UUID,
        board_id: str | None,
        group: str | None,
        enrolled_on: date,
        at: datetime,
    ) -> None:
        values = {
            "school_id": school_id,
            "board_id": board_id,
            "enrolled_on": enrolled_on,
            "left_on": None,
            "changed_at": at,
        }
        if group is not None:  # an enrolment without a group keeps the one known
            values["group_code"] = group
        statement = insert(pupil).values(tenant=tenant, pupil_id=pupil_id, **values)
        await self._session.execute(
            statement.on_conflict_do_update(index_elements=["tenant", "pupil_id"], set_=values)
        )

    async def regroup(
        self, tenant: str, pupil_id: UUID, school_id: UUID, group: str | None, at: datetime
    ) -> None:
        """The pupil moved class: teachers' reach follows the new group."""
        await self._change_at_school(tenant, pupil_id, school_id, group_code=group, changed_at=at)

    async def leave(
        self, tenant: str, pupil_id: UUID, school_id: UUID, left_on: date, at: datetime
    ) -> None:
        await self._change_at_school(tenant, pupil_id, school_id, left_on=left_on, changed_at=at)

    async def _change_at_school(
        self, tenant: str, pupil_id: UUID, school_id: UUID, **values: object
    ) -> None:
        """Change the pupil only while at `school_id`: a move or a leaving at a school the
        pupil has since left changes nothing."""
        await self._session.execute(
            sa.update(pupil)
            .where(
                pupil.c.tenant == tenant,
                pupil.c.pupil_id == pupil_id,
                pupil.c.school_id == school_id,
            )
            .values(**values)
        )

    async def add_fact(self, found: PupilFact) -> bool:
        """Keep `found`; False when it was kept before (a redelivery)."""
        # The table's columns are the fact's fields, one for one.
        statement = (
            insert(fact).values(**asdict(found)).on_conflict_do_nothing(index_elements=["event_id"])
        )
        result = await self._session.execute(statement)
        return bool(getattr(result, "rowcount", 0))

    async def apply(self, found: PupilFact, change: Change) -> None:
        key = {"tenant": found.tenant, "pupil_id": found.pupil_id}
        if isinstance(change, Open):
            values = {"due_on": change.due_on, "opened_at": found.at, "closed_at": None}
            statement = insert(work_item).values(kind=change.kind.value, ref=change.ref, **key)
            await self._session.execute(
                statement.values(**values).on_conflict_do_update(
                    index_elements=["tenant", "pupil_id", "kind", "ref"], set_=values
                )
            )
            return
        assert isinstance(change, Close)
        await self._session.execute(
            sa.update(work_item)
            .where(
                work_item.c.tenant == found.tenant,
                work_item.c.pupil_id == found.pupil_id,
                work_item.c.kind.in_([k.value for k in change.kinds]),
                work_item.c.ref == change.ref,
                work_item.c.closed_at.is_(None),
            )
            .values(closed_at=found.at)
        )

    async def close_item(
        self, tenant: str, pupil_id: UUID, kind: ItemKind, ref: str, at: datetime
    ) -> bool:
        """Staff marked an item done (e.g. they answered a parent's comment)."""
        result = await self._session.execute(
            sa.update(work_item)
            .where(
                work_item.c.tenant == tenant,
                work_item.c.pupil_id == pupil_id,
                work_item.c.kind == kind.value,
                work_item.c.ref == ref,
                work_item.c.closed_at.is_(None),
            )
            .values(closed_at=at)
        )
        return bool(getattr(result, "rowcount", 0))

    async def announce(self, tenant: str, pupil_id: UUID) -> None:
        """Tell open pupil pages (every instance) once this transaction commits."""
        await self._session.execute(
            sa.text("SELECT pg_notify(:channel, :payload)"),
            {"channel": LIVE_CHANNEL, "payload": f"{tenant} {pupil_id}"},
        )

    # Reading -------------------------------------------------------------------------

    async def pupil(self, tenant: str, pupil_id: UUID) -> PupilRow | None:
        row = (
            await self._session.execute(
                sa.select(pupil).where(pupil.c.tenant == tenant, pupil.c.pupil_id == pupil_id)
            )
        ).first()
        return None if row is None else _pupil_row(row)

    async def file_views(self, tenant: str, pupil_id: UUID) -> list[tuple[str | None, date]]:
        """Each recorded view of the pupil's file: the viewer's role and the day."""
        statement = sa.select(file_view.c.viewer_role, file_view.c.day).where(
            file_view.c.tenant == tenant, file_view.c.pupil_id == pupil_id
        )
        return [(r.viewer_role, r.day) for r in (await self._session.execute(statement)).all()]

    async def pupils(self, where: Reach, *, starting: str = "", limit: int = 50) -> list[PupilRow]:
        """Pupils in reach whose id starts with `starting` (ids are what staff share)."""
        statement = sa.select(pupil).where(*_in_reach(where))
        if starting:
            statement = statement.where(sa.cast(pupil.c.pupil_id, sa.String).startswith(starting))
        statement = statement.order_by(pupil.c.school_id, pupil.c.pupil_id).limit(limit)
        return [_pupil_row(r) for r in (await self._session.execute(statement)).all()]

    async def schools(self, where: Reach) -> list[UUID]:
        """The schools in reach with a pupil on their roster."""
        statement = sa.select(pupil.c.school_id).where(*_in_reach(where)).distinct()
        return list((await self._session.execute(statement)).scalars())

    async def groups(self, where: Reach) -> list[tuple[UUID, str]]:
        """(school, group code) of every class group in reach with a pupil still on the
        roster, by school and code."""
        statement = (
            sa.select(pupil.c.school_id, pupil.c.group_code)
            .where(*_in_reach(where), pupil.c.group_code.is_not(None), pupil.c.left_on.is_(None))
            .distinct()
            .order_by(pupil.c.school_id, pupil.c.group_code)
        )
        return [(r.school_id, r.group_code) for r in (await self._session.execute(statement))]

    async def facts(self, tenant: str, pupil_id: UUID) -> list[PupilFact]:
        rows = await self._session.execute(
            sa.select(fact)
            .where(fact.c.tenant == tenant, fact.c.pupil_id == pupil_id)
            .order_by(fact.c.at.desc(), fact.c.event_id)
        )
        return [_fact(r) for r in rows.all()]

    async def open_items(
        self, where: Reach, *, pupil_id: UUID | None = None, limit: int = 200
    ) -> list[WorkRow]:
        statement = (
            sa.select(work_item, pupil.c.school_id)
            .join(
                pupil,
                sa.and_(
                    pupil.c.tenant == work_item.c.tenant,
                    pupil.c.pupil_id == work_item.c.pupil_id,
                ),
            )
            .where(work_item.c.closed_at.is_(None), *_in_reach(where))
        )
        if pupil_id is not None:
            statement = statement.where(work_item.c.pupil_id == pupil_id)
        statement = statement.order_by(
            work_item.c.due_on.asc().nulls_last(), work_item.c.opened_at
        ).limit(limit)
        return [
            WorkRow(r.pupil_id, r.school_id, ItemKind(r.kind), r.ref, r.due_on, r.opened_at)
            for r in (await self._session.execute(statement)).all()
        ]

    async def school_facts(self, where: Reach, kinds: tuple[str, ...]) -> list[tuple[Any, ...]]:
        """(school, kind, ref, at, due, details) of the facts of `kinds` in reach, for the
        overview and the inspectie."""
        statement = (
            sa.select(
                pupil.c.school_id,
                fact.c.kind,
                fact.c.ref_id,
                fact.c.at,
                fact.c.due_on,
                fact.c.details,
            )
            .join(
                pupil,
                sa.and_(pupil.c.tenant == fact.c.tenant, pupil.c.pupil_id == fact.c.pupil_id),
            )
            .where(fact.c.kind.in_(kinds), *_in_reach(where))
        )
        return [tuple(r) for r in (await self._session.execute(statement)).all()]


def _in_reach(where: Reach) -> list[sa.ColumnElement[bool]]:
    clauses: list[sa.ColumnElement[bool]] = [pupil.c.tenant == where.tenant]
    if where.schools is not None or where.boards is not None:
        schools = [UUID(s) for s in (where.schools or ()) if is_uuid(s)]
        clauses.append(
            sa.or_(
                pupil.c.school_id.in_(schools),
                pupil.c.board_id.in_(list(where.boards or ())),
            )
        )
    if where.groups is not None:
        clauses.append(pupil.c.group_code.in_(list(where.groups)))
    return clauses


def is_uuid(value: str) -> bool:
    try:
        UUID(value)
    except ValueError:
        return False
    return True


def _pupil_row(row: Any) -> PupilRow:
    return PupilRow(
        row.tenant,
        row.pupil_id,
        row.school_id,
        row.board_id,
        row.group_code,
        row.enrolled_on,
        row.left_on,
    )


def _fact(row: Any) -> PupilFact:
    """A row of the facts table (its columns are the dataclass's fields)."""
    return PupilFact(**{**row._mapping, "details": dict(row.details)})
