"""Retrying a temporary failure: exponential backoff with jitter, then give up.

Pure: the caller passes `now` and a jitter draw in [0, 1), so tests pick both.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    max_attempts: int = 6
    base: timedelta = timedelta(seconds=30)
    cap: timedelta = timedelta(hours=1)

    def next_attempt_at(self, attempts: int, now: datetime, jitter: float) -> datetime | None:
        """When to try again after `attempts` tries; None when they are used up.

        "Equal jitter": half the exponential delay is fixed, half is random, so retries
        of many messages failing together spread out but never come back at once.
        """
        if attempts >= self.max_attempts:
            return None
        ceiling = min(self.cap, self.base * (2 ** max(attempts - 1, 0)))
        half: timedelta = ceiling / 2
        moment: datetime = now + half + half * min(max(jitter, 0.0), 1.0)
        return moment
