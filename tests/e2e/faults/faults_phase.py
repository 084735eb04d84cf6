"""One fault under load, then the count: a broadcast to every guardian and a stream of
consent answers (to staff's requests, OPP action parts and TLV requests) run while the
fault happens; afterwards the mail server, the consent service's evidence, the owners
(plans, admissions), the portal's read model, the bus and the audit log are counted
against what was sent."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from samen_archive.treehead import SignedTreeHead

from tests.e2e.faults.faults_answers import AnswerStream, Ask, ask_consent, recorded_answers
from tests.e2e.faults.faults_audit import AuditCount, compare, export_log
from tests.e2e.faults.faults_bus import BusSnapshot, read_bus, wait_settled
from tests.e2e.faults.faults_mail import (
    DONE,
    Broadcast,
    MailCount,
    MailIndex,
    all_recorded,
    broadcast_statuses,
    count_mail,
    received_share,
    send_broadcast,
)
from tests.e2e.faults.faults_owners import OwnersCount, count_owners, decide, portal_facts, prepare
from tests.e2e.faults.faults_region import Region
from tests.e2e.faults.faults_stack import Stack
from tests.e2e.faults.faults_wait import Check, Progress, wait_while_progressing

ANSWER_PACE = 0.5  # seconds between one worker's answers while the fault is on
# The broadcast is waited for while it moves: a killed dispatcher's batch is back after
# its 30 s lease, a restart takes seconds; two minutes without a message is a fault.
MAIL_STALL = 120.0


@dataclass
class Load:
    """What runs while a fault happens; the fault reads it to time itself."""

    stack: Stack
    region: Region
    stream: AnswerStream
    mail: MailIndex
    broadcast: Broadcast | None = None
    notes: dict[str, Any] = field(default_factory=dict)

    async def send_broadcast(self, label: str) -> Broadcast:
        self.broadcast = await send_broadcast(self.stack, self.region, label)
        return self.broadcast

    def mail_share(self) -> float:
        return 0.0 if self.broadcast is None else received_share(self.mail, self.broadcast)

    async def until_mail_share(self, share: float) -> float:
        """Wait until this share of the broadcast arrived; the share when it did."""

        async def reached() -> bool:
            return self.mail_share() >= share

        await wait_while_progressing(
            reached, self._arrived, MAIL_STALL, f"{share:.0%} of the broadcast", poll=0.05
        )
        return self.mail_share()

    async def _arrived(self) -> float:
        return self.mail_share()


Fault = Callable[[Load], Awaitable[None]]


@dataclass(frozen=True)
class Pupils:
    """Whom a phase's work is about: staff's consent requests, OPPs, TLV requests."""

    answering: list[UUID]
    opps: list[UUID]
    tlvs: list[UUID]

    @classmethod
    def of(cls, region: Region, start: int, answering: int, owners: int) -> Pupils:
        """`answering` pupils from row `start` on, then `owners` with an OPP and as many
        with a TLV request (each pupil in one kind of work only)."""
        ids = [row.pupil_id for row in region.rows[start : start + answering + 2 * owners]]
        if len(ids) < answering + 2 * owners:
            raise ValueError("the region has too few pupils for this phase")
        opps_from = answering + owners
        return cls(ids[:answering], ids[answering:opps_from], ids[opps_from:])


@dataclass(frozen=True)
class AnswerCount:
    sent: int
    recorded: int
    on_bus: int  # answers with exactly one ConsentAnswered on the bus
    lost: int  # confirmed to the parent, not in the evidence
    doubled: int  # in the evidence, or answered on the bus, more than once
    landed_unseen: int
    failed_attempts: dict[str, int]

    def as_dict(self) -> dict[str, Any]:
        return {
            "answers_sent": self.sent,
            "answers_recorded": self.recorded,
            "answers_on_bus": self.on_bus,
            "answers_lost": self.lost,
            "answers_doubled": self.doubled,
            "answers_landed_unseen": self.landed_unseen,
            "answer_attempts_failed": self.failed_attempts,
        }


@dataclass(frozen=True)
class PhaseCount:
    fault: str
    mail: MailCount
    answers: AnswerCount
    audit: AuditCount
    owners: OwnersCount
    sent_events: Counter[int]  # broadcast messages by how many NotificationSent they have
    dead_letters: int
    republished: int
    seconds: float
    notes: dict[str, Any]
    head: SignedTreeHead

    def as_dict(self) -> dict[str, Any]:
        return {
            "fault": self.fault,
            **self.mail.as_dict(),
            **self.answers.as_dict(),
            "messages_with_one_sent_event": self.sent_events[1],
            "messages_with_several_sent_events": sum(
                n for events, n in self.sent_events.items() if events > 1
            ),
            **self.audit.as_dict(),
            **self.owners.as_dict(),
            "dead_letters": self.dead_letters,
            "republished_on_bus": self.republished,
            "seconds": round(self.seconds, 1),
            **self.notes,
        }


async def run_phase(
    stack: Stack,
    region: Region,
    label: str,
    pupils: Pupils,
    fault: Fault,
    since: SignedTreeHead | None,
) -> PhaseCount:
    started = time.monotonic()
    work = await prepare(stack, region, pupils.opps, pupils.tlvs)
    asks = await ask_consent(stack, region, pupils.answering) + work.asks
    stream = AnswerStream(stack, region, asks, ANSWER_PACE)
    load = Load(stack, region, stream, MailIndex(stack.config.mail_dir))
    answering = asyncio.create_task(load.stream.run())
    try:
        await fault(load)
    finally:
        load.stream.calm.set()
    await answering
    if load.broadcast is None:
        raise AssertionError("the fault never sent its broadcast")
    broadcast = load.broadcast
    await load.until_mail_share(1.0)
    recorded, done = _recorded(load, broadcast)
    await wait_while_progressing(recorded, done, MAIL_STALL, "every message recorded as sent")
    await wait_settled(stack)
    # Only once admissions has taken in every answer can it submit; then its decisions
    # flow to the portal and the audit log too.
    not_submitted = await decide(stack, region, work)
    await wait_settled(stack)
    bus = await read_bus(stack)
    answers = await _count_answers(load, asks, bus)
    export = await export_log(stack, region, since)
    in_portal = await portal_facts(stack, region.tenant)
    return PhaseCount(
        fault=label,
        mail=count_mail(load.mail, region, broadcast),
        answers=answers,
        audit=compare(export, bus, region.tenant),
        owners=count_owners(work, bus, region.tenant, in_portal, not_submitted),
        sent_events=sent_events(bus, broadcast),
        dead_letters=bus.dead_letters,
        republished=bus.republished,
        seconds=time.monotonic() - started,
        notes=load.notes,
        head=export.head,
    )


def _recorded(load: Load, broadcast: Broadcast) -> tuple[Check, Progress]:
    """A message sent but not recorded at the fault is sent again once its lease ends;
    the count waits for that: whether all are recorded, and how many are."""

    async def recorded() -> bool:
        statuses = await broadcast_statuses(load.stack, load.region, broadcast)
        return all_recorded(statuses, broadcast)

    async def done() -> float:
        statuses = await broadcast_statuses(load.stack, load.region, broadcast)
        return float(sum(n for status, n in statuses.items() if status in DONE))

    return recorded, done


async def _count_answers(load: Load, asks: list[Ask], bus: BusSnapshot) -> AnswerCount:
    tally = load.stream.tally
    recorded = await recorded_answers(load.stack, load.region, asks)
    on_bus = Counter(
        (UUID(str(e.data["request_id"])), UUID(str(e.data["party_id"])))
        for e in {e.event_id: e for e in bus.of_type(".ConsentAnswered.v1")}.values()
    )
    doubled = {a for a in asks if recorded[a] > 1 or on_bus[(a.request_id, a.guardian_id)] > 1}
    return AnswerCount(
        sent=tally.sent,
        recorded=sum(1 for a in asks if recorded[a] == 1),
        on_bus=sum(1 for a in asks if on_bus[(a.request_id, a.guardian_id)] == 1),
        lost=sum(1 for a in tally.confirmed if recorded[a] == 0),
        doubled=len(doubled),
        landed_unseen=tally.landed_unseen,
        failed_attempts=dict(tally.failed_attempts),
    )


def sent_events(bus: BusSnapshot, broadcast: Broadcast) -> Counter[int]:
    """For each message of the broadcast, how many `NotificationSent` events (distinct
    ids) the bus carries: one each, whatever was sent again."""
    events = {e.event_id: e for e in bus.of_type(".NotificationSent.v1")}.values()
    per_message = Counter(str(e.data["message_id"]) for e in events)
    keys = [message_id.strip("<>").split("@")[0] for message_id in broadcast.expected]
    return Counter(per_message[key] for key in keys)
