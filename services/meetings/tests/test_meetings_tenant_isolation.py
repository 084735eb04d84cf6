"""Tenant isolation over every staff route: a token of tenant A — even one that names
tenant B's school — gets 404 for each of tenant B's meetings, records, agreements, OPPs
(known from the plans service) and pupils, exactly as for things that do not exist; and
nothing of B changes.

The routes are enumerated from the app; a new route without a request here fails."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

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
    opp_known,
    pupil_known,
    register_staff,
)
from services.meetings.tests.meetings_requests import agreement, meeting_body, record_body

pytestmark = pytest.mark.integration

# Routes that name no resource of a tenant: their subject is the caller's own tenant.
TENANT_OWN = {("PUT", "/staff/{person_id}"), ("GET", "/settings"), ("PUT", "/settings")}
TENANT_OWN |= {("GET", "/staff")}  # tested in test_meetings_staff_directory
# A guardian's route: its tenant check is the kit's (samen_kit.privacy, the export tests).
TENANT_OWN |= {("GET", "/v1/guardian/export/{pupil_id}")}
LISTS = {("GET", "/meetings"), ("GET", "/agreements"), ("GET", "/opps")}


@dataclass
class TenantB:
    pupil: Pupil
    meeting_id: str
    held_meeting_id: str
    record_id: str
    agreement_id: str
    opp_id: str

    def path_values(self) -> dict[str, str]:
        return {
            "meeting_id": self.meeting_id,
            "record_id": self.record_id,
            "agreement_id": self.agreement_id,
            "opp_id": self.opp_id,
            "pupil_id": str(self.pupil.pupil_id),
        }


def bodies(b: TenantB, now: Any) -> dict[tuple[str, str], dict[str, Any] | None]:
    """A valid request for every staff route, aimed at tenant B's data."""
    later = now + timedelta(days=20)
    pupil = b.pupil.pupil_id
    guardian = b.pupil.guardians[0]
    return {
        ("POST", "/meetings"): meeting_body(pupil, "progress_talk", later, []),
        ("POST", "/meetings/unplanned"): meeting_body(
            pupil, "progress_talk", now - timedelta(days=2), []
        ),
        ("GET", "/meetings/{meeting_id}"): None,
        ("POST", "/meetings/{meeting_id}/reschedule"): {
            "starts_at": later.isoformat(),
            "ends_at": (later + timedelta(hours=1)).isoformat(),
        },
        ("POST", "/meetings/{meeting_id}/cancel"): {"reason": "by_school"},
        ("GET", "/meetings/{meeting_id}/calendar.ics"): None,
        ("POST", "/meetings/{meeting_id}/record"): record_body([guardian]),
        ("GET", "/meetings/{meeting_id}/record"): None,
        ("GET", "/records/{record_id}"): None,
        ("GET", "/agreements/{agreement_id}"): None,
        ("GET", "/opps/{opp_id}"): None,
        ("GET", "/pupils/{pupil_id}"): None,
        ("POST", "/v1/retention/erasure-requests"): {"pupil_id": str(pupil)},
    }


def staff_routes(openapi: dict[str, Any]) -> set[tuple[str, str]]:
    """Every route the service documents, but the parents' pages and health checks."""
    return {
        (method.upper(), path)
        for path, operations in openapi["paths"].items()
        if not path.startswith(("/ouders/", "/health"))
        for method in operations
    }


async def tenant_b(run: Running, roster: Roster, plans: Plans) -> TenantB:
    tenant = new_tenant()
    pupil = await roster.enrol(tenant)
    await wait_for(lambda: pupil_known(run, pupil))
    opp_id = await plans.start_support(pupil, date(2026, 1, 12))
    await wait_for(lambda: opp_known(run, tenant, opp_id))
    staff = run.staff_token(tenant, Role.IB, schools=(pupil.school_id,))
    now = run.clock.now()
    async with httpx.AsyncClient(base_url=run.base_url, headers=staff) as http:
        teacher = await register_staff(run, http, tenant, pupil.school_id)
        planned = await http.post(
            "/meetings",
            json=meeting_body(pupil.pupil_id, "intake", now + timedelta(days=5), [teacher]),
        )
        held = await http.post(
            "/meetings/unplanned",
            json=meeting_body(pupil.pupil_id, "intake", now - timedelta(days=1), [teacher]),
        )
        held_id = held.json()["meeting_id"]
        deal = agreement(teacher, now.date() + timedelta(days=7), now.date() + timedelta(days=30))
        record = await http.post(
            f"/meetings/{held_id}/record",
            json=record_body([teacher, *pupil.guardians], [deal]),
        )
    assert {r.status_code for r in (planned, held, record)} == {201}, record.text
    return TenantB(
        pupil,
        planned.json()["meeting_id"],
        held_id,
        record.json()["record_id"],
        record.json()["agreements"][0]["agreement_id"],
        str(opp_id),
    )


async def test_every_staff_route_answers_another_tenants_data_as_not_found(
    meetings: Running, consent_roster: Roster, plans_facts: Plans
) -> None:
    b = await tenant_b(meetings, consent_roster, plans_facts)
    examples = bodies(b, meetings.clock.now())
    routes = staff_routes(meetings.service.app.openapi()) - TENANT_OWN - LISTS
    assert routes == set(examples), "add a request for each new route"
    before = await meetings.sql("SELECT count(*) FROM outbox")
    # Tenant A's IB, whose token even lists tenant B's school.
    a_staff = meetings.staff_token(new_tenant(), Role.IB, schools=(b.pupil.school_id,))
    async with httpx.AsyncClient(base_url=meetings.base_url, headers=a_staff) as http:
        for (method, template), body in sorted(examples.items()):
            path = template.format(**b.path_values())
            response = await http.request(method, path, json=body)
            assert response.status_code == 404, (method, template, response.text)
            assert response.json()["type"] == "urn:samen:problem:not-found", (method, template)
        for method, path in sorted(LISTS):
            listed = await http.request(method, path, params={"pupil_id": str(b.pupil.pupil_id)})
            assert listed.status_code == 200 and listed.json() == [], path

    assert await meetings.sql("SELECT count(*) FROM outbox") == before
    rows = await meetings.sql(
        "SELECT status, revision FROM meeting WHERE meeting_id = :m", m=b.meeting_id
    )
    assert [tuple(r) for r in rows] == [("scheduled", 0)]


async def test_a_miss_and_another_tenants_data_look_the_same(
    meetings: Running, consent_roster: Roster, plans_facts: Plans
) -> None:
    b = await tenant_b(meetings, consent_roster, plans_facts)
    a_staff = meetings.staff_token(new_tenant(), Role.IB, schools=(b.pupil.school_id,))
    async with httpx.AsyncClient(base_url=meetings.base_url, headers=a_staff) as http:
        theirs = await http.get(f"/meetings/{b.meeting_id}")
        nothing = await http.get(f"/meetings/{b.opp_id}")  # an id that is no meeting

    assert theirs.status_code == nothing.status_code == 404
    assert {k: v for k, v in theirs.json().items() if k != "instance"} == {
        k: v for k, v in nothing.json().items() if k != "instance"
    }
