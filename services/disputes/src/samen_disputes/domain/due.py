"""What the scheduler finds due: deadlines approaching their end, and deadlines missed.

Each item has a key naming the dispute, the deadline's kind and its date; the scheduler
derives the event id from it (`DueItem.event_id`), so two sweeps, a slow sweep or a
restart produce the same id and never a second event.
"""

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Final
from uuid import UUID, uuid5

from samen_disputes.domain.clock import end_of_day, require_aware
from samen_disputes.domain.deadlines import Deadline, DeadlineSettings, open_deadlines
from samen_disputes.domain.state import DisputeState

# Fixed for good: event ids already emitted were derived with it.
DUE_EVENT_NAMESPACE: Final = UUID("9fbe59ea-a3d2-453a-ada9-89e3a5568c67")


class DueKind(StrEnum):
    APPROACHING = "deadline_approaching"  # -> DisputeDeadlineApproaching
    MISSED = "deadline_missed"  # -> DisputeDeadlineMissed


@dataclass(frozen=True)
class DisputeDeadlines:
    """One dispute as the scheduler's sweep sees it, with its tenant's settings."""

    dispute_id: UUID
    state: DisputeState
    settings: DeadlineSettings


@dataclass(frozen=True)
class DueItem:
    dispute_id: UUID
    kind: DueKind
    deadline: Deadline
    fires_at: datetime  # UTC: when the item became due

    @property
    def key(self) -> str:
        """`<kind>:<dispute_id>:<deadline kind>:<date>`, the same on every sweep."""
        return f"{self.kind}:{self.dispute_id}:{self.deadline.kind}:{self.deadline.due_date}"

    @property
    def event_id(self) -> UUID:
        return uuid5(DUE_EVENT_NAMESPACE, self.key)


def what_is_due(
    now: datetime,
    disputes: Iterable[DisputeDeadlines],
    approach_days: int,
    already_emitted: Collection[str] = (),
) -> list[DueItem]:
    """Missed deadlines, and those within `approach_days` days of their end, whose key is
    not in `already_emitted`; in the order they became due. A missed deadline is reported
    as missed only, never also as approaching."""
    if approach_days < 0:
        raise ValueError("approach_days is not negative")
    now = require_aware(now)
    items = [
        item
        for dispute in disputes
        for deadline in open_deadlines(dispute.state, dispute.settings)
        if (item := _due(now, dispute.dispute_id, deadline, approach_days)) is not None
        and item.key not in already_emitted
    ]
    return sorted(items, key=lambda item: (item.fires_at, item.key))


def _due(now: datetime, dispute_id: UUID, deadline: Deadline, days: int) -> DueItem | None:
    if now >= deadline.due_at:
        return DueItem(dispute_id, DueKind.MISSED, deadline, deadline.due_at)
    # Approaching once no more than `days` whole Amsterdam days are left.
    approaching_from = end_of_day(deadline.due_date - timedelta(days=days))
    if now >= approaching_from:
        return DueItem(dispute_id, DueKind.APPROACHING, deadline, approaching_from)
    return None
