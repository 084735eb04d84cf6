"""The audit trail: an export of the tenant's log through the audit API, checked offline
with `verify_archive`, and held against every event the bus carried."""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import load_pem_public_key
from samen_archive import VerificationReport, verify_archive
from samen_archive.layout import ENTRIES, TREE_HEAD
from samen_archive.treehead import SignedTreeHead
from samen_archive.verbatim import exported_lines
from samen_kit.access import Role
from samen_kit.clock import SystemClock

from tests.e2e.faults.faults_bus import BusSnapshot
from tests.e2e.faults.faults_region import Region, staff_token
from tests.e2e.faults.faults_stack import Stack


@dataclass
class AuditTrail:
    """The tree head of the previous fault's export: the next export must extend it."""

    head: SignedTreeHead | None = None


@dataclass(frozen=True)
class AuditExport:
    archive: bytes
    report: VerificationReport
    head: SignedTreeHead
    event_ids: Counter[str]  # entries by their event id
    without_id: int  # entries kept under their place on the bus (no id, or an id conflict)


@dataclass(frozen=True)
class AuditCount:
    entries: int
    on_bus: int  # distinct event ids of this tenant on the bus
    missing: int  # on the bus, not in the log
    repeated: int  # an event id in the log more than once
    without_id: int
    other_tenants: int  # events on the bus of another tenant (this export cannot show them)
    verified: bool
    failure: str | None

    def as_dict(self) -> dict[str, int | bool | str | None]:
        return {
            "audit_entries": self.entries,
            "audit_events_on_bus": self.on_bus,
            "audit_missing": self.missing,
            "audit_repeated": self.repeated,
            "audit_without_id": self.without_id,
            "bus_events_of_other_tenants": self.other_tenants,
            "audit_verified": self.verified,
            "audit_failure": self.failure,
        }


async def export_log(
    stack: Stack, region: Region, since: SignedTreeHead | None = None
) -> AuditExport:
    """The tenant's whole log (yesterday to tomorrow covers the run), verified offline
    against the service's published key, and as an extension of `since` when given."""
    today = SystemClock().now().date()
    body: dict[str, object] = {
        "period_from": (today - timedelta(days=1)).isoformat(),
        "period_to": (today + timedelta(days=1)).isoformat(),
    }
    if since is not None:
        body["consistency_from"] = since.tree_size
    headers = {"Authorization": f"Bearer {staff_token(stack, region, Role.SWV_ADMIN)}"}
    async with httpx.AsyncClient(base_url=stack.config.url("audit"), timeout=300) as http:
        answer = await http.post("/audit/exports", json=body, headers=headers)
        if answer.status_code != 200:
            raise AssertionError(f"export refused: {answer.status_code} {answer.text[:300]}")
        key = await _public_key(http)
    archive = answer.content
    report = verify_archive(archive, since, trusted_key=key)
    return _read(archive, report)


async def _public_key(http: httpx.AsyncClient) -> Ed25519PublicKey:
    answer = await http.get("/audit/public-key")
    answer.raise_for_status()
    key = load_pem_public_key(answer.json()["public_key_pem"].encode())
    assert isinstance(key, Ed25519PublicKey)
    return key


def _read(archive: bytes, report: VerificationReport) -> AuditExport:
    with zipfile.ZipFile(io.BytesIO(archive)) as members:
        head = SignedTreeHead.from_json(members.read(TREE_HEAD))
        lines = exported_lines(members.read(ENTRIES))
    ids = Counter(str(line.event_id) for line in lines if line.event_id)
    without = sum(1 for line in lines if not line.event_id)
    return AuditExport(archive, report, head, ids, without)


def compare(export: AuditExport, bus: BusSnapshot, tenant: str) -> AuditCount:
    on_bus = bus.ids_by_tenant().get(tenant, set())
    return AuditCount(
        entries=sum(export.event_ids.values()) + export.without_id,
        on_bus=len(on_bus),
        missing=len(on_bus - set(export.event_ids)),
        repeated=sum(n - 1 for n in export.event_ids.values() if n > 1),
        without_id=export.without_id,
        other_tenants=sum(1 for e in bus.events if e.tenant != tenant),
        verified=export.report.ok,
        failure=None if export.report.failure is None else export.report.failure.message_en,
    )
