"""The due scan's queries: SQL selects the rows that may have something due (the domain's
cut-offs, per tenant) and leaves out what was already reported and the pupils who left
(`samen_kit.roster.leaving`); the domain decides.

Each tenant with its own settings gets its own clause; all others share the defaults'.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any
from uuid import UUID

from samen_kit.roster.leaving import still_at_school
from sqlalchemy import ColumnElement, Select, and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from samen_meetings.adapters.mapping import tenant_uuid
from samen_meetings.adapters.tables import AgreementRow, MeetingRow
from samen_meetings.domain.due import (
    AgreementToEvaluate,
    DueKind,
    UpcomingMeeting,
    agreement_scan_cutoff,
    reminder_scan_until,
)
from samen_meetings.domain.meeting import MeetingStatus
from samen_meetings.domain.overdue_cutoffs import agreement_overdue_cutoff
from samen_meetings.domain.settings import DEFAULT_SETTINGS, TenantSettings

Condition = Callable[[TenantSettings], ColumnElement[bool]]
WARNED = DueKind.EVALUATION_DUE.value


@dataclass(frozen=True)
class DueCandidates:
    agreements: list[AgreementToEvaluate]
    meetings: list[UpcomingMeeting]
    settings: dict[UUID, TenantSettings]  # by the domain's tenant id


def per_tenant(
    tenant_column: Any, custom: Mapping[str, TenantSettings], condition: Condition
) -> ColumnElement[bool]:
    own = [and_(tenant_column == t, condition(s)) for t, s in sorted(custom.items())]
    shared = condition(DEFAULT_SETTINGS)
    if custom:
        shared = and_(tenant_column.not_in(sorted(custom)), shared)
    return or_(shared, *own)


def agreement_candidates_statement(
    now: datetime, custom: Mapping[str, TenantSettings]
) -> Select[UUID, str, UUID, date]:
    def condition(s: TenantSettings) -> ColumnElement[bool]:
        evaluate_on = col(AgreementRow.evaluate_on)
        warned_now_overdue = and_(
            col(AgreementRow.notified_kind) == WARNED,
            evaluate_on <= agreement_overdue_cutoff(now),
        )
        return and_(
            evaluate_on <= agreement_scan_cutoff(now, s),
            or_(col(AgreementRow.notified_kind).is_(None), warned_now_overdue),
        )

    return select(
        col(AgreementRow.agreement_id), col(AgreementRow.tenant), col(AgreementRow.pupil_id),
        col(AgreementRow.evaluate_on),
    ).where(
        col(AgreementRow.evaluated_on).is_(None),
        per_tenant(AgreementRow.tenant, custom, condition),
        still_at_school(AgreementRow.tenant, AgreementRow.pupil_id, now.date()),
    )  # fmt: skip


def meeting_candidates_statement(
    now: datetime, custom: Mapping[str, TenantSettings]
) -> Select[UUID, str, UUID, datetime, datetime]:
    def condition(s: TenantSettings) -> ColumnElement[bool]:
        return col(MeetingRow.starts_at) < reminder_scan_until(now, s)

    starts_at = col(MeetingRow.starts_at)
    return select(
        col(MeetingRow.meeting_id), col(MeetingRow.tenant), col(MeetingRow.pupil_id), starts_at,
        col(MeetingRow.scheduled_at),
    ).where(
        col(MeetingRow.status) == MeetingStatus.SCHEDULED.value,
        starts_at > now,
        col(MeetingRow.reminded_for).is_distinct_from(starts_at),
        per_tenant(MeetingRow.tenant, custom, condition),
        still_at_school(MeetingRow.tenant, MeetingRow.pupil_id, now.date()),
    )  # fmt: skip


async def due_candidates(
    session: AsyncSession, now: datetime, custom: Mapping[str, TenantSettings]
) -> DueCandidates:
    agreements = await session.execute(agreement_candidates_statement(now, custom))
    meetings = await session.execute(meeting_candidates_statement(now, custom))
    return DueCandidates(
        agreements=[AgreementToEvaluate(r[0], _tenant_id(r[1]), r[2], r[3]) for r in agreements],
        meetings=[
            UpcomingMeeting(r[0], _tenant_id(r[1]), r[2], r[3], scheduled_at=r[4]) for r in meetings
        ],
        settings={_tenant_id(t): s for t, s in custom.items()},
    )


@lru_cache(maxsize=1024)
def _tenant_id(tenant: str) -> UUID:
    return tenant_uuid(tenant)
