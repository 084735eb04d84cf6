"""What parents do on their pages: answer an invitation; read, acknowledge and comment
on a record. A link opens one item of one pupil; the guardian session started from any
link also opens every meeting and record about a child of whom the guardian has
parental authority (ADR 0017). The standing is checked against this service's own
projection."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from uuid import UUID, uuid4

from samen_kit.access import GuardianClaims, GuardianItem
from samen_kit.access.reach import reaches

from samen_meetings.adapters.mapping import meeting_of, record_of
from samen_meetings.adapters.tables import (
    AgreementRow,
    InvitationAnswerRow,
    MeetingRecordRow,
    MeetingRow,
    ParentCommentRow,
)
from samen_meetings.adapters.uow import UnitOfWork
from samen_meetings.domain.invitation import Answer, InvitationAnswer, answer_invitation
from samen_meetings.domain.parent_response import acknowledge_record, add_parent_comment
from samen_meetings.handlers import payloads
from samen_meetings.handlers.context import Cause, Context, facts
from samen_meetings.handlers.lookups import Miss, UnknownResource

MEETING_ITEM = "meeting"
RECORD_ITEM = "meeting_record"
AUTHORITY = "parental_authority"


@dataclass(frozen=True)
class InvitationView:
    meeting: MeetingRow
    answers: Sequence[InvitationAnswerRow]  # this guardian's, oldest first


@dataclass(frozen=True)
class RecordView:
    record: MeetingRecordRow
    meeting: MeetingRow
    agreements: Sequence[AgreementRow]
    acknowledged: bool
    comments: Sequence[ParentCommentRow]  # this guardian's own


async def invitation(ctx: Context, claims: GuardianClaims, meeting_id: UUID) -> InvitationView:
    async with ctx.unit_of_work() as uow:
        row = await _invited_meeting(uow, claims, meeting_id)
        answers = await uow.meetings.answers(meeting_id)
        own = [a for a in answers if a.guardian_id == claims.guardian_id]
    return InvitationView(row, own)


async def answer(
    ctx: Context, claims: GuardianClaims, meeting_id: UUID, choice: Answer, note: str
) -> InvitationAnswer:
    async with ctx.unit_of_work() as uow:
        row = await _invited_meeting(uow, claims, meeting_id, lock=True)
        given = answer_invitation(
            meeting_of(row), uuid4(), claims.guardian_id, choice, note, ctx.now()
        )
        uow.meetings.add_answer(given, tenant=row.tenant, revision=row.revision)
        await uow.emit(payloads.answered(row, given), **facts(row, Cause(claims.actor), ctx.now()))
    return given


async def record(ctx: Context, claims: GuardianClaims, record_id: UUID) -> RecordView:
    async with ctx.unit_of_work() as uow:
        return await _record_view(uow, claims, record_id)


async def acknowledge(ctx: Context, claims: GuardianClaims, record_id: UUID) -> bool:
    """True when this was the guardian's first acknowledgement of the record."""
    async with ctx.unit_of_work() as uow:
        view = await _record_view(uow, claims, record_id)
        readers = await _readers(uow, view.record)
        done = {a.guardian_id for a in await uow.records.acknowledgements(record_id)}
        ack = acknowledge_record(
            record_of(view.record), claims.guardian_id, readers, done, ctx.now()
        )
        if ack is None or not await uow.records.acknowledge(ack, tenant=view.record.tenant):
            return False
        event = payloads.acknowledged(
            ack, view.meeting.meeting_id, view.record.pupil_id, view.record.school_id
        )
        await uow.emit(event, **facts(view.record, Cause(claims.actor), ctx.now()))
    return True


async def comment(ctx: Context, claims: GuardianClaims, record_id: UUID, text: str) -> None:
    async with ctx.unit_of_work() as uow:
        view = await _record_view(uow, claims, record_id)
        readers = await _readers(uow, view.record)
        added = add_parent_comment(
            record_of(view.record), uuid4(), claims.guardian_id, text, readers, ctx.now()
        )
        uow.records.add_comment(added, tenant=view.record.tenant)
        event = payloads.commented(
            added, view.meeting.meeting_id, view.record.pupil_id, view.record.school_id
        )
        await uow.emit(event, **facts(view.record, Cause(claims.actor), ctx.now()))


async def _invited_meeting(
    uow: UnitOfWork, claims: GuardianClaims, meeting_id: UUID, *, lock: bool = False
) -> MeetingRow:
    """The meeting the link is for, if the guardian still has authority for the pupil."""
    row = await uow.meetings.get(claims.tenant, meeting_id, lock=lock)
    if row is None:
        raise _unknown(claims, MEETING_ITEM, meeting_id, Miss.NOT_FOUND)
    named = (GuardianItem.of(MEETING_ITEM, meeting_id),)
    if not await reaches(claims, row.pupil_id, named, uow.projections.roster.has_authority):
        raise _unknown(claims, MEETING_ITEM, meeting_id, Miss.OUT_OF_SCOPE)
    guardians = await uow.projections.guardians(row.tenant, row.pupil_id)
    if guardians.get(claims.guardian_id) != AUTHORITY:
        raise _unknown(claims, MEETING_ITEM, meeting_id, Miss.OUT_OF_SCOPE)
    return row


async def _record_view(uow: UnitOfWork, claims: GuardianClaims, record_id: UUID) -> RecordView:
    """Guardians with authority and those with the right to information read records."""
    row = await uow.records.get(claims.tenant, record_id)
    if row is None:
        raise _unknown(claims, RECORD_ITEM, record_id, Miss.NOT_FOUND)
    # The link names the record, or the meeting it records (one record per meeting).
    named = (
        GuardianItem.of(RECORD_ITEM, row.record_id),
        GuardianItem.of(RECORD_ITEM, row.meeting_id),
    )
    bound = await reaches(claims, row.pupil_id, named, uow.projections.roster.has_authority)
    if not bound or claims.guardian_id not in await _readers(uow, row):
        raise _unknown(claims, RECORD_ITEM, record_id, Miss.OUT_OF_SCOPE)
    meeting = await uow.meetings.get(row.tenant, row.meeting_id)
    assert meeting is not None  # a record always has its meeting
    acks = await uow.records.acknowledgements(record_id)
    comments = await uow.records.comments(record_id)
    return RecordView(
        record=row,
        meeting=meeting,
        agreements=await uow.records.agreements_of_record(record_id),
        acknowledged=any(a.guardian_id == claims.guardian_id for a in acks),
        comments=[c for c in comments if c.guardian_id == claims.guardian_id],
    )


async def _readers(uow: UnitOfWork, row: MeetingRecordRow) -> frozenset[UUID]:
    return frozenset(await uow.projections.guardians(row.tenant, row.pupil_id))


def _unknown(claims: GuardianClaims, kind: str, item_id: UUID, miss: Miss) -> UnknownResource:
    return UnknownResource(kind, item_id, miss, claims.tenant)
