"""The *Ouderavond* form over real HTTP on a real broker and database: it offers the
class groups of the IB's own school as the roster has them now (a pupil who moved
class counts in the new group), and refuses a group of another school before anything
is sent."""

from __future__ import annotations

from uuid import UUID, uuid4

import pytest
from samen_contract.events.consent import PupilGroupChanged
from samen_kit.access import Role
from samen_kit.testing.names import new_tenant
from samen_kit.testing.roster import RosterPublisher
from samen_kit.testing.service import RunningService
from samen_kit.testing.waiting import wait_for
from samen_portal.bootstrap import PortalService

from services.portal.tests.portal_harness import Staff, enrol, sign_in

pytestmark = pytest.mark.integration

Portal = RunningService[PortalService]


async def _offered(ib: Staff, wanted: str) -> str | None:
    page = await ib.client.get("/ouderavond")
    assert page.status_code == 200
    return page.text if wanted in page.text else None


async def test_the_form_offers_the_groups_of_the_ibs_school_as_the_roster_has_them_now(
    portal: Portal, facts: RosterPublisher
) -> None:
    tenant, school, other = new_tenant(), uuid4(), uuid4()
    pupil = await enrol(facts, tenant, school, "7a")
    await enrol(facts, tenant, other, "8c")
    moved = PupilGroupChanged(pupil_id=pupil, school_id=school, group="7b")
    await facts.publish(moved, tenant=tenant, subject=pupil, school=school)

    ib = await sign_in(portal, tenant, Role.IB, schools=(school,))
    page = await wait_for(lambda: _offered(ib, "Alleen de ouders van groep 7b"))

    assert "groep 7a" not in page and "groep 8c" not in page
    assert "Alle ouders van de school" in page


async def test_a_group_of_another_school_is_refused_before_anything_is_sent(
    portal: Portal, facts: RosterPublisher
) -> None:
    tenant, school, other = new_tenant(), uuid4(), uuid4()
    await enrol(facts, tenant, school, "5a")
    await enrol(facts, tenant, other, "6b")
    ib = await sign_in(portal, tenant, Role.IB, schools=(school,))
    await wait_for(lambda: _offered(ib, "groep 5a"))

    answer = await ib.client.post("/ouderavond", data=_form(ib, school, group="6b"))

    assert answer.status_code == 422
    assert "Kies een groep van deze school" in answer.text


def _form(ib: Staff, school: UUID, group: str) -> dict[str, str]:
    return {
        "csrf": ib.csrf,
        "school": str(school),
        "group": group,
        "day": "2099-03-18",
        "start": "19:30",
        "end": "21:00",
        "place": "De aula",
        "sender": "Het team",
    }
