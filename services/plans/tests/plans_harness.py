"""What the plans integration tests share: keys, settings, a running service over real
HTTP, consent facts published to Kafka, and a tap on the plans topic."""

from __future__ import annotations

import contextlib
from datetime import UTC, date, datetime
from uuid import UUID, uuid4

from samen_contract import Envelope, Event
from samen_contract.events import consent as cev
from samen_kit.clock import FakeClock
from samen_kit.testing.roster import Pupil, RosterPublisher, roster_publisher
from samen_kit.testing.roster import pupil_known as roster_knows
from samen_kit.testing.service import RunningService, ServiceUnderTest
from samen_kit.testing.tap import EventTap
from samen_plans.bootstrap import MIGRATIONS, PlansService, build_service
from samen_plans.settings import PlansSettings

Running = RunningService[PlansService]
Tap = EventTap  # the `plans_tap` fixture's type (ServiceUnderTest.fixtures)


PLANS = ServiceUnderTest(
    "plans", PlansSettings, build_service, MIGRATIONS, defaults={"sweep_seconds": 3600.0}
)
make_settings, running = PLANS.settings, PLANS.running


class Roster(RosterPublisher):
    """Publishes consent facts on the (prefixed) consent topic, as the consent service would."""

    # The consent facts' time: the service's clock when set (so "set on" is its today).
    clock: FakeClock | None = None

    async def fact(self, pupil: Pupil, event: Event) -> Envelope:
        """A consent fact about the pupil, numbered after the roster's facts."""
        key = f"{pupil.tenant}/{pupil.pupil_id}"
        self._sequence[key] = self._sequence.get(key, 0) + 1
        envelope = Envelope.for_event(
            event,
            tenant=pupil.tenant,
            subject=pupil.pupil_id,
            actor=self.actor,
            sequence=self._sequence[key],
            board=pupil.board,
            school=pupil.school_id,
            time=self.clock.now() if self.clock else None,
        )
        await self.send(envelope, event)
        return envelope

    async def requested(
        self,
        pupil: Pupil,
        opp_id: UUID,
        version: int,
        sha256: str,
        *,
        parties: tuple[UUID, ...] | None = None,
        rule: cev.ConsentRuleKind | None = None,
    ) -> UUID:
        """The consent service opened a request about this version's action part."""
        request_id = uuid4()
        asked = pupil.guardians if parties is None else parties
        subject = cev.ConsentSubject(
            kind="opp_action_part", subject_id=opp_id, version=version, sha256=sha256
        )
        event = cev.ConsentRequested(
            request_id=request_id,
            pupil_id=pupil.pupil_id,
            school_id=pupil.school_id,
            purpose="opp_action_part",
            purpose_version=1,
            parties=tuple(cev.ConsentParty(party_id=p, role=cev.PartyRole.GUARDIAN) for p in asked),
            rule=rule,
            subject=subject,
        )
        await self.fact(pupil, event)
        return request_id

    async def answered(
        self, pupil: Pupil, request_id: UUID, party: UUID, answer: cev.ConsentAnswer
    ) -> None:
        event = cev.ConsentAnswered(
            request_id=request_id,
            pupil_id=pupil.pupil_id,
            purpose="opp_action_part",
            purpose_version=1,
            party_id=party,
            party_role=cev.PartyRole.GUARDIAN,
            answer=answer,
            channel=cev.AnswerChannel.GUARDIAN_PAGE,
        )
        await self.fact(pupil, event)

    async def given(self, pupil: Pupil, request_id: UUID) -> Envelope:
        event = cev.ConsentGiven(
            request_id=request_id,
            pupil_id=pupil.pupil_id,
            purpose="opp_action_part",
            purpose_version=1,
        )
        return await self.fact(pupil, event)

    async def lapsed(self, pupil: Pupil, request_id: UUID) -> None:
        """The question lapsed unanswered."""
        event = cev.ConsentExpired(
            request_id=request_id,
            pupil_id=pupil.pupil_id,
            purpose="opp_action_part",
            expired_at=self.clock.now() if self.clock else datetime.now(UTC),
            was_given=False,
        )
        await self.fact(pupil, event)

    async def cancelled(self, pupil: Pupil, request_id: UUID) -> None:
        event = cev.ConsentRequestCancelled(
            request_id=request_id,
            pupil_id=pupil.pupil_id,
            purpose="opp_action_part",
            reason=cev.CancelReason.STAFF,
        )
        await self.fact(pupil, event)

    async def left(self, pupil: Pupil, on: date) -> None:
        event = cev.PupilLeft(pupil_id=pupil.pupil_id, school_id=pupil.school_id, left_on=on)
        await self.fact(pupil, event)

    async def all_agree(self, pupil: Pupil, request_id: UUID) -> None:
        for guardian in pupil.guardians:
            await self.answered(pupil, request_id, guardian, cev.ConsentAnswer.AGREE)
        await self.given(pupil, request_id)

    async def refused(self, pupil: Pupil, request_id: UUID, party: UUID) -> None:
        await self.answered(pupil, request_id, party, cev.ConsentAnswer.REFUSE)
        event = cev.ConsentRefused(
            request_id=request_id,
            pupil_id=pupil.pupil_id,
            purpose="opp_action_part",
            party_id=party,
        )
        await self.fact(pupil, event)

    async def withdrawn(self, pupil: Pupil, request_id: UUID, party: UUID) -> None:
        event = cev.ConsentWithdrawn(
            request_id=request_id,
            pupil_id=pupil.pupil_id,
            purpose="opp_action_part",
            party_id=party,
            was_given=True,
        )
        await self.fact(pupil, event)


def roster(kafka_bootstrap: str, prefix: str) -> contextlib.AbstractAsyncContextManager[Roster]:
    return roster_publisher(kafka_bootstrap, prefix, Roster)


async def pupil_known(run: Running, pupil: Pupil) -> bool:
    """The consent facts about `pupil` reached the service's projection."""
    return await roster_knows(run.sessions, pupil)


async def outbox_rows_for(run: Running, pupil_id: UUID) -> int:
    """Events written about the pupil (the outbox keeps one row per event id)."""
    from sqlalchemy import text

    async with run.service.deps.sessions() as session:
        found = await session.execute(
            text("SELECT count(*) FROM outbox WHERE key = :key"), {"key": str(pupil_id).encode()}
        )
        return int(found.scalar_one())
