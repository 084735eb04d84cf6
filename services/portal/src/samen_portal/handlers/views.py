"""Who looked at a pupil's file: one row per user, pupil and day; the first view of a
day also writes `PupilFileViewed` to the outbox, in the same transaction."""

from __future__ import annotations

from datetime import datetime

from samen_contract.events.portal import PupilFileViewed
from samen_contract.ids import deterministic_event_id
from samen_kit.envelope_facts import about_pupil
from samen_kit.outbox import emit
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from samen_portal.adapters.readmodel import PupilRow
from samen_portal.adapters.tables import file_view
from samen_portal.domain.scope import Viewer
from samen_portal.entrypoints.presenting import AMSTERDAM


async def record_view(
    sessions: async_sessionmaker[AsyncSession], viewer: Viewer, pupil: PupilRow, now: datetime
) -> None:
    day = now.astimezone(AMSTERDAM).date()
    actor = viewer.principal.actor
    async with sessions() as session, session.begin():
        statement = insert(file_view).values(
            tenant=pupil.tenant,
            pupil_id=pupil.pupil_id,
            viewer=actor,
            day=day,
            views=1,
            viewer_role=viewer.role.value,
        )
        result = await session.execute(
            statement.on_conflict_do_update(
                index_elements=["tenant", "pupil_id", "viewer", "day"],
                set_={"views": file_view.c.views + 1},
            ).returning(file_view.c.views)
        )
        if result.scalar_one() != 1:
            return
        event = PupilFileViewed(
            pupil_id=pupil.pupil_id,
            school_id=pupil.school_id,
            day=day,
            viewer_role=viewer.role.value,
        )
        event_id = deterministic_event_id(
            "portal.viewed", pupil.tenant, str(pupil.pupil_id), actor, day.isoformat()
        )
        await emit(session, event, **about_pupil(pupil, actor=actor, at=now, event_id=event_id))
