"""Writing the service's events to the outbox, in the caller's transaction."""

from datetime import datetime
from typing import TypedDict
from uuid import UUID

from samen_contract import Envelope, Event
from samen_kit.envelope_facts import about_pupil
from samen_kit.outbox import EventWriter
from sqlalchemy.ext.asyncio import AsyncSession

from samen_plans.adapters.tables import GroeidocumentEntryRow, OppRow


async def emit_for(
    session: AsyncSession,
    writer: EventWriter,
    row: OppRow | GroeidocumentEntryRow,
    event: Event,
    *,
    actor: str,
    at: datetime,
    event_id: UUID | None = None,
) -> Envelope | None:
    """Keyed by the pupil; every event about one OPP shares its correlation id."""
    correlation = row.opp_id if isinstance(row, OppRow) else row.entry_id
    facts = about_pupil(row, actor=actor, at=at, correlation=correlation, event_id=event_id)
    return await writer.emit(session, event, **facts)


class OppIds(TypedDict):
    opp_id: UUID
    pupil_id: UUID
    school_id: UUID


def opp_ids(row: OppRow) -> OppIds:
    """The fields every fact about an OPP opens with (as admissions' `request_ids`)."""
    return {"opp_id": row.opp_id, "pupil_id": row.pupil_id, "school_id": row.school_id}
