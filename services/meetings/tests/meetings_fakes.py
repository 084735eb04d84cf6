"""A fake unit of work for the meetings handlers: the same repositories, in memory.

Each fake subclasses its SQL repository and keeps the same methods, so a handler cannot
tell them apart. One `FakeStore` lives as long as a test (the "database"); each unit of
work hands its events to the store's outbox when it commits and drops them when it
raises.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import Any, Unpack
from uuid import UUID

from samen_contract import Event
from samen_kit.access import StaffPrincipal
from samen_kit.clock import FakeClock
from samen_kit.outbox import Facts
from samen_kit.tenancy import visible
from samen_kit.testing.fakes import FakeOutbox, FakeRoster
from samen_meetings.adapters.meetings_repo import SqlMeetings
from samen_meetings.adapters.opps_repo import SqlOpps
from samen_meetings.adapters.projection_tables import OppDisputeRow, StaffMemberRow
from samen_meetings.adapters.projections import SqlProjections
from samen_meetings.adapters.records_repo import SqlRecords, _agreement_row, _record_row
from samen_meetings.adapters.settings_repo import SqlTenantSettings
from samen_meetings.adapters.tables import (
    AgreementRow,
    InvitationAnswerRow,
    MeetingRecordRow,
    MeetingRow,
    OppRow,
    ParentCommentRow,
    RecordAcknowledgementRow,
)
from samen_meetings.adapters.uow import UnitOfWork
from samen_meetings.domain.consent_gate import ConsentState, PupilConsents
from samen_meetings.domain.invitation import InvitationAnswer
from samen_meetings.domain.meeting import MeetingStatus
from samen_meetings.domain.parent_response import ParentComment, RecordAcknowledgement
from samen_meetings.domain.record import Agreement, MeetingRecord
from samen_meetings.domain.settings import DEFAULT_SETTINGS, TenantSettings
from samen_meetings.handlers.context import Context


def _seen_by(staff: StaffPrincipal, row: Any) -> bool:
    return visible(staff, tenant=row.tenant, school_id=row.school_id)


class FakeProjections(SqlProjections):
    def __init__(self) -> None:
        self.roster = FakeRoster()
        self._consents: dict[tuple[str, UUID], dict[str, tuple[ConsentState, UUID]]] = {}
        self._staff: dict[tuple[str, UUID], StaffMemberRow] = {}
        self._disputes: dict[UUID, OppDisputeRow] = {}

    async def set_consent(
        self, tenant: str, pupil_id: UUID, purpose: str, state: ConsentState, request_id: UUID
    ) -> None:
        self._consents.setdefault((tenant, pupil_id), {})[purpose] = (state, request_id)

    async def consent_request_of(self, tenant: str, pupil_id: UUID, purpose: str) -> UUID | None:
        found = self._consents.get((tenant, pupil_id), {}).get(purpose)
        return found[1] if found else None

    async def consents(self, tenant: str, pupil_id: UUID) -> PupilConsents:
        states = {p: s for p, (s, _) in self._consents.get((tenant, pupil_id), {}).items()}
        return PupilConsents(pupil_id, MappingProxyType(states))

    async def put_staff(
        self, tenant: str, person_id: UUID, role: str, school_ids: Iterable[UUID]
    ) -> None:
        schools = sorted(set(school_ids))
        self._staff[tenant, person_id] = StaffMemberRow(
            tenant=tenant, person_id=person_id, role=role, school_ids=schools
        )

    async def staff_members(self, tenant: str, ids: Iterable[UUID]) -> dict[UUID, StaffMemberRow]:
        return {p: self._staff[tenant, p] for p in set(ids) if (tenant, p) in self._staff}

    async def open_dispute(
        self,
        tenant: str,
        dispute_id: UUID,
        pupil_id: UUID,
        opp_id: UUID | None,
        subject: str,
        at: datetime,
    ) -> None:
        row = OppDisputeRow(
            dispute_id=dispute_id,
            tenant=tenant,
            pupil_id=pupil_id,
            opp_id=opp_id,
            subject=subject,
            opened_at=at,
        )
        self._disputes.setdefault(dispute_id, row)

    async def close_dispute(self, tenant: str, dispute_id: UUID, at: datetime) -> None:
        row = self._disputes.get(dispute_id)
        if row is not None and row.tenant == tenant and row.closed_at is None:
            row.closed_at = at

    async def open_disputes(
        self, tenant: str, pupil_id: UUID, opp_id: UUID | None = None
    ) -> list[UUID]:
        return sorted(
            d.dispute_id
            for d in self._disputes.values()
            if (d.tenant, d.pupil_id) == (tenant, pupil_id) and d.closed_at is None
            if opp_id is None or d.opp_id in (opp_id, None)
        )


class FakeMeetings(SqlMeetings):
    def __init__(self) -> None:
        self.rows: dict[UUID, MeetingRow] = {}
        self._answers: list[InvitationAnswerRow] = []

    def add(self, row: MeetingRow) -> None:
        self.rows[row.meeting_id] = row

    async def for_staff(
        self, staff: StaffPrincipal, meeting_id: UUID, *, lock: bool = False
    ) -> MeetingRow | None:
        row = self.rows.get(meeting_id)
        return row if row is not None and _seen_by(staff, row) else None

    async def get(self, tenant: str, meeting_id: UUID, *, lock: bool = False) -> MeetingRow | None:
        row = self.rows.get(meeting_id)
        return row if row is not None and row.tenant == tenant else None

    async def get_any(self, meeting_id: UUID, *, lock: bool = False) -> MeetingRow | None:
        return self.rows.get(meeting_id)

    async def exists_anywhere(self, meeting_id: UUID) -> MeetingRow | None:
        return self.rows.get(meeting_id)

    async def list_for_staff(
        self, staff: StaffPrincipal, pupil_id: UUID | None, limit: int
    ) -> Sequence[MeetingRow]:
        rows = [r for r in self.rows.values() if _seen_by(staff, r)]
        rows = [r for r in rows if pupil_id is None or r.pupil_id == pupil_id]
        return sorted(rows, key=lambda r: r.starts_at, reverse=True)[:limit]

    async def open_for_pupil(
        self, tenant: str, pupil_id: UUID, status: MeetingStatus, after: datetime
    ) -> Sequence[MeetingRow]:
        return sorted(
            (
                r
                for r in self.rows.values()
                if (r.tenant, r.pupil_id, r.status) == (tenant, pupil_id, status.value)
                if r.starts_at > after
            ),
            key=lambda r: (r.starts_at, r.meeting_id),
        )

    def add_answer(self, answer: InvitationAnswer, *, tenant: str, revision: int) -> None:
        self._answers.append(
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
        return [a for a in self._answers if a.meeting_id == meeting_id]


class FakeRecords(SqlRecords):
    def __init__(self) -> None:
        self.rows: dict[UUID, MeetingRecordRow] = {}
        self.agreements: dict[UUID, AgreementRow] = {}
        self._acks: dict[tuple[UUID, UUID], RecordAcknowledgementRow] = {}
        self._comments: list[ParentCommentRow] = []

    def add(
        self,
        record: MeetingRecord,
        agreements: Iterable[Agreement],
        *,
        tenant: str,
        school_id: UUID,
    ) -> None:
        self.rows[record.record_id] = _record_row(record, tenant, school_id)
        for agreement in agreements:
            row = _agreement_row(agreement, record.record_id, tenant, school_id)
            self.agreements[agreement.agreement_id] = row

    async def for_meeting(self, meeting_id: UUID) -> MeetingRecordRow | None:
        return next((r for r in self.rows.values() if r.meeting_id == meeting_id), None)

    async def for_staff(self, staff: StaffPrincipal, record_id: UUID) -> MeetingRecordRow | None:
        row = self.rows.get(record_id)
        return row if row is not None and _seen_by(staff, row) else None

    async def get(self, tenant: str, record_id: UUID) -> MeetingRecordRow | None:
        row = self.rows.get(record_id)
        return row if row is not None and row.tenant == tenant else None

    async def exists_anywhere(self, record_id: UUID) -> MeetingRecordRow | None:
        return self.rows.get(record_id)

    async def agreements_of_pupil(
        self, tenant: str, pupil_id: UUID, ids: Iterable[UUID], *, lock: bool = False
    ) -> dict[UUID, AgreementRow]:
        found = (self.agreements.get(i) for i in set(ids))
        return {
            a.agreement_id: a for a in found if a and (a.tenant, a.pupil_id) == (tenant, pupil_id)
        }

    async def agreement(self, agreement_id: UUID, *, lock: bool = False) -> AgreementRow | None:
        return self.agreements.get(agreement_id)

    async def agreements_of_record(self, record_id: UUID) -> Sequence[AgreementRow]:
        found = [a for a in self.agreements.values() if a.record_id == record_id]
        return sorted(found, key=lambda a: (a.evaluate_on, a.agreement_id))

    async def acknowledge(self, ack: RecordAcknowledgement, *, tenant: str) -> bool:
        key = (ack.record_id, ack.guardian_id)
        if key in self._acks:
            return False
        self._acks[key] = RecordAcknowledgementRow(
            record_id=ack.record_id,
            guardian_id=ack.guardian_id,
            tenant=tenant,
            acknowledged_at=ack.acknowledged_at,
        )
        return True

    async def acknowledgements(self, record_id: UUID) -> Sequence[RecordAcknowledgementRow]:
        return [a for (r, _), a in self._acks.items() if r == record_id]

    def add_comment(self, comment: ParentComment, *, tenant: str) -> None:
        self._comments.append(
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
        return [c for c in self._comments if c.record_id == record_id]


class FakeOpps(SqlOpps):
    def __init__(self) -> None:
        self.rows: dict[UUID, OppRow] = {}

    def add(self, row: OppRow) -> None:
        self.rows[row.opp_id] = row

    async def for_staff(
        self, staff: StaffPrincipal, opp_id: UUID, *, lock: bool = False
    ) -> OppRow | None:
        row = self.rows.get(opp_id)
        return row if row is not None and _seen_by(staff, row) else None

    async def get(self, opp_id: UUID, *, lock: bool = False) -> OppRow | None:
        return self.rows.get(opp_id)

    async def exists_anywhere(self, opp_id: UUID) -> OppRow | None:
        return self.rows.get(opp_id)

    async def of_pupil(
        self, tenant: str, pupil_id: UUID, opp_id: UUID, *, lock: bool = False
    ) -> OppRow | None:
        row = self.rows.get(opp_id)
        return row if row is not None and (row.tenant, row.pupil_id) == (tenant, pupil_id) else None

    async def open_of_pupil(self, tenant: str, pupil_id: UUID) -> OppRow | None:
        open_ones = (
            r
            for r in self.rows.values()
            if (r.tenant, r.pupil_id) == (tenant, pupil_id) and r.closed_on is None
        )
        return next(open_ones, None)


class FakeTenantSettings(SqlTenantSettings):
    def __init__(self) -> None:
        self._settings: dict[str, TenantSettings] = {}

    async def of(self, tenant: str) -> TenantSettings:
        return self._settings.get(tenant, DEFAULT_SETTINGS)

    async def customised(self) -> dict[str, TenantSettings]:
        return dict(self._settings)

    async def put(self, tenant: str, settings: TenantSettings) -> None:
        self._settings[tenant] = settings


@dataclass
class FakeStore:
    """The service's data for one test: what every fake unit of work reads and writes."""

    projections: FakeProjections = field(default_factory=FakeProjections)
    meetings: FakeMeetings = field(default_factory=FakeMeetings)
    records: FakeRecords = field(default_factory=FakeRecords)
    opps: FakeOpps = field(default_factory=FakeOpps)
    settings: FakeTenantSettings = field(default_factory=FakeTenantSettings)
    outbox: FakeOutbox = field(default_factory=FakeOutbox)
    commits: int = 0


class FakeUnitOfWork(UnitOfWork):
    def __init__(self, store: FakeStore) -> None:
        self.store = store
        self.session = None  # type: ignore[assignment]  # roster facts: enrol on the FakeRoster
        self.projections = store.projections
        self.meetings = store.meetings
        self.records = store.records
        self.opps = store.opps
        self.settings = store.settings

    async def emit(self, event: Event, **facts: Unpack[Facts]) -> bool:
        return await self.store.outbox.emit(event, **facts)

    async def flush(self) -> None:
        pass  # nothing waits for a database to assign anything


@dataclass(frozen=True)
class FakeContext(Context):
    """The handlers' context with the fake unit of work in place of PostgreSQL's."""

    store: FakeStore = field(default_factory=FakeStore)

    @asynccontextmanager
    async def unit_of_work(self) -> AsyncIterator[UnitOfWork]:  # type: ignore[override]
        try:
            yield FakeUnitOfWork(self.store)
        except BaseException:
            self.store.outbox.rollback()
            raise
        self.store.outbox.commit()
        self.store.commits += 1


def fake_context(now: datetime) -> FakeContext:
    return FakeContext(sessions=None, writer=None, clock=FakeClock(now))  # type: ignore[arg-type]
