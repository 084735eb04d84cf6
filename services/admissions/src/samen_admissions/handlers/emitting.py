"""Writing the service's events to the outbox, in the caller's transaction."""

from datetime import datetime
from typing import TypedDict
from uuid import UUID

from samen_contract import Envelope, Event
from samen_kit.envelope_facts import about_pupil
from samen_kit.outbox import EventWriter
from sqlalchemy.ext.asyncio import AsyncSession

from samen_admissions.adapters.tables import AbsenceRow, RegistrationRow, RequestRow


async def emit_for(
    session: AsyncSession,
    writer: EventWriter,
    row: RequestRow | RegistrationRow | AbsenceRow,
    event: Event,
    *,
    actor: str,
    at: datetime,
    event_id: UUID | None = None,
) -> Envelope | None:
    """Keyed by the pupil; every event of one request (registration, absence) shares
    its correlation id."""
    facts = about_pupil(row, actor=actor, at=at, correlation=row.id, event_id=event_id)
    return await writer.emit(session, event, **facts)


class RequestIds(TypedDict):
    """The fields every `RequestFact` opens with."""

    request_id: UUID
    pupil_id: UUID
    school_id: UUID


def request_ids(row: RequestRow) -> RequestIds:
    return RequestIds(request_id=row.id, pupil_id=row.pupil_id, school_id=row.school_id)
