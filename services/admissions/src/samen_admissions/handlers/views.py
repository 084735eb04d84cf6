"""What staff and guardians read: a request with its advice and terms."""

from collections.abc import Sequence
from dataclasses import dataclass
from uuid import UUID

from samen_admissions.adapters.requests import Row, SqlRows
from samen_admissions.adapters.tables import AdviceRow, RequestRow
from samen_admissions.handlers.access import request_for, row_for
from samen_admissions.handlers.context import Acting, Deps, StaffActing


@dataclass(frozen=True)
class RequestFile:
    row: RequestRow
    advices: Sequence[AdviceRow]


async def request_file(deps: Deps, acting: Acting, request_id: UUID) -> RequestFile:
    async with deps.sessions() as session:
        row = await request_for(session, acting, request_id, to_act=False)
        return RequestFile(row, await SqlRows(session).advices(row.id))


async def listed(deps: Deps, acting: StaffActing, model: type[Row]) -> list[Row]:
    async with deps.sessions() as session:
        return await SqlRows(session).list_visible(model, acting.staff)


async def one(deps: Deps, acting: StaffActing, model: type[Row], kind: str, row_id: UUID) -> Row:
    async with deps.sessions() as session:
        return await row_for(session, acting, model, kind, row_id)
