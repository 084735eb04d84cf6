"""Who looked at the child's file, as the parent sees it on Mijn kind: the kind of
person and their organisation, per day, newest first; never who by name or id."""

from __future__ import annotations

from datetime import date

import httpx
import pytest
from samen_kit.access import Role
from samen_kit.testing.roster import RosterPublisher
from samen_portal.entrypoints.presenting import AMSTERDAM
from samen_portal.parents.looks import Look, Looker, looker_of, who_looked

from services.portal.tests.portal_harness import known_family, sign_in
from services.portal.tests.test_parents_kind import Portal

MONDAY, TUESDAY = date(2026, 3, 2), date(2026, 3, 3)


@pytest.mark.unit
def test_views_on_one_day_by_the_same_kind_of_person_make_one_line_newest_day_first() -> None:
    views = [("ib", MONDAY), ("ib", MONDAY), ("teacher", MONDAY), ("ib", TUESDAY)]

    assert who_looked(views) == [
        Look(TUESDAY, Looker.IB),
        Look(MONDAY, Looker.TEACHER),
        Look(MONDAY, Looker.IB),
    ]


@pytest.mark.unit
def test_the_samenwerkingsverbands_people_are_named_by_their_organisation() -> None:
    assert {looker_of(r) for r in ("swv_staff", "expert", "committee", "swv_admin")} == {Looker.SWV}
    assert looker_of("trajectbegeleider") is Looker.SWV
    assert looker_of("board_admin") is Looker.BOARD
    assert looker_of(None) is Looker.SCHOOL_SIDE  # recorded before roles were kept


@pytest.mark.integration
async def test_a_guardian_sees_that_the_ib_looked_at_the_file_but_not_who(
    portal: Portal, facts: RosterPublisher
) -> None:
    tenant, school, pupil, guardian = await known_family(portal, facts)
    token = portal.guardian_token(tenant, guardian, pupil)
    async with httpx.AsyncClient(base_url=portal.base_url, timeout=20.0) as parent:
        before = await parent.get(f"/ouders/kind/{pupil}", params={"token": token})
        ib = await sign_in(portal, tenant, Role.IB, schools=(school,))
        async with ib.client:
            assert (await ib.client.get(f"/leerlingen/{pupil}")).status_code == 200
        after = await parent.get(f"/ouders/kind/{pupil}", params={"token": token})

    assert "Niemand heeft het dossier nog bekeken." in before.text
    looked = after.text[after.text.index('id="bekeken"') : after.text.index('id="gegevens"')]
    assert "De intern begeleider van de school" in looked
    day = portal.clock.now().astimezone(AMSTERDAM).date().isoformat()
    assert f'datetime="{day}"' in looked
    viewer = await portal.sql("SELECT viewer FROM portal_file_view WHERE pupil_id = :p", p=pupil)
    assert viewer[0][0] not in after.text  # the staff member's id stays with the school
