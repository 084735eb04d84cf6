"""Tenants are isolated on every route: another tenant's ids get "not found" or act on
the caller's own (empty) tenant, and nothing of the first tenant is read or changed.

The routes are enumerated from the app: a new route without a case here fails the test.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import httpx
import pytest
from samen_kit.access import GuardianItem, Role
from samen_kit.testing.names import new_tenant
from samen_kit.testing.waiting import wait_for
from samen_notifications.adapters import bulk
from samen_notifications.adapters.tables import GuardianContactRow, NotificationRow, SchoolRow
from samen_notifications.entrypoints.routes import flat_routes
from sqlalchemy import func, select
from sqlmodel import col

from services.notifications.tests.notifications_harness import (
    Running,
    StartService,
    consent_requested,
    guardianship,
)

pytestmark = pytest.mark.integration

A_EMAIL = "ouder.a@example.nl"


@dataclass
class TenantA:
    tenant: str
    school: uuid.UUID
    pupil: uuid.UUID
    guardian: uuid.UUID
    broadcast: uuid.UUID


Call = Callable[[Running, TenantA, str], Awaitable[httpx.Response]]
# (method, route) -> the call tenant B makes with tenant A's ids, and the statuses allowed.
CASES: dict[tuple[str, str], tuple[Call, set[int]]] = {}


def case(method: str, route: str, *statuses: int) -> Callable[[Call], Call]:
    def register(call: Call) -> Call:
        CASES[(method, route)] = (call, set(statuses))
        return call

    return register


def _b(running: Running, tenant_b: str) -> dict[str, str]:
    return running.headers(tenant_b)


def _guardian_token(running: Running, a: TenantA, tenant: str, item: GuardianItem) -> str:
    return running.guardian_token(tenant, a.guardian, a.pupil, item)


@case("POST", "/v1/roster/contacts", 200)
async def _roster(running: Running, a: TenantA, b: str) -> httpx.Response:
    row = {
        "line": 1,
        "pupil_id": str(a.pupil),
        "pupil_first_name": "Indringer",
        "guardians": [{"guardian_id": str(a.guardian), "email": "indringer@example.nl"}],
    }
    body = {"school_id": str(a.school), "rows": [row]}
    return await running.http.post("/v1/roster/contacts", json=body, headers=_b(running, b))


@case("POST", "/v1/roster/staff", 200)
async def _staff(running: Running, a: TenantA, b: str) -> httpx.Response:
    staff = {
        "staff_id": str(uuid.uuid4()),
        "role": "ib",
        "school_ids": [str(a.school)],
        "email": "ib@example.nl",
    }
    return await running.http.post(
        "/v1/roster/staff", json={"staff": [staff]}, headers=_b(running, b)
    )


@case("GET", "/v1/staff", 200)
async def _staff_names(running: Running, a: TenantA, b: str) -> httpx.Response:
    # An IB of tenant B whose token names tenant A's school: B's (empty) directory.
    headers = running.headers(b, Role.IB, schools=(a.school,))
    response = await running.http.get(
        "/v1/staff", params={"school_id": str(a.school)}, headers=headers
    )
    assert response.json() == []
    return response


@case("PUT", "/v1/schools/{school_id}", 200)
async def _school(running: Running, a: TenantA, b: str) -> httpx.Response:
    return await running.http.put(
        f"/v1/schools/{a.school}", json={"name": "Overgenomen"}, headers=_b(running, b)
    )


@case("GET", "/v1/schools", 200)
async def _school_names(running: Running, a: TenantA, b: str) -> httpx.Response:
    # Tenant B asks for tenant A's school by id: B has no school of that id, so no name.
    response = await running.http.get(
        "/v1/schools", params={"school_id": str(a.school)}, headers=_b(running, b)
    )
    assert response.json() == []
    return response


@case("POST", "/v1/broadcasts", 202)
async def _broadcast(running: Running, a: TenantA, b: str) -> httpx.Response:
    body = {
        "scope": "school",
        "scope_id": str(a.school),
        "sender_name": "B",
        "texts": {"nl": {"subject": "Hallo", "body": "Hallo"}},
    }
    response = await running.http.post("/v1/broadcasts", json=body, headers=_b(running, b))
    assert response.json()["recipients"] == 0
    return response


@case("GET", "/v1/broadcasts/{broadcast_id}", 404)
async def _broadcast_status(running: Running, a: TenantA, b: str) -> httpx.Response:
    return await running.http.get(f"/v1/broadcasts/{a.broadcast}", headers=_b(running, b))


@case("GET", "/v1/pupils/{pupil_id}/notifications", 404)
async def _pupil(running: Running, a: TenantA, b: str) -> httpx.Response:
    return await running.http.get(f"/v1/pupils/{a.pupil}/notifications", headers=_b(running, b))


@case("POST", "/v1/guardians/{guardian_id}/preferences-link", 404)
async def _preferences_link(running: Running, a: TenantA, b: str) -> httpx.Response:
    # An IB of tenant B whose token even names tenant A's school id.
    headers = running.headers(b, Role.IB, schools=(a.school,))
    return await running.http.post(f"/v1/guardians/{a.guardian}/preferences-link", headers=headers)


@case("POST", "/v1/retention/erasure-requests", 404)
async def _erasure_request(running: Running, a: TenantA, b: str) -> httpx.Response:
    # An swv_admin of tenant B asks to erase tenant A's pupil: not found, nothing erased.
    headers = running.headers(b, Role.SWV_ADMIN)
    body = {"pupil_id": str(a.pupil)}
    return await running.http.post("/v1/retention/erasure-requests", json=body, headers=headers)


@case("GET", "/v1/stats", 200)
async def _stats(running: Running, a: TenantA, b: str) -> httpx.Response:
    response = await running.http.get("/v1/stats", headers=_b(running, b))
    assert response.json()["messages"] == {}
    return response


@case("GET", "/ouders/contact", 200)
async def _contact_page(running: Running, a: TenantA, b: str) -> httpx.Response:
    token = _guardian_token(running, a, b, GuardianItem.of("contact", a.guardian))
    response = await running.http.get(f"/ouders/contact?token={token}")
    assert A_EMAIL not in response.text
    return response


@case("POST", "/ouders/contact", 200)
async def _contact_save(running: Running, a: TenantA, b: str) -> httpx.Response:
    token = _guardian_token(running, a, b, GuardianItem.of("contact", a.guardian))
    form = {"token": token, "language": "nl", "email": "overgenomen@example.nl"}
    async with httpx.AsyncClient(base_url=running.base_url) as fresh:
        return await fresh.post("/ouders/contact", data=form)


@case("GET", "/ouders/voorkeuren", 200)
async def _bulk_page(running: Running, a: TenantA, b: str) -> httpx.Response:
    token = _guardian_token(running, a, b, GuardianItem.of("bulk_messages", a.guardian))
    return await running.http.get("/ouders/voorkeuren", params={"token": token})


@case("POST", "/ouders/voorkeuren", 200)
async def _bulk_stop(running: Running, a: TenantA, b: str) -> httpx.Response:
    """A one-click stop with tenant A's guardian id, in tenant B: B's choice, not A's."""
    token = _guardian_token(running, a, b, GuardianItem.of("bulk_messages", a.guardian))
    return await running.http.post(
        "/ouders/voorkeuren",
        params={"token": token},
        content="List-Unsubscribe=One-Click",
        headers={"content-type": "application/x-www-form-urlencoded"},
    )


@case("GET", "/ouders/nieuwe-link", 200)
async def _renew_page(running: Running, a: TenantA, b: str) -> httpx.Response:
    token = _guardian_token(running, a, b, GuardianItem.of("consent_request", uuid.uuid4()))
    return await running.http.get(f"/ouders/nieuwe-link?token={token}")


@case("POST", "/v1/links/renew", 202)
async def _renew(running: Running, a: TenantA, b: str) -> httpx.Response:
    token = _guardian_token(running, a, b, GuardianItem.of("consent_request", uuid.uuid4()))
    return await running.http.post("/v1/links/renew", data={"token": token})


@case("GET", "/l/{code}", 404)
async def _short_link(running: Running, a: TenantA, b: str) -> httpx.Response:
    return await running.http.get(f"/l/{uuid.uuid4().hex[:10]}")


@case("GET", "/.well-known/guardian-jwks.json", 200)
async def _jwks(running: Running, a: TenantA, b: str) -> httpx.Response:
    return await running.http.get("/.well-known/guardian-jwks.json")


@case("GET", "/v1/sms/reports", 200)
async def _report(running: Running, a: TenantA, b: str) -> httpx.Response:
    # The gateway's call names no tenant: only our own reference (unguessable) matches.
    params = {"id": "x", "reference": uuid.uuid4().hex, "status": "delivered"}
    return await running.http.get("/v1/sms/reports", params=params)


@case("POST", "/v1/sms/reports", 200)
async def _report_post(running: Running, a: TenantA, b: str) -> httpx.Response:
    params = {"id": "x", "reference": uuid.uuid4().hex, "status": "delivery_failed"}
    return await running.http.post("/v1/sms/reports", data=params)


# Routes that hold no tenant's data at all.
PLATFORM_ROUTES = {
    # A guardian's route: its tenant check is the kit's (samen_kit.privacy, the export tests).
    ("GET", "/v1/guardian/export/{pupil_id}"),
    # The step-up pages act on the guardian's own session and item only (test_flow_step_up).
    ("GET", "/ouders/bevestigen"),
    ("POST", "/ouders/bevestigen"),
    ("POST", "/ouders/bevestigen/code"),
    ("GET", "/openapi.json"),
    ("GET", "/docs"),
    ("GET", "/docs/oauth2-redirect"),
    ("GET", "/redoc"),
    ("GET", "/health/live"),
    ("GET", "/health/ready"),
    ("GET", "/asyncapi.json"),
    ("GET", "/metrics"),  # labels name services, groups, topics and channels only
}


async def _tenant_a(running: Running) -> TenantA:
    a = TenantA(new_tenant(), uuid.uuid4(), uuid.uuid4(), uuid.uuid4(), uuid.uuid4())
    await running.http.put(
        f"/v1/schools/{a.school}", json={"name": "School A"}, headers=running.headers(a.tenant)
    )
    row = {
        "line": 1,
        "pupil_id": str(a.pupil),
        "pupil_first_name": "Anna",
        "guardians": [{"guardian_id": str(a.guardian), "email": A_EMAIL}],
    }
    await running.import_roster(a.tenant, a.school, [row])
    facts = [
        guardianship(a.pupil, a.guardian),
        consent_requested(a.pupil, a.school, a.guardian),
    ]
    await running.publish_about(a.tenant, a.pupil, *facts)
    await wait_for(lambda: running.mails(A_EMAIL))
    body = {
        "broadcast_id": str(a.broadcast),
        "scope": "tenant",
        "sender_name": "SWV A",
        "texts": {"nl": {"subject": "Nieuws", "body": "Nieuws"}},
    }
    sent = await running.http.post("/v1/broadcasts", json=body, headers=running.headers(a.tenant))
    assert sent.json()["recipients"] == 1
    await wait_for(lambda: len(running.mails(A_EMAIL)) == 2)
    return a


async def _state_of(running: Running, a: TenantA) -> tuple[object, ...]:
    async with running.service.runtime.sessions() as session:
        contact = await session.get(GuardianContactRow, (a.tenant, a.guardian))
        school = await session.get(SchoolRow, (a.tenant, a.school))
        count = select(func.count()).where(col(NotificationRow.tenant) == a.tenant)
        notes = (await session.execute(count)).scalar_one()
        stopped = await bulk.opted_out(session, a.tenant, [a.guardian])
    assert contact is not None and school is not None
    return (contact.email, contact.language, school.name, notes, stopped)


async def test_every_route_keeps_tenants_apart(running_service: StartService) -> None:
    async with running_service() as running:
        routes = {
            (method, str(getattr(route, "path", "")))
            for route in flat_routes(running.service.app.router.routes)
            for method in getattr(route, "methods", set()) - {"HEAD"}
        }
        assert routes == set(CASES) | PLATFORM_ROUTES, "every route needs an isolation case"
        a = await _tenant_a(running)
        before = await _state_of(running, a)
        tenant_b = new_tenant()
        for (method, route), (call, allowed) in sorted(CASES.items()):
            response = await call(running, a, tenant_b)
            assert response.status_code in allowed, (method, route, response.status_code)
            assert A_EMAIL not in response.text and "Anna" not in response.text
        after = await _state_of(running, a)
        await running.drain()

    assert after == before == (A_EMAIL, "nl", "School A", 2, set())
    assert len(running.mails(A_EMAIL)) == 2
