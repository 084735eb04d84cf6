"""Steps the HTTP tests share: a pupil known to the service, staff of each role, and a
request brought to a state."""

from __future__ import annotations

from typing import Any

import httpx
from samen_kit.access import Role
from samen_kit.testing.roster import enrolled as kit_enrolled
from samen_kit.testing.waiting import wait_for

from services.admissions.tests.admissions_harness import (
    Consent,
    Pupil,
    Running,
    consent_known,
    request_item,
)

MOTIVATION = "Sanne loopt vast in groep 5; de extra hulp in de klas is niet genoeg gebleken."
VIEW = "Wij zien thuis dat Sanne veel stress heeft. Wij steunen deze aanvraag."
REASONS = "De ondersteuning op de eigen school is nog niet uitgeput."
PURPOSES = ("engage_swv", "share_file")


async def enrolled(run: Running, facts: Consent, **enrol: Any) -> Pupil:
    return await kit_enrolled(facts, run.sessions, **enrol)


async def consented(run: Running, facts: Consent, pupil: Pupil) -> None:
    for purpose in PURPOSES:
        await facts.give(pupil, purpose)
    await wait_for(lambda: consent_known(run, pupil, *PURPOSES))


def ib(run: Running, pupil: Pupil) -> dict[str, str]:
    return run.staff_token(pupil.tenant, Role.IB, schools=(pupil.school_id,))


def swv(run: Running, pupil: Pupil, role: Role, subject: str | None = None) -> dict[str, str]:
    """The samenwerkingsverband's people see the whole tenant."""
    return run.staff_token(pupil.tenant, role, subject=subject)


async def draft(
    client: httpx.AsyncClient, run: Running, pupil: Pupil, **body: Any
) -> dict[str, Any]:
    payload = {
        "pupil_id": str(pupil.pupil_id),
        "kind": "tlv",
        "category": "so_middle",
        "motivation": MOTIVATION,
        **body,
    }
    response = await client.post("/admission-requests", json=payload, headers=ib(run, pupil))
    assert response.status_code == 201, response.text
    drafted: dict[str, Any] = response.json()
    return drafted


async def parents_view(run: Running, pupil: Pupil, request_id: str, text: str = VIEW) -> None:
    """The first guardian adds the parents' view on the parent page, through their link."""
    token = run.guardian_token(
        pupil.tenant, pupil.guardians[0], pupil.pupil_id, request_item(request_id)
    )
    async with httpx.AsyncClient(base_url=run.base_url) as guardian:
        sent = await guardian.post(
            f"/ouders/aanvragen/{request_id}/mening",
            data={"token": token, "text": text, "taal": "nl"},
        )
    assert sent.status_code == 303, sent.text


async def advise(
    client: httpx.AsyncClient, run: Running, pupil: Pupil, request_id: str, discipline: str
) -> httpx.Response:
    body = {"discipline": discipline, "advice": "positive", "text": f"Advies ({discipline})."}
    return await client.post(
        f"/admission-requests/{request_id}/advice",
        json=body,
        headers=swv(run, pupil, Role.EXPERT, subject=f"expert-{discipline}"),
    )


async def submitted_and_advised(
    client: httpx.AsyncClient, run: Running, facts: Consent, pupil: Pupil, **body: Any
) -> str:
    request_id = str((await draft(client, run, pupil, **body))["id"])
    await consented(run, facts, pupil)
    await parents_view(run, pupil, request_id)
    submitted = await client.post(
        f"/admission-requests/{request_id}/submission", headers=ib(run, pupil)
    )
    assert submitted.status_code == 200, submitted.text
    for discipline in ("orthopedagoog", "other"):
        assert (await advise(client, run, pupil, request_id, discipline)).status_code == 201
    return request_id
