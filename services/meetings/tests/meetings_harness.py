"""What the meetings integration tests share: keys, settings, a running service over real
HTTP, consent and plans facts published to Kafka as those services would, and a tap on
the meetings topic."""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

from samen_contract.events.consent import (
    ConsentGiven,
    GuardianshipRecorded,
    GuardianStanding,
    PupilEnrolled,
)
from samen_contract.events.plans import ActionPartSet, OppVersionWritten, SupportStarted
from samen_contract.topics import events_topic
from samen_kit.access import GuardianItem, Role, mint_guardian_token
from samen_kit.clock import FakeClock
from samen_kit.testing.keys import Keys, bearer, staff_token
from samen_kit.testing.roster import RosterPublisher, roster_publisher
from samen_kit.testing.schema import upgrade_to
from samen_kit.testing.server import serve
from samen_kit.testing.tap import EventTap as Tap
from samen_meetings.bootstrap import MIGRATIONS, MeetingsService, build
from samen_meetings.settings import MeetingsSettings
from sqlalchemy import text

STAFF_ISSUER = "urn:samen:test-idp"
SESSION_SECRET = "a-test-secret-that-is-long-enough-for-the-codec"
# Monday 2 March 2026, 09:00 Amsterdam (winter time): the tests' "now".
START = datetime.fromisoformat("2026-03-02T08:00:00+00:00")


def make_settings(
    *,
    database_url: str,
    kafka_bootstrap: str,
    topic_prefix: str,
    keys_folder: Path,
    keys: Keys,
    **overrides: Any,
) -> MeetingsSettings:
    staff_jwks, guardian_jwks = keys.write(keys_folder)
    values: dict[str, Any] = {
        "database_url": database_url,
        "kafka_bootstrap": kafka_bootstrap,
        "topic_prefix": topic_prefix,
        "staff_jwks": str(staff_jwks),
        "guardian_jwks": str(guardian_jwks),
        "staff_issuer": STAFF_ISSUER,
        "guardian_session_secret": SESSION_SECRET,
        "guardian_cookie_secure": False,
        "due_scan_interval_seconds": 3600.0,
        "outbox_poll_ms": 100,
        "consumer_backoff_ms": 20,
        **overrides,
    }
    return MeetingsSettings(**values)


@dataclass
class Running:
    """A service under test: its parts, its base URL, its clock and keys."""

    service: MeetingsService
    base_url: str
    clock: FakeClock
    keys: Keys

    def staff_token(
        self,
        tenant: str,
        role: Role = Role.IB,
        *,
        schools: tuple[UUID, ...] = (),
        subject: UUID | None = None,
    ) -> dict[str, str]:
        token = staff_token(
            self.keys.staff,
            subject=subject,
            role=role,
            tenant=tenant,
            issuer=STAFF_ISSUER,
            now=self.clock.now(),
            schools=schools,
        )
        return bearer(token)

    def guardian_token(
        self, tenant: str, guardian_id: UUID, pupil_id: UUID, item: GuardianItem
    ) -> str:
        return mint_guardian_token(
            self.keys.guardian,
            guardian_id=guardian_id,
            pupil_id=pupil_id,
            item=item,
            tenant=tenant,
            now=self.clock.now(),
        )

    async def sql(self, statement: str, **params: Any) -> list[Any]:
        async with self.service.runtime.sessions() as session:
            return list((await session.execute(text(statement), params)).all())

    async def outbox_drained(self) -> bool:
        rows = await self.sql("SELECT count(*) FROM outbox WHERE published_at IS NULL")
        return bool(rows[0][0] == 0)


@contextlib.asynccontextmanager
async def running(
    settings: MeetingsSettings, keys: Keys, clock: FakeClock
) -> AsyncIterator[Running]:
    await upgrade_to(settings.database_url, MIGRATIONS)
    service = build(settings, clock=clock)
    async with serve(service.app) as base_url:
        yield Running(service, base_url, clock, keys)


@dataclass
class Pupil:
    tenant: str
    pupil_id: UUID
    school_id: UUID
    guardians: tuple[UUID, ...]


class Roster(RosterPublisher):
    """Publishes consent facts on a (prefixed) consent topic, as the consent service would."""

    actor = "system:consent-test"

    async def enrol(
        self,
        tenant: str,
        *,
        guardians: int = 1,
        information_right: int = 0,
        school_id: UUID | None = None,
        consents: tuple[str, ...] = (),
        same_ids_as: Pupil | None = None,
    ) -> Pupil:
        """`same_ids_as`: the pupil and guardian ids of another tenant's pupil (ids
        mean something only within their tenant)."""
        pupil_id = same_ids_as.pupil_id if same_ids_as else uuid4()
        ids = same_ids_as.guardians if same_ids_as else tuple(uuid4() for _ in range(guardians))
        pupil = Pupil(tenant, pupil_id, school_id or uuid4(), ids)
        guardians = len(ids)
        enrolled = PupilEnrolled(
            pupil_id=pupil.pupil_id, school_id=pupil.school_id, enrolled_on=date(2025, 8, 25)
        )
        await self.publish(enrolled, tenant=tenant, subject=pupil.pupil_id)
        standings = [GuardianStanding.PARENTAL_AUTHORITY] * guardians
        extra = tuple(uuid4() for _ in range(information_right))
        standings += [GuardianStanding.INFORMATION_RIGHT] * information_right
        for guardian, standing in zip(pupil.guardians + extra, standings, strict=True):
            recorded = GuardianshipRecorded(
                pupil_id=pupil.pupil_id, guardian_id=guardian, standing=standing
            )
            await self.publish(recorded, tenant=tenant, subject=pupil.pupil_id)
        for purpose in consents:
            await self.give(pupil, purpose)
        return pupil

    async def give(self, pupil: Pupil, purpose: str, request_id: UUID | None = None) -> UUID:
        request_id = request_id or uuid4()
        given = ConsentGiven(
            request_id=request_id, pupil_id=pupil.pupil_id, purpose=purpose, purpose_version=1
        )
        await self.publish(given, tenant=pupil.tenant, subject=pupil.pupil_id)
        return request_id


def roster(kafka_bootstrap: str, prefix: str) -> contextlib.AbstractAsyncContextManager[Roster]:
    return roster_publisher(kafka_bootstrap, prefix, Roster)


def action_part_hash(opp_id: UUID, version: int) -> str:
    """Stands for the SHA-256 of a version's action part (its words stay in plans)."""
    return hashlib.sha256(f"{opp_id}/{version}".encode()).hexdigest()


class Plans(RosterPublisher):
    """Publishes the plans service's facts on a (prefixed) plans topic, as it would."""

    actor = "system:plans-test"

    async def start_support(
        self, pupil: Pupil, started_on: date, opp_id: UUID | None = None
    ) -> UUID:
        """`SupportStarted`: the pupil's new OPP, due 6 weeks later."""
        opp_id = opp_id or uuid4()
        started = SupportStarted(
            opp_id=opp_id, pupil_id=pupil.pupil_id, school_id=pupil.school_id,
            started_on=started_on, opp_due_on=started_on + timedelta(weeks=6),
        )  # fmt: skip
        await self.publish(started, tenant=pupil.tenant, subject=pupil.pupil_id)
        return opp_id

    async def write_version(self, pupil: Pupil, opp_id: UUID, version: int) -> None:
        written = OppVersionWritten(
            opp_id=opp_id, pupil_id=pupil.pupil_id, school_id=pupil.school_id,
            version=version, action_part_sha256=action_part_hash(opp_id, version),
        )  # fmt: skip
        await self.publish(written, tenant=pupil.tenant, subject=pupil.pupil_id)

    async def set_action_part(
        self, pupil: Pupil, opp_id: UUID, version: int, set_on: date, evaluation_due_on: date
    ) -> None:
        """`ActionPartSet`: the parents consented to `version`."""
        fact = ActionPartSet(
            opp_id=opp_id, pupil_id=pupil.pupil_id, school_id=pupil.school_id,
            version=version, action_part_sha256=action_part_hash(opp_id, version),
            consent_request_id=uuid4(), set_on=set_on, evaluation_due_on=evaluation_due_on,
        )  # fmt: skip
        await self.publish(fact, tenant=pupil.tenant, subject=pupil.pupil_id)


def plans(kafka_bootstrap: str, prefix: str) -> contextlib.AbstractAsyncContextManager[Plans]:
    return roster_publisher(kafka_bootstrap, prefix, Plans)


async def opp_known(run: Running, tenant: str, opp_id: UUID, version: int | None = None) -> bool:
    """The plans facts about the OPP reached the service's projection (with `version`)."""
    rows = await run.sql(
        "SELECT version FROM opp WHERE tenant = :t AND opp_id = :o", t=tenant, o=opp_id
    )
    return bool(rows) and (version is None or rows[0][0] == version)


def tap(kafka_bootstrap: str, prefix: str) -> Tap:
    """Everything on the meetings topic since the tap started."""
    return Tap(kafka_bootstrap, prefix + events_topic("meetings"))


async def outbox_ids(run: Running, tenant: str, name: str) -> set[str]:
    """Ids of the events of type `name` this deployment wrote for `tenant`."""
    rows = await run.sql(
        "SELECT event_id, headers FROM outbox",
    )
    found: set[str] = set()
    for event_id, headers in rows:
        values = dict(headers)
        if values.get("ce_tenant") == tenant and values.get("ce_type", "").split(".")[2] == name:
            found.add(str(event_id))
    return found


async def pupil_known(run: Running, pupil: Pupil) -> bool:
    """The consent facts about `pupil` reached the service's projection."""
    rows = await run.sql(
        "SELECT count(*) FROM roster_guardianship WHERE tenant = :t AND pupil_id = :p",
        t=pupil.tenant,
        p=pupil.pupil_id,
    )
    return bool(rows[0][0] >= len(pupil.guardians))


async def register_staff(
    run: Running, http: Any, tenant: str, school_id: UUID, role: Role = Role.TEACHER
) -> UUID:
    """A colleague in the staff directory, registered by an IB of the school."""
    person_id = uuid4()
    response = await http.put(
        f"/staff/{person_id}",
        json={"role": role.value, "school_ids": [str(school_id)]},
        headers=run.staff_token(tenant, Role.IB, schools=(school_id,)),
    )
    assert response.status_code == 204, response.text
    return person_id
