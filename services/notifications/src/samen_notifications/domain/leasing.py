"""When a leased message may still be sent.

A dispatcher leases a whole batch at once but sends it a window at a time, so under load a
message can wait in its own batch until its lease has nearly run out; another sender then
takes it over and it goes out twice. A send therefore starts only in the first half of
its lease: the send and its settling (given up after at most half the lease) end before
anyone else may take the message. What waited too long is handed back, unsent.
"""

from __future__ import annotations

from datetime import datetime, timedelta


def may_start_sending(now: datetime, lease_until: datetime | None, lease: timedelta) -> bool:
    """Whether a send may start now under a lease that runs until `lease_until`."""
    if lease_until is None:  # not leased (any more): not ours to send
        return False
    return now <= lease_until - lease / 2
