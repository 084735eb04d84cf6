"""Who viewed a pupil's file, against the running portal's real database and broker:
a view goes five years after its day — once, however many purges run at once — and a
view of a pupil under a legal hold (the inspectie's, on the bus) stays until the hold
is lifted."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from uuid import UUID, uuid4

import pytest
from samen_contract.events.retention import LegalHoldLifted, LegalHoldPlaced
from samen_kit.access import Role
from samen_kit.retention.sweep import Retention, purge
from samen_kit.testing.names import new_tenant
from samen_kit.testing.roster import RosterPublisher
from samen_kit.testing.service import RunningService
from samen_kit.testing.waiting import wait_for
from samen_portal.adapters.retention import ACCESS_RECORDS
from samen_portal.bootstrap import PortalService

from services.portal.tests.portal_harness import enrol, sign_in
from services.portal.tests.test_portal_readmodel import known

pytestmark = pytest.mark.integration

Portal = RunningService[PortalService]
ALMOST_FIVE_YEARS = timedelta(days=5 * 365 - 5)


def _retention(portal: Portal) -> Retention:
    sessions = portal.service.runtime.sessions
    return Retention("portal", sessions, portal.clock, (), {}, ACCESS_RECORDS)


async def _views(portal: Portal, tenant: str, pupil: UUID) -> int:
    rows = await portal.sql(
        "SELECT count(*) FROM portal_file_view WHERE tenant = :t AND pupil_id = :p",
        t=tenant,
        p=pupil,
    )
    return int(rows[0][0])


async def _hold_is(portal: Portal, tenant: str, pupil: UUID, open_: bool) -> bool:
    rows = await portal.sql(
        "SELECT lifted_on IS NULL FROM retention_hold WHERE tenant = :t AND pupil_id = :p",
        t=tenant,
        p=pupil,
    )
    return [tuple(row) for row in rows] == [(open_,)]


async def test_a_view_goes_five_years_after_its_day_unless_the_pupil_is_held(
    portal: Portal, facts: RosterPublisher
) -> None:
    tenant, school = new_tenant(), uuid4()
    free, held = await enrol(facts, tenant, school, "5a"), await enrol(facts, tenant, school, "5b")
    for pupil in (free, held):
        await wait_for(lambda: known(portal, tenant, pupil))  # noqa: B023 (awaited here)
    ib = await sign_in(portal, tenant, Role.IB, schools=(school,))
    for pupil in (free, held):
        assert (await ib.client.get(f"/leerlingen/{pupil}")).status_code == 200
    hold = uuid4()
    placed = LegalHoldPlaced(pupil_id=held, hold_id=hold, placed_on=portal.clock.now().date())
    await facts.publish(placed, tenant=tenant, subject=held)
    await wait_for(lambda: _hold_is(portal, tenant, held, True))
    retention = _retention(portal)

    portal.clock.advance(ALMOST_FIVE_YEARS)
    await purge(retention)
    assert (await _views(portal, tenant, free), await _views(portal, tenant, held)) == (1, 1)

    portal.clock.advance(timedelta(days=10))
    await asyncio.gather(purge(retention), purge(retention))
    assert (await _views(portal, tenant, free), await _views(portal, tenant, held)) == (0, 1)

    lifted = LegalHoldLifted(pupil_id=held, hold_id=hold, lifted_on=portal.clock.now().date())
    await facts.publish(lifted, tenant=tenant, subject=held)
    await wait_for(lambda: _hold_is(portal, tenant, held, False))
    await purge(retention)
    assert await _views(portal, tenant, held) == 0
