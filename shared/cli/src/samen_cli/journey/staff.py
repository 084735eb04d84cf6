"""Staff at their desks: tokens signed with the local development key, or (when the
platform runs Keycloak) signed in at Keycloak as the demo region's accounts, and HTTP
clients that carry them to one service each. Problems answered by a service become
JourneyErrors that say which call failed and why (the problem's title and detail)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Self
from uuid import UUID

import httpx
from samen_contract import pseudonymous_id
from samen_kit.access import Role, mint_staff_token
from samen_kit.access.devkeys import DEV_STAFF_ISSUER, dev_staff_key
from samen_kit.localinfra.demo_accounts import demo_accounts
from samen_kit.localinfra.keycloak import sign_in

from samen_cli.demo_region import Region, StaffMember
from samen_cli.journey.polling import JourneyError
from samen_cli.journey.site import Site

TOKEN_TTL = timedelta(hours=2)


@dataclass(frozen=True)
class Badge:
    """Who a token says the caller is: a person id, a role and the schools it covers."""

    person_id: UUID
    role: Role
    schools: tuple[UUID, ...] = ()
    boards: tuple[UUID, ...] = ()

    @classmethod
    def of(cls, member: StaffMember) -> Badge:
        school = member.school
        if school is None:
            return cls(member.person_id, Role(member.role.value))
        return cls(
            member.person_id, Role(member.role.value), (school.school_id,), (school.board_id,)
        )

    @classmethod
    def inspectie(cls, tenant: str) -> Badge:
        return cls(pseudonymous_id("staff", tenant, "inspectie"), Role.INSPECTIE)


class StaffDesk:
    """One HTTP client per (badge, service), made on first use, closed together."""

    def __init__(
        self, site: Site, region: Region, transport: httpx.AsyncBaseTransport | None = None
    ) -> None:
        self._site, self._tenant, self._transport = site, region.tenant, transport
        self._key = dev_staff_key(site.keys_dir)
        self._clients: dict[tuple[Badge, str], httpx.AsyncClient] = {}
        self._signed_in: dict[UUID, str] | None = None

    async def _sign_in_at_keycloak(self, url: str) -> dict[UUID, str]:
        """Every demo account's token, by person id (the badges' ids are the same)."""
        accounts = [a for a in demo_accounts() if a.tenant == self._tenant]
        if not accounts:
            raise JourneyError(f"Keycloak has no accounts for tenant {self._tenant}")
        tokens = await asyncio.gather(*(sign_in(url, a.username) for a in accounts))
        return {UUID(a.user_id): token for a, token in zip(accounts, tokens, strict=True)}

    def token(self, badge: Badge) -> str:
        if self._signed_in is not None:
            try:
                return self._signed_in[badge.person_id]
            except KeyError:
                raise JourneyError(f"no Keycloak account for a {badge.role.value}") from None
        return mint_staff_token(
            self._key,
            subject=str(badge.person_id),
            role=badge.role,
            tenant=self._tenant,
            issuer=DEV_STAFF_ISSUER,
            now=self._site.now(),
            schools=[str(s) for s in badge.schools],
            boards=[str(b) for b in badge.boards],
            ttl=TOKEN_TTL,
        )

    def at(self, service: str, badge: Badge) -> httpx.AsyncClient:
        key = (badge, service)
        if key not in self._clients:
            self._clients[key] = httpx.AsyncClient(
                base_url=self._site.url(service),
                headers={"Authorization": f"Bearer {self.token(badge)}"},
                timeout=60.0,
                transport=self._transport,
            )
        return self._clients[key]

    async def call(
        self, service: str, badge: Badge, method: str, path: str, *, retries: int = 0, **kwargs: Any
    ) -> httpx.Response:
        """One call; `retries` more after a 5xx, for idempotent calls only (an import
        sent again changes nothing, so a transient failure such as a deadlock is retried)."""
        for attempt in range(retries + 1):
            response = await self.at(service, badge).request(method, path, **kwargs)
            if response.status_code < 500 or attempt == retries:
                break
            await asyncio.sleep(0.5 * (attempt + 1))
        if response.is_error:
            raise JourneyError(f"{method} {service}{path}: {response.status_code} {_why(response)}")
        return response

    async def json(self, service: str, badge: Badge, method: str, path: str, **kwargs: Any) -> Any:
        return (await self.call(service, badge, method, path, **kwargs)).json()

    async def __aenter__(self) -> Self:
        if self._site.keycloak_url:
            self._signed_in = await self._sign_in_at_keycloak(self._site.keycloak_url)
        return self

    async def __aexit__(self, *_exc_info: object) -> None:
        for client in self._clients.values():
            await client.aclose()
        self._clients.clear()


def _why(response: httpx.Response) -> str:
    try:
        problem = response.json()
    except ValueError:
        return response.text[:300]
    if not isinstance(problem, dict):
        return str(problem)[:300]
    return " — ".join(str(problem[k]) for k in ("title", "detail", "code") if problem.get(k))
