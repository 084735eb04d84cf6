"""When the clock of a pupil's consent evidence starts (`DataKind.CONSENT_EVIDENCE`). Pure.

The evidence is kept as long as the school relies on a consent, plus two years in which
it can be questioned (AVG art. 7 lid 1, GLOSSARY.md). So the clock starts on the
earlier of: the day the pupil left, and the day the last of the pupil's consents stopped
being relied on (`ConsentWithdrawn`, `ConsentExpired`) — but only once no consent is
given or asked any more: evidence a consent still rests on is never erased. A request
is taken as stored: a consent past its end counts once the sweep has marked it expired.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from samen_consent.domain.dutch_time import local_date
from samen_consent.domain.request import RequestState

_ENDED_CONSENT = frozenset({RequestState.WITHDRAWN, RequestState.EXPIRED})
_STILL_RELIED_ON = frozenset({RequestState.OPEN, RequestState.GIVEN})


@dataclass(frozen=True)
class RequestHistory:
    """What the clock needs of one consent request."""

    state: RequestState
    given_at: datetime | None
    ended_at: datetime | None
    expires_at: datetime | None

    def stopped_being_relied_on(self) -> datetime | None:
        """When a consent that was given was withdrawn or ran out; None for any other."""
        if self.given_at is None or self.state not in _ENDED_CONSENT:
            return None
        return self.ended_at or self.expires_at


def evidence_clock_starts(left_on: date | None, requests: Iterable[RequestHistory]) -> date | None:
    """The day the pupil's consent evidence starts its period; None: it has not started."""
    histories = list(requests)
    if any(request.state in _STILL_RELIED_ON for request in histories):
        return left_on
    stops = (request.stopped_being_relied_on() for request in histories)
    ended = [local_date(moment) for moment in stops if moment is not None]
    if not ended:  # no consent was ever given: only leaving starts the clock
        return left_on
    stopped = max(ended)
    return stopped if left_on is None else min(left_on, stopped)
