"""What staff read: a meeting with its answers, a record with what parents added, an
OPP as the plans service's facts describe it and whether it is contested, a pupil as
this service sees it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from uuid import UUID

from samen_kit.access import StaffPrincipal
from samen_kit.roster import Pupil

from samen_meetings.adapters.projection_tables import OppRow
from samen_meetings.adapters.tables import (
    AgreementRow,
    InvitationAnswerRow,
    MeetingRecordRow,
    MeetingRow,
    ParentCommentRow,
    RecordAcknowledgementRow,
)
from samen_meetings.adapters.uow import UnitOfWork
from samen_meetings.domain.consent_gate import PupilConsents
from samen_meetings.handlers.context import Context
from samen_meetings.handlers.lookups import (
    Miss,
    UnknownResource,
    visible_meeting,
    visible_opp,
    visible_pupil,
    visible_record,
)

MAX_LIST = 200


@dataclass(frozen=True)
class MeetingDetails:
    meeting: MeetingRow
    answers: Sequence[InvitationAnswerRow]
    record_id: UUID | None
    opp_disputes: Sequence[UUID]  # open disputes about the OPP it evaluates


@dataclass(frozen=True)
class RecordDetails:
    record: MeetingRecordRow
    agreements: Sequence[AgreementRow]
    acknowledgements: Sequence[RecordAcknowledgementRow]
    comments: Sequence[ParentCommentRow]


@dataclass(frozen=True)
class OppDetails:
    opp: OppRow
    dispute_ids: Sequence[UUID]


@dataclass(frozen=True)
class PupilDetails:
    pupil: Pupil
    guardians: dict[UUID, str]
    consents: PupilConsents
    opps: Sequence[OppDetails]


async def meeting(ctx: Context, staff: StaffPrincipal, meeting_id: UUID) -> MeetingDetails:
    async with ctx.unit_of_work() as uow:
        return await _meeting(uow, await visible_meeting(uow, staff, meeting_id))


async def meetings(
    ctx: Context, staff: StaffPrincipal, pupil_id: UUID | None
) -> list[MeetingDetails]:
    async with ctx.unit_of_work() as uow:
        rows = await uow.meetings.list_for_staff(staff, pupil_id, MAX_LIST)
        return [await _meeting(uow, row) for row in rows]


async def _meeting(uow: UnitOfWork, row: MeetingRow) -> MeetingDetails:
    record = await uow.records.for_meeting(row.meeting_id)
    disputes: Sequence[UUID] = ()
    if row.evaluates_opp_id is not None:
        disputes = await uow.projections.open_disputes(
            row.tenant, row.pupil_id, row.evaluates_opp_id
        )
    answers = await uow.meetings.answers(row.meeting_id)
    return MeetingDetails(row, answers, record.record_id if record else None, disputes)


async def record_of_meeting(ctx: Context, staff: StaffPrincipal, meeting_id: UUID) -> RecordDetails:
    async with ctx.unit_of_work() as uow:
        row = await visible_meeting(uow, staff, meeting_id)
        record = await uow.records.for_meeting(row.meeting_id)
        if record is None:
            raise UnknownResource("meeting_record", meeting_id, Miss.NOT_FOUND, staff.tenant)
        return await _record(uow, record)


async def record(ctx: Context, staff: StaffPrincipal, record_id: UUID) -> RecordDetails:
    async with ctx.unit_of_work() as uow:
        return await _record(uow, await visible_record(uow, staff, record_id))


async def _record(uow: UnitOfWork, row: MeetingRecordRow) -> RecordDetails:
    return RecordDetails(
        record=row,
        agreements=await uow.records.agreements_of_record(row.record_id),
        acknowledgements=await uow.records.acknowledgements(row.record_id),
        comments=await uow.records.comments(row.record_id),
    )


async def agreements(
    ctx: Context, staff: StaffPrincipal, pupil_id: UUID | None
) -> Sequence[AgreementRow]:
    async with ctx.unit_of_work() as uow:
        return await uow.records.agreements_for_staff(staff, pupil_id, MAX_LIST)


async def agreement(ctx: Context, staff: StaffPrincipal, agreement_id: UUID) -> AgreementRow:
    async with ctx.unit_of_work() as uow:
        row = await uow.records.agreement_for_staff(staff, agreement_id)
        if row is None:
            found = await uow.records.agreement(agreement_id)
            miss = _miss_of(staff, found.tenant if found else None)
            raise UnknownResource("agreement", agreement_id, miss, staff.tenant)
        return row


async def opp(ctx: Context, staff: StaffPrincipal, opp_id: UUID) -> OppDetails:
    async with ctx.unit_of_work() as uow:
        return await _opp(uow, await visible_opp(uow, staff, opp_id))


async def opps(ctx: Context, staff: StaffPrincipal, pupil_id: UUID | None) -> list[OppDetails]:
    async with ctx.unit_of_work() as uow:
        rows = await uow.opps.list_for_staff(staff, pupil_id, MAX_LIST)
        return [await _opp(uow, row) for row in rows]


async def _opp(uow: UnitOfWork, row: OppRow) -> OppDetails:
    disputes = await uow.projections.open_disputes(row.tenant, row.pupil_id, row.opp_id)
    return OppDetails(row, disputes)


async def pupil(ctx: Context, staff: StaffPrincipal, pupil_id: UUID) -> PupilDetails:
    async with ctx.unit_of_work() as uow:
        row = await visible_pupil(uow, staff, pupil_id)
        opp_rows = await uow.opps.list_for_staff(staff, pupil_id, MAX_LIST)
        return PupilDetails(
            pupil=row,
            guardians=await uow.projections.guardians(row.tenant, pupil_id),
            consents=await uow.projections.consents(row.tenant, pupil_id),
            opps=[await _opp(uow, o) for o in opp_rows],
        )


def _miss_of(staff: StaffPrincipal, tenant: str | None) -> Miss:
    if tenant is None:
        return Miss.NOT_FOUND
    return Miss.OTHER_TENANT if tenant != staff.tenant else Miss.OUT_OF_SCOPE
