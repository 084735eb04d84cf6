"""The OPPs come from the plans service: staff no longer register them here. Its facts
make the pupil's OPP known (one open at a time: a newer one closes the previous one), its
versions move it on, and a meeting of kind `opp_evaluation` names a known, open OPP of
the pupil; its record carries the OPP in `MeetingRecorded.evaluated_opp_id`, for the
plans service to turn into `EvaluationHeld`. Nothing here emits `OppRegistered`."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from uuid import UUID, uuid4

import httpx
import pytest
from samen_kit.access import Role
from samen_kit.testing.names import new_tenant
from samen_kit.testing.waiting import wait_for

from services.meetings.tests.meetings_harness import (
    Plans,
    Pupil,
    Roster,
    Running,
    Tap,
    opp_known,
    pupil_known,
    register_staff,
)
from services.meetings.tests.meetings_requests import meeting_body, record_body

pytestmark = pytest.mark.integration

FIRST_START, SECOND_START = date(2025, 9, 1), date(2026, 1, 12)


async def known_pupil(run: Running, roster: Roster) -> Pupil:
    pupil = await roster.enrol(new_tenant())
    await wait_for(lambda: pupil_known(run, pupil))
    return pupil


def evaluation(pupil: Pupil, run: Running, teacher: UUID, opp_id: Any) -> dict[str, Any]:
    """An OPP evaluation held yesterday, registered afterwards."""
    held = run.clock.now() - timedelta(days=1)
    return meeting_body(
        pupil.pupil_id, "opp_evaluation", held, [teacher], evaluates_opp_id=str(opp_id)
    )


async def test_the_plans_facts_make_the_opp_known_and_a_newer_one_closes_it(
    meetings: Running, consent_roster: Roster, plans_facts: Plans
) -> None:
    pupil = await known_pupil(meetings, consent_roster)
    first = await plans_facts.start_support(pupil, FIRST_START)
    await plans_facts.write_version(pupil, first, 1)
    await plans_facts.write_version(pupil, first, 2)
    await plans_facts.set_action_part(pupil, first, 2, date(2025, 10, 6), date(2026, 10, 6))
    await plans_facts.write_version(pupil, first, 3)  # written, not set yet
    await wait_for(lambda: opp_known(meetings, pupil.tenant, first, version=3))
    staff = meetings.staff_token(pupil.tenant, Role.IB, schools=(pupil.school_id,))
    async with httpx.AsyncClient(base_url=meetings.base_url, headers=staff) as http:
        current = (await http.get(f"/opps/{first}")).json()
        second = await plans_facts.start_support(pupil, SECOND_START)
        await wait_for(lambda: opp_known(meetings, pupil.tenant, second))
        listed = (await http.get("/opps", params={"pupil_id": str(pupil.pupil_id)})).json()
        seen = (await http.get(f"/pupils/{pupil.pupil_id}")).json()

    assert (current["version"], current["set_version"], current["set_on"]) == (3, 2, "2025-10-06")
    assert (current["opp_due_on"], current["evaluation_due_on"]) == ("2025-10-13", "2026-10-06")
    assert current["closed_on"] is None
    assert [(o["opp_id"], o["closed_on"]) for o in listed] == [
        (str(second), None),
        (str(first), SECOND_START.isoformat()),
    ]
    assert listed[1]["evaluation_due_on"] is None  # closed: no evaluation is due any more
    assert [o["opp_id"] for o in seen["opps"]] == [str(second), str(first)]


async def test_an_opp_evaluation_names_a_known_open_opp_and_its_record_carries_it(
    meetings: Running, consent_roster: Roster, plans_facts: Plans, meetings_tap: Tap
) -> None:
    pupil = await known_pupil(meetings, consent_roster)
    other = await known_pupil(meetings, consent_roster)
    closed = await plans_facts.start_support(pupil, FIRST_START)
    current = await plans_facts.start_support(pupil, SECOND_START)
    of_other = await plans_facts.start_support(other, SECOND_START)
    await wait_for(lambda: opp_known(meetings, pupil.tenant, current))
    await wait_for(lambda: opp_known(meetings, other.tenant, of_other))
    staff = meetings.staff_token(pupil.tenant, Role.IB, schools=(pupil.school_id,))
    async with httpx.AsyncClient(base_url=meetings.base_url, headers=staff) as http:
        teacher = await register_staff(meetings, http, pupil.tenant, pupil.school_id)
        refused = {
            name: await http.post(
                "/meetings/unplanned", json=evaluation(pupil, meetings, teacher, opp)
            )
            for name, opp in (("closed", closed), ("unknown", uuid4()), ("other", of_other))
        }
        held = await http.post(
            "/meetings/unplanned", json=evaluation(pupil, meetings, teacher, current)
        )
        assert held.status_code == 201, held.text
        record = await http.post(
            f"/meetings/{held.json()['meeting_id']}/record",
            json=record_body([teacher, *pupil.guardians]),
        )
        assert record.status_code == 201, record.text

    (recorded,) = await wait_for(lambda: meetings_tap.of(pupil.tenant, "MeetingRecorded"))
    assert recorded.data["evaluated_opp_id"] == str(current)
    assert recorded.data["kind"] == "opp_evaluation"
    assert (refused["closed"].status_code, refused["closed"].json()["type"]) == (
        409,
        "urn:samen:problem:opp-closed",
    )
    for name in ("unknown", "other"):
        assert refused[name].status_code == 404, name
        assert refused[name].json()["type"] == "urn:samen:problem:evaluation-subject-unknown"
    assert meetings_tap.of(pupil.tenant, "OppRegistered") == []


async def test_staff_no_longer_register_or_revise_an_opp_here(
    meetings: Running, consent_roster: Roster
) -> None:
    pupil = await known_pupil(meetings, consent_roster)
    staff = meetings.staff_token(pupil.tenant, Role.IB, schools=(pupil.school_id,))
    body = {"pupil_id": str(pupil.pupil_id), "started_on": "2026-01-12"}
    async with httpx.AsyncClient(base_url=meetings.base_url, headers=staff) as http:
        register = await http.post("/opps", json=body | {"action_part_version": 1})
        revise = await http.post(f"/opps/{uuid4()}/action-part", json={"version": 2})

    assert register.status_code == 405
    assert revise.status_code == 404
    rows = await meetings.sql("SELECT count(*) FROM opp WHERE pupil_id = :p", p=pupil.pupil_id)
    assert rows[0][0] == 0


async def test_another_tenants_opp_with_the_same_id_takes_nothing_over(
    meetings: Running, consent_roster: Roster, plans_facts: Plans
) -> None:
    pupil = await known_pupil(meetings, consent_roster)
    elsewhere = await consent_roster.enrol(new_tenant(), same_ids_as=pupil)
    await wait_for(lambda: pupil_known(meetings, elsewhere))
    opp_id = await plans_facts.start_support(pupil, FIRST_START)
    await plans_facts.start_support(elsewhere, SECOND_START, opp_id=opp_id)
    await wait_for(lambda: opp_known(meetings, elsewhere.tenant, opp_id))
    staff = meetings.staff_token(pupil.tenant, Role.IB, schools=(pupil.school_id,))
    async with httpx.AsyncClient(base_url=meetings.base_url, headers=staff) as http:
        ours = (await http.get(f"/opps/{opp_id}")).json()

    assert (ours["started_on"], ours["school_id"]) == (
        FIRST_START.isoformat(),
        str(pupil.school_id),
    )
