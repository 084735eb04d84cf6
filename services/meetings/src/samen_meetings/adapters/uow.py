"""One transaction and the repositories that work in it; the caller's block commits."""

from __future__ import annotations

from samen_kit.uow import UnitOfWork as KitUnitOfWork
from sqlalchemy.ext.asyncio import AsyncSession

from samen_meetings.adapters.meetings_repo import SqlMeetings
from samen_meetings.adapters.opps_repo import SqlOpps
from samen_meetings.adapters.projections import SqlProjections
from samen_meetings.adapters.records_repo import SqlRecords
from samen_meetings.adapters.settings_repo import SqlTenantSettings


class UnitOfWork(KitUnitOfWork):
    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session)
        self.projections = SqlProjections(session)
        self.meetings = SqlMeetings(session)
        self.records = SqlRecords(session)
        self.opps = SqlOpps(session)
        self.settings = SqlTenantSettings(session)
