"""The consent gate over HTTP and Kafka: an MDO needs consent for the MDO and for engaging
the samenwerkingsverband; a withdrawn consent puts the planned MDO on hold, a consent
given again brings it back; a second delivery of the same fact changes nothing."""

from __future__ import annotations

from datetime import datetime, timedelta
from uuid import UUID, uuid4

import httpx
import pytest
from samen_contract.events.consent import GuardianshipRecorded, GuardianStanding
from samen_kit.access import Role
from samen_kit.testing.names import new_tenant
from samen_kit.testing.waiting import wait_for

from services.meetings.tests.meetings_harness import (
    Pupil,
    Roster,
    Running,
    Tap,
    pupil_known,
    register_staff,
)
from services.meetings.tests.meetings_requests import meeting_body

pytestmark = pytest.mark.integration

MDO_CONSENTS = ("mdo_request", "engage_swv")


async def consents_known(run: Running, pupil: Pupil, count: int) -> bool:
    rows = await run.sql(
        "SELECT count(*) FROM consent_state"
        " WHERE tenant = :t AND pupil_id = :p AND status = 'given'",
        t=pupil.tenant,
        p=pupil.pupil_id,
    )
    return bool(rows[0][0] == count)


async def with_mdo_consents(run: Running, roster: Roster) -> tuple[Pupil, dict[str, UUID]]:
    """A pupil whose guardians gave both consents an MDO needs, once the service knows:
    the pupil and the request of each purpose."""
    pupil = await roster.enrol(new_tenant())
    requests = {p: await roster.give(pupil, p) for p in MDO_CONSENTS}
    await wait_for(lambda: consents_known(run, pupil, 2))
    return pupil, requests


async def plan_mdo(run: Running, http: httpx.AsyncClient, pupil: Pupil) -> httpx.Response:
    teacher = await register_staff(run, http, pupil.tenant, pupil.school_id, Role.TEACHER)
    ib = await register_staff(run, http, pupil.tenant, pupil.school_id, Role.IB)
    adviser = uuid4()
    await http.put(
        f"/staff/{adviser}",
        json={"role": "trajectbegeleider", "school_ids": []},
        headers=run.staff_token(pupil.tenant, Role.SWV_ADMIN),
    )
    starts = run.clock.now() + timedelta(days=10)
    return await http.post(
        "/meetings",
        json=meeting_body(pupil.pupil_id, "mdo", starts, [teacher, ib, adviser]),
        headers=run.staff_token(pupil.tenant, Role.IB, schools=(pupil.school_id,)),
    )


async def test_an_mdo_without_consent_is_refused_and_nothing_is_planned(
    meetings: Running, consent_roster: Roster
) -> None:
    pupil = await consent_roster.enrol(new_tenant(), consents=("engage_swv",))
    await wait_for(lambda: consents_known(meetings, pupil, 1))
    async with httpx.AsyncClient(base_url=meetings.base_url) as http:
        response = await plan_mdo(meetings, http, pupil)

    assert response.status_code == 409
    problem = response.json()
    assert problem["type"] == "urn:samen:problem:consent-required"
    assert problem["holds"] == [{"purpose": "mdo_request", "gap": "missing", "role": None}]
    rows = await meetings.sql("SELECT count(*) FROM meeting WHERE pupil_id = :p", p=pupil.pupil_id)
    assert rows[0][0] == 0


async def test_a_withdrawn_consent_puts_the_planned_mdo_on_hold_once(
    meetings: Running, consent_roster: Roster, meetings_tap: Tap
) -> None:
    pupil = await consent_roster.enrol(new_tenant(), guardians=2)
    requests = {p: await consent_roster.give(pupil, p) for p in MDO_CONSENTS}
    await wait_for(lambda: pupil_known(meetings, pupil))
    await wait_for(lambda: consents_known(meetings, pupil, 2))
    async with httpx.AsyncClient(base_url=meetings.base_url) as http:
        planned = await plan_mdo(meetings, http, pupil)
        assert planned.status_code == 201, planned.text
        meeting_id = planned.json()["meeting_id"]

        envelope, withdrawn = await consent_roster.withdraw(
            pupil, "mdo_request", requests["mdo_request"]
        )
        (held,) = await wait_for(lambda: meetings_tap.of(pupil.tenant, "MeetingOnHold"))
        await consent_roster.send(envelope, withdrawn)  # the same fact, delivered again
        await after_redelivery(meetings, consent_roster, pupil)

        staff = meetings.staff_token(pupil.tenant, Role.IB, schools=(pupil.school_id,))
        meeting = (await http.get(f"/meetings/{meeting_id}", headers=staff)).json()

    assert held.data["meeting_id"] == meeting_id
    assert held.data["holds"] == [{"purpose": "mdo_request", "gap": "withdrawn", "role": None}]
    assert held.data["revision"] == 1
    assert held.envelope.causationid == envelope.id
    assert meeting["status"] == "on_hold"
    assert meeting["revision"] == 1
    assert len(meetings_tap.of(pupil.tenant, "MeetingOnHold")) == 1


async def after_redelivery(run: Running, roster: Roster, pupil: Pupil) -> None:
    """A later fact about the same pupil (same key, same partition) has been applied, so
    the redelivered one before it has been handled too."""
    marker = GuardianshipRecorded(
        pupil_id=pupil.pupil_id, guardian_id=uuid4(), standing=GuardianStanding.INFORMATION_RIGHT
    )
    await roster.publish(marker, tenant=pupil.tenant, subject=pupil.pupil_id)

    async def applied() -> bool:
        rows = await run.sql(
            "SELECT count(*) FROM roster_guardianship WHERE guardian_id = :g", g=marker.guardian_id
        )
        return bool(rows[0][0] == 1)

    await wait_for(applied)


async def test_consent_given_again_brings_the_mdo_back_at_its_own_time(
    meetings: Running, consent_roster: Roster, meetings_tap: Tap
) -> None:
    pupil, requests = await with_mdo_consents(meetings, consent_roster)
    async with httpx.AsyncClient(base_url=meetings.base_url) as http:
        planned = (await plan_mdo(meetings, http, pupil)).json()
    await consent_roster.withdraw(pupil, "engage_swv", requests["engage_swv"])
    (held,) = await wait_for(lambda: meetings_tap.of(pupil.tenant, "MeetingOnHold"))
    await consent_roster.give(pupil, "engage_swv")

    (back,) = await wait_for(lambda: meetings_tap.of(pupil.tenant, "MeetingRescheduled"))
    assert held.data["holds"] == [
        {"purpose": "engage_swv", "gap": "withdrawn", "role": "trajectbegeleider"}
    ]
    assert back.data["reason"] == "resumed"
    assert back.data["starts_at"] == back.data["previous_starts_at"]
    assert _instant(back.data["starts_at"]) == _instant(planned["starts_at"])
    assert back.data["revision"] == 2


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


async def test_a_withdrawal_delivered_again_after_consent_came_back_changes_nothing(
    meetings: Running, consent_roster: Roster, meetings_tap: Tap
) -> None:
    pupil, requests = await with_mdo_consents(meetings, consent_roster)
    async with httpx.AsyncClient(base_url=meetings.base_url) as http:
        meeting_id = (await plan_mdo(meetings, http, pupil)).json()["meeting_id"]
        envelope, withdrawn = await consent_roster.withdraw(
            pupil, "mdo_request", requests["mdo_request"]
        )
        await consent_roster.give(pupil, "mdo_request")
        await wait_for(lambda: meetings_tap.of(pupil.tenant, "MeetingRescheduled"))
        await consent_roster.send(envelope, withdrawn)  # an old fact, delivered again
        await after_redelivery(meetings, consent_roster, pupil)
        staff = meetings.staff_token(pupil.tenant, Role.IB, schools=(pupil.school_id,))
        meeting = (await http.get(f"/meetings/{meeting_id}", headers=staff)).json()

    assert meeting["status"] == "scheduled"
    assert len(meetings_tap.of(pupil.tenant, "MeetingOnHold")) == 1
    consents = await meetings.sql(
        "SELECT status FROM consent_state WHERE pupil_id = :p AND purpose = 'mdo_request'",
        p=pupil.pupil_id,
    )
    assert consents[0][0] == "given"
