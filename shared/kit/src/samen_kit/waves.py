"""Splitting a claimed batch into waves for batch handlers: pure.

A batch handler applies a whole batch of one event type in one statement. Two events
about one pupil in the same statement would be applied in no defined order (and an
upsert may not touch a row twice), so a batch is applied in waves: wave `i` holds the
`i`-th event of every pupil. Each wave has at most one event per pupil, and a pupil's
events land in successive waves, in their order.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

T = TypeVar("T")


def waves(items: Sequence[T], key: Callable[[T], Hashable]) -> list[list[T]]:
    """`items` (already in their order) as waves: the n-th item of each key in wave n;
    within a wave, items keep their order in `items`."""
    result: list[list[T]] = []
    seen: dict[Hashable, int] = {}
    for item in items:
        k = key(item)
        index = seen.get(k, 0)
        seen[k] = index + 1
        if index == len(result):
            result.append([])
        result[index].append(item)
    return result
