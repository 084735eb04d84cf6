"""The inspectie report counts per school from the data itself: evaluations with the
parents against cycles due, OPPs set within 6 weeks against all due, and action parts in
force without consent (zero, and a planted inconsistency shows up)."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID, uuid4

import httpx
import pytest
from samen_kit.access import Role
from samen_kit.testing.names import new_tenant
from samen_kit.testing.waiting import wait_for
from sqlalchemy import text

from services.plans.tests.plans_harness import Pupil, Roster, Running, pupil_known
from services.plans.tests.plans_requests import ib, offered, opp_of, started, written

pytestmark = pytest.mark.integration


async def pupils_of_one_school(plans: Running, roster: Roster, count: int) -> list[Pupil]:
    tenant, school, board = new_tenant(), uuid4(), f"board-{uuid4().hex[:6]}"
    pupils = [await roster.enrol(tenant, school_id=school, board=board) for _ in range(count)]
    for pupil in pupils:
        await wait_for(lambda pupil=pupil: pupil_known(plans, pupil))
    return pupils


async def report(client: httpx.AsyncClient, plans: Running, pupil: Pupil) -> dict[str, Any]:
    inspectie = plans.staff_token(pupil.tenant, Role.INSPECTIE)
    params = {"from": "2025-12-01", "to": "2027-12-31", "school_id": str(pupil.school_id)}
    response = await client.get("/reports/inspectie", params=params, headers=inspectie)
    assert response.status_code == 200, response.text
    schools: list[dict[str, Any]] = response.json()["schools"]
    assert [s["school_id"] for s in schools] == [str(pupil.school_id)]
    return schools[0]


async def test_the_report_counts_what_happened_per_school(
    plans: Running, consent_roster: Roster, client: httpx.AsyncClient
) -> None:
    set_pupil, late_pupil = await pupils_of_one_school(plans, consent_roster, 2)
    opp_id = await started(client, plans, set_pupil, started_on=date(2025, 12, 20))
    late_opp = await started(client, plans, late_pupil, started_on=date(2025, 12, 20))
    sha = (await written(client, plans, set_pupil, opp_id))["action_part_sha256"]
    await offered(client, plans, set_pupil, opp_id, 1)
    request_id = await consent_roster.requested(set_pupil, UUID(opp_id), 1, sha)
    await consent_roster.all_agree(set_pupil, request_id)

    async def is_set() -> bool:
        return (await opp_of(client, plans, set_pupil, opp_id))["status"] == "set"

    await wait_for(is_set)
    with_parents = {"held_on": "2026-01-05", "guardians_present": [str(set_pupil.guardians[0])]}
    held = await client.post(
        f"/opps/{opp_id}/evaluations", json=with_parents, headers=ib(plans, set_pupil)
    )
    assert held.status_code == 201, held.text

    counts = await report(client, plans, set_pupil)
    assert (counts["opps_due"], counts["opps_set_within_six_weeks"]) == (2, 1)
    # The cycle the evaluation answered, and the next one it opened.
    assert (counts["evaluations_due"], counts["evaluations_held_with_parents"]) == (2, 1)
    assert counts["evaluations_held_on_time"] == 1
    assert counts["action_parts_in_force_without_consent"] == 0

    # An action part marked in force with no consent behind it is found, not assumed away.
    async with plans.service.deps.sessions() as session, session.begin():
        await session.execute(
            text("UPDATE opp SET set_version = 1, latest_version = 1 WHERE opp_id = :id"),
            {"id": late_opp},
        )
    assert (await report(client, plans, set_pupil))["action_parts_in_force_without_consent"] == 1


async def test_a_teacher_gets_no_report_and_a_reversed_period_is_refused(
    plans: Running, consent_roster: Roster, client: httpx.AsyncClient
) -> None:
    (pupil,) = await pupils_of_one_school(plans, consent_roster, 1)
    params = {"from": "2026-02-01", "to": "2026-01-01"}
    teacher = plans.staff_token(pupil.tenant, Role.TEACHER, schools=(pupil.school_id,))
    assert (
        await client.get("/reports/inspectie", params=params, headers=teacher)
    ).status_code == 403
    director = plans.staff_token(pupil.tenant, Role.DIRECTOR, schools=(pupil.school_id,))
    assert (
        await client.get("/reports/inspectie", params=params, headers=director)
    ).status_code == 422
