"""The query "may we?" for one pupil and purpose, with until when, or why not.

At most one request per pupil and purpose is live (open, or given and still valid);
`open_request` keeps it so. The live one answers; otherwise the request that finished
last says why not. Expiry always wins: a given consent past its end is not valid
whether or not the expiry has been recorded yet.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from samen_consent.domain.request import ConsentRequest, RequestState, effective_state
from samen_consent.domain.rules import answers_needed


class StatusReason(StrEnum):
    GIVEN = "given"
    NEVER_ASKED = "never_asked"
    WAITING = "waiting"  # waiting for `answers_needed` more agreements
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"
    EXPIRED = "expired"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class ConsentStatus:
    """`until` is the exclusive end of a valid consent (None: until withdrawn)."""

    allowed: bool
    reason: StatusReason
    request_id: UUID | None = None
    until: datetime | None = None
    waiting_for: frozenset[UUID] = frozenset()
    answers_needed: int = 0


_REASON = {
    RequestState.REFUSED: StatusReason.REFUSED,
    RequestState.WITHDRAWN: StatusReason.WITHDRAWN,
    RequestState.EXPIRED: StatusReason.EXPIRED,
    RequestState.CANCELLED: StatusReason.CANCELLED,
}


def status(
    pupil_id: UUID, purpose_code: str, requests: Iterable[ConsentRequest], now: datetime
) -> ConsentStatus:
    mine = [r for r in requests if r.pupil_id == pupil_id and r.purpose.code == purpose_code]
    states = {r.request_id: effective_state(r, now) for r in mine}
    live = [r for r in mine if states[r.request_id] in (RequestState.OPEN, RequestState.GIVEN)]
    if live:
        current = max(live, key=_asked)
        return _live_status(current, states[current.request_id])
    if not mine:
        return ConsentStatus(allowed=False, reason=StatusReason.NEVER_ASKED)
    last = max(mine, key=_finished)
    return ConsentStatus(False, _REASON[states[last.request_id]], last.request_id)


def _live_status(request: ConsentRequest, state: RequestState) -> ConsentStatus:
    if state is RequestState.GIVEN:
        return ConsentStatus(True, StatusReason.GIVEN, request.request_id, request.expires_at)
    rule, parties, agreed = request.purpose.rule, request.parties, request.agreed
    return ConsentStatus(
        allowed=False,
        reason=StatusReason.WAITING,
        request_id=request.request_id,
        until=None,
        waiting_for=parties.all - request.answered,
        answers_needed=answers_needed(rule, parties, agreed),
    )


def _asked(request: ConsentRequest) -> tuple[datetime, UUID]:
    return request.requested_at, request.request_id


def _finished(request: ConsentRequest) -> tuple[datetime, datetime, UUID]:
    """When it ended: recorded, or (expiry not yet recorded) the end of its validity."""
    ended = request.ended_at or request.expires_at or request.last_change
    return ended, request.requested_at, request.request_id
