"""A dispute about the OPP names the OPP (from the plans service's facts), so the
meetings service can mark it contested."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID, uuid4

import httpx
import pytest
from samen_disputes.adapters.opps import SqlOpps
from samen_kit.access import Role
from samen_kit.testing.names import new_tenant
from samen_kit.testing.waiting import wait_for

from services.disputes.tests.disputes_harness import (
    Plans,
    Pupil,
    Roster,
    Running,
    Tap,
    enrolled,
    pupil_known,
)

pytestmark = pytest.mark.integration


async def opp_known(
    disputes: Running, tenant: str, opp_id: UUID, version: int | None = None
) -> bool:
    """The plans facts about the OPP reached the projection (with `version`)."""
    async with disputes.service.deps.sessions() as session:
        row = await SqlOpps(session).opp(tenant, opp_id)
    return row is not None and (version is None or row.action_part_version == version)


async def open_opp_dispute(disputes: Running, pupil: Pupil, **body: Any) -> httpx.Response:
    payload = {"pupil_id": str(pupil.pupil_id), "subject": "opp_action_part", **body}
    payload.setdefault("description", "Het handelingsdeel past niet bij mijn kind.")
    headers = disputes.staff_token(pupil.tenant, Role.IB, schools=(pupil.school_id,))
    async with httpx.AsyncClient(base_url=disputes.base_url) as http:
        return await http.post("/disputes", json=payload, headers=headers)


async def test_a_dispute_about_the_action_part_names_the_pupils_latest_opp(
    disputes: Running, consent_roster: Roster, plans_facts: Plans, disputes_tap: Tap
) -> None:
    pupil = await enrolled(disputes, consent_roster)
    earlier = await plans_facts.start_support(pupil, date(2024, 9, 1))
    await plans_facts.write_version(pupil, earlier, 1)
    latest = await plans_facts.start_support(pupil, date(2025, 9, 1))
    await wait_for(lambda: opp_known(disputes, pupil.tenant, latest))

    opened = await open_opp_dispute(disputes, pupil)

    assert opened.status_code == 201, opened.text
    assert opened.json()["opp_id"] == str(latest)
    event = await wait_for(lambda: disputes_tap.of(pupil.tenant, "DisputeOpened"))
    assert event[0].data["opp_id"] == str(latest)


async def test_an_opp_of_another_pupil_is_refused_and_nothing_opens(
    disputes: Running, consent_roster: Roster, plans_facts: Plans
) -> None:
    pupil = await consent_roster.enrol(new_tenant())
    other = await consent_roster.enrol(pupil.tenant)
    await wait_for(lambda: pupil_known(disputes, pupil))
    opp_of_other = await plans_facts.start_support(other, date(2025, 9, 1))
    await wait_for(lambda: opp_known(disputes, pupil.tenant, opp_of_other))

    refused = await open_opp_dispute(disputes, pupil, opp_id=str(opp_of_other))
    unrelated = await open_opp_dispute(disputes, pupil, subject="admission", opp_id=str(uuid4()))

    assert refused.status_code == 422 and unrelated.status_code == 422
    headers = disputes.staff_token(pupil.tenant, Role.SWV_ADMIN)
    async with httpx.AsyncClient(base_url=disputes.base_url) as http:
        listed = (await http.get("/disputes", headers=headers)).json()
    assert listed["items"] == []


async def test_the_opp_keeps_its_latest_action_part_version_never_an_older_one(
    disputes: Running, consent_roster: Roster, plans_facts: Plans
) -> None:
    pupil = await enrolled(disputes, consent_roster)
    opp_id = await plans_facts.start_support(pupil, date(2025, 9, 1))
    await wait_for(lambda: opp_known(disputes, pupil.tenant, opp_id))
    async with disputes.service.deps.sessions() as session:
        before = await SqlOpps(session).opp(pupil.tenant, opp_id)
    for version in (1, 3, 2):  # a late fact about version 2 arrives after version 3
        await plans_facts.write_version(pupil, opp_id, version)
    await wait_for(lambda: opp_known(disputes, pupil.tenant, opp_id, version=3))

    opened = await open_opp_dispute(disputes, pupil, opp_id=str(opp_id))

    assert before is not None and before.action_part_version is None  # none written yet
    assert opened.status_code == 201, opened.text
    assert opened.json()["opp_id"] == str(opp_id)
    async with disputes.service.deps.sessions() as session:
        row = await SqlOpps(session).opp(pupil.tenant, opp_id)
    assert row is not None and row.action_part_version == 3
