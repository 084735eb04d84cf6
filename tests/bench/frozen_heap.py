"""A benchmark that runs a service's code in its own process freezes the heap as the
service's process does (`samen_kit.serve` calls `freeze_start_up_heap` once the app is
built), and thaws it afterwards, so the next workload and a test process calling the
benchmark collect as before."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from samen_kit.heap import freeze_start_up_heap


@contextmanager
def as_served() -> Iterator[None]:
    freeze_start_up_heap()
    try:
        yield
    finally:
        gc.unfreeze()
