"""Bad input gets a clear RFC 9457 problem and changes nothing: no row, no event."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from uuid import uuid4

import httpx
import pytest
from samen_kit.access import Role
from samen_kit.testing.names import new_tenant
from samen_kit.testing.waiting import wait_for

from services.meetings.tests.meetings_harness import (
    Pupil,
    Roster,
    Running,
    pupil_known,
    register_staff,
)
from services.meetings.tests.meetings_requests import meeting_body, record_body

pytestmark = pytest.mark.integration
PROBLEM = "application/problem+json"


async def footprint(run: Running, pupil: Pupil) -> list[Any]:
    """Everything a refused request could have left behind for this pupil."""
    counts = []
    for table in ("meeting", "meeting_record", "agreement", "opp"):
        rows = await run.sql(f"SELECT count(*) FROM {table} WHERE pupil_id = :p", p=pupil.pupil_id)
        counts.append(rows[0][0])
    outbox = await run.sql(
        "SELECT count(*) FROM outbox WHERE key = :k", k=str(pupil.pupil_id).encode()
    )
    return [*counts, outbox[0][0]]


@pytest.fixture
async def school(meetings: Running, consent_roster: Roster) -> tuple[Pupil, Any, dict[str, str]]:
    pupil = await consent_roster.enrol(new_tenant())
    await wait_for(lambda: pupil_known(meetings, pupil))
    async with httpx.AsyncClient(base_url=meetings.base_url) as http:
        teacher = await register_staff(meetings, http, pupil.tenant, pupil.school_id)
    return pupil, teacher, meetings.staff_token(pupil.tenant, Role.IB, schools=(pupil.school_id,))


def later(run: Running, days: int = 5) -> Any:
    return run.clock.now() + timedelta(days=days)


async def test_refused_plans_say_why_and_leave_nothing_behind(
    meetings: Running, school: tuple[Pupil, Any, dict[str, str]]
) -> None:
    pupil, teacher, staff = school
    async with httpx.AsyncClient(base_url=meetings.base_url, headers=staff) as http:
        colleague_elsewhere = await register_staff(meetings, http, pupil.tenant, uuid4())
        outsider = uuid4()  # on the staff list of no school of this tenant
        start = later(meetings)
        cases = {
            "end-before-start": meeting_body(pupil.pupil_id, "intake", start, [teacher], hours=-1),
            "start-in-past": meeting_body(
                pupil.pupil_id, "intake", meetings.clock.now() - timedelta(hours=2), [teacher]
            ),
            "participant-from-another-school": meeting_body(
                pupil.pupil_id, "intake", start, [colleague_elsewhere]
            ),
            "participant-from-another-tenant": meeting_body(
                pupil.pupil_id, "intake", start, [outsider]
            ),
            "interpreter-language-missing": meeting_body(
                pupil.pupil_id, "intake", start, [teacher], interpreter_needed=True
            ),
            "required-role-missing": meeting_body(pupil.pupil_id, "support_team", start, []),
            "invalid": meeting_body(pupil.pupil_id, "intake", start, [teacher])
            | {"starts_at": start.replace(tzinfo=None).isoformat()},
        }
        before = await footprint(meetings, pupil)
        answers = {code: await http.post("/meetings", json=body) for code, body in cases.items()}

    assert await footprint(meetings, pupil) == before
    for code, response in answers.items():
        assert response.headers["content-type"] == PROBLEM, code
        assert response.json()["type"] == f"urn:samen:problem:{code}", response.text
        assert response.status_code == (404 if "another" in code else 422), code


async def test_a_record_for_a_cancelled_meeting_and_a_second_record_are_refused(
    meetings: Running, school: tuple[Pupil, Any, dict[str, str]]
) -> None:
    pupil, teacher, staff = school
    attended = [teacher, *pupil.guardians]
    async with httpx.AsyncClient(base_url=meetings.base_url, headers=staff) as http:
        held = meeting_body(
            pupil.pupil_id, "intake", meetings.clock.now() - timedelta(days=1), [teacher]
        )
        done = (await http.post("/meetings/unplanned", json=held)).json()["meeting_id"]
        also_held = (await http.post("/meetings/unplanned", json=held)).json()["meeting_id"]
        first = await http.post(f"/meetings/{done}/record", json=record_body(attended))
        planned = meeting_body(pupil.pupil_id, "intake", later(meetings), [teacher])
        called_off = (await http.post("/meetings", json=planned)).json()["meeting_id"]
        await http.post(f"/meetings/{called_off}/cancel", json={"reason": "by_guardian"})
        before = await footprint(meetings, pupil)
        second = await http.post(f"/meetings/{done}/record", json=record_body(attended))
        cancelled = await http.post(f"/meetings/{called_off}/record", json=record_body(attended))
        incomplete = await http.post(
            f"/meetings/{also_held}/record",
            json=record_body(attended, strengths=[], goals=[" "]),
        )

    assert first.status_code == 201
    assert await footprint(meetings, pupil) == before
    assert (second.status_code, second.json()["type"]) == (409, "urn:samen:problem:second-record")
    assert (cancelled.status_code, cancelled.json()["type"]) == (
        409,
        "urn:samen:problem:record-for-cancelled-meeting",
    )
    assert (incomplete.status_code, incomplete.json()["missing"]) == (422, ["strengths", "goals"])
