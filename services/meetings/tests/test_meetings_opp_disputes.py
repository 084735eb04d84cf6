"""An open dispute about a pupil's OPP (known from the plans service's facts) marks that
OPP as contested for staff who plan its evaluation; the mark goes when the dispute ends.
A second delivery changes nothing."""

from __future__ import annotations

from datetime import date, timedelta
from uuid import UUID, uuid4

import httpx
import pytest
from samen_contract.events.disputes import DisputeOpened, DisputeResolved
from samen_kit.access import Role
from samen_kit.testing.names import new_tenant
from samen_kit.testing.waiting import wait_for

from services.meetings.tests.meetings_harness import (
    Plans,
    Pupil,
    Roster,
    Running,
    opp_known,
    pupil_known,
    register_staff,
)
from services.meetings.tests.meetings_requests import meeting_body

pytestmark = pytest.mark.integration


def opened(pupil: Pupil, dispute_id: UUID, opp_id: UUID | None, subject: str) -> DisputeOpened:
    return DisputeOpened(
        dispute_id=dispute_id,
        pupil_id=pupil.pupil_id,
        school_id=pupil.school_id,
        subject=subject,
        opened_by="guardian",
        opp_id=opp_id,
        stage="conversation",
        stages=("conversation",),
        situation="conversation",
        no_deadline_reason="informal_stage",
    )


async def test_an_open_dispute_about_the_opp_marks_it_contested_until_it_ends(
    meetings: Running, consent_roster: Roster, plans_facts: Plans
) -> None:
    pupil = await consent_roster.enrol(new_tenant())
    await wait_for(lambda: pupil_known(meetings, pupil))
    opp_id = await plans_facts.start_support(pupil, date(2026, 1, 12))
    await plans_facts.write_version(pupil, opp_id, 1)
    await wait_for(lambda: opp_known(meetings, pupil.tenant, opp_id, version=1))
    staff = meetings.staff_token(pupil.tenant, Role.IB, schools=(pupil.school_id,))
    async with httpx.AsyncClient(base_url=meetings.base_url, headers=staff) as http:
        teacher = await register_staff(meetings, http, pupil.tenant, pupil.school_id)
        dispute, other = uuid4(), uuid4()
        fact = opened(pupil, dispute, opp_id, "opp_action_part")
        envelope = await consent_roster.publish(fact, tenant=pupil.tenant, subject=pupil.pupil_id)
        await consent_roster.send(envelope, fact)  # delivered twice
        unrelated = opened(pupil, other, None, "admission")
        await consent_roster.publish(unrelated, tenant=pupil.tenant, subject=pupil.pupil_id)

        async def contested() -> bool:
            return bool((await http.get(f"/opps/{opp_id}")).json()["contested"])

        await wait_for(contested)
        marked = (await http.get(f"/opps/{opp_id}")).json()
        later = meetings.clock.now() + timedelta(days=14)
        body = meeting_body(
            pupil.pupil_id, "opp_evaluation", later, [teacher], evaluates_opp_id=str(opp_id)
        )
        planned = (await http.post("/meetings", json=body)).json()

        resolved = DisputeResolved(
            dispute_id=dispute,
            pupil_id=pupil.pupil_id,
            school_id=pupil.school_id,
            subject="opp_action_part",
            opp_id=opp_id,
            stages_before=("conversation",),
            resolved_by="staff",
        )
        await consent_roster.publish(resolved, tenant=pupil.tenant, subject=pupil.pupil_id)

        async def settled() -> bool:
            return not await contested()

        await wait_for(settled)

    assert marked["dispute_ids"] == [str(dispute)]
    assert planned["opp_disputes"] == [str(dispute)]
