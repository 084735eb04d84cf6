"""Two tenants whose rosters use the same pupil and guardian ids keep two trails: each
tenant's log holds its own journey of that pupil, its export shows only its own entries,
and each export verifies against its own tenant's signed tree head."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, datetime
from typing import Any
from uuid import uuid4

import httpx
import pytest
from samen_archive import verify_archive
from samen_archive.treehead import SignedTreeHead
from samen_kit.access import Role

from services.audit.tests.audit_harness import StaffKeys, consent_journey, seeded_service

pytestmark = pytest.mark.integration

AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
PERIOD = {"period_from": "2026-03-01", "period_to": "2026-03-31"}


def _entries(archive: bytes) -> list[dict[str, Any]]:
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        lines = opened.read("entries.jsonl").splitlines()
    return [json.loads(line)["entry"] for line in lines]  # the entry itself, verbatim


async def test_two_tenants_with_the_same_pupil_keep_a_trail_each(
    postgres_server_url: str, kafka_bootstrap: str, topic_prefix: str, staff: StaffKeys
) -> None:
    tenant_a, tenant_b = f"swv-{uuid4().hex[:8]}", f"swv-{uuid4().hex[:8]}"
    pupil, guardian = uuid4(), uuid4()
    a = consent_journey(tenant_a, at=AT, pupil=pupil, party=guardian)
    b = consent_journey(tenant_b, at=AT, pupil=pupil, party=guardian)
    wiring = (postgres_server_url, kafka_bootstrap, topic_prefix, staff)
    async with (
        seeded_service(*wiring, [*a.records, *b.records], AT) as (_, base_url),
        httpx.AsyncClient(base_url=base_url) as http,
    ):
        exported, heads = {}, {}
        for tenant in (tenant_a, tenant_b):
            headers = staff.headers(Role.INSPECTIE, tenant)
            heads[tenant] = (await http.post("/audit/tree-heads", headers=headers)).json()
            response = await http.post("/audit/exports", json=PERIOD, headers=headers)
            assert response.status_code == 200, response.text
            exported[tenant] = response.content

    for tenant, journey in ((tenant_a, a), (tenant_b, b)):
        entries = _entries(exported[tenant])
        pupil_entries = [e for e in entries if e["attributes"].get("subject") == str(pupil)]
        assert {e["attributes"]["tenant"] for e in entries} == {tenant}
        assert [e["attributes"]["id"] for e in pupil_entries] == journey.event_ids
        head = SignedTreeHead.from_json(json.dumps(heads[tenant]).encode())
        report = verify_archive(exported[tenant], head)
        assert report.ok, report.lines()
