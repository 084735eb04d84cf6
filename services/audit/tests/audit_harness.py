"""Helpers of the audit service's integration tests: databases with the real roles,
staff tokens, encoded records on the real bus, and a running service."""

from __future__ import annotations

import contextlib
import itertools
import os
from collections.abc import AsyncIterator, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from hashlib import sha256
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4
from zoneinfo import ZoneInfo

import asyncpg
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from joserfc.jwk import OKPKey
from samen_audit.adapters.roles import provision
from samen_audit.bootstrap import MIGRATIONS, AuditService, build
from samen_audit.domain.records import LeafRecord, RecordPosition, leaf_record
from samen_audit.entrypoints.consumers import is_known_type
from samen_audit.handlers.appending import Appended, append_batch
from samen_audit.handlers.context import AuditContext
from samen_audit.settings import AuditSettings
from samen_contract import Envelope, Event
from samen_contract.codec import KafkaRecord, encode
from samen_contract.events.consent import (
    ConsentGiven,
    ConsentParty,
    ConsentRequested,
    ConsentWithdrawn,
    PartyRole,
    PupilEnrolled,
)
from samen_kit.access import Role
from samen_kit.access.testing import new_signing_key
from samen_kit.clock import Clock
from samen_kit.db import asyncpg_dsn
from samen_kit.localinfra import paths
from samen_kit.outbox import EventWriter
from samen_kit.testing.databases import create_database, drop_database
from samen_kit.testing.keys import bearer, staff_token, write_jwks
from samen_kit.testing.schema import upgrade_to
from samen_kit.testing.server import serve
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

ROLES_ADMIN_ENV = "SAMEN_AUDIT_ROLES_ADMIN_URL"
LOGIN = "samen_audit_t"
PASSWORD = "samen_audit_t"
ISSUER = "urn:samen:audit-test-idp"
ZONE = "Europe/Amsterdam"
SIGNING_KEY = Ed25519PrivateKey.from_private_bytes(sha256(b"audit service test key").digest())


@dataclass(frozen=True)
class Database:
    owner_url: str
    service_url: str


async def roles_admin_url(server_url: str) -> str:
    """A connection that may create roles: given, the server's own role, or the local
    cluster's superuser over its private socket (how `samen infra` itself makes roles)."""
    if configured := os.environ.get(ROLES_ADMIN_ENV):
        return configured
    connection = await asyncpg.connect(asyncpg_dsn(server_url))
    try:
        may = await connection.fetchval(
            "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user"
        )
    finally:
        await connection.close()
    if may:
        return server_url
    socket = paths.default_state_dir() / "postgres" / "run"
    port = make_url(server_url).port or 5432
    return f"postgresql://postgres@/postgres?host={socket}&port={port}"


async def prepare(owner_url: str, admin_url: str) -> Database:
    """Roles, then the migrations as the owner; the service connects as its login."""
    await provision(admin_url, LOGIN, PASSWORD)
    await upgrade_to(owner_url, MIGRATIONS)
    service = make_url(owner_url).set(username=LOGIN, password=PASSWORD)
    return Database(owner_url, service.render_as_string(hide_password=False))


@contextlib.asynccontextmanager
async def fresh_database(server_url: str) -> AsyncIterator[Database]:
    """A migrated database of its own (for a whole module), dropped afterwards."""
    owner_url = await create_database(server_url, "audit")
    try:
        yield await prepare(owner_url, await roles_admin_url(server_url))
    finally:
        await drop_database(server_url, make_url(owner_url).database or "")


@dataclass
class StaffKeys:
    key: OKPKey
    jwks_path: Path

    def token(
        self,
        role: Role,
        tenant: str,
        *,
        schools: Iterable[str] = (),
        boards: Iterable[str] = (),
    ) -> str:
        return staff_token(
            self.key,
            role=role,
            tenant=tenant,
            issuer=ISSUER,
            now=datetime.now(UTC),
            schools=schools,
            boards=boards,
        )

    def headers(self, role: Role, tenant: str, **scope: Iterable[str]) -> dict[str, str]:
        return bearer(self.token(role, tenant, **scope))


def staff_keys(folder: Path) -> StaffKeys:
    key = new_signing_key()
    return StaffKeys(key, write_jwks(folder / "staff.jwks.json", key))


def audit_settings(
    database: Database, kafka_bootstrap: str, topic_prefix: str, keys: StaffKeys, **more: Any
) -> AuditSettings:
    values: dict[str, Any] = {
        "database_url": database.service_url,
        "owner_database_url": database.owner_url,
        "kafka_bootstrap": kafka_bootstrap,
        "topic_prefix": topic_prefix,
        "staff_jwks": str(keys.jwks_path),
        "staff_issuer": ISSUER,
        "outbox_poll_ms": 200,
        "consumer_backoff_ms": 50,
        "tree_head_interval_seconds": 3600,
        **more,
    }
    return AuditSettings(**values)


def build_service(settings: AuditSettings) -> AuditService:
    return build(settings, signing_key=SIGNING_KEY)


@contextlib.asynccontextmanager
async def running(service: AuditService) -> AsyncIterator[str]:
    async with serve(service.app) as base_url:
        yield base_url


@dataclass(frozen=True)
class Journey:
    """A consent journey of one pupil: enrolled, asked, given, withdrawn."""

    tenant: str
    school: UUID
    records: list[KafkaRecord]
    event_ids: list[str]


def consent_journey(
    tenant: str,
    school: UUID | None = None,
    *,
    at: datetime,
    pupil: UUID | None = None,
    party: UUID | None = None,
) -> Journey:
    """`pupil`, `party`: ids another tenant's journey uses too (they mean something only
    within their tenant)."""
    school = school or uuid4()
    pupil, request, party = pupil or uuid4(), uuid4(), party or uuid4()
    events: list[Event] = [
        PupilEnrolled(pupil_id=pupil, school_id=school, enrolled_on=at.date()),
        ConsentRequested(
            request_id=request,
            pupil_id=pupil,
            school_id=school,
            purpose="mdo",
            purpose_version=1,
            parties=(ConsentParty(party_id=party, role=PartyRole.GUARDIAN),),
        ),
        ConsentGiven(request_id=request, pupil_id=pupil, purpose="mdo", purpose_version=1),
        ConsentWithdrawn(request_id=request, pupil_id=pupil, purpose="mdo", party_id=party),
    ]
    records, ids = [], []
    for sequence, event in enumerate(events, start=1):
        envelope = Envelope.for_event(
            event,
            tenant=tenant,
            subject=pupil,
            actor="system:test-journey",
            sequence=sequence,
            school=school,
            time=at,
        )
        records.append(encode(envelope, event))
        ids.append(envelope.id)
    return Journey(tenant, school, records, ids)


def raw_record(topic: str, value: bytes, headers: Sequence[tuple[str, bytes]]) -> KafkaRecord:
    return KafkaRecord(topic=topic, key=b"raw", value=value, headers=list(headers))


def day(text: str) -> date:
    return date.fromisoformat(text)


_offsets = itertools.count()


def leaf_records(records: Iterable[KafkaRecord]) -> list[LeafRecord]:
    """Records as the consumer would read them, each at a place of its own."""
    return [
        leaf_record(RecordPosition(r.topic, 0, next(_offsets)), r.headers, r.value, is_known_type)
        for r in records
    ]


async def seed(
    sessions: async_sessionmaker[AsyncSession], records: Iterable[KafkaRecord], now: datetime
) -> Appended:
    """Append straight through the consumer's handler (no bus needed)."""
    return await append_batch(sessions, leaf_records(records), now)


@contextlib.asynccontextmanager
async def seeded_service(
    server_url: str,
    kafka_bootstrap: str,
    topic_prefix: str,
    keys: StaffKeys,
    records: Iterable[KafkaRecord],
    at: datetime,
) -> AsyncIterator[tuple[AuditService, str]]:
    """The audit service on a fresh database with `records` appended at `at`, served over
    HTTP: the service and its base URL."""
    async with fresh_database(server_url) as database:
        service = build_service(audit_settings(database, kafka_bootstrap, topic_prefix, keys))
        await seed(service.runtime.sessions, records, at)
        async with running(service) as base_url:
            yield service, base_url


def audit_context(sessions: async_sessionmaker[AsyncSession], clock: Clock) -> AuditContext:
    return AuditContext(sessions, EventWriter("audit"), clock, SIGNING_KEY, ZoneInfo(ZONE))
