"""The audit log carries out the services' erasure facts against the real database with
its real roles: the erasing service's entries about that pupil lose their bodies and
keep their leaves, so an export still verifies offline; the report names the erasure's
basis; a redelivered fact and two passes at once erase once; other pupils keep theirs."""

from __future__ import annotations

import asyncio
import io
import json
import zipfile
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import UUID, uuid4

import httpx
import pytest
from samen_archive import verify_archive
from samen_archive.treehead import SignedTreeHead
from samen_audit.bootstrap import AuditService
from samen_audit.handlers.retention import carry_out_erasures
from samen_contract import Envelope
from samen_contract.codec import KafkaRecord, encode
from samen_contract.events.retention import DataKind, ErasureReason, PersonalDataErased
from samen_kit.access import Role
from sqlalchemy import text

from services.audit.tests.audit_harness import (
    Journey,
    StaffKeys,
    audit_context,
    consent_journey,
    seed,
    seeded_service,
)

pytestmark = pytest.mark.integration

AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
LATER = datetime(2026, 3, 20, 9, 0, tzinfo=UTC)
BASIS = "avg_7_1_aantoonbare_toestemming"


@dataclass
class Log:
    service: AuditService
    base_url: str
    tenant: str
    erased: Journey
    kept: Journey
    pupil: UUID


def _erasure_fact(tenant: str, pupil: UUID) -> KafkaRecord:
    fact = PersonalDataErased.for_service("consent")(
        pupil_id=pupil,
        kind=DataKind.CONSENT_EVIDENCE,
        count=3,
        basis=BASIS,
        reason=ErasureReason.RETENTION_PERIOD,
        erased_on=LATER.date(),
    )
    envelope = Envelope.for_event(
        fact, tenant=tenant, subject=pupil, actor="system:retention", sequence=9, time=LATER
    )
    return encode(envelope, fact)


async def _bodies(log: Log, pupil: UUID) -> list[tuple[str, bool]]:
    query = text(
        "SELECT l.event_type, b.entry IS NOT NULL FROM audit_leaf l LEFT JOIN audit_body b"
        " USING (tenant, leaf_index) WHERE l.tenant = :t AND l.subject = :p ORDER BY leaf_index"
    )
    async with log.service.runtime.sessions() as session:
        rows = await session.execute(query, {"t": log.tenant, "p": str(pupil)})
        return [(row[0].split(".")[2], row[1]) for row in rows]


@pytest.fixture
async def log(
    postgres_server_url: str, kafka_bootstrap: str, topic_prefix: str, staff: StaffKeys
) -> AsyncIterator[Log]:
    tenant, pupil = f"swv-{uuid4().hex[:8]}", uuid4()
    erased = consent_journey(tenant, at=AT, pupil=pupil)
    kept = consent_journey(tenant, at=AT)
    wiring = (postgres_server_url, kafka_bootstrap, topic_prefix, staff)
    async with seeded_service(*wiring, [*erased.records, *kept.records], AT) as (service, base_url):
        yield Log(service, base_url, tenant, erased, kept, pupil)


async def test_an_erasure_fact_erases_that_services_bodies_about_the_pupil_once(log: Log) -> None:
    fact = _erasure_fact(log.tenant, log.pupil)
    await seed(log.service.runtime.sessions, [fact], LATER)
    context = audit_context(log.service.runtime.sessions, log.service.context.clock)

    first, second = await asyncio.gather(carry_out_erasures(context), carry_out_erasures(context))
    assert first + second == 4  # the four consent entries of the journey

    assert (await seed(log.service.runtime.sessions, [fact], LATER)).total == 0  # redelivered
    assert await carry_out_erasures(context) == 0
    assert await _bodies(log, log.pupil) == [
        ("PupilEnrolled", False),
        ("ConsentRequested", False),
        ("ConsentGiven", False),
        ("ConsentWithdrawn", False),
        ("PersonalDataErased", True),  # the erasure itself stays readable
    ]
    other = UUID(str(log.kept.records[0].key.decode()))
    assert all(kept for _, kept in await _bodies(log, other))


async def test_an_export_after_erasure_verifies_and_names_the_basis(
    log: Log, staff: StaffKeys
) -> None:
    await seed(log.service.runtime.sessions, [_erasure_fact(log.tenant, log.pupil)], LATER)
    await carry_out_erasures(audit_context(log.service.runtime.sessions, log.service.context.clock))
    headers = staff.headers(Role.INSPECTIE, log.tenant)
    async with httpx.AsyncClient(base_url=log.base_url, timeout=30) as client:
        head = (await client.post("/audit/tree-heads", headers=headers)).json()
        exported = await client.post(
            "/audit/exports",
            json={"period_from": "2026-03-01", "period_to": "2026-03-31"},
            headers=headers,
        )
    assert exported.status_code == 200, exported.text
    report = verify_archive(exported.content, SignedTreeHead.from_json(json.dumps(head).encode()))
    assert report.ok, report.lines()
    assert report.entries_erased == 4
    with zipfile.ZipFile(io.BytesIO(exported.content)) as archive:
        page = archive.read("report.html").decode()
        summary = archive.read("summary.csv").decode()
    assert "Inhoud gewist na de bewaartermijn" in page
    assert "AVG art. 7 lid 1" in page and BASIS in page
    assert f"gewist na de bewaartermijn,{BASIS},,4," in summary


async def test_every_staff_member_reads_the_policy_with_its_bases_in_dutch(
    log: Log, staff: StaffKeys
) -> None:
    async with httpx.AsyncClient(base_url=log.base_url) as client:
        response = await client.get(
            "/audit/retention/policy", headers=staff.headers(Role.TEACHER, log.tenant)
        )
    assert response.status_code == 200
    rules = {rule["kind"]: rule for rule in response.json()}
    assert set(rules) == set(DataKind)
    file = rules["opp_versions"]
    assert file["period"] == "2 jaar nadat de leerling de school verliet"
    assert "Wet op het primair onderwijs" in file["basis_text"]


async def test_the_inspectie_places_and_lifts_a_hold_as_facts_on_the_bus(
    log: Log, staff: StaffKeys
) -> None:
    inspectie = staff.headers(Role.INSPECTIE, log.tenant)
    body = {"pupil_id": str(log.pupil)}
    async with httpx.AsyncClient(base_url=log.base_url) as client:
        refused = await client.post(
            "/audit/retention/holds", json=body, headers=staff.headers(Role.IB, log.tenant)
        )
        malformed = await client.post(
            "/audit/retention/holds", json={"pupil_id": "Jan"}, headers=inspectie
        )
        placed = await client.post("/audit/retention/holds", json=body, headers=inspectie)
        hold = placed.json()["hold_id"]
        lifted = await client.post(
            f"/audit/retention/holds/{hold}/lift", json=body, headers=inspectie
        )
    assert refused.status_code == 403
    assert malformed.status_code == 422
    assert malformed.headers["content-type"].startswith("application/problem+json")
    assert (placed.status_code, lifted.status_code) == (201, 200)
    query = text("SELECT headers FROM outbox ORDER BY id")
    async with log.service.runtime.sessions() as session:
        rows = (await session.execute(query)).scalars()
        types = [value for row in rows for name, value in row if name == "ce_type"]
    assert types[-2:] == ["samen.audit.LegalHoldPlaced.v1", "samen.audit.LegalHoldLifted.v1"]
