"""Reminders for parties who have not answered an open request.

Reminder n for a party falls due `n * after_days` days after the request, up to
`max_reminders`. A sweep emits, per party, only the latest number due and not yet sent
(a scheduler that was down does not send a burst), and the request remembers it, so
(request, party, number) is emitted once; `decision_id` makes its event id stable.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from uuid import UUID

from samen_consent.domain.decisions import ReminderDue
from samen_consent.domain.dutch_time import as_utc
from samen_consent.domain.request import (
    ConsentRequest,
    Outcome,
    RequestState,
    effective_state,
    party_role,
)


@dataclass(frozen=True, slots=True)
class ReminderPolicy:
    after_days: int = 7
    max_reminders: int = 2

    def __post_init__(self) -> None:
        if self.after_days < 1 or self.max_reminders < 0:
            raise ValueError(f"reminder policy {self} needs after_days >= 1, max >= 0")


def remind(request: ConsentRequest, now: datetime, policy: ReminderPolicy) -> Outcome:
    number = reminder_number_due(request, as_utc(now), policy)
    if number == 0 or effective_state(request, now) is not RequestState.OPEN:
        return Outcome(request, ())
    due_at = request.requested_at + timedelta(days=policy.after_days * number)
    waiting = sorted(p for p in request.parties.all - request.answered)
    due = tuple(
        _reminder(request, party, number, due_at)
        for party in waiting
        if last_reminder(request, party) < number
    )
    sent = request.reminders_sent | {(r.party_id, number) for r in due}
    return Outcome(replace(request, reminders_sent=sent), due)


def reminder_number_due(request: ConsentRequest, now: datetime, policy: ReminderPolicy) -> int:
    elapsed = (now - request.requested_at) // timedelta(days=policy.after_days)
    return max(0, min(policy.max_reminders, elapsed))


def last_reminder(request: ConsentRequest, party_id: UUID) -> int:
    return max((n for p, n in request.reminders_sent if p == party_id), default=0)


def _reminder(request: ConsentRequest, party_id: UUID, number: int, at: datetime) -> ReminderDue:
    return ReminderDue(
        request_id=request.request_id,
        pupil_id=request.pupil_id,
        purpose_code=request.purpose.code,
        at=at,
        party_id=party_id,
        role=party_role(request, party_id),
        number=number,
    )
