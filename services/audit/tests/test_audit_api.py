"""The audit API over real HTTP: proofs that verify, receipts, exports and who may have them."""

from __future__ import annotations

import asyncio
import base64
import io
import json
import subprocess
import sys
import zipfile
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from uuid import uuid4

import httpx
import pytest
from samen_archive import verify_archive
from samen_archive.merkle import leaf_hash, verify_consistency, verify_inclusion
from samen_archive.signing import load_public_key_pem
from samen_archive.treehead import SignedTreeHead
from samen_audit.bootstrap import AuditService
from samen_contract.events.audit import AuditExported, TreeHeadSigned
from samen_kit.access import Role
from sqlalchemy import text

from services.audit.tests.audit_harness import Journey, StaffKeys, consent_journey, seeded_service
from tests.integration.kit.proofkit import wait_for

pytestmark = pytest.mark.integration

AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
PERIOD = {"period_from": "2026-03-01", "period_to": "2026-03-31"}
EXPORTERS = {Role.INSPECTIE, Role.SWV_ADMIN}
REPO = Path(__file__).resolve().parents[3]


@dataclass
class World:
    base_url: str
    service: AuditService
    staff: StaffKeys
    tenant_a: str
    tenant_b: str
    journeys_a: list[Journey]
    journeys_b: list[Journey]
    head_a: dict[str, Any]

    @property
    def ids_a(self) -> list[str]:
        return [event_id for journey in self.journeys_a for event_id in journey.event_ids]

    @property
    def ids_b(self) -> list[str]:
        return [event_id for journey in self.journeys_b for event_id in journey.event_ids]

    def headers(self, role: Role, tenant: str | None = None, **scope: Any) -> dict[str, str]:
        return self.staff.headers(role, tenant or self.tenant_a, **scope)

    def client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(base_url=self.base_url, timeout=30)


@pytest.fixture(scope="module")
async def world(
    postgres_server_url: str, kafka_bootstrap: str, topic_prefix: str, staff: StaffKeys
) -> AsyncIterator[World]:
    """Tenant A with 48 leaves over two schools, tenant B with 12, one service serving both."""
    tenant_a, tenant_b = f"swv-{uuid4().hex[:8]}", f"swv-{uuid4().hex[:8]}"
    schools = [uuid4(), uuid4()]
    journeys_a = [consent_journey(tenant_a, schools[i % 2], at=AT) for i in range(12)]
    journeys_b = [consent_journey(tenant_b, at=AT) for _ in range(3)]
    records = [r for j in [*journeys_a, *journeys_b] for r in j.records]
    wiring = (postgres_server_url, kafka_bootstrap, topic_prefix, staff)
    async with seeded_service(*wiring, records, AT) as (service, base_url):
        async with httpx.AsyncClient(base_url=base_url) as client:
            signed = await client.post(
                "/audit/tree-heads", headers=staff.headers(Role.INSPECTIE, tenant_a)
            )
        yield World(
            base_url, service, staff, tenant_a, tenant_b, journeys_a, journeys_b, signed.json()
        )


async def _export(
    world: World, role: Role, tenant: str | None = None, **body: Any
) -> httpx.Response:
    async with world.client() as client:
        return await client.post(
            "/audit/exports", json={**PERIOD, **body}, headers=world.headers(role, tenant)
        )


def _members(archive: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        return {name: opened.read(name) for name in opened.namelist()}


def _entries(archive: bytes) -> list[dict[str, Any]]:
    lines = _members(archive)["entries.jsonl"].splitlines()
    return [json.loads(line)["entry"] for line in lines]  # the entry itself, verbatim


@pytest.mark.parametrize("role", list(Role))
async def test_only_inspectie_and_swv_admin_may_export(world: World, role: Role) -> None:
    response = await _export(world, role)
    assert response.status_code == (200 if role in EXPORTERS else 403)
    if role not in EXPORTERS:
        assert response.json()["reason"] == "not_permitted"


async def test_an_export_verifies_offline_with_the_verifier_and_the_cli(
    world: World, tmp_path: Path
) -> None:
    kept = tmp_path / "tree_head_kept.json"
    kept.write_text(json.dumps(world.head_a))
    response = await _export(world, Role.INSPECTIE, consistency_from=world.head_a["tree_size"])
    assert response.headers["content-type"] == "application/zip"
    report = verify_archive(response.content, SignedTreeHead.from_json(kept.read_bytes()))
    assert report.ok, report.lines()
    archive = tmp_path / "export.zip"
    archive.write_bytes(response.content)
    verify = [sys.executable, "-m", "samen_cli.audit", "verify", str(archive)]
    finished = await asyncio.to_thread(
        subprocess.run,
        [*verify, "--since", str(kept)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert finished.returncode == 0, finished.stdout + finished.stderr
    assert finished.stdout.startswith("IN ORDE")


async def test_an_export_holds_the_dutch_report_and_summary_of_its_selection(world: World) -> None:
    school = str(world.journeys_a[0].school)
    response = await _export(world, Role.SWV_ADMIN, school_id=school)
    members = _members(response.content)
    entries = _entries(response.content)
    assert {entry["attributes"]["school"] for entry in entries} == {school}
    assert len(entries) == 6 * 4  # six journeys of four events at this school
    assert "Auditrapport" in members["report.html"].decode()
    assert "toestemming,gevraagd,,6," in members["summary.csv"].decode()


async def test_an_export_of_tenant_a_never_contains_tenant_b(world: World) -> None:
    response = await _export(world, Role.INSPECTIE)
    everything = b"".join(_members(response.content).values())
    assert {entry["attributes"]["tenant"] for entry in _entries(response.content)} == {
        world.tenant_a
    }
    assert set(world.ids_a) <= {entry["attributes"]["id"] for entry in _entries(response.content)}
    for secret in [world.tenant_b, *world.ids_b]:
        assert secret.encode() not in everything


async def _logged(world: World, event_type: str, needle: str) -> bool:
    """Whether tenant A's log holds an entry of `event_type` whose body names `needle`."""
    async with world.service.runtime.sessions() as session:
        rows = await session.execute(
            text(
                "SELECT convert_from(b.entry, 'UTF8') FROM audit_leaf l JOIN audit_body b"
                " USING (tenant, leaf_index) WHERE l.tenant = :t AND l.event_type = :type"
            ),
            {"t": world.tenant_a, "type": event_type},
        )
        return any(needle in row[0] for row in rows)


async def test_each_export_is_itself_an_audited_event(world: World) -> None:
    response = await _export(world, Role.INSPECTIE)
    export_id = response.headers["x-export-id"]

    await wait_for(lambda: _logged(world, AuditExported.event_type(), export_id))


async def test_an_inclusion_proof_by_event_id_verifies_against_the_signed_head(
    world: World,
) -> None:
    event_id = world.ids_a[5]
    async with world.client() as client:
        response = await client.get(
            "/audit/proofs/inclusion",
            params={"event_id": event_id, "tree_size": world.head_a["tree_size"]},
            headers=world.headers(Role.INSPECTIE),
        )
    proof = response.json()
    head = SignedTreeHead.from_json_dict(proof["tree_head"])
    path = [bytes.fromhex(node) for node in proof["path"]]
    assert proof["leaf_index"] == 5
    assert verify_inclusion(
        bytes.fromhex(proof["leaf_hash"]), 5, head.tree_size, path, head.root_hash
    )


async def test_a_consistency_proof_verifies_between_two_sizes(world: World) -> None:
    async with world.client() as client:
        response = await client.get(
            "/audit/proofs/consistency",
            params={"from_size": 13, "to_size": world.head_a["tree_size"]},
            headers=world.headers(Role.SWV_ADMIN),
        )
    proof = response.json()
    path = [bytes.fromhex(node) for node in proof["path"]]
    old, new = bytes.fromhex(proof["from_root"]), bytes.fromhex(proof["to_root"])
    assert new == bytes.fromhex(world.head_a["root_hash"])
    assert verify_consistency(13, proof["to_size"], old, new, path)
    assert not verify_consistency(13, proof["to_size"], old, new, path[::-1])


async def test_a_consent_receipts_event_is_proven_under_a_signed_tree_head(world: World) -> None:
    journey = world.journeys_a[2]
    given = journey.event_ids[2]  # ConsentGiven
    async with world.client() as client:
        key = (await client.get("/audit/public-key")).json()
        response = await client.get(
            f"/audit/receipts/{given}",
            headers=world.headers(Role.IB, schools=[str(journey.school)]),
        )
    check = response.json()
    public_key = load_public_key_pem(key["public_key_pem"].encode())
    head = SignedTreeHead.from_json_dict(check["tree_head"])
    entry = check["entry"].encode()
    path = [bytes.fromhex(node) for node in check["path"]]
    assert json.loads(entry)["attributes"]["id"] == given
    assert head.verify(public_key) and check["key_id"] == key["key_id"]
    assert verify_inclusion(
        leaf_hash(entry), check["leaf_index"], head.tree_size, path, head.root_hash
    )


async def test_a_receipt_of_another_school_is_not_found_for_school_staff(world: World) -> None:
    journey, other = world.journeys_a[0], world.journeys_a[1]
    async with world.client() as client:
        response = await client.get(
            f"/audit/receipts/{journey.event_ids[2]}",
            headers=world.headers(Role.IB, schools=[str(other.school)]),
        )
    assert response.status_code == 404


async def test_signing_on_demand_announces_the_head_which_lands_in_the_same_log(
    world: World,
) -> None:
    async with world.client() as client:
        signed = (
            await client.post("/audit/tree-heads", headers=world.headers(Role.OPERATOR))
        ).json()

    await wait_for(lambda: _logged(world, TreeHeadSigned.event_type(), signed["signature"]))
    assert base64.b64decode(signed["signature"])


async def test_refused_attempts_are_counted_by_route_template_for_the_trail(world: World) -> None:
    async with world.client() as client:
        anonymous = await client.post("/audit/exports", json=PERIOD)
        teacher = await client.get(
            f"/audit/tree-heads/{world.head_a['tree_size']}", headers=world.headers(Role.TEACHER)
        )
    assert (anonymous.status_code, teacher.status_code) == (401, 403)
    async with world.service.runtime.sessions() as session:
        rows = await session.execute(
            text(
                "SELECT tenant, reason, credential, method, route, resource_kind"
                " FROM access_refusal_count WHERE tenant IN ('platform', :t)"
            ),
            {"t": world.tenant_a},
        )
        counted = {tuple(row) for row in rows}
    assert (
        "platform",
        "missing_token",
        "none",
        "POST",
        "/audit/exports",
        "audit_export",
    ) in counted
    assert (
        world.tenant_a,
        "forbidden_role",
        "staff_token",
        "GET",
        "/audit/tree-heads/{tree_size}",
        "tree_head",
    ) in counted


# -- tenant isolation, route by route ---------------------------------------------------

NO_TENANT_DATA = {("GET", "/health/live"), ("GET", "/health/ready"), ("GET", "/audit/public-key")}


def _probes(world: World) -> dict[tuple[str, str], list[dict[str, Any]]]:
    pupil = {"pupil_id": world.journeys_a[0].records[0].key.decode()}
    """For each route, requests by tenant B that name tenant A's data."""
    size_a = world.head_a["tree_size"]
    return {
        ("GET", "/audit/tree-heads/latest"): [{"url": "/audit/tree-heads/latest"}],
        ("GET", "/audit/tree-heads/{tree_size}"): [{"url": f"/audit/tree-heads/{size_a}"}],
        ("POST", "/audit/tree-heads"): [{"url": "/audit/tree-heads"}],
        ("GET", "/audit/proofs/inclusion"): [
            {"url": "/audit/proofs/inclusion", "params": {"event_id": world.ids_a[0]}},
            {"url": "/audit/proofs/inclusion", "params": {"leaf_index": 40}},
            {"url": "/audit/proofs/inclusion", "params": {"leaf_index": 1, "tree_size": size_a}},
        ],
        ("GET", "/audit/proofs/consistency"): [
            {"url": "/audit/proofs/consistency", "params": {"from_size": 1, "to_size": size_a}}
        ],
        ("GET", "/audit/receipts/{event_id}"): [{"url": f"/audit/receipts/{world.ids_a[2]}"}],
        ("POST", "/audit/exports"): [{"url": "/audit/exports", "json": PERIOD}],
        # A hold names ids only within the caller's own tenant: it reaches no other log.
        ("GET", "/audit/retention/policy"): [{"url": "/audit/retention/policy"}],
        ("POST", "/audit/retention/holds"): [{"url": "/audit/retention/holds", "json": pupil}],
        ("POST", "/audit/retention/holds/{hold_id}/lift"): [
            {"url": f"/audit/retention/holds/{uuid4()}/lift", "json": pupil}
        ],
    }


async def test_no_route_shows_one_tenant_anything_of_another(world: World) -> None:
    async with world.client() as client:
        document = (await client.get("/openapi.json")).json()
        routes = {(m.upper(), path) for path, ops in document["paths"].items() for m in ops}
        probes = _probes(world)
        assert routes == set(probes) | NO_TENANT_DATA, "a new route needs its isolation probe"
        secrets = [world.tenant_a, world.head_a["root_hash"], *world.ids_a]
        for (method, _), requests in probes.items():
            for request in requests:
                response = await client.request(
                    method, **request, headers=world.headers(Role.INSPECTIE, world.tenant_b)
                )
                assert response.status_code in (200, 201, 404, 409), (request, response.text)
                body = _shown(response)
                leaked = [s for s in secrets if s.encode() in body]
                assert not leaked, (request, leaked)


def _shown(response: httpx.Response) -> bytes:
    """What a response tells, leaving out the path it echoes (the caller's own words)."""
    kind = response.headers["content-type"]
    if kind == "application/zip":
        return b"".join(_members(response.content).values())
    if kind == "application/problem+json":
        problem = {k: v for k, v in response.json().items() if k != "instance"}
        return json.dumps(problem).encode()
    return response.content


async def test_another_tenants_event_gets_the_same_answer_as_one_that_does_not_exist(
    world: World,
) -> None:
    headers = world.headers(Role.INSPECTIE, world.tenant_b)
    async with world.client() as client:
        theirs = await client.get(f"/audit/receipts/{world.ids_a[0]}", headers=headers)
        nobodys = await client.get(f"/audit/receipts/{uuid4()}", headers=headers)
    assert theirs.status_code == nobodys.status_code == 404
    assert {**theirs.json(), "instance": ""} == {**nobodys.json(), "instance": ""}
