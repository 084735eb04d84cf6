"""What the plans integration tests send: enrolled pupils, staff headers and a version's
body (the words of an action part a parent would read)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from uuid import uuid4

import httpx
from samen_kit.access import Role
from samen_kit.testing.roster import enrolled as kit_enrolled

from services.plans.tests.plans_harness import Pupil, Roster, Running

GOALS = ["Sem leest zelfstandig een tekst van AVI-niveau E5", "Sem vraagt hulp als hij vastloopt"]


def version_body(**action_changes: Any) -> dict[str, Any]:
    action = {
        "goals": GOALS,
        "support": "Twee keer per week twintig minuten leesbegeleiding",
        "arrangement": "Arrangement lezen van het samenwerkingsverband",
        "who_does_what": "De leerkracht oefent elke dag; de ib'er begeleidt en volgt",
        "location": "In de klas en in de remedial-ruimte",
        "starts_on": "2026-01-12",
        "ends_on": "2026-07-10",
        "evaluation": {"how": "Gesprek met ouders en Sem", "when": "juni 2026"},
        **action_changes,
    }
    return {
        "basis": {
            "strengths": "Sem is nieuwsgierig en werkt graag samen",
            "hindrances": "Lezen kost Sem veel moeite; hij raakt snel moe",
            "support_needs": "Korte opdrachten, extra leestijd, vaste momenten",
            "expected_destination": {
                "level": "vmbo-kader",
                "school_type": "vmbo",
                "reasons": "Sem leert het best praktisch; zijn rekenen is op niveau",
            },
        },
        "action_part": action,
    }


async def enrolled(plans: Running, roster: Roster, **kwargs: Any) -> Pupil:
    return await kit_enrolled(roster, plans.sessions, **kwargs)


def ib(plans: Running, pupil: Pupil) -> dict[str, str]:
    return plans.staff_token(pupil.tenant, Role.IB, schools=(pupil.school_id,))


async def started(
    client: httpx.AsyncClient, plans: Running, pupil: Pupil, *, started_on: date | None = None
) -> str:
    """An OPP for the pupil, support started a week before the service's today."""
    opp_id = str(uuid4())
    day = started_on or (plans.clock.now().date() - timedelta(days=7))
    body = {"opp_id": opp_id, "pupil_id": str(pupil.pupil_id), "support_started_on": str(day)}
    response = await client.post("/opps", json=body, headers=ib(plans, pupil))
    assert response.status_code == 201, response.text
    return opp_id


async def written(
    client: httpx.AsyncClient, plans: Running, pupil: Pupil, opp_id: str, **changes: Any
) -> dict[str, Any]:
    response = await client.post(
        f"/opps/{opp_id}/versions", json=version_body(**changes), headers=ib(plans, pupil)
    )
    assert response.status_code == 201, response.text
    result: dict[str, Any] = response.json()
    return result


async def offered(
    client: httpx.AsyncClient, plans: Running, pupil: Pupil, opp_id: str, version: int
) -> httpx.Response:
    return await client.post(
        f"/opps/{opp_id}/versions/{version}/offer", json={}, headers=ib(plans, pupil)
    )


async def opp_of(
    client: httpx.AsyncClient, plans: Running, pupil: Pupil, opp_id: str
) -> dict[str, Any]:
    response = await client.get(f"/opps/{opp_id}", headers=ib(plans, pupil))
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result
