"""A fake unit of work for the meetings handlers: the same repositories, in memory.

Each fake subclasses its SQL repository over the kit's `FakeSession`: what a repository
adds (and gets by primary key) it keeps as it is; only the queries are written again, as
filters over the rows. One `FakeStore` lives as long as a test (the "database"); each
unit of work hands its events to the store's outbox when it commits and drops them when
it raises.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import Any
from uuid import UUID

from samen_kit.access import StaffPrincipal
from samen_kit.clock import FakeClock
from samen_kit.tenancy import visible
from samen_kit.testing.fakes import EmitsToFakeOutbox, FakeRoster
from samen_kit.testing.fakes import FakeStore as KitFakeStore
from samen_meetings.adapters.meetings_repo import SqlMeetings
from samen_meetings.adapters.opps_repo import SqlOpps
from samen_meetings.adapters.projection_tables import OppRow, StaffMemberRow
from samen_meetings.adapters.projections import SqlProjections
from samen_meetings.adapters.records_repo import SqlRecords
from samen_meetings.adapters.settings_repo import SqlTenantSettings
from samen_meetings.adapters.tables import (
    AgreementRow,
    InvitationAnswerRow,
    MeetingRecordRow,
    MeetingRow,
    ParentCommentRow,
    RecordAcknowledgementRow,
)
from samen_meetings.adapters.uow import UnitOfWork
from samen_meetings.domain.consent_gate import ConsentState, PupilConsents
from samen_meetings.domain.meeting import MeetingStatus
from samen_meetings.domain.parent_response import RecordAcknowledgement
from samen_meetings.domain.settings import DEFAULT_SETTINGS, TenantSettings
from samen_meetings.handlers.context import Context


async def _for_staff(session: Any, kind: type[Any], key: UUID, staff: StaffPrincipal) -> Any:
    """The row with this key, if the staff member's token covers its tenant and school."""
    row = await session.get(kind, key)
    return (
        row
        if row is not None and visible(staff, tenant=row.tenant, school_id=row.school_id)
        else None
    )


def _first(rows: Iterable[Any]) -> Any:
    return next(iter(rows), None)


class FakeProjections(SqlProjections):
    """Consent states and the staff directory in memory; the roster is the kit's fake."""

    def __init__(self) -> None:
        self.roster = FakeRoster()
        self._consents: dict[tuple[str, UUID], dict[str, tuple[ConsentState, UUID]]] = {}
        self._staff: dict[tuple[str, UUID], tuple[str, list[UUID]]] = {}

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
        self._staff[tenant, person_id] = (role, sorted(set(school_ids)))

    async def staff_members(self, tenant: str, ids: Iterable[UUID]) -> dict[UUID, StaffMemberRow]:
        known = {p: self._staff[tenant, p] for p in set(ids) if (tenant, p) in self._staff}
        return {
            p: StaffMemberRow(tenant=tenant, person_id=p, role=role, school_ids=schools)
            for p, (role, schools) in known.items()
        }


class FakeMeetings(SqlMeetings):
    async def for_staff(
        self, staff: StaffPrincipal, meeting_id: UUID, *, lock: bool = False
    ) -> MeetingRow | None:
        return await _for_staff(self._session, MeetingRow, meeting_id, staff)

    async def get(self, tenant: str, meeting_id: UUID, *, lock: bool = False) -> MeetingRow | None:
        row = await self._session.get(MeetingRow, meeting_id)
        return row if row is not None and row.tenant == tenant else None

    async def get_any(self, meeting_id: UUID, *, lock: bool = False) -> MeetingRow | None:
        return await self._session.get(MeetingRow, meeting_id)

    async def open_for_pupil(
        self, tenant: str, pupil_id: UUID, status: MeetingStatus, after: datetime
    ) -> Sequence[MeetingRow]:
        rows = self._session.rows(MeetingRow)  # type: ignore[attr-defined]
        wanted = (tenant, pupil_id, status.value)
        found = [r for r in rows if (r.tenant, r.pupil_id, r.status) == wanted]
        return sorted((r for r in found if r.starts_at > after), key=lambda r: r.starts_at)

    async def answers(self, meeting_id: UUID) -> Sequence[InvitationAnswerRow]:
        rows = self._session.rows(InvitationAnswerRow)  # type: ignore[attr-defined]
        return [a for a in rows if a.meeting_id == meeting_id]


class FakeRecords(SqlRecords):
    async def for_meeting(self, meeting_id: UUID) -> MeetingRecordRow | None:
        rows = self._session.rows(MeetingRecordRow)  # type: ignore[attr-defined]
        return _first(r for r in rows if r.meeting_id == meeting_id)

    async def for_staff(self, staff: StaffPrincipal, record_id: UUID) -> MeetingRecordRow | None:
        return await _for_staff(self._session, MeetingRecordRow, record_id, staff)

    async def agreements_of_pupil(
        self, tenant: str, pupil_id: UUID, ids: Iterable[UUID], *, lock: bool = False
    ) -> dict[UUID, AgreementRow]:
        rows = self._session.rows(AgreementRow)  # type: ignore[attr-defined]
        mine = [a for a in rows if (a.tenant, a.pupil_id) == (tenant, pupil_id)]
        return {a.agreement_id: a for a in mine if a.agreement_id in set(ids)}

    async def agreements_of_record(self, record_id: UUID) -> Sequence[AgreementRow]:
        rows = self._session.rows(AgreementRow)  # type: ignore[attr-defined]
        found = [a for a in rows if a.record_id == record_id]
        return sorted(found, key=lambda a: (a.evaluate_on, a.agreement_id))

    async def acknowledge(self, ack: RecordAcknowledgement, *, tenant: str) -> bool:
        if await self._session.get(RecordAcknowledgementRow, (ack.record_id, ack.guardian_id)):
            return False
        self._session.add(
            RecordAcknowledgementRow(
                record_id=ack.record_id,
                guardian_id=ack.guardian_id,
                tenant=tenant,
                acknowledged_at=ack.acknowledged_at,
            )
        )
        return True

    async def acknowledgements(self, record_id: UUID) -> Sequence[RecordAcknowledgementRow]:
        rows = self._session.rows(RecordAcknowledgementRow)  # type: ignore[attr-defined]
        return [a for a in rows if a.record_id == record_id]

    async def comments(self, record_id: UUID) -> Sequence[ParentCommentRow]:
        rows = self._session.rows(ParentCommentRow)  # type: ignore[attr-defined]
        return [c for c in rows if c.record_id == record_id]


class FakeOpps(SqlOpps):
    """The projection of the plans service's OPPs, keyed by (tenant, opp)."""

    async def for_staff(self, staff: StaffPrincipal, opp_id: UUID) -> OppRow | None:
        rows = self._session.rows(OppRow)  # type: ignore[attr-defined]
        mine = (r for r in rows if r.opp_id == opp_id)
        return _first(r for r in mine if visible(staff, tenant=r.tenant, school_id=r.school_id))

    async def get(self, tenant: str, opp_id: UUID, *, lock: bool = False) -> OppRow | None:
        return await self._session.get(OppRow, (tenant, opp_id))  # type: ignore[no-any-return]

    async def of_pupil(self, tenant: str, pupil_id: UUID, opp_id: UUID) -> OppRow | None:
        row = await self.get(tenant, opp_id)
        return row if row is not None and row.pupil_id == pupil_id else None

    async def open_of_pupil(self, tenant: str, pupil_id: UUID) -> Sequence[OppRow]:
        rows = self._session.rows(OppRow)  # type: ignore[attr-defined]
        mine = (r for r in rows if (r.tenant, r.pupil_id) == (tenant, pupil_id))
        return [r for r in mine if r.closed_on is None]


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
class FakeStore(KitFakeStore):
    projections: FakeProjections = field(default_factory=FakeProjections)
    settings: FakeTenantSettings = field(default_factory=FakeTenantSettings)

    def __post_init__(self) -> None:
        self.projections.roster = self.roster  # one roster: the kit's fake


class FakeUnitOfWork(EmitsToFakeOutbox, UnitOfWork):
    def __init__(self, store: FakeStore) -> None:
        self.store = store
        self.session = store.session  # type: ignore[assignment]
        self.projections = store.projections
        self.meetings = FakeMeetings(self.session)
        self.records = FakeRecords(self.session)
        self.opps = FakeOpps(self.session)
        self.settings = store.settings


@dataclass(frozen=True)
class FakeContext(Context):
    """The handlers' context with the fake unit of work in place of PostgreSQL's."""

    store: FakeStore = field(default_factory=FakeStore)

    def unit_of_work(self) -> AbstractAsyncContextManager[UnitOfWork]:
        return self.store.transaction(FakeUnitOfWork(self.store))


def fake_context(now: datetime) -> FakeContext:
    return FakeContext(sessions=None, writer=None, clock=FakeClock(now))  # type: ignore[arg-type]
