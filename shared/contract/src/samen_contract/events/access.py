"""`AccessRefused`: refused attempts, emitted by every service on its own topic.

Design: one abstract class holds the payload; each service has its own concrete
subclass, also named `AccessRefused`, whose `__service__` is that service. So the type
is `samen.<service>.AccessRefused.v1` for the emitting service, each type has its own
committed schema, the registry resolves every type to a class, and
`isinstance(x, AccessRefused)` holds for all of them. Get the class with
`AccessRefused.for_service("consent")`.

A flood must not bloat the trail: a service counts refusals per (reason, credential,
method, route, resource kind) and minute, and emits one event per group with the count.
Subject and tenant: the tenant the attempt aimed at when the service can trust it, else
`envelope.PLATFORM_TENANT` (a forged token names no trustworthy tenant). No personal
data: no token, no IP address, no user agent; the route is its template.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field

from samen_contract.events.base import Event, concrete_per_service
from samen_contract.fields import MinuteStart
from samen_contract.topics import SERVICES, check_service


class AccessRefusedReason(StrEnum):
    MISSING_TOKEN = "missing_token"
    FORGED_TOKEN = "forged_token"  # bad signature, unknown key or unreadable token
    EXPIRED_TOKEN = "expired_token"
    REUSED_TOKEN = "reused_token"  # a guardian link that already started a session
    WRONG_AUDIENCE = "wrong_audience"  # a guardian token on a staff route, or the reverse
    INVALID_SESSION = "invalid_session"  # a guardian session cookie forged or expired
    OTHER_TENANT = "other_tenant"  # answered as not found; recorded as what it was
    OUT_OF_SCOPE = "out_of_scope"  # a board or school the token does not cover
    NOT_FOUND = "not_found"
    FORBIDDEN_ROLE = "forbidden_role"


class Credential(StrEnum):
    """What the refused caller presented."""

    NONE = "none"
    STAFF_TOKEN = "staff_token"
    GUARDIAN_TOKEN = "guardian_token"
    GUARDIAN_SESSION = "guardian_session"
    UNREADABLE = "unreadable"


RouteTemplate = Annotated[str, Field(pattern=r"^/[A-Za-z0-9_{}/.-]*$", max_length=200)]
ResourceKind = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]


class AccessRefused(Event):
    """Attempts refused in one minute, grouped by all the fields below but the count."""

    reason: AccessRefusedReason
    credential: Credential
    method: Annotated[str, Field(pattern=r"^[A-Z]{3,7}$")]
    route: RouteTemplate  # the template, e.g. /consent/requests/{request_id}
    resource_kind: ResourceKind  # e.g. consent_request
    window_start: MinuteStart  # UTC
    count: Annotated[int, Field(ge=1)]

    @classmethod
    def for_service(cls, service: str) -> type[AccessRefused]:
        """The concrete class whose type is `samen.<service>.AccessRefused.v1`."""
        return _BY_SERVICE[check_service(service)]


_BY_SERVICE = concrete_per_service(AccessRefused, SERVICES)
