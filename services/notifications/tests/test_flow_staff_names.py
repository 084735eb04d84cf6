"""Colleagues' names for those who plan a meeting: per school, its staff and the
trajectbegeleiders, with name and role but never an address; nothing of another school
or tenant."""

from __future__ import annotations

import uuid

import pytest
from samen_kit.access import Role
from samen_kit.testing.names import new_tenant

from services.notifications.tests.notifications_harness import Running, StartService

pytestmark = pytest.mark.integration


async def _import(running: Running, tenant: str, staff: list[dict[str, object]]) -> None:
    response = await running.http.post(
        "/v1/roster/staff", json={"staff": staff}, headers=running.headers(tenant)
    )
    assert response.status_code == 200 and response.json()["errors"] == [], response.text


def _member(role: str, school: uuid.UUID | None, name: str | None) -> dict[str, object]:
    return {
        "staff_id": str(uuid.uuid4()),
        "role": role,
        "school_ids": [] if school is None else [str(school)],
        "email": f"{role}.{uuid.uuid4().hex[:6]}@school.example",
        "name": name,
    }


async def test_an_ib_reads_the_names_of_colleagues_to_invite_but_no_addresses(
    running_service: StartService,
) -> None:
    tenant, school, other = new_tenant(), uuid.uuid4(), uuid.uuid4()
    teacher = _member("teacher", school, "Sanne de Vries")
    adviser = _member("trajectbegeleider", None, "Ahmed Yilmaz")
    elsewhere = _member("teacher", other, "Piet Jansen")
    async with running_service() as running:
        await _import(running, tenant, [teacher, adviser, elsewhere])
        await _import(running, new_tenant(), [_member("trajectbegeleider", None, "Ander")])
        response = await running.http.get(
            "/v1/staff",
            params={"school_id": str(school)},
            headers=running.headers(tenant, Role.IB, schools=(school,)),
        )

    assert response.status_code == 200, response.text
    assert sorted((p["name"], p["role"]) for p in response.json()) == [
        ("Ahmed Yilmaz", "trajectbegeleider"),
        ("Sanne de Vries", "teacher"),
    ]
    assert "@" not in response.text


async def test_a_school_outside_the_token_is_not_found(running_service: StartService) -> None:
    tenant, school = new_tenant(), uuid.uuid4()
    async with running_service() as running:
        await _import(running, tenant, [_member("teacher", school, "Sanne de Vries")])
        response = await running.http.get(
            "/v1/staff",
            params={"school_id": str(school)},
            headers=running.headers(tenant, Role.IB, schools=(uuid.uuid4(),)),
        )

    assert response.status_code == 404
