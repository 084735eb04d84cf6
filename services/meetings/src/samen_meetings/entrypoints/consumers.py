"""Kafka consumers: the consent projection (and its consent gate), the OPPs known from
the plans service, and the disputes mark.

The kit handles decoding, the inbox (a redelivered event does nothing), per-pupil order,
retries and dead letters; these handlers apply the effect in the given transaction.
"""

from __future__ import annotations

from samen_kit.consumer import Delivery
from samen_kit.service import ServiceRuntime
from sqlalchemy.ext.asyncio import AsyncSession

from samen_meetings.adapters.uow import UnitOfWork
from samen_meetings.handlers.consent_facts import apply_consent_fact
from samen_meetings.handlers.context import Context
from samen_meetings.handlers.dispute_facts import apply_dispute_fact
from samen_meetings.handlers.plans_facts import apply_plans_fact


def install_consumers(runtime: ServiceRuntime, ctx: Context) -> None:
    async def on_consent(session: AsyncSession, delivery: Delivery) -> None:
        if delivery.event is not None:  # a type this service does not know: not for it
            await apply_consent_fact(ctx, UnitOfWork(session), delivery.envelope, delivery.event)

    async def on_plans(session: AsyncSession, delivery: Delivery) -> None:
        if delivery.event is not None:
            await apply_plans_fact(UnitOfWork(session), delivery.envelope, delivery.event)

    async def on_dispute(session: AsyncSession, delivery: Delivery) -> None:
        await apply_dispute_fact(UnitOfWork(session), delivery.envelope, delivery.data)

    runtime.add_consumer(
        "consent-projection",
        on_consent,
        sources=["consent"],
        description="Pupils, guardians and consents; a consent that goes puts meetings on hold",
    )
    runtime.add_consumer(
        "plans-projection",
        on_plans,
        sources=["plans"],
        description="The pupils' OPPs, so that an OPP evaluation meeting can name its OPP",
    )
    runtime.add_consumer(
        "disputes-projection",
        on_dispute,
        sources=["disputes"],
        description="Open disputes about an OPP mark it as contested",
    )
