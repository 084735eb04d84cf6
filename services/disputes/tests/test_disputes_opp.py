"""A dispute about the OPP names the OPP (from the meetings service's facts), so the
meetings service can mark it contested."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID, uuid4

import httpx
import pytest
from samen_contract.events.meetings import OppRegistered
from samen_disputes.adapters.opps import SqlOpps
from samen_kit.access import Role
from samen_kit.testing.names import new_tenant
from samen_kit.testing.waiting import wait_for

from services.disputes.tests.disputes_harness import Pupil, Roster, Running, Tap, pupil_known

pytestmark = pytest.mark.integration


async def register_opp(roster: Roster, pupil: Pupil, started_on: date) -> UUID:
    opp_id = uuid4()
    fact = OppRegistered(
        opp_id=opp_id,
        pupil_id=pupil.pupil_id,
        school_id=pupil.school_id,
        started_on=started_on,
        action_part_version=1,
        parents_approved=False,
        evaluation_due_on=date(2026, 9, 1),
    )
    await roster.publish(fact, tenant=pupil.tenant, subject=pupil.pupil_id, school=pupil.school_id)
    return opp_id


async def opp_known(disputes: Running, tenant: str, opp_id: UUID) -> bool:
    async with disputes.service.deps.sessions() as session:
        return await SqlOpps(session).opp(tenant, opp_id) is not None


async def open_opp_dispute(disputes: Running, pupil: Pupil, **body: Any) -> httpx.Response:
    payload = {"pupil_id": str(pupil.pupil_id), "subject": "opp_action_part", **body}
    payload.setdefault("description", "Het handelingsdeel past niet bij mijn kind.")
    headers = disputes.staff_token(pupil.tenant, Role.IB, schools=(pupil.school_id,))
    async with httpx.AsyncClient(base_url=disputes.base_url) as http:
        return await http.post("/disputes", json=payload, headers=headers)


async def test_a_dispute_about_the_action_part_names_the_pupils_latest_opp(
    disputes: Running, consent_roster: Roster, disputes_tap: Tap
) -> None:
    pupil = await consent_roster.enrol(new_tenant())
    await wait_for(lambda: pupil_known(disputes, pupil))
    await register_opp(consent_roster, pupil, date(2024, 9, 1))
    latest = await register_opp(consent_roster, pupil, date(2025, 9, 1))
    await wait_for(lambda: opp_known(disputes, pupil.tenant, latest))

    opened = await open_opp_dispute(disputes, pupil)

    assert opened.status_code == 201, opened.text
    assert opened.json()["opp_id"] == str(latest)
    event = await wait_for(lambda: disputes_tap.of(pupil.tenant, "DisputeOpened"))
    assert event[0].data["opp_id"] == str(latest)


async def test_an_opp_of_another_pupil_is_refused_and_nothing_opens(
    disputes: Running, consent_roster: Roster
) -> None:
    pupil = await consent_roster.enrol(new_tenant())
    other = await consent_roster.enrol(pupil.tenant)
    await wait_for(lambda: pupil_known(disputes, pupil))
    opp_of_other = await register_opp(consent_roster, other, date(2025, 9, 1))
    await wait_for(lambda: opp_known(disputes, pupil.tenant, opp_of_other))

    refused = await open_opp_dispute(disputes, pupil, opp_id=str(opp_of_other))
    unrelated = await open_opp_dispute(disputes, pupil, subject="admission", opp_id=str(uuid4()))

    assert refused.status_code == 422 and unrelated.status_code == 422
    headers = disputes.staff_token(pupil.tenant, Role.SWV_ADMIN)
    async with httpx.AsyncClient(base_url=disputes.base_url) as http:
        listed = (await http.get("/disputes", headers=headers)).json()
    assert listed["items"] == []
