"""Staff pages name schools by their public name, as the school's director saved it;
never their contact details, never another tenant's school."""

from __future__ import annotations

import uuid

import pytest
from samen_kit.access import Role
from samen_kit.testing.names import new_tenant

from services.notifications.tests.notifications_harness import StartService

pytestmark = pytest.mark.integration


async def test_every_staff_role_reads_the_names_of_its_tenants_schools_and_nothing_more(
    running_service: StartService,
) -> None:
    tenant, other_tenant = new_tenant(), new_tenant()
    named, unnamed, elsewhere = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    details = {"name": "OBS De Linde", "phone": "030 123 4567", "email": "info@linde.example"}
    async with running_service() as running:
        for who, school in ((tenant, named), (other_tenant, elsewhere)):
            director = running.headers(who, Role.DIRECTOR, schools=(school,))
            saved = await running.http.put(f"/v1/schools/{school}", json=details, headers=director)
            assert saved.status_code == 200, saved.text
        query = "&".join(f"school_id={s}" for s in (named, unnamed, elsewhere))
        answers = {
            role: await running.http.get(
                f"/v1/schools?{query}", headers=running.headers(tenant, role)
            )
            for role in (Role.INSPECTIE, Role.TEACHER, Role.SWV_STAFF)
        }

    for answer in answers.values():
        assert answer.status_code == 200
        assert answer.json() == [{"school_id": str(named), "name": "OBS De Linde"}]
