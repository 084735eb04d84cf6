"""Reading the link a parent brings to ask for a fresh one: it may have expired (that is
why they ask), but it must be ours — signed with our key, for a guardian — and not
older than the grace period. The link under a message to all parents is not renewed:
the next such message brings a fresh one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from samen_kit.access import GUARDIAN_ISSUER, AccessRefusedError, Audience, StaticJwks, tokens

from samen_notifications.domain.guardian_links import GuardianLinks
from samen_notifications.domain.items import ItemKind, ItemRef, parse_item


class RenewalRefused(Exception):
    def __init__(self, tenant: str | None) -> None:
        super().__init__("the link cannot be renewed")
        self.tenant = tenant  # only when the signature proved it


@dataclass(frozen=True, slots=True)
class RenewalClaims:
    tenant: str
    guardian_id: UUID
    pupil_id: UUID
    item: ItemRef


class ExpiredLinkReader:
    def __init__(self, links: GuardianLinks, grace: timedelta) -> None:
        self._jwks = StaticJwks(links.jwks())
        self._expect = tokens.Expectation(
            Audience.GUARDIAN, GUARDIAN_ISSUER, leeway_seconds=int(grace.total_seconds())
        )

    async def read(self, token: str, now: datetime) -> RenewalClaims:
        try:
            claims = await tokens.verify(token, self._jwks, self._expect, now)
        except AccessRefusedError as error:
            raise RenewalRefused(error.proven.tenant) from error
        tenant = claims.get("tenant")
        proven = tenant if isinstance(tenant, str) else None
        try:
            found = RenewalClaims(
                tenant=str(tenant),
                guardian_id=UUID(str(claims["sub"])),
                pupil_id=UUID(str(claims["pupil"])),
                item=parse_item(str(claims["item"])),
            )
        except (KeyError, ValueError) as error:
            raise RenewalRefused(proven) from error
        if found.item.kind is ItemKind.BULK_MESSAGES:
            raise RenewalRefused(proven)
        return found
