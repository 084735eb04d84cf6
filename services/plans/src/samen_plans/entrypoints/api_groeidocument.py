"""Staff routes on the pupil's groeidocument."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, status

from samen_plans.adapters.tables import GroeidocumentEntryRow
from samen_plans.entrypoints.api_opps import PROBLEMS
from samen_plans.entrypoints.permissions import FileReader, FileWriter
from samen_plans.entrypoints.schemas import EntryIn, EntryList, EntryOut
from samen_plans.handlers import groeidocument
from samen_plans.handlers.context import Context


def entry_out(row: GroeidocumentEntryRow) -> EntryOut:
    return EntryOut(
        entry_id=row.entry_id,
        pupil_id=row.pupil_id,
        kind=row.kind,
        text=row.text,
        test_name=row.test_name,
        taken_on=row.taken_on,
        by=row.by_role,
        added_at=row.added_at,
    )


def groeidocument_router(deps: Context) -> APIRouter:
    router = APIRouter(tags=["groeidocument"], responses=PROBLEMS)

    @router.post("/pupils/{pupil_id}/groeidocument", status_code=status.HTTP_201_CREATED)
    async def add_entry(staff: FileWriter, pupil_id: UUID, body: EntryIn) -> EntryOut:
        """An observation, a test taken (name and day), earlier support and its result,
        the parents' or the pupil's view (`GroeidocumentEntryAdded`, without the words)."""
        entry = groeidocument.NewEntry(body.kind, body.text, body.test_name, body.taken_on)
        return entry_out(await groeidocument.add_by_staff(deps, staff, pupil_id, entry))

    @router.get("/pupils/{pupil_id}/groeidocument")
    async def entries(staff: FileReader, pupil_id: UUID) -> EntryList:
        rows = await groeidocument.entries_for_staff(deps, staff, pupil_id)
        return EntryList(items=[entry_out(r) for r in rows])

    return router
