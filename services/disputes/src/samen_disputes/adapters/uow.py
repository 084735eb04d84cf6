"""One transaction and the repositories that work in it; the caller's block commits."""

from samen_kit.roster import Roster
from samen_kit.uow import UnitOfWork as KitUnitOfWork
from sqlalchemy.ext.asyncio import AsyncSession

from samen_disputes.adapters.config import SqlTenantConfigs
from samen_disputes.adapters.disputes import SqlDisputes
from samen_disputes.adapters.due import SqlDueLog
from samen_disputes.adapters.opps import SqlOpps
from samen_disputes.adapters.school_kinds import SqlSchoolKinds


class UnitOfWork(KitUnitOfWork):
    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session)
        self.disputes = SqlDisputes(session)
        self.configs = SqlTenantConfigs(session)
        self.opps = SqlOpps(session)
        self.due_log = SqlDueLog(session)
        self.roster = Roster(session)
        self.school_kinds = SqlSchoolKinds(session)
