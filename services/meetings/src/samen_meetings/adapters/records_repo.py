"""Meeting records, their agreements, and what parents add beside a record."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from uuid import UUID

from samen_kit.access import StaffPrincipal
from samen_kit.tenancy import scoped
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from samen_meetings.adapters.mapping import participant_json
from samen_meetings.adapters.tables import (
    AgreementRow,
    MeetingRecordRow,
    ParentCommentRow,
    RecordAcknowledgementRow,
)
from samen_meetings.domain.parent_response import ParentComment, RecordAcknowledgement
from samen_meetings.domain.record import Agreement, MeetingRecord


class SqlRecords:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    def add(
        self,
        record: MeetingRecord,
        agreements: Iterable[Agreement],
        *,
        tenant: str,
        school_id: UUID,
    ) -> None:
        self._session.add(_record_row(record, tenant, school_id))
        for agreement in agreements:
            self._session.add(_agreement_row(agreement, record.record_id, tenant, school_id))

    async def for_meeting(self, meeting_id: UUID) -> MeetingRecordRow | None:
        stmt = select(MeetingRecordRow).where(col(MeetingRecordRow.meeting_id) == meeting_id)
        return (await self._session.execute(stmt)).scalar_one_or_none()

    async def for_staff(self, staff: StaffPrincipal, record_id: UUID) -> MeetingRecordRow | None:
        stmt = scoped(select(MeetingRecordRow), staff).where(
            col(MeetingRecordRow.record_id) == record_id
        )
        return (await self._session.execute(stmt)).scalar_one_or_none()

    async def get(self, tenant: str, record_id: UUID) -> MeetingRecordRow | None:
        row = await self._session.get(MeetingRecordRow, record_id)
        return row if row is not None and row.tenant == tenant else None

    async def exists_anywhere(self, record_id: UUID) -> MeetingRecordRow | None:
        return await self._session.get(MeetingRecordRow, record_id)

    # --- agreements -----------------------------------------------------------------------

    async def agreements_of_pupil(
        self, tenant: str, pupil_id: UUID, ids: Iterable[UUID], *, lock: bool = False
    ) -> dict[UUID, AgreementRow]:
        wanted = list(set(ids))
        if not wanted:
            return {}
        stmt = select(AgreementRow).where(
            col(AgreementRow.tenant) == tenant,
            col(AgreementRow.pupil_id) == pupil_id,
            col(AgreementRow.agreement_id).in_(wanted),
        )
        if lock:
            stmt = stmt.order_by(col(AgreementRow.agreement_id)).with_for_update()
        return {row.agreement_id: row for row in (await self._session.execute(stmt)).scalars()}

    async def agreements_for_staff(
        self, staff: StaffPrincipal, pupil_id: UUID | None, limit: int
    ) -> Sequence[AgreementRow]:
        stmt = scoped(select(AgreementRow), staff)
        if pupil_id is not None:
            stmt = stmt.where(col(AgreementRow.pupil_id) == pupil_id)
        stmt = stmt.order_by(col(AgreementRow.evaluate_on), col(AgreementRow.agreement_id))
        return (await self._session.execute(stmt.limit(limit))).scalars().all()

    async def agreement_for_staff(
        self, staff: StaffPrincipal, agreement_id: UUID
    ) -> AgreementRow | None:
        stmt = scoped(select(AgreementRow), staff).where(
            col(AgreementRow.agreement_id) == agreement_id
        )
        return (await self._session.execute(stmt)).scalar_one_or_none()

    async def agreement(self, agreement_id: UUID, *, lock: bool = False) -> AgreementRow | None:
        stmt = select(AgreementRow).where(col(AgreementRow.agreement_id) == agreement_id)
        if lock:
            stmt = stmt.with_for_update()
        return (await self._session.execute(stmt)).scalar_one_or_none()

    async def agreements_of_record(self, record_id: UUID) -> Sequence[AgreementRow]:
        stmt = (
            select(AgreementRow)
            .where(col(AgreementRow.record_id) == record_id)
            .order_by(col(AgreementRow.evaluate_on), col(AgreementRow.agreement_id))
        )
        return (await self._session.execute(stmt)).scalars().all()

    @staticmethod
    def mark_evaluated(row: AgreementRow, on: date) -> None:
        row.evaluated_on = on

    # --- what parents add -----------------------------------------------------------------

    async def acknowledge(self, ack: RecordAcknowledgement, *, tenant: str) -> bool:
        """False when this guardian had already acknowledged (a concurrent second click)."""
        stmt = (
            insert(RecordAcknowledgementRow)
            .values(
                record_id=ack.record_id,
                guardian_id=ack.guardian_id,
                tenant=tenant,
                acknowledged_at=ack.acknowledged_at,
            )
            .on_conflict_do_nothing(index_elements=["record_id", "guardian_id"])
            .returning(col(RecordAcknowledgementRow.record_id))
        )
        return (await self._session.execute(stmt)).scalar_one_or_none() is not None

    async def acknowledgements(self, record_id: UUID) -> Sequence[RecordAcknowledgementRow]:
        stmt = (
            select(RecordAcknowledgementRow)
            .where(col(RecordAcknowledgementRow.record_id) == record_id)
            .order_by(col(RecordAcknowledgementRow.acknowledged_at))
        )
        return (await self._session.execute(stmt)).scalars().all()

    def add_comment(self, comment: ParentComment, *, tenant: str) -> None:
        self._session.add(
            ParentCommentRow(
                comment_id=comment.comment_id,
                record_id=comment.record_id,
                tenant=tenant,
                guardian_id=comment.guardian_id,
                text=comment.text,
                added_at=comment.added_at,
            )
        )

    async def comments(self, record_id: UUID) -> Sequence[ParentCommentRow]:
        stmt = (
            select(ParentCommentRow)
            .where(col(ParentCommentRow.record_id) == record_id)
            .order_by(col(ParentCommentRow.added_at), col(ParentCommentRow.comment_id))
        )
        return (await self._session.execute(stmt)).scalars().all()


def _record_row(record: MeetingRecord, tenant: str, school_id: UUID) -> MeetingRecordRow:
    return MeetingRecordRow(
        record_id=record.record_id,
        meeting_id=record.meeting_id,
        tenant=tenant,
        school_id=school_id,
        pupil_id=record.pupil_id,
        recorded_by=record.recorded_by,
        recorded_at=record.recorded_at,
        attended=[participant_json(p) for p in record.attended],
        strengths=list(record.strengths),
        concerns=list(record.concerns),
        guardian_view=record.guardian_view,
        guardian_support_needs=record.guardian_support_needs,
        goals=list(record.goals),
        next_steps=list(record.next_steps),
        agreement_ids=[str(a) for a in record.agreement_ids],
    )


def _agreement_row(
    agreement: Agreement, record_id: UUID, tenant: str, school_id: UUID
) -> AgreementRow:
    return AgreementRow(
        agreement_id=agreement.agreement_id,
        tenant=tenant,
        school_id=school_id,
        pupil_id=agreement.pupil_id,
        meeting_id=agreement.meeting_id,
        record_id=record_id,
        what=agreement.what,
        responsible_id=agreement.responsible.person_id,
        responsible_role=agreement.responsible.role.value,
        due_on=agreement.due_on,
        evaluate_on=agreement.evaluate_on,
    )
