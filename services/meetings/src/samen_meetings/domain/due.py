"""What is due: agreement evaluations and meeting reminders. (The OPP's evaluation cycle
is the plans service's: it emits its own `EvaluationDue` and `EvaluationOverdue`.)

Moments are defined on Amsterdam dates and compared as UTC instants:

- an agreement's `EvaluationDue` fires at 00:00 Amsterdam on its evaluation date minus
  the lead time; `EvaluationOverdue` at 00:00 Amsterdam on the day after that date, when
  no evaluation was recorded; from then on only the overdue item is reported;
- `MeetingReminderDue` fires at the reminder's wall time (09:00) on the local day
  before a scheduled meeting — not 24 hours before: a DST change may lie between.

Every item has a key that names what is due and for which occasion (the cycle's due date,
the meeting's start); the scheduler derives the event id from it (`DueItem.event_id`), so
two scanners, a slow scan or a restart produce the same id and never a second event.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import Final
from uuid import UUID, uuid5

from samen_meetings.domain.errors import EvaluationDateInvalid
from samen_meetings.domain.local_time import as_utc, local_date, local_moment, start_of_local_day
from samen_meetings.domain.meeting import MeetingStatus
from samen_meetings.domain.settings import DEFAULT_SETTINGS, TenantSettings

# Fixed for good: event ids already emitted were derived with it.
DUE_EVENT_NAMESPACE: Final = UUID("3f6f8a57-53a1-4f0e-9d3c-6d2b7c1e9a40")
ONE_DAY: Final = timedelta(days=1)


class DueKind(StrEnum):
    EVALUATION_DUE = "evaluation_due"
    EVALUATION_OVERDUE = "evaluation_overdue"
    MEETING_REMINDER_DUE = "meeting_reminder_due"


class DueSubject(StrEnum):
    AGREEMENT = "agreement"
    MEETING = "meeting"


@dataclass(frozen=True, slots=True)
class DueItem:
    """One thing due. `due_on` for evaluations, `starts_at` (UTC) for meeting reminders."""

    kind: DueKind
    subject: DueSubject
    subject_id: UUID
    tenant_id: UUID
    pupil_id: UUID
    fires_at: datetime
    due_on: date | None = None
    starts_at: datetime | None = None

    @property
    def key(self) -> str:
        """`<kind>:<subject>:<id>:<occasion>`, e.g. `evaluation_due:agreement:<id>:2025-02-28`
        (the key format is fixed: ids of events already emitted derive from it)."""
        if self.starts_at is not None:
            occasion = self.starts_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        elif self.due_on is not None:
            occasion = self.due_on.isoformat()
        else:
            raise ValueError("a due item needs its due date or its meeting's start")
        return f"{self.kind}:{self.subject}:{self.subject_id}:{occasion}"

    @property
    def event_id(self) -> UUID:
        return uuid5(DUE_EVENT_NAMESPACE, self.key)


@dataclass(frozen=True, slots=True)
class AgreementToEvaluate:
    agreement_id: UUID
    tenant_id: UUID
    pupil_id: UUID
    evaluate_on: date
    evaluated_on: date | None = None


@dataclass(frozen=True, slots=True)
class UpcomingMeeting:
    """`scheduled_at`: when the meeting got its current time; planned after its reminder
    moment, it gets no reminder (the invitation has just gone out)."""

    meeting_id: UUID
    tenant_id: UUID
    pupil_id: UUID
    starts_at: datetime
    status: MeetingStatus = MeetingStatus.SCHEDULED
    scheduled_at: datetime | None = None


# --- moments ----------------------------------------------------------------------------


def due_moment(due_on: date, lead: timedelta) -> datetime:
    return start_of_local_day(due_on - lead)


def overdue_moment(due_on: date) -> datetime:
    """The due date has passed: 00:00 Amsterdam on the next day."""
    return start_of_local_day(due_on + ONE_DAY)


def reminder_moment(starts_at: datetime, settings: TenantSettings = DEFAULT_SETTINGS) -> datetime:
    day_before = local_date(starts_at) - ONE_DAY
    return local_moment(day_before, settings.reminder_local_time)


# --- recorded evaluations ---------------------------------------------------------------


def record_agreement_evaluation(
    agreement: AgreementToEvaluate, evaluated_on: date, today: date
) -> AgreementToEvaluate:
    if evaluated_on > today:
        raise EvaluationDateInvalid("an evaluation cannot be recorded before it happened")
    return replace(agreement, evaluated_on=evaluated_on)


# --- single subjects --------------------------------------------------------------------


def agreement_due(
    agreement: AgreementToEvaluate, settings: TenantSettings, now: datetime
) -> DueItem | None:
    return _agreement_item(agreement, settings, as_utc(now, "now"))


def _agreement_item(
    agreement: AgreementToEvaluate, settings: TenantSettings, now: datetime
) -> DueItem | None:
    if agreement.evaluated_on is not None:
        return None
    state = _evaluation_state(agreement.evaluate_on, settings.agreement_lead_days, now)
    if state is None:
        return None
    kind, fires_at = state
    return DueItem(
        kind,
        DueSubject.AGREEMENT,
        agreement.agreement_id,
        agreement.tenant_id,
        agreement.pupil_id,
        fires_at,
        agreement.evaluate_on,
    )


def meeting_reminder_due(
    meeting: UpcomingMeeting, settings: TenantSettings, now: datetime
) -> DueItem | None:
    at = as_utc(now, "now")
    starts_at = as_utc(meeting.starts_at, "starts_at")
    if meeting.status is not MeetingStatus.SCHEDULED or at >= starts_at:
        return None
    fires_at = reminder_moment(starts_at, settings)
    if at < fires_at:
        return None
    if meeting.scheduled_at is not None and as_utc(meeting.scheduled_at) > fires_at:
        return None
    return DueItem(
        DueKind.MEETING_REMINDER_DUE,
        DueSubject.MEETING,
        meeting.meeting_id,
        meeting.tenant_id,
        meeting.pupil_id,
        fires_at=fires_at,
        starts_at=starts_at,
    )


def _evaluation_state(
    due_on: date, lead_days: int, now: datetime
) -> tuple[DueKind, datetime] | None:
    """Overdue once the date has passed (and then only that), due from the lead time on."""
    due_at, overdue_at = _evaluation_moments(due_on, lead_days)
    if now >= overdue_at:
        return DueKind.EVALUATION_OVERDUE, overdue_at
    if now >= due_at:
        return DueKind.EVALUATION_DUE, due_at
    return None


@lru_cache(maxsize=8192)
def _evaluation_moments(due_on: date, lead_days: int) -> tuple[datetime, datetime]:
    return due_moment(due_on, timedelta(days=lead_days)), overdue_moment(due_on)


# --- the scan ---------------------------------------------------------------------------


def what_is_due(
    now: datetime,
    agreements: Iterable[AgreementToEvaluate] = (),
    meetings: Iterable[UpcomingMeeting] = (),
    settings: Mapping[UUID, TenantSettings] | None = None,
    already_emitted: Collection[str] = frozenset(),
) -> list[DueItem]:
    """Everything due at `now` whose key is not in `already_emitted`, ordered by moment.

    `settings` per tenant id; a tenant without an entry uses the defaults.
    """
    at = as_utc(now, "now")
    keyed = [
        (item.fires_at, key, item)
        for item in _candidates(at, agreements, meetings, settings or {})
        if item is not None and (key := item.key) not in already_emitted
    ]
    keyed.sort(key=lambda entry: entry[:2])
    return [item for _, _, item in keyed]


def _candidates(
    now: datetime,
    agreements: Iterable[AgreementToEvaluate],
    meetings: Iterable[UpcomingMeeting],
    settings: Mapping[UUID, TenantSettings],
) -> Iterator[DueItem | None]:
    """`now` is already in UTC: checked once, not once per row."""

    def of(tenant_id: UUID) -> TenantSettings:
        return settings.get(tenant_id, DEFAULT_SETTINGS)

    yield from (_agreement_item(a, of(a.tenant_id), now) for a in agreements)
    yield from (meeting_reminder_due(m, of(m.tenant_id), now) for m in meetings)


# --- what a scan needs to load ----------------------------------------------------------


def agreement_scan_cutoff(now: datetime, settings: TenantSettings = DEFAULT_SETTINGS) -> date:
    """Unevaluated agreements with `evaluate_on` on or before this date have an item due."""
    return local_date(now) + settings.agreement_lead


def reminder_scan_until(now: datetime, settings: TenantSettings = DEFAULT_SETTINGS) -> datetime:
    """Scheduled meetings starting after `now` and before this instant are due a reminder."""
    today = local_date(now)
    if local_moment(today, settings.reminder_local_time) <= as_utc(now, "now"):
        return start_of_local_day(today + 2 * ONE_DAY)
    return start_of_local_day(today + ONE_DAY)
