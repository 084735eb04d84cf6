"""The fault tests' own platform (broker, database, every service), loaded once per module.

`SAMEN_KEEP_FAULT_STATE=1` keeps the state folder (logs, mail, data) for a look afterwards.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from tests.e2e.faults.faults_audit import AuditTrail
from tests.e2e.faults.faults_bus import wait_settled
from tests.e2e.faults.faults_region import Region, import_contacts, import_region, make_region
from tests.e2e.faults.faults_stack import (
    Stack,
    new_state_root,
    remove_state_root,
    start_stack,
    stop_stack,
)


@pytest.fixture(scope="module")
def fault_root() -> Iterator[Path]:
    root = new_state_root()
    yield root
    if os.environ.get("SAMEN_KEEP_FAULT_STATE") != "1":
        remove_state_root(root)


@pytest.fixture(scope="module")
async def stack(fault_root: Path) -> AsyncIterator[Stack]:
    started = await start_stack(fault_root)
    try:
        yield started
    finally:
        await stop_stack(started)


@pytest.fixture(scope="module")
async def region(stack: Stack) -> Region:
    """5,000 guardians on the roll, known to every service before any fault."""
    loaded = make_region()
    await import_region(stack, loaded)
    # One import after the other: both write the notifications service's pupil rows
    # (see README: concurrently they can deadlock).
    await wait_settled(stack)
    await import_contacts(stack, loaded)
    await wait_settled(stack)
    return loaded


@pytest.fixture(scope="module")
def audit_trail() -> AuditTrail:
    return AuditTrail()
