"""Retention in the admissions service over real HTTP, PostgreSQL and Kafka: a guardian's
request to erase a TLV file is refused with a problem naming the Archiefwet while it
must be kept; seven years after the admission ended the sweep erases the motivation, the
parents' view and the experts' texts once, keeping ids, statuses and dates."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta
from typing import Any

import httpx
import pytest
from samen_admissions.adapters.retention import ERASERS
from samen_kit.access import Role
from samen_kit.retention.sweep import Retention, sweep
from sqlalchemy import text

from services.admissions.tests.admissions_harness import START, Consent, Pupil, Running
from services.admissions.tests.admissions_steps import MOTIVATION, draft, enrolled, ib, swv

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("term_time")]

ENDED = date(2026, 7, 31)


async def _erasure_request(
    client: httpx.AsyncClient, pupil: Pupil, headers: dict[str, str]
) -> httpx.Response:
    body = {"pupil_id": str(pupil.pupil_id)}
    return await client.post("/v1/retention/erasure-requests", json=body, headers=headers)


async def _stored(run: Running, pupil: Pupil) -> list[Any]:
    query = text(
        "SELECT motivation, status, end_date FROM admission_request"
        " WHERE tenant = :t AND pupil_id = :p"
    )
    async with run.service.runtime.sessions() as session:
        row = (await session.execute(query, {"t": pupil.tenant, "p": pupil.pupil_id})).one()
    return list(row)


async def _granted(run: Running, request_id: str) -> None:
    """The decision as the flow records it (the flow itself is test_admissions_tlv_flow)."""
    statement = text(
        "UPDATE admission_request SET status = 'granted', decided_on = :d, start_date = :d,"
        " end_date = :e WHERE id = :r"
    )
    async with run.service.runtime.sessions.begin() as session:
        await session.execute(statement, {"d": date(2026, 2, 1), "e": ENDED, "r": request_id})


async def test_a_request_to_erase_a_tlv_file_is_refused_while_the_archiefwet_keeps_it(
    admissions: Running, consent_facts: Consent
) -> None:
    run, pupil = admissions, await enrolled(admissions, consent_facts)
    async with httpx.AsyncClient(base_url=run.base_url) as client:
        await draft(client, run, pupil)
        teacher = run.staff_token(pupil.tenant, Role.TEACHER, schools=(pupil.school_id,))
        other_school = run.staff_token(pupil.tenant, Role.IB, schools=(pupil.guardians[0],))
        forbidden = await _erasure_request(client, pupil, teacher)
        hidden = await _erasure_request(client, pupil, other_school)
        refused = await _erasure_request(client, pupil, swv(run, pupil, Role.SWV_ADMIN))
        by_ib = await _erasure_request(client, pupil, ib(run, pupil))

    assert (forbidden.status_code, hidden.status_code) == (403, 404)
    for answer in (refused, by_ib):
        assert answer.status_code == 409
        assert answer.headers["content-type"].startswith("application/problem+json")
        problem = answer.json()
        assert problem["duty"] == "archiefwet_selectielijst_swv"
        assert "Archiefwet" in problem["detail"]
    assert (await _stored(run, pupil))[0] == MOTIVATION  # refused: nothing changed


async def test_seven_years_after_the_admission_ended_the_file_is_erased_once(
    admissions: Running, consent_facts: Consent
) -> None:
    run, pupil = admissions, await enrolled(admissions, consent_facts)
    async with httpx.AsyncClient(base_url=run.base_url) as client:
        request_id = str((await draft(client, run, pupil))["id"])
    await _granted(run, request_id)
    retention = Retention("admissions", run.service.runtime.sessions, run.clock, ERASERS)

    run.clock.current = START.replace(year=2033, month=7, day=30)
    await sweep(retention)
    assert (await _stored(run, pupil))[0] == MOTIVATION  # a day short of seven years

    run.clock.current += timedelta(days=2)
    await asyncio.gather(sweep(retention), sweep(retention))
    assert await _stored(run, pupil) == ["", "granted", ENDED]
    async with httpx.AsyncClient(base_url=run.base_url) as client:
        again = await _erasure_request(client, pupil, swv(run, pupil, Role.SWV_ADMIN))
    assert again.status_code == 200
    assert again.json()["erased"] == {}  # the sweep did it; nothing is erased twice
