"""Two tenants whose rosters use the same pupil and guardian ids keep two pupils apart:
tenant B's enrolment, its guardian's end, the pupil leaving B's school and a consent
withdrawn in B change nothing of tenant A's pupil. A's staff still see their pupil
(not 404) and plan with A's consents, A's parents still reach their pages, and B's staff
see B's own pupil."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import uuid4

import httpx
import pytest
from samen_contract.events.consent import ConsentWithdrawn, GuardianshipEnded, PupilLeft
from samen_kit.access import GuardianItem, Role
from samen_kit.testing.names import new_tenant
from samen_kit.testing.waiting import wait_for

from services.meetings.tests.meetings_harness import Pupil, Roster, Running, pupil_known
from services.meetings.tests.test_meetings_consent_gate_http import (
    MDO_CONSENTS,
    consents_known,
    plan_mdo,
)

pytestmark = pytest.mark.integration


async def b_facts_applied(run: Running, b: Pupil) -> bool:
    """B's guardian has gone and B's consent was withdrawn, in B's projection."""
    left = await run.sql(
        "SELECT left_on FROM roster_pupil WHERE tenant = :t AND pupil_id = :p",
        t=b.tenant,
        p=b.pupil_id,
    )
    withdrawn = await run.sql(
        "SELECT count(*) FROM consent_state"
        " WHERE tenant = :t AND pupil_id = :p AND status = 'withdrawn'",
        t=b.tenant,
        p=b.pupil_id,
    )
    return bool(left and left[0][0] is not None and withdrawn[0][0] == 1)


async def pupil_as_seen(run: Running, http: httpx.AsyncClient, pupil: Pupil) -> Any:
    staff = run.staff_token(pupil.tenant, Role.IB, schools=(pupil.school_id,))
    return await http.get(f"/pupils/{pupil.pupil_id}", headers=staff)


async def test_a_second_tenants_pupil_with_the_same_ids_leaves_the_first_tenants_alone(
    meetings: Running, consent_roster: Roster
) -> None:
    a = await consent_roster.enrol(new_tenant(), consents=MDO_CONSENTS)
    await wait_for(lambda: pupil_known(meetings, a))
    await wait_for(lambda: consents_known(meetings, a, 2))
    async with httpx.AsyncClient(base_url=meetings.base_url) as http:
        planned = await plan_mdo(meetings, http, a)
        assert planned.status_code == 201, planned.text
        meeting_id = planned.json()["meeting_id"]

        b = await consent_roster.enrol(new_tenant(), same_ids_as=a)
        await wait_for(lambda: pupil_known(meetings, b))
        (guardian,) = b.guardians
        assert (b.pupil_id, guardian) == (a.pupil_id, a.guardians[0])
        for fact in (
            ConsentWithdrawn(
                request_id=uuid4(), pupil_id=b.pupil_id, purpose="mdo_request", party_id=guardian
            ),
            GuardianshipEnded(pupil_id=b.pupil_id, guardian_id=guardian),
            PupilLeft(pupil_id=b.pupil_id, school_id=b.school_id, left_on=date(2026, 1, 9)),
        ):
            await consent_roster.publish(fact, tenant=b.tenant, subject=b.pupil_id)
        await wait_for(lambda: b_facts_applied(meetings, b))

        seen_by_a = await pupil_as_seen(meetings, http, a)
        seen_by_b = await pupil_as_seen(meetings, http, b)
        staff_a = meetings.staff_token(a.tenant, Role.IB, schools=(a.school_id,))
        meeting = await http.get(f"/meetings/{meeting_id}", headers=staff_a)
        token = meetings.guardian_token(
            a.tenant, guardian, a.pupil_id, GuardianItem.of("meeting", meeting_id)
        )
        invitation = await http.get(f"/ouders/gesprekken/{meeting_id}", params={"token": token})
        another_mdo = await plan_mdo(meetings, http, a)
        # B's staff reach B's pupil, never A's meeting about the pupil with the same id.
        staff_b = meetings.staff_token(b.tenant, Role.IB, schools=(b.school_id, a.school_id))
        a_meeting_for_b = await http.get(f"/meetings/{meeting_id}", headers=staff_b)

    assert seen_by_a.status_code == 200, seen_by_a.text
    pupil_a = seen_by_a.json()
    assert pupil_a["school_id"] == str(a.school_id)
    assert pupil_a["left_on"] is None
    assert [g["guardian_id"] for g in pupil_a["guardians"]] == [str(guardian)]
    assert {c["purpose"]: c["status"] for c in pupil_a["consents"]} == {
        "mdo_request": "given",
        "engage_swv": "given",
    }
    assert meeting.json()["status"] == "scheduled"
    assert invitation.status_code == 200
    assert another_mdo.status_code == 201, another_mdo.text

    assert seen_by_b.status_code == 200, seen_by_b.text
    pupil_b = seen_by_b.json()
    assert pupil_b["school_id"] == str(b.school_id)
    assert pupil_b["left_on"] == "2026-01-09"
    assert pupil_b["guardians"] == []
    assert {c["purpose"]: c["status"] for c in pupil_b["consents"]} == {"mdo_request": "withdrawn"}
    assert a_meeting_for_b.status_code == 404
