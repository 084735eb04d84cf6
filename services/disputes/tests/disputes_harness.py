"""What the disputes integration tests share: keys, settings, a running service over real
HTTP, consent facts published to Kafka, and a tap on the disputes topic."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from joserfc.jwk import OKPKey
from samen_contract import Envelope, Event
from samen_contract.codec import decode, encode
from samen_contract.events.consent import GuardianshipRecorded, GuardianStanding, PupilEnrolled
from samen_contract.topics import EVENT_TOPIC_PARTITIONS, events_topic
from samen_disputes.bootstrap import MIGRATIONS, DisputesService, build_service
from samen_disputes.settings import DisputesSettings
from samen_kit.access import GuardianItem, Role, mint_guardian_token, mint_staff_token
from samen_kit.access.devkeys import public_jwks
from samen_kit.access.testing import new_signing_key
from samen_kit.clock import FakeClock
from samen_kit.migrations import upgrade
from samen_kit.testing.server import serve

STAFF_ISSUER = "urn:samen:test-idp"
SESSION_SECRET = "a-test-secret-that-is-long-enough-for-the-codec"


def new_tenant() -> str:
    return f"swv-{uuid4().hex[:8]}"


async def wait_for(probe: Callable[[], Any], *, within: float = 30.0, every: float = 0.1) -> Any:
    """Poll until `probe` (sync or async) returns something truthy; no bare sleeps."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while True:
        result = probe()
        if asyncio.iscoroutine(result):
            result = await result
        if result:
            return result
        if loop.time() > deadline:
            raise AssertionError(f"not met within {within}s: last={result!r}")
        await asyncio.sleep(every)


@dataclass
class Keys:
    staff: OKPKey = field(default_factory=new_signing_key)
    guardian: OKPKey = field(default_factory=new_signing_key)

    def write(self, folder: Path) -> tuple[Path, Path]:
        staff, guardian = folder / "staff.jwks.json", folder / "guardian.jwks.json"
        staff.write_text(json.dumps(public_jwks(self.staff)), "utf-8")
        guardian.write_text(json.dumps(public_jwks(self.guardian)), "utf-8")
        return staff, guardian


def make_settings(
    *,
    database_url: str,
    kafka_bootstrap: str,
    topic_prefix: str,
    keys_folder: Path,
    keys: Keys,
    **overrides: Any,
) -> DisputesSettings:
    staff_jwks, guardian_jwks = keys.write(keys_folder)
    values: dict[str, Any] = {
        "database_url": database_url,
        "kafka_bootstrap": kafka_bootstrap,
        "topic_prefix": topic_prefix,
        "staff_jwks": str(staff_jwks),
        "guardian_jwks": str(guardian_jwks),
        "staff_issuer": STAFF_ISSUER,
        "session_secret": SESSION_SECRET,
        "cookie_secure": False,
        "sweep_seconds": 3600.0,
        "outbox_poll_ms": 100,
        "consumer_backoff_ms": 20,
        **overrides,
    }
    return DisputesSettings(**values)


async def migrate(url: str) -> None:
    await asyncio.to_thread(upgrade, url, MIGRATIONS)


@dataclass
class Running:
    """A service under test: its parts, its base URL, its clock and keys."""

    service: DisputesService
    base_url: str
    clock: FakeClock
    keys: Keys

    def staff_token(
        self,
        tenant: str,
        role: Role = Role.IB,
        *,
        schools: tuple[UUID, ...] = (),
        boards: tuple[str, ...] = (),
        subject: str | None = None,
    ) -> dict[str, str]:
        token = mint_staff_token(
            self.keys.staff,
            subject=subject or f"staff-{uuid4().hex[:8]}",
            role=role,
            tenant=tenant,
            issuer=STAFF_ISSUER,
            now=self.clock.now(),
            schools=[str(s) for s in schools],
            boards=boards,
        )
        return {"Authorization": f"Bearer {token}"}

    def guardian_token(
        self, tenant: str, guardian_id: UUID, pupil_id: UUID, item: GuardianItem | None = None
    ) -> str:
        return mint_guardian_token(
            self.keys.guardian,
            guardian_id=guardian_id,
            pupil_id=pupil_id,
            item=item or GuardianItem.of("pupil", pupil_id),
            tenant=tenant,
            now=self.clock.now(),
        )


@contextlib.asynccontextmanager
async def running(
    settings: DisputesSettings, keys: Keys, clock: FakeClock
) -> AsyncIterator[Running]:
    await migrate(settings.database_url)
    service = build_service(settings, clock=clock)
    async with serve(service.app) as base_url:
        yield Running(service, base_url, clock, keys)


@dataclass
class Pupil:
    tenant: str
    pupil_id: UUID
    school_id: UUID
    board: str
    guardians: tuple[UUID, ...]


class Roster:
    """Publishes consent facts on the (prefixed) consent topic, as the consent service would."""

    def __init__(self, producer: AIOKafkaProducer, prefix: str) -> None:
        self._producer = producer
        self._prefix = prefix
        self._sequence: dict[str, int] = {}

    async def publish(
        self,
        event: Event,
        *,
        tenant: str,
        subject: UUID,
        board: str | None = None,
        school: UUID | None = None,
        event_id: UUID | None = None,
        sequence: int | None = None,
    ) -> Envelope:
        key = f"{tenant}/{subject}"
        self._sequence[key] = sequence or self._sequence.get(key, 0) + 1
        envelope = Envelope.for_event(
            event,
            tenant=tenant,
            subject=subject,
            actor="system:roster-import",
            sequence=self._sequence[key],
            board=board,
            school=school,
            id=event_id,
        )
        await self.send(envelope, event)
        return envelope

    async def send(self, envelope: Envelope, event: Event) -> None:
        record = encode(envelope, event)
        await self._producer.send_and_wait(
            self._prefix + record.topic, record.value, key=record.key, headers=record.headers
        )

    async def enrol(
        self,
        tenant: str,
        *,
        guardians: int = 1,
        standing: GuardianStanding | None = None,
        school_id: UUID | None = None,
        board: str | None = None,
        same_ids_as: Pupil | None = None,
    ) -> Pupil:
        """`same_ids_as`: the pupil and guardian ids of another tenant's pupil (ids
        mean something only within their tenant)."""
        pupil = Pupil(
            tenant,
            same_ids_as.pupil_id if same_ids_as else uuid4(),
            school_id or uuid4(),
            board or f"board-{uuid4().hex[:6]}",
            same_ids_as.guardians if same_ids_as else tuple(uuid4() for _ in range(guardians)),
        )
        enrolled = PupilEnrolled(
            pupil_id=pupil.pupil_id, school_id=pupil.school_id, enrolled_on=date(2025, 8, 25)
        )
        await self.publish(
            enrolled,
            tenant=tenant,
            subject=pupil.pupil_id,
            board=pupil.board,
            school=pupil.school_id,
        )
        for guardian in pupil.guardians:
            recorded = GuardianshipRecorded(
                pupil_id=pupil.pupil_id,
                guardian_id=guardian,
                standing=standing or GuardianStanding.PARENTAL_AUTHORITY,
            )
            await self.publish(recorded, tenant=tenant, subject=pupil.pupil_id, board=pupil.board)
        return pupil


@contextlib.asynccontextmanager
async def roster(kafka_bootstrap: str, prefix: str) -> AsyncIterator[Roster]:
    producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap, acks="all")
    await producer.start()
    try:
        yield Roster(producer, prefix)
    finally:
        await producer.stop()


@dataclass(frozen=True)
class Seen:
    envelope: Envelope
    data: dict[str, Any]

    @property
    def name(self) -> str:
        return self.envelope.type.split(".")[2]


class Tap:
    """Everything on the disputes topic since the tap started (all partitions, no group)."""

    def __init__(self) -> None:
        self.seen: list[Seen] = []

    def of(self, tenant: str, name: str | None = None) -> list[Seen]:
        return [
            s for s in self.seen if s.envelope.tenant == tenant and (name is None or s.name == name)
        ]


@contextlib.asynccontextmanager
async def tap(kafka_bootstrap: str, prefix: str, service: str = "disputes") -> AsyncIterator[Tap]:
    topic = prefix + events_topic(service)
    consumer = AIOKafkaConsumer(
        bootstrap_servers=kafka_bootstrap, auto_offset_reset="earliest", enable_auto_commit=False
    )
    await consumer.start()
    consumer.assign([TopicPartition(topic, p) for p in range(EVENT_TOPIC_PARTITIONS)])
    collected = Tap()

    async def pump() -> None:
        async for record in consumer:
            envelope, _, data = decode(record.value or b"", record.headers)
            collected.seen.append(Seen(envelope, data))

    task = asyncio.create_task(pump())
    try:
        yield collected
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        await consumer.stop()


async def pupil_known(run: Running, pupil: Pupil) -> bool:
    """The consent facts about `pupil` reached the service's projection."""
    from samen_kit.roster import Roster as RosterView

    async with run.service.deps.sessions() as session:
        roster_view = RosterView(session)
        known = await roster_view.pupil(pupil.tenant, pupil.pupil_id)
        guardians = [
            await roster_view.standing(pupil.tenant, pupil.pupil_id, g) for g in pupil.guardians
        ]
    return known is not None and all(s is not None for s in guardians)


async def outbox_rows_for(run: Running, pupil_id: UUID) -> int:
    """Events written about the pupil (the outbox keeps one row per event id)."""
    from sqlalchemy import text

    async with run.service.deps.sessions() as session:
        found = await session.execute(
            text("SELECT count(*) FROM outbox WHERE key = :key"), {"key": str(pupil_id).encode()}
        )
        return int(found.scalar_one())
