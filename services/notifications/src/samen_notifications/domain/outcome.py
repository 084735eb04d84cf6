"""What follows when one channel of a notification fails for good. Pure."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from samen_notifications.domain.rules import Channel


@dataclass(frozen=True, slots=True)
class FallBackTo:
    channel: Channel


@dataclass(frozen=True, slots=True)
class OtherChannelOpen:
    """Another channel still carries (or carried) the notification: nothing to add."""


@dataclass(frozen=True, slots=True)
class AllChannelsFailed:
    pass


FailureOutcome = FallBackTo | OtherChannelOpen | AllChannelsFailed


def after_final_failure(
    *,
    tried: Collection[Channel],
    still_open: Collection[Channel],
    reachable: Sequence[Channel],
) -> FailureOutcome:
    """`tried`: every channel a message was made for (the failed one included);
    `still_open`: channels whose message has not failed; `reachable`: channels with an
    address on file now (e-mail first)."""
    if still_open:
        return OtherChannelOpen()
    untried = [channel for channel in reachable if channel not in tried]
    return FallBackTo(untried[0]) if untried else AllChannelsFailed()
