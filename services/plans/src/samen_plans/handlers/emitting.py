"""Writing the service's events to the outbox, in the caller's transaction."""

from datetime import datetime
from uuid import UUID

from samen_contract import Envelope, Event
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
    return await writer.emit(
        session,
        event,
        tenant=row.tenant,
        subject=str(row.pupil_id),
        actor=actor,
        board=row.board_id,
        school=str(row.school_id),
        correlationid=str(correlation),
        event_id=event_id,
        time=at,
    )
