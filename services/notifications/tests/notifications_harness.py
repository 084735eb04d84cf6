"""The notifications service under test, started whole over real HTTP against real
Kafka and PostgreSQL (a fresh database per start), with the local SMTP server (aiosmtpd)
and the SMS gateway simulator in this process. `Running` holds what a test needs: staff
tokens, publishing events, the bus read back, the mail folder, the SMS log.
"""

from __future__ import annotations

import contextlib
import json
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import date
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default as default_policy
from pathlib import Path
from typing import Any, cast

import httpx
from samen_contract import Envelope, Event
from samen_contract.codec import encode
from samen_contract.events.consent import (
    ConsentParty,
    ConsentRequested,
    GuardianshipRecorded,
    GuardianStanding,
    PartyRole,
)
from samen_contract.topics import events_topic
from samen_kit.access import Role, StaticJwks
from samen_kit.access.devkeys import DEV_STAFF_ISSUER, public_jwks
from samen_kit.clock import Clock, FakeClock
from samen_kit.db import unit_of_work
from samen_kit.localinfra.mailserver import MailServer
from samen_kit.localinfra.sms_simulator import SimulatorConfig
from samen_kit.localinfra.sms_simulator import create_app as simulator_app
from samen_kit.testing import bus
from samen_kit.testing.callers import Callers
from samen_kit.testing.keys import Keys
from samen_kit.testing.schema import upgrade_to
from samen_kit.testing.server import free_port, serve
from samen_kit.testing.tap import EventTap
from samen_kit.testing.waiting import wait_for
from samen_notifications.adapters import roster
from samen_notifications.bootstrap import NotificationsService, build_service
from samen_notifications.migrations import MIGRATIONS
from samen_notifications.settings import NotificationsSettings

SMS_KEY = "test_samen"


def guardianship(
    pupil: uuid.UUID,
    guardian: uuid.UUID,
    standing: GuardianStanding = GuardianStanding.PARENTAL_AUTHORITY,
) -> GuardianshipRecorded:
    """Consent's `GuardianshipRecorded`: `guardian` has `standing` for `pupil`."""
    return GuardianshipRecorded(pupil_id=pupil, guardian_id=guardian, standing=standing)


def consent_requested(
    pupil: uuid.UUID,
    school: uuid.UUID,
    *guardians: uuid.UUID,
    purpose: str = "share_file",
    answer_by: date | None = None,
) -> ConsentRequested:
    """Consent's `ConsentRequested`, a new request asking `guardians` about `pupil`."""
    return ConsentRequested(
        request_id=uuid.uuid4(),
        pupil_id=pupil,
        school_id=school,
        purpose=purpose,
        purpose_version=1,
        parties=tuple(ConsentParty(party_id=g, role=PartyRole.GUARDIAN) for g in guardians),
        answer_by=answer_by,
    )


@dataclass
class Running(Callers):
    staff_issuer = DEV_STAFF_ISSUER

    service: NotificationsService
    base_url: str
    http: httpx.AsyncClient
    mail: MailServer
    keys: Keys
    clock: Clock
    kafka: str
    prefix: str
    tap: EventTap
    sms_log: Path
    sequences: dict[tuple[str, str], int] = field(default_factory=dict)

    @property
    def settings(self) -> NotificationsSettings:
        return self.service.settings

    def headers(self, tenant: str, role: Role = Role.SWV_ADMIN, **kw: Any) -> dict[str, str]:
        """A staff member's headers; notifications' tests mostly act as the SWV's admin."""
        return self.staff_token(tenant, role, **kw)

    def envelope(
        self, event: Event, *, tenant: str, subject: str, event_id: uuid.UUID | None = None
    ) -> Envelope:
        key = (tenant, subject)
        self.sequences[key] = self.sequences.get(key, 0) + 1
        return Envelope.for_event(
            event,
            tenant=tenant,
            subject=subject,
            actor="system:test",
            sequence=self.sequences[key],
            id=event_id,
            time=self.clock.now(),
        )

    async def publish(self, *pairs: tuple[Envelope, Event], times: int = 1) -> None:
        """Put events on their owners' topics (each `times` times: redelivery)."""
        records = [encode(envelope, event) for envelope, event in pairs]
        await bus.publish(self.kafka, self.prefix, records, times=times)

    async def publish_about(self, tenant: str, pupil: uuid.UUID, *facts: Event) -> None:
        """Put facts about `pupil` on their owners' topics, in order."""
        envelopes = [self.envelope(fact, tenant=tenant, subject=str(pupil)) for fact in facts]
        await self.publish(*zip(envelopes, facts, strict=True))

    async def guardian_with_authority(
        self, tenant: str, pupil: uuid.UUID, guardian: uuid.UUID
    ) -> None:
        """Consent's `GuardianshipRecorded` (parental authority), applied before it returns."""
        await self.publish_about(tenant, pupil, guardianship(pupil, guardian))
        await wait_for(lambda: self.guardians_known(tenant, pupil))

    async def guardians_known(self, tenant: str, pupil: uuid.UUID) -> bool:
        async with unit_of_work(self.service.runtime.sessions) as session:
            return bool(await roster.guardians_of(session, tenant, pupil))

    def bus(self, tenant: str, name: str | None = None) -> list[tuple[Envelope, dict[str, Any]]]:
        """The events this service published for `tenant` (of type `name`), read from Kafka."""
        return [(seen.envelope, seen.data) for seen in self.tap.of(tenant, name)]

    def mails(self, to: str | None = None) -> list[EmailMessage]:
        found = []
        for entry in self.mail.folder.entries():
            if to is None or to in entry.envelope_to:
                raw = (self.mail.folder.path / entry.file).read_bytes()
                found.append(message_from_bytes(raw, policy=default_policy))
        return found

    def texts(self) -> list[dict[str, Any]]:
        """The SMS messages the gateway simulator accepted (its log)."""
        if not self.sms_log.exists():
            return []
        lines = self.sms_log.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]

    async def drain(self) -> int:
        """Send what is due now (the background dispatcher may beat us to it)."""
        return await self.service.dispatcher.drain()

    async def import_family(
        self,
        tenant: str,
        school: uuid.UUID,
        *,
        first_name: str | None = None,
        pupil: uuid.UUID | None = None,
        guardian: uuid.UUID | None = None,
        **contact: str,
    ) -> tuple[uuid.UUID, uuid.UUID]:
        """One pupil with one guardian reachable at `contact` (`email`, `mobile`,
        `language`), imported as the school's roster: the pupil's and the guardian's ids."""
        pupil, guardian = pupil or uuid.uuid4(), guardian or uuid.uuid4()
        row: dict[str, Any] = {
            "line": 1,
            "pupil_id": str(pupil),
            "guardians": [{"guardian_id": str(guardian), **contact}],
        }
        if first_name is not None:
            row["pupil_first_name"] = first_name
        await self.import_roster(tenant, school, [row])
        return pupil, guardian

    async def import_roster(
        self, tenant: str, school_id: uuid.UUID, rows: list[dict[str, Any]]
    ) -> dict[str, Any]:
        response = await self.http.post(
            "/v1/roster/contacts",
            json={"school_id": str(school_id), "rows": rows},
            headers=self.headers(tenant),
        )
        assert response.status_code == 200, response.text
        return cast(dict[str, Any], response.json())


StartService = Callable[..., contextlib.AbstractAsyncContextManager[Running]]


def service_starter(
    kafka_bootstrap: str, topic_prefix: str, make_database: Callable[[str], str], tmp_path: Path
) -> StartService:
    @contextlib.asynccontextmanager
    async def start(clock: Clock | None = None, **overrides: Any) -> AsyncIterator[Running]:
        url = make_database("notif")
        await upgrade_to(url, MIGRATIONS)
        clock = clock or FakeClock()
        keys = Keys()
        port, sms_port = free_port(), free_port()
        sms_log = tmp_path / f"sms-{uuid.uuid4().hex[:6]}.jsonl"
        async with (
            MailServer(tmp_path / f"mail-{uuid.uuid4().hex[:6]}") as mail,
            serve(
                simulator_app(
                    SimulatorConfig(access_key=SMS_KEY, report_delay=0.05, log_path=sms_log)
                ),
                port=sms_port,
            ) as sms_url,
        ):
            settings = NotificationsSettings(
                kafka_bootstrap=kafka_bootstrap,
                database_url=url,
                topic_prefix=topic_prefix,
                outbox_poll_ms=100,
                consumer_backoff_ms=20,
                public_base_url=f"http://127.0.0.1:{port}",
                smtp_port=mail.port,
                sms_base_url=sms_url,
                sms_access_key=SMS_KEY,
                sms_rate_per_second=200,
                dispatch_poll_ms=50,
                sweep_seconds=0.2,
                retry_base_seconds=1,
                mail_dir=mail.folder.path,
                **overrides,
            )
            service = build_service(
                settings,
                clock=clock,
                guardian_key=keys.guardian,
                staff_jwks=StaticJwks(public_jwks(keys.staff)),
            )
            topic = topic_prefix + events_topic("notifications")
            async with (
                serve(service.app, port=port) as base_url,
                httpx.AsyncClient(base_url=base_url, timeout=30) as http,
                EventTap(kafka_bootstrap, topic) as tap,
            ):
                yield Running(
                    service=service,
                    base_url=base_url,
                    http=http,
                    mail=mail,
                    keys=keys,
                    clock=clock,
                    kafka=kafka_bootstrap,
                    prefix=topic_prefix,
                    tap=tap,
                    sms_log=sms_log,
                )

    return start
