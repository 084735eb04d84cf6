"""Freezing the start-up heap: what is alive is left out of later collections, and
start-up's own garbage is collected first rather than frozen with it."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest
from samen_kit.heap import freeze_start_up_heap


@pytest.fixture
def thawed_afterwards() -> Iterator[None]:
    yield
    gc.unfreeze()  # the test process goes on collecting as before


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_what_is_alive_is_frozen_and_garbage_is_collected_first(thawed_afterwards: None) -> None:
    alive = _Cycle()
    garbage = weakref.ref(_Cycle())  # a cycle nothing else holds: only the collector frees it
    assert garbage() is not None

    freeze_start_up_heap()

    assert garbage() is None
    assert not any(o is alive for o in gc.get_objects())  # out of every scanned generation
    assert alive.me is alive
