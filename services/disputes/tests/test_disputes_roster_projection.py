"""The projection of the consent service's roster: who the pupils and their guardians
are. A redelivered fact changes nothing; a later fact wins."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from uuid import UUID, uuid4

import httpx
import pytest
from samen_contract.events.consent import (
    GuardianshipEnded,
    GuardianshipRecorded,
    GuardianStanding,
    PupilEnrolled,
)
from samen_kit.access import Role
from samen_kit.roster import Roster as RosterView
from samen_kit.testing.names import new_tenant
from samen_kit.testing.waiting import wait_for

from services.disputes.tests.disputes_harness import Roster, Running, enrolled

pytestmark = pytest.mark.integration
AUTHORITY = GuardianStanding.PARENTAL_AUTHORITY


async def standing_of(disputes: Running, tenant: str, pupil: UUID, guardian: UUID) -> str | None:
    async with disputes.service.deps.sessions() as session:
        return await RosterView(session).standing(tenant, pupil, guardian)


async def test_a_redelivered_guardianship_ended_does_not_undo_a_later_recording(
    disputes: Running, consent_roster: Roster
) -> None:
    pupil = await consent_roster.enrol(new_tenant())
    guardian, marker = pupil.guardians[0], uuid4()
    tenant, pupil_id = pupil.tenant, pupil.pupil_id
    ended = await consent_roster.publish(
        GuardianshipEnded(pupil_id=pupil_id, guardian_id=guardian), tenant=tenant, subject=pupil_id
    )
    recorded_again = GuardianshipRecorded(
        pupil_id=pupil_id, guardian_id=guardian, standing=AUTHORITY
    )
    await consent_roster.publish(recorded_again, tenant=tenant, subject=pupil_id)

    await consent_roster.send(ended, GuardianshipEnded(pupil_id=pupil_id, guardian_id=guardian))
    # A later fact on the same partition: once it is applied, the redelivery was handled.
    later = GuardianshipRecorded(pupil_id=pupil_id, guardian_id=marker, standing=AUTHORITY)
    await consent_roster.publish(later, tenant=tenant, subject=pupil_id)
    await wait_for(lambda: standing_of(disputes, tenant, pupil_id, marker))

    assert await standing_of(disputes, tenant, pupil_id, guardian) == "parental_authority"


async def test_the_same_enrolment_delivered_twice_is_applied_once(
    disputes: Running, consent_roster: Roster
) -> None:
    from sqlalchemy import text

    pupil = await enrolled(disputes, consent_roster)
    again = PupilEnrolled(
        pupil_id=pupil.pupil_id, school_id=pupil.school_id, enrolled_on=date(2025, 8, 25)
    )
    first = await consent_roster.publish(
        again, tenant=pupil.tenant, subject=pupil.pupil_id, board=pupil.board
    )
    await consent_roster.send(first, again)
    marker = uuid4()
    later = GuardianshipRecorded(pupil_id=pupil.pupil_id, guardian_id=marker, standing=AUTHORITY)
    await consent_roster.publish(later, tenant=pupil.tenant, subject=pupil.pupil_id)
    await wait_for(lambda: standing_of(disputes, pupil.tenant, pupil.pupil_id, marker))

    async with disputes.service.deps.sessions() as session:
        handled = await session.execute(
            text("SELECT count(*) FROM inbox WHERE event_id = :id"), {"id": UUID(first.id)}
        )
    assert handled.scalar_one() == 1


async def test_a_pupil_who_changes_school_leaves_the_old_schools_view(
    disputes: Running, consent_roster: Roster
) -> None:
    pupil = await enrolled(disputes, consent_roster)
    new_school = uuid4()
    moved = PupilEnrolled(pupil_id=pupil.pupil_id, school_id=new_school, enrolled_on=date.today())
    await consent_roster.publish(
        moved, tenant=pupil.tenant, subject=pupil.pupil_id, board=pupil.board
    )

    async def at_new_school() -> bool:
        async with disputes.service.deps.sessions() as session:
            row = await RosterView(session).pupil(pupil.tenant, pupil.pupil_id)
        return row is not None and row.school_id == new_school

    await wait_for(at_new_school)
    old_ib = disputes.staff_token(pupil.tenant, Role.IB, schools=(pupil.school_id,))
    new_ib = disputes.staff_token(pupil.tenant, Role.IB, schools=(new_school,))
    body = {"pupil_id": str(pupil.pupil_id), "subject": "other", "description": "Zorgen"}
    async with httpx.AsyncClient(base_url=disputes.base_url) as http:
        refused = await http.post("/disputes", json=body, headers=old_ib)
        opened = await http.post("/disputes", json=body, headers=new_ib)
    assert refused.status_code == 404
    assert opened.status_code == 201
    assert opened.json()["school_id"] == str(new_school)


async def test_two_tenants_importing_the_same_pupil_and_guardian_ids_stay_apart(
    disputes: Running, consent_roster: Roster
) -> None:
    """Roster ids are unique only within a tenant: the second import must not take the
    first tenant's pupil (its staff would get 404) nor end its guardian's standing."""
    ones = await consent_roster.enrol(new_tenant())
    theirs = await consent_roster.enrol(new_tenant(), same_ids_as=ones)
    pupil_id, (guardian_id,) = ones.pupil_id, ones.guardians
    first, second = ones.tenant, theirs.tenant
    schools = {first: ones.school_id, second: theirs.school_id}
    ended = GuardianshipEnded(pupil_id=pupil_id, guardian_id=guardian_id)
    await consent_roster.publish(ended, tenant=second, subject=pupil_id)

    async def second_ended() -> bool:
        known = await standing_of(disputes, first, pupil_id, guardian_id)
        return (
            known is not None and await standing_of(disputes, second, pupil_id, guardian_id) is None
        )

    await wait_for(second_ended)
    body = {"pupil_id": str(pupil_id), "subject": "other", "description": "Zorgen"}
    async with httpx.AsyncClient(base_url=disputes.base_url) as http:
        for tenant in (first, second):
            ib = disputes.staff_token(tenant, Role.IB, schools=(schools[tenant],))
            opened = await http.post("/disputes", json=body, headers=ib)
            assert opened.status_code == 201, (tenant, opened.text)
            assert opened.json()["school_id"] == str(schools[tenant])
    assert await standing_of(disputes, first, pupil_id, guardian_id) == "parental_authority"


async def _all_known(standings: Callable[[], Awaitable[list[str | None]]]) -> bool:
    return None not in await standings()


async def _second_ended(standings: Callable[[], Awaitable[list[str | None]]]) -> bool:
    return await standings() == ["parental_authority", None]
