"""What the admissions integration tests share: keys, settings, a running service over
real HTTP, consent facts published to Kafka, and a tap on the admissions topic."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

from samen_admissions.bootstrap import MIGRATIONS, AdmissionsService, build_service
from samen_admissions.settings import AdmissionsSettings
from samen_contract.events.consent import (
    ConsentGiven,
    ConsentWithdrawn,
    GuardianshipRecorded,
    GuardianStanding,
    PupilEnrolled,
)
from samen_contract.topics import events_topic
from samen_kit.access import GuardianItem, Role, mint_guardian_token
from samen_kit.clock import FakeClock
from samen_kit.testing.keys import Keys, bearer, staff_token
from samen_kit.testing.roster import RosterPublisher, roster_publisher
from samen_kit.testing.schema import upgrade_to
from samen_kit.testing.server import serve
from samen_kit.testing.service import STAFF_ISSUER, service_settings
from samen_kit.testing.tap import EventTap as Tap

# A Monday in term time, so the terms in the tests are easy to follow.
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def make_settings(
    *,
    database_url: str,
    kafka_bootstrap: str,
    topic_prefix: str,
    keys_folder: Path,
    keys: Keys,
    **overrides: Any,
) -> AdmissionsSettings:
    return service_settings(
        AdmissionsSettings,
        database_url=database_url,
        kafka_bootstrap=kafka_bootstrap,
        topic_prefix=topic_prefix,
        keys_folder=keys_folder,
        keys=keys,
        **{"sweep_seconds": 3600.0, **overrides},
    )


@dataclass
class Running:
    """A service under test: its parts, its base URL, its clock and keys."""

    service: AdmissionsService
    base_url: str
    clock: FakeClock
    keys: Keys

    def staff(
        self,
        tenant: str,
        role: Role,
        *,
        schools: tuple[UUID, ...] = (),
        subject: str | None = None,
    ) -> dict[str, str]:
        token = staff_token(
            self.keys.staff,
            subject=subject or f"staff-{uuid4().hex[:8]}",
            role=role,
            tenant=tenant,
            issuer=STAFF_ISSUER,
            now=self.clock.now(),
            schools=schools,
        )
        return bearer(token)

    def guardian_token(
        self, tenant: str, guardian_id: UUID, pupil_id: UUID, request_id: str | UUID
    ) -> str:
        return mint_guardian_token(
            self.keys.guardian,
            guardian_id=guardian_id,
            pupil_id=pupil_id,
            item=GuardianItem.of("admission_request", request_id),
            tenant=tenant,
            now=self.clock.now(),
        )


@contextlib.asynccontextmanager
async def running(
    settings: AdmissionsSettings, keys: Keys, clock: FakeClock
) -> AsyncIterator[Running]:
    await upgrade_to(settings.database_url, MIGRATIONS)
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


class Consent(RosterPublisher):
    """Publishes facts on the (prefixed) consent topic, as the consent service would."""

    async def enrol(
        self, tenant: str, *, standing: GuardianStanding | None = None, guardians: int = 1
    ) -> Pupil:
        pupil = Pupil(
            tenant,
            uuid4(),
            uuid4(),
            f"board-{uuid4().hex[:6]}",
            tuple(uuid4() for _ in range(guardians)),
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

    async def give(self, pupil: Pupil, purpose: str) -> None:
        given = ConsentGiven(
            request_id=uuid4(), pupil_id=pupil.pupil_id, purpose=purpose, purpose_version=1
        )
        await self.publish(given, tenant=pupil.tenant, subject=pupil.pupil_id, board=pupil.board)

    async def withdraw(self, pupil: Pupil, purpose: str) -> None:
        withdrawn = ConsentWithdrawn(
            request_id=uuid4(),
            pupil_id=pupil.pupil_id,
            purpose=purpose,
            party_id=pupil.guardians[0],
            was_given=True,
        )
        await self.publish(
            withdrawn, tenant=pupil.tenant, subject=pupil.pupil_id, board=pupil.board
        )


def consent(kafka_bootstrap: str, prefix: str) -> contextlib.AbstractAsyncContextManager[Consent]:
    return roster_publisher(kafka_bootstrap, prefix, Consent)


def tap(kafka_bootstrap: str, prefix: str) -> Tap:
    """Everything on the admissions topic since the tap started."""
    return Tap(kafka_bootstrap, prefix + events_topic("admissions"))


async def pupil_known(run: Running, pupil: Pupil) -> bool:
    """The consent facts about `pupil` reached the service's roster projection."""
    from samen_kit.roster import Roster

    async with run.service.deps.sessions() as session:
        roster = Roster(session)
        known = await roster.pupil(pupil.tenant, pupil.pupil_id)
        standings = [
            await roster.standing(pupil.tenant, pupil.pupil_id, g) for g in pupil.guardians
        ]
    return known is not None and all(s is not None for s in standings)


async def consent_known(run: Running, pupil: Pupil, *purposes: str) -> bool:
    from samen_admissions.adapters.consent import SqlConsentFacts

    async with run.service.deps.sessions() as session:
        facts = await SqlConsentFacts(session).of_pupil(pupil.tenant, pupil.pupil_id)
    return all(p in facts for p in purposes)


async def consent_is(run: Running, pupil: Pupil, purpose: str, status: object) -> bool:
    from samen_admissions.adapters.consent import SqlConsentFacts

    async with run.service.deps.sessions() as session:
        facts = await SqlConsentFacts(session).of_pupil(pupil.tenant, pupil.pupil_id)
    return purpose in facts and facts[purpose].status == status
