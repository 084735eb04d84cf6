"""Meetings and invitation answers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from uuid import UUID

from samen_kit.access import StaffPrincipal
from samen_kit.tenancy import scoped
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from samen_meetings.adapters.tables import InvitationAnswerRow, MeetingRow
from samen_meetings.domain.invitation import InvitationAnswer
from samen_meetings.domain.meeting import MeetingStatus


class SqlMeetings:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    def add(self, row: MeetingRow) -> None:
        self._session.add(row)

    async def for_staff(
        self, staff: StaffPrincipal, meeting_id: UUID, *, lock: bool = False
    ) -> MeetingRow | None:
        stmt = scoped(select(MeetingRow), staff).where(col(MeetingRow.meeting_id) == meeting_id)
        if lock:
            stmt = stmt.with_for_update()
        return (await self._session.execute(stmt)).scalar_one_or_none()

    async def get(self, tenant: str, meeting_id: UUID, *, lock: bool = False) -> MeetingRow | None:
        stmt = select(MeetingRow).where(
            col(MeetingRow.meeting_id) == meeting_id, col(MeetingRow.tenant) == tenant
        )
        if lock:
            stmt = stmt.with_for_update()
        return (await self._session.execute(stmt)).scalar_one_or_none()

    async def get_any(self, meeting_id: UUID, *, lock: bool = False) -> MeetingRow | None:
        """For the scheduler, which works across tenants (each event keeps its tenant)."""
        stmt = select(MeetingRow).where(col(MeetingRow.meeting_id) == meeting_id)
        if lock:
            stmt = stmt.with_for_update()
        return (await self._session.execute(stmt)).scalar_one_or_none()

    async def exists_anywhere(self, meeting_id: UUID) -> MeetingRow | None:
        """Only to tell what a refused lookup aimed at (audit), never to answer it."""
        return await self._session.get(MeetingRow, meeting_id)

    async def list_for_staff(
        self, staff: StaffPrincipal, pupil_id: UUID | None, limit: int
    ) -> Sequence[MeetingRow]:
        stmt = scoped(select(MeetingRow), staff)
        if pupil_id is not None:
            stmt = stmt.where(col(MeetingRow.pupil_id) == pupil_id)
        stmt = stmt.order_by(col(MeetingRow.starts_at).desc()).limit(limit)
        return (await self._session.execute(stmt)).scalars().all()

    async def open_for_pupil(
        self, tenant: str, pupil_id: UUID, status: MeetingStatus, after: datetime
    ) -> Sequence[MeetingRow]:
        """The pupil's meetings in `status` that start after `after`, locked, by start."""
        stmt = (
            select(MeetingRow)
            .where(col(MeetingRow.tenant) == tenant, col(MeetingRow.pupil_id) == pupil_id)
            .where(col(MeetingRow.status) == status.value, col(MeetingRow.starts_at) > after)
            .order_by(col(MeetingRow.starts_at), col(MeetingRow.meeting_id))
            .with_for_update()
        )
        return (await self._session.execute(stmt)).scalars().all()

    def add_answer(self, answer: InvitationAnswer, *, tenant: str, revision: int) -> None:
        self._session.add(
            InvitationAnswerRow(
                answer_id=answer.answer_id,
                meeting_id=answer.meeting_id,
                tenant=tenant,
                guardian_id=answer.guardian_id,
                answer=answer.answer.value,
                note=answer.note,
                revision=revision,
                answered_at=answer.answered_at,
            )
        )

    async def answers(self, meeting_id: UUID) -> Sequence[InvitationAnswerRow]:
        stmt = (
            select(InvitationAnswerRow)
            .where(col(InvitationAnswerRow.meeting_id) == meeting_id)
            .order_by(col(InvitationAnswerRow.answered_at), col(InvitationAnswerRow.answer_id))
        )
        return (await self._session.execute(stmt)).scalars().all()
