"""Two tenants whose rosters use the same pupil and guardian ids keep two pupils apart:
tenant B importing and enrolling the pupil at its own school, and then ending the
guardianship and the enrolment there, changes nothing of tenant A's pupil. A's guardian
still gets A's request with A's first name at A's address, A's staff still see their
pupil's notifications and reach the guardian, and B's staff see B's own pupil."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from samen_contract.events.consent import GuardianshipEnded, PupilEnrolled, PupilLeft
from samen_kit.access import Role
from samen_kit.roster import Roster
from samen_kit.testing.names import new_tenant
from samen_kit.testing.waiting import wait_for

from services.notifications.tests.notifications_harness import (
    Running,
    StartService,
    consent_requested,
    guardianship,
)

pytestmark = pytest.mark.integration

A_EMAIL, B_EMAIL = "ouder.a@example.nl", "ouder.b@example.nl"


async def _guardians(running: Running, tenant: str, pupil: uuid.UUID) -> dict[uuid.UUID, str]:
    async with running.service.runtime.sessions() as session:
        return await Roster(session).guardians(tenant, pupil)


async def _without_guardians(running: Running, tenant: str, pupil: uuid.UUID) -> bool:
    return not await _guardians(running, tenant, pupil)


async def _enrol(
    running: Running,
    school: uuid.UUID,
    pupil: uuid.UUID,
    guardian: uuid.UUID,
    name: str,
    email: str,
) -> str:
    tenant = new_tenant()
    await running.http.put(
        f"/v1/schools/{school}", json={"name": f"School {name}"}, headers=running.headers(tenant)
    )
    await running.import_family(
        tenant, school, first_name=name, pupil=pupil, guardian=guardian, email=email
    )
    facts = [
        PupilEnrolled(pupil_id=pupil, school_id=school, enrolled_on=date(2025, 8, 25)),
        guardianship(pupil, guardian),
    ]
    await running.publish_about(tenant, pupil, *facts)
    await wait_for(lambda: _guardians(running, tenant, pupil))
    return tenant


async def test_a_second_tenants_pupil_with_the_same_ids_leaves_the_first_tenants_alone(
    running_service: StartService,
) -> None:
    pupil, guardian, school_a, school_b = (uuid.uuid4() for _ in range(4))
    async with running_service() as running:
        a = await _enrol(running, school_a, pupil, guardian, "Anna", A_EMAIL)
        b = await _enrol(running, school_b, pupil, guardian, "Bram", B_EMAIL)
        gone = [
            GuardianshipEnded(pupil_id=pupil, guardian_id=guardian),
            PupilLeft(pupil_id=pupil, school_id=school_b, left_on=date(2026, 1, 9)),
        ]
        await running.publish_about(b, pupil, *gone)
        await wait_for(lambda: _without_guardians(running, b, pupil))

        request = consent_requested(pupil, school_a, guardian)
        await running.publish_about(a, pupil, request)
        (mail,) = await wait_for(lambda: running.mails(A_EMAIL))
        staff_a = running.headers(a, Role.IB, schools=(school_a,))
        staff_b = running.headers(b, Role.IB, schools=(school_b,))
        seen_by_a = await running.http.get(f"/v1/pupils/{pupil}/notifications", headers=staff_a)
        seen_by_b = await running.http.get(f"/v1/pupils/{pupil}/notifications", headers=staff_b)
        link = f"/v1/guardians/{guardian}/preferences-link"
        link_by_a = await running.http.post(link, headers=staff_a)
        link_by_b = await running.http.post(link, headers=staff_b)
        await running.drain()

    body = mail.get_body(("plain",))
    assert body is not None
    assert "Anna" in body.get_content() and "Bram" not in body.get_content()
    assert running.mails(B_EMAIL) == []
    assert seen_by_a.status_code == 200, seen_by_a.text
    assert [(n["template"], n["recipient_id"]) for n in seen_by_a.json()] == [
        ("consent_request", str(guardian))
    ]
    assert seen_by_b.status_code == 200, seen_by_b.text
    assert seen_by_b.json() == []
    assert link_by_a.status_code == 200, link_by_a.text
    assert link_by_b.status_code == 404  # B's guardianship has ended; A's stands
