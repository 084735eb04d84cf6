"""Tenant isolation: a caller of tenant A gets 404 for every consent resource of tenant B,
on every route the app has. The routes are read from the app itself, so a new route
fails this test until it is given sample values here."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any
from uuid import UUID

import pytest
from fastapi.routing import APIRoute
from samen_consent.bootstrap import create_consent_app
from samen_kit.access import GuardianItem, Role

from services.consent.tests.consent_harness import ConsentService, Family, School

pytestmark = pytest.mark.integration

# Routes that touch no other tenant's data by construction, and why.
OWN_TENANT_ONLY = {
    (
        "GET",
        "/v1/guardian/export/{pupil_id}",
    ): "a guardian's route (staff tokens get 401); its tenant check is the kit's,"
    " tested in test_guardian_export_http.py and the disputes export tests",
    ("GET", "/v1/purposes"): "lists the caller's own catalogue",
    ("POST", "/v1/purposes"): "adds to the caller's own catalogue",
    ("POST", "/v1/roster"): "imports into the caller's own tenant (the tenant is the token's)",
    ("GET", "/ouders/overzicht"): "the link's own tenant and pupil: refused (403) below, as the"
    " guardian has no standing for that pupil there",
}


def _flat(routes: Iterable[Any]) -> Iterator[APIRoute]:
    """Every API route, also inside included routers (FastAPI keeps those nested)."""
    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        elif (included := getattr(route, "original_router", None)) is not None:
            yield from _flat(included.routes)


def _routes(consent: ConsentService) -> list[tuple[str, str]]:
    app = create_consent_app(consent.settings)  # the same routes, not started
    found = [
        (method, route.path)
        for route in _flat(app.routes)
        if route.path.startswith(("/v1/", "/ouders/"))
        for method in sorted(route.methods or ())
    ]
    documented = {
        (method.upper(), path)
        for path, operations in app.openapi()["paths"].items()
        if path.startswith(("/v1/", "/ouders/"))
        for method in operations
    }
    assert set(found) == documented  # no route escapes the walk, none is undocumented
    assert len(found) > 20
    return found


class World:
    """Tenant B's resources: a pupil with guardians, a request with evidence, a purpose."""

    def __init__(self, school: School, family: Family, request_id: str, evidence_id: str) -> None:
        self.school, self.family = school, family
        self.values = {
            "request_id": request_id,
            "evidence_id": evidence_id,
            "pupil_id": str(family.pupil_id),
            "school_id": str(school.school_id),
            "code": "b_only_purpose",
            "version": "1",
            "language": "en",
            "purpose": "engage_swv",
        }

    def path(self, template: str) -> str:
        path = template
        for name, value in self.values.items():
            path = path.replace("{" + name + "}", value)
        assert "{" not in path, f"give the test a value for a parameter of {template}"
        return path

    def body(self, method: str, template: str) -> dict[str, Any] | None:
        bodies: dict[tuple[str, str], dict[str, Any]] = {
            ("POST", "/v1/requests"): {
                "pupil_id": self.values["pupil_id"],
                "purpose": "engage_swv",
            },
            ("POST", "/v1/requests/{request_id}/cancel"): {},
            ("POST", "/v1/retention/erasure-requests"): {"pupil_id": self.values["pupil_id"]},
            ("POST", "/v1/requests/{request_id}/pupil-answers"): {"act": "agree"},
            ("POST", "/v1/purposes/{code}/revisions"): {
                "texts": [{"language": "nl", "title": "Titel", "body": "Tekst."}]
            },
            ("POST", "/v1/purposes/{code}/versions/{version}/reviews/{language}"): {},
        }
        if method == "GET":
            return None
        assert (method, template) in bodies, f"give the test a body for {method} {template}"
        return bodies[(method, template)]

    def query(self, template: str) -> dict[str, str]:
        return {"purpose": "engage_swv"} if template.endswith("/consents") else {}


async def _tenant_b(consent: ConsentService) -> World:
    school = School.new()
    family = Family.of(standings=("parental_authority",))
    await consent.import_families(school, [family])
    rid = (await consent.ask(school, family))["request_id"]
    answered = await consent.answer(school.tenant, family.guardian_ids[0], family.pupil_id, rid)
    assert answered.status_code == 303
    director = consent.staff_token(school.tenant, Role.DIRECTOR, schools=[school.school_id])
    evidence = await consent.http.get(f"/v1/requests/{rid}/evidence", headers=director)
    admin = consent.staff_token(school.tenant, Role.SWV_ADMIN)
    purpose = {
        "code": "b_only_purpose",
        "texts": [
            {"language": "nl", "title": "Alleen B", "body": "Een doel van B."},
            {"language": "en", "title": "Only B", "body": "A purpose of B."},
        ],
    }
    assert (await consent.http.post("/v1/purposes", json=purpose, headers=admin)).status_code == 201
    return World(school, family, rid, evidence.json()[0]["evidence_id"])


async def test_every_staff_route_answers_404_for_another_tenants_resources(
    consent: ConsentService,
) -> None:
    world = await _tenant_b(consent)
    other = School.new()  # tenant A, with the widest scope a token can name
    exercised: set[tuple[str, str]] = set()
    for method, template in _routes(consent):
        if not template.startswith("/v1/") or (method, template) in OWN_TENANT_ONLY:
            continue
        for role in Role:
            headers = consent.staff_token(
                other.tenant, role, schools=[world.school.school_id], boards=[world.school.board_id]
            )
            response = await consent.http.request(
                method,
                world.path(template),
                json=world.body(method, template),
                params=world.query(template),
                headers=headers,
            )
            assert response.status_code in (403, 404), (method, template, role, response.text)
            if response.status_code == 404:
                assert response.json()["type"] == "urn:samen:problem:not-found", response.text
                exercised.add((method, template))
    every = {r for r in _routes(consent) if r[1].startswith("/v1/") and r not in OWN_TENANT_ONLY}
    assert exercised == every


async def test_tenant_bs_own_staff_see_the_same_resources(consent: ConsentService) -> None:
    world = await _tenant_b(consent)
    for method, template in _routes(consent):
        if (
            method != "GET"
            or not template.startswith("/v1/")
            or (method, template) in OWN_TENANT_ONLY
        ):
            continue
        headers = consent.staff_token(world.school.tenant, Role.SWV_ADMIN)
        if "support-needs" in template or "/evidence" in template or "/receipt" in template:
            headers = consent.staff_token(
                world.school.tenant, Role.DIRECTOR, schools=[world.school.school_id]
            )
        response = await consent.http.get(
            world.path(template), params=world.query(template), headers=headers
        )
        assert response.status_code == 200, (template, response.text)


async def test_every_parent_page_answers_404_to_a_link_of_another_tenant(
    consent: ConsentService,
) -> None:
    world = await _tenant_b(consent)
    other_tenant = School.new().tenant
    guardian = world.family.guardian_ids[0]
    item = GuardianItem.of("consent_request", world.values["request_id"])
    pages = [r for r in _routes(consent) if r[1].startswith("/ouders/")]
    for method, template in pages:
        token = consent.guardian_token(other_tenant, guardian, world.family.pupil_id, item)
        async with consent.guardian_client() as browser:
            if method == "GET":
                response = await browser.get(world.path(template), params={"token": token})
            else:
                form = {"token": token, "antwoord": "ja", "nodig": "nothing_now"}
                response = await browser.post(world.path(template), data=form)
        if (method, template) in OWN_TENANT_ONLY:
            assert response.status_code == 403, response.text
            continue
        assert response.status_code == 404, (method, template, response.text)
    state = await consent.http.get(
        f"/v1/requests/{world.values['request_id']}",
        headers=consent.staff_token(world.school.tenant, Role.IB, schools=[world.school.school_id]),
    )
    assert state.json()["state"] == "given"  # nothing the other tenant's links did changed it


async def test_attempts_on_another_tenants_data_are_recorded_on_that_tenants_trail(
    consent: ConsentService,
) -> None:
    from datetime import timedelta

    from samen_consent.entrypoints.jobs import sweep_once

    world = await _tenant_b(consent)
    consent.advance(timedelta(minutes=10))
    intruder = consent.staff_token(School.new().tenant, Role.SWV_ADMIN)
    for _ in range(2):
        response = await consent.http.get(
            f"/v1/pupils/{world.values['pupil_id']}", headers=intruder
        )
        assert response.status_code == 404

    consent.advance(timedelta(minutes=2))
    await sweep_once(consent.ctx, timedelta(0))

    seen = await consent.events.wait_for_one(world.school.tenant, "AccessRefused")
    refused = [s.event.model_dump() for s in seen if s.name == "AccessRefused" and s.event]
    assert [(r["reason"], r["route"], r["resource_kind"], r["count"]) for r in refused] == [
        ("other_tenant", "/v1/pupils/{pupil_id}", "pupil", 2)
    ]
    assert UUID(world.values["pupil_id"])  # the trail names the route, never the id
    assert all(world.values["pupil_id"] not in str(r) for r in refused)
