"""The staff directory as those who plan read it: per school, the school's staff and the
tenant's trajectbegeleiders, ids and roles only; another school or tenant is not there."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID, uuid4

import httpx
import pytest
from samen_kit.access import Role
from samen_kit.testing.names import new_tenant

from services.meetings.tests.meetings_harness import Running, register_staff

pytestmark = pytest.mark.integration


async def _adviser(run: Running, http: httpx.AsyncClient, tenant: str) -> UUID:
    adviser = uuid4()
    response = await http.put(
        f"/staff/{adviser}",
        json={"role": "trajectbegeleider", "school_ids": []},
        headers=run.staff_token(tenant, Role.SWV_ADMIN),
    )
    assert response.status_code == 204, response.text
    return adviser


async def test_an_ib_sees_the_schools_staff_and_the_trajectbegeleiders_to_invite(
    meetings: Running,
) -> None:
    tenant, school, other_school = new_tenant(), uuid4(), uuid4()
    async with httpx.AsyncClient(base_url=meetings.base_url) as http:
        teacher = await register_staff(meetings, http, tenant, school, Role.TEACHER)
        await register_staff(meetings, http, tenant, other_school, Role.TEACHER)
        adviser = await _adviser(meetings, http, tenant)
        await _adviser(meetings, http, new_tenant())  # another tenant's
        listed = await http.get(
            "/staff",
            params={"school_id": str(school)},
            headers=meetings.staff_token(tenant, Role.IB, schools=(school,)),
        )

    assert listed.status_code == 200, listed.text
    assert sorted((p["role"], p["person_id"]) for p in listed.json()) == sorted(
        [("teacher", str(teacher)), ("trajectbegeleider", str(adviser))]
    )


async def _a_teacher_listed_for(
    meetings: Running, ib_of: Callable[[str, UUID], dict[str, str]]
) -> httpx.Response:
    """A school with one teacher, its directory asked for by the IB `ib_of(tenant, school)`."""
    tenant, school = new_tenant(), uuid4()
    async with httpx.AsyncClient(base_url=meetings.base_url) as http:
        await register_staff(meetings, http, tenant, school, Role.TEACHER)
        return await http.get(
            "/staff", params={"school_id": str(school)}, headers=ib_of(tenant, school)
        )


async def test_a_school_the_token_does_not_cover_is_not_found(meetings: Running) -> None:
    response = await _a_teacher_listed_for(
        meetings, lambda tenant, _: meetings.staff_token(tenant, Role.IB, schools=(uuid4(),))
    )

    assert response.status_code == 404


async def test_another_tenants_ib_naming_the_school_sees_nobody(meetings: Running) -> None:
    response = await _a_teacher_listed_for(
        meetings, lambda _, school: meetings.staff_token(new_tenant(), Role.IB, schools=(school,))
    )

    assert response.status_code == 200 and response.json() == []


async def test_a_trajectbegeleider_does_not_read_the_directory(meetings: Running) -> None:
    school = uuid4()
    async with httpx.AsyncClient(base_url=meetings.base_url) as http:
        response = await http.get(
            "/staff",
            params={"school_id": str(school)},
            headers=meetings.staff_token(new_tenant(), Role.TRAJECTBEGELEIDER, schools=(school,)),
        )

    assert response.status_code == 403
