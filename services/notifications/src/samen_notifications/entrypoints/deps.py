"""What the routes need, put on `app.state` by the composition root."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from samen_kit.access.refusal_book import RefusalBook
from samen_kit.clock import Clock
from samen_kit.outbox import EventWriter
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from samen_notifications.adapters.ports import AbstractSmsGateway
from samen_notifications.domain.guardian_links import GuardianLinks
from samen_notifications.entrypoints.renewal import ExpiredLinkReader
from samen_notifications.handlers.planning import Planner
from samen_notifications.handlers.reports import ReportRecorder
from samen_notifications.settings import NotificationsSettings


@dataclass(frozen=True)
class Deps:
    settings: NotificationsSettings
    sessions: async_sessionmaker[AsyncSession]
    writer: EventWriter
    clock: Clock
    planner: Planner
    links: GuardianLinks
    reports: ReportRecorder
    sms: AbstractSmsGateway
    refusals: RefusalBook
    renewals: ExpiredLinkReader
    broadcast_languages: frozenset[str]


def deps_of(request: Request) -> Deps:
    found = getattr(request.app.state, "notifications", None)
    if not isinstance(found, Deps):
        raise RuntimeError("the composition root did not set app.state.notifications")
    return found


DepsDep = Annotated[Deps, Depends(deps_of)]
