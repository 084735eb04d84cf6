"""The retention sweep a service runs: for each of its erasers, find the clocks that ran
out, and erase each pupil's data of that kind in one transaction with its claim and its
`PersonalDataErased` (through the outbox).

Safe when two instances sweep at once: the claim is a unique key (`store.claim_erasure`),
so the second waits for the first and then finds the work done. Safe on a restart: the
event id is derived from what was erased, so nothing is emitted twice.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from uuid import NAMESPACE_URL, UUID, uuid5

import structlog
from samen_contract.events.retention import DataKind, ErasureReason, PersonalDataErased
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from samen_kit.clock import Clock
from samen_kit.periodic import Every, periodic
from samen_kit.retention.decision import erase_now
from samen_kit.retention.policy import Overrides, RetentionRule, policy_for
from samen_kit.retention.purge import AgedRecords, purge_aged
from samen_kit.retention.refusal import refusal_of_request
from samen_kit.retention.store import (
    Claim,
    Ending,
    claim_erasure,
    erased_kinds,
    holds_of,
    record_count,
)
from samen_kit.service import BackgroundJob
from samen_kit.uow import UnitOfWork

log = structlog.get_logger(__name__)

ACTOR = "system:retention"
_IDS = uuid5(NAMESPACE_URL, "urn:samen:retention")


@dataclass(frozen=True)
class Eraser:
    """How one service erases one kind of data about a pupil."""

    kind: DataKind
    # The clocks that may have run out: pupils with their ending day, not yet erased.
    endings: Callable[[AsyncSession], Awaitable[Sequence[Ending]]]
    # Erase or pseudonymise; returns how many records changed. Must be idempotent.
    erase: Callable[[AsyncSession, str, UUID], Awaitable[int]]


@dataclass(frozen=True)
class Retention:
    """A service's erasers and what they need: its name, clock and the tenants' overrides."""

    service: str
    sessions: async_sessionmaker[AsyncSession]
    clock: Clock
    erasers: tuple[Eraser, ...]
    overrides: Overrides = field(default_factory=dict)
    # Access records, each on a clock of its own (`purge`), not a pupil's.
    aged: tuple[AgedRecords, ...] = ()

    def rule(self, tenant: str, kind: DataKind) -> RetentionRule:
        return policy_for(tenant, self.overrides).rule(kind)

    def eraser(self, kind: DataKind) -> Eraser | None:
        return next((e for e in self.erasers if e.kind == kind), None)


async def sweep(retention: Retention) -> int:
    """One pass over every eraser; returns how many (pupil, kind) erasures it made."""
    done = 0
    for eraser in retention.erasers:
        async with retention.sessions() as session:
            endings = await eraser.endings(session)
        for ending in endings:
            done += await _erase_if_due(retention, eraser, ending)
    return done


async def _erase_if_due(retention: Retention, eraser: Eraser, ending: Ending) -> int:
    today = retention.clock.now().date()
    rule = retention.rule(ending.tenant, eraser.kind)
    if not erase_now(rule, ending.ended_on, (), today):
        return 0  # cheap pre-check without a transaction; holds are read under lock below
    async with UnitOfWork.begin(retention.sessions) as uow:
        holds = await holds_of(uow.session, ending.tenant, ending.pupil_id)
        if not erase_now(rule, ending.ended_on, holds, today):
            return 0
        reason = ErasureReason.RETENTION_PERIOD
        return 0 if await _erase(retention, uow, eraser, ending, rule, reason) is None else 1


class ErasureRefused(Exception):
    """A guardian's request cannot be carried out: a legal duty to keep the data applies."""

    def __init__(self, kind: DataKind, duty: str) -> None:
        super().__init__(f"{kind}: {duty}")
        self.kind, self.duty = kind, duty


async def erase_on_request(retention: Retention, tenant: str, pupil_id: UUID) -> dict[str, int]:
    """Carry out a guardian's request (AVG art. 17) for every kind this service holds, in
    one transaction: all kinds or, when one must be kept, none (`ErasureRefused`).
    Returns the count per kind erased now (a kind erased before is left out)."""
    today = retention.clock.now().date()
    async with UnitOfWork.begin(retention.sessions) as uow:
        holds = await holds_of(uow.session, tenant, pupil_id)
        done = await erased_kinds(uow.session, tenant, pupil_id)
        erasers = [e for e in retention.erasers if e.kind.value not in done]
        endings = {e.kind: await _ending_of(uow.session, e, tenant, pupil_id) for e in erasers}
        for eraser in erasers:
            rule = retention.rule(tenant, eraser.kind)
            duty = refusal_of_request(rule, endings[eraser.kind], holds, today)
            if duty is not None:
                raise ErasureRefused(eraser.kind, duty)
        erased: dict[str, int] = {}
        for eraser in erasers:
            rule = retention.rule(tenant, eraser.kind)
            ending = Ending(tenant, pupil_id, endings[eraser.kind] or today)
            count = await _erase(
                retention, uow, eraser, ending, rule, ErasureReason.GUARDIAN_REQUEST
            )
            if count is not None:
                erased[eraser.kind.value] = count
    return erased


async def _ending_of(
    session: AsyncSession, eraser: Eraser, tenant: str, pupil_id: UUID
) -> date | None:
    """The day the pupil's clock of this kind started, if it has."""
    for ending in await eraser.endings(session):
        if ending.tenant == tenant and ending.pupil_id == pupil_id:
            return ending.ended_on
    return None


async def _erase(
    retention: Retention,
    uow: UnitOfWork,
    eraser: Eraser,
    ending: Ending,
    rule: RetentionRule,
    reason: ErasureReason,
) -> int | None:
    """The count erased, or None when the claim was taken before."""
    claim = Claim(ending.tenant, ending.pupil_id, eraser.kind, rule.basis, reason)
    now = retention.clock.now()
    if not await claim_erasure(uow.session, claim, now):
        return None  # another sweep, or an earlier one, erased it
    count = await eraser.erase(uow.session, ending.tenant, ending.pupil_id)
    await record_count(uow.session, claim, count)
    kind = PersonalDataErased.for_service(retention.service)
    fact = kind(
        pupil_id=ending.pupil_id,
        kind=eraser.kind,
        count=count,
        basis=rule.basis,
        reason=reason,
        erased_on=now.date(),
    )
    key = f"{retention.service}:{ending.tenant}:{ending.pupil_id}:{eraser.kind}"
    await uow.emit(
        fact, tenant=ending.tenant, subject=str(ending.pupil_id), actor=ACTOR,
        event_id=uuid5(_IDS, key),
    )  # fmt: skip
    log.info("retention.erased", kind=str(eraser.kind), count=count, reason=str(reason))
    return count


async def purge(retention: Retention) -> dict[str, int]:
    """Delete the service's access records whose period ran out; the count per table."""
    sessions, clock = retention.sessions, retention.clock
    return await purge_aged(sessions, clock, retention.aged, retention.overrides)


def retention_job(retention: Retention, seconds: float) -> BackgroundJob:
    """The service's background job (`runtime.jobs`) that sweeps every `seconds`."""

    async def work() -> None:
        await sweep(retention)
        await purge(retention)

    return periodic(Every(f"{retention.service}.retention", seconds, work))
