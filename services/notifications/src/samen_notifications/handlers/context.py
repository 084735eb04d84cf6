"""What the use cases and the routes need, built once by the composition root."""

from __future__ import annotations

from dataclasses import dataclass

from samen_kit.access.refusal_book import RefusalBook
from samen_kit.access.step_up_proof import StepUpProofCodec
from samen_kit.clock import Clock
from samen_kit.outbox import EventWriter
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from samen_notifications.adapters.ports import AbstractEmailSender, AbstractSmsGateway
from samen_notifications.domain.guardian_links import GuardianLinks
from samen_notifications.handlers.planning import Planner
from samen_notifications.handlers.renewal import ExpiredLinkReader
from samen_notifications.handlers.reports import ReportRecorder
from samen_notifications.settings import NotificationsSettings


@dataclass(frozen=True)
class Context:
    settings: NotificationsSettings
    sessions: async_sessionmaker[AsyncSession]
    writer: EventWriter
    clock: Clock
    planner: Planner
    links: GuardianLinks
    reports: ReportRecorder
    sms: AbstractSmsGateway
    email: AbstractEmailSender
    refusals: RefusalBook
    renewals: ExpiredLinkReader
    broadcast_languages: frozenset[str]
    step_up_proofs: StepUpProofCodec
