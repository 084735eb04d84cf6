"""The due scan (agreements' evaluations, meeting reminders; the OPP's evaluation cycle is
the plans service's): find what is due, then emit each item in its own transaction after
re-checking it under the row's lock. Event ids come from the item (`DueItem.event_id`),
so a second instance, a slow scan or a restart writes nothing twice."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from samen_contract import Event
from samen_contract.events import meetings as ev

from samen_meetings.adapters.due_scan import due_candidates
from samen_meetings.adapters.mapping import meeting_of, tenant_uuid, utc
from samen_meetings.adapters.uow import UnitOfWork
from samen_meetings.domain.due import (
    AgreementToEvaluate,
    DueItem,
    DueKind,
    DueSubject,
    UpcomingMeeting,
    agreement_due,
    meeting_reminder_due,
    what_is_due,
)
from samen_meetings.handlers import payloads
from samen_meetings.handlers.context import Cause, Context, facts

CAUSE = Cause("system:due-scan")


@dataclass(frozen=True)
class ScanReport:
    due: int
    emitted: int


async def find_due(ctx: Context, now: datetime) -> list[DueItem]:
    async with ctx.unit_of_work() as uow:
        custom = await uow.settings.customised()
        found = await due_candidates(uow.session, now, custom)
    return what_is_due(now, found.agreements, found.meetings, found.settings)


async def scan(ctx: Context) -> ScanReport:
    now = ctx.now()
    items = await find_due(ctx, now)
    emitted = 0
    for item in items:
        if await emit_due(ctx, item, now):
            emitted += 1
    return ScanReport(len(items), emitted)


async def emit_due(ctx: Context, item: DueItem, now: datetime) -> bool:
    """True when this call wrote the item's event; False when it was written already or
    is no longer due (an evaluation recorded, a meeting moved) by the time of the lock."""
    async with ctx.unit_of_work() as uow:
        if item.subject is DueSubject.AGREEMENT:
            return await _agreement(ctx, uow, item, now)
        return await _reminder(ctx, uow, item, now)


def _already(reported: str | None, kind: DueKind) -> bool:
    return reported in (kind.value, DueKind.EVALUATION_OVERDUE.value)


def _evaluation_event(item: DueItem, kind: ev.EvaluationKind, school_id: UUID) -> Event:
    assert item.due_on is not None
    cls = ev.EvaluationDue if item.kind is DueKind.EVALUATION_DUE else ev.EvaluationOverdue
    return cls(
        kind=kind,
        subject_id=item.subject_id,
        pupil_id=item.pupil_id,
        school_id=school_id,
        due_on=item.due_on,
    )


async def _agreement(ctx: Context, uow: UnitOfWork, item: DueItem, now: datetime) -> bool:
    row = await uow.records.agreement(item.subject_id, lock=True)
    if row is None or _already(row.notified_kind, item.kind):
        return False
    value = AgreementToEvaluate(
        row.agreement_id, tenant_uuid(row.tenant), row.pupil_id, row.evaluate_on, row.evaluated_on
    )
    current = agreement_due(value, await uow.settings.of(row.tenant), now)
    if current is None or current.key != item.key:
        return False
    row.notified_kind = item.kind.value
    event = _evaluation_event(item, ev.EvaluationKind.AGREEMENT, row.school_id)
    return await uow.emit(event, **facts(row, CAUSE, ctx.now(), item.event_id))


async def _reminder(ctx: Context, uow: UnitOfWork, item: DueItem, now: datetime) -> bool:
    row = await uow.meetings.get_any(item.subject_id, lock=True)
    if row is None or (
        row.reminded_for is not None and utc(row.reminded_for) == utc(row.starts_at)
    ):
        return False
    meeting = meeting_of(row)
    upcoming = UpcomingMeeting(
        row.meeting_id, meeting.tenant_id, row.pupil_id, meeting.slot.starts_at,
        meeting.status, utc(row.scheduled_at),
    )  # fmt: skip
    current = meeting_reminder_due(upcoming, await uow.settings.of(row.tenant), now)
    if current is None or current.key != item.key:
        return False
    row.reminded_for = row.starts_at
    event = payloads.reminder(row)
    return await uow.emit(event, **facts(row, CAUSE, ctx.now(), item.event_id))
