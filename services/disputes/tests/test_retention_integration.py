"""Retention in the disputes service on a real PostgreSQL: the clock starts when the
pupil's last dispute ended; while one is open nothing goes. Two years after, the
description, the moves' reasons and the notes are gone, stages and outcomes stay; two
sweeps at once erase once."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

import pytest
from samen_disputes.adapters.retention import ERASERS
from samen_disputes.adapters.tables import DisputeRow, MoveRow, NoteRow
from samen_disputes.bootstrap import MIGRATIONS
from samen_kit.clock import FakeClock
from samen_kit.retention.sweep import sweep
from samen_kit.testing.retention import (
    RetentionWorld,
    migrated,
    run,
    two_sweeps_at_once,
)

pytestmark = pytest.mark.integration

OPENED = datetime(2026, 2, 2, 9, tzinfo=UTC)
DECIDED = datetime(2026, 6, 1, 9, tzinfo=UTC)
WHY = "De school heeft ons niet gehoord over de extra hulp."


@dataclass
class World(RetentionWorld):
    service = "disputes"
    erasers = ERASERS

    dispute: UUID


async def _open_dispute(world: World) -> None:
    rows = [
        DisputeRow(
            id=world.dispute, tenant=world.tenant, school_id=uuid4(), pupil_id=world.pupil,
            subject="opp", opened_by="guardian", opener_actor="guardian:1", description=WHY,
            opened_at=OPENED, last_moved_at=OPENED, tracks=[],
        ),
        MoveRow(
            id=uuid4(), dispute_id=world.dispute, tenant=world.tenant, move="objection",
            kind="stage", actor="guardian:1", at=OPENED, reason="Wij zijn het oneens.",
            stages_before=[], stages_after=["objection"],
        ),
        NoteRow(
            id=uuid4(), dispute_id=world.dispute, tenant=world.tenant, author="ib:1",
            side="school", at=OPENED, text="Gesprek met moeder op dinsdag.",
        ),
    ]  # fmt: skip
    await world.add(*rows)


async def _decide(world: World) -> None:
    await run(
        world.sessions,
        "UPDATE dispute SET ending = 'decided', outcome = 'upheld', ended_at = :at WHERE id = :d",
        at=DECIDED, d=world.dispute,
    )  # fmt: skip


@pytest.fixture
async def world(postgres_server_url: str) -> AsyncIterator[World]:
    async with migrated(postgres_server_url, "disp_retention", MIGRATIONS) as sessions:
        clock = FakeClock(datetime(2026, 9, 1, tzinfo=UTC))
        world = World(sessions, clock, "swv-r", uuid4(), uuid4())
        await _open_dispute(world)
        yield world


async def _stored(world: World) -> list[object]:
    rows = await run(
        world.sessions,
        "SELECT d.description, m.reason, n.text, d.subject, d.outcome, m.stages_after"
        " FROM dispute d JOIN dispute_move m ON m.dispute_id = d.id"
        " JOIN dispute_note n ON n.dispute_id = d.id",
    )
    return list(rows[0])


async def test_an_open_dispute_keeps_its_file_and_a_decided_one_goes_two_years_later(
    world: World,
) -> None:
    world.clock.advance(timedelta(days=5 * 365))
    await sweep(world.retention)
    assert (await _stored(world))[0] == WHY  # still open: nothing goes

    await _decide(world)
    world.clock.current = DECIDED + timedelta(days=700)
    await sweep(world.retention)
    assert (await _stored(world))[0] == WHY  # not yet two years after the decision

    world.clock.current = DECIDED + timedelta(days=731)
    await two_sweeps_at_once(world.retention)
    await sweep(world.retention)
    assert await _stored(world) == ["", None, "", "opp", "upheld", ["objection"]]
    assert await world.erased("kind", "count", "pupil_id") == [
        ("dispute_files", 3, str(world.pupil))
    ]
