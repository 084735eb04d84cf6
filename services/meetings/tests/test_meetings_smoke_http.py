"""Planning a meeting over HTTP invites the pupil's guardians (MeetingScheduled on Kafka)."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from samen_kit.access import Role
from samen_kit.testing.names import new_tenant
from samen_kit.testing.waiting import wait_for

from services.meetings.tests.meetings_harness import (
    Roster,
    Running,
    Tap,
    pupil_known,
    register_staff,
)

pytestmark = pytest.mark.integration


async def test_a_planned_meeting_invites_every_guardian_with_authority(
    meetings: Running, consent_roster: Roster, meetings_tap: Tap
) -> None:
    tenant = new_tenant()
    pupil = await consent_roster.enrol(tenant, guardians=2, information_right=1)
    await wait_for(lambda: pupil_known(meetings, pupil))
    async with httpx.AsyncClient(base_url=meetings.base_url) as http:
        teacher = await register_staff(meetings, http, tenant, pupil.school_id)
        starts = meetings.clock.now() + timedelta(days=7)
        response = await http.post(
            "/meetings",
            json={
                "pupil_id": str(pupil.pupil_id),
                "kind": "progress_talk",
                "starts_at": starts.isoformat(),
                "ends_at": (starts + timedelta(hours=1)).isoformat(),
                "staff_ids": [str(teacher)],
            },
            headers=meetings.staff_token(tenant, Role.IB, schools=(pupil.school_id,)),
        )
    assert response.status_code == 201, response.text
    (seen,) = await wait_for(lambda: meetings_tap.of(tenant, "MeetingScheduled"))
    assert sorted(seen.data["guardian_ids"]) == sorted(str(g) for g in pupil.guardians)
    assert seen.data["revision"] == 0
