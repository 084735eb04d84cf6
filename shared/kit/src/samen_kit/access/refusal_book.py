"""Refused attempts, once for every service: one classification, one hidden-miss
exception answered as 404, one recorder counting into the kit's repository.

A service declares only its resource kinds (`ResourceKinds`: route prefix → kind) and
gives the store of its count table; everything else — which reason and credential an
attempt is recorded as, under which tenant, for which route — is decided here.

- `classify` maps the access kit's refusal to the trail's (reason, credential).
- `Hidden` is raised by a lookup that must not tell absent from another tenant's or
  out of the caller's reach; `install_refusals` answers it as `NotFound` (through the
  app's own problem handler, so parent pages keep their page) after counting it.
- A miss that hid something (another tenant's, out of reach) is counted; a plain miss
  (nothing there at all) is answered alike and counted nowhere, in every service.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum

from fastapi import FastAPI, Request
from samen_contract.envelope import PLATFORM_TENANT
from samen_contract.events.access import AccessRefusedReason as Why
from samen_contract.events.access import Credential
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.responses import Response
from starlette.types import Scope

from samen_kit.access.dependencies import accepted_credential, accepted_tenant
from samen_kit.access.refusals import Refusal, RefusalReason
from samen_kit.access.roles import Audience
from samen_kit.access.scope import current_scope, method_and_route
from samen_kit.app_state import AppState
from samen_kit.clock import Clock
from samen_kit.problems import NotFound, Problem
from samen_kit.refusal_counts import RefusalGroup, StoreFactory, count_refusal, window_of

_TOKEN_REASONS = {
    RefusalReason.FORGED: Why.FORGED_TOKEN,
    RefusalReason.WRONG_ISSUER: Why.FORGED_TOKEN,
    RefusalReason.EXPIRED: Why.EXPIRED_TOKEN,
    RefusalReason.TOO_LONG_LIVED: Why.EXPIRED_TOKEN,
}
_PRESENTED = {Audience.STAFF: Credential.STAFF_TOKEN, Audience.GUARDIAN: Credential.GUARDIAN_TOKEN}
_OTHER = {Audience.STAFF: Credential.GUARDIAN_TOKEN, Audience.GUARDIAN: Credential.STAFF_TOKEN}


def classify(
    reason: RefusalReason,
    audience: Audience,
    *,
    from_session: bool = False,
    accepted: str | None = None,
) -> tuple[Why, Credential]:
    """The trail's reason and credential of one refusal; the same in every service.

    `audience`: whom the route is for. `from_session`: the guardian session cookie was
    refused. `accepted`: what the request had proven before a later check refused it.
    """
    match reason:
        case RefusalReason.MISSING:
            return Why.MISSING_TOKEN, Credential.NONE
        case RefusalReason.MALFORMED:
            return Why.FORGED_TOKEN, Credential.UNREADABLE
        case RefusalReason.WRONG_AUDIENCE:  # what was presented: the other audience's token
            return Why.WRONG_AUDIENCE, _OTHER[audience]
        case RefusalReason.REUSED:
            return Why.REUSED_TOKEN, Credential.GUARDIAN_TOKEN
        case RefusalReason.NOT_PERMITTED:
            return Why.FORBIDDEN_ROLE, _credential(accepted, audience)
    if from_session:
        return Why.INVALID_SESSION, Credential.GUARDIAN_SESSION
    return _TOKEN_REASONS[reason], _PRESENTED[audience]


def _credential(accepted: str | None, audience: Audience) -> Credential:
    if accepted is not None and accepted in Credential.__members__.values():
        return Credential(accepted)
    return _PRESENTED[audience]


class HiddenReason(StrEnum):
    NOT_FOUND = "not_found"
    OTHER_TENANT = "other_tenant"
    OUT_OF_SCOPE = "out_of_scope"


_HIDDEN = {
    HiddenReason.NOT_FOUND: Why.NOT_FOUND,
    HiddenReason.OTHER_TENANT: Why.OTHER_TENANT,
    HiddenReason.OUT_OF_SCOPE: Why.OUT_OF_SCOPE,
}


class Hidden(Exception):
    """Not there for this caller: absent, another tenant's, or out of their reach.

    All three are answered alike (404); the trail records which. `tenant`: the tenant
    to record under — the owner's for another tenant's item, else the caller's.
    """

    def __init__(
        self, kind: str, why: HiddenReason = HiddenReason.NOT_FOUND, *, tenant: str | None = None
    ) -> None:
        # A plain miss counts nowhere, so only what is hidden must name its tenant.
        if tenant is None and why is not HiddenReason.NOT_FOUND:
            raise ValueError("a hidden item names the tenant to record it under")
        super().__init__(f"{kind} not found")
        self.kind = kind
        self.why = why
        self.tenant = tenant or PLATFORM_TENANT

    @classmethod
    def miss(cls, kind: str, *, owner: str | None, caller: str) -> Hidden:
        """What a lookup that found nothing for the caller hides: nothing (no `owner`),
        another tenant's item, or one of the caller's tenant out of the caller's reach."""
        if owner is None:
            return cls(kind)
        why = HiddenReason.OTHER_TENANT if owner != caller else HiddenReason.OUT_OF_SCOPE
        return cls(kind, why, tenant=owner)


class ResourceKinds:
    """What a route is about: the longest declared prefix of its template wins."""

    def __init__(self, prefixes: Mapping[str, str], default: str) -> None:
        self._prefixes = sorted(prefixes.items(), key=lambda item: len(item[0]), reverse=True)
        self.default = default

    def of(self, route: str) -> str:
        return next(
            (kind for prefix, kind in self._prefixes if route.startswith(prefix)), self.default
        )


def _proven(request: Request) -> Credential:
    accepted = accepted_credential(request)
    audience = Audience.GUARDIAN if accepted and "guardian" in accepted else Audience.STAFF
    return _credential(accepted, audience)


class RefusalBook:
    """The service's `RefusalRecorder`, and the counter of hidden misses."""

    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        clock: Clock,
        store: StoreFactory,
        kinds: ResourceKinds,
    ) -> None:
        self._sessions = sessions
        self._clock = clock
        self.store = store
        self.kinds = kinds

    async def __call__(self, refusal: Refusal, /) -> None:
        why, credential = classify(
            refusal.reason,
            refusal.audience,
            from_session=refusal.from_session,
            accepted=refusal.accepted,
        )
        tenant = refusal.proven.tenant or PLATFORM_TENANT
        await self.count(why, credential, tenant, current_scope(), at=refusal.at)

    async def hidden(self, request: Request, error: Hidden) -> None:
        """A miss answered as 404, counted under the credential the request had proven
        when it hid something (another tenant's, out of reach). A plain miss is no
        refusal: clients poll for what is still on its way (eventual consistency)."""
        if error.why is HiddenReason.NOT_FOUND:
            return
        await self.count(_HIDDEN[error.why], _proven(request), error.tenant, request.scope)

    async def forbidden(self, request: Request) -> None:
        """A proven caller the service itself refused (a role, a guardian without
        standing for the pupil): `forbidden_role`, under the caller's tenant."""
        tenant = accepted_tenant(request) or PLATFORM_TENANT
        await self.count(Why.FORBIDDEN_ROLE, _proven(request), tenant, request.scope)

    async def count(
        self,
        why: Why,
        credential: Credential,
        tenant: str,
        scope: Scope | None,
        *,
        at: datetime | None = None,
    ) -> None:
        """Count one refused attempt of the request in `scope`."""
        method, route = method_and_route(scope)
        group = RefusalGroup(
            window_start=window_of(at or self._clock.now()),
            tenant=tenant,
            reason=why.value,
            credential=credential.value,
            method=method,
            route=route,
            resource_kind=self.kinds.of(route),
        )
        await count_refusal(self._sessions, self.store, group)


_BOOK = AppState("samen_refusal_book", RefusalBook, "install_refusals(app, ...)")


def install_refusals(app: FastAPI, book: RefusalBook) -> None:
    """Answer `Hidden` as 404 (through the app's own problem handler), counted first."""

    async def on_hidden(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, Hidden)
        await book.hidden(request, exc)
        problem = NotFound()
        handler = request.app.exception_handlers[Problem]
        response: Response = await handler(request, problem)
        return response

    _BOOK.install(app, book)
    app.add_exception_handler(Hidden, on_hidden)


def refusal_book_of(request: Request) -> RefusalBook:
    return _BOOK.of(request)
