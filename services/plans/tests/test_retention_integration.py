"""Retention in the plans service on a real PostgreSQL: two years after the pupil left,
the OPP versions' content and the groeidocument's words are gone; ids, versions, the
action part's hash and dates stay; two sweeps at once erase once; a hold keeps them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from uuid import UUID, uuid4

import pytest
from samen_kit.testing.retention import RetentionWorld, run
from samen_plans.adapters.retention import ERASERS
from samen_plans.adapters.tables import GroeidocumentEntryRow, OppRow, OppVersionRow
from samen_plans.bootstrap import MIGRATIONS

pytestmark = pytest.mark.integration

LEFT = date(2026, 7, 17)
AT = datetime(2025, 10, 6, 9, tzinfo=UTC)
GOAL = {"goals": ["Leest op AVI E5 aan het eind van groep 5"]}


@dataclass
class World(RetentionWorld):
    service = "plans"
    erasers = ERASERS


async def _an_opp(world: World, school: UUID) -> None:
    opp = uuid4()
    rows = [
        OppRow(
            tenant=world.tenant, opp_id=opp, pupil_id=world.pupil, school_id=school,
            support_started_on=AT.date(), opp_due_on=AT.date(), status="set",
            latest_version=1, set_version=1, first_set_on=AT.date(), created_by="ib:1",
            created_at=AT,
        ),
        OppVersionRow(
            tenant=world.tenant, opp_id=opp, version=1, basis={"strengths": ["rekenen"]},
            action_part=GOAL, action_part_sha256="a" * 64, written_by="ib:1", written_at=AT,
        ),
        GroeidocumentEntryRow(
            tenant=world.tenant, entry_id=uuid4(), pupil_id=world.pupil, school_id=school,
            kind="test", text="Dyslexieonderzoek: kenmerken van dyslexie.",
            test_name="Dyslexieprotocol", taken_on=AT.date(), by_role="ib", author="ib:1",
            added_at=AT,
        ),
    ]  # fmt: skip
    await world.add(*rows)


world = World.fixture(MIGRATIONS, LEFT, _an_opp)


async def _stored(world: World) -> list[object]:
    rows = await run(
        world.sessions,
        "SELECT v.basis, v.action_part, v.action_part_sha256, o.status, o.first_set_on,"
        " g.text, g.test_name, g.taken_on FROM opp o JOIN opp_version v USING (tenant, opp_id)"
        " JOIN groeidocument_entry g USING (tenant, pupil_id)",
    )
    return list(rows[0])


async def test_two_years_after_leaving_the_opp_content_goes_once(world: World) -> None:
    today, later = await world.swept_today_and_two_years_on(lambda: _stored(world))

    assert today[1] == GOAL
    assert later == [{}, {}, "a" * 64, "set", AT.date(), "", None, AT.date()]
    assert await world.erased("kind", "count", "basis") == [("opp_versions", 2, "wpo_40a_opp")]


async def test_a_legal_hold_keeps_the_opp(world: World) -> None:
    await world.swept_two_years_on_under_a_hold("dispute:x", LEFT)
    assert (await _stored(world))[1] == GOAL
    assert await world.erased() == []
