"""What the admissions integration tests share: keys, settings, a running service over
real HTTP, consent facts published to Kafka, and a tap on the admissions topic."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime
from uuid import UUID, uuid4

from samen_admissions.bootstrap import MIGRATIONS, AdmissionsService, build_service
from samen_admissions.settings import AdmissionsSettings
from samen_contract.events.consent import ConsentGiven, ConsentWithdrawn
from samen_kit.access import GuardianItem
from samen_kit.testing.roster import Pupil, RosterPublisher, roster_publisher
from samen_kit.testing.roster import pupil_known as roster_knows
from samen_kit.testing.service import RunningService, ServiceUnderTest
from samen_kit.testing.tap import EventTap

# A Monday in term time, so the terms in the tests are easy to follow.
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


Running = RunningService[AdmissionsService]
Tap = EventTap  # the `admissions_tap` fixture's type (ServiceUnderTest.fixtures)
ADMISSIONS = ServiceUnderTest(
    "admissions",
    AdmissionsSettings,
    build_service,
    MIGRATIONS,
    defaults={"sweep_seconds": 3600.0},
    start=START,
)


def request_item(request_id: str | UUID) -> GuardianItem:
    """What a guardian's link to a request opens."""
    return GuardianItem.of("admission_request", request_id)


class Consent(RosterPublisher):
    """Publishes facts on the (prefixed) consent topic, as the consent service would."""

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


async def pupil_known(run: Running, pupil: Pupil) -> bool:
    """The consent facts about `pupil` reached the service's roster projection."""
    return await roster_knows(run.sessions, pupil)


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
