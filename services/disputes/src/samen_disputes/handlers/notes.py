"""Notes on a dispute's file, from guardians or staff. The text stays here; the bus only
learns that a note was added (`DisputeNoteAdded`, ids and the side)."""

from uuid import UUID, uuid4

from samen_contract.events.disputes import DisputeNoteAdded

from samen_disputes.adapters.tables import NoteRow
from samen_disputes.domain import opener_of
from samen_disputes.handlers.access import dispute_for
from samen_disputes.handlers.context import Acting, Deps
from samen_disputes.handlers.emitting import about_dispute


async def add_note(deps: Deps, acting: Acting, dispute_id: UUID, text: str) -> UUID:
    now = deps.clock.now()
    side = str(opener_of(acting.actor.role))
    async with deps.unit_of_work() as uow:
        row = await dispute_for(uow, acting, dispute_id)
        note = NoteRow(
            id=uuid4(),
            dispute_id=row.id,
            tenant=row.tenant,
            author=acting.envelope_actor,
            side=side,
            at=now,
            text=text,
        )
        uow.disputes.add(note)
        await uow.flush()  # the note row before the event that names it
        event = DisputeNoteAdded(
            dispute_id=row.id,
            pupil_id=row.pupil_id,
            school_id=row.school_id,
            note_id=note.id,
            added_by=side,
        )
        await uow.emit(event, **about_dispute(row, acting.envelope_actor, now))
    return note.id
