"""The dispatcher: sends what is due, at most `batch_size` messages at a time.

1. Lease due messages (one short transaction; `FOR UPDATE SKIP LOCKED`, so several
   instances share the work and none sends what another holds).
2. Compose them (templates, guardian links) and record how (language, short links).
3. Send them outside any transaction, and settle each as soon as its transport
   answered: its status and its event are committed then, together with the others
   settled at that moment (`settling.SettlingQueue`, a group commit).
4. At most `email_window` e-mails (the SMTP pool's size) are sent and not yet settled
   (`settling.SendWindow`); while settling fails (the database restarts) it is tried
   again and nothing new is sent.

A crash or a long outage between 3 and its settling leaves those messages leased; when
the lease runs out they are sent again with the same Message-ID / SMS reference. So a
repeat can only hit what was in the window: at most `email_window` e-mails. A message
whose turn in its batch comes after half its lease is handed back unsent
(`domain.leasing`), so a slow batch is never overtaken by a sender taking it over.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import structlog
from opentelemetry.trace import Span, SpanKind, StatusCode
from samen_contract.events.notifications import FailureReason
from samen_kit.clock import Clock
from samen_kit.db import unit_of_work
from samen_kit.outbox import EventWriter
from samen_kit.tracing import SERVICE_ATTRIBUTE, continuing
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from samen_notifications.adapters import counters, links, messages
from samen_notifications.adapters.messages import Rendering
from samen_notifications.adapters.ports import (
    AbstractEmailSender,
    AbstractSmsGateway,
    PermanentFailure,
    SmsAccepted,
    TemporaryFailure,
)
from samen_notifications.adapters.tables import MessageRow
from samen_notifications.domain.contact import QuietHours
from samen_notifications.domain.leasing import may_start_sending
from samen_notifications.domain.retry import RetryPolicy
from samen_notifications.domain.rules import Channel, Urgency
from samen_notifications.domain.scheduling import send_time
from samen_notifications.handlers import emitting
from samen_notifications.handlers.batch import Batch, FallbackSchool, load_batch
from samen_notifications.handlers.composer import Composed, ComposeError, Composer
from samen_notifications.handlers.failures import FailureSettler
from samen_notifications.handlers.settling import SendWindow, SettlingPolicy, SettlingQueue

log = structlog.get_logger(__name__)

COMPOSE_STEP = 8  # messages composed between turns of the event loop


@dataclass(frozen=True, slots=True)
class Transports:
    email: AbstractEmailSender
    sms: AbstractSmsGateway  # throttles itself to the provider's rate


@dataclass(frozen=True, slots=True)
class DispatchSettings:
    batch_size: int = 200
    concurrency: int = 16  # SMS sent and not yet settled (the gateway throttles itself)
    lease: timedelta = timedelta(minutes=5)
    email_window: int = 8  # e-mails sent and not yet settled: the SMTP pool's size
    settling: SettlingPolicy = field(default_factory=SettlingPolicy)


@dataclass(frozen=True, slots=True)
class Result:
    message: MessageRow
    composed: Composed | None = None
    provider_id: str | None = None
    temporary: bool = False
    reason: FailureReason | None = None  # set for a failure
    error_code: int | None = None
    retry_after: float | None = None

    @property
    def sent(self) -> bool:
        return self.reason is None and not self.temporary


@dataclass(frozen=True, slots=True)
class Settled:
    """A result to settle, with the batch it came from."""

    batch: Batch
    result: Result


class SettlingFailed(Exception):
    """Results could not be committed in time; their messages stay leased."""


class Dispatcher:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        writer: EventWriter,
        clock: Clock,
        composer: Composer,
        transports: Transports,
        settler: FailureSettler,
        *,
        settings: DispatchSettings,
        retry: RetryPolicy,
        quiet: QuietHours,
        fallback_school: FallbackSchool,
        jitter: Callable[[], float] = random.random,
    ) -> None:
        self._sessions = sessions
        self._writer = writer
        self._clock = clock
        self._composer = composer
        self._transports = transports
        self._settler = settler
        self._settings = settings
        self._retry = retry
        self._quiet = quiet
        self._fallback_school = fallback_school
        self._jitter = jitter
        self.email_window = SendWindow(settings.email_window)
        self.sms_window = SendWindow(settings.concurrency)
        policy = settings.settling
        if policy.give_up_after >= settings.lease.total_seconds():
            # Settle well before the lease runs out and another sender takes the message.
            give_up = settings.lease.total_seconds() / 2
            policy = SettlingPolicy(policy.first_delay, policy.max_delay, give_up)
        self._settling: SettlingQueue[Settled] = SettlingQueue(self._write_settled, policy)

    async def run_once(self) -> int:
        """Send one batch of what is due; how many messages it handled."""
        await self._settling.wait_until_working()
        now = self._clock.now()
        async with unit_of_work(self._sessions) as session:
            claimed = await messages.claim_due(
                session, now, now + self._settings.lease, self._settings.batch_size
            )
        if not claimed:
            return 0
        async with self._sessions() as session:
            batch = await load_batch(session, claimed)
        results = []
        for i, m in enumerate(claimed, 1):
            results.append(self._compose(m, batch, now))
            if i % COMPOSE_STEP == 0:
                await asyncio.sleep(0)  # let the other workers' sends and settling go on
        await self._record_compositions(results)
        late: list[MessageRow] = []
        async with asyncio.TaskGroup() as group:
            for result in results:
                group.create_task(self._send_and_settle(batch, result, late))
        if late:
            await self._hand_back(late)
        log.info("notifications.batch.handled", handled=len(claimed), handed_back=len(late))
        return len(claimed)

    async def drain(self) -> int:
        """Send until nothing is due (tests and tools)."""
        total = 0
        while handled := await self.run_once():
            total += handled
        return total

    def _compose(self, m: MessageRow, batch: Batch, now: datetime) -> Result:
        n = batch.notifications[m.notification_id]
        recipient = batch.recipient(n, self._quiet)
        if recipient is None:
            return Result(m, reason=FailureReason.INVALID_ADDRESS)
        try:
            composed = self._composer.compose(
                n,
                m.id,
                Channel(m.channel),
                recipient,
                batch.school(n, self._fallback_school),
                now,
                batch.broadcast_words(n),
            )
        except ComposeError as error:
            log.warning(
                "notifications.compose_failed",
                message_id=str(m.id),
                reason=error.reason,
                detail=str(error),  # names the template and the failure, never values
            )
            return Result(m, reason=error.reason)
        return Result(m, composed)

    async def _record_compositions(self, results: Sequence[Result]) -> None:
        composed = [r.composed for r in results if r.composed is not None]
        renderings = [
            Rendering(c.message_id, c.lang_used, c.fell_back, c.segments) for c in composed
        ]
        short_links = [c.short_link for c in composed if c.short_link is not None]
        async with unit_of_work(self._sessions) as session:
            await messages.record_renderings(session, renderings)
            await links.save_short_links(session, short_links)

    async def _send_and_settle(self, batch: Batch, result: Result, late: list[MessageRow]) -> None:
        """Send (unless composing failed), then settle; the window's slot is held until
        the result is committed, and no send starts while settling fails or once the
        message's lease is half gone (then it goes to `late`, to be handed back)."""
        if result.composed is None:
            await self._settle(batch, result)
            return
        window = self.email_window if result.composed.email is not None else self.sms_window
        async with window.slot():
            await self._settling.wait_until_working()
            m = result.message
            if not may_start_sending(self._clock.now(), m.lease_until, self._settings.lease):
                late.append(m)
                return
            sent = await self._send(result, result.composed)
            await self._settle(batch, sent)

    async def _hand_back(self, late: Sequence[MessageRow]) -> None:
        leases = [(m.id, m.lease_until) for m in late if m.lease_until is not None]
        async with unit_of_work(self._sessions) as session:
            await messages.hand_back(session, leases)

    async def _settle(self, batch: Batch, result: Result) -> None:
        if not await self._settling.settle(Settled(batch, result)):
            raise SettlingFailed("the database did not take the results in time")

    async def _write_settled(self, settled: Sequence[Settled]) -> None:
        async with unit_of_work(self._sessions) as session:
            await self._apply(session, settled, self._clock.now())

    async def _send(self, result: Result, composed: Composed) -> Result:
        with sending_span(result.message, composed) as span:
            outcome = await send_one(self._transports, composed)
            if not outcome.accepted:
                span.set_status(StatusCode.ERROR)
        return Result(
            result.message,
            composed,
            provider_id=outcome.provider_id,
            temporary=outcome.temporary,
            reason=FailureReason.REJECTED if outcome.rejected else None,
            error_code=outcome.error_code,
            retry_after=outcome.retry_after,
        )

    async def _apply(
        self, session: AsyncSession, settled: Sequence[Settled], now: datetime
    ) -> None:
        sent = [s for s in settled if s.result.sent]
        pairs = [(s.result.message.id, s.result.provider_id) for s in sent]
        # Only what was still sending: a write retried after a lost commit adds nothing.
        still_sending = await messages.mark_sent(session, pairs, now)
        sent = [s for s in sent if s.result.message.id in still_sending]
        emissions = []
        for s in sent:
            r = s.result
            n = s.batch.notifications[r.message.notification_id]
            assert r.composed is not None
            event = emitting.sent(n, r.message, r.composed)
            emissions.append(emitting.emission(n, event, r.message.id))
        await emitting.write(session, self._writer, emissions)
        await self._count_fallbacks(session, sent)
        for s in settled:
            if s.result.temporary:
                await self._retry_later(session, s.batch, s.result, now)
            elif s.result.reason is not None:
                await self._fail(session, s.batch, s.result, s.result.reason, now)

    async def _retry_later(
        self, session: AsyncSession, batch: Batch, r: Result, now: datetime
    ) -> None:
        at = self._retry.next_attempt_at(r.message.attempts, now, self._jitter())
        if at is None:
            await self._fail(session, batch, r, FailureReason.RETRIES_EXHAUSTED, now)
            return
        if r.retry_after is not None:
            at = max(at, now + timedelta(seconds=r.retry_after))
        n = batch.notifications[r.message.notification_id]
        point = batch.point(n, self._quiet)
        if point is not None:
            urgency = Urgency.URGENT if n.urgent else Urgency.NORMAL
            at = send_time(Channel(r.message.channel), urgency, at, point.quiet_hours)
        await messages.reschedule(session, r.message.id, at, r.error_code)

    async def _fail(
        self, session: AsyncSession, batch: Batch, r: Result, reason: FailureReason, now: datetime
    ) -> None:
        if not await messages.mark_failed(session, r.message.id, now, reason.value, r.error_code):
            return  # a delivery report settled it meanwhile
        n = batch.notifications[r.message.notification_id]
        await self._settler.settle(
            session,
            n,
            r.message,
            reason=reason,
            error_code=r.error_code,
            point=batch.point(n, self._quiet),
            now=now,
        )

    async def _count_fallbacks(self, session: AsyncSession, sent: Sequence[Settled]) -> None:
        """Count (and log, once per kind and write) messages written in Dutch because
        their recipient's language had no translation."""
        counts: dict[tuple[str, str, str], int] = {}
        for s in sent:
            c = s.result.composed
            if c is None or not c.fell_back:
                continue
            n = s.batch.notifications[s.result.message.notification_id]
            key = (
                n.tenant,
                "language_fallback",
                f"{n.template}:{c.requested_language}>{c.lang_used}",
            )
            counts[key] = counts.get(key, 0) + 1
        for (_, _, label), count in sorted(counts.items()):
            log.info("notifications.language.fell_back", fallback=label, count=count)
        await counters.add(session, counts)


def sending_span(message: MessageRow, composed: Composed) -> AbstractContextManager[Span]:
    """The send's span, in the trace of the event that planned the message."""
    channel = "smtp" if composed.email is not None else "sms"
    return continuing(
        message.traceparent,
        f"{channel} send",
        SpanKind.CLIENT,
        {
            SERVICE_ATTRIBUTE: "notifications",
            "notifications.message_id": str(message.id),
            "notifications.channel": message.channel,
        },
    )


@dataclass(frozen=True, slots=True)
class SendOutcome:
    provider_id: str | None = None
    temporary: bool = False  # try again later
    rejected: bool = False  # never again
    error_code: int | None = None
    retry_after: float | None = None  # seconds, when the other side asked for it

    @property
    def accepted(self) -> bool:
        return not (self.temporary or self.rejected)


async def send_one(transports: Transports, composed: Composed) -> SendOutcome:
    """Hand one message to its transport; what became of it. Never raises for a
    failure of the transport: a bug there is treated as temporary, so no message is lost."""
    try:
        if composed.email is not None:
            await transports.email.send(composed.email)
            return SendOutcome()
        if composed.sms is not None:
            accepted: SmsAccepted = await transports.sms.send(composed.sms)
            return SendOutcome(provider_id=accepted.provider_id)
    except PermanentFailure as error:
        return SendOutcome(rejected=True, error_code=error.code)
    except TemporaryFailure as error:
        retry_after = getattr(error, "retry_after", None)
        return SendOutcome(temporary=True, error_code=error.code, retry_after=retry_after)
    except Exception as error:
        log.error("notifications.transport_error", error=type(error).__name__)
        return SendOutcome(temporary=True)
    return SendOutcome(rejected=True)  # nothing to send: composed without a message
