"""Tenant isolation over every route: each route the service documents is tried by
another tenant's staff or guardian against this tenant's pupil and dispute. The routes
come from the served OpenAPI document, so a new route without a case here fails."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx
import pytest
from samen_kit.access import GuardianItem, Role
from samen_kit.refusal_table import report_refusals
from samen_kit.testing.names import new_tenant
from samen_kit.testing.waiting import wait_for

from services.disputes.tests.disputes_harness import Pupil, Roster, Running, Tap, pupil_known

pytestmark = pytest.mark.integration

CONTACT_OF_A = "www.example.org/consulenten-a"


@dataclass
class World:
    """Tenant A's pupil and dispute; tenant B's staff and guardian."""

    disputes: Running
    http: httpx.AsyncClient
    a: Pupil
    b: Pupil
    dispute_id: str

    def staff_b(self, role: Role = Role.SWV_ADMIN) -> dict[str, str]:
        return self.disputes.staff_token(self.b.tenant, role)

    def guardian_b(self, *, pupil_of_a: bool = False, item: GuardianItem | None = None) -> str:
        """A real token of tenant B; it may name A's pupil, but its tenant stays B."""
        pupil = self.a.pupil_id if pupil_of_a else self.b.pupil_id
        return self.disputes.guardian_token(
            self.b.tenant, self.b.guardians[0], pupil, item or GuardianItem.of("pupil", pupil)
        )


Check = Callable[[World], Awaitable[None]]


async def _dispute_list(world: World) -> None:
    listed = await world.http.get(
        "/disputes", params={"include_ended": "true"}, headers=world.staff_b()
    )
    assert listed.status_code == 200
    assert world.dispute_id not in listed.text


async def _open_on_a_pupil(world: World) -> None:
    body = {"pupil_id": str(world.a.pupil_id), "subject": "other", "description": "poging"}
    opened = await world.http.post("/disputes", json=body, headers=world.staff_b())
    assert opened.status_code == 404


async def _erasure_request(world: World) -> None:
    body = {"pupil_id": str(world.a.pupil_id)}
    asked = await world.http.post(
        "/v1/retention/erasure-requests", json=body, headers=world.staff_b()
    )
    assert asked.status_code == 404


async def _get_dispute(world: World) -> None:
    got = await world.http.get(f"/disputes/{world.dispute_id}", headers=world.staff_b())
    assert got.status_code == 404


async def _move(world: World) -> None:
    body = {"move": "resolve"}
    moved = await world.http.post(
        f"/disputes/{world.dispute_id}/moves", json=body, headers=world.staff_b()
    )
    assert moved.status_code == 404


async def _note(world: World) -> None:
    body = {"text": "poging"}
    noted = await world.http.post(
        f"/disputes/{world.dispute_id}/notes", json=body, headers=world.staff_b()
    )
    assert noted.status_code == 404


async def _get_settings(world: World) -> None:
    got = await world.http.get("/tenant-settings", headers=world.staff_b())
    assert got.status_code == 200
    assert got.json()["consultants_contact"] != CONTACT_OF_A


async def _put_settings(world: World) -> None:
    headers = world.staff_b()
    current = (await world.http.get("/tenant-settings", headers=headers)).json()
    changed = {**current, "consultants_contact": "www.example.org/b"}
    put = await world.http.put("/tenant-settings", json=changed, headers=headers)
    assert put.status_code == 200
    admin_a = world.disputes.staff_token(world.a.tenant, Role.SWV_ADMIN)
    of_a = (await world.http.get("/tenant-settings", headers=admin_a)).json()
    assert of_a["consultants_contact"] == CONTACT_OF_A


async def _get_school_kind(world: World) -> None:
    got = await world.http.get(f"/schools/{world.a.school_id}/kind", headers=world.staff_b())
    assert got.status_code == 404


async def _put_school_kind(world: World) -> None:
    put = await world.http.put(
        f"/schools/{world.a.school_id}/kind", json={"kind": "private"}, headers=world.staff_b()
    )
    assert put.status_code == 404
    admin_a = world.disputes.staff_token(world.a.tenant, Role.SWV_ADMIN)
    of_a = await world.http.get(f"/schools/{world.a.school_id}/kind", headers=admin_a)
    assert of_a.json() == {"kind": "public"}


async def _parent_list(world: World) -> None:
    page = await world.http.get("/ouders/geschillen", params={"token": world.guardian_b()})
    assert page.status_code == 200
    assert world.dispute_id not in page.text


async def _parent_start_page(world: World) -> None:
    page = await world.http.get(
        f"/ouders/geschil-starten/{world.a.pupil_id}",
        params={"token": world.guardian_b(pupil_of_a=True)},
    )
    assert page.status_code == 404


async def _parent_open(world: World) -> None:
    token = world.guardian_b(pupil_of_a=True)
    form = {"token": token, "subject": "other", "description": "poging", "stage": "conversation"}
    async with httpx.AsyncClient(base_url=world.disputes.base_url) as fresh:
        opened = await fresh.post(f"/ouders/geschil-starten/{world.a.pupil_id}", data=form)
    assert opened.status_code == 404


def _dispute_token(world: World) -> str:
    return world.guardian_b(pupil_of_a=True, item=GuardianItem.of("dispute", world.dispute_id))


async def _parent_page(world: World) -> None:
    page = await world.http.get(
        f"/ouders/geschillen/{world.dispute_id}", params={"token": _dispute_token(world)}
    )
    assert page.status_code == 404


async def _parent_move(world: World) -> None:
    form = {"token": _dispute_token(world), "move": "withdraw"}
    async with httpx.AsyncClient(base_url=world.disputes.base_url) as fresh:
        moved = await fresh.post(f"/ouders/geschillen/{world.dispute_id}/stap", data=form)
    assert moved.status_code == 404


async def _parent_note(world: World) -> None:
    form = {"token": _dispute_token(world), "text": "poging"}
    async with httpx.AsyncClient(base_url=world.disputes.base_url) as fresh:
        noted = await fresh.post(f"/ouders/geschillen/{world.dispute_id}/notitie", data=form)
    assert noted.status_code == 404


async def _no_tenant_data(world: World) -> None:
    """Health routes answer about the process, never about a tenant."""


CASES: dict[tuple[str, str], Check] = {
    ("GET", "/disputes"): _dispute_list,
    ("POST", "/disputes"): _open_on_a_pupil,
    ("POST", "/v1/retention/erasure-requests"): _erasure_request,
    ("GET", "/disputes/{dispute_id}"): _get_dispute,
    ("POST", "/disputes/{dispute_id}/moves"): _move,
    ("POST", "/disputes/{dispute_id}/notes"): _note,
    ("GET", "/tenant-settings"): _get_settings,
    ("PUT", "/tenant-settings"): _put_settings,
    ("GET", "/schools/{school_id}/kind"): _get_school_kind,
    ("PUT", "/schools/{school_id}/kind"): _put_school_kind,
    ("GET", "/ouders/geschillen"): _parent_list,
    ("GET", "/ouders/geschil-starten/{pupil_id}"): _parent_start_page,
    ("POST", "/ouders/geschil-starten/{pupil_id}"): _parent_open,
    ("GET", "/ouders/geschillen/{dispute_id}"): _parent_page,
    ("POST", "/ouders/geschillen/{dispute_id}/stap"): _parent_move,
    ("POST", "/ouders/geschillen/{dispute_id}/notitie"): _parent_note,
    ("GET", "/health/live"): _no_tenant_data,
    ("GET", "/health/ready"): _no_tenant_data,
}


def documented_routes(openapi: dict[str, Any]) -> set[tuple[str, str]]:
    return {
        (method.upper(), path)
        for path, operations in openapi["paths"].items()
        for method in operations
    }


async def set_up(disputes: Running, roster: Roster, http: httpx.AsyncClient) -> World:
    a = await roster.enrol(new_tenant())
    b = await roster.enrol(new_tenant())
    for pupil in (a, b):
        await wait_for(functools.partial(pupil_known, disputes, pupil))
    admin_a = disputes.staff_token(a.tenant, Role.SWV_ADMIN)
    settings = (await http.get("/tenant-settings", headers=admin_a)).json()
    await http.put(
        "/tenant-settings", json={**settings, "consultants_contact": CONTACT_OF_A}, headers=admin_a
    )
    decided_on = (disputes.clock.now() - timedelta(days=1)).date().isoformat()
    body = {
        "pupil_id": str(a.pupil_id),
        "subject": "removal",
        "description": "Verwijdering",
        "decision_date": decided_on,
    }
    opened = await http.post("/disputes", json=body, headers=admin_a)
    assert opened.status_code == 201, opened.text
    return World(disputes, http, a, b, opened.json()["id"])


async def test_every_route_keeps_one_tenants_disputes_from_another(
    disputes: Running, consent_roster: Roster, disputes_tap: Tap
) -> None:
    async with httpx.AsyncClient(base_url=disputes.base_url) as http:
        routes = documented_routes((await http.get("/openapi.json")).json())
        # The guardian export's tenant check: test_disputes_guardian_export.py.
        routes -= {("GET", "/v1/guardian/export/{pupil_id}")}
        assert routes == set(CASES), "every route needs a tenant isolation case"
        world = await set_up(disputes, consent_roster, http)
        await wait_for(lambda: disputes_tap.of(world.a.tenant, "DisputeOpened"))

        for route in sorted(routes):
            await CASES[route](world)

        admin_a = disputes.staff_token(world.a.tenant, Role.SWV_ADMIN)
        after = (await http.get(f"/disputes/{world.dispute_id}", headers=admin_a)).json()
    assert after["moves"] == [] and after["notes"] == [] and after["ending"] is None
    facts_of_a = [s.name for s in disputes_tap.of(world.a.tenant) if s.name != "AccessRefused"]
    assert facts_of_a == ["DisputeOpened"]


async def test_attempts_on_another_tenants_dispute_are_recorded_for_that_tenant(
    disputes: Running, consent_roster: Roster, disputes_tap: Tap
) -> None:
    async with httpx.AsyncClient(base_url=disputes.base_url) as http:
        world = await set_up(disputes, consent_roster, http)
        await _get_dispute(world)
        await _move(world)
    disputes.clock.advance(timedelta(minutes=2))
    await report_refusals(disputes.service.deps, service="disputes", grace=timedelta(0))

    refused = await wait_for(lambda: len(disputes_tap.of(world.a.tenant, "AccessRefused")) >= 2)
    assert refused
    seen = {
        (s.data["reason"], s.data["method"], s.data["route"])
        for s in disputes_tap.of(world.a.tenant, "AccessRefused")
    }
    assert seen == {
        ("other_tenant", "GET", "/disputes/{dispute_id}"),
        ("other_tenant", "POST", "/disputes/{dispute_id}/moves"),
    }
